#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/addressing.sh: activity numbers per strategy: set and log --activity take N or STRATEGY:N, never another strategy's; numbers shown, exported and imported.
. "$top_srcdir/tests/lib.sh"
all=$TMPD/all.db
run init "$all" --sample all
# Every strategy's export, to see that only the one meant changed.
snap() { for s in oxelosund ornskoldsvik oskarshamn gislaved vastervik; do "$STYRKORT" -d "$all" export --strategy $s | cksum; done; }
others() { snap | sed -n '1,2p;4,5p'; }        # all but Oskarshamn
# A column of Oskarshamn's activity number N.
field() { sqlite3 "$all" "SELECT $2 FROM activity WHERE strategy_id = 'oskarshamn' AND number = $1"; }

# --- what is shown: the number within the strategy
run -d "$all" report --format csv --strategy oskarshamn
check "CSV: Oskarshamn's activities are numbered from 1, not after the other strategies'" \
	[ "$(printf '%s\n' "$out" | tr -d '\r' | sed -n '2p;$p' | cut -d, -f1,2 | tr '\n' ' ')" = "oskarshamn,1 oskarshamn,28 " ]
run -d "$all" log --strategy oskarshamn
expect_out "  oskarshamn #12 Vi har fokus på det lokala" "log: Oskarshamn's activity 12 is #12"

# --- every form that names Oskarshamn's activity 12 changes it and nothing else
before=$(others)
run -d "$all" set oskarshamn:12 comment=c55
expect_status 0 "set oskarshamn:12"
check "set oskarshamn:12 changed Oskarshamn's activity 12" [ "$(field 12 comment)" = c55 ]
run -d "$all" --strategy oskarshamn set 12 comment=c56
expect_status 0 "--strategy oskarshamn set 12"
check "--strategy oskarshamn set 12 changed the same activity" [ "$(field 12 comment)" = c56 ]
run -d "$all" --strategy oskarshamn set oskarshamn:12 comment=c57
expect_status 0 "--strategy oskarshamn set oskarshamn:12"
check "both together name the same activity" [ "$(field 12 comment)" = c57 ]
run -d "$all" --strategy oskarshamn set 1 comment=c51
expect_status 0 "--strategy oskarshamn set 1 (issue 10: this changed Oxelösund's #1)"
check "--strategy oskarshamn set 1 changed Oskarshamn's activity 1" [ "$(field 1 comment)" = c51 ]
check "no other strategy changed" [ "$(others)" = "$before" ]
run -d "$all" log --activity oskarshamn:12
check "log --activity oskarshamn:12: only Oskarshamn's #12 (3 changes and its creation)" \
	[ "$(printf '%s\n' "$out" | grep -c '  oskarshamn #12 Vi har')" -eq 4 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ]
expect_out "Comment: c56 -> c57" "the log has the last change"
run -d "$all" --strategy oskarshamn log --activity 12
check "--strategy oskarshamn log --activity 12: the same lines" [ "$(printf '%s\n' "$out" | grep -c '  oskarshamn #12 ')" -eq 4 ]

# --- what is refused, each with nothing changed anywhere
before=$(snap)
refused() {        # refused STATUS PATTERN DESCRIPTION ARGS...
	st=$1 pat=$2 what=$3
	shift 3
	run -d "$all" "$@"
	expect_status "$st" "$what"
	expect_err "$pat" "$what: the message"
	check "$what: nothing changed" [ "$(snap)" = "$before" ]
}
refused 2 "^styrkort: set 1: the file holds the strategies .*; write one of .*oskarshamn:1 \(Vi ansvarar.*oxelosund:1 \(.*, or give --strategy ID$" \
	"a bare number in a file of several strategies" set 1 progress=1
refused 2 "^styrkort: set 99: the file holds the strategies .* and none has an activity 99" \
	"a bare number that no strategy has" set 99 progress=1
refused 1 "^styrkort: set oskarshamn:99: the strategy 'oskarshamn' has no activity 99; .*--strategy oskarshamn" \
	"a number Oskarshamn does not have" set oskarshamn:99 progress=1
refused 1 "^styrkort: set 29: the strategy 'oskarshamn' has no activity 29" \
	"--strategy oskarshamn and a number it does not have (29 was one of its old file-wide ids: not taken as one)" \
	--strategy oskarshamn set 29 progress=1
refused 2 "^styrkort: set oskarshamn:1: it names the strategy 'oskarshamn' and --strategy names 'oxelosund'" \
	"STRATEGY:N and another --strategy" --strategy oxelosund set oskarshamn:1 progress=1
refused 1 "^styrkort: set nosuch:1: there is no strategy 'nosuch' in .*; the file holds: gislaved, oskarshamn" \
	"a strategy that does not exist" set nosuch:1 progress=1
