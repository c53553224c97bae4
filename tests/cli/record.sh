#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/record.sh: the strategy's identity (kommunkod, county) and its decision record: checked on import, shown in the report, written back by export.
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
tap_done
