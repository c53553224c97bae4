/* SPDX-License-Identifier: GPL-3.0-or-later */
/* view.c: what every pane does the same way: moving item by item, scrolling, searching, drawing only changed rows. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "search.h"
#include "text.h"
#include "util.h"
#include "view.h"

static int
selectable(struct view *v, long row)
{
	return row >= 0 && row < v->nrows && (!v->ops->selectable || v->ops->selectable(v, row));
}

/* Rows of the item starting at row: it and the unselectable rows after it. */
static long
item_span(struct view *v, long row)
{
	long n = 1;

	while (row + n < v->nrows && !selectable(v, row + n) && n < v->height)
		n++;
	return n;
}

/* A pager's last top: its end on the last row. */
static long
pager_last(const struct view *v)
{
	return v->nrows > v->height ? v->nrows - v->height : 0;
}

static void
clamp(struct view *v)
{
	if (v->ops->flags & VIEW_PAGER) {
		if (v->top > pager_last(v))
			v->top = pager_last(v);
		if (v->top < 0)
			v->top = 0;
		v->sel = v->top;
		return;
	}
	if (v->sel >= v->nrows)
		v->sel = v->nrows - 1;
	if (v->sel < 0)
		v->sel = 0;
	while (v->sel > 0 && !selectable(v, v->sel))
		v->sel--;
	v->top = layout_scroll(v->top, v->sel, item_span(v, v->sel), v->height, v->nrows);
}

static void
size_from_body(struct view *v)
{
	int h = 0, w = 0;

	if (dpy.body)
		getmaxyx(dpy.body, h, w);
	v->width = w;
	v->height = h - v->ops->header_rows - v->ops->footer_rows;
	if (v->height < 1)
		v->height = 1;
}

void
view_load(struct view *v)
{
	size_from_body(v);
	v->ops->load(v);
	clamp(v);
}

struct view *
view_new(const struct view_ops *ops, struct dash *dash)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->ops = ops;
	v->dash = dash;
	v->stale = 1;
	if (ops->private_size)
		v->priv = xcalloc(1, ops->private_size);
	return v;
}

void
view_unload(struct view *v)
{
	if (v->loaded && v->ops->done)
		v->ops->done(v);
	v->loaded = 0;
	v->stale = 1;
}

void
view_free(struct view *v)
{
	if (!v)
		return;
	view_unload(v);
	if (v->ops->end)
		v->ops->end(v);
	free(v->priv);
	free(v);
}

void
view_selection(struct view *v, struct selection *s)
{
	memset(s, 0, sizeof *s);
	if (v->ops->select)
		v->ops->select(v, s);
}

void
view_remember(struct view *v)
{
	if (!v->loaded || v->stale || v->nrows == 0 || !v->ops->remember)
		return;
	v->ops->remember(v, &v->anchor);
}

/*
 * Select the item just saved if this view lists it, else the one
 * selected before; v->lost if that is gone.
 */
static void
recall(struct view *v)
{
	int rc = -1;

	if (v->ops->recall) {
		if (v->want.set)
			rc = v->ops->recall(v, &v->want);
		if (rc < 0 && v->anchor.set)
			rc = v->ops->recall(v, &v->anchor) == 0 ? 0 : 1;
	}
	if (rc > 0)
		v->lost = 1;
	v->want.set = v->anchor.set = 0;
}

/* The body window changed size: make rows again. */
static void
view_resize(struct view *v)
{
	size_from_body(v);
	if (v->ops->relayout)
		v->ops->relayout(v);
	else
		v->ops->load(v);
	clamp(v);
}

void
view_prepare(struct view *v)
{
	if (v->stale) {
		view_load(v);
		v->stale = 0;
		v->loaded = 1;
		recall(v);
	} else if (v->sized_cols != COLS || v->sized_rows != LINES) {
		view_resize(v);
	}
	v->sized_cols = COLS;
	v->sized_rows = LINES;
}

void
view_set_selection(struct view *v, long row)
{
	v->sel = row;
	clamp(v);
}

attr_t
view_row_begin(struct view *v, int y, attr_t base)
{
	display_fill(dpy.body, y, 0, v->width, base);
	return base;
}

