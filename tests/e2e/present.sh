#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/present.sh: a presenter (--present) and a member who follows (--follow, on a file the member may only read):
# the member's dashboard goes to the presenter's pane and item, steps away and comes back with F; > and < step
# through the agenda; a presenter that quits or is killed has left.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
. "$top_srcdir/tests/e2e/screen.sh"
mkdir "$TMPD/meeting"
db=$TMPD/meeting/v.db
"$STYRKORT" init "$db" --sample vastervik >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
# #2 (in progress) is past its due date: the agenda's late step lists it.
"$STYRKORT" -d "$db" set 2 due=2020-06-30 >/dev/null 2>&1
printf '[refresh]\nseconds = 1\n[user]\nname = Anna Andersson\n' > "$TMPD/anna.ini"
printf '[refresh]\nseconds = 1\n[user]\nname = Bo Berg\n' > "$TMPD/bo.ini"
printf '[database]\nread_only = true\n' > "$TMPD/ro.ini"
printf '[refresh]\nseconds = 1\n[user]\nname = Cecilia Ek\n[display]\nlanguage = sv\n' > "$TMPD/cecilia.ini"

# What is refused, before any screen.
run --present --read-only "$db"
expect_status 2 "--present with --read-only is refused"
expect_err "--present and --read-only: the presenter writes" "and says why and what to do"
LANGUAGE=sv "$STYRKORT" --present --read-only "$db" 2>"$TMPD/err.sv"
check "and in Swedish" grep -q "den som presenterar skriver till filen" "$TMPD/err.sv"
run --present --follow "$db"
expect_status 2 "--present with --follow is refused"
run report --follow -d "$db"
expect_status 2 "--follow belongs to the dashboard"
run -c "$TMPD/ro.ini" --present "$db"
expect_status 1 "--present on a file open read-only ([database] read_only) is refused"
expect_err "open read-only .* follow with --follow" "and says to follow instead"

# The member may only read the file: another user (as root), else through a directory of mode 0555.
chmod 755 "$TMPD" "$TMPD/meeting"
chmod 644 "$db" "$TMPD/bo.ini" "$TMPD/cecilia.ini"
member="setpriv --reuid=4201 --regid=4201 --clear-groups env HOME=/nonexistent"
# Another user must reach the program and the file (not so in a checkout under a home of mode 0700).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
   $member "$STYRKORT" --version >/dev/null 2>&1 && $member test -r "$db"; then
	follow_db=$db
	run_member() {
		$member "$STYRKORT" "$@" >"$TMPD/out" 2>"$TMPD/err"
		status=$? err=$(cat "$TMPD/err")
	}
	run_member --present "$db"
	expect_status 1 "a member who may only read the file cannot present"
	expect_err "you may not write the file" "and is told why"
elif [ "$(id -u)" -eq 0 ]; then
	# Root writes any directory, so a member who may only read cannot be made here (a checkout
	# under /root, mode 0700, keeps another user from the program): the member is root too.
	member=""
	follow_db=$db
	ok "# SKIP root, and another user cannot reach $STYRKORT: no member who may only read"
	ok "# SKIP (likewise)"
else
	member=""
	# One user: the member opens the file through a directory of mode 0555, where no journal
	# can be made, so styrkort and SQLite open it read-only.
	mkdir "$TMPD/member"
	follow_db=$TMPD/member/v.db
	ln -s "$db" "$follow_db"
	chmod 555 "$TMPD/member"
	run --present "$follow_db"
	expect_status 1 "a member who may not write the file's directory cannot present"
	expect_err "you may not write the directory" "and is told why"
fi

