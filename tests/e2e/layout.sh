#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/layout.sh: whole 80x24 (and 120x40) screens of the dashboard, in English and in Swedish, pinned in
# tests/e2e/screens/*.txt: every pane (the overview of three strategies, and one at 120x40), the
# help, a detail, edit mode, the pickers, the form and a terminal that is too small; each as plain text (NAME.txt) and with its attributes and colours
# (NAME.attr).  STYRKORT_REGOLD=1 rewrites the expected screens (see screen.sh).
# Nothing on these screens depends on the wall clock: "today" is STYRKORT_TODAY (tests/lib.sh),
# the sample's dates are fixed, and the header and status line show no time of day.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
. "$top_srcdir/tests/e2e/screen.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# Örnsköldsvik after a steering-group review: two activities changed since, one of them now overdue.
"$STYRKORT" review add 2026-11-22 -d "$db" --strategy ornskoldsvik --note "Styrgruppsmöte" >/dev/null 2>&1 &&
	"$STYRKORT" set -d "$db" ornskoldsvik:2 due=2026-06-30 progress=50 >/dev/null 2>&1 &&
	"$STYRKORT" set -d "$db" ornskoldsvik:6 status=in_progress >/dev/null 2>&1 ||
	not_ok "the review and changes of Örnsköldsvik"
# Åttaby: eight focus areas with long names, three indicators, sixteen overdue activities.
"$STYRKORT" import -d "$db" "$top_srcdir/tests/e2e/attaby.ini" >/dev/null 2>&1 || not_ok "import attaby.ini"

