#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/backup.sh: styrkort backup (a consistent, checked, private copy while others write) and restore.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/plan.db
run init "$db" --sample vastervik
mode() { stat -c %a "$1"; }
# The comment of Västervik's activity 1 and the number of its comment changes in the log: equal
# numbers in a copy mean the copy holds each change whole (the row and its log line together).
state() { sqlite3 "$1" "SELECT (SELECT comment FROM activity WHERE strategy_id = 'vastervik' AND number = 1) || ' ' ||
	(SELECT count(*) FROM change_log WHERE field = 'comment' AND item_id = (SELECT id FROM activity
	 WHERE strategy_id = 'vastervik' AND number = 1))"; }

# --- a backup while another program keeps writing
run -d "$db" set vastervik:1 comment=c1
(i=2; while [ $i -le 60 ]; do "$STYRKORT" -d "$db" set vastervik:1 comment=c$i >/dev/null 2>&1 || echo "set $i failed"; i=$((i + 1)); done) >"$TMPD/writer" 2>&1 &
writer=$!
bad= n=0
while kill -0 $writer 2>/dev/null || [ $n -eq 0 ]; do
	n=$((n + 1))
	run -d "$db" backup "$TMPD/b$n.db"
	[ $status -eq 0 ] || bad="$bad [backup $n: exit $status: $err]"
	[ "$(sqlite3 "$TMPD/b$n.db" 'PRAGMA integrity_check')" = ok ] || bad="$bad [backup $n: integrity_check]"
	s=$(state "$TMPD/b$n.db")
	[ "$s" = "c${s#c* } ${s#c* }" ] || bad="$bad [backup $n: comment and log disagree: $s]"
	[ "$(mode "$TMPD/b$n.db")" = 600 ] || bad="$bad [backup $n: mode $(mode "$TMPD/b$n.db")]"
done
wait $writer
check "$n backups made while another program wrote 60 changes are each sound and whole${bad:+: $bad}" [ -z "$bad" ]
check "the writer was never refused" [ ! -s "$TMPD/writer" ]
check "the file itself is whole at the end" [ "$(state "$db")" = "c60 60" ]
check "no temporary file is left beside the backups" sh -c "! ls '$TMPD' | grep -q partial"
expect_err "b$n.db: a copy of .*plan.db, checked, readable by you only" "backup says what it made"

# --- never replaces a file
cp "$TMPD/b1.db" "$TMPD/keep"
run -d "$db" backup "$TMPD/b1.db"
expect_status 1 "backup to an existing file is refused"
expect_err "b1.db: the file already exists; choose another name or remove it first" "it says the file exists"
check "the existing file is unchanged" cmp -s "$TMPD/b1.db" "$TMPD/keep"
ln -s "$TMPD/nowhere" "$TMPD/link.db"
run -d "$db" backup "$TMPD/link.db"
expect_status 1 "backup to a dangling symbolic link is refused"
check "nothing was made where the link points" [ ! -e "$TMPD/nowhere" ]
run -d "$db" backup "$TMPD/no/such/dir/b.db"
expect_status 1 "backup into a missing directory is refused"
expect_err "the directory .*/no/such/dir does not exist" "it names the missing directory"
run -d "$db" backup
expect_status 2 "backup without DEST is a usage error"

# --- the copy is checked: a copy that fails its check is not kept
STYRKORT_TEST_BACKUP=damage run -d "$db" backup "$TMPD/damaged.db"
expect_status 1 "a copy that fails PRAGMA integrity_check is refused"
expect_err "damaged.db: the copy could not be written: the copy failed its check \(PRAGMA integrity_check: .*\); nothing was written under that name" "it says the check failed"
check "nothing is left under its name or a temporary one" sh -c "[ ! -e '$TMPD/damaged.db' ] && ! ls '$TMPD' | grep -q partial"

# --- a read-only user can back up (the database is never written)
chmod 444 "$db"
sum_before=$(cksum < "$db")
run -d "$db" backup "$TMPD/ro.db"
expect_status 0 "a file that cannot be written is backed up"
check "and is unchanged" [ "$(cksum < "$db")" = "$sum_before" ]
chmod 644 "$db"

# --- restore: the backup put back, the file as it was kept beside it
run -d "$db" report --strategy vastervik
cp "$TMPD/out" "$TMPD/report.now"
run -d "$TMPD/b1.db" report --strategy vastervik
cp "$TMPD/out" "$TMPD/report.b1"
chmod 640 "$db"
run -d "$db" restore "$TMPD/b1.db"
expect_status 0 "restore puts a backup back"
expect_err "plan.db: restored from .*b1.db; the file as it was is in .*plan.db.before-restore$" "it says where the file as it was is"
run -d "$db" report --strategy vastervik
check "the file now reads as the backup" cmp -s "$TMPD/out" "$TMPD/report.b1"
run -d "$db.before-restore" report --strategy vastervik
check "the file as it was is kept whole" cmp -s "$TMPD/out" "$TMPD/report.now"
check "the kept copy has the file's mode (640)" [ "$(mode "$db.before-restore")" = 640 ]
check "the file keeps its mode" [ "$(mode "$db")" = 640 ]
check "the restored file passes integrity_check" [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
run -d "$db" restore "$TMPD/b2.db"
expect_err "the file as it was is in .*plan.db.before-restore.1$" "a second restore keeps its copy under the next free name"
check "the first kept copy is untouched" [ "$(state "$db.before-restore")" = "c60 60" ]

# --- restore checks the backup first
cp "$TMPD/b1.db" "$TMPD/bad.db"
dd if=/dev/zero of="$TMPD/bad.db" bs=4096 seek=1 count=1 conv=notrunc 2>/dev/null
cp "$db" "$TMPD/before"
rm -f "$db".before-restore*
run -d "$db" restore "$TMPD/bad.db"
expect_status 1 "a damaged backup is refused"
expect_err "bad.db: (the backup is damaged|the file is damaged)" "it says the backup is damaged"
check "the file is unchanged and nothing is kept" sh -c "cmp -s '$db' '$TMPD/before' && ! ls '$db'.before-restore* 2>/dev/null"
printf 'not a database\n' > "$TMPD/text.db"
run -d "$db" restore "$TMPD/text.db"
expect_status 1 "a file that is not a styrkort database is refused"
expect_err "text.db: not an SQLite database" "it says so"
run -d "$db" restore "$db"
expect_status 1 "restoring the file onto itself is refused"
expect_err "the backup is the database itself" "it says so"
run -d "$db" --read-only restore "$TMPD/b1.db"
expect_status 2 "restore with --read-only is a usage error"

# --- restore refuses while another program writes, and leaves nothing behind
db_lock IMMEDIATE "$db"
STYRKORT_BUSY_MS=200 run -d "$db" restore "$TMPD/b1.db"
db_unlock
expect_status 1 "restore while another program writes is refused"
expect_err "the database is busy \(someone else is writing\); try again" "it says the file is busy"
check "the file is unchanged and nothing is kept" sh -c "cmp -s '$db' '$TMPD/before' && ! ls '$db'.before-restore* '$TMPD'/*partial* 2>/dev/null"

# --- a change made between the copy of the file and the restore: the copy is made again
STYRKORT_TEST_BACKUP=pause:3 "$STYRKORT" -d "$db" restore "$TMPD/b1.db" >/dev/null 2>"$TMPD/restore.err" &
restorer=$!
while ! grep -q 'restore paused' "$TMPD/restore.err" && kill -0 $restorer 2>/dev/null; do sleep 0.1; done
run -d "$db" set vastervik:1 comment=meanwhile
expect_status 0 "a change made while the restore pauses is made"
wait $restorer
check "the restore went through" grep -q 'restored from' "$TMPD/restore.err"
kept=$(state "$db.before-restore")
check "the kept copy holds the change made meanwhile ($kept)" [ "${kept% *}" = meanwhile ]
# b1.db is the first backup taken while the writer ran: whichever of its changes it holds.
check "the file is the backup ($(state "$TMPD/b1.db"))" [ "$(state "$db")" = "$(state "$TMPD/b1.db")" ]
check "only one copy is kept" sh -c "! ls '$db'.before-restore.* 2>/dev/null"

# --- restore onto a damaged file, and into a missing one
rm -f "$db".before-restore*
head -c 4096 "$TMPD/b1.db" > "$db"
run -d "$db" restore "$TMPD/b2.db"
expect_status 1 "restore onto a file that cannot be opened is refused"
expect_err "move the file aside \(mv .*plan.db .*plan.db.damaged\) and run the restore again" "it says how to go on"
mv "$db" "$db.damaged"
(umask 027 && "$STYRKORT" -d "$db" restore "$TMPD/b2.db" >"$TMPD/out" 2>"$TMPD/err")
status=$? err=$(cat "$TMPD/err")
expect_status 0 "restore into a missing file makes it"
expect_err "plan.db: restored from .*b2.db \(there was no such file\)" "it says there was no such file"
check "it has a new database's mode (umask 027: 640)" [ "$(mode "$db")" = 640 ]
check "it is the backup" [ "$(state "$db")" = "$(state "$TMPD/b2.db")" ]
tap_done
