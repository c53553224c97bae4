/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_goals.c: pane 3, goals and sub-goals as a tree, each with its indicators: baseline, latest value, target, T/K/M. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "text.h"
#include "util.h"
#include "view.h"

/* Rows of kind ITEM_GOAL and ITEM_INDICATOR, index in the plan's goals or indicators. */

/* "8.5 %" or "1200 kr"; "-" without a value. */
static void
value_text(char *out, size_t n, const struct indicator *ind, int has, double v)
{
	const char *unit = ind->unit;
	char num[64];

	if (!has) {
		snprintf(out, n, "-");
		return;
	}
	indicator_format_value(num, sizeof num, ind, v);
	snprintf(out, n, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
}

/* "Baseline 8.5 % (2013) | Latest 9 % (2015) | Target 12 % (2020)" */
static char *
values_line(const struct indicator *ind)
{
	const struct measurement *m = indicator_latest(ind, SEX_T);
	char base[96], latest[96], target[96];

	value_text(base, sizeof base, ind, ind->has_baseline, ind->baseline);
	value_text(latest, sizeof latest, ind, m != NULL, m ? m->value : 0);
	value_text(target, sizeof target, ind, ind->has_target, ind->target);
	return xasprintf("%s %s%s%s%s | %s %s%s%s%s%s | %s %s%s%s%s",
	                 _("Baseline"), base, ind->baseline_period && *ind->baseline_period ? " (" : "",
	                 ind->baseline_period ? ind->baseline_period : "", ind->baseline_period && *ind->baseline_period ? ")" : "",
	                 _("Latest"), latest, m ? " (" : "", m ? m->period : "", m ? ")" : "",
	                 model_example_mark(m && m->example),
	                 _("Target"), target, ind->target_period && *ind->target_period ? " (" : "",
	                 ind->target_period ? ind->target_period : "", ind->target_period && *ind->target_period ? ")" : "");
}

/* "T 9.1 (2015) | K 8.7 (2015) | M 9.5 (2015)": the latest value of each, side by side. */
static char *
sex_line(const struct indicator *ind)
{
	struct buf b;

	buf_init(&b);
	for (int s = SEX_T; s < SEX_COUNT; s++) {
		const struct measurement *m = indicator_latest(ind, (enum sex)s);
		char v[96];

		value_text(v, sizeof v, ind, m != NULL, m ? m->value : 0);
		buf_printf(&b, "%s%c %s%s%s%s", s ? " | " : "", sex_char((enum sex)s), v,
		           m ? " (" : "", m ? m->period : "", m ? ")" : "");
	}
	return buf_steal(&b);
}

/* A row of text (a new string, freed here, NULL: none), wrapped to the width. */
static void
owned_row(struct vrows *rows, int w, int indent, char *text, enum dcolor color, int first, int kind, size_t index)
{
	if (!text)
		return;
	vrows_wrap(rows, w, indent, text, color, first, 0, kind, index);
	free(text);
}

/* An indicator: its name (qualifier, breakdown), its values, the comparison areas', by sex, its source. */
static void
indicator_rows(struct vrows *rows, int w, int indent, const struct indicator *ind, size_t k)
{
	char *cmp = indicator_comparisons(ind);

	owned_row(rows, w, indent, indicator_title(ind), DC_NORMAL, 1, ITEM_INDICATOR, k);
	owned_row(rows, w, indent + 2, values_line(ind), DC_NORMAL, 0, ITEM_INDICATOR, k);
	owned_row(rows, w, indent + 2, cmp ? xasprintf(_("Compared with: %s"), cmp) : NULL, DC_NORMAL, 0,
	          ITEM_INDICATOR, k);
	free(cmp);
	owned_row(rows, w, indent + 2, ind->by_sex ? sex_line(ind) : NULL, DC_NORMAL, 0, ITEM_INDICATOR, k);
	if ((ind->source && *ind->source) || (ind->kolada && *ind->kolada))
		owned_row(rows, w, indent + 2,
		          xasprintf("%s: %s%s%s", _("Source"), ind->source ? ind->source : "",
		                    ind->kolada && *ind->kolada ? (ind->source && *ind->source ? ", Kolada " : "Kolada ") : "",
		                    ind->kolada ? ind->kolada : ""),
		          DC_DIM, 0, ITEM_INDICATOR, k);
}

static void
load(struct view *v)
{
	struct dash *dash = v->dash;
	const struct plan *p = &dash->plan;
	struct vrows *rows = v->priv;
	int w = v->width;

	vrows_free(rows);
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		int ind0 = 2 * g->depth, any = 0;

		if (g->depth == 0 && rows->n > 0)
			vrows_add(rows, xstrdup(""), DC_NORMAL, 0, ITEM_GOAL, i);
		owned_row(rows, w, ind0, xasprintf("%s%s", g->title, model_example_mark(g->example)),
		          g->depth ? DC_LABEL : DC_HEADING, 1, ITEM_GOAL, i);
		for (size_t k = 0; k < p->ninds; k++)
			if (p->inds[k].goal_id == g->id) {
				indicator_rows(rows, w, ind0 + 2, &p->inds[k], k);
				any = 1;
			}
		if (!any) {
			struct act_filter f;
			struct act_counts c;

			query_filter_init(&f);
			f.goal_id = g->id;
			if (query_counts(dash->db, p->s.id, &f, &c) == 0 && c.total > 0) {
				char *line = xasprintf(_("No indicators; activities done: %ld of %ld"),
				                       (long)c.n[ST_DONE], (long)c.total);

				vrows_wrap(rows, w, ind0 + 2, line, DC_DIM, 0, 0, ITEM_GOAL, i);
				free(line);
			}
		}
	}
	if (rows->n == 0)
		vrows_add(rows, xstrdup(_("This strategy has no goals.")), DC_DIM, 1, ITEM_GOAL, 0);
	v->nrows = (long)rows->n;
}

