/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_layout.c: what the dashboard computes without curses: screen regions, table columns, scrolling, search matching. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "layout.h"
#include "search.h"

static void
screen_regions(void **state)
{
	struct layout l;

	(void)state;
	layout_screen(80, 24, &l);
	assert_false(l.too_small);
	assert_int_equal(l.header_h, 2);
	assert_int_equal(l.body_y, 2);
	assert_int_equal(l.body_h, 21);
	assert_int_equal(l.status_y, 23);
	layout_screen(LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, &l);
	assert_false(l.too_small);
	layout_screen(LAYOUT_MIN_COLS - 1, 24, &l);
	assert_true(l.too_small);
	layout_screen(80, LAYOUT_MIN_ROWS - 1, &l);
	assert_true(l.too_small);
	layout_screen(0, 0, &l);
	assert_true(l.too_small);
	assert_int_equal(l.body_h, 0);
}

/* The activities table: id, title, focus, responsible, due, status, progress. */
static const struct layout_col table[] = {
	{ 3, 3, 0, 0 }, { 16, 0, 4, 0 }, { 8, 30, 1, 2 }, { 8, 30, 1, 1 },
	{ 10, 10, 0, 3 }, { 13, 13, 0, 0 }, { 5, 5, 0, 4 },
};
enum { NT = sizeof table / sizeof *table };

static int
sum(const int *w, int n, int gap)
{
	int s = 0, k = 0;

	for (int i = 0; i < n; i++)
		if (w[i] > 0) {
			s += w[i];
			k++;
		}
	return k ? s + gap * (k - 1) : 0;
}

static void
columns_fill_the_width(void **state)
{
	int w[NT];

	(void)state;
	for (int width = 69; width <= 300; width += 7) {
		int shown = layout_columns(width, 1, table, NT, w);

		assert_int_equal(shown, NT);
		assert_int_equal(sum(w, NT, 1), width);
		for (int i = 0; i < NT; i++) {
			assert_true(w[i] >= table[i].min);
			if (table[i].max)
				assert_true(w[i] <= table[i].max);
		}
	}
	/* At 80 columns the title gets most of what is left. */
	layout_columns(80, 1, table, NT, w);
	assert_true(w[1] > w[2] && w[1] > w[3]);
	/* Wide: the capped columns stop at their maximum, the title takes the rest. */
	layout_columns(300, 1, table, NT, w);
	assert_int_equal(w[2], 30);
	assert_int_equal(w[3], 30);
	assert_int_equal(w[1], 300 - 6 - 3 - 30 - 30 - 10 - 13 - 5);
}

static void
columns_drop_in_order(void **state)
{
	int w[NT];

	(void)state;
	/* 3+16+8+8+10+13+5 = 63, plus 6 gaps = 69: below that, focus (drop 2) goes before responsible (drop 1)... */
	assert_int_equal(layout_columns(68, 1, table, NT, w), NT - 1);
	assert_int_equal(w[6], 0);      /* progress has the highest drop: first to go */
	assert_int_equal(sum(w, NT, 1), 68);
	layout_columns(50, 1, table, NT, w);
	assert_int_equal(w[6], 0);
	assert_int_equal(w[4], 0);
	assert_true(sum(w, NT, 1) <= 50);
	assert_true(w[1] >= 16);
	/* Too narrow even for the columns that never drop: cut from the right, never wider than asked. */
	layout_columns(20, 1, table, NT, w);
	assert_true(sum(w, NT, 1) <= 20);
	for (int i = 0; i < NT; i++)
		assert_true(w[i] >= 0);
}

static void
columns_absent(void **state)
{
	/* A column with no width and no weight (no focus areas) takes no gap either. */
	struct layout_col t[NT];
	int w[NT];

	(void)state;
	for (int i = 0; i < NT; i++)
		t[i] = table[i];
	t[2].min = t[2].max = t[2].weight = 0;
	assert_int_equal(layout_columns(80, 1, t, NT, w), NT - 1);
	assert_int_equal(w[2], 0);
	assert_int_equal(sum(w, NT, 1), 80);
}

/* Pane 4's columns as layout_table() sees them: #, title, focus, responsible, due, late, status, progress. */
static const struct layout_tcol tcols[] = {
	{ 2, 1, 0, 0, 0, 0 },           /* # */
	{ 60, 5, 0, 16, 4, 0 },         /* Title: cut with "…" down to 16 */
	{ 30, 10, 5, 8, 1, 2 },         /* Focus area / Focus */
	{ 25, 11, 5, 8, 1, 1 },         /* Responsible / Resp. */
	{ 10, 3, 0, 0, 0, 3 },          /* Due */
	{ 6, 9, 4, 0, 0, 0 },           /* Days late / Late */
	{ 13, 6, 0, 0, 0, 0 },          /* Status */
	{ 5, 5, 0, 0, 0, 4 },           /* Prog. */
};
enum { NTC = sizeof tcols / sizeof *tcols };

