/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c: screen regions, table column widths and scrolling, computed without curses. */
#include <config.h>

#include <string.h>

#include "layout.h"

void
layout_screen(int cols, int rows, struct layout *l)
{
	l->cols = cols;
	l->rows = rows;
	l->too_small = cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS;
	l->header_y = 0;
	l->header_h = 2;
	l->body_y = l->header_h;
	l->status_y = rows - 1;
	l->body_h = rows - l->header_h - 1;
	if (l->body_h < 0)
		l->body_h = 0;
}

static int
total_width(const struct layout_col *cols, const int *shown, int n, int gap)
{
	int w = 0, k = 0;

	for (int i = 0; i < n; i++)
		if (shown[i]) {
			w += cols[i].min;
			k++;
		}
	return k ? w + gap * (k - 1) : 0;
}

/* Drop the most droppable column until the minimums fit (or none can be dropped). */
static void
drop_columns(int width, int gap, const struct layout_col *cols, int n, int *shown)
{
	while (total_width(cols, shown, n, gap) > width) {
		int worst = -1;

		for (int i = 0; i < n; i++)
			if (shown[i] && cols[i].drop > 0 && (worst < 0 || cols[i].drop > cols[worst].drop))
				worst = i;
		if (worst < 0)
			return;
		shown[worst] = 0;
	}
}

/* Can the column take more room: shown, with a share, and not at its max? */
static int
can_grow(const struct layout_col *c, int shown, int width)
{
	return shown && c->weight > 0 && (!c->max || width < c->max);
}

/* Share left by weight, a column at a time, respecting max; what could not be given. */
static int
share_left(int left, const struct layout_col *cols, int n, const int *shown, int *widths)
{
	while (left > 0) {
		int given = 0, weights = 0;

		for (int i = 0; i < n; i++)
			if (can_grow(&cols[i], shown[i], widths[i]))
				weights += cols[i].weight;
		if (weights == 0)
			break;
		for (int i = 0; i < n && given < left; i++) {
			int add;

			if (!can_grow(&cols[i], shown[i], widths[i]))
				continue;
			add = left * cols[i].weight / weights;
			if (add < 1)
				add = 1;
			if (add > left - given)
				add = left - given;
			if (cols[i].max && widths[i] + add > cols[i].max)
				add = cols[i].max - widths[i];
			widths[i] += add;
			given += add;
		}
		if (given == 0)
			break;
		left -= given;
	}
	return left;
}

int
layout_columns(int width, int gap, const struct layout_col *cols, int n, int *widths)
{
	int shown[n > 0 ? n : 1], k = 0, left;

	memset(shown, 0, sizeof shown);     /* every element set below; said so for clang-tidy */

	/* A column with no width and no share is not there at all. */
	for (int i = 0; i < n; i++)
		shown[i] = cols[i].min > 0 || cols[i].weight > 0;
	drop_columns(width, gap, cols, n, shown);
	for (int i = 0; i < n; i++) {
		widths[i] = shown[i] ? cols[i].min : 0;
		k += shown[i];
	}
	left = share_left(width - total_width(cols, shown, n, gap), cols, n, shown, widths);
	/* Still too wide (no droppable column left): shrink the last ones. */
	for (int i = n - 1, over = -left; i >= 0 && over > 0; i--) {
		int cut = widths[i] < over ? widths[i] : over;

		widths[i] -= cut;
		over -= cut;
		if (widths[i] == 0 && shown[i]) {
			shown[i] = 0;
			k--;
		}
	}
	return k;
}

/* The narrowest a column may be: its content if never cut, else cut_min; never below a header form. */
static int
narrowest(const struct layout_tcol *c)
{
	int head = c->head_short ? c->head_short : c->head;
	int w = c->cut_min && c->cut_min < c->content ? c->cut_min : c->content;

	return w > head ? w : head;
}

/* Room left over: columns never cut grow to their full header (they were at their short one). */
static void
widen_headers(int width, int gap, const struct layout_tcol *cols, int n, int *widths)
{
	int used = 0, k = 0;

	for (int i = 0; i < n; i++)
		if (widths[i] > 0) {
			used += widths[i];
			k++;
		}
	used += k > 0 ? gap * (k - 1) : 0;
	for (int i = 0; i < n && used < width; i++) {
		int add = cols[i].head - widths[i];

		if (widths[i] <= 0 || add <= 0)
			continue;
		if (add > width - used)
			add = width - used;
		widths[i] += add;
		used += add;
	}
}

int
layout_table(int width, int gap, const struct layout_tcol *cols, int n, int *widths, int *use_short)
{
	struct layout_col lc[LAYOUT_TABLE_MAX] = { { 0, 0, 0, 0 } };
	int shown;

	if (n > LAYOUT_TABLE_MAX)
		n = LAYOUT_TABLE_MAX;
	for (int i = 0; i < n; i++) {
		int want = cols[i].content > cols[i].head ? cols[i].content : cols[i].head;

		/* An empty column is not there: no width, no gap. */
		lc[i].min = lc[i].max = lc[i].weight = lc[i].drop = 0;
		if (cols[i].content <= 0)
			continue;
		lc[i].min = narrowest(&cols[i]);
		/* First the texts that are cut share the room; a column never cut waits for widen_headers(). */
		lc[i].max = cols[i].cut_min ? (want > lc[i].min ? want : lc[i].min) : lc[i].min;
		lc[i].weight = lc[i].max > lc[i].min ? (cols[i].weight > 0 ? cols[i].weight : 1) : 0;
		lc[i].drop = cols[i].drop;
	}
	shown = layout_columns(width, gap, lc, n, widths);
	widen_headers(width, gap, cols, n, widths);
	for (int i = 0; i < n; i++)
		use_short[i] = widths[i] > 0 && widths[i] < cols[i].head && cols[i].head_short;
	return shown;
}

long
layout_scroll(long top, long sel, long want, long height, long total)
{
	if (height <= 0 || total <= 0)
		return 0;
	if (want < 1)
		want = 1;
	if (want > height)
		want = height;
	if (sel < top)
		top = sel;
	else if (sel + want > top + height)
		top = sel + want - height;
	if (top > total - height)
		top = total - height;
	if (top < 0)
		top = 0;
	return top;
}

