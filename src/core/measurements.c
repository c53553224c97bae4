/* SPDX-License-Identifier: GPL-3.0-or-later */
/* measurements.c: indicator values: saving one with its log row, importing CSV or Kolada JSON files. */
#include <config.h>

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "changelog.h"
#include "input.h"
#include "measurements.h"
#include "model.h"
#include "msg.h"
#include "text.h"
#include "util.h"

int
measurement_parse_value(const char *text, int *has, double *value)
{
	*has = 0;
	*value = 0;
	if (!*text)
		return 0;
	if (parse_number_ui(text, value) < 0)
		return -1;
	*has = 1;
	return 0;
}

/* The value as the change log names it; a comparison area's with its series: "Andel (county) 2013 T". */
static char *
value_label(const struct value_key *k)
{
	if (k->series == SERIES_MUNICIPALITY)
		return xasprintf("%s %s %c", k->indicator_name, k->period, k->sex);
	return xasprintf("%s (%s) %s %c", k->indicator_name, series_id(k->series), k->period, k->sex);
}

int
measurement_save(struct db *db, const char *strategy_id, const struct value_key *k,
                 int has_value, double value, const char *comment, char **old_text)
{
	sqlite3_stmt *old = db_prepare(db,
		"SELECT value FROM measurement WHERE indicator_id = ? AND series = ? AND period = ? AND sex = ?");
	sqlite3_stmt *up;
	char sexs[2] = { k->sex, 0 }, oldtxt[64] = "", newtxt[64] = "";
	int had_row, had_value = 0, rc;
	double oldv = 0;
	char *label;
	char now[21];

	if (!old)
		return -1;
	sqlite3_bind_int64(old, 1, k->indicator_id);
	sqlite3_bind_text(old, 2, series_id(k->series), -1, SQLITE_STATIC);
	sqlite3_bind_text(old, 3, k->period, -1, SQLITE_STATIC);
	sqlite3_bind_text(old, 4, sexs, -1, SQLITE_STATIC);
	had_row = sqlite3_step(old) == SQLITE_ROW;
	if (had_row && sqlite3_column_type(old, 0) != SQLITE_NULL) {
		had_value = 1;
		oldv = sqlite3_column_double(old, 0);
	}
	sqlite3_finalize(old);
	if (had_row && had_value == has_value && (!had_value || oldv == value))
		return 0;
	if (had_value)
		format_number(oldtxt, sizeof oldtxt, oldv);
	if (has_value)
		format_number(newtxt, sizeof newtxt, value);
	up = db_prepare(db,
		"INSERT INTO measurement (indicator_id, period, period_key, sex, value, entered_by, entered_at, series)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator_id, series, period, sex) DO UPDATE SET"
		" value = excluded.value, entered_by = excluded.entered_by, entered_at = excluded.entered_at");
	if (!up)
		return -1;
	now_iso(now);
	sqlite3_bind_int64(up, 1, k->indicator_id);
	sqlite3_bind_text(up, 2, k->period, -1, SQLITE_STATIC);
	sqlite3_bind_int(up, 3, k->period_key);
	sqlite3_bind_text(up, 4, sexs, -1, SQLITE_STATIC);
	if (has_value)
		sqlite3_bind_double(up, 5, value);
	else
		sqlite3_bind_null(up, 5);
	sqlite3_bind_text(up, 6, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(up, 7, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(up, 8, series_id(k->series), -1, SQLITE_STATIC);
	if (db_exec_stmt(db, up) < 0)
		return -1;
	label = value_label(k);
	rc = changelog_add(db, strategy_id, "measurement", k->indicator_id, label, "value",
	                   had_row ? (had_value ? oldtxt : _("no data")) : NULL,
	                   has_value ? newtxt : _("no data"), comment);
	free(label);
	if (rc < 0)
		return -1;
	if (had_row && old_text)
		*old_text = xstrdup(had_value ? oldtxt : _("no data"));
	return had_row ? 2 : 1;
}

int
measurement_set(struct db *db, const char *strategy_id, const struct value_key *k,
                int has_value, double value, const char *comment, char **old_text)
{
	int rc;

	if (db_write_begin(db, 0) < 0)
		return -1;
	rc = measurement_save(db, strategy_id, k, has_value, value, comment, old_text);
	if (rc < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) < 0 ? -1 : rc;
}

/* One value to import, from a CSV row or a JSON entry. */
struct row {
	int line;
	char *indicator, *period, *sex, *value, *series;
};

struct rows {
	struct row *v;
	size_t n;
	/* CSV parsing state */
	char *fields[8];
	size_t nfields;
	int line, row_start, header_done, error;
	size_t ncolumns;        /* 4, or 5 with the series column */
	const char *path;
};

static void
free_rows(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].indicator);
		free(r->v[i].period);
		free(r->v[i].sex);
		free(r->v[i].value);
		free(r->v[i].series);
	}
	free(r->v);
	for (size_t i = 0; i < r->nfields && i < 8; i++)
		free(r->fields[i]);
}