int
view_put(struct view *v, int y, int x, int cols, const char *s, attr_t a)
{
	if (x >= v->width)
		return 0;
	if (cols > v->width - x)
		cols = v->width - x;
	return display_text(dpy.body, y, x, cols, s, a);
}

static void
draw_row(struct view *v, long row)
{
	int y = v->ops->header_rows + (int)(row - v->top);

	if (row < v->top || row >= v->top + v->height || row >= v->nrows)
		return;
	v->ops->draw(v, y, row, row == v->sel && !(v->ops->flags & VIEW_PAGER) ? display_attr(DC_SELECTED) : A_NORMAL);
}

/* The footer (a preview of the selected item) below the list. */
static void
draw_footer(struct view *v)
{
	if (v->ops->draw_footer)
		v->ops->draw_footer(v);
}

void
view_place_cursor(struct view *v)
{
	int y = v->ops->header_rows + (int)(v->sel - v->top);

	if (!dpy.body)
		return;
	if (v->nrows == 0)
		y = v->ops->header_rows;
	wmove(dpy.body, y, 0);
	wnoutrefresh(dpy.body);
}

void
view_draw(struct view *v)
{
	if (!dpy.body)
		return;
	werase(dpy.body);
	if (v->ops->draw_header)
		v->ops->draw_header(v);
	for (long r = v->top; r < v->top + v->height && r < v->nrows; r++)
		draw_row(v, r);
	draw_footer(v);
	view_place_cursor(v);
}

/* Select a row (scrolling if needed), repainting only what changed. */
static void
view_select(struct view *v, long row)
{
	long old = v->sel, top;

	if (row < 0 || row >= v->nrows)
		return;
	top = layout_scroll(v->top, row, item_span(v, row), v->height, v->nrows);
	v->sel = row;
	if (top != v->top) {
		v->top = top;
		view_draw(v);
		return;
	}
	/* Only the rows whose highlight changed, and the preview. */
	draw_row(v, old);
	draw_row(v, row);
	draw_footer(v);
	view_place_cursor(v);
}

/* Scroll without moving the selection (past the last item's text). */
static void
scroll_to(struct view *v, long top)
{
	if (top > v->nrows - v->height)
		top = v->nrows - v->height;
	if (top < 0)
		top = 0;
	if (v->sel < top)
		return;
	if (top != v->top) {
		v->top = top;
		view_draw(v);
	}
}

static void
page_down(struct view *v)
{
	long r = v->sel + v->height < v->nrows ? v->sel + v->height : v->nrows - 1;

	while (r > v->sel && !selectable(v, r))
		r--;
	if (r == v->sel)
		for (r = v->sel + 1; r < v->nrows && !selectable(v, r); r++)
			;
	if (r < v->nrows && r != v->sel) {
		/* Keep the selection at the same place on the page, like less. */
		long top = v->top + (r - v->sel);

		v->top = layout_scroll(top, r, item_span(v, r), v->height, v->nrows);
		v->sel = r;
		view_draw(v);
	} else {
		scroll_to(v, v->top + v->height);
	}
}

static void
page_up(struct view *v)
{
	long r = v->sel - v->height > 0 ? v->sel - v->height : 0;

	while (r < v->sel && !selectable(v, r))
		r++;
	if (r != v->sel) {
		long top = v->top - (v->sel - r);

		v->top = layout_scroll(top < 0 ? 0 : top, r, item_span(v, r), v->height, v->nrows);
		v->sel = r;
		view_draw(v);
	}
}

/* The keys of a pager scroll the text; the first row shown is the "selection". */
static int
pager_move(struct view *v, enum action a)
{
	long last = pager_last(v), top = v->top;

	switch (a) {
	case ACT_MOVE_DOWN: if (top < last) top++; break;
	case ACT_MOVE_UP: if (top > 0) top--; break;
	case ACT_PAGE_DOWN: top = top + v->height < last ? top + v->height : last; break;
	case ACT_PAGE_UP: top = top > v->height ? top - v->height : 0; break;
	case ACT_MOVE_FIRST: top = 0; break;
	case ACT_MOVE_LAST: top = last; break;
	default: return 0;
	}
	v->top = v->sel = top;
	view_draw(v);
	return 1;
}

