/* SPDX-License-Identifier: GPL-3.0-or-later */
/* activity.c: changing activities: validation, no lost updates, the change log, undo. Shared by `styrkort set` and the dashboard. */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "activity.h"
#include "changelog.h"
#include "numbering.h"
#include "text.h"
#include "util.h"

static const struct field_def *const fields = model_activity_fields;

/* The current values as text, in table order, with focus and goal as keys; then what follows. */
#define CURRENT_TEXT(column) "a." column ", "
#define CURRENT_DATE(column) CURRENT_TEXT(column)
#define CURRENT_FOCUS(column) "f.key, "
#define CURRENT_GOAL(column) "g.key, "
#define CURRENT_STATUS(column) CURRENT_TEXT(column)
#define CURRENT_PERCENT(column) CURRENT_TEXT(column)
#define CURRENT_ACT_KIND(column) "CASE WHEN a." column " = 'commitment' THEN 'commitment' ELSE '' END, "
#define CURRENT_ASSESSMENT(column) "coalesce(a." column ", 'not_assessed'), "
#define CURRENT_BOOL(column) "CASE WHEN a." column " THEN 'yes' ELSE '' END, "
#define CURRENT_(ID, key, member, column, type, label, flags, lo, hi, form, detail) CURRENT_##type(column)
#define CURRENT_SQL \
	"SELECT " ACTIVITY_FIELDS(CURRENT_) "a.version, a.strategy_id, a.ref, a.position" \
	" FROM activity a LEFT JOIN focus_area f ON f.id = a.focus_id" \
	" LEFT JOIN goal g ON g.id = a.goal_id WHERE a.id = ?"
enum { CUR_VERSION = AF_COUNT, CUR_STRATEGY, CUR_REF, CUR_POSITION };

const char *
act_field_name(enum act_field f)
{
	return f < AF_COUNT ? fields[f].key : "?";
}

int
act_field_from_name(const char *name)
{
	return model_activity_field(name);
}

void
act_change_free(struct act_change *c)
{
	for (int i = 0; i < AF_COUNT; i++) {
		free(c->value[i]);
		c->value[i] = NULL;
	}
}

/* A text field: what text_check() allows, line breaks only where the field has several lines. */
static int
check_text(enum act_field f, const char *value)
{
	char why[256];

	if (text_check(value, (fields[f].flags & FF_MULTILINE) != 0, NULL, why, sizeof why) < 0) {
		err_set("%s: %s", fields[f].key, why);
		return -1;
	}
	return 0;
}

/*
 * A date typed in the configured format or ISO, as ISO at the precision
 * typed (a year, a month or a day); -1 with err_set() if it is not one.
 */
static int
canon_date(enum act_field f, const char *value, const char *date_format, char **canon)
{
	char iso[16], day[32], month[32];

	if (!*value) {
		*canon = xstrdup("");
		return 0;
	}
	if (parse_user_date(value, date_format, iso) > 0) {
		*canon = xstrdup(iso);
		return 0;
	}
	format_date(day, sizeof day, "2026-12-31", date_format);
	format_date(month, sizeof month, "2026-12", date_format);
	if (strcmp(day, "2026-12-31") == 0 && strcmp(month, "2026-12") == 0)
		err_set(_("%s = %s: not a date; write a day as %s, a month as %s or a year as 2026"),
		        fields[f].key, value, day, month);
	else
		err_set(_("%s = %s: not a date; write a day as %s (or 2026-12-31), a month as %s (or 2026-12) "
		          "or a year as 2026"), fields[f].key, value, day, month);
	return -1;
}

/* A whole number from lo to hi, a '%' after it allowed. */
static int
canon_percent(enum act_field f, const char *value, char **canon)
{
	char *t = xstrdup(value);
	size_t len = strlen(t);
	long n;

	while (len > 0 && (t[len - 1] == '%' || t[len - 1] == ' '))
		t[--len] = '\0';
	if (parse_int(t, fields[f].lo, fields[f].hi, &n) < 0) {
		char *why = xasprintf(_("expected a whole number from %ld to %ld"), (long)fields[f].lo, (long)fields[f].hi);

		err_set("%s = %s: %s", fields[f].key, value, why);
		free(why);
		free(t);
		return -1;
	}
	free(t);
	*canon = xasprintf("%ld", n);
	return 0;
}

