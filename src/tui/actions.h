/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * actions.h: every action of the dashboard, once: its keys and its help
 * text.  The key handling, the "?" help screen and the man
 * page's key list (styrkort --man-keys) are all derived from ACTIONS.
 */
#ifndef STYRKORT_ACTIONS_H
#define STYRKORT_ACTIONS_H

#include <stdio.h>

#include "panes.h"

/*
 * A(ID, help, keys...): keys are curses key codes or characters,
 * at most four.  The groups (GROUP) are headings on the help screen.
 * Enter is listed twice: OPEN, and EDIT (what it does in edit mode);
 * action_for_key() gives OPEN and the dashboard decides by the mode.
 */
/* A pane's action, from its line in PANES: ACT_PANE_ID. */
#define PANE_ACTION(id, name, key, help) A(PANE_##id, help, key)
#define ACTIONS \
	GROUP(N_("Panes")) \
	PANES(PANE_ACTION) \
	A(PANE_NEXT,   N_("Next pane"), '\t') \
	A(PANE_PREV,   N_("Previous pane"), KEY_BTAB) \
	GROUP(N_("Moving")) \
	A(MOVE_UP,     N_("Move up"), KEY_UP, 'k') \
	A(MOVE_DOWN,   N_("Move down"), KEY_DOWN, 'j') \
	A(PAGE_UP,     N_("Move up a page"), KEY_PPAGE, 'b') \
	A(PAGE_DOWN,   N_("Move down a page"), KEY_NPAGE, ' ') \
	A(MOVE_FIRST,  N_("Go to the first line"), KEY_HOME, 'g') \
	A(MOVE_LAST,   N_("Go to the last line"), KEY_END, 'G') \
	GROUP(N_("Looking closer")) \
	A(OPEN,        N_("Open the detail of the selected item"), '\n', KEY_ENTER) \
	A(CLOSE,       N_("Close the detail or help"), 27) \
	A(SEARCH,      N_("Search the current pane (case does not matter)"), '/') \
	A(SEARCH_NEXT, N_("Go to the next match"), 'n') \
	A(FILTER,      N_("Filter activities: status, focus area, responsible, overdue"), 'f') \
	A(LATE,        N_("Only the activities past their due date, or all again (the overdue filter of f)"), 'l') \
	A(SINCE,       N_("The changes since the last review in pane 5, net, a line per activity or indicator; again: the report"), 'c') \
	A(SORT,        N_("Sort activities: plan order, due date, status, focus area"), 'o') \
	A(STRATEGY,    N_("Choose the strategy"), 'S') \
	GROUP(N_("Editing")) \
	A(EDIT_MODE,   N_("Edit mode on or off (refused, with the reason, when the file is read-only)"), 'e') \
	A(SET_STATUS,  N_("(edit mode) Set the selected activity's status, or a commitment's assessment: a pick list, then an optional comment"), 's') \
	A(EDIT,        N_("(edit mode) Edit the selected activity in a form; on an indicator: enter a value"), '\n') \
	A(VALUE,       N_("(edit mode) Enter a value of the selected indicator: period, sex T/K/M, value"), 'v') \
	A(ADD,         N_("(edit mode) Add an activity to the focus area in view"), 'a') \
	A(EDIT_ITEM,   N_("(edit mode) Edit the selected focus area, goal or indicator in a form; in pane 1 a group or follow-up"), 'E') \
	A(ADD_ITEM,    N_("(edit mode) Add a focus area, goal, sub-goal, indicator, group or follow-up: a pick list, then a form"), 'A') \
	A(DELETE,      N_("(edit mode) Delete the selected activity, after a confirmation; a focus area, goal or indicator (in pane 1 a group or follow-up), choosing what happens to what it has"), 'd') \
	A(UNDO,        N_("(edit mode) Undo your last change, as a new logged change"), 'u') \
	A(REVIEW,      N_("(edit mode) Record a steering-group review: date and note"), 'R') \
	GROUP(N_("Presenting in a meeting")) \
	A(AGENDA_NEXT, N_("(--present) The next step of the agenda: the overview, each focus area, the late activities, the changes since the last review"), '>') \
	A(AGENDA_PREV, N_("(--present) The previous step of the agenda"), '<') \
	A(FOLLOW,      N_("(--follow) Follow the presenter again, after any other key stepped away"), 'F') \
	GROUP(N_("Other")) \
	A(PRINT,       N_("Print the summary (print_command), or write it to a file"), 'p') \
	A(RELOAD,      N_("Read the database again now (other people's changes also come every refresh interval)"), 'r') \
	A(REDRAW,      N_("Redraw the screen"), 12) \
	A(HELP,        N_("Show this help"), '?') \
	A(QUIT,        N_("Quit (in a detail or the help: close it)"), 'q')

enum action {
	ACT_NONE,
#define GROUP(title)
#define A(id, help, ...) ACT_##id,
	ACTIONS
#undef A
#undef GROUP
	ACT_COUNT
};

/* The action bound to a key (a curses key code or a character), or ACT_NONE. */
enum action action_for_key(int key);
/* The action's keys for people: "↓ j", "PgDn Space". */
void action_keys_label(enum action a, char *out, size_t n);
/* The help text in the UI language. */
const char *action_help(enum action a);
/* Walk the table for the help screen: group headings (a == ACT_NONE) and actions. */
struct action_entry { enum action a; const char *group; };
size_t action_entries(const struct action_entry **out);

/* The key list as man page source (roff). */
void actions_write_man(FILE *f);

#endif
