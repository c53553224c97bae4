#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/text.sh: what a text may hold (set, import: one rule), export of a database that already
# holds refused characters, and no escape sequence from a file or the database in any output.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
db=$TMPD/t.db
run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
esc=$(printf '\033')
rlo=$(printf '\342\200\256')
nl='
'
col() { sqlite3 "$db" "SELECT coalesce($1, '') FROM activity WHERE id = $2"; }
# hex COLUMN ID: the column's bytes, so that newlines and spaces at the ends are compared too.
hex() { sqlite3 "$db" "SELECT hex($1) FROM activity WHERE id = $2"; }
hexof() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
# clean DESCRIPTION: neither stdout nor stderr holds an ESC byte or U+202E.
clean() {
	if cat "$TMPD/out" "$TMPD/err" | grep -q "$esc\|$rlo"; then
		not_ok "$1: a raw ESC or U+202E reached the output"; cat "$TMPD/out" "$TMPD/err" | od -c | head -5 | sed 's/^/# /'
	else
		ok "$1: no raw ESC or U+202E in the output"
	fi
}

# --- set: refused characters, with the character and its position
before=$(sqlite3 "$db" "SELECT count(*) FROM change_log")
run -d "$db" set 1 "title=Röd${esc}[31mtext"
expect_status 2 "set: an ESC in the title is refused"
expect_err "^styrkort: set 1: title: character 4 is the control character U\+001B; remove it$" "set: names the character and its position"
clean "set: the refused ESC"
run -d "$db" set 1 "description=ab${rlo}cd"
expect_status 2 "set: U+202E in the description is refused"
expect_err "description: character 3 is U\+202E, a bidirectional control" "set: says U+202E is a bidirectional control at 3"
clean "set: the refused U+202E"
run -d "$db" set 1 "responsible=Anna${nl}Berg"
expect_status 2 "set: a line break in a one-line field is refused"
expect_err "responsible: character 5 is a line break, and this field holds one line" "set: a line break in responsible"
run -d "$db" set 1 "contact=$(printf 'a\302\205b')"
expect_status 2 "set: a C1 control (U+0085) is refused"
expect_err "contact: character 2 is the control character U\+0085" "set: says U+0085"
run -d "$db" set 1 "comment=$(printf 'a\342\200\213b')"
expect_status 2 "set: U+200B is refused"
expect_err "comment: character 2 is U\+200B, an invisible character" "set: says U+200B is invisible"
run -d "$db" set 1 "comment=$(printf '\357\273\277x')"
expect_status 2 "set: U+FEFF is refused"
run -d "$db" set 1 "comment=$(printf 'ok\377')"
expect_status 2 "set: a byte that is not UTF-8 is refused"
expect_err "comment: character 3 is the byte 0xFF, which is not UTF-8" "set: names the byte"
check "set: nothing refused was logged" [ "$(sqlite3 "$db" "SELECT count(*) FROM change_log")" = "$before" ]

# Kept as typed: line breaks and tabs in multi-line fields, spaces at the ends, joiners, combining marks.
desc=$(printf 'Rad ett\n\nRad tre  ')
run -d "$db" set 1 "description=$desc" "comment=$(printf '\tindrag')" \
	"title=$(printf 'Familj \360\237\221\251\342\200\215\360\237\221\247 e\314\201\314\201\314\201\314\201\314\201\314\201')"
expect_status 0 "set: newlines, a tab, trailing spaces, a ZWJ sequence and combining marks are accepted"
check "set: the description is stored byte for byte" [ "$(hex description 1)" = "$(hexof "$desc")" ]
check "set: the comment's leading tab is kept" [ "$(hex comment 1)" = "09696E64726167" ]
check "set: the ZWJ (U+200D) is kept" sh -c "sqlite3 '$db' 'SELECT hex(title) FROM activity WHERE id = 1' | grep -q E2808D"

# --- import: the same rule, naming the file, line, key and character
ini=$TMPD/bad.ini
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[activity.a]\ntitle = "x\\x1by"\n' >"$ini"
run -d "$db" import "$ini"
expect_status 1 "import: an ESC written as \\x1b in a title is refused"
expect_err "^styrkort: $ini: line 7: \[activity\.a\] title: character 2 is the control character U\+001B; remove it$" "import: file, line, key, character"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[activity.a]\ntitle = x\ndescription = ab%scd\n' "$rlo" >"$ini"
run -d "$db" import "$ini"
expect_status 1 "import: U+202E in a description is refused"
expect_err "line 8: \[activity\.a\] description: character 3 is U\+202E" "import: says U+202E at 3"
clean "import: the refused U+202E"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[focus.f]\nname = "a\\nb"\n' >"$ini"
run -d "$db" import "$ini"
expect_status 1 "import: a line break in a name is refused"
expect_err "\[focus\.f\] name: character 2 is a line break" "import: a line break in a one-line field"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\nvision = "Rad ett\\n\\nRad tre"\n\n[activity.a]\ntitle = x\ncomment = "\\tindrag"\n' >"$ini"
run -d "$db" import "$ini"
expect_status 0 "import: line breaks and tabs in multi-line fields are kept"
check "import: the vision's paragraph break is stored" [ "$(sqlite3 "$db" "SELECT hex(vision) FROM strategy WHERE id = 's'")" = "$(hexof "Rad ett${nl}${nl}Rad tre")" ]

