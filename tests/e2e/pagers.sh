#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/pagers.sh: the detail and the help are searched as the panes are: / and n scroll to the match.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# first_line: the first line of the page under its title (screen line 4).
first_line() { tmux_screen | sed -n 4p; }

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "the dashboard starts"
tmux_keys '?'
tmux_expect "Help: keys" "the help opens"
tmux_keys / f i r s t Space l i n e Enter
tmux_wait_for "Go to the first line" >/dev/null
case $(first_line) in *"Go to the first line"*) ok "/ in the help scrolls to the match" ;;
	*) not_ok "/ in the help scrolls to the match: '$(first_line)'" ;; esac
tmux_expect "Help: keys" "the help is still open"
tmux_keys / z z z z q Enter
tmux_expect "Not found: zzzzq" "a search without a match says so"
case $(first_line) in *"Go to the first line"*) ok "and the page stays where it was" ;;
	*) not_ok "and the page stays where it was: '$(first_line)'" ;; esac
tmux_keys G / v i s i o n : Enter
sleep 0.3
case $(first_line) in *"Vision: vision, purpose"*) ok "the search goes round from the end to the start" ;;
	*) not_ok "the search goes round from the end to the start: '$(first_line)'" ;; esac
tmux_keys Escape
tmux_wait_for "1 Vision" >/dev/null
tmux_keys 4 Enter
tmux_expect "Activity: detail (Esc closes)" "the detail of an activity opens"
tmux_keys / d u e Enter
sleep 0.3
tmux_expect "Activity: detail (Esc closes)" "/ in the detail keeps it open"
tmux_expect_not "Not found" "and finds the field"
tmux_keys / z z z z Enter
tmux_expect "Not found: zzzz" "a search in the detail without a match says so"
tmux_expect "Activity: detail (Esc closes)" "and the detail stays open"
tmux_keys q
tmux_wait_for "12 activities" >/dev/null && ok "q closes the detail" || not_ok "q closes the detail"
tmux_keys q
tmux_wait_exit && ok "q quits" || not_ok "q did not quit"
tmux_check_sanitizers
tap_done
