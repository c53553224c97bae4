/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c: UTF-8 text as data: sanitising control characters, display width, wrapping. */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

/* Bidirectional controls (Unicode's Bidi_Control property). */
static int
is_bidi(unsigned long c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Characters that show as nothing (or break lines) and so can hide or disguise text. */
static int
is_invisible(unsigned long c)
{
	return c == 0x200b || c == 0x2028 || c == 0x2029 || c == 0x2060 || c == 0xfeff;
}

static int
is_control(unsigned long c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

static int
is_unsafe(wchar_t wc)
{
	return is_control((unsigned long)wc) || is_bidi((unsigned long)wc) || is_invisible((unsigned long)wc);
}

/*
 * Decode one UTF-8 character of s (left bytes, left > 0) into *cp: its
 * length, or 0 if it is not UTF-8 (overlong forms, surrogates and code
 * points past U+10FFFF included).  Independent of the locale.
 */
static size_t
utf8_next(const char *str, size_t left, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long c, min;
	size_t n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Why the character c (or the byte, if invalid) at pos is refused, into why; 0 if it is allowed. */
static int
refused(unsigned long c, int invalid, int multiline, size_t pos, char *why, size_t n)
{
	char tmp[256];

	if (invalid)
		snprintf(tmp, sizeof tmp, _("character %zu is the byte 0x%02lX, which is not UTF-8; "
		                            "save the text as UTF-8"), pos, c);
	else if (c == '\n' || c == '\t') {
		if (multiline)
			return 0;
		snprintf(tmp, sizeof tmp, c == '\n' ? _("character %zu is a line break, and this field holds "
		                                        "one line; write it on one line")
		                                    : _("character %zu is a tab, and this field holds one line; "
		                                        "use a space"), pos);
	} else if (is_control(c))
		snprintf(tmp, sizeof tmp, _("character %zu is the control character U+%04lX; remove it"), pos, c);
	else if (is_bidi(c))
		snprintf(tmp, sizeof tmp, _("character %zu is U+%04lX, a bidirectional control that can "
		                            "disguise text; remove it"), pos, c);
	else if (is_invisible(c))
		snprintf(tmp, sizeof tmp, _("character %zu is U+%04lX, an invisible character that can "
		                            "disguise text; remove it"), pos, c);
	else
		return 0;
	if (why && n)
		snprintf(why, n, "%s", tmp);
	return 1;
}

int
text_check(const char *s, int multiline, size_t *pos, char *why, size_t n)
{
	size_t left = strlen(s), len, at = 0;
	unsigned long c;

	while (left > 0) {
		at++;
		len = utf8_next(s, left, &c);
		if (refused(len ? c : (unsigned char)*s, len == 0, multiline, at, why, n)) {
			if (pos)
				*pos = at;
			return -1;
		}
		if (!len)
			len = 1;
		s += len;
		left -= len;
	}
	return 0;
}

char *
text_repair(const char *s, int multiline, size_t *count, size_t *first)
{
	struct buf b;
	size_t left = strlen(s), len, at = 0;
	unsigned long c;

	buf_init(&b);
	*count = 0;
	while (left > 0) {
		at++;
		len = utf8_next(s, left, &c);
		if (refused(len ? c : (unsigned char)*s, len == 0, multiline, at, NULL, 0)) {
			if (!(*count)++ && first)
				*first = at;
			buf_puts(&b, "\xef\xbf\xbd");
		} else {
			buf_add(&b, s, len);
		}
		if (!len)
			len = 1;
		s += len;
		left -= len;
	}
	return buf_steal(&b);
}

/*
 * Characters with no glyph of their own (Unicode's general category Cf, as of
 * Unicode 15.1) beyond those text_check() refuses: joiners, the soft hyphen,
 * tags, prepended number signs.  Terminals disagree on them, so none is shown.
 * Also (not Cf, but terminals differ on them as on joiners) emoji and text
 * presentation (U+FE0E, U+FE0F) and skin tones (U+1F3FB-U+1F3FF).  In order:
 * is_left_out() stops at the first range past the character.
 */
static const struct { unsigned long from, to; } left_out[] = {
	{ 0xad, 0xad }, { 0x600, 0x605 }, { 0x6dd, 0x6dd }, { 0x70f, 0x70f }, { 0x890, 0x891 },
	{ 0x8e2, 0x8e2 }, { 0x180e, 0x180e }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206f }, { 0xfe0e, 0xfe0f }, { 0xfeff, 0xfeff }, { 0xfff9, 0xfffb },
	{ 0x110bd, 0x110bd }, { 0x110cd, 0x110cd }, { 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 },
	{ 0x1d173, 0x1d17a }, { 0x1f3fb, 0x1f3ff }, { 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
};

static int
is_left_out(unsigned long c)
{
	for (size_t i = 0; i < sizeof left_out / sizeof *left_out && c >= left_out[i].from; i++)
		if (c <= left_out[i].to)
			return 1;
	return 0;
}

/* What one character is shown as: its bytes (or a replacement) and its columns. */
struct shown {
	const char *bytes;
	size_t len;             /* 0: left out */
	int width;
	char letter[2];         /* a regional indicator's letter */
};

/*
 * The one rule for showing text, used both to write it (text_sanitize) and
 * to measure it (text_width, text_fit), so that what is measured is what
 * reaches the screen.  A grapheme cluster is drawn as every terminal draws
 * it alike, by what wcwidth() says of its parts: emoji skin tones and
 * variation selectors and every format character (the joiners among them)
 * are left out, so 👍🏽 shows as 👍 and 👩‍💻 as 👩💻; a regional indicator
 * shows as its letter (🇸🇪 as SE); combining marks stay with their base, and
 * one with no base (at the start, after a line break) shows as '?', as does
 * what text_check() refuses and a character wcwidth() knows no width of.
 * *base says whether the line so far has a base; returns the bytes of s read.
 */
static size_t
show_next(const char *s, size_t left, int keep_newlines, int *base, struct shown *out)
{
	unsigned long c;
	size_t n;
	int w;

	/* Printable ASCII is itself in every locale: no decoding (most of what a log line holds). */
	if (TEXT_ASCII_SHOWN(*s)) {
		out->bytes = s;
		out->len = out->width = 1;
		*base = 1;
		return 1;
	}
	n = utf8_next(s, left, &c);
	out->bytes = "?";
	out->len = out->width = 1;
	if (n == 0)
		n = 1;
	else if (c == '\n' && keep_newlines)
		out->bytes = "\n", out->width = 0;
	else if (c == '\n' || c == '\t')
		out->bytes = " ";
	else if (c == '\r' && left > 1 && s[1] == '\n')
		out->len = out->width = 0;
	else if (is_unsafe((wchar_t)c))
		;
	else if (is_left_out(c))
		out->len = out->width = 0;
	else if (c >= 0x1f1e6 && c <= 0x1f1ff) {
		out->letter[0] = (char)('A' + (c - 0x1f1e6));
		out->bytes = out->letter;
	} else if ((w = wcwidth((wchar_t)c)) > 0 || (w == 0 && *base)) {
		out->bytes = s;
		out->len = n;
		out->width = w;
	}
	if (out->len)
		*base = out->bytes[0] != '\n';
	return n;
}

size_t
text_ascii_run(const char *s, size_t left)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t n = 0;
	uint64_t x;

	/* Eight bytes at a time where left says they are there: none below 0x20, none above 0x7e. */
	for (; left != (size_t)-1 && n + 8 <= left; n += 8) {
		memcpy(&x, s + n, 8);
		if (((x - ones * 0x20) & ~x & highs) || (((x + ones * (0x7f - 0x7e)) | x) & highs))
			break;
	}
	while (n < left && TEXT_ASCII_SHOWN(s[n]))
		n++;
	return n;
}

void
text_sanitize_buf(struct buf *b, const char *s, int keep_newlines)
{
	struct shown sh;
	size_t n, left = strlen(s);
	int base = 0;

	while (left > 0) {
		/* A run of printable ASCII is itself (as show_next says): copied at once. */
		if ((n = text_ascii_run(s, left)) > 0) {
			buf_add(b, s, n);
			base = 1;
		} else {
			n = show_next(s, left, keep_newlines, &base, &sh);
			buf_add(b, sh.bytes, sh.len);
		}
		s += n;
		left -= n;
	}
}

char *
text_sanitize(const char *s, int keep_newlines)
{
	struct buf b;

	buf_init(&b);
	text_sanitize_buf(&b, s, keep_newlines);
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

int
text_width(const char *s)
{
	struct shown sh;
	size_t left = strlen(s), n;
	int total = 0, base = 0;

	while (left > 0) {
		/* A run of printable ASCII: a column a byte (as show_next says), counted at once. */
		if ((n = text_ascii_run(s, left)) > 0) {
			total += (int)n;
			base = 1;
		} else {
			n = show_next(s, left, 0, &base, &sh);
			total += sh.width;
		}
		s += n;
		left -= n;
	}
	return total;
}

size_t
text_fit(const char *s, int cols)
{
	struct shown sh;
	size_t left = strlen(s), n, used = 0;
	int w = 0, base = 0;

	while (left > 0) {
		if (w < cols && (n = text_ascii_run(s + used, left < (size_t)(cols - w) ? left : (size_t)(cols - w))) > 0) {
			w += (int)n;
			base = 1;
		} else {
			n = show_next(s + used, left, 0, &base, &sh);
			if (w + sh.width > cols)
				break;
			w += sh.width;
		}
		used += n;
		left -= n;
	}
	return used;
}

/* Bytes of the first character of s shown and the zero-width ones that go with it. */
static size_t
cluster_len(const char *s)
{
	struct shown sh;
	int base = 0;

	show_next(s, strnlen(s, MB_LEN_MAX), 0, &base, &sh);
	return text_fit(s, sh.width);
}

char *
text_ellipsize(const char *s, int cols)
{
	char *clean = text_sanitize(s ? s : "", 0), *out;
	size_t fit;

	if (cols <= 0) {
		clean[0] = '\0';
		return clean;
	}
	if (text_width(clean) <= cols)
		return clean;
	fit = text_fit(clean, cols - 1);
	/* No space before the ellipsis: it stands for what was cut, not for a word of its own. */
	while (fit > 0 && clean[fit - 1] == ' ')
		fit--;
	out = xasprintf("%.*s…", (int)fit, clean);
	free(clean);
	return out;
}

/* Units that follow a number; the first letters of a word are compared, then its end. */
static const char *const units[] = {
	"%", "‰", "kr", "tkr", "mkr", "mnkr", "sek", "st", "d", "dgr", "dagar", "dag", "days", "day",
	"år", "years", "year", "h", "tim", "min", "km", "m", "kg", "pp", "p.e.", "procentenheter",
	"percentage", "personer", "people",
};

/* 1 if the word starting at w (up to a space or the end) is one of units[], ignoring case and a trailing , . ; ) */
static int
is_unit(const char *w)
{
	size_t len = strcspn(w, " \n");

	while (len > 0 && strchr(",.;:)", w[len - 1]) && !(len == 4 && !strncmp(w, "p.e.", 4)))
		len--;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strlen(units[i]) == len && !strncasecmp(w, units[i], len))
			return 1;
	return 0;
}

int
text_glued(const char *s, size_t at)
{
	const char *next = s + at + 1;
	unsigned char before;

	if (at == 0 || s[at] != ' ' || !*next || *next == ' ')
		return 0;
	before = (unsigned char)s[at - 1];
	/* A label and its value: a colon after at most three words since the start or a | or ; */
	if (before == ':') {
		int spaces = 0;

		for (size_t i = at - 1; i > 0 && s[i - 1] != '|' && s[i - 1] != ';'; i--)
			if (s[i - 1] == ' ' && i - 1 > 0 && s[i - 2] != '|' && s[i - 2] != ';')
				spaces++;
		return spaces <= 2;
	}
	if (before < '0' || before > '9')
		return 0;
	/* A number and its unit, or the next group of three digits ("4 000"). */
	if (is_unit(next))
		return 1;
	return strspn(next, "0123456789") == 3 && (!next[3] || strchr(" ,.%", next[3]));
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
			/* Break at the last space that fits and may break, else at any space, else mid-word. */
			brk = fit;
			while (brk > 0 && (s[brk] != ' ' || text_glued(s, brk)))
				brk--;
			if (brk == 0)
				for (brk = fit; brk > 0 && s[brk] != ' '; brk--)
					;
			if (brk == 0)
				brk = fit ? fit : cluster_len(s);
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

void
format_date(char *out, size_t n, const char *iso, const char *fmt)
{
	struct tm tm = { 0 };
	int y, m, d, prec = iso ? parse_date_any(iso, &y, &m, &d) : -1;
	char month[64], *clean;
	size_t len;

	if (!n)
		return;
	if (prec < 0 || prec == DATE_YEAR) {
		/* A year as written; not a date (an older version or another tool wrote it): as text, made safe. */
		snprintf(out, n, "%s", iso ? iso : "");
	} else {
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = prec == DATE_DAY ? d : 1;
		/* A month as the format writes one without its day (%d/%m/%Y: 11/2012), else as written. */
		if (prec == DATE_MONTH && date_month_format(fmt, month, sizeof month) == 0)
			fmt = month;
		else if (prec == DATE_MONTH)
			fmt = NULL;
		if (!fmt || !strftime(out, n, fmt, &tm))
			snprintf(out, n, "%s", iso);
	}
	/* The database's text or the configured format may hold controls; never cut a character. */
	clean = text_sanitize(out, 0);
	len = strlen(clean);
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)clean[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(out, clean, len);
	out[len] = '\0';
	free(clean);
}