/* A text field as typed; a required one must hold more than spaces. */
static int
canon_text(enum act_field f, const char *value, char **canon)
{
	if (check_text(f, value) < 0)
		return -1;
	if (fields[f].flags & FF_REQUIRED) {
		while (isspace((unsigned char)*value))
			value++;
		if (!*value) {
			if (f == AF_TITLE)
				err_set(_("title: an activity needs a title"));
			else
				err_set("%s: %s", fields[f].key, _("must not be empty"));
			return -1;
		}
	}
	*canon = xstrdup(value);
	return 0;
}

/* Words as a message lists them for people: "A, B, C or D" (a new string). */
static char *
join_or(const char *const *words, int n)
{
	struct buf b;
	char *s;

	buf_init(&b);
	for (int i = 0; i < n - 1; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", words[i]);
	s = n > 1 ? xasprintf(_("%s or %s"), b.s, words[n - 1]) : xstrdup(n ? words[0] : "");
	buf_free(&b);
	return s;
}

/* "status = x: expected Not started, ...": the labels people read, in the UI language, never the ids. */
static void
expected_labels(const char *key, const char *value, const char *const *labels, int n)
{
	char *list = join_or(labels, n);

	err_set(_("%s = %s: expected %s"), key, value, list);
	free(list);
}

static void
expected_status(const char *value)
{
	const char *labels[ST_COUNT];

	for (int i = 0; i < ST_COUNT; i++)
		labels[i] = status_label((enum status)i);
	expected_labels("status", value, labels, ST_COUNT);
}

static void
expected_assessment(const char *value)
{
	const char *labels[AS_COUNT];

	for (int i = 0; i < AS_COUNT; i++)
		labels[i] = assessment_label(assessment_order[i]);
	expected_labels("assessment", value, labels, AS_COUNT);
}

/* A status, a kind or an assessment: its id (a status or an assessment also by its label). */
static int
canon_named(enum act_field f, const char *value, char **canon)
{
	int s;

	switch (fields[f].type) {
	case FT_STATUS:
		if ((s = status_from_text(value)) >= 0) {
			*canon = xstrdup(status_id(s));
			return 0;
		}
		expected_status(value);
		return -1;
	case FT_ACT_KIND:
		if ((s = act_kind_from_id(value)) >= 0) {
			/* Nothing for an activity, the default, as model_activity_text() gives it. */
			*canon = xstrdup(s == AK_ACTIVITY ? "" : act_kind_id(s));
			return 0;
		}
		err_set(_("kind = %s: expected activity or commitment"), value);
		return -1;
	default:
		if ((s = assessment_from_text(value)) >= 0) {
			*canon = xstrdup(assessment_id(s));
			return 0;
		}
		expected_assessment(value);
		return -1;
	}
}

int
act_change_set(struct act_change *c, enum act_field f, const char *value, const char *date_format)
{
	char *canon = NULL;
	int s, rc = 0;

	if ((unsigned)f >= AF_COUNT) {
		err_set(_("unknown field"));
		return -1;
	}
	switch (fields[f].type) {
	case FT_TEXT:
		rc = canon_text(f, value, &canon);
		break;
	case FT_FOCUS:
	case FT_GOAL:
		if (*value && parse_slug(value) < 0) {
			err_set(_("%s = %s: expected the id of a %s (as in 'styrkort export'), or nothing"),
			        fields[f].key, value, fields[f].type == FT_FOCUS ? _("focus area") : _("goal"));
			return -1;
		}
		canon = xstrdup(value);
		break;
	case FT_DATE:
		rc = canon_date(f, value, date_format, &canon);
		break;
	case FT_STATUS:
	case FT_ACT_KIND:
	case FT_ASSESSMENT:
		rc = canon_named(f, value, &canon);
		break;
	case FT_PERCENT:
		rc = canon_percent(f, value, &canon);
		break;
	case FT_BOOL:
		if (*value && parse_bool(value, &s) < 0) {
			err_set(_("%s = %s: expected yes or no"), fields[f].key, value);
			return -1;
		}
		canon = xstrdup(*value && s ? "yes" : "");
		break;
	default:
		/* A type activities do not have yet: give it a case here and a member type in model.h. */
		err_set(_("unknown field"));
		return -1;
	}
	if (rc < 0)
		return -1;
	free(c->value[f]);
	c->value[f] = canon;
	return 0;
}

/* The current values of an activity as text (NULL-free), its version and strategy. */
struct current {
	char *v[AF_COUNT];
	int64_t version;
	char *strategy_id, *ref;
	int position;
};

static void
current_free(struct current *cur)
{
	for (int i = 0; i < AF_COUNT; i++)
		free(cur->v[i]);
	free(cur->strategy_id);
	free(cur->ref);
	memset(cur, 0, sizeof *cur);
}

static int
current_read(struct db *db, int64_t id, struct current *cur)
{
	sqlite3_stmt *st = db_prepare(db, CURRENT_SQL);
	int rc;

	memset(cur, 0, sizeof *cur);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int kind = act_kind_from_id(db_text(st, AF_KIND));

		/* A field the item does not have reads as "", as model_activity_text() gives it. */
		for (int i = 0; i < AF_COUNT; i++)
			cur->v[i] = xstrdup(model_activity_fits(kind < 0 ? AK_ACTIVITY : kind, i) ? db_text(st, i) : "");
		cur->version = sqlite3_column_int64(st, CUR_VERSION);
		cur->strategy_id = xstrdup(db_text(st, CUR_STRATEGY));
		cur->ref = xstrdup(db_text(st, CUR_REF));
		cur->position = sqlite3_column_int(st, CUR_POSITION);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		/* The caller found it by its number a moment ago (id is internal: never shown). */
		err_set(_("the activity was deleted meanwhile by someone else; nothing was changed"));
		return 0;
	}
	db_error(db);
	return -1;
}

