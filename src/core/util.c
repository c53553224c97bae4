/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.c: memory, strings, messages and small parsers shared by every module. */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <strings.h>
#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static void
oom(void)
{
	fputs("styrkort: out of memory\n", stderr);
	if (die_hook)
		die_hook();
	exit(EXIT_RUNTIME);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *
xappend(void *p, size_t n, size_t size)
{
	/* The capacity is the next power of two (at least 4): known from n alone, doubled when n reaches it. */
	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0))
		return xrealloc(p, (n ? 2 * n : 4) * size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_steal(&b);
}

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

static void
buf_grow(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX / 2 - b->len)   /* no size wraps around (and none that large exists) */
		oom();
	if (b->s && b->len + extra + 1 <= b->cap)
		return;
	while (b->len + extra + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)          /* s may be NULL when n is 0 */
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	char tmp[256];
	int n;

	/* Formatted once where it fits (most): into a buffer on the stack, else again into the room made for it. */
	va_copy(ap2, ap);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		buf_add(b, tmp, (size_t)n);
		return;
	}
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
buf_steal(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	buf_init(b);
	return s;
}

static char err_msg[2048];

void
err_set(const char *fmt, ...)
{
	char tmp[sizeof err_msg];
	va_list ap;

	/* fmt may mention the previous message: format into a copy. */
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	memcpy(err_msg, tmp, sizeof err_msg);
}

const char *
err_get(void)
{
	return err_msg[0] ? err_msg : _("unknown error");
}

/*
 * Every message from the CLI ends here or in msg_print(): the whole line,
 * values from files, the command line and the database included, is
 * sanitised as on screen, so no escape sequence reaches a terminal.
 */
void (*die_hook)(void);


