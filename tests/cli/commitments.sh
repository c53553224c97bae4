#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/commitments.sh: standing commitments beside time-bound activities: assessments, refusals, files, the report.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/c.db

# A strategy with one activity and two commitments, one assessed (by its Swedish label).
ini=$TMPD/c.ini
printf '%s\n' '[strategy]' 'id = prov' 'municipality = Provby kommun' 'title = Strategi' \
	'[focus.f]' 'name = Arbete' \
	'[activity.a1]' 'title = Ta fram en handlingsplan' 'focus = f' 'status = in_progress' 'progress = 40' \
	'[activity.a2]' 'title = Vi samverkar med Arbetsförmedlingen' 'focus = f' 'kind = commitment' \
	'assessment = partly' 'assessed = 2024-05-01' 'comment = Möten varje kvartal.' \
	'[activity.a3]' 'title = Vi ansvarar för samhällsorientering' 'focus = f' 'kind = commitment' > "$ini"
run init "$db"
run -d "$db" import "$ini"
expect_status 0 "import of commitments"
run -d "$db" export --strategy prov
cp "$TMPD/out" "$TMPD/a.ini"
expect_out "^assessment = partly$" "the assessment is written back"
check "a commitment has no status or progress in the file" sh -c "! sed -n '/a2]/,/a3]/p' '$TMPD/a.ini' | grep -Eq '^(status|progress) '"
check "an activity has no kind, assessment or date of one in the file" sh -c "! sed -n '/a1]/,/a2]/p' '$TMPD/a.ini' | grep -Eq '^(kind|assessment|assessed) '"
expect_out "^assessment = not_assessed$" "a commitment not assessed says so"
run init "$TMPD/d.db"
run -d "$TMPD/d.db" import "$TMPD/a.ini"
run -d "$TMPD/d.db" export --strategy prov
check "export, import, export of commitments is byte-identical" cmp -s "$TMPD/a.ini" "$TMPD/out"

# set: an assessment with a comment, dated today unless a date is given.
run -d "$db" set 3 assessment=fulfilled "comment=Erbjuds löpande."
expect_status 0 "set 3 assessment=fulfilled comment=..."
run -d "$db" log --activity 3
expect_out "Assessment: Not assessed -> Fulfilled" "the log has the assessment"
expect_out "Assessed on: - -> 2026-11-22" "and its date, today"
run -d "$db" set 3 "assessment=partly fulfilled" assessed=2026-10-01
expect_status 0 "set takes an assessment by its label too"
run -d "$db" export --strategy prov
expect_out "^assessed = 2026-10-01$" "a date given is the date of the assessment"
run -d "$db" set 3 assessment=not_assessed
run -d "$db" export --strategy prov
check "not assessed has no date" sh -c "! sed -n '/a3]/,\$p' '$TMPD/out' | grep -q '^assessed'"

# Refusals: a commitment has no status, progress or dates; an activity no assessment.
for f in status=done progress=50 due=2027-01-01; do
	run -d "$db" set 2 "$f"
	expect_status 2 "set 2 $f on a commitment is refused"
	expect_err "^styrkort: set 2: ${f%%=*} = .*: a commitment has no status, progress or dates; it is followed up by an assessment: assessment=fulfilled, partly, not_fulfilled or not_assessed$" \
		"the message says what a commitment has instead"
done
run -d "$db" set 1 assessment=fulfilled
expect_status 2 "set 1 assessment=fulfilled on an activity is refused"
expect_err "only a commitment is assessed; this is a time-bound activity, followed up by status and progress" "the message says what an activity has"
run -d "$db" set 2 assessment=maybe
expect_status 2 "an assessment that is not one is refused"
expect_err "assessment = maybe: expected Fulfilled, Partly fulfilled, Not fulfilled or Not assessed" "the message lists the assessments by their labels"
run -d "$db" set 2 kind=task
expect_status 2 "a kind that is not one is refused"
expect_err "kind = task: expected activity or commitment" "the message names the kinds"

# A kind that changes takes the fields of the old kind with it, logged.
run -d "$db" set 1 kind=commitment assessment=partly
expect_status 0 "set 1 kind=commitment assessment=partly"
run -d "$db" log --activity 1
expect_out "Status: In progress -> \(empty\)" "the status it had is logged as cleared"
expect_out "Progress: 40 -> \(empty\)" "and its progress"
run -d "$db" report --format csv --strategy prov
expect_out ",commitment,partly,2026-11-22.?$" "the CSV has the kind, the assessment and its date"

# The report: commitments counted by assessment, not as activities at 0 %.
run -d "$db" report --strategy prov --width 132
expect_out "^  3 commitments: Fulfilled 0, Partly fulfilled 2, Not fulfilled 0, Not assessed 1$" \
	"the summary line under the overall progress"
expect_out "^Overall progress .*no data$" "commitments only: no percentage"
expect_out "^COMMITMENTS BY ASSESSMENT \(3\)$" "a section of commitments"
expect_out "#2 Vi samverkar med Arbetsförmedlingen: ~ Partly fulfilled \(2024-05-01\)\. Möten varje" \
	"each commitment with its assessment, date and comment"
check "no activities by status when there are none" sh -c "! grep -q 'ACTIVITIES BY STATUS' '$TMPD/out'"
run -d "$db" report --format markdown --strategy prov
expect_out "^\| ~ Partly fulfilled|^\| Partly fulfilled \| 2 \|$" "Markdown: the table of assessments"

# Import refuses keys that do not fit the kind, naming the line.
printf '%s\n' '[strategy]' 'id = bad' 'municipality = B' 'title = T' \
	'[activity.a1]' 'title = Vi gör' 'kind = commitment' 'status = done' > "$TMPD/bad.ini"
run -d "$db" import "$TMPD/bad.ini"
expect_status 1 "import of a commitment with a status is refused"
expect_err "bad.ini: line 8: \[activity.a1\] status: a commitment has no status" "the message names the line and the key"
printf '%s\n' '[strategy]' 'id = bad' 'municipality = B' 'title = T' \
	'[activity.a1]' 'title = Gör' 'assessment = fulfilled' > "$TMPD/bad2.ini"
run -d "$db" import "$TMPD/bad2.ini"
expect_status 1 "import of an activity with an assessment is refused"
expect_err "\[activity.a1\] assessment: only a commitment is assessed; add 'kind = commitment'" "the message says how to make it one"
printf '%s\n' '[strategy]' 'id = bad' 'municipality = B' 'title = T' \
	'[activity.a1]' 'title = Vi gör' 'kind = commitment' 'assessment = halfway' > "$TMPD/bad3.ini"
run -d "$db" import "$TMPD/bad3.ini"
expect_status 1 "an assessment that is not one is refused on import"
expect_err "assessment = 'halfway': expected fulfilled, partly, not_fulfilled or not_assessed" "the message lists them"
tap_done
