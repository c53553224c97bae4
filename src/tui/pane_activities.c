/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pane_activities.c: pane 4, the action plan as a table.  Only the rows
 * on screen (and a page either side) are read: COUNT for the length,
 * LIMIT/OFFSET in the chosen order with the filter in the WHERE clause.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "layout.h"
#include "overview.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "view.h"

enum { COL_ID, COL_MARK, COL_TITLE, COL_FOCUS, COL_RESP, COL_DUE, COL_STATUS, COL_PROGRESS, NCOLS };

/* The pane's own data (v->priv). */
struct table {
	struct activity *win;           /* the rows woff .. woff + wn - 1 */
	size_t wn;
	long woff;
	int widths[NCOLS];
	int64_t *changed;               /* the activities changed since the last review (marked), ascending */
	size_t nchanged;
	int utf8;                       /* the terminal is UTF-8 (overview_terminal_utf8()) */
};

static void
drop_window(struct table *t)
{
	query_free_activities(t->win, t->wn);
	t->win = NULL;
	t->wn = 0;
	t->woff = 0;
}

static void
relayout(struct view *v)
{
	struct table *t = v->priv;
	int statusw = 0, duew, idw, commitments = query_has_commitments(v->dash->db, v->dash->plan.s.id);
	char due[64], id[24];
	struct layout_col cols[NCOLS] = {
		[COL_ID] = { 0, 0, 0, 0 },
		/* Room for the mark of a change since the last review only when there is one. */
		[COL_MARK] = { t->nchanged ? 2 : 1, t->nchanged ? 2 : 1, 0, 0 },
		[COL_TITLE] = { 16, 0, 4, 0 },
		[COL_FOCUS] = { 8, 30, 1, 2 },
		[COL_RESP] = { 8, 30, 1, 1 },
		[COL_DUE] = { 10, 10, 0, 3 },
		[COL_STATUS] = { 0, 0, 0, 0 },
		[COL_PROGRESS] = { 5, 5, 0, 4 },
	};

	snprintf(id, sizeof id, "%lld", (long long)query_max_activity_number(v->dash->db));
	idw = (int)strlen(id);
	cols[COL_ID].min = cols[COL_ID].max = idw > 1 ? idw : 1;
	/* No focus areas (Gislaved's project plan): no empty column for them. */
	if (v->dash->plan.nfocus == 0)
		cols[COL_FOCUS].min = cols[COL_FOCUS].max = cols[COL_FOCUS].weight = 0;

	/* The status column fits its longest label in this language, the due column a date in the configured format. */
	for (int s = 0; s < ST_COUNT; s++) {
		int w = text_width(status_label((enum status)s)) + 2;

		if (w > statusw)
			statusw = w;
	}
	/* A commitment shows its assessment there: room for those too, where there are any. */
	for (int s = 0; commitments && s < AS_COUNT; s++) {
		int w = text_width(assessment_label((enum assessment)s)) + 2;

		if (w > statusw)
			statusw = w;
	}
	cols[COL_STATUS].min = cols[COL_STATUS].max = statusw;
	report_format_date(due, sizeof due, "2026-12-31", v->dash->app->cfg.date_format);
	duew = text_width(due);
	cols[COL_DUE].min = cols[COL_DUE].max = duew > 4 ? duew : 4;
	layout_columns(v->width, 1, cols, NCOLS, t->widths);
}

static void
load(struct view *v)
{
	struct table *t = v->priv;
	struct dash *dash = v->dash;
	long n = 0;

	drop_window(t);
	free(t->changed);
	t->utf8 = overview_terminal_utf8();
	if (overview_changed_ids(dash->db, dash->plan.s.id, &t->changed, &t->nchanged) < 0)
		display_message(1, "%s", err_get());
	relayout(v);
	if (query_activity_count(dash->db, dash->plan.s.id, &dash->filter, &n) < 0)
		display_message(1, "%s", err_get());
	v->nrows = n;
}

static void
done(struct view *v)
{
	struct table *t = v->priv;

	drop_window(t);
	free(t->changed);
	t->changed = NULL;
	t->nchanged = 0;
}

/* The activity on a row, reading a new window around it if needed. */
static const struct activity *
row_activity(struct view *v, long row)
{
	struct table *t = v->priv;
	struct dash *dash = v->dash;

	if (row < t->woff || row >= t->woff + (long)t->wn) {
		long off = row - v->height > 0 ? row - v->height : 0;

		drop_window(t);
		if (query_activities(dash->db, dash->plan.s.id, &dash->filter, dash->sort, off,
		                     3L * v->height, &t->win, &t->wn) < 0) {
			display_message(1, "%s", err_get());
			return NULL;
		}
		t->woff = off;
		if (row >= t->woff + (long)t->wn)
			return NULL;
	}
	return &t->win[row - t->woff];
}

