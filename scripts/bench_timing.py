"""The timing shared by the PyTorch sides of the RealRunner benchmark (scripts/bench_dcgan_pytorch.py,
scripts/bench_resnetgan_pytorch.py): the common flags, and the timed iterations reported as one JSON object
(median wall and CPU seconds after the warm-up, every iteration's wall time), optionally followed by a
torch.profiler table (bench_profile.py); and the optimizer steps both sides take."""
import json
import statistics
import time

import torch


def add_arguments(ap, iterations, warmup):
    """Adds the flags every PyTorch side takes: threads, batch, timed iterations, warm-up and profile path."""
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--iterations", type=int, default=iterations)
    ap.add_argument("--warmup", type=int, default=warmup)
    ap.add_argument("--profile", help="write torch.profiler's self CPU time per op and shapes (JSON) here")


def step(optimizer, loss):
    """One optimizer step on `loss`: gradients zeroed in place (as gansim keeps its buffers), backward, update."""
    optimizer.zero_grad(set_to_none=False)
    loss.backward()
    optimizer.step()


def generator_step(D, optimizer, loss_fn):
    """G's step: D's parameters frozen (no weight gradients, as gansim's G step computes none) while `loss_fn()`
    runs forward and backward through D, then one update of G."""
    for p in D.parameters():
        p.requires_grad_(False)
    step(optimizer, loss_fn())
    for p in D.parameters():
        p.requires_grad_(True)


def time_and_report(iteration, args):
    """Runs `iteration` for the warm-up and timed iterations, profiles it if asked, and prints the JSON result."""
    times, cpu_times = [], []
    for i in range(args.warmup + args.iterations):
        t0, c0 = time.perf_counter(), time.process_time()
        iteration()
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
            cpu_times.append(time.process_time() - c0)
    if args.profile:
        from bench_profile import profile_iterations
        profile_iterations(iteration, args.iterations, args.profile)
    print(json.dumps({"framework": "pytorch " + torch.__version__, "threads": args.threads, "batch": args.batch,
                      "stepSeconds": statistics.median(times), "times": times,
                      "cpuSeconds": statistics.median(cpu_times),
                      "mkldnn": torch.backends.mkldnn.is_available()}))
