#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/plans.sh: the full scans among the queries the program ran, as SQLite plans them on FILE.
#   STYRKORT_QUERY_PLANS=LOG make check ...      (or any commands: every prepared statement is logged)
#   tests/bench/plans.sh LOG FILE                (FILE: a large file, e.g. from generate.sh; needs sqlite3, python3)
# Prints each distinct statement whose plan has a SCAN (other than of a subquery's or CTE's own
# rows) or an automatic index; HACKING's "Query plans" says which remain and why they are fine.
set -eu
log=${1:?usage: plans.sh LOG FILE}
db=${2:?usage: plans.sh LOG FILE}
exec python3 - "$log" "$db" <<'PY'
import subprocess, sys
log, db = sys.argv[1], sys.argv[2]
seen = []
for line in open(log, errors="replace"):
    if line.startswith("QUERY "):
        q = line[6:].strip()
        if q not in seen and q.split()[0].upper() in ("SELECT", "WITH", "INSERT", "UPDATE", "DELETE"):
            seen.append(q)
for q in seen:
    r = subprocess.run(["sqlite3", "-readonly", db, "EXPLAIN QUERY PLAN " + q], capture_output=True, text=True)
    bad = [l for l in r.stdout.splitlines()
           if ("SCAN " in l and "SCAN (subquery" not in l and "SCAN CONSTANT" not in l and "SCAN t" != l.strip("|`- ")) or "AUTOMATIC" in l]
    if bad:
        print(q)
        for l in bad:
            print("    " + l.strip("|`- "))
PY
