#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/run.sh: 'make bench': the figures of issue 14, each beside sqlite3 (or less) doing the same work in the same run.
#   tests/bench/run.sh [FILE]   (from the build tree; builds FILE with generate.sh unless it exists)
# Each figure is the median of $RUNS runs (default 5): name, styrkort, peer, ratio, target, met.
# Needs sqlite3, /usr/bin/time (GNU) and tmux; a figure whose peer is missing is skipped with the reason.
# The write figures are tests/bench/writes.sh's (it runs alone too: tests/bench/writes.sh FILE).
set -u
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
STYRKORT=${STYRKORT:-$top_builddir/src/styrkort}
RUNS=${RUNS:-5}
export STYRKORT_SYSCONFIG=/dev/null XDG_CONFIG_HOME=/nonexistent LC_ALL=C.UTF-8 STYRKORT_TODAY=2026-11-22
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/styrkort-bench.XXXXXX")
SOCK=styrkort-bench-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
db=${1:-$TMPD/national.db}
[ -f "$db" ] || "$top_srcdir/tests/bench/generate.sh" "$db" || exit 1
for tool in sqlite3 tmux less; do
	command -v $tool >/dev/null || echo "bench: $tool is missing: the figures that need it are skipped" >&2
done
[ -x /usr/bin/time ] || echo "bench: /usr/bin/time is missing: no peak RSS" >&2

. "$top_srcdir/tests/bench/lib.sh"
# rss CMD...: the peak resident set of CMD in MB.
rss() {
	[ -x /usr/bin/time ] || { echo -; return; }
	/usr/bin/time -f %M -o "$TMPD/rss" "$@" >/dev/null 2>&1
	tail -n 1 "$TMPD/rss" | awk '{ printf "%.1f\n", $1 / 1024 }'
}

S="sqlite3 -readonly $db"
st=$(sqlite3 "$db" "SELECT strategy_id FROM activity ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM activity)")
act=$(sqlite3 "$db" "SELECT id FROM activity WHERE strategy_id = '$st' ORDER BY number LIMIT 1 OFFSET 7")
num=$(sqlite3 "$db" "SELECT number FROM activity WHERE id = $act")
printf '%s: %s activities, %s measurements, %s change-log rows; %s runs each\n' "$db" \
	"$(sqlite3 "$db" 'SELECT count(*) FROM activity')" "$(sqlite3 "$db" 'SELECT count(*) FROM measurement')" \
	"$(sqlite3 "$db" 'SELECT count(*) FROM change_log')" "$RUNS"
printf '%-36s %10s %10s %7s %7s  %s\n' figure styrkort peer ratio target verdict

line "log (whole change log)" "$(ms "$STYRKORT" -d "$db" log)" "$(ms $S 'SELECT * FROM change_log')" 2 ms
absolute "log: peak RSS" "$(rss "$STYRKORT" -d "$db" log)" 16 MB
line "log --activity N" "$(ms "$STYRKORT" -d "$db" log --activity "$st:$num")" \
	"$(ms $S "SELECT * FROM change_log WHERE kind = 'activity' AND item_id = $act ORDER BY id")" 2 ms
line "log --since DATE (a month)" "$(ms "$STYRKORT" -d "$db" log --since 2025-12-01)" \
	"$(ms $S "SELECT * FROM change_log WHERE at > '2025-12-01' AND at < 'A' ORDER BY id")" 2 ms
# The report's lower bound: the three aggregates, and the rows the report prints that they leave out: each
# overdue activity's line (number, title, due, status, progress: a third of the activities), every goal's
# title in its tree and every indicator's baseline and target.  Not in it: the goal tree's order, progress
# per goal, the series of values, wrapping and sanitising.
line "report (all strategies)" "$(ms "$STYRKORT" -d "$db" report)" "$(ms $S "
	SELECT focus_id, status, count(*) FROM activity GROUP BY strategy_id, focus_id, status;
	SELECT indicator_id, sex, value FROM measurement m WHERE period_key =
		(SELECT max(period_key) FROM measurement WHERE indicator_id = m.indicator_id AND sex = m.sex);
	SELECT strategy_id, count(*) FROM activity WHERE due_date < '2026-11-22' AND status NOT IN ('done', 'cancelled') GROUP BY strategy_id;
	SELECT strategy_id, number, title, due_date, status, progress FROM activity
		WHERE due_date < '2026-11-22' AND status NOT IN ('done', 'cancelled') ORDER BY strategy_id, position;
	SELECT strategy_id, id, parent_id, position, title FROM goal ORDER BY strategy_id, parent_id, position;
	SELECT strategy_id, goal_id, name, unit, baseline, baseline_period, target, target_period FROM indicator
		ORDER BY strategy_id, position")" 2 ms
