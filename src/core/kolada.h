/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kolada.h: Kolada's JSON (API v2 and v3): reading its pages, choosing the strategy's municipality, county and country. */
#ifndef STYRKORT_KOLADA_H
#define STYRKORT_KOLADA_H

#include <stdio.h>
#include "db.h"
#include "model.h"

/* One value of a Kolada document: an entry's KPI, area and period with one of its genders. */
struct kolada_value {
	int entry;              /* the entry, from 1, counted over every page read */
	char *kpi, *area, *period, *gender;
	char *value;            /* as text; "" for null or a deleted value: no data */
	enum series series;     /* set by kolada_select() */
	int skip;               /* kolada_select(): another municipality's */
};

/* Every page read so far. */
struct kolada_doc {
	struct kolada_value *v;
	size_t n;
	char *next;             /* the last page's next_page or next_url; NULL: the last page */
	int pages;
	int entries;            /* entries of the pages read so far */
};

/*
 * Read one page (the API's answer, or a file saved from it) and append
 * its values to doc.  where names it in messages (the file or the URL).
 * Refused, with err_set(): not JSON, no "values" list, an entry without
 * kpi, period or values, data of an organisational unit ("ou"), a
 * municipality group ("G..."), a gender other than T, K or M.
 */
int kolada_parse(const char *text, size_t len, const char *where, struct kolada_doc *doc);
void kolada_free(struct kolada_doc *doc);

/* Kolada's id of the county of a kommunkod: "00" and its first two digits ("0883" -> "0008"). */
void kolada_county_id(const char *municipality_code, char out[5]);

/*
 * Choose the strategy (strategy_id if given, else the one whose
 * municipality_code the document is about, else the only one) and mark
 * each value's series: its municipality, its county (kolada_county_id())
 * or the country ("0000").  Other municipalities' values are skipped and
 * said on report; a document with values of other municipalities only is
 * an error naming both.  *chosen gets the strategy's id (to free).
 */
int kolada_select(struct db *db, const char *where, const char *strategy_id, struct kolada_doc *doc,
                  char **chosen, FILE *report);

/*
 * What to ask Kolada for the strategy: its indicators' KPI ids and its
 * municipality, county and the country ("0883,0008,0000"), each
 * comma-separated (to free).  -1 with err_set() if it has no
 * municipality_code or no indicator has a KPI id.
 */
int kolada_request(struct db *db, const char *strategy_id, char **kpis, char **areas);

#endif
