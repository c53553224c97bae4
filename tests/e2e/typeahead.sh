#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/typeahead.sh: keys typed ahead are never lost or reordered: typed before the dashboard
# has the terminal, while it reads the file again after someone else's change, and after an Esc
# (the next key already read by curses with it, not waiting on the terminal).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# paused POINT: the program has stopped at POINT (STYRKORT_TEST_PAUSE; it says so on its stderr).
paused() {
	local i=0
	while [ $i -lt 50 ]; do
		grep -qF "paused at $1" "$TMPD/stderr.$tmux_n" 2>/dev/null && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# cursor_on PREFIX DESCRIPTION: ok once the selected line (the cursor's) starts with PREFIX.
cursor_on() {
	local i=0
	while [ $i -lt 50 ]; do
		case $(tmux_cursor_line) in "$1"*) ok "$2"; return ;; esac
		sleep 0.1; i=$((i + 1))
	done
	not_ok "$2: '$(tmux_cursor_line)'"
}

# Typed while it starts, before curses has the terminal (as over SSH): 4 j j.
tmux_start 80 24 "env STYRKORT_TEST_PAUSE=start:2 $STYRKORT $db"
check "the dashboard stops before it takes the terminal" paused start
tmux_keys 4 j j
tmux_expect "4 activities" "the keys typed before it started are taken: 4 shows the activities"
cursor_on 3 "and j j select #3, in order"
tmux_keys q
tmux_wait_exit
check "q quits" [ "${tmux_exit:-}" = 0 ]

# Typed while it reads the file again after someone else's change: j j Enter.
tmux_start 80 24 "env STYRKORT_TEST_PAUSE=reload:2 $STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard starts"
tmux_keys 4
tmux_expect "4 activities" "4 shows the activities"
"$STYRKORT" -d "$db" set 3 title="Samverkan (ny titel)" >/dev/null 2>&1
check "another's change makes it read the file again" paused reload
tmux_keys j j Enter
tmux_expect "Activity: detail" "after reading, the keys typed meanwhile are taken: Enter opens the detail"
tmux_expect "#3 Samverkan (ny titel)" "of #3 (j j), as changed"

# Esc and the next key at once: curses reads both; the next is taken without waiting for another key.
tmux_keys q
tmux_expect "4 activities" "q closes the detail"
tmux_keys / Escape 5
tmux_expect "========" "/ Esc 5: the search is cancelled and 5 shows the report"
tmux_keys q
tmux_wait_exit
check "q quits" [ "${tmux_exit:-}" = 0 ]
tmux_check_sanitizers
tap_done
