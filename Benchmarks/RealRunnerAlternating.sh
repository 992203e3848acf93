#!/usr/bin/env bash
# Two or more gansim binaries and PyTorch on DCGAN-64 (nz 100, ngf = ndf = 64, batch 64), alternating within each
# round, for judging a change to the CPU trainer on a shared machine. A benchmark, never a test.
#
#   bash Benchmarks/RealRunnerAlternating.sh THREADS ROUNDS OLD_GANSIM NEW_GANSIM [...]   (needs: pip install torch)
#
# Per round and binary: 8 iterations (2 warm-up), then 6 of scripts/bench_dcgan_pytorch.py. Prints each side's
# fastest and median iteration and fastest CPU seconds per iteration (binaries whose step records carry them), and
# the load average; keeps each run's timings.jsonl under OUT (default a temporary folder, printed) so that
# scripts/bench_op_table.py can compare the ops of the same round.
set -euo pipefail
cd "$(dirname "$0")/.."
T="$1"; R="$2"; shift 2
OUT="${OUT:-$(mktemp -d)}"
echo "runs in $OUT"
for r in $(seq 1 "$R"); do
  i=0
  for b in "$@"; do
    i=$((i + 1))
    "$b" train dcgan --resolution 64 --width 64 --batch 64 --steps 8 --warmup 2 --threads "$T" \
      --out "$OUT/bin$i-$T-$r" --json > "$OUT/bin$i-$T-$r.json"
    python3 - "$OUT/bin$i-$T-$r/timings.jsonl" "$b" "$r" "$T" <<'PY'
import json, statistics, sys
steps = [s for s in map(json.loads, open(sys.argv[1])) if s["type"] == "step" and s.get("timed")]
w = [s["seconds"] for s in steps]
c = [s["cpuSeconds"] for s in steps if s.get("cpuSeconds") is not None]
print(f"round {sys.argv[3]} threads {sys.argv[4]} {sys.argv[2]}: fastest {min(w):.3f} s, median {statistics.median(w):.3f} s"
      + (f", CPU {min(c):.3f} s" if c else ""))
PY
  done
  python3 scripts/bench_dcgan_pytorch.py --threads "$T" --iterations 6 --warmup 1 > "$OUT/torch-$T-$r.json"
  python3 - "$OUT/torch-$T-$r.json" "$r" "$T" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"round {sys.argv[2]} threads {sys.argv[3]} PyTorch: fastest {min(d['times']):.3f} s, median {d['stepSeconds']:.3f} s, "
      f"CPU {d['cpuSeconds']:.3f} s")
PY
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
done
