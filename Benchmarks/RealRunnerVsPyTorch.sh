#!/usr/bin/env bash
# RealRunner vs PyTorch on this CPU, side by side at 1 and 2 threads, plus OpenBLAS's sgemm
# peak. A benchmark, never a test. Two models, each trained by both with the same recipe:
#   dcgan       DCGAN-64 (nz 100, ngf = ndf = 64), batch 64, one D step on real+fake and one
#               G step, Adam (scripts/bench_dcgan_pytorch.py);
#   resnet-gan  SNGAN CIFAR-10 ResNet (32x32, ch 256/128, spectral norm in D), batch 64, 5 D
#               steps per G step, hinge loss, Adam (scripts/bench_resnetgan_pytorch.py).
#
#   bash Benchmarks/RealRunnerVsPyTorch.sh [dcgan-iterations] [resnet-gan-iterations]   (needs: pip install torch)
#
# Environment: MODELS (default "dcgan resnet-gan"), THREADS (default "1 2"), ROUNDS (default 2),
# BIN (a folder holding prebuilt gansim and RealRunnerBenchmarks, e.g. .build/release; when
# unset both are built with `swift build -c release` into SCRATCH, default .build).
#
# Prints one line per model and thread count: both iteration times (median after the
# warm-up iterations, the better of ROUNDS alternating rounds), their ratio (gansim /
# PyTorch; the target is <= 1.0), the GFLOP/s of both (the cost model's FLOPs of the
# iteration / time) against the sgemm peak, and gansim's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
DCGAN_ITER="${1:-8}"
RESNET_ITER="${2:-2}"
MODELS="${MODELS:-dcgan resnet-gan}"
THREADS="${THREADS:-1 2}"
ROUNDS="${ROUNDS:-2}"
if [ -z "${BIN:-}" ]; then
  SCRATCH="${SCRATCH:-.build}"
  swift build -c release --scratch-path "$SCRATCH" --product gansim >/dev/null
  swift build -c release --scratch-path "$SCRATCH" --product RealRunnerBenchmarks >/dev/null
  BIN="$SCRATCH/release"
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$BIN/RealRunnerBenchmarks" $THREADS | tee "$OUT/sgemm.jsonl"
# Alternating rounds per model, thread count and side; the faster round of each counts, so
# that a burst of other load on this shared machine penalises neither side.
for ROUND in $(seq 1 "$ROUNDS"); do
  for MODEL in $MODELS; do
    for T in $THREADS; do
      case "$MODEL" in
        dcgan)
          "$BIN/gansim" train dcgan --resolution 64 --width 64 --batch 64 --steps $((DCGAN_ITER + 2)) --warmup 2 \
            --threads "$T" --out "$OUT/run" --json > "$OUT/gansim-$MODEL-$T-$ROUND.json"
          python3 scripts/bench_dcgan_pytorch.py --threads "$T" --batch 64 --iterations "$DCGAN_ITER" --warmup 2 \
            > "$OUT/torch-$MODEL-$T-$ROUND.json" ;;
        resnet-gan)
          "$BIN/gansim" train resnet-gan --batch 64 --steps $((RESNET_ITER + 1)) --warmup 1 \
            --threads "$T" --out "$OUT/run" --json > "$OUT/gansim-$MODEL-$T-$ROUND.json"
          python3 scripts/bench_resnetgan_pytorch.py --threads "$T" --batch 64 --iterations "$RESNET_ITER" --warmup 1 \
            > "$OUT/torch-$MODEL-$T-$ROUND.json" ;;
        *) echo "unknown model $MODEL (dcgan, resnet-gan)" >&2; exit 2 ;;
      esac
      rm -rf "$OUT/run"
    done
  done
done
python3 - "$OUT" "$MODELS" "$THREADS" "$ROUNDS" <<'PY'
import json, sys, os
out, models, threads, rounds = sys.argv[1], sys.argv[2].split(), [int(t) for t in sys.argv[3].split()], int(sys.argv[4])
peaks = {}
for line in open(os.path.join(out, "sgemm.jsonl")):
    r = json.loads(line)
    if "sgemmPeakGFLOPs" in r:
        peaks[r["threads"]] = r["sgemmPeakGFLOPs"]
for m in models:
    for t in threads:
        load = lambda side: min((json.load(open(os.path.join(out, f"{side}-{m}-{t}-{r}.json")))
                                 for r in range(1, rounds + 1)), key=lambda d: d["stepSeconds"])
        g, p = load("gansim"), load("torch")
        ratio = g["stepSeconds"] / p["stepSeconds"]
        torch_gflops = g["flopsPerStep"] / p["stepSeconds"] / 1e9
        peak = peaks[t]
        print(f"{m} threads {t}: gansim {g['stepSeconds']:.3f} s, {p['framework']} {p['stepSeconds']:.3f} s, "
              f"ratio {ratio:.2f} (target <= 1.0); gansim {g['achievedGFLOPs']:.1f} GFLOP/s "
              f"({100 * g['achievedGFLOPs'] / peak:.0f}% of peak), PyTorch {torch_gflops:.1f} GFLOP/s "
              f"({100 * torch_gflops / peak:.0f}%), sgemm peak {peak:.1f} GFLOP/s; "
              f"gansim peak RSS {g['peakResidentBytes'] / 2**20:.0f} MiB")
PY
