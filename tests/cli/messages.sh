#!/bin/sh
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
run -d "$db" set 1 status=done comment="Klart"
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

tap_done
