/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.h: memory, strings, messages and small parsers shared by every module. */
#ifndef STYRKORT_UTIL_H
#define STYRKORT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"
#include "gettext.h"

/* The UI's translations (catalog.h says why not plain gettext). */
#define _(s) ui_gettext(s)
#define N_(s) (s)
/* A msgid with a context (ui_pgettext), marked for xgettext where it is not translated at once. */
#define NC_(c, s) (s)

/* Exit statuses of PRODUCT.md. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/*
 * p (holding n elements of size) with room for one more, growing it by
 * doubling: for arrays that only ever grow one at a time from NULL and 0
 * (one realloc per element made a plan's loading copy its arrays over and over).
 */
void *xappend(void *p, size_t n, size_t size);
/* s into out of n bytes, cut where it does not fit (bytes, not characters): snprintf(out, n, "%s", s) without printf. */
void copy_cut(char *out, size_t n, const char *s);
/* u in decimal into out (room for 21 bytes), with leading zeros to at least min digits; returns its length. */
size_t uint_digits(char *out, uint64_t u, int min);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
char *buf_steal(struct buf *b);

/*
 * Errors: a function that fails calls err_set() with "WHERE: WHAT" and
 * returns -1; the caller decides whether to print it (the CLI) or show it
 * on the status line (the dashboard).
 */
void err_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *err_get(void);
/* Called before exit on a fatal error (the dashboard restores the terminal). */
extern void (*die_hook)(void);

/* Parsers: return 0 on success, -1 if the text is not valid. */
int parse_slug(const char *s);                  /* [a-z0-9_-]{1,40}, starting with a letter or digit */
int parse_municipality_code(const char *s); /* kommunkod: four digits, a county's two first */
/*
 * Dates as precise as the document: a year (2013), a month (2012-11) or a
 * day (2012-11-05), stored as written; a date stands for its whole period
 * (the rule is stated once, above parse_date_any in util.c).
 */
enum date_precision { DATE_YEAR = 1, DATE_MONTH, DATE_DAY };
/* A real date in one of the three forms: its precision, or -1; m and d are 0 where it gives none. */
int parse_date_any(const char *s, int *y, int *m, int *d);
int parse_date(const char *s, int *y, int *m, int *d); /* a day only: YYYY-MM-DD, a real date */
/*
 * A date a person typed: ISO at any precision, a day in the strftime format
 * fmt (the configured one) or a month in fmt without its day; the ISO form
 * into iso.  Its precision, or -1 (a caller that wants a day checks DATE_DAY).
 */
int parse_user_date(const char *s, const char *fmt, char iso[11]);
/* fmt without its day (%d/%m/%Y: %m/%Y), how a month reads; -1 if it has no month or cannot lose its day. */
int date_month_format(const char *fmt, char *out, size_t n);
/* The last day of a date's period (2012-11: 2012-11-30; 2013: 2013-12-31), YYYY-MM-DD; -1 if not a date. */
int date_end(const char *date, char out[11]);
/* The same in SQL, for a column or expression that holds a date (sorting by due date; test_query.c checks it). */
#define DATE_END_SQL(date) \
	"CASE length(" date ") WHEN 4 THEN " date " || '-12-31'" \
	" WHEN 7 THEN date(" date " || '-01', '+1 month', '-1 day') ELSE " date " END"
/* 1 if date a's period ends before date b's begins (due 2013-05 is before start 2013-06-01, not before 2013-05-15). */
int date_before(const char *a, const char *b);
/* A date's period against a day YYYY-MM-DD: <0 it ended before the day, 0 it holds the day, >0 it begins after. */
int date_cmp_day(const char *date, const char *day);
/* Days from day a to day b (both YYYY-MM-DD): 1 from 2013-05-31 to 2013-06-01; 0 if either is no day. */
long date_days_between(const char *a, const char *b);
int parse_int(const char *s, long min, long max, long *out); /* decimal, no octal, no junk */
int parse_double(const char *s, double *out);   /* finite, dot decimal, whatever the locale (files, CLI) */
int parse_number_ui(const char *s, double *out); /* typed by a person: 10,2 or 10.2 */
int parse_bool(const char *s, int *out);        /* yes/no true/false on/off 1/0 */
/*
 * A person's answer to a yes/no question: 1 for a yes in the UI language
 * (j or ja in Swedish) or in English (y, yes), in any case, spaces around
 * it ignored; 0 for anything else.  answer_yes_word() is what a question
 * tells people to type (y, j).
 */
int answer_is_yes(const char *s);
const char *answer_yes_word(void);
int parse_period(const char *s, char *canon, size_t n, int *sortkey); /* YYYY or YYYY-Qn/Tn/Hn */
void today_iso(char out[11]);
void now_iso(char out[21]);
int date_cmp_today(const char *date);           /* date_cmp_day() against today */

/*
 * Numbers in files and on the command line: the shortest text that reads
 * back as the same number (8.5, 50, 0.25), always with a dot.
 */
void format_number(char *out, size_t n, double v);
/*
 * Numbers people read: the same digits with the UI language's decimal
 * separator ("8,5" in Swedish) and a minus sign (U+2212) for negatives.
 */
void format_number_ui(char *out, size_t n, double v);
/* The UI language's decimal separator: "." or "," (Swedish). */
const char *decimal_separator(void);
/* Rounded to DECIMALS places first: differences without float noise. */
void format_number_ui_decimals(char *out, size_t n, double v, int decimals);
/* How many decimals format_number writes for V (8.5: 1, 50: 0). */
int number_decimals(double v);

/* The user name written to the change log: configured, else the login. */
const char *user_name(void);
void user_name_set(const char *name);

#endif
