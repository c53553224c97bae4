#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/readonly.sh: a read-only dashboard (--read-only, or a user who may not write the
# file) says so, refuses edit mode with the reason, and leaves the file unchanged.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
dir=$TMPD/shared
mkdir -p "$dir"
db=$dir/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
sum() { cksum < "$db"; }
before=$(sum)

tmux_start 80 24 "$STYRKORT --read-only $db"
tmux_expect "Västerviks kommun" "the dashboard opens with --read-only"
tmux_expect " read-only | vastervik" "the status line says read-only"
tmux_keys 4 e
tmux_expect "Read-only (--read-only or [database] read_only is set): editing is off" "e is refused with the reason"
tmux_keys s
tmux_expect "Read-only (" "s is refused too"
tmux_expect_not "Status of #1" "no status list opens"
tmux_keys q
tmux_wait_exit
check "--read-only left the file unchanged" [ "$(sum)" = "$before" ]

# In Swedish at 80x24 with a long configured name: skrivskyddad, the name (shortened), no e offered,
# and the hints end three columns before the position.
printf '[display]\nlanguage = sv\n[user]\nname = Anna-Karin Johansson-Lindqvist Långnamnsson\n' > "$TMPD/long.ini"
tmux_start 80 24 "$STYRKORT -c $TMPD/long.ini --read-only $db"
tmux_expect "Västerviks kommun" "the Swedish read-only dashboard opens"
tmux_keys 4
tmux_expect " 1/4" "pane 4 shows the position"
line=$(tmux_screen | tail -1)
case $line in " skrivskyddad | vastervik | Anna-Karin Johansson-L"*"… | "*) ok "the status line says skrivskyddad and names the user by the configured name, shortened";;
*) not_ok "the status line says skrivskyddad and names the user: '$line'";; esac
case $line in *" e "*|*"redigera"*) not_ok "no e is offered on a read-only file: '$line'";; *) ok "no e is offered on a read-only file";; esac
case $line in *"   1/4") ok "the hints end three columns before the position";; *) not_ok "the hints run into the position: '$line'";; esac
tmux_keys q
tmux_wait_exit

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	ok "# SKIP not root: cannot test another user's permissions"
	tmux_check_sanitizers
	tap_done
	exit $?
fi
# A user who may read but not write the file or its directory.
chmod 755 "$TMPD" "$dir"
chmod 644 "$db"
# The build tree may sit where nobody cannot go (/root): run a copy of the program.
mkdir -p "$TMPD/bin"
cp "$STYRKORT" "$TMPD/bin/styrkort"
chmod 755 "$TMPD/bin" "$TMPD/bin/styrkort"
tmux_start 80 24 "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent $TMPD/bin/styrkort $db"
tmux_expect "Västerviks kommun" "a user with read permission only can open the dashboard"
tmux_expect " read-only | vastervik" "it says read-only"
tmux_keys 4
tmux_expect "4 activities" "that user sees the activities"
tmux_keys e
tmux_expect "Read-only (you may not write the file): editing is off" "e is refused: that user may not write the file"
# A change by the owner reaches the read-only viewer too.
"$STYRKORT" -d "$db" set 2 status=done >/dev/null 2>&1
after_owner=$(sum)
tmux_keys r
tmux_expect "+ Done        100 %" "the read-only viewer sees the owner's change"
tmux_keys q
tmux_wait_exit
check "the read-only user left the file unchanged" [ "$(sum)" = "$after_owner" ]
tmux_check_sanitizers
tap_done
