#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/structure.sh: editing the structure in edit mode: A adds a focus area, E edits a goal, d deletes an indicator with values (the pick list of what happens to them), u brings it back; the responsible field's pick list in the activity form; whole screens compared.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
. "$top_srcdir/tests/e2e/screen.sh"
db=$TMPD/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
"$STYRKORT" -d "$db" add group:styrgrupp role=steering_group name=Integrationsrådet >/dev/null 2>&1

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Västerviks kommun" "the dashboard starts"
tmux_keys 2 A
tmux_expect "works in edit mode: press e first" "A outside edit mode says how to get there"
tmux_keys e A
screen_is en-structure-add-pick "A follow-up of the plan" "A: what to add, in a pick list"
tmux_keys Enter
tmux_expect "New focus area" "a focus area's form"
tmux_keys "Arbete" Tab
tmux_keys Enter
tmux_expect "Arbete: expected an id" "an id with capitals is refused at its field"
tmux_keys C-u "arbete" Tab "Arbete och försörjning" Tab "Fler i arbete" Tab "Kommunstyrelsen | AME"
screen_is en-structure-add-form "Kommunstyrelsen | AME" "the form filled in"
tmux_keys Enter
tmux_expect "Added focus area Arbete och försörjning" "the focus area is added"
tmux_expect "Arbete och försörjning" "pane 2 shows it"
check "export has it" sh -c "'$STYRKORT' -d '$db' export | grep -qx 'name = Arbete och försörjning'"

# E on a goal: its fields in the form; a parent that does not exist is refused at its field.
tmux_keys 3 E
tmux_expect "Edit goal Öka Västerviks kommuns befolkning" "E opens the goal's form"
tmux_keys C-u "Fler invånare i Västervik" Down Down C-u "nosuch" Enter
tmux_expect "parent = nosuch: the strategy 'vastervik' has no goal with that id" "a parent that does not exist is refused"
tmux_keys C-u Enter
tmux_expect "Saved goal Fler invånare i Västervik" "the goal is saved"
screen_is en-structure-goal-saved "Saved goal Fler invånare" "pane 3 after the goal was edited"

# Someone else changes the goal while the form is open: told, with theirs; Enter again saves mine.
tmux_keys E
tmux_expect "Edit goal Fler invånare i Västervik" "E opens the goal's form again"
"$STYRKORT" -d "$db" set goal:befolkning 'title=Deras titel' >/dev/null 2>&1
tmux_keys C-u "Min titel" Enter
tmux_expect "Changed meanwhile: Title = 'Deras titel' (Enter: yours, Esc: theirs)" "the conflict is shown, with theirs"
tmux_keys Enter
tmux_expect "Saved goal Min titel" "Enter again saves mine over theirs"
tmux_keys E C-u "Fler invånare i Västervik" Enter
tmux_expect "Saved goal Fler invånare i Västervik" "and back"

# d on an indicator with values (its own and the county's and country's): what happens to them is chosen in a pick list.
tmux_keys j d
screen_is en-structure-delete-pick "It has 3 values" "d on an indicator with values asks what happens to them"
tmux_keys Enter
tmux_expect "Deleted indicator Andel utrikesfödda totalt i kommunen; u brings it back" "the indicator is deleted"
check "pane 3 no longer shows it" sh -c "! tmux -u -L '$TMUX_SOCK' -f /dev/null capture-pane -p -t =t: | sed '\$d' | grep -q 'Andel utrikesfödda totalt'"
check "its value is gone" sh -c "! '$STYRKORT' -d '$db' export | grep -q '^value.2013 = 8.5'"
tmux_keys u
tmux_expect "Undone: brought back the indicator Andel utrikesfödda" "u brings it back"
tmux_expect "Compared with: county 10 %, country 16 % (2013)" "with its values"
check "export has its value again" sh -c "'$STYRKORT' -d '$db' export | grep -q '^value.2013 = 8.5'"
check "and the comparison values" sh -c "'$STYRKORT' -d '$db' export | grep -q '^country.2013 = 16'"

# d on a goal with indicators: the choices that fit, Esc keeps it.
tmux_keys g d
tmux_expect "Delete it; move what it has to another goal..." "a goal offers move"
tmux_expect_not "linked to nothing" "not unlink (an indicator needs a goal)"
tmux_keys Escape
tmux_expect "Not deleted" "Esc keeps it"

# Groups and follow-ups from pane 1: E asks which, then the form.
tmux_keys 1 E
tmux_expect "Edit which group or follow-up?" "E on the vision asks which group or follow-up"
tmux_expect "Steering group: Integrationsrådet" "the group is in the list"
tmux_keys Enter
tmux_expect "Edit group Integrationsrådet" "its form"
tmux_keys Down Down C-u "KSAU och förvaltningschefer" Enter
tmux_expect "Saved group Integrationsrådet" "the group is saved"
check "export has its composition" sh -c "'$STYRKORT' -d '$db' export | grep -qx 'composition = KSAU och förvaltningschefer'"

# The activity form's responsible field: the groups and the focus areas' bodies in a pick list.
tmux_keys 4 Enter
tmux_expect "F2 or Ctrl-O: choose from a list" "the responsible field says it has a list"
tmux_keys Tab Tab Tab Tab Tab Tab Tab F2
tmux_expect "Integrationsrådet" "F2 lists the strategy's groups"
tmux_expect "Kommunstyrelsen" "and the focus areas' responsible bodies"
tmux_keys Enter
tmux_expect "Responsible  Integrationsrådet" "the chosen one is in the field"
tmux_keys Enter
tmux_expect "Saved #" "the activity is saved"
check "the responsible is the group" sh -c "'$STYRKORT' -d '$db' export | grep -qx 'responsible = Integrationsrådet'"
tmux_keys q
tmux_wait_exit
check "the dashboard exits 0" [ "${tmux_exit:-x}" = 0 ]
"$STYRKORT" -d "$db" log > "$TMPD/log" 2>&1
check "the log has the goal's new title by tester" grep -q "tester .*Fler invånare i Västervik: Title: Öka Västerviks kommuns befolkning -> Fler invånare i Västervik" "$TMPD/log"
tmux_check_sanitizers
tap_done
