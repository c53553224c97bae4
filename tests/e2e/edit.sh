#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/edit.sh: edit mode in a real terminal: status with a comment, the form (a bad date
# refused at its field, then saved), add, delete with confirmation, undo, a value, a review,
# printing; the changes survive a restart and 'styrkort log' shows them with the user and comment.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
printf '[report]\nprint_command = cat > %s/printed.txt\n' "$TMPD" > "$TMPD/print.ini"
printf '[report]\nprint_command = false\n' > "$TMPD/fail.ini"
cursor_has() {
	if tmux_cursor_line | grep -qF -- "$1"; then ok "$2"; else not_ok "$2: the cursor is on '$(tmux_cursor_line)'"; fi
}
log_has() {
	"$STYRKORT" -d "$db" log > "$TMPD/log" 2>&1
	if grep -F -- "$1" "$TMPD/log" | grep -qF -- "$2"; then ok "$3"; else not_ok "$3"; sed 's/^/# /' "$TMPD/log" | tail -8; fi
}

tmux_start 80 24 "env HOME=$TMPD $STYRKORT -c $TMPD/print.ini $db"
tmux_expect "Västerviks kommun" "the dashboard starts"
tmux_keys 4
tmux_expect "4 activities" "pane 4"
tmux_keys s
tmux_expect "works in edit mode: press e first" "s outside edit mode says how to get there"
tmux_keys e
tmux_expect " EDIT | " "e shows EDIT on the status line"
tmux_keys k
tmux_expect "s status | Enter edit" "the hints are edit mode's"

# s: the pick list with the current status marked, then a comment.
tmux_keys s
tmux_expect "Status of #1" "s opens the status list"
tmux_expect "+ Done  (now)" "the current status is marked"
tmux_keys Down Enter
tmux_expect "Comment (Enter skips" "then it asks for a comment"
tmux_keys "Försenad p.g.a. budget" Enter
tmux_expect "Saved: #1 is now Delayed" "the status is saved and said so"
tmux_expect "! Delayed     100 %" "the table shows the new status"

# Enter: the form; a date that does not exist is refused at its field and nothing is saved.
tmux_keys j Enter
tmux_expect "Edit #2" "Enter opens the form in edit mode"
tmux_keys Tab Tab Tab Tab Tab Tab C-u 2026-02-31 Enter
tmux_expect "due = 2026-02-31: not a date" "an invalid due date is refused"
below=$(tmux_screen | grep -A1 "Due *2026-02-31" | tail -1)
if printf '%s' "$below" | grep -qF "not a date"; then ok "the error is shown at the field"; else not_ok "the error is shown at the field: '$below'"; fi
cursor_has "Due" "the cursor is on the field in error"
check "nothing was saved" sh -c "! '$STYRKORT' -d '$db' log --activity 2 | grep -q 2026-02-31"
tmux_keys C-u 2026-12-24 Tab Tab C-u "Nya titeln för fonden" Enter
tmux_expect "Saved #2" "a valid form is saved"
tmux_expect "Nya titeln för fonden" "the table shows the new title"
cursor_has "Nya titeln" "the selection stays on the edited activity"

# Esc leaves the form without saving.
tmux_keys Enter
tmux_expect "Edit #2" "the form opens again"
tmux_keys Tab C-u 5 Escape
tmux_expect "Cancelled: nothing was changed" "Esc leaves without saving"

# a: add; the title is required.
tmux_keys a
tmux_expect "New activity" "a opens an empty form"
tmux_keys Enter
tmux_expect "an activity needs a title" "a new activity needs a title"
cursor_has "Title" "the cursor is on the title"
tmux_keys "Språkcafé på biblioteket" Enter
tmux_expect "Added #" "the activity is added"
tmux_expect "5 activities" "the table counts it"
cursor_has "Språkcafé" "the new activity is selected"

# d: delete after an explicit confirmation.
tmux_keys d
tmux_expect "Type y and press Enter to confirm" "d asks for confirmation"
tmux_expect "Språkcafé på biblioteket'?" "the question names the activity"
tmux_keys n Enter
tmux_expect "Not deleted" "anything but y keeps it"
tmux_keys d
tmux_expect "Type y and press Enter to confirm" "d asks again"
tmux_keys j Enter
tmux_expect "Not deleted" "j is no yes in English"
tmux_keys d
tmux_keys Yes Enter
tmux_expect "u brings it back" "Yes (any case) deletes it"
tmux_expect "4 activities" "the table no longer counts it"

# u: undo the delete.
tmux_keys u
tmux_expect "Undone: brought back the activity" "u brings the deleted activity back"
tmux_expect "5 activities" "it is in the table again"

