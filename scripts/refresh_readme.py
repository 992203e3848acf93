#!/usr/bin/env python3
"""Re-runs the `$ gansim ...` examples of README.md with a built binary and replaces their output.

Usage: scripts/refresh_readme.py BIN [LINE ...]   (LINE: README line numbers of `$ gansim` commands; default all
cheap ones). Commands whose inputs are not in the repository (profiles under out/) are skipped if missing.
"""
import os, re, subprocess, sys

binary = sys.argv[1]
only = {int(a) for a in sys.argv[2:]}
lines = open("README.md").read().split("\n")
out, i = [], 0
while i < len(lines):
    line = lines[i]
    out.append(line)
    m = re.match(r"^\$ (gansim .*)$", line)
    number = i + 1
    i += 1
    if not m or (only and number not in only):
        continue
    command = m.group(1)
    files = re.findall(r"(out/\S+\.json)", command)
    if any(not os.path.exists(f) for f in files):
        continue
    # The block's old output runs to the next `$ ` line or the closing fence.
    j = i
    while j < len(lines) and not lines[j].startswith("```") and not lines[j].startswith("$ "):
        j += 1
    result = subprocess.run(command.replace("gansim", binary, 1), shell=True, capture_output=True, text=True)
    text = (result.stdout + result.stderr).rstrip("\n")
    out.extend(text.split("\n") if text else [])
    i = j
open("README.md", "w").write("\n".join(out))
