#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/mistakes.sh: mistakes a new user makes get a message that says what and where, and change nothing.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/m.db
run init "$db" --sample vastervik
expect_err "created .*m.db with 1 sample strategy" "init says what it created"
before=$("$STYRKORT" -d "$db" export --strategy vastervik | cksum)
unchanged() { check "$1: the database is unchanged" [ "$("$STYRKORT" -d "$db" export --strategy vastervik | cksum)" = "$before" ]; }

iconv -f utf-8 -t iso-8859-1//TRANSLIT "$top_srcdir/data/vastervik.ini" > "$TMPD/latin1.ini"
run -d "$db" import "$TMPD/latin1.ini"
expect_status 1 "a Latin-1 file is refused"
expect_err "latin1.ini: line [0-9]+: the text is not UTF-8 .*save the file as UTF-8" "it says where and that it is not UTF-8"
unchanged "Latin-1"
printf '[strategy\nid = vastervik\n' > "$TMPD/bracket.ini"
run -d "$db" import "$TMPD/bracket.ini"
expect_err "bracket.ini: line 1: a section name needs a closing '\]'" "a missing ] is named on its own line"
printf '[strategy]\nid = vastervik\nmunicipality = Västerviks kommun\ntitle = "Strategi\n' > "$TMPD/quote.ini"
run -d "$db" import "$TMPD/quote.ini"
expect_err "quote.ini: line 4: the value of 'title' starts with \" but does not end with one" "an unbalanced quote is named"
unchanged "syntax mistakes"
printf '[strategy]\nid = prov\nmunicipality = P\ntitle = T\n[activity.a1]\ntitle = A\nstart = 2026-05-01\ndue = 2026-04-01\n' > "$TMPD/dates.ini"
run -d "$db" import "$TMPD/dates.ini"
expect_status 1 "an activity due before its start is refused"
expect_err "dates.ini: line 8: \[activity.a1\] due = 2026-04-01 is before start = 2026-05-01" "the dates are named"
printf '[strategy]\nid = prov\nmunicipality = P\ntitle = T\nvalid_from = 2026-01-01\nvalid_to = 2025-01-01\n' > "$TMPD/valid.ini"
run -d "$db" import "$TMPD/valid.ini"
expect_err "valid_to = 2025-01-01 is before valid_from = 2026-01-01" "a strategy valid to before it is valid from is refused"
printf '[strategy]\nid = prov\nmunicipality = P\ntitle = T\n[activity.a1]\ntitle = A\nstatus = done\n' > "$TMPD/done.ini"
run -d "$db" import "$TMPD/done.ini"
expect_status 0 "an activity done without a progress"
run -d "$db" export --strategy prov
expect_out "^progress = 100$" "done without a progress is 100 %, as with set"

run -d "$db" set 1 focus=nosuch
expect_status 2 "set to a focus area that does not exist is a usage error"
expect_err "^styrkort: set 1: focus = nosuch: the strategy 'vastervik' has no such focus area" "the message starts with set and the number"
run -d "$db" set 1 start=2027-01-01 due=2026-01-01
expect_status 2 "set with due before start"
expect_err "^styrkort: set 1: due = 2026-01-01: the due date is before the start date 2027-01-01" "the dates are named"
run -d "$db" review add
expect_status 2 "review add with several strategies"
expect_err "m.db: the file holds 2 strategies \(.*\); choose one with --strategy ID" "review add names the file and what to do"

run repotr
expect_status 2 "a misspelt command"
expect_err "repotr: neither a command nor a database file; the commands are" "a misspelt command is not taken for a database"
run report "$db"
expect_status 2 "report with a FILE argument"
expect_err "to choose the database, put -d before it: -d .*m.db" "report FILE says to use -d"
printf '[reprot]\nwidth = 60\n' > "$TMPD/c.ini"
run -d "$db" -c "$TMPD/c.ini" report
expect_status 0 "an unknown configuration section is a warning"
expect_err "c.ini: line 2: unknown section \[reprot\]" "the unknown section is named"
printf '{"values": [' > "$TMPD/short.json"
run -d "$db" measurements "$TMPD/short.json"
expect_status 1 "a truncated Kolada file"
check "the JSON error is one line" [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]
expect_err "short.json: not valid JSON \(it ends too early\)" "it says the file ends too early"
# --strategy with set names whose activity the number is: another strategy's is never changed.
run init "$TMPD/all.db" --sample all
before_all=$("$STYRKORT" -d "$TMPD/all.db" export --strategy oxelosund | cksum)
run -d "$TMPD/all.db" --strategy oskarshamn set 1 progress=50
expect_status 2 "set --strategy oskarshamn of Oxelösund's activity 1"
expect_err "activity 1 belongs to the strategy 'oxelosund'" "it names whose activity it is"
check "Oxelösund's activity is unchanged" [ "$("$STYRKORT" -d "$TMPD/all.db" export --strategy oxelosund | cksum)" = "$before_all" ]
n=$("$STYRKORT" -d "$TMPD/all.db" report --format csv --strategy oskarshamn | sed -n 2p | cut -d, -f2)
run -d "$TMPD/all.db" --strategy oskarshamn set "$n" assessment=partly
expect_status 0 "set --strategy oskarshamn of one of its own activities"
tap_done
