#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/damaged.sh: damaged and foreign files: each gets a message that names what is wrong and
# what to do (exit 1), never a crash or "unknown error", and a file styrkort does not understand,
# or one that fails PRAGMA quick_check, is never written (DAMAGED FILES in styrkort(1)).
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP needs sqlite3 and python3 to build the damaged files"; exit 0; }
good=$TMPD/good.db
run init "$good" --sample vastervik
expect_status 0 "init --sample vastervik"
cp "$top_srcdir/data/vastervik.ini" "$TMPD/v.ini"
printf 'indicator,period,sex,value\n' >"$TMPD/values.csv"
pagesize=$(sqlite3 "$good" "PRAGMA page_size")
size=$(wc -c <"$good")
# root PAGE_NAME: the root page of a table or index of the sample.
root() { sqlite3 "$good" "SELECT rootpage FROM sqlite_master WHERE name = '$1'"; }
# poke FILE OFFSET BYTE COUNT: overwrite COUNT bytes at OFFSET with BYTE.
poke() { python3 -c "import sys; f = open(sys.argv[1], 'r+b'); f.seek(int(sys.argv[2])); f.write(bytes([int(sys.argv[3])]) * int(sys.argv[4]))" "$@"; }
mk() { cp "$good" "$TMPD/$1.db"; }

# --- the damaged files, each built here
head -c 8192 /dev/urandom >"$TMPD/random.db"
printf '[strategy]\nid = x\n' >"$TMPD/text.db"
: >"$TMPD/empty.db"
head -c 50 "$good" >"$TMPD/cut50.db"
head -c "$pagesize" "$good" >"$TMPD/cut1page.db"
head -c $((size / 2)) "$good" >"$TMPD/cuthalf.db"
head -c $((size - 1)) "$good" >"$TMPD/cutbyte.db"
mk zeros; dd if=/dev/zero of="$TMPD/zeros.db" bs="$pagesize" seek=$(( $(root activity) - 1 )) count=1 conv=notrunc 2>/dev/null
mk index; poke "$TMPD/index.db" $(( ($(root activity_by_due) - 1) * pagesize + 8 )) 255 40
mk header; poke "$TMPD/header.db" 0 0 100
mkdir "$TMPD/dir.db"
mk newer; sqlite3 "$TMPD/newer.db" "PRAGMA user_version = 99"
mk older; sqlite3 "$TMPD/older.db" "PRAGMA user_version = 1"
mk zero; sqlite3 "$TMPD/zero.db" "PRAGMA user_version = 0"
mk missing; sqlite3 "$TMPD/missing.db" "DROP TABLE review"
mk column; sqlite3 "$TMPD/column.db" "ALTER TABLE activity DROP COLUMN example" 2>/dev/null || sqlite3 "$TMPD/column.db" "DROP TABLE follow_up"
mk wal; sqlite3 "$TMPD/wal.db" "PRAGMA journal_mode = WAL" >/dev/null
mk foreign; sqlite3 "$TMPD/foreign.db" "PRAGMA application_id = 42"
check "the corrupt index fails quick_check" sh -c "[ \"\$(sqlite3 '$TMPD/index.db' 'PRAGMA quick_check' 2>&1 | head -1)\" != ok ]"

