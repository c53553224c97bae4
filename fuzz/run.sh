#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz/run.sh SRCDIR HARNESS...: runs each harness $FUZZ_SECONDS seconds from its seeds (fuzz/corpus/NAME)
# and its dictionary (fuzz/dict/NAME.dict); prints one line per harness with libFuzzer's figures;
# exits 1 if one found a crash, a leak or a timeout (the input is in $O/crashes, the log in $O/NAME.log).
# FUZZ_SECONDS=0 only builds them (libFuzzer would read 0 as "for ever").
src=$1; shift
: "${O:=fuzz-build}" "${FUZZ_SECONDS:=60}"
if [ "$FUZZ_SECONDS" = 0 ]; then
	echo "built: $*"; exit 0
fi
failed=0
for h in "$@"; do
	mkdir -p "$O/corpus/$h" "$O/crashes"
	log=$O/$h.log
	"$O/bin/fuzz_$h" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-dict="$src/fuzz/dict/$h.dict" -artifact_prefix="$O/crashes/$h-" \
		"$O/corpus/$h" "$src/fuzz/corpus/$h" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
	if [ $rc -eq 0 ]; then
		echo "PASS: fuzz $h: ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}"
	else
		failed=1
		echo "FAIL: fuzz $h (exit $rc): $(grep -m 1 -E '^(==[0-9]+==ERROR|SUMMARY|fuzz: |.*runtime error)' "$log")"
		echo "  input: $(ls -t "$O/crashes/$h-"* 2>/dev/null | head -n 1); log: $log"
	fi
done
exit $failed
