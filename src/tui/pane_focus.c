/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_focus.c: pane 2, a line per focus area (name, counts, completion bar and light); its purpose, bodies and counts by status in its detail. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "overview.h"
#include "progress.h"
#include "text.h"
#include "util.h"
#include "view.h"


/* "12 activities: 3 + Done, 2 > In progress; 1 overdue; 4 commitments: 1 + Fulfilled, 3 ? Not assessed" */
static char *
counts_text(const struct act_counts *c)
{
	struct buf b;

	buf_init(&b);
	/* Commitments only (Oskarshamn's): their assessments, not "0 activities". */
	if (c->total || !c->commitments)
		buf_printf(&b, ui_ngettext("%ld activity", "%ld activities", (unsigned long)c->total), c->total);
	for (int s = 0, first = 1; s < ST_COUNT; s++) {
		if (!c->n[s])
			continue;
		buf_printf(&b, "%s%ld %s %s", first ? ": " : ", ", c->n[s], status_symbol((enum status)s),
		           status_label((enum status)s));
		first = 0;
	}
	if (c->overdue)
		buf_printf(&b, ui_ngettext("; %ld overdue", "; %ld overdue", (unsigned long)c->overdue), c->overdue);
	if (c->commitments)
		buf_printf(&b, ui_ngettext("%s%ld commitment", "%s%ld commitments", (unsigned long)c->commitments),
		           c->total ? "; " : "", c->commitments);
	for (int i = 0, first = 1; i < AS_COUNT; i++) {
		enum assessment as = assessment_order[i];

		if (!c->assessed[as])
			continue;
		buf_printf(&b, "%s%ld %s %s", first ? ": " : ", ", c->assessed[as], assessment_symbol(as),
		           assessment_label(as));
		first = 0;
	}
	return buf_steal(&b);
}

/* "12 activities, 2 overdue" (or "4 commitments"): the short count on an area's line. */
static char *
short_counts(const struct act_counts *c)
{
	struct buf b;

	buf_init(&b);
	if (c->total || !c->commitments)
		buf_printf(&b, ui_ngettext("%ld activity", "%ld activities", (unsigned long)c->total), c->total);
	else
		buf_printf(&b, ui_ngettext("%ld commitment", "%ld commitments", (unsigned long)c->commitments),
		           c->commitments);
	if (c->overdue)
		buf_printf(&b, ui_ngettext(", %ld overdue", ", %ld overdue", (unsigned long)c->overdue), c->overdue);
	return buf_steal(&b);
}

/*
 * The bar and the light in a column of their own: "[####------]  40 %  ● on track",
 * padded to the widest; without data the bar's own "○ no data" takes the light's room.
 */
static char *
bar_column(const struct progress *pr, int *width)
{
	static const struct progress hundred = { 1, 100, LIGHT_NONE, 0, 0, TREND_NONE }, none = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };
	char bar[128], widest[128];
	int barw;

	progress_bar(widest, sizeof widest, &hundred, 10);
	barw = text_width(widest);
	*width = barw + 2 + light_text_width();
	progress_bar(widest, sizeof widest, &none, 10);
	if (text_width(widest) > *width)
		*width = text_width(widest);
	progress_bar(bar, sizeof bar, pr, 10);
	if (pr->light == LIGHT_NONE)
		return xstrdup(bar);
	return xasprintf("%s%*s%s", bar, barw - text_width(bar) + 2 > 0 ? barw - text_width(bar) + 2 : 1, "", light_text(pr->light));
}

/* An area's line before it is laid out (the counts' column is as wide as the widest). */
struct area_line {
	char *name, *counts, *bar;
	int overdue;
	size_t index;
};

/* Read an area (kind ITEM_FOCUS; index: a focus area, or nfocus for the activities without one). */
static void
area_read(struct view *v, struct area_line *l, size_t index, int64_t focus_id, const char *name, int *barw)
{
	struct act_counts c;
	struct progress pr;

	/* The report's progress_focus_id(), from counts read in SQL rather than every activity in memory. */
	if (query_focus_progress(v->dash->db, v->dash->plan.s.id, focus_id, &c, &pr) < 0)
		display_message(1, "%s", err_get());
	l->name = xstrdup(name);
	l->counts = short_counts(&c);
	l->bar = bar_column(&pr, barw);
	l->overdue = c.overdue > 0;
	l->index = index;
}

