"""torch.profiler's self CPU time per op and input shapes, for the PyTorch sides of the
RealRunner benchmark (scripts/bench_dcgan_pytorch.py, scripts/bench_resnetgan_pytorch.py).

The input shapes tell a network's layers apart (a convolution's forward, `mkldnn_convolution`
or `_convolution`, and its backward, `convolution_backward`, per layer); self time is the
time inside the op itself, so the rows add up to the profiled iterations' CPU time.
"""
import json
import time

from torch.profiler import ProfilerActivity, profile


def profile_iterations(iteration, iterations, path):
    """Runs `iteration` `iterations` times under the profiler and writes, per iteration, the
    wall seconds and one row per (op, input shapes): self and total (with the ops it called)
    CPU microseconds, and calls."""
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        t0 = time.perf_counter()
        for _ in range(iterations):
            iteration()
        wall = (time.perf_counter() - t0) / iterations
    rows = [dict(name=e.key, shapes=e.input_shapes, selfMicroseconds=e.self_cpu_time_total / iterations,
                 totalMicroseconds=e.cpu_time_total / iterations, calls=e.count / iterations)
            for e in prof.key_averages(group_by_input_shape=True) if e.cpu_time_total > 0]
    rows.sort(key=lambda r: -r["selfMicroseconds"])
    with open(path, "w") as f:
        json.dump(dict(wallSeconds=wall, rows=rows), f)