# Pane 3: a value for an indicator.
tmux_keys 3
tmux_expect "Baseline" "pane 3"
tmux_keys v
tmux_expect "Select an indicator in pane 3 first" "v on a goal says what to select"
tmux_keys j v
tmux_expect "Value of" "v opens the value form on an indicator"
tmux_keys C-u 2026 Tab C-u T Tab C-u abc Enter
tmux_expect "value: 'abc' is not a number" "a value that is not a number is refused"
tmux_keys C-u "42,5" Enter
tmux_expect "Saved " "the value is saved"
tmux_expect "42.5" "pane 3 shows it"

# R: a review; p: printing.
tmux_keys R
tmux_expect "Record a steering-group review" "R opens the review form"
tmux_expect "2026-11-22" "today is the default date"
tmux_keys Tab "Styrgruppsmöte november" Enter
tmux_expect "Review recorded on 2026-11-22" "the review is recorded"
# A review recorded afterwards for an earlier day: the rule of 'review add' (styrkort(1)).
tmux_keys R
tmux_expect "Record a steering-group review" "R opens the review form again"
tmux_keys C-u 2026-11-01 Tab "Inskrivet i efterhand" Enter
tmux_expect "changes made after that day" "R for an earlier date says which changes count"
tmux_keys 5
tmux_expect "Report" "pane 5"
tmux_keys p
tmux_expect "printed.txt" "p says where the summary went" 10
check "the print command received the summary" grep -q "Västerviks kommun" "$TMPD/printed.txt"
tmux_keys e
tmux_expect " view | " "e leaves edit mode"
tmux_keys q
tmux_wait_exit
check "q quits with status 0" [ "${tmux_exit:-}" = 0 ]

# Everything survives a restart.
tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard opens again"
tmux_keys 4
tmux_expect "5 activities" "the added and undeleted activity is there"
tmux_expect "Nya titeln för fonden" "the edited title is there"
tmux_expect "! Delayed     100 %" "the new status is there"
tmux_keys q
tmux_wait_exit

log_has "Status: Done -> Delayed" "(Försenad p.g.a. budget)" "the log has the status change with its comment"
log_has "Status: Done -> Delayed" "tester" "the log names the user"
log_has "Due:" "2026-12-24" "the log has the form's due date"
log_has "Språkcafé" "tester" "the log has the added, deleted and restored activity"
"$STYRKORT" -d "$db" review list > "$TMPD/reviews" 2>&1
check "review list shows the review" grep -q "Styrgruppsmöte november" "$TMPD/reviews"

# A print command that fails: the summary is saved to a file in $HOME, named on the status line.
tmux_start 80 24 "env HOME=$TMPD $STYRKORT -c $TMPD/fail.ini $db"
tmux_expect "Västerviks kommun" "the dashboard starts with print_command = false"
tmux_keys p
tmux_expect "styrkort-vastervik" "the status line names the file" 10
f=$(ls "$TMPD"/styrkort-vastervik*.txt 2>/dev/null | head -1)
check "the file holds the summary" grep -q "Västerviks kommun" "${f:-/nonexistent}"
tmux_keys q
tmux_wait_exit
tmux_check_sanitizers
# In Swedish the confirmation is j (ja), as the question says; y still works.
printf '[display]\nlanguage = sv\n' > "$TMPD/sv.ini"
tmux_start 80 24 "$STYRKORT -c $TMPD/sv.ini $db"
tmux_expect "Västerviks kommun" "the dashboard starts in Swedish"
tmux_keys 4 e G d
tmux_expect "Skriv j och tryck Enter" "the Swedish question asks for j"
tmux_keys j Enter
tmux_expect "u tar tillbaka den" "j deletes it"
tmux_keys u
tmux_expect "Ångrat" "u brings it back"
tmux_keys d
tmux_expect "Skriv j och tryck Enter" "d asks again"
tmux_keys nej Enter
tmux_expect "Inte borttagen" "nej keeps it"
tmux_keys d
tmux_expect "Skriv j och tryck Enter" "d asks once more"
tmux_keys Ja Enter
tmux_expect "u tar tillbaka den" "Ja (any case) deletes it"
tmux_keys u
tmux_expect "Ångrat" "u brings it back again"
tmux_keys d
tmux_expect "Skriv j och tryck Enter" "d asks a last time"
tmux_keys yes Enter
tmux_expect "u tar tillbaka den" "yes deletes it in Swedish too"
tmux_keys u
tmux_expect "Ångrat" "and u brings it back"
tmux_keys q
tmux_wait_exit
tap_done
