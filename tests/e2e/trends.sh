#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/trends.sh: pane 3 with series (bars, lights, trends, sparklines, women and men with the
# gap) and an indicator's detail (the chart and the year table), as whole screens at 80x24 and
# 160x50 in English and Swedish; the sparkline in ASCII with [display] symbols = ascii.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
. "$top_srcdir/tests/e2e/screen.sh"
db=$TMPD/trends.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# Made-up values (not statistics): a total that rises by sex, one that dips and rises, one that falls.
{
	echo "indicator,period,sex,value"
	for row in utrikesfodda:2014:8.9:8.7:9.1 utrikesfodda:2015:9.6:9.3:9.9 utrikesfodda:2016:10.8:10.1:11.4 \
	           utrikesfodda:2017:11.5:10.9:12.0 sysselsatta:2019:46.9:44.0:49.8 sysselsatta:2020:45.5:43.1:47.9 \
	           sysselsatta:2021:47.8:46.0:49.6 sysselsatta:2022:49.4:48.7:50.1; do
		IFS=: read -r i y t k m <<END
$row
END
		printf '%s,%s,T,%s\n%s,%s,K,%s\n%s,%s,M,%s\n' "$i" "$y" "$t" "$i" "$y" "$k" "$i" "$y" "$m"
	done
	printf 'sfi_godkanda,2019,T,60\nsfi_godkanda,2020,T,58\nsfi_godkanda,2021,T,55\n'
} > "$TMPD/values.csv"
run measurements -d "$db" --strategy vastervik "$TMPD/values.csv"
expect_status 0 "measurements for the screens"

for lang in en sv; do
	printf '[display]\nlanguage = %s\n' "$lang" > "$TMPD/$lang.ini"
	for size in 80x24 160x50; do
		tmux_start "${size%x*}" "${size#*x}" "$STYRKORT -c $TMPD/$lang.ini --strategy vastervik $db"
		screen_settle "Västerviks kommun" || not_ok "$lang $size: the dashboard starts"
		tmux_keys 3
		screen_is "$lang-3-trends-$size" "Öka andelen" "$lang $size: pane 3 with bars, lights, trends and sparklines" attrs
		# The fourth item: Andel utrikes födda i sysselsättning i kommunen.
		tmux_keys j j j Enter
		screen_is "$lang-indicator-chart-$size" "2022" "$lang $size: the indicator's chart and year table" attrs
		tmux_keys Escape q
		tmux_wait_exit || not_ok "$lang $size: q quits"
	done
done

# ASCII where the terminal cannot show block characters.
printf '[display]\nlanguage = en\nsymbols = ascii\n' > "$TMPD/ascii.ini"
tmux_start 80 24 "$STYRKORT -c $TMPD/ascii.ini --strategy vastervik $db"
screen_settle "Västerviks kommun" || not_ok "ascii: the dashboard starts"
tmux_keys 3
tmux_expect "_.:+# ^" "symbols = ascii: the sparkline and the arrow are ASCII"
tmux_keys q
tmux_wait_exit || not_ok "ascii: q quits"
# [display] symbols = auto: ASCII when the user's locale is not UTF-8 (styrkort itself then runs in C.UTF-8).
tmux_start 80 24 "env LC_ALL=C $STYRKORT --strategy vastervik $db"
screen_settle "Västerviks kommun" || not_ok "a C locale: the dashboard starts"
tmux_keys 3
tmux_expect "_.:+# ^" "symbols = auto in a C locale: ASCII"
tmux_keys q
tmux_wait_exit || not_ok "a C locale: q quits"
tmux_check_sanitizers
tap_done
