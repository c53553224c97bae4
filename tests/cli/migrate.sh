#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/migrate.sh: files of an older schema version (tests/fixtures/v1, v2 and v3, made by
# the code of those versions) are upgraded on first open with a backup beside them; a failure,
# a killed process or a full disk leaves the original as it was; a read-only user reads a file
# of the previous version unchanged, and is told that an older one must be upgraded once.
. "$top_srcdir/tests/lib.sh"
FIX=$top_srcdir/tests/fixtures/v1
# The samples as the old code had them (version 1 and 2 hold the same text), by version.
old_ini() { echo "$top_srcdir/tests/fixtures/v$(( $1 < 2 ? 2 : $1 ))"; }
OLD_INI=$(old_ini 2)
SAMPLES="oxelosund ornskoldsvik oskarshamn gislaved vastervik all"

# build NAME FILE [VERSION]: the fixture's database, as sqlite3 builds it from the dump.
build() { rm -f "$2"; sqlite3 "$2" < "$top_srcdir/tests/fixtures/v${3:-1}/$1.sql"; }
# new_old NAME FILE: a file made by this styrkort from the old code's sample text.
new_old() {
	rm -f "$2"
	"$STYRKORT" init "$2" 2>/dev/null || return 1
	for x in oxelosund ornskoldsvik oskarshamn gislaved vastervik; do
		[ "$1" = all ] || [ "$1" = "$x" ] || continue
		"$STYRKORT" -d "$2" import "$OLD_INI/$x.ini" >/dev/null 2>&1 || return 1
	done
}
ver() { sqlite3 "$1" 'PRAGMA user_version'; }
# same_pages A B: A and B hold the same pages.  SQLite's backup API (the only safe way to copy
# a file another process may be writing) rewrites three counters of the copy's header: the
# change counter (bytes 24-27), the schema cookie (40-43) and version-valid-for (92-95).
same_pages() {
	for f in "$1" "$2"; do
		cp "$f" "$TMPD/cmp.$$"
		for o in 24 40 92; do printf '\000\000\000\000' | dd of="$TMPD/cmp.$$" bs=1 seek=$o conv=notrunc 2>/dev/null; done
		mv "$TMPD/cmp.$$" "$TMPD/cmp.$$.${f##*/}"
	done
	cmp -s "$TMPD/cmp.$$.${1##*/}" "$TMPD/cmp.$$.${2##*/}"
	rc=$?
	rm -f "$TMPD/cmp.$$.${1##*/}" "$TMPD/cmp.$$.${2##*/}"
	return $rc
}
sum() { cksum < "$1"; }
# The schema, in an order that does not depend on how the file was made.
schema_q="SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
nbak() { ls "$1" | grep -c '\.bak$'; }

run init "$TMPD/latest.db"
latest=$(ver "$TMPD/latest.db")
check "this styrkort's schema is newer than version 1 (version $latest)" [ "$latest" -gt 1 ]

# --- every sample of every old version: migrated on first open, the backup beside it, and
# the same report as a file made by this styrkort from the same text
for v in 1 2 3; do
OLD_INI=$(old_ini $v)
for s in $SAMPLES; do
	d=$TMPD/v$v/$s
	mkdir -p "$d"
	build "$s" "$d/plan.db" $v
	cp "$d/plan.db" "$d/asbuilt.db"
	run -d "$d/plan.db" report
	expect_status 0 "v$v $s: a version-$v file opens"
	expect_err "^styrkort: $d/plan\\.db: upgraded from schema version $v to $latest; .*$d/plan\\.db\\.v$v\\.bak" \
		"v$v $s: says it was upgraded and where the copy of the old file is"
	check "v$v $s: the file now has schema version $latest" [ "$(ver "$d/plan.db")" = "$latest" ]
	check "v$v $s: the backup plan.db.v$v.bak exists" [ -f "$d/plan.db.v$v.bak" ]
	check "v$v $s: the backup holds the fixture's pages exactly" same_pages "$d/asbuilt.db" "$d/plan.db.v$v.bak"
	check "v$v $s: the backup is still version $v" [ "$(ver "$d/plan.db.v$v.bak")" = $v ]
	check "v$v $s: integrity_check is ok" [ "$(sqlite3 "$d/plan.db" 'PRAGMA integrity_check')" = ok ]
	check "v$v $s: foreign_key_check finds nothing" [ -z "$(sqlite3 "$d/plan.db" 'PRAGMA foreign_key_check')" ]
	cp "$TMPD/out" "$d/report.migrated"
	[ $v = 1 ] && cp "$TMPD/out" "$TMPD/$s.report.migrated"
	run init "$d/new.db" --sample "$s"
	check "v$v $s: the upgraded file's schema is a new file's" \
		[ "$(sqlite3 "$d/plan.db" "$schema_q")" = "$(sqlite3 "$d/new.db" "$schema_q")" ]
	check "v$v $s: a new file from the old sample text is made" new_old "$s" "$d/old.db"
	run -d "$d/old.db" report
	check "v$v $s: the report equals the report of a file made by this styrkort from the same text" \
		cmp -s "$d/report.migrated" "$TMPD/out"
	if [ "$s" != all ]; then
		run -d "$d/plan.db" export
		cp "$TMPD/out" "$d/export.migrated"
		run -d "$d/old.db" export
		check "v$v $s: so does the export" cmp -s "$d/export.migrated" "$TMPD/out"
	fi
	before=$(sum "$d/plan.db")
	run -d "$d/plan.db" report
	check "v$v $s: a second open says nothing about upgrading" [ -z "$err" ]
	check "v$v $s: a second open makes no other backup" [ "$(nbak "$d")" = 1 ]
	check "v$v $s: a second open leaves the file as it was" [ "$(sum "$d/plan.db")" = "$before" ]
