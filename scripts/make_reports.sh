#!/bin/sh
# Regenerates reports/ for the shipped scenarios and comparisons: scripts/make_reports.sh PATH/TO/gansim
# Then screenshots every reports/*/report.html in headless Chromium to report.png beside it (1280 px wide, 4000 tall:
# the longest page fits), so a person can review the charts at a glance; without a browser it says so and stops there.
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

BROWSER=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" > /dev/null 2>&1; then BROWSER=$b; break; fi
done
if [ -z "$BROWSER" ]; then
  echo "no screenshots: headless Chromium is not installed (Debian: apt-get install chromium; make reports tries that)" >&2
  exit 0
fi
# A throwaway profile, so runs never share state (and root needs no home directory set up for it).
profile=$(mktemp -d "${TMPDIR:-/tmp}/gansim-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
for html in reports/*/report.html; do
  png=${html%.html}.png
  if ! timeout 120 "$BROWSER" --headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run \
       --user-data-dir="$profile" --window-size=1280,4000 --screenshot="$PWD/$png" "file://$PWD/$html" > /dev/null 2>&1 \
     || [ ! -s "$png" ]; then
    echo "screenshot failed: $html" >&2
    exit 1
  fi
done
echo "reports/*/report.png taken with $BROWSER"
