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

# Each key and section was checked against every one before it, and iniparser's dictionary grows the
# same way: a 16 MB file of short keys ran for hours.  An INI file holds at most 10,000 (styrkort(5)).
{ printf "$head"; awk 'BEGIN { for (i = 1; i <= 9992; i++) printf "[focus.f%d]\n", i }'; } > "$TMPD/many.ini"
run -d "$db" import "$TMPD/many.ini"
expect_status 1 "a strategy file of 10,001 sections and keys"
expect_err "many.ini: line 10001: more than 10000 sections and keys" "it names the line where the limit is passed"
sed '$d' "$TMPD/many.ini" > "$TMPD/most.ini"
run -d "$db" import --dry-run "$TMPD/most.ini"
expect_err "most.ini: line 10: \\[focus.f1\\]: the key 'name' is missing" "10,000 are read, and then checked as usual"
{ printf '[report]\n'; awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "k%d = 1\n", i }'; } > "$TMPD/many-c.ini"
run -d "$db" -c "$TMPD/many-c.ini" report
expect_status 2 "a configuration file of 10,001 sections and keys"
expect_err "many-c.ini: (line|rad) 10001: (more than 10000 sections and keys|fler än 10000 avsnitt och nycklar)" "the configuration has the same limit"

# A chain of goals, each the parent of the next: every goal walked up to the top, looking each
# parent up among all the sections at each step (the cube of their number: 27 s for 3,300 goals).
awk 'BEGIN { printf "[strategy]\nid = kedja\nmunicipality = M\ntitle = T\n";
	for (i = 1; i <= 3300; i++) { printf "[goal.g%d]\ntitle = Mål %d\n", i, i; if (i > 1) printf "parent = g%d\n", i - 1 } }' > "$TMPD/chain.ini"
run -d "$db" import --dry-run "$TMPD/chain.ini"
expect_status 0 "a chain of 3,300 goals imports"
sed 's/^title = Mål 1$/title = Mål 1\nparent = g3300/' "$TMPD/chain.ini" > "$TMPD/circle.ini"
run -d "$db" import --dry-run "$TMPD/circle.ini"
expect_err "circle.ini: line 5: \\[goal.g1\\]: the goal is its own parent" "a circle through 3,300 goals is found"
tap_done
