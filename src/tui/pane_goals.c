/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_goals.c: pane 3, goals and sub-goals as a tree, each with its indicators: baseline, latest value, target, T/K/M. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "detail.h"
#include "overview.h"
#include "progress.h"
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

/* The pane's rows, and the titles of its columns above them. */
struct goals_view {
	struct vrows rows;      /* first: the vrows_* functions take the view's private data as one */
	char *header;
};

static void
draw_header(struct view *v)
{
	struct goals_view *gv = v->priv;

	display_fill(dpy.body, 0, 0, v->width, A_NORMAL);
	view_put(v, 0, 0, v->width, gv->header ? gv->header : "", display_attr(DC_DIM));
}

static void
done(struct view *v)
{
	struct goals_view *gv = v->priv;

	free(gv->header);
	gv->header = NULL;
	vrows_done(v);
}

/* The columns at the right of a goal's or an indicator's row, and their titles. */
enum gcol { GC_BASE, GC_LATEST, GC_TARGET, GC_BAR, GC_SPARK, GC_COUNT };
static const char *const gcol_titles[GC_COUNT] = {
	N_("Baseline"), N_("Latest"), N_("Target"), N_("Progress"), N_("Trend"),
};
struct gcells {
	char *c[GC_COUNT];
};

/* "[####------]  40 %  ● on track"; a trend ("[..........] improving") is its own light's word. */
static char *
bar_cell(const struct progress *pr)
{
	char bar[128];

	progress_bar(bar, sizeof bar, pr, 10);
	if (pr->light != LIGHT_NONE && !pr->trend)
		return xasprintf("%s  %s", bar, light_text(pr->light));
	return xstrdup(bar);
}

/* How many of the latest periods the sparkline shows: 8, or 16 on a wide screen. */
static size_t
spark_periods(int width)
{
	return width >= 120 ? 16 : 8;
}

/* The latest total values as a sparkline, with the trend's arrow. */
static char *
spark_cell(const struct indicator *ind, int width)
{
	struct series_set set;
	const struct chart_series *t;
	struct buf b;
	size_t n, from;
	int change;

	series_from_indicator(&set, ind);
	buf_init(&b);
	if ((t = series_find(&set, 'T'))) {
		n = set.nperiods < spark_periods(width) ? set.nperiods : spark_periods(width);
		from = set.nperiods - n;
		chart_sparkline(&b, t->v + from, n, chart_ascii());
		if (series_change(ind, &set, t, &change))
			buf_printf(&b, " %s", trend_arrow(change, chart_ascii()));
	}
	series_free(&set);
	return b.s ? buf_steal(&b) : xstrdup("");
}

static void
indicator_cells(const struct indicator *ind, int width, struct gcells *g)
{
	const struct measurement *m = indicator_latest(ind, SEX_T);
	char v[96];

	indicator_format_value(v, sizeof v, ind, ind->baseline);
	g->c[GC_BASE] = xstrdup(ind->has_baseline ? v : "-");
	value_text(v, sizeof v, ind, m != NULL, m ? m->value : 0);
	g->c[GC_LATEST] = m ? xasprintf("%s (%s)", v, m->period) : xstrdup("-");
	indicator_format_value(v, sizeof v, ind, ind->target);
	g->c[GC_TARGET] = xstrdup(ind->has_target ? v : "-");
	{
		struct progress pr = progress_indicator(ind);

		g->c[GC_BAR] = bar_cell(&pr);
	}
	g->c[GC_SPARK] = spark_cell(ind, width);
}

static void
gcells_free(struct gcells *g)
{
	for (int c = 0; c < GC_COUNT; c++)
		free(g->c[c]);
}

/* The widths of the columns over every row and the titles; the sparkline goes first when it does not fit. */
static int
gcol_widths(const struct gcells *g, size_t n, int width, int widths[GC_COUNT])
{
	int total = 0;

	for (int c = 0; c < GC_COUNT; c++) {
		widths[c] = text_width(_(gcol_titles[c]));
		for (size_t i = 0; i < n; i++)
			if (g[i].c[c] && text_width(g[i].c[c]) > widths[c])
				widths[c] = text_width(g[i].c[c]);
		total += widths[c] + 2;
	}
	if (total > width - 4) {
		total -= widths[GC_SPARK] + 2;
		widths[GC_SPARK] = 0;
	}
	return total;
}

