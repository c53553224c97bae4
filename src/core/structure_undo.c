/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure_undo.c: undo of the user's last change, of the structure (a batch of several items, last first) or of an activity. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "structure.h"
#include "structure_private.h"
#include "util.h"

/* The kind a change-log row names (its word), or KIND_COUNT. */
static enum kind
row_kind(const struct change *r)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (structure_kinds[k].word && strcmp(structure_kinds[k].word, r->kind) == 0)
			return (enum kind)k;
	return KIND_COUNT;
}

/* A deleted indicator's values back, as logged ("value.SERIES.PERIOD.SEX", the number or "none"). */
static int
restore_value(struct db *db, const struct plan *p, const struct item_head *h, const struct change *r,
              const char *comment)
{
	char *spec = xstrdup(r->field + strlen("value.")), *period = strchr(spec, '.'), *sex = strrchr(spec, '.');
	char canon[16], now[21];
	int key, rc = -1;
	double v;
	sqlite3_stmt *st = NULL;

	if (period && sex != period) {
		*period++ = '\0';
		*sex++ = '\0';
		if (parse_period(period, canon, sizeof canon, &key) == 0)
			st = db_prepare(db, "INSERT INTO measurement (indicator_id, series, period, period_key, sex, value,"
			                    " entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	}
	if (!st) {
		free(spec);
		return -1;
	}
	now_iso(now);
	sqlite3_bind_int64(st, 1, h->id);
	sqlite3_bind_text(st, 2, spec, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, canon, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, key);
	sqlite3_bind_text(st, 5, sex, -1, SQLITE_TRANSIENT);
	if (r->old && parse_double(r->old, &v) == 0)
		sqlite3_bind_double(st, 6, v);
	sqlite3_bind_text(st, 7, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
	if (db_exec_stmt(db, st) == 0)
		rc = structure_log_field(db, p, KIND_INDICATOR, h, r->field, NULL, r->old, comment);
	free(spec);
	return rc;
}

/* A brought-back item where it stood (the "position" row of its deletion). */
static int
put_back(struct db *db, enum kind k, const struct change *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *sql;
		sqlite3_stmt *st;

		if (strcmp(r[i].field, "position") != 0 || !r[i].old)
			continue;
		sql = xasprintf("UPDATE %s SET position = ? WHERE id = ?", structure_kinds[k].table);
		st = db_prepare(db, sql);
		free(sql);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, atoll(r[i].old));
		sqlite3_bind_int64(st, 2, r[i].item_id);
		return db_exec_stmt(db, st);
	}
	return 0;
}

/* Bring back a deleted item with its id, its fields and (an indicator) its values. */
static enum act_result
undo_deleted(struct db *db, const struct plan *p, enum kind k, const struct change *r, size_t n,
             const char *comment)
{
	struct item_change c;
	const char *key = NULL;
	enum act_result rc;
	struct plan after;

	item_change_init(&c, k);
	for (size_t i = 0; i < n; i++) {
		int f = structure_field(k, r[i].field);

		if (strcmp(r[i].field, "deleted") == 0)
			key = r[i].old;
		else if (f >= 0 && key && r[i].old)
			c.value[f] = xstrdup(r[i].old);
	}
	rc = key ? structure_add_locked(db, p, key, &c, r[0].item_id, comment) : ACTIVITY_ERROR;
	item_change_free(&c);
	if (rc == ACTIVITY_OK && put_back(db, k, r, n) < 0)
		rc = ACTIVITY_ERROR;
	if (rc != ACTIVITY_OK || structure_load(db, p->s.id, 0, &after) < 0)
		return rc != ACTIVITY_OK ? rc : ACTIVITY_ERROR;
	for (size_t i = 0; i < n && rc == ACTIVITY_OK; i++)
		if (strncmp(r[i].field, "value.", 6) == 0 &&
		    restore_value(db, &after, structure_plan_find(&after, k, NULL, r[0].item_id), &r[i], comment) < 0)
			rc = ACTIVITY_ERROR;
	model_free_plan(&after);
	return rc;
}

/* Set fields back, if nobody changed them since (else they are theirs now). */
static enum act_result
undo_fields(struct db *db, const struct plan *p, enum kind k, const struct change *r, size_t n,
            const char *comment)
{
	const struct item_head *h = structure_plan_find(p, k, NULL, r[0].item_id);

	for (size_t i = 0; i < n; i++) {
		int fi = structure_field(k, r[i].field);
		char *cur = h && fi >= 0 ? model_item_text(k, p, h, fi) : NULL;
		int same = cur && strcmp(cur, r[i].new_value ? r[i].new_value : "") == 0;

		free(cur);
		if (!same) {
			err_set(_("undo: %s:%s %s was changed by someone else since; change it back by hand"),
			        structure_kinds[k].word, h ? h->key : "?", r[i].field);
			return ACTIVITY_CONFLICT;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int fi = structure_field(k, r[i].field);
		struct child c = { k, h, fi, 0 };

		if (structure_set_child(db, p, &c, r[i].old ? r[i].old : "", comment) < 0)
			return ACTIVITY_ERROR;
	}
	return ACTIVITY_OK;
}

/* Undo one item's rows of the batch, with the strategy as it is now. */
static enum act_result
undo_segment(struct db *db, const char *strategy_id, const struct change *r, size_t n, const char *comment)
{
	enum kind k = row_kind(&r[0]);
	struct plan p;
	enum act_result rc;
	int deleted = 0;

	if (k == KIND_COUNT || structure_load(db, strategy_id, 1, &p) < 0)
		return ACTIVITY_ERROR;
	for (size_t i = 0; i < n; i++)
		deleted |= strcmp(r[i].field, "deleted") == 0;
	if (strcmp(r[0].field, "created") == 0) {
		const struct item_head *h = structure_plan_find(&p, k, NULL, r[0].item_id);
		struct children ask = { CHILDREN_ASK, NULL };

		rc = h ? structure_delete_locked(db, &p, k, h, &ask, 0, comment) : ACTIVITY_OK;
	} else if (deleted) {
		rc = undo_deleted(db, &p, k, r, n, comment);
	} else {
		rc = undo_fields(db, &p, k, r, n, comment);
	}
	model_free_plan(&p);
	return rc;
}

/* What an undo did, for people: by the batch's last item (the one the user acted on). */
static char *
undo_what(const struct change *r, size_t n)
{
	size_t start = n - 1;
	enum kind k = row_kind(&r[n - 1]);
	const char *label = k < KIND_COUNT && structure_kinds[k].label ? _(structure_kinds[k].label) : r[n - 1].kind;
	int deleted = 0;

	while (start > 0 && r[start - 1].item_id == r[n - 1].item_id && strcmp(r[start - 1].kind, r[n - 1].kind) == 0)
		start--;
	for (size_t i = start; i < n; i++)
		deleted |= strcmp(r[i].field, "deleted") == 0;
	if (strcmp(r[start].field, "created") == 0)
		return xasprintf(_("took away the %s %s you added"), label, r[n - 1].item);
	if (deleted)
		return xasprintf(_("brought back the %s %s you deleted"), label, r[n - 1].item);
	return xasprintf(_("undid your change of the %s %s"), label, r[n - 1].item);
}

/* Undo a batch: its items last first, so a parent is back before its children refer to it again. */
static enum act_result
undo_rows(struct db *db, const char *strategy_id, const struct change *r, size_t n, char **what)
{
	char *comment = xasprintf(_("undo of %s's change"), user_name());
	enum act_result rc = ACTIVITY_OK;
	size_t end = n;

	while (end > 0 && rc == ACTIVITY_OK) {
		size_t start = end - 1;

		while (start > 0 && r[start - 1].item_id == r[end - 1].item_id && strcmp(r[start - 1].kind, r[end - 1].kind) == 0)
			start--;
		rc = undo_segment(db, strategy_id, r + start, end - start, comment);
		end = start;
	}
	free(comment);
	if (rc == ACTIVITY_OK && what)
		*what = undo_what(r, n);
	return rc;
}

/* The user's latest batch in the strategy that is no undo and was not undone; structural: it changed more than activities. */
static int
last_batch(struct db *db, const char *strategy_id, int64_t *batch, int *structural)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT batch, max(kind <> 'activity') FROM change_log c WHERE who = ?1 AND strategy_id = ?2"
		" AND +kind IN ('activity', 'focus', 'goal', 'indicator', 'group', 'followup')"
		" AND undoes IS NULL AND batch > 0"
		" AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.batch)"
		" GROUP BY batch ORDER BY batch DESC LIMIT 1");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, strategy_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*batch = sqlite3_column_int64(st, 0);
		*structural = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : 0;
}

/* The batch's rows, undone in the open write. */
struct undo_args {
	int64_t batch;
	char **what;
};

static enum act_result
run_undo(struct db *db, const struct plan *p, void *arg)
{
	const struct undo_args *u = arg;
	struct changelog_filter filter = { .batch = u->batch };
	struct change *rows = NULL;
	size_t n = 0;
	enum act_result rc;

	if (changelog_load(db, &filter, &rows, &n) < 0)
		return ACTIVITY_ERROR;
	rc = n ? undo_rows(db, p->s.id, rows, n, u->what) : ACTIVITY_ERROR;
	changelog_free(rows, n);
	return rc;
}

enum act_result
structure_undo(struct db *db, const char *strategy_id, char **what)
{
	struct undo_args u = { 0, what };
	int structural = 0;
	enum act_result rc;

	if (what)
		*what = NULL;
	if (last_batch(db, strategy_id, &u.batch, &structural) != 1 || !structural)
		return activity_undo(db, strategy_id, what);
	rc = structure_in_write(db, strategy_id, 0, u.batch, run_undo, &u);
	if (rc != ACTIVITY_OK && what) {
		free(*what);
		*what = NULL;
	}
	return rc;
}
