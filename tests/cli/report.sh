#!/bin/sh
# tests/cli/report.sh: the text report of each seed strategy, against golden output.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/all.db
run init "$db" --sample all
expect_status 0 "init --sample all"
for s in oxelosund ornskoldsvik oskarshamn gislaved vastervik; do
	run report -d "$db" --strategy "$s"
	expect_status 0 "report --strategy $s"
	golden "report-$s.txt" "report of $s matches golden output"
	long=$(printf "%s\n" "$out" | wc -L)
	check "report of $s: no line over 80 columns" [ "$long" -le 80 ]
done
tap_done
