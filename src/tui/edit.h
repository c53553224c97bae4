/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * edit.h: the dashboard's edit mode: status (s), the activity form
 * (Enter), add (a), delete (d), undo (u), indicator values (Enter/v on
 * pane 3), reviews (R), printing (p), and the conflict dialog when
 * someone else changed the activity first.  Each returns -1 if the
 * program must end, else 0; a saved change reloads the dashboard
 * (dash_reload) and says so on the status line.
 */
#ifndef STYRKORT_EDIT_H
#define STYRKORT_EDIT_H

#include "view.h"

/* e: edit mode on or off; refused with the reason when the file is read-only. */
void edit_toggle(struct dash *d);

int edit_status(struct dash *d, struct view *v);
int edit_form(struct dash *d, struct view *v);
int edit_add(struct dash *d, struct view *v);
int edit_delete(struct dash *d, struct view *v);
int edit_undo(struct dash *d);
int edit_value(struct dash *d, struct view *v);
int edit_review(struct dash *d);
/* edit_structure.c: E edits the selected focus area, goal or indicator (on the vision: a group or follow-up), A adds one, d deletes one. */
int edit_item(struct dash *d, struct view *v);
int edit_add_item(struct dash *d, struct view *v);
int edit_delete_item(struct dash *d, struct view *v);
/* p: in any mode. */
int edit_print(struct dash *d);

#endif