int
activity_get(struct db *db, int64_t id, struct activity *a, char **strategy_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " MODEL_ACTIVITY_COLUMNS ", strategy_id FROM activity WHERE id = ?");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		model_read_activity(st, a);
		if (strategy_id)
			*strategy_id = db_strdup(st, MODEL_ACTIVITY_NCOLUMNS);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		err_set(_("activity %lld: no such activity"), (long long)id);
		return 0;
	}
	db_error(db);
	return -1;
}

/* A focus area's or goal's id from its key in the strategy; 0 for "". */
static int
key_to_id(struct db *db, const char *strategy_id, enum act_field f, const char *key, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (!*key)
		return 0;
	st = db_prepare(db, fields[f].type == FT_FOCUS ? "SELECT id FROM focus_area WHERE strategy_id = ? AND key = ?"
	                                  : "SELECT id FROM goal WHERE strategy_id = ? AND key = ?");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		err_set(_("%s = %s: the strategy '%s' has no such %s"), fields[f].key, key, strategy_id,
		        fields[f].type == FT_FOCUS ? _("focus area") : _("goal"));
		return rc == SQLITE_DONE ? -2 : -1;
	}
	return 0;
}

/* Write one field's new value (canonical text) into the row. */
static int
write_field(struct db *db, int64_t id, const char *strategy_id, enum act_field f, const char *value)
{
	char *sql = xasprintf("UPDATE activity SET %s = ? WHERE id = ?", fields[f].column);
	sqlite3_stmt *st = db_prepare(db, sql);
	int64_t ref_id;

	free(sql);
	if (!st)
		return -1;
	if (fields[f].type == FT_FOCUS || fields[f].type == FT_GOAL) {
		int rc = key_to_id(db, strategy_id, f, value, &ref_id);

		if (rc < 0) {
			sqlite3_finalize(st);
			return rc;
		}
		if (ref_id)
			sqlite3_bind_int64(st, 1, ref_id);
		else
			sqlite3_bind_null(st, 1);
	} else if (fields[f].type == FT_PERCENT) {
		sqlite3_bind_int(st, 1, atoi(value));
	} else if (fields[f].type == FT_BOOL) {
		sqlite3_bind_int(st, 1, strcmp(value, "yes") == 0);
	} else if (fields[f].type == FT_STATUS || fields[f].type == FT_ACT_KIND) {
		/* NOT NULL columns; a status is cleared (a commitment has none) to the column's default. */
		sqlite3_bind_text(st, 1, *value ? value : fields[f].type == FT_STATUS ? "not_started" : "activity",
		                  -1, SQLITE_TRANSIENT);
	} else if (fields[f].type == FT_ASSESSMENT && strcmp(value, "not_assessed") == 0) {
		/* None recorded. */
		sqlite3_bind_null(st, 1);
	} else if (fields[f].flags & FF_REQUIRED) {
		/* Columns that are NOT NULL. */
		sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
	} else {
		db_bind_text_or_null(st, 1, value);
	}
	sqlite3_bind_int64(st, 2, id);
	return db_exec_stmt(db, st);
}

