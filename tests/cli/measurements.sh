#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/measurements.sh: importing indicator values (CSV and Kolada JSON) moves a goal's bar; bad rows change nothing.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/m.db
cat > "$TMPD/s.ini" <<'INI'
[strategy]
id = prov
municipality = Provkommun
municipality_code = 0883
title = Provstrategi
[goal.g1]
title = Fler i arbete
[indicator.syss]
goal = g1
name = Andel sysselsatta
unit = %
kolada = N00914
direction = higher
baseline = 40
baseline_period = 2020
target = 60
by_sex = yes
INI
run init "$db"
run -d "$db" import "$TMPD/s.ini"
expect_status 0 "import a strategy with one indicator"
run -d "$db" report
expect_out 'Goal: Fler i arbete +\[\.\.\.\.\.\.\.\.\.\.\] ○ no data$' "before any value the goal has no data (not 0 %, on track)"

printf 'indicator,period,sex,value\nsyss,2023,T,50\nsyss,2023,K,45\nsyss,2023,M,55\nN00914,2022,T,\n' > "$TMPD/v.csv"
run -d "$db" measurements "$TMPD/v.csv"
expect_status 0 "measurements v.csv"
expect_err '4 new, 0 changed, 0 unchanged' "the import says what it did (the empty 2022 value is new too)"
run -d "$db" report --width 200
expect_out 'Goal: Fler i arbete +\[#####-----\]  50 %' "the values move the goal's bar to 50 %"
expect_out 'gap women-men −10 percentage points \(2023\)' "the gap between women and men is shown, in percentage points"

run -d "$db" measurements "$TMPD/v.csv"
expect_status 0 "re-importing the same file"
expect_err '0 new, 0 changed, 4 unchanged' "re-importing the same file changes nothing"
n_before=$("$STYRKORT" -d "$db" log | wc -l)

printf 'indicator;period;sex;value\nsyss;2023;T;"52,5"\n' > "$TMPD/semi.csv"
run -d "$db" measurements "$TMPD/semi.csv"
expect_status 0 "a semicolon file with a decimal comma"
expect_err 'line 2: syss 2023 T changed from 50 to 52.5' "a changed earlier value is reported with its line"
run -d "$db" log
expect_out 'Andel sysselsatta 2023 T: Value: 50 -> 52.5' "the change is in the log"

printf 'indicator,period,sex,value\nsyss,2024,T,55\nsyss,2024,X,1\n' > "$TMPD/bad.csv"
run -d "$db" measurements "$TMPD/bad.csv"
expect_status 1 "a bad sex rejects the file"
expect_err "bad.csv: line 3: sex 'X'" "the error names the file and line"
run -d "$db" report
check "nothing of the bad file was stored" sh -c "! printf '%s' \"\$1\" | grep -q '2024'" sh "$out"
printf 'indicator,period,sex,value\n\nsyss,2024,X,1\n' > "$TMPD/blank.csv"
run -d "$db" measurements "$TMPD/blank.csv"
expect_err "blank.csv: line 3: sex 'X'" "a line after a blank line is named by its own number"
printf 'indicator,period,sex,value\nnosuch,2024,T,1\n' > "$TMPD/unknown.csv"
run -d "$db" measurements "$TMPD/unknown.csv"
expect_status 1 "an unknown indicator rejects the file"
expect_err "line 2: no indicator 'nosuch'" "the unknown indicator is named"
printf 'kpi,year,gender,v\n' > "$TMPD/header.csv"
run -d "$db" measurements "$TMPD/header.csv"
expect_status 1 "a wrong header"
expect_err "line 1: the first line must be the header naming the columns indicator, period, sex, value, in any order .*; found 'kpi', 'year', 'gender', 'v'" "the header is explained"
printf 'indicator,period,sex,value\nsyss,20x3,T,1\n' > "$TMPD/period.csv"
run -d "$db" measurements "$TMPD/period.csv"
expect_err "line 2: period '20x3'" "a bad period is named"
printf 'indicator,period,sex,value\nsyss,2023,T,abc\n' > "$TMPD/value.csv"
run -d "$db" measurements "$TMPD/value.csv"
expect_err "line 2: value 'abc'" "a bad value is named"

cat > "$TMPD/kolada.json" <<'JSON'
{"count": 1, "values": [{"kpi": "N00914", "municipality": "0883", "period": 2025,
  "values": [{"count": 1, "gender": "T", "status": "", "value": 60},
             {"count": 1, "gender": "K", "status": "", "value": null}]}]}
