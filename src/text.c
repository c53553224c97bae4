/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c: UTF-8 text as data: sanitising control characters, display width, wrapping. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

static int
is_unsafe(wchar_t wc)
{
	return wc < 0x20 || (wc >= 0x7f && wc < 0xa0) ||
	       (wc >= 0x202a && wc <= 0x202e) || (wc >= 0x2066 && wc <= 0x2069);
}

char *
text_sanitize(const char *s, int keep_newlines)
{
	struct buf b;
	mbstate_t st;
	size_t n, left = strlen(s);
	wchar_t wc;

	buf_init(&b);
	memset(&st, 0, sizeof st);
	while (left > 0) {
		n = mbrtowc(&wc, s, left, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			buf_putc(&b, '?');
			memset(&st, 0, sizeof st);
			s++;
			left--;
			continue;
		}
		if (wc == '\n')
			buf_putc(&b, keep_newlines ? '\n' : ' ');
		else if (wc == '\t')
			buf_putc(&b, ' ');
		else if (wc == '\r' && s[1] == '\n')
			;
		else if (is_unsafe(wc))
			buf_putc(&b, '?');
		else
			buf_add(&b, s, n);
		s += n;
		left -= n;
	}
	return buf_steal(&b);
}

int
text_valid_utf8(const char *s)
{
	mbstate_t st;
	size_t left = strlen(s), n;

	memset(&st, 0, sizeof st);
	while (left > 0) {
		n = mbrtowc(NULL, s, left, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			return 0;
		s += n;
		left -= n;
	}
	return 1;
}

/* Decode one character; a broken sequence counts as one byte of width 1. */
static size_t
next_char(const char *s, int *width)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, strlen(s), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*width = 1;
		return 1;
	}
	w = wcwidth(wc);
	*width = w < 0 ? 1 : w;
	return n;
}

int
text_width(const char *s)
{
	int total = 0, w;

	while (*s) {
		s += next_char(s, &w);
		total += w;
	}
	return total;
}

size_t
text_fit(const char *s, int cols)
{
	const char *p = s;
	int used = 0, w;
	size_t n;

	while (*p) {
		n = next_char(p, &w);
		if (used + w > cols)
			break;
		used += w;
		p += n;
	}
	return (size_t)(p - s);
}

static void
push_line(char ***lines, size_t *n, size_t *cap, const char *s, size_t len)
{
	/* Trailing spaces of a wrapped line are not worth printing. */
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (*n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*lines = xrealloc(*lines, *cap * sizeof **lines);
	}
	(*lines)[(*n)++] = xstrndup(s, len);
	(*lines)[*n] = NULL;
}

size_t
text_wrap(const char *text, int cols, char ***out)
{
	char *clean = text_sanitize(text, 1);
	char **lines = NULL;
	size_t n = 0, cap = 0;
	const char *para = clean;

	if (cols < 1)
		cols = 1;
	for (;;) {
		const char *end = strchr(para, '\n');
		size_t plen = end ? (size_t)(end - para) : strlen(para);
		char *p = xstrndup(para, plen);
		const char *s = p;

		if (!*s)
			push_line(&lines, &n, &cap, "", 0);
		while (*s) {
			size_t fit = text_fit(s, cols), brk;

			if (s[fit] == '\0') {
				push_line(&lines, &n, &cap, s, fit);
				break;
			}
			/* Break at the last space that fits, else mid-word at a character. */
			brk = fit;
			while (brk > 0 && s[brk] != ' ')
				brk--;
			if (brk == 0)
				brk = fit ? fit : next_char(s, &(int){0});
			push_line(&lines, &n, &cap, s, brk);
			s += brk;
			while (*s == ' ')
				s++;
		}
		free(p);
		if (!end)
			break;
		para = end + 1;
	}
	free(clean);
	if (!lines)
		push_line(&lines, &n, &cap, "", 0);
	*out = lines;
	return n;
}

void
text_lines_free(char **lines)
{
	if (!lines)
		return;
	for (char **l = lines; *l; l++)
		free(*l);
	free(lines);
}
