#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/biglog.sh: 'styrkort log' streams its rows (300,000 rows in bounded memory, the same
# lines as a filtered log), and a new file has the indexes undo, log --since and the goal tree use.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/log.db
run init "$db" --sample gislaved
expect_status 0 "init"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP needs sqlite3"; exit 0; }
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
 INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, batch)
 SELECT '2025-01-01T00:00:00Z', 'bulk', 'gislaved', 'activity', 1, 'En aktivitet med ett långt namn ' || i,
  'progress', i % 100, i % 100 + 1, 100000 + i FROM n"
rows=$(sqlite3 "$db" "SELECT count(*) FROM change_log")
if [ -x /usr/bin/time ] && ! ldd "$STYRKORT" 2>/dev/null | grep -q libasan; then
	/usr/bin/time -f '%M' -o "$TMPD/rss" "$STYRKORT" -d "$db" log >"$TMPD/out" 2>"$TMPD/err"
	kb=$(tail -n 1 "$TMPD/rss")
	check "log of $rows rows holds at most 16 MiB (held $kb KiB)" [ "$kb" -le 16384 ]
else
	"$STYRKORT" -d "$db" log >"$TMPD/out" 2>"$TMPD/err"
	ok "# SKIP no GNU time, or AddressSanitizer: memory not measured"
fi
check "log prints a line for each of the $rows rows" [ "$(wc -l <"$TMPD/out")" -eq "$rows" ]
# --activity and --since each take their own condition (no catch-all), and agree with the whole log.
"$STYRKORT" -d "$db" log --activity gislaved:1 >"$TMPD/one"
check "log --activity gislaved:1 prints the whole log's lines for #1" \
	[ "$(grep -c ' #1 ' "$TMPD/out")" -eq "$(wc -l <"$TMPD/one")" ]
"$STYRKORT" -d "$db" log --since 2026-01-01 >"$TMPD/since"
check "log --since prints the rows after the date only" \
	[ "$(wc -l <"$TMPD/since")" -eq "$(sqlite3 "$db" "SELECT count(*) FROM change_log WHERE at > '2026-01-01'")" ]
for index in change_log_by_undoes change_log_by_at goal_by_parent; do
	check "a new file has the index $index" [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = '$index'")" = 1 ]
done
tap_done
