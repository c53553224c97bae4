/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scb.h: Statistics Sweden's tables (the PxWeb CSV export, JSON-stat 2.0) read as an indicator's values. */
#ifndef STYRKORT_SCB_H
#define STYRKORT_SCB_H

#include <stddef.h>
#include <stdio.h>
#include "db.h"
#include "model.h"

/* One cell of an SCB table: a region, a sex, a period and its value. */
struct scb_cell {
	int where;              /* the CSV line, or the JSON-stat value's position from 1 */
	char *region_code;      /* "0883", "08", "00"; NULL when the table gives only names */
	char *region_name;      /* "Västervik", "Kalmar län", "Riket" */
	char sex;               /* T, K or M */
	char *period;           /* ours: "2023", "2023-Q1" (SCB's 2023K1) */
	char *contents;         /* the contents' code (JSON-stat) or label (CSV); "" if the table does not say */
	char *value;            /* a number as written, "" for no data (SCB's .. and its like) */
};

struct scb_table {
	int json;               /* JSON-stat (cells are value positions) or CSV (lines) */
	char *title;            /* the CSV's title line or the dataset's label; NULL if none */
	char *table_id;         /* JSON-stat: extension.px.tableid; NULL if none */
	struct scb_cell *cell;
	size_t n, cap;
	const char *path;       /* for messages */
};

/* Is the text (read by input_read_8bit()) an SCB table: JSON-stat, or a PxWeb CSV export with year columns? */
int scb_detect(const char *text, int json);

/*
 * Read an SCB table into t (scb_table_free() it, also on error).  Each
 * variable other than region, sex, time and contents must have one value;
 * a row or value that cannot be understood is an error that names its
 * line (CSV) or position (JSON-stat).  -1 with err_set().
 */
int scb_parse(const char *text, size_t len, const char *path, int json, struct scb_table *t);
void scb_table_free(struct scb_table *t);

/* A strategy's areas: its kommunkod (may be NULL), municipality and county names (may be NULL). */
struct scb_area {
	const char *code, *municipality, *county;
};

/* Which series a region's values are for this strategy; -1 for another region. */
int scb_series(const struct scb_area *a, const char *code, const char *name);

/* Where scb_read() puts each value it takes; a period as ours (parse_period()), a value as written or "". */
typedef void (*scb_row_fn)(void *ctx, int where, const char *indicator, const char *period, char sex,
                           const char *value, enum series series);

/*
 * Read an SCB table and give the values of the indicator it is for (the
 * indicator ID, or the indicators whose scb key names the table) to add:
 * the strategy's municipality's, its county's and the country's; the other
 * regions are listed on report and skipped.  -1 with err_set().
 */
int scb_read(struct db *db, const char *path, const char *text, size_t len, int json, const char *strategy_id,
             const char *indicator, scb_row_fn add, void *ctx, FILE *report);

#endif