static void
add_row(struct rows *r, int line, const char *ind, const char *period, const char *sex, const char *value,
        const char *series)
{
	struct row *w;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	w = &r->v[r->n++];
	w->line = line;
	w->indicator = xstrdup(ind ? ind : "");
	w->period = xstrdup(period ? period : "");
	w->sex = xstrdup(sex ? sex : "");
	w->value = xstrdup(value ? value : "");
	w->series = xstrdup(series ? series : "");
}

static void
on_field(void *s, size_t len, void *data)
{
	struct rows *r = data;

	if (r->nfields < 8)
		r->fields[r->nfields] = s ? xstrndup(s, len) : xstrdup("");
	r->nfields++;
}

static char *
trimmed(char *s)
{
	char *e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Is every field of the row empty: a blank line, or a row of separators? */
static int
blank_row(struct rows *r)
{
	for (size_t i = 0; i < r->nfields && i < 8; i++)
		if (*trimmed(r->fields[i]))
			return 0;
	return r->nfields <= 8;
}

static void
on_row(int c, void *data)
{
	struct rows *r = data;
	static const char *const header[] = { "indicator", "period", "sex", "value", "series" };

	(void)c;
	if (r->error)
		goto out;
	/* Excel pads rows with empty cells (";;;", "a;b;c;d;;"): they say nothing. */
	while (r->nfields > 4 && r->nfields <= 8 && !*trimmed(r->fields[r->nfields - 1]))
		free(r->fields[--r->nfields]);
	if (blank_row(r))
		goto out;
	if (!r->header_done) {
		int ok = r->nfields == 4 || r->nfields == 5;

		r->ncolumns = r->nfields;
		for (size_t i = 0; ok && i < r->nfields; i++) {
			ok = strcasecmp(trimmed(r->fields[i]), header[i]) == 0;
		}
		if (!ok) {
			struct buf found;

			buf_init(&found);
			for (size_t i = 0; i < r->nfields && i < 8; i++)
				buf_printf(&found, "%s'%s'", i ? ", " : "", trimmed(r->fields[i]));
			err_set(_("%s: line %d: the first line must be the header indicator,period,sex,value; "
			          "found %s"), r->path, r->row_start, found.s ? found.s : "''");
			buf_free(&found);
			r->error = 1;
		}
		r->header_done = 1;
		goto out;
	}
	if (r->nfields != 4 && r->nfields != r->ncolumns) {
		err_set(_("%s: line %d: expected 4 fields (indicator,period,sex,value), found %zu"),
		        r->path, r->row_start, r->nfields);
		r->error = 1;
		goto out;
	}
	add_row(r, r->row_start, trimmed(r->fields[0]), trimmed(r->fields[1]), trimmed(r->fields[2]),
	        trimmed(r->fields[3]), r->nfields == 5 ? trimmed(r->fields[4]) : NULL);
out:
	for (size_t i = 0; i < r->nfields && i < 8; i++)
		free(r->fields[i]);
	r->nfields = 0;
	r->row_start = r->line + 1;
}

static int
read_csv(const char *text, size_t len, const char *path, struct rows *r)
{
	struct csv_parser p;
	int first = 1;

	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		err_set("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	r->line = 0;
	r->row_start = 1;
	r->path = path;
	for (const char *line = text, *end = text + len; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);

		r->line++;
		/* Swedish spreadsheets separate with ';': the header tells which. */
		if (first && memchr(line, ';', n) && !memchr(line, ',', n))
			csv_set_delim(&p, ';');
		first = 0;
		/*
		 * libcsv grows a field's buffer by blk_size bytes at a time: a
		 * line's worth and at least what it has (doubling), or a long
		 * field costs time quadratic in its length where realloc copies.
		 */
		csv_set_blk_size(&p, p.entry_size > n + 128 ? p.entry_size : n + 128);
		if (csv_parse(&p, line, n, on_field, on_row, r) != n) {
			err_set(_("%s: line %d: %s"), path, r->line, csv_strerror(csv_error(&p)));
			csv_free(&p);
			return -1;
		}
		line += n;
		if (r->error)
			break;
	}
	if (!r->error && csv_fini(&p, on_field, on_row, r) != 0) {
		err_set(_("%s: line %d: %s"), path, r->line, csv_strerror(csv_error(&p)));
		csv_free(&p);
		return -1;
	}
	csv_free(&p);
	if (r->error)
		return -1;
	if (!r->header_done) {
		err_set(_("%s: the file is empty; the first line must be the header indicator,period,sex,value"), path);
		return -1;
	}
	return 0;
}

/* Kolada's JSON: {"values": [{"kpi": "N00914", "period": 2013, "values": [{"gender": "T", "value": 8.5}]}]} */
static int
read_json(const char *text, size_t len, const char *path, struct rows *r)
{
	struct json_tokener *tok = json_tokener_new();
	json_object *doc, *values;
	enum json_tokener_error jerr;
	size_t n;

	if (!tok) {
		err_set("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	doc = len > (size_t)INT32_MAX ? NULL : json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!doc) {
		err_set(_("%s: not valid JSON (%s); a Kolada file is what its API returns, such as "
		          "{\"values\": [...]}"), path,
		        jerr == json_tokener_continue ? _("it ends too early") : json_tokener_error_desc(jerr));
		return -1;
	}
	if (!json_object_object_get_ex(doc, "values", &values) || !json_object_is_type(values, json_type_array)) {
		err_set(_("%s: a Kolada JSON file has a \"values\" list; this one has none"), path);
		json_object_put(doc);
		return -1;
	}
	n = json_object_array_length(values);
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(values, i), *kpi, *period, *inner;
		char periodtxt[32];

		if (!json_object_object_get_ex(e, "kpi", &kpi) || !json_object_object_get_ex(e, "period", &period) ||
		    !json_object_object_get_ex(e, "values", &inner) || !json_object_is_type(inner, json_type_array)) {
			err_set(_("%s: entry %zu of \"values\" lacks kpi, period or values"), path, i + 1);
			json_object_put(doc);
			return -1;
		}
		snprintf(periodtxt, sizeof periodtxt, "%s", json_object_get_string(period));
		for (size_t j = 0; j < json_object_array_length(inner); j++) {
			json_object *v = json_object_array_get_idx(inner, j), *gender, *value;
			char valtxt[64] = "";

			if (!json_object_object_get_ex(v, "gender", &gender)) {
				err_set(_("%s: entry %zu, value %zu has no gender (T, K or M)"), path, i + 1, j + 1);
				json_object_put(doc);
				return -1;
			}
			if (json_object_object_get_ex(v, "value", &value) && !json_object_is_type(value, json_type_null))
				snprintf(valtxt, sizeof valtxt, "%s", json_object_get_string(value));
			add_row(r, (int)(i + 1), json_object_get_string(kpi), periodtxt,
			        json_object_get_string(gender), valtxt, NULL);
		}
	}
	json_object_put(doc);
	return 0;
}

/* Find the indicator by our id or its Kolada KPI id; exactly one must match. */
static int
find_indicator(struct db *db, const char *path, const struct row *w, const char *strategy_id,
               int64_t *id, char **strategy, char **name, char **key, int json)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, strategy_id, name, key FROM indicator WHERE (key = ?1 OR kolada = ?1)"
		" AND (?2 IS NULL OR strategy_id = ?2)");
	const char *where = json ? _("entry") : _("line");
	int n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, w->indicator, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 2, strategy_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0) {
			*id = sqlite3_column_int64(st, 0);
			*strategy = db_strdup(st, 1);
			*name = db_strdup(st, 2);
			*key = db_strdup(st, 3);
		}
	}
	sqlite3_finalize(st);
	if (n == 1)
		return 0;
	if (n > 1) {
		/* The caller frees them too: freed here, they must not point anywhere (clang-tidy found it). */
		free(*strategy);
		free(*name);
		free(*key);
		*strategy = *name = *key = NULL;
		err_set(_("%s: %s %d: the indicator '%s' is in more than one strategy; choose one with --strategy ID"),
		        path, where, w->line, w->indicator);
	} else {
		err_set(_("%s: %s %d: no indicator '%s' (neither an indicator id nor a Kolada KPI id)%s"),
		        path, where, w->line, w->indicator,
		        strategy_id ? _(" in the chosen strategy") : "");
	}
	return -1;
}

