#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/language.sh: the UI language follows the locale, and [display] language overrides it.
. "$top_srcdir/tests/lib.sh"
# This test is about the locale: no English system configuration (tests/english.ini) and no
# LANGUAGE=en here.
export STYRKORT_SYSCONFIG=/dev/null LANGUAGE=
db=$TMPD/l.db
run init "$db" --sample vastervik
LANGUAGE=sv run -d "$db" report
expect_out '^FOKUSOMRÅDEN \(3\)$' "LANGUAGE=sv gives a Swedish report"
expect_out 'Ej påbörjad' "status labels in Swedish, å ä ö intact"
LANGUAGE=sv run -d "$db" nosuch-command extra
expect_status 2 "a usage error in Swedish still exits 2"
check "the usage error is in Swedish" sh -c "printf '%s' \"\$1\" | grep -q '^styrkort: ' && ! printf '%s' \"\$1\" | grep -q 'unknown command'" sh "$err"
# A Swedish locale that is not installed still gives Swedish, in UTF-8.
LC_ALL=sv_SE.UTF-8 run -d "$db" report
expect_out '^AKTIVITETER PER STATUS$' "LC_ALL=sv_SE.UTF-8 (not installed here) gives Swedish"
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
run -d "$db" -c "$TMPD/sv.ini" report
expect_out '^FOKUSOMRÅDEN \(3\)$' "[display] language = sv gives Swedish under an English locale"
printf '[display]\nlanguage = en\n' > "$TMPD/en.ini"
LANGUAGE=sv run -d "$db" -c "$TMPD/en.ini" report
expect_out '^FOCUS AREAS \(3\)$' "[display] language = en gives English under a Swedish locale"
LC_ALL=C.UTF-8 run -d "$db" report
expect_out '^FOCUS AREAS \(3\)$' "the default under C.UTF-8 is English"
LC_ALL=sv_SE.UTF-8 run -d "$db" -c "$TMPD/en.ini" report
expect_out '^FOCUS AREAS \(3\)$' "[display] language = en gives English under LC_ALL=sv_SE.UTF-8"
tap_done
