/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_fields.c: the table of activity fields (ACTIVITY_FIELDS): its rows agree, and every field is checked, stored and read back by its type. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "activity.h"
#include "db.h"
#include "model.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-fields-XXXXXX";
static char dbpath[sizeof dir + 16];
static struct db *db;

static void
exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static int
setup(void **state)
{
	(void)state;
	db = db_open(dbpath, DB_CREATE);
	if (!db)
		return 1;
	exec("INSERT INTO strategy (id, municipality, title) VALUES ('s', 'Testby kommun', 'Strategi');"
	     "INSERT INTO focus_area (id, strategy_id, key, position, name) VALUES (1, 's', 'f1', 0, 'Arbete');"
	     "INSERT INTO goal (id, strategy_id, key, position, title) VALUES (1, 's', 'g1', 0, 'Mål');"
	     "INSERT INTO activity (id, strategy_id, ref, position, title) VALUES (7, 's', 'a7', 0, 'Sju');"
	     "INSERT INTO activity (id, strategy_id, ref, position, title) VALUES (8, 's', 'a8', 1, 'Åtta');"
	     "INSERT INTO responsible_body (focus_id, position, name) VALUES (1, 0, 'KS'), (1, 1, 'BUN');"
	     "INSERT INTO goal (id, strategy_id, key, position, title, parent_id) VALUES (2, 's', 'g2', 1, 'Del', 1);"
	     "INSERT INTO goal_focus (goal_id, focus_id, position) VALUES (2, 1, 0);"
	     "INSERT INTO indicator (id, strategy_id, goal_id, key, position, name, direction, baseline, target_period, by_sex)"
	     " VALUES (1, 's', 2, 'i1', 0, 'Andel', 'lower', 8.5, '2030', 1);");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(db);
	return 0;
}

/* Keys and columns are unique, the form's lines run 1, 2, 3... and only texts have several lines. */
static void
rows_agree(void **state)
{
	int lines = 0;

	(void)state;
	for (int i = 0; i < AF_COUNT; i++) {
		const struct field_def *f = &model_activity_fields[i];

		assert_non_null(f->key);
		assert_non_null(f->column);
		assert_true(f->label && *f->label);
		assert_int_equal(model_activity_field(f->key), i);
		assert_int_equal(act_field_from_name(f->key), i);
		assert_string_equal(act_field_name((enum act_field)i), f->key);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(f->column, model_activity_fields[j].column);
		if (f->flags & FF_MULTILINE)
			assert_int_equal(f->type, FT_TEXT);
		if (f->type == FT_PERCENT)
			assert_true(f->lo < f->hi);
		if (f->form && model_activity_fits(AK_ACTIVITY, (enum act_field)i))
			lines++;
	}
	/*
	 * An activity's form runs 1, 2, 3...; a commitment's holds at most one
	 * field a line (its assessment stands where a status does).
	 */
	for (int k = 0; k < AK_COUNT; k++)
		for (int line = 1; line <= lines; line++) {
			int found = 0;

			for (int i = 0; i < AF_COUNT; i++)
				found += model_activity_fields[i].form == line &&
				         model_activity_fits((enum act_kind)k, (enum act_field)i);
			assert_true(k == AK_ACTIVITY ? found == 1 : found <= 1);
		}
	assert_int_equal(model_activity_field("nonsense"), -1);
}

/* What text_multiline() said before the table: descriptions and comments hold lines, titles and names do not. */
static void
multiline_fields(void **state)
{
	(void)state;
	assert_true(model_activity_fields[AF_DESCRIPTION].flags & FF_MULTILINE);
	assert_true(model_activity_fields[AF_COMMENT].flags & FF_MULTILINE);
	assert_false(model_activity_fields[AF_TITLE].flags & FF_MULTILINE);
	assert_false(model_activity_fields[AF_RESPONSIBLE].flags & FF_MULTILINE);
	assert_false(model_activity_fields[AF_CONTACT].flags & FF_MULTILINE);
}

/* Every kind's table: keys unique; the keys that hold lines are those text_multiline() listed before the tables. */
static void
kinds_agree(void **state)
{
	static const char *const multi[] = {
		"description", "comment", "vision", "purpose", "target_group", "organisation", "follow_up", "note",
		"composition", NULL
	};

	(void)state;
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t n;
		const struct field_def *f = model_fields((enum kind)k, &n);

		assert_true(n > 0);
		for (size_t i = 0; i < n; i++) {
			int listed = 0;

			for (size_t j = 0; j < i; j++)
				assert_string_not_equal(f[i].key, f[j].key);
			for (const char *const *m = multi; *m; m++)
				listed |= strcmp(*m, f[i].key) == 0;
			assert_int_equal(listed && f[i].type == FT_TEXT, (f[i].flags & FF_MULTILINE) != 0);
		}
	}
	{
		size_t n;
		const struct field_def *f = model_fields(KIND_ACTIVITY, &n);

		assert_int_equal(n, AF_COUNT);
		assert_ptr_equal(f, model_activity_fields);
		f = model_fields(KIND_STRATEGY, &n);
		assert_int_equal(n, SF_COUNT);
		assert_string_equal(f[SF_follow_up].key, "follow_up");
	}
}

