#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/inputs.sh: every input is read once and the same way: INI lines, pipes, BOM, UTF-16, endless input.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/i.db
run init "$db" --sample vastervik
expect_status 0 "init"
before=$("$STYRKORT" -d "$db" export --strategy vastervik | cksum)
unchanged() { check "$1: the database is unchanged" [ "$("$STYRKORT" -d "$db" export --strategy vastervik | cksum)" = "$before" ]; }
printf '[strategy]\nid = prov\nmunicipality = Provkommun\nmunicipality_code = 0880\ntitle = Prov\n[goal.g]\ntitle = Mål\n[indicator.syss]\ngoal = g\nname = Andel\n' > "$TMPD/s.ini"

# Text after a section's ']': iniparser read a key where we read a section, and crashed.
printf '[strategy]\nid = prov\nmunicipality = P\ntitle = T\n[focus.f] name = Fokus\n' > "$TMPD/after.ini"
run -d "$db" import "$TMPD/after.ini"
expect_status 1 "a strategy file with text after a section's ]"
expect_err "after.ini: line 5: text after the section's '\]'" "it names the line"
unchanged "text after ]"
printf '[report]\nwidth = 60\n[display] color = never\n' > "$TMPD/after-c.ini"
run -d "$db" -c "$TMPD/after-c.ini" report
expect_status 2 "a configuration file with text after a section's ]"
# A configuration error may come before the configured language: either language will do.
expect_err "after-c.ini: (line|rad) 3: text (after the section's|efter avsnittets) '\]'" "it names the line"
mkdir -p "$TMPD/xdg/styrkort"
cp "$TMPD/after-c.ini" "$TMPD/xdg/styrkort/styrkort.ini"
XDG_CONFIG_HOME=$TMPD/xdg run -d "$db" export --strategy vastervik
expect_status 2 "the same in the user's configuration: every command says so"
expect_err "styrkort.ini: (line|rad) 3: text (after the section's|efter avsnittets) '\]'" "it names the user's file and line"
printf '[strategy]\nid = prov\nmunicipality = P\ntitle = "T" och mer\n' > "$TMPD/quote.ini"
run -d "$db" import "$TMPD/quote.ini"
expect_status 1 "text after a closing quote"
expect_err "quote.ini: line 4: \[strategy\] title: text after the closing \"" "it names the line"

# A pipe is read once.
run -d "$db" import /dev/stdin <"$TMPD/s.ini"
expect_status 0 "import /dev/stdin"
cat "$TMPD/s.ini" | "$STYRKORT" -d "$db" import /dev/stdin >"$TMPD/out" 2>"$TMPD/err"
status=$? err=$(cat "$TMPD/err")
expect_status 0 "import /dev/stdin from a pipe"
run -d "$db" export --strategy prov
expect_out '^title = Mål$' "what came through the pipe was imported"
printf 'indicator,period,sex,value\nsyss,2024,T,51\n' | "$STYRKORT" -d "$db" measurements /dev/stdin >"$TMPD/out" 2>"$TMPD/err"
status=$? err=$(cat "$TMPD/err")
expect_status 0 "measurements /dev/stdin, CSV from a pipe"
printf '{"values": [{"kpi": "syss", "municipality": "0880", "period": 2025, "values": [{"gender": "T", "value": 52}]}]}' |
	"$STYRKORT" -d "$db" measurements /dev/stdin >"$TMPD/out" 2>"$TMPD/err"
status=$? err=$(cat "$TMPD/err")
expect_status 0 "measurements /dev/stdin, JSON from a pipe"
run -d "$db" export --strategy prov
expect_out '^value\.2024 = 51$' "the CSV value came through"
expect_out '^value\.2025 = 52$' "the JSON value came through"
run -d "$db" -c /dev/stdin report --strategy prov <"$TMPD/after-c.ini"
expect_status 2 "configuration from /dev/stdin is read like a file"

