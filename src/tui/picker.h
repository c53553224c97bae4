/* SPDX-License-Identifier: GPL-3.0-or-later */
/* picker.h: pick lists (ncurses' menu library): the strategy picker (S) and the activity filter (f). */
#ifndef STYRKORT_PICKER_H
#define STYRKORT_PICKER_H

#include "view.h"

/*
 * Let the user pick one of n items (shown sanitised) in a box over the
 * pane, starting at current.  Returns the index, -1 if cancelled, -2 if
 * the program must end.
 */
int picker_choose(struct dash *dash, const char *title, char *const *items, int n, int current);

/* S: choose the strategy; 1 if another one was chosen, 0 if not, -1 if the program must end. */
int picker_strategy(struct dash *dash, char **chosen_id);
/* f: change dash->filter; 1 if it changed, 0 if not, -1 if the program must end. */
int picker_filter(struct dash *dash);

#endif
