#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/report.sh: the report of each seed strategy in text (widths 60, 80, 132), Markdown and CSV, against golden output.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/all.db
run init "$db" --sample all
expect_status 0 "init --sample all"
for s in oxelosund ornskoldsvik oskarshamn gislaved vastervik; do
	for w in 60 80 132; do
		run report -d "$db" --strategy "$s" --width $w
		expect_status 0 "report --strategy $s --width $w"
		golden "report-$s-$w.txt" "text report of $s at width $w matches golden output"
		long=$(printf '%s\n' "$out" | wc -L)
		check "text report of $s: no line over $w columns (longest $long)" [ "$long" -le $w ]
		check "text report of $s: printable characters and newlines only" \
			sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$TMPD/out'"
	done
	run report -d "$db" --strategy "$s" --format markdown
	expect_status 0 "report --format markdown --strategy $s"
	golden "report-$s.md" "Markdown report of $s matches golden output"
	run report -d "$db" --strategy "$s" --format csv
	expect_status 0 "report --format csv --strategy $s"
	golden "report-$s.csv" "CSV report of $s matches golden output"
done
# The default width is 80, or [report] width from the configuration.
run report -d "$db" --strategy gislaved
check "the default width is 80" cmp -s "$TMPD/out" "$GOLDEN/report-gislaved-80.txt"
printf '[report]\nwidth = 60\n' > "$TMPD/c.ini"
run report -d "$db" --strategy gislaved -c "$TMPD/c.ini"
check "[report] width = 60 is the default width then" cmp -s "$TMPD/out" "$GOLDEN/report-gislaved-60.txt"
# Without --strategy: every strategy, first by municipality name.
run report -d "$db"
expect_out '^Gislaveds kommun$' "the report of all strategies includes Gislaved"
n=$(printf '%s\n' "$out" | grep -c '^Overall progress')
check "the report of all strategies has five strategies ($n)" [ "$n" -eq 5 ]
run report -d "$db" --format csv
n=$(printf '%s\n' "$out" | grep -c '^oskarshamn,')
check "the CSV of all strategies has one header and every Oskarshamn activity ($n)" [ "$n" -eq 28 ]
check "the CSV header comes once" [ "$(printf '%s\n' "$out" | grep -c 'strategy,number,ref')" -eq 1 ]
check "CSV lines end in CRLF" sh -c "head -1 '$TMPD/out' | od -c | grep -q '\\\\r  \\\\n'"
# An overdue activity makes its focus area's and its goal's light red (behind), in text and Markdown.
cat > "$TMPD/late.ini" <<'INI'
[strategy]
id = late
municipality = Senby kommun
title = Plan

[focus.f]
name = Arbete

[goal.g]
title = Fler i arbete

[activity.a1]
title = Sen
focus = f
goal = g
due = 2026-11-21
status = in_progress
progress = 50

[activity.a2]
title = Lös
status = done
INI
late=$TMPD/late.db
run init "$late"
run -d "$late" import "$TMPD/late.ini"
expect_status 0 "import a strategy with an activity due yesterday"
run -d "$late" report
expect_out '^  1\. Arbete +\[#####-----\]  50 %  ■ behind$' "an overdue activity makes its focus area behind"
expect_out '^  Goal: Fler i arbete +\[----------\]   0 %  ■ behind$' "and its goal behind"
expect_out '^Overall progress +\[########--\]  75 %  ■ behind$' "and the whole strategy, with the activity linked to nothing counted (50 and 100)"
expect_out '^    Linked to no focus area or goal: 1 of 2 activities$' "the report says how many activities are linked to nothing"
run -d "$late" report --format markdown
expect_out '^\| Arbete \| `\[#####-----\]  50 %` ■ behind \|' "Markdown: the focus area is behind"
expect_out '^- \*\*Fler i arbete\*\* `\[----------\]   0 %` ■ behind$' "Markdown: the goal is behind"
run -d "$late" set 1 due=2026-11-22
expect_status 0 "set the due date to today"
run -d "$late" report
expect_out '^  1\. Arbete +\[#####-----\]  50 %  ● on track$' "due today is not overdue: the focus area is on track"
expect_out '^  Goal: Fler i arbete +\[----------\]   0 %  ● on track$' "and so is the goal"
tap_done
