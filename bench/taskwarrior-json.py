#!/usr/bin/env python3
"""The same workload for Taskwarrior: one task per taizhang assignment, with every ledger record
as an annotation, as JSON for `task import`.

bench/taskwarrior-json.py LEDGER_REPORT.json LEDGER_DIR > tasks.json

LEDGER_REPORT.json is `taizhang report PLAN --kind ledger -f json` (one row per assignment: the
task's content, unit, due date and latest state); LEDGER_DIR is the plan's ledger directory.
A task is the assignment: description = task number and content, project = the unit's id (so
`task summary` groups by unit, as taizhang's summary ranks units), due = the due date, status =
completed when the latest state is done or not applicable, one annotation per record.
"""
import datetime
import glob
import json
import os
import sys
import tomllib
import uuid

NS = uuid.UUID("6f1c2a52-3d4e-4f60-8a7b-9c0d1e2f3a4b")


def stamp(t):
    """A TOML/JSON date-time (or date) as Taskwarrior's UTC stamp."""
    if isinstance(t, str):
        t = datetime.datetime.fromisoformat(t)
    if not isinstance(t, datetime.datetime):
        t = datetime.datetime(t.year, t.month, t.day, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    return t.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def annotations(ledger_dir):
    """(task, unit) -> annotations, from every record in every unit file."""
    out = {}
    for path in sorted(glob.glob(os.path.join(ledger_dir, "*.toml"))):
        with open(path, "rb") as f:
            for r in tomllib.load(f).get("update", []):
                text = r.get("note") or r.get("status", "")
                out.setdefault((r["task"], r["unit"]), []).append({"entry": stamp(r["at"]), "description": text})
    return out


def main():
    report, ledger_dir = sys.argv[1], sys.argv[2]
    with open(report, encoding="utf-8") as f:
        rows = json.load(f)["rows"]
    notes = annotations(ledger_dir)
    tasks = []
    for row in rows:
        task = {
            "uuid": str(uuid.uuid5(NS, row["task"] + "/" + row["unit"])),
            "description": "{} {}".format(row["task"], row["content"]),
            "project": row["unit"],
            "entry": "20250301T000000Z",
            "status": "pending",
        }
        if row.get("due"):
            task["due"] = stamp(row["due"] + "T00:00:00+08:00")
        if row.get("status") in ("done", "na"):
            task["status"] = "completed"
            task["end"] = stamp(row["updated_at"])
        anns = notes.get((row["task"], row["unit"]))
        if anns:
            task["annotations"] = anns
        tasks.append(task)
    json.dump(tasks, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


main()
