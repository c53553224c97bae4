/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * actions.h: every action of the dashboard, once: its keys, its name and
 * its help text.  The key handling, the "?" help screen and the man
 * page's key list (styrkort --man-keys) are all derived from ACTIONS.
 */
#ifndef STYRKORT_ACTIONS_H
#define STYRKORT_ACTIONS_H

#include <stdio.h>

#include "panes.h"

/*
 * A(ID, name, help, keys...): keys are curses key codes or characters,
 * at most four.  The groups (GROUP) are headings on the help screen.
 * Enter is listed twice: OPEN, and EDIT (what it does in edit mode);
 * action_for_key() gives OPEN and the dashboard decides by the mode.
 */
/* A pane's action, from its line in PANES: ACT_PANE_ID, "pane-name". */
#define PANE_ACTION(id, name, key, help) A(PANE_##id, "pane-" #name, help, key)
#define ACTIONS \
	GROUP(N_("Panes")) \
	PANES(PANE_ACTION) \
	A(PANE_NEXT,   "pane-next",       N_("Next pane"), '\t') \
	A(PANE_PREV,   "pane-previous",   N_("Previous pane"), KEY_BTAB) \
	GROUP(N_("Moving")) \
	A(MOVE_UP,     "move-up",         N_("Move up"), KEY_UP, 'k') \
	A(MOVE_DOWN,   "move-down",       N_("Move down"), KEY_DOWN, 'j') \
	A(PAGE_UP,     "page-up",         N_("Move up a page"), KEY_PPAGE) \
	A(PAGE_DOWN,   "page-down",       N_("Move down a page"), KEY_NPAGE, ' ') \
	A(MOVE_FIRST,  "move-first",      N_("Go to the first line"), KEY_HOME, 'g') \
	A(MOVE_LAST,   "move-last",       N_("Go to the last line"), KEY_END, 'G') \
	GROUP(N_("Looking closer")) \
	A(OPEN,        "open",            N_("Open the detail of the selected item"), '\n', KEY_ENTER) \
	A(CLOSE,       "close",           N_("Close the detail or help"), 27) \
	A(SEARCH,      "search",          N_("Search the current pane (case does not matter)"), '/') \
	A(SEARCH_NEXT, "search-next",     N_("Go to the next match"), 'n') \
	A(FILTER,      "filter",          N_("Filter activities: status, focus area, responsible, overdue"), 'f') \
	A(SORT,        "sort",            N_("Sort activities: plan order, due date, status, focus area"), 'o') \
	A(STRATEGY,    "strategy",        N_("Choose the strategy"), 'S') \
	GROUP(N_("Editing")) \
	A(EDIT_MODE,   "edit-mode",       N_("Edit mode on or off (refused, with the reason, when the file is read-only)"), 'e') \
	A(SET_STATUS,  "set-status",      N_("(edit mode) Set the selected activity's status: a pick list, then an optional comment"), 's') \
	A(EDIT,        "edit",            N_("(edit mode) Edit the selected activity in a form; on an indicator: enter a value"), '\n') \
	A(VALUE,       "enter-value",     N_("(edit mode) Enter a value of the selected indicator: period, sex T/K/M, value"), 'v') \
	A(ADD,         "add",             N_("(edit mode) Add an activity to the focus area in view"), 'a') \
	A(DELETE,      "delete",          N_("(edit mode) Delete the selected activity, after a confirmation"), 'd') \
	A(UNDO,        "undo",            N_("(edit mode) Undo your last change, as a new logged change"), 'u') \
	A(REVIEW,      "review",          N_("(edit mode) Record a steering-group review: date and note"), 'R') \
	GROUP(N_("Other")) \
	A(PRINT,       "print",           N_("Print the summary (print_command), or write it to a file"), 'p') \
	A(RELOAD,      "reload",          N_("Read the database again now (other people's changes also come every refresh interval)"), 'r') \
	A(REDRAW,      "redraw",          N_("Redraw the screen"), 12) \
	A(HELP,        "help",            N_("Show this help"), '?') \
	A(QUIT,        "quit",            N_("Quit (in a detail or the help: close it)"), 'q')

enum action {
	ACT_NONE,
#define GROUP(title)
#define A(id, name, help, ...) ACT_##id,
	ACTIONS
#undef A
#undef GROUP
	ACT_COUNT
};

/* The action bound to a key (a curses key code or a character), or ACT_NONE. */
enum action action_for_key(int key);
/* The action's keys for people: "↓ j", "PgDn Space". */
void action_keys_label(enum action a, char *out, size_t n);
const char *action_name(enum action a);
/* The help text in the UI language. */
const char *action_help(enum action a);
/* Walk the table for the help screen: group headings (a == ACT_NONE) and actions. */
struct action_entry { enum action a; const char *group; };
size_t action_entries(const struct action_entry **out);

/* The key list as man page source (roff). */
void actions_write_man(FILE *f);

#endif
