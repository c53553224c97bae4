#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/numbers.sh: numbers in files and on the command line use a dot whatever the locale;
# numbers people read follow the UI language (8,5 % in Swedish); no floating-point noise; the
# women-men gap is in percentage points, from one period both sexes have.
. "$top_srcdir/tests/lib.sh"
sv=sv_SE.UTF-8
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
# Without the Swedish locale (a fresh machine), the cases meant for it run under C.UTF-8:
# what the UI language decides is still tested; .ci/run installs sv_SE.UTF-8.
if ! locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8'; then
	echo "# sv_SE.UTF-8 is not installed: its cases run under C.UTF-8"
	sv=C.UTF-8
fi

# Files under a Swedish locale (LC_ALL, as a Swedish user's LANG would give).
LC_ALL=$sv run init "$TMPD/sv.db" --sample all
expect_status 0 "init --sample all under $sv reads 8.5 from the samples"
LC_ALL=C.UTF-8 run init "$TMPD/c.db" --sample all
for s in vastervik oskarshamn; do
	LC_ALL=$sv run export -d "$TMPD/sv.db" --strategy $s
	cp "$TMPD/out" "$TMPD/sv-$s.ini"
	LC_ALL=C.UTF-8 run export -d "$TMPD/c.db" --strategy $s
	check "export of $s is the same under $sv and C.UTF-8" cmp -s "$TMPD/out" "$TMPD/sv-$s.ini"
done
check "the export under $sv writes 8.5 with a dot" grep -q '^baseline = 8\.5$' "$TMPD/sv-vastervik.ini"
LC_ALL=$sv run init "$TMPD/rt.db"
LC_ALL=$sv run -d "$TMPD/rt.db" import "$TMPD/sv-vastervik.ini"
expect_status 0 "import under $sv takes the export back"
LC_ALL=$sv run -d "$TMPD/rt.db" export --strategy vastervik
check "export | import | export round-trips under $sv" cmp -s "$TMPD/out" "$TMPD/sv-vastervik.ini"

# measurements and reports, with a split by sex.
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
baseline = 8.5
baseline_period = 2020
target = 80
by_sex = yes
[indicator.tid]
goal = g1
name = Väntetid
unit = dagar
by_sex = yes
[indicator.antal]
goal = g1
name = Antal deltagare
by_sex = yes
INI
db=$TMPD/m.db
LC_ALL=$sv run init "$db"
LC_ALL=$sv run -d "$db" import "$TMPD/s.ini"
expect_status 0 "import of an INI with 8.5 under $sv"
printf 'indicator,period,sex,value\nsyss,2023,T,10.2\nsyss,2023,K,60.2\nsyss,2023,M,74.1\nsyss,2024,K,61\n' > "$TMPD/v.csv"
LC_ALL=$sv run -d "$db" measurements "$TMPD/v.csv"
expect_status 0 "measurements with 10.2 (comma separated) under $sv"
printf 'indicator;period;sex;value\ntid;2023;K;"12,5"\ntid;2023;M;10\nantal;2022;K;3\nantal;2023;M;4\n' > "$TMPD/semi.csv"
LC_ALL=$sv run -d "$db" measurements "$TMPD/semi.csv"
expect_status 0 "measurements with a decimal comma (semicolon separated) under $sv"
printf 'indicator,period,sex,value\nsyss,2025,T,"10,2"\n' > "$TMPD/comma.csv"
LC_ALL=$sv run -d "$db" measurements "$TMPD/comma.csv"
expect_status 0 "a quoted decimal comma in a comma-separated file, as before"
printf '{"values": [{"kpi": "N00914", "municipality": "0883", "period": 2022, "values": [{"gender": "T", "value": 12.3}]}]}' > "$TMPD/k.json"
LC_ALL=$sv run -d "$db" measurements "$TMPD/k.json"
expect_status 0 "Kolada JSON with 12.3 under $sv"
LC_ALL=$sv run -d "$db" export --strategy prov
expect_out '^value\.2022 = 12\.3$' "the JSON value is stored as 12.3"
expect_out '^value\.2023 = 10\.2$' "the export under $sv writes the measurement with a dot"
expect_out '^value\.2023\.k = 60\.2$' "and the women's value too"

