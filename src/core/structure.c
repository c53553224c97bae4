/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure.c: changing focus areas, goals, indicators, groups and follow-ups from their field tables: checks, versions, the change log, deleting with children, undo. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "strategy_ini.h"
#include "structure.h"
#include "util.h"

/*
 * Each kind: the word of addresses, INI sections and the change log, and
 * its table.  Activities are here only as children whose links change.
 */
static const struct kind_info {
	const char *word, *table;
	const char *label;      /* N_(): a kind for people */
} kinds[KIND_COUNT] = {
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

/* Every item struct of struct plan begins with its id and its key (an activity's ref). */
struct item_head {
	int64_t id;
	char *key;
};

int
structure_kind(const char *word)
{
	for (size_t i = 0; i < NCHANGEABLE; i++)
		if (strcmp(word, kinds[changeable[i]].word) == 0)
			return (int)changeable[i];
	return -1;
}

const char *
structure_kind_word(enum kind k)
{
	return kinds[k].word ? kinds[k].word : "?";
}

char *
structure_kind_list(const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < NCHANGEABLE; i++)
		buf_printf(&b, "%s%s", i ? sep : "", kinds[changeable[i]].word);
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
	for (size_t i = 0; f->type == FT_LIST && i < sizeof lists / sizeof lists[0]; i++)
		if (lists[i].kind == k && strcmp(lists[i].key, f->key) == 0)
			return &lists[i];
	return NULL;
}

/* The kind a field refers to, or KIND_COUNT if it refers to none. */
static enum kind
field_ref(enum kind k, const struct field_def *f)
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
	if (*canon || (f->flags & FF_REQUIRED) || field_ref(c->kind, f) == KIND_COUNT)
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
static size_t
plan_count(const struct plan *p, enum kind k)
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

static const struct item_head *
plan_item(const struct plan *p, enum kind k, size_t i)
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

static const struct item_head *
plan_find(const struct plan *p, enum kind k, const char *key, int64_t id)
{
	for (size_t i = 0; i < plan_count(p, k); i++) {
		const struct item_head *h = plan_item(p, k, i);

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

static enum act_result
no_such(const struct plan *p, enum kind k)
{
	err_set(_("the strategy '%s' has no such %s"), p->s.id, _(kinds[k].label));
	return ACTIVITY_ERROR;      /* as 'set N' for a number that is no activity's: exit 1 */
}

/* Does the list text ("a | b") or the single value hold key? */
static int
holds_key(const char *text, const char *key)
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
static char *
list_replace(const char *text, const char *key, const char *to)
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
		if (name && *name && !(b.s && holds_key(b.s, name)))
			buf_printf(&b, "%s%s", b.s ? " | " : "", name);
	}
	free(copy);
	return b.s ? buf_steal(&b) : xstrdup("");
}

/* Load the strategy (with its activities if acts), or ACTIVITY_ERROR. */
static int
load(struct db *db, const char *strategy_id, int acts, struct plan *p)
{
	memset(p, 0, sizeof *p);
	return acts ? model_load_plan(db, strategy_id, p) : model_load_outline(db, strategy_id, p);
}


/* The id of the item of kind ref called key in p (0 for ""); -1 with err_set() if there is none. */
static int
ref_id(const struct plan *p, enum kind ref, const struct field_def *f, const char *key, int64_t *id)
{
	const struct item_head *h = *key ? plan_find(p, ref, key, 0) : NULL;

	*id = h ? h->id : 0;
	if (*key && !h) {
		err_set(_("%s = %s: the strategy '%s' has no %s with that id"), f->key, key, p->s.id,
		        _(kinds[ref].label));
		return -1;
	}
	return 0;
}

