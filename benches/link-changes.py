#!/usr/bin/env python3
"""link-changes.py OLD_BIN NEW_BIN [CORPUS]: the links that two parallax builds disagree on, over the
seed pair and the 29 real pairs, for reading by eye after a change to the engine.
Prints "+" for links only NEW_BIN makes and "-" for links only OLD_BIN makes, with their texts."""
import json, os, subprocess, sys

old_bin, new_bin = sys.argv[1], sys.argv[2]
corpus = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("PARALLAX_CORPUS", "../shared/corpus")
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "pairs", "index.tsv"), encoding="utf-8")][1:]
seeds = os.path.join(corpus, "seeds")
cases = [("seed", os.path.join(seeds, "000_7e1e6eb906015e66.txt"), os.path.join(seeds, "003_37f7f28ba670c285.txt"))]
cases += [(r[0], os.path.join(corpus, "pairs", r[2]), os.path.join(corpus, "pairs", r[4])) for r in rows]


def links(binary, a, b):
    report = json.loads(subprocess.run([binary, "compare", a, b, "--format", "json"], capture_output=True, check=True).stdout)
    return report, {(tuple(k["left"]), tuple(k["right"])) for k in report["links"]}


changed = 0
for name, a, b in cases:
    new_report, new = links(new_bin, a, b)
    old_report, old = links(old_bin, a, b)
    if new != old:
        print(f"== {name}: {len(old)} -> {len(new)} links")
    for tag, report, only in (("+", new_report, new - old), ("-", old_report, old - new)):
        for left, right in sorted(only):
            changed += 1
            text = lambda side, ids: " | ".join(report[side]["passages"][i]["text"] for i in ids)[:140]
            print(f"  {tag} L: {text('left', left)}\n      R: {text('right', right)}")
print(f"{changed} links differ")