/* A row as the value it names: the indicator, the canonical period, the sex. */
struct resolved {
	int64_t id;
	char *strategy, *name, *key;
	char canon[16];
	int period_key;
	char sex;
	enum series series;
};

/* Two rows name the same value: say which, and how each wrote it. */
static void
duplicate_error(const char *path, int json, const struct row *first, const struct row *second,
                const struct resolved *value)
{
	char *a = xasprintf("%s,%s,%s", first->indicator, first->period, first->sex);
	char *b = xasprintf("%s,%s,%s", second->indicator, second->period, second->sex);
	char *sa = text_sanitize(a, 0), *sb = text_sanitize(b, 0), *key = text_sanitize(value->key, 0);

	if (first->line == second->line)        /* one Kolada entry */
		err_set(_("%s: entry %d gives %s %s %c twice; keep one of them"), path, first->line, key,
		        value->canon, value->sex);
	else
		err_set(json ? _("%s: entries %d and %d both give %s %s %c (written %s and %s); keep one of them")
		             : _("%s: lines %d and %d both give %s %s %c (written %s and %s); keep one of them"),
		        path, first->line, second->line, key, value->canon, value->sex, sa, sb);
	free(a);
	free(b);
	free(sa);
	free(sb);
	free(key);
}

/* Every row's period, sex and value are well-formed; -1 with err_set() at the first that is not. */
static int
check_rows(const struct rows *r, const char *path, int json)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct row *w = &r->v[i];
		char canon[16];
		double v;
		int has;

		if (parse_period(w->period, canon, sizeof canon, NULL) < 0) {
			err_set(_("%s: %s %d: period '%s': expected a year (2023) or a part of one (2023-Q1, 2023-T2, 2023-H1)"),
			        path, json ? _("entry") : _("line"), w->line, w->period);
			return -1;
		}
		if (sex_from_char(w->sex[0]) < 0 || w->sex[1]) {
			err_set(_("%s: %s %d: sex '%s': expected T (total), K (women) or M (men)"),
			        path, json ? _("entry") : _("line"), w->line, w->sex);
			return -1;
		}
		if (*w->series && series_from_id(w->series) < 0) {
			err_set(_("%s: line %d: series '%s': expected municipality, county or country "
			          "(or nothing for the municipality's own)"), path, w->line, w->series);
			return -1;
		}
		if (measurement_parse_value(w->value, &has, &v) < 0) {
			err_set(_("%s: %s %d: value '%s': expected a number, or nothing for no data"),
			        path, json ? _("entry") : _("line"), w->line, w->value);
			return -1;
		}
	}
	return 0;
}

