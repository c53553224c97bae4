/* SPDX-License-Identifier: GPL-3.0-or-later */
/* measurements.c: indicator values: saving one with its log row, importing CSV or Kolada JSON files. */
#include <config.h>

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "changelog.h"
#include "input.h"
#include "kolada.h"
#include "measurements.h"
#include "model.h"
#include "msg.h"
#include "scb.h"
#include "search.h"
#include "catalog.h"
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
	sqlite3_stmt *old = db_prepare_kept(db,
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
	db_finish(db, old);
	if (had_row && had_value == has_value && (!had_value || oldv == value))
		return 0;
	if (had_value)
		format_number(oldtxt, sizeof oldtxt, oldv);
	if (has_value)
		format_number(newtxt, sizeof newtxt, value);
	/*
	 * A value saved here is real (a file, Kolada, a person): an INI's
	 * example_values marks its own after.  A row that is there is updated
	 * in place (one look-up, not an insert that fails first).
	 */
	up = db_prepare_kept(db, had_row ?
		"UPDATE measurement SET value = ?5, entered_by = ?6, entered_at = ?7, example = 0"
		" WHERE indicator_id = ?1 AND series = ?8 AND period = ?2 AND sex = ?4" :
		"INSERT INTO measurement (indicator_id, period, period_key, sex, value, entered_by, entered_at, series)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
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
	char *indicator, *period, *sex, *value, *series, *strategy;
};

/* The columns a CSV file may have, found by their names in its header, in any order. */
enum column { COL_INDICATOR, COL_PERIOD, COL_SEX, COL_VALUE, COL_SERIES, COL_STRATEGY, COL_NAME, COL_UNIT,
	      NCOLUMNS };
#define REQUIRED_COLUMNS 4      /* indicator, period, sex, value: every file has them */

/*
 * A column's names: the key (the "CSV column" msgid report.c's export
 * writes in English) and its Swedish word, both accepted whatever the UI's
 * language, and the UI language's word (ui_pgettext) too.  Name and unit
 * say what the export's row is about and are not read.
 */
static const struct { const char *key, *swedish; } column_names[NCOLUMNS] = {
	[COL_INDICATOR] = { NC_("CSV column", "indicator"), "indikator" },
	[COL_PERIOD] = { NC_("CSV column", "period"), "period" },
	[COL_SEX] = { NC_("CSV column", "sex"), "kön" },
	[COL_VALUE] = { NC_("CSV column", "value"), "värde" },
	[COL_SERIES] = { NC_("CSV column", "series"), "serie" },
	[COL_STRATEGY] = { NC_("CSV column", "strategy"), "strategi" },
	[COL_NAME] = { NC_("CSV column", "name"), "namn" },
	[COL_UNIT] = { NC_("CSV column", "unit"), "enhet" },
};

struct rows {
	struct row *v;
	size_t n;
	/* CSV parsing state */
	char *fields[8];
	size_t nfields;
	int line, row_start, header_done, error;
	size_t ncolumns;        /* the header's */
	int at[NCOLUMNS];       /* each column's field, or -1 */
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
		free(r->v[i].strategy);
	}
	free(r->v);
	for (size_t i = 0; i < r->nfields && i < 8; i++)
		free(r->fields[i]);
}

static struct row *
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
	w->strategy = NULL;
	return w;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct rows *r = data;

	/* A record starts where its first field does: libcsv reports no blank line, so count back from here. */
	if (r->nfields == 0) {
		r->row_start = r->line;
		for (size_t i = 0; s && i < len; i++)
			r->row_start -= ((char *)s)[i] == '\n';
	}
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

static int
column_named(const char *name)
{
	for (int c = 0; c < NCOLUMNS; c++)
		if (search_same(name, column_names[c].key) || search_same(name, column_names[c].swedish)
		    || search_same(name, ui_pgettext("CSV column", column_names[c].key)))
			return c;
	return -1;
}

/* The columns' names in the UI language, from first to last: "indicator, period, sex, value". */
static char *
column_list(int first, int last)
{
	struct buf b;

	buf_init(&b);
	for (int c = first; c <= last; c++)
		buf_printf(&b, "%s%s", c > first ? ", " : "", ui_pgettext("CSV column", column_names[c].key));
	return b.s ? b.s : xstrdup("");
}

