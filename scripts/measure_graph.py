#!/usr/bin/env python3
"""Time a gansim graph in PyTorch, op by op and step by step, on any device.

    gansim export-graph biggan --resolution 128 --batch 16 > graph.json
    python3 scripts/measure_graph.py graph.json --device cuda --out measurements.jsonl
    gansim calibrate --measurements measurements.jsonl --device a100-80gb --out a100-fitted.json

The graph is rebuilt layer by layer from the exported ops (same shapes, attributes and
parameter counts; the script checks the counts against the export). Each op is timed
alone (forward, and forward+backward for the backward pass) on random inputs of its
exported shapes (a backward record is forward+backward minus forward minus the cost of a
`.backward()` call itself, measured once on a one-element graph); then whole training
steps of the GAN (D step on real+fake, G step, Adam) are timed. Output is JSON lines in the format `gansim calibrate --measurements` reads:
op records carry `kind`, `flops`, `bytesRead`, `bytesWritten` (from the export) and
`medianSeconds`; step records carry `type: "step"`. The first line records provenance
(device name, driver, library versions, date).

Precision follows the export's `--precision`: `fp32` turns TF32 off (PyTorch's cuDNN
default would otherwise use it), `tf32` turns it on for matmuls and convolutions,
`bf16`/`fp16` run forward passes under `torch.autocast` (mixed precision as in training;
no loss scaler). On CUDA each timing sample is a burst of back-to-back calls with one
synchronisation, divided by the burst length: the steady-state cost of an op inside a
step, where the CPU queues kernels ahead of the GPU. cuDNN autotuning is on
(`cudnn.benchmark`, as the official BigGAN and StyleGAN2 code set it); warm-up calls
absorb it. Step records name the model configuration, the recipe timed (one D step on
real+fake together, one G step with D's weights frozen, Adam, no EMA or regularisers),
and the peak memory PyTorch allocated during the timed steps (after warm-up).
"""
import argparse
import datetime
import json
import contextlib
import platform
import statistics
import subprocess
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def sn(module, enabled):
    return nn.utils.spectral_norm(module) if enabled else module


