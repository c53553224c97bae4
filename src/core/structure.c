/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure.c: changing focus areas, goals, indicators, groups and follow-ups from their field tables: names, checks, writing, versions, the change log, set and add. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "strategy_ini.h"
#include "structure.h"
#include "structure_private.h"
#include "util.h"

const struct kind_info structure_kinds[KIND_COUNT] = {
	[KIND_FOCUS] = { "focus", "focus_area", N_("focus area") },
	[KIND_GOAL] = { "goal", "goal", N_("goal") },
	[KIND_INDICATOR] = { "indicator", "indicator", N_("indicator") },
	[KIND_GROUP] = { "group", "strategy_group", N_("group") },
	[KIND_FOLLOWUP] = { "followup", "follow_up", N_("follow-up") },
	[KIND_ACTIVITY] = { "activity", "activity", N_("activity") },
};

/* The kinds people change here, in the order of messages and help. */
static const enum kind changeable[] = { KIND_FOCUS, KIND_GOAL, KIND_INDICATOR, KIND_GROUP, KIND_FOLLOWUP };
#define NCHANGEABLE (sizeof changeable / sizeof changeable[0])

/*
 * A LIST field lives in a table of its own: its owner's column, the
 * column of its names (or of the ids of the items of kind ref they name;
 * KIND_COUNT: names as written) and their position.
 */
static const struct list_store {
	enum kind kind;
	const char *key, *table, *owner, *value;
	enum kind ref;
} lists[] = {
	{ KIND_FOCUS, "responsible", "responsible_body", "focus_id", "name", KIND_COUNT },
	{ KIND_GOAL, "focus", "goal_focus", "goal_id", "focus_id", KIND_FOCUS },
};

int
structure_kind(const char *word)
{
	for (size_t i = 0; i < NCHANGEABLE; i++)
		if (strcmp(word, structure_kinds[changeable[i]].word) == 0)
			return (int)changeable[i];
	return -1;
}

const char *
structure_kind_word(enum kind k)
{
	return structure_kinds[k].word ? structure_kinds[k].word : "?";
}

char *
structure_kind_list(const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < NCHANGEABLE; i++)
		buf_printf(&b, "%s%s", i ? sep : "", structure_kinds[changeable[i]].word);
	return buf_steal(&b);
}

int
structure_field(enum kind k, const char *key)
{
	size_t n;
	const struct field_def *f = model_fields(k, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].key, key) == 0)
			return (int)i;
	return -1;
}

char *
structure_field_list(enum kind k, const char *sep)
{
	size_t n;
	const struct field_def *f = model_fields(k, &n);
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? sep : "", f[i].key);
	return buf_steal(&b);
}

void
item_change_init(struct item_change *c, enum kind k)
{
	c->kind = k;
	model_fields(k, &c->n);
	c->value = xcalloc(c->n ? c->n : 1, sizeof *c->value);
}

void
item_change_free(struct item_change *c)
{
	for (size_t i = 0; c->value && i < c->n; i++)
		free(c->value[i]);
	free(c->value);
	c->value = NULL;
}

static const struct list_store *
list_of(enum kind k, const struct field_def *f)
{
	for (size_t i = 0; (f->type == FT_LIST || f->type == FT_FOCUS_LIST) && i < sizeof lists / sizeof lists[0]; i++)
		if (lists[i].kind == k && strcmp(lists[i].key, f->key) == 0)
			return &lists[i];
	return NULL;
}

/* The kind a field refers to, or KIND_COUNT if it refers to none. */
enum kind
structure_field_ref(enum kind k, const struct field_def *f)
{
	const struct list_store *l = list_of(k, f);

	if (f->type == FT_FOCUS)
		return KIND_FOCUS;
	if (f->type == FT_GOAL)
		return KIND_GOAL;
	return l ? l->ref : KIND_COUNT;
}