# --- export of a database that already holds refused characters: U+FFFD, a warning, and it imports
sqlite3 "$db" "UPDATE activity SET description = 'Rad' || char(10) || 'a' || char(27) || '[31m' || char(8238) || 'b',
	title = 'T' || char(10) || 'U', responsible = 'x' || cast(x'ff' AS text) WHERE id = 3;
	UPDATE strategy SET vision = 'Vi' || char(8203) || 'sion' WHERE id = 'vastervik';"
run -d "$db" export --strategy vastervik
expect_status 0 "export: a database with refused characters still exports"
clean "export"
expect_err "^styrkort: warning: export: 5 characters that a file may not hold were replaced by U\+FFFD: strategy vastervik vision, position 3; activity 3 title, position 2; activity 3 description, position 6; activity 3 responsible, position 2$" "export: says how many and where, on stderr"
fffd=$(printf '\357\277\275')
expect_out "^description = Rad\\\\na${fffd}\\[31m${fffd}b$" "export: U+FFFD in place of ESC and U+202E; the line break kept (as \\\\n)"
expect_out "^title = T${fffd}U$" "export: the line break of a one-line title replaced too"
cp "$TMPD/out" "$TMPD/exported.ini"
run init "$TMPD/again.db"
run -d "$TMPD/again.db" import "$TMPD/exported.ini"
expect_status 0 "export: its output imports"

# --- no escape sequence from a file or the database reaches a terminal, in any output or message
e="'x' || char(27) || '[31m' || char(8238) || 'y'"
d2=$TMPD/dirty.db
run init "$d2" --sample vastervik
sqlite3 "$d2" "UPDATE strategy SET municipality = $e, title = $e, owner = $e, vision = $e, purpose = $e,
		adopted_on = $e, valid_from = $e, valid_to = $e, doc_type = $e, adopted_by = $e;
	UPDATE focus_area SET name = $e, purpose = $e;
	UPDATE responsible_body SET name = $e;
	UPDATE goal SET title = $e, description = $e;
	UPDATE indicator SET name = $e, unit = $e, source = $e, description = $e;
	UPDATE measurement SET entered_by = $e;
	UPDATE activity SET title = $e, description = $e, responsible = $e, contact = $e, comment = $e,
		start_date = $e, due_date = $e, changed_by = $e, changed_at = $e;
	INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, comment, batch)
		VALUES ($e, $e, 'vastervik', 'activity', 1, $e, $e, $e, $e, $e, 1);
	INSERT INTO review (strategy_id, date, note, created_by, created_at) VALUES ('vastervik', $e, $e, $e, $e);"
# Ids and periods too (no import would have written them): export still writes no raw ESC.
cp "$d2" "$TMPD/keys.db"
sqlite3 "$TMPD/keys.db" "UPDATE focus_area SET key = 'f' || $e || id; UPDATE goal SET key = 'g' || $e || id;
	UPDATE indicator SET key = 'i' || $e || id; UPDATE activity SET ref = 'a' || $e || id;
	UPDATE measurement SET period = period || char(27);"
check "the ids and periods hold ESC" [ "$(sqlite3 "$TMPD/keys.db" "SELECT count(*) FROM measurement WHERE period LIKE '%' || char(27)")" -gt 0 ]
run -d "$TMPD/keys.db" export
expect_status 0 "export of a database with ESC in its ids and periods"
clean "export of ids and periods"
for args in "report" "report --format markdown" "report --format csv" "report --since last-review" \
	"report --since 2000-01-01" "report --since 2000-01-01 --format markdown" "log" "log --activity 1" "review list" "export"; do
	# shellcheck disable=SC2086
	run -d "$d2" $args
	expect_status 0 "$args of a database holding ESC and U+202E"
	clean "$args"
