#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/faults.sh: the dashboard under faults: a damaged file, a full disk (a 1 MiB tmpfs), a file system
# remounted read-only, a writer that holds the lock too long, a writer killed half-way (a hot
# journal): the change is refused with the right words on the status line, the old value
# stays, and the dashboard keeps running.  All but the first need root (mount).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
running() { check "$1: the dashboard is still running" [ ! -s "$TMPD/exit.$tmux_n" ]; }

# --- a damaged file (a corrupt index that the reads do not meet): shown, but no change is made
bad=$TMPD/bad.db
"$STYRKORT" init "$bad" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
page=$(sqlite3 "$bad" "PRAGMA page_size")
root=$(sqlite3 "$bad" "SELECT rootpage FROM sqlite_master WHERE name = 'activity_by_due'")
printf '\377%.0s' $(seq 40) | dd of="$bad" bs=1 seek=$(( (root - 1) * page + 8 )) conv=notrunc 2>/dev/null
cp "$bad" "$TMPD/bad.orig"
tmux_start 80 24 "$STYRKORT $bad"
tmux_expect "Västerviks kommun" "damaged: the dashboard shows what it can read"
tmux_keys 4 e j j s
tmux_expect "Status of #3" "damaged: the status list opens"
tmux_keys End Enter
tmux_expect "Comment (Enter skips" "damaged: a comment is asked for"
tmux_keys Enter
tmux_expect "the file is damaged (PRAGMA quick_check:" "damaged: the status line says the file is damaged"
running "damaged"
check "damaged: the file was not written" cmp -s "$bad" "$TMPD/bad.orig"

mnt=$TMPD/mnt
mkdir -p "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m styrkort-test "$mnt" 2>/dev/null; then
	ok "# SKIP cannot mount a tmpfs (needs root)"
	tap_done
	exit $?
fi
# The program first (it holds the file open), then the mount, then the rest.
trap 'tmux_kill_apps; tmux_cmd kill-server 2>/dev/null; umount "$mnt" 2>/dev/null || umount -l "$mnt"; rm -rf "$TMPD"' EXIT
db=$mnt/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
status_of() { sqlite3 "$db" "SELECT status FROM activity WHERE id = 3"; }
# set_status KEYS_TO_THE_STATUS: s on #3, pick a status, no comment.
set_status() {
	tmux_keys s
	tmux_wait_for "Status of #3" >/dev/null
	tmux_keys "$@" Enter
	tmux_wait_for "Comment (Enter skips" >/dev/null
	tmux_keys Enter
}
STYRKORT_BUSY_MS=300; export STYRKORT_BUSY_MS
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard starts"
tmux_keys 4 e j j
before=$(status_of)

# --- a full disk
head -c 2000000 /dev/zero >"$mnt/fill" 2>/dev/null
set_status Home
tmux_expect "the disk is full; nothing was changed;" "full disk: the status line says so and what to do"
running "full disk"
check "full disk: the old value stays" [ "$(status_of)" = "$before" ]
check "full disk: the file is intact" [ "$(sqlite3 "$db" 'PRAGMA quick_check')" = ok ]
rm -f "$mnt/fill"
set_status Home
tmux_expect "Saved: #3 is now Not started" "with space again, the same change is saved"
before=$(status_of)

# --- another writer holds the lock longer than we wait
db_lock IMMEDIATE "$db"
set_status End
tmux_expect "the database is busy (someone else is" "locked: the status line says busy"
db_unlock
running "locked"
check "locked: the old value stays" [ "$(status_of)" = "$before" ]

# --- a writer killed half-way leaves a hot journal; the dashboard rolls it back and goes on
sqlite3 "$db" "PRAGMA cache_size = 2; BEGIN; UPDATE activity SET status = 'done', comment = hex(randomblob(2000));" \
	'.shell kill -9 $PPID' >/dev/null 2>&1
check "a hot journal was left for the test" [ -s "$db-journal" ]
tmux_keys r
tmux_expect "Read the database again" "hot journal: the dashboard reads the file again"
set_status End
tmux_expect "Saved: #3 is now Cancelled" "hot journal: the next change is saved"
running "hot journal"
check "hot journal: rolled back (no half-written change), then the change" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM activity WHERE status = 'done' AND length(comment) = 4000")" = 0 ]
before=$(status_of)

# --- a file system mounted read-only (Linux refuses to remount it while a program has a file on
# it open for writing, as the dashboard has: so the dashboard is started again on it)
tmux_keys q
tmux_wait_exit && [ "$tmux_exit" = 0 ] && ok "q still quits" || not_ok "q: exit ${tmux_exit:-none}"
if mount -o remount,ro "$mnt"; then
	run -d "$db" set 3 status=done
	expect_status 1 "read-only mount: set is refused"
	expect_err "read-only \(the file system that holds it is mounted read-only\)" "read-only mount: set says the file system is read-only"
	tmux_start 80 24 "$STYRKORT $db"
	tmux_expect "Västerviks kommun" "read-only mount: the dashboard starts"
	tmux_keys 4 e
	tmux_expect "Read-only (the file system that holds it is mounted" "read-only mount: e says why editing is off"
	running "read-only mount"
	check "read-only mount: the old value stays" [ "$(status_of)" = "$before" ]
else
	not_ok "cannot remount the tmpfs read-only"
fi
tap_done
