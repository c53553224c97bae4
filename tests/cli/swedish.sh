#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/swedish.sh: the Swedish of the commands: the change log in local time with field names and statuses in the UI language, --help's placeholders, messages that list statuses by their labels, the report's words.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/s.db
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
run init "$db" --sample vastervik
expect_status 0 "init --sample vastervik"
run -d "$db" set 2 status=done comment=Klart
expect_status 0 "a status change (logged at 2026-11-22T12:00:00Z: STYRKORT_TODAY, at noon UTC)"
run -d "$db" set focus:folkhalsa "responsible=Kommunstyrelsen | Socialnämnden"
expect_status 0 "a focus area with two responsible bodies"

# The plain log: local time, Swedish field names and statuses.
TZ=Europe/Stockholm run -c "$TMPD/sv.ini" -d "$db" log --activity 2
expect_out '^22 nov 13:00  tester  vastervik #2 [^:]*: Status: Pågår -> Klar  \(Klart\)$' "log in Swedish: Stockholm's time, the field and the statuses in Swedish"
expect_out ': Genomfört: [0-9]+ -> 100  \(Klart\)$' "the progress field by its Swedish name"
check "no UTC stamp, field key or status id leaks" sh -c "! printf '%s' \"\$1\" | grep -Eq 'T[0-9:]+Z|: status:|in_progress|: progress:'" sh "$out"
TZ=UTC run -d "$db" log --activity 2
expect_out '^22 Nov 12:00  tester  vastervik #2 [^:]*: Status: In progress -> Done  \(Klart\)$' "log in English, TZ=UTC: the stamp's own time"
TZ=America/New_York run -d "$db" log --activity 2
expect_out '^22 Nov 07:00  tester ' "TZ=America/New_York: the same change at 07:00 local time"

# --help in Swedish: Swedish placeholders.
STYRKORT_SYSCONFIG=/dev/null LANGUAGE=sv run --help
expect_out '^  styrkort init FIL \[--sample NAMN\|all\]$' "--help in Swedish: FIL and NAMN"
expect_out '\[--since DATUM\|last-review\]' "DATUM"
expect_out '^  styrkort set AKTIVITET FÄLT=VÄRDE\.\.\.$' "AKTIVITET and FÄLT=VÄRDE"
check "no English placeholder is left" sh -c "! printf '%s' \"\$1\" | grep -Eq '\\b(FILE|DATE|FIELD|VALUE|YEAR|KIND)\\b'" sh "$out"
check "every line fits 80 columns" sh -c "printf '%s\n' \"\$1\" | awk 'length(\$0) > 80 { bad = 1 } END { exit bad }'" sh "$out"

# A status that is not one: the message lists the statuses as people read them, never their ids.
run -c "$TMPD/sv.ini" -d "$db" set 2 status=kanske
expect_status 2 "a status that is not one is refused"
expect_err 'status = kanske: ska vara Ej påbörjad, Pågår, Klar, Försenad eller Avbruten' "the Swedish message lists the Swedish labels"
check "and no status id" sh -c "! printf '%s' \"\$1\" | grep -q 'not_started'" sh "$err"
run -c "$TMPD/sv.ini" -d "$db" set 2 status=pågår
expect_status 0 "a Swedish label is taken (any case)"

# The report's words.
run -c "$TMPD/sv.ini" -d "$db" report
expect_out '^Samlad måluppfyllelse ' "Samlad måluppfyllelse, not Totalt framsteg"
expect_out '^ +Ansvariga: Kommunstyrelsen, Socialnämnden$' "Ansvariga: before the list of bodies"
expect_out '^AKTIVITETER MED SLUTDATUM PASSERAT \(' "Slutdatum passerat, not förfallna"
expect_out '(i fas|i riskzonen|efter plan)$' "the lights' words"
check "no förfallen, Totalt framsteg or Fram." sh -c "! printf '%s' \"\$1\" | grep -Eq 'örfall|Totalt framsteg|Fram\\.'" sh "$out"
run -c "$TMPD/sv.ini" -d "$db" report --format csv
expect_out '"?genomfört"?.*"?slutdatum passerat"?' "the CSV headers in Swedish say genomfört and slutdatum passerat"
tap_done