static void
indicator_detail(struct dash *dash, const struct indicator *ind, struct doc *d)
{
	const struct goal *g = plan_goal(&dash->plan, ind->goal_id);
	char v[96], *line;

	doc_heading(d, ind->name);
	doc_field(d, _("Qualifier"), ind->qualifier);
	doc_field(d, _("Breakdown"), ind->breakdown);
	doc_field(d, _("Goal"), g ? g->title : NULL);
	doc_field(d, _("Description"), ind->description);
	doc_field(d, _("Unit"), ind->unit);
	doc_field(d, _("Source"), ind->source);
	doc_field(d, _("Kolada KPI"), ind->kolada);
	doc_field(d, _("Example data"), ind->example ? _("yes") : NULL);
	doc_field(d, _("Direction"), ind->direction == DIR_LOWER ? _("lower is better")
	          : ind->direction == DIR_HIGHER ? _("higher is better") : _("not given"));
	value_text(v, sizeof v, ind, ind->has_baseline, ind->baseline);
	line = xasprintf("%s%s%s%s", v, ind->baseline_period && *ind->baseline_period ? " (" : "",
	                 ind->baseline_period ? ind->baseline_period : "",
	                 ind->baseline_period && *ind->baseline_period ? ")" : "");
	doc_field(d, _("Baseline"), line);
	free(line);
	value_text(v, sizeof v, ind, ind->has_target, ind->target);
	line = xasprintf("%s%s%s%s", v, ind->target_period && *ind->target_period ? " (" : "",
	                 ind->target_period ? ind->target_period : "",
	                 ind->target_period && *ind->target_period ? ")" : "");
	doc_field(d, _("Target"), line);
	free(line);
	doc_field(d, _("Split by sex"), ind->by_sex ? _("yes (T total, K women, M men)") : _("no"));
	doc_heading(d, _("Values"));
	if (ind->nvalues == 0)
		doc_text(d, 2, _("none yet"), DC_DIM);
	for (size_t i = 0; i < ind->nvalues; i++) {
		const struct measurement *m = &ind->values[i];

		value_text(v, sizeof v, ind, m->has_value, m->value);
		line = xasprintf("%s %c %s  (%s, %s)", m->period, sex_char(m->sex),
		                 m->has_value ? v : _("no data"), m->entered_by ? m->entered_by : "",
		                 m->entered_at ? m->entered_at : "");
		doc_text(d, 2, line, DC_NORMAL);
		free(line);
	}
	if (ind->ncomparisons)
		doc_heading(d, _("Comparison values"));
	for (size_t i = 0; i < ind->ncomparisons; i++) {
		const struct measurement *m = &ind->comparisons[i];

		value_text(v, sizeof v, ind, m->has_value, m->value);
		line = xasprintf("%s %s %c %s", series_label(m->series), m->period, sex_char(m->sex),
		                 m->has_value ? v : _("no data"));
		doc_text(d, 2, line, DC_NORMAL);
		free(line);
	}
	doc_changes(d, dash, CHANGES_INDICATOR, ind->id);
}

void
goal_detail(struct dash *dash, size_t index, struct doc *d)
{
	const struct plan *p = &dash->plan;
	const struct goal *g = &p->goals[index];
	const struct goal *parent = g->parent_id ? plan_goal(p, g->parent_id) : NULL;
	struct act_filter f;
	char *areas = goal_focus_names(p, g, "; ");
	int any = 0;

	doc_heading(d, g->title);
	doc_field(d, _("Description"), g->description);
	doc_field(d, _("Part of"), parent ? parent->title : NULL);
	doc_field(d, g->nfocus_ids > 1 ? _("Focus areas") : _("Focus area"), *areas ? areas : NULL);
	doc_field(d, _("Source"), g->source);
	doc_field(d, _("Example data"), g->example ? _("yes") : NULL);
	free(areas);
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].parent_id == g->id) {
			if (!any++)
				doc_heading(d, _("Sub-goals"));
			doc_text(d, 2, p->goals[i].title, DC_NORMAL);
		}
	any = 0;
	for (size_t i = 0; i < p->ninds; i++)
		if (p->inds[i].goal_id == g->id) {
			char *line = values_line(&p->inds[i]), *title = indicator_title(&p->inds[i]);

			if (!any++)
				doc_heading(d, _("Indicators"));
			doc_text(d, 2, title, DC_LABEL);
			free(title);
			doc_text(d, 4, line, DC_NORMAL);
			free(line);
		}
	query_filter_init(&f);
	f.goal_id = g->id;
	doc_activities(d, dash, &f, 30);
	doc_changes(d, dash, CHANGES_GOAL, g->id);
}

static void
detail(struct view *v, long row, struct doc *d)
{
	const struct vrows *rows = v->priv;
	const struct vrow *r = &rows->r[row];

	if (v->dash->plan.ngoals == 0)
		return;
	if (r->kind == ITEM_INDICATOR)
		indicator_detail(v->dash, &v->dash->plan.inds[r->index], d);
	else
		goal_detail(v->dash, r->index, d);
}

const struct view_ops pane_goals_ops = {
	.title = N_("Goals"),
	VROWS_VIEW_OPS,
	.edit_hints = N_("? help | e view | Enter/v value | a add | u undo | R review | p print"),
	.load = load,
	.detail = detail,
};
