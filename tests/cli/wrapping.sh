#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/wrapping.sh: the text report never splits a number from its unit or a label from its value,
# at any width, in either language: the no-break rule of text_wrap() (text_glued() in src/core/text.c).
. "$top_srcdir/tests/lib.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# A comment where a narrow report would break between 30 and %, and between a label and its value.
"$STYRKORT" -d "$db" set gislaved:11 comment="Arbetet med handlingsplanen är nu klart till 30 % och budgeten är 4 000 kr enligt beslut" \
	>/dev/null 2>&1 || not_ok "set a comment with numbers and units"
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
printf '[display]\nlanguage = en\n' > "$TMPD/en.ini"
# split FILE: the first place where a line ends in a number and the next begins with its unit.
split() {
	awk 'prev ~ /[0-9]$/ && $1 ~ /^(%|kr|d|dagar|days|år|st)$/ { print NR ": " prev " / " $0; exit }
	     { sub(/^ +/, ""); prev = $0 }' "$1"
}
for lang in en sv; do
	bad=
	for width in 40 41 42 43 44 45 46 47 48 49 50 55 60 65 70 72 76 80; do
		"$STYRKORT" -c "$TMPD/$lang.ini" -d "$db" report --strategy gislaved --width $width > "$TMPD/r" 2>/dev/null ||
			{ bad="report --width $width failed"; break; }
		found=$(split "$TMPD/r")
		[ -n "$found" ] && { bad="--width $width: $found"; break; }
	done
	[ -z "$bad" ] && ok "$lang: no number is split from its unit at any width from 40 to 80" || not_ok "$lang: $bad"
done
# The comment is in the report, and at width 48 "30 %" would have been split by a break at the last space.
"$STYRKORT" -d "$db" report --strategy gislaved --width 80 | grep -q "30 %" && ok "the comment is in the report" ||
	not_ok "the comment is not in the report"
tap_done