class Op(nn.Module):
    """One exported op as a PyTorch module; `forward` takes the op's input tensors."""

    def __init__(self, rec):
        super().__init__()
        self.rec = rec
        k, a = rec["kind"], rec["attributes"]
        i = lambda key: int(a[key])
        b = lambda key: bool(a.get(key, 0))
        self.kind = k
        if k == "linear":
            self.m = sn(nn.Linear(i("inFeatures"), i("outFeatures"), bias=b("bias")), b("spectralNorm"))
        elif k == "conv2d":
            self.m = sn(nn.Conv2d(i("inChannels"), i("outChannels"), i("kernel"), i("stride"), i("padding"),
                                  bias=b("bias")), b("spectralNorm"))
        elif k == "conv_transpose2d":
            self.m = sn(nn.ConvTranspose2d(i("inChannels"), i("outChannels"), i("kernel"), i("stride"),
                                           i("padding"), bias=b("bias")), b("spectralNorm"))
        elif k == "batch_norm":
            self.m = nn.BatchNorm2d(i("channels"), affine=b("affine")) if len(rec["outputShape"]) == 3 \
                else nn.BatchNorm1d(i("channels"), affine=b("affine"))
        elif k == "conditional_batch_norm":
            c, cond = i("channels"), i("conditionFeatures")
            self.bn = nn.BatchNorm2d(c, affine=False)
            self.gain = sn(nn.Linear(cond, c, bias=False), b("spectralNorm"))
            self.bias = sn(nn.Linear(cond, c, bias=False), b("spectralNorm"))
        elif k == "self_attention":
            c = i("channels")
            s = b("spectralNorm")
            self.theta = sn(nn.Conv2d(c, c // 8, 1, bias=False), s)
            self.phi = sn(nn.Conv2d(c, c // 8, 1, bias=False), s)
            self.g = sn(nn.Conv2d(c, c // 2, 1, bias=False), s)
            self.o = sn(nn.Conv2d(c // 2, c, 1, bias=False), s)
            self.gamma = nn.Parameter(torch.tensor(0.0))
        elif k == "embedding":
            self.m = nn.Embedding(i("classes"), i("features"))
        elif k == "constant":
            self.const = nn.Parameter(torch.randn(*rec["outputShape"]))
        elif k in ("modulated_conv2d", "to_rgb"):
            cin, cout, kk, wdim = i("inChannels"), i("outChannels"), i("kernel"), i("wDim")
            self.affine = nn.Linear(wdim, cin)
            self.weight = nn.Parameter(torch.randn(cout, cin, kk, kk))
            self.bias = nn.Parameter(torch.zeros(cout))
            self.demod, self.up, self.pad = b("demodulate"), i("up"), kk // 2
        elif k == "noise":
            self.strength = nn.Parameter(torch.zeros([]))
        elif k == "fir_filter":
            self.taps, self.down = i("taps"), i("down")
            self.register_buffer("f", torch.ones(1, 1, self.taps, self.taps) / self.taps ** 2)
        self.slope = a.get("slope", 0.2)

    def forward(self, *xs):
        k, a, rec = self.kind, self.rec["attributes"], self.rec
        x = xs[0] if xs else None
        if k in ("linear", "conv2d", "conv_transpose2d", "batch_norm"):
            return self.m(x)
        if k == "embedding":
            return self.m(x.long().view(-1))
        if k == "conditional_batch_norm":
            y = xs[1]
            return self.bn(x) * (1 + self.gain(y))[:, :, None, None] + self.bias(y)[:, :, None, None]
        if k == "relu":
            return F.relu(x)
        if k == "leaky_relu":
            return F.leaky_relu(x, self.slope)
        if k == "tanh":
            return torch.tanh(x)
        if k == "sigmoid":
            return torch.sigmoid(x)
        if k == "upsample":
            return F.interpolate(x, scale_factor=int(a["factor"]), mode="nearest")
        if k == "avg_pool":
            return F.avg_pool2d(x, int(a["kernel"]))
        if k == "add":
            return x + xs[1]
        if k == "concat":
            return torch.cat(xs, 1)
        if k == "slice":
            s = int(a["start"])
            return x[:, s:s + int(a["count"])]
        if k == "reshape":
            return x.reshape(x.shape[0], *rec["outputShape"])
        if k == "projection":
            return (x * xs[1]).sum(1, keepdim=True)
        if k == "pixel_norm":
            return x * (x.square().mean(1, keepdim=True) + 1e-8).rsqrt()
        if k == "global_sum_pool":
            return x.sum([2, 3])
        if k == "minibatch_stddev":
            n, c, h, w = x.shape
            g = min(int(a["groupSize"]), n)
            y = x.reshape(g, -1, int(a["statChannels"]), c // int(a["statChannels"]), h, w)
            y = (y - y.mean(0)).square().mean(0).add(1e-8).sqrt().mean([2, 3, 4]).reshape(-1, int(a["statChannels"]), 1, 1)
            return torch.cat([x, y.repeat(g, 1, h, w)], 1)
        if k == "self_attention":
            n, c, h, w = x.shape
            theta = self.theta(x).view(n, c // 8, h * w)
            phi = F.max_pool2d(self.phi(x), 2).view(n, c // 8, h * w // 4)
            g = F.max_pool2d(self.g(x), 2).view(n, c // 2, h * w // 4)
            beta = F.softmax(torch.bmm(theta.transpose(1, 2), phi), -1)
            o = self.o(torch.bmm(g, beta.transpose(1, 2)).view(n, c // 2, h, w))
            return self.gamma * o + x
        if k == "constant":
            return self.const.unsqueeze(0).expand(self.batch, *self.const.shape)
        if k in ("modulated_conv2d", "to_rgb"):
            w = xs[1]
            styles = self.affine(w)
            x = x * styles[:, :, None, None]
            if self.up > 1:
                x = F.conv_transpose2d(x, self.weight.transpose(0, 1), stride=2, padding=self.pad,
                                       output_padding=1)
            else:
                x = F.conv2d(x, self.weight, padding=self.pad)
            if self.demod:
                d = ((self.weight[None] * styles[:, None, :, None, None]).square().sum([2, 3, 4]) + 1e-8).rsqrt()
                x = x * d[:, :, None, None]
            return x + self.bias[None, :, None, None]
        if k == "noise":
            n, c, h, w = x.shape
            return x + torch.randn(n, 1, h, w, device=x.device) * self.strength
        if k == "fir_filter":
            c = x.shape[1]
            y = F.conv2d(F.pad(x, [1, 2, 1, 2]), self.f.expand(c, 1, -1, -1), groups=c)
            return y[:, :, ::self.down, ::self.down]
        raise SystemExit(f"measure_graph.py: op kind '{k}' of {rec['name']} is not supported")


class Net(nn.Module):
    """A whole exported network: runs its ops in order."""

    def __init__(self, record):
        super().__init__()
        self.records = record["ops"]
        self.ops = nn.ModuleList([Op(r) for r in self.records])
        params = sum(p.numel() for p in self.parameters())
        if params != record["parameters"]:
            raise SystemExit(f"{record['name']}: PyTorch build has {params} parameters, export says "
                             f"{record['parameters']}")

    def inputs(self, batch, device):
        out = {}
        for r in self.records:
            if r["kind"] == "input":
                shape = [batch] + r["outputShape"]
                out[r["id"]] = torch.randint(0, 10, shape, device=device).float() if r["name"].endswith("label") \
                    else torch.randn(shape, device=device)
        return out

    def forward(self, feeds, batch):
        values = {}
        for r, op in zip(self.records, self.ops):
            if r["kind"] == "input":
                values[r["id"]] = feeds[r["id"]]
                continue
            op.batch = batch
            values[r["id"]] = op(*[values[i] for i in r["inputs"]])
        return values[self.records[-1]["id"]]


def sync(device):
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def timed(fn, device, repeats, warmup=3, burst=None):
    """Median seconds of one call of `fn` over `repeats` samples (bursts of calls on CUDA)."""
    burst = burst or (10 if device.startswith("cuda") else 1)
    for _ in range(warmup):
        fn()
    sync(device)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(burst):
            fn()
        sync(device)
        times.append((time.perf_counter() - t0) / burst)
    return statistics.median(times)


def precision_context(precision, device):
    """Sets TF32 for `precision` and returns the context forward passes run in."""
    tf32 = precision == "tf32"
    torch.backends.cuda.matmul.allow_tf32 = tf32
    torch.backends.cudnn.allow_tf32 = tf32
    torch.backends.cudnn.benchmark = True
    if precision in ("bf16", "fp16"):
        dtype = torch.bfloat16 if precision == "bf16" else torch.float16
        return lambda: torch.autocast(device_type="cuda" if device.startswith("cuda") else "cpu", dtype=dtype)
    if precision in ("fp32", "tf32"):
        return contextlib.nullcontext
    raise SystemExit(f"measure_graph.py: precision '{precision}' of the export is not supported")


def backward_call_seconds(device, repeats):
    """Seconds one `.backward()` call costs beyond its kernels: the autograd engine's hand-off.

    Timed on a one-element graph. A training step pays it once per backward pass, but
    timing each op alone pays it per op, so it is subtracted from every backward record.
    """
    x = torch.ones(1, device=device, requires_grad=True)
    g = torch.ones(1, device=device)
    forward_only = timed(lambda: x * 2, device, repeats)
    both = timed(lambda: (x * 2).backward(g), device, repeats)
    return max(0.0, both - 2 * forward_only)


def driver_version():
    """The NVIDIA driver version from nvidia-smi, or None."""
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip().splitlines()[0] if out.returncode == 0 and out.stdout.strip() else None
    except (OSError, subprocess.SubprocessError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", help="JSON from `gansim export-graph`")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--out", default="-")
    ap.add_argument("--steps-only", action="store_true", help="time whole steps only (no per-op records)")
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    export = json.load(open(args.graph))
    batch, dev, precision = export["batch"], args.device, export.get("precision", "fp32")
    autocast = precision_context(precision, dev)
    torch.manual_seed(0)
    out = sys.stdout if args.out == "-" else open(args.out + ".tmp", "w")
    provenance = {"type": "provenance", "model": export["model"], "batch": batch, "device": dev,
                  "deviceName": torch.cuda.get_device_name() if dev.startswith("cuda") else platform.processor(),
                  "torch": torch.__version__, "cuda": torch.version.cuda,
                  "driver": driver_version() if dev.startswith("cuda") else None,
                  "cudnn": torch.backends.cudnn.version() if dev.startswith("cuda") else None,
                  "precision": precision, "config": export.get("config"),
                  "threads": torch.get_num_threads(), "python": platform.python_version(),
                  "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}
    call = backward_call_seconds(dev, args.repeats)
    provenance["backwardCallSeconds"] = call
    print(json.dumps(provenance), file=out)
    nets = {}
    for role in ("generator", "discriminator"):
        net = Net(export[role]).to(dev)
        nets[role] = net
        values = {}
        with torch.no_grad(), autocast():
            feeds = net.inputs(batch, dev)
            for r, op in zip(net.records, net.ops):
                op.batch = batch
                values[r["id"]] = feeds[r["id"]] if r["kind"] == "input" else op(*[values[i] for i in r["inputs"]])
        for r, op in zip(net.records, net.ops):
            if r["kind"] in ("input", "reshape") or args.steps_only:
                continue
            op.batch = batch
            args_ = [values[i].detach().clone().requires_grad_(values[i].is_floating_point() and
                                                                 net.records[i]["kind"] != "input")
                     for i in r["inputs"]]
            def forward():
                with autocast():
                    return op(*args_)
            fwd = timed(forward, dev, args.repeats)
            cost = r["cost"]
            rec = {"type": "op", "network": role[0].upper(), "op": r["name"], "kind": r["kind"],
                   "pass": "forward", "batch": batch, "precision": precision, "flops": cost["forward"]["flops"],
                   "bytesRead": cost["forward"]["bytesRead"], "bytesWritten": cost["forward"]["bytesWritten"],
                   "medianSeconds": fwd}
            print(json.dumps(rec), file=out)
            y = forward()
            if y.requires_grad:
                grad = torch.randn_like(y)
                both = timed(lambda: forward().backward(grad), dev, args.repeats)
                bwd = cost["backwardInput"] if any(a.requires_grad for a in args_) else \
                    {"flops": 0, "bytesRead": 0, "bytesWritten": 0}
                w = cost["backwardWeight"] if r["parameters"] > 0 else {"flops": 0, "bytesRead": 0, "bytesWritten": 0}
                if both - call > fwd:
                    rec.update({"pass": "backward", "flops": bwd["flops"] + w["flops"],
                                "bytesRead": bwd["bytesRead"] + w["bytesRead"],
                                "bytesWritten": bwd["bytesWritten"] + w["bytesWritten"], "medianSeconds": both - call - fwd})
                    print(json.dumps(rec), file=out)
    g, d = nets["generator"], nets["discriminator"]
    opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))

    image_id = next(r["id"] for r in d.records if r["kind"] == "input" and not r["name"].endswith("label"))

    def iteration():
        gf, df = g.inputs(batch, dev), d.inputs(2 * batch, dev)
        with torch.no_grad(), autocast():
            fake = g(gf, batch)
        df[image_id] = torch.cat([df[image_id][:batch], fake.to(df[image_id].dtype)])
        opt_d.zero_grad(set_to_none=True)
        d.requires_grad_(True)
        with autocast():
            loss = F.softplus(d(df, 2 * batch)).mean()
        loss.backward()
        opt_d.step()
        opt_g.zero_grad(set_to_none=True)
        d.requires_grad_(False)
        gf = g.inputs(batch, dev)
        dg = d.inputs(batch, dev)
        with autocast():
            dg[image_id] = g(gf, batch)
            loss = F.softplus(-d(dg, batch)).mean()
        loss.backward()
        opt_g.step()

    values = args_ = y = grad = None
    for _ in range(3):  # warm-up: cuDNN autotuning allocates trial workspaces the steps never hold
        iteration()
    if dev.startswith("cuda"):
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    step = timed(iteration, dev, args.repeats, warmup=0, burst=1)
    record = {"type": "step", "batch": batch, "stepSeconds": step, "device": dev, "precision": precision,
              "config": export.get("config"), "model": export["model"],
              "recipe": "1 D step on real+fake (2B), 1 G step with D frozen, Adam, no EMA or regularisers"}
    if dev.startswith("cuda"):
        record["peakAllocatedBytes"] = torch.cuda.max_memory_allocated()
    print(json.dumps(record), file=out)
    if out is not sys.stdout:
        out.close()
        import os
        os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
