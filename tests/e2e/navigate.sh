#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/navigate.sh: moving, detail, search, filter, sort, help and the strategy picker in a real terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
cursor_has() {
	if tmux_cursor_line | grep -qF -- "$1"; then ok "$2"; else not_ok "$2: the cursor is on '$(tmux_cursor_line)'"; fi
}

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "the dashboard starts"

# The strategy picker lists every strategy, spelled as in the seeds.
tmux_keys S
tmux_expect "Choose the strategy" "S opens the strategy picker"
for name in "Gislaveds kommun" "Oskarshamns kommun" "Oxelösunds kommun" "Västerviks kommun" "Örnsköldsviks kommun"; do
	tmux_expect "$name" "the picker lists $name"
done
cursor_has "Gislaveds kommun" "the cursor is on the current strategy in the picker"
tmux_keys Escape
sleep 0.5
tmux_expect_not "Choose the strategy" "Esc closes the picker"

# Moving in the table puts the terminal cursor on the selected activity.
tmux_keys 4
tmux_expect "12 activities" "pane 4"
cursor_has "Beredning" "the cursor is on the first activity"
tmux_keys j j j
sleep 0.3
cursor_has "Möte med planering" "j moves the cursor down item by item"
tmux_keys k
sleep 0.3
cursor_has "Beslut om" "k moves up"
tmux_keys G
sleep 0.3
cursor_has "Förslag på hur" "G goes to the last activity"
tmux_keys g
sleep 0.3
cursor_has " 1 Beredning" "g goes to the first activity (Gislaved's 1)"

# Detail: Enter opens, Esc closes.
tmux_keys Enter
tmux_expect "Activity: detail" "Enter opens the detail of the activity"
tmux_expect "Description: Tidsplan 2012: Beredning 20 augusti." "the detail shows the description"
tmux_expect "Latest changes" "the detail shows the change log"
tmux_keys Escape
tmux_expect "12 activities | sorted by" "Esc closes the detail"

# Search: case-insensitive, å ä ö aware; n finds the next match; a miss says so.
tmux_keys / K A R T L Ä G G N I N G Enter
sleep 0.3
cursor_has "Kartläggning" "/ finds an activity whatever the case, with ä"
tmux_keys / m e d b o r g a r Enter
sleep 0.3
cursor_has "Medborgardialog – Open space" "/ finds the first match after the selection"
tmux_keys n
sleep 0.3
cursor_has "Medborgardialog – enkät" "n finds the next match"
tmux_keys / z z z q Enter
tmux_expect "Not found: zzzq" "a search without a match says so"

# Sort and filter.
tmux_keys o
tmux_expect "sorted by: due date" "o sorts by due date"
tmux_keys o o o
tmux_expect "sorted by: plan order" "o cycles back to the plan order"
tmux_keys f
tmux_expect "Filter the activities" "f opens the filter menu"
tmux_keys Enter
tmux_expect "Show activities with the status" "the filter offers the statuses"
tmux_keys Down Down Down Enter
tmux_expect "9 activities" "filtering on Done leaves nine activities"
tmux_expect "filter: Done" "the filter is shown"
tmux_keys f End Enter
tmux_expect "12 activities" "clearing the filter shows every activity"
tmux_keys f Down Down Down Enter
tmux_expect "2 activities" "only overdue: two activities"
tmux_expect "Påbörja arbetet" "an overdue activity is listed"
tmux_keys f End Enter

# Help comes from the action table.
tmux_keys '?'
tmux_expect "Help: keys" "? opens the help"
tmux_expect "Shift-Tab" "the help names keys"
tmux_keys PageDown
tmux_expect "Choose the strategy" "PgDn scrolls the help to S"
tmux_keys Escape
tmux_expect "12 activities" "Esc closes the help"

# Choosing another strategy.
tmux_keys S End Enter
tmux_expect "Örnsköldsviks kommun: Integrationsstrategi" "choosing Örnsköldsvik shows it"
tmux_keys 1
tmux_expect "Framtidens och möjligheternas Örnsköldsvik" "pane 1 shows Örnsköldsvik's vision"
tmux_keys Enter
tmux_expect "Municipality: Örnsköldsviks kommun" "Enter on the vision opens the strategy's detail"
tmux_keys Escape
tmux_keys 3
tmux_keys / F O L K H Ä L S A Enter
sleep 0.3
tmux_keys Enter
tmux_expect "Goal: detail" "the detail of a goal opens from pane 3"
tmux_keys q
tmux_expect "3 Goals" "q closes a detail rather than quitting"
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
[ "${tmux_exit:-}" = 0 ] && ok "exit status 0" || not_ok "exit status ${tmux_exit:-none}"
tmux_check_sanitizers
tap_done
