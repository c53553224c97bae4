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

enum { COL_ID, COL_MARK, COL_TITLE, COL_FOCUS, COL_RESP, COL_DUE, COL_LATE, COL_STATUS, COL_PROGRESS, NCOLS };

/*
 * The columns: the header, its short form for a column narrower than the
 * header (never a header cut mid-word), the narrowest a cut text may be
 * (0: never cut), its share of the room when texts are cut, and when it
 * drops out (higher first; 0 never).  Empty columns are not shown.
 */
static const struct {
	const char *head, *head_short;
	int cut_min, weight, drop;
	int right;              /* right-aligned */
} columns[NCOLS] = {
	[COL_ID] = { "#", NULL, 0, 0, 0, 1 },
	[COL_MARK] = { "", NULL, 0, 0, 0, 0 },  /* changed since the last review; no header of its own */
	[COL_TITLE] = { N_("Title"), NULL, 16, 4, 0, 0 },
	[COL_FOCUS] = { N_("Focus area"), N_("Focus"), 6, 1, 2, 0 },
	[COL_RESP] = { N_("Responsible"), N_("Resp."), 6, 1, 1, 0 },
	[COL_DUE] = { N_("Due"), NULL, 0, 0, 3, 0 },
	[COL_LATE] = { N_("Days late"), N_("Late"), 0, 0, 0, 1 },
	[COL_STATUS] = { N_("Status"), NULL, 0, 0, 0, 0 },
	[COL_PROGRESS] = { N_("Prog."), NULL, 0, 0, 4, 1 },
};

/* The preview of the selected activity (tig's way): its full title and responsible, under the table. */
#define PREVIEW_ROWS 2                  /* draw_footer() fills two */