static void
expect_text(enum kind kind, const struct plan *p, const void *item, int field, const char *want)
{
	char *v = model_item_text(kind, p, item, field);

	assert_string_equal(v, want);
	free(v);
}

/* Any field of any kind as files hold it: references by key, numbers and lists as export writes them. */
static void
item_text(void **state)
{
	struct plan p;
	const struct goal *g;

	(void)state;
	assert_int_equal(model_load_outline(db, "s", &p), 0);
	g = plan_goal(&p, 2);
	assert_non_null(g);
	expect_text(KIND_STRATEGY, &p, &p.s, SF_municipality, "Testby kommun");
	expect_text(KIND_STRATEGY, &p, &p.s, SF_note, "");
	expect_text(KIND_FOCUS, &p, &p.focus[0], FA_RESPONSIBLE, "KS | BUN");
	expect_text(KIND_FOCUS, &p, &p.focus[0], FA_PURPOSE, "");
	expect_text(KIND_GOAL, &p, g, GF_PARENT, "g1");
	expect_text(KIND_GOAL, &p, g, GF_FOCUS, "f1");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_GOAL, "g2");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_DIRECTION, "lower");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_BASELINE, "8.5");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_TARGET, "");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_TARGET_PERIOD, "2030");
	expect_text(KIND_INDICATOR, &p, &p.inds[0], IND_BY_SEX, "yes");
	/* The members the tables declare, read by model_load_outline(). */
	assert_string_equal(p.focus[0].key, "f1");
	assert_int_equal(p.focus[0].nbodies, 2);
	assert_string_equal(p.focus[0].bodies[1], "BUN");
	assert_int_equal(g->depth, 1);
	assert_int_equal(g->parent_id, 1);
	assert_null(p.goals[0].description);
	assert_string_equal(p.inds[0].key, "i1");
	assert_int_equal(p.inds[0].goal_id, 2);
	assert_int_equal(p.inds[0].direction, DIR_LOWER);
	assert_true(p.inds[0].has_baseline);
	assert_true(p.inds[0].baseline == 8.5);
	assert_false(p.inds[0].has_target);
	assert_int_equal(p.inds[0].by_sex, 1);
	assert_null(p.inds[0].unit);
	model_free_plan(&p);
}

/* The list the help and `set`'s message show. */
static void
field_list(void **state)
{
	char *l = model_activity_field_list(", ");

	(void)state;
	assert_string_equal(l, "title, description, focus, goal, responsible, contact, start, due, status, "
	                       "progress, comment, source, example, kind, assessment, assessed");
	free(l);
}

/* A valid value of each type, in canonical form. */
static const char *
sample(enum act_field f)
{
	static char buf[64];
	const struct field_def *d = &model_activity_fields[f];

	switch (d->type) {
	case FT_TEXT:
		snprintf(buf, sizeof buf, (d->flags & FF_MULTILINE) ? "Ny %s\nrad två" : "Ny %s", d->key);
		return buf;
	case FT_DATE: return "2027-03-15";
	case FT_FOCUS: return "f1";
	case FT_GOAL: return "g1";
	case FT_STATUS: return "delayed";
	case FT_ASSESSMENT: return "partly";
	case FT_ACT_KIND: return "activity";   /* stored as "" (the default); commitments below */
	case FT_PERCENT:
		snprintf(buf, sizeof buf, "%d", (d->lo + d->hi) / 2);
		return buf;
	}
	return "";
}

