#!/usr/bin/env python3
"""Writes a synthetic ledger for the plan made by large-plan.py (for timing):
large-ledger.py DIR UPDATES [UNITS]   — DIR is the ledger directory, e.g. /tmp/large.progress"""
import os
import sys

out = sys.argv[1]
updates = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
units = int(sys.argv[3]) if len(sys.argv) > 3 else 200
os.makedirs(out, exist_ok=True)
statuses = ["in_progress", "done", "ongoing", "blocked", "not_started"]
files = {}
for i in range(updates):
    u = i % units
    task = (i * 37) % 10000 + 1
    month = 1 + (i % 12)
    day = 1 + (i % 28)
    rec = (f'\n[[update]]\ntask = "{task}"\nunit = "u{u}"\nat = 2022-{month:02d}-{day:02d}T10:00:00+08:00\n'
           f'status = "{statuses[i % 5]}"\npercent = {(i * 13) % 101 if statuses[i % 5] != "done" else 100}\n'
           f'note = "第{i}次填报：已在门户网站发布相关信息。"\n')
    files.setdefault(u, []).append(rec)
for u, recs in files.items():
    with open(os.path.join(out, f"u{u}.toml"), "w") as f:
        f.write("".join(recs))
