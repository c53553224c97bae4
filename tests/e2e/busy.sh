#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/busy.sh: a change that waits for someone else's write says so on the status line,
# and the keys typed ahead of it and while it waits are all taken afterwards, in order.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard starts"
# Another program starts writing and keeps its lock until we say.
db_lock IMMEDIATE "$db"
tmux_keys 4 e j j s
tmux_expect "Status of #3" "the status list of #3 opens"
tmux_keys Up Enter
tmux_expect "Comment (Enter skips" "a comment is asked for"
# Typed ahead over a slow link: Enter (no comment), then j s for the status of #4.
tmux_keys Enter j s
tmux_expect "Waiting for the database (someone else is writing)" "while the change waits, the status line says why"
# Typed while it waits: Down, in the list that j s will open.
tmux_keys Down
sleep 0.5
db_unlock
tmux_expect "Status of #4" "after the wait, the keys typed ahead are taken: j s opens the status of #4"
tmux_expect "> > In progress" "and then the key typed while it waited: Down"
tmux_expect_not "Waiting for the database" "the waiting message is gone"
"$STYRKORT" -d "$db" log --activity 3 >"$TMPD/log" 2>&1
check "the change that waited is saved and logged" grep -q "Status: Delayed -> Done" "$TMPD/log"
tmux_keys Escape q
tmux_wait_exit
check "Esc q closes the list and quits" [ "${tmux_exit:-}" = 0 ]
tap_done
