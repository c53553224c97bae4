#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/terminal.sh: resize, monochrome, unusable terminals, control characters in data, signals and idling.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# gone PID TENTHS: wait until the process has ended (a zombie counts: pid_gone), at most TENTHS tenths of a second.
gone() {
	local i=0
	while [ $i -lt "$2" ]; do
		pid_gone "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# Colour escapes: SGR parameters 30-38, 40-48, 90-97 or 100-107 (bold, reverse and the resets 39/49 are fine).
has_colour() { grep -Eq "$(printf '\033')\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m"; }

# --- resize: to a tiny terminal and back, never a crash
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "starts at 80x24"
tmux_keys 4
tmux_expect "12 activities" "pane 4 at 80x24"
tmux_resize 30 8
tmux_expect "Terminal too small (30x8)" "a tiny terminal says it is too small"
tmux_keys j
tmux_resize 59 24
tmux_expect "Terminal too small (59x24)" "one column too narrow is too small"
tmux_resize 80 24
tmux_expect "12 activities" "back at 80x24 the pane is drawn again"
tmux_expect "Beredning" "back at 80x24 the rows are there"
tmux_resize 160 50
tmux_expect "Beslut om fastställande av projektplan i KS" "at 160x50 the title column is wider"
tmux_resize 60 16
tmux_expect "12 activities" "the minimum 60x16 is drawn"
pid=$(tmux_app_pid)
[ -n "$pid" ] && ! pid_gone "$pid" && ok "still running after resizing" || not_ok "the process died while resizing"
tmux_resize 80 24
tmux_keys q
tmux_wait_exit && [ "$tmux_exit" = 0 ] && ok "quits with status 0 after resizing" || not_ok "exit after resizing: ${tmux_exit:-none}"

# --- colour and monochrome
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "colour: starts"
tmux_keys 4
tmux_expect "+ Done" "colour: pane 4"
tmux_screen_e | has_colour && ok "colour is used where the terminal has it" || not_ok "no colour escapes in colour mode"
tmux_start 80 24 "NO_COLOR=1 $STYRKORT $db"
tmux_expect "Gislaveds kommun" "NO_COLOR: starts"
tmux_keys 4
tmux_expect "+ Done" "NO_COLOR: statuses keep their symbol and word"
tmux_screen_e | has_colour && { not_ok "NO_COLOR: colour escapes on screen"; tmux_screen_e | grep -n "$(printf '\033')" | head -3 | sed 's/^/# /'; } || ok "NO_COLOR: no colour escapes"
tmux_keys S
tmux_expect "Choose the strategy" "NO_COLOR: the picker"
tmux_screen_e | has_colour && not_ok "NO_COLOR: colour in the picker" || ok "NO_COLOR: no colour in the picker"
printf '[display]\ncolor = never\n' > "$TMPD/never.ini"
tmux_start 80 24 "$STYRKORT -c $TMPD/never.ini $db"
tmux_expect "Gislaveds kommun" "color = never: starts"
tmux_keys 4
tmux_expect "! Delayed" "color = never: pane 4"
tmux_screen_e | has_colour && not_ok "color = never: colour escapes on screen" || ok "color = never: no colour escapes"

# --- terminals the dashboard cannot use: our own error, exit 1
tmux_start 80 24 "TERM=dumb $STYRKORT $db"
tmux_wait_exit && [ "$tmux_exit" = 1 ] && ok "TERM=dumb exits with 1" || not_ok "TERM=dumb: exit ${tmux_exit:-none}"
grep -q "^styrkort: terminal: TERM=dumb cannot place the cursor" "$TMPD/stderr.$tmux_n" && ok "TERM=dumb gives a clear error" ||
	not_ok "TERM=dumb: stderr: $(cat "$TMPD/stderr.$tmux_n")"
tmux_start 80 24 "TERM=no-such-terminal $STYRKORT $db"
tmux_wait_exit && [ "$tmux_exit" = 1 ] && ok "an unknown TERM exits with 1" || not_ok "unknown TERM: exit ${tmux_exit:-none}"
grep -q "^styrkort: terminal: TERM=no-such-terminal is not a terminal type" "$TMPD/stderr.$tmux_n" && ok "an unknown TERM gives a clear error" ||
	not_ok "unknown TERM: stderr: $(cat "$TMPD/stderr.$tmux_n")"
run "$db" </dev/null
expect_status 1 "without a terminal"
expect_err "^styrkort: terminal: .*styrkort report" "without a terminal: the error points to styrkort report"

# --- control characters in the data never reach the terminal raw
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "UPDATE activity SET title = 'A' || char(27) || '[31mRED' || char(13) || 'X' || char(8) || char(8) || 'Y' || char(8238) || 'evil' WHERE strategy_id = 'gislaved' AND ref = 'a1'"
	tmux_start 80 24 "$STYRKORT $db"
	tmux_expect "Gislaveds kommun" "control characters: starts"
	tmux_keys 4
	tmux_expect "A?[31mRED?X??Y?evil" "pane 4 shows ESC, CR, BS and U+202E as '?'"
	tmux_expect_not "ARED" "the escape sequence did not take effect"
	tmux_expect "Beredning" "the other rows are intact"
	tmux_keys Enter
	tmux_expect "#1 A?[31mRED?X??Y?evil" "the detail shows them as '?' too"
	tmux_keys Escape
	tmux_keys / e v i l Enter
	sleep 0.3
	tmux_cursor_line | grep -qF "A?[31mRED" && ok "search finds the cleaned title" || not_ok "search did not find 'evil'"
else
	echo "# sqlite3 is not installed: control-character checks skipped"
fi

# --- signals: SIGHUP (a dropped SSH connection) and SIGTERM end it within a second (tests/e2e/signals.sh: mid-edit)
for sig in HUP TERM; do
	tmux_start 80 24 "$STYRKORT $db"
	tmux_expect "Gislaveds kommun" "SIG$sig: starts"
	pid=$(tmux_app_pid)
	kill -$sig "$pid"
	gone "$pid" 10 && ok "SIG$sig ends the dashboard within a second" || { not_ok "SIG$sig: still running"; kill -9 "$pid" 2>/dev/null; }
	want=$((128 + $([ $sig = HUP ] && echo 1 || echo 15)))
	tmux_wait_exit 2 && [ "$tmux_exit" = $want ] && ok "SIG$sig: an orderly exit with status $want (128+N)" || not_ok "SIG$sig: exit ${tmux_exit:-none}, expected $want"
done
# The terminal goes away (tmux closes the pty, as sshd does when the connection drops).
# (Under -fsanitize=address, LeakSanitizer's exit-time tracer can be stopped by the hangup
# and leave the process spinning after main() has returned: tmux.sh turns the leak check off.)
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "hangup: starts"
pid=$(tmux_app_pid)
tmux_cmd kill-server
gone "$pid" 10 && ok "a closed terminal ends the dashboard within a second" || { not_ok "still running after the terminal closed"; kill -9 "$pid" 2>/dev/null; }

# --- idle: waiting for a key costs no CPU (no busy loop)
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Gislaveds kommun" "idle: starts"
pid=$(tmux_app_pid)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }
if [ -r "/proc/$pid/stat" ]; then
	t0=$(ticks "$pid"); sleep 2; t1=$(ticks "$pid")
	[ $((t1 - t0)) -le 10 ] && ok "idle for 2 s uses at most 0.1 s of CPU ($((t1 - t0)) ticks)" || not_ok "idle CPU: $((t1 - t0)) ticks in 2 s"
else
	ok "# SKIP no /proc"
fi
tmux_keys q
tmux_wait_exit && ok "quits after idling" || not_ok "did not quit after idling"
tmux_check_sanitizers
tap_done