/* A value as people type it, in the form files hold it (a new string). */
static char *
typed_canon(const struct field_def *f, const char *value, const char *date_format, int ui)
{
	char iso[11], num[64];
	double d;
	int b;

	if (!*value)
		return xstrdup("");
	if (f->type == FT_DATE && parse_user_date(value, date_format, iso) == 0)
		return xstrdup(iso);
	if (f->type == FT_NUMBER && ui && parse_number_ui(value, &d) == 0) {
		format_number(num, sizeof num, d);
		return xstrdup(num);
	}
	if (f->type == FT_BOOL && parse_bool(value, &b) == 0)
		return xstrdup(b ? "yes" : "no");
	return xstrdup(value);
}

int
item_change_set(struct item_change *c, int field, const char *value, const char *date_format, int ui)
{
	size_t n;
	const struct field_def *f = model_fields(c->kind, &n);
	char *canon, *range;
	const char *what = NULL;

	if (field < 0 || (size_t)field >= n) {
		err_set(_("unknown field"));
		return -1;
	}
	f += field;
	canon = typed_canon(f, value, date_format, ui);
	/* A reference may be cleared unless it is required. */
	if (*canon || (f->flags & FF_REQUIRED) || structure_field_ref(c->kind, f) == KIND_COUNT)
		what = strategy_field_problem(f, canon, &range);
	else
		range = NULL;
	if (what) {
		err_set("%s = %s: %s", f->key, value, what);
		free(range);
		free(canon);
		return -1;
	}
	free(c->value[field]);
	c->value[field] = canon;
	return 0;
}

/* The items of a kind in p. */
size_t
structure_plan_count(const struct plan *p, enum kind k)
{
	switch (k) {
	case KIND_FOCUS: return p->nfocus;
	case KIND_GOAL: return p->ngoals;
	case KIND_INDICATOR: return p->ninds;
	case KIND_ACTIVITY: return p->nacts;
	case KIND_GROUP: return p->ngroups;
	case KIND_FOLLOWUP: return p->nfups;
	default: return 0;
	}
}

const struct item_head *
structure_plan_item(const struct plan *p, enum kind k, size_t i)
{
	switch (k) {
	case KIND_FOCUS: return (const void *)&p->focus[i];
	case KIND_GOAL: return (const void *)&p->goals[i];
	case KIND_INDICATOR: return (const void *)&p->inds[i];
	case KIND_ACTIVITY: return (const void *)&p->acts[i];
	case KIND_GROUP: return (const void *)&p->groups[i];
	case KIND_FOLLOWUP: return (const void *)&p->fups[i];
	default: return NULL;
	}
}

const struct item_head *
structure_plan_find(const struct plan *p, enum kind k, const char *key, int64_t id)
{
	for (size_t i = 0; i < structure_plan_count(p, k); i++) {
		const struct item_head *h = structure_plan_item(p, k, i);

		if (key ? strcmp(h->key, key) == 0 : h->id == id)
			return h;
	}
	return NULL;
}

/* An item's name for the change log: its first text field that is not empty, else its key. */
static char *
item_name(const struct plan *p, enum kind k, const struct item_head *h)
{
	size_t n;
	const struct field_def *f = model_fields(k, &n);

	for (size_t i = 0; i < n; i++) {
		char *v;

		if (f[i].type != FT_TEXT)
			continue;
		v = model_item_text(k, p, h, (int)i);
		if (*v)
			return v;
		free(v);
	}
	return xstrdup(h->key);
}

enum act_result
structure_no_such(const struct plan *p, enum kind k)
{
	err_set(_("the strategy '%s' has no such %s"), p->s.id, _(structure_kinds[k].label));
	return ACTIVITY_ERROR;      /* as 'set N' for a number that is no activity's: exit 1 */
}

/* Does the list text ("a | b") or the single value hold key? */
int
structure_holds_key(const char *text, const char *key)
{
	size_t n = strlen(key);

	for (const char *s = text; *s;) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);

		while (len && *s == ' ')
			s++, len--;
		while (len && s[len - 1] == ' ')
			len--;
		if (len == n && strncmp(s, key, n) == 0)
			return 1;
		s = bar ? bar + 1 : s + strlen(s);
	}
	return 0;
}