JSON
run -d "$db" measurements "$TMPD/kolada.json"
expect_status 0 "Kolada JSON"
run -d "$db" report
expect_out 'Goal: Fler i arbete +\[##########\] 100 %' "the Kolada value moves the bar to 100 %"
printf '{"values": [{"kpi": "N00914"}]}' > "$TMPD/badk.json"
run -d "$db" measurements "$TMPD/badk.json"
expect_status 1 "a Kolada entry without period"
expect_err 'entry 1 of "values" lacks kpi, period or values' "the broken entry is named"
n_after=$("$STYRKORT" -d "$db" log | wc -l)
# Kolada's null is no data and is not stored (tests/cli/kolada.sh): 2023's values and 2025 T.
check "the change log grew only by accepted changes" [ "$n_after" -eq $((n_before + 2)) ]
# Two rows that name the same value once canonicalised are an error naming both lines:
# a period in other case, an indicator by its id and by its Kolada id.
n_log=$("$STYRKORT" -d "$db" log | wc -l)
printf 'indicator,period,sex,value\nsyss,2024-Q1,T,51\nsyss,2024-q1,t,52\n' > "$TMPD/dup1.csv"
run -d "$db" measurements "$TMPD/dup1.csv"
expect_status 1 "2024-Q1 and 2024-q1 in one file"
expect_err "^styrkort: $TMPD/dup1\\.csv: lines 2 and 3 both give syss 2024-Q1 T" "2024-Q1 and 2024-q1: names both lines and the value"
printf 'indicator,period,sex,value\nN00914,2025,K,47\nsyss,2025,K,48\n' > "$TMPD/dup2.csv"
run -d "$db" measurements "$TMPD/dup2.csv"
expect_status 1 "an indicator by its id and by its Kolada id in one file"
expect_err "^styrkort: $TMPD/dup2\\.csv: lines 2 and 3 both give syss 2025 K" "an id and its Kolada id: names both lines"
printf '{"values": [{"kpi": "N00914", "municipality": "0883", "period": 2026, "values": [{"gender": "T", "value": 1}]},\n {"kpi": "syss", "municipality": "0883", "period": "2026", "values": [{"gender": "T", "value": 2}]}]}\n' > "$TMPD/dup3.json"
run -d "$db" measurements "$TMPD/dup3.json"
expect_status 1 "the same value twice in Kolada JSON"
expect_err "^styrkort: $TMPD/dup3\\.json: entries 1 and 2 both give syss 2026 T" "Kolada JSON: names both entries"
check "the rejected files changed and logged nothing" [ "$("$STYRKORT" -d "$db" log | wc -l)" -eq "$n_log" ]
# A file in other case than the canonical forms imports once; the second time nothing is changed or logged.
printf 'indicator,period,sex,value\nN00914,2027-h1,k,40.50\nsyss,2027-H1,m,41\n' > "$TMPD/case.csv"
run -d "$db" measurements "$TMPD/case.csv"
expect_err '2 new, 0 changed, 0 unchanged' "a file in other case imports"
n_log=$("$STYRKORT" -d "$db" log | wc -l)
run -d "$db" measurements "$TMPD/case.csv"
expect_err '0 new, 0 changed, 2 unchanged' "importing it again changes nothing"
check "importing it again logs nothing" [ "$("$STYRKORT" -d "$db" log | wc -l)" -eq "$n_log" ]
# A value is read by one rule, in a file as in the dashboard's form: a decimal comma or point, a minus sign (U+2212).
printf 'indicator,period,sex,value\nsyss,2028,T,"\342\210\2221,5"\n' > "$TMPD/minus.csv"
run -d "$db" measurements "$TMPD/minus.csv"
expect_status 0 "a value with a minus sign (U+2212) and a decimal comma imports"
run -d "$db" log
expect_out 'Andel sysselsatta 2028 T: Value: - -> (-|−)1.5' "it is stored as -1.5 (shown with the minus sign people read)"
printf 'indicator,period,sex,value\nsyss,2029,T,0x10\n' > "$TMPD/hex.csv"
run -d "$db" measurements "$TMPD/hex.csv"
expect_status 1 "a hexadecimal value is refused"
# Files as Swedish Excel saves them: a BOM, CRLF, semicolons, rows padded with empty cells, rows of
# separators only. They import; a header Excel's user wrote in Swedish is named in the message.
printf '\357\273\277indicator;period;sex;value;;\r\nsyss;2030;T;12,5;;\r\n;;;;;\r\n;;;\r\n' > "$TMPD/excel.csv"
run -d "$db" measurements "$TMPD/excel.csv"
expect_status 0 "an Excel file with padded rows and rows of separators imports"
expect_err '1 new, 0 changed, 0 unchanged' "the padding is no value"
printf 'Indikator;Period;K\303\266n;V\303\244rde\r\n' > "$TMPD/svhead.csv"
run -d "$db" measurements "$TMPD/svhead.csv"
expect_status 0 "a header in Swedish, capitalised, is read"
expect_err '0 new, 0 changed, 0 unchanged' "a header alone: no values"
# Latin-1 ("ANSI", Excel's plain CSV): refused with how to save it, never as an unknown indicator '?'.
printf 'indicator;period;sex;value\r\nsyssels\344ttning;2030;T;1\r\n' > "$TMPD/latin1.csv"
run -d "$db" measurements "$TMPD/latin1.csv"
expect_status 1 "a Latin-1 file is refused"
expect_err "latin1\\.csv: line 2: the text is not UTF-8 .*save the file as UTF-8" "the message names the line and says how to save it"
# The changed value as people read it: the UI language's decimal separator.
printf 'indicator,period,sex,value\nsyss,2030,T,12.75\n' > "$TMPD/change.csv"
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
run -d "$db" -c "$TMPD/sv.ini" measurements "$TMPD/change.csv"
expect_err 'syss 2030 T (ändrades från|changed from) 12,5 (till|to) 12,75' "a change is told with decimal commas in Swedish"
# An indicator id in two strategies without --strategy: an error that says so (it used to free twice and abort).
sed 's/^id = prov$/id = prov2/' "$TMPD/s.ini" > "$TMPD/s2.ini"
run -d "$db" import "$TMPD/s2.ini"
printf 'indicator,period,sex,value\nsyss,2031,T,1\n' > "$TMPD/both.csv"
run -d "$db" measurements "$TMPD/both.csv"
expect_status 1 "an indicator in two strategies"
expect_err "line 2: the indicator 'syss' is in more than one strategy; choose one with --strategy ID" "it asks for --strategy"
tap_done
