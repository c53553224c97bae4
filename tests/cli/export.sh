#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/export.sh: the canonical INI export of seed strategies, against golden files.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/all.db
run init "$db" --sample all
expect_status 0 "init --sample all"
for s in vastervik oskarshamn; do
	run export -d "$db" --strategy "$s"
	expect_status 0 "export --strategy $s"
	golden "export-$s.ini" "export of $s matches golden output"
	check "export of $s: nothing on stderr" [ -z "$err" ]
done
# Exporting from a file with just that strategy needs no --strategy, and reads the same.
run init "$TMPD/one.db" --sample oskarshamn
run export -d "$TMPD/one.db"
expect_status 0 "export without --strategy of a one-strategy file"
golden "export-oskarshamn.ini" "export without --strategy matches the same golden output"
# --read-only exports the same (export never writes).
cp "$db" "$TMPD/all.orig"
run export -d "$db" --read-only --strategy vastervik
golden "export-vastervik.ini" "export --read-only matches the golden output"
check "export leaves the database byte-identical" cmp -s "$db" "$TMPD/all.orig"
tap_done
