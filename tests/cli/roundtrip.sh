#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/roundtrip.sh: export | import | export is byte-identical, for the seeds and for hard texts.
. "$top_srcdir/tests/lib.sh"

# roundtrip NAME FILE.ini [STRATEGY]: import, export > a, import a afresh, export > b, cmp a b.
roundtrip() {
	name=$1 ini=$2
	rm -f "$TMPD/$name-1.db" "$TMPD/$name-2.db"
	run init "$TMPD/$name-1.db"
	expect_status 0 "$name: init an empty database"
	run import -d "$TMPD/$name-1.db" "$ini"
	expect_status 0 "$name: import $(basename "$ini")"
	run export -d "$TMPD/$name-1.db"
	expect_status 0 "$name: export"
	cp "$TMPD/out" "$TMPD/$name-a.ini"
	check "$name: the export is not empty" [ -s "$TMPD/$name-a.ini" ]
	run init "$TMPD/$name-2.db"
	run import -d "$TMPD/$name-2.db" "$TMPD/$name-a.ini"
	expect_status 0 "$name: import the export into a fresh database"
	run export -d "$TMPD/$name-2.db"
	cp "$TMPD/out" "$TMPD/$name-b.ini"
	if cmp "$TMPD/$name-a.ini" "$TMPD/$name-b.ini" >/dev/null; then
		ok "$name: export, import, export is byte-identical"
	else
		not_ok "$name: export, import, export is byte-identical"
		diff -u "$TMPD/$name-a.ini" "$TMPD/$name-b.ini" | head -20 | sed 's/^/# /'
	fi
	# Importing its own export again changes nothing, so nothing is logged.
	run log -d "$TMPD/$name-2.db"
	before=$out
	run import -d "$TMPD/$name-2.db" "$TMPD/$name-b.ini"
	run log -d "$TMPD/$name-2.db"
	check "$name: re-importing the export logs nothing" [ "$out" = "$before" ]
}

for s in oxelosund ornskoldsvik oskarshamn gislaved vastervik; do
	roundtrip "$s" "$top_srcdir/data/$s.ini"
	# The export holds every section of the source file.
	want=$(grep -c '^\[' "$top_srcdir/data/$s.ini")
	got=$(grep -c '^\[' "$TMPD/$s-a.ini")
	check "$s: the export has all $want sections" [ "$want" -eq "$got" ]
	# The sample is what export writes, after its header comments: the values in today's syntax.
	sed -n '/^\[/,$p' "$top_srcdir/data/$s.ini" >"$TMPD/$s-body.ini"
	tail -n +2 "$TMPD/$s-a.ini" >"$TMPD/$s-export-body.ini"
	check "$s: data/$s.ini is, after its header, exactly what export writes" cmp -s "$TMPD/$s-body.ini" "$TMPD/$s-export-body.ini"
done

# Hard texts: over the 1,024-byte line limit, å ä ö, newlines, ; # = quotes,
# backslashes, leading and trailing spaces, a value ending in a backslash.
# The INI escapes: \x22 is ", \\ a backslash, \n a newline, \t a tab.
hard=$TMPD/hard.ini
line='Åäö; # = \x22dubbla\x22 '\''enkla'\'' bak\\snedstreck\n'
{
	printf '%s\n' '; texts that are hard to write in INI' '[strategy]' 'id = hard' \
		'municipality = Åby kommun' 'title = "  Titel med mellanslag  "'
	printf '%s\n' 'vision = "  Början "'
	for p in 2 3 4 5 6 7 8 9 10; do
		printf 'vision.%s = "' "$p"
		for i in 1 2 3 4 5 6 7 8 9 10; do printf '%s' "$line"; done
		printf '"\n'
	done
	printf '%s\n' 'vision.11 = "slut  "'
	printf '%s\n' 'purpose = "slutar med ett bakstreck\\"'
	printf '%s\n' "owner = \"'enkla citat' och \\x22dubbla\\x22\""
	printf '%s\n' 'note = "rad ett\nrad två\n\ttabb; # = \\n är inte en radbrytning"'
	printf '%s\n' 'follow_up = Fortsättningsrad \' 'som fortsätter här'
	printf '\n[focus.f]\nname = "#inte en kommentar"\nresponsible = '
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34; do
		printf 'Nämnden för område %02d | ' "$i"
	done
	printf 'Sista nämnden\n'
	printf '\n[goal.g]\ntitle = "=börjar med likhetstecken"\n'
	printf '\n[activity.a]\ntitle = "\\x22citerad titel\\x22"\nfocus = f\ngoal = g\n'
	printf '%s\n' 'comment = "  ;börjar med semikolon  "' 'description = "\\"' 'contact = "'"'"'"'
} >"$hard"
roundtrip hard "$hard"

# The texts came back exactly: compare the database's bytes with what they should be.
hex() { od -An -tx1 | tr -d ' \n'; }
dbhex() { sqlite3 "$TMPD/hard-2.db" "SELECT lower(hex($1)) FROM $2"; }
check_text() {
	want=$(printf "$2" | hex)
	got=$(dbhex "$1" "$3")
	if [ "$want" = "$got" ]; then ok "hard: $1 comes back exactly"; else not_ok "hard: $1 comes back exactly"; echo "# want $want"; echo "#  got $got"; fi
}
if command -v sqlite3 >/dev/null; then
	want=$( (printf '  Början '; for i in $(seq 90); do printf 'Åäö; # = "dubbla" '"'"'enkla'"'"' bak\\snedstreck\n'; done; printf 'slut  ') | hex)
	got=$(dbhex vision strategy)
	check "hard: a $(printf '%s' "$want" | wc -c | awk '{print int($1/2)}')-byte vision comes back exactly" [ "$want" = "$got" ]
	check "hard: the vision was split into parts in the export" grep -q '^vision\.4 = ' "$TMPD/hard-a.ini"
	check "hard: no line of the export reaches 1,024 bytes" [ "$(wc -L <"$TMPD/hard-a.ini")" -lt 1024 ]
	check_text title '  Titel med mellanslag  ' strategy
	check_text purpose 'slutar med ett bakstreck\\' strategy
	check_text owner "'enkla citat' och \"dubbla\"" strategy
	check_text note 'rad ett\nrad två\n\ttabb; # = \\n är inte en radbrytning' strategy
	check_text follow_up 'Fortsättningsrad som fortsätter här' strategy
	check_text name '#inte en kommentar' focus_area
	check_text title '=börjar med likhetstecken' goal
	check_text title '"citerad titel"' activity
	check_text comment '  ;börjar med semikolon  ' activity
	check_text description '\\' activity
	check_text contact "'" activity
	n=$(sqlite3 "$TMPD/hard-2.db" "SELECT count(*) FROM responsible_body")
	check "hard: all 35 responsible bodies come back" [ "$n" -eq 35 ]
else
	ok "# SKIP sqlite3 is not installed"
fi
# The report shows a text from the file (read back through the model, not SQL).
run report -d "$TMPD/hard-2.db" --width 200
expect_out '=börjar med likhetstecken' "hard: the report shows a goal title starting with '='"
tap_done
