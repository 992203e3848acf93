#!/usr/bin/env bash
# RealRunner vs PyTorch on this CPU: the DCGAN-64 training iteration (nz 100,
# ngf = ndf = 64, batch 64, one D step on real+fake and one G step, Adam), side by side
# at 1 and 2 threads, plus OpenBLAS's sgemm peak. A benchmark, never a test.
#
#   bash Benchmarks/RealRunnerDCGAN.sh [iterations]     (needs: pip install torch)
#
# Prints one line per thread count: both iteration times (median after 2 warm-up
# iterations, the better of two alternating rounds), their ratio (gansim / PyTorch; the target is <= 1.25), and gansim's
# achieved GFLOP/s (cost-model FLOPs of the iteration / time) against the sgemm peak.
set -euo pipefail
cd "$(dirname "$0")/.."
ITER="${1:-8}"
SCRATCH="${SCRATCH:-.build}"
swift build -c release --scratch-path "$SCRATCH" --product gansim >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product RealRunnerBenchmarks >/dev/null
BIN="$SCRATCH/release"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$BIN/RealRunnerBenchmarks" 1 2 | tee "$OUT/sgemm.jsonl"
# Two alternating rounds per side and thread count; the faster round of each counts, so
# that a burst of other load on this shared machine penalises neither side.
for ROUND in 1 2; do
  for T in 1 2; do
    "$BIN/gansim" train dcgan --resolution 64 --width 64 --batch 64 --steps $((ITER + 2)) --warmup 2 \
      --threads "$T" --out "$OUT/gansim-$T-$ROUND" --json > "$OUT/gansim-$T-$ROUND.json"
    python3 scripts/bench_dcgan_pytorch.py --threads "$T" --batch 64 --iterations "$ITER" --warmup 2 \
      > "$OUT/torch-$T-$ROUND.json"
  done
done
python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
peaks = {}
for line in open(os.path.join(out, "sgemm.jsonl")):
    r = json.loads(line)
    if "sgemmPeakGFLOPs" in r:
        peaks[r["threads"]] = r["sgemmPeakGFLOPs"]
for t in (1, 2):
    g = min((json.load(open(os.path.join(out, f"gansim-{t}-{r}.json"))) for r in (1, 2)), key=lambda d: d["stepSeconds"])
    p = min((json.load(open(os.path.join(out, f"torch-{t}-{r}.json"))) for r in (1, 2)), key=lambda d: d["stepSeconds"])
    ratio = g["stepSeconds"] / p["stepSeconds"]
    torch_gflops = g["flopsPerStep"] / p["stepSeconds"] / 1e9
    print(f"threads {t}: gansim {g['stepSeconds']:.3f} s, {p['framework']} {p['stepSeconds']:.3f} s, "
          f"ratio {ratio:.2f} (target <= 1.25); gansim {g['achievedGFLOPs']:.1f} GFLOP/s, "
          f"PyTorch {torch_gflops:.1f} GFLOP/s, sgemm peak {peaks[t]:.1f} GFLOP/s "
          f"({100 * g['achievedGFLOPs'] / peaks[t]:.0f}% of peak); peak RSS {g['peakResidentBytes'] / 2**20:.0f} MiB")
PY