done
done
OLD_INI=$(old_ini 2)

# --- changes before and after a review: "since the last review" is what it was
# The same steps with this styrkort, as make.sh took them with the original, on the same text.
d=$TMPD/reviewed
mkdir -p "$d"
steps() {
	(LOGNAME=styrkort STYRKORT_TODAY=2026-10-01 && export LOGNAME STYRKORT_TODAY && new_old vastervik "$1") &&
	LOGNAME=styrkort STYRKORT_TODAY=2026-10-01 "$STYRKORT" -d "$1" set 1 status=in_progress progress=30 &&
	LOGNAME=styrkort STYRKORT_TODAY=2026-10-01 "$STYRKORT" -d "$1" review add --note "Styrgruppen 1 oktober" 2>/dev/null &&
	LOGNAME=styrkort STYRKORT_TODAY=2026-11-02 "$STYRKORT" -d "$1" set 2 status=done &&
	LOGNAME=styrkort STYRKORT_TODAY=2026-11-02 "$STYRKORT" -d "$1" set 1 progress=60
}
check "the reviewed steps run with this styrkort" steps "$d/new.db"
for cmd in "report --since last-review" "review list" "log"; do
	# shellcheck disable=SC2086
	run -d "$d/new.db" $cmd
	cp "$TMPD/out" "$d/expected"
	build reviewed "$d/plan.db"
	# shellcheck disable=SC2086
	run -d "$d/plan.db" $cmd
	expect_status 0 "reviewed, upgraded: $cmd"
	check "reviewed, upgraded: '$cmd' is as this styrkort's" cmp -s "$d/expected" "$TMPD/out"
	rm -f "$d/plan.db"*
done
check "reviewed: the review covers the changes up to it (change-log row 7)" \
	[ "$(build reviewed "$d/plan.db" && "$STYRKORT" -d "$d/plan.db" log >/dev/null 2>&1 &&
	     sqlite3 "$d/plan.db" 'SELECT last_change FROM review')" = 7 ]
rm -f "$d/plan.db"*

# --- a backup never overwrites a file
d=$TMPD/names
mkdir -p "$d"
build vastervik "$d/plan.db"
echo keep > "$d/plan.db.v1.bak"
echo keep too > "$d/plan.db.v1.1.bak"
run -d "$d/plan.db" report
expect_status 0 "with plan.db.v1.bak and plan.db.v1.1.bak there, the file opens"
expect_err "plan\\.db\\.v1\\.2\\.bak" "the backup is plan.db.v1.2.bak"
check "plan.db.v1.bak is untouched" [ "$(cat "$d/plan.db.v1.bak")" = keep ]
check "plan.db.v1.1.bak is untouched" [ "$(cat "$d/plan.db.v1.1.bak")" = "keep too" ]
check "plan.db.v1.2.bak is version 1" [ "$(ver "$d/plan.db.v1.2.bak")" = 1 ]

# --- a migration that fails is rolled back, and the message names the backup
d=$TMPD/fail
mkdir -p "$d"
build vastervik "$d/plan.db"
before=$(sum "$d/plan.db")
export STYRKORT_TEST_MIGRATION=fail
run -d "$d/plan.db" report
unset STYRKORT_TEST_MIGRATION
expect_status 1 "a failing migration is an error"
expect_err "^styrkort: $d/plan\\.db: upgrading the file from schema version 1 to $latest failed" \
	"the message says the upgrade failed"
expect_err "the file was not changed" "the message says the file was not changed"
expect_err "$d/plan\\.db\\.v1\\.bak" "the message names the backup"
check "after a failed migration the file is byte for byte as it was" [ "$(sum "$d/plan.db")" = "$before" ]
check "after a failed migration no journal is left" [ ! -e "$d/plan.db-journal" ]
run -d "$d/plan.db" report
expect_status 0 "the next open migrates"
check "the next open's backup is plan.db.v1.1.bak" [ "$(ver "$d/plan.db.v1.1.bak")" = 1 ]

