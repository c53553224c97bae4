#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/messages.sh: messages that send people the right way: a first run,
# output that cannot be written, a busy or half-written database.
. "$top_srcdir/tests/lib.sh"

# --- first run: the "no database" message names every way to give one
data=$TMPD/xdg
XDG_DATA_HOME=$data; export XDG_DATA_HOME
run report
expect_status 1 "first run: no database"
expect_err "^styrkort: $data/styrkort/styrkort\\.db: " "first run: names the default path"
expect_err "styrkort init $data/styrkort/styrkort\\.db" "first run: says how to create it"
expect_err "styrkort --demo" "first run: suggests --demo"
expect_err "-d FILE" "first run: names -d FILE"
expect_err '\$STYRKORT_DB' "first run: names \$STYRKORT_DB"
expect_err '\[database\] path' "first run: names [database] path"
# ... and the command it suggests works, creating the missing directories.
run init "$data/styrkort/styrkort.db"
expect_status 0 "first run: init on the default path creates its directories"
check "first run: the database exists" [ -f "$data/styrkort/styrkort.db" ]
check "first run: the directory is private to the user (0700)" [ "$(stat -c %a "$data/styrkort")" = 700 ]
run report
expect_err "holds no strategy" "first run: the default database is found"
# Elsewhere a missing directory is a mistake, not something to create.
run init "$TMPD/typo/plan.db"
expect_status 1 "init in a missing directory that is not the default one"
expect_err "^styrkort: $TMPD/typo/plan\\.db: .*$TMPD/typo" "init: names the missing directory"
check "init: created no directory elsewhere" [ ! -e "$TMPD/typo" ]
XDG_DATA_HOME=/nonexistent; export XDG_DATA_HOME

# --- output that cannot be written: a full disk is an error, a closed pipe ends quietly
db=$TMPD/all.db
run init "$db" --sample all
run -d "$db" set oxelosund:1 status=done comment="Klart"
run -d "$db" review add 2026-11-01 --strategy vastervik --note "Styrgruppsmöte"
for cmd in "export --strategy vastervik" "log" "report" "report --strategy vastervik" "review list"; do
	# shellcheck disable=SC2086
	"$STYRKORT" -d "$db" $cmd >/dev/full 2>"$TMPD/err"
	status=$?
	err=$(cat "$TMPD/err")
	expect_status 1 "$cmd into a full disk"
	expect_err "^styrkort: ${cmd%% --*}: writing the output failed: " "$cmd into a full disk: says so"
	check "$cmd into a full disk: never 'unknown error'" [ -z "$(printf '%s' "$err" | grep -i 'unknown error')" ]
	# shellcheck disable=SC2086
	"$STYRKORT" -d "$db" $cmd 2>"$TMPD/err" | head -c1 >/dev/null
	check "$cmd into a closed pipe: nothing on stderr" [ ! -s "$TMPD/err" ]
done

# --- a database that another program is writing: busy, not damaged
STYRKORT_BUSY_MS=200; export STYRKORT_BUSY_MS
cp "$db" "$TMPD/all.orig"
db_lock IMMEDIATE "$db"
run -d "$db" set oxelosund:1 status=delayed
expect_status 1 "set while another program writes"
expect_err "^styrkort: $db: the database is busy \(someone else is writing\); try again$" "set while busy: says the database is busy"
run -d "$db" review add --strategy vastervik
expect_status 1 "review add while another program writes"
expect_err "database is busy" "review add while busy: says the database is busy"
run -d "$db" import "$top_srcdir/data/vastervik.ini"
expect_err "database is busy" "import while busy: says the database is busy"
run -d "$db" report --strategy vastervik
expect_status 0 "report while another program writes: readers are not stopped"
db_unlock
db_lock EXCLUSIVE "$db"
for cmd in "report" "log" "set oxelosund:1 status=delayed" "export --strategy vastervik"; do
	# shellcheck disable=SC2086
	run -d "$db" $cmd
	expect_status 1 "$cmd while another program commits"
	expect_err "^styrkort: $db: the database is busy \(someone else is writing\); try again$" "$cmd while busy: says busy"
	check "$cmd while busy: never 'not a styrkort database'" [ -z "$(printf '%s' "$err" | grep 'not a styrkort')" ]
done
db_unlock
unchanged() { if cmp "$1" "$2" >/dev/null 2>&1; then ok "$3"; else not_ok "$3"; fi; }
unchanged "$db" "$TMPD/all.orig" "nothing was changed while busy"
run -d "$db" set oxelosund:1 status=delayed
expect_status 0 "once the other program is done, set works"
unset STYRKORT_BUSY_MS

# --- a change left half-written by a killed writer (a hot journal)
hot=$TMPD/hot.db
cp "$db" "$TMPD/w.db"
# The writer's file and journal as they are mid-transaction, after the journal was synced.
sqlite3 "$TMPD/w.db" "PRAGMA cache_size = 2; BEGIN; UPDATE activity SET comment = hex(randomblob(3000));" \
	".shell cp $TMPD/w.db $hot && cp $TMPD/w.db-journal $hot-journal" >/dev/null 2>&1
