#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/shared.sh: two dashboards on one file: the viewer picks up the editor's change within
# the refresh interval without a key, keeping its selection; a conflicting edit is shown, not lost.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
printf '[refresh]\nseconds = 1\n' > "$TMPD/refresh.ini"
# A second session (the viewer) on the same tmux server as the first (the editor).  Its window is
# named "tmux", as tmux itself names a new window when it looks at the pane's process before that
# has started the command (seen under load): a bare target "t" would then mean this window, so every
# target names its session exactly (=t:, =u:; tests/e2e/tmux.sh).
start_viewer() {
	tmux_cmd new-session -d -x 80 -y 24 -s u -n tmux \
		"env TERM=xterm-256color $1 2>$TMPD/stderr.viewer; sleep 30"
}
viewer_screen() { tmux_cmd capture-pane -p -t =u:; }
viewer_wait_for() {
	local i=0 limit=$(( ${2:-5} * 10 ))
	while [ $i -lt $limit ]; do
		viewer_screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "# viewer screen while waiting for '$1':"; viewer_screen | sed 's/^/# /'
	return 1
}
viewer_expect() { if viewer_wait_for "$1" "${3:-5}"; then ok "$2"; else not_ok "$2"; fi; }

tmux_start 80 24 "$STYRKORT -c $TMPD/refresh.ini $db"
tmux_expect "Västerviks kommun" "the editor starts"
start_viewer "$STYRKORT -c $TMPD/refresh.ini $db"
viewer_expect "Västerviks kommun" "the viewer starts"
tmux_cmd send-keys -t =u: 4 j j
viewer_expect "4 activities" "the viewer shows pane 4"
sleep 0.3
viewer_line() { viewer_screen | sed -n "$(($(tmux_cmd display-message -p -t =u: '#{cursor_y}') + 1))p"; }
case $(viewer_line) in 3*) ok "the viewer has activity 3 selected" ;; *) not_ok "the viewer has activity 3 selected: '$(viewer_line)'" ;; esac

# The editor sets #3 done; the viewer shows it without a key.  The keys go at once, as typed ahead.
tmux_keys 4 e j j s
tmux_expect " EDIT | " "the editor is in edit mode"
tmux_expect "Status of #3" "the editor opens the status list of #3"
tmux_keys Up Enter
tmux_expect "Comment (Enter skips" "the editor is asked for a comment"
tmux_keys Enter
tmux_expect "Saved: #3 is now Done" "the editor saves"
viewer_expect "+ Done        100 %" "the viewer shows the change within the refresh interval, without a key" 4
case $(viewer_line) in 3*) ok "the viewer's selection stays on activity 3" ;; *) not_ok "the viewer's selection stays on activity 3: '$(viewer_line)'" ;; esac

# A change from a script reaches the viewer too.
"$STYRKORT" -d "$db" set 3 title="Samverkan (ny titel)" >/dev/null 2>&1
viewer_expect "Samverkan (ny titel)" "a change by 'styrkort set' reaches the viewer" 4

# A conflict: the editor opens the form; someone else changes the same activity; the editor saves.
tmux_keys Enter
tmux_expect "Edit #3" "the editor opens the form of #3"
tmux_keys Tab Tab Tab C-u 60
LOGNAME=other "$STYRKORT" -d "$db" set 3 progress=80 comment="Annas ändring" >/dev/null 2>"$TMPD/set.err"
check "the other change is saved" [ $? -eq 0 ]
tmux_keys Enter
tmux_expect "Changed by someone else" "saving shows the conflict"
tmux_expect "theirs: 80 %" "with their value"
tmux_expect "yours:  60 %" "and mine"
tmux_expect "was changed by other" "and who changed it"
tmux_keys t
tmux_expect "Kept their change to #3" "t keeps theirs"
"$STYRKORT" -d "$db" log --activity 3 > "$TMPD/log" 2>&1
check "their value stands" sh -c "grep 'Progress:' '$TMPD/log' | tail -1 | grep -q 'other.*Progress: 100 -> 80'"
viewer_expect "80 %" "the viewer shows their value"

# Again, and this time save mine anyway.
tmux_keys Enter
tmux_expect "Edit #3" "the form opens again"
tmux_keys Tab Tab Tab C-u 60
LOGNAME=other "$STYRKORT" -d "$db" set 3 progress=90 >/dev/null 2>&1
tmux_keys Enter
tmux_expect "theirs: 90 %" "the second conflict is shown"
tmux_keys m
tmux_expect "Saved #3" "m saves mine anyway"
"$STYRKORT" -d "$db" log --activity 3 > "$TMPD/log" 2>&1
check "mine is saved over theirs, logged" sh -c "grep 'Progress:' '$TMPD/log' | tail -1 | grep -q 'tester.*Progress: 90 -> 60'"
viewer_expect "60 %" "the viewer shows it"
tmux_keys q
tmux_cmd send-keys -t =u: q
tmux_wait_exit
check "the editor quits with status 0" [ "${tmux_exit:-}" = 0 ]
tmux_check_sanitizers
if grep -Eq "Sanitizer|runtime error" "$TMPD/stderr.viewer" 2>/dev/null; then not_ok "viewer sanitizer reports"; else ok "no sanitizer reports from the viewer"; fi
tap_done