for bad in oskarshamn: :12 oskarshamn:0 oskarshamn:-1 Oskarshamn:1 oskarshamn:1x 12.0 x; do
	refused 2 "^styrkort: set $bad: expected an activity number as the dashboard shows it, or STRATEGY:NUMBER such as oskarshamn:12$" \
		"set '$bad'" set "$bad" progress=1
done
refused 2 "^styrkort: log --activity 12: the file holds the strategies" "log --activity: a bare number in a file of several" log --activity 12
refused 1 "^styrkort: log --activity oskarshamn:99: the strategy 'oskarshamn' has no activity 99" \
	"log --activity: a number Oskarshamn does not have" log --activity oskarshamn:99
refused 2 "^styrkort: --activity oskarshamn:: expected an activity number" "log --activity oskarshamn:" log --activity oskarshamn:

STYRKORT_SYSCONFIG=/dev/null LANGUAGE=sv run -d "$all" set 1 progress=1
expect_err "^styrkort: set 1: filen innehåller strategierna .*, och ett nummer ensamt säger inte vems aktivitet det är; skriv en av .*oskarshamn:1 " \
	"in Swedish: the refusal of a bare number"
STYRKORT_SYSCONFIG=/dev/null LANGUAGE=sv run -d "$all" set oskarshamn:99 progress=1
expect_err "^styrkort: set oskarshamn:99: strategin 'oskarshamn' har ingen aktivitet 99" "in Swedish: a number the strategy lacks"

# --- a file of one strategy: a bare number is its number
one=$TMPD/one.db
run init "$one" --sample vastervik
run -d "$one" set 2 progress=30
expect_status 0 "one strategy: set 2"
check "one strategy: set 2 changed Västervik's activity 2" \
	[ "$(sqlite3 "$one" "SELECT progress FROM activity WHERE number = 2")" = 30 ]
run -d "$one" set vastervik:2 progress=31
expect_status 0 "one strategy: set vastervik:2"
run -d "$one" --strategy vastervik set 2 progress=32
expect_status 0 "one strategy: --strategy vastervik set 2"
run -d "$one" log --activity 2
check "one strategy: log --activity 2 has the three changes and the creation" \
	[ "$(printf '%s\n' "$out" | grep -c '  vastervik #2 ')" -eq 4 ]
sum_one=$("$STYRKORT" -d "$one" export | cksum)
run -d "$one" set 9 progress=1
expect_status 1 "one strategy: a number it does not have"
expect_err "^styrkort: set 9: the strategy 'vastervik' has no activity 9" "one strategy: the message names the strategy"
run -d "$one" set oskarshamn:1 progress=1
expect_status 1 "one strategy: another strategy's name"
expect_err "there is no strategy 'oskarshamn'" "one strategy: the message says so"
check "one strategy: the refusals changed nothing" [ "$("$STYRKORT" -d "$one" export | cksum)" = "$sum_one" ]

# --- numbers in INI files: written only where an import would not give them by itself
cat > "$TMPD/gap.ini" <<'INI'
[strategy]
id = gap
municipality = Provs kommun
title = T

[activity.a1]
title = Ett
status = not_started
progress = 0

[activity.a3]
number = 3
title = Tre
status = not_started
progress = 0

[activity.a4]
title = Fyra
status = not_started
progress = 0

[activity.a9]
number = 9
title = Nio
status = not_started
progress = 0

[activity.a2]
number = 2
title = Två
status = not_started
progress = 0
INI
gap=$TMPD/gap.db
run init "$gap"
run -d "$gap" import "$TMPD/gap.ini"
expect_status 0 "a file with numbers after a deletion is imported"
check "the numbers are the file's, the others the next free one" \
	[ "$(sqlite3 "$gap" "SELECT group_concat(ref || '=' || number, ' ') FROM (SELECT * FROM activity ORDER BY position)")" = "a1=1 a3=3 a4=4 a9=9 a2=2" ]
