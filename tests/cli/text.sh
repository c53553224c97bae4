#!/bin/sh
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
expect_out "^description = \"Rad\\\\na${fffd}\\[31m${fffd}b\"$" "export: U+FFFD in place of ESC and U+202E; the line break kept (as \\\\n)"
expect_out "^title = T${fffd}U$" "export: the line break of a one-line title replaced too"
cp "$TMPD/out" "$TMPD/exported.ini"
run init "$TMPD/again.db"
run -d "$TMPD/again.db" import "$TMPD/exported.ini"
expect_status 0 "export: its output imports"
tap_done