int
view_move(struct view *v, enum action a)
{
	long r;

	if (v->ops->flags & VIEW_PAGER)
		return pager_move(v, a);
	if (v->nrows == 0)
		return a == ACT_MOVE_UP || a == ACT_MOVE_DOWN || a == ACT_PAGE_UP ||
		       a == ACT_PAGE_DOWN || a == ACT_MOVE_FIRST || a == ACT_MOVE_LAST;
	switch (a) {
	case ACT_MOVE_DOWN:
		for (r = v->sel + 1; r < v->nrows && !selectable(v, r); r++)
			;
		if (r < v->nrows)
			view_select(v, r);
		else
			scroll_to(v, v->top + 1);
		return 1;
	case ACT_MOVE_UP:
		for (r = v->sel - 1; r >= 0 && !selectable(v, r); r--)
			;
		if (r >= 0)
			view_select(v, r);
		return 1;
	case ACT_PAGE_DOWN:
		page_down(v);
		return 1;
	case ACT_PAGE_UP:
		page_up(v);
		return 1;
	case ACT_MOVE_FIRST:
		for (r = 0; r < v->nrows && !selectable(v, r); r++)
			;
		if (r < v->nrows) {
			v->top = 0;
			v->sel = r;
			view_draw(v);
		}
		return 1;
	case ACT_MOVE_LAST:
		for (r = v->nrows - 1; r > 0 && !selectable(v, r); r--)
			;
		v->sel = r;
		v->top = v->nrows > v->height ? v->nrows - v->height : 0;
		if (v->sel < v->top)
			v->top = v->sel;
		view_draw(v);
		return 1;
	default:
		return 0;
	}
}

int
view_search(struct view *v, const char *needle)
{
	long found = -1;

	if (v->nrows == 0)
		return 1;
	if (v->ops->find) {
		int rc = v->ops->find(v, (v->sel + 1) % v->nrows, needle, &found);

		if (rc != 0)
			return rc;
	} else if (v->ops->text) {
		long start = v->sel + item_span(v, v->sel);

		for (long i = 0; i < v->nrows && found < 0; i++) {
			long r = (start + i) % v->nrows;

			if (search_match(v->ops->text(v, r), needle))
				found = r;
		}
		if (found < 0)
			return 1;
		/* A match in an item's continued text selects the item. */
		while (found > 0 && !selectable(v, found))
			found--;
	} else {
		return 1;
	}
	if (v->ops->flags & VIEW_PAGER) {
		v->top = found;
		clamp(v);
		view_draw(v);
		return 0;
	}
	view_select(v, found);
	return 0;
}

void
view_position(struct view *v, char *out, size_t n)
{
	if (v->nrows == 0)
		snprintf(out, n, "0/0");
	else
		snprintf(out, n, "%ld/%ld", v->sel + 1, v->nrows);
}

/* Rows of text: the panes whose priv starts with a struct vrows. */
void
vrows_free(struct vrows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->r[i].text);
	free(rs->r);
	rs->r = NULL;
	rs->n = 0;
}

void
vrows_add(struct vrows *rs, char *text, enum dcolor c, int selectable, int kind, size_t index)
{
	struct vrow *r;

	rs->r = xrealloc(rs->r, (rs->n + 1) * sizeof *rs->r);
	r = &rs->r[rs->n++];
	r->text = text;
	r->color = c;
	r->label_cols = 0;
	r->selectable = selectable;
	r->kind = kind;
	r->index = index;
}

void
vrows_wrap(struct vrows *rs, int width, int indent, const char *text, enum dcolor c,
           int first_selectable, int rest_selectable, int kind, size_t index)
{
	char **lines;

	if (!text || !*text)
		return;
	if (indent > width / 2)
		indent = width / 2;
	text_wrap(text, width - indent > 1 ? width - indent : 1, &lines);
	for (char **l = lines; *l; l++)
		vrows_add(rs, xasprintf("%*s%s", indent, "", *l), c,
		          l == lines ? first_selectable : rest_selectable, kind, index);
	text_lines_free(lines);
}

void
vrows_field(struct vrows *rs, int width, int indent, const char *label, const char *value,
            int selectable, int kind, size_t index)
{
	vrows_field_max(rs, width, indent, width / 2 - indent, label, value, selectable, kind, index);
}