/* The columns as one text, each padded to its width (numbers to the right). */
static char *
gcells_text(const char *const c[GC_COUNT], const int widths[GC_COUNT])
{
	struct buf b;

	buf_init(&b);
	for (int k = 0; k < GC_COUNT; k++) {
		const char *t = c[k] ? c[k] : "";
		int pad = widths[k] - text_width(t);

		if (!widths[k])
			continue;
		if (k == GC_BASE || k == GC_TARGET)
			buf_printf(&b, "  %*s%s", pad, "", t);
		else
			buf_printf(&b, "  %s%*s", t, k == GC_COUNT - 1 ? 0 : pad, "");
	}
	return buf_steal(&b);
}

/* A goal's or indicator's row: the name and the columns on one line where it fits, else the name above them. */
static void
add_item(struct vrows *rows, int w, int indent, const char *name, enum dcolor c, const char *cols,
         int colsw, int kind, size_t index)
{
	char *clean = text_sanitize(name, 0);
	int namew = text_width(clean);

	if (indent + namew + 1 <= w - colsw) {
		vrows_add(rows, xasprintf("%*s%s%*s%s", indent, "", clean, w - colsw - indent - namew, "", cols),
		          c, 1, kind, index);
	} else {
		vrows_wrap(rows, w, indent, clean, c, 1, 0, kind, index);
		vrows_add(rows, xasprintf("%*s%s", w - colsw > 0 ? w - colsw : 0, "", cols), c, 0, kind, index);
	}
	free(clean);
}

/* "K 48.7 %, M 50.1 % (2022): gap 1.4 percentage points"; else each sex's latest, as before. */
static char *
gap_line(const struct indicator *ind)
{
	char gap[64], k[96], m[96];
	double kv, mv;
	const char *period = indicator_gap(ind, gap, sizeof gap, &kv, &mv);

	if (!period)
		return sex_line(ind);
	value_text(k, sizeof k, ind, 1, kv);
	value_text(m, sizeof m, ind, 1, mv);
	if (ind->unit && strcmp(ind->unit, "%") == 0)
		return xasprintf(_("K %s, M %s (%s): gap K-M %s percentage points"), k, m, period, gap);
	return xasprintf(_("K %s, M %s (%s): gap K-M %s %s"), k, m, period, gap, ind->unit ? ind->unit : "");
}

/* "Compared with: county 10 %, country 16 % (2013)", as the report says it, or NULL. */
static char *
comparison_line(const struct indicator *ind)
{
	char *cmp = indicator_comparisons(ind), *line;

	if (!cmp)
		return NULL;
	line = xasprintf(_("Compared with: %s"), cmp);
	free(cmp);
	return line;
}

/* The rows under an indicator's own: women and men with the gap, comparison values, the source. */
static void
indicator_more(struct vrows *rows, int w, int indent, const struct indicator *ind, size_t k)
{
	char *line;

	if (ind->by_sex && (indicator_latest(ind, SEX_K) || indicator_latest(ind, SEX_M))) {
		line = gap_line(ind);
		vrows_wrap(rows, w, indent, line, DC_NORMAL, 0, 0, ITEM_INDICATOR, k);
		free(line);
	}
	if ((line = comparison_line(ind))) {
		vrows_wrap(rows, w, indent, line, DC_NORMAL, 0, 0, ITEM_INDICATOR, k);
		free(line);
	}
	if ((ind->source && *ind->source) || (ind->kolada && *ind->kolada)) {
		line = xasprintf("%s: %s%s%s", _("Source"), ind->source ? ind->source : "",
		                 ind->kolada && *ind->kolada ? (ind->source && *ind->source ? ", Kolada " : "Kolada ") : "",
		                 ind->kolada ? ind->kolada : "");
		vrows_wrap(rows, w, indent, line, DC_DIM, 0, 0, ITEM_INDICATOR, k);
		free(line);
	}
}

/* A goal without indicators: how many of its activities are done. */
static void
goal_activities(struct vrows *rows, struct dash *dash, int w, int indent, const struct goal *g, size_t i)
{
	struct act_filter f;
	struct act_counts c;

	query_filter_init(&f);
	f.goal_id = g->id;
	if (query_counts(dash->db, dash->plan.s.id, &f, &c) == 0 && c.total > 0) {
		char *line = xasprintf(_("No indicators; activities done: %ld of %ld"),
		                       (long)c.n[ST_DONE], (long)c.total);

		vrows_wrap(rows, w, indent, line, DC_DIM, 0, 0, ITEM_GOAL, i);
		free(line);
	}
}