/* The header row: which field is which column; every name known, none twice, the required ones there. */
static void
read_header(struct rows *r)
{
	int ok = r->nfields <= 8;
	struct buf found;
	char *need, *may;

	r->ncolumns = r->nfields;
	for (int c = 0; c < NCOLUMNS; c++)
		r->at[c] = -1;
	for (size_t i = 0; ok && i < r->nfields; i++) {
		int c = column_named(trimmed(r->fields[i]));

		ok = c >= 0 && r->at[c] < 0;
		if (ok)
			r->at[c] = (int)i;
	}
	for (int c = 0; ok && c < REQUIRED_COLUMNS; c++)
		ok = r->at[c] >= 0;
	if (ok)
		return;
	buf_init(&found);
	for (size_t i = 0; i < r->nfields && i < 8; i++)
		buf_printf(&found, "%s'%s'", i ? ", " : "", trimmed(r->fields[i]));
	need = column_list(0, REQUIRED_COLUMNS - 1);
	may = column_list(REQUIRED_COLUMNS, NCOLUMNS - 1);
	err_set(_("%s: line %d: the first line must be the header naming the columns %s, in any order "
	          "(%s may be there too); found %s"), r->path, r->row_start, need, may, found.s ? found.s : "''");
	free(need);
	free(may);
	buf_free(&found);
	r->error = 1;
}

/* The row's field of a column; NULL if the file has no such column or the row ends before it. */
static const char *
field_of(struct rows *r, enum column c)
{
	return r->at[c] >= 0 && (size_t)r->at[c] < r->nfields ? trimmed(r->fields[r->at[c]]) : NULL;
}

static void
read_data_row(struct rows *r)
{
	const char *strategy = field_of(r, COL_STRATEGY), *series = field_of(r, COL_SERIES);
	struct row *w;
	int s;
	int ok = r->nfields <= r->ncolumns;

	for (int c = 0; ok && c < REQUIRED_COLUMNS; c++)
		ok = field_of(r, c) != NULL;
	if (!ok) {
		err_set(_("%s: line %d: expected %zu fields, as the header names them, found %zu"),
		        r->path, r->row_start, r->ncolumns, r->nfields);
		r->error = 1;
		return;
	}
	w = add_row(r, r->row_start, field_of(r, COL_INDICATOR), field_of(r, COL_PERIOD), field_of(r, COL_SEX),
	            field_of(r, COL_VALUE), series && (s = series_from_name(series)) >= 0 ? series_id(s) : series);
	if (strategy && *strategy)
		w->strategy = xstrdup(strategy);
}

static void
on_row(int c, void *data)
{
	struct rows *r = data;

	(void)c;
	if (r->error)
		goto out;
	/* Excel pads rows with empty cells (";;;", "a;b;c;d;;"): they say nothing. */
	while (r->nfields > (r->header_done ? r->ncolumns : REQUIRED_COLUMNS) && r->nfields <= 8
	       && !*trimmed(r->fields[r->nfields - 1]))
		free(r->fields[--r->nfields]);
	if (blank_row(r))
		goto out;
	if (!r->header_done) {
		read_header(r);
		r->header_done = 1;
	} else {
		read_data_row(r);
	}
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
		char *need = column_list(0, REQUIRED_COLUMNS - 1);

		err_set(_("%s: the file is empty; the first line must be the header naming the columns %s"), path, need);
		free(need);
		return -1;
	}
	return 0;
}

/* A value of an SCB table (scb.c) as a row. */
static void
add_scb_row(void *rows, int where, const char *indicator, const char *period, char sex, const char *value,
            enum series series)
{
	char sexs[2] = { sex, 0 };

	add_row(rows, where, indicator, period, sexs, value, series_id(series));
}

/*
 * The rows of the file, whatever its format: an SCB table (Latin-1 allowed)
 * or our CSV; Kolada's JSON into *kolada instead (kolada.c), *is_kolada
 * set.  *json: the rows are entries, not lines.
 */
static int
read_file(struct db *db, const char *path, const char *strategy_id, const char *indicator, struct rows *r,
          int *json, struct kolada_doc *kolada, int *is_kolada, FILE *report)
{
	char *text;
	size_t len;
	int latin1, scb, rc;

	if (input_read_8bit(path, &text, &len, &latin1) < 0)
		return -1;
	/* JSON starts with '{' (after blanks); anything else is CSV. */
	*json = text[strspn(text, " \n\r\t")] == '{';
	scb = scb_detect(text, *json);
	if (latin1 && (!scb || *json))
		input_not_utf8(path, latin1);
	else if (indicator && !scb)
		err_set(_("%s: --indicator is for SCB's tables; this file names its indicators itself"), path);
	if ((latin1 && (!scb || *json)) || (indicator && !scb))
		rc = -1;
	else if (scb)
		rc = scb_read(db, path, text, len, *json, strategy_id, indicator, add_scb_row, r, report);
	else if ((*is_kolada = *json))
		rc = kolada_parse(text, len, path, kolada);
	else
		rc = read_csv(text, len, path, r);
	free(text);
	return rc;
}

