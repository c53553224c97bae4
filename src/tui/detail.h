/* SPDX-License-Identifier: GPL-3.0-or-later */
/* detail.h: a document of wrapped lines shown over the pane, as a view: the detail of an item (Enter) and the help (?). */
#ifndef STYRKORT_DETAIL_H
#define STYRKORT_DETAIL_H

#include "display.h"
#include "view.h"

/* A document: rows of a struct vrows (so a view can show it) made for width. */
struct doc {
	struct vrows rows;      /* text sanitised when drawn, at most width columns */
	int width;
};

void doc_heading(struct doc *d, const char *text);
/* "Label: value", the value wrapped under itself; nothing if value is NULL or empty. */
void doc_field(struct doc *d, const char *label, const char *value);
/* Wrapped text (paragraphs kept), indented. */
void doc_text(struct doc *d, int indent, const char *text, enum dcolor c);
/* "Activities" and up to limit of those that pass f, each "#12 + Done  title (due)", and how many more. */
void doc_activities(struct doc *d, struct dash *dash, const struct act_filter *f, int limit);
/* "Latest changes": up to ten change-log lines of the scope. */
void doc_changes(struct doc *d, struct dash *dash, enum change_scope scope, int64_t id);

/* The detail of a goal (pane_goals.c), also opened from the vision pane. */
void goal_detail(struct dash *dash, size_t goal_index, struct doc *d);

/* The detail of a pane's selected item. */
int detail_open(struct view *v);
/* The help screen, from the table of actions. */
int detail_help(struct dash *dash);

#endif