static int
touch(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE activity SET changed_by = ?, changed_at = ?, version = version + 1 WHERE id = ?");
	char now[21];

	if (!st)
		return -1;
	now_iso(now);
	sqlite3_bind_text(st, 1, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, id);
	return db_exec_stmt(db, st);
}

/* The start must not be after the due date, once both are known. */
static int
check_dates(const char *start, const char *due)
{
	if (start && *start && due && *due && date_before(due, start)) {
		err_set(_("due = %s: the due date is before the start date %s"), due, start);
		return -1;
	}
	return 0;
}

/* A field given that the kind (an id) does not have: -1 with err_set() saying what the item has instead. */
static int
check_fits(const char *kind, enum act_field f, const char *value)
{
	int k = act_kind_from_id(kind);

	if (!value || !*value || model_activity_fits(k < 0 ? AK_ACTIVITY : k, f))
		return 0;
	if (k == AK_COMMITMENT)
		err_set(_("%s = %s: a commitment has no status, progress or dates; it is followed up by an "
		          "assessment: assessment=fulfilled, partly, not_fulfilled or not_assessed"), fields[f].key, value);
	else
		err_set(_("%s = %s: only a commitment is assessed; this is a time-bound activity, followed up by "
		          "status and progress (to make it a commitment, give kind=commitment too)"), fields[f].key, value);
	return -1;
}

/*
 * The new values fitted to the new kind: a field the kind does not have
 * may not be given and is cleared (a kind that changes takes them with
 * it); an assessment that changes is dated today unless a date is given
 * (none for not assessed), except when an undo puts things back.
 */
static int
fit_kind(const struct act_change *c, const char *newv[AF_COUNT], const char *const old[AF_COUNT],
         int undo, char today[11])
{
	int k = act_kind_from_id(newv[AF_KIND]);

	for (int i = 0; i < AF_COUNT; i++) {
		if (check_fits(newv[AF_KIND], i, c->value[i]) < 0)
			return -1;
		if (!model_activity_fits(k < 0 ? AK_ACTIVITY : k, i))
			newv[i] = "";
	}
	if (!undo && c->value[AF_ASSESSMENT] && !c->value[AF_ASSESSED] &&
	    strcmp(newv[AF_ASSESSMENT], old[AF_ASSESSMENT]) != 0) {
		today_iso(today);
		newv[AF_ASSESSED] = strcmp(newv[AF_ASSESSMENT], "not_assessed") ? today : "";
	}
	return 0;
}