/* Which value each row names (into rv); two rows that name the same one are a mistake. */
static int
resolve_rows(struct db *db, const char *path, const char *strategy_id, const struct rows *r,
             struct resolved *rv, int json)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct row *w = &r->v[i];

		if (find_indicator(db, path, w, strategy_id, &rv[i].id, &rv[i].strategy, &rv[i].name,
		                   &rv[i].key, json) < 0)
			return -1;
		parse_period(w->period, rv[i].canon, sizeof rv[i].canon, &rv[i].period_key);
		rv[i].sex = (char)toupper((unsigned char)w->sex[0]);
		rv[i].series = *w->series ? (enum series)series_from_id(w->series) : SERIES_MUNICIPALITY;
		for (size_t j = 0; j < i; j++) {
			if (rv[j].id == rv[i].id && strcmp(rv[j].canon, rv[i].canon) == 0 && rv[j].sex == rv[i].sex &&
			    rv[j].series == rv[i].series) {
				duplicate_error(path, json, &r->v[j], &r->v[i], &rv[i]);
				return -1;
			}
		}
	}
	return 0;
}

/* "... changed from 52,3 to 54": numbers as people read them in the UI language. */
static void
report_replaced(FILE *report, const char *path, int json, const struct row *w, const char *canon,
                const char *old, int has, double v)
{
	char was[64], now[64];
	double oldv;

	if (old && parse_double(old, &oldv) == 0)
		format_number_ui(was, sizeof was, oldv);
	else
		snprintf(was, sizeof was, "%s", old && *old ? old : _("no data"));
	if (has)
		format_number_ui(now, sizeof now, v);
	else
		snprintf(now, sizeof now, "%s", _("no data"));
	if (*w->series && series_from_id(w->series) != SERIES_MUNICIPALITY)
		msg_print(report, _("styrkort: %s: %s %d: %s (%s) %s %c changed from %s to %s\n"), path,
		          json ? _("entry") : _("line"), w->line, w->indicator, w->series, canon,
		          toupper((unsigned char)w->sex[0]), was, now);
	else
		msg_print(report, _("styrkort: %s: %s %d: %s %s %c changed from %s to %s\n"), path,
		          json ? _("entry") : _("line"), w->line, w->indicator, canon,
		          toupper((unsigned char)w->sex[0]), was, now);
}

