#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/record.sh: the strategy's identity (kommunkod, county), its decision record, its groups, its follow-up plan and the provenance of items: checked on import, shown in the report, written back by export.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/r.db
run init "$db"
head='[strategy]\nid = prov\nmunicipality = Provs kommun\n'
tail='title = T\n'

# --- the municipality code: four digits that begin with a county's code
for bad in 883 08830 08a3 0083 2999 '08 83'; do
	printf "${head}municipality_code = %s\n${tail}" "$bad" > "$TMPD/bad.ini"
	run -d "$db" import "$TMPD/bad.ini"
	expect_status 1 "municipality_code = '$bad' is refused"
	expect_err "bad.ini: line 4: \[strategy\] municipality_code = .*: expected a municipality code: four digits" \
		"municipality_code = '$bad': the message says what a code is"
done
run -d "$db" report
check "nothing was imported" [ -z "$(sqlite3 "$db" 'SELECT id FROM strategy')" ]
check "the table refuses a code that is not four digits" \
	sh -c "! sqlite3 '$db' \"INSERT INTO strategy (id, municipality, title, municipality_code) VALUES ('x', 'X', 'T', '88')\" 2>/dev/null"

# --- until further notice has no end date
printf "${head}${tail}valid_from = 2017-01-02\nvalid_to = 2019-12-31\nuntil_further_notice = yes\n" > "$TMPD/open.ini"
run -d "$db" import "$TMPD/open.ini"
expect_status 1 "until_further_notice with a valid_to is refused"
expect_err "open.ini: line 7: \[strategy\] until_further_notice = yes and valid_to = 2019-12-31: .*remove one of them" \
	"the message names both"

# --- the whole record: imported, shown in the report, exported as written
cat > "$TMPD/full.ini" <<'INI'
[strategy]
id = prov
municipality = Provs kommun
municipality_code = 0883
county = Kalmar län
title = Strategi
doc_type = Styrande dokument
adopted_by = Kommunfullmäktige
adopted_on = 2016-12-20
paragraph = 281
dnr = KS 2016/123
document_date = 2016-11-30
revised_on = 2018-02-14
reference = KS 2016-12-20 § 281
valid_from = 2017-01-02
until_further_notice = yes
replaces = Etableringsplan 2010
related = Länets strategi

[group.ks]
role = owner
name = Kommunstyrelsen
composition = Projektägare

[group.styrgrupp]
role = steering_group
composition = Förvaltningscheferna\nfor social omsorg och utbildning
INI
run -d "$db" import "$TMPD/full.ini"
expect_status 0 "a strategy with the whole decision record is imported"
run -d "$db" export --strategy prov
check "export writes the strategy back as the file has it" sh -c "sed 1d '$TMPD/out' | cmp -s '$TMPD/full.ini' -"
run -d "$db" report --strategy prov --width 200
expect_out "^Municipality code 0883, Kalmar län$" "the report gives the code and the county"
expect_out "^Styrande dokument, adopted by Kommunfullmäktige 2016-12-20, §.281, Dnr.KS 2016/123, reference KS 2016-12-20 § 281, dated 2016-11-30, revised 2018-02-14$" \
	"the report gives the decision record, the old reference as written"
expect_out "^Valid from 2017-01-02 until further notice$" "the report says valid until further notice"
expect_out "^Replaces: Etableringsplan 2010$" "the report names what it replaces"
expect_out "^Related documents: Länets strategi$" "the report names related documents"
run -d "$db" report --strategy prov --width 40
expect_out "^Kommunfullmäktige 2016-12-20, §.281,$" "a narrow report keeps § with its number"
expect_out "^Dnr.KS 2016/123, reference KS 2016-12-20$" "and Dnr with its number"
run -d "$db" report --strategy prov --format markdown
expect_out "^Municipality code 0883, Kalmar län  $" "Markdown: the code and the county"
run -d "$db" report --strategy prov --width 200
expect_out "^ORGANISATION$" "the report has the organisation"
expect_out "^  Owner: Kommunstyrelsen: Projektägare$" "a group: its role, name and composition"
expect_out "^  Steering group: Förvaltningscheferna$" "a group without a name: its composition, line by line"

