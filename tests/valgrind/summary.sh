#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/valgrind/summary.sh: the figures of 'make valgrind' from its logs; exits 1 on any error memcheck reported.
dir=$1
n=$(ls "$dir"/*.log 2>/dev/null | wc -l)
count() { cat "$dir"/*.log 2>/dev/null | grep -c -- "$1"; }
invalid=$(count '== Invalid \(read\|write\|free\)')
uninit=$(count '== \(Conditional jump or move depends on uninitialised\|Use of uninitialised\|Syscall param .* uninitialised\)')
definite=$(cat "$dir"/*.log 2>/dev/null | grep -- '== *definitely lost:' | grep -vc 'definitely lost: 0 bytes')
errors=$(cat "$dir"/*.log 2>/dev/null | sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
echo "valgrind memcheck: $n processes; $invalid invalid reads/writes/frees, $uninit uses of uninitialised values, $definite processes with definite leaks, $errors errors in all"
if [ "$errors" -ne 0 ] || [ "$invalid" -ne 0 ] || [ "$uninit" -ne 0 ] || [ "$definite" -ne 0 ]; then
	grep -l 'ERROR SUMMARY: [1-9]' "$dir"/*.log | head -5 | while read -r log; do
		echo "== $log"; grep -v '^==[0-9]*== *$' "$log" | sed -n '/Command:/p; /ERROR SUMMARY: [1-9]/q; /== [A-Z]/,/^==[0-9]*== *$/p' | head -60
	done
	exit 1
fi
[ "$n" -gt 0 ]
