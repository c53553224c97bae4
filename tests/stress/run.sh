#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/stress/run.sh: 'make stress': kill -9 of writers at random moments, then concurrent writers and a reader.
#
# 1. STRESS_KILLS (default 1000) times: start `set`, `import` or `measurements` (in turn; every 20th
#    the dashboard in tmux saving a form), kill -9 it after a random 0-30 ms (the dashboard: 0-300 ms
#    after Enter), and check that a change it acknowledged (exit 0 seen) is in the data and
#    in the change log, and that PRAGMA integrity_check says ok.
# 2. Two, then four concurrent `set` loops (STRESS_WRITES each, default 100), all on one activity,
#    then each on its own, and a scripted dashboard in tmux saving activity 1's form (STRESS_WRITES/4
#    times): every acknowledged change is logged exactly once and the last one holds (no lost update).
# 3. During 2, a reader checks an invariant every writer keeps: progress and comment are set
#    together in one `set` (comment "wK-J pP" with progress P), so a reader never sees them disagree.
# Prints the counts; exits 1 on any failure.  STYRKORT (default src/styrkort) is the program.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
S=${STYRKORT:-$top/src/styrkort}
KILLS=${STRESS_KILLS:-1000}
WRITES=${STRESS_WRITES:-100}
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export STYRKORT_SYSCONFIG=/dev/null STYRKORT_CONFIG=$top/tests/english.ini
T=$(mktemp -d "${TMPDIR:-/tmp}/styrkort-stress.XXXXXX")
trap 'tmux -L "styrkort-stress-$$" kill-server 2>/dev/null; rm -rf "$T"' EXIT
db=$T/s.db
fail=0 kills=0 acked=0 dacked=0 dwrites=0 round=0 integrity=0 writes=0 reads=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
q() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }

"$S" init "$db" --sample oxelosund >/dev/null 2>&1 || { echo "FAIL: init"; exit 1; }
ind=$(q "SELECT key FROM indicator LIMIT 1")
acts=$(q "SELECT count(*) FROM activity")
"$S" -d "$db" export > "$T/base.ini" || { echo "FAIL: export"; exit 1; }
# import changes the title of the file's first activity (strategy fields are not in the change log).
tline=$(awk '/^\[activity/ { a = 1 } a && /^title = / { print NR; exit }' "$T/base.ini")

# One killed writer; prints its kind when it acknowledged its change.
killed() {
	local i=$1 kind=$2 pid
	case $kind in
	set) ( "$S" -d "$db" set $(( i % acts + 1 )) progress=$(( i % 101 )) comment="k$i" >/dev/null 2>&1 && echo ack > "$T/ack" ) 2>/dev/null & ;;
	import) sed "${tline}s/^title = .*/title = Stress $i/" "$T/base.ini" > "$T/i.ini"
		( "$S" -d "$db" import "$T/i.ini" >/dev/null 2>&1 && echo ack > "$T/ack" ) 2>/dev/null & ;;
	measurements) printf 'indicator,period,sex,value\n%s,2030,T,%d.5\n' "$ind" "$i" > "$T/m.csv"
		( "$S" -d "$db" measurements "$T/m.csv" >/dev/null 2>&1 && echo ack > "$T/ack" ) 2>/dev/null & ;;
	esac
	pid=$!
	sleep "0.0$(( RANDOM % 30 ))"
	pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	kills=$((kills + 1))
}

