#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/text.sh: the edit form writes only the fields the user changed, and a text the form
# cannot show as it is (line breaks, tabs, spaces at the ends, long runs of combining marks, other
# bytes) is read-only in the form: saving a changed progress leaves it byte for byte as it was.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
db=$TMPD/o.db
"$STYRKORT" init "$db" --sample oskarshamn >/dev/null 2>&1 || { echo "1..0 # SKIP cannot create the sample"; exit 0; }
long=$(yes ordet | head -100 | tr '\n' ' ' | cut -c1-500)
# Written as an older version or another tool might have: straight into the table.
sqlite3 "$db" "UPDATE activity SET description = 'Rad ett' || char(10, 10) || 'Rad tre',
	comment = char(9) || 'indrag', responsible = '  Anna Berg  ',
	title = 'Kafe' || char(769, 769, 769, 769, 769, 769, 769, 769) || ' och te' WHERE id = 1;
	UPDATE activity SET description = '$long', comment = 'Slut  ',
	responsible = 'Anna' || char(133) || 'Berg', title = 'Titel ' || cast(x'ff' AS text) WHERE id = 2;
	UPDATE activity SET title = 'Rod' || char(27) || '[31mtext' || char(8238) || 'slut' WHERE id = 3;
	UPDATE activity SET kind = 'activity' WHERE id IN (1, 2, 3);"
# snapshot ID: every column but the progress and the bookkeeping of a change, as bytes.
snapshot() {
	sqlite3 "$db" "SELECT hex(title), hex(description), hex(responsible), hex(contact), hex(comment),
		hex(start_date), hex(due_date), status, focus_id, goal_id FROM activity WHERE id = $1"
}
before1=$(snapshot 1)
before2=$(snapshot 2)
last=$(sqlite3 "$db" "SELECT max(id) FROM change_log")
# logged_since ID: the fields logged for activity ID since the start.
logged_since() { sqlite3 "$db" "SELECT group_concat(field, ',') FROM change_log WHERE id > $last AND item_id = $1"; }

tmux_start 80 24 "$STYRKORT $db"
tmux_expect "Oskarshamn" "the dashboard starts"
tmux_keys 4 e
tmux_expect " EDIT | " "edit mode"
tmux_keys Enter
tmux_expect "Edit #1" "the form of #1 opens"
tmux_expect "read-only: edit with" "a text the form cannot show as it is says it is read-only here"
tmux_expect "styrkort set" "and says how to change it"
# Typing in the read-only description changes nothing (the second field, after the title).
tmux_keys Down "XYZ"
tmux_keys Down Down C-u 40 Enter
tmux_expect "Saved #1" "#1 is saved with a new progress"
check "#1: the progress is saved" [ "$(sqlite3 "$db" "SELECT progress FROM activity WHERE id = 1")" = 40 ]
if [ "$(snapshot 1)" = "$before1" ]; then ok "#1: the description's paragraphs, the comment's tab, the spaces and the combining marks are byte for byte as they were"
else not_ok "#1: other fields changed"; printf '%s\n%s\n' "$before1" "$(snapshot 1)" | sed 's/^/# /'; fi
check "#1: the log holds only the progress" [ "$(logged_since 1)" = progress ]

tmux_keys j Enter
tmux_expect "Edit #2" "the form of #2 opens"
tmux_keys Down Down Down C-u 55 Enter
tmux_expect "Saved #2" "#2 is saved with a new progress"
check "#2: the progress is saved" [ "$(sqlite3 "$db" "SELECT progress FROM activity WHERE id = 2")" = 55 ]
if [ "$(snapshot 2)" = "$before2" ]; then ok "#2: the 500-character line, the trailing spaces, U+0085 and the byte 0xFF are as they were"
else not_ok "#2: other fields changed"; printf '%s\n%s\n' "$before2" "$(snapshot 2)" | sed 's/^/# /'; fi
check "#2: the log holds only the progress" [ "$(logged_since 2)" = progress ]

# A field the form shows as it is (the 500-character line) can still be edited: End, then type.
tmux_keys Enter
tmux_expect "Edit #2" "the form of #2 opens again"
tmux_keys Down End " slut" Enter
tmux_expect "Saved #2" "the long description is saved"
check "#2: the typed words are appended to the 500 characters" [ "$(sqlite3 "$db" "SELECT description FROM activity WHERE id = 2")" = "$long slut" ]
check "#2: the log holds the description now" [ "$(logged_since 2)" = progress,description ]

