#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/review.sh: reviews, and "changed since the last review" after scripted changes.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/r.db
STYRKORT_TODAY=2026-10-01 run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
run -d "$db" review list
expect_status 0 "review list on a new file"
check "no reviews yet" [ -z "$out" ]
STYRKORT_TODAY=2026-11-01 run -d "$db" set 2 status=not_started progress=0
expect_status 0 "set before the review"
STYRKORT_TODAY=2026-11-01 run -d "$db" review add --note "Styrgruppsmöte hösten"
expect_status 0 "review add (today) with a note"
expect_err "recorded a review of 'vastervik' on 2026-11-01" "review add says what it recorded"
run -d "$db" review add 2026-02-30
expect_status 2 "review add with an impossible date"
run -d "$db" review list
expect_out '^2026-11-01  vastervik  tester  Styrgruppsmöte hösten$' "review list shows date, strategy, who and note"

# Changes after the review (today is later than it).
STYRKORT_TODAY=2026-11-10 run -d "$db" set 2 status=done comment="Klart"
expect_status 0 "set after the review"
STYRKORT_TODAY=2026-11-10 run -d "$db" report --since last-review --width 200
expect_status 0 "report --since last-review"
expect_out '^CHANGES SINCE THE LAST REVIEW \(2026-11-01\)$' "the section names the review's date"
expect_out '^  #2 .*: [^:]+ (→|->) Done (·|;) [0-9]+ (→|->) 100 % (—|-) tester, 10 Nov [0-9:]+ (—|-) "Klart"$' "the status change and the progress that came with it, on one line with the comment"
check "changes from before the review are not listed" sh -c "! printf '%s' \"\$1\" | grep -Eq 'added|2026-11-01 tester'" sh "$out"
run -d "$db" report --since last-review --strategy vastervik
run -d "$db" log --activity 2
expect_out "Status: In progress -> Not started" "the log has the change made before the review too"
run -d "$db" report --since 2026-11-20
expect_out '^CHANGES SINCE 2026-11-20$' "--since DATE names the date"
expect_out '^  None\.$' "nothing changed since then"
run -d "$db" report --since yesterday
expect_status 2 "--since must be a date or last-review"
run -d "$db" report --format markdown --since last-review
expect_out '^## Changes since the last review \(2026-11-01\)$|^## CHANGES SINCE THE LAST REVIEW \(2026-11-01\)$' "the Markdown report has the section too"
run -d "$db" review add --note x --strategy nosuch
expect_status 1 "review add for an unknown strategy"

# "Since the last review" follows the change log, not second-resolution timestamps:
# with a fixed today every change and the review fall in the same second.
db=$TMPD/s.db
export STYRKORT_TODAY=2026-11-22
run init "$db" --sample vastervik
run -d "$db" set 1 status=in_progress
run -d "$db" review add
expect_err "recorded a review of 'vastervik' on 2026-11-22; the changes made from now on count" "review add today: says changes count from now on"
run -d "$db" set 2 status=delayed comment="Samma sekund"
run -d "$db" report --since last-review --width 200
expect_out '#2 .*: .* (→|->) Delayed .*"Samma sekund"' "a change in the same second as the review, made after it, counts"
check "a change in the same second, made before the review, does not" sh -c "! printf '%s' \"\$1\" | grep -q '#1 '" sh "$out"