# Was the acknowledged change i of this kind kept, in the data and in the log?
kept() {
	local i=$1 kind=$2
	case $kind in
	set) [ "$(q "SELECT count(*) FROM change_log WHERE field = 'comment' AND new = 'k$i'")" = 1 ] &&
		[ "$(q "SELECT count(*) FROM activity a WHERE comment = 'k$i' AND progress = $(( i % 101 ))
			OR EXISTS (SELECT 1 FROM change_log WHERE field = 'comment' AND new LIKE 'k%' AND id >
			(SELECT id FROM change_log WHERE new = 'k$i')) LIMIT 1")" -ge 1 ] ;;
	import) [ "$(q "SELECT count(*) FROM change_log WHERE field = 'title' AND new = 'Stress $i'")" = 1 ] &&
		[ "$(q "SELECT count(*) FROM activity WHERE title = 'Stress $i'")" = 1 ] ;;
	dashboard) [ "$(q "SELECT count(*) FROM change_log WHERE field = 'due' AND new = '$(due_of "$i")'
			AND id = (SELECT max(id) FROM change_log WHERE field = 'due')")" = 1 ] &&
		[ "$(q "SELECT count(*) FROM activity WHERE due_date = '$(due_of "$i")'")" -ge 1 ] ;;
	measurements) [ "$(q "SELECT count(*) FROM measurement WHERE period = '2030' AND value = $i.5")" = 1 ] &&
		[ "$(q "SELECT count(*) FROM change_log WHERE kind = 'measurement' AND new = '$i.5'")" -ge 1 ] ;;
	esac
}

# The dashboard (in tmux) saving the form of activity 1 with a new due date, killed after a random
# 0-300 ms; acknowledged when "Saved" was on its screen before the kill.
tm() { tmux -L "styrkort-stress-$$" "$@"; }
due_of() { printf '2027-%02d-%02d' $(( $1 % 12 + 1 )) $(( $1 % 28 + 1 )); }
dashboard() {
	local i=$1 pid n=0 wait=$(( RANDOM % 30 ))
	tm new-session -d -x 100 -y 30 -s d "env TERM=xterm-256color $S -d $db"
	until tm capture-pane -p -t d 2>/dev/null | grep -q 'activities\|Oxelösund'; do
		n=$((n + 1)); [ $n -gt 100 ] && break; sleep 0.05
	done
	tm send-keys -t d 4 e; sleep 0.2
	tm send-keys -t d Enter; sleep 0.2
	tm send-keys -t d Tab Tab Tab Tab Tab Tab C-u "$(due_of "$i")" Enter
	for ((n = 0; n < wait; n++)); do
		tm capture-pane -p -t d | grep -q 'Saved #' && { echo ack > "$T/ack"; break; }
		sleep 0.01
	done
	pid=$(tm display -p -t d '#{pane_pid}')
	kill -9 "$pid" 2>/dev/null
	tm kill-server 2>/dev/null
	kills=$((kills + 1))
}

kinds=(set import measurements)
for ((i = 1; i <= KILLS; i++)); do
	kind=${kinds[i % 3]}
	# Every 20th is the dashboard's, when tmux is there.
	[ $((i % 20)) = 0 ] && command -v tmux >/dev/null && kind=dashboard
	rm -f "$T/ack"
	if [ "$kind" = dashboard ]; then dashboard "$i"; else killed "$i" "$kind"; fi
	if [ -f "$T/ack" ]; then
		acked=$((acked + 1))
		[ "$kind" = dashboard ] && dacked=$((dacked + 1))
		kept "$i" "$kind" || bad "kill $i ($kind): an acknowledged change is missing"
	fi
	[ "$(q 'PRAGMA integrity_check')" = ok ] || bad "kill $i ($kind): integrity_check"
	integrity=$((integrity + 1))
done

# A writer: n changes of progress and comment together, on activity a; logs what was acknowledged.
writer() {
	local k=$1 a=$2 r=$3 p
	for ((j = 1; j <= WRITES; j++)); do
		p=$(( (k * 31 + j) % 101 ))
		"$S" -d "$db" set "$a" progress=$p comment="w$r.$k-$j p$p" >/dev/null 2>&1 && echo "w$r.$k-$j p$p" >> "$T/acked.$k"
	done
}
# A scripted dashboard (in tmux) as one more writer: saves activity 1's form with a new due date
# each time; logs the dates whose save it saw acknowledged ("Saved #1" on the status line).
on_screen() { local n=0; until tm capture-pane -p -t w 2>/dev/null | grep -q "$1"; do
	n=$((n + 1)); [ $n -gt 300 ] && return 1; sleep 0.02; done; }
