/* SPDX-License-Identifier: GPL-3.0-or-later */
/* query.c: the dashboard's windowed reads: activities by filter and sort order, counts, change-log lines. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "text.h"
#include "search.h"
#include "util.h"

void
query_filter_init(struct act_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->focus_id = -1;
	f->goal_id = -1;
}

void
query_filter_free(struct act_filter *f)
{
	free(f->responsible);
	query_filter_init(f);
}

int
query_filter_active(const struct act_filter *f)
{
	return f->status >= 0 || f->focus_id >= 0 || f->responsible || f->overdue;
}

static const char *const sort_labels[SORT_COUNT] = {
	N_("plan order"), N_("due date"), N_("status"), N_("focus area")
};

/* ORDER BY of each sort; every one ends in the plan order so the order is total. */
static const char *const sort_sql[SORT_COUNT] = {
	"position, id",
	/* A year or a month where its period ends: 2013 after 2013-06-30, before 2014-01-01. */
	"coalesce(due_date, '') = '', " DATE_END_SQL("due_date") ", position, id",
	"CASE status WHEN 'delayed' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'not_started' THEN 2"
	" WHEN 'done' THEN 3 ELSE 4 END, position, id",
	"focus_position IS NULL, focus_position, position, id",
};

const char *
query_sort_label(enum act_sort s)
{
	return s < SORT_COUNT ? _(sort_labels[s]) : "?";
}

/*
 * An activity of focus area F (model.c's activity_in_focus()): it names
 * F, or its goal is linked to F; F 0: it belongs to no focus area.
 */
#define FOCUS_MEMBER_SQL(F) \
	"CASE WHEN " F " = 0 THEN focus_id IS NULL AND (goal_id IS NULL OR goal_id NOT IN" \
	" (SELECT goal_id FROM goal_focus)) ELSE focus_id = " F " OR goal_id IN" \
	" (SELECT goal_id FROM goal_focus WHERE goal_focus.focus_id = " F ") END"
/* The filter as fixed SQL with parameters ?1-?7, so each statement is the same text whatever is filtered. */
#define FILTER_SQL \
	" WHERE strategy_id = ?1" \
	" AND (?2 IS NULL OR (status = ?2 AND kind = 'activity'))" \
	" AND (?3 < 0 OR " FOCUS_MEMBER_SQL("?3") ")" \
	" AND (?4 < 0 OR coalesce(goal_id, 0) = ?4)" \
	" AND (?5 IS NULL OR responsible = ?5)" \
	" AND (?6 = 0 OR " MODEL_OVERDUE_SQL("?7") ")"
/* The sort key of SORT_FOCUS, as a column. */
#define FOCUS_POSITION_SQL \
	"(SELECT f.position FROM focus_area f WHERE f.id = activity.focus_id) AS focus_position"

static void
bind_filter(sqlite3_stmt *st, const char *strategy, const struct act_filter *f)
{
	char today[11];

	today_iso(today);
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_TRANSIENT);
	if (f->status >= 0 && f->status < ST_COUNT)
		sqlite3_bind_text(st, 2, status_id((enum status)f->status), -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, f->focus_id);
	sqlite3_bind_int64(st, 4, f->goal_id);
	db_bind_text_or_null(st, 5, f->responsible);
	sqlite3_bind_int(st, 6, f->overdue);
	sqlite3_bind_text(st, 7, today, -1, SQLITE_TRANSIENT);
}

static int
step_failed(struct db *db, sqlite3_stmt *st)
{
	db_error(db);
	sqlite3_finalize(st);
	return -1;
}

int
query_activity_count(struct db *db, const char *strategy, const struct act_filter *f, long *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM activity" FILTER_SQL);

	if (!st)
		return -1;
	bind_filter(st, strategy, f);
	if (sqlite3_step(st) != SQLITE_ROW)
		return step_failed(db, st);
	*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
query_has_commitments(struct db *db, const char *strategy)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM activity WHERE strategy_id = ?"
	                                  " AND kind = 'commitment')");
	int has = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		has = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return has;
}

