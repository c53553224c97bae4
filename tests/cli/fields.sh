#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/fields.sh: the activity fields that --help, set's messages, export and the CSV name all come from one table and read as before.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/f.db
run init "$db" --sample vastervik
list="title, description, focus, goal, responsible, contact, start, due, status, progress, comment, source, example, kind, assessment, assessed"

run -d "$db" set 1 nonsense=1
expect_status 2 "set with an unknown field"
check "set names every field, in table order" [ "$err" = "styrkort: set: unknown field 'nonsense'; the fields are $list" ]

run --help
printf '%s\n' \
	"      change an activity from a script; fields: title description focus goal" \
	"      responsible contact start due status progress comment source example kind" \
	"      assessment assessed" > "$TMPD/lines"
check "--help lists the fields, wrapped as before" grep -qxF -f "$TMPD/lines" "$TMPD/out"
check "--help has the three lines of fields" [ "$(grep -cxF -f "$TMPD/lines" "$TMPD/out")" -eq 3 ]

STYRKORT_SYSCONFIG=/dev/null LANGUAGE=sv run --help
printf '%s\n' \
	"      ändra en aktivitet från ett skript; fält: title description focus goal" \
	"      responsible contact start due status progress comment source example kind" \
	"      assessment assessed" > "$TMPD/lines"
check "the Swedish --help lists the fields, wrapped as before" [ "$(grep -cxF -f "$TMPD/lines" "$TMPD/out")" -eq 3 ]
STYRKORT_SYSCONFIG=/dev/null LANGUAGE=sv run -d "$db" set 1 nonsense=1
check "the Swedish message names every field" [ "$err" = "styrkort: set: okänt fält 'nonsense'; fälten är $list" ]

# Export writes an activity's keys in table order, whatever the order in the file.
printf '%s\n' '[strategy]' 'id = prov' 'municipality = P' 'title = T' '[focus.f]' 'name = F' '[goal.g]' 'title = G' \
	'[activity.a]' 'comment = C' 'progress = 10' 'status = delayed' 'due = 2027-01-01' 'start = 2026-01-01' \
	'contact = K' 'responsible = R' 'goal = g' 'focus = f' 'description = D' 'title = A' > "$TMPD/all.ini"
run -d "$db" import "$TMPD/all.ini"
expect_status 0 "import of an activity with every field"
run -d "$db" export --strategy prov
awk '/^\[activity\./ { n++; next } n == 1 && / = / { print $1 }' "$TMPD/out" > "$TMPD/keys"
check "export writes an activity's keys in table order" \
	[ "$(tr '\n' ' ' < "$TMPD/keys")" = "title description focus goal responsible contact start due status progress comment " ]
# An import that moves an activity to another focus area and goal logs it, as set does.
sed 's/^focus = f$/focus = f2/; s/^goal = g$/goal = g2/' "$TMPD/all.ini" > "$TMPD/moved.ini"
printf '%s\n' '[focus.f2]' 'name = F2' '[goal.g2]' 'title = G2' >> "$TMPD/moved.ini"
run -d "$db" import "$TMPD/moved.ini"
expect_status 0 "import of the activity in another focus area and goal"
run -d "$db" log
expect_out "#[0-9]+ A: Focus area: f -> f2 " "the import logs the new focus area"
expect_out "#[0-9]+ A: Goal: g -> g2 " "the import logs the new goal"
run -d "$db" export --strategy prov
expect_out "^focus = f2$" "the activity is in the new focus area"
run -d "$db" report --format csv --strategy vastervik
check "the CSV header is the published one, then the fields added since" [ "$(head -1 "$TMPD/out" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" = \
	"strategy,number,ref,focus_area,goal,title,responsible,contact,start,due,status,status_label,progress,overdue,comment,changed_by,changed_at,source,example,kind,assessment,assessed" ]
tap_done