dash_writer() {
	local r=$1 d
	tm new-session -d -x 100 -y 30 -s w "env TERM=xterm-256color $S -d $db"
	on_screen 'Oxelösund' || return
	tm send-keys -t w 4 e
	for ((j = 1; j <= WRITES / 4; j++)); do
		d=$(printf '20%02d-%02d-%02d' $(( 40 + r )) $(( j / 28 % 12 + 1 )) $(( j % 28 + 1 )))
		tm send-keys -t w Enter; on_screen 'Enter save' || break
		tm send-keys -t w Tab Tab Tab Tab Tab Tab C-u "$d" Enter
		if on_screen 'Saved #1'; then echo "$d" >> "$T/dash.acked"; else tm send-keys -t w Escape; fi
	done
	tm kill-server 2>/dev/null
}

# The reader: progress and comment never disagree (a half-applied set would show it).
reader() {
	local n=0 broken=0
	while [ ! -f "$T/stop" ]; do
		broken=$((broken + $(q "SELECT count(*) FROM activity WHERE comment LIKE 'w%' AND comment NOT LIKE '% p' || progress")))
		n=$((n + 1))
	done
	echo "$n $broken" > "$T/reader"
}

for n in 2 4; do
	for where in one different; do
		rm -f "$T"/acked.* "$T/stop" "$T/reader" "$T/dash.acked"
		round=$((round + 1))
		reader & rpid=$!
		pids=
		command -v tmux >/dev/null && { dash_writer "$round" & pids=$!; }
		for ((k = 1; k <= n; k++)); do
			[ "$where" = one ] && a=1 || a=$(( k + 1 ))
			writer "$k" "$a" "$n$where" & pids="$pids $!"
		done
		wait $pids
		touch "$T/stop"; wait "$rpid"
		read -r r broken < "$T/reader"
		reads=$((reads + r))
		[ "$broken" = 0 ] || bad "$n writers on $where activity: the reader saw $broken half-applied changes"
		got=$(cat "$T"/acked.* 2>/dev/null | wc -l)
		writes=$((writes + got))
		lost=0
		while read -r c; do
			[ "$(q "SELECT count(*) FROM change_log WHERE field = 'comment' AND new = '$c'")" = 1 ] || lost=$((lost + 1))
		done < <(cat "$T"/acked.* 2>/dev/null)
		[ "$lost" = 0 ] || bad "$n writers on $where activity: $lost acknowledged changes not logged exactly once"
		dash=$(cat "$T/dash.acked" 2>/dev/null | wc -l)
		dwrites=$((dwrites + dash))
		lost=0
		while read -r d; do
			[ "$(q "SELECT count(*) FROM change_log WHERE field = 'due' AND new = '$d'")" = 1 ] || lost=$((lost + 1))
		done < <(cat "$T/dash.acked" 2>/dev/null)
		[ "$lost" = 0 ] || bad "$n writers on $where activity: $lost of the dashboard's saves not logged exactly once"
		# No lost update: each activity holds what its last logged change wrote.
		[ "$(q "SELECT count(*) FROM activity a WHERE comment LIKE 'w%' AND comment IS NOT (SELECT new FROM
			change_log WHERE kind = 'activity' AND item_id = a.id AND field = 'comment' ORDER BY id DESC LIMIT 1)")" = 0 ] ||
			bad "$n writers on $where activity: an activity does not hold its last logged comment"
		[ "$got" -gt 0 ] || bad "$n writers on $where activity: no write succeeded"
		[ "$(q 'PRAGMA integrity_check')" = ok ] || bad "$n writers on $where activity: integrity_check"
		integrity=$((integrity + 1))
	done
done

echo "stress: $kills kills, $acked acknowledged changes checked ($dacked of them the dashboard's), $integrity integrity checks, $writes concurrent writes by set and $dwrites by a dashboard, $reads reader checks, $fail failures"
[ "$fail" -eq 0 ]
