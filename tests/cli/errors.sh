#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/errors.sh: every error path: exit status (1 runtime, 2 usage or configuration),
# messages shaped "styrkort: WHERE: WHAT", and nothing changed by a failed command.
. "$top_srcdir/tests/lib.sh"

db=$TMPD/all.db
run init "$db" --sample all
expect_status 0 "init --sample all"
cp "$db" "$TMPD/all.orig"
unchanged() { if cmp "$1" "$2" >/dev/null 2>&1; then ok "$3"; else not_ok "$3"; fi; }
# No message is a bare "error"; every line is "styrkort: ...".
shape() {
	if [ -n "$err" ] && ! printf '%s\n' "$err" | grep -qv '^styrkort: [^:]'; then ok "$1: message shape"; else not_ok "$1: message shape: '$err'"; fi
}

# --- a missing database says how to create one
run report -d "$TMPD/none.db"
expect_status 1 "missing database"
expect_err "^styrkort: $TMPD/none\\.db: .*styrkort init" "missing database: says 'styrkort init'"
expect_err "styrkort --demo" "missing database: suggests --demo"
check "missing database: opening does not create it" [ ! -e "$TMPD/none.db" ]
run report
expect_status 1 "no database anywhere: the default path"
expect_err "^styrkort: /nonexistent/styrkort/styrkort\\.db: .*styrkort init" "no database: names \$XDG_DATA_HOME/styrkort/styrkort.db"
STYRKORT_DB=$TMPD/env.db; export STYRKORT_DB
run report
expect_err "^styrkort: $TMPD/env\\.db: " "missing database: \$STYRKORT_DB is used"
run report -d "$db" --strategy vastervik
expect_status 0 "--database wins over \$STYRKORT_DB"
unset STYRKORT_DB

# --- damaged files: not SQLite, truncated, empty; exit 1 and no crash
head -c 8192 /dev/urandom >"$TMPD/random.db"
printf '[strategy]\nid = x\n' >"$TMPD/text.db"
size=$(wc -c <"$db")
head -c $((size / 2)) "$db" >"$TMPD/half.db"
head -c 4096 "$db" >"$TMPD/page.db"
: >"$TMPD/empty.db"
for f in random text half page empty; do
	cp "$TMPD/$f.db" "$TMPD/$f.orig"
	for cmd in "report" "export --strategy vastervik" "log" "import $top_srcdir/data/vastervik.ini"; do
		# shellcheck disable=SC2086
		run $cmd -d "$TMPD/$f.db"
		expect_status 1 "$f.db: $cmd"
		expect_err "^styrkort: $TMPD/$f\\.db: " "$f.db: $cmd: names the file"
	done
	shape "$f.db"
	unchanged "$TMPD/$f.db" "$TMPD/$f.orig" "$f.db: the damaged file is left as it was"
done
expect_err "not a styrkort database" "a damaged file is called 'not a styrkort database'"

# --- init never overwrites
run init "$db"
expect_status 1 "init on an existing database"
expect_err "^styrkort: $db: .*already exists" "init: says the file exists"
unchanged "$db" "$TMPD/all.orig" "init: the existing database is unchanged"
printf 'someone else\047s notes\n' >"$TMPD/notes.txt"
cp "$TMPD/notes.txt" "$TMPD/notes.orig"
run init "$TMPD/notes.txt" --sample all
expect_status 1 "init --sample all on an existing text file"
unchanged "$TMPD/notes.txt" "$TMPD/notes.orig" "init: the existing text file is unchanged"

# --- usage errors: exit 2
run --bogus
expect_status 2 "unknown option"
expect_err "^styrkort: --bogus: unknown option" "unknown option: named"
run report -d "$db" --width
expect_status 2 "missing option value"
expect_err "^styrkort: --width: .*value" "missing option value: named"
run report -d
expect_status 2 "missing value of -d"
run init "$TMPD/new.db" --sample atlantis
expect_status 2 "unknown --sample"
expect_err "^styrkort: --sample: .*atlantis.*vastervik" "unknown --sample: names it and the choices"
check "unknown --sample: no file is created" [ ! -e "$TMPD/new.db" ]
for w in abc 39 401 8O 0x50 -80 ""; do
	run report -d "$db" --width "$w"
	expect_status 2 "--width '$w'"
	expect_err "^styrkort: --width $w: .*40 to 400" "--width '$w': says what is accepted"
