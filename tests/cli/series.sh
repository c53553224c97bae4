#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/series.sh: indicators over the years in the report: the series line (text, ASCII arrows),
# the year table (Markdown), every stored value as CSV (--what measurements), the trend of goals
# without a target; golden output.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/s.db
cat > "$TMPD/s.ini" <<'INI'
[strategy]
id = prov
municipality = Provkommun
title = Provstrategi
[goal.syss]
title = Öka sysselsättningen
[goal.ko]
title = Kortare väntan
[indicator.syss]
goal = syss
name = Andel sysselsatta
unit = %
direction = higher
by_sex = yes
decimals = 1
[indicator.mal]
goal = syss
name = Andel i arbete två år efter
unit = %
direction = higher
baseline = 40
baseline_period = 2019
target = 60
target_period = 2030
[indicator.ko]
goal = ko
name = Väntetid
unit = dagar
direction = lower
INI
run init "$db"
run -d "$db" import "$TMPD/s.ini"
expect_status 0 "import a strategy with three indicators"
{
	echo "indicator,period,sex,value"
	for row in 2019:46.9:44.0:49.8 2020:45.5:43.1:47.9 2021:47.8:46.0:49.6 2022:49.4:48.7:50.1; do
		IFS=: read -r y t k m <<END
$row
END
		printf 'syss,%s,T,%s\nsyss,%s,K,%s\nsyss,%s,M,%s\n' "$y" "$t" "$y" "$k" "$y" "$m"
	done
	printf 'mal,2021,T,44\nmal,2022,T,47\nko,2020,T,30\nko,2021,T,30\nko,2022,T,\n'
} > "$TMPD/v.csv"
run -d "$db" measurements "$TMPD/v.csv"
expect_status 0 "the values"
# A comparison series as the statistics import stores it (county), straight into the table.
sqlite3 "$db" "INSERT INTO measurement (indicator_id, series, period, period_key, sex, value, entered_by, entered_at)
	SELECT id, 'county', '2022', 2022, 'T', 51.2, 'test', '2026-11-22T12:00:00Z' FROM indicator WHERE key = 'syss'" ||
	not_ok "a county value"

run -d "$db" report --width 80
expect_status 0 "report"
golden series-80.txt "text: each indicator's series, ASCII arrows, the gap"
expect_out '^      Values: 2019 46\.9 - 2020 45\.5 - 2021 47\.8 - 2022 49\.4 \^$' "text: the series line"
expect_out 'Goal: Öka sysselsättningen +\[#' "a goal with a target has a percentage"
expect_out 'Indicator: Väntetid +\[\.\.\.\.\.\.\.\.\.\.\] no change  ▲ at risk$' "no target, equal values: no change, at risk"
if grep -q '↑\|↓\|→\|·' "$TMPD/out"; then
	not_ok "text: no Unicode arrows or middle dots"
else
	ok "text: no Unicode arrows or middle dots"
fi
run -d "$db" report --format markdown
expect_status 0 "report --format markdown"
golden series.md "Markdown: a year table per indicator"
run -d "$db" report --format csv --what measurements
expect_status 0 "report --format csv --what measurements"
golden series-values.csv "CSV: every stored value, the county's too"
expect_out '^prov,syss,Andel sysselsatta,%,county,2022,T,51\.2' "the county's value has its series"
expect_out '^prov,ko,Väntetid,dagar,municipality,2022,T,'$(printf '\r')'$' "no data is an empty value"
run -d "$db" report --what measurements
expect_status 2 "--what measurements without --format csv"
expect_err "only with --format csv" "says to add --format csv"
run -d "$db" report --format csv --what values
expect_status 2 "--what values"
expect_err "expected activities or measurements" "says what --what takes"
run -d "$db" log --what measurements
expect_status 2 "--what on another command"
run -d "$db" report --format csv --what activities
expect_status 0 "--what activities is the activity CSV"

# Excel in Sweden: in Swedish, ';' between the columns, a decimal comma, Swedish headers, the BOM kept.
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
run -c "$TMPD/sv.ini" -d "$db" report --format csv --what measurements
expect_status 0 "Swedish: report --format csv --what measurements"
golden series-values-sv.csv "Swedish CSV of the values: ';', decimal comma, Swedish headers"
expect_out '^prov;syss;Andel sysselsatta;%;county;2022;T;51,2'"$(printf '\r')"'$' "Swedish: 51,2 with a decimal comma"
run -c "$TMPD/sv.ini" -d "$db" report --format csv
expect_status 0 "Swedish: report --format csv"
golden series-activities-sv.csv "Swedish CSV of the activities: ';' and Swedish headers"
if head -c 3 "$TMPD/out" | od -An -tx1 | grep -q 'ef bb bf'; then ok "Swedish CSV: the BOM is kept"; else not_ok "Swedish CSV: the BOM is kept"; fi
run -c "$TMPD/sv.ini" -d "$db" report --width 80
expect_status 0 "Swedish: report"
golden series-80-sv.txt "Swedish text: the series in the UI language"
expect_out '^      Värden: 2019 46,9 - 2020 45,5 - 2021 47,8 - 2022 49,4 \^$' "Swedish text: decimal commas, ASCII arrow"
# [report] csv_separator overrides the language either way.
printf '[display]\nlanguage = sv\n[report]\ncsv_separator = comma\n' > "$TMPD/sv-comma.ini"
run -c "$TMPD/sv-comma.ini" -d "$db" report --format csv --what measurements
expect_out '^prov,syss,Andel sysselsatta,%,county,2022,T,51\.2' "csv_separator = comma in Swedish: ',' and a decimal point"
expect_out '^.?strategi,indikator,' "the headers stay Swedish"
printf '[report]\ncsv_separator = semicolon\n' > "$TMPD/semi.ini"
run -c "$TMPD/semi.ini" -d "$db" report --format csv --what measurements
expect_out '^prov;syss;Andel sysselsatta;%;county;2022;T;51,2' "csv_separator = semicolon in English: ';' and a decimal comma"
expect_out '^.?strategy;indicator;' "English headers"
printf '[report]\ncsv_separator = tab\n' > "$TMPD/bad.ini"
run -c "$TMPD/bad.ini" -d "$db" report --format csv
expect_status 2 "csv_separator = tab is refused"
expect_err "expected one of auto, comma, semicolon" "and says what it takes"
tap_done
