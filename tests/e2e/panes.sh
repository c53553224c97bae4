#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/panes.sh: every pane of the dashboard for two seed strategies, at 80x24 and 160x50.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }

for size in "80 24" "160 50"; do
	set -- $size
	w=$1 h=$2
	# Gislaved: opened first (by municipality); a project plan without focus areas.
	tmux_start "$w" "$h" "$STYRKORT $db"
	tmux_expect "Gislaveds kommun: Projektplan Integrationsstrategi" "$w x $h gislaved: the header names the strategy"
	tmux_expect "0 Overview" "$w x $h gislaved: the pane tabs"
	tmux_expect "2 activities are past their due date" "$w x $h gislaved: the dashboard opens on the overview"
	screen=$(tmux_screen)
	printf '%s\n' "$screen" | tail -1 | grep -q "view | gislaved | tester" && ok "$w x $h: the overview's status line shows mode, strategy and user" ||
		not_ok "$w x $h: status line: $(printf '%s\n' "$screen" | tail -1)"
	# Enter on an overdue activity (the last line, #11) opens pane 4 on it.
	tmux_keys G Enter
	tmux_expect "11/12" "$w x $h gislaved: Enter on an overdue activity in the overview selects it in pane 4"
	tmux_keys 1
	tmux_expect "Kommunfullmäktige tog i samband med målarbetet 2011" "$w x $h gislaved: pane 1 shows the purpose with å ä ö"
	screen=$(tmux_screen)
	printf '%s\n' "$screen" | tail -1 | grep -q "view | gislaved | tester" && ok "$w x $h: the status line shows mode, strategy and user" ||
		not_ok "$w x $h: status line: $(printf '%s\n' "$screen" | tail -1)"
	tmux_keys 2
	tmux_expect "All activities (this" "$w x $h gislaved: pane 2 without focus areas"
	tmux_expect "12 activities, 2 overdue" "$w x $h gislaved: pane 2 counts activities and the overdue ones on one line"
	tmux_keys Enter
	tmux_expect "12 activities: 2 > In progress, 9 + Done" "$w x $h gislaved: pane 2's detail counts activities by status"
	tmux_keys Escape
	tmux_keys 3
	tmux_expect "Kartläggning, strategi och handlingsplan" "$w x $h gislaved: pane 3 shows the goal"
	tmux_keys 4
	tmux_expect "12 activities | sorted by: plan order" "$w x $h gislaved: pane 4 summary line"
	tmux_expect "Beredning" "$w x $h gislaved: pane 4 lists activities"
	tmux_expect "+ Done" "$w x $h gislaved: pane 4 shows a status with its symbol and word"
	tmux_expect "2012-08-20" "$w x $h gislaved: pane 4 shows due dates"
	tmux_expect "! Delayed" "$w x $h gislaved: pane 4 shows a delayed activity"
	tmux_keys 5
	tmux_expect "Overall progress" "$w x $h gislaved: pane 5 shows the report"
	tmux_keys q
	tmux_wait_exit && ok "$w x $h gislaved: q quits" || not_ok "$w x $h gislaved: q did not quit"

	# Västervik: focus areas, indicators with baseline values, sub-goals.
	tmux_start "$w" "$h" "$STYRKORT --strategy vastervik $db"
	tmux_expect "Västerviks kommun: Integrationsstrategi" "$w x $h vastervik: the header"
	tmux_expect "Indicators (7):" "$w x $h vastervik: the overview counts the indicators"
	tmux_keys 1
	tmux_expect "Vision" "$w x $h vastervik: pane 1 has the vision heading"
	tmux_keys 2
	tmux_expect "Folkhälsa" "$w x $h vastervik: pane 2 shows the focus area Folkhälsa"
	tmux_expect "Bostad" "$w x $h vastervik: pane 2 shows the focus area Bostad"
	tmux_expect "no data" "$w x $h vastervik: pane 2 shows a bar for each focus area"
	tmux_keys 3
	tmux_expect "Andel utrikesfödda" "$w x $h vastervik: pane 3 shows the indicator"
	tmux_expect "8.5 % (2013)" "$w x $h vastervik: pane 3 shows the latest value and period"
	tmux_expect "[..........] no target" "$w x $h vastervik: pane 3 shows the indicator's bar"
	tmux_keys 4
	tmux_expect "4 activities" "$w x $h vastervik: pane 4 counts the activities"
	tmux_keys 5
	tmux_expect "Västerviks kommun" "$w x $h vastervik: pane 5 shows the report"
	# No review recorded yet: c lists every change, and the status line says so too.
	tmux_keys c
	tmux_expect "All changes (no review yet): c shows the report again" "$w x $h vastervik: c without a review says all changes"
	# The heading names the strategy by its title where that fits the width, else by its id.
	if [ "$w" -ge 100 ]; then heading="Integrationsstrategi för Västerviks kommun 2015–2017: every change"; else heading="vastervik: every change"; fi
	tmux_expect "$heading" "$w x $h vastervik: the heading of the changes names the strategy"
	tmux_keys c
	tmux_expect "The report again" "$w x $h vastervik: c again shows the report"
	tmux_keys Tab
	tmux_expect "Vision" "$w x $h vastervik: Tab from pane 5 wraps to pane 1"
	tmux_keys BTab
	tmux_expect "Overall progress" "$w x $h vastervik: Shift-Tab goes back to pane 5"
	tmux_keys q
	tmux_wait_exit && ok "$w x $h vastervik: q quits" || not_ok "$w x $h vastervik: q did not quit"
done

# The overview's list of what changed since the last review: status and percent in fixed columns
# (the status padded to the widest label), whatever the statuses.
"$STYRKORT" review add 2026-11-22 -d "$db" --strategy vastervik --note "Styrgrupp" >/dev/null 2>&1 &&
	"$STYRKORT" set -d "$db" vastervik:1 responsible=Styrgruppen >/dev/null 2>&1 &&
	"$STYRKORT" set -d "$db" vastervik:2 progress=60 >/dev/null 2>&1 &&
	"$STYRKORT" set -d "$db" vastervik:4 responsible=Styrgruppen >/dev/null 2>&1 ||
	not_ok "a review and three changes of Västervik"
tmux_start 120 40 "$STYRKORT --strategy vastervik $db"
tmux_expect "Changed since the last review (3)" "the overview lists the three changes"
tmux_expect "+ Done        100 %" "the done one: the status padded to the widest label, then the percent"
tmux_expect "> In progress  60 %" "the one in progress: the percent in the same column"
tmux_expect "- Not started   0 %" "the one not started: the percent in the same column"
# Pane 4 with a filter that leaves no rows says so, as the overview does.
tmux_keys 4 l
tmux_expect "No activity is past its due date" "pane 4's late filter with no late activity says there is none"
tmux_keys l
tmux_expect "4 activities" "l shows all again"
tmux_keys q
tmux_wait_exit || not_ok "q did not quit"
tmux_check_sanitizers
tap_done