/* Bind a value to a statement: a reference as the id it names, anything else as import binds it. */
static int
bind_value(sqlite3_stmt *st, int idx, const struct plan *p, enum kind k, const struct field_def *f,
           const char *v)
{
	enum kind ref = field_ref(k, f);
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
static int
write_field(struct db *db, const struct plan *p, enum kind k, int64_t id, const struct field_def *f, const char *v)
{
	const struct list_store *l = list_of(k, f);
	sqlite3_stmt *st;
	char *sql;

	if (l)
		return write_list(db, p, l, id, v);
	if (!f->column)
		return 0;
	sql = xasprintf("UPDATE %s SET %s = ? WHERE id = ?", kinds[k].table, f->column);
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
static int
bump(struct db *db, enum kind k, int64_t id)
{
	char *sql = k == KIND_ACTIVITY
		? xstrdup("UPDATE activity SET version = version + 1, changed_by = ?2, changed_at = ?3 WHERE id = ?1")
		: xasprintf("UPDATE %s SET version = version + 1 WHERE id = ?1", kinds[k].table);
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

static int
version_of(struct db *db, enum kind k, int64_t id, int64_t *version)
{
	char *sql = xasprintf("SELECT version FROM %s WHERE id = ?", kinds[k].table);
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
	char *sql = xasprintf("SELECT version FROM %s WHERE strategy_id = ? AND key = ?", kinds[k].table);
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
static int
makes_circle(const struct plan *p, enum kind k, int f, int64_t id, const char *key)
{
	const struct item_head *h = *key ? plan_find(p, k, key, 0) : NULL;

	for (size_t steps = 0; h && steps <= plan_count(p, k); steps++) {
		char *up;

		if (h->id == id)
			return 1;
		up = model_item_text(k, p, h, f);
		h = *up ? plan_find(p, k, up, 0) : NULL;
		free(up);
	}
	return 0;
}

/* One field's change, logged: old and new as files hold them ("": none). */
static int
log_field(struct db *db, const struct plan *p, enum kind k, const struct item_head *h, const char *field,
          const char *old, const char *new_value, const char *comment)
{
	char *name = item_name(p, k, h);
	int rc = changelog_add(db, p->s.id, kinds[k].word, h->id, name, field, old && *old ? old : NULL,
	                       new_value && *new_value ? new_value : NULL, comment);

	free(name);
	return rc;
}

/* Log every field of item id that differs between before (NULL: a new item) and after. */
static enum act_result
log_changes(struct db *db, const struct plan *before, const struct plan *after, enum kind k, int64_t id,
            const char *comment)
{
	const struct item_head *b = before ? plan_find(before, k, NULL, id) : NULL, *a = plan_find(after, k, NULL, id);
	size_t n;
	enum act_result rc = ACTIVITY_OK;

	model_fields(k, &n);
	if (!a)
		return ACTIVITY_ERROR;
	for (size_t i = 0; i < n && rc == ACTIVITY_OK; i++) {
		char *old = b ? model_item_text(k, before, b, (int)i) : xstrdup("");
		char *new_value = model_item_text(k, after, a, (int)i);

		if (strcmp(old, new_value) != 0 && log_field(db, after, k, a, model_fields(k, &n)[i].key, old,
		                                             new_value, comment) < 0)
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
		if (field_ref(c->kind, &f[i]) == c->kind && makes_circle(p, c->kind, (int)i, id, c->value[i])) {
			err_set(_("%s = %s: that %s is under this one; choose another"), f[i].key, c->value[i],
			        _(kinds[c->kind].label));
			return ACTIVITY_INVALID;
		}
		if ((wr = write_field(db, p, c->kind, id, &f[i], c->value[i])) < 0)
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

	if (load(db, before->s.id, 0, &after) < 0)
		return ACTIVITY_ERROR;
	rc = log_changes(db, fresh ? NULL : before, &after, k, id, comment);
	model_free_plan(&after);
	return rc;
}

static enum act_result
apply_locked(struct db *db, const struct plan *p, const char *key, const struct item_change *c,
             int64_t expected_version, const char *comment)
{
	const struct item_head *h = plan_find(p, c->kind, key, 0);
	int64_t version = 0;
	enum act_result rc;

	if (!h)
		return no_such(p, c->kind);
	if (version_of(db, c->kind, h->id, &version) != 1)
		return ACTIVITY_ERROR;
	if (expected_version && version != expected_version)
		return ACTIVITY_CONFLICT;
	if ((rc = write_values(db, p, h->id, c, 0)) != ACTIVITY_OK || (rc = bump(db, c->kind, h->id)) != 0)
		return rc ? rc : ACTIVITY_ERROR;
	return log_after(db, p, 0, c->kind, h->id, comment);
}

/* Run one change of the strategy in a write of its own (undoes: the batch it reverts, or 0). */
static enum act_result
in_write(struct db *db, const char *strategy_id, int acts, int64_t undoes,
         enum act_result (*run)(struct db *db, const struct plan *p, void *arg), void *arg)
{
	struct plan p;
	enum act_result rc;

	if (db_write_begin(db, undoes) < 0)
		return ACTIVITY_ERROR;
	if (load(db, strategy_id, acts, &p) < 0) {
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

struct apply_args {
	const char *key;
	const struct item_change *c;
	int64_t version, want_id;
	const char *comment;
	const struct children *ch;
	enum kind kind;
};

static enum act_result
run_apply(struct db *db, const struct plan *p, void *arg)
{
	const struct apply_args *a = arg;

	return apply_locked(db, p, a->key, a->c, a->version, a->comment);
}

enum act_result
structure_apply(struct db *db, const char *strategy_id, const char *key, const struct item_change *c,
                int64_t expected_version, const char *comment)
{
	struct apply_args a = { .key = key, .c = c, .version = expected_version, .comment = comment };

	return in_write(db, strategy_id, 0, 0, run_apply, &a);
}

/* The new row with every column c gives (want_id 0: a new id); *id gets it. */
static enum act_result
insert_row(struct db *db, const struct plan *p, const char *key, const struct item_change *c, int64_t want_id,
           int64_t *id)
{
	const struct field_def *f = model_fields(c->kind, &(size_t){ 0 });
	const char *table = kinds[c->kind].table;
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
	else if (plan_find(p, c->kind, key, 0))
		err_set(_("the strategy '%s' has a %s with that id already; choose another id"), p->s.id,
		        _(kinds[c->kind].label));
	else
		rc = 0;
	for (size_t i = 0; rc == 0 && i < c->n; i++)
		if ((f[i].flags & FF_REQUIRED) && (!c->value[i] || !*c->value[i])) {
			err_set(_("a new %s needs %s=..."), _(kinds[c->kind].label), f[i].key);
			rc = -1;
		}
	return rc;
}

static enum act_result
add_locked(struct db *db, const struct plan *p, const char *key, const struct item_change *c, int64_t want_id,
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
	if (load(db, p->s.id, 0, &after) < 0)
		return ACTIVITY_ERROR;
	h = plan_find(&after, c->kind, NULL, id);
	rc = h && log_field(db, &after, c->kind, h, "created", NULL, key, comment) == 0
		? log_changes(db, NULL, &after, c->kind, id, comment) : ACTIVITY_ERROR;
	model_free_plan(&after);
	return rc;
}

static enum act_result
run_add(struct db *db, const struct plan *p, void *arg)
{
	const struct apply_args *a = arg;

	return add_locked(db, p, a->key, a->c, a->want_id, a->comment);
}

enum act_result
structure_add(struct db *db, const char *strategy_id, const char *key, const struct item_change *c,
              const char *comment)
{
	struct apply_args a = { .key = key, .c = c, .comment = comment };

	return in_write(db, strategy_id, 0, 0, run_add, &a);
}


/* An item that refers to one being deleted, through field f; tree: it cannot be without it (deleted with it). */
struct child {
	enum kind kind;
	const struct item_head *h;
	int field;
	int tree;
};

/* The kinds whose items may refer to others, in the order their links are handled. */
static const enum kind child_kinds[] = { KIND_GOAL, KIND_INDICATOR, KIND_ACTIVITY, KIND_FOCUS, KIND_GROUP,
                                         KIND_FOLLOWUP };

/* Every item of p that refers to item h of kind k; how many (*out: free it). */
static size_t
children_find(const struct plan *p, enum kind k, const struct item_head *h, struct child **out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t c = 0; c < sizeof child_kinds / sizeof child_kinds[0]; c++) {
		enum kind ck = child_kinds[c];
		size_t nf;
		const struct field_def *f = model_fields(ck, &nf);

		for (size_t i = 0; i < nf; i++) {
			if (field_ref(ck, &f[i]) != k)
				continue;
			for (size_t j = 0; j < plan_count(p, ck); j++) {
				const struct item_head *ch = plan_item(p, ck, j);
				char *v = model_item_text(ck, p, ch, (int)i);

				if (holds_key(v, h->key)) {
					*out = xrealloc(*out, (n + 1) * sizeof **out);
					(*out)[n++] = (struct child){ ck, ch, (int)i, (f[i].flags & FF_REQUIRED) || ck == k };
				}
				free(v);
			}
		}
	}
	return n;
}

/* How many values an indicator has (in every series); 0 for other kinds. */
static int
values_count(struct db *db, enum kind k, int64_t id)
{
	sqlite3_stmt *st = k == KIND_INDICATOR ? db_prepare(db, "SELECT count(*) FROM measurement WHERE indicator_id = ?")
	                                       : NULL;
	int n = 0;

	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The kinds of child people count, in the order they are named: kind, tree (KIND_COUNT: values). */
static const struct child_noun {
	enum kind kind;
	int tree;
} nouns[] = {
	{ KIND_GOAL, 1 }, { KIND_GOAL, 0 }, { KIND_INDICATOR, 1 }, { KIND_ACTIVITY, 0 }, { KIND_COUNT, 1 },
};

/* "2 sub-goals": nouns[i] counted (a format for n). */
static const char *
noun_format(size_t i, unsigned long n)
{
	switch (i) {
	case 0: return ui_ngettext("%d sub-goal", "%d sub-goals", n);
	case 1: return ui_ngettext("%d goal", "%d goals", n);
	case 2: return ui_ngettext("%d indicator", "%d indicators", n);
	case 3: return ui_ngettext("%d activity", "%d activities", n);
	default: return ui_ngettext("%d value", "%d values", n);
	}
}

/* "2 sub-goals, 1 indicator" (a new string, "" for none); allowed[CHILDREN_*]: which choices fit. */
static char *
children_describe(const struct child *ch, size_t n, int nvalues, int allowed[4])
{
	struct buf b;
	int tree = nvalues > 0, required = nvalues > 0;

	buf_init(&b);
	for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
		int count = nouns[i].kind == KIND_COUNT ? nvalues : 0;

		for (size_t j = 0; j < n; j++)
			count += ch[j].kind == nouns[i].kind && ch[j].tree == nouns[i].tree;
		if (!count)
			continue;
		buf_puts(&b, b.s ? ", " : "");
		buf_printf(&b, noun_format(i, (unsigned long)count), count);
	}
	for (size_t j = 0; j < n; j++) {
		size_t nf;

		tree |= ch[j].tree;
		required |= (model_fields(ch[j].kind, &nf)[ch[j].field].flags & FF_REQUIRED) != 0;
	}
	allowed[CHILDREN_ASK] = n == 0 && nvalues == 0;
	allowed[CHILDREN_MOVE] = nvalues == 0;
	allowed[CHILDREN_UNLINK] = !required;
	allowed[CHILDREN_DELETE] = tree;
	return b.s ? buf_steal(&b) : xstrdup("");
}

/* "move:KEY, unlink or delete", the choices that fit. */
static char *
choices_text(enum kind k, const int allowed[4])
{
	const char *words[3] = { NULL, NULL, NULL };
	char *s;
	int n = 0;

	(void)k;
	if (allowed[CHILDREN_MOVE])
		words[n++] = "move:ID";
	if (allowed[CHILDREN_UNLINK])
		words[n++] = "unlink";
	if (allowed[CHILDREN_DELETE])
		words[n++] = "delete";
	if (n == 3)
		s = xasprintf(_("%s, %s or %s"), words[0], words[1], words[2]);
	else if (n == 2)
		s = xasprintf(_("%s or %s"), words[0], words[1]);
	else
		s = xstrdup(n ? words[0] : "");
	return s;
}

char *
structure_children_of(struct db *db, const char *strategy_id, enum kind k, const char *key, int allowed[4])
{
	struct plan p;
	const struct item_head *h;
	struct child *ch = NULL;
	size_t n = 0;
	char *s;

	memset(allowed, 0, 4 * sizeof *allowed);
	if (load(db, strategy_id, 1, &p) < 0)
		return NULL;
	if ((h = plan_find(&p, k, key, 0)))
		n = children_find(&p, k, h, &ch);
	s = children_describe(ch, n, h ? values_count(db, k, h->id) : 0, allowed);
	free(ch);
	model_free_plan(&p);
	return s;
}

int
structure_children_parse(const char *s, struct children *ch)
{
	ch->to = NULL;
	if (strncmp(s, "move:", 5) == 0 && parse_slug(s + 5) == 0) {
		ch->how = CHILDREN_MOVE;
		ch->to = s + 5;
	} else if (strcmp(s, "unlink") == 0) {
		ch->how = CHILDREN_UNLINK;
	} else if (strcmp(s, "delete") == 0) {
		ch->how = CHILDREN_DELETE;
	} else {
		err_set(_("--children %s: expected move:ID (the id of the item that takes them), unlink or delete"), s);
		return -1;
	}
	return 0;
}

/* Is the choice possible?  The target of a move must be another item of the kind, not under this one. */
static int
check_choice(const struct plan *p, enum kind k, const struct item_head *h, const struct children *ch,
             const char *has, const int allowed[4])
{
	char *choices = choices_text(k, allowed);
	const struct item_head *to = ch->how == CHILDREN_MOVE ? plan_find(p, k, ch->to, 0) : NULL;
	int rc = -1, self = structure_field(k, "parent");

	if (allowed[CHILDREN_ASK])
		rc = 0;
	else if (ch->how == CHILDREN_ASK || !allowed[ch->how])
		err_set(_("it has %s; say what happens to them: %s"), has, choices);
	else if (ch->how == CHILDREN_MOVE && (!to || to == h))
		err_set(_("move:%s: the strategy has no other %s with that id"), ch->to, _(kinds[k].label));
	else if (to && self >= 0 && field_ref(k, &model_fields(k, &(size_t){ 0 })[self]) == k &&
	         makes_circle(p, k, self, h->id, to->key))
		err_set(_("move:%s: that %s is under this one; choose another"), ch->to, _(kinds[k].label));
	else
		rc = 0;
	free(choices);
	return rc;
}

/* Set one field of an item to new_value and log it (the strategy as it was: p). */
static int
set_child(struct db *db, const struct plan *p, const struct child *c, const char *new_value, const char *comment)
{
	const struct field_def *f = &model_fields(c->kind, &(size_t){ 0 })[c->field];
	char *old = model_item_text(c->kind, p, c->h, c->field);
	int rc = write_field(db, p, c->kind, c->h->id, f, new_value) < 0 || bump(db, c->kind, c->h->id) < 0 ||
	         log_field(db, p, c->kind, c->h, f->key, old, new_value, comment) < 0 ? -1 : 0;

	free(old);
	return rc;
}

static enum act_result delete_locked(struct db *db, const struct plan *p, enum kind k, const struct item_head *h,
                                     const struct children *ch, int nested, const char *comment);

/* Do with each child what ch says: a tree child is deleted with a delete, a linked one unlinked. */
static enum act_result
handle_children(struct db *db, const struct plan *p, const struct item_head *h, const struct child *c, size_t n,
                const struct children *ch, const char *comment)
{
	enum act_result rc = ACTIVITY_OK;

	for (size_t i = 0; i < n && rc == ACTIVITY_OK; i++) {
		char *v = model_item_text(c[i].kind, p, c[i].h, c[i].field), *new_value;

		if (ch->how == CHILDREN_DELETE && c[i].tree) {
			free(v);
			rc = delete_locked(db, p, c[i].kind, c[i].h, ch, 1, comment);
			continue;
		}
		new_value = list_replace(v, h->key, ch->how == CHILDREN_MOVE ? ch->to : NULL);
		if (set_child(db, p, &c[i], new_value, comment) < 0)
			rc = ACTIVITY_ERROR;
		free(v);
		free(new_value);
	}
	return rc;
}

/* The indicator's values, each logged as "value.SERIES.PERIOD.SEX" so undo can bring them back, then deleted. */
static int
delete_values(struct db *db, const struct plan *p, enum kind k, const struct item_head *h, const char *comment)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (k != KIND_INDICATOR)
		return 0;
	if (!(st = db_prepare(db, "SELECT series, period, sex, value FROM measurement WHERE indicator_id = ?"
	                          " ORDER BY series, period_key, sex")))
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		char *field = xasprintf("value.%s.%s.%s", db_text(st, 0), db_text(st, 1), db_text(st, 2));
		char num[64] = "none";

		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			format_number(num, sizeof num, sqlite3_column_double(st, 3));
		rc = log_field(db, p, k, h, field, num, NULL, comment);
		free(field);
	}
	sqlite3_finalize(st);
	if (rc < 0 || !(st = db_prepare(db, "DELETE FROM measurement WHERE indicator_id = ?")))
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	return db_exec_stmt(db, st);
}

/* Where the item stands among its kind, so that undo puts it back there. */
static int
log_position(struct db *db, const struct plan *p, enum kind k, const struct item_head *h, const char *comment)
{
	char *sql = xasprintf("SELECT position FROM %s WHERE id = ?", kinds[k].table);
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc = -1;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = log_field(db, p, k, h, "position", db_text(st, 0), NULL, comment);
	sqlite3_finalize(st);
	return rc;
}

/* The row itself, its fields logged first. */
static int
delete_row(struct db *db, const struct plan *p, enum kind k, const struct item_head *h, const char *comment)
{
	size_t n;
	const struct field_def *f = model_fields(k, &n);
	char *sql;
	sqlite3_stmt *st;

	if (log_field(db, p, k, h, "deleted", h->key, NULL, comment) < 0 || log_position(db, p, k, h, comment) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char *v = model_item_text(k, p, h, (int)i);
		int rc = *v ? log_field(db, p, k, h, f[i].key, v, NULL, comment) : 0;

		free(v);
		if (rc < 0)
			return -1;
	}
	sql = xasprintf("DELETE FROM %s WHERE id = ?", kinds[k].table);
	st = db_prepare(db, sql);
	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	return db_exec_stmt(db, st);
}

/* nested: a child deleted with its parent (the choice was made for the parent). */
static enum act_result
delete_locked(struct db *db, const struct plan *p, enum kind k, const struct item_head *h,
              const struct children *ch, int nested, const char *comment)
{
	struct child *c;
	size_t n = children_find(p, k, h, &c);
	int allowed[4];
	char *has = children_describe(c, n, values_count(db, k, h->id), allowed);
	enum act_result rc = ACTIVITY_INVALID;

	if (nested || check_choice(p, k, h, ch, has, allowed) == 0) {
		rc = handle_children(db, p, h, c, n, ch, comment);
		if (rc == ACTIVITY_OK && (delete_values(db, p, k, h, comment) < 0 || delete_row(db, p, k, h, comment) < 0))
			rc = ACTIVITY_ERROR;
	}
	free(has);
	free(c);
	return rc;
}

static enum act_result
run_delete(struct db *db, const struct plan *p, void *arg)
{
	const struct apply_args *a = arg;
	const struct item_head *h = plan_find(p, a->kind, a->key, 0);
	int64_t version;

	if (!h)
		return no_such(p, a->kind);
	if (version_of(db, a->kind, h->id, &version) != 1)
		return ACTIVITY_ERROR;
	if (a->version && version != a->version)
		return ACTIVITY_CONFLICT;
	return delete_locked(db, p, a->kind, h, a->ch, 0, a->comment);
}

enum act_result
structure_delete(struct db *db, const char *strategy_id, enum kind k, const char *key, const struct children *ch,
                 int64_t expected_version, const char *comment)
{
	struct apply_args a = { .key = key, .kind = k, .ch = ch, .version = expected_version, .comment = comment };

	return in_write(db, strategy_id, 1, 0, run_delete, &a);
}


/* One row of a batch of the change log. */
struct log_row {
	int64_t item_id;
	char *kind, *field, *old, *new_value, *item;
};

static void
rows_free(struct log_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].kind);
		free(r[i].field);
		free(r[i].old);
		free(r[i].new_value);
		free(r[i].item);
	}
	free(r);
}

static size_t
rows_read(struct db *db, int64_t batch, struct log_row **rows)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT item_id, kind, field, old, new, item FROM change_log WHERE batch = ? ORDER BY id");
	size_t n = 0;

	*rows = NULL;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, batch);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*rows = xrealloc(*rows, (n + 1) * sizeof **rows);
		(*rows)[n] = (struct log_row){ sqlite3_column_int64(st, 0), db_strdup(st, 1), db_strdup(st, 2),
		                               db_strdup(st, 3), db_strdup(st, 4), db_strdup(st, 5) };
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/* The kind a change-log row names (its word), or KIND_COUNT. */
static enum kind
row_kind(const struct log_row *r)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (kinds[k].word && strcmp(kinds[k].word, r->kind) == 0)
			return (enum kind)k;
	return KIND_COUNT;
}

