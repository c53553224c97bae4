#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/busy.sh: a change that waits for someone else's write says so on the status line,
# and the keys typed while it waits are dropped, not run as commands afterwards.
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
tmux_keys Enter
tmux_expect "Waiting for the database (someone else is writing)" "while the change waits, the status line says why"
# Impatient keys: q would quit, if it were replayed after the wait.
tmux_keys q q
sleep 0.5
db_unlock
tmux_expect "Saved: #3 is now Done" "when the other write is done, the change is saved"
sleep 0.5
check "the keys typed while waiting were not run (still running)" [ ! -s "$TMPD/exit.$tmux_n" ]
tmux_expect_not "Waiting for the database" "the waiting message is gone"
tmux_keys q
tmux_wait_exit
check "q quits afterwards" [ "${tmux_exit:-}" = 0 ]
"$STYRKORT" -d "$db" log --activity 3 >"$TMPD/log" 2>&1
check "the change is in the log" grep -q "Status" "$TMPD/log"
tap_done
