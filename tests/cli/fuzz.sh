#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/fuzz.sh: the inputs that fuzzing (make fuzz; HACKING, "Fuzzing") found to crash, to be undefined or to run unbounded, through the CLI.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/f.db
run init "$db"
expect_status 0 "init"
head='[strategy]\nid = prov\nmunicipality = Provkommun\ntitle = Prov\n[goal.g]\ntitle = Mål\n[indicator.i]\ngoal = g\nname = Andel\n'

# decimals = 1e300 was converted to a long before its range was checked (undefined; UBSan stops there).
printf "${head}decimals = 1e300\n" > "$TMPD/decimals.ini"
run -d "$db" import "$TMPD/decimals.ini"
expect_status 1 "decimals = 1e300"
expect_err "decimals.ini: line 10: \[indicator.i\] decimals = '1e300': expected a whole number of decimals from 0 to 6" "it names the line and what is accepted"
printf "${head}decimals = -1e300\n" > "$TMPD/decimals2.ini"
run -d "$db" import "$TMPD/decimals2.ini"
expect_status 1 "decimals = -1e300"
tap_done