absolute "report: peak RSS" "$(rss "$STYRKORT" -d "$db" report)" 16 MB
# The CSV's peer writes the same rows with the same 22 cells (python's csv module reads both alike on the
# generated file): the joins for the focus area's name and the goal's title, the status label by a CASE
# (English), overdue by MODEL_OVERDUE_SQL's rule, the cells a commitment leaves empty.  It leaves out what
# sqlite3 cannot do: sanitising every cell, the formula guard, the BOM and header row; and it orders the
# strategies by id where styrkort orders them by municipality (a sort of 290 rows, not of the 100,000).
csv_peer="SELECT s.id, a.number, a.ref, f.name, g.title, a.title, a.responsible, a.contact,
	CASE WHEN a.kind = 'commitment' THEN '' ELSE a.start_date END, CASE WHEN a.kind = 'commitment' THEN '' ELSE a.due_date END,
	CASE WHEN a.kind = 'commitment' THEN '' ELSE a.status END,
	CASE WHEN a.kind = 'commitment' THEN '' ELSE CASE a.status WHEN 'not_started' THEN 'Not started'
		WHEN 'in_progress' THEN 'In progress' WHEN 'done' THEN 'Done' WHEN 'delayed' THEN 'Delayed' ELSE 'Cancelled' END END,
	CASE WHEN a.kind = 'commitment' THEN '' ELSE a.progress END,
	CASE WHEN coalesce(a.due_date, '') <> '' AND a.due_date < substr('$STYRKORT_TODAY', 1, length(a.due_date))
		AND a.status NOT IN ('done', 'cancelled') THEN 'yes' ELSE 'no' END,
	a.comment, a.changed_by, a.changed_at, a.source, CASE WHEN a.example THEN 'yes' ELSE '' END, a.kind,
	CASE WHEN a.kind = 'commitment' THEN a.assessment ELSE '' END, CASE WHEN a.kind = 'commitment' THEN a.assessed_on ELSE '' END
	FROM strategy s JOIN activity a ON a.strategy_id = s.id
	LEFT JOIN focus_area f ON f.id = a.focus_id LEFT JOIN goal g ON g.id = a.goal_id ORDER BY s.id, a.position, a.id"
line "report --format csv (all)" "$(ms "$STYRKORT" -d "$db" report --format csv)" \
	"$(ms sqlite3 -readonly -csv "$db" "$csv_peer")" 1.5 ms

# First frame: a fresh tmux server at 80×24; the time from starting the program until TEXT is on the screen, polled every 2 ms.
first_frame() {
	local text=$1 i t0; shift
	for i in $(seq $RUNS); do
		tmux -L $SOCK kill-server 2>/dev/null; sleep 0.2
		tmux -L $SOCK -f /dev/null new-session -d -x 80 -y 24 -s b sh
		t0=$(now_ms)
		tmux -L $SOCK send-keys -t b "clear; env TERM=xterm-256color $*" Enter
		until tmux -L $SOCK capture-pane -p -t b 2>/dev/null | grep -qF -- "$text"; do
			[ "$(echo "$(now_ms) $t0" | awk '{ print ($1 - $2 > 30000) }')" = 1 ] && break
			sleep 0.002
		done
		echo "$(now_ms) $t0" | awk '{ print $1 - $2 }'
		tmux -L $SOCK send-keys -t b q
	done | median
}
if command -v tmux >/dev/null && command -v less >/dev/null; then
	peer=$(first_frame "$(head -n 1 /etc/services | cut -c1-20)" less /etc/services)
	line "first frame, demo (tmux)" "$(first_frame "Focus area " "$STYRKORT" --demo)" "$peer" 1.5 ms
	line "first frame, large file (tmux)" "$(first_frame "Focus area " "$STYRKORT" -d "$db" --strategy "$st")" "$peer" 2 ms
else
	echo "first frame: skipped (needs tmux and less)"