# --- read-only: --read-only and [database] read_only read a file of the previous version as it
# is; an older one (its views would hide the same tables twice) must be upgraded once by a writer
d=$TMPD/ro
mkdir -p "$d"
build all "$d/plan.db" 3
before=$(sum "$d/plan.db")
run -d "$d/plan.db" --read-only report
expect_status 0 "--read-only: a version-3 file is shown"
expect_err "^styrkort: $d/plan\\.db: the file has the old schema version 3" "--read-only: says the file is old"
check "--read-only: a version-3 file's report is the upgraded one's" cmp -s "$TMPD/v3/all/report.migrated" "$TMPD/out"
check "--read-only: the version-3 file is not upgraded" [ "$(ver "$d/plan.db")" = 3 ]
printf '[database]\nread_only = true\n' > "$TMPD/ro.ini"
run -d "$d/plan.db" -c "$TMPD/ro.ini" report
expect_status 0 "read_only = true: a version-3 file is shown"
run -d "$d/plan.db" --read-only set oxelosund:1 status=done
expect_status 1 "--read-only: changing the old file is refused"
check "--read-only: the file is unchanged and no backup made" [ "$(sum "$d/plan.db")" = "$before" ] && [ "$(nbak "$d")" = 0 ]
for v in 1 2; do
	build all "$d/v$v.db" $v
	before=$(sum "$d/v$v.db")
	run -d "$d/v$v.db" --read-only report
	expect_status 1 "--read-only: a version-$v file cannot be shown without upgrading it"
	expect_err "^styrkort: $d/v$v\\.db: the file has the old schema version $v, .*someone who may write the file must open it once" \
		"--read-only: version $v: the refusal says someone who may write it must open it once"
	check "--read-only: the version-$v file is unchanged and no backup made" \
		[ "$(sum "$d/v$v.db")" = "$before" ] && [ "$(nbak "$d")" = 0 ]
	rm -f "$d/v$v.db"
done
# A version this styrkort cannot read without upgrading: the plain message.
before=$(sum "$d/plan.db")
export STYRKORT_TEST_MIGRATION=no-read-view
run -d "$d/plan.db" --read-only report
unset STYRKORT_TEST_MIGRATION
expect_status 1 "an old version that cannot be read as it is, read-only: refused"
expect_err "^styrkort: $d/plan\\.db: the file has the old schema version 3, .*someone who may write the file must open it once" \
	"the refusal says someone who may write it must open it once"
check "the refusal left the file unchanged" [ "$(sum "$d/plan.db")" = "$before" ]

# --- a process killed during the migration: the original is as it was, the next open migrates
d=$TMPD/killed
mkdir -p "$d"
build reviewed "$d/plan.db"
cp "$d/plan.db" "$d/asbuilt.db"
sqlite3 "$d/asbuilt.db" .dump > "$d/asbuilt.sql"
STYRKORT_TEST_MIGRATION=pause:600 "$STYRKORT" -d "$d/plan.db" report >/dev/null 2>"$d/err" &
pid=$!
n=0
while ! grep -q 'migration paused' "$d/err" 2>/dev/null && kill -0 $pid 2>/dev/null && [ $n -lt 3000 ]; do
	sleep 0.1
	n=$((n + 1))
done
check "the migration reached its pause inside the transaction" grep -q 'migration paused' "$d/err"
# Another writer meanwhile waits for the lock (here briefly), and neither copies nor upgrades.
STYRKORT_BUSY_MS=200; export STYRKORT_BUSY_MS
run -d "$d/plan.db" report
unset STYRKORT_BUSY_MS
expect_status 1 "during the upgrade another writer is told the file is busy"
expect_err "busy" "that writer's message says busy"
check "that writer made no other backup" [ "$(nbak "$d")" = 1 ]
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "killed: a hot journal is left" [ -s "$d/plan.db-journal" ]
check "killed: the backup made before the migration is complete" same_pages "$d/asbuilt.db" "$d/plan.db.v1.bak"
check "killed: no partial backup is left" [ -z "$(ls "$d" | grep partial)" ]
# A copy of the file with its journal, for the readers.
mkdir -p "$d/copy"
cp "$d/plan.db" "$d/plan.db-journal" "$d/copy/"
run -d "$d/copy/plan.db" --read-only report
expect_status 1 "killed, --read-only: refused (the half-written change needs a writer)"
expect_err "half-written.*must open it once" "killed, --read-only: says someone who may write it must open it once"
check "killed: SQLite puts the original back: the same content" sh -c "sqlite3 '$d/copy/plan.db' .dump | cmp -s - '$d/asbuilt.sql'"
check "killed: and the same schema version (1)" [ "$(ver "$d/copy/plan.db")" = 1 ]
run -d "$d/plan.db" report --since last-review
expect_status 0 "killed: the next open works"
expect_err "upgraded from schema version 1 to $latest; .*plan\\.db\\.v1\\.1\\.bak" "killed: the next open migrates, into a new backup"
check "killed: the report is as this styrkort's" sh -c "'$STYRKORT' -d '$TMPD/reviewed/new.db' report --since last-review 2>/dev/null | cmp -s - '$TMPD/out'"
check "killed: integrity_check is ok" [ "$(sqlite3 "$d/plan.db" 'PRAGMA integrity_check')" = ok ]
check "killed: the second backup is the original too" same_pages "$d/asbuilt.db" "$d/plan.db.v1.1.bak"

