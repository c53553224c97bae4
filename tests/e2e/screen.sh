# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/screen.sh: compare the whole screen of the tmux test terminal with an expected file.
# Sourced after tests/lib.sh and tests/e2e/tmux.sh.  tig's test/ style: the expected screen is
# tests/e2e/screens/NAME.txt, exactly what `tmux capture-pane -p` prints (one line per terminal
# row, trailing blanks trimmed); STYRKORT_REGOLD=1 rewrites it on purpose:
#   STYRKORT_REGOLD=1 make check TESTS=tests/e2e/layout.sh
# and `git diff tests/e2e/screens` then shows what changed on screen.
SCREENS=$top_srcdir/tests/e2e/screens
# screen_settle MARKER [SECONDS]: wait until MARKER is on screen and two captures in a row (a
# tenth of a second apart, with attributes) are equal; the screen is then in $TMPD/screen (plain
# text) and $TMPD/screen.e (with attributes).  Returns 1 after SECONDS (default 10) without that.
screen_settle() {
	local i=0 limit=$(( ${2:-10} * 10 ))
	: > "$TMPD/screen.prev"
	while [ $i -lt $limit ]; do
		tmux_screen_e > "$TMPD/screen.e" 2>/dev/null
		if cmp -s "$TMPD/screen.e" "$TMPD/screen.prev"; then
			tmux_screen > "$TMPD/screen" 2>/dev/null
			grep -qF -- "$1" "$TMPD/screen" && return 0
		fi
		cp "$TMPD/screen.e" "$TMPD/screen.prev"
		sleep 0.1; i=$((i + 1))
	done
	tmux_screen > "$TMPD/screen" 2>/dev/null
	return 1
}
# screen_compare WANT GOT DESCRIPTION: ok if the files are equal (STYRKORT_REGOLD=1 first copies
# GOT to WANT), else not ok with a unified diff (expected, then actual).
screen_compare() {
	if [ -n "${STYRKORT_REGOLD:-}" ]; then
		mkdir -p "$SCREENS"
		cp "$2" "$1"
	fi
	if [ ! -f "$1" ]; then
		not_ok "$3: no ${1#$top_srcdir/} (STYRKORT_REGOLD=1 writes it)"
		sed 's/^/# /' "$2"
	elif diff -u "$1" "$2" > "$TMPD/screen.diff"; then
		ok "$3"
	else
		not_ok "$3: the screen differs from ${1#$top_srcdir/}"
		sed 's/^/# /' "$TMPD/screen.diff"
	fi
}
# screen_canon: capture-pane -e's escapes in one form: each change of look as one full
# ESC[0;ATTRS;FG;BGm, and a blank cell (neither underlined nor reversed), whose foreground and
# boldness do not show, with its own background and the rest of the look before it (none after
# an underlined or reversed cell).  The same screen reached two ways then reads the
# same: a cell the program erased (background colour erase) has only its background, one it
# wrote with a space also its foreground.
screen_canon() {
	awk 'BEGIN { E = sprintf("%c", 27) }
	function sgr(params,   n, p, i) {
		n = split(params == "" ? "0" : params, p, ";")
		for (i = 1; i <= n; i++) {
			if (p[i] == "" || p[i] == 0) { split("", at); fg = bg = "" }
			else if (p[i] >= 1 && p[i] <= 9) at[p[i]] = 1
			else if (p[i] == 22) { delete at[1]; delete at[2] }
			else if (p[i] >= 23 && p[i] <= 29) delete at[p[i] - 20]
			else if (p[i] == 38 || p[i] == 48) {
				v = p[i] ";" p[i + 1] ";" p[i + 2]; k = p[i + 1] == 5 ? 2 : 4
				if (k == 4) v = v ";" p[i + 3] ";" p[i + 4]
				if (p[i] == 38) fg = v; else bg = v
				i += k
			} else if (p[i] == 39) fg = ""
			else if (p[i] == 49) bg = ""
			else if ((p[i] >= 30 && p[i] <= 37) || (p[i] >= 90 && p[i] <= 97)) fg = p[i]
			else if ((p[i] >= 40 && p[i] <= 47) || (p[i] >= 100 && p[i] <= 107)) bg = p[i]
		}
	}
	function look(   a, i) {
		a = ""
		for (i = 1; i <= 9; i++) if (i in at) a = a ";" i
		return a "|" fg "|" bg
	}
	{
		line = $0; out = ""
		while (line != "") {
			if (substr(line, 1, 2) == E "[" && match(line, /^\[[0-9;]*m/)) {
				sgr(substr(line, 3, RLENGTH - 3)); line = substr(line, RLENGTH + 1); continue
			}
			c = substr(line, 1, 1); line = substr(line, 2)
			now = look()
			if (c == " " && !(4 in at) && !(7 in at)) {
				split(shown, s, "|")
				now = (s[1] ";") ~ /;[47];/ ? "||" bg : s[1] "|" s[2] "|" bg
			}
			if (now != shown) {
				split(now, s, "|"); out = out E "[0" s[1] (s[2] != "" ? ";" s[2] : "") (s[3] != "" ? ";" s[3] : "") "m"
				shown = now
			}
			out = out c
		}
		print out
	}'
}
# screen_is NAME MARKER DESCRIPTION [attrs]: ok if, once settled on MARKER, the whole screen equals
# tests/e2e/screens/NAME.txt.  With "attrs", also the screen with its attributes and colours
# (capture-pane -e) equals NAME.VERSION.attr: how tmux writes those escapes changes between tmux
# versions, so there is a file for each version the project has seen (tmux-3.3a is Debian 12's,
# tmux-3.5a Debian 13's); with another version the attributes are skipped, and
# STYRKORT_REGOLD=1 writes that version's file.
screen_is() {
	local name=$1 marker=$2 desc=$3 attrs=${4:-} version want
	if ! screen_settle "$marker"; then
		not_ok "$desc: '$marker' never appeared on a still screen"
		sed 's/^/# /' "$TMPD/screen"
		return
	fi
	screen_compare "$SCREENS/$name.txt" "$TMPD/screen" "$desc"
	[ "$attrs" = attrs ] || return 0
	version=$(tmux -V | tr ' ' '-')
	want=$SCREENS/$name.$version.attr
	if [ -z "${STYRKORT_REGOLD:-}" ] && [ ! -f "$want" ]; then
		ok "# SKIP $desc, attributes: no $name.*.attr for $version (STYRKORT_REGOLD=1 writes it)"
		return 0
	fi
	screen_canon < "$TMPD/screen.e" > "$TMPD/screen.canon"
	screen_compare "$want" "$TMPD/screen.canon" "$desc, attributes and colours"
}