fi

# The dashboard in a pty at 80x24 (tests/bench/keys.py): each key's answer, from sending it to the last byte written.
# keys_ms OUT KEY... -- CMD...: keys.py's lines of $RUNS runs into OUT.
keys_ms() {
	local out=$1; shift
	for i in $(seq $RUNS); do python3 "$top_srcdir/tests/bench/keys.py" "$@" 2>/dev/null; done > "$out"
}
# key_col FILE STEP COLUMN: the median of COLUMN (2: milliseconds, 4: bytes) of step STEP (0: the start) in FILE.
key_col() { awk -v s="$2" -v c="$3" '/^start/ { n = 0 } { if (n++ == s) print $c }' "$1" | median; }
if command -v python3 >/dev/null; then
	big="$STYRKORT --read-only -d $db --strategy $st"
	# Every pane's first visit, the detail opened and closed, a sort, a search and its next match, the filter.
	# Esc waits the escape delay (50 ms, display.c) to tell a lone Esc from an arrow key's sequence: its limit is 20 ms more.
	keys_ms "$TMPD/keys" 1 2 3 4 '\x1b[B' '\r' q '\r' '\x1b' o / 'type:liv' '\r' n f '\x1b' 5 0 -- $big
	n=0
	for k in "start (pane 0)" "1 (first visit)" "2 (first visit)" "3 (first visit)" "4 (first visit)" "Down" \
		"Enter (detail)" "q (close detail)" "Enter (detail again)" "Esc (close detail)" "o (sort)" "/ (search prompt)" \
		"typing the search" "Enter (search)" "n (next match)" "f (filter menu)" "Esc (close menu)" "5 (first visit)" \
		"0 (back to the overview)"; do
		case $k in Esc*) limit=70;; *) limit=20;; esac
		[ $n -gt 0 ] && absolute "key, large file: $k" "$(key_col "$TMPD/keys" $n 2)" $limit ms
		n=$((n + 1))
	done
	# Bytes of a selection move (pane 4, Down) beside issue 14's figures when it was written, which it asks to stay
	# where they are or fall: 214 bytes on the sample, 328 on the large file (tig about 300, htop 320, less 100);
	# and beside the whole first screen, which shows that it is no repaint.
	for what in demo large; do
		if [ $what = demo ]; then cmd="$STYRKORT --demo" was=214; else cmd=$big was=328; fi
		keys_ms "$TMPD/bytes" 4 '\x1b[B' -- $cmd
		absolute "bytes per Down (pane 4), $what" "$(key_col "$TMPD/bytes" 2 4)" $was B
		line "  beside the first screen" "$(key_col "$TMPD/bytes" 2 4)" "$(key_col "$TMPD/bytes" 0 4)" 0.25 B
		# Without the themes' colours (issue 12's), which the issue's figures predate.
		keys_ms "$TMPD/bytes" 4 '\x1b[B' -- env NO_COLOR=1 $cmd
		absolute "  the same without colours (NO_COLOR)" "$(key_col "$TMPD/bytes" 2 4)" $was B
	done
	# Peak RSS of the dashboard through the same steps.
	python3 "$top_srcdir/tests/bench/keys.py" 1 2 3 4 5 0 -- /usr/bin/time -f %M -o "$TMPD/rss" $big >/dev/null 2>&1
	absolute "dashboard: peak RSS" "$(tail -n 1 "$TMPD/rss" | awk '{ printf "%.1f\n", $1 / 1024 }')" 16 MB
else
	echo "keys: skipped (needs python3)"
fi

# Peak RSS of every command that reads or writes a lot, on the large file (a copy for the writes).
cp "$db" "$TMPD/rss.db"
"$STYRKORT" -d "$TMPD/rss.db" report --format csv --what measurements > "$TMPD/values.csv" 2>/dev/null
awk -F, 'NR > 1 && $1 == "'"$st"'" { print $2 "," $6 "," $7 "," $8 + 1 }' "$TMPD/values.csv" |
	sed '1i indicator,period,sex,value' > "$TMPD/one.csv"
# The generator's municipality codes are not real ones, which import refuses: one that is.
"$STYRKORT" -d "$db" export --strategy "$st" 2>/dev/null | sed 's/^municipality_code = .*/municipality_code = 0883/' \
	> "$TMPD/one.ini"
