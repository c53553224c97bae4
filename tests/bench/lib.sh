# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/lib.sh: the helpers of make bench's scripts (run.sh, writes.sh): medians, timing, one line per figure.
# Sourced after RUNS is set.
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }
now_ms() { date +%s%N | awk '{ printf "%.1f\n", $1 / 1e6 }'; }
# ms CMD...: the median wall-clock milliseconds of CMD, output thrown away.
ms() {
	local i t0
	for i in $(seq $RUNS); do
		t0=$(now_ms); "$@" >/dev/null 2>&1; echo "$(now_ms) $t0" | awk '{ print $1 - $2 }'
	done | median
}
# line NAME VALUE PEER TARGET-RATIO UNIT: prints the figure and whether VALUE <= TARGET × PEER.
line() {
	awk -v n="$1" -v v="$2" -v p="$3" -v t="$4" -v u="$5" 'BEGIN {
		if (p == "-" || v == "-") { printf "%-36s %10s %10s %7s %7s  skipped\n", n, v u, p u, "-", "≤" t "×"; exit }
		r = p > 0 ? v / p : 0
		printf "%-36s %8.1f%s %8.1f%s %6.2f× %7s  %s\n", n, v, u, p, u, r, "≤" t "×", (r <= t ? "met" : "NOT met") }'
}
# absolute NAME VALUE LIMIT UNIT: a figure with an absolute target.
absolute() {
	awk -v n="$1" -v v="$2" -v l="$3" -v u="$4" 'BEGIN {
		printf "%-36s %10s %10s %7s %7s  %s\n", n, v u, "-", "-", "≤" l u, (v != "-" && v + 0 <= l + 0 ? "met" : "NOT met") }'
}
