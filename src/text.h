/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h: UTF-8 text as data: sanitising control characters, display width, wrapping. */
#ifndef STYRKORT_TEXT_H
#define STYRKORT_TEXT_H

#include <stddef.h>
#include "util.h"

/*
 * Make text safe for a terminal or a printer: C0 and C1 controls, DEL,
 * bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) and
 * invalid UTF-8 each become '?'; a tab becomes a space, and so does a
 * newline unless keep_newlines; a CR before a newline is dropped.
 * Needs a UTF-8 LC_CTYPE (main and the tests set one).
 */
char *text_sanitize(const char *s, int keep_newlines);

/* 1 if s is valid UTF-8. */
int text_valid_utf8(const char *s);

/* Display columns of a (sanitised) UTF-8 string; wide characters count 2. */
int text_width(const char *s);
/* Bytes of s that fit in cols columns, never splitting a character. */
size_t text_fit(const char *s, int cols);

/*
 * Wrap s (sanitised first) to lines of at most cols columns, breaking at
 * spaces where possible and inside a word only at character boundaries.
 * Paragraph breaks (newlines) are kept.  Returns the number of lines and
 * sets *lines to a NULL-terminated array to free with text_lines_free().
 */
size_t text_wrap(const char *s, int cols, char ***lines);
void text_lines_free(char **lines);

#endif