for cmd in "report --format markdown" "report --format csv" "report --format csv --what measurements" \
	"export --strategy $st" "log --summary" "measurements --strategy $st $TMPD/one.csv" \
	"import $TMPD/one.ini"; do
	# shellcheck disable=SC2086
	absolute "$(echo "$cmd" | sed "s|$TMPD/||"): peak RSS" "$(rss "$STYRKORT" -d "$TMPD/rss.db" $cmd)" 16 MB
done

# Writes: set beside sqlite3 doing the same writes, and the time each kind of write holds the write lock (on a copy).
top_builddir=$top_builddir top_srcdir=$top_srcdir STYRKORT=$STYRKORT RUNS=$RUNS "$top_srcdir/tests/bench/writes.sh" "$db"

# Live refresh: a dashboard on the strategy's activities (pane 4) in tmux, another process's
# 'styrkort set' of the first activity's title; from set's end (the commit) to the new title on
# screen, the screen polled every 2 ms.  [refresh] seconds = 1 (what the poll falls back to).
printf '[refresh]\nseconds = 1\n' > "$TMPD/live.ini"
live_start() {
	tmux -L $SOCK kill-server 2>/dev/null; sleep 0.2
	tmux -L $SOCK -f /dev/null new-session -d -x 80 -y 24 -s b \
		"env TERM=xterm-256color $STYRKORT -c $TMPD/live.ini -d $db --strategy $st"
	wait_text "Focus area " >/dev/null
	tmux -L $SOCK send-keys -t b 4
	wait_text "activities |" >/dev/null
}
# wait_text TEXT: milliseconds until TEXT is on the screen (at most 10 s).
wait_text() {
	local t0; t0=$(now_ms)
	until tmux -L $SOCK capture-pane -p -t b 2>/dev/null | grep -qF -- "$1"; do
		[ "$(echo "$(now_ms) $t0" | awk '{ print ($1 - $2 > 10000) }')" = 1 ] && { echo 10000; return; }
		sleep 0.002
	done
	echo "$(now_ms) $t0" | awk '{ print $1 - $2 }'
}
live_pid() { pgrep -n -f -- "-c $TMPD/live.ini -d $db" | head -n 1; }
# cpu_ms PID: the CPU time PID has used, in ms (the scheduler's sum, to the microsecond).
cpu_ms() { awk '/se.sum_exec_runtime/ { print $3 }' "/proc/$1/sched" 2>/dev/null; }
live_set() { "$STYRKORT" -d "$db" set "$st:1" title="$1" >/dev/null 2>&1; }
if command -v tmux >/dev/null; then
	live_start
	t=$(for i in $(seq $RUNS); do live_set "Live bench $$ $i"; wait_text "Live bench $$ $i"; sleep 0.3; done | median | awk '{ printf "%.1f\n", $1 }')
	absolute "live refresh latency (median)" "$t" 200 ms
	# CPU per live refresh on each pane, and for a commit to another strategy (on pane 4).
	pid=$(live_pid)
	if [ -n "$pid" ] && [ -r "/proc/$pid/sched" ]; then
		worst=0
		for pane in 0 1 2 3 5 4; do
			tmux -L $SOCK send-keys -t b $pane; sleep 1.5
			c=$(for i in $(seq $RUNS); do
				c0=$(cpu_ms "$pid"); live_set "Pane $pane run $i"; sleep 1.5
				echo "$(cpu_ms "$pid") $c0" | awk '{ print $1 - $2 }'
			done | median | awk '{ printf "%.1f\n", $1 }')
			printf '  CPU per live refresh, pane %s: %s ms\n' $pane "$c"
			worst=$(echo "$worst $c" | awk '{ print ($2 > $1 ? $2 : $1) }')
		done
		absolute "CPU per live refresh (worst pane)" "$worst" 10 ms
		other=$(sqlite3 "$db" "SELECT id FROM strategy WHERE id <> '$st' LIMIT 1")
		c=$(for i in $(seq $RUNS); do
			c0=$(cpu_ms "$pid"); "$STYRKORT" -d "$db" set "$other:1" title="Elsewhere $i" >/dev/null 2>&1; sleep 1.5
			echo "$(cpu_ms "$pid") $c0" | awk '{ print $1 - $2 }'
		done | median | awk '{ printf "%.1f\n", $1 }')
		absolute "CPU per commit to another strategy" "$c" 1 ms
	else
		echo "CPU per live refresh: skipped (no /proc/PID/sched)"
	fi
	# Idle: no key, no change; every system call the dashboard makes, counted by strace.
	if command -v strace >/dev/null && [ -n "$pid" ]; then
		idle=${BENCH_IDLE_SECONDS:-60}
		sleep 1
		timeout -s INT "$idle" strace -c -f -p "$pid" -o "$TMPD/strace" 2>"$TMPD/strace.err"
		# No system call at all: strace -c writes no table.
		if grep -q attached "$TMPD/strace.err"; then
			n=$(awk '$NF == "total" { print $4 }' "$TMPD/strace")
			absolute "idle syscalls over ${idle} s" "${n:-0}" 0 ""
		else
			echo "idle syscalls: skipped (strace could not attach: $(head -n 1 "$TMPD/strace.err"))"
		fi
	else
		echo "idle syscalls: skipped (strace is not installed, or the dashboard did not start)"
	fi
	tmux -L $SOCK send-keys -t b q
