#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/demo.sh: styrkort --demo in a real terminal (tmux, 80x24): it starts on Västervik's strategy (or the one --strategy names), quits.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
tmux_start 80 24 "$STYRKORT --demo"
tmux_wait_for "Integrationsstrategi" && ok "the dashboard shows a strategy title" || not_ok "no strategy title on screen"
screen=$(tmux_screen)
printf '%s\n' "$screen" | grep -q "Västerviks kommun" && ok "the demo opens on Västervik's strategy, the sample that fills every pane" || not_ok "Västerviks kommun is not on screen"
tmux_keys q
tmux_wait_exit
# --strategy still chooses another sample.  The private copy is the person's: mode 0600.
mkdir -p "$TMPD/demo"
tmux_start 80 24 "env TMPDIR=$TMPD/demo $STYRKORT --demo --strategy gislaved"
tmux_wait_for "Gislaveds kommun" && ok "--demo --strategy gislaved opens Gislaved's" || not_ok "--strategy gislaved: Gislaveds kommun is not on screen"
check "the demo copy is readable by its owner only (0600)" [ "$(stat -c %a "$TMPD"/demo/styrkort-demo-*)" = 600 ]
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
tap_done