/* Every field of the kind set as `set` sets it comes back the same from the database, through the SELECT list the table makes. */
static void
round_trip(int64_t id, enum act_kind kind)
{
	struct act_change c = { 0 };
	struct activity a;
	struct plan p;
	char *strategy = NULL;

	for (int f = 0; f < AF_COUNT; f++)
		if (model_activity_fits(kind, (enum act_field)f))
			assert_int_equal(act_change_set(&c, (enum act_field)f, sample((enum act_field)f), NULL), 0);
	if (kind == AK_COMMITMENT)
		assert_int_equal(act_change_set(&c, AF_KIND, "commitment", NULL), 0);
	assert_int_equal(activity_apply(db, id, &c, 0, NULL, NULL), ACTIVITY_OK);
	assert_int_equal(activity_get(db, id, &a, &strategy), 1);
	assert_string_equal(strategy, "s");
	assert_int_equal(model_load_outline(db, "s", &p), 0);
	for (int f = 0; f < AF_COUNT; f++) {
		char *v = model_activity_text(&a, (enum act_field)f, &p);

		assert_string_equal(v, c.value[f] ? c.value[f] : "");
		free(v);
	}
	assert_int_equal(a.kind, kind);
	assert_int_equal(a.focus_id, 1);
	assert_int_equal(a.goal_id, 1);
	assert_int_equal(a.version, 2);
	{
		struct activity copy;
		char *v;

		model_copy_activity(&copy, &a);
		model_free_activity(&a);
		v = model_activity_text(&copy, AF_TITLE, NULL);
		assert_string_equal(v, "Ny title");
		free(v);
		v = model_activity_text(&copy, AF_FOCUS, NULL);
		assert_string_equal(v, "");
		free(v);
		model_free_activity(&copy);
	}
	model_free_plan(&p);
	act_change_free(&c);
	free(strategy);
}

static void
every_field_round_trips(void **state)
{
	(void)state;
	round_trip(7, AK_ACTIVITY);
	round_trip(8, AK_COMMITMENT);
}

/* Values are checked by their field's type, with the same messages as before the table. */
static void
checked_by_type(void **state)
{
	struct act_change c = { 0 };

	(void)state;
	assert_int_equal(act_change_set(&c, AF_PROGRESS, "50 %", NULL), 0);
	assert_string_equal(c.value[AF_PROGRESS], "50");
	assert_int_equal(act_change_set(&c, AF_PROGRESS, "101", NULL), -1);
	assert_string_equal(err_get(), "progress = 101: expected a whole number from 0 to 100");
	assert_int_equal(act_change_set(&c, AF_TITLE, "   ", NULL), -1);
	assert_string_equal(err_get(), "title: an activity needs a title");
	assert_int_equal(act_change_set(&c, AF_TITLE, "two\nlines", NULL), -1);
	assert_int_equal(act_change_set(&c, AF_DESCRIPTION, "two\nlines", NULL), 0);
	assert_int_equal(act_change_set(&c, AF_FOCUS, "Not A Key", NULL), -1);
	assert_int_equal(act_change_set(&c, AF_DUE, "31/12/2026", NULL), -1);
	assert_int_equal(act_change_set(&c, AF_DUE, "31/12/2026", "%d/%m/%Y"), 0);
	assert_string_equal(c.value[AF_DUE], "2026-12-31");
	assert_int_equal(act_change_set(&c, AF_STATUS, "done", NULL), 0);
	assert_int_equal(act_change_set(&c, AF_STATUS, "finished", NULL), -1);
	assert_int_equal(act_change_set(&c, (enum act_field)AF_COUNT, "x", NULL), -1);
	act_change_free(&c);
}

/* The CSV report's columns: the published ones, in their order; a field of the table that is not published comes after them. */
static void
csv_columns(void **state)
{
	static const char *const published[] = {
		"strategy", "number", "ref", "focus_area", "goal", "title", "responsible", "contact",
		"start", "due", "status", "status_label", "progress", "overdue", "comment",
		"changed_by", "changed_at"
	};
	const size_t npub = sizeof published / sizeof *published;
	const struct csv_column *cols;
	size_t n = model_csv_columns(&cols), extra = 0;
	int listed[AF_COUNT] = { 0 };

	(void)state;
	assert_true(n >= npub);
	for (size_t i = 0; i < npub; i++) {
		assert_string_equal(cols[i].name, published[i]);
		if (cols[i].field >= 0)
			listed[cols[i].field] = 1;
	}
	for (int f = 0; f < AF_COUNT; f++)
		if (!listed[f] && !(model_activity_fields[f].flags & FF_NO_CSV))
			extra++;
	assert_int_equal(n, npub + extra);
	for (size_t i = npub; i < n; i++)
		assert_string_equal(cols[i].name, model_activity_fields[cols[i].field].key);
	assert_int_equal(model_csv_columns(&cols), n);
}

