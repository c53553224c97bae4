#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/links.sh: goals linked to several focus areas, indicators' qualifiers, direction and comparison series, example marks.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMPD/s.db
cat > "$TMPD/s.ini" <<'INI'
[strategy]
id = prov
municipality = Provkommun
title = Provstrategi
[focus.arbete]
name = Arbete
[focus.bostad]
name = Bostad
example = yes
[goal.over]
title = Fler i arbete
focus = bostad | arbete
source = Kommunfullmäktige 2014
[group.sg]
role = steering_group
name = Styrgruppen
example = yes
[indicator.syss]
goal = over
name = Andel sysselsatta
qualifier = 20–64 år
breakdown = förvärvsarbetande och företagare
unit = %
baseline = 40
target = 60
value.2023 = 50
county.2023 = 45
country.2023 = 48
country.2022 = 47
[activity.a1]
title = Bara målet
goal = over
progress = 80
status = in_progress
[activity.a2]
title = Arbete och målet
focus = arbete
goal = over
status = done
INI
run init "$db"
run -d "$db" import "$TMPD/s.ini"
expect_status 0 "import a goal linked to two focus areas, with comparison values"
run -d "$db" export
printf '%s\n' "$out" > "$TMPD/e1.ini"
run init "$TMPD/s2.db"
run -d "$TMPD/s2.db" import "$TMPD/e1.ini"
run -d "$TMPD/s2.db" export
check "export, import, export is byte-identical" sh -c 'printf "%s\n" "$1" | cmp -s - "$2"' sh "$out" "$TMPD/e1.ini"
expect_out '^focus = bostad \| arbete$' "the goal's focus areas are exported in their order"
expect_out '^county\.2023 = 45$' "the county's value is exported as county.PERIOD"
expect_out '^country\.2022 = 47$' "the country's values too"
expect_out '^example = yes$' "an item's example mark is exported"
check "only where it is yes" sh -c 'test "$(printf "%s\n" "$1" | grep -c "^example")" -eq 2' sh "$out"
expect_out '^source = Kommunfullmäktige 2014$' "a goal's source note is exported"
check "a direction not given is not exported as higher" sh -c '! printf "%s\n" "$1" | grep -q "^direction"' sh "$out"

run -d "$db" report --width 200
expect_out '1\. Arbete +\[#########-\]  90 %' "focus area arbete: its own activity and the goal's, each once: (100 + 80) / 2"
expect_out '2\. Bostad \(example\) +\[#########-\]  90 %' "focus area bostad: the goal's two activities, one of them also arbete's"
expect_out 'Overall progress +\[#########-\]  90 %' "the strategy counts each activity once: a2 in arbete (its own), a1 in bostad (the goal's first)"
expect_out 'Steering group: Styrgruppen \(example\)' "the report marks an example group"
expect_out 'Goals: Fler i arbete' "each focus area lists the goal linked to it"
expect_out 'Focus areas: Bostad, Arbete' "the goal lists its focus areas"
expect_out 'Indicator: Andel sysselsatta \(20–64 år; förvärvsarbetande och företagare\) +\[\.\.\.\.\.\.\.\.\.\.\] direction not given' \
	"the qualifier and breakdown are beside the name; a target without a direction is said, not guessed"
expect_out 'Baseline 40 % -> latest 50 % \(2023\) -> target 60 %' "the latest value is the municipality's, not a comparison's"
expect_out 'Compared with: county 45 %, country 48 % \(2023\)' "the comparison values are beside it, for the latest period"

printf 'indicator,period,sex,value,series\nsyss,2024,T,52,\nsyss,2024,T,49,county\nsyss,2024,T,50,country\n' > "$TMPD/v.csv"
run -d "$db" measurements "$TMPD/v.csv"
expect_status 0 "a measurements file with the series column"
expect_err '3 new, 0 changed, 0 unchanged' "the same period and sex in three series are three values"
run -d "$db" report --width 200
expect_out 'latest 52 % \(2024\)' "the municipality's own value is the latest"
expect_out 'Compared with: county 49 %, country 50 % \(2024\)' "the comparison values follow"
run -d "$db" log
expect_out 'Andel sysselsatta \(county\) 2024 T: Value: - -> 49' "a comparison value's change names its series"
printf 'indicator;period;sex;value;series\nsyss;2024;T;"49,5";county\n' > "$TMPD/change.csv"
run -d "$db" measurements "$TMPD/change.csv"
expect_err 'line 2: syss \(county\) 2024 T changed from 49 to 49.5' "a changed comparison value is reported with its series"
printf 'indicator,period,sex,value,series\nsyss,2024,T,1,region\n' > "$TMPD/bad.csv"
run -d "$db" measurements "$TMPD/bad.csv"
expect_status 1 "an unknown series"
expect_err "bad.csv: line 2: series 'region'" "the unknown series is named with its line"

sed 's/^focus = bostad | arbete$/focus = bostad | nosuch/' "$TMPD/s.ini" > "$TMPD/nosuch.ini"
run -d "$db" import "$TMPD/nosuch.ini"
expect_status 1 "a link to a focus area that is not in the file"
expect_err 'line 12: \[goal.over\] focus = bostad \| nosuch: there is no \[focus.nosuch\]' "the missing focus area is named"
sed 's/^focus = bostad | arbete$/focus = bostad | bostad/' "$TMPD/s.ini" > "$TMPD/twice.ini"
run -d "$db" import "$TMPD/twice.ini"
expect_status 1 "a focus area named twice"
expect_err "focus = 'bostad \| bostad': expected the ids of focus areas separated by '\|', each once" "the mistake is explained"

sed 's/^county\.2023 = 45$/county.2023.x = 45/' "$TMPD/s.ini" > "$TMPD/key.ini"
run -d "$db" import "$TMPD/key.ini"
expect_status 1 "a comparison value's key with an unknown sex"
expect_err 'county.2023.x: a value key is value.PERIOD.*county. or country. for the comparison areas' "the keys are explained"

# A version-3 file's goal.focus_id: read through the views as it is, then moved to goal_focus by the upgrade.
v3=$TMPD/v3.db
sqlite3 "$v3" < "$top_srcdir/tests/fixtures/v3/vastervik.sql"
sqlite3 "$v3" "UPDATE goal SET focus_id = (SELECT id FROM focus_area WHERE key = 'bostad') WHERE key = 'befolkning'"
run -d "$v3" --read-only export
expect_out '^focus = bostad$' "a version-3 file read-only shows the goal's focus area"
run -d "$v3" export
expect_out '^focus = bostad$' "after the upgrade the link is in goal_focus"
check "and goal.focus_id is emptied: goal_focus is the one truth" \
	test "$(sqlite3 "$v3" 'SELECT count(*) FROM goal WHERE focus_id IS NOT NULL')" = 0

tap_done
