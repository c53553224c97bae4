#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/form.sh: the edit form's keys (Backspace edits only the field it is in, also after an
# error), s's comment becoming the activity's comment, the form's date example, the delete prompt,
# a on pane 4 adding to the selected activity's focus area, long messages and the hints at 80x24.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/o.db
"$STYRKORT" init "$db" --sample oskarshamn >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
# Oskarshamn's lines are commitments; the form's activity fields are tried on two made activities.
"$STYRKORT" -d "$db" set 1 kind=activity >/dev/null 2>&1 && "$STYRKORT" -d "$db" set 2 kind=activity >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP cannot make activities"; exit 0; }
col() { sqlite3 "$db" "SELECT coalesce($1, '') FROM activity WHERE id = $2"; }
comment1=$(col comment 1)
title1=$(col title 1)
desc1=$(col description 1)
# field_is COLUMN ID VALUE DESCRIPTION
field_is() {
	local v
	v=$(col "$1" "$2")
	if [ "$v" = "$3" ]; then ok "$4"; else not_ok "$4: $1 of #$2 is '$v', expected '$3'"; fi
}

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Oskarshamn" "the dashboard starts"
tmux_keys 4
tmux_expect "activities" "pane 4"
# The view-mode hints end on a whole hint, never cut inside a word.
status_line=$(tmux_screen | tail -1)
if ! printf "%s\n" "$status_line" | grep -q "? help | q quit | e edit"; then
	not_ok "the view-mode hints start with help, quit and edit: '$status_line'"
elif printf "%s\n" "$status_line" | grep -Eq '\| [^|]*[^a-z|][a-z]{1,3} +[0-9]+/[0-9]+ *$'; then
	not_ok "the hints end on a whole word: '$status_line'"
else
	ok "the hints end on a whole word"
fi
tmux_keys e
tmux_expect " EDIT | " "edit mode"

# Backspace at the start of an empty field stays in it: the date goes to Start, not Comment.
tmux_keys Enter
tmux_expect "Edit #1" "the form opens"
tmux_expect "dates as 2026-12-31" "the form's title shows an example date"
tmux_keys Tab Tab Tab Tab Tab BSpace 2026-03-01 Enter
tmux_expect "Saved #1" "the form is saved"
field_is start_date 1 2026-03-01 "Backspace in the empty Start field: the date lands in Start"
field_is comment 1 "$comment1" "the comment is unchanged"

# The title is the form's first field; the status is a pick list: typing there opens the list,
# and only a status of the list can be saved.
tmux_keys Enter
tmux_expect "Edit #1" "the form opens again"
tmux_expect "F2, Ctrl-O or Space: choose from the list" "the status field says it is a list"
cursor_line=$(tmux_cursor_line)
case $cursor_line in *Title*) ok "the cursor starts on the title";; *) not_ok "the cursor starts on the title: '$cursor_line'";; esac
tmux_keys Tab Tab x
tmux_expect "Enter choose | Esc cancel" "a character typed in the status field opens the list"
tmux_keys Home Down Down Enter
tmux_expect "Enter save | Tab" "Enter picks and closes the list: back in the form"
tmux_expect "Status       Done" "the status picked is in the field"
tmux_keys BSpace BSpace x
tmux_expect "Enter choose | Esc cancel" "Backspace opens it too: the status cannot be emptied or typed"
tmux_keys Escape
tmux_expect "Enter save" "Esc closes the list, not the form"
tmux_keys Enter
tmux_expect "Saved #1" "the status is saved"
field_is status 1 done "the status picked from the list is saved"
field_is title 1 "$title1" "the title is unchanged"
field_is description 1 "$desc1" "the description is unchanged"

