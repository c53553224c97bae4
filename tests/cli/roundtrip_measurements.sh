#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/roundtrip_measurements.sh: a measurements CSV exported in Swedish or English imports again unchanged; so does an Excel file with Swedish headers.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/r.db
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
run -d "$db" report --format csv --what measurements --strategy vastervik
expect_status 0 "export the values in English"
printf '%s\n' "$out" > "$TMPD/en.csv"
n=$(($(grep -c . "$TMPD/en.csv") - 1))
run -c "$TMPD/sv.ini" -d "$db" report --format csv --what measurements --strategy vastervik
expect_status 0 "export the values in Swedish"
printf '%s\n' "$out" > "$TMPD/sv.csv"
check "the Swedish header" grep -q 'strategi;indikator;namn;enhet;serie;period;kön;värde' "$TMPD/sv.csv"

run -c "$TMPD/sv.ini" -d "$db" measurements "$TMPD/sv.csv"
expect_status 0 "the Swedish export imports again"
expect_err "0 nya, 0 ändrade, $n oförändrade" "nothing changes"
run -d "$db" measurements "$TMPD/sv.csv"
expect_status 0 "the Swedish export imports under the English UI too"
run -d "$db" measurements "$TMPD/en.csv"
expect_status 0 "the English export imports again"
expect_err "0 new, 0 changed, $n unchanged" "nothing changes"

# Columns by name in any order, any case; the strategy from its column.
printf 'VALUE,Sex,period,indicator\n12.5,T,2023,utrikesfodda\n' > "$TMPD/o.csv"
run -d "$db" measurements --strategy vastervik "$TMPD/o.csv"
expect_status 0 "columns in another order"

# Excel: BOM, CRLF, semicolons, a decimal comma, Swedish headers.
printf '\357\273\277indikator;period;kön;värde\r\nutrikesfodda;2023;K;12,5\r\n' > "$TMPD/x.csv"
run -d "$db" measurements --strategy vastervik "$TMPD/x.csv"
expect_status 0 "an Excel file with Swedish headers"
expect_err '1 new|1 changed' "its value is read"
run -d "$db" report --format csv --what measurements --strategy vastervik
expect_out '^vastervik,utrikesfodda,.*,2023,K,12\.5' "12,5 is 12.5"

# The comparison series by its Swedish name, any case.
printf 'Serie;Indikator;Period;Kön;Värde;Strategi\r\nRiket;utrikesfodda;2023;t;61,5;vastervik\r\n' > "$TMPD/s.csv"
run -d "$db" measurements "$TMPD/s.csv"
expect_status 0 "a series named in Swedish, the strategy from its column"
run -d "$db" report --format csv --what measurements --strategy vastervik
expect_out '^vastervik,utrikesfodda,.*,country,2023,T,61\.5' "Riket is the country's series"

printf 'indikator;år;kön;värde\r\n' > "$TMPD/bad.csv"
run -c "$TMPD/sv.ini" -d "$db" measurements --strategy vastervik "$TMPD/bad.csv"
expect_status 1 "an unknown column"
expect_err 'år' "the error names the column it does not know"
expect_err 'indikator, period, kön, värde' "and lists the columns in the UI language"
tap_done
