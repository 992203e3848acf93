#!/usr/bin/env bash
# Draws a failing run of a scenario with N seeds and prints the mean drawn wall time next to the closed form's
# expectation (the figure docs/reliability-model.md quotes). Usage: scripts/reliability_draws.sh BIN SCENARIO [N]
set -euo pipefail
bin=$1 scenario=$2 n=${3:-200}
for seed in $(seq 1 "$n"); do
  "$bin" simulate "$scenario" --seed "$seed" --json
done | python3 -c "$(cat <<'PY'

import json, sys, statistics
text = sys.stdin.read()
decoder, results, i = json.JSONDecoder(), [], 0
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    obj, i = decoder.raw_decode(text, i)
    results.append(obj["reliability"])
walls = [r["drawn"]["wallSeconds"] for r in results]
fails = [r["drawn"]["failures"] for r in results]
expected = results[0]["expectedWallSeconds"]
mean, sd = statistics.mean(walls), statistics.stdev(walls)
se = sd / len(walls) ** 0.5
print(f"draws {len(walls)}: mean wall {mean/3600:.3f} h (standard error {se/3600:.3f} h), expected {expected/3600:.3f} h, "
      f"difference {(mean/expected-1)*100:+.2f}% ({(mean-expected)/se:+.2f} standard errors); "
      f"failures {statistics.mean(fails):.2f} drawn vs {results[0]['expectedFailures']:.2f} expected; mode {results[0]['checkpointMode']}")
PY
)"
