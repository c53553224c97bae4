#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/structure.sh: set, add and delete KIND:KEY: focus areas, goals, indicators, groups and follow-ups from scripts, with import's checks, the change log and a choice for children.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/s.db
run init "$db"
cat > "$TMPD/s.ini" <<'INI'
[strategy]
id = prov
municipality = Provs kommun
title = Strategi

[focus.arbete]
name = Arbete

[focus.bo]
name = Boende

[goal.g1]
title = Fler i arbete
focus = arbete

[goal.g2]
title = Fler unga i arbete
parent = g1

[indicator.i1]
goal = g1
name = Sysselsättning
value.2020 = 50
value.2021 = 52.5

[activity.a1]
title = Första aktiviteten
focus = arbete
goal = g1
INI
run -d "$db" import "$TMPD/s.ini"
expect_status 0 "the strategy is imported"

# --- set: each kind by KIND:KEY
run -d "$db" set focus:arbete name='Arbete och försörjning' 'responsible=Kommunstyrelsen | AME'
expect_status 0 "set focus:arbete"
run -d "$db" set goal:g2 'description=Unga 16-24 år'
expect_status 0 "set goal:g2"
run -d "$db" set indicator:i1 baseline=50 baseline_period=2020 target=60.5 target_period=2025 unit=%
expect_status 0 "set indicator:i1 baseline and target"
run -d "$db" add group:styrgrupp role=steering_group name=Styrgruppen 'composition=KSAU och förvaltningschefer'
expect_status 0 "add group:styrgrupp"
run -d "$db" set group:styrgrupp 'composition=KSAU'
expect_status 0 "set group:styrgrupp"
run -d "$db" add followup:arsred 'what=Årsredovisningen' cadence=yearly first=2027-03-31
expect_status 0 "add followup:arsred"
run -d "$db" set followup:arsred cadence=dates 'dates=2027-03-31, 2028-03-31'
expect_status 0 "set followup:arsred dates"
run -d "$db" add focus:halsa name=Hälsa
expect_status 0 "add focus:halsa"
run -d "$db" add goal:g3 title='Bättre hälsa' focus=halsa
expect_status 0 "add goal:g3"
run -d "$db" add indicator:i3 goal=g3 name='Självskattad hälsa' direction=higher
expect_status 0 "add indicator:i3"
# A plain number still means an activity.
run -d "$db" set 1 progress=40
expect_status 0 "set 1 is still activity 1"

# --- refusals: the message says what is wrong and what is accepted; nothing changes
snapshot=$("$STYRKORT" -d "$db" export)
run -d "$db" set indicator:i1 target=abc
expect_status 2 "a number that is not one"
expect_err "^styrkort: set indicator:i1: target = abc: expected a number with a dot for decimals, such as 8.5$" "says so"
run -d "$db" set indicator:i1 target_period=2025-X1
expect_status 2 "a period that is not one"
expect_err "^styrkort: set indicator:i1: target_period = 2025-X1: expected a period" "says what a period is"
run -d "$db" set goal:g1 parent=g2
expect_status 2 "a goal under its own sub-goal"
expect_err "^styrkort: set goal:g1: parent = g2: that goal is under this one; choose another$" "says so"
run -d "$db" set goal:g1 focus=nosuch
expect_status 2 "a focus area that does not exist"
expect_err "^styrkort: set goal:g1: focus = nosuch: the strategy 'prov' has no focus area with that id$" "names it"
run -d "$db" set goal:nosuch title=X
expect_status 1 "no such goal, as for a number that is no activity's"
expect_err "^styrkort: set goal:nosuch: the strategy 'prov' has no such goal$" "says so"
run -d "$db" set goal:g1 colour=red
expect_status 2 "an unknown field"
expect_err "^styrkort: set goal:g1: unknown field 'colour'; the fields of a goal are title, description, parent, focus" \
	"lists the fields"
run -d "$db" set group:styrgrupp role=boss
expect_status 2 "an unknown role"
expect_err "^styrkort: set group:styrgrupp: role = boss: expected one of " "lists the roles"
run -d "$db" add focus:arbete name=X
expect_status 2 "an id that is taken"
expect_err "^styrkort: add focus:arbete: the strategy 'prov' has a focus area with that id already; choose another id$" \
	"says so"
run -d "$db" add goal:g9 description=X
expect_status 2 "a required field missing"
expect_err "^styrkort: add goal:g9: a new goal needs title=\.\.\.$" "names it"
run -d "$db" add goal:G9 title=X
expect_status 2 "an id that is not one"
run -d "$db" set goal:g1
expect_status 2 "set without a field"
expect_err "^styrkort: usage: styrkort set focus\|goal\|indicator\|group\|followup:ID FIELD=VALUE" "shows the usage"
run -d "$db" delete goal:g1
expect_status 2 "delete of a goal with children needs a choice"
expect_err "^styrkort: delete goal:g1: it has 1 sub-goal, 1 indicator, 1 activity; say what happens to them: move:ID or delete$" \
	"says what it has and what to choose"
run -d "$db" delete indicator:i1
expect_status 2 "delete of an indicator with values needs a choice"
expect_err "^styrkort: delete indicator:i1: it has 2 values; say what happens to them: delete$" "says so"
run -d "$db" delete focus:arbete --children delete
expect_status 2 "a focus area's goals are not deleted with it"
expect_err "say what happens to them: move:ID or unlink$" "offers move and unlink"
run -d "$db" delete goal:g1 --children keep
expect_status 2 "an unknown choice"
expect_err "^styrkort: delete goal:g1: --children keep: expected move:ID" "says what is accepted"
run -d "$db" set goal:g1 title=X --children delete
expect_status 2 "--children belongs to delete"
run -d "$db" delete group:nosuch
expect_status 1 "delete of no such group"
expect_err "^styrkort: delete group:nosuch: the strategy 'prov' has no such group$" "says so"
run -d "$db" --read-only set focus:bo name=X
expect_status 1 "a read-only file is not changed"
expect_err "^styrkort: set focus:bo: .*read-only" "says it is read-only"
check "nothing changed" [ "$snapshot" = "$("$STYRKORT" -d "$db" export)" ]

# --- delete with each choice
run -d "$db" delete focus:arbete --children move:bo
expect_status 0 "delete focus:arbete, its goal and activity to bo"
run -d "$db" delete indicator:i1 --children delete
expect_status 0 "delete indicator:i1 and its values"
run -d "$db" delete goal:g1 --children unlink
expect_status 0 "delete goal:g1, its sub-goal on top and its activity unlinked"
run -d "$db" delete goal:g3 --children delete
expect_status 0 "delete goal:g3 and its indicator"
run -d "$db" delete group:styrgrupp
expect_status 0 "delete group:styrgrupp"
run -d "$db" export
golden structure-export.ini "export after set, add and delete of each kind"
run -d "$db" log
expect_out "Sysselsättning: value.municipality.2021.T: 52.5 -> " "the deleted values are in the log"
expect_out "Första aktiviteten: Focus area: arbete -> bo" "a moved child is in the log"

run -d "$db" delete followup:arsred
expect_status 0 "delete followup:arsred"
check "it is gone" sh -c "! '$STYRKORT' -d '$db' export | grep -q 'followup.arsred'"

# --- several strategies: --strategy says which
run -d "$db" import "$top_srcdir/data/vastervik.ini"
run -d "$db" set focus:bo name=X
expect_status 2 "several strategies and no --strategy"
expect_err "choose one with --strategy ID" "asks for it"
run -d "$db" --strategy prov set focus:bo name='Boende och hem'
expect_status 0 "--strategy prov set focus:bo"
tap_done
