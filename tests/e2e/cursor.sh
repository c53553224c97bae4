#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/cursor.sh: the terminal cursor stays on the selected item after every message, prompt and save (in
# Swedish, where messages wrap to two lines); the status line names the configured user, offers no e when
# read-only and keeps the hints apart from the position; vt100 keys: PgUp/PgDn fallbacks, sequences never keys.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
printf '[display]\nlanguage = sv\n[user]\nname = Anna Andersson\n[report]\nprint_command = cat > %s/printed.txt\n' \
	"$TMPD" > "$TMPD/sv.ini"

# The selected row of pane 4 is on screen line 3 + k (0-based) where the status line says k/N.
cursor_on_selection() {
	local xy k want
	xy=$(tmux_cmd display-message -p -t =t: '#{cursor_x},#{cursor_y}')
	k=$(tmux_screen | tail -1 | sed -n 's|.* \([0-9][0-9]*\)/[0-9][0-9]* *$|\1|p')
	want="0,$((3 + ${k:-0}))"
	if [ "$xy" = "$want" ]; then ok "$1: the cursor is on the selected row ($xy)"
	else not_ok "$1: the cursor is at $xy, the selected row at $want"; tmux_screen | sed 's/^/# /'; fi
}
# settle: wait until the dashboard has drawn what the keys asked for.
settle() { tmux_wait_for "$1" >/dev/null || not_ok "waiting for '$1'"; }

tmux_start 80 24 "$STYRKORT -c $TMPD/sv.ini --read-only --strategy vastervik $db"
settle "Västerviks kommun"
tmux_keys 4 j
settle " 2/4"
cursor_on_selection "moving"
tmux_expect "| Anna Andersson |" "the status line names the configured user"
tmux_expect_not "e redigera" "read-only: the status line does not offer e"
tmux_keys e
settle "redigering är"
cursor_on_selection "the read-only refusal (two lines)"
tmux_keys q
tmux_wait_exit

tmux_start 80 24 "$STYRKORT -c $TMPD/sv.ini --strategy vastervik $db"
settle "Västerviks kommun"
tmux_keys 4 j
settle " 2/4"
tmux_keys e
settle " REDIGER"
cursor_on_selection "e"
tmux_keys Enter
settle "#2"
tmux_keys Enter
settle "Inget ändrades"
cursor_on_selection "saving the form"
tmux_keys p
tmux_wait_for "printed.txt" 10 >/dev/null
cursor_on_selection "p"
tmux_keys d
settle "Skriv j"
tmux_keys n Enter
settle "2/4"
cursor_on_selection "a delete refused"
tmux_keys d
settle "Skriv j"
tmux_keys j Enter
settle "u tar"
cursor_on_selection "a delete"
# Hints never run into the position: at least three blank columns before it.
if tmux_screen | tail -1 | grep -Eq '[^ ]   +[0-9]+/[0-9]+ *$'; then ok "the position stands apart from the hints"
else not_ok "the position runs into the hints: '$(tmux_screen | tail -1)'"; fi
tmux_keys q
tmux_wait_exit

# vt100 names no PgUp or PgDn: the sequences a terminal sends still page, none of their characters is a key.
tmux_start 80 16 "env TERM=vt100 $STYRKORT -c $TMPD/sv.ini --strategy gislaved $db"
settle "Gislaveds kommun"
tmux_keys 4
settle "12 aktiviteter"
tmux_keys -l "$(printf '\033[6~')"
settle "10/12"
tmux_expect "12 aktiviteter | sortering:" "vt100: \\e[6~ pages down, and 6 does not switch pane"
tmux_keys -l "$(printf '\033[5~')"
settle " 1/12"
tmux_expect "12 aktiviteter | sortering:" "vt100: \\e[5~ pages up and does not select pane 5 (pane 4's header is shown)"
tmux_keys -l "$(printf '\033[15~')"
tmux_keys j
settle " 2/12"
tmux_expect "12 aktiviteter | sortering:" "vt100: an unknown sequence (F5, \\e[15~) is no key: not pane 1 or 5"
tmux_keys Space
settle "11/12"
ok "vt100: Space pages down"
tmux_keys b
settle " 2/12"
ok "vt100: b pages up"
tmux_keys q
tmux_wait_exit
tmux_check_sanitizers
tap_done
