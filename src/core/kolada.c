/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kolada.c: Kolada's JSON (API v2 and v3): reading its pages, choosing the strategy's municipality, county and country. */
#include <config.h>

#include <errno.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kolada.h"
#include "msg.h"
#include "text.h"
#include "util.h"

void
kolada_free(struct kolada_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		free(doc->v[i].kpi);
		free(doc->v[i].area);
		free(doc->v[i].period);
		free(doc->v[i].gender);
		free(doc->v[i].value);
	}
	free(doc->v);
	free(doc->next);
	memset(doc, 0, sizeof *doc);
}

void
kolada_county_id(const char *municipality_code, char out[5])
{
	snprintf(out, 5, "00%.2s", municipality_code ? municipality_code : "");
}

/* A member's text, or NULL if it is missing or null. */
static const char *
member(json_object *o, const char *name)
{
	json_object *m;

	if (!json_object_object_get_ex(o, name, &m) || json_object_is_type(m, json_type_null))
		return NULL;
	return json_object_get_string(m);
}

/* Where the entry's values are from: a municipality (or county, or Riket); an ou or a group is refused. */
static const char *
entry_area(json_object *e, const char *where, size_t i)
{
	const char *area = member(e, "municipality"), *ou = member(e, "ou");
	char *s;

	if (ou) {
		s = text_sanitize(ou, 0);
		err_set(_("%s: entry %zu is data of an organisational unit (ou %s); styrkort takes a municipality's "
		          "values: ask Kolada for data/kpi/..., not oudata"), where, i, s);
		free(s);
		return NULL;
	}
	if (!area) {
		err_set(_("%s: entry %zu names no municipality; a Kolada entry has \"municipality\": \"0883\""),
		        where, i);
		return NULL;
	}
	if (area[0] == 'G') {
		s = text_sanitize(area, 0);
		err_set(_("%s: entry %zu is about the municipality group %s; styrkort takes the values of a "
		          "municipality, its county and the country"), where, i, s);
		free(s);
		return NULL;
	}
	return area;
}

static void
add_value(struct kolada_doc *doc, int entry, const char *kpi, const char *area, const char *period,
          json_object *v)
{
	struct kolada_value *w;
	json_object *value, *deleted;
	int has = json_object_object_get_ex(v, "value", &value) && !json_object_is_type(value, json_type_null);

	/* v3 marks a value Kolada has withdrawn: it is no data, as null is. */
	if (json_object_object_get_ex(v, "isdeleted", &deleted) && json_object_get_boolean(deleted))
		has = 0;
	doc->v = xrealloc(doc->v, (doc->n + 1) * sizeof *doc->v);
	w = &doc->v[doc->n++];
	memset(w, 0, sizeof *w);
	w->entry = entry;
	w->kpi = xstrdup(kpi);
	w->area = xstrdup(area);
	w->period = xstrdup(period);
	w->gender = xstrdup(member(v, "gender") ? member(v, "gender") : "");
	w->value = xstrdup(has ? json_object_get_string(value) : "");
}

/* The entries of the "values" list, each with its values by gender. */
static int
read_entries(json_object *values, const char *where, struct kolada_doc *doc)
{
	size_t n = json_object_array_length(values);

	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(values, i), *inner;
		const char *kpi = member(e, "kpi"), *period = member(e, "period"), *area;

		if (!kpi || !period || !json_object_object_get_ex(e, "values", &inner) ||
		    !json_object_is_type(inner, json_type_array)) {
			err_set(_("%s: entry %zu of \"values\" lacks kpi, period or values"), where, i + 1);
			return -1;
		}
		if (!(area = entry_area(e, where, i + 1)))
			return -1;
		for (size_t j = 0; j < json_object_array_length(inner); j++) {
			json_object *v = json_object_array_get_idx(inner, j);

			if (!member(v, "gender")) {
				err_set(_("%s: entry %zu, value %zu has no gender (T, K or M)"), where, i + 1, j + 1);
				return -1;
			}
			add_value(doc, doc->entries + (int)(i + 1), kpi, area, period, v);
		}
	}
	return 0;
}