for lang in en sv; do
	# The UI language comes from the configuration (-c, read after tests/english.ini), never
	# from the locale: the screens are the same under LANG=C.UTF-8 and LANG=sv_SE.UTF-8.
	printf '[display]\nlanguage = %s\n' "$lang" > "$TMPD/$lang.ini"
	case $lang in
	en) help="Help: keys"; edit=" EDIT | "; form="Edit #2"; cancelled="Cancelled: nothing"; overview="Overall progress" ;;
	sv) help="Hjälp: tangenter"; edit=" REDIGERING | "; form="Redigera #2"; cancelled="Avbrutet: inget"; overview="Samlad måluppfyllelse" ;;
	esac

	# Västervik: focus areas with text, goals with indicators and baseline values, activities.
	tmux_start 80 24 "$STYRKORT -c $TMPD/$lang.ini --strategy vastervik $db"
	screen_is "$lang-0-overview-vastervik" "$overview" "$lang: the dashboard opens on the overview (Västervik)" attrs
	tmux_keys 1
	screen_is "$lang-1-vision" "Barn och ungdomars situation" "$lang: pane 1 (vision and purpose)" attrs
	tmux_keys 2
	screen_is "$lang-2-focus" "Folkhälsa" "$lang: pane 2 (focus areas)" attrs
	tmux_keys 3
	screen_is "$lang-3-goals" "Andel utrikesfödda totalt" "$lang: pane 3 (goals and indicators)" attrs
	tmux_keys 5
	screen_is "$lang-5-report" "Västerviks kommuns vision avseende" "$lang: pane 5 (report)" attrs
	tmux_keys 4
	screen_is "$lang-4-activities" "Uppföljning och revid" "$lang: pane 4 (activities)" attrs
	tmux_keys '?'
	screen_is "$lang-help" "$help" "$lang: the help screen" attrs
	tmux_keys Escape j
	screen_is "$lang-4-activities-row2" "2/4" "$lang: Esc closes the help; j selects the second row" attrs
	tmux_keys Enter
	screen_is "$lang-detail" "#2 Integrationsfond" "$lang: the detail of Västervik's activity #2" attrs
	tmux_keys Escape
	screen_is "$lang-4-activities-row2" "2/4" "$lang: Esc closes the detail" attrs
	tmux_keys f
	screen_is "$lang-filter" "┌" "$lang: the filter picker" attrs
	tmux_keys Escape
	screen_is "$lang-4-activities-row2" "2/4" "$lang: Esc closes the filter picker" attrs
	tmux_keys e
	screen_is "$lang-edit" "$edit" "$lang: edit mode's status line" attrs
	tmux_keys Enter
	screen_is "$lang-form" "$form" "$lang: the activity form" attrs
	tmux_keys Escape
	screen_is "$lang-form-cancelled" "$cancelled" "$lang: Esc leaves the form" attrs
	tmux_keys e S
	screen_is "$lang-strategy" "Örnsköldsviks kommun: Integrationsstrategi" "$lang: the strategy picker" attrs
	tmux_keys Escape
	screen_settle "2/4" || not_ok "$lang: Esc closes the strategy picker"
	tmux_resize 30 8
	screen_is "$lang-too-small" "60x16" "$lang: a terminal too small says so" attrs
	tmux_resize 80 24
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"

	# Örnsköldsvik: five focus areas, a review, changes since it and an overdue activity; Enter
	# on a focus area opens pane 2 on it; pane 4 marks what changed since the review.
	tmux_start 80 24 "$STYRKORT -c $TMPD/$lang.ini --strategy ornskoldsvik $db"
	screen_is "$lang-0-overview-ornskoldsvik" "Satsning på civilsamhället" "$lang: the overview of Örnsköldsvik" attrs
	tmux_keys j j j Enter
	screen_is "$lang-0-overview-enter" "3/6" "$lang: Enter on a focus area opens pane 2 on it" attrs
	tmux_keys 4
	screen_is "$lang-4-activities-changed" "#1 Utvidgad samhällsorientering" "$lang: pane 4 marks the activities changed since the last review" attrs
	# c: the changes since the review, net, a line per activity, in pane 5; c again: the report.
	# At 120x40 (the overview too) a larger terminal shows more, not the same wider: each focus
	# area's purpose, the responsible bodies of the overdue.
	tmux_keys c
	screen_is "$lang-5-since" "Integrationsstrategi: " "$lang: c shows the changes since the last review in pane 5" attrs
	tmux_resize 120 40
	screen_is "$lang-5-since-120x40" "Integrationsstrategi: " "$lang: the changes since the last review at 120x40" attrs
	tmux_resize 80 24
	tmux_keys 5
	screen_settle "Integrationsstrategi: " || not_ok "$lang: pane 5 keeps the changes at 80x24"
	tmux_keys c
	screen_settle "=====" || not_ok "$lang: c again shows the report"
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"

	# Eight focus areas and more overdue than fit: all on one screen, the rest counted.
	tmux_start 80 24 "$STYRKORT -c $TMPD/$lang.ini --strategy attaby $db"
	screen_is "$lang-0-overview-attaby" "Trygghet" "$lang: the overview of eight focus areas fits 80x24" attrs
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"

	# Gislaved: twelve activities with due dates, delayed and overdue ones; no focus areas.
	tmux_start 80 24 "$STYRKORT -c $TMPD/$lang.ini --strategy gislaved $db"
	screen_is "$lang-0-overview-gislaved" "Påbörja arbetet med en" "$lang: the overview of Gislaved (overdue activities)" attrs
	tmux_keys 4
	screen_is "$lang-4-activities-gislaved" "#1 Beredning" "$lang: pane 4 with overdue activities" attrs
	tmux_keys l
	screen_is "$lang-4-activities-late" "#10 Färdig strategi" "$lang: l shows only the late activities" attrs
	tmux_keys l
	screen_settle "1/12" || not_ok "$lang: l again shows all"
	tmux_keys 2
	screen_is "$lang-2-no-focus" "[#########-]" "$lang: pane 2 of a strategy without focus areas" attrs
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"

	# Oskarshamn: long titles, no responsible bodies, commitments; at 80x24 and at 120x40.
	tmux_start 80 24 "$STYRKORT -c $TMPD/$lang.ini --strategy oskarshamn $db"
	tmux_keys 4
	screen_is "$lang-4-activities-long" "#1 Vi ansvarar" "$lang: pane 4 with long titles and empty columns" attrs
	tmux_resize 120 40
	screen_is "$lang-4-activities-120x40" "28 " "$lang: pane 4 at 120x40" attrs
	tmux_keys 2
	screen_is "$lang-2-focus-120x40" "Social sammanhållning" "$lang: pane 2 at 120x40" attrs
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"
done
for lang in en sv; do
	tmux_start 120 40 "$STYRKORT -c $TMPD/$lang.ini --strategy ornskoldsvik $db"
	screen_is "$lang-0-overview-120x40" "Satsning på civilsamhället" "$lang: the overview at 120x40" attrs
	tmux_keys q
	tmux_wait_exit && ok "$lang: q quits" || not_ok "$lang: q did not quit"
done
# A locale that is not UTF-8: the lights keep their shapes in ASCII (o ^ #), never colour alone.
tmux_start 80 24 "env LC_ALL=C $STYRKORT --strategy attaby $db"
tmux_expect "# behind" "not UTF-8: the light behind is '#'"
tmux_expect "o 1 on track" "not UTF-8: the light on track is 'o'"
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
tmux_check_sanitizers
tap_done
