#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/readonly.sh: --read-only, [database] read_only, and a file the user may not write:
# reading works, changing is refused with the reason, and the file is never modified.
. "$top_srcdir/tests/lib.sh"
dir=$TMPD/shared
mkdir -p "$dir"
db=$dir/plan.db
run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
sum() { cksum < "$db"; }
before=$(sum)

run -d "$db" --read-only set 1 status=done
expect_status 1 "set with --read-only is refused"
expect_err 'read-only' "the message says the database is read-only"
check "--read-only left the file unchanged" [ "$(sum)" = "$before" ]
printf '[database]\nread_only = true\n' > "$TMPD/ro.ini"
run -d "$db" -c "$TMPD/ro.ini" set 1 status=done
expect_status 1 "set with [database] read_only = true is refused"
check "read_only = true left the file unchanged" [ "$(sum)" = "$before" ]
run -d "$db" --read-only report
expect_status 0 "report works read-only"
run -d "$db" --read-only measurements /dev/null
expect_status 1 "measurements with --read-only is refused"

# As an unprivileged user (CI runs as root, so drop to nobody).
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	ok "# SKIP not root: cannot test another user's permissions"
	tap_done
	exit $?
fi
chmod 755 "$TMPD" "$dir"
chmod 644 "$db"
# The build tree may sit where nobody cannot go (/root): run a copy of the program.
mkdir -p "$TMPD/bin"
cp "$STYRKORT" "$TMPD/bin/styrkort"
chmod 755 "$TMPD/bin" "$TMPD/bin/styrkort"
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$TMPD/bin/styrkort" "$@" >"$TMPD/out" 2>"$TMPD/err"; status=$?; out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err"); }
as_nobody -d "$db" report --strategy vastervik
expect_status 0 "a user with read permission only can read the report"
expect_out '^Västerviks kommun$' "the report is the file's"
as_nobody -d "$db" set 1 status=done
expect_status 1 "that user cannot change an activity"
expect_err 'you may not write the file' "the refusal says why"
# A holder of a lock-free open connection elsewhere does not stop readers.
sqlite3 "$db" "SELECT 1" >/dev/null
as_nobody -d "$db" log
expect_status 0 "that user can read the change log"
chmod 666 "$db"
as_nobody -d "$db" set 1 status=done
expect_status 1 "write permission on the file alone is not enough (the journal needs the directory)"
expect_err 'you may not write the directory' "the refusal names the directory"
check "the read-only users left the file unchanged" [ "$(sum)" = "$before" ]
chmod 777 "$dir"
as_nobody -d "$db" set 1 status=delayed
expect_status 0 "with write permission on the file and directory the change is saved"
tap_done
