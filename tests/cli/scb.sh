#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/scb.sh: SCB's tables (PxWeb CSV export, JSON-stat 2.0) into an indicator's series, against golden output.
. "$top_srcdir/tests/lib.sh"
# The fixtures follow SCB's formats; tests/fixtures/scb/README says where each is documented.
cp "$top_srcdir"/tests/fixtures/scb/*.csv "$top_srcdir"/tests/fixtures/scb/*.json "$TMPD/"
cd "$TMPD" || exit 1
cat > s.ini <<'INI'
[strategy]
id = vik
municipality = Västervik
municipality_code = 0883
county = Kalmar län
title = Provstrategi
[goal.g1]
title = Fler i arbete
[indicator.arbete]
goal = g1
name = Andel förvärvsarbetande
unit = %
by_sex = yes
[indicator.folk]
goal = g1
name = Folkmängd
by_sex = yes
scb = TAB638/BE0101N1
[indicator.okning]
goal = g1
name = Folkökning
scb = tab638/be0101n2
INI
run init s.db
run -d s.db import s.ini
expect_status 0 "a strategy with a kommunkod and indicators with scb keys"

run -d s.db measurements forvarvsarbetande.csv
expect_status 1 "a CSV export whose title names no indicator's table"
expect_err "forvarvsarbetande.csv: no indicator has an scb key that names this table .*give --indicator ID" \
	"the error says how to name the indicator"
run -d s.db measurements --indicator arbete forvarvsarbetande.csv
expect_status 0 "the CSV export (UTF-8, BOM, commas) for --indicator arbete"
cp "$TMPD/err" "$TMPD/out"
golden scb-csv.txt "the municipality, county and country are stored, Kalmar skipped, '..' no data"
run -d s.db measurements --indicator arbete forvarvsarbetande-latin1.csv
expect_status 0 "the same in Windows-1252 with semicolons and decimal commas"
expect_err '0 new, 0 changed, 20 unchanged values' "it reads the same values"

run -d s.db measurements folkmangd-folkokning.json
expect_status 0 "JSON-stat with two contents, each for the indicator whose scb key names it"
cp "$TMPD/err" "$TMPD/out"
golden scb-jsonstat.txt "what was new, per indicator"
run -d s.db measurements folkmangd.json
expect_status 0 "JSON-stat with one contents and a null"
cp "$TMPD/err" "$TMPD/out"
golden scb-jsonstat-changed.txt "a value that became no data is reported as changed, with its position"
run -d s.db export
golden scb-export.ini "the values by series and sex in the export"

n_before=$("$STYRKORT" -d s.db log | wc -l)
run -d s.db measurements --indicator arbete alder.csv
expect_status 1 "a table with an age column of two values"
expect_err "alder.csv: line 6: the column 'ålder' has more than one value \('20-64 år', '65\+ år'\).*choose one value of 'ålder'" \
	"the error names the line, the column and how to narrow the table"
check "nothing was changed" [ "$("$STYRKORT" -d s.db log | wc -l)" -eq "$n_before" ]
printf '[display]\nlanguage = sv\n' > sv.ini
run -d s.db -c sv.ini measurements --indicator arbete alder.csv
expect_err "alder.csv: rad 6: kolumnen 'ålder' har mer än ett värde" "in Swedish when the UI is Swedish"
sed 's/"0883 Västervik";"20-64 år";"män";6 981;7 002/"0883 Västervik";"20-64 år";"män";6 981;sju/' alder.csv |
	sed '/65+/d' > value.csv
run -d s.db measurements --indicator arbete value.csv
expect_status 1 "a value that is not a number"
expect_err "value.csv: line 5: value 'sju'" "it is named with its line"
check "nothing of the file was stored" [ "$("$STYRKORT" -d s.db log | wc -l)" -eq "$n_before" ]

printf 'indicator,period,sex,value\nfolk,2024,T,1\n' > ours.csv
run -d s.db measurements --indicator folk ours.csv
expect_status 1 "--indicator with a file that names its indicators"
expect_err "ours.csv: --indicator is for SCB's tables" "says what --indicator is for"
run -d s.db report --indicator folk
expect_status 2 "--indicator with another command"
expect_err "--indicator belongs to 'styrkort measurements'" "is a usage error"

# Two strategies whose indicators name the same table: each takes its own municipality's values.
cat > k.ini <<'INI'
[strategy]
id = kal
municipality = Kalmar
municipality_code = 0880
title = Kalmars strategi
[goal.g]
title = Växa
[indicator.befolkning]
goal = g
name = Folkmängd
scb = TAB638/BE0101N1
INI
cat > g.ini <<'INI'
[strategy]
id = gbg
municipality = Göteborg
municipality_code = 1480
title = Göteborgs strategi
[goal.g]
title = Växa
[indicator.folkmangd]
goal = g
name = Folkmängd
scb = TAB638/BE0101N1
INI
run init two.db
run -d two.db import s.ini
run -d two.db import k.ini
run -d two.db import g.ini
run -d two.db measurements folkmangd.json
expect_status 0 "one table for the indicators of three strategies"
cp "$TMPD/err" "$TMPD/out"
golden scb-strategies.txt "Västervik and Kalmar take their own values; Göteborg, not in the table, takes none; no region is skipped"
run -d two.db export --strategy kal
expect_out '^value.2023.k = 35600$' "Kalmar's own value is Kalmar's"
run -d two.db measurements --strategy gbg --indicator folkmangd folkmangd.json
expect_status 1 "a table without the strategy's municipality"
expect_err "the table does not have the strategy's municipality \\(1480\\); it has 00 Riket, 08 Kalmar län" \
	"the error names the strategy's code and the table's regions"
tap_done