check "a hot journal was made for the test" [ -s "$hot-journal" ]
run -d "$hot" --read-only report
expect_status 1 "a hot journal, read-only"
expect_err "^styrkort: $hot: .*half-written.*someone who may write the file must open it once" "a hot journal, read-only: says who can put it right"
check "a hot journal, read-only: never 'not a styrkort database'" [ -z "$(printf '%s' "$err" | grep 'not a styrkort')" ]
check "a hot journal, read-only: the journal is left alone" [ -s "$hot-journal" ]
# The same for a user who may only read (CI runs as root, so drop to nobody).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$TMPD/bin"
	cp "$STYRKORT" "$TMPD/bin/styrkort"
	chmod 755 "$TMPD" "$TMPD/bin" "$TMPD/bin/styrkort"
	chmod 644 "$hot" "$hot-journal"
	setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$TMPD/bin/styrkort" \
		-d "$hot" report >/dev/null 2>"$TMPD/err"
	status=$?
	err=$(cat "$TMPD/err")
	expect_status 1 "a hot journal, a user who may only read"
	expect_err "^styrkort: $hot: .*half-written.*someone who may write the file must open it once" "a hot journal, a user who may only read: says who can put it right"
else
	ok "# SKIP not root: cannot test another user's permissions"
fi
run -d "$hot" report --strategy vastervik
expect_status 0 "a hot journal, opened by a writer: rolled back and read"
check "a hot journal, opened by a writer: the journal is gone" [ ! -e "$hot-journal" ]

# --- import says what it changed; --dry-run says it without writing
db=$TMPD/imp.db
ini=$top_srcdir/data/vastervik.ini
run init "$db" --sample vastervik
run -d "$db" import "$ini"
expect_status 0 "importing the same file again"
expect_err "^styrkort: $ini: strategy 'vastervik' is as the file says; nothing changed$" "importing the same file again: says nothing changed"
# The working group records its progress in the dashboard (here: set).
run -d "$db" set 2 status=done comment="Klart"
cp "$db" "$TMPD/imp.before"
n_log=$("$STYRKORT" -d "$db" log | wc -l)
run -d "$db" import --dry-run "$ini"
expect_status 0 "import --dry-run of the old file"
expect_err "^styrkort: $ini: activity a2 \\(#2\\): status: done -> in_progress$" "--dry-run: shows the status the old file would bring back"
expect_err "^styrkort: $ini: activity a2 \\(#2\\): progress: 100 -> 50$" "--dry-run: shows the progress too"
expect_err "^styrkort: $ini: activity a2 \\(#2\\): comment: Klart -> " "--dry-run: and the comment"
expect_err "^styrkort: $ini: dry run: 3 changes to strategy 'vastervik'; nothing was written$" "--dry-run: counts the changes and says nothing was written"
unchanged() { if cmp "$1" "$2" >/dev/null 2>&1; then ok "$3"; else not_ok "$3"; fi; }
unchanged "$db" "$TMPD/imp.before" "--dry-run: the database is unchanged"
check "--dry-run: nothing was logged" [ "$("$STYRKORT" -d "$db" log | wc -l)" -eq "$n_log" ]
# An edited file: a new activity, a changed title; the import says so, and does it.
sed -e 's/^title = Etableringsstrategi.*/title = Ny titel/' "$ini" > "$TMPD/new.ini"
printf '\n[activity.nytt]\ntitle = Ett nytt språkcafé\nstatus = not_started\n' >> "$TMPD/new.ini"
grep -q '^title = Ny titel' "$TMPD/new.ini" || sed -i '0,/^title = .*/s//title = Ny titel/' "$TMPD/new.ini"
run -d "$db" import "$TMPD/new.ini"
expect_status 0 "import of an edited file"
expect_err "^styrkort: $TMPD/new\\.ini: strategy: title: .* -> Ny titel$" "import: a changed field, old -> new"
expect_err "^styrkort: $TMPD/new\\.ini: activity nytt \\(#[0-9]+\\) added: Ett nytt språkcafé$" "import: an added activity"
expect_err "^styrkort: $TMPD/new\\.ini: activity a2 \\(#2\\): status: done -> in_progress$" "import: the status it brings back"
expect_err "^styrkort: $TMPD/new\\.ini: imported strategy 'vastervik'$" "import: says it imported"
run -d "$db" import --dry-run "$top_srcdir/data/gislaved.ini"
expect_err "dry run: strategy 'gislaved' would be added; nothing was written" "--dry-run of a new strategy"
run -d "$db" report --strategy gislaved
expect_status 1 "--dry-run of a new strategy added nothing"
run -d "$db" --dry-run report
expect_status 2 "--dry-run belongs to import"

tap_done