done
run report -d "$db" --strategy vastervik --width 080
expect_status 0 "--width 080 is decimal 80"
long=$(printf '%s\n' "$out" | wc -L)
check "--width 080: no line over 80 columns" [ "$long" -le 80 ]
run report -d "$db" --format pdf
expect_status 2 "--format pdf"
expect_err "^styrkort: --format pdf: .*text" "--format pdf: says what is accepted"
expect_err "^styrkort: --format pdf: expected one of text\\|markdown\\|csv;" "--format pdf: lists the formats from the writer table"
run report -d "$db" --strategy 'Västervik'
expect_status 2 "--strategy that is not an id"
run report -d "$db" --strategy atlantis
expect_status 1 "--strategy not in the file (a runtime error)"
expect_err "^styrkort: --strategy atlantis: .*vastervik" "--strategy atlantis: lists the strategies"
run export -d "$db" --strategy atlantis
expect_status 1 "export --strategy not in the file"
run export -d "$db"
expect_status 2 "export of a file with several strategies needs --strategy"
run report -d "$db" extra
expect_status 2 "report with an extra argument"
expect_err "^styrkort: usage: styrkort report" "extra argument: shows the usage"
run import -d "$db"
expect_status 2 "import without a file"
run init
expect_status 2 "init without a file"
run export -d "$db" --sample all
expect_status 2 "--sample outside init"
run log -d "$db" --since yesterday
expect_status 2 "log --since that is not a date"
run log -d "$db" --activity x
expect_status 2 "log --activity that is not a number"
shape "usage errors"
unchanged "$db" "$TMPD/all.orig" "usage errors: the database is unchanged"

# --- --help and --version
run --help
expect_status 0 "--help"
expect_out "^Usage:" "--help: prints the usage"
expect_out "^  styrkort \[OPTIONS\] \[FILE\]" "--help: starts with the dashboard"
expect_out "init FILE" "--help: lists init"
run --version
expect_status 0 "--version"
expect_out "^styrkort [0-9]+\\.[0-9]+" "--version: prints the version"

# --- a malformed INI changes nothing and names the file and line
idb=$TMPD/import.db
base=$TMPD/base.ini
cat >"$base" <<'INI'
[strategy]
id = testby
municipality = Testby kommun
title = Strategi

[focus.f]
name = Fokus

[goal.g]
title = Mål

[activity.a1]
title = Första
focus = f
status = in_progress
progress = 40

[activity.a2]
title = Andra
focus = f
INI
run init "$idb"
run import -d "$idb" "$base"
expect_status 0 "import a valid file"
run export -d "$idb"
export_before=$out
run log -d "$idb"
log_before=$out
n=$(($(wc -l <"$base") + 1))
bad=$TMPD/bad.ini
# case LINE DESCRIPTION PATTERN: the file with a1 changed and LINE appended to its last section.
bad_case() {
	sed 's/^status = in_progress$/status = done/' "$base" >"$bad"
	printf '%s\n' "$1" >>"$bad"
	run import -d "$idb" "$bad"
	expect_status 1 "import, $2"
	expect_err "^styrkort: $bad: line $n: .*$3" "import, $2: names the file, line $n and the problem"
	run export -d "$idb"
	check "import, $2: the database is unchanged" [ "$out" = "$export_before" ]
}
bad_case "this is not ini" "a syntax error" "this is not ini"
bad_case "title = Igen" "a duplicate key" "title.*twice"
bad_case "colour = red" "an unknown key" "colour"
bad_case "due = 2026-02-30" "a bad date" "due.*2026-02-30.*YYYY-MM-DD"
bad_case "status = finished" "a bad status" "status.*finished.*not_started"
bad_case "goal = nowhere" "a dangling goal reference" "goal.*nowhere"
bad_case "progress = 101" "a progress over 100" "progress.*101"
bad_case "[focus.f]" "a section twice" "\\[focus\\.f\\].*twice"
run log -d "$idb"
check "failed imports: nothing was logged" [ "$out" = "$log_before" ]
run import -d "$idb" "$TMPD/no-such.ini"
expect_status 1 "import of a missing file"
expect_err "^styrkort: $TMPD/no-such\\.ini: " "import of a missing file: names it"
run import -d "$idb" --read-only "$base"
expect_status 1 "import with --read-only"
expect_err "read-only" "import with --read-only: says read-only"