# --- groups: a role is one of the list; the file's groups replace the strategy's
printf "${head}${tail}\n[group.x]\nrole = styrgrupp\n" > "$TMPD/role.ini"
run -d "$db" import "$TMPD/role.ini"
expect_status 1 "a role that is not one of the list is refused"
expect_err "role.ini: line 7: \[group.x\] role = 'styrgrupp': expected one of owner, steering_group, working_group, reference_group, project_leader, coordinator, other" \
	"the message lists the roles"
printf "${head}${tail}\n[group.x]\nname = X\n" > "$TMPD/norole.ini"
run -d "$db" import "$TMPD/norole.ini"
expect_status 1 "a group without a role is refused"
sed '/^\[group.ks\]/,/^$/d' "$TMPD/full.ini" > "$TMPD/fewer.ini"
run -d "$db" import "$TMPD/fewer.ini"
expect_status 0 "the file without the owner group is imported"
run -d "$db" export --strategy prov
check "a group left out of the file is gone" sh -c "sed 1d '$TMPD/out' | cmp -s '$TMPD/fewer.ini' -"

# --- the follow-up plan: cadences and dates are checked; the next one due and the last one's review
for bad in weekly 'every 0 years' 'every 4-3 years' 'every three years' dates2; do
	printf "${head}${tail}\n[followup.x]\nwhat = X\ncadence = %s\n" "$bad" > "$TMPD/cad.ini"
	run -d "$db" import "$TMPD/cad.ini"
	expect_status 1 "cadence = '$bad' is refused"
	expect_err "cad.ini: line 8: \[followup.x\] cadence = .*: expected continuously, yearly, every N years" \
		"cadence = '$bad': the message lists the cadences"
done
for bad in 2026-13-01 '2026-01-01,2026-02-01' '2026-02-01, 2026-01-01'; do
	printf "${head}${tail}\n[followup.x]\nwhat = X\ncadence = dates\ndates = %s\n" "$bad" > "$TMPD/dates.ini"
	run -d "$db" import "$TMPD/dates.ini"
	expect_status 1 "dates = '$bad' is refused"
	expect_err "dates.ini: line 9: \[followup.x\] dates = .*: expected dates \(a day YYYY-MM-DD, a month YYYY-MM or a year YYYY\) separated by ', '" \
		"dates = '$bad': the message says how dates are written"
done
cat > "$TMPD/fu.ini" <<'INI'
[strategy]
id = fu
municipality = Provs kommun
title = Strategi
valid_from = 2017-01-02

[followup.bokslut]
what = Årsbokslut
cadence = yearly

[followup.fordjupad]
what = Fördjupad uppföljning
cadence = every 3-4 years
note = Vart tredje/fjärde år.

[followup.moten]
what = Styrgruppsmöte
cadence = dates
dates = 2026-11-25, 2027-03-01

[followup.lopande]
what = Löpande
cadence = continuously
INI
run -d "$db" import "$TMPD/fu.ini"
expect_status 0 "a follow-up plan is imported"
run -d "$db" export --strategy fu
check "export writes the plan back as the file has it" sh -c "sed 1d '$TMPD/out' | cmp -s '$TMPD/fu.ini' -"
STYRKORT_TODAY=2026-11-22 run -d "$db" report --strategy fu --width 200
expect_out "^FOLLOW-UP$" "the report has the follow-up plan"
expect_out "^  Årsbokslut: yearly$" "a yearly follow-up"
expect_out "^  Fördjupad uppföljning: every 3-4 years$" "every 3-4 years, as written"
expect_out "^  Styrgruppsmöte: 2026-11-25, 2027-03-01$" "dated follow-ups"
expect_out "^  Löpande: continuously$" "a continuous one"
expect_out "^  Next follow-up: Styrgruppsmöte, due 2026-11-25$" "the next one due is the earliest date from today on"
expect_out "^  Last follow-up: Årsbokslut, due 2025-12-31: no review recorded since then$" \
	"the last one due is the latest date before today (every 4 years from valid_from: 2025-01-02)"
