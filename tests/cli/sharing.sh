#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/sharing.sh: a file shared by a group through a setgid directory keeps its owner, group and mode; personal copies are 0600.
. "$top_srcdir/tests/lib.sh"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	ok "# SKIP not root (or no setpriv): cannot act as two users of one group"
	tap_done
	exit
fi
# Two people of the group 4242 (ids no one else uses), and one outside it.
group=4242 anna=4201 bo=4202 cecilia=4203
d=$TMPD/shared
mkdir -p "$d" "$TMPD/bin"
cp "$STYRKORT" "$TMPD/bin/styrkort"
cp "$top_srcdir/data/vastervik.ini" "$TMPD/bin/"
chmod 755 "$TMPD" "$TMPD/bin" "$TMPD/bin/styrkort"
chmod 644 "$TMPD/bin/vastervik.ini"
chgrp $group "$d"
chmod 2775 "$d"
# as UID GROUPS ARGS...: styrkort as that user with umask 002, as SHARING A FILE recommends.
as() {
	u=$1 g=$2; shift 2
	setpriv --reuid=$u --regid=$g --groups=$g env HOME=/nonexistent sh -c 'umask 002; exec "$@"' sh \
		"$TMPD/bin/styrkort" "$@" >"$TMPD/out" 2>"$TMPD/err"
	status=$? out=$(cat "$TMPD/out") err=$(cat "$TMPD/err")
}
owner() { stat -c '%u:%g %a' "$1"; }

as $anna $group init "$d/plan.db"
expect_status 0 "Anna creates the file in the group's setgid directory"
as $anna $group -d "$d/plan.db" import "$TMPD/bin/vastervik.ini"
expect_status 0 "and imports a strategy"
check "it is Anna's, of the directory's group, mode 664 (umask 002): $(owner "$d/plan.db")" \
	[ "$(owner "$d/plan.db")" = "$anna:$group 664" ]
as $bo $group -d "$d/plan.db" set vastervik:1 comment="Bo was here"
expect_status 0 "Bo, of the same group, changes it"
check "it keeps its owner, group and mode after Bo's change: $(owner "$d/plan.db")" \
	[ "$(owner "$d/plan.db")" = "$anna:$group 664" ]
check "no journal is left behind" [ ! -e "$d/plan.db-journal" ]
as $anna $group -d "$d/plan.db" log --activity vastervik:1
expect_out "Bo was here" "Anna sees Bo's change"

# Personal copies are readable by their owner only, even in the shared directory.
as $bo $group -d "$d/plan.db" backup "$d/bo.db"
expect_status 0 "Bo backs the file up"
check "Bo's backup is his, mode 600: $(owner "$d/bo.db")" [ "$(owner "$d/bo.db")" = "$bo:$group 600" ]
as $anna $group -d "$d/bo.db" report
expect_status 1 "Anna may not read Bo's backup"
expect_err "you may not read the file" "she is told so"

# A restore keeps the file's owner, group and mode; the copy of it as it was is the group's too.
as $bo $group -d "$d/plan.db" set vastervik:1 comment="later"
as $bo $group -d "$d/plan.db" restore "$d/bo.db"
expect_status 0 "Bo restores his backup"
check "the file keeps its owner, group and mode: $(owner "$d/plan.db")" [ "$(owner "$d/plan.db")" = "$anna:$group 664" ]
check "the file as it was has the file's mode and the directory's group: $(owner "$d/plan.db.before-restore")" \
	[ "$(owner "$d/plan.db.before-restore")" = "$bo:$group 664" ]

# Someone outside the group reads (o+r) but may not write.
as $cecilia $cecilia -d "$d/plan.db" report --strategy vastervik
expect_status 0 "Cecilia, outside the group, reads it"
as $cecilia $cecilia -d "$d/plan.db" set vastervik:1 comment=no
expect_status 1 "Cecilia may not change it"
expect_err "open read-only \(you may not write the file\)" "she is told why"
check "the file keeps its owner, group and mode: $(owner "$d/plan.db")" [ "$(owner "$d/plan.db")" = "$anna:$group 664" ]
tap_done