/* Write the cells of one row, left to right, with a space between. */
static void
cells(struct view *v, int y, const char *text[NCOLS], const attr_t attr[NCOLS], int right_align_mask)
{
	struct table *t = v->priv;
	int x = 0;

	for (int c = 0; c < NCOLS; c++) {
		int w = t->widths[c];

		if (w <= 0)
			continue;
		if (right_align_mask & (1 << c)) {
			int tw = text_width(text[c]);

			view_put(v, y, x + (tw < w ? w - tw : 0), w, text[c], attr[c]);
		} else {
			view_put(v, y, x, w, text[c], attr[c]);
		}
		x += w + 1;
	}
}

static void
draw_header(struct view *v)
{
	struct dash *dash = v->dash;
	const char *text[NCOLS] = {
		"#", "", _("Title"), _("Focus area"), _("Responsible"), _("Due"), _("Status"), _("Prog.")
	};
	attr_t attr[NCOLS];
	struct buf b;
	char *line;

	buf_init(&b);
	buf_printf(&b, ui_ngettext("%ld activity", "%ld activities", (unsigned long)v->nrows), v->nrows);
	buf_printf(&b, " | %s: %s", _("sorted by"), query_sort_label(dash->sort));
	if (query_filter_active(&dash->filter)) {
		const struct act_filter *f = &dash->filter;
		const struct focus_area *fa = f->focus_id > 0 ? plan_focus(&dash->plan, f->focus_id) : NULL;

		buf_printf(&b, " | %s:", _("filter"));
		if (f->status >= 0)
			buf_printf(&b, " %s", status_label((enum status)f->status));
		if (f->focus_id >= 0)
			buf_printf(&b, " %s", fa ? fa->name : _("no focus area"));
		if (f->responsible)
			buf_printf(&b, " %s", f->responsible);
		if (f->overdue)
			buf_printf(&b, " %s", _("overdue"));
	}
	buf_printf(&b, " | %s", _("* overdue"));
	if (((struct table *)v->priv)->nchanged)
		buf_printf(&b, " | %s %s", overview_changed_symbol(((struct table *)v->priv)->utf8), _("changed"));
	line = buf_steal(&b);
	display_fill(dpy.body, 0, 0, v->width, A_NORMAL);
	view_put(v, 0, 0, v->width, line, display_attr(DC_DIM));
	free(line);
	for (int c = 0; c < NCOLS; c++)
		attr[c] = display_attr(DC_LABEL) | A_UNDERLINE;
	display_fill(dpy.body, 1, 0, v->width, A_NORMAL);
	cells(v, 1, text, attr, 1 << COL_ID | 1 << COL_PROGRESS);
}

/* An assessment takes the colour of the status it is most like; its symbol and word say it without. */
static attr_t
assessment_attr(enum assessment as)
{
	static const enum status like[AS_COUNT] = {
		[AS_FULFILLED] = ST_DONE, [AS_PARTLY] = ST_IN_PROGRESS,
		[AS_NOT_FULFILLED] = ST_DELAYED, [AS_NOT_ASSESSED] = ST_NOT_STARTED,
	};

	return display_status_attr(like[as]);
}

static void
draw(struct view *v, int y, long row, attr_t base)
{
	const struct activity *a = row_activity(v, row);
	const struct table *t = v->priv;
	const struct focus_area *fa;
	char id[24], due[64], progress[16], mark[8], *status;
	const char *text[NCOLS];
	attr_t attr[NCOLS];
	int late;

	view_row_begin(v, y, base);
	if (!a)
		return;
	late = activity_overdue(a);
	fa = a->focus_id ? plan_focus(&v->dash->plan, a->focus_id) : NULL;
	snprintf(id, sizeof id, "%lld", (long long)a->number);
	report_format_date(due, sizeof due, a->due, v->dash->app->cfg.date_format);
	snprintf(progress, sizeof progress, "%d %%", a->progress);
	/* Never colour alone: the status has its symbol and word; a commitment has its assessment instead. */
	if (a->kind == AK_COMMITMENT) {
		status = xasprintf("%s %s", assessment_symbol(a->assessment), assessment_label(a->assessment));
		progress[0] = '\0';
	} else {
		status = xasprintf("%s %s", status_symbol(a->status), status_label(a->status));
	}
	text[COL_ID] = id;
	/* Overdue, then changed since the last review. */
	snprintf(mark, sizeof mark, "%s%s", late ? "*" : " ",
	         overview_id_in(t->changed, t->nchanged, a->id) ? overview_changed_symbol(t->utf8) : "");
	text[COL_MARK] = mark;
	text[COL_TITLE] = a->title;
	text[COL_FOCUS] = fa ? fa->name : "";
	text[COL_RESP] = a->responsible ? a->responsible : "";
	text[COL_DUE] = due;
	text[COL_STATUS] = status;
	text[COL_PROGRESS] = progress;
	for (int c = 0; c < NCOLS; c++)
		attr[c] = base;
	attr[COL_MARK] |= display_attr(late ? DC_OVERDUE : DC_LABEL);
	if (late)
		attr[COL_DUE] |= display_attr(DC_OVERDUE);
	attr[COL_STATUS] |= a->kind == AK_COMMITMENT ? assessment_attr(a->assessment) : display_status_attr(a->status);
	cells(v, y, text, attr, 1 << COL_ID | 1 << COL_PROGRESS);
	free(status);
}

