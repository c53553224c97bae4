#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/commitments.sh: the overview counts commitments by assessment; a commitment in pane 4 and its detail shows its assessment; in edit mode s offers the assessments, then a comment; the form shows a commitment's fields.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
db=$TMPD/o.db
"$STYRKORT" init "$db" --sample oskarshamn >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }

tmux_start 80 24 "env HOME=$TMPD $STYRKORT $db"
tmux_expect "Oskarshamns kommun" "the dashboard starts"
tmux_expect "Arbete och kompetens    [..........]       ○ no data  +2 ~3 !1 ?6" "the overview counts a focus area's commitments by assessment, not an empty status bar"
tmux_expect "Overall progress        [..........]       ○ no data  +6 ~3 !2 ?17" "the overview's overall line counts every commitment"
tmux_keys 2
tmux_expect "12 commitments  [" "pane 2 counts a focus area's commitments on its line"
tmux_expect_not "0 activities" "not as 0 activities"
tmux_keys Enter
tmux_expect "12 commitments: 2 + Fulfilled, 3 ~ Partly fulfilled" "its detail counts the commitments by assessment"
tmux_expect "#3 + Fulfilled  Vi ansvarar för samhällsorientering" "the focus area's detail lists a commitment with its assessment"
tmux_keys Escape 4
tmux_expect "28 activities" "pane 4"
tmux_expect "~ Partly fulfilled" "a commitment shows its assessment, with its symbol"
tmux_expect "? Not assessed" "and one not assessed says so"
tmux_expect_not "0 %" "a commitment has no percentage"
tmux_keys Enter
tmux_expect "#1 Commitment: Vi ansvarar" "the detail says it is a commitment"
tmux_expect "Assessed on" "the detail has the date of the assessment"
tmux_expect_not "Status:" "and no status"
tmux_keys Escape e
tmux_expect " EDIT | " "edit mode"

# s on a commitment: the assessments, the current one marked, then a comment.
tmux_keys j j j j
tmux_keys s
tmux_expect "Assessment of #5" "s on a commitment offers the assessments"
tmux_expect "? Not assessed  (now)" "the current assessment is marked"
tmux_expect "+ Fulfilled" "the list has fulfilled"
tmux_expect "! Not fulfilled" "and not fulfilled"
tmux_keys Home Down Enter
tmux_expect "Comment (Enter skips" "then it asks for a comment"
tmux_keys "Avtal med Nova klart" Enter
tmux_expect "Saved: #5 is now Partly fulfilled" "the assessment is saved and said so"
"$STYRKORT" -d "$db" log --activity 5 > "$TMPD/log" 2>&1
check "the log has the assessment with the comment" grep -q "Assessment: Not assessed -> Partly fulfilled  (Avtal med Nova klart)" "$TMPD/log"
check "and its date, today" grep -q "Assessed on: - -> 2026-11-22" "$TMPD/log"

# The form of a commitment: its assessment and date, no status, progress or dates.
tmux_keys Enter
tmux_expect "Edit #5" "Enter opens the form"
tmux_expect "Assessment" "the form has the assessment"
tmux_expect_not "Progress" "and no progress"
tmux_keys Escape
tmux_expect "Cancelled: nothing was changed" "Esc leaves it"
tmux_keys q
tmux_wait_exit
tap_done
