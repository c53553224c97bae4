#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/huge.sh: endless and huge inputs (/dev/zero, a sparse 1 GB file, a line of 100 MB, a
# line just under the limit) given to every reader of outside input - strategy files, measurements
# (CSV and JSON), the three configuration files, the database - are refused after the 16 MiB limit
# (styrkort(5)) with a message, in bounded memory, and change nothing.  Inputs just under the limit
# take time linear in their size: under AddressSanitizer (whose realloc always copies) libcsv's
# fixed growth took 374 s for one 8 MB CSV field; the timeout of 120 s says so.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/h.db
run init "$db" --sample vastervik
expect_status 0 "init"
cp "$db" "$TMPD/h.orig"
truncate -s 1G "$TMPD/sparse" || { echo "1..0 # SKIP truncate cannot make a sparse file here"; exit 0; }
# A line of 100 MB after a valid start, and one just under the limit (each format's own error then).
{ printf 'indicator,period,sex,value\n'; head -c 104857600 /dev/zero | tr '\0' x; printf '\n'; } >"$TMPD/line100m"
{ printf '[strategy]\nid = '; head -c 16000000 /dev/zero | tr '\0' x; printf '\n'; } >"$TMPD/under.ini"
{ printf 'indicator,period,sex,value\n'; head -c 16000000 /dev/zero | tr '\0' x; printf '\n'; } >"$TMPD/under.csv"
{ printf '{"values": "'; head -c 16000000 /dev/zero | tr '\0' x; printf '"}\n'; } >"$TMPD/under.json"
# A quoted CSV field of 15 MB over 1.5 million lines.
{ printf 'indicator,period,sex,value\na,"'; yes xxxxxxxxx | head -n 1500000; printf '",T,1\n'; } >"$TMPD/quoted.csv"
# Memory: GNU time's maximum resident size, unless the binary runs under AddressSanitizer.
if [ -x /usr/bin/time ] && ! ldd "$STYRKORT" 2>/dev/null | grep -q libasan; then timed=yes; else timed=no; fi
# bounded DESCRIPTION STATUS PATTERN ARGS...: styrkort ARGS exits with STATUS, its message matches
# PATTERN, and (with GNU time) it never held more than 128 MiB.  timeout only guards against a hang.
bounded() {
	local d=$1 want=$2 pattern=$3 kb
	shift 3
	if [ $timed = yes ]; then
		timeout 120 /usr/bin/time -f '%M' -o "$TMPD/rss" "$STYRKORT" "$@" >/dev/null 2>"$TMPD/err"
	else
		timeout 120 "$STYRKORT" "$@" >/dev/null 2>"$TMPD/err"
	fi
	status=$?
	err=$(cat "$TMPD/err")
	expect_status "$want" "$d"
	expect_err "$pattern" "$d: says why"
	if [ $timed = yes ]; then
		kb=$(tail -1 "$TMPD/rss")
		check "$d: at most 128 MiB of memory ($kb KiB)" [ "$kb" -lt 131072 ]
	fi
}
limit="the file is larger than 16 MiB, the limit for an input file"
for input in /dev/zero "$TMPD/sparse" "$TMPD/line100m"; do
	name=${input##*/}
	bounded "import $name" 1 "$limit" -d "$db" import "$input"
	bounded "import --dry-run $name" 1 "$limit" -d "$db" import --dry-run "$input"
	bounded "measurements $name" 1 "$limit" -d "$db" measurements "$input"
	bounded "--config $name" 2 "$limit" -d "$db" -c "$input" report
	STYRKORT_SYSCONFIG=$input bounded "/etc/styrkort.ini as $name" 2 "$limit" -d "$db" report
	mkdir -p "$TMPD/xdg/styrkort"
	ln -sf "$input" "$TMPD/xdg/styrkort/styrkort.ini"
	XDG_CONFIG_HOME=$TMPD/xdg bounded "the user's styrkort.ini as $name" 2 "$limit" -d "$db" report
	rm -f "$TMPD/xdg/styrkort/styrkort.ini"
done
# A pipe that never ends.
bounded "import from an endless pipe" 1 "$limit" -d "$db" import /dev/stdin </dev/zero
# Just under the limit: read, and refused by the format's own rule at its line.
bounded "import: a line of 16 MB" 1 "under\\.ini: line 2: the line is too long" -d "$db" import "$TMPD/under.ini"
bounded "measurements: a CSV line of 16 MB" 1 "under\\.csv: line 2: " -d "$db" measurements "$TMPD/under.csv"
bounded "measurements: a JSON string of 16 MB" 1 "under\\.json: " -d "$db" measurements "$TMPD/under.json"
bounded "measurements: a quoted CSV field of 15 MB over many lines" 1 "quoted\\.csv: line [0-9]+: " -d "$db" measurements "$TMPD/quoted.csv"
bounded "--config: a line of 16 MB" 2 "under\\.ini: line 2: the line is too long" -d "$db" -c "$TMPD/under.ini" report
# The database itself: an endless device, a sparse 1 GB file.
bounded "-d /dev/zero" 1 "not a regular file" -d /dev/zero report
bounded "-d a sparse 1 GB file" 1 "not an SQLite database" -d "$TMPD/sparse" report
rm -f "$TMPD/line100m" "$TMPD/sparse"
check "nothing was changed" cmp -s "$db" "$TMPD/h.orig"
tap_done