# The status line's message quotes the title from the database: its ESC and U+202E show as '?'.
tmux_keys j Enter
tmux_expect "Edit #3" "the form of #3 opens"
tmux_keys Down Down Down C-u 5 Enter
tmux_expect "Saved #3 Rod?[31mtext?slut" "the saved message shows the title's ESC and U+202E as '?'"
tmux_keys q
tmux_wait_exit
# --- grapheme clusters in pane 4: 👍🏽, 👩‍💻, 🇸🇪, e + U+0301, U+200B and U+202E in a title are drawn as
# every terminal draws them alike, so after the rows are redrawn (selection moved, terminal resized)
# each screen line is the line an ASCII title of the same width gives: nothing moved, nothing stale.
raw="'Tumme ' || char(128077, 127997) || ' ' || char(128105, 8205, 128187) || ' ' || char(127480, 127466)
	|| ' e' || char(769) || ' x' || char(8203) || 'y' || char(8238) || ' slut'"
for f in emoji ascii; do
	"$STYRKORT" init "$TMPD/$f.db" --sample oskarshamn >/dev/null 2>&1
	sqlite3 "$TMPD/$f.db" "UPDATE activity SET kind = 'activity' WHERE id IN (1, 2);"
done
sqlite3 "$TMPD/emoji.db" "UPDATE activity SET title = $raw WHERE id = 2;"
sqlite3 "$TMPD/ascii.db" "UPDATE activity SET title = 'Tumme AA AAAA SE e x?y? slut' WHERE id = 2;"
for f in emoji ascii; do
	tmux_start 100 24 "$STYRKORT $TMPD/$f.db"
	tmux_expect "Oskarshamn" "$f: the dashboard starts"
	tmux_keys 4
	tmux_expect "slut" "$f: pane 4 shows the title"
	tmux_keys j k j k
	tmux_resize 90 24
	sleep 0.5
	tmux_resize 100 24
	tmux_keys j k
	sleep 0.5
	tmux_screen >"$TMPD/$f.screen"
	tmux_keys q
	tmux_wait_exit
done
# The emoji screen with each cluster as the ASCII letters of its width.
sed "s/$(printf '\360\237\221\215')/AA/g; s/$(printf '\360\237\221\251\360\237\222\273')/AAAA/g; s/$(printf 'e\314\201')/e/g" \
	"$TMPD/emoji.screen" >"$TMPD/emoji.ascii"
line=$(grep -n "Tumme AA AAAA SE e x?y? slut" "$TMPD/ascii.screen" | head -1 | cut -d: -f1)
check "the ASCII title is on screen" [ -n "$line" ]
if [ -n "$line" ] && [ "$(sed -n "${line}p" "$TMPD/emoji.ascii")" = "$(sed -n "${line}p" "$TMPD/ascii.screen")" ]; then
	ok "pane 4: the title's line is the ASCII title's line, column for column"
else
	not_ok "pane 4: the title's line differs"; sed -n "${line:-1}p" "$TMPD/emoji.screen" "$TMPD/ascii.screen" | sed 's/^/# /'
fi
if cmp -s "$TMPD/emoji.ascii" "$TMPD/ascii.screen"; then ok "pane 4: every screen line is as with the ASCII title"
else not_ok "pane 4: the screens differ"; diff "$TMPD/emoji.ascii" "$TMPD/ascii.screen" | sed 's/^/# /'; fi
# The edit form cannot show a title with such clusters as it is (the screen shows it as above):
# it is read-only there, and typing in it changes nothing.
sqlite3 "$TMPD/emoji.db" "UPDATE activity SET title = 'Tumme ' || char(128077, 127997) || ' ' || char(128105, 8205, 128187)
	|| ' ' || char(127480, 127466) WHERE id = 1;"
title1=$(sqlite3 "$TMPD/emoji.db" "SELECT hex(title) FROM activity WHERE id = 1")
tmux_start 100 24 "$STYRKORT $TMPD/emoji.db"
tmux_expect "Oskarshamn" "emoji: the dashboard starts again"
tmux_keys 4 e
tmux_expect " EDIT | " "emoji: edit mode"
tmux_keys Enter
tmux_expect "Edit #1" "emoji: the form of #1 opens"
tmux_expect "$(printf 'Tumme \360\237\221\215 \360\237\221\251\360\237\222\273 SE')" "emoji: the form shows the title as the table does"
tmux_expect "read-only: edit with" "emoji: the title is read-only in the form"
tmux_keys XYZ Down Down Down C-u 40 Enter
tmux_expect "Saved #1" "emoji: #1 is saved with a new progress"
check "emoji: the title is byte for byte as it was" [ "$(sqlite3 "$TMPD/emoji.db" "SELECT hex(title) FROM activity WHERE id = 1")" = "$title1" ]
tmux_keys q
tmux_wait_exit
tmux_check_sanitizers
tap_done
