#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/swedish.sh: the dashboard's Swedish: "Gäller tills vidare" in pane 1, the mode badge as a state, the form's status list, and the detail's history in local time with the field and the statuses in Swedish.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
"$STYRKORT" -d "$db" export | sed 's/^valid_to = .*/until_further_notice = yes/' > "$TMPD/v.ini"
"$STYRKORT" -d "$db" import "$TMPD/v.ini" >/dev/null 2>&1
check "the strategy is valid until further notice" sh -c "'$STYRKORT' -d '$db' export | grep -qx 'until_further_notice = yes'"
# Logged at 2026-11-22T12:00:00Z (STYRKORT_TODAY, at noon UTC): 13:00 in Stockholm.
"$STYRKORT" -d "$db" set 2 status=done comment=Klart >/dev/null 2>&1
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"

tmux_start 80 24 "env TZ=Europe/Stockholm $STYRKORT -c $TMPD/sv.ini $db"
tmux_expect "Västerviks kommun" "the dashboard starts in Swedish"
tmux_keys 1 G
tmux_expect "Gäller tills vidare" "pane 1 (at its end): Gäller tills vidare"
tmux_expect_not "Gäller till: tills vidare" "not Gäller till: tills vidare"
tmux_keys 4 j Enter
tmux_expect "22 nov 13:00 tester: Status: Pågår -> Klar (Klart)" "the detail's history: local time, the field and the statuses in Swedish"
tmux_expect_not "in_progress" "no status id"
tmux_keys Escape e
tmux_expect " REDIGERING | " "the edit mode's badge is a state: REDIGERING"
tmux_keys Enter
tmux_expect "F2, Ctrl-O eller mellanslag: välj i listan" "the status field is a list, said in Swedish"
tmux_keys Tab Tab Space
tmux_expect "Ej påbörjad" "Space opens the statuses by their Swedish labels"
tmux_expect "Avbruten" "all of them"
tmux_keys Escape Escape
tmux_expect "Avbrutet: inget ändrades" "Esc leaves the list, then the form"
tmux_keys q
tmux_wait_exit
tmux_check_sanitizers
tap_done