/* The pane's own data (v->priv). */
struct table {
	struct activity *win;           /* the rows woff .. woff + wn - 1 */
	size_t wn;
	long woff;
	int widths[NCOLS];
	int short_head[NCOLS];
	struct act_widths cw;           /* what the columns hold: read at load, kept for a resize */
	int have_cw;
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

/* A header in the UI language, in its short form if the column is narrower than the header. */
static const char *
head_text(int c, int short_form)
{
	if (!*columns[c].head)
		return "";
	return short_form && columns[c].head_short ? _(columns[c].head_short) : _(columns[c].head);
}

/* "12 d": the days-late cell. */
static void
days_late_text(char *out, size_t n, long days)
{
	if (days > 0)
		snprintf(out, n, _("%ld d"), days);
	else
		out[0] = '\0';
}

/* The widest status (or assessment, where there are commitments) label with its symbol. */
static int
status_width(struct view *v)
{
	int w = 0, commitments = query_has_commitments(v->dash->db, v->dash->plan.s.id);

	for (int s = 0; s < ST_COUNT; s++)
		if (text_width(status_label((enum status)s)) + 2 > w)
			w = text_width(status_label((enum status)s)) + 2;
	for (int s = 0; commitments && s < AS_COUNT; s++)
		if (text_width(assessment_label((enum assessment)s)) + 2 > w)
			w = text_width(assessment_label((enum assessment)s)) + 2;
	return w;
}

/* Columns sized from what the filtered activities hold and the width (layout_table). */
static void
relayout(struct view *v)
{
	struct table *t = v->priv;
	struct dash *dash = v->dash;
	struct layout_tcol cols[NCOLS];
	char buf[64];

	/* One scan of the filtered activities (a third of a second for 100,000); a resize reuses it. */
	if (!t->have_cw && query_activity_widths(dash->db, dash->plan.s.id, &dash->filter, &t->cw) < 0) {
		display_message(1, "%s", err_get());
		memset(&t->cw, 0, sizeof t->cw);
	}
	t->have_cw = 1;
	for (int c = 0; c < NCOLS; c++) {
		cols[c].head = text_width(head_text(c, 0));
		cols[c].head_short = columns[c].head_short ? text_width(head_text(c, 1)) : 0;
		cols[c].cut_min = columns[c].cut_min;
		cols[c].weight = columns[c].weight;
		cols[c].drop = columns[c].drop;
	}
	snprintf(buf, sizeof buf, "%lld", (long long)query_max_activity_number(dash->db, dash->plan.s.id));
	cols[COL_ID].content = (int)strlen(buf);
	cols[COL_MARK].content = t->nchanged ? 1 : 0;
	cols[COL_TITLE].content = t->cw.title > 0 ? t->cw.title : 1;
	cols[COL_FOCUS].content = dash->plan.nfocus ? t->cw.focus : 0;
	cols[COL_RESP].content = t->cw.responsible;
	/* The due column fits a day in the configured format; a month or a year is shorter. */
	report_format_date(buf, sizeof buf, "2026-12-31", dash->app->cfg.date_format);
	cols[COL_DUE].content = t->cw.has_due ? text_width(buf) : 0;
	days_late_text(buf, sizeof buf, t->cw.most_days_late);
	cols[COL_LATE].content = text_width(buf);
	cols[COL_STATUS].content = status_width(v);
	cols[COL_PROGRESS].content = t->cw.has_activities ? text_width("100 %") : 0;
	layout_table(v->width, 1, cols, NCOLS, t->widths, t->short_head);
}

static void
load(struct view *v)
{
	struct table *t = v->priv;
	struct dash *dash = v->dash;
	long n = 0;

	drop_window(t);
	t->have_cw = 0;
	free(t->changed);
	t->changed = NULL;
	t->nchanged = 0;
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

/* Write the cells of one row, left to right, with a space between; a text cut shows "…". */
static void
cells(struct view *v, int y, const char *text[NCOLS], const attr_t attr[NCOLS])
{
	struct table *t = v->priv;
	int x = 0;

	for (int c = 0; c < NCOLS; c++) {
		int w = t->widths[c], tw;
		char *cell;

		if (w <= 0)
			continue;
		cell = text_ellipsize(text[c], w);
		tw = text_width(cell);
		view_put(v, y, x + (columns[c].right && tw < w ? w - tw : 0), w, cell, attr[c]);
		free(cell);
		x += w + 1;
	}
}

/* A filter that leaves no rows says so, in the first row: the late-only one as the overview does. */
static void
draw_none(struct view *v)
{
	const struct act_filter *f = &v->dash->filter;
	const char *none;

	if (v->nrows > 0 || !query_filter_active(f))
		return;
	if (f->overdue && f->status < 0 && f->focus_id < 0 && !f->responsible)
		none = _("No activity is past its due date");
	else
		none = _("No activity matches the filter: f and Show all activities clears it");
	view_put(v, v->ops->header_rows, 0, v->width, none, display_attr(DC_DIM));
}

static void
draw_header(struct view *v)
{
	struct dash *dash = v->dash;
	struct table *t = v->priv;
	const char *text[NCOLS];
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
	if (t->nchanged)
		buf_printf(&b, " | %s %s", overview_changed_symbol(t->utf8), _("changed"));
	line = buf_steal(&b);
	display_fill(dpy.body, 0, 0, v->width, A_NORMAL);
	view_put(v, 0, 0, v->width, line, display_attr(DC_DIM));
	free(line);
	for (int c = 0; c < NCOLS; c++) {
		text[c] = head_text(c, t->short_head[c]);
		attr[c] = display_attr(DC_LABEL) | A_UNDERLINE;
	}
	display_fill(dpy.body, 1, 0, v->width, A_NORMAL);
	cells(v, 1, text, attr);
	draw_none(v);
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
	struct table *t = v->priv;
	const struct focus_area *fa;
	char id[24], due[64], progress[16], late[32], *status;
	const char *text[NCOLS];
	attr_t attr[NCOLS];

	view_row_begin(v, y, base);
	if (!a)
		return;
	days_late_text(late, sizeof late, activity_days_late(a));
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
	text[COL_MARK] = overview_id_in(t->changed, t->nchanged, a->id) ? overview_changed_symbol(t->utf8) : "";
	text[COL_TITLE] = a->title;
	text[COL_FOCUS] = fa ? fa->name : "";
	text[COL_RESP] = a->responsible ? a->responsible : "";
	text[COL_DUE] = due;
	text[COL_LATE] = late;
	text[COL_STATUS] = status;
	text[COL_PROGRESS] = progress;
	for (int c = 0; c < NCOLS; c++)
		attr[c] = base;
	if (late[0]) {
		attr[COL_DUE] |= display_attr(DC_OVERDUE);
		attr[COL_LATE] |= display_attr(DC_OVERDUE);
	}
	attr[COL_MARK] |= display_attr(DC_LABEL);
	attr[COL_STATUS] |= a->kind == AK_COMMITMENT ? assessment_attr(a->assessment) : display_status_attr(a->status);
	cells(v, y, text, attr);
	free(status);
}

/*
 * The selected activity's full title and responsible (tig's way): the
 * title's first line, then the rest of it and the responsible, "…" where
 * even that is too long.
 */
static void
draw_footer(struct view *v)
{
	const struct activity *a = v->nrows > 0 ? row_activity(v, v->sel) : NULL;
	int y = v->ops->header_rows + v->height;
	char **lines, *title, *rest, *cut;
	struct buf b;

	for (int i = 0; i < PREVIEW_ROWS; i++)
		display_fill(dpy.body, y + i, 0, v->width, A_NORMAL);
	if (!a)
		return;
	title = xasprintf("#%lld %s", (long long)a->number, a->title);
	text_wrap(title, v->width, &lines);
	/* The number stands out; the line ends in plain text, as every row does. */
	view_put(v, y, 0, v->width, lines[0], A_NORMAL);
	view_put(v, y, 0, (int)strcspn(lines[0], " "), lines[0], display_attr(DC_LABEL));
	buf_init(&b);
	for (char **l = lines + 1; *l; l++)
		buf_printf(&b, "%s%s", l == lines + 1 ? "" : " ", *l);
	if (a->responsible && *a->responsible)
		buf_printf(&b, "%s%s: %s", b.s && *b.s ? " | " : "", _("Responsible"), a->responsible);
	rest = buf_steal(&b);
	cut = text_ellipsize(rest, v->width);
	view_put(v, y + 1, 0, v->width, cut, A_NORMAL);
	free(cut);
	free(rest);
	text_lines_free(lines);
	free(title);
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
	.footer_rows = PREVIEW_ROWS,
	.private_size = sizeof(struct table),
	.flags = VIEW_SHOWS_FILTER,
	.hints = N_("? help | q quit | e edit | / search | f filter | l late | o sort | S strategy"),
	.edit_hints = N_("? help | e view | s status | Enter edit | a add | d delete | u undo | R review"),
	.load = load,
	.relayout = relayout,
	.done = done,
	.draw = draw,
	.draw_header = draw_header,
	.draw_footer = draw_footer,
	.find = find,
	.detail = detail,
	.request = request,
	.select = select_item,
	.remember = remember,
	.recall = recall,
};