int
parse_slug(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40 || !(islower((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return -1;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return -1;
	return 0;
}

static int
digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	return 0;
}

/* A kommunkod: four digits, the first two the code of one of the 21 counties (län). */
int
parse_municipality_code(const char *s)
{
	static const char counties[] = " 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 ";
	char county[5];

	if (strlen(s) != 4 || digits(s, 4) < 0)
		return -1;
	snprintf(county, sizeof county, " %.2s ", s);
	return strstr(counties, county) ? 0 : -1;
}

/*
 * The one rule for dates: a date is as precise as the document that gives
 * it - a year (2013), a month (2012-11) or a day (2012-11-05) - and stands
 * for its whole period: "2013" ends on 31 December 2013, "2012-11" on 30
 * November.  It is stored as written; the precision is the value's length.
 */
int
parse_date_any(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t len = strlen(s);
	int yy, mm = 0, dd = 0, leap;

	if ((len != 4 && len != 7 && len != 10) || digits(s, 4) ||
	    (len >= 7 && (s[4] != '-' || digits(s + 5, 2))) ||
	    (len == 10 && (s[7] != '-' || digits(s + 8, 2))))
		return -1;
	yy = atoi(s);
	if (len >= 7)
		mm = atoi(s + 5);
	if (len == 10)
		dd = atoi(s + 8);
	leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
	if (yy < 1900 || (len >= 7 && (mm < 1 || mm > 12)) ||
	    (len == 10 && (dd < 1 || dd > mdays[mm - 1] + (mm == 2 && leap))))
		return -1;
	if (y) *y = yy;
	if (m) *m = mm;
	if (d) *d = dd;
	return len == 4 ? DATE_YEAR : len == 7 ? DATE_MONTH : DATE_DAY;
}

int
parse_date(const char *s, int *y, int *m, int *d)
{
	int yy, mm, dd;

	if (parse_date_any(s, &yy, &mm, &dd) != DATE_DAY)
		return -1;
	if (y) *y = yy;
	if (m) *m = mm;
	if (d) *d = dd;
	return 0;
}

int
date_end(const char *date, char out[11])
{
	int y, m, d, prec = parse_date_any(date, &y, &m, &d);
	char day[11];

	if (prec < 0)
		return -1;
	/* A day is its own end, written as it is (parse_date_any() takes only YYYY-MM-DD). */
	if (prec == DATE_DAY) {
		memcpy(out, date, 11);
		return 0;
	}
	if (prec == DATE_YEAR)
		m = 12;
	if (prec != DATE_DAY) {
		/* The last day of the month: the first day that is not a date. */
		for (d = 31; d > 28; d--) {
			snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
			if (parse_date(day, NULL, NULL, NULL) == 0)
				break;
		}
	}
	snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
	memcpy(out, day, 11);
	return 0;
}

int
date_before(const char *a, const char *b)
{
	char end[11];

	/* A period begins where its text does: 2013-06 sorts before every day of June 2013. */
	return date_end(a, end) == 0 && strcmp(end, b) < 0;
}

int
date_cmp_day(const char *date, const char *day)
{
	/* The day cut to the date's precision: its period ends before, holds or begins after the day. */
	return strncmp(date, day, strlen(date));
}

/* Days since 1970-01-01 of a day in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
static long
civil_days(int y, int m, int d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

long
date_days_between(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;

	if (parse_date(a, &ya, &ma, &da) < 0 || parse_date(b, &yb, &mb, &db) < 0)
		return 0;
	return civil_days(yb, mb, db) - civil_days(ya, ma, da);
}

/* One conversion or one run of literal text of a strftime format. */
static size_t
format_token(const char *f, int *conv)
{
	size_t n = 0;

	if (f[0] == '%' && f[1]) {
		n = 1;
		while (f[n] && strchr("_-0^#EO", f[n]) && f[n + 1])
			n++;
		*conv = (unsigned char)f[n];
		return n + 1;
	}
	*conv = 0;
	while (f[n] && f[n] != '%')
		n++;
	return n ? n : 1;
}

int
date_month_format(const char *fmt, char *out, size_t n)
{
	struct { const char *at; size_t len; int conv, gone; } t[32];
	size_t nt = 0, used = 0;
	int month = 0;

	for (const char *p = fmt; p && *p && nt < 32; p += t[nt++].len) {
		t[nt].at = p;
		t[nt].len = format_token(p, &t[nt].conv);
		t[nt].gone = 0;
	}
	if (!nt || (fmt && strlen(fmt) > (size_t)(t[nt - 1].at - fmt) + t[nt - 1].len))
		return -1;
	/* A day conversion goes with the text after it, or before it at the end: %d/%m/%Y is %m/%Y. */
	for (size_t i = 0; i < nt; i++) {
		if (t[i].conv && strchr("cDxsFTrR+", t[i].conv))
			return -1;
		if (!t[i].conv || !strchr("deajAuw", t[i].conv)) {
			month |= t[i].conv && strchr("mbBh", t[i].conv);
			continue;
		}
		t[i].gone = 1;
		if (i + 1 < nt && !t[i + 1].conv)
			t[i + 1].gone = 1;
		else if (i > 0 && !t[i - 1].conv)
			t[i - 1].gone = 1;
	}
	if (!month)
		return -1;
	for (size_t i = 0; i < nt; i++) {
		if (t[i].gone)
			continue;
		if (used + t[i].len >= n)
			return -1;
		memcpy(out + used, t[i].at, t[i].len);
		used += t[i].len;
	}
	out[used] = '\0';
	return 0;
}

/* s in the strftime format fmt, a real day or month (of precision prec), as ISO into iso. */
static int
parse_in_format(const char *s, const char *fmt, int prec, char iso[11])
{
	struct tm tm;
	const char *end;
	char check[48];

	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	if (!fmt || !*fmt || !(end = strptime(s, fmt, &tm)) || *end)
		return -1;
	if (prec == DATE_DAY)
		snprintf(check, sizeof check, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	else
		snprintf(check, sizeof check, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
	/* strptime accepts 31 February: parse_date_any does not. */
	if (parse_date_any(check, NULL, NULL, NULL) != prec)
		return -1;
	memcpy(iso, check, strlen(check) + 1);
	return 0;
}

int
parse_user_date(const char *s, const char *fmt, char iso[11])
{
	char month[64];
	int prec = parse_date_any(s, NULL, NULL, NULL);

	if (prec > 0) {
		snprintf(iso, 11, "%s", s);
		return prec;
	}
	if (parse_in_format(s, fmt, DATE_DAY, iso) == 0)
		return DATE_DAY;
	if (date_month_format(fmt, month, sizeof month) == 0 && parse_in_format(s, month, DATE_MONTH, iso) == 0)
		return DATE_MONTH;
	return -1;
}

int
parse_int(const char *s, long min, long max, long *out)
{
	const char *p = s;
	long v = 0;
	int neg = 0;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (LONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (*p)
		return -1;
	if (neg)
		v = -v;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/*
 * The C locale, made once: numbers in files and on the command line are
 * read and written with it, whatever LC_NUMERIC says, without switching the
 * global locale.
 */
static locale_t
c_locale(void)
{
	static locale_t c;

	if (!c)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c;
}

int
parse_double(const char *s, double *out)
{
	char *end;
	double v;
	const char *p;

	/* Only plain decimals: no hex, inf, nan, or locale decimal commas. */
	for (p = s; *p; p++)
		if (!(isdigit((unsigned char)*p) || *p == '.' || *p == '-' || *p == '+' ||
		      *p == 'e' || *p == 'E'))
			return -1;
	if (!*s)
		return -1;
	errno = 0;
	v = c_locale() ? strtod_l(s, &end, c_locale()) : strtod(s, &end);
	if (*end || errno || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* The yes answers of the UI language, separated by '|', the first the one a question shows. */
static const char *
yes_answers(void)
{
	return ui_pgettext("yes answers", "y|yes");
}

const char *
answer_yes_word(void)
{
	static char word[16];
	const char *all = yes_answers();

	snprintf(word, sizeof word, "%.*s", (int)strcspn(all, "|"), all);
	return word;
}

/* Is the answer s (n bytes) one of the list's, in any case? */
static int
answer_in(const char *s, size_t n, const char *list)
{
	while (*list) {
		size_t len = strcspn(list, "|");

		if (len == n && n && strncasecmp(s, list, n) == 0)
			return 1;
		list += len + (list[len] == '|');
	}
	return 0;
}

int
answer_is_yes(const char *s)
{
	size_t n;

	if (!s)
		return 0;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	return answer_in(s, n, yes_answers()) || answer_in(s, n, "y|yes");
}

int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };

	for (int i = 0; yes[i]; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

int
parse_period(const char *s, char *canon, size_t n, int *sortkey)
{
	int year, sub = 13;     /* a whole year sorts after its parts */
	char kind;
	long part;

	if (strlen(s) < 4 || digits(s, 4))
		return -1;
	year = atoi(s);
	if (year < 1900 || year > 2999)
		return -1;
	if (s[4] == '\0') {
		snprintf(canon, n, "%d", year);
	} else {
		if (s[4] != '-' || !s[5] || s[6] < '1' || s[6] > '4' || s[7])
			return -1;
		kind = (char)toupper((unsigned char)s[5]);
		part = s[6] - '0';
		switch (kind) {
		case 'Q': if (part > 4) return -1; sub = (int)part * 3; break;
		case 'T': if (part > 3) return -1; sub = (int)part * 4; break;
		case 'H': if (part > 2) return -1; sub = (int)part * 6; break;
		default: return -1;
		}
		snprintf(canon, n, "%d-%c%ld", year, kind, part);
	}
	if (sortkey)
		*sortkey = year * 100 + sub;
	return 0;
}

static time_t
now(void)
{
	/* STYRKORT_TODAY=YYYY-MM-DD fixes "today" for reproducible tests. */
	const char *fixed = getenv("STYRKORT_TODAY");
	static char last[16];
	static time_t last_t;
	int y, m, d;

	if (fixed && strcmp(fixed, last) == 0)
		return last_t;
	if (fixed && parse_date(fixed, &y, &m, &d) == 0) {
		struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12 };

		last_t = timegm(&tm);
		snprintf(last, sizeof last, "%s", fixed);
		return last_t;
	}
	return time(NULL);
}


void
today_iso(char out[11])
{
	/* Kept for the second it was computed in: localtime_r() reads the time zone each time, and
	 * the report asks for every activity (a quarter of 'report's time at 100,000 of them). */
	static time_t at = -1;
	static char today[11];
	time_t t = now();
	struct tm tm;

	if (t != at) {
		localtime_r(&t, &tm);
		/* A year of five digits would not fit: strftime says 0 and leaves out undefined. */
		if (!strftime(today, sizeof today, "%Y-%m-%d", &tm))
			snprintf(today, sizeof today, "9999-12-31");
		at = t;
	}
	memcpy(out, today, sizeof today);
}

void
now_iso(char out[21])
{
	time_t t = now();
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, 21, "9999-12-31T23:59:59Z");
}

int
date_cmp_today(const char *date)
{
	char today[11];

	today_iso(today);
	return date_cmp_day(date, today);
}

void
copy_cut(char *out, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (!n)
		return;
	if (len >= n)
		len = n - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

size_t
uint_digits(char *out, uint64_t u, int min)
{
	char d[20];
	size_t len = 0;

	do
		d[len++] = (char)('0' + u % 10);
	while ((u /= 10));
	while (len < (size_t)min && len < sizeof d)
		d[len++] = '0';
	for (size_t i = 0; i < len; i++)
		out[i] = d[len - 1 - i];
	out[len] = '\0';
	return len;
}

void
format_number(char *out, size_t n, double v)
{
	double a = fabs(v);
	locale_t old;

	/* A whole number as an integer: what "%.0f" writes, with no locale or printf to set up (most values; -0 is 0). */
	if (v == floor(v) && a < 1e15) {
		char text[24];

		text[0] = '-';
		uint_digits(text + (v < 0), (uint64_t)a, 0);
		copy_cut(out, n, text);
		return;
	}
	old = c_locale() ? uselocale(c_locale()) : (locale_t)0;
	/* The shortest text that reads back as the same number, without an exponent where people don't expect one. */
	snprintf(out, n, "%.17g", v);
	for (int prec = 1; prec <= 17; prec++) {
		char tmp[64];

		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) != v)
			continue;
		if (strchr(tmp, 'e') && a >= 1e-4 && a < 1e15)
			continue;
		snprintf(out, n, "%s", tmp);
		break;
	}
	if (strchr(out, 'e') && a >= 1e-4 && a < 1e15) {
		/* Too many digits for %g without an exponent: use %f and trim zeros. */
		size_t len;

		snprintf(out, n, "%.17f", v);
		len = strlen(out);
		while (len > 1 && out[len - 1] == '0')
			out[--len] = '\0';
		if (len > 0 && out[len - 1] == '.')
			out[--len] = '\0';
	}
	if (old)
		uselocale(old);
}

/* U+2212 MINUS SIGN: what a person reads before a negative number. */
#define MINUS_SIGN "\xe2\x88\x92"

int
parse_number_ui(const char *s, double *out)
{
	char buf[64];
	size_t len;
	int commas = 0;

	while (*s == ' ')
		s++;
	if (strncmp(s, MINUS_SIGN, 3) == 0) {
		buf[0] = '-';
		s += 3;
		len = 1;
	} else {
		len = 0;
	}
	for (; *s && *s != ' '; s++) {
		if (len + 1 >= sizeof buf)
			return -1;
		/* A decimal comma (the Swedish way) is a decimal point; only one. */
		if (*s == ',' && commas++ == 0) {
			buf[len++] = '.';
			continue;
		}
		buf[len++] = *s;
	}
	while (*s == ' ')
		s++;
	if (*s)
		return -1;
	buf[len] = '\0';
	return parse_double(buf, out);
}

/* The UI language's decimal separator: translators write "," for Swedish. */
const char *
decimal_separator(void)
{
	return ui_pgettext("decimal separator", ".");
}

/* A number from format_number, as a person reads it in the UI language. */
static void
localize_number(char *out, size_t n, const char *num)
{
	const char *sep = decimal_separator(), *dot = strchr(num, '.');
	/* format_number_ui_decimals' longest (400) with a minus sign and a separator of a few bytes */
	char tmp[512];
	size_t len = 0, whole, seplen = strnlen(sep, 16), rest;

	if (*num == '-') {
		memcpy(tmp, MINUS_SIGN, sizeof MINUS_SIGN - 1);
		len = sizeof MINUS_SIGN - 1;
		num++;
	}
	/* The digits before the dot, the UI's separator and the rest: a number holds one dot at most. */
	whole = dot ? (size_t)(dot - num) : strnlen(num, 400);
	rest = dot ? strnlen(dot + 1, 400) : 0;
	memcpy(tmp + len, num, whole);
	len += whole;
	if (dot) {
		memcpy(tmp + len, sep, seplen);
		memcpy(tmp + len + seplen, dot + 1, rest);
		len += seplen + rest;
	}
	tmp[len] = '\0';
	copy_cut(out, n, tmp);
}

void
format_number_ui(char *out, size_t n, double v)
{
	char num[64];

	format_number(num, sizeof num, v);
	localize_number(out, n, num);
}

void
format_number_ui_decimals(char *out, size_t n, double v, int decimals)
{
	char num[400];
	locale_t old;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 15)
		decimals = 15;
	old = c_locale() ? uselocale(c_locale()) : (locale_t)0;
	snprintf(num, sizeof num, "%.*f", decimals, v);
	if (old)
		uselocale(old);
	/* Rounded to nothing: no minus before zero. */
	if (num[0] == '-' && strspn(num + 1, "0.") == strlen(num + 1))
		memmove(num, num + 1, strlen(num));
	localize_number(out, n, num);
}

int
number_decimals(double v)
{
	char num[64];
	const char *dot, *e;
	int d;

	format_number(num, sizeof num, v);
	if (!(dot = strchr(num, '.'))) {
		/* 1e-09 */
		e = strpbrk(num, "eE");
		d = e ? -atoi(e + 1) : 0;
		return d < 0 ? 0 : d > 15 ? 15 : d;
	}
	e = strpbrk(dot, "eE");
	d = (int)(e ? e - dot - 1 : (long)strlen(dot + 1));
	if (e)
		d -= atoi(e + 1);
	return d < 0 ? 0 : d > 15 ? 15 : d;
}

static char *configured_user;

void
user_name_set(const char *name)
{
	free(configured_user);
	configured_user = name && *name ? xstrdup(name) : NULL;
}

const char *
user_name(void)
{
	static char login[256];
	const char *env;
	struct passwd *pw;

	if (configured_user)
		return configured_user;
	if (login[0])
		return login;
	/* SSH sessions set USER and LOGNAME; fall back to the password file. */
	if ((env = getenv("LOGNAME")) == NULL || !*env)
		env = getenv("USER");
	if ((!env || !*env) && (pw = getpwuid(getuid())) != NULL)
		env = pw->pw_name;
	snprintf(login, sizeof login, "%s", env && *env ? env : "unknown");
	return login;
}

