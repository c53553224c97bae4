#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/numbering.sh: pane 4 of a strategy loaded second shows its own numbers (1...), in the list, the detail, the form, a new activity and the messages.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the samples"; exit 0; }
# Örnsköldsvik is loaded second: its activities are the file's 4th to 11th, and its own 1 to 8.
tmux_start 80 24 "$STYRKORT --strategy ornskoldsvik $db"
tmux_expect "Örnsköldsviks kommun" "the dashboard opens on Örnsköldsvik"
tmux_keys 4
tmux_expect "8 activities" "pane 4"
# The number is the row's first word (its column is as wide as the strategy's largest number: 1 here).
rows=$(tmux_screen | sed -n '5,12p' | awk '{ printf "%s ", $1 }')
check "the rows are numbered 1 to 8, not 4 to 11 ($rows)" [ "$rows" = "1 2 3 4 5 6 7 8 " ]
tmux_keys j Enter
tmux_expect "#2 Satsning på civilsamhället" "the detail of the second row is #2"
tmux_keys Escape e
tmux_expect " EDIT | " "edit mode"
tmux_keys Enter
tmux_expect "Edit #2 " "the form's title is #2"
tmux_keys Escape
tmux_keys s
tmux_expect "Status of #2 Satsning" "the status list names #2"
tmux_keys Escape
tmux_keys a
tmux_expect "New activity" "a opens an empty form"
tmux_keys Enter
tmux_expect "an activity needs a title" "Enter on the empty form: the cursor goes to the title"
tmux_keys "Ny aktivitet" Enter
tmux_expect "Added #9 Ny aktivitet" "a new activity gets Örnsköldsvik's next number, 9"
tmux_expect "9 activities" "the table counts it"
check "the file keys it a9 and numbers it 9" \
	[ "$(sqlite3 "$db" "SELECT ref || ' ' || number FROM activity WHERE title = 'Ny aktivitet'" 2>/dev/null)" = "a9 9" ]
tmux_keys d
tmux_expect "Delete #9 'Ny aktivitet'?" "the question names #9"
tmux_keys y Enter
tmux_expect "Deleted #9 Ny aktivitet" "the message names #9"
tmux_keys u
tmux_expect "brought back the activity #9" "undo names #9"
tmux_keys q
tmux_wait_exit
check "quits with status 0" [ "${tmux_exit:-}" = 0 ]
tmux_check_sanitizers
tap_done
