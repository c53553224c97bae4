/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h: UTF-8 text as data: sanitising control characters, display width, wrapping. */
#ifndef STYRKORT_TEXT_H
#define STYRKORT_TEXT_H

#include <stddef.h>
#include "util.h"

/*
 * Make text safe for a terminal or a printer: C0 and C1 controls, DEL,
 * the bidirectional controls and invisible characters text_check() refuses
 * and invalid UTF-8 each become '?'; a tab becomes a space, and so does a
 * newline unless keep_newlines; a CR before a newline is dropped.
 * Grapheme clusters are shown as every terminal draws them alike: emoji
 * skin tones, variation selectors U+FE0E/U+FE0F and the other format
 * characters (the joiners U+200C/U+200D, the soft hyphen, tags) are left
 * out, a flag's regional indicators become letters (🇸🇪: SE), a combining
 * mark with no base and a character wcwidth() knows no width of become '?'.
 * Needs a UTF-8 LC_CTYPE (main and the tests set one).
 */
char *text_sanitize(const char *s, int keep_newlines);
/* The same appended to b (no allocation where b has room): the writers of many cells (CSV). */
void text_sanitize_buf(struct buf *b, const char *s, int keep_newlines);
/*
 * The bytes of printable ASCII (0x20-0x7e) at the start of s, at most
 * left: what text_sanitize() leaves as it is, a column a byte.  The one
 * fast path of every writer of the database's text (left (size_t)-1:
 * up to the first other byte, the NUL at the latest).
 */
size_t text_ascii_run(const char *s, size_t left);
/* A byte text_ascii_run() counts: printable ASCII, itself and a column wide in every locale. */
#define TEXT_ASCII_SHOWN(c) ((c) >= 0x20 && (c) < 0x7f)

/* 1 if s is valid UTF-8. */
int text_valid_utf8(const char *s);

/*
 * What a text may hold, the one rule for `set`, the dashboard and import:
 * valid UTF-8; no C0 or C1 control character or DEL; no bidirectional
 * control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069); no
 * invisible character that can disguise text (U+200B, U+2028, U+2029,
 * U+2060, U+FEFF).  A multi-line field may hold line breaks and tabs.  The
 * joiners U+200C and U+200D are kept (emoji sequences, several scripts).
 * 0 if s may be stored; else -1, *pos (if not NULL) the 1-based position
 * of the first refused character counted in characters (a byte that is not
 * UTF-8 counts as one), and why (n bytes, may be NULL) says which
 * character it is and what to do, in the UI language.
 */
int text_check(const char *s, int multiline, size_t *pos, char *why, size_t n);

/*
 * s with every character text_check() refuses replaced by U+FFFD (each
 * byte that is not UTF-8 too): for export of a database that already holds
 * such characters.  *count gets how many, *first (if not NULL) the position
 * of the first (as text_check() counts).  A new string.
 */
char *text_repair(const char *s, int multiline, size_t *count, size_t *first);

/*
 * Display columns of a UTF-8 string as text_sanitize() shows it; wide
 * characters count 2.  All width measuring goes through here (or text_fit).
 */
int text_width(const char *s);
/* Bytes of s that fit in cols columns (as shown), never splitting a character from its marks. */
size_t text_fit(const char *s, int cols);

/*
 * s (sanitised) in at most cols columns: whole if it fits, else cut at a
 * character boundary with "…" as its last column (a wide character that
 * would straddle the edge goes too).  A new string.
 */
char *text_ellipsize(const char *s, int cols);

/*
 * Wrap s (sanitised first) to lines of at most cols columns, breaking at
 * spaces where possible and inside a word only at character boundaries.
 * A space may not be broken where text_glued() says so (a number and its
 * unit, a label and its value) unless the glued words alone are wider
 * than a line.  Paragraph breaks (newlines) are kept.  Returns the number of lines and
 * sets *lines to a NULL-terminated array to free with text_lines_free().
 */
size_t text_wrap(const char *s, int cols, char ***lines);
void text_lines_free(char **lines);
/*
 * The no-break rule, stated once: 1 if the space at s[at] must not become
 * a line break: between a number and its unit ("30 %", "12 d", "4 000 kr",
 * "2 500" as a thousands group), and after a label's colon ("Status: Klar"; a label is at most three
 * words since the start of the text or a | or ;).
 */
int text_glued(const char *s, size_t at);

/*
 * A date as people read it, at its precision: a day in fmt (strftime, e.g.
 * [display] date_format), a month in fmt without its day (%Y-%m-%d: 2012-11;
 * %e %B %Y: November 2012), a year as written; text that is no date, made safe.
 */
void format_date(char *out, size_t n, const char *iso, const char *fmt);

#endif
