#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/dialogs.sh: every dialog, while the terminal is too small, closes with q or Esc and takes no other key.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }

# small KEY: make the terminal too small, press KEY, and give it its size back.
small() {
	tmux_resize 30 8
	tmux_wait_for "Terminal too small (30x8)" >/dev/null || not_ok "the terminal is too small"
	tmux_keys "$1"
	sleep 0.3
	tmux_resize 80 24
}

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "the dashboard starts"
tmux_keys 4
tmux_expect "12 activities" "pane 4"
for key in Escape q; do
	tmux_keys Enter
	tmux_expect "detail (Esc closes)" "the detail opens ($key)"
	small "$key"
	tmux_expect "12 activities" "$key closed the detail while the terminal was too small: the pane is back"
	tmux_expect_not "detail (Esc closes)" "$key: the detail is closed"

	tmux_keys '?'
	tmux_expect "Help: keys" "the help opens ($key)"
	small "$key"
	tmux_expect "12 activities" "$key closed the help while the terminal was too small"
	tmux_expect_not "Help: keys" "$key: the help is closed"

	tmux_keys f
	tmux_expect "Filter the activities" "the filter menu opens ($key)"
	small "$key"
	tmux_expect "12 activities" "$key closed the filter menu while the terminal was too small"
	tmux_expect_not "Filter the activities" "$key: the filter menu is closed"
done

tmux_keys e
tmux_expect "EDIT" "edit mode"
for key in Escape q; do
	tmux_keys Enter
	tmux_expect "Enter save" "the form opens ($key)"
	small j
	tmux_expect "Enter save" "other keys leave the form open while the terminal is too small ($key)"
	small "$key"
	tmux_expect "12 activities" "$key cancelled the form while the terminal was too small"
	tmux_expect_not "Enter save" "$key: the form is closed"
done
# The conflict dialog: m (save mine) is not taken blind; Esc keeps theirs.
tmux_keys Enter
tmux_expect "Enter save" "the form opens for a conflict"
id=$(tmux_screen | sed -n 's/.*Edit #\([0-9]*\).*/\1/p' | head -1)
tmux_keys Tab Tab Tab C-u 61
LOGNAME=other "$STYRKORT" -d "$db" set "gislaved:$id" progress=81 >/dev/null 2>&1
check "someone else changes #$id" [ $? -eq 0 ]
tmux_keys Enter
tmux_expect "Changed by someone else" "saving shows the conflict"
small m
tmux_expect "Changed by someone else" "m is not taken while the terminal is too small"
small Escape
tmux_expect "12 activities" "Esc closed the conflict dialog while the terminal was too small"
tmux_expect_not "Changed by someone else" "the conflict dialog is closed"
"$STYRKORT" -d "$db" report --format csv >"$TMPD/csv" 2>&1
grep -q "^gislaved,$id,.*,81," "$TMPD/csv" && ok "their value stands" || not_ok "their value stands: $(grep "^gislaved,$id," "$TMPD/csv")"
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
tmux_check_sanitizers
tap_done
