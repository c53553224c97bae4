#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/activities.sh: time to the first screen and to the activities pane, for the sample
# and for the same file with 100,000 more activities.  Not part of 'make check'; run it by hand:
#   tests/bench/activities.sh [N]          (from the build tree; needs tmux and sqlite3)
set -u
top_builddir=${top_builddir:-.}
STYRKORT=${STYRKORT:-$top_builddir/src/styrkort}
N=${1:-100000}
command -v tmux >/dev/null && command -v sqlite3 >/dev/null || { echo "needs tmux and sqlite3" >&2; exit 1; }
export STYRKORT_SYSCONFIG=/dev/null XDG_CONFIG_HOME=/nonexistent LC_ALL=C.UTF-8 STYRKORT_TODAY=2026-11-22
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/styrkort-bench.XXXXXX")
SOCK=
trap '[ -n "$SOCK" ] && tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT

small=$TMPD/small.db big=$TMPD/big.db
"$STYRKORT" init "$small" --sample all >/dev/null
cp "$small" "$big"
sqlite3 "$big" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
 INSERT INTO activity (strategy_id, ref, position, title, description, responsible, start_date, due_date, status, progress)
 SELECT 'gislaved', 'bulk' || i, 1000 + i, 'Aktivitet nummer ' || i, 'Beskrivning ' || i,
  CASE i % 3 WHEN 0 THEN 'Kommunstyrelsen' WHEN 1 THEN 'Socialnämnden' ELSE 'Barn- och utbildningsnämnden' END,
  '2020-01-01', printf('%04d-%02d-%02d', 2020 + i % 10, 1 + i % 12, 1 + i % 28),
  CASE i % 5 WHEN 0 THEN 'not_started' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'done' WHEN 3 THEN 'delayed' ELSE 'cancelled' END,
  i % 101 FROM n"

now_ms() { date +%s%3N; }
# wait_ms TEXT: milliseconds until TEXT is on the screen (polling every 5 ms).
wait_ms() {
	local t0 t1
	t0=$(now_ms)
	until tmux -L $SOCK capture-pane -p -t b 2>/dev/null | grep -qF -- "$1"; do
		[ $(( $(now_ms) - t0 )) -gt 30000 ] && { echo timeout; return; }
		sleep 0.005
	done
	t1=$(now_ms)
	echo $((t1 - t0))
}
bench() {
	local db=$1 name=$2 count first pane4 last sorted
	count=$(sqlite3 "$db" "SELECT count(*) FROM activity WHERE strategy_id = 'gislaved'")
	[ -n "$SOCK" ] && tmux -L $SOCK kill-server 2>/dev/null
	SOCK=styrkort-bench-$$-$(basename "$db" .db)	# a server of its own for each run
	tmux -L $SOCK -f /dev/null new-session -d -x 80 -y 24 -s b sh
	tmux -L $SOCK send-keys -t b "clear; env TERM=xterm-256color $STYRKORT $db" Enter
	first=$(wait_ms "Gislaveds kommun: Projektplan")
	tmux -L $SOCK send-keys -t b 4
	pane4=$(wait_ms "$count activities |")
	tmux -L $SOCK send-keys -t b G
	last=$(wait_ms "$count/$count")
	tmux -L $SOCK send-keys -t b o
	sorted=$(wait_ms "sorted by: due date")
	tmux -L $SOCK send-keys -t b q
	printf '%-34s %8s activities: first screen %5s ms, pane 4 %5s ms, last row (G) %5s ms, sort by due %5s ms\n' \
		"$name" "$count" "$first" "$pane4" "$last" "$sorted"
}
bench "$small" "sample (all five seeds)"
bench "$big" "sample + $N activities"
# For comparison: reading every activity into memory, as 'styrkort report' must.
for db in "$small" "$big"; do
	t0=$(now_ms); "$STYRKORT" report -d "$db" --strategy gislaved >/dev/null; t1=$(now_ms)
	printf '%-34s report (reads every activity): %5s ms\n' "$(basename "$db")" $((t1 - t0))
done