int
kolada_parse(const char *text, size_t len, const char *where, struct kolada_doc *doc)
{
	struct json_tokener *tok = json_tokener_new();
	json_object *page, *values;
	enum json_tokener_error jerr;
	const char *next;
	int rc;

	if (!tok) {
		err_set("%s: %s", where, strerror(ENOMEM));
		return -1;
	}
	page = len > (size_t)INT32_MAX ? NULL : json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!page) {
		err_set(_("%s: not valid JSON (%s); a Kolada file is what its API returns, such as "
		          "{\"values\": [...]}"), where,
		        jerr == json_tokener_continue ? _("it ends too early") : json_tokener_error_desc(jerr));
		return -1;
	}
	if (!json_object_object_get_ex(page, "values", &values) || !json_object_is_type(values, json_type_array)) {
		err_set(_("%s: a Kolada JSON file has a \"values\" list; this one has none"), where);
		json_object_put(page);
		return -1;
	}
	rc = read_entries(values, where, doc);
	doc->entries += (int)json_object_array_length(values);
	/* v2 says next_page, v3 next_url: either means this page is not the last. */
	next = member(page, "next_page") ? member(page, "next_page") : member(page, "next_url");
	free(doc->next);
	doc->next = next && *next ? xstrdup(next) : NULL;
	doc->pages++;
	json_object_put(page);
	return rc;
}

/* The strategies a document may be for: their ids and municipality codes. */
struct candidate {
	char *id, *code;
};

static int
load_candidates(struct db *db, const char *strategy_id, struct candidate **c, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, municipality_code FROM strategy WHERE ?1 IS NULL OR id = ?1"
	                                  " ORDER BY id");

	*c = NULL;
	*n = 0;
	if (!st)
		return -1;
	db_bind_text_or_null(st, 1, strategy_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*c = xrealloc(*c, (*n + 1) * sizeof **c);
		(*c)[*n].id = db_strdup(st, 0);
		(*c)[(*n)++].code = db_strdup(st, 1);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Is area one of the document's municipalities (not a county's "00NN" or the country's "0000")? */
static int
doc_has_area(const struct kolada_doc *doc, const char *area)
{
	for (size_t i = 0; i < doc->n; i++)
		if (strcmp(doc->v[i].area, area) == 0)
			return 1;
	return 0;
}

/* The document's municipalities (not counties or the country), comma-separated, sanitised. */
static char *
doc_municipalities(const struct kolada_doc *doc, const char *except)
{
	struct buf b;
	char *s;

	buf_init(&b);
	for (size_t i = 0; i < doc->n; i++) {
		const char *a = doc->v[i].area;
		int seen = strncmp(a, "00", 2) == 0 || (except && strcmp(a, except) == 0);

		for (size_t j = 0; !seen && j < i; j++)
			seen = strcmp(doc->v[j].area, a) == 0;
		if (!seen)
			buf_printf(&b, "%s%s", b.s ? ", " : "", a);
	}
	s = text_sanitize(b.s ? b.s : "", 0);
	buf_free(&b);
	return s;
}

/* Which candidate the document is for; -1 with err_set() if none or several can be. */
static int
choose(const struct candidate *c, size_t n, const char *where, const struct kolada_doc *doc, size_t *which)
{
	size_t found = 0, hits = 0;
	char *areas;

	if (n == 1) {
		*which = 0;
		return 0;
	}
	if (n == 0) {
		err_set(_("%s: the database holds no strategy; import one first (styrkort import FILE.ini)"), where);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (c[i].code && *c[i].code && doc_has_area(doc, c[i].code) && hits++ == 0)
			found = i;
	if (hits == 1) {
		*which = found;
		return 0;
	}
	areas = doc_municipalities(doc, NULL);
	err_set(_("%s: the file's municipalities (%s) match %zu of the %zu strategies; choose one with "
	          "--strategy ID"), where, areas, hits, n);
	free(areas);
	return -1;
}

/* Mark each value's series for the municipality code; how many are the municipality's own. */
static size_t
mark_series(struct kolada_doc *doc, const char *code)
{
	char county[5];
	size_t own = 0;

	kolada_county_id(code, county);
	for (size_t i = 0; i < doc->n; i++) {
		struct kolada_value *w = &doc->v[i];

		w->skip = 0;
		if (strcmp(w->area, code) == 0) {
			w->series = SERIES_MUNICIPALITY;
			own++;
		} else if (strcmp(w->area, county) == 0) {
			w->series = SERIES_COUNTY;
		} else if (strcmp(w->area, "0000") == 0) {
			w->series = SERIES_COUNTRY;
		} else {
			w->skip = 1;
		}
	}
	return own;
}

static void
free_candidates(struct candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].id);
		free(c[i].code);
	}
	free(c);
}

