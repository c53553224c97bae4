/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_dialog.h: a dialog of one-line fields (ncurses' form library) over the dashboard, with errors shown at the field. */
#ifndef STYRKORT_FORM_H
#define STYRKORT_FORM_H

#include "view.h"

struct form_field {
	const char *label;      /* in the UI language */
	char *value;            /* in: the initial text (may be NULL); out: what was typed (malloc'd) */
	int locked;             /* out: the form could not show the text as it is, so it was read-only */
};

/*
 * What to do with the values when the user saves (Enter): return 1 to
 * close the form, 0 to keep it open showing err_get() at field *bad (or
 * under the fields if *bad is -1), -1 if the program must end.
 */
typedef int (*form_submit_fn)(void *arg, struct form_field *fields, int n, int *bad);

/*
 * Show the form titled title; fields are edited in place.  A field whose
 * text a one-line field cannot show as it is (line breaks, tabs, spaces at
 * either end, characters text_check() refuses, what ncurses would cut, such
 * as long runs of combining marks) is read-only, with a note, and its
 * value comes back untouched: the form never rewrites what it cannot show.
 * Returns 1 if submit closed it, 0 if cancelled (Esc), -1 if the program
 * must end.
 */
int form_run(struct dash *dash, const char *title, struct form_field *fields, int n,
             form_submit_fn submit, void *arg);

/*
 * The same, and fields with a pick list: F2 or Ctrl-O there shows items
 * (titled title) and puts the one chosen into the field.  A field of a
 * list that is not `only` may still be changed or typed freely (the
 * responsible); an `only` field takes a value of the list and nothing
 * else (the status): it cannot be typed in, and any character typed there
 * (Space too) opens the list.
 */
struct form_choices {
	int line;               /* the field's line; -1: none */
	const char *title;
	char *const *items;
	int n;
	int only;
};
int form_run_choices(struct dash *dash, const char *title, struct form_field *fields, int n,
                     form_submit_fn submit, void *arg, const struct form_choices *choices, int nchoices);

#endif