static int
find(struct view *v, long from, const char *needle, long *row)
{
	struct dash *dash = v->dash;

	return query_activity_find(dash->db, dash->plan.s.id, &dash->filter, dash->sort, from, needle, row);
}

static void
detail(struct view *v, long row, struct doc *d)
{
	struct dash *dash = v->dash;
	const struct activity *a = row_activity(v, row);
	enum act_field fields[AF_COUNT];
	size_t n;
	char *s;

	if (!a)
		return;
	n = model_activity_detail(a->kind, fields);
	/* A commitment says so: it has an assessment where an activity has a status. */
	if (a->kind == AK_COMMITMENT)
		s = xasprintf("#%lld %s: %s", (long long)a->number, act_kind_label(a->kind), a->title);
	else
		s = xasprintf("#%lld %s", (long long)a->number, a->title);
	doc_heading(d, s);
	free(s);
	for (size_t i = 0; i < n; i++) {
		s = model_activity_shown(&dash->plan, a, fields[i], dash->app->cfg.date_format);
		doc_field(d, _(model_activity_fields[fields[i]].label), s);
		free(s);
	}
	if (a->changed_by && *a->changed_by) {
		s = xasprintf("%s, %s", a->changed_by, a->changed_at ? a->changed_at : "");
		doc_field(d, _("Last changed"), s);
		free(s);
	}
	doc_changes(d, dash, CHANGES_ACTIVITY, a->id);
}

static int
request(struct view *v, enum action a)
{
	struct table *t = v->priv;
	struct dash *dash = v->dash;

	if (a != ACT_SORT)
		return 0;
	dash->sort = (enum act_sort)((dash->sort + 1) % SORT_COUNT);
	drop_window(t);
	v->sel = 0;
	v->top = 0;
	display_message(0, _("Sorted by %s"), query_sort_label(dash->sort));
	view_draw(v);
	return 1;
}

static const struct activity *
selected(struct view *v)
{
	if (v->nrows <= 0 || v->sel < 0 || v->sel >= v->nrows)
		return NULL;
	return row_activity(v, v->sel);
}

/* An empty list still says what it lists: ITEM_ACTIVITY without one. */
static void
select_item(struct view *v, struct selection *s)
{
	s->kind = ITEM_ACTIVITY;
	s->activity = selected(v);
	s->id = s->activity ? s->activity->id : 0;
}

static void
remember(struct view *v, struct view_anchor *an)
{
	const struct activity *a = selected(v);

	an->set = a != NULL;
	an->kind = ITEM_ACTIVITY;
	an->key = a ? a->id : 0;
}

static int
recall(struct view *v, const struct view_anchor *an)
{
	struct dash *d = v->dash;
	long row;

	if (an->kind != ITEM_ACTIVITY)
		return -1;
	if (query_activity_row(d->db, d->plan.s.id, &d->filter, d->sort, an->key, &row) != 0)
		return 1;
	view_set_selection(v, row);
	return 0;
}

const struct view_ops pane_activities_ops = {
	.title = N_("Activities"),
	.header_rows = 2,
	.private_size = sizeof(struct table),
	.flags = VIEW_SHOWS_FILTER,
	.hints = N_("? help | q quit | e edit | / search | f filter | o sort | S strategy"),
	.edit_hints = N_("? help | e view | s status | Enter edit | a add | d delete | u undo | R review"),
	.load = load,
	.relayout = relayout,
	.done = done,
	.draw = draw,
	.draw_header = draw_header,
	.find = find,
	.detail = detail,
	.request = request,
	.select = select_item,
	.remember = remember,
	.recall = recall,
};