# reads_or_damaged NAME CMD: the read command CMD read the file, or said it is damaged.
reads_or_damaged() {
	if [ "$status" -eq 0 ] || { [ "$status" -eq 1 ] && printf '%s\n' "$err" | grep -q "damaged.*backup"; }; then
		ok "$1: $2 reads it or says it is damaged (exit $status)"
	else
		not_ok "$1: $2: exit $status: $err"
	fi
}
# case NAME PATTERN [reads]: every command on NAME.db: exit 1, the message names the file and
# matches PATTERN, never "unknown error"; and the file (and its directory) is left as it was.
# With "reads", report and log may read what they need of it (reads_or_damaged).
case_() {
	local name=$1 pattern=$2 f=$TMPD/$1.db cmd
	[ -d "$f" ] || cp "$f" "$TMPD/$name.orig"
	before=$(ls "$TMPD")
	for cmd in report log "set 1 progress=55" "review add 2026-11-20" "import $TMPD/v.ini" "measurements $TMPD/values.csv"; do
		# shellcheck disable=SC2086
		run -d "$f" $cmd
		if [ "${3:-}" = reads ] && { [ "$cmd" = report ] || [ "$cmd" = log ]; }; then
			reads_or_damaged "$name" "$cmd"
			continue
		fi
		expect_status 1 "$name: $cmd"
		expect_err "^styrkort: $f: " "$name: $cmd: the message names the file"
		expect_err "$pattern" "$name: $cmd: the message says what is wrong"
		if printf '%s\n' "$err" | grep -qi "unknown error"; then not_ok "$name: $cmd: 'unknown error'"; fi
	done
	if [ -d "$f" ] || cmp -s "$f" "$TMPD/$name.orig"; then ok "$name: the file is left as it was"; else not_ok "$name: the file was changed"; fi
	if [ "$(ls "$TMPD")" = "$before" ]; then ok "$name: no file appeared beside it"; else not_ok "$name: files appeared: $(ls "$TMPD" | tr '\n' ' ')"; fi
}
case_ random "not an SQLite database"
case_ text "not an SQLite database"
case_ empty "the file is empty.*styrkort init"
case_ cut50 "damaged: .*shorter"
case_ cut1page "damaged: .*shorter.*backup"
case_ cuthalf "damaged: .*shorter.*backup"
case_ cutbyte "damaged: .*shorter.*backup"
case_ header "not an SQLite database"
case_ dir "a directory.*database file"
case_ newer "schema version 99 .*newer styrkort"
case_ older "schema version 1, .*tables of version [0-9].*user_version"
case_ zero "schema version 0, .*tables of version [0-9].*user_version"
case_ missing "damaged: the table review is missing.*backup" reads
case_ column "damaged: the (table|column) [a-z_.]* is missing.*backup" reads
case_ wal "WAL.*journal_mode = DELETE"
case_ foreign "another program"
check "WAL: no -wal or -shm file was made" [ ! -e "$TMPD/wal.db-wal" ] && [ ! -e "$TMPD/wal.db-shm" ]

# A page of zeros and a corrupt index: SQLite may read around them, but a write is refused
# (PRAGMA quick_check before the first write) and a read that meets them says "damaged".
for name in zeros index; do
	f=$TMPD/$name.db
	cp "$f" "$TMPD/$name.orig"
	for cmd in "set 1 progress=55" "review add 2026-11-20" "import $TMPD/v.ini" "measurements $TMPD/values.csv"; do
		# shellcheck disable=SC2086
		run -d "$f" $cmd
		expect_status 1 "$name: $cmd is refused"
		expect_err "^styrkort: $f: the file is damaged .*quick_check.*backup" "$name: $cmd: says the file is damaged and what to do"
	done
	for cmd in report log; do
		run -d "$f" $cmd
		reads_or_damaged "$name" "$cmd"
	done
	if cmp -s "$f" "$TMPD/$name.orig"; then ok "$name: the file is left as it was"; else not_ok "$name: the file was changed"; fi
done
run -d "$TMPD/zeros.db" report
expect_status 1 "zeros: report meets the page of zeros"
expect_err "the file is damaged .*backup" "zeros: report says the file is damaged"
run -d "$TMPD/missing.db" report
expect_status 1 "missing: report needs the table"
expect_err "the file is damaged \(no such table: review\).*backup" "missing: report says the file is damaged"
# --read-only is told the same, without a check (it never writes).
run -d "$TMPD/cuthalf.db" --read-only report
expect_status 1 "cuthalf --read-only: refused"
expect_err "damaged" "cuthalf --read-only: says damaged"

# A commit under way writes the header's new page count before the pages that make the file that
# long: while another program holds the write lock (here on a file cut short), the size is not
# judged, and the file is busy, not damaged.
cp "$TMPD/cuthalf.orig" "$TMPD/busy.db"
python3 -c "import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX, 510, 0x40000002)   # SQLite's EXCLUSIVE: the shared bytes of the lock-byte page
print('locked', flush=True)
time.sleep(30)" "$TMPD/busy.db" >"$TMPD/locker.out" &
locker=$!
while [ ! -s "$TMPD/locker.out" ]; do sleep 0.05; done
STYRKORT_BUSY_MS=100 run -d "$TMPD/busy.db" report
kill "$locker"; wait "$locker" 2>/dev/null
expect_status 1 "a commit under way: report waits and gives up"
expect_err "the database is busy" "a commit under way: busy, not damaged"

# A good file still opens and is written.
run -d "$good" set 1 progress=55
expect_status 0 "the good file is written"
tap_done