/* Apply changes inside an open transaction; the caller commits. */
static enum act_result
apply_locked(struct db *db, int64_t id, const struct act_change *c, int64_t expected_version,
             const char *comment, struct current *cur, int64_t undoes)
{
	const char *newv[AF_COUNT];
	int changed = 0;
	char hundred[] = "100", today[11];

	if (current_read(db, id, cur) != 1)
		return ACTIVITY_ERROR;
	if (expected_version && cur->version != expected_version)
		return ACTIVITY_CONFLICT;
	for (int i = 0; i < AF_COUNT; i++)
		newv[i] = c->value[i] ? c->value[i] : cur->v[i];
	/* Done means done: 100 % unless the user said otherwise. */
	if (c->value[AF_STATUS] && strcmp(c->value[AF_STATUS], "done") == 0 && !c->value[AF_PROGRESS])
		newv[AF_PROGRESS] = hundred;
	if (fit_kind(c, newv, (const char *const *)cur->v, undoes != 0, today) < 0 ||
	    check_dates(newv[AF_START], newv[AF_DUE]) < 0)
		return ACTIVITY_INVALID;
	db->batch.undoes = undoes;
	for (int i = 0; i < AF_COUNT; i++) {
		int wr;

		if (strcmp(newv[i], cur->v[i]) == 0)
			continue;
		if ((wr = write_field(db, id, cur->strategy_id, i, newv[i])) == -2)
			return ACTIVITY_INVALID;
		if (wr < 0 ||
		    changelog_add(db, cur->strategy_id, "activity", id, i == AF_TITLE ? newv[i] : cur->v[AF_TITLE],
		                  fields[i].key, *cur->v[i] ? cur->v[i] : NULL, newv[i], comment) < 0)
			return ACTIVITY_ERROR;
		changed = 1;
	}
	if (changed && touch(db, id) < 0)
		return ACTIVITY_ERROR;
	return ACTIVITY_OK;
}

enum act_result
activity_apply(struct db *db, int64_t id, const struct act_change *c, int64_t expected_version,
               const char *comment, struct activity *current)
{
	struct current cur;
	enum act_result rc;

	if (db_write_begin(db, 0) < 0)
		return ACTIVITY_ERROR;
	rc = apply_locked(db, id, c, expected_version, comment, &cur, 0);
	current_free(&cur);
	if (rc != ACTIVITY_OK) {
		db_rollback(db);
		if (rc == ACTIVITY_CONFLICT && current)
			activity_get(db, id, current, NULL);
		return rc;
	}
	return db_commit(db) < 0 ? ACTIVITY_ERROR : ACTIVITY_OK;
}

/*
 * A new activity's internal id: never one the change log has seen, so that
 * a deleted activity's history and its undo stay its own.
 */
#define NEW_ID_SQL \
	"(SELECT coalesce(max(m), 0) + 1 FROM (SELECT max(id) AS m FROM activity" \
	" UNION ALL SELECT max(item_id) FROM change_log WHERE kind = 'activity'))"

/*
 * The row itself, with the given id and number (0: a new one; a number
 * taken meanwhile: the next) and ref (NULL or taken meanwhile: a temporary
 * one); -1 with err_set().  A NULL number is given the next one by the
 * table's trigger.
 */
static int
insert_row(struct db *db, const char *strategy_id, const int64_t want[2], const char *ref, const char *title,
           int64_t *id)
{
	char now[21];
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO activity (id, number, strategy_id, ref, position, title, changed_by, changed_at)"
		" VALUES (coalesce(?1, " NEW_ID_SQL "), (SELECT ?7 WHERE NOT EXISTS (SELECT 1 FROM activity WHERE strategy_id = ?2 AND number = ?7)),"
		" ?2, coalesce((SELECT ?3 WHERE NOT EXISTS (SELECT 1 FROM activity WHERE strategy_id = ?2 AND ref = ?3)),"
		" char(1) || 'new'), (SELECT coalesce(max(position), -1) + 1 FROM activity WHERE strategy_id = ?2),"
		" ?4, ?5, ?6) RETURNING id");

	if (!st)
		return -1;
	now_iso(now);
	for (int i = 0; i < 2; i++)
		if (want[i])
			sqlite3_bind_int64(st, i ? 7 : 1, want[i]);
		else
			sqlite3_bind_null(st, i ? 7 : 1);
	sqlite3_bind_text(st, 2, strategy_id, -1, SQLITE_STATIC);
	/* Else a temporary ref, unique: the number is not known yet. */
	db_bind_text_or_null(st, 3, ref);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(db);
		sqlite3_finalize(st);
		return -1;
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* A new activity (its temporary ref) is keyed in INI files as a<number> (a<number>-<id> if that is taken). */
static int
set_new_ref(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE activity SET ref = 'a' || number || CASE WHEN EXISTS"
	                                  " (SELECT 1 FROM activity b WHERE b.strategy_id = activity.strategy_id"
	                                  " AND b.ref = 'a' || activity.number) THEN '-' || id ELSE '' END"
	                                  " WHERE id = ?1 AND ref = char(1) || 'new'");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st) < 0 ? -1 : 0;
}