/* Find the indicator by our id or its Kolada KPI id; exactly one must match (1: none, with err_set()). */
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
		/* The caller frees what it resolved: leave nothing to free twice. */
		free(*strategy);
		free(*name);
		free(*key);
		*strategy = *name = *key = NULL;
		if (strategy_id)        /* one strategy: two of its indicators share the KPI id */
			err_set(_("%s: %s %d: '%s' is the Kolada KPI id of more than one indicator of '%s'; give it to "
			          "one of them"), path, where, w->line, w->indicator, strategy_id);
		else
			err_set(_("%s: %s %d: the indicator '%s' is in more than one strategy; choose one with "
			          "--strategy ID"), path, where, w->line, w->indicator);
	} else {
		err_set(_("%s: %s %d: no indicator '%s' (neither an indicator id nor a Kolada KPI id)%s"),
		        path, where, w->line, w->indicator,
		        strategy_id ? _(" in the chosen strategy") : "");
		return 1;
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

/* A Kolada KPI that no indicator uses: said once, with how many of its values are skipped. */
static void
report_unused_kpi(FILE *report, const char *path, const struct rows *r, size_t first, const char *strategy_id)
{
	size_t n = 0;

	for (size_t i = 0; i < first; i++)
		if (strcmp(r->v[i].indicator, r->v[first].indicator) == 0)
			return;
	for (size_t i = first; i < r->n; i++)
		n += strcmp(r->v[i].indicator, r->v[first].indicator) == 0;
	if (report)
		msg_print(report, ngettext("styrkort: %s: no indicator of '%s' uses the KPI %s; skipped its %zu value "
		                           "(--strict makes this an error)\n",
		                           "styrkort: %s: no indicator of '%s' uses the KPI %s; skipped its %zu values "
		                           "(--strict makes this an error)\n", n),
		          path, strategy_id, r->v[first].indicator, n);
}

/*
 * Which value each row names (into rv); two rows that name the same one
 * are a mistake.  In Kolada JSON (json) a KPI no indicator uses is
 * skipped (rv id 0) and said on report, unless strict.
 */
static int
resolve_rows(struct db *db, const char *path, const char *strategy_id, const struct rows *r,
             struct resolved *rv, int json, int strict, FILE *report)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct row *w = &r->v[i];
		int found = find_indicator(db, path, w, w->strategy ? w->strategy : strategy_id, &rv[i].id, &rv[i].strategy, &rv[i].name,
		                           &rv[i].key, json);

		if (found == 1 && json && !strict) {
			rv[i].id = 0;
			report_unused_kpi(report, path, r, i, strategy_id);
			continue;
		}
		if (found != 0)
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

/* What an import did to one indicator's series: the report's line for it. */
struct tally {
	/* tally_of() reads id through (*t)[i], which cppcheck does not follow: */
	/* cppcheck-suppress unusedStructMember */
	int64_t id;
	enum series series;
	const char *key;
	int counts[4];          /* by measurement_save()'s answer (0, 1, 2), and 3: no data in the file */
};

static int *
tally_of(struct tally **t, size_t *n, const struct resolved *v)
{
	for (size_t i = 0; i < *n; i++)
		if ((*t)[i].id == v->id && (*t)[i].series == v->series)
			return (*t)[i].counts;
	*t = xrealloc(*t, (*n + 1) * sizeof **t);
	memset(&(*t)[*n], 0, sizeof **t);
	(*t)[*n].id = v->id;
	(*t)[*n].series = v->series;
	(*t)[*n].key = v->key;
	return (*t)[(*n)++].counts;
}

static void
report_tallies(FILE *report, const char *path, const struct tally *t, size_t n)
{
	for (size_t i = 0; report && i < n; i++)
		msg_print(report, _("styrkort: %s: %s (%s): %d new, %d changed, %d unchanged, %d without data\n"),
		          path, t[i].key, series_id(t[i].series), t[i].counts[1], t[i].counts[2], t[i].counts[0],
		          t[i].counts[3]);
}

/*
 * Save one row inside the write; 0 unchanged, 1 new, 2 changed, 3 not
 * saved: Kolada's null never replaces a stored value (nor is stored).
 */
static int
save_row(struct db *db, const char *path, const struct row *w, const struct resolved *rv, int json,
         const char *comment, FILE *report)
{
	struct value_key k = { rv->id, rv->name, rv->series, rv->canon, rv->period_key, rv->sex };
	char *old = NULL;
	int saved, has;
	double v = 0;

	measurement_parse_value(w->value, &has, &v);
	if (json && !has)
		return 3;
	saved = measurement_save(db, rv->strategy, &k, has, v, comment, &old);
	if (saved == 2 && report)
		report_replaced(report, path, json, w, rv->canon, old, has, v);
	free(old);
	return saved;
}

/* What save_rows() held back until its commit, to the report. */
static void
copy_held(FILE *held, FILE *report)
{
	char chunk[8192];
	size_t n;

	rewind(held);
	while ((n = fread(chunk, 1, sizeof chunk, held)) > 0)
		fwrite(chunk, 1, n, report);
}

/* Save the checked and resolved rows in one write, counting them in res (Kolada: per indicator and series too). */
static int
save_rows(struct db *db, const char *path, const struct rows *r, const struct resolved *rv, int json,
          struct measurements_result *res, FILE *report)
{
	struct tally *t = NULL;
	size_t nt = 0;
	char *comment;
	int rc = 0;
	/*
	 * The lines that say which values changed wait in a temporary file
	 * until the commit: nothing is written to a terminal or a pipe (which
	 * may block) while the write lock is held, and nothing is said of a
	 * change that was rolled back.
	 */
	FILE *held = report ? tmpfile() : NULL;

	if (db_write_begin(db, 0) < 0) {
		if (held)
			fclose(held);
		return -1;
	}
	comment = xasprintf(_("measurements %s"), path);
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		int saved;

		if (rv[i].id == 0)      /* a KPI no indicator uses */
			continue;
		saved = save_row(db, path, &r->v[i], &rv[i], json, comment, held ? held : report);
		if (saved < 0) {
			rc = -1;
			break;
		}
		tally_of(&t, &nt, &rv[i])[saved]++;
		if (saved == 0)
			res->unchanged++;
		else if (saved == 1)
			res->added++;
		else if (saved == 2)
			res->replaced++;
		else
			res->nodata++;
	}
	free(comment);
	if (rc < 0)
		db_rollback(db);
	else
		rc = db_commit(db);
	if (held) {
		if (rc == 0)
			copy_held(held, report);
		fclose(held);
	}
	if (rc == 0 && json)
		report_tallies(report, path, t, nt);
	free(t);
	return rc;
}