# A member's own session (tmux session u) on the same server as the presenter's (t).
start_member() {
	tmux_cmd new-session -d -x 80 -y 24 -s u \
		"env TERM=xterm-256color $member $STYRKORT -c $TMPD/bo.ini --follow $follow_db 2>$TMPD/stderr.member; echo \$? > $TMPD/exit.member; sleep 30"
}
# A second member (session v), who reads Swedish.
start_swedish_member() {
	tmux_cmd new-session -d -x 80 -y 24 -s v \
		"env TERM=xterm-256color $member $STYRKORT -c $TMPD/cecilia.ini --follow $follow_db 2>$TMPD/stderr.sv; sleep 30"
}
member_screen() { tmux_cmd capture-pane -p -t =u:; }
member_wait_for() {
	local i=0 limit=$(( ${2:-5} * 10 * ${STYRKORT_WAIT_SCALE:-1} ))
	while [ $i -lt $limit ]; do
		member_screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "# member's screen while waiting for '$1':"; member_screen | sed 's/^/# /'
	return 1
}
member_expect() { if member_wait_for "$1" "${3:-5}"; then ok "$2"; else not_ok "$2"; fi; }
member_line() { member_screen | sed -n "$(($(tmux_cmd display-message -p -t =u: '#{cursor_y}') + 1))p"; }
# member_on TEXT DESCRIPTION: within 5 seconds the member's cursor is on a line that starts with TEXT.
member_on() {
	local i=0
	while [ $i -lt $((50 * ${STYRKORT_WAIT_SCALE:-1})) ]; do
		case $(member_line) in "$1"*) ok "$2"; return ;; esac
		sleep 0.1; i=$((i + 1))
	done
	not_ok "$2: the member's cursor is on '$(member_line)'"
}
presenter_on() {
	case $(tmux_cursor_line) in "$1"*) ok "$2" ;; *) not_ok "$2: the presenter's cursor is on '$(tmux_cursor_line)'" ;; esac
}

# Nobody presents yet (the file has no presenter table): the member waits.
tmux_start 80 24 "sleep 60"
start_member
member_expect "nobody presents yet — waiting" "before anyone presents, the member waits"
tmux_start 80 24 "$STYRKORT -c $TMPD/anna.ini --present $db"
start_member
tmux_expect "presenting: > agenda" "the presenter's status line says it presents"
member_expect "following Anna Andersson" "the member follows Anna"
member_expect "read-only" "the member's dashboard is read-only"

# The help screen lists the keys of presenting.
tmux_keys '?' G
tmux_expect "Presenting in a meeting" "the help has a section on presenting"
tmux_expect "(--follow) Follow the presenter again" "with F"
tmux_keys q
tmux_expect "presenting: > agenda" "q closes the help"

# The pane and the selected item follow.
tmux_keys 2 j
tmux_expect "0 activities" "the presenter shows pane 2"
sleep 0.2
presenter_on "Bostad" "the presenter selects Bostad"
member_on "Bostad" "the member's dashboard goes to pane 2, on Bostad"
tmux_keys 4 j j
tmux_expect "4 activities" "the presenter shows pane 4"
sleep 0.2
presenter_on "3 " "the presenter selects #3"
member_on "3 " "the member's dashboard goes to pane 4, on #3"

# A coordinator is saving (holds the write lock): the presenter's move is skipped at once, never waited
# for, and written on a later turn, once the lock is free.
db_lock IMMEDIATE "$db"
tmux_keys 3
tmux_expect "Baseline  Latest" "while a coordinator writes, the presenter moves to pane 3 at once"
tmux_expect_not "Waiting for the database" "without waiting for the database"
sleep 1.5
member_expect "4 activities" "the member stays on pane 4 while the file is locked"
db_unlock
member_expect "Baseline  Latest" "once the lock is free, the member follows to pane 3"
tmux_keys 4
member_on "3 " "and back to pane 4, on #3"

# The member steps away (any key that moves) and comes back with F.
tmux_cmd send-keys -t =u: k
member_expect "stepped away — F to follow" "a key of the member's steps away, and the status line says how to come back"
member_on "2 " "the member is on #2, of their own choosing"
tmux_keys 2
tmux_expect "0 activities" "the presenter goes on to pane 2"
sleep 2
member_on "2 " "the member stays where they went"
tmux_cmd send-keys -t =u: F
member_expect "following Anna Andersson" "F follows again"
member_on "Bostad" "and goes where the presenter is"
# e: the follower is read-only because of --follow, and says so until the next key.
tmux_cmd send-keys -t =u: e
member_expect "Read-only (--follow is set): editing is off" "e says a follower is read-only because of --follow"
tmux_cmd send-keys -t =u: k
member_expect "stepped away — F to follow" "a key steps away again"
if member_screen | grep -q "Read-only"; then not_ok "the next key clears the message"; else ok "the next key clears the message"; fi
tmux_cmd send-keys -t =u: F
member_expect "following Anna Andersson" "F follows again"