# A UTF-8 byte-order mark is accepted in every format.
bom=$(printf '\357\273\277')
{ printf '%s' "$bom"; cat "$TMPD/s.ini"; } >"$TMPD/bom.ini"
run -d "$db" import "$TMPD/bom.ini"
expect_status 0 "a strategy file with a BOM"
{ printf '%s' "$bom"; printf '[report]\nwidth = 60\n'; } >"$TMPD/bom-c.ini"
run -d "$db" -c "$TMPD/bom-c.ini" report --strategy prov
expect_status 0 "a configuration file with a BOM"
{ printf '%s' "$bom"; printf 'indicator,period,sex,value\nsyss,2026,T,53\n'; } >"$TMPD/bom.csv"
run -d "$db" measurements "$TMPD/bom.csv"
expect_status 0 "a CSV file with a BOM"
{ printf '%s' "$bom"; printf '{"values": [{"kpi": "syss", "municipality": "0880", "period": 2027, "values": [{"gender": "T", "value": 54}]}]}'; } >"$TMPD/bom.json"
run -d "$db" measurements "$TMPD/bom.json"
expect_status 0 "a JSON file with a BOM"

# UTF-16 (Excel's "Unicode text"), little- and big-endian, with a BOM: "save it as UTF-8".
utf16() { { printf "$2"; iconv -f UTF-8 -t "$1" "$3"; } >"$4"; }
for enc in UTF-16LE UTF-16BE; do
	if [ $enc = UTF-16LE ]; then b='\377\376'; else b='\376\377'; fi
	utf16 $enc "$b" "$TMPD/s.ini" "$TMPD/u.ini"
	run -d "$db" import "$TMPD/u.ini"
	expect_status 1 "$enc: a strategy file is refused"
	expect_err "u.ini: the file is in UTF-16 .*save it as UTF-8" "$enc: it says to save it as UTF-8"
	utf16 $enc "$b" "$TMPD/bom.csv" "$TMPD/u.csv"
	run -d "$db" measurements "$TMPD/u.csv"
	expect_status 1 "$enc: a CSV file is refused"
	expect_err "u.csv: the file is in UTF-16 .*save it as UTF-8" "$enc: it says to save it as UTF-8"
	utf16 $enc "$b" "$TMPD/bom.json" "$TMPD/u.json"
	run -d "$db" measurements "$TMPD/u.json"
	expect_status 1 "$enc: a JSON file is refused"
	expect_err "u.json: the file is in UTF-16" "$enc: JSON: it names the encoding"
	printf '[report]\nwidth = 60\n' >"$TMPD/c8.ini"
	utf16 $enc "$b" "$TMPD/c8.ini" "$TMPD/u-c.ini"
	run -d "$db" -c "$TMPD/u-c.ini" report
	expect_status 2 "$enc: a configuration file is refused"
	expect_err "u-c.ini: (the file is in|filen är i) UTF-16 .*(save it as|spara den som) UTF-8" "$enc: it says to save it as UTF-8"
done
unchanged "refused inputs"

# An endless input is refused after the size limit, not read forever.
for cmd in import measurements; do
	run -d "$db" $cmd /dev/zero
	expect_status 1 "$cmd /dev/zero"
	expect_err "/dev/zero: the file is larger than 16 MiB" "$cmd /dev/zero: it names the limit"
done
run -d "$db" -c /dev/zero report
expect_status 2 "configuration /dev/zero"
expect_err "/dev/zero: (the file is larger than|filen är större än) 16 MiB" "configuration /dev/zero: it names the limit"
unchanged "endless inputs"

# A file the previous version wrote (quoted values with escapes) means the same today.
printf '[strategy]\nid = gammal\nmunicipality = "Gamla kommunen"\ntitle = "Alla ska kunna utvecklas"\nvision = "Alla ska kunna\\nutvecklas; alla ska känna sig delaktiga."\nnote = "ett \\x22citat\\x22 och ett bakstreck\\\\"\n' >"$TMPD/old.ini"
run -d "$db" import "$TMPD/old.ini"
expect_status 0 "a file in the previous version's style"
run -d "$db" export --strategy gammal
expect_out '^vision = Alla ska kunna\\nutvecklas\\x3b alla ska känna sig delaktiga\.$' "the new line is a new line, written bare"
expect_out '^note = ett "citat" och ett bakstreck\\x5c$' "quotes and a final backslash are read as before"
check "the export has no quoted value with a backslash" sh -c "! printf '%s\n' \"\$1\" | grep -q '= \".*\\\\'" sh "$out"
tap_done