# --- the log after an import that changed an activity: who, and old -> new
printf '[user]\nname = Anna Andersson\n' >"$TMPD/anna.ini"
sed 's/^status = in_progress$/status = done/; s/^progress = 40$/progress = 100/' "$base" >"$TMPD/changed.ini"
run -c "$TMPD/anna.ini" import -d "$idb" "$TMPD/changed.ini"
expect_status 0 "import a changed activity"
run log -d "$idb"
expect_status 0 "log"
expect_out "Anna Andersson .*#[0-9]+ .*Första.*: Status: In progress -> Done" "log: the status change with user, old and new"
expect_out "Anna Andersson .*Första.*: Progress: 40 -> 100" "log: the progress change with user, old and new"
lines=$(printf '%s\n' "$out" | grep -c 'Anna Andersson')
check "log: exactly the two changes are logged" [ "$lines" -eq 2 ]

# --- configuration errors: exit 2, naming file and line
cfg=$TMPD/bad.cfg
cfg_case() {
	printf "$1" >"$cfg"
	run -c "$cfg" report -d "$db" --strategy vastervik
	expect_status 2 "config, $2"
	expect_err "^styrkort: $cfg: line $3: .*$4" "config, $2: names the file, line $3 and what is wrong"
}
cfg_case '[report]\nwidth = abc\n' "width = abc" 2 "width.*'abc'.*40 to 400"
cfg_case '; c\n[display]\ncolor = purple\n' "color = purple" 3 "color.*'purple'.*auto, always, never"
cfg_case '[display]\ntheme = solarized\n' "theme = solarized" 2 "\\[display\\] theme = 'solarized': expected one of auto, dark, light, high-contrast\$"
for theme in auto dark light high-contrast; do
	printf '[display]\ntheme = %s\n' "$theme" >"$cfg"
	run -c "$cfg" report -d "$db" --strategy vastervik
	expect_status 0 "config, theme = $theme is accepted"
done
cfg_case '[database]\nread_only = yesterday\n' "read_only = yesterday" 2 "read_only.*'yesterday'.*true or false"
cfg_case '[report]\nwidth = 60\nwidth = 70\n' "a duplicate key" 3 "width.*twice"
cfg_case '[report]\nwidth 60\n' "a syntax error" 2 ""
run -c "$TMPD/no-such.cfg" report -d "$db"
expect_status 2 "config: --config file missing"
expect_err "^styrkort: $TMPD/no-such\\.cfg: " "config: --config file missing: names it"
mkdir -p "$TMPD/xdg/styrkort"
printf '[report]\n\nwidth = 3\n' >"$TMPD/xdg/styrkort/styrkort.ini"
XDG_CONFIG_HOME=$TMPD/xdg; export XDG_CONFIG_HOME
run report -d "$db" --strategy vastervik
expect_status 2 "config: a bad value in \$XDG_CONFIG_HOME/styrkort/styrkort.ini"
expect_err "^styrkort: $TMPD/xdg/styrkort/styrkort\\.ini: line 3: " "config: names the user's file and line"
printf '[report]\nwidht = 60\n' >"$TMPD/xdg/styrkort/styrkort.ini"
run report -d "$db" --strategy vastervik
expect_status 0 "config: an unknown key is only a warning"
expect_err "^styrkort: warning: $TMPD/xdg/styrkort/styrkort\\.ini: line 2: .*widht" "config: the warning names file, line and key"
XDG_CONFIG_HOME=/nonexistent
printf '[database]\nread_only = on\n' >"$TMPD/ro.cfg"
run -c "$TMPD/ro.cfg" import -d "$idb" "$base"
expect_status 1 "config read_only = on: import refused"
expect_err "read-only" "config read_only = on: says read-only"
shape "configuration errors"
tap_done