# A review recorded for an earlier date covers the changes up to the end of that day; the
# changes made after that day count as since the review, in review add and in the report.
db=$TMPD/e.db
STYRKORT_TODAY=2026-10-25 run init "$db" --sample vastervik
STYRKORT_TODAY=2026-10-25 run -d "$db" set 1 status=in_progress comment="Före mötet"
STYRKORT_TODAY=2026-11-10 run -d "$db" set 2 status=delayed comment="Efter mötet"
STYRKORT_TODAY=2026-11-20 run -d "$db" review add 2026-11-01 --note "Inskrivet i efterhand"
expect_err "recorded a review of 'vastervik' on 2026-11-01; the changes made after that day count" "review add for an earlier date: says which changes count"
STYRKORT_TODAY=2026-11-20 run -d "$db" report --since last-review --width 200
expect_out '^CHANGES SINCE THE LAST REVIEW \(2026-11-01\)$' "the report names the earlier date"
expect_out "#2 .*Efter mötet" "a change made after the review's day, before it was recorded, counts"
check "a change made before the review's day does not" sh -c "! printf '%s' \"\$1\" | grep -q 'Före mötet'" sh "$out"
# A later review recorded for today: everything before it is covered.
STYRKORT_TODAY=2026-11-20 run -d "$db" review add
STYRKORT_TODAY=2026-11-20 run -d "$db" report --since last-review --width 200
expect_out '^CHANGES SINCE THE LAST REVIEW \(2026-11-20\)$' "the latest review by date is the last"
expect_out '^  None\.$' "nothing changed since it"
# ... and one recorded afterwards for an earlier date does not take its place.
STYRKORT_TODAY=2026-11-21 run -d "$db" review add 2026-11-05
STYRKORT_TODAY=2026-11-21 run -d "$db" report --since last-review --width 200
expect_out '^CHANGES SINCE THE LAST REVIEW \(2026-11-20\)$' "an older date recorded later is not the last review"

# A file made before reviews remembered their place in the change log (schema version 1)
# is upgraded: its reviews keep what they covered.
command -v sqlite3 >/dev/null 2>&1 || { ok "# SKIP sqlite3 is not installed"; tap_done; exit $?; }
db=$TMPD/v1.db
latest=$("$STYRKORT" init "$TMPD/latest.db" 2>/dev/null && sqlite3 "$TMPD/latest.db" 'PRAGMA user_version')
# The sample as version 1 had it (tests/fixtures/v1), a change logged and a review recorded then.
sqlite3 "$db" < "$top_srcdir/tests/fixtures/v1/vastervik.sql"
sqlite3 "$db" "UPDATE activity SET comment = 'Före' WHERE id = 1;
	INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, batch)
	VALUES ('2026-11-21T12:00:00Z', 'tester', 'vastervik', 'activity', 1, 'a', 'comment', NULL, 'Före',
	(SELECT max(batch) + 1 FROM change_log));
	INSERT INTO review (strategy_id, date, note, created_by, created_at)
	VALUES ('vastervik', '2026-11-22', 'gammal', 'tester', '2026-11-22T12:00:00Z');"
run -d "$db" set 2 status=delayed comment="Efter"
check "the file was upgraded to schema version $latest" [ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$latest" ]
run -d "$db" report --since last-review --width 200
expect_out "#2 .*Efter" "after the upgrade, a change made after the old review counts"
check "after the upgrade, a change made before the old review does not" sh -c "! printf '%s' \"\$1\" | grep -q 'Före'" sh "$out"
# Dates typed as [display] date_format writes them are taken where people type dates.
printf '[display]\ndate_format = %%d/%%m/%%Y\n' > "$TMPD/dmy.ini"
db=$TMPD/dmy.db
run init "$db" --sample vastervik
run -d "$db" -c "$TMPD/dmy.ini" review add 20/11/2026 --note "Möte"
expect_status 0 "review add takes a date as date_format writes it"
run -d "$db" review list
expect_out '^2026-11-20 ' "and stores it as 2026-11-20"
run -d "$db" -c "$TMPD/dmy.ini" log --since 01/11/2026
expect_status 0 "log --since takes a date as date_format writes it"
run -d "$db" -c "$TMPD/dmy.ini" report --since 01/11/2026
expect_status 0 "report --since too"
run -d "$db" -c "$TMPD/dmy.ini" log --since 31/02/2026
expect_status 2 "a date that does not exist is refused"
expect_err "expected a date YYYY-MM-DD, or as the configured date_format writes it \\(%d/%m/%Y\\)" "the message names both forms"
# Which strategy a review is of is the user's to say: a usage error.
run init "$TMPD/all.db" --sample all
run -d "$TMPD/all.db" review add
expect_status 2 "review add in a file of several strategies without --strategy"
expect_err "choose one with --strategy ID" "it says how to choose"
# log --activity of a number that never was one.
run -d "$db" log --activity 999
expect_status 1 "log --activity of a number that is no activity"
expect_err "log --activity 999: the strategy 'vastervik' has no activity 999" "it says so, naming the strategy"
tap_done
