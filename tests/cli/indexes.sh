#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/indexes.sh: a version-4 file made by the released code lacks the indexes added to
# version 4 later (issue 14); the first write of a connection makes them, a reader goes without.
. "$top_srcdir/tests/lib.sh"

db=$TMPD/plan.db
late="change_log_by_undoes change_log_by_at goal_by_parent indicator_by_key indicator_by_kolada review_by_strategy"
# has NAME: the index NAME is in the file.
has() { [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '$1'")" = 1 ]; }
# drop_late: the file as the released code made it, without the late indexes.
drop_late() { for i in $late; do sqlite3 "$db" "DROP INDEX IF EXISTS $i"; done; }

run init "$db" --sample gislaved
expect_status 0 "a new file"
for i in $late; do check "a new file has $i" has "$i"; done

drop_late
for i in $late; do check "without $i, as the released code made it" sh -c "! sqlite3 '$db' \"SELECT 1 FROM sqlite_master WHERE name = '$i'\" | grep -q 1"; done
check "it is still version 4" [ "$(sqlite3 "$db" 'PRAGMA user_version')" = 4 ]

# Readers go without: nothing is written.
before=$(cksum < "$db")
run -d "$db" report
expect_status 0 "report reads a file without them"
run -d "$db" log --activity 1
expect_status 0 "log --activity reads a file without them"
run -d "$db" --read-only set 1 status=done
expect_status 1 "a read-only opener does not write"
check "readers left the file as it was" [ "$(cksum < "$db")" = "$before" ]
for i in $late; do check "a reader did not make $i" sh -c "! sqlite3 '$db' \"SELECT 1 FROM sqlite_master WHERE name = '$i'\" | grep -q 1"; done

# The first write makes them, with the change, in the same transaction.
run -d "$db" set 1 status=done
expect_status 0 "a write to a file without them"
for i in $late; do check "the first write made $i" has "$i"; done
check "the change was made" [ "$(sqlite3 "$db" "SELECT status FROM activity WHERE number = 1")" = done ]
check "the schema is still version 4" [ "$(sqlite3 "$db" 'PRAGMA user_version')" = 4 ]
run -d "$db" set 1 status=in_progress
expect_status 0 "a later write finds them there"
check "the file is sound" [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]

tap_done
