#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/heartbeat.sh: the presenter's moves and heartbeat write only its row: an ordinary dashboard
# and a follower on the same file check them cheaply and never read the strategy again for them
# (STYRKORT_TRACE_LIVE, see HACKING); a real change still reloads.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# An hour between polls: every check is one inotify told of.
printf '[refresh]\nseconds = 3600\n[user]\nname = Anna Andersson\n' > "$TMPD/live.ini"
case $(stat -f -c %T "$TMPD" 2>/dev/null) in
nfs*|smb*|cifs|fuse*|9p|ceph|afs|lustre) echo "1..0 # SKIP no inotify on a network file system"; exit 0 ;;
esac
reloads() { cat "$1" 2>/dev/null | awk '/^reload$/ { n++ } END { print n + 0 }'; }
checks() { cat "$1" 2>/dev/null | awk '/^check/ { n++ } END { print n + 0 }'; }
# wait_reload FILE: until FILE has a reload (at most 5 s); the trace if none.
wait_reload() {
	local i=0
	while [ "$(reloads "$1")" = 0 ] && [ $i -lt $((50 * ${STYRKORT_WAIT_SCALE:-1})) ]; do
		sleep 0.1; i=$((i + 1))
	done
	[ "$(reloads "$1")" != 0 ] || { sed 's/^/# trace: /' "$1"; return 1; }
}
# wait_checks FILE N: until FILE has more than N checks (at most 15 s).
wait_checks() {
	local i=0
	while [ "$(checks "$1")" -le "$2" ] && [ $i -lt $((150 * ${STYRKORT_WAIT_SCALE:-1})) ]; do
		sleep 0.1; i=$((i + 1))
	done
	[ "$(checks "$1")" -gt "$2" ]
}

tmux_start 80 24 "$STYRKORT -c $TMPD/live.ini --present $db"
tmux_expect "presenting: > agenda" "the presenter starts"
# The watchers start after the presenter made its table (a new table is a change of the schema).
tmux_cmd new-session -d -x 80 -y 24 -s u \
	"env TERM=xterm-256color STYRKORT_TRACE_LIVE=$TMPD/trace.plain $STYRKORT -c $TMPD/live.ini $db 2>$TMPD/stderr.plain; sleep 30"
tmux_cmd new-session -d -x 80 -y 24 -s v \
	"env TERM=xterm-256color STYRKORT_TRACE_LIVE=$TMPD/trace.follow $STYRKORT -c $TMPD/live.ini --follow $db 2>$TMPD/stderr.follow; sleep 30"
screen_of() { tmux_cmd capture-pane -p -t "$1"; }
wait_on() {
	local i=0
	while [ $i -lt $((50 * ${STYRKORT_WAIT_SCALE:-1})) ]; do
		screen_of "$1" | grep -qF -- "$2" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "# $1's screen:"; screen_of "$1" | sed 's/^/# /'
	return 1
}
check "an ordinary dashboard starts" wait_on u "Västerviks kommun"
check "a follower starts" wait_on v "following Anna Andersson"

# The presenter moves: pane 2, a focus area, pane 4, an activity.
tmux_keys 2 j
tmux_expect "0 activities" "the presenter shows pane 2"
tmux_keys 4 j
tmux_expect "4 activities" "the presenter shows pane 4"
check "the follower follows to pane 4" wait_on v "4 activities"
check "the ordinary dashboard checked the moves" wait_checks "$TMPD/trace.plain" 0
check "the follower checked them" wait_checks "$TMPD/trace.follow" 0
check "the ordinary dashboard read nothing again for the moves" [ "$(reloads "$TMPD/trace.plain")" = 0 ]
check "nor did the follower" [ "$(reloads "$TMPD/trace.follow")" = 0 ]

# The heartbeat (10 s after the last move while the presenter stands still): checked, not reloaded.
sleep 1
n=$(checks "$TMPD/trace.plain")
check "a heartbeat is checked" wait_checks "$TMPD/trace.plain" "$n"
check "the ordinary dashboard read nothing again for the heartbeat" [ "$(reloads "$TMPD/trace.plain")" = 0 ]
check "nor did the follower" [ "$(reloads "$TMPD/trace.follow")" = 0 ]

# A real change to the strategy shown is read again, by both.
"$STYRKORT" -d "$db" set 3 title="Ändrad under mötet" >/dev/null 2>&1
check "another process changes #3" [ $? -eq 0 ]
check "the follower shows it" wait_on v "Ändrad under mötet"
tmux_cmd send-keys -t u 4
check "the ordinary dashboard shows it" wait_on u "Ändrad under mötet"
check "the ordinary dashboard read the strategy again" wait_reload "$TMPD/trace.plain"
check "and the follower" wait_reload "$TMPD/trace.follow"
tmux_cmd send-keys -t u q
tmux_cmd send-keys -t v q
tmux_keys q
tmux_wait_exit
check "the presenter quits with status 0" [ "${tmux_exit:-}" = 0 ]
tmux_check_sanitizers
tap_done
