#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/numbers.sh: the value form under a Swedish locale takes both 10,2 and 10.2, stores
# them as numbers, and shows them as the UI language writes them (10.2 in English, 10,2 in Swedish).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
sv=sv_SE.UTF-8
# Without the Swedish locale (a fresh machine), the cases meant for it run under C.UTF-8:
# what the UI language decides is still tested; .ci/run installs sv_SE.UTF-8.
if ! locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8'; then
	echo "# sv_SE.UTF-8 is not installed: its cases run under C.UTF-8"
	sv=C.UTF-8
fi
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
stored() {
	"$STYRKORT" -d "$db" export --strategy vastervik > "$TMPD/export" 2>&1
	if grep -qx -- "$1" "$TMPD/export"; then ok "$2"; else not_ok "$2"; grep '^value' "$TMPD/export" | sed 's/^/# /'; fi
}
# English UI (tests/english.ini), Swedish locale.
tmux_start 80 24 "env LC_ALL=$sv $STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard starts under $sv"
tmux_keys e 3
tmux_expect "8.5 % (2013)" "pane 3 shows 8.5 % in English under $sv"
tmux_keys j v
tmux_expect "Value of" "v opens the value form"
tmux_keys C-u 2026 Tab C-u T Tab C-u "10,2" Enter
tmux_expect "Saved " "10,2 is accepted under $sv"
stored "value.2026 = 10.2" "10,2 is stored as 10.2"
tmux_keys v
tmux_expect "Value of" "the value form again"
tmux_keys C-u 2026 Tab C-u T Tab C-u "10.3" Enter
tmux_expect "Saved " "10.3 is accepted under $sv"
stored "value.2026 = 10.3" "10.3 is stored as 10.3"
tmux_expect "10.3 %" "the English UI shows 10.3 %"
tmux_keys q

# Swedish UI: both marks in, a decimal comma out.
tmux_start 80 24 "env LC_ALL=$sv $STYRKORT -c $TMPD/sv.ini $db"
tmux_expect "Västerviks kommun" "the dashboard starts in Swedish"
tmux_keys e 3
tmux_expect "10,3 % (2026)" "pane 3 shows the latest value, 10,3 %, in Swedish"
tmux_keys j v
tmux_expect "10,3" "the value form shows the latest value with a decimal comma"
tmux_keys C-u 2026 Tab C-u T Tab C-u "10.4" Enter
tmux_expect "Sparade " "10.4 is accepted in Swedish"
stored "value.2026 = 10.4" "10.4 is stored as 10.4"
tmux_keys v
tmux_expect "10,4" "the value form again, with 10,4"
tmux_keys C-u 2026 Tab C-u T Tab C-u "10,5" Enter
tmux_expect "10,5 %" "10,5 is accepted and shown as 10,5 %"
stored "value.2026 = 10.5" "10,5 is stored as 10.5"
tmux_keys q
tap_done