/* Wide enough: every column as wide as its content (or its header), none stretched, none short. */
static void
table_fits_its_content(void **state)
{
	int w[NTC], sh[NTC];

	(void)state;
	assert_int_equal(layout_table(200, 1, tcols, NTC, w, sh), NTC);
	assert_int_equal(w[1], 60);
	assert_int_equal(w[2], 30);
	assert_int_equal(w[3], 25);
	assert_int_equal(w[5], 9);      /* the header is wider than "123 d" */
	assert_true(sum(w, NTC, 1) < 200);
	for (int i = 0; i < NTC; i++)
		assert_false(sh[i]);
}

/* Too narrow: the cut columns share what is left, the title most; never below a header's short form. */
static void
table_cuts_and_shortens(void **state)
{
	int w[NTC], sh[NTC];

	(void)state;
	assert_int_equal(layout_table(80, 1, tcols, NTC, w, sh), NTC);
	assert_int_equal(sum(w, NTC, 1), 80);
	assert_int_equal(w[0], 2);
	assert_int_equal(w[4], 10);
	assert_int_equal(w[6], 13);
	assert_true(w[1] >= 16 && w[1] < 60);
	assert_true(w[1] > w[2] && w[1] > w[3]);
	assert_true(w[2] >= 8 && w[3] >= 8);
	/* A column narrower than its header takes the short form, never a cut one. */
	for (int i = 0; i < NTC; i++) {
		assert_int_equal(sh[i], w[i] < tcols[i].head);
		assert_true(w[i] >= (sh[i] ? tcols[i].head_short : tcols[i].head));
	}
	/* 60 columns: progress (drop 4), then due (drop 3) go before anything is cut below its minimum. */
	layout_table(60, 1, tcols, NTC, w, sh);
	assert_int_equal(w[7], 0);
	assert_true(sum(w, NTC, 1) <= 60);
	for (int i = 0; i < NTC; i++)
		if (w[i])
			assert_true(w[i] >= (tcols[i].cut_min ? tcols[i].cut_min : tcols[i].content) ||
			            w[i] >= tcols[i].head);
}

/* An empty column takes no room and no gap; a column whose content is narrower than its header is as wide as the header. */
static void
table_drops_empty_columns(void **state)
{
	struct layout_tcol t[NTC];
	int w[NTC], sh[NTC];

	(void)state;
	for (int i = 0; i < NTC; i++)
		t[i] = tcols[i];
	t[2].content = 0;       /* no focus areas */
	t[3].content = 0;       /* no responsible anywhere */
	t[5].content = 0;       /* nothing late */
	assert_int_equal(layout_table(120, 1, t, NTC, w, sh), NTC - 3);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[3], 0);
	assert_int_equal(w[5], 0);
	/* The title gets its whole content now: 2+60+10+13+5 and 4 gaps. */
	assert_int_equal(w[1], 60);
	assert_int_equal(sum(w, NTC, 1), 2 + 60 + 10 + 13 + 5 + 4);
	t[1].content = 3;       /* a title "Foo" still shows "Title" whole */
	layout_table(80, 1, t, NTC, w, sh);
	assert_int_equal(w[1], 5);
}

static void
scrolling(void **state)
{
	(void)state;
	/* Already visible: no scrolling. */
	assert_int_equal(layout_scroll(0, 5, 1, 10, 100), 0);
	/* Below the page: the row becomes the last one. */
	assert_int_equal(layout_scroll(0, 10, 1, 10, 100), 1);
	/* An item of 3 rows must fit entirely. */
	assert_int_equal(layout_scroll(0, 8, 3, 10, 100), 1);
	/* Above the page: the row becomes the first. */
	assert_int_equal(layout_scroll(50, 20, 1, 10, 100), 20);
	/* Never past the end, never before the start. */
	assert_int_equal(layout_scroll(95, 99, 1, 10, 100), 90);
	assert_int_equal(layout_scroll(0, 3, 1, 10, 5), 0);
	assert_int_equal(layout_scroll(7, 0, 1, 0, 5), 0);
	/* 100,000 rows: only numbers, nothing proportional to the length. */
	assert_int_equal(layout_scroll(0, 99999, 1, 21, 100000), 99979);
}

static void
search_ignores_case(void **state)
{
	(void)state;
	assert_true(search_match("Kartläggning", "KARTLÄGGNING"));
	assert_true(search_match("Örnsköldsvik", "örnskö"));
	assert_true(search_match("Folkhälsa", "HÄLSA"));
	assert_false(search_match("Folkhälsa", "halsa"));
	assert_true(search_match("anything", ""));
	assert_false(search_match("", "x"));
	assert_false(search_match(NULL, "x"));
	/* Invalid UTF-8 neither crashes nor matches by accident. */
	assert_false(search_match("\xff\xfe", "a"));
	assert_true(search_match("a\xff" "b", "B"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(screen_regions),
		cmocka_unit_test(columns_fill_the_width),
		cmocka_unit_test(columns_drop_in_order),
		cmocka_unit_test(columns_absent),
		cmocka_unit_test(table_fits_its_content),
		cmocka_unit_test(table_cuts_and_shortens),
		cmocka_unit_test(table_drops_empty_columns),
		cmocka_unit_test(scrolling),
		cmocka_unit_test(search_ignores_case),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