/* Every goal's and indicator's columns: goals' bars from the whole plan (with its activities). */
static struct gcells *
make_cells(struct dash *dash, int w)
{
	const struct plan *p = &dash->plan;
	struct gcells *g = xcalloc(p->ngoals + p->ninds, sizeof *g);
	struct plan full;

	if (model_load_plan(dash->db, p->s.id, &full) < 0) {
		display_message(1, "%s", err_get());
		memset(&full, 0, sizeof full);
	}
	for (size_t i = 0; i < p->ngoals; i++)
		if (i < full.ngoals && full.goals[i].id == p->goals[i].id) {
			struct progress pr = progress_goal(&full, &full.goals[i]);

			g[i].c[GC_BAR] = bar_cell(&pr);
		}
	for (size_t k = 0; k < p->ninds; k++)
		indicator_cells(&p->inds[k], w, &g[p->ngoals + k]);
	model_free_plan(&full);
	return g;
}

static void
add_goal(struct view *v, size_t i, const struct gcells *g, const int widths[GC_COUNT], int colsw)
{
	const struct plan *p = &v->dash->plan;
	const struct goal *goal = &p->goals[i];
	struct vrows *rows = v->priv;
	int ind0 = 2 * goal->depth, any = 0, w = v->width;
	char *cols, *name;

	if (goal->depth == 0 && rows->n > 0)
		vrows_add(rows, xstrdup(""), DC_NORMAL, 0, ITEM_GOAL, i);
	cols = gcells_text((const char *const *)g[i].c, widths);
	name = xasprintf("%s%s", goal->title, model_example_mark(goal->example));
	add_item(rows, w, ind0, name, goal->depth ? DC_LABEL : DC_HEADING, cols, colsw, ITEM_GOAL, i);
	free(name);
	free(cols);
	for (size_t k = 0; k < p->ninds; k++) {
		const struct indicator *ind = &p->inds[k];

		if (ind->goal_id != goal->id)
			continue;
		any = 1;
		cols = gcells_text((const char *const *)g[p->ngoals + k].c, widths);
		name = indicator_title(ind);
		add_item(rows, w, ind0 + 2, name, DC_NORMAL, cols, colsw, ITEM_INDICATOR, k);
		free(name);
		free(cols);
		indicator_more(rows, w, ind0 + 4, ind, k);
	}
	if (!any)
		goal_activities(rows, v->dash, w, ind0 + 2, goal, i);
}

static void
load(struct view *v)
{
	const struct plan *p = &v->dash->plan;
	struct goals_view *gv = v->priv;
	struct vrows *rows = &gv->rows;
	struct gcells *g;
	const char *titles[GC_COUNT];
	char *line;
	int widths[GC_COUNT], colsw;

	vrows_free(rows);
	free(gv->header);
	gv->header = NULL;
	if (p->ngoals == 0) {
		vrows_add(rows, xstrdup(_("This strategy has no goals.")), DC_DIM, 1, ITEM_GOAL, 0);
		v->nrows = (long)rows->n;
		return;
	}
	g = make_cells(v->dash, v->width);
	colsw = gcol_widths(g, p->ngoals + p->ninds, v->width, widths);
	for (int c = 0; c < GC_COUNT; c++)
		titles[c] = _(gcol_titles[c]);
	line = gcells_text(titles, widths);
	gv->header = xasprintf("%*s%s", v->width - colsw > 0 ? v->width - colsw : 0, "", line);
	free(line);
	for (size_t i = 0; i < p->ngoals; i++)
		add_goal(v, i, g, widths, colsw);
	for (size_t i = 0; i < p->ngoals + p->ninds; i++)
		gcells_free(&g[i]);
	free(g);
	v->nrows = (long)rows->n;
}