int64_t
query_max_activity_number(struct db *db, const char *strategy)
{
	/* The last entry of the strategy's part of activity_by_number (strategy_id, number).  Numbers are
	 * the strategy's own, and pane 4 shows only its activities: the file's largest (a look-up per
	 * strategy) made the first visit grow with the number of strategies (issue 14's scaling). */
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(number), 0) FROM activity WHERE strategy_id = ?");
	int64_t id = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/*
 * styrkort_max_width(text): the largest text_width() of a column, as an
 * aggregate (0 without rows).  No character is wider than its bytes (an
 * ASCII byte or a broken one 1, a sequence of 2 to 4 bytes at most 2),
 * so a value no longer in bytes than the widest so far is not measured:
 * 100,000 titles cost a few measurements instead of 100,000.
 */
static void
sql_max_width_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int *max = sqlite3_aggregate_context(ctx, sizeof *max);
	const char *s;

	(void)argc;
	if (!max || sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_bytes(argv[0]) <= *max)
		return;
	if ((s = (const char *)sqlite3_value_text(argv[0]))) {
		int w = text_width(s);

		if (w > *max)
			*max = w;
	}
}

static void
sql_max_width_final(sqlite3_context *ctx)
{
	int *max = sqlite3_aggregate_context(ctx, 0);

	sqlite3_result_int(ctx, max ? *max : 0);
}

int
query_activity_widths(struct db *db, const char *strategy, const struct act_filter *f, struct act_widths *w)
{
	sqlite3_stmt *st;

	memset(w, 0, sizeof *w);
	if (sqlite3_create_function(db->sql, "styrkort_max_width", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                            NULL, NULL, sql_max_width_step, sql_max_width_final) != SQLITE_OK) {
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
		return -1;
	}
	st = db_prepare(db, "SELECT styrkort_max_width(title),"
	                " styrkort_max_width((SELECT name FROM focus_area WHERE focus_area.id = focus_id)),"
	                " styrkort_max_width(responsible),"
	                " coalesce(max(coalesce(due_date, '') <> ''), 0), coalesce(max(kind = 'activity'), 0),"
	                " coalesce(sum(" MODEL_OVERDUE_SQL("?7") "), 0),"
	                /* The most days late: from the earliest period end, one julianday() instead of one a row. */
	                " coalesce(CAST(julianday(?7) - julianday(min(CASE WHEN " MODEL_OVERDUE_SQL("?7")
	                "  AND due_date GLOB '[0-9][0-9][0-9][0-9]*'"
	                "  THEN " DATE_END_SQL("due_date") " END)) AS INTEGER), 0)"
	                " FROM activity" FILTER_SQL);
	if (!st)
		return -1;
	bind_filter(st, strategy, f);
	if (sqlite3_step(st) != SQLITE_ROW)
		return step_failed(db, st);
	w->title = sqlite3_column_int(st, 0);
	w->focus = sqlite3_column_int(st, 1);
	w->responsible = sqlite3_column_int(st, 2);
	w->has_due = sqlite3_column_int(st, 3);
	w->has_activities = sqlite3_column_int(st, 4);
	w->overdue = (long)sqlite3_column_int64(st, 5);
	w->most_days_late = (long)sqlite3_column_int64(st, 6);
	sqlite3_finalize(st);
	return 0;
}

int
query_activities(struct db *db, const char *strategy, const struct act_filter *f,
                 enum act_sort sort, long offset, long limit, struct activity **out, size_t *n)
{
	char *sql = xasprintf("SELECT " MODEL_ACTIVITY_COLUMNS ", " FOCUS_POSITION_SQL
	                      " FROM activity" FILTER_SQL " ORDER BY %s LIMIT ?8 OFFSET ?9",
	                      sort_sql[sort < SORT_COUNT ? sort : SORT_PLAN]);
	sqlite3_stmt *st = db_prepare(db, sql);
	struct activity *rows;
	size_t count = 0;
	int rc = SQLITE_DONE;

