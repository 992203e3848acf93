#!/usr/bin/env bash
# Exports and measures the graphs of a GPU calibration plan (measurements/<gpu>/plan.txt).
#
#   scripts/gpu_plan.sh export PLAN GRAPHS [SET]   # here: gansim export-graph, fp32 and bf16
#   scripts/gpu_plan.sh measure GRAPHS OUT [SET]   # on the GPU machine: scripts/measure_graph.py
#
# `export` writes GRAPHS/<set>/<name>-<precision>.json; `measure` writes OUT/<set>/<name>-
# <precision>.jsonl (per-op records for the fit set, whole steps only for the validation
# set), a log, and nvidia-smi's description of the GPU. A graph that fails is logged and
# skipped; the others still run. SET limits either step to one set.
set -euo pipefail
cmd=${1:?usage: gpu_plan.sh export PLAN GRAPHS [SET] | measure GRAPHS OUT [SET]}
case "$cmd" in
export)
    plan=${2:?plan file}; graphs=${3:?graph folder}; only=${4:-}
    gansim=${GANSIM:-.build/release/gansim}
    grep -v '^#' "$plan" | while read -r set name args; do
        [ -z "$set" ] && continue
        [ -n "$only" ] && [ "$set" != "$only" ] && continue
        mkdir -p "$graphs/$set"
        for precision in fp32 bf16; do
            # shellcheck disable=SC2086  # args is a list of flags
            "$gansim" export-graph $args --precision "$precision" > "$graphs/$set/$name-$precision.json"
        done
    done
    ;;
measure)
    graphs=${2:?graph folder}; out=${3:?output folder}; only=${4:-}
    mkdir -p "$out"
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,power.limit --format=csv \
        > "$out/gpu.csv" 2>&1 || true
    for dir in "$graphs"/*/; do
        set=$(basename "$dir")
        [ -n "$only" ] && [ "$set" != "$only" ] && continue
        mkdir -p "$out/$set"
        flags=()
        [ "$set" = validation ] && flags=(--steps-only)
        for graph in "$dir"*.json; do
            name=$(basename "$graph" .json)
            start=$(date +%s)
            if timeout "${GRAPH_TIMEOUT_S:-240}" python3 scripts/measure_graph.py "$graph" --device cuda "${flags[@]}" --out "$out/$set/$name.jsonl" \
                >> "$out/log.txt" 2>&1; then
                echo "$set/$name: $(( $(date +%s) - start )) s" | tee -a "$out/log.txt"
            else
                echo "$set/$name: FAILED" | tee -a "$out/log.txt"
            fi
        done
    done
    ;;
*)
    echo "gpu_plan.sh: unknown command '$cmd' (export or measure)" >&2; exit 2 ;;
esac
