#!/usr/bin/env python3
"""Regenerates the PyTorch reference fixtures of the RealRunner tests.

    python3 scripts/make_realrunner_fixtures.py   # writes Tests/RealRunnerTests/Fixtures/*.json

Inputs, weights and latents come from the deterministic `wave` formula, which the
Swift tests reproduce (TestSupport.wave), so the fixtures store only what PyTorch
computed: forward outputs, gradients, and the losses of the first DCGAN iterations.
The Swift test suite needs only the committed JSON files, never Python.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "RealRunnerTests", "Fixtures")


def wave(n, salt, scale=1.0):
    """sin(0.37 i + 1.7 salt) * cos(0.13 i + 0.5 salt) * scale, as float32 (Swift: TestSupport.wave)."""
    return torch.tensor([scale * math.sin(0.37 * i + 1.7 * salt) * math.cos(0.13 * i + 0.5 * salt)
                         for i in range(n)], dtype=torch.float64).float()


def rounded(t):
    return [float("%.7g" % v) for v in t.detach().reshape(-1).tolist()]


def layer_case(name, module, in_shape, salt, param_scale=0.3, sn_u=None):
    """Runs L = sum(module(x) * r) forward and backward; params and x from wave().

    Parameters are taken in gansim's order, weight then bias (spectral_norm moves
    `weight_orig` after `bias` in PyTorch's own order)."""
    weight = module.weight_orig if hasattr(module, "weight_orig") else getattr(module, "weight", None)
    params = [p for p in (weight, getattr(module, "bias", None)) if p is not None]
    with torch.no_grad():
        for k, p in enumerate(params):
            p.copy_(wave(p.numel(), salt + 10 + k, param_scale).reshape(p.shape))
        if sn_u is not None:
            module.weight_u.copy_(F.normalize(wave(module.weight_u.numel(), salt + 20), dim=0, eps=1e-12))
    x = wave(math.prod(in_shape), salt).reshape(in_shape).requires_grad_(True)
    y = module(x)
    r = wave(y.numel(), salt + 5).reshape(y.shape)
    (y * r).sum().backward()
    case = {
        "name": name, "salt": salt, "paramScale": param_scale, "inputShape": list(in_shape),
        "outputShape": list(y.shape), "output": rounded(y), "inputGrad": rounded(x.grad),
        "paramGrads": [rounded(p.grad) for p in params],
    }
    return case


class MinibatchStd(nn.Module):
    """StyleGAN2 MinibatchStdLayer (stylegan2-ada-pytorch networks.py)."""

    def __init__(self, group_size, num_channels):
        super().__init__()
        self.group_size, self.num_channels = group_size, num_channels

    def forward(self, x):
        N, C, H, W = x.shape
        G = min(self.group_size, N)
        Fc, c = self.num_channels, C // self.num_channels
        y = x.reshape(G, -1, Fc, c, H, W)
        y = y - y.mean(dim=0)
        y = y.square().mean(dim=0)
        y = (y + 1e-8).sqrt()
        y = y.mean(dim=[2, 3, 4])
        y = y.reshape(-1, Fc, 1, 1)
        y = y.repeat(G, 1, H, W)
        return torch.cat([x, y], dim=1)


def layers():
    torch.manual_seed(0)
    cases = [
        layer_case("conv2d", nn.Conv2d(3, 4, 3, 2, 1), (2, 3, 6, 6), 1),
        layer_case("convTranspose2d", nn.ConvTranspose2d(3, 2, 4, 2, 1), (2, 3, 3, 3), 2),
        layer_case("convTranspose2dFromVector", nn.ConvTranspose2d(5, 3, 4, 1, 0, bias=False), (2, 5, 1, 1), 3),
        layer_case("batchNorm2d", nn.BatchNorm2d(2), (3, 2, 3, 3), 4),
        layer_case("linear", nn.Linear(5, 4), (3, 5), 5),
        layer_case("minibatchStdDev", MinibatchStd(2, 2), (4, 4, 3, 3), 6),
    ]
    lin = nn.utils.spectral_norm(nn.Linear(5, 4))
    cases.append(layer_case("linearSpectralNorm", lin, (3, 5), 7, sn_u=True))
    conv = nn.utils.spectral_norm(nn.Conv2d(2, 3, 3, 1, 1))
    cases.append(layer_case("conv2dSpectralNorm", conv, (2, 2, 5, 5), 8, sn_u=True))
    return {"cases": cases}


