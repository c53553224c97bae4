/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.h: where things go on the screen, computed without curses so it can be unit tested. */
#ifndef STYRKORT_LAYOUT_H
#define STYRKORT_LAYOUT_H

/* Below this the dashboard says "terminal too small" instead of drawing. */
#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_ROWS 16

/* The screen: a header (strategy, pane tabs), the body, the status line. */
struct layout {
	int too_small;
	int header_y, header_h;
	int body_y, body_h;
	int status_y;
	int cols, rows;
};
void layout_screen(int cols, int rows, struct layout *l);

/* One column of a table: it gets at least min columns, grows by weight up to max (0: no limit). */
struct layout_col {
	int min, max, weight;
	int drop;       /* dropped first when the table does not fit: higher drops earlier; 0 never */
};
/*
 * Share width among n columns separated by gap spaces: each column gets
 * its minimum, the rest is shared by weight.  Columns that do not fit
 * are dropped (width 0) in order of drop.  Returns the number of columns shown.
 */
int layout_columns(int width, int gap, const struct layout_col *cols, int n, int *widths);

/*
 * A table whose columns are sized from what they hold: each column says
 * how wide its widest cell is (content, in display columns; 0: every cell
 * is empty, and the column is not shown at all), how wide its header is
 * and the header's short form (never cut mid-word: a column narrower than
 * its header shows the short form, and is never made narrower than that),
 * whether its text may be cut (with "…", down to cut_min columns) and when
 * it drops out if the table does not fit (drop: higher goes first, 0
 * never).  Columns are as wide as their content where that fits; where it
 * does not, the ones that may be cut share what is left by weight.  Space
 * beyond the content is left empty: a wide terminal shows the same table,
 * not a stretched one.
 */
struct layout_tcol {
	int content;
	int head, head_short;   /* head_short 0: no short form */
	int cut_min;            /* 0: never cut (dates, numbers, statuses) */
	int weight;             /* share of the room of the columns that are cut */
	int drop;
};
#define LAYOUT_TABLE_MAX 16     /* columns of a table at most */
/*
 * Widths (0: not shown) into widths and, per column, 1 in use_short if
 * its header must take its short form.  Returns the number of columns shown.
 */
int layout_table(int width, int gap, const struct layout_tcol *cols, int n, int *widths, int *use_short);

/* The first visible row that keeps sel (and rows after it, up to want) on a page of height rows. */
long layout_scroll(long top, long sel, long want, long height, long total);


#endif
