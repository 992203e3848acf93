#!/usr/bin/env python3
"""Op-by-op table of one training iteration: gansim's per-op timings against PyTorch's profile.

Reads gansim's `timings.jsonl` (`gansim train ... --out DIR`) and a profile written by the
PyTorch side's `--profile` (scripts/bench_profile.py), and prints, per layer and pass, the
milliseconds per iteration of each and their share of the iteration. Convolutions are
matched by (input channels, height, width, output channels, kernel): layers with equal keys
are summed together. PyTorch's convolution backward computes input and weight gradients in
one op, as gansim times them; Adam is PyTorch's optimizer step with what it calls; "other"
is what is left of each side's iteration (gansim: its untimed time, the loss, reshapes;
PyTorch: autograd, allocation, zero_grad, copies).

    python3 scripts/bench_op_table.py /tmp/g1/timings.jsonl /tmp/torch-profile.json
"""
import json
import math
import sys
from collections import defaultdict

ACTIVATIONS = {"relu", "relu_", "clamp_min", "clamp_min_", "threshold_backward", "leaky_relu", "leaky_relu_",
               "leaky_relu_backward", "tanh", "tanh_backward", "sigmoid", "sigmoid_backward"}
RESAMPLE = {"upsample_nearest2d", "upsample_nearest2d_backward", "avg_pool2d", "avg_pool2d_backward"}
LINEAR = {"addmm", "mm", "bmm"}


def gansim_rows(path):
    """(category, pass) -> seconds per iteration, and the iteration's median seconds."""
    out, steps = defaultdict(float), []
    for line in open(path):
        r = json.loads(line)
        if r["type"] == "step":
            if r.get("timed"):
                steps.append(r["seconds"])
            continue
        s = r["medianSeconds"]  # already per iteration (all calls of the pass)
        kind, pas = r["kind"], ("forward" if r["pass"] == "forward" else "backward")
        if kind in ("conv2d", "conv_transpose2d"):
            c, h, w = r["inputShapes"][0]
            oc = r["outputShape"][0]
            bias = oc if r["parameters"] % (oc * c) else 0
            k = round(math.sqrt((r["parameters"] - bias) / (oc * c)))
            key = (f"{'convT' if kind == 'conv_transpose2d' else 'conv'} {c}x{h}x{w}->{oc} k{k}", pas)
        elif kind == "batch_norm":
            key = ("batch norm", pas)
        elif kind in ("relu", "leaky_relu", "tanh", "sigmoid"):
            key = ("activation", pas)
        elif kind in ("upsample", "avg_pool"):
            key = ("upsample / avg-pool", pas)
        elif kind == "linear":
            key = ("linear", pas)
        elif kind in ("adam", "sgd"):
            key = ("Adam", "update")
        else:
            key = ("other", "")
        out[key] += s
    steps.sort()
    return out, steps[len(steps) // 2]


def torch_rows(path):
    """The same keys from a PyTorch profile, and its iteration's wall seconds."""
    d = json.load(open(path))
    out = defaultdict(float)
    for r in d["rows"]:
        name, shapes, s = r["name"], r["shapes"], r["selfMicroseconds"] * 1e-6
        if name == "Optimizer.step#Adam.step":
            out[("Adam", "update")] += r["totalMicroseconds"] * 1e-6
            continue
        if not name.startswith("aten::"):
            continue
        op = name[len("aten::"):]
        if op in ("mkldnn_convolution", "_convolution", "convolution", "slow_conv2d_forward",
                  "slow_conv_transpose2d", "_slow_conv2d_forward", "convolution_backward",
                  "slow_conv2d_backward", "_slow_conv2d_backward", "slow_conv_transpose2d_backward"):
            if s == 0:
                continue
            backward = "backward" in op
            x, w = (shapes[1], shapes[2]) if backward else (shapes[0], shapes[1])
            if backward:
                oc = shapes[0][1]
                transposed = w[1] == oc and w[0] == x[1] and not (w[0] == oc)
            else:
                transposed = w[0] == x[1] and w[1] != x[1]
                oc = w[1] if transposed else w[0]
            key = (f"{'convT' if transposed else 'conv'} {x[1]}x{x[2]}x{x[3]}->{oc} k{w[2]}",
                   "backward" if backward else "forward")
        elif op.startswith("native_batch_norm") or op == "_batch_norm_impl_index":
            key = ("batch norm", "backward" if "backward" in op else "forward")
        elif op in ACTIVATIONS:
            key = ("activation", "backward" if "backward" in op else "forward")
        elif op in RESAMPLE:
            key = ("upsample / avg-pool", "backward" if "backward" in op else "forward")
        elif op in LINEAR:
            key = ("linear", "")
        else:
            continue
        out[key] += s
    return out, d["wallSeconds"]


def main():
    g, gw = gansim_rows(sys.argv[1])
    t, tw = torch_rows(sys.argv[2])
    for side, wall in ((g, gw), (t, tw)):
        side[("other", "")] = side.get(("other", ""), 0) + wall - sum(side.values())
    keys = sorted(set(g) | set(t), key=lambda k: -(g.get(k, 0) + t.get(k, 0)))
    print("| op | pass | gansim ms | share | PyTorch ms | share | gansim - PyTorch ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for k in keys:
        a, b = g.get(k, 0), t.get(k, 0)
        print(f"| {k[0]} | {k[1]} | {a * 1e3:.1f} | {100 * a / gw:.1f}% | {b * 1e3:.1f} | {100 * b / tw:.1f}% | "
              f"{(a - b) * 1e3:+.1f} |")
    print(f"| iteration | | {gw * 1e3:.1f} | 100% | {tw * 1e3:.1f} | 100% | {(gw - tw) * 1e3:+.1f} |")


if __name__ == "__main__":
    main()
