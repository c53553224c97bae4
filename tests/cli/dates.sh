#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/dates.sh: dates as precise as the document (a year, a month or a day): taken by set and import, refused when not real, shown as written, overdue at the end of their period, exported exactly.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/d.db
run init "$db"

cat > "$TMPD/p.ini" <<'INI'
[strategy]
id = prec
municipality = Precis kommun
title = Plan
adopted_on = 2012-11
document_date = 2012-10-15
valid_from = 2013
valid_to = 2014

[followup.plan]
what = Projektplanens avstämningar
cadence = dates
dates = 2012-11, 2013, 2027

[activity.year]
title = Under 2026
due = 2026
status = in_progress

[activity.month]
title = I oktober 2026
start = 2026
due = 2026-10
status = in_progress

[activity.november]
title = I november 2026
due = 2026-11
status = not_started

[activity.day]
title = En dag
due = 2026-11-21
status = in_progress
INI
run -d "$db" import "$TMPD/p.ini"
expect_status 0 "a strategy with years, months and days is imported"

# --- export writes every date exactly as written; export | import | export is byte-identical
run -d "$db" export --strategy prec
cp "$TMPD/out" "$TMPD/e1.ini"
for want in 'adopted_on = 2012-11' 'document_date = 2012-10-15' 'valid_from = 2013' 'valid_to = 2014' \
	'dates = 2012-11, 2013, 2027' 'due = 2026$' 'start = 2026$' 'due = 2026-10$' 'due = 2026-11-21'; do
	expect_out "^$want" "export writes '$want' as written"
done
run init "$TMPD/d2.db"
run -d "$TMPD/d2.db" import "$TMPD/e1.ini"
run -d "$TMPD/d2.db" export --strategy prec
check "export, import, export is byte-identical" cmp -s "$TMPD/e1.ini" "$TMPD/out"

# --- overdue at the end of the period (today is 2026-11-22)
run -d "$db" report --strategy prec --format csv
expect_out '^prec,[0-9]+,year,.*,2026,in_progress,.*,no,' "due 2026 is not overdue in November 2026"
expect_out '^prec,[0-9]+,month,.*,2026,2026-10,in_progress,.*,yes,' "due October 2026 is overdue on 22 November"
expect_out '^prec,[0-9]+,november,.*,2026-11,not_started,.*,no,' "due November 2026 is not overdue on 22 November"
expect_out '^prec,[0-9]+,day,.*,2026-11-21,in_progress,.*,yes,' "due 2026-11-21 is overdue on 22 November"
STYRKORT_TODAY=2026-11-30 run -d "$db" report --strategy prec --format csv
expect_out '^prec,[0-9]+,november,.*,no,' "due 2026-11 is not overdue on 2026-11-30"
STYRKORT_TODAY=2026-12-01 run -d "$db" report --strategy prec --format csv
expect_out '^prec,[0-9]+,november,.*,yes,' "due 2026-11 is overdue on 2026-12-01"
STYRKORT_TODAY=2026-12-31 run -d "$db" report --strategy prec --format csv
expect_out '^prec,[0-9]+,year,.*,no,' "due 2026 is not overdue on 2026-12-31"
STYRKORT_TODAY=2027-01-01 run -d "$db" report --strategy prec --format csv
expect_out '^prec,[0-9]+,year,.*,yes,' "due 2026 is overdue on 2027-01-01"

# --- shown as written: the text and Markdown reports
run -d "$db" report --strategy prec
expect_out '^adopted 2012-11, dated 2012-10-15$' "the text report shows the adoption month and the document's day"
expect_out 'Valid 2013 to 2014' "the text report shows the validity as years"
expect_out 'due 2026-10, In progress' "the overdue list shows the month as written"
expect_out 'Projektplanens avstämningar, due 2027' "the next follow-up is the year 2027"
expect_out 'Projektplanens avstämningar, due 2013: no review' "the last one due is the year 2013"
run -d "$db" report --strategy prec --format markdown
expect_out '2026-10' "the Markdown report shows the month as written"

