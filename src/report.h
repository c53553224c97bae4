/* report.h: the plain-text summary of a strategy, shared by `styrkort report` and the report pane. */
#ifndef STYRKORT_REPORT_H
#define STYRKORT_REPORT_H

#include <stdio.h>
#include "model.h"

struct report_opts {
	int width;                      /* no line is longer (in columns) */
	const char *date_format;        /* strftime format for dates */
};

/* Write the text report of one strategy. */
void report_write_text(const struct plan *p, const struct report_opts *o, FILE *out);

/* A date in the configured format ("" stays ""). */
void report_format_date(char *out, size_t n, const char *iso, const char *fmt);

#endif
