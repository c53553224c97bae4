# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/tmux.sh: drive the real binary in tmux at a fixed size and read its screen.
# A private tmux server per test (-L), so tests never touch the user's sessions.
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
# The socket name comes from the test's own temporary folder: unique even beside other checkouts' runs.
TMUX_SOCK="styrkort-${TMPD##*/}"
# Under -fsanitize=address, a process ended by a hangup or a signal can spin forever in
# LeakSanitizer's exit-time check: no leak check here (the unit and CLI tests check leaks).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
# -u: UTF-8 whatever the locale of the test (the program in the pane inherits that locale).
tmux_cmd() { tmux -u -L "$TMUX_SOCK" -f /dev/null "$@"; }
# pid_gone PID: the process has ended; a zombie (state Z: nobody reaped it, as when PID 1 in a
# container does not reap orphans) counts as ended.
pid_gone() {
	local state
	[ -r "/proc/$1/stat" ] || { ! kill -0 "$1" 2>/dev/null; return; }
	state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
	[ -z "$state" ] || [ "$state" = Z ]
}
# tmux_kill_apps: end what runs in every pane of the current server (the program, or the sleep
# after it): SIGTERM, then SIGKILL for whatever still runs a second later (a process that ignores
# the hangup of kill-server would outlive the test).
tmux_kill_apps() {
	local pane pids="" p i=0
	for pane in $(tmux_cmd list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		pids="$pids $(ps -o pid= --ppid "$pane" 2>/dev/null)"
	done
	for p in $pids; do kill -TERM "$p" 2>/dev/null; done
	for p in $pids; do
		while ! pid_gone "$p" && [ $i -lt 10 ]; do sleep 0.1; i=$((i + 1)); done
		pid_gone "$p" || kill -KILL "$p" 2>/dev/null
	done
}
tmux_cleanup() { tmux_kill_apps; tmux_cmd kill-server 2>/dev/null; rm -rf "$TMPD"; }
trap tmux_cleanup EXIT
# Every target names its session exactly: =t: is the session t (its window, its pane).  A bare "t"
# is tried first as a window of the current session, the newest: where a test starts a second
# session, a window of it named "tmux" (tmux's own name, which a new window gets when tmux looks at
# its process before that has started the command, as happens under load) took the keys meant for t.
# tmux_start COLS ROWS COMMAND: start COMMAND in a new session (stopping the previous one) on a
# server of its own, so an old server shutting down never races the new one.  Its exit status goes
# to $TMPD/exit.N and its stderr to $TMPD/stderr.N (shown on screen after it exits).
tmux_n=0
tmux_start() {
	tmux_kill_apps
	tmux_cmd kill-server 2>/dev/null
	tmux_n=$((tmux_n + 1))
	TMUX_SOCK="styrkort-${TMPD##*/}-$tmux_n"
	tmux_cmd new-session -d -x "$1" -y "$2" -s t \
		"env TERM=xterm-256color $3 2>$TMPD/stderr.$tmux_n; echo \$? > $TMPD/exit.$tmux_n; cat $TMPD/stderr.$tmux_n; sleep 30"
}
tmux_screen() { tmux_cmd capture-pane -p -t =t:; }
tmux_keys() { tmux_cmd send-keys -t =t: "$@"; }
# tmux_wait_for TEXT [SECONDS]: wait until TEXT is on screen (SECONDS times $STYRKORT_WAIT_SCALE:
# make valgrind runs the program many times slower).
tmux_wait_for() {
	local i=0 limit=$(( ${2:-5} * 10 * ${STYRKORT_WAIT_SCALE:-1} ))
	while [ $i -lt $limit ]; do
		tmux_screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "# screen while waiting for '$1':"; tmux_screen | sed 's/^/# /'
	return 1
}
# tmux_wait_exit [SECONDS]: wait until the program has exited; its status is in $tmux_exit.
tmux_wait_exit() {
	local i=0 limit=$(( ${1:-5} * 10 * ${STYRKORT_WAIT_SCALE:-1} ))
	while [ $i -lt $limit ]; do
		[ -s "$TMPD/exit.$tmux_n" ] && { tmux_exit=$(cat "$TMPD/exit.$tmux_n"); return 0; }
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# tmux_screen_e: the screen with its attributes and colours as escape sequences.
tmux_screen_e() { tmux_cmd capture-pane -p -e -t =t:; }
# tmux_resize COLS ROWS: the terminal changes size, as when a window is resized.
tmux_resize() { tmux_cmd resize-window -t =t: -x "$1" -y "$2"; }
# tmux_app_pid: the pid of the program started by tmux_start (the child of the pane's shell).
tmux_app_pid() {
	local sh_pid
	sh_pid=$(tmux_cmd display-message -p -t =t: '#{pane_pid}')
	ps -o pid= --ppid "$sh_pid" | awk '$1 != "" { print $1; exit }'
}
# tmux_expect TEXT DESCRIPTION [SECONDS]: ok if TEXT appears on screen.
tmux_expect() { if tmux_wait_for "$1" "${3:-5}"; then ok "$2"; else not_ok "$2"; fi; }
# tmux_expect_not TEXT DESCRIPTION: ok if TEXT is not on screen now.
tmux_expect_not() {
	if tmux_screen | grep -qF -- "$1"; then not_ok "$2"; tmux_screen | sed 's/^/# /'; else ok "$2"; fi
}
# tmux_cursor_line: the text of the line the terminal cursor is on.
tmux_cursor_line() {
	local y
	y=$(tmux_cmd display-message -p -t =t: '#{cursor_y}')
	tmux_screen | sed -n "$((y + 1))p"
}
# tmux_check_sanitizers: ok unless a sanitizer (make CFLAGS=-fsanitize=...) reported on any run's stderr.
tmux_check_sanitizers() {
	if cat "$TMPD"/stderr.* 2>/dev/null | grep -Eq "Sanitizer|runtime error"; then
		not_ok "sanitizer reports"; cat "$TMPD"/stderr.* | grep -E -A8 "Sanitizer|runtime error" | head -40 | sed 's/^/# /'
	else
		ok "no sanitizer reports on stderr"
	fi
}