int
kolada_select(struct db *db, const char *where, const char *strategy_id, struct kolada_doc *doc,
              char **chosen, FILE *report)
{
	struct candidate *c;
	size_t n, which = 0, own;
	char *others;
	int rc = -1;

	if (load_candidates(db, strategy_id, &c, &n) < 0)
		return -1;
	if (strategy_id && n == 0)
		err_set(_("--strategy %s: no such strategy in the database"), strategy_id);
	else if (choose(c, n, where, doc, &which) < 0)
		;
	else if (!c[which].code || !*c[which].code)
		err_set(_("%s: the strategy '%s' has no municipality_code, so its values cannot be told from "
		          "others; add municipality_code = NNNN to its INI file and import it again"), where, c[which].id);
	else
		rc = 0;
	if (rc < 0) {
		free_candidates(c, n);
		return -1;
	}
	own = mark_series(doc, c[which].code);
	others = doc_municipalities(doc, c[which].code);
	if (own == 0 && *others) {
		err_set(_("%s: the file holds values of municipality %s, not of %s (the strategy '%s'); fetch that "
		          "municipality's values, or choose its strategy with --strategy ID"),
		        where, others, c[which].code, c[which].id);
		rc = -1;
	} else if (*others && report) {
		msg_print(report, _("styrkort: %s: skipped the values of other municipalities (%s); the strategy "
		                    "'%s' is about %s\n"), where, others, c[which].id, c[which].code);
	}
	free(others);
	if (rc == 0)
		*chosen = xstrdup(c[which].id);
	free_candidates(c, n);
	return rc;
}

/* The strategy's municipality code, or NULL with err_set(). */
static char *
strategy_code(struct db *db, const char *strategy_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT municipality_code FROM strategy WHERE id = ?");
	char *code = NULL;
	int found;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		code = db_strdup(st, 0);
	sqlite3_finalize(st);
	if (found && code && *code)
		return code;
	free(code);
	if (found)
		err_set(_("kolada: the strategy '%s' has no municipality_code; add municipality_code = NNNN to its "
		          "INI file and import it again"), strategy_id);
	else
		err_set(_("--strategy %s: no such strategy in the database"), strategy_id);
	return NULL;
}

int
kolada_request(struct db *db, const char *strategy_id, char **kpis, char **areas)
{
	sqlite3_stmt *st;
	char county[5], *code;
	struct buf b;

	if (!(code = strategy_code(db, strategy_id)))
		return -1;
	if (!(st = db_prepare(db, "SELECT DISTINCT kolada FROM indicator WHERE strategy_id = ? AND kolada <> ''"
	                          " ORDER BY kolada"))) {
		free(code);
		return -1;
	}
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	buf_init(&b);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *kpi = db_text(st, 0);

		/* It goes into the URL as it is: letters and digits only, as Kolada's ids are. */
		if (kpi[strspn(kpi, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")]) {
			char *s = text_sanitize(kpi, 0);

			err_set(_("kolada: '%s' is not a Kolada KPI id (letters and digits, such as N00914); correct the "
			          "indicator's kolada key in the INI file and import it again"), s);
			free(s);
			sqlite3_finalize(st);
			buf_free(&b);
			free(code);
			return -1;
		}
		buf_printf(&b, "%s%s", b.s ? "," : "", kpi);
	}
	sqlite3_finalize(st);
	if (!b.s) {
		err_set(_("kolada: no indicator of '%s' has a Kolada KPI id; add kolada = N00914 (the KPI's id) to "
		          "an [indicator.ID] of its INI file and import it again"), strategy_id);
		free(code);
		return -1;
	}
	kolada_county_id(code, county);
	*kpis = buf_steal(&b);
	*areas = xasprintf("%s,%s,0000", code, county);
	free(code);
	return 0;
}