/* A new activity's fields other than the title, logged in the batch of its creation. */
static enum act_result
set_new_fields(struct db *db, const char *strategy_id, int64_t id, const struct act_change *c,
               const char *comment)
{
	const char *title = c->value[AF_TITLE];
	struct act_change rest = *c;
	struct current cur;
	enum act_result rc = ACTIVITY_OK;

	rest.value[AF_TITLE] = NULL;
	memset(&cur, 0, sizeof cur);
	for (int i = 0; i < AF_COUNT; i++)
		if (check_fits(c->value[AF_KIND] ? c->value[AF_KIND] : "activity", i, c->value[i]) < 0)
			return ACTIVITY_INVALID;
	if (current_read(db, id, &cur) != 1) {
		current_free(&cur);
		return ACTIVITY_ERROR;
	}
	for (int i = 0; i < AF_COUNT && rc == ACTIVITY_OK; i++) {
		if (!rest.value[i] || strcmp(rest.value[i], cur.v[i]) == 0)
			continue;
		int wr = write_field(db, id, strategy_id, i, rest.value[i]);

		if (wr == -2)
			rc = ACTIVITY_INVALID;
		else if (wr < 0 || changelog_add(db, strategy_id, "activity", id, title, fields[i].key,
		                                 *cur.v[i] ? cur.v[i] : NULL, rest.value[i], comment) < 0)
			rc = ACTIVITY_ERROR;
	}
	if (rc == ACTIVITY_OK && check_dates(rest.value[AF_START], rest.value[AF_DUE]) < 0)
		rc = ACTIVITY_INVALID;
	current_free(&cur);
	return rc;
}

/* Insert a row with the given id and number (0: a new one), then set its fields. */
static enum act_result
insert_locked(struct db *db, const char *strategy_id, const int64_t want[2], const char *ref,
              const struct act_change *c, const char *comment, int64_t *id, int64_t undoes)
{
	char *title = c->value[AF_TITLE];

	if (!title || !*title) {
		err_set(_("title: an activity needs a title"));
		return ACTIVITY_ERROR;
	}
	if (insert_row(db, strategy_id, want, ref, title, id) < 0)
		return ACTIVITY_ERROR;
	if (set_new_ref(db, *id) < 0)
		return ACTIVITY_ERROR;
	db->batch.undoes = undoes;
	if (changelog_add(db, strategy_id, "activity", *id, title, "created", NULL, title, comment) < 0)
		return ACTIVITY_ERROR;
	return set_new_fields(db, strategy_id, *id, c, comment);
}

enum act_result
activity_add(struct db *db, const char *strategy_id, const struct act_change *c,
             const char *comment, int64_t *id)
{
	enum act_result rc;
	const int64_t fresh[2] = { 0, 0 };

	if (db_write_begin(db, 0) < 0)
		return ACTIVITY_ERROR;
	rc = insert_locked(db, strategy_id, fresh, NULL, c, comment, id, 0);
	if (rc != ACTIVITY_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db) < 0 ? ACTIVITY_ERROR : ACTIVITY_OK;
}

