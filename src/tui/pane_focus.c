/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_focus.c: pane 2, every focus area with its purpose, responsible bodies, activities by status and a completion bar. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
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

/* Rows of kind ITEM_FOCUS; index: a focus area, or nfocus for the activities without one. */
static void
area(struct view *v, size_t index, int64_t focus_id, const char *name, const char *purpose,
     char *const *bodies, size_t nbodies)
{
	struct act_counts c;
	struct progress pr;
	char bar[128], *line, *counts;
	struct vrows *rows = v->priv;
	int w = v->width, barw, namew;

	/* The report's progress_focus_id(), from counts read in SQL rather than every activity in memory. */
	if (query_focus_progress(v->dash->db, v->dash->plan.s.id, focus_id, &c, &pr) < 0)
		display_message(1, "%s", err_get());
	progress_bar(bar, sizeof bar, &pr, 10);
	if (pr.light != LIGHT_NONE) {
		size_t len = strlen(bar);

		snprintf(bar + len, sizeof bar - len, "  %s", light_label(pr.light));
	}
	barw = text_width(bar);
	/* The name, cut to leave room for the bar at the right margin. */
	{
		char *clean = text_sanitize(name, 0);
		size_t fit = text_fit(clean, w - barw - 2);

		clean[fit] = '\0';
		namew = text_width(clean);
		line = xasprintf("%s%*s%s", clean, w - namew - barw > 1 ? w - namew - barw : 1, "", bar);
		free(clean);
	}
	vrows_add(rows, line, DC_LABEL, 1, ITEM_FOCUS, index);
	counts = counts_text(&c);
	vrows_wrap(rows, w, 2, counts, c.overdue ? DC_OVERDUE : DC_NORMAL, 0, 0, ITEM_FOCUS, index);
	free(counts);
	vrows_wrap(rows, w, 2, purpose, DC_NORMAL, 0, 0, ITEM_FOCUS, index);
	if (nbodies) {
		struct buf b;
		char *list;

		buf_init(&b);
		for (size_t i = 0; i < nbodies; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", bodies[i]);
		list = buf_steal(&b);
		vrows_field(rows, w, 2, _("Responsible"), list, 0, ITEM_FOCUS, index);
		free(list);
	}
	vrows_add(rows, xstrdup(""), DC_NORMAL, 0, ITEM_FOCUS, index);
}

static void
load(struct view *v)
{
	const struct plan *p = &v->dash->plan;
	struct act_filter f;
	struct vrows *rows = v->priv;
	long without = 0;

	vrows_free(rows);
	for (size_t i = 0; i < p->nfocus; i++) {
		char *name = xasprintf("%s%s", p->focus[i].name, model_example_mark(p->focus[i].example));

		area(v, i, p->focus[i].id, name, p->focus[i].purpose, p->focus[i].bodies, p->focus[i].nbodies);
		free(name);
	}
	query_filter_init(&f);
	f.focus_id = 0;
	if (query_activity_count(v->dash->db, p->s.id, &f, &without) == 0 && without > 0)
		area(v, p->nfocus, 0, p->nfocus ? _("Activities without a focus area") : _("All activities (this strategy has no focus areas)"),
		     NULL, NULL, 0);
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

	query_filter_init(&f);
	if (i < p->nfocus) {
		const struct focus_area *fa = &p->focus[i];

		doc_heading(d, fa->name);
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
		f.focus_id = 0;
		doc_activities(d, dash, &f, 30);
	}
}

const struct view_ops pane_focus_ops = {
	.title = N_("Focus areas"),
	VROWS_VIEW_OPS,
	.load = load,
	.detail = detail,
};
