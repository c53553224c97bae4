/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.h: the dashboard's colour themes as data (no curses), the xterm palette and WCAG contrast ratios. */
#ifndef STYRKORT_THEME_H
#define STYRKORT_THEME_H

#include <stdio.h>
#include "configuration.h"

/* How a role looks without colour (NO_COLOR, color = never): combined as bits. */
enum { THEME_BOLD = 1, THEME_UNDERLINE = 2, THEME_REVERSE = 4 };

/*
 * R(name, what it colours (the man page's word), how it looks without colour).  The roles the
 * dashboard draws with (src/tui/display.h makes DC_name of them).
 * SELECTED has no colours of its own: in colour it is NORMAL reversed for
 * the whole row (a pair reversed keeps its contrast ratio), without colour
 * reverse video over the row's own look (src/tui/display.c).
 */
#define THEME_ROLES \
	R(NORMAL,         "text",                0) \
	R(TITLE,          "title",               THEME_BOLD) \
	R(TAB,            "tab",                 0) \
	R(TAB_CURRENT,    "current tab",         THEME_REVERSE | THEME_BOLD) \
	R(STATUS,         "status line",         THEME_REVERSE) \
	R(ERROR,          "error",               THEME_BOLD | THEME_REVERSE) \
	R(HEADING,        "heading",             THEME_BOLD) \
	R(LABEL,          "label, name, header", THEME_BOLD) \
	R(DIM,            "secondary text",      0) \
	R(SELECTED,       "selected row",        THEME_REVERSE) \
	R(ST_NOT_STARTED, "not started",         0) \
	R(ST_IN_PROGRESS, "in progress",         0) \
	R(ST_DONE,        "done, on track",      0) \
	R(ST_DELAYED,     "delayed, at risk",    THEME_BOLD) \
	R(ST_CANCELLED,   "cancelled",           0) \
	R(OVERDUE,        "overdue, behind",     THEME_BOLD | THEME_UNDERLINE) \
	R(BAR,            "progress bar",        0) \
	R(MODE_EDIT,      "EDIT badge",          THEME_BOLD)

enum theme_role {
#define R(name, what, mono) TR_##name,
	THEME_ROLES
#undef R
	TR_COUNT
};

/* The themes a choice resolves to (the values of enum theme_choice without auto). */
enum theme { TH_DARK = THEME_DARK, TH_LIGHT = THEME_LIGHT, TH_HIGH_CONTRAST = THEME_HIGH_CONTRAST };

/*
 * Each theme has colours for terminals of 256 colours (xterm's palette:
 * 16-231 a 6x6x6 cube, 232-255 greys; bold on them is only bold) and for
 * terminals of 8 or 16 (colours 0-7, where bold may be shown as the
 * bright colour 8-15 instead, so a bold pair must pass both ways).
 */
enum theme_depth { THEME_8, THEME_256, THEME_DEPTHS };

/* A foreground on a background, xterm palette indices, and whether it is bold. */
struct theme_color {
	short fg, bg;
	unsigned char bold;
};

/* What [display] theme chooses: auto is light when COLORFGBG's last field is 7 or 9-15, else dark. */
enum theme theme_pick(enum theme_choice choice, const char *colorfgbg);
/* The colours of role in theme at depth; NULL for SELECTED (NORMAL reversed). */
const struct theme_color *theme_color(enum theme t, enum theme_depth depth, enum theme_role role);
/* The monochrome look of role (THEME_BOLD, ...). */
int theme_mono(enum theme_role role);
/* The least ratio every pair of theme must reach: 4.5 (WCAG AA), 7 for high-contrast (AAA). */
double theme_min_ratio(enum theme t);
/* The name of theme as [display] theme writes it. */
const char *theme_name(enum theme t);

/* The sRGB colour of xterm's palette entry index (0-255). */
void theme_rgb(int index, unsigned char rgb[3]);
/* WCAG 2 contrast ratio of two palette entries, 1 to 21. */
double theme_contrast(int a, int b);
/* The worst ratio of a pair as a terminal may show it (bold on 0-7 also as 8-15). */
double theme_pair_ratio(const struct theme_color *c);

/* The themes' tables with their measured ratios as man page source (roff). */
void theme_write_man(FILE *f);

#endif
