#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/signals.sh: SIGHUP, SIGTERM, SIGINT, SIGQUIT and SIGPIPE in the middle of an edit:
# no partial change, the terminal restored, the --demo copy removed, exit status 128+N.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
db=$TMPD/o.db
"$STYRKORT" init "$db" --sample oskarshamn >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
state() { sqlite3 "$db" "SELECT count(*) FROM change_log; SELECT title, status, progress, comment FROM activity WHERE id = 1"; }
before=$(state)
# signo NAME: the signal's number (POSIX gives these five their numbers).
signo() { case $1 in HUP) echo 1;; INT) echo 2;; QUIT) echo 3;; PIPE) echo 13;; TERM) echo 15;; esac; }
# killed SIG WHAT: send SIG to the program, wait for it; its exit status is 128+N and the
# terminal shows the shell again, not the dashboard (the alternate screen was left).
killed() {
	local pid
	pid=$(tmux_app_pid)
	kill -"$1" "$pid"
	if tmux_wait_exit 5 && [ "$tmux_exit" = $((128 + $(signo "$1"))) ]; then
		ok "$2: SIG$1 ends it with status $((128 + $(signo "$1")))"
	else
		not_ok "$2: SIG$1: exit ${tmux_exit:-none}, expected $((128 + $(signo "$1")))"
	fi
	sleep 0.2
	if tmux_screen | grep -q "Oskarshamn\|Edit #1"; then not_ok "$2: SIG$1: the dashboard is still on screen"; tmux_screen | sed 's/^/# /'; else ok "$2: SIG$1: the terminal is restored"; fi
}

# In the middle of the form, with a field changed but not saved.
for sig in HUP TERM INT QUIT PIPE; do
	tmux_start 80 24 "$STYRKORT $db"
	tmux_expect "Oskarshamn" "SIG$sig: the dashboard starts"
	tmux_keys 4 e Enter
	tmux_expect "Edit #1" "SIG$sig: the form is open"
	tmux_keys C-u "Half-typed title"
	tmux_expect "Half-typed title" "SIG$sig: a field is changed"
	killed "$sig" "form"
	check "form: SIG$sig: no change reached the file" [ "$(state)" = "$before" ]
done
# In the middle of s: the status picked, the comment being typed.
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Oskarshamn" "status: the dashboard starts"
tmux_keys 4 e s
tmux_expect "Assessment of #1" "status: the list of assessments opens (Oskarshamn's #1 is a commitment)"
tmux_keys Down Enter
tmux_expect "Comment (Enter skips" "status: the comment is asked for"
tmux_keys "half a comment"
killed TERM "status"
check "status: SIGTERM: no change reached the file" [ "$(state)" = "$before" ]
check "the file is intact" [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]

# --demo: the private copy is removed whatever the signal.
for sig in HUP TERM QUIT; do
	mkdir -p "$TMPD/demo.$sig"
	tmux_start 80 24 "env TMPDIR=$TMPD/demo.$sig $STYRKORT --demo"
	tmux_expect "Västerviks kommun" "demo SIG$sig: starts"
	check "demo SIG$sig: the copy is there while it runs" [ -n "$(ls "$TMPD/demo.$sig")" ]
	tmux_keys 4 e Enter
	tmux_expect "Edit #" "demo SIG$sig: the form is open"
	killed "$sig" "demo"
	check "demo SIG$sig: the copy is removed" [ -z "$(ls "$TMPD/demo.$sig")" ]
done
tmux_check_sanitizers
tap_done