def dcgan(res=32, ngf=4, nz=8):
    """The gansim dcgan graph (CostModel DCGANBuilder) at a tiny width."""
    stages = int(round(math.log2(res // 4)))
    g, ch = [], ngf << (stages - 1)
    g += [nn.ConvTranspose2d(nz, ch, 4, 1, 0, bias=False), nn.BatchNorm2d(ch), nn.ReLU()]
    for _ in range(1, stages):
        g += [nn.ConvTranspose2d(ch, ch // 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ch // 2), nn.ReLU()]
        ch //= 2
    g += [nn.ConvTranspose2d(ch, 3, 4, 2, 1, bias=False), nn.Tanh()]
    d, ch = [], ngf
    for s in range(stages):
        d.append(nn.Conv2d(3 if s == 0 else ch // 2, ch, 4, 2, 1, bias=False))
        if s > 0:
            d.append(nn.BatchNorm2d(ch))
        d.append(nn.LeakyReLU(0.2))
        if s < stages - 1:
            ch *= 2
    d.append(nn.Conv2d(ch, 1, 4, 1, 0, bias=False))
    return nn.Sequential(*g), nn.Sequential(*d)


def init_wave(net, salt):
    """Weights 0.02 * wave, BN gains 1 + 0.02 * wave, BN biases 0 (DCGAN-like)."""
    with torch.no_grad():
        for k, (name, p) in enumerate(net.named_parameters()):
            is_bn = p.dim() == 1
            w = wave(p.numel(), salt + k, 0.02).reshape(p.shape)
            if is_bn and name.endswith("weight"):
                p.copy_(1 + w)
            elif is_bn:
                p.zero_()
            else:
                p.copy_(w)


def dcgan_steps(iterations=3, batch=4, res=32, ngf=4, nz=8):
    """The gansim recipe: D step on real and G(z0) with BCE, Adam(2e-4, 0.5, 0.999);
    G step on G(z1) through D (D weights frozen), Adam."""
    G, D = dcgan(res, ngf, nz)
    init_wave(G, 100)
    init_wave(D, 200)
    og = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    losses = []
    for it in range(iterations):
        real = wave(batch * 3 * res * res, 1000 + it).reshape(batch, 3, res, res)
        z0 = wave(batch * nz, 2000 + 2 * it, 1.5).reshape(batch, nz, 1, 1)
        z1 = wave(batch * nz, 2001 + 2 * it, 1.5).reshape(batch, nz, 1, 1)
        with torch.no_grad():
            fake = G(z0)
        # Separate real and fake passes (batch-norm statistics per half), as gansim's
        # grouped batch norm over the 2B batch computes them.
        loss_d = bce(D(real).reshape(-1), torch.ones(batch)) + bce(D(fake).reshape(-1), torch.zeros(batch))
        od.zero_grad()
        loss_d.backward()
        od.step()
        for p in D.parameters():
            p.requires_grad_(False)
        loss_g = bce(D(G(z1)).reshape(-1), torch.ones(batch))
        og.zero_grad()
        loss_g.backward()
        og.step()
        for p in D.parameters():
            p.requires_grad_(True)
        losses.append({"discriminator": float("%.7g" % loss_d.item()), "generator": float("%.7g" % loss_g.item())})
    gsum = sum(float(p.detach().double().sum()) for p in G.parameters())
    dsum = sum(float(p.detach().double().sum()) for p in D.parameters())
    return {"resolution": res, "width": ngf, "latent": nz, "batch": batch, "iterations": iterations,
            "losses": losses, "generatorParameterSum": gsum, "discriminatorParameterSum": dsum}


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path + ".tmp", "w") as f:
        if "cases" in obj:  # one case per line keeps the file small and diffable
            f.write('{"cases": [\n' + ",\n".join(json.dumps(c, separators=(",", ":")) for c in obj["cases"]) + "\n]}\n")
        else:
            json.dump(obj, f, indent=1)
            f.write("\n")
    os.replace(path + ".tmp", path)
    print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")


if __name__ == "__main__":
    write("layers.json", layers())
    write("dcgan_steps.json", dcgan_steps())
