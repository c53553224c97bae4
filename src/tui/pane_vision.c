/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_vision.c: pane 1, the strategy's vision, purpose, target group, overall goals and adoption facts. */
#include <config.h>

#include <stdlib.h>

#include "detail.h"
#include "organisation.h"
#include "report.h"
#include "util.h"
#include "view.h"

/* Rows of kind ITEM_STRATEGY (index 0) and ITEM_GOAL (index in the plan's goals). */

static void
heading(struct vrows *rows, int width, const char *title)
{
	if (rows->n > 0)
		vrows_add(rows, xstrdup(""), DC_NORMAL, 0, ITEM_STRATEGY, 0);
	vrows_wrap(rows, width, 0, title, DC_HEADING, 1, 1, ITEM_STRATEGY, 0);
}

static void
date_field(struct vrows *rows, int width, const char *label, const char *iso, const char *fmt)
{
	char date[64];

	if (!iso || !*iso)
		return;
	report_format_date(date, sizeof date, iso, fmt);
	vrows_field(rows, width, 2, label, date, 1, ITEM_STRATEGY, 0);
}

static void
load(struct view *v)
{
	const struct plan *p = &v->dash->plan;
	const struct strategy *s = &p->s;
	const char *fmt = v->dash->app->cfg.date_format;
	int w = v->width, any = 0;
	char *overall = xcalloc(p->ngoals ? p->ngoals : 1, 1);
	struct vrows *rows = v->priv;

	vrows_free(rows);
	if (s->vision && *s->vision) {
		heading(rows, w, _("Vision"));
		vrows_wrap(rows, w, 2, s->vision, DC_NORMAL, 1, 1, ITEM_STRATEGY, 0);
	}
	if (s->purpose && *s->purpose) {
		heading(rows, w, _("Purpose"));
		vrows_wrap(rows, w, 2, s->purpose, DC_NORMAL, 1, 1, ITEM_STRATEGY, 0);
	}
	if (s->target_group && *s->target_group) {
		heading(rows, w, _("Target group"));
		vrows_wrap(rows, w, 2, s->target_group, DC_NORMAL, 1, 1, ITEM_STRATEGY, 0);
	}
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		const struct goal *parent = g->parent_id ? plan_goal(p, g->parent_id) : NULL;

		/* Strategy-level goals (in no focus area, or in several) and their sub-goals (in tree order). */
		if (parent ? !overall[parent - p->goals] : g->nfocus_ids == 1)
			continue;
		overall[i] = 1;
		if (!any++)
			heading(rows, w, _("Overall goals"));
		vrows_wrap(rows, w, 2 + 2 * g->depth, g->title, g->depth ? DC_NORMAL : DC_LABEL, 1, 1, ITEM_GOAL, i);
	}
	free(overall);
	if (p->ngroups)
		heading(rows, w, _("Organisation"));
	for (size_t i = 0; i < p->ngroups; i++) {
		char *text = organisation_group_summary(&p->groups[i]);

		vrows_field(rows, w, 2, organisation_role_label(p->groups[i].role), text, 1, ITEM_STRATEGY, 0);
		free(text);
	}
	if (p->nfups) {
		char today[11], *next, *last;

		heading(rows, w, _("Follow-up"));
		for (size_t i = 0; i < p->nfups; i++) {
			char *text = organisation_followup_summary(&p->fups[i], fmt);

			vrows_field(rows, w, 2, p->fups[i].what, text, 1, ITEM_STRATEGY, 0);
			free(text);
		}
		today_iso(today);
		organisation_due_text(p, today, fmt, &next, &last);
		vrows_field(rows, w, 2, _("Next follow-up"), next, 1, ITEM_STRATEGY, 0);
		vrows_field(rows, w, 2, _("Last follow-up"), last, 1, ITEM_STRATEGY, 0);
		free(next);
		free(last);
	}
	heading(rows, w, _("Adoption"));
	vrows_field(rows, w, 2, _("Municipality code"), s->municipality_code, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("County"), s->county, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Document"), s->doc_type, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Adopted by"), s->adopted_by, 1, ITEM_STRATEGY, 0);
	date_field(rows, w, _("Adopted on"), s->adopted_on, fmt);
	vrows_field(rows, w, 2, _("Paragraph (§)"), s->paragraph, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Reference number (Dnr)"), s->dnr, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Reference as written"), s->reference, 1, ITEM_STRATEGY, 0);
	date_field(rows, w, _("Document date"), s->document_date, fmt);
	date_field(rows, w, _("Revised on"), s->revised_on, fmt);
	date_field(rows, w, _("Valid from"), s->valid_from, fmt);
	date_field(rows, w, _("Valid to"), s->valid_to, fmt);
	if (s->until_further_notice)
		vrows_wrap(rows, w, 2, _("Valid until further notice"), DC_NORMAL, 1, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Replaces"), s->replaces, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Related documents"), s->related, 1, ITEM_STRATEGY, 0);
	vrows_field(rows, w, 2, _("Owner"), s->owner, 1, ITEM_STRATEGY, 0);
	v->nrows = (long)rows->n;
}

