#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/writes.sh: make bench's write figures (issue 14): set beside sqlite3 doing the same writes and fsyncs, and how long each kind of write holds the write lock.
#   tests/bench/writes.sh FILE   (from the build tree; run.sh runs it; it writes to a copy of FILE)
# The time under the lock is what db.c writes to STYRKORT_WRITE_TRACE: from BEGIN IMMEDIATE getting the lock to
# COMMIT returning (the longest of a command's writes).
set -u
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
STYRKORT=${STYRKORT:-$top_builddir/src/styrkort}
UNDO=$top_builddir/tests/bench/undo
RUNS=${RUNS:-5}
export STYRKORT_SYSCONFIG=/dev/null XDG_CONFIG_HOME=/nonexistent LC_ALL=C.UTF-8 STYRKORT_TODAY=2026-11-22
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/styrkort-writes.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
# A signal (a pipe closed by head, Ctrl-C) goes through exit, so that the copies (600 MB) are removed.
trap 'exit 1' HUP INT PIPE TERM
. "$top_srcdir/tests/bench/lib.sh"
[ -f "${1:-}" ] || { echo "usage: writes.sh FILE" >&2; exit 2; }
command -v sqlite3 >/dev/null && command -v python3 >/dev/null || { echo "writes: skipped (needs sqlite3 and python3)"; exit 0; }
db=$TMPD/writes.db
cp "$1" "$db"
st=$(sqlite3 "$db" "SELECT strategy_id FROM activity ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM activity)")
act=$(sqlite3 "$db" "SELECT id FROM activity WHERE strategy_id = '$st' ORDER BY number LIMIT 1 OFFSET 7")
num=$(sqlite3 "$db" "SELECT number FROM activity WHERE id = $act")
trace=$TMPD/trace
export STYRKORT_WRITE_TRACE=$trace