/* Delete inside an open transaction: log every field, then the row. */
static enum act_result
delete_locked(struct db *db, int64_t id, int64_t expected_version, const char *comment, int64_t undoes)
{
	struct current cur;
	sqlite3_stmt *st;
	enum act_result rc = ACTIVITY_ERROR;
	char number[24];

	if (current_read(db, id, &cur) != 1)
		goto out;
	if (expected_version && cur.version != expected_version) {
		rc = ACTIVITY_CONFLICT;
		goto out;
	}
	db->batch.undoes = undoes;
	if (changelog_add(db, cur.strategy_id, "activity", id, cur.v[AF_TITLE], "deleted", cur.ref, NULL, comment) < 0)
		goto out;
	/* Its number, for the log and for undo: the row that held it is gone. */
	snprintf(number, sizeof number, "%lld", (long long)activity_number(db, id));
	if (changelog_add(db, cur.strategy_id, "activity", id, cur.v[AF_TITLE], "number", number, NULL, comment) < 0)
		goto out;
	for (int i = 0; i < AF_COUNT; i++)
		if (*cur.v[i] && changelog_add(db, cur.strategy_id, "activity", id, cur.v[AF_TITLE],
		                               fields[i].key, cur.v[i], NULL, comment) < 0)
			goto out;
	st = db_prepare(db, "DELETE FROM activity WHERE id = ?");
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		goto out;
	rc = ACTIVITY_OK;
out:
	current_free(&cur);
	return rc;
}

enum act_result
activity_delete(struct db *db, int64_t id, int64_t expected_version, const char *comment)
{
	enum act_result rc;

	if (db_write_begin(db, 0) < 0)
		return ACTIVITY_ERROR;
	rc = delete_locked(db, id, expected_version, comment, 0);
	if (rc != ACTIVITY_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db) < 0 ? ACTIVITY_ERROR : ACTIVITY_OK;
}

/* The rows of one batch. */
struct batch_row {
	int64_t item_id;
	char *item, *field, *old, *new_value;
};

static void
batch_free(struct batch_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].item);
		free(rows[i].field);
		free(rows[i].old);
		free(rows[i].new_value);
	}
	free(rows);
}

/* The user's latest activity batch that is neither an undo nor undone since; -1 with err_set() if none. */
static int
undo_batch(struct db *db, const char *strategy_id, int64_t *batch)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT batch FROM change_log c WHERE who = ?1 AND strategy_id = ?2 AND +kind = 'activity'"
		" AND undoes IS NULL AND batch > 0"
		" AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.batch)"
		" ORDER BY batch DESC LIMIT 1");

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, strategy_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		err_set(_("undo: you have made no change to undo in this strategy"));
		return -1;
	}
	*batch = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* The batch's change-log lines in order (*rows, free with batch_free); how many, 0 on error. */
static size_t
batch_read(struct db *db, int64_t batch, struct batch_row **rows)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT item_id, item, field, old, new FROM change_log WHERE batch = ? ORDER BY id");
	size_t n = 0;

	*rows = NULL;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, batch);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*rows = xrealloc(*rows, (n + 1) * sizeof **rows);
		(*rows)[n].item_id = sqlite3_column_int64(st, 0);
		(*rows)[n].item = db_strdup(st, 1);
		(*rows)[n].field = db_strdup(st, 2);
		(*rows)[n].old = db_strdup(st, 3);
		(*rows)[n].new_value = db_strdup(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/* Undo a deletion: the activity comes back with its number and the fields it had. */
static enum act_result
undo_delete(struct db *db, const char *strategy_id, const struct batch_row *rows, size_t n,
            const char *comment, int64_t batch)
{
	struct act_change c = { 0 };
	enum act_result rc;
	int64_t id, want[2] = { rows[0].item_id, 0 };
	long number;

	for (size_t i = 1; i < n; i++) {
		int f = act_field_from_name(rows[i].field);

		if (f >= 0 && rows[i].old)
			c.value[f] = xstrdup(rows[i].old);
		else if (strcmp(rows[i].field, "number") == 0 && rows[i].old && parse_int(rows[i].old, 1, LONG_MAX, &number) == 0)
			want[1] = number;
	}
	rc = insert_locked(db, strategy_id, want, rows[0].old, &c, comment, &id, batch);
	act_change_free(&c);
	return rc;
}

/* The fields of a batch as people name them: "Status, Progress". */
static char *
fields_named(const struct batch_row *rows, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		struct change c = { .kind = (char *)"activity", .field = rows[i].field };

		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, changelog_field_label(&c));
	}
	return buf_steal(&b);
}