	free(sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	if (limit < 0)
		limit = 0;
	if (offset < 0)
		offset = 0;
	bind_filter(st, strategy, f);
	sqlite3_bind_int64(st, 8, limit);
	sqlite3_bind_int64(st, 9, offset);
	rows = xcalloc(limit ? (size_t)limit : 1, sizeof *rows);
	while (count < (size_t)limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		model_read_activity(st, &rows[count++]);
	if (count < (size_t)limit && rc != SQLITE_DONE) {
		query_free_activities(rows, count);
		return step_failed(db, st);
	}
	sqlite3_finalize(st);
	*out = rows;
	*n = count;
	return 0;
}

void
query_free_activities(struct activity *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_free_activity(&a[i]);
	free(a);
}

/* styrkort_match(text, needle): search_match() for SQL. */
static void
sql_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *hay = (const char *)sqlite3_value_text(argv[0]);
	const char *needle = (const char *)sqlite3_value_text(argv[1]);

	(void)argc;
	sqlite3_result_int(ctx, search_match(hay ? hay : "", needle ? needle : ""));
}

/* Step a statement that yields one row number: 0 and *row, 1 if no row, -1 on error; finalises it. */
/* A statement of fmt with the sort's ORDER BY in its %s, the filter bound (?1-?7); NULL on failure. */
static sqlite3_stmt *
prepare_sorted(struct db *db, const char *fmt, enum act_sort sort, const char *strategy,
               const struct act_filter *f)
{
	char *sql = xasprintf(fmt, sort_sql[sort < SORT_COUNT ? sort : SORT_PLAN]);
	sqlite3_stmt *st = db_prepare(db, sql);

	free(sql);
	if (st)
		bind_filter(st, strategy, f);
	return st;
}

static int
row_number(struct db *db, sqlite3_stmt *st, long *row)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*row = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_DONE)
		return step_failed(db, st);
	sqlite3_finalize(st);
	return 1;
}

int
query_activity_find(struct db *db, const char *strategy, const struct act_filter *f,
                    enum act_sort sort, long from, const char *needle, long *row)
{
	sqlite3_stmt *st;

	if (sqlite3_create_function(db->sql, "styrkort_match", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                            NULL, sql_match, NULL, NULL) != SQLITE_OK) {
		db_error(db);
		return -1;
	}
	st = prepare_sorted(db, "SELECT rn FROM (SELECT row_number() OVER (ORDER BY %s) - 1 AS rn, id, title,"
	                    " responsible, focus_id FROM (SELECT *, " FOCUS_POSITION_SQL " FROM activity" FILTER_SQL "))"
	                    " WHERE styrkort_match(id || ' ' || title || ' ' || coalesce(responsible, '') || ' ' ||"
	                    "  coalesce((SELECT name FROM focus_area WHERE focus_area.id = focus_id), ''), ?8)"
	                    " ORDER BY rn < ?9, rn LIMIT 1", sort, strategy, f);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 8, needle, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 9, from);
	return row_number(db, st, row);
}

int
query_activity_row(struct db *db, const char *strategy, const struct act_filter *f,
                   enum act_sort sort, int64_t id, long *row)
{
	sqlite3_stmt *st;

	st = prepare_sorted(db, "SELECT rn FROM (SELECT row_number() OVER (ORDER BY %s) - 1 AS rn, id"
	                    " FROM (SELECT *, " FOCUS_POSITION_SQL " FROM activity" FILTER_SQL "))"
	                    " WHERE id = ?8", sort, strategy, f);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 8, id);
	return row_number(db, st, row);
}