void
vrows_field_max(struct vrows *rs, int width, int indent, int label_max, const char *label, const char *value,
                int selectable, int kind, size_t index)
{
	char *head, **lines;
	int lw;

	if (!value || !*value)
		return;
	head = text_sanitize(label, 0);
	lw = text_width(head) + 2;
	if (lw > label_max) {
		vrows_add(rs, xasprintf("%*s%s:", indent, "", head), DC_NORMAL, selectable, kind, index);
		rs->r[rs->n - 1].label_cols = indent + lw - 1;
		vrows_wrap(rs, width, indent + 2, value, DC_NORMAL, selectable, selectable, kind, index);
		free(head);
		return;
	}
	text_wrap(value, width - indent - lw, &lines);
	for (char **l = lines; *l; l++) {
		if (l == lines) {
			vrows_add(rs, xasprintf("%*s%s: %s", indent, "", head, *l), DC_NORMAL, selectable, kind, index);
			rs->r[rs->n - 1].label_cols = indent + lw - 1;
		} else {
			vrows_add(rs, xasprintf("%*s%s", indent + lw, "", *l), DC_NORMAL, selectable, kind, index);
		}
	}
	text_lines_free(lines);
	free(head);
}

int
vrows_selectable(struct view *v, long row)
{
	struct vrows *rs = v->priv;

	return (size_t)row < rs->n && rs->r[row].selectable;
}

void
vrows_draw(struct view *v, int y, long row, attr_t base)
{
	struct vrows *rs = v->priv;
	const struct vrow *r = &rs->r[row];

	view_row_begin(v, y, base);
	if (r->label_cols > 0) {
		size_t fit = text_fit(r->text, r->label_cols);
		char *label = xstrndup(r->text, fit);
		int x = view_put(v, y, 0, v->width, label, base | display_attr(DC_LABEL));

		free(label);
		view_put(v, y, x, v->width - x, r->text + fit, base | display_attr(r->color));
	} else {
		view_put(v, y, 0, v->width, r->text, base | display_attr(r->color));
	}
}

const char *
vrows_text(struct view *v, long row)
{
	struct vrows *rs = v->priv;

	return (size_t)row < rs->n ? rs->r[row].text : "";
}

void
vrows_done(struct view *v)
{
	vrows_free(v->priv);
}

void
vrows_select(struct view *v, struct selection *s)
{
	const struct vrows *rs = v->priv;
	const struct plan *p = &v->dash->plan;
	const struct vrow *r;

	if (v->sel < 0 || (size_t)v->sel >= rs->n)
		return;
	r = &rs->r[v->sel];
	s->kind = (enum item_kind)r->kind;
	switch (s->kind) {
	case ITEM_FOCUS:
		if (r->index < p->nfocus) {
			s->focus = &p->focus[r->index];
			s->id = s->focus->id;
		}
		break;
	case ITEM_GOAL:
		if (r->index < p->ngoals) {
			s->goal = &p->goals[r->index];
			s->id = s->goal->id;
		}
		break;
	case ITEM_INDICATOR:
		if (r->index < p->ninds) {
			s->indicator = &p->inds[r->index];
			s->id = s->indicator->id;
		}
		break;
	default:
		break;
	}
}

void
vrows_remember(struct view *v, struct view_anchor *an)
{
	const struct vrows *rs = v->priv;

	if ((size_t)v->sel < rs->n && rs->r[v->sel].kind != ITEM_NONE) {
		an->set = 1;
		an->kind = (enum item_kind)rs->r[v->sel].kind;
		an->key = (int64_t)rs->r[v->sel].index;
	}
}

int
vrows_recall(struct view *v, const struct view_anchor *an)
{
	const struct vrows *rs = v->priv;
	int lists = 0;

	for (size_t r = 0; r < rs->n; r++) {
		if (rs->r[r].kind != (int)an->kind)
			continue;
		lists = 1;
		if (rs->r[r].selectable && (int64_t)rs->r[r].index == an->key) {
			view_set_selection(v, (long)r);
			return 0;
		}
	}
	return lists ? 1 : -1;
}