/* The year x series table: "Year  T  K  M" (and comparison series), values with the indicator's precision. */
static char **
values_table(const struct indicator *ind, const struct series_set *set, size_t *n)
{
	char **lines = xcalloc(set->nperiods + 1, sizeof *lines), v[96];
	int pw = text_width(_("Year")), vw[SERIES_MAX] = { 0 };
	struct buf b;

	for (size_t i = 0; i < set->nperiods; i++)
		pw = text_width(set->periods[i]) > pw ? text_width(set->periods[i]) : pw;
	for (size_t k = 0; k < set->n; k++)
		for (size_t i = 0; i < set->nperiods; i++) {
			indicator_format_value(v, sizeof v, ind, set->s[k].v[i]);
			vw[k] = text_width(v) > vw[k] ? text_width(v) : vw[k];
		}
	for (size_t i = 0; i <= set->nperiods; i++) {
		const char *head = i ? set->periods[i - 1] : _("Year");

		buf_init(&b);
		buf_printf(&b, "%s%*s", head, pw - text_width(head), "");
		for (size_t k = 0; k < set->n; k++) {
			double x = i ? set->s[k].v[i - 1] : NAN;

			snprintf(v, sizeof v, "%c", set->s[k].mark);
			if (i && !isnan(x))
				indicator_format_value(v, sizeof v, ind, x);
			else if (i)
				snprintf(v, sizeof v, "-");
			buf_printf(&b, "  %*s%s", vw[k] - text_width(v) > 0 ? vw[k] - text_width(v) : 0, "", v);
		}
		lines[i] = buf_steal(&b);
	}
	*n = set->nperiods + 1;
	return lines;
}

/*
 * The chart and the table: the table beside the chart where the screen
 * is wide enough, else under it.  height: the rows the detail has.
 */
static void
indicator_chart(struct doc *d, const struct indicator *ind, int height)
{
	struct series_set set;
	struct chart c = { &set, ind->has_baseline, ind->has_target, ind->baseline, ind->target,
	                   ind->unit, ind->has_decimals ? (int)ind->decimals : -1, chart_ascii() };
	char **chart, **table;
	size_t nc, nt;
	int tw, cw, h = height - 4 < 10 ? 10 : height - 4 > 30 ? 30 : height - 4;

	series_from_indicator(&set, ind);
	if (set.nperiods == 0) {
		series_free(&set);
		return;
	}
	table = values_table(ind, &set, &nt);
	tw = text_width(table[0]);
	for (size_t i = 1; i < nt; i++)
		tw = text_width(table[i]) > tw ? text_width(table[i]) : tw;
	cw = d->width - 2 - (d->width >= 120 ? tw + 4 : 0);
	chart = chart_render(&c, cw, h, &nc);
	for (size_t i = 0; i < nc || (d->width >= 120 && i < nt); i++) {
		const char *l = i < nc ? chart[i] : "";

		if (d->width >= 120)
			vrows_add(&d->rows, xasprintf("  %s%*s%s", l, cw - text_width(l) + 4, "", i < nt ? table[i] : ""),
			          DC_NORMAL, 1, ITEM_NONE, 0);
		else
			vrows_add(&d->rows, xasprintf("  %s", l), DC_NORMAL, 1, ITEM_NONE, 0);
	}
	if (d->width < 120) {
		vrows_add(&d->rows, xstrdup(""), DC_NORMAL, 1, ITEM_NONE, 0);
		for (size_t i = 0; i < nt; i++)
			vrows_add(&d->rows, xasprintf("  %s", table[i]), i ? DC_NORMAL : DC_LABEL, 1, ITEM_NONE, 0);
	}
	for (size_t i = 0; i < nc; i++)
		free(chart[i]);
	for (size_t i = 0; i < nt; i++)
		free(table[i]);
	free(chart);
	free(table);
	series_free(&set);
}

static void
indicator_detail(struct dash *dash, const struct indicator *ind, struct doc *d, int height)
{
	const struct goal *g = plan_goal(&dash->plan, ind->goal_id);
	char v[96], *line;

	doc_heading(d, ind->name);
	indicator_chart(d, ind, height);
	if (ind->nvalues)
		doc_heading(d, _("About the indicator"));
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
		indicator_detail(v->dash, &v->dash->plan.inds[r->index], d, v->height);
	else
		goal_detail(v->dash, r->index, d);
}

const struct view_ops pane_goals_ops = {
	.title = N_("Goals"),
	.header_rows = 1,
	.private_size = sizeof(struct goals_view),
	.selectable = vrows_selectable, .draw = vrows_draw, .text = vrows_text,
	.select = vrows_select, .remember = vrows_remember, .recall = vrows_recall, .done = done,
	.draw_header = draw_header,
	.edit_hints = N_("? help | e view | Enter/v value | a add | u undo | R review | p print"),
	.load = load,
	.detail = detail,
};
