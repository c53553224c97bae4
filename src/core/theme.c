/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.c: the dashboard's colour themes as one table, the xterm palette and their WCAG contrast ratios. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "theme.h"

static const struct {
	const char *what;
	int mono;
} roles[TR_COUNT] = {
#define R(name, what, mono) [TR_##name] = { what, mono },
	THEME_ROLES
#undef R
};

/* One row per role: its colours with 256 colours, and with 8 (or 16). */
struct theme_row {
	struct theme_color c[THEME_DEPTHS];
	unsigned char set;      /* 0: the role has no colours (SELECTED) */
};

/* { { 256: fg, bg, bold }, { 8: fg, bg, bold } } */
#define ROW(f2, b2, bold2, f8, b8, bold8) { { [THEME_256] = { f2, b2, bold2 }, [THEME_8] = { f8, b8, bold8 } }, 1 }

/*
 * Every pair reaches 4.5:1 (7:1 in high-contrast) in xterm's palette,
 * tests/unit/test_theme checks it.  With 8 colours no red reaches 4.5:1 on
 * black (205,0,0: 3.6) and no green, yellow or cyan on white, so there red
 * is a background under white, and on a light background green and yellow
 * are backgrounds under black; bold black or bold on a light background
 * turns grey where bold is shown bright, so it is not used there.
 */
static const struct theme_row dark[TR_COUNT] = {
	[TR_NORMAL] =         ROW(252, 16, 0,   7, 0, 0),
	[TR_TITLE] =          ROW(231, 16, 1,   7, 0, 1),
	[TR_TAB] =            ROW(252, 16, 0,   7, 0, 0),
	[TR_TAB_CURRENT] =    ROW(16, 80, 1,    0, 6, 0),
	[TR_STATUS] =         ROW(16, 252, 0,   0, 7, 0),
	[TR_ERROR] =          ROW(231, 124, 1,  7, 1, 1),
	[TR_HEADING] =        ROW(81, 16, 1,    6, 0, 1),
	[TR_LABEL] =          ROW(231, 16, 1,   7, 0, 1),
	[TR_DIM] =            ROW(248, 16, 0,   7, 0, 0),
	[TR_ST_NOT_STARTED] = ROW(252, 16, 0,   7, 0, 0),
	[TR_ST_IN_PROGRESS] = ROW(81, 16, 0,    6, 0, 0),
	[TR_ST_DONE] =        ROW(77, 16, 0,    2, 0, 0),
	[TR_ST_DELAYED] =     ROW(220, 16, 1,   3, 0, 1),
	[TR_ST_CANCELLED] =   ROW(248, 16, 0,   7, 0, 0),
	[TR_OVERDUE] =        ROW(203, 16, 1,   7, 1, 1),
	[TR_BAR] =            ROW(77, 16, 0,    2, 0, 0),
	[TR_MODE_EDIT] =      ROW(16, 220, 1,   0, 3, 0),
};

static const struct theme_row light[TR_COUNT] = {
	[TR_NORMAL] =         ROW(16, 231, 0,   0, 7, 0),
	[TR_TITLE] =          ROW(16, 231, 1,   4, 7, 0),
	[TR_TAB] =            ROW(16, 231, 0,   0, 7, 0),
	[TR_TAB_CURRENT] =    ROW(231, 25, 1,   7, 4, 1),
	[TR_STATUS] =         ROW(231, 238, 0,  7, 0, 0),
	[TR_ERROR] =          ROW(231, 124, 1,  7, 1, 1),
	[TR_HEADING] =        ROW(25, 231, 1,   4, 7, 0),
	[TR_LABEL] =          ROW(16, 231, 1,   4, 7, 0),
	[TR_DIM] =            ROW(241, 231, 0,  0, 7, 0),
	[TR_ST_NOT_STARTED] = ROW(16, 231, 0,   0, 7, 0),
	[TR_ST_IN_PROGRESS] = ROW(24, 231, 0,   4, 7, 0),
	[TR_ST_DONE] =        ROW(22, 231, 0,   0, 2, 0),
	[TR_ST_DELAYED] =     ROW(94, 231, 1,   0, 3, 0),
	[TR_ST_CANCELLED] =   ROW(241, 231, 0,  0, 7, 0),
	[TR_OVERDUE] =        ROW(124, 231, 1,  7, 1, 1),
	[TR_BAR] =            ROW(22, 231, 0,   4, 7, 0),
	[TR_MODE_EDIT] =      ROW(16, 220, 1,   0, 3, 0),
};

