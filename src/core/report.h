/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h: the summary of a strategy as text, Markdown or CSV, shared by `styrkort report` and the report pane. */
#ifndef STYRKORT_REPORT_H
#define STYRKORT_REPORT_H

#include <stdio.h>
#include "changelog.h"
#include "db.h"
#include "model.h"

struct report_opts {
	int width;                      /* text: no line is longer (in columns) */
	const char *date_format;        /* strftime format for dates */
	/* "Changes since": shown when since is set (a YYYY-MM-DD date). */
	const char *since;
	int since_is_review;            /* since is the date of the last review */
	const struct change *changes;   /* the change log rows from that date */
	size_t nchanges;
	size_t max_changes;             /* 0: list every changed item; else at most so many, then "... and N more" */
	char csv_separator;             /* CSV: ',' or ';' (then numbers have a decimal comma); 0 is ',' */
};

/*
 * What a report needs, read once: the plan with its activities, and the
 * change log since a date or the last review.  The CLI, the report pane
 * and printing all fill it with report_prepare().
 */
struct report {
	struct plan plan;
	struct report_opts opts;        /* opts.since and opts.changes point into this */
	struct change *changes;
	char since[11];
};
/*
 * Load strategy_id's report: since is "last-review" (every change if there
 * is no review yet), a YYYY-MM-DD date, or NULL (no changes section); width
 * and date_format as in report_opts.  -1 with err_set() on error (nothing
 * to release then).
 */
int report_prepare(struct db *db, const char *strategy_id, const char *since, int width,
                   const char *date_format, struct report *r);
/*
 * The same, with the changes kept in *kept across calls (a zeroed set the
 * first time; since_load_again(): only the rows logged since are read);
 * the caller releases it with since_release().
 */
struct since_set;
int report_prepare_again(struct db *db, const char *strategy_id, const char *since, int width,
                         const char *date_format, struct since_set *kept, struct report *r);
void report_release(struct report *r);

/*
 * The output formats: each is one writer in report.c's table (text,
 * markdown, csv), which the one walk over the report's sections calls.
 * NULL if there is no format of that name.
 */
struct report_writer;
const struct report_writer *report_writer_find(const char *name);
/*
 * The writer of name for what a report is of: "activities" (NULL: the
 * same; every format) or "measurements" (csv: a row per stored value).
 * NULL if there is none.
 */
const struct report_writer *report_writer_find_what(const char *name, const char *what);
/* The writer's --format name. */
const char *report_writer_name(const struct report_writer *w);
/* Whether w writes records (CSV) rather than the report: report_write_data() writes those. */
int report_writer_is_data(const struct report_writer *w);
/* Their names for messages: "text|markdown|csv". */
const char *report_writer_names(void);
/* The plain text of the report pane and printing: lines of at most opts.width columns, printable only. */
const struct report_writer *report_writer_text(void);
/* Write r in w's format. */
void report_write(const struct report *r, const struct report_writer *w, FILE *out);
/*
 * A data writer's records (CSV: --what activities or measurements) of one
 * strategy, streamed from the database a row at a time: what 'report
 * --format csv' writes, in the memory of one strategy's keys whatever the
 * size of the file.  -1 with err_set().
 */
int report_write_data(struct db *db, const char *strategy_id, const struct report_writer *w, char sep, FILE *out);
/*
 * The CSV separator for [report] csv_separator (enum csv_separator of
 * configuration.h): ';' for semicolon, ',' for comma, and for auto ';'
 * when the UI language writes a decimal comma (Swedish, as Excel there
 * reads CSV), else ','.
 */
char report_csv_separator(int mode);
/*
 * What a file of several reports has once before them (CSV: a byte order
 * mark and the header row, with sep between and in the UI language), and
 * between two.
 */
void report_file_start(const struct report_writer *w, FILE *out, char sep);
const char *report_between(const struct report_writer *w);

/* format_date() under its older name, which the dashboard still calls. */
void report_format_date(char *out, size_t n, const char *iso, const char *fmt);

#endif
