#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/durability.sh: changes from `styrkort set` survive kill -9 at random moments;
# a killed change leaves the old value, never a partial one; the file stays intact.
. "$top_srcdir/tests/lib.sh"
# Killed on purpose: under AddressSanitizer the exit-time leak check of a process killed mid-way can hang.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
db=$TMPD/k.db
run init "$db" --sample oskarshamn
expect_status 0 "init --sample oskarshamn"
ids=$("$STYRKORT" report -d "$db" --format csv | sed -n '2,$p' | cut -d, -f2 | tr -d '\r' | head -10)
: > "$TMPD/acked"
i=0
while [ $i -lt 60 ]; do
	i=$((i + 1))
	id=$(printf '%s\n' $ids | sed -n "$(( (i % 10) + 1 ))p")
	p=$(( (i * 7) % 101 ))
	# Start a change and kill it after a random few milliseconds; record it if it reported success first.
	( "$STYRKORT" -d "$db" set "$id" progress=$p comment="run $i" && echo "$id $p run $i" >> "$TMPD/acked" ) &
	pid=$!
	sleep "0.00$(( (i * 37) % 10 ))"
	kill -9 $pid 2>/dev/null
	pkill -9 -f "styrkort -d $db set" 2>/dev/null
	wait $pid 2>/dev/null
done
acked=$(wc -l < "$TMPD/acked")
ok "ran 60 changes with kill -9 at random moments ($acked reported success)"
check "PRAGMA integrity_check is ok" sh -c "[ \"\$(sqlite3 '$db' 'PRAGMA integrity_check')\" = ok ]"
# Every acknowledged change is in the log; the last acknowledged value of an activity is either
# still its value, or a later (unacknowledged but committed) change replaced it - which the log shows.
missing=0
while read -r id p _ n; do
	sqlite3 "$db" "SELECT count(*) FROM change_log WHERE item_id = $id AND comment = 'run $n'" | grep -qx '0' && missing=$((missing + 1))
done < "$TMPD/acked"
check "every change that reported success is in the change log ($missing missing)" [ "$missing" -eq 0 ]
bad=0
for id in $ids; do
	# The value must equal the newest logged progress of that activity (no partial change).
	cur=$(sqlite3 "$db" "SELECT progress FROM activity WHERE id = $id")
	last=$(sqlite3 "$db" "SELECT new FROM change_log WHERE item_id = $id AND field = 'progress' ORDER BY id DESC LIMIT 1")
	[ -z "$last" ] || [ "$cur" = "$last" ] || bad=$((bad + 1))
	# The comment, written in the same transaction, agrees with the log too.
	cur=$(sqlite3 "$db" "SELECT comment FROM activity WHERE id = $id")
	last=$(sqlite3 "$db" "SELECT new FROM change_log WHERE item_id = $id AND field = 'comment' ORDER BY id DESC LIMIT 1")
	[ -z "$last" ] || [ "$cur" = "$last" ] || bad=$((bad + 1))
done
check "every activity holds its last logged value ($bad inconsistent)" [ "$bad" -eq 0 ]
check "no journal is left behind by a committed state" sh -c "'$STYRKORT' -d '$db' report >/dev/null"
tap_done