/* Undo a change of fields: only if nobody changed those fields since, else they are theirs now. */
static enum act_result
undo_change(struct db *db, const struct batch_row *rows, size_t n, const char *comment, int64_t batch,
            char **what)
{
	struct act_change c = { 0 };
	struct current cur;
	int64_t id = rows[0].item_id;
	enum act_result rc = ACTIVITY_ERROR;

	if (current_read(db, id, &cur) != 1) {
		current_free(&cur);
		return ACTIVITY_ERROR;
	}
	for (size_t i = 0; i < n && rc != ACTIVITY_CONFLICT; i++) {
		int f = act_field_from_name(rows[i].field);

		if (f < 0)
			continue;
		if (strcmp(cur.v[f], rows[i].new_value ? rows[i].new_value : "") != 0) {
			err_set(_("undo: #%lld %s was changed by someone else since; change it back by hand"),
			        (long long)activity_number(db, id), rows[i].field);
			rc = ACTIVITY_CONFLICT;
		}
		c.value[f] = xstrdup(rows[i].old ? rows[i].old : "");
	}
	current_free(&cur);
	if (rc != ACTIVITY_CONFLICT) {
		rc = apply_locked(db, id, &c, 0, comment, &cur, batch);
		current_free(&cur);
		if (what) {
			char *named = fields_named(rows, n);

			*what = xasprintf(_("undid your change of #%lld %s"), (long long)activity_number(db, id), named);
			free(named);
		}
	}
	act_change_free(&c);
	return rc;
}

/* 1 if someone (this user in another window) undid BATCH meanwhile, with err_set(); 0 if not, -1 on error. */
static int
undone_since(struct db *db, int64_t batch)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM change_log WHERE undoes = ?1");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, batch);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		err_set(_("undo: that change was undone in another window meanwhile; press u again for the one before"));
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Revert BATCH (its change-log ROWS, read before the write began) in the open write. */
static enum act_result
undo_locked(struct db *db, const char *strategy_id, int64_t batch, const struct batch_row *rows, size_t n,
            char **what)
{
	enum act_result rc;
	char *comment;

	if (undone_since(db, batch) != 0)
		return ACTIVITY_ERROR;
	comment = xasprintf(_("undo of %s's change"), user_name());
	if (strcmp(rows[0].field, "created") == 0) {
		int64_t number = activity_number(db, rows[0].item_id);

		rc = delete_locked(db, rows[0].item_id, 0, comment, batch);
		if (what)
			*what = xasprintf(_("removed the activity #%lld you added"), (long long)number);
	} else if (strcmp(rows[0].field, "deleted") == 0) {
		rc = undo_delete(db, strategy_id, rows, n, comment, batch);
		if (what)
			*what = xasprintf(_("brought back the activity #%lld you deleted"),
			                  (long long)activity_number(db, rows[0].item_id));
	} else {
		rc = undo_change(db, rows, n, comment, batch, what);
	}
	free(comment);
	return rc;
}

enum act_result
activity_undo(struct db *db, const char *strategy_id, char **what)
{
	struct batch_row *rows;
	size_t n;
	int64_t batch;
	enum act_result rc;

	if (what)
		*what = NULL;
	/* The look-ups before the write lock: other writers wait only for the writes. */
	if (undo_batch(db, strategy_id, &batch) < 0 || !(n = batch_read(db, batch, &rows)))
		return ACTIVITY_ERROR;
	if (db_write_begin(db, 0) < 0) {
		batch_free(rows, n);
		return ACTIVITY_ERROR;
	}
	rc = undo_locked(db, strategy_id, batch, rows, n, what);
	batch_free(rows, n);
	if (rc != ACTIVITY_OK) {
		db_rollback(db);
		if (what) {
			free(*what);
			*what = NULL;
		}
		return rc;
	}
	return db_commit(db) < 0 ? ACTIVITY_ERROR : ACTIVITY_OK;
}