else
	echo "live refresh: skipped (needs tmux)"
fi

# CPU per presenter heartbeat: a dashboard on pane 4 (as above) while another session presents the same
# file; each step of the presenter is the heartbeat's one UPSERT of its row, which the dashboard only checks.
if command -v tmux >/dev/null && [ -r "/proc/self/sched" ]; then
	live_start
	tmux -L $SOCK new-session -d -x 80 -y 24 -s p \
		"env TERM=xterm-256color $STYRKORT -c $TMPD/live.ini --present -d $db --strategy $st"
	sleep 2
	pid=$(live_pid)
	c=$(for i in $(seq $RUNS); do
		c0=$(cpu_ms "$pid"); tmux -L $SOCK send-keys -t p $((i % 2 + 1)); sleep 1.5
		echo "$(cpu_ms "$pid") $c0" | awk '{ print $1 - $2 }'
	done | median | awk '{ printf "%.2f\n", $1 }')
	absolute "CPU per presenter heartbeat" "$c" 1 ms
	# The presenter quits (its row says so), else the next run on this file would find it presenting.
	tmux -L $SOCK send-keys -t p q; sleep 1
	tmux -L $SOCK send-keys -t b q
else
	echo "CPU per presenter heartbeat: skipped (needs tmux and /proc/PID/sched)"
fi

# BENCH_SCALING=1 (make bench BENCH_SCALING=1; minutes, and about 1 GB in $TMPDIR): the same work on files of
# 10, 100, 290 and 1,000 strategies.  Whole-file commands should grow linearly (their ms per strategy flat);
# the first frame and a key should not grow at all (the strategy shown is the same size in each).
[ "${BENCH_SCALING:-0}" = 1 ] || exit 0
printf '\nscaling (medians of %s runs)\n' "$RUNS"
printf '%11s %13s %13s %13s %13s %12s %12s %12s\n' strategies "report ms" "per strat." "csv ms" "per strat." \
	"first frame" "pane 4 key" "Down"
for n in 10 100 290 1000; do
	f=$TMPD/scale$n.db
	"$top_srcdir/tests/bench/generate.sh" "$f" $n >/dev/null || exit 1
	s1=$(sqlite3 "$f" "SELECT id FROM strategy ORDER BY id LIMIT 1 OFFSET $((n / 2))")
	rep=$(ms "$STYRKORT" -d "$f" report)
	csv=$(ms "$STYRKORT" -d "$f" report --format csv)
	if command -v python3 >/dev/null; then
		keys_ms "$TMPD/scale" 4 '\x1b[B' -- "$STYRKORT" --read-only -d "$f" --strategy "$s1"
		first=$(key_col "$TMPD/scale" 0 2) p4=$(key_col "$TMPD/scale" 1 2) down=$(key_col "$TMPD/scale" 2 2)
	else
		first=- p4=- down=-
	fi
	awk -v n=$n -v r="$rep" -v c="$csv" -v f="$first" -v p="$p4" -v d="$down" 'BEGIN {
		printf "%11d %13.1f %13.2f %13.1f %13.2f %12s %12s %12s\n", n, r, r / n, c, c / n, f, p, d }'
	rm -f "$f"
done

