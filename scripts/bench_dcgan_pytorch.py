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

import torch
import torch.nn as nn

import bench_timing


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
    bench_timing.add_arguments(ap, iterations=10, warmup=2)
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
        bench_timing.step(od, loss_d)
        bench_timing.generator_step(D, og, lambda: bce(D(G(torch.randn(b, nz, 1, 1))).reshape(-1), ones))

    bench_timing.time_and_report(iteration, args)


if __name__ == "__main__":
    main()