# --- date_format applies to days; a month reads as the format without its day; a year as written
printf '[display]\ndate_format = %%d/%%m/%%Y\n' > "$TMPD/dmy.ini"
run -c "$TMPD/dmy.ini" -d "$db" report --strategy prec
expect_out 'due 10/2026, In progress' "with date_format %d/%m/%Y a month reads 10/2026"
expect_out 'due 21/11/2026, In progress' "and a day 21/11/2026"
expect_out 'Valid 2013 to 2014' "and a year as written"
expect_out 'Projektplanens avstämningar: 11/2012, 2013, 2027' "the follow-up dates too"

# --- set: a year, a month or a day, in ISO or as date_format writes it
n=$(sqlite3 "$db" "SELECT id FROM activity WHERE strategy_id = 'prec' AND ref = 'day'")
run -d "$db" set --strategy prec "$n" due=2027
expect_status 0 "set due=2027 (a year)"
run -d "$db" set --strategy prec "$n" due=2027-03
expect_status 0 "set due=2027-03 (a month)"
run -c "$TMPD/dmy.ini" -d "$db" set --strategy prec "$n" start=02/2027
expect_status 0 "set start=02/2027 with date_format %d/%m/%Y (a month as the format writes it)"
run -d "$db" export --strategy prec
expect_out '^start = 2027-02$' "the month typed as 02/2027 is stored as 2027-02"
expect_out '^due = 2027-03$' "the month is stored as written"
run -d "$db" log
expect_out 'Due: 2027 -> 2027-03' "the change log shows both dates as written"
for bad in 2013-13 2013-02-30 13 2013-00 '2013 ' 20130; do
	run -d "$db" set --strategy prec "$n" "due=$bad"
	expect_status 2 "set due='$bad' is refused"
	expect_err "due = $bad: not a date; write a day as 2026-12-31, a month as 2026-12 or a year as 2026" \
		"due='$bad': the message names the field and the forms"
done
run -c "$TMPD/dmy.ini" -d "$db" set --strategy prec "$n" due=13/2027
expect_err "due = 13/2027: not a date; write a day as 31/12/2026 \(or 2026-12-31\), a month as 12/2026 \(or 2026-12\) or a year as 2026" \
	"with date_format the message gives the configured forms and ISO"
run -d "$db" set --strategy prec "$n" start=2027-04-01
expect_status 2 "a start after the end of the due month is refused"
run -d "$db" set --strategy prec "$n" start=2027-03-15
expect_status 0 "a start within the due month is not after it"

# --- import refuses what is not a date, naming the field and the forms
for bad in 2013-13 2013-02-30 13; do
	printf '[strategy]\nid = bad\nmunicipality = B\ntitle = T\nvalid_from = %s\n' "$bad" > "$TMPD/bad.ini"
	run -d "$db" import "$TMPD/bad.ini"
	expect_status 1 "import of valid_from = '$bad' is refused"
	expect_err "bad.ini: line 5: \[strategy\] valid_from = '$bad': expected a date: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY" \
		"valid_from = '$bad': the message names the key and the forms"
done
printf '[strategy]\nid = bad\nmunicipality = B\ntitle = T\nvalid_from = 2014-02\nvalid_to = 2014-01\n' > "$TMPD/bad.ini"
run -d "$db" import "$TMPD/bad.ini"
expect_status 1 "valid_to a month before valid_from is refused"
printf '[strategy]\nid = bad\nmunicipality = B\ntitle = T\nvalid_from = 2014-02\nvalid_to = 2014\n' > "$TMPD/bad.ini"
run -d "$db" import "$TMPD/bad.ini"
expect_status 0 "valid_to = 2014 ends after valid_from = 2014-02"

# --- a review is held on a day
run -d "$db" review add 2026-11 --strategy prec
expect_status 2 "review add of a month is refused"
expect_err "2026-11: expected a date YYYY-MM-DD" "the message says a review takes a day"
tap_done
