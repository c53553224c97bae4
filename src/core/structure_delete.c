/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure_delete.c: deleting a focus area, goal, indicator, group or follow-up: what refers to it (its children) and the choice of what happens to them. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "structure.h"
#include "structure_private.h"
#include "util.h"

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
			if (structure_field_ref(ck, &f[i]) != k)
				continue;
			for (size_t j = 0; j < structure_plan_count(p, ck); j++) {
				const struct item_head *ch = structure_plan_item(p, ck, j);
				char *v = model_item_text(ck, p, ch, (int)i);

				if (structure_holds_key(v, h->key)) {
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
	if (structure_load(db, strategy_id, 1, &p) < 0)
		return NULL;
	if ((h = structure_plan_find(&p, k, key, 0)))
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
	const struct item_head *to = ch->how == CHILDREN_MOVE ? structure_plan_find(p, k, ch->to, 0) : NULL;
	int rc = -1, self = structure_field(k, "parent");

	if (allowed[CHILDREN_ASK])
		rc = 0;
	else if (ch->how == CHILDREN_ASK || !allowed[ch->how])
		err_set(_("it has %s; say what happens to them: %s"), has, choices);
	else if (ch->how == CHILDREN_MOVE && (!to || to == h))
		err_set(_("move:%s: the strategy has no other %s with that id"), ch->to, _(structure_kinds[k].label));
	else if (to && self >= 0 && structure_field_ref(k, &model_fields(k, &(size_t){ 0 })[self]) == k &&
	         structure_makes_circle(p, k, self, h->id, to->key))
		err_set(_("move:%s: that %s is under this one; choose another"), ch->to, _(structure_kinds[k].label));
	else
		rc = 0;
	free(choices);
	return rc;
}

/* Set one field of an item to new_value and log it (the strategy as it was: p). */
int
structure_set_child(struct db *db, const struct plan *p, const struct child *c, const char *new_value,
                    const char *comment)
{
	const struct field_def *f = &model_fields(c->kind, &(size_t){ 0 })[c->field];
	char *old = model_item_text(c->kind, p, c->h, c->field);
	int rc = structure_write_field(db, p, c->kind, c->h->id, f, new_value) < 0 ||
	         structure_bump(db, c->kind, c->h->id) < 0 ||
	         structure_log_field(db, p, c->kind, c->h, f->key, old, new_value, comment) < 0 ? -1 : 0;

	free(old);
	return rc;
}

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
			rc = structure_delete_locked(db, p, c[i].kind, c[i].h, ch, 1, comment);
			continue;
		}
		new_value = structure_list_replace(v, h->key, ch->how == CHILDREN_MOVE ? ch->to : NULL);
		if (structure_set_child(db, p, &c[i], new_value, comment) < 0)
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
		rc = structure_log_field(db, p, k, h, field, num, NULL, comment);
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
	char *sql = xasprintf("SELECT position FROM %s WHERE id = ?", structure_kinds[k].table);
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc = -1;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = structure_log_field(db, p, k, h, "position", db_text(st, 0), NULL, comment);
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

	if (structure_log_field(db, p, k, h, "deleted", h->key, NULL, comment) < 0 || log_position(db, p, k, h, comment) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char *v = model_item_text(k, p, h, (int)i);
		int rc = *v ? structure_log_field(db, p, k, h, f[i].key, v, NULL, comment) : 0;

		free(v);
		if (rc < 0)
			return -1;
	}
	sql = xasprintf("DELETE FROM %s WHERE id = ?", structure_kinds[k].table);
	st = db_prepare(db, sql);
	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, h->id);
	return db_exec_stmt(db, st);
}

/* nested: a child deleted with its parent (the choice was made for the parent). */
enum act_result
structure_delete_locked(struct db *db, const struct plan *p, enum kind k, const struct item_head *h,
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
	const struct structure_args *a = arg;
	const struct item_head *h = structure_plan_find(p, a->kind, a->key, 0);
	int64_t version;

	if (!h)
		return structure_no_such(p, a->kind);
	if (structure_version_of(db, a->kind, h->id, &version) != 1)
		return ACTIVITY_ERROR;
	if (a->version && version != a->version)
		return ACTIVITY_CONFLICT;
	return structure_delete_locked(db, p, a->kind, h, a->ch, 0, a->comment);
}

enum act_result
structure_delete(struct db *db, const char *strategy_id, enum kind k, const char *key, const struct children *ch,
                 int64_t expected_version, const char *comment)
{
	struct structure_args a = { .key = key, .kind = k, .ch = ch, .version = expected_version, .comment = comment };

	return structure_in_write(db, strategy_id, 1, 0, run_delete, &a);
}
