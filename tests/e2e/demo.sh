#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/demo.sh: styrkort --demo in a real terminal (tmux, 80x24): it starts, shows the strategy, quits.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
tmux_start 80 24 "$STYRKORT --demo"
tmux_wait_for "Integrationsstrategi" && ok "the dashboard shows a strategy title" || not_ok "no strategy title on screen"
screen=$(tmux_screen)
printf '%s\n' "$screen" | grep -q "Gislaveds kommun" && ok "the first strategy by municipality is shown" || not_ok "Gislaveds kommun is not on screen"
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
tap_done