/* Check, resolve and save the rows read from a file or from Kolada; nothing changes on an error. */
static int
import_rows(struct db *db, const char *path, const char *strategy_id, struct rows *r, int json, int strict,
            struct measurements_result *res, FILE *report)
{
	struct resolved *rv = xcalloc(r->n ? r->n : 1, sizeof *rv);
	int rc = -1;

	if (check_rows(r, path, json) == 0 && resolve_rows(db, path, strategy_id, r, rv, json, strict, report) == 0)
		rc = save_rows(db, path, r, rv, json, res, report);
	for (size_t i = 0; i < r->n; i++) {
		free(rv[i].strategy);
		free(rv[i].name);
		free(rv[i].key);
	}
	free(rv);
	free_rows(r);
	return rc;
}

int
measurements_import_kolada(struct db *db, const char *where, const char *strategy_id, struct kolada_doc *doc,
                           int strict, struct measurements_result *res, FILE *report)
{
	struct rows r;
	char *chosen = NULL;
	int rc;

	memset(&r, 0, sizeof r);
	memset(res, 0, sizeof *res);
	if (kolada_select(db, where, strategy_id, doc, &chosen, report) < 0)
		return -1;
	/* One page of several: its values are right, but not all there are; say so, import what is here. */
	if (doc->next && report)
		msg_print(report, _("styrkort: %s: this is one page of several: the next is %s; import that too, or "
		                    "fetch every page with 'styrkort kolada'\n"), where, doc->next);
	for (size_t i = 0; i < doc->n; i++) {
		const struct kolada_value *w = &doc->v[i];

		if (!w->skip)
			add_row(&r, w->entry, w->kpi, w->period, w->gender, w->value, series_id(w->series));
	}
	rc = import_rows(db, where, chosen, &r, 1, strict, res, report);
	free(chosen);
	return rc;
}

int
measurements_import(struct db *db, const char *path, const char *strategy_id, const char *indicator, int strict,
                    struct measurements_result *res, FILE *report)
{
	struct kolada_doc doc;
	struct rows r;
	int json, kolada = 0, rc;

	memset(&r, 0, sizeof r);
	memset(res, 0, sizeof *res);
	/* Read once (a pipe works), with the size limit, BOM and UTF-16 rules of every input. */
	memset(&doc, 0, sizeof doc);
	rc = read_file(db, path, strategy_id, indicator, &r, &json, &doc, &kolada, report);
	if (rc == 0 && kolada)
		rc = measurements_import_kolada(db, path, strategy_id, &doc, strict, res, report);
	kolada_free(&doc);
	if (rc < 0 || kolada) {
		free_rows(&r);
		return rc;
	}
	/* Check and resolve every row before changing anything. */
	return import_rows(db, path, strategy_id, &r, json, strict, res, report);
}
