/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.h: memory, strings, messages and small parsers shared by every module. */
#ifndef STYRKORT_UTIL_H
#define STYRKORT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include "catalog.h"
#include "gettext.h"

/* The UI's translations (catalog.h says why not plain gettext). */
#define _(s) ui_gettext(s)
#define N_(s) (s)

/* Exit statuses of PRODUCT.md. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
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
int parse_date(const char *s, int *y, int *m, int *d); /* YYYY-MM-DD, a real date */
/* A date a person typed: in the strftime format fmt (the configured one), or ISO; the ISO form into iso. */
int parse_user_date(const char *s, const char *fmt, char iso[11]);
int parse_int(const char *s, long min, long max, long *out); /* decimal, no octal, no junk */
int parse_double(const char *s, double *out);   /* finite, dot decimal, whatever the locale (files, CLI) */
int parse_number_ui(const char *s, double *out); /* typed by a person: 10,2 or 10.2 */
int parse_bool(const char *s, int *out);        /* yes/no true/false on/off 1/0 */
int parse_period(const char *s, char *canon, size_t n, int *sortkey); /* YYYY or YYYY-Qn/Tn/Hn */
void today_iso(char out[11]);
void now_iso(char out[21]);
int date_cmp_today(const char *iso);            /* <0 past, 0 today, >0 future */

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
/* Rounded to DECIMALS places first: differences without float noise. */
void format_number_ui_decimals(char *out, size_t n, double v, int decimals);
/* How many decimals format_number writes for V (8.5: 1, 50: 0). */
int number_decimals(double v);

/* The user name written to the change log: configured, else the login. */
const char *user_name(void);
void user_name_set(const char *name);

#endif
