#!/usr/bin/env python3
"""PyTorch side of the RealRunner DCGAN benchmark (Benchmarks/RealRunnerVsPyTorch.sh).

Times the standard DCGAN-64 (nz 100, ngf = ndf = 64, PyTorch examples/dcgan) training
iteration at a batch size and thread count, following the same recipe gansim's CPU
trainer executes (CostModel TrainingRecipe, nDisc 1):
  D step: G(z) without grads, D on real and on fake (batch-norm statistics per half,
          as in the example and in gansim's 2B pass), BCE, backward, Adam;
  G step: G(z'), D(fake) with D's weights frozen (gradient into the images only),
          G backward, Adam.
Prints one JSON object: median and all iteration times in seconds, and the median CPU
seconds of the process per iteration (all threads); with --profile, also
writes torch.profiler's self CPU time per op and input shapes to that file
(scripts/bench_profile.py).

    python3 scripts/bench_dcgan_pytorch.py --threads 2 --batch 64 --iterations 10
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn


def dcgan64(nz=100, ngf=64, ndf=64, nc=3):
    G = nn.Sequential(
        nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
        nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())
    D = nn.Sequential(
        nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False))
    return G, D


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--profile", help="write torch.profiler's self CPU time per op and shapes (JSON) here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    nz, b = 100, args.batch
    G, D = dcgan64(nz)
    og = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    ones, zeros = torch.ones(b), torch.zeros(b)
    real = torch.rand(b, 3, 64, 64) * 2 - 1

    def iteration():
        with torch.no_grad():
            fake = G(torch.randn(b, nz, 1, 1))
        loss_d = bce(D(real).reshape(-1), ones) + bce(D(fake).reshape(-1), zeros)
        od.zero_grad(set_to_none=False)
        loss_d.backward()
        od.step()
        for p in D.parameters():
            p.requires_grad_(False)
        loss_g = bce(D(G(torch.randn(b, nz, 1, 1))).reshape(-1), ones)
        og.zero_grad(set_to_none=False)
        loss_g.backward()
        og.step()
        for p in D.parameters():
            p.requires_grad_(True)

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
    print(json.dumps({"framework": "pytorch " + torch.__version__, "threads": args.threads, "batch": b,
                      "stepSeconds": statistics.median(times), "times": times,
                      "cpuSeconds": statistics.median(cpu_times),
                      "mkldnn": torch.backends.mkldnn.is_available()}))


if __name__ == "__main__":
    main()
