#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/licence.sh: the GNU conventions: --version names the licence and the warranty,
# --help ends with where to report bugs, COPYING is the licence, every source file says its licence.
. "$top_srcdir/tests/lib.sh"
run --version
expect_status 0 "--version"
expect_out '^styrkort [0-9]+\.[0-9]+\.[0-9]+$' "--version starts with the name and version"
expect_out '^Copyright \(C\) [0-9]{4}' "--version has a copyright line"
expect_out 'GPLv3\+' "--version names the licence"
expect_out 'NO WARRANTY' "--version says there is no warranty"
run --help
expect_status 0 "--help"
last=$(printf '%s\n' "$out" | tail -n 2)
printf '%s\n' "$last" | grep -q '^Report bugs to: https://' && ok "--help ends with where to report bugs" ||
	not_ok "--help does not end with where to report bugs: $last"
check "COPYING is the GNU GPL version 3" grep -q 'GNU GENERAL PUBLIC LICENSE' "$top_srcdir/COPYING"
check "configure names a real-looking address, not a placeholder" sh -c "! grep -q 'example\.org' '$top_srcdir/configure.ac'"
missing=$(cd "$top_srcdir" && for f in src/*.c src/*.h src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h tests/*.sh tests/*/*.sh .ci/run fuzz/*.c fuzz/*.h fuzz/*.sh fuzz/*.mk \
		Makefile.am configure.ac; do
	case $f in src/core/gettext.h) continue ;; esac
	head -n 3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"
done)
check "every source file has an SPDX licence line${missing:+ (missing: $(echo $missing))}" [ -z "$missing" ]
tap_done
