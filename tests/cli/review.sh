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
expect_out "^  2026-11-10 tester: #2 .*: status: Not started -> Done \(Klart\)" "the status change is listed with its labels and comment"
expect_out "progress: 0 -> 100" "the progress that came with done is listed"
check "changes from before the review are not listed" sh -c "! printf '%s' \"\$1\" | grep -Eq 'added|2026-11-01 tester'" sh "$out"
run -d "$db" report --since last-review --strategy vastervik
run -d "$db" log --activity 2
expect_out "status: in_progress -> not_started" "the log has the change made before the review too"
run -d "$db" report --since 2026-11-20
expect_out '^CHANGES SINCE 2026-11-20$' "--since DATE names the date"
expect_out '^  None\.$' "nothing changed since then"
run -d "$db" report --since yesterday
expect_status 2 "--since must be a date or last-review"
run -d "$db" report --format markdown --since last-review
expect_out '^## Changes since the last review \(2026-11-01\)$|^## CHANGES SINCE THE LAST REVIEW \(2026-11-01\)$' "the Markdown report has the section too"
run -d "$db" review add --note x --strategy nosuch
expect_status 1 "review add for an unknown strategy"
tap_done
