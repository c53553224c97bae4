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
tap_done
