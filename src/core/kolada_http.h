/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kolada_http.h: asking Kolada's API for values over HTTP (libcurl), every page of the answer. */
#ifndef STYRKORT_KOLADA_HTTP_H
#define STYRKORT_KOLADA_HTTP_H

struct kolada_doc;

/*
 * The data URL of Kolada's API for these KPIs and areas (comma-separated):
 * BASE/data/kpi/KPIS/municipality/AREAS, with /year/FROM,...,TO if
 * from_year is not 0.
 */
char *kolada_data_url(const char *base, const char *kpis, const char *areas, long from_year, int to_year);

/*
 * Fetch url and every page after it (next_page, next_url) into doc
 * (kolada_parse()), waiting at most timeout seconds for each.  -1 with
 * err_set() on no network, a time-out, an HTTP error or an answer that is
 * not Kolada's JSON; then doc is incomplete and must not be imported.
 */
int kolada_fetch(const char *url, long timeout, struct kolada_doc *doc);

#endif