# After a refused date the cursor is in that field and Backspace and typing edit it.
tmux_keys Enter
tmux_expect "Edit #1" "the form opens a third time"
tmux_keys Tab Tab Tab Tab Tab Tab C-u 2026-02-31 Enter
tmux_expect "not a date" "an invalid due date is refused"
tmux_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace 2026-06-30 Enter
tmux_expect "Saved #1" "the corrected date is saved"
field_is due_date 1 2026-06-30 "the typing after the error went to the Due field"
field_is start_date 1 2026-03-01 "Start is unchanged"
field_is comment 1 "$comment1" "Comment is unchanged"

# A month or a year, as precise as the document: stored as typed, shown at its precision.
tmux_keys Enter
tmux_expect "Edit #1" "the form opens for a month"
tmux_keys Tab Tab Tab Tab Tab C-u 2027 Tab C-u 2027-03 Enter
tmux_expect "Saved #1" "a year and a month are saved"
field_is start_date 1 2027 "the start year is stored as typed"
field_is due_date 1 2027-03 "the due month is stored as typed"
tmux_expect " 2027-03 " "pane 4 shows the due month as written"
tmux_keys Enter
tmux_expect "Edit #1" "the form opens with the month"
tmux_keys Enter
tmux_expect "Nothing changed" "the month shown in the form saves back as it is"
field_is due_date 1 2027-03 "the due month is unchanged"

# s: the comment becomes the activity's comment (as 'styrkort set' does) and the log's.
tmux_keys j s
tmux_expect "Status of #2" "s opens the status list"
tmux_keys Down Enter
tmux_expect "Comment (Enter skips" "it asks for a comment"
tmux_keys "Klart i förtid" Enter
tmux_expect "Saved: #2 is now" "the status is saved"
field_is comment 2 "Klart i förtid" "the comment typed after s is the activity's comment"
"$STYRKORT" -d "$db" log --activity 2 > "$TMPD/log" 2>&1
check "the log has the comment too" grep -qF "Klart i förtid" "$TMPD/log"
tmux_keys s
tmux_expect "Status of #2" "s again"
tmux_keys Down Enter
tmux_expect "Comment (Enter skips" "it asks for a comment again"
tmux_keys Enter
tmux_expect "Saved: #2 is now" "saved without a comment"
field_is comment 2 "Klart i förtid" "a skipped comment leaves the activity's comment"

# a on pane 4 without a focus filter: the selected activity's focus area.
tmux_keys a
tmux_expect "New activity in Arbete och kompetens" "a adds to the selected activity's focus area"
tmux_keys Escape
tmux_expect "Cancelled" "Esc cancels"

# d: the prompt says that Enter is needed.
tmux_keys d
tmux_expect "Type y and press Enter to confirm" "the delete prompt says how to confirm"
tmux_keys Escape
tmux_keys q
tmux_wait_exit

# A long message is shown in full at 80x24 (here the failed print command and the file).
printf '[report]\nprint_command = nosuchprinter\n' > "$TMPD/lpr.ini"
tmux_start 80 24 "env HOME=$TMPD $STYRKORT -c $TMPD/lpr.ini $db"
tmux_expect "Oskarshamn" "the dashboard starts with a missing print command"
tmux_keys p
tmux_expect "styrkort-oskarshamn" "the file is named" 10
screen=$(tmux_screen | tr -d '\n')
f=$(ls "$TMPD"/styrkort-oskarshamn*.txt 2>/dev/null | head -1)
case $screen in
*"Printing with 'nosuchprinter' failed"*) ok "the start of the message is shown" ;;
*) not_ok "the start of the message is shown"; tmux_screen | sed 's/^/# /' ;;
esac
case $screen in
*"not found"*) ok "the cause is shown" ;;
*) not_ok "the cause is shown"; tmux_screen | sed 's/^/# /' ;;
esac
case $screen in
*"$(basename "${f:-/none}")"*) ok "the whole file name is shown" ;;
*) not_ok "the whole file name is shown"; tmux_screen | sed 's/^/# /' ;;
esac
tmux_keys j
sleep 0.3
tmux_expect_not "nosuchprinter" "the next key clears the message"
tmux_keys q
tmux_wait_exit
tmux_check_sanitizers
tap_done