# The agenda: the overview, each focus area, the late activities, the changes since the last review.
tmux_keys '>'
tmux_expect "presenting 1/6" "> starts the agenda: the overview"
presenter_on "Overall progress" "on the overall line"
member_on "Overall progress" "the member follows to the overview"
tmux_keys '>'
tmux_expect "presenting 2/6" "> the first focus area"
presenter_on "Folkhälsa" "pane 2 on Folkhälsa"
member_on "Folkhälsa" "the member follows"
tmux_keys '>'
tmux_expect "presenting 3/6" "> the second focus area"
presenter_on "Bostad" "on Bostad"
tmux_keys '>'
tmux_expect "presenting 4/6" "> the third focus area"
presenter_on "Social sammanhållning" "on Social sammanhållning"
member_on "Social sammanhållning" "the member follows"
tmux_keys '>'
tmux_expect "presenting 5/6" "> the late activities"
tmux_expect "filter: overdue" "pane 4 with only the late ones"
presenter_on "2 " "on #2, the late one"
member_expect "filter: overdue" "the member's pane 4 shows only the late ones too"
member_on "2 " "on #2"
start_swedish_member
i=0; while ! tmux_cmd capture-pane -p -t =v: | grep -qF "filter: förfallna" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.3
tmux_cmd capture-pane -p -t =v: > "$TMPD/sv.screen"
screen_compare "$SCREENS/sv-follow-late.txt" "$TMPD/sv.screen" "a Swedish member joining at the late step, whole screen at 80x24"
check "her status line says whom she follows, in Swedish" grep -qF "följer Anna Andersson" "$TMPD/sv.screen"
tmux_cmd kill-session -t =v
screen_is present-late "presenting 5/6" "the presenter's late step, whole screen at 80x24"
member_screen > "$TMPD/member.screen"
screen_compare "$SCREENS/follow-late.txt" "$TMPD/member.screen" "the member's late step, whole screen at 80x24"
tmux_keys '>'
tmux_expect "presenting 6/6" "> the changes since the last review"
tmux_expect "every change (no review recorded yet)" "pane 5's since-view"
member_expect "every change (no review recorded yet)" "the member follows to the since-view"
tmux_keys '>'
tmux_expect "The end of the agenda" "> at the end says so"
tmux_keys '<'
tmux_expect "presenting 5/6" "< goes back a step"
member_expect "filter: overdue" "and the member with it"

# The presenter quits; then one is killed and its heartbeat grows old.
tmux_keys q
member_expect "the presenter has left" "when the presenter quits, the member is told"
tmux_wait_exit
check "the presenter quits with status 0" [ "${tmux_exit:-}" = 0 ]
tmux_cmd kill-session -t =t
tmux_cmd new-session -d -x 80 -y 24 -s t "env TERM=xterm-256color $STYRKORT -c $TMPD/anna.ini --present $db; sleep 30"
tmux_expect "presenting: > agenda" "a new presenter starts"
member_expect "following Anna Andersson" "the member follows the new presenter"
sh_pid=$(tmux_cmd display-message -p -t =t: '#{pane_pid}')
kill -KILL "$(ps -o pid= --ppid "$sh_pid" | awk '{ print $1; exit }')"
sleep 1.5
member_expect "following Anna Andersson" "a killed presenter counts as present until its heartbeat is old"
sqlite3 -cmd '.timeout 5000' "$db" "UPDATE presenter SET updated = updated - 60" 2>/dev/null
member_expect "the presenter has left" "a presenter whose heartbeat is old has left"
# (The first member, ended when the presenter's server started, left its status there: only this quit's counts.)
rm -f "$TMPD/exit.member"
tmux_cmd send-keys -t =u: q
i=0; while [ ! -s "$TMPD/exit.member" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "the member quits with status 0 ($(cat "$TMPD/exit.member" 2>/dev/null))" [ "$(cat "$TMPD/exit.member" 2>/dev/null)" = 0 ]
[ -d "$TMPD/member" ] && chmod 755 "$TMPD/member"
tmux_check_sanitizers
if grep -Eq "Sanitizer|runtime error" "$TMPD/stderr.member" 2>/dev/null; then not_ok "member sanitizer reports"; else ok "no sanitizer reports from the member"; fi
tap_done