for loc in C.UTF-8 $sv; do
	LC_ALL=$loc run -d "$db" report --width 200
	expect_out 'Baseline 8\.5 % \(2020\)' "English report under $loc: 8.5 %"
	expect_out 'gap women-men −13\.9 percentage points \(2023\)' \
		"English report under $loc: the gap in percentage points, from 2023 (both sexes), no float noise"
	expect_out 'women 61 % \(2024\), men 74\.1 % \(2023\)' "each sex's latest value keeps its own period"
	expect_out 'gap women-men 2\.5 dagar \(2023\)' "a gap in another unit is in that unit"
	expect_out 'women 3 \(2022\), men 4 \(2023\); no common period for women and men' \
		"no common period is said, not a gap across years"
	check "English report under $loc: no floating-point noise" sh -c "! grep -q '9999\|0000' '$TMPD/out'"
	LC_ALL=$loc run -d "$db" -c "$TMPD/sv.ini" report --width 200
	expect_out 'Utgångsvärde 8,5 % \(2020\)' "Swedish report under $loc: 8,5 %"
	expect_out 'skillnad kvinnor–män −13,9 procentenheter \(2023\)' "Swedish report under $loc: −13,9 procentenheter"
	expect_out 'kvinnor och män har ingen gemensam period' "Swedish report under $loc: no common period"
	check "Swedish report under $loc: printable characters and newlines only" \
		sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$TMPD/out'"
	LC_ALL=$loc run -d "$db" -c "$TMPD/sv.ini" report --format markdown
	expect_out '8,5 %' "Swedish Markdown report under $loc: 8,5 %"
done

# The Swedish report of a sample, against golden output (the English ones are in report.sh).
LC_ALL=$sv run -d "$TMPD/sv.db" -c "$TMPD/sv.ini" report --strategy vastervik
golden report-vastervik-80-sv.txt "Swedish report of vastervik matches golden output"
LC_ALL=C.UTF-8 run -d "$TMPD/sv.db" -c "$TMPD/sv.ini" report --strategy vastervik
golden report-vastervik-80-sv.txt "and is the same under C.UTF-8"

# set and the log under a Swedish locale.
LC_ALL=$sv run -d "$TMPD/sv.db" set oxelosund:1 progress=40 comment="Halvvägs"
expect_status 0 "set under $sv"

# What changed since the last review, as people read it: labels and numbers in the UI language.
printf 'indicator,period,sex,value\nsyss,2025,T,52.5\n' > "$TMPD/later.csv"
LC_ALL=$sv run -d "$db" review add 2026-11-22
LC_ALL=$sv run -d "$db" measurements "$TMPD/later.csv"
LC_ALL=$sv run -d "$db" -c "$TMPD/sv.ini" report --since last-review --width 200
expect_out 'Indikator Andel sysselsatta: 2025: 10,2 (→|->) 52,5' "Swedish changes since the review: 'Värde' and 52,5"
LC_ALL=$sv run -d "$db" report --since last-review --width 200
expect_out 'Indicator Andel sysselsatta: 2025: 10\.2 (→|->) 52\.5' "English changes since the review: 'Value' and 52.5"
LC_ALL=$sv run -d "$TMPD/sv.db" -c "$TMPD/sv.ini" report --since 2026-01-01 --width 200
expect_out '^  #1 .*: tillagd (—|-) tester, 22 nov ' "Swedish changes: an activity added since then is one line, in Swedish, the time in Swedish"
# An indicator's decimals: its values show that many, as statistics give them (52,0 %, not 52 %).
cat > "$TMPD/dec.ini" <<'INI'
[strategy]
id = dec
municipality = Decimalkommun
title = Decimaler
[goal.g1]
title = Fler i arbete
[indicator.syss]
goal = g1
name = Andel sysselsatta
unit = %
baseline = 52
decimals = 1
by_sex = yes
INI
run init "$TMPD/dec.db"
run -d "$TMPD/dec.db" import "$TMPD/dec.ini"
expect_status 0 "an indicator with decimals = 1 imports"
printf 'indicator,period,sex,value\nsyss,2023,T,52.0\nsyss,2023,K,50\nsyss,2023,M,54.5\n' > "$TMPD/dec.csv"
run -d "$TMPD/dec.db" measurements "$TMPD/dec.csv"
run -d "$TMPD/dec.db" -c "$TMPD/sv.ini" report --width 200
expect_out 'Utgångsvärde 52,0 % -> senaste 52,0 % \(2023\)' "Swedish: the values show one decimal (52,0 %)"
expect_out 'kvinnor 50,0 % \(2023\), män 54,5 % \(2023\); skillnad kvinnor–män −4,5 procentenheter' "and so do the sexes and the gap"
run -d "$TMPD/dec.db" report --width 200
expect_out 'Baseline 52\.0 % -> latest 52\.0 % \(2023\)' "English: 52.0 %"
run -d "$TMPD/dec.db" export --strategy dec
expect_out '^decimals = 1$' "export writes the decimals back"
sed 's/^decimals = 1$/decimals = 2.5/' "$TMPD/dec.ini" > "$TMPD/dec-bad.ini"
run -d "$TMPD/dec.db" import "$TMPD/dec-bad.ini"
expect_status 1 "decimals = 2.5 is refused"
expect_err "decimals = '2\\.5': expected a whole number of decimals from 0 to 6" "with the range"
tap_done