/* 7:1 everywhere: with 8 colours no red reaches it, so alerts are black on yellow. */
static const struct theme_row high_contrast[TR_COUNT] = {
	[TR_NORMAL] =         ROW(231, 16, 0,   7, 0, 0),
	[TR_TITLE] =          ROW(231, 16, 1,   7, 0, 1),
	[TR_TAB] =            ROW(231, 16, 0,   7, 0, 0),
	[TR_TAB_CURRENT] =    ROW(16, 51, 1,    0, 6, 0),
	[TR_STATUS] =         ROW(16, 231, 0,   0, 7, 0),
	[TR_ERROR] =          ROW(231, 88, 1,   0, 3, 0),
	[TR_HEADING] =        ROW(51, 16, 1,    6, 0, 1),
	[TR_LABEL] =          ROW(231, 16, 1,   7, 0, 1),
	[TR_DIM] =            ROW(250, 16, 0,   7, 0, 0),
	[TR_ST_NOT_STARTED] = ROW(231, 16, 0,   7, 0, 0),
	[TR_ST_IN_PROGRESS] = ROW(51, 16, 0,    6, 0, 0),
	[TR_ST_DONE] =        ROW(46, 16, 0,    2, 0, 0),
	[TR_ST_DELAYED] =     ROW(226, 16, 1,   3, 0, 1),
	[TR_ST_CANCELLED] =   ROW(250, 16, 0,   7, 0, 0),
	[TR_OVERDUE] =        ROW(210, 16, 1,   0, 3, 0),
	[TR_BAR] =            ROW(46, 16, 0,    2, 0, 0),
	[TR_MODE_EDIT] =      ROW(16, 226, 1,   0, 3, 0),
};

static const struct {
	enum theme theme;
	const char *name;
	double min_ratio;
	const struct theme_row *rows;
} themes[] = {
	{ TH_DARK, "dark", 4.5, dark },
	{ TH_LIGHT, "light", 4.5, light },
	{ TH_HIGH_CONTRAST, "high-contrast", 7.0, high_contrast },
};
#define NTHEMES (sizeof themes / sizeof themes[0])