run -d "$gap" export --strategy gap
check "export writes back the numbers as the file has them, and only those" sh -c "sed 1d '$TMPD/out' | cmp -s '$TMPD/gap.ini' -"
cp "$TMPD/out" "$TMPD/gap-export.ini"
run -d "$all" import "$TMPD/gap-export.ini"
expect_status 0 "the export is imported into a file with other strategies"
run -d "$all" export --strategy gap
check "export, import into another file, export: byte-identical" cmp -s "$TMPD/gap-export.ini" "$TMPD/out"
run -d "$all" set gap:9 progress=90
expect_status 0 "gap:9 is the activity numbered 9 in the other file too"
check "gap:9 is Nio" [ "$(sqlite3 "$all" "SELECT title FROM activity WHERE strategy_id = 'gap' AND progress = 90")" = Nio ]
run -d "$all" set gap:5 progress=1
expect_status 1 "a number the file left out is no activity"
run -d "$gap" import "$TMPD/gap.ini"
run -d "$gap" log --strategy gap
check "re-importing the same file logs nothing more" [ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ]
sed 's/^number = 9$/number = 7/' "$TMPD/gap.ini" > "$TMPD/gap7.ini"
run -d "$gap" import --dry-run "$TMPD/gap7.ini"
expect_err "activity a9 \(#7\): number: 9 -> 7" "import --dry-run says the number would change"
run -d "$gap" import "$TMPD/gap7.ini"
expect_status 0 "a file that renumbers an activity is imported"
expect_err "activity a9 \(#7\): number: 9 -> 7" "and import says it changed"
run -d "$gap" log --activity gap:7
expect_out "gap #7 Nio: Number: 9 -> 7" "the renumbering is in the change log"
sed 's/^number = 9$/number = 3/' "$TMPD/gap.ini" > "$TMPD/twice.ini"
run -d "$gap" import "$TMPD/twice.ini"
expect_status 1 "two activities with one number are refused"
expect_err "twice.ini: line 23: \[activity.a9\] number = 3: \[activity.a3\] has that number too; give each activity its own" \
	"the message names both"
printf '[strategy]\nid = gap\nmunicipality = P\ntitle = T\n\n[activity.x]\nnumber = 4\ntitle = X\n' > "$TMPD/taken.ini"
run -d "$gap" import "$TMPD/taken.ini"
expect_status 1 "a number another activity of the strategy has is refused"
expect_err "taken.ini: line 7: \[activity.x\] number = 4: the strategy 'gap' has another activity with that number" \
	"the message names the strategy"
for bad in 0 -1 x 2.5; do
	printf '[strategy]\nid = gap\nmunicipality = P\ntitle = T\n\n[activity.x]\nnumber = %s\ntitle = X\n' "$bad" > "$TMPD/bad.ini"
	run -d "$gap" import "$TMPD/bad.ini"
	expect_status 1 "number = $bad is refused"
	expect_err "bad.ini: line 7: \[activity.x\] number = '$bad': expected a whole number from 1" "number = $bad: the message says what a number is"
done
check "the refused files changed nothing" [ "$(sqlite3 "$gap" "SELECT group_concat(number, ' ') FROM (SELECT number FROM activity ORDER BY position)")" = "1 3 4 7 2" ]


# --- old numbers through the upgrade to schema 4: in a file of one strategy they stay what they
# were (gaps where an activity was deleted), so scripts keep working; with several, each
# strategy's are numbered 1, 2, ... in the order they were added
fx=$top_srcdir/tests/fixtures/v3
sqlite3 "$TMPD/old1.db" < "$fx/vastervik.sql"
sqlite3 "$TMPD/old1.db" "DELETE FROM activity WHERE id = 2"
cp "$TMPD/old1.db" "$TMPD/old1-ro.db"
run -d "$TMPD/old1-ro.db" --read-only report --format csv
check "one strategy, read-only and not upgraded: the numbers are the old ones (1 3 4)" \
	[ "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f2 | tr '\n' ' ')" = "1 3 4 " ]
run -d "$TMPD/old1.db" set 3 progress=33
expect_status 0 "one strategy, upgraded: set 3 as before"
check "set 3 changed the activity that was #3 before" [ "$(sqlite3 "$TMPD/old1.db" "SELECT progress || ' ' || number FROM activity WHERE id = 3")" = "33 3" ]
run -d "$TMPD/old1.db" set 2 progress=1
expect_status 1 "the deleted #2 is no activity"
run -d "$TMPD/old1.db" report --format csv
check "one strategy, upgraded: the numbers are the old ones (1 3 4)" \
	[ "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f2 | tr '\n' ' ')" = "1 3 4 " ]
sqlite3 "$TMPD/old5.db" < "$fx/all.sql"
run -d "$TMPD/old5.db" --read-only report --format csv --strategy oskarshamn
check "several strategies, read-only: each strategy's from 1" \
	[ "$(printf '%s\n' "$out" | tr -d '\r' | sed -n '2p;$p' | cut -d, -f2 | tr '\n' ' ')" = "1 28 " ]
run -d "$TMPD/old5.db" report --format csv --strategy oskarshamn
check "several strategies, upgraded: each strategy's from 1" \
	[ "$(printf '%s\n' "$out" | tr -d '\r' | sed -n '2p;$p' | cut -d, -f2 | tr '\n' ' ')" = "1 28 " ]
tap_done