STYRKORT_TODAY=2027-01-05 run -d "$db" report --strategy fu --width 200
expect_out "^  Last follow-up: Årsbokslut, due 2026-12-31: no review recorded since then$" "yearly: due on 31 December"
expect_out "^  Next follow-up: Styrgruppsmöte, due 2027-03-01$" "the next dated one"
STYRKORT_TODAY=2027-01-05 run -d "$db" review add --strategy fu
STYRKORT_TODAY=2027-01-06 run -d "$db" report --strategy fu --width 200
expect_out "^  Last follow-up: Årsbokslut, due 2026-12-31: a review was recorded on 2027-01-05$" \
	"a review on or after the last one's date is its review"
printf '[strategy]\nid = fu4\nmunicipality = P\ntitle = T\nvalid_from = 2017-01-02\n\n[followup.f]\nwhat = Fördjupad\ncadence = every 3-4 years\n' > "$TMPD/fu4.ini"
run -d "$db" import "$TMPD/fu4.ini"
STYRKORT_TODAY=2026-11-22 run -d "$db" report --strategy fu4 --width 200
expect_out "^  Last follow-up: Fördjupad, due 2025-01-02: no review recorded since then$" \
	"every 3-4 years without a first date: every 4 years from valid_from, not on it"
expect_out "^  Next follow-up: Fördjupad, due 2029-01-02$" "and the next one 4 years later"
sed 's/^cadence = every 3-4 years$/cadence = every 3-4 years\nfirst = 2019-06-30/' "$TMPD/fu.ini" > "$TMPD/fu2.ini"
run -d "$db" import "$TMPD/fu2.ini"
STYRKORT_TODAY=2027-06-29 run -d "$db" report --strategy fu --width 200
expect_out "^  Fördjupad uppföljning: every 3-4 years, first 2019-06-30$" "the first date is shown"
expect_out "^  Next follow-up: Fördjupad uppföljning, due 2027-06-30$" "every 4 years from the first date, the first included"

# --- provenance: a source note and an example-data mark, kept by import, written back by export
cat > "$TMPD/prov.ini" <<'INI'
[strategy]
id = prov2
municipality = Provs kommun
title = Strategi
source = Strategin, sidan 3

[group.sg]
role = steering_group
source = Sidan 4

[followup.f]
what = Helårsrapport
cadence = yearly
source = Sidan 5

[activity.a1]
title = En aktivitet
status = in_progress
progress = 40
source = Handlingsplanen, punkt 2
example = yes

[activity.a2]
title = En annan
status = not_started
progress = 0
INI
run -d "$db" import "$TMPD/prov.ini"
expect_status 0 "sources and example marks are imported"
run -d "$db" export --strategy prov2
check "export writes them back as the file has them" sh -c "sed 1d '$TMPD/out' | cmp -s '$TMPD/prov.ini' -"
run -d "$db" report --strategy prov2 --format csv
expect_out "strategy,number,ref,.*,changed_at,source,example,kind,assessment,assessed.?$" "the CSV report has the source and example columns"
expect_out "^prov2,[0-9]+,a1,.*,\"Handlingsplanen, punkt 2\",yes,activity,,.?$" "an example activity says so in the CSV, with its source"
expect_out "^prov2,[0-9]+,a2,.*,,.?$" "one that is not says nothing"
n=prov2:$(sqlite3 "$db" "SELECT number FROM activity WHERE strategy_id = 'prov2' AND ref = 'a1'")
run -d "$db" set "$n" example=maybe
expect_status 2 "set example=maybe is refused"
expect_err "example = maybe: expected yes or no" "the message says what example takes"
run -d "$db" set "$n" example=no
expect_status 0 "set example=no"
run -d "$db" export --strategy prov2
check "the mark is gone from the export" sh -c "! grep -q '^example' '$TMPD/out'"
run -d "$db" log --strategy prov2
expect_out "Example data: yes -> " "the change log has the change of the mark"
tap_done