/* Pane 4's detail: its lines run 1, 2, 3... in the table; the title is the heading, not a line. */
static void
detail_lines(void **state)
{
	enum act_field f[AF_COUNT];
	size_t n = model_activity_detail(AK_ACTIVITY, f);
	int lines = 0;

	(void)state;
	for (int i = 0; i < AF_COUNT; i++)
		lines += model_activity_fields[i].detail > 0 && model_activity_fits(AK_ACTIVITY, (enum act_field)i);
	assert_int_equal(n, lines);
	assert_int_equal(model_activity_fields[AF_TITLE].detail, 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(model_activity_fields[f[i]].detail, (int)i + 1);
	assert_int_equal(f[0], AF_STATUS);
	/* A commitment's detail: its assessment and date where an activity's status and progress are. */
	n = model_activity_detail(AK_COMMITMENT, f);
	assert_int_equal(f[0], AF_ASSESSMENT);
	assert_int_equal(f[1], AF_ASSESSED);
	for (size_t i = 0; i < n; i++)
		assert_true(model_activity_fits(AK_COMMITMENT, f[i]));
}

static void
expect_shown(const struct plan *p, const struct activity *a, enum act_field f, const char *fmt, const char *want)
{
	char *v = model_activity_shown(p, a, f, fmt);

	assert_string_equal(v, want);
	free(v);
}

/* A field for people: on screen (dates in the configured format, status and percent decorated) and in the CSV. */
static void
shown_values(void **state)
{
	struct plan p;
	struct activity a = {
		.id = 9, .title = "Nio", .focus_id = 1, .goal_id = 2, .status = ST_IN_PROGRESS,
		.progress = 40, .start = "2019-12-01", .due = "2020-01-02"
	};

	(void)state;
	assert_int_equal(model_load_outline(db, "s", &p), 0);
	expect_shown(&p, &a, AF_STATUS, "%d.%m.%Y", "> In progress * overdue");
	expect_shown(&p, &a, AF_STATUS, NULL, "in_progress");
	expect_shown(&p, &a, AF_PROGRESS, "%d.%m.%Y", "40 %");
	expect_shown(&p, &a, AF_PROGRESS, NULL, "40");
	expect_shown(&p, &a, AF_DUE, "%d.%m.%Y", "02.01.2020");
	expect_shown(&p, &a, AF_DUE, NULL, "2020-01-02");
	expect_shown(&p, &a, AF_FOCUS, "%d.%m.%Y", "Arbete");
	expect_shown(&p, &a, AF_GOAL, NULL, "Del");
	expect_shown(&p, &a, AF_CONTACT, "%d.%m.%Y", "");
	expect_shown(&p, &a, AF_TITLE, NULL, "Nio");
	a.status = ST_DONE;
	expect_shown(&p, &a, AF_STATUS, "%d.%m.%Y", "+ Done");
	model_free_plan(&p);
}

/*
 * The comparison areas' values are loaded apart from the municipality's:
 * "latest" and progress never see them, and they read back by series.
 */
static void
series_kept_apart(void **state)
{
	struct plan p;
	const struct indicator *ind;
	const struct measurement *m;
	char *cmp;

	(void)state;
	exec("BEGIN;"
	     "INSERT INTO measurement (indicator_id, series, period, period_key, sex, value, entered_by, entered_at)"
	     " VALUES (1, 'municipality', '2013', 20130000, 'T', 8.5, 't', 'now'),"
	     " (1, 'county', '2013', 20130000, 'T', 10, 't', 'now'),"
	     " (1, 'country', '2014', 20140000, 'T', 17, 't', 'now'),"
	     " (1, 'country', '2013', 20130000, 'T', 16, 't', 'now');");
	assert_int_equal(model_load_outline(db, "s", &p), 0);
	ind = &p.inds[0];
	assert_int_equal(ind->nvalues, 1);
	assert_int_equal(ind->ncomparisons, 3);
	m = indicator_latest(ind, SEX_T);
	assert_non_null(m);
	assert_true(m->value == 8.5);
	assert_string_equal(m->period, "2013");
	/* County first, then the country, each by period. */
	assert_int_equal(ind->comparisons[0].series, SERIES_COUNTY);
	assert_int_equal(ind->comparisons[1].series, SERIES_COUNTRY);
	assert_string_equal(ind->comparisons[1].period, "2013");
	/* Beside the value: the latest period that has a comparison, only its values. */
	cmp = indicator_comparisons(ind);
	assert_string_equal(cmp, "country 17 (2014)");
	free(cmp);
	model_free_plan(&p);
	exec("ROLLBACK;");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_agree),
		cmocka_unit_test(multiline_fields),
		cmocka_unit_test(kinds_agree),
		cmocka_unit_test(field_list),
		cmocka_unit_test(every_field_round_trips),
		cmocka_unit_test(checked_by_type),
		cmocka_unit_test(csv_columns),
		cmocka_unit_test(item_text),
		cmocka_unit_test(detail_lines),
		cmocka_unit_test(shown_values),
		cmocka_unit_test(series_kept_apart),
	};
	int rc;

	/* English messages whatever the locale: the catalogue is not bound here. */
	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	if (!mkdtemp(dir))
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/f.db", dir);
	rc = cmocka_run_group_tests(tests, setup, teardown);
	unlink(dbpath);
	{
		char *wal = xasprintf("%s-wal", dbpath), *shm = xasprintf("%s-shm", dbpath);

		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
	}
	rmdir(dir);
	return rc;
}