/* The list text with key replaced by to (NULL: removed), each name once (a new string). */
char *
structure_list_replace(const char *text, const char *key, const char *to)
{
	struct buf b;
	char *copy = xstrdup(text), *save = NULL;

	buf_init(&b);
	for (char *t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
		char *e;
		const char *name;

		while (*t == ' ')
			t++;
		e = t + strlen(t);
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		name = strcmp(t, key) == 0 ? to : t;
		if (name && *name && !(b.s && structure_holds_key(b.s, name)))
			buf_printf(&b, "%s%s", b.s ? " | " : "", name);
	}
	free(copy);
	return b.s ? buf_steal(&b) : xstrdup("");
}

/* Load the strategy (with its activities if acts), or ACTIVITY_ERROR. */
int
structure_load(struct db *db, const char *strategy_id, int acts, struct plan *p)
{
	memset(p, 0, sizeof *p);
	return acts ? model_load_plan(db, strategy_id, p) : model_load_outline(db, strategy_id, p);
}


/* The id of the item of kind ref called key in p (0 for ""); -1 with err_set() if there is none. */
static int
ref_id(const struct plan *p, enum kind ref, const struct field_def *f, const char *key, int64_t *id)
{
	const struct item_head *h = *key ? structure_plan_find(p, ref, key, 0) : NULL;

	*id = h ? h->id : 0;
	if (*key && !h) {
		err_set(_("%s = %s: the strategy '%s' has no %s with that id"), f->key, key, p->s.id,
		        _(structure_kinds[ref].label));
		return -1;
	}
	return 0;
}

/* Bind a value to a statement: a reference as the id it names, anything else as import binds it. */
static int
bind_value(sqlite3_stmt *st, int idx, const struct plan *p, enum kind k, const struct field_def *f,
           const char *v)
{
	enum kind ref = structure_field_ref(k, f);
	int64_t id;

	if (ref == KIND_COUNT) {
		strategy_field_bind(st, idx, f, v);
		return 0;
	}
	if (ref_id(p, ref, f, v ? v : "", &id) < 0)
		return -1;
	if (id)
		sqlite3_bind_int64(st, idx, id);
	else
		sqlite3_bind_null(st, idx);
	return 0;
}

/* A list's names ("a | b") replace the item's; -2 with err_set() if one names no item. */
static int
write_list(struct db *db, const struct plan *p, const struct list_store *l, int64_t id, const char *text)
{
	char *sql = xasprintf("DELETE FROM %s WHERE %s = ?", l->table, l->owner), *names, *save = NULL;
	sqlite3_stmt *st = db_prepare(db, sql);
	const struct field_def *f = &model_fields(l->kind, &(size_t){ 0 })[structure_field(l->kind, l->key)];
	int pos = 0, rc = 0;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		return -1;
	sql = xasprintf("INSERT INTO %s (%s, position, %s) VALUES (?, ?, ?)", l->table, l->owner, l->value);
	names = xstrdup(text);
	for (char *t = strtok_r(names, "|", &save); t && rc == 0; t = strtok_r(NULL, "|", &save)) {
		char *e;

		while (*t == ' ')
			t++;
		e = t + strlen(t);
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		if (!*t || !(st = db_prepare(db, sql))) {
			rc = *t ? -1 : 0;
			continue;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, pos++);
		if (l->ref == KIND_COUNT)
			sqlite3_bind_text(st, 3, t, -1, SQLITE_TRANSIENT);
		else if (bind_value(st, 3, p, l->kind, f, t) < 0) {
			sqlite3_finalize(st);
			rc = -2;
			continue;
		}
		rc = db_exec_stmt(db, st);
	}
	free(names);
	free(sql);
	return rc;
}