/* xterm's colours 0-15 (its default resources); 16-255 are computed. */
static const unsigned char base16[16][3] = {
	{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
	{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
	{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
	{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

static const char *const names8[8] = { "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white" };

static size_t
theme_index(enum theme t)
{
	for (size_t i = 0; i < NTHEMES; i++)
		if (themes[i].theme == t)
			return i;
	return 0;
}

enum theme
theme_pick(enum theme_choice choice, const char *colorfgbg)
{
	const char *last;
	char *end;
	long bg;

	if (choice != THEME_AUTO)
		return (enum theme)choice;
	/* COLORFGBG is "fg;bg" or "fg;default;bg" (rxvt, Konsole); "default" or nothing: dark. */
	if (!colorfgbg || !(last = strrchr(colorfgbg, ';')))
		return TH_DARK;
	bg = strtol(last + 1, &end, 10);
	if (end == last + 1 || *end)
		return TH_DARK;
	return bg == 7 || (bg >= 9 && bg <= 15) ? TH_LIGHT : TH_DARK;
}

const struct theme_color *
theme_color(enum theme t, enum theme_depth depth, enum theme_role role)
{
	const struct theme_row *r;

	if (role >= TR_COUNT || depth >= THEME_DEPTHS)
		return NULL;
	r = &themes[theme_index(t)].rows[role];
	return r->set ? &r->c[depth] : NULL;
}

int
theme_mono(enum theme_role role)
{
	return role < TR_COUNT ? roles[role].mono : 0;
}

double
theme_min_ratio(enum theme t)
{
	return themes[theme_index(t)].min_ratio;
}

const char *
theme_name(enum theme t)
{
	return themes[theme_index(t)].name;
}

void
theme_rgb(int index, unsigned char rgb[3])
{
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };

	if (index < 0 || index > 255)
		index = 0;
	if (index < 16) {
		memcpy(rgb, base16[index], 3);
	} else if (index < 232) {
		index -= 16;
		rgb[0] = level[index / 36];
		rgb[1] = level[index / 6 % 6];
		rgb[2] = level[index % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (index - 232));
	}
}

/* WCAG 2's relative luminance of a palette entry. */
static double
luminance(int index)
{
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	unsigned char rgb[3];
	double l = 0;

	theme_rgb(index, rgb);
	for (int i = 0; i < 3; i++) {
		double c = rgb[i] / 255.0;

		l += weight[i] * (c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
	}
	return l;
}

double
theme_contrast(int a, int b)
{
	double la = luminance(a) + 0.05, lb = luminance(b) + 0.05;

	return la > lb ? la / lb : lb / la;
}

double
theme_pair_ratio(const struct theme_color *c)
{
	double r = theme_contrast(c->fg, c->bg);

	if (c->bold && c->fg < 8) {
		double bright = theme_contrast(c->fg + 8, c->bg);

		if (bright < r)
			r = bright;
	}
	return r;
}

/* A ratio as the man page shows it: cut (never rounded up) to one decimal. */
static double
shown(double ratio)
{
	return floor(ratio * 10) / 10;
}

/* "white (7)" or "#ffffff (231)"; the columns written. */
static int
write_color(FILE *f, int index)
{
	unsigned char rgb[3];
	int n;

	theme_rgb(index, rgb);
	if (index < 8)
		n = fprintf(f, "%s (%d)", names8[index], index);
	else
		n = fprintf(f, "#%02x%02x%02x (%d)", rgb[0], rgb[1], rgb[2], index);
	return n > 0 ? n : 0;
}

/* One line of a theme's table: the role, its colours and the ratio (and in brackets bright's, for bold on 0-7). */
static void
write_pair(FILE *f, enum theme_role role, const struct theme_color *c)
{
	int used = 0;

	fprintf(f, "%-20s", roles[role].what);
	if (!c) {
		fprintf(f, "the row's colours reversed\n");
		return;
	}
	if (c->bold)
		used += fprintf(f, "bold ");
	used += write_color(f, c->fg);
	used += fprintf(f, " on ");
	used += write_color(f, c->bg);
	fprintf(f, "%*s%4.1f", used < 36 ? 36 - used : 1, "", shown(theme_contrast(c->fg, c->bg)));
	if (c->bold && c->fg < 8)
		fprintf(f, " (%.1f)", shown(theme_contrast(c->fg + 8, c->bg)));
	fputc('\n', f);
}

void
theme_write_man(FILE *f)
{
	static const char *const depth_line[THEME_DEPTHS] = {
		[THEME_256] = "With 256 colours (such as TERM=xterm-256color):",
		[THEME_8] = "With 8 or 16 colours (such as TERM=xterm, linux or screen):",
	};
	static const enum theme_depth order[] = { THEME_256, THEME_8 };

	for (size_t i = 0; i < NTHEMES; i++) {
		fprintf(f, ".SS \"theme = %s\"\n", themes[i].name);
		for (size_t d = 0; d < sizeof order / sizeof order[0]; d++) {
			fprintf(f, ".PP\n%s\n.PP\n.nf\n", depth_line[order[d]]);
			fprintf(f, "%-20s%-36s%s\n", "role", "colours", "ratio");
			for (int r = 0; r < TR_COUNT; r++)
				write_pair(f, (enum theme_role)r, theme_color(themes[i].theme, order[d], (enum theme_role)r));
			fprintf(f, ".fi\n");
		}
	}
}
