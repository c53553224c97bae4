#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/verified.sh: the verified stamp (user.styrkort.verified): a commit that began on a file
# found good stamps it, so the next write skips PRAGMA quick_check; any write since (sqlite3, dd,
# python) changes the file's mtime, so a damaged file is still refused; without user attributes,
# quick_check once per program as before (DAMAGED FILES in styrkort(1), "Writes" in HACKING).
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP needs sqlite3 and python3"; exit 0; }
trace=$TMPD/trace
# traced CMD...: styrkort with STYRKORT_WRITE_TRACE, the trace of this command alone in $trace.
traced() { : >"$trace"; STYRKORT_WRITE_TRACE=$trace; export STYRKORT_WRITE_TRACE; run "$@"; unset STYRKORT_WRITE_TRACE; }
traced_has() { if grep -q "$1" "$trace"; then ok "$2"; else not_ok "$2: the trace lacks '$1':"; sed 's/^/# /' "$trace"; fi; }
traced_lacks() { if grep -q "$1" "$trace"; then not_ok "$2: the trace has '$1':"; sed 's/^/# /' "$trace"; else ok "$2"; fi; }
# stamp FILE: the file's stamp, or nothing.
stamp() { python3 -c "import os, sys
try: print(os.getxattr(sys.argv[1], 'user.styrkort.verified').decode())
except OSError: pass" "$1"; }
# poke FILE OFFSET BYTE COUNT: overwrite COUNT bytes at OFFSET with BYTE, in place.
poke() { python3 -c "import sys; f = open(sys.argv[1], 'r+b'); f.seek(int(sys.argv[2])); f.write(bytes([int(sys.argv[3])]) * int(sys.argv[4]))" "$@"; }
# Does this file system keep user attributes (tmpfs before Linux 6.6 does not)?
: >"$TMPD/probe"
if python3 -c "import os, sys; os.setxattr(sys.argv[1], 'user.probe', b'1')" "$TMPD/probe" 2>/dev/null; then xattrs=1; else xattrs=0; fi
# stamped DESCRIPTION: with user attributes, the trace and the file say the commit stamped it.
stamped() {
	if [ $xattrs = 0 ]; then ok "# SKIP $1: this file system keeps no user attributes"; return; fi
	traced_has "^stamp set" "$1: the commit stamped the file"
	case $(stamp "$f") in "1 "*) ok "$1: the file carries the stamp";; *) not_ok "$1: no stamp: '$(stamp "$f")'";; esac
}
# skipped DESCRIPTION: with user attributes, the write found the stamp and did not run quick_check.
skipped() {
	if [ $xattrs = 0 ]; then ok "# SKIP $1: this file system keeps no user attributes"; return; fi
	traced_has "^check stamp" "$1: the stamp matched"
	traced_lacks "quick_check" "$1: no quick_check"
}

f=$TMPD/plan.db
traced init "$f" --sample vastervik
expect_status 0 "init"
stamped "init"
traced -d "$f" set 1 progress=55
expect_status 0 "a set"
skipped "a set after init"
stamped "a set"
traced_has "^lock [0-9.]* ms commit" "the trace says how long the write held the lock"
traced -d "$f" review add 2026-11-20
expect_status 0 "review add"
skipped "review add after a set"

# Another program's write: the next write reads the whole file again, then stamps it.
sqlite3 "$f" "UPDATE activity SET progress = 3 WHERE number = 2"
traced -d "$f" set 1 progress=56
expect_status 0 "a set after sqlite3 wrote the file"
traced_has "^check quick_check" "after sqlite3's write: quick_check"
stamped "after sqlite3's write"
traced -d "$f" set 1 progress=57
skipped "the write after that"

# Damage after a good write (the stamp is there): poke changes the file's mtime, so the stamp
# no longer matches, quick_check runs and the write is refused as before.
pagesize=$(sqlite3 "$f" "PRAGMA page_size")
root=$(sqlite3 "$f" "SELECT rootpage FROM sqlite_master WHERE name = 'activity_by_due'")
zeros=$(sqlite3 "$f" "SELECT rootpage FROM sqlite_master WHERE name = 'activity'")
cp "$f" "$TMPD/good.db"
poke "$f" $(( (root - 1) * pagesize + 8 )) 255 40
cp "$f" "$TMPD/damaged.orig"
for cmd in "set 1 progress=58" "review add 2026-11-21" "set 1 progress=58"; do
	# shellcheck disable=SC2086
	traced -d "$f" $cmd
	expect_status 1 "damaged after a stamped write: $cmd is refused"
	expect_err "^styrkort: $f: the file is damaged \(PRAGMA quick_check: .*backup" "damaged after a stamped write: $cmd: says so"
	traced_has "^check quick_check" "damaged after a stamped write: $cmd: quick_check ran"
	traced_lacks "^stamp set" "damaged after a stamped write: $cmd: no stamp"
done
check "damaged after a stamped write: the file is left as it was" cmp -s "$f" "$TMPD/damaged.orig"

# The same with a page of zeros written by dd into a stamped file.
g=$TMPD/zeros.db
run init "$g" --sample vastervik
traced -d "$g" set 1 progress=55
expect_status 0 "zeros: a good write first"
dd if=/dev/zero of="$g" bs="$pagesize" seek=$((zeros - 1)) count=1 conv=notrunc 2>/dev/null
cp "$g" "$TMPD/zeros.orig"
traced -d "$g" set 1 progress=56
expect_status 1 "zeros after a stamped write: set is refused"
expect_err "the file is damaged .*quick_check" "zeros after a stamped write: says so"
check "zeros after a stamped write: the file is left as it was" cmp -s "$g" "$TMPD/zeros.orig"

# A copy that keeps the attribute (cp -a) is another file (inode): checked in full.
h=$TMPD/copy.db
run -d "$TMPD/good.db" set 1 progress=59
cp -a "$TMPD/good.db" "$h" 2>/dev/null || cp "$TMPD/good.db" "$h"
traced -d "$h" set 1 progress=60
expect_status 0 "a copy: written"
traced_has "^check quick_check" "a copy, attributes and all: quick_check"

# Without user attributes (a file system that keeps none): quick_check once per program, as before.
STYRKORT_TEST_STAMP=unsupported; export STYRKORT_TEST_STAMP
for i in 1 2; do
	traced -d "$h" set 1 progress=6$i
	expect_status 0 "no attributes: set $i"
	traced_has "^check quick_check" "no attributes: set $i runs quick_check"
	traced_lacks "^stamp set" "no attributes: set $i sets no stamp"
done
traced -d "$f" set 1 progress=58
expect_status 1 "no attributes: the damaged file is refused"
unset STYRKORT_TEST_STAMP
tap_done
