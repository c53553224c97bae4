/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_theme.c: every text/background pair of every theme reaches its contrast ratio in xterm's palette. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "theme.h"

static const enum theme all[] = { TH_DARK, TH_LIGHT, TH_HIGH_CONTRAST };
static const char *const role_names[TR_COUNT] = {
#define R(name, what, mono) [TR_##name] = #name,
	THEME_ROLES
#undef R
};

/* xterm's palette: the 16 of its resources, the 6x6x6 cube and the greys. */
static void
the_palette(void **state)
{
	static const struct {
		int index;
		unsigned char rgb[3];
	} want[] = {
		{ 0, { 0, 0, 0 } }, { 1, { 205, 0, 0 } }, { 7, { 229, 229, 229 } }, { 8, { 127, 127, 127 } },
		{ 12, { 92, 92, 255 } }, { 15, { 255, 255, 255 } }, { 16, { 0, 0, 0 } }, { 25, { 0, 95, 175 } },
		{ 196, { 255, 0, 0 } }, { 231, { 255, 255, 255 } }, { 232, { 8, 8, 8 } }, { 255, { 238, 238, 238 } },
	};
	unsigned char rgb[3];

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		theme_rgb(want[i].index, rgb);
		assert_memory_equal(rgb, want[i].rgb, 3);
	}
}

/* WCAG 2's ratio: black on white 21, symmetric, and today's complaints measured. */
static void
the_ratio(void **state)
{
	(void)state;
	assert_true(theme_contrast(0, 15) > 20.99 && theme_contrast(0, 15) < 21.01);
	assert_true(theme_contrast(4, 4) == 1.0);
	assert_true(theme_contrast(1, 0) == theme_contrast(0, 1));
	/* Red on black, the 3.6:1; bold black on cyan as bright (grey on cyan), 2.0:1. */
	assert_true(theme_contrast(1, 0) > 3.59 && theme_contrast(1, 0) < 3.61);
	assert_true(theme_pair_ratio(&(struct theme_color){ 0, 6, 1 }) < 2.1);
	assert_true(theme_pair_ratio(&(struct theme_color){ 0, 6, 0 }) > 10.6);
	/* Bold on 256-colour entries is never shown bright: only its own ratio counts. */
	assert_true(theme_pair_ratio(&(struct theme_color){ 16, 80, 1 }) == theme_contrast(16, 80));
}

/*
 * The contract: every role of every theme at every depth reaches the theme's
 * ratio (4.5:1, WCAG AA; 7:1 for high-contrast), a bold pair on colours 0-7
 * also as bright.  Every failing pair is named before the test fails.
 */
static void
every_pair_reaches_its_ratio(void **state)
{
	int bad = 0;

	(void)state;
	for (size_t t = 0; t < sizeof all / sizeof all[0]; t++) {
		assert_true(theme_min_ratio(all[t]) >= 4.5);
		for (int d = 0; d < THEME_DEPTHS; d++) {
			for (int r = 0; r < TR_COUNT; r++) {
				const struct theme_color *c = theme_color(all[t], (enum theme_depth)d, (enum theme_role)r);
				double ratio;

				if (r == TR_SELECTED) {
					/* Reverse video over the row: the row's own pairs, swapped. */
					assert_null(c);
					continue;
				}
				assert_non_null(c);
				ratio = theme_pair_ratio(c);
				if (ratio < theme_min_ratio(all[t])) {
					fprintf(stderr, "# %s, %s colours, %s: %d on %d%s is %.2f:1\n", theme_name(all[t]),
					        d == THEME_256 ? "256" : "8", role_names[r], c->fg, c->bg,
					        c->bold ? " bold" : "", ratio);
					bad++;
				}
			}
		}
	}
	assert_int_equal(bad, 0);
}

/* The 8-colour table uses colours 0-7 only: it is what a terminal of 8 colours can show. */
static void
eight_colours_are_eight(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof all / sizeof all[0]; t++)
		for (int r = 0; r < TR_COUNT; r++) {
			const struct theme_color *c = theme_color(all[t], THEME_8, (enum theme_role)r);

			if (c) {
				assert_in_range(c->fg, 0, 7);
				assert_in_range(c->bg, 0, 7);
			}
		}
}

/* Nothing is dim, and every role has a look without colour that says as much as the colour's bold. */
static void
monochrome(void **state)
{
	(void)state;
	assert_int_equal(theme_mono(TR_NORMAL), 0);
	assert_true(theme_mono(TR_SELECTED) & THEME_REVERSE);
	assert_true(theme_mono(TR_STATUS) & THEME_REVERSE);
	assert_true(theme_mono(TR_OVERDUE) & THEME_UNDERLINE);
	for (size_t t = 0; t < sizeof all / sizeof all[0]; t++)
		for (int r = 0; r < TR_COUNT; r++) {
			const struct theme_color *c = theme_color(all[t], THEME_256, (enum theme_role)r);

			if (c && c->bold)
				assert_true(theme_mono((enum theme_role)r) & THEME_BOLD);
		}
}

/* auto: light when COLORFGBG's background is 7 or 9-15, else (or without it) dark. */
static void
auto_follows_colorfgbg(void **state)
{
	static const struct {
		const char *colorfgbg;
		enum theme want;
	} cases[] = {
		{ NULL, TH_DARK }, { "", TH_DARK }, { "15;0", TH_DARK }, { "0;15", TH_LIGHT },
		{ "0;7", TH_LIGHT }, { "7;8", TH_DARK }, { "0;default;15", TH_LIGHT }, { "15;default;0", TH_DARK },
		{ "0;default", TH_DARK }, { "12;9", TH_LIGHT }, { "0;16", TH_DARK }, { "0;15x", TH_DARK },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(theme_pick(THEME_AUTO, cases[i].colorfgbg), cases[i].want);
	assert_int_equal(theme_pick(THEME_LIGHT, "15;0"), TH_LIGHT);
	assert_int_equal(theme_pick(THEME_DARK, "0;15"), TH_DARK);
	assert_int_equal(theme_pick(THEME_HIGH_CONTRAST, NULL), TH_HIGH_CONTRAST);
}

/* The man page's tables: every theme, both depths, every role with its ratio. */
static void
the_man_page_tables(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	theme_write_man(f);
	fclose(f);
	assert_non_null(strstr(buf, ".SS \"theme = high-contrast\""));
	assert_non_null(strstr(buf, "overdue, behind     bold #ff5f5f (203) on #000000 (16)   7.0\n"));
	assert_non_null(strstr(buf, "overdue, behind     bold white (7) on red (1)            4.6 (5.8)\n"));
	assert_non_null(strstr(buf, "selected row        the row's colours reversed\n"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_palette),
		cmocka_unit_test(the_ratio),
		cmocka_unit_test(every_pair_reaches_its_ratio),
		cmocka_unit_test(eight_colours_are_eight),
		cmocka_unit_test(monochrome),
		cmocka_unit_test(auto_follows_colorfgbg),
		cmocka_unit_test(the_man_page_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