/* Save the checked and resolved rows in one write, counting them in res. */
static int
save_rows(struct db *db, const char *path, const struct rows *r, const struct resolved *rv, int json,
          struct measurements_result *res, FILE *report)
{
	char *comment;

	if (db_write_begin(db, 0) < 0)
		return -1;
	comment = xasprintf(_("measurements %s"), path);
	for (size_t i = 0; i < r->n; i++) {
		const struct row *w = &r->v[i];
		char *old = NULL;
		int saved, has;
		double v = 0;

		struct value_key k = { rv[i].id, rv[i].name, rv[i].series, rv[i].canon, rv[i].period_key, rv[i].sex };

		measurement_parse_value(w->value, &has, &v);
		saved = measurement_save(db, rv[i].strategy, &k, has, v, comment, &old);
		if (saved < 0) {
			db_rollback(db);
			free(comment);
			return -1;
		}
		if (saved == 0)
			res->unchanged++;
		else if (saved == 1)
			res->added++;
		else {
			res->replaced++;
			if (report)
				report_replaced(report, path, json, w, rv[i].canon, old, has, v);
		}
		free(old);
	}
	free(comment);
	return db_commit(db);
}

int
measurements_import(struct db *db, const char *path, const char *strategy_id,
                    struct measurements_result *res, FILE *report)
{
	struct rows r;
	struct resolved *rv;
	int json, rc;
	char *text;
	size_t len, skip;

	memset(&r, 0, sizeof r);
	memset(res, 0, sizeof *res);
	/* Read once (a pipe works), with the size limit, BOM and UTF-16 rules of every input. */
	if (input_read(path, &text, &len) < 0)
		return -1;
	/* JSON starts with '{' (after blanks); anything else is CSV. */
	skip = strspn(text, " \n\r\t");
	json = text[skip] == '{';
	rc = json ? read_json(text, len, path, &r) : read_csv(text, len, path, &r);
	free(text);
	if (rc < 0) {
		free_rows(&r);
		return -1;
	}
	/* Check and resolve every row before changing anything. */
	rv = xcalloc(r.n ? r.n : 1, sizeof *rv);
	rc = -1;
	if (check_rows(&r, path, json) == 0 && resolve_rows(db, path, strategy_id, &r, rv, json) == 0)
		rc = save_rows(db, path, &r, rv, json, res, report);
	for (size_t i = 0; i < r.n; i++) {
		free(rv[i].strategy);
		free(rv[i].name);
		free(rv[i].key);
	}
	free(rv);
	free_rows(&r);
	return rc;
}
