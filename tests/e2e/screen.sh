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
	screen_compare "$want" "$TMPD/screen.e" "$desc, attributes and colours"
}