# --- a user who may only read
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	ok "# SKIP not root: cannot test another user's permissions"
else
	d=$TMPD/shared
	mkdir -p "$d" "$TMPD/bin"
	build vastervik "$d/plan.db" 3
	before=$(sum "$d/plan.db")
	cp "$STYRKORT" "$TMPD/bin/styrkort"
	chmod 755 "$TMPD" "$d" "$TMPD/bin" "$TMPD/bin/styrkort"
	chmod 644 "$d/plan.db"
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$TMPD/bin/styrkort" "$@" >"$TMPD/out" 2>"$TMPD/err"; status=$?; out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err"); }
	as_nobody -d "$d/plan.db" report
	expect_status 0 "a user who may only read sees a version-3 file"
	expect_err "old schema version 3.*read-only" "that user is told the file is old and shown read-only"
	check "that user's report is the sample's" cmp -s "$TMPD/v3/vastervik/report.migrated" "$TMPD/out"
	export STYRKORT_TEST_MIGRATION=no-read-view
	as_nobody -d "$d/plan.db" report
	unset STYRKORT_TEST_MIGRATION
	expect_status 1 "a version that cannot be read as it is: that user is refused"
	expect_err "someone who may write the file must open it once" "that user is told someone who may write it must open it once"
	check "that user left the file unchanged, with no backup" [ "$(sum "$d/plan.db")" = "$before" ] && [ "$(nbak "$d")" = 0 ]
fi

# --- a full disk: fails clearly at whatever point the space runs out, never leaves the
# original changed or a half backup under a .bak name, and succeeds once there is room
small=$TMPD/small
mkdir -p "$small"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=2m tmpfs "$small" 2>/dev/null; then
	ok "# SKIP cannot mount a small tmpfs (not root, or not allowed here): no full-disk test"
else
	trap 'umount "$small" 2>/dev/null; rm -rf "$TMPD"' EXIT
	build all "$TMPD/full.db"
	size=$(stat -c %s "$TMPD/full.db")
	free=0
	failures=0
	late=0
	bad=
	while [ $free -le $((size * 2 + 65536)) ]; do
		rm -rf "${small:?}"/*
		cp "$TMPD/full.db" "$small/plan.db"
		avail=$(($(stat -f -c '%a * %S' "$small")))
		head -c $((avail - free)) /dev/zero > "$small/filler" 2>/dev/null
		run -d "$small/plan.db" report
		if [ $status -eq 0 ]; then
			break
		fi
		failures=$((failures + 1))
		printf '%s\n' "$err" | grep -q "^styrkort: $small/plan\\.db: .*the disk is full.*the file was not changed" ||
			bad="$bad [free $free: message '$err']"
		cmp -s "$TMPD/full.db" "$small/plan.db" || bad="$bad [free $free: the file changed]"
		[ ! -e "$small/plan.db-journal" ] || bad="$bad [free $free: a journal is left]"
		for b in "$small"/*.bak; do
			[ -e "$b" ] || continue
			late=$((late + 1))
			same_pages "$TMPD/full.db" "$b" || bad="$bad [free $free: a half backup $b]"
			printf '%s\n' "$err" | grep -q "${b##*/}" || bad="$bad [free $free: the message does not name $b]"
		done
		[ -z "$(ls "$small" | grep partial)" ] || bad="$bad [free $free: a partial backup is left]"
		free=$((free + 4096))
	done
	check "a full disk: the upgrade failed for want of space ($failures times) before it succeeded" [ $failures -gt 0 ]
	check "a full disk: some failures came after the backup was made ($late times)" [ $late -gt 0 ]
	check "a full disk: every failure said so, left the file as it was and no half backup${bad:+:$bad}" [ -z "$bad" ]
	check "a full disk: with room enough it migrates" [ $status -eq 0 ] && [ "$(ver "$small/plan.db")" = "$latest" ]
	check "a full disk: and its backup is complete" same_pages "$TMPD/full.db" "$small/plan.db.v1.bak"
	umount "$small"
fi
tap_done
