#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/themes.sh: [display] theme: the light and high-contrast themes' whole screens with their colours (256 and 8 colours), auto by COLORFGBG, and no colour and no dim with NO_COLOR.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
. "$top_srcdir/tests/e2e/screen.sh"
db=$TMPD/all.db
"$STYRKORT" init "$db" --sample all >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
for theme in auto light high-contrast; do
	printf '[display]\nlanguage = en\ntheme = %s\n' "$theme" > "$TMPD/$theme.ini"
done
esc=$(printf '\033')
# uses_bg N: the screen (with its escapes, in $TMPD/screen.e) paints background N of the 256 colours.
uses_bg() { grep -q "$esc\\[\\([0-9;]*;\\)*48;5;$1m" "$TMPD/screen.e"; }
# has_dim / has_colour: SGR 2 (dim); SGR colours 30-38, 40-48, 90-97 or 100-107.
has_dim() { grep -Eq "$esc\\[([0-9]*;)*2(;[0-9]*)*m"; }
has_colour() { grep -Eq "$esc\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m"; }

# Gislaved: overdue activities (the light behind, days late), done, delayed and in progress.
for theme in light high-contrast; do
	tmux_start 80 24 "$STYRKORT -c $TMPD/$theme.ini --strategy gislaved $db"
	screen_is "en-theme-$theme-0-overview" "Påbörja arbetet med en" "$theme: the overview of Gislaved" attrs
	case $theme in light) bg=231 ;; *) bg=16 ;; esac
	uses_bg $bg && ok "$theme: the background is colour $bg" || not_ok "$theme: no background $bg on screen"
	tmux_keys 4
	screen_is "en-theme-$theme-4-activities" "#1 Beredning" "$theme: pane 4 of Gislaved" attrs
	tmux_keys q
	tmux_wait_exit && ok "$theme: q quits" || not_ok "$theme: q did not quit"
done

# auto: COLORFGBG with a light background (15) gives the light theme, the very same screen.
tmux_start 80 24 "env COLORFGBG='0;default;15' $STYRKORT -c $TMPD/auto.ini --strategy gislaved $db"
screen_is "en-theme-light-0-overview" "Påbörja arbetet med en" "auto, COLORFGBG=0;default;15: the light theme" attrs
tmux_keys q
tmux_wait_exit && ok "auto: q quits" || not_ok "auto: q did not quit"
# auto without COLORFGBG, or with a dark background: dark, the black of the 256 colours.
tmux_start 80 24 "env COLORFGBG='15;0' $STYRKORT -c $TMPD/auto.ini --strategy gislaved $db"
screen_settle "Påbörja arbetet med en" || not_ok "auto, COLORFGBG=15;0: the overview"
uses_bg 16 && ok "auto, COLORFGBG=15;0: the dark theme" || not_ok "auto, COLORFGBG=15;0: not the dark theme"
tmux_keys q
tmux_wait_exit && ok "auto: q quits" || not_ok "auto: q did not quit"

# 8 colours (TERM=xterm): the light theme's fallback, colours 0-7 only.
tmux_start 80 24 "env TERM=xterm $STYRKORT -c $TMPD/light.ini --strategy gislaved $db"
tmux_keys 4
screen_is "en-theme-light-8-4-activities" "#1 Beredning" "light with 8 colours: pane 4 of Gislaved" attrs
grep -q "$esc\\[\\([0-9;]*;\\)*[34]8;5;" "$TMPD/screen.e" && not_ok "light with 8 colours: a colour of the 256" ||
	ok "light with 8 colours: only colours 0-7"
tmux_keys q
tmux_wait_exit && ok "8 colours: q quits" || not_ok "8 colours: q did not quit"

# A terminal of few colour pairs (16; xterm-256color has 256): roles of the same colours share a
# pair, so every theme still fits and looks the same as with all the pairs.
if infocmp -x xterm-256color 2>/dev/null |
	sed 's/^xterm-256color|/xterm-pairs16|/; s/pairs#[0-9x]*/pairs#16/' > "$TMPD/p16.src" &&
	tic -x -o "$TMPD/terminfo" "$TMPD/p16.src" 2>/dev/null; then
	for theme in auto light high-contrast; do
		for term in xterm-256color xterm-pairs16; do
			tmux_start 80 24 "env TERMINFO=$TMPD/terminfo TERM=$term $STYRKORT -c $TMPD/$theme.ini --strategy gislaved $db"
			tmux_keys 4
			screen_settle "#1 Beredning" && cp "$TMPD/screen.e" "$TMPD/$term.e"
			tmux_keys q
			tmux_wait_exit
		done
		if [ -s "$TMPD/xterm-pairs16.e" ] && cmp -s "$TMPD/xterm-256color.e" "$TMPD/xterm-pairs16.e"; then
			ok "$theme with 16 colour pairs: pane 4 of Gislaved as with 256"
		else
			not_ok "$theme with 16 colour pairs: pane 4 of Gislaved differs from 256 pairs"
			diff "$TMPD/xterm-256color.e" "$TMPD/xterm-pairs16.e" | sed 's/^/# /' | head -20
		fi
		rm -f "$TMPD/xterm-256color.e" "$TMPD/xterm-pairs16.e"
	done
else
	echo "# SKIP infocmp or tic cannot make a terminal of 16 pairs"
fi

# NO_COLOR wins over a theme: no colour, and nothing dim (the goals' and activities' headers were).
tmux_start 80 24 "env NO_COLOR=1 $STYRKORT -c $TMPD/high-contrast.ini --strategy vastervik $db"
for step in "3 Andel utrikesfödda totalt" "4 Uppföljning och revid"; do
	pane=${step%% *}
	tmux_keys "$pane"
	screen_settle "${step#* }" || not_ok "NO_COLOR: pane $pane"
	has_colour < "$TMPD/screen.e" && not_ok "NO_COLOR: colour in pane $pane" || ok "NO_COLOR: no colour in pane $pane"
	has_dim < "$TMPD/screen.e" && not_ok "NO_COLOR: dim text in pane $pane" || ok "NO_COLOR: nothing dim in pane $pane"
done
tmux_keys q
tmux_wait_exit && ok "NO_COLOR: q quits" || not_ok "NO_COLOR: q did not quit"
tmux_check_sanitizers
tap_done