/* A deleted indicator's values back, as logged ("value.SERIES.PERIOD.SEX", the number or "none"). */
static int
restore_value(struct db *db, const struct plan *p, const struct item_head *h, const struct log_row *r,
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
		rc = log_field(db, p, KIND_INDICATOR, h, r->field, NULL, r->old, comment);
	free(spec);
	return rc;
}

/* A brought-back item where it stood (the "position" row of its deletion). */
static int
put_back(struct db *db, enum kind k, const struct log_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *sql;
		sqlite3_stmt *st;

		if (strcmp(r[i].field, "position") != 0 || !r[i].old)
			continue;
		sql = xasprintf("UPDATE %s SET position = ? WHERE id = ?", kinds[k].table);
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
undo_deleted(struct db *db, const struct plan *p, enum kind k, const struct log_row *r, size_t n,
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
	rc = key ? add_locked(db, p, key, &c, r[0].item_id, comment) : ACTIVITY_ERROR;
	item_change_free(&c);
	if (rc == ACTIVITY_OK && put_back(db, k, r, n) < 0)
		rc = ACTIVITY_ERROR;
	if (rc != ACTIVITY_OK || load(db, p->s.id, 0, &after) < 0)
		return rc != ACTIVITY_OK ? rc : ACTIVITY_ERROR;
	for (size_t i = 0; i < n && rc == ACTIVITY_OK; i++)
		if (strncmp(r[i].field, "value.", 6) == 0 &&
		    restore_value(db, &after, plan_find(&after, k, NULL, r[0].item_id), &r[i], comment) < 0)
			rc = ACTIVITY_ERROR;
	model_free_plan(&after);
	return rc;
}

/* Set fields back, if nobody changed them since (else they are theirs now). */
static enum act_result
undo_fields(struct db *db, const struct plan *p, enum kind k, const struct log_row *r, size_t n,
            const char *comment)
{
	const struct item_head *h = plan_find(p, k, NULL, r[0].item_id);

	for (size_t i = 0; i < n; i++) {
		int fi = structure_field(k, r[i].field);
		char *cur = h && fi >= 0 ? model_item_text(k, p, h, fi) : NULL;
		int same = cur && strcmp(cur, r[i].new_value ? r[i].new_value : "") == 0;

		free(cur);
		if (!same) {
			err_set(_("undo: %s:%s %s was changed by someone else since; change it back by hand"),
			        kinds[k].word, h ? h->key : "?", r[i].field);
			return ACTIVITY_CONFLICT;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int fi = structure_field(k, r[i].field);
		struct child c = { k, h, fi, 0 };

		if (set_child(db, p, &c, r[i].old ? r[i].old : "", comment) < 0)
			return ACTIVITY_ERROR;
	}
	return ACTIVITY_OK;
}

/* Undo one item's rows of the batch, with the strategy as it is now. */
static enum act_result
undo_segment(struct db *db, const char *strategy_id, const struct log_row *r, size_t n, const char *comment)
{
	enum kind k = row_kind(&r[0]);
	struct plan p;
	enum act_result rc;
	int deleted = 0;

	if (k == KIND_COUNT || load(db, strategy_id, 1, &p) < 0)
		return ACTIVITY_ERROR;
	for (size_t i = 0; i < n; i++)
		deleted |= strcmp(r[i].field, "deleted") == 0;
	if (strcmp(r[0].field, "created") == 0) {
		const struct item_head *h = plan_find(&p, k, NULL, r[0].item_id);
		struct children ask = { CHILDREN_ASK, NULL };

		rc = h ? delete_locked(db, &p, k, h, &ask, 0, comment) : ACTIVITY_OK;
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
undo_what(const struct log_row *r, size_t n)
{
	size_t start = n - 1;
	enum kind k = row_kind(&r[n - 1]);
	const char *label = k < KIND_COUNT && kinds[k].label ? _(kinds[k].label) : r[n - 1].kind;
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
undo_rows(struct db *db, const char *strategy_id, const struct log_row *r, size_t n, char **what)
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
		" AND kind IN ('activity', 'focus', 'goal', 'indicator', 'group', 'followup')"
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

enum act_result
structure_undo(struct db *db, const char *strategy_id, char **what)
{
	int64_t batch;
	int structural = 0;
	struct log_row *rows;
	size_t n;
	enum act_result rc;

	if (what)
		*what = NULL;
	if (last_batch(db, strategy_id, &batch, &structural) != 1 || !structural)
		return activity_undo(db, strategy_id, what);
	if (db_write_begin(db, batch) < 0)
		return ACTIVITY_ERROR;
	n = rows_read(db, batch, &rows);
	rc = n ? undo_rows(db, strategy_id, rows, n, what) : ACTIVITY_ERROR;
	rows_free(rows, n);
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