# The same writes as 'set N progress=P' in sqlite3, on its own copy of the file (a write by sqlite3 would make the
# next styrkort read the whole file): the batch number, the field, its change-log row, who and when, in one
# BEGIN IMMEDIATE ... COMMIT, with styrkort's settings (db.c: foreign keys, rollback journal, synchronous FULL).
cp "$db" "$TMPD/peer.db"
# The copies on the disk before any figure: their write-back would slow the first figures' fsyncs.
sync
peer_sql() {
	printf '%s\n' "PRAGMA foreign_keys = ON;" "PRAGMA journal_mode = DELETE;" "PRAGMA synchronous = FULL;" \
		"BEGIN IMMEDIATE;" \
		"UPDATE activity SET progress = $1 WHERE id = $act;" \
		"INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, comment, batch, undoes)
			SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench', '$st', 'activity', $act, title, 'progress',
			'1', '$1', NULL, (SELECT coalesce(max(batch), 0) + 1 FROM change_log), NULL FROM activity WHERE id = $act;" \
		"UPDATE activity SET changed_by = 'bench', changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
			version = version + 1 WHERE id = $act;" \
		".timer on" "COMMIT;" >"$TMPD/peer.sql"
}
# took CMD...: the milliseconds CMD takes, the process alone timed by python3 (a shell's date and awk around it would add
# milliseconds to both sides of the ratio); its input from $TOOK_IN, its output to $TOOK_OUT.
took() {
	python3 -c 'import subprocess, sys, time
stdin, stdout = open(sys.argv[1]), open(sys.argv[2], "w")
t = time.perf_counter()
subprocess.run(sys.argv[3:], stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
print("%.2f" % ((time.perf_counter() - t) * 1000))' "${TOOK_IN:-/dev/null}" "${TOOK_OUT:-/dev/null}" "$@"
}
# locked CMD...: the longest time one of CMD's writes held the write lock and how much of it was the COMMIT (the journal
# and the fsyncs), in ms ("- -" if it failed or wrote nothing).
locked() {
	: >"$trace"
	if eval "$@" >/dev/null 2>"$TMPD/err"; then
		awk '/^lock/ { n++; if ($2 > m) { m = $2; c = $(NF - 1) } } END { print n ? m " " c : "- -" }' "$trace"
	else
		echo "bench: $* failed: $(head -n 1 "$TMPD/err")" >&2
		echo "- -"
	fi
}
# held NAME LINES: the figure (≤ 20 ms) of the medians of locked's lines, and how much of it the COMMIT took.
held() {
	printf '%s\n' "$2" >"$TMPD/held"
	absolute "$1" "$(cut -d' ' -f1 "$TMPD/held" | median)" 20 ms
	printf '  %-34s %8sms\n' "of which COMMIT (journal, fsyncs)" "$(cut -d' ' -f2 "$TMPD/held" | median)"
}
# locked_each CMD...: locked's lines of $RUNS runs, $i the run's number.
locked_each() { for i in $(seq $RUNS); do locked "$@"; done; }
info() { printf '%-36s %10s %10s %7s %7s  %s\n' "$1" "$2" - - - "(information: $3)"; }

# set: the first after another program's write pays the whole check (no stamp matches); the later ones find the
# stamp.  Run by turns with sqlite3's, so that both meet the same load of the machine.
sqlite3 "$db" "UPDATE activity SET progress = progress WHERE id = $act"
first=$(took "$STYRKORT" -d "$db" set "$st:$num" progress=1)
for i in $(seq $RUNS); do
	peer_sql $((40 + i))
	echo "$(took "$STYRKORT" -d "$db" set "$st:$num" progress=$((10 + i)))" \
		"$(TOOK_IN=$TMPD/peer.sql TOOK_OUT=$TMPD/peer.out took sqlite3 "$TMPD/peer.db")" \
		"$(awk '/^Run Time/ { printf "%.1f\n", $4 * 1000 }' "$TMPD/peer.out")"
done >"$TMPD/set"
line "set (the stamp matches)" "$(cut -d' ' -f1 "$TMPD/set" | median)" "$(cut -d' ' -f2 "$TMPD/set" | median)" 1.3 ms
info "set, first after a foreign write" "${first}ms" "quick_check reads the whole file"
# What the disk alone takes: the COMMIT (journal, fsyncs) of sqlite3's same writes, a floor under every lock time below.
info "sqlite3's COMMIT of the same writes" "$(cut -d' ' -f3 "$TMPD/set" | median)ms" "the disk's share of a lock time"

# How long each write holds the write lock (the stamp present: the second and later writes).
held "set: write lock held" "$(locked_each '"$STYRKORT" -d "$db" set "$st:$num" progress=$((20 + i))')"
if [ -x "$UNDO" ]; then
	# undo FILE ST ID: the first write is the change (or the delete), the second its undo.
	nth_lock() { awk -v n="$1" '/^lock/ && ++k == n { print $2, $(NF - 1) }' "$trace"; }
	undo_lock() { : >"$trace"; "$UNDO" "$db" "$st" "$act" "$1" >/dev/null 2>&1 && nth_lock "$2"; }
	held "undo: write lock held" "$(for i in $(seq $RUNS); do undo_lock change 2; done)"
	held "delete (an activity): write lock held" "$(for i in $(seq $RUNS); do undo_lock delete 1; done)"
	held "undo of a delete: write lock held" "$(for i in $(seq $RUNS); do undo_lock delete 2; done)"
else
	echo "undo and delete: skipped (tests/bench/undo not built: make bench builds it)"
fi
held "review add: write lock held" \
	"$(locked_each '"$STYRKORT" -d "$db" review add 2026-11-$((10 + i)) --strategy "$st"')"
held "set focus:ID (a focus area): lock held" \
	"$(locked_each '"$STYRKORT" -d "$db" --strategy "$st" set focus:f1 name="Fokus $i"')"
# One strategy's INI (export), its title changed each run; the generator's municipality codes are not real ones.
"$STYRKORT" -d "$db" export --strategy "$st" | sed 's/^municipality_code = .*/municipality_code = 0883/' >"$TMPD/one.ini"
one_ini() { sed "s/^title = Strategi .*/title = Strategi $1/" "$TMPD/one.ini" >"$TMPD/one$1.ini"; echo "$TMPD/one$1.ini"; }
held "import (one strategy): lock held" "$(locked_each '"$STYRKORT" -d "$db" import "$(one_ini $i)"')"
# One strategy's measurements as CSV, every value changed each run.
"$STYRKORT" -d "$db" report --format csv --what measurements --strategy "$st" >"$TMPD/values.csv"
one_csv() {
	awk -F, -v d="$1" 'NR > 1 { print $2 "," $6 "," $7 "," $8 + d }' "$TMPD/values.csv" |
		sed '1i indicator,period,sex,value' >"$TMPD/one$1.csv"
	echo "$TMPD/one$1.csv"
}
held "measurements (one strategy): lock held" \
	"$(locked_each '"$STYRKORT" -d "$db" measurements --strategy "$st" "$(one_csv $i)"')"