/*
 * One line per area, so that every area of a strategy fits on a screen:
 * its name ("…" where cut), its counts in a column, and its bar and light
 * in a column at the right.  The counts go (on every line) where they
 * would leave a name less than 16 columns.  Its purpose, bodies and
 * counts by status are in its detail (Enter).
 */
static void
area_lines_add(struct view *v, struct area_line *ls, size_t n, int barw)
{
	int w = v->width, countw = 0, namew;

	for (size_t i = 0; i < n; i++)
		if (text_width(ls[i].counts) > countw)
			countw = text_width(ls[i].counts);
	namew = w - barw - countw - 4;
	if (namew < 16) {
		countw = 0;
		namew = w - barw - 2;
	}
	for (size_t i = 0; i < n; i++) {
		char *cut = text_ellipsize(ls[i].name, namew);
		const char *counts = countw ? ls[i].counts : "";
		char *line = xasprintf("%s%*s%s  %s", cut, w - barw - 2 - text_width(counts) - text_width(cut), "",
		                       counts, ls[i].bar);

		vrows_add(v->priv, line, ls[i].overdue ? DC_OVERDUE : DC_LABEL, 1, ITEM_FOCUS, ls[i].index);
		free(cut);
		free(ls[i].name);
		free(ls[i].counts);
		free(ls[i].bar);
	}
}

static void
load(struct view *v)
{
	const struct plan *p = &v->dash->plan;
	struct act_filter f;
	struct vrows *rows = v->priv;
	struct area_line *ls = xcalloc(p->nfocus + 1, sizeof *ls);
	size_t n = 0;
	long without = 0;
	int barw = 0;

	vrows_free(rows);
	for (size_t i = 0; i < p->nfocus; i++) {
		char *name = xasprintf("%s%s", p->focus[i].name, model_example_mark(p->focus[i].example));

		area_read(v, &ls[n++], i, p->focus[i].id, name, &barw);
		free(name);
	}
	query_filter_init(&f);
	f.focus_id = 0;
	if (query_activity_count(v->dash->db, p->s.id, &f, &without) == 0 && without > 0)
		area_read(v, &ls[n++], p->nfocus, 0, p->nfocus ? _("Activities without a focus area")
		                                              : _("All activities (this strategy has no focus areas)"), &barw);
	area_lines_add(v, ls, n, barw);
	free(ls);
	if (rows->n == 0)
		vrows_add(rows, xstrdup(_("This strategy has no focus areas and no activities.")), DC_DIM, 1, ITEM_FOCUS, p->nfocus);
	v->nrows = (long)rows->n;
}

static void
detail(struct view *v, long row, struct doc *d)
{
	struct dash *dash = v->dash;
	const struct plan *p = &dash->plan;
	const struct vrows *rows = v->priv;
	size_t i = rows->r[row].index;
	struct act_filter f;
	struct act_counts c;
	struct progress pr;
	char *counts = NULL;

	query_filter_init(&f);
	if (query_focus_progress(dash->db, p->s.id, i < p->nfocus ? p->focus[i].id : 0, &c, &pr) == 0)
		counts = counts_text(&c);
	if (i < p->nfocus) {
		const struct focus_area *fa = &p->focus[i];

		doc_heading(d, fa->name);
		doc_field(d, _("Activities"), counts);
		doc_field(d, _("Purpose"), fa->purpose);
		doc_field(d, _("Source"), fa->source);
		doc_field(d, _("Example data"), fa->example ? _("yes") : NULL);
		if (fa->nbodies) {
			doc_heading(d, _("Responsible bodies"));
			for (size_t k = 0; k < fa->nbodies; k++)
				doc_text(d, 2, fa->bodies[k], DC_NORMAL);
		}
		/* Every goal linked to it (goal_focus), with its sub-goals. */
		for (size_t k = 0, any = 0; k < p->ngoals; k++)
			if (goal_in_focus(&p->goals[k], fa->id)) {
				if (!any++)
					doc_heading(d, _("Goals"));
				doc_text(d, 2, p->goals[k].title, DC_NORMAL);
			}
		f.focus_id = fa->id;
		doc_activities(d, dash, &f, 30);
		doc_changes(d, dash, CHANGES_FOCUS, fa->id);
	} else {
		doc_heading(d, _("Activities without a focus area"));
		doc_field(d, _("Activities"), counts);
		f.focus_id = 0;
		doc_activities(d, dash, &f, 30);
	}
	free(counts);
}

const struct view_ops pane_focus_ops = {
	.title = N_("Focus areas"),
	VROWS_VIEW_OPS,
	.load = load,
	.detail = detail,
};
