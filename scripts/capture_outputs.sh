#!/bin/sh
# Captures the outputs a refactoring must keep byte-identical, for diffing two builds:
#   scripts/capture_outputs.sh PATH/TO/gansim OUTDIR    (then: diff -r OUTDIR_BEFORE OUTDIR_AFTER)
# Every shipped scenario (simulate --json), two reports and a comparison, inspect --json of every architecture on
# two devices, three sweeps, a plan, and the H100 calibrate/validate on the committed measurements. About 10 s.
set -u
G=$1; O=$2
rm -rf "$O"; mkdir -p "$O/reports"
for s in scenarios/*.yaml; do n=$(basename "$s" .yaml); "$G" simulate "$s" --json > "$O/sim-$n.json" 2>&1; done
"$G" simulate --json > "$O/sim-default.json"
for d in dgx1-v100-biggan128 dgx1-v100-biggan128-split; do "$G" simulate scenarios/$d.yaml --out "$O/reports/$d" > /dev/null; done
"$G" compare scenarios/dgx1-v100-biggan128.yaml scenarios/pcie8-v100-biggan128.yaml --out "$O/reports/cmp" > /dev/null
for a in dcgan mlp-gan resnet-gan biggan stylegan2 progan; do
  "$G" inspect $a --json > "$O/inspect-$a.json" 2>&1
  "$G" inspect $a --device v100-32gb --json > "$O/inspect-$a-v100.json" 2>&1
done
"$G" sweep scenarios/dgx1-v100-biggan128.yaml --vary devices=1,2,4,8 --vary recipe.batchPerDevice=16,32 --threads 2 --json > "$O/sweep1.json" 2>&1
"$G" sweep scenarios/dgx1-v100-biggan128-split.yaml --vary devices=4,8 --threads 2 --json > "$O/sweep2.json" 2>&1
"$G" sweep scenarios/dgx-h100-16node-stylegan2-ndr.yaml --vary devices=8,16,32 --threads 2 --json > "$O/sweep3.json" 2>&1
"$G" plan biggan --resolution 128 --train iterations=20000 --deadline 48h --max-devices 16 --json > "$O/plan1.json" 2>&1
"$G" calibrate --device h100 --measurements measurements/h100/fit/*.jsonl --out "$O/h100-fitted.json" > /dev/null 2>&1
"$G" validate --profile "$O/h100-fitted.json" --measurements measurements/h100/validation/*.jsonl --json > "$O/val-h100.json" 2>&1
