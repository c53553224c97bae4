#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/output.sh: what a selection move sends the terminal (over SSH every byte counts): the
# two rows, the preview and the position, never the screen again, and the theme's colours only
# where the look changes (tests/bench/keys.py, at 80x24, xterm-256color).  The limits sit above
# what the demo's pane 4 writes today in either language (464 bytes a Down, 327 without colours)
# and below what it wrote before the selected row was one colour pair (551).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
# bytes OUT [ENV...]: keys.py's answers to 4 Down Down (pane 4, two moves) into OUT, one number a line.
bytes() {
	local out=$1
	shift
	env "$@" python3 "$top_srcdir/tests/bench/keys.py" --settle 500 4 '\x1b[B' '\x1b[B' -- \
		"$STYRKORT" --demo 2>/dev/null | awk '{ print $(NF - 1) }' > "$out"
}
# within FILE LIMIT WHAT: ok if both moves (lines 3 and 4) wrote at most LIMIT bytes and less than
# a quarter of the first screen (line 1).
within() {
	local start down1 down2
	start=$(sed -n 1p "$1") down1=$(sed -n 3p "$1") down2=$(sed -n 4p "$1")
	if [ -n "$down2" ] && [ "$down1" -le "$2" ] && [ "$down2" -le "$2" ] &&
	   [ $((down1 * 4)) -lt "$start" ] && [ $((down2 * 4)) -lt "$start" ]; then
		ok "$3: $down1 and $down2 bytes (the first screen $start)"
	else
		not_ok "$3: $down1 and $down2 bytes, the first screen $start (at most $2, and under a quarter)"
	fi
}

bytes "$TMPD/color" TERM=xterm-256color
within "$TMPD/color" 480 "a Down in pane 4 with the theme's colours redraws two rows, the preview and the position"
bytes "$TMPD/mono" NO_COLOR=1
within "$TMPD/mono" 370 "a Down in pane 4 without colours"

# An overdue date and its days late are one look with the blanks between them (a blank shows only
# its background): they reach the terminal as one run, without a change of look and back.
"$STYRKORT" init "$TMPD/g.db" --sample gislaved >/dev/null 2>&1
python3 "$top_srcdir/tests/bench/keys.py" --settle 500 --out "$TMPD/g.out" 4 -- env TERM=xterm-256color \
	"$STYRKORT" "$TMPD/g.db" >/dev/null 2>&1
check "pane 4 of Gislaved sends an overdue date and its days late in one run" \
	grep -aqE '20[0-9-]+ +[0-9]+ d' "$TMPD/g.out"
tap_done
