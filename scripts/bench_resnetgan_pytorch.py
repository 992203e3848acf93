#!/usr/bin/env python3
"""PyTorch side of the RealRunner benchmark for resnet-gan (Benchmarks/RealRunnerVsPyTorch.sh).

Times the SNGAN CIFAR-10 ResNet (32x32, G ch 256, D ch 128, nz 128) training iteration
at a batch size and thread count, layer by layer as gansim builds it
(Sources/Workload/Architectures/ResNetGANBuilder.swift) and following the recipe gansim's
CPU trainer executes for it (hinge loss, nDisc 5, Adam 2e-4 betas 0/0.9):
  5 x D step: G(z) without grads, D on real and fake concatenated into one batch of 2B
              (gansim's 2B pass; D has no batch norm, so this equals two passes except
              that spectral norm runs one power iteration, as gansim's one D forward does),
              hinge loss, backward, Adam;
  G step:     G(z'), D(fake) with D's weights frozen (one more power iteration, as gansim's
              D forward in G's step), -mean(D(fake)), G backward, Adam.
Spectral norm is torch.nn.utils.spectral_norm (one power iteration per training forward,
u and v constants in the backward), on every conv and linear of D, as in gansim.
Prints one JSON object: median and all iteration times in seconds, and the median CPU
seconds of the process per iteration (all threads); with --profile, also
writes torch.profiler's self CPU time per op and input shapes to that file.

    python3 scripts/bench_resnetgan_pytorch.py --threads 2 --batch 64 --iterations 4
"""
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import spectral_norm

import bench_timing


class GBlock(nn.Module):
    """BN, ReLU, upsample x2, 3x3 conv, BN, ReLU, 3x3 conv; shortcut upsample x2 + 1x1 conv."""

    def __init__(self, ch):
        super().__init__()
        self.bn1, self.conv1 = nn.BatchNorm2d(ch), nn.Conv2d(ch, ch, 3, 1, 1)
        self.bn2, self.conv2 = nn.BatchNorm2d(ch), nn.Conv2d(ch, ch, 3, 1, 1)
        self.sc_conv = nn.Conv2d(ch, ch, 1)

    def forward(self, x):
        h = F.interpolate(F.relu(self.bn1(x)), scale_factor=2, mode="nearest")
        h = self.conv2(F.relu(self.bn2(self.conv1(h))))
        return h + self.sc_conv(F.interpolate(x, scale_factor=2, mode="nearest"))


class Generator(nn.Module):
    def __init__(self, nz=128, ch=256):
        super().__init__()
        self.ch = ch
        self.fc = nn.Linear(nz, ch * 16)
        self.blocks = nn.Sequential(GBlock(ch), GBlock(ch), GBlock(ch))
        self.bn, self.conv = nn.BatchNorm2d(ch), nn.Conv2d(ch, 3, 3, 1, 1)

    def forward(self, z):
        x = self.blocks(self.fc(z).view(-1, self.ch, 4, 4))
        return torch.tanh(self.conv(F.relu(self.bn(x))))


class DBlockOptimized(nn.Module):
    """conv, ReLU, conv, avg-pool; shortcut avg-pool + 1x1 conv (all spectrally normalised)."""

    def __init__(self, cin, ch):
        super().__init__()
        self.conv1 = spectral_norm(nn.Conv2d(cin, ch, 3, 1, 1))
        self.conv2 = spectral_norm(nn.Conv2d(ch, ch, 3, 1, 1))
        self.sc_conv = spectral_norm(nn.Conv2d(cin, ch, 1))

    def forward(self, x):
        h = F.avg_pool2d(self.conv2(F.relu(self.conv1(x))), 2)
        return h + self.sc_conv(F.avg_pool2d(x, 2))


class DBlock(nn.Module):
    """ReLU, conv, ReLU, conv (then avg-pool when down-sampling); shortcut 1x1 conv + avg-pool
    when down-sampling, else the identity."""

    def __init__(self, ch, down):
        super().__init__()
        self.down = down
        self.conv1 = spectral_norm(nn.Conv2d(ch, ch, 3, 1, 1))
        self.conv2 = spectral_norm(nn.Conv2d(ch, ch, 3, 1, 1))
        self.sc_conv = spectral_norm(nn.Conv2d(ch, ch, 1)) if down else None

    def forward(self, x):
        h = self.conv2(F.relu(self.conv1(F.relu(x))))
        if self.down:
            return F.avg_pool2d(h, 2) + F.avg_pool2d(self.sc_conv(x), 2)
        return h + x


class Discriminator(nn.Module):
    def __init__(self, ch=128):
        super().__init__()
        self.blocks = nn.Sequential(DBlockOptimized(3, ch), DBlock(ch, True), DBlock(ch, False), DBlock(ch, False))
        self.fc = spectral_norm(nn.Linear(ch, 1))

    def forward(self, x):
        return self.fc(F.relu(self.blocks(x)).sum(dim=(2, 3)))


def main():
    ap = argparse.ArgumentParser()
    bench_timing.add_arguments(ap, iterations=4, warmup=1)
    ap.add_argument("--ndisc", type=int, default=5)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    nz, b = 128, args.batch
    G, D = Generator(nz), Discriminator()
    og = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.0, 0.9))
    od = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.0, 0.9))
    real = torch.rand(b, 3, 32, 32) * 2 - 1

    def iteration():
        for _ in range(args.ndisc):
            with torch.no_grad():
                fake = G(torch.randn(b, nz))
            logits = D(torch.cat([real, fake])).reshape(-1)
            loss_d = F.relu(1 - logits[:b]).mean() + F.relu(1 + logits[b:]).mean()
            bench_timing.step(od, loss_d)
        bench_timing.generator_step(D, og, lambda: -D(G(torch.randn(b, nz))).mean())

    bench_timing.time_and_report(iteration, args)


if __name__ == "__main__":
    main()