/* The whole strategy, every field, and its latest changes. */
static void
detail(struct view *v, long row, struct doc *d)
{
	const struct strategy *s = &v->dash->plan.s;
	const char *fmt = v->dash->app->cfg.date_format;
	const struct vrows *rows = v->priv;
	char from[64], to[64], adopted[64], revised[64], dated[64];

	if (rows->r[row].kind == ITEM_GOAL) {
		goal_detail(v->dash, rows->r[row].index, d);
		return;
	}
	report_format_date(from, sizeof from, s->valid_from, fmt);
	report_format_date(to, sizeof to, s->valid_to, fmt);
	report_format_date(adopted, sizeof adopted, s->adopted_on, fmt);
	report_format_date(revised, sizeof revised, s->revised_on, fmt);
	report_format_date(dated, sizeof dated, s->document_date, fmt);
	doc_heading(d, s->title);
	doc_field(d, _("Municipality"), s->municipality);
	doc_field(d, _("Municipality code"), s->municipality_code);
	doc_field(d, _("County"), s->county);
	doc_field(d, _("Strategy id"), s->id);
	doc_field(d, _("Document"), s->doc_type);
	doc_field(d, _("Adopted by"), s->adopted_by);
	doc_field(d, _("Adopted on"), adopted);
	doc_field(d, _("Paragraph (§)"), s->paragraph);
	doc_field(d, _("Reference number (Dnr)"), s->dnr);
	doc_field(d, _("Reference as written"), s->reference);
	doc_field(d, _("Document date"), dated);
	doc_field(d, _("Revised on"), revised);
	doc_field(d, _("Valid from"), from);
	if (s->until_further_notice)
		doc_text(d, 0, _("Valid until further notice"), DC_NORMAL);
	else
		doc_field(d, _("Valid to"), to);
	doc_field(d, _("Replaces"), s->replaces);
	doc_field(d, _("Related documents"), s->related);
	doc_field(d, _("Owner"), s->owner);
	doc_field(d, _("Vision"), s->vision);
	doc_field(d, _("Purpose"), s->purpose);
	doc_field(d, _("Target group"), s->target_group);
	doc_field(d, _("Organisation"), s->organisation);
	for (size_t i = 0; i < v->dash->plan.ngroups; i++) {
		char *text = organisation_group_summary(&v->dash->plan.groups[i]);

		doc_field(d, organisation_role_label(v->dash->plan.groups[i].role), text);
		free(text);
	}
	doc_field(d, _("Follow-up"), s->follow_up);
	for (size_t i = 0; i < v->dash->plan.nfups; i++) {
		const struct followup *f = &v->dash->plan.fups[i];
		char *how = organisation_followup_summary(f, fmt);
		char *text = f->note && *f->note ? xasprintf("%s\n%s", how, f->note) : xstrdup(how);

		doc_field(d, f->what, text);
		free(how);
		free(text);
	}
	doc_field(d, _("Note"), s->note);
	doc_changes(d, v->dash, CHANGES_STRATEGY, 0);
}

const struct view_ops pane_vision_ops = {
	.title = N_("Vision"),
	VROWS_VIEW_OPS,
	.load = load,
	.detail = detail,
};