done
# Messages: values, keys, section names, file names and database text in errors, warnings and success lines.
run -d "$db" set 1 "status=a${esc}[31m${rlo}b"
clean "set: a refused status value in the message"
run -d "$db" set 1 "due=a${esc}[31m${rlo}b"
clean "set: a refused date in the message"
run -d "$db" set 1 "focus=a${esc}[31m${rlo}b"
clean "set: a refused focus key in the message"
run -d "$db" set 1 "x${esc}[31m${rlo}=1"
clean "set: an unknown field name in the message"
run -d "$db" set "1${esc}[31m${rlo}" status=done
clean "set: a bad activity number in the message"
run -d "$db" report --since "2026${esc}[31m${rlo}"
clean "report --since: a bad date in the message"
run -d "$db" report --strategy "s${esc}[31m${rlo}"
clean "report --strategy: a bad id in the message"
run -d "$db" "--colour${esc}[31m${rlo}"
clean "an unknown option in the message"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[activity.a]\ntitle = x\nstatus = d%s[31m%sy\n' "$esc" "$rlo" >"$ini"
run -d "$db" import "$ini"
clean "import: a bad status value in the message"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[activity.a]\ntitle = x\nk%s[31m%sy = 1\n' "$esc" "$rlo" >"$ini"
run -d "$db" import "$ini"
clean "import: an unknown key in the message"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[activity.a%s[31m%s]\ntitle = x\n' "$esc" "$rlo" >"$ini"
run -d "$db" import "$ini"
clean "import: a section name in the message"
printf '[strategy]\nid = s\nmunicipality = M\ntitle = T\n\n[indicator.i]\ngoal = g\nname = n\nvalue.20%s[31m%s = 1\n' "$esc" "$rlo" >"$ini"
run -d "$db" import "$ini"
clean "import: a period in the message"
evil="$TMPD/a${esc}[31m${rlo}b.ini"
printf '[strategy]\nid = s2\nmunicipality = M\ntitle = T\n' >"$evil"
run -d "$db" import "$evil"
expect_status 0 "import of a file whose name holds ESC and U+202E"
clean "import: the file name in the success line"
printf 'indicator,period,sex,value\ni%s[31m%s,2023,T,1\n' "$esc" "$rlo" >"$TMPD/m.csv"
run -d "$db" measurements "$TMPD/m.csv"
clean "measurements: an indicator id in the message"
run -d "$db" measurements "$TMPD/none${esc}[31m${rlo}.csv"
clean "measurements: a missing file's name in the message"
run -d "$db" --strategy vastervik review add "2026${esc}[31m${rlo}"
clean "review add: a bad date in the message"
run -d "$db" --strategy vastervik review add --note "n${esc}[31m${rlo}"
clean "review add: a refused note"
expect_status 2 "review add: a note with ESC is refused as set refuses it"
printf '[display]\ncolor = a%s[31m%sb\n' "$esc" "$rlo" >"$TMPD/c.ini"
run -d "$db" -c "$TMPD/c.ini" report
clean "configuration: a bad value in the message"
# --- grapheme clusters: shown as every terminal draws them alike, so a report keeps its columns
# 👍🏽 (skin tone), 👩‍💻 (ZWJ), 🇸🇪 (flag), e + U+0301, U+200B and U+202E in a focus area's name and a goal's title.
raw="'Tumme ' || char(128077, 127997) || ' ' || char(128105, 8205, 128187) || ' ' || char(127480, 127466)
	|| ' e' || char(769) || ' x' || char(8203) || 'y' || char(8238)"
shown=$(printf 'Tumme \360\237\221\215 \360\237\221\251\360\237\222\273 SE e\314\201 x?y?')
ascii='Tumme AA AAAA SE e x?y?'
for f in emoji ascii; do
	run init "$TMPD/$f.db" --sample vastervik
done
sqlite3 "$TMPD/emoji.db" "UPDATE focus_area SET name = $raw WHERE id = 1; UPDATE goal SET title = $raw WHERE id = 1;"
sqlite3 "$TMPD/ascii.db" "UPDATE focus_area SET name = '$ascii' WHERE id = 1; UPDATE goal SET title = '$ascii' WHERE id = 1;"
run -d "$TMPD/ascii.db" report
cp "$TMPD/out" "$TMPD/ascii.txt"
run -d "$TMPD/emoji.db" report
expect_status 0 "report of a name with emoji, a flag, a combining mark and format characters"
expect_out "^  1\\. $(printf '%s' "$shown" | sed 's/?/\\?/g')  " "report: 👍🏽 as 👍, 👩‍💻 as 👩💻, 🇸🇪 as SE, é kept, U+200B and U+202E as ?"
if sed "s/$shown/$ascii/" "$TMPD/out" | cmp -s - "$TMPD/ascii.txt"; then
	ok "report: the bars after the name stand where they stand after an ASCII name of the same width"
else
	not_ok "report: the columns moved"; sed "s/$shown/$ascii/" "$TMPD/out" | diff - "$TMPD/ascii.txt" | head -8 | sed 's/^/# /'
fi
# hidden DESCRIPTION: no joiner, skin tone, regional indicator, U+200B or U+202E in the output.
hidden() {
	if cat "$TMPD/out" "$TMPD/err" | od -An -tx1 | tr -d ' \n' | grep -Eq 'e2808d|f09f8fbd|f09f87|e2808b|e280ae'; then
		not_ok "$1: a joiner, skin tone, regional indicator or format character reached the output"
	else
		ok "$1: no joiner, skin tone, regional indicator or format character in the output"
	fi
}
hidden "report"
for args in "report --format markdown" "report --format csv" "report --width 40"; do
	# shellcheck disable=SC2086
	run -d "$TMPD/emoji.db" $args
	expect_status 0 "$args of a name with clusters"
	hidden "$args"
done
tap_done
