#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/since.sh: the changes since the last review, net and one line per item, in `log --summary` and `report --since`, in both languages and in local time.
. "$top_srcdir/tests/lib.sh"
# Local time: the log is UTC (12:00 on the fixed days), people read Stockholm's (13:00 in November).
TZ=Europe/Stockholm
export TZ
db=$TMPD/s.db
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
STYRKORT_TODAY=2026-10-01 run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
STYRKORT_TODAY=2026-11-01 run -d "$db" review add --note "Hösten"
expect_status 0 "review add"
export STYRKORT_TODAY=2026-11-03
run -d "$db" set 2 status=done progress=100 comment="Klart"
run -d "$db" set 3 status=done
run -d "$db" set 3 status=delayed comment="Ångrade mig"
run -d "$db" set 4 progress=30 due=2027-06
run -d "$db" delete indicator:arbetsmarknadsprogram
expect_status 0 "an indicator deleted after the review"
# From the folder of the files: their names are in the log's comments.
cd "$TMPD" || exit 1
printf 'indicator,period,sex,value\nsysselsatta,2023,T,49.4\nsysselsatta,2023,K,40\n' > "$TMPD/v.csv"
run -d "$db" measurements v.csv
expect_status 0 "measurements after the review"
printf 'indicator,period,sex,value\nsysselsatta,2023,K,41.5\n' > "$TMPD/w.csv"
run -d "$db" measurements w.csv
expect_status 0 "a value changed again"
run -d "$db" set focus:bostad name="Bostad för alla"
expect_status 0 "a focus area renamed after the review"

run -d "$db" log --summary
expect_status 0 "log --summary"
golden log-summary-en.txt "log --summary matches golden output (English)"
expect_out '^  #3 [^:]*: 25 (→|->) 100 % ' "a status changed and changed back is no change; the progress that came with it stays"
expect_out '^  #2 .*: .* (→|->) Done (·|;) [0-9]+ (→|->) 100 % (—|-) tester, 3 Nov 13:00 (—|-) "Klart"$' "several fields of an activity on one line, in local time, with the comment"
run -d "$db" -c "$TMPD/sv.ini" log --summary
golden log-summary-sv.txt "log --summary matches golden output (Swedish)"
expect_out '^  Indikator .*: borttagen (—|-) tester, 3 nov 13:00$' "a deletion is one line"
expect_out '^vastervik: ändringar sedan senaste uppföljningsmötet' "the heading in Swedish"
expect_out '3 nov 13:00' "the time in Swedish"
expect_out '^  Fokusområde Bostad för alla: Namn: Bostad (→|->) Bostad för alla' "a focus area's field by its Swedish name"

for lang in en sv; do
	cfg=$top_srcdir/tests/english.ini
	[ "$lang" = sv ] && cfg=$TMPD/sv.ini
	run -d "$db" -c "$cfg" report --since last-review
	golden "report-since-$lang.txt" "report --since last-review matches golden output ($lang)"
	run -d "$db" -c "$cfg" report --since last-review --format markdown
	golden "report-since-$lang.md" "report --since --format markdown matches golden output ($lang)"
done
run -d "$db" log --summary --since 2026-11-04
expect_out '^vastervik: changes since 2026-11-04$' "log --summary --since DATE names the date"
expect_out '^  None\.$' "nothing changed since then"
run -d "$db" log --summary --activity 2
expect_status 2 "log --summary with --activity"
run -d "$db" report --summary
expect_status 2 "--summary belongs to log"
run -d "$db" log --since last-review
expect_status 2 "the plain log takes a date only"

# An import after the review: each new indicator's values counted on one line, not listed one by one.
db2=$TMPD/i.db
STYRKORT_TODAY=2026-11-21 run init "$db2" --sample all
STYRKORT_TODAY=2026-11-22 run -d "$db2" review add 2026-11-20 --strategy vastervik
expect_status 0 "a review before the import"
run -d "$db2" log --summary --strategy vastervik
expect_out '^  Indicator Andel utrikes födda i sysselsättning i kommunen: 60 new values — ' "an imported indicator's values: counted"
check "no value of it listed" sh -c "! printf '%s' \"\$1\" | grep -q '2014 K: - → '" sh "$out"
run -c "$TMPD/sv.ini" -d "$db2" log --summary --strategy vastervik
expect_out '^  Indikator Andel utrikes födda i sysselsättning i kommunen: 60 nya värden — ' "in Swedish"
run -d "$db2" report --since last-review --strategy vastervik
expect_out 'Andel utrikes födda i sysselsättning i kommunen: 60 new values' "report --since too"
tap_done
