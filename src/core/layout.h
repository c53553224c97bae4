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

/* The first visible row that keeps sel (and rows after it, up to want) on a page of height rows. */
long layout_scroll(long top, long sel, long want, long height, long total);


#endif