int
query_counts(struct db *db, const char *strategy, const struct act_filter *f, struct act_counts *c)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT kind, status, coalesce(assessment, 'not_assessed'), count(*),"
		" sum(CASE WHEN status = 'done' THEN 100 ELSE progress END),"
		" sum(" MODEL_OVERDUE_SQL("?7") ")"
		" FROM activity" FILTER_SQL " GROUP BY 1, 2, 3");
	double sum = 0;
	long counted = 0;
	int rc;

	memset(c, 0, sizeof *c);
	if (!st)
		return -1;
	bind_filter(st, strategy, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = status_from_id(db_text(st, 1)), as = assessment_from_id(db_text(st, 2));
		long k = (long)sqlite3_column_int64(st, 3);

		/* A commitment is counted by its assessment, beside the activities (progress.h). */
		if (strcmp(db_text(st, 0), "commitment") == 0) {
			c->assessed[as < 0 ? AS_NOT_ASSESSED : as] += k;
			c->commitments += k;
			continue;
		}
		if (s < 0)
			continue;
		c->n[s] += k;
		c->total += k;
		c->overdue += (long)sqlite3_column_int64(st, 5);
		if (s != ST_CANCELLED) {
			counted += k;
			sum += sqlite3_column_double(st, 4);
		}
	}
	if (rc != SQLITE_DONE)
		return step_failed(db, st);
	sqlite3_finalize(st);
	c->known = counted > 0;
	c->pct = counted ? sum / counted : 0;
	return 0;
}

int
query_focus_progress(struct db *db, const char *strategy, int64_t focus_id, struct act_counts *c,
                     struct progress *pr)
{
	struct act_filter f;
	int rc;

	query_filter_init(&f);
	f.focus_id = focus_id;
	rc = query_counts(db, strategy, &f, c);
	if (rc < 0)
		memset(c, 0, sizeof *c);
	*pr = progress_of_counts(c);
	return rc;
}

int
query_responsibles(struct db *db, const char *strategy, char ***out, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT DISTINCT responsible FROM activity WHERE strategy_id = ?"
		" AND coalesce(responsible, '') <> '' ORDER BY responsible LIMIT 500");
	char **list = NULL;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		list = xrealloc(list, (count + 1) * sizeof *list);
		list[count++] = db_strdup(st, 0);
	}
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < count; i++)
			free(list[i]);
		free(list);
		return step_failed(db, st);
	}
	sqlite3_finalize(st);
	*out = list;
	*n = count;
	return 0;
}

int
query_changes(struct db *db, const char *strategy, enum change_scope scope, int64_t id,
              int limit, struct change **out, size_t *n)
{
	static const char *const where[] = {
		[CHANGES_ACTIVITY] = "kind = 'activity' AND item_id = ?2",
		/* The strategy's activities only: without it, every activity of the file is scanned. */
		[CHANGES_FOCUS] = "kind = 'activity' AND item_id IN (SELECT id FROM activity WHERE strategy_id = ?1 AND "
		                  FOCUS_MEMBER_SQL("?2") ")",
		[CHANGES_GOAL] = "kind = 'activity' AND item_id IN (SELECT id FROM activity WHERE goal_id = ?2)",
		[CHANGES_INDICATOR] = "kind = 'measurement' AND item_id = ?2",
		[CHANGES_STRATEGY] = "?2 = ?2",
	};
	char *sql = xasprintf("SELECT at, who, kind, item, field, old, new, comment, item_id, "
	                      CHANGELOG_NUMBER_SQL " FROM change_log"
	                      " WHERE strategy_id = ?1 AND %s ORDER BY id DESC LIMIT ?3", where[scope]);
	sqlite3_stmt *st = db_prepare(db, sql);
	struct change *rows = NULL;
	size_t count = 0;
	int rc;

	free(sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct change *c;

		rows = xrealloc(rows, (count + 1) * sizeof *rows);
		c = &rows[count++];
		c->strategy_id = xstrdup(strategy);
		c->at = db_strdup(st, 0);
		c->who = db_strdup(st, 1);
		c->kind = db_strdup(st, 2);
		c->item = db_strdup(st, 3);
		c->field = db_strdup(st, 4);
		c->old = db_strdup(st, 5);
		c->new_value = db_strdup(st, 6);
		c->comment = db_strdup(st, 7);
		c->item_id = sqlite3_column_int64(st, 8);
		c->number = sqlite3_column_int64(st, 9);
	}
	if (rc != SQLITE_DONE) {
		changelog_free(rows, count);
		return step_failed(db, st);
	}
	sqlite3_finalize(st);
	*out = rows;
	*n = count;
	return 0;
}

int
query_load_outline(struct db *db, const char *strategy, struct plan *p)
{
	return model_load_outline(db, strategy, p);
}
