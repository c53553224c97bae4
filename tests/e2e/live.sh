#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/live.sh: an open detail follows other people's changes at once (inotify), without a
# key; a detail whose activity was deleted closes and says so; with [refresh] watch = poll the
# panes follow them at the refresh interval.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# An hour between polls: what is shown at once was told by inotify.  A network file system
# has no events for other machines' commits: there styrkort polls (see LIVE REFRESH).
printf '[refresh]\nseconds = 3600\n' > "$TMPD/refresh.ini"
case $(stat -f -c %T "$TMPD" 2>/dev/null) in
nfs*|smb*|cifs|fuse*|9p|ceph|afs|lustre) printf '[refresh]\nseconds = 1\n' > "$TMPD/refresh.ini" ;;
esac

tmux_start 80 24 "$STYRKORT -c $TMPD/refresh.ini $db"
tmux_expect "Västerviks kommun" "the viewer starts"
tmux_keys 4 j
tmux_expect "4 activities" "pane 4"
tmux_keys Enter
tmux_expect "#2 Integrationsfond" "Enter opens the detail of #2"
tmux_expect "Status: > In progress" "the detail shows the status"
"$STYRKORT" -d "$db" set 2 status=delayed comment="Väntar på beslut" >/dev/null 2>&1
check "another process changes #2" [ $? -eq 0 ]
tmux_expect "Status: ! Delayed" "the open detail shows the new status without a key" 4
tmux_expect "Väntar på beslut" "and the new comment"
tmux_expect "#2 Integrationsfond" "it is still the detail of #2"
tmux_keys Down
tmux_expect "detail (Esc closes)" "the detail stays open and takes keys"

# The activity is deleted by someone else: the detail closes with a notice.
"$STYRKORT" -d "$db" set 2 status=done >/dev/null 2>&1
tmux_expect "Status: + Done" "a second change is shown too" 4
command -v sqlite3 >/dev/null ||
	{ ok "# SKIP sqlite3 is not installed"; tmux_keys q; tmux_check_sanitizers; tap_done; exit $?; }
# The dashboard may be reading the second change right now: wait for it as styrkort would, not fail at once.
sqlite3 -cmd ".timeout 5000" "$db" "DELETE FROM activity WHERE id = 2" >/dev/null 2>&1
check "another program deletes #2" [ $? -eq 0 ]
tmux_expect "#2 was deleted by someone else" "a deleted activity's detail closes with a notice" 4
tmux_expect "3 activities" "pane 4 is shown again, without it"
tmux_expect_not "detail (Esc closes)" "the detail is closed"
tmux_keys q
tmux_wait_exit
check "quits with status 0" [ "${tmux_exit:-}" = 0 ]

# Without inotify: [refresh] watch = poll asks every [refresh] seconds, and the panes follow too.
printf '[refresh]\nseconds = 1\nwatch = poll\n' > "$TMPD/poll.ini"
tmux_start 80 24 "$STYRKORT -c $TMPD/poll.ini $db"
tmux_expect "Västerviks kommun" "the viewer starts, polling"
tmux_keys 4
tmux_expect "3 activities" "pane 4"
"$STYRKORT" -d "$db" set 3 title="Ändrad i ett annat fönster" >/dev/null 2>&1
check "another process changes #3" [ $? -eq 0 ]
tmux_expect "Ändrad i ett annat fönster" "pane 4 shows the new title without a key" 4
tmux_keys q
tmux_wait_exit
check "quits with status 0" [ "${tmux_exit:-}" = 0 ]
tmux_check_sanitizers
tap_done
