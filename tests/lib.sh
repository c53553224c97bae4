# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib.sh: helpers for the shell tests (CLI and end-to-end); sourced by each test.
# Each test prints TAP ("ok N - what" / "not ok N - what") and ends with tap_done.
set -u
: "${top_builddir:=.}"
: "${top_srcdir:=.}"
STYRKORT=${STYRKORT:-$top_builddir/src/styrkort}
GOLDEN=$top_srcdir/tests/cli/golden
# A fixed world: no user configuration, a fixed today, a known user, and an English UI set
# through the system configuration (tests/english.ini) and, for the messages printed before a
# configuration is read (usage errors, a broken configuration, --help), LANGUAGE=en; never
# through the locale: the tests run in the locale they are given (.ci/run runs them under
# C.UTF-8 and under sv_SE.UTF-8), and only a test about the locale sets one.  With no locale
# at all, C.UTF-8.
export STYRKORT_SYSCONFIG=$top_srcdir/tests/english.ini XDG_CONFIG_HOME=/nonexistent XDG_DATA_HOME=/nonexistent
export STYRKORT_TODAY=2026-11-22 LOGNAME=tester USER=tester LANGUAGE=en
[ -n "${LC_ALL:-}${LC_CTYPE:-}${LANG:-}" ] || export LANG=C.UTF-8
unset STYRKORT_DB NO_COLOR
tap_n=0
tap_failed=0
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/styrkort-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
# check DESCRIPTION COMMAND...: ok if the command succeeds.
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
# run CMD...: runs styrkort, leaving $out, $err and $status.
run() {
	"$STYRKORT" "$@" >"$TMPD/out" 2>"$TMPD/err"
	status=$?
	out=$(cat "$TMPD/out")
	err=$(cat "$TMPD/err")
}
# expect_status N DESCRIPTION
expect_status() {
	if [ "$status" -eq "$1" ]; then ok "$2 (exit $1)"; else not_ok "$2: exit $status, expected $1; stderr: $err"; fi
}
# expect_err PATTERN DESCRIPTION: stderr matches the extended regular expression.
expect_err() {
	if printf '%s\n' "$err" | grep -Eq -- "$1"; then ok "$2"; else not_ok "$2: stderr '$err' lacks /$1/"; fi
}
expect_out() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then ok "$2"; else not_ok "$2: stdout lacks /$1/"; fi
}
# golden NAME DESCRIPTION: stdout equals tests/cli/golden/NAME (STYRKORT_REGOLD=1 rewrites it).
golden() {
	if [ -n "${STYRKORT_REGOLD:-}" ]; then cp "$TMPD/out" "$GOLDEN/$1"; fi
	if diff -u "$GOLDEN/$1" "$TMPD/out" >"$TMPD/diff"; then ok "$2"; else not_ok "$2"; sed 's/^/# /' "$TMPD/diff" | head -40; fi
}
tap_done() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# db_lock MODE FILE: another program (sqlite3) takes FILE's lock (IMMEDIATE: a writer; EXCLUSIVE:
# a commit under way, which readers wait for too) and keeps it until db_unlock.
db_lock() {
	rm -f "$TMPD/to" "$TMPD/from"
	mkfifo "$TMPD/to" "$TMPD/from"
	sqlite3 "$2" <"$TMPD/to" >"$TMPD/from" 2>&1 &
	locker=$!
	exec 3>"$TMPD/to" 4<"$TMPD/from"
	printf 'BEGIN %s;\nSELECT count(*) FROM activity;\n' "$1" >&3
	read -r _ <&4
}
db_unlock() {
	printf 'ROLLBACK;\n.quit\n' >&3
	exec 3>&- 4<&-
	wait "$locker"
}
