/* SPDX-License-Identifier: GPL-3.0-or-later */
/* msg.c: messages on standard error, sanitised so that no byte from a file or the database reaches a terminal raw. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "text.h"
#include "util.h"

static void
vmsg(const char *prefix, const char *fmt, va_list ap)
{
	struct buf b;
	char *clean;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	clean = text_sanitize(b.s ? b.s : "", 0);
	fprintf(stderr, "styrkort: %s%s\n", prefix ? prefix : "", clean);
	free(clean);
	buf_free(&b);
}

void
msg_print(FILE *f, const char *fmt, ...)
{
	struct buf b;
	char *clean;
	int newline;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* The line's own newline is kept; one inside a value is not. */
	newline = b.len > 0 && b.s[b.len - 1] == '\n';
	if (newline)
		b.s[--b.len] = '\0';
	clean = text_sanitize(b.s ? b.s : "", 0);
	fprintf(f, "%s%s", clean, newline ? "\n" : "");
	free(clean);
	buf_free(&b);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, fmt, ap);
	va_end(ap);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(_("warning: "), fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	if (die_hook)
		die_hook();
	va_start(ap, fmt);
	vmsg(NULL, fmt, ap);
	va_end(ap);
	exit(status);
}
