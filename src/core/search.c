/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.c: case-insensitive, UTF-8 aware substring matching. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "search.h"
#include "util.h"

/* The text as lowercase wide characters; invalid bytes become U+FFFD. */
static wchar_t *
lower_wide(const char *s)
{
	size_t len = strlen(s), n = 0;
	wchar_t *w = xmalloc((len + 1) * sizeof *w);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (*s) {
		wchar_t c;
		size_t k = mbrtowc(&c, s, len, &st);

		if (k == (size_t)-1 || k == (size_t)-2) {
			c = 0xFFFD;
			k = 1;
			memset(&st, 0, sizeof st);
		}
		w[n++] = (wchar_t)towlower((wint_t)c);
		s += k;
		len -= k;
	}
	w[n] = L'\0';
	return w;
}

int
search_match(const char *hay, const char *needle)
{
	wchar_t *h, *n;
	int found;

	if (!needle || !*needle)
		return 1;
	if (!hay || !*hay)
		return 0;
	h = lower_wide(hay);
	n = lower_wide(needle);
	found = wcsstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

int
search_same(const char *a, const char *b)
{
	return search_match(a, b) && search_match(b, a);
}
