#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/faults.sh: a full disk and a read-only file system (a 1 MiB tmpfs; needs root) refuse
# every change with the right words and leave the old values; a closed pipe ends a command quietly.
# (A busy database and a hot journal: tests/cli/messages.sh; the dashboard: tests/e2e/faults.sh.)
. "$top_srcdir/tests/lib.sh"

# --- a closed pipe: `styrkort log | head -1` says nothing, also when SIGPIPE is ignored
db=$TMPD/v.db
run init "$db" --sample vastervik
for ignore in no yes; do
	for cmd in log report "export --strategy vastervik"; do
		if [ $ignore = yes ]; then trap '' PIPE; fi
		# shellcheck disable=SC2086
		lines=$( ("$STYRKORT" -d "$db" $cmd 2>"$TMPD/err"; echo $? >"$TMPD/status") | head -1 | wc -l)
		trap - PIPE
		check "$cmd | head -1 (SIGPIPE ignored: $ignore): one line" [ "$lines" -eq 1 ]
		check "$cmd | head -1 (SIGPIPE ignored: $ignore): nothing on stderr" [ ! -s "$TMPD/err" ]
		s=$(cat "$TMPD/status")
		case $s in
		0|1|141) ok "$cmd | head -1 (SIGPIPE ignored: $ignore): exit $s, not a crash";;
		*) not_ok "$cmd | head -1 (SIGPIPE ignored: $ignore): exit $s";;
		esac
	done
done

mnt=$TMPD/mnt
mkdir -p "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m styrkort-test "$mnt" 2>/dev/null; then
	ok "# SKIP cannot mount a tmpfs (needs root)"
	tap_done
	exit $?
fi
trap 'umount "$mnt" 2>/dev/null || umount -l "$mnt"; rm -rf "$TMPD"' EXIT
db=$mnt/v.db
run init "$db" --sample vastervik
expect_status 0 "init on the tmpfs"
printf 'indicator,period,sex,value\n' >"$TMPD/values.csv"
grep '^\[indicator\.' "$top_srcdir/data/vastervik.ini" | head -1 | sed 's/^\[indicator\.\(.*\)\]$/\1,2030,T,42/' >>"$TMPD/values.csv"
state() { sqlite3 "$db" "SELECT group_concat(status || progress || coalesce(comment, ''), ',') FROM activity; SELECT count(*) FROM change_log; SELECT count(*) FROM review; SELECT count(*) FROM measurement"; }

# --- a full disk: the journal or the change does not fit
head -c 2000000 /dev/zero >"$mnt/fill" 2>/dev/null
before=$(state)
# refused WHAT PATTERN: every command that changes the file is refused, saying PATTERN.
refused() {
	for cmd in "set 1 status=done comment=Klart" "review add 2026-11-20" "import $top_srcdir/data/vastervik.ini" "measurements $TMPD/values.csv"; do
		# shellcheck disable=SC2086
		run -d "$db" $cmd
		expect_status 1 "$1: $cmd is refused"
		expect_err "$2" "$1: $cmd: says why and what to do"
	done
}
refused "full disk" "^styrkort: $db: the disk is full; nothing was changed; free some disk space and try again$"
check "full disk: the old values stay" [ "$(state)" = "$before" ]
check "full disk: the file is intact" [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
check "full disk: no journal is left" [ ! -e "$db-journal" ]
run -d "$db" report
expect_status 0 "full disk: report still reads the file"
rm -f "$mnt/fill"
run -d "$db" set 1 status=done comment=Klart
expect_status 0 "with space again, set works"

# --- a read-only file system
mount -o remount,ro "$mnt" || not_ok "cannot remount the tmpfs read-only"
before=$(state)
refused "read-only mount" "^styrkort: $db: .*read-only.*the file system that holds it is mounted read-only"
check "read-only mount: the old values stay" [ "$(state)" = "$before" ]
run -d "$db" report
expect_status 0 "read-only mount: report reads the file"
tap_done
