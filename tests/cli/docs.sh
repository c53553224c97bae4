#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/docs.sh: README, --help and the man pages agree on the commands, options, keys and configuration.
. "$top_srcdir/tests/lib.sh"
man1=$top_builddir/man/styrkort.1
help=$("$STYRKORT" --help)
# Without man(1) (a minimal system), read the source with its escapes taken out.
if command -v man >/dev/null 2>&1; then
	man=$(MANWIDTH=200 man -l "$man1" 2>/dev/null)
else
	man=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$man1")
fi
readme=$(cat "$top_srcdir/README")
for cmd in init report import export measurements kolada log set add delete review backup restore; do
	printf '%s\n' "$help" | grep -q "styrkort $cmd" && ok "--help lists $cmd" || not_ok "--help lacks $cmd"
	printf '%s\n' "$man" | grep -q "$cmd" && ok "the man page documents $cmd" || not_ok "the man page lacks $cmd"
	printf '%s\n' "$readme" | grep -q "styrkort $cmd" && ok "the README shows $cmd" || not_ok "the README lacks $cmd"
done
for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	printf '%s\n' "$man" | grep -q -- "$opt" && ok "the man page documents $opt" || not_ok "the man page lacks $opt (in --help)"
done
# Every configuration key and every key binding is in the man page (they are generated into it).
"$STYRKORT" --man-config-keys | grep '^\.BR' | awk '{ print $2 }' | while read -r key; do
	grep -q "^\.BR $key " "$man1" || echo "missing $key"
done > "$TMPD/missing"
check "every configuration key is in the man page" [ ! -s "$TMPD/missing" ]
"$STYRKORT" --man-keys > "$TMPD/keys"
check "the key list is in the man page" sh -c "grep -vF -f '$man1' '$TMPD/keys' | grep -q . && exit 1 || exit 0"
for key in "e " "s, Enter" "a / d, u" "R " "p " "S " "f, o" "/ and n"; do
	printf '%s\n' "$readme" | grep -qF -- "  $key" && ok "the README lists the key '$key'" || not_ok "the README lacks the key '$key'"
done
# The man page's INI example imports as it stands.
sed -n '/^\.SH EXAMPLE$/,/^\.fi$/p' "$top_srcdir/man/styrkort.5" | sed '1,2d;$d' | sed 's/\\e/\\/g; s/\\(en/–/g' > "$TMPD/example.ini"
run init "$TMPD/ex.db"
run -d "$TMPD/ex.db" import "$TMPD/example.ini"
expect_status 0 "the example in styrkort(5) imports"
run -d "$TMPD/ex.db" report --strategy exempel --width 132
expect_out 'Indicator: Andel utrikes födda 20–64 år i sysselsättning' "the example's indicator is in the report"
# The README's sample of the report is what the report prints.
run init "$TMPD/all.db" --sample oskarshamn
run -d "$TMPD/all.db" report --strategy oskarshamn --width 72
awk '/^`styrkort report --strategy oskarshamn --width 72`/ { f = 1; next } f && /^The text report holds/ { exit } f' \
	"$top_srcdir/README" | sed -n 's/^  //p' | grep -v '^$' > "$TMPD/sample"
check "the README has a report sample" [ -s "$TMPD/sample" ]
check "every line of the README's report sample is in the real report" sh -c "! grep -vxF -f '$TMPD/out' '$TMPD/sample'"
tap_done