/* Write one field's value (as files hold it) into the item's row; -2 with err_set() if it names no item. */
int
structure_write_field(struct db *db, const struct plan *p, enum kind k, int64_t id, const struct field_def *f,
                      const char *v)
{
	const struct list_store *l = list_of(k, f);
	sqlite3_stmt *st;
	char *sql;

	if (l)
		return write_list(db, p, l, id, v);
	if (!f->column)
		return 0;
	sql = xasprintf("UPDATE %s SET %s = ? WHERE id = ?", structure_kinds[k].table, f->column);
	st = db_prepare(db, sql);
	free(sql);
	if (!st)
		return -1;
	if (bind_value(st, 1, p, k, f, v) < 0) {
		sqlite3_finalize(st);
		return -2;
	}
	sqlite3_bind_int64(st, 2, id);
	return db_exec_stmt(db, st);
}

/* A new version of the item (and for an activity who changed it and when). */
int
structure_bump(struct db *db, enum kind k, int64_t id)
{
	char *sql = k == KIND_ACTIVITY
		? xstrdup("UPDATE activity SET version = version + 1, changed_by = ?2, changed_at = ?3 WHERE id = ?1")
		: xasprintf("UPDATE %s SET version = version + 1 WHERE id = ?1", structure_kinds[k].table);
	sqlite3_stmt *st = db_prepare(db, sql);
	char now[21];

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (k == KIND_ACTIVITY) {
		now_iso(now);
		sqlite3_bind_text(st, 2, user_name(), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	}
	return db_exec_stmt(db, st);
}

int
structure_version_of(struct db *db, enum kind k, int64_t id, int64_t *version)
{
	char *sql = xasprintf("SELECT version FROM %s WHERE id = ?", structure_kinds[k].table);
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
structure_version(struct db *db, const char *strategy_id, enum kind k, const char *key, int64_t *version)
{
	char *sql = xasprintf("SELECT version FROM %s WHERE strategy_id = ? AND key = ?", structure_kinds[k].table);
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Would item id be its own ancestor if field f (a reference to its own kind) named key? */
int
structure_makes_circle(const struct plan *p, enum kind k, int f, int64_t id, const char *key)
{
	const struct item_head *h = *key ? structure_plan_find(p, k, key, 0) : NULL;

	for (size_t steps = 0; h && steps <= structure_plan_count(p, k); steps++) {
		char *up;

		if (h->id == id)
			return 1;
		up = model_item_text(k, p, h, f);
		h = *up ? structure_plan_find(p, k, up, 0) : NULL;
		free(up);
	}
	return 0;
}

/* One field's change, logged: old and new as files hold them ("": none). */
int
structure_log_field(struct db *db, const struct plan *p, enum kind k, const struct item_head *h, const char *field,
                    const char *old, const char *new_value, const char *comment)
{
	char *name = item_name(p, k, h);
	int rc = changelog_add(db, p->s.id, structure_kinds[k].word, h->id, name, field, old && *old ? old : NULL,
	                       new_value && *new_value ? new_value : NULL, comment);

	free(name);
	return rc;
}

/* Log every field of item id that differs between before (NULL: a new item) and after. */
static enum act_result
log_changes(struct db *db, const struct plan *before, const struct plan *after, enum kind k, int64_t id,
            const char *comment)
{
	const struct item_head *b = before ? structure_plan_find(before, k, NULL, id) : NULL;
	const struct item_head *a = structure_plan_find(after, k, NULL, id);
	size_t n;
	enum act_result rc = ACTIVITY_OK;

	model_fields(k, &n);
	if (!a)
		return ACTIVITY_ERROR;
	for (size_t i = 0; i < n && rc == ACTIVITY_OK; i++) {
		char *old = b ? model_item_text(k, before, b, (int)i) : xstrdup("");
		char *new_value = model_item_text(k, after, a, (int)i);

		if (strcmp(old, new_value) != 0 &&
		    structure_log_field(db, after, k, a, model_fields(k, &n)[i].key, old, new_value, comment) < 0)
			rc = ACTIVITY_ERROR;
		free(old);
		free(new_value);
	}
	return rc;
}

/* Write the values of c into item id (p: the strategy before); ACTIVITY_INVALID with err_set(). */
static enum act_result
write_values(struct db *db, const struct plan *p, int64_t id, const struct item_change *c, int lists_only)
{
	const struct field_def *f = model_fields(c->kind, &(size_t){ 0 });

	for (size_t i = 0; i < c->n; i++) {
		int wr;

		if (!c->value[i] || (lists_only && !list_of(c->kind, &f[i])))
			continue;
		if (structure_field_ref(c->kind, &f[i]) == c->kind && structure_makes_circle(p, c->kind, (int)i, id, c->value[i])) {
			err_set(_("%s = %s: that %s is under this one; choose another"), f[i].key, c->value[i],
			        _(structure_kinds[c->kind].label));
			return ACTIVITY_INVALID;
		}
		if ((wr = structure_write_field(db, p, c->kind, id, &f[i], c->value[i])) < 0)
			return wr == -2 ? ACTIVITY_INVALID : ACTIVITY_ERROR;
	}
	return ACTIVITY_OK;
}

/* Reload the strategy after writing and log what changed of item id since before. */
static enum act_result
log_after(struct db *db, const struct plan *before, int fresh, enum kind k, int64_t id, const char *comment)
{
	struct plan after;
	enum act_result rc;

	if (structure_load(db, before->s.id, 0, &after) < 0)
		return ACTIVITY_ERROR;
	rc = log_changes(db, fresh ? NULL : before, &after, k, id, comment);
	model_free_plan(&after);
	return rc;
}

static enum act_result
apply_locked(struct db *db, const struct plan *p, const char *key, const struct item_change *c,
             int64_t expected_version, const char *comment)
{
	const struct item_head *h = structure_plan_find(p, c->kind, key, 0);
	int64_t version = 0;
	enum act_result rc;

	if (!h)
		return structure_no_such(p, c->kind);
	if (structure_version_of(db, c->kind, h->id, &version) != 1)
		return ACTIVITY_ERROR;
	if (expected_version && version != expected_version)
		return ACTIVITY_CONFLICT;
	if ((rc = write_values(db, p, h->id, c, 0)) != ACTIVITY_OK || (rc = structure_bump(db, c->kind, h->id)) != 0)
		return rc ? rc : ACTIVITY_ERROR;
	return log_after(db, p, 0, c->kind, h->id, comment);
}

/* Run one change of the strategy in a write of its own (undoes: the batch it reverts, or 0). */
enum act_result
structure_in_write(struct db *db, const char *strategy_id, int acts, int64_t undoes,
                   enum act_result (*run)(struct db *db, const struct plan *p, void *arg), void *arg)
{
	struct plan p;
	enum act_result rc;

	if (db_write_begin(db, undoes) < 0)
		return ACTIVITY_ERROR;
	if (structure_load(db, strategy_id, acts, &p) < 0) {
		db_rollback(db);
		return ACTIVITY_ERROR;
	}
	rc = run(db, &p, arg);
	model_free_plan(&p);
	if (rc != ACTIVITY_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db) < 0 ? ACTIVITY_ERROR : ACTIVITY_OK;
}

static enum act_result
run_apply(struct db *db, const struct plan *p, void *arg)
{
	const struct structure_args *a = arg;

	return apply_locked(db, p, a->key, a->c, a->version, a->comment);
}

enum act_result
structure_apply(struct db *db, const char *strategy_id, const char *key, const struct item_change *c,
                int64_t expected_version, const char *comment)
{
	struct structure_args a = { .key = key, .c = c, .version = expected_version, .comment = comment };

	return structure_in_write(db, strategy_id, 0, 0, run_apply, &a);
}

/* The new row with every column c gives (want_id 0: a new id); *id gets it. */
static enum act_result
insert_row(struct db *db, const struct plan *p, const char *key, const struct item_change *c, int64_t want_id,
           int64_t *id)
{
	const struct field_def *f = model_fields(c->kind, &(size_t){ 0 });
	const char *table = structure_kinds[c->kind].table;
	struct buf cols, vals;
	sqlite3_stmt *st;
	int idx = 4;
	enum act_result rc = ACTIVITY_ERROR;

	buf_init(&cols);
	buf_init(&vals);
	for (size_t i = 0; i < c->n; i++)
		if (f[i].column && !list_of(c->kind, &f[i])) {
			buf_printf(&cols, ", %s", f[i].column);
			buf_puts(&vals, ", ?");
		}
	{
		char *sql = xasprintf("INSERT INTO %s (id, strategy_id, key, position%s) VALUES (?1, ?2, ?3,"
		                      " (SELECT coalesce(max(position), -1) + 1 FROM %s WHERE strategy_id = ?2)%s)"
		                      " RETURNING id", table, cols.s ? cols.s : "", table, vals.s ? vals.s : "");

		st = db_prepare(db, sql);
		free(sql);
	}
	buf_free(&cols);
	buf_free(&vals);
	if (!st)
		return ACTIVITY_ERROR;
	if (want_id)
		sqlite3_bind_int64(st, 1, want_id);
	sqlite3_bind_text(st, 2, p->s.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	for (size_t i = 0; i < c->n; i++)
		if (f[i].column && !list_of(c->kind, &f[i]) && bind_value(st, idx++, p, c->kind, &f[i], c->value[i]) < 0) {
			sqlite3_finalize(st);
			return ACTIVITY_INVALID;
		}
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = ACTIVITY_OK;
	} else {
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
	}
	sqlite3_finalize(st);
	return rc;
}

/* A new item's id must be free and well-formed and its required fields given. */
static int
check_new(const struct plan *p, const char *key, const struct item_change *c)
{
	const struct field_def *f = model_fields(c->kind, &(size_t){ 0 });
	int rc = -1;

	if (parse_slug(key) < 0)
		err_set(_("%s: expected an id of lowercase letters a-z, digits, '-' and '_'"), key);
	else if (structure_plan_find(p, c->kind, key, 0))
		err_set(_("the strategy '%s' has a %s with that id already; choose another id"), p->s.id,
		        _(structure_kinds[c->kind].label));
	else
		rc = 0;
	for (size_t i = 0; rc == 0 && i < c->n; i++)
		if ((f[i].flags & FF_REQUIRED) && (!c->value[i] || !*c->value[i])) {
			err_set(_("a new %s needs %s=..."), _(structure_kinds[c->kind].label), f[i].key);
			rc = -1;
		}
	return rc;
}

enum act_result
structure_add_locked(struct db *db, const struct plan *p, const char *key, const struct item_change *c, int64_t want_id,
                     const char *comment)
{
	int64_t id;
	enum act_result rc;
	struct plan after;
	const struct item_head *h;

	if (check_new(p, key, c) < 0)
		return ACTIVITY_INVALID;
	if ((rc = insert_row(db, p, key, c, want_id, &id)) != ACTIVITY_OK ||
	    (rc = write_values(db, p, id, c, 1)) != ACTIVITY_OK)
		return rc;
	if (structure_load(db, p->s.id, 0, &after) < 0)
		return ACTIVITY_ERROR;
	h = structure_plan_find(&after, c->kind, NULL, id);
	rc = h && structure_log_field(db, &after, c->kind, h, "created", NULL, key, comment) == 0
		? log_changes(db, NULL, &after, c->kind, id, comment) : ACTIVITY_ERROR;
	model_free_plan(&after);
	return rc;
}

static enum act_result
run_add(struct db *db, const struct plan *p, void *arg)
{
	const struct structure_args *a = arg;

	return structure_add_locked(db, p, a->key, a->c, a->want_id, a->comment);
}

enum act_result
structure_add(struct db *db, const char *strategy_id, const char *key, const struct item_change *c,
              const char *comment)
{
	struct structure_args a = { .key = key, .c = c, .comment = comment };

	return structure_in_write(db, strategy_id, 0, 0, run_add, &a);
}
