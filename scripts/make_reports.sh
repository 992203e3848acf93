#!/bin/sh
# Regenerates reports/ for the shipped scenarios and comparisons: scripts/make_reports.sh PATH/TO/gansim
set -eu
GANSIM=${1:-.build/release/gansim}
mkdir -p reports
"$GANSIM" simulate scenarios/dgx1-v100-biggan128.yaml --out reports/dgx1-v100-biggan128 > /dev/null
"$GANSIM" simulate scenarios/dgx1-v100-biggan128-split.yaml --out reports/dgx1-v100-biggan128-split > /dev/null
"$GANSIM" compare scenarios/dgx1-v100-biggan128.yaml scenarios/pcie8-v100-biggan128.yaml --out reports/compare-nvlink-vs-pcie > /dev/null
"$GANSIM" compare scenarios/dgx-a100-4node-biggan128-hdr.yaml scenarios/dgx-a100-4node-biggan128-25gbe.yaml --out reports/compare-hdr-vs-25gbe > /dev/null
"$GANSIM" compare scenarios/a100x64-biggan256-hdr.yaml scenarios/h100x32-biggan256-ndr.yaml --out reports/compare-a100x64-vs-h100x32 > /dev/null
"$GANSIM" compare scenarios/dgx-a100-4node-biggan128-hdr.yaml scenarios/tpu-v3-4x8-biggan128.yaml --out reports/compare-gpu-vs-tpu-v3 > /dev/null
"$GANSIM" compare scenarios/dgx1-v100-biggan128.yaml scenarios/dgx-a100-4node-biggan128-hdr.yaml scenarios/a100x64-biggan256-hdr.yaml --out reports/compare-scaling > /dev/null
"$GANSIM" compare scenarios/dgx-a100-progan1024-growth.yaml scenarios/dgx-a100-progan1024-no-growth.yaml --out reports/compare-progan-growth > /dev/null
"$GANSIM" compare scenarios/dgx-a100-stylegan2-256-scratch.yaml scenarios/dgx-a100-stylegan2-256-finetune-freezed.yaml --out reports/compare-finetune-freezed > /dev/null
"$GANSIM" simulate scenarios/dgx-h100-64node-stylegan2-failures.yaml --out reports/dgx-h100-64node-stylegan2-failures > /dev/null
echo "reports/ regenerated"
