/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.c: loading a strategy from the database; status names; derived facts such as overdue. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "organisation.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* A value with a stable id, a label for people and a symbol that does not depend on colour. */
struct named {
	const char *id, *label, *symbol;
};

static const struct named unknown = { "?", "?", "?" };

static const struct named *
named_at(const struct named *t, int n, int i)
{
	return i >= 0 && i < n ? &t[i] : &unknown;
}

/* The value whose id is s, or (people) whose label in the UI language is s, in any case; -1 if none. */
static int
named_find(const struct named *t, int n, const char *s, int labels)
{
	for (int i = 0; i < n; i++)
		if (strcmp(s, t[i].id) == 0)
			return i;
	for (int i = 0; labels && i < n; i++)
		if (strcasecmp(s, _(t[i].label)) == 0)
			return i;
	return -1;
}

static const struct named statuses[ST_COUNT] = {
	[ST_NOT_STARTED] = { "not_started", N_("Not started"), "-" },
	[ST_IN_PROGRESS] = { "in_progress", N_("In progress"), ">" },
	[ST_DONE]        = { "done",        N_("Done"),        "+" },
	[ST_DELAYED]     = { "delayed",     N_("Delayed"),     "!" },
	[ST_CANCELLED]   = { "cancelled",   N_("Cancelled"),   "x" },
};
static const struct named act_kinds[AK_COUNT] = {
	[AK_ACTIVITY]   = { "activity",   N_("Activity"),   "" },
	[AK_COMMITMENT] = { "commitment", N_("Commitment"), "" },
};
static const struct named assessments[AS_COUNT] = {
	[AS_FULFILLED]     = { "fulfilled",     N_("Fulfilled"),        "+" },
	[AS_PARTLY]        = { "partly",        N_("Partly fulfilled"), "~" },
	[AS_NOT_FULFILLED] = { "not_fulfilled", N_("Not fulfilled"),    "!" },
	[AS_NOT_ASSESSED]  = { "not_assessed",  N_("Not assessed"),     "?" },
};
const enum assessment assessment_order[AS_COUNT] = {
	AS_FULFILLED, AS_PARTLY, AS_NOT_FULFILLED, AS_NOT_ASSESSED
};

const char *status_id(enum status s) { return named_at(statuses, ST_COUNT, (int)s)->id; }
int status_from_id(const char *id) { return named_find(statuses, ST_COUNT, id, 0); }
int status_from_text(const char *s) { return named_find(statuses, ST_COUNT, s, 1); }
const char *status_label(enum status s) { return _(named_at(statuses, ST_COUNT, (int)s)->label); }
const char *status_symbol(enum status s) { return named_at(statuses, ST_COUNT, (int)s)->symbol; }
const char *act_kind_id(enum act_kind k) { return named_at(act_kinds, AK_COUNT, (int)k)->id; }
int act_kind_from_id(const char *id) { return named_find(act_kinds, AK_COUNT, id, 0); }
const char *act_kind_label(enum act_kind k) { return _(named_at(act_kinds, AK_COUNT, (int)k)->label); }
const char *assessment_id(enum assessment a) { return named_at(assessments, AS_COUNT, (int)a)->id; }
int assessment_from_id(const char *id) { return named_find(assessments, AS_COUNT, id, 0); }
int assessment_from_text(const char *s) { return named_find(assessments, AS_COUNT, s, 1); }
const char *assessment_label(enum assessment a) { return _(named_at(assessments, AS_COUNT, (int)a)->label); }
const char *assessment_symbol(enum assessment a) { return named_at(assessments, AS_COUNT, (int)a)->symbol; }

int
sex_from_char(int c)
{
	switch (c) {
	case 'T': case 't': return SEX_T;
	case 'K': case 'k': return SEX_K;
	case 'M': case 'm': return SEX_M;
	}
	return -1;
}

char
sex_char(enum sex s)
{
	return "TKM"[s];
}

int
model_list_strategies(struct db *db, struct strategy_ref **out, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, municipality, title FROM strategy ORDER BY municipality, id");
	struct strategy_ref *r = NULL;
	size_t count = 0;
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = xrealloc(r, (count + 1) * sizeof *r);
		r[count].id = db_strdup(st, 0);
		r[count].municipality = db_strdup(st, 1);
		r[count].title = db_strdup(st, 2);
		count++;
	}
	if (rc != SQLITE_DONE) {
		db_error(db);
		sqlite3_finalize(st);
		model_free_strategy_refs(r, count);
		return -1;
	}
	sqlite3_finalize(st);
	*out = r;
	*n = count;
	return 0;
}

void
model_free_strategy_refs(struct strategy_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].id);
		free(r[i].municipality);
		free(r[i].title);
	}
	free(r);
}

/* The fields of each kind: the strategy's and the activity's from their X-macros in model.h. */
#define SF_DEF_(key, type, flags) [SF_##key] = { #key, #key, FT_##type, NULL, flags, 0, 0, 0, 0 },
static const struct field_def strategy_fields[SF_COUNT] = { STRATEGY_FIELDS(SF_DEF_) };
#undef SF_DEF_
#define ROW_(ID, key, member, column, type, flags) { key, column, FT_##type, NULL, flags, 0, 0, 0, 0 },
static const struct field_def focus_fields[FA_COUNT] = { FOCUS_FIELDS(ROW_) };
static const struct field_def goal_fields[GF_COUNT] = { GOAL_FIELDS(ROW_) };
static const struct field_def indicator_fields[IND_COUNT] = { INDICATOR_FIELDS(ROW_) };
static const struct field_def group_fields[GR_COUNT] = { GROUP_FIELDS(ROW_) };
static const struct field_def followup_fields[FU_COUNT] = { FOLLOWUP_FIELDS(ROW_) };
#undef ROW_
#define TABLE_(t) { (t), sizeof (t) / sizeof *(t) }
static const struct {
	const struct field_def *f;
	size_t n;
} tables[KIND_COUNT] = {
	[KIND_STRATEGY] = TABLE_(strategy_fields),
	[KIND_FOCUS] = TABLE_(focus_fields),
	[KIND_GOAL] = TABLE_(goal_fields),
	[KIND_INDICATOR] = TABLE_(indicator_fields),
	[KIND_ACTIVITY] = { model_activity_fields, AF_COUNT },
	[KIND_GROUP] = TABLE_(group_fields),
	[KIND_FOLLOWUP] = TABLE_(followup_fields),
};
#undef TABLE_

const struct field_def *
model_fields(enum kind k, size_t *n)
{
	*n = tables[k].n;
	return tables[k].f;
}

static enum status
read_status(sqlite3_stmt *st, int col)
{
	int s = status_from_id(db_text(st, col));

	return s < 0 ? ST_NOT_STARTED : (enum status)s;
}

/* A kind as stored; anything else reads as an activity. */
static enum act_kind
read_act_kind(sqlite3_stmt *st, int col)
{
	int k = act_kind_from_id(db_text(st, col));

	return k < 0 ? AK_ACTIVITY : (enum act_kind)k;
}

/* An assessment as stored: NULL (none recorded) is not assessed. */
static enum assessment
read_assessment(sqlite3_stmt *st, int col)
{
	int a = assessment_from_id(db_text(st, col));

	return a < 0 ? AS_NOT_ASSESSED : (enum assessment)a;
}

static char *
dup_text(const char *s)
{
	return xstrdup(s ? s : "");
}

static char *
number_text(int has, double v)
{
	char num[64] = "";

	if (has)
		format_number(num, sizeof num, v);
	return xstrdup(num);
}

static char *
list_text(char *const *names, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " | " : "", names[i]);
	return b.s ? b.s : xstrdup("");
}

/* The keys of the focus areas, as files hold them: "a | b". */
static char *
focus_keys(const struct plan *p, const int64_t *ids, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; p && i < n; i++) {
		const struct focus_area *fa = plan_focus(p, ids[i]);

		if (fa)
			buf_printf(&b, "%s%s", b.s ? " | " : "", fa->key);
	}
	return b.s ? b.s : xstrdup("");
}

/* A focus area's or goal's key in p, or "". */
static const char *
focus_key_cstr(const struct plan *p, int64_t id)
{
	const struct focus_area *fa = p ? plan_focus(p, id) : NULL;

	return fa && fa->key ? fa->key : "";
}

static const char *
goal_key_cstr(const struct plan *p, int64_t id)
{
	const struct goal *g = p ? plan_goal(p, id) : NULL;

	return g && g->key ? g->key : "";
}

static void
free_list(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/*
 * Reading, freeing, copying a field's members (s->m) and writing its value
 * as files hold it, by its type.  A list is read apart (read_bodies()).
 */
#define FIELD_READ_TEXT(st, col, s, m) (s)->m = db_strdup(st, col)
#define FIELD_READ_DATE(st, col, s, m) FIELD_READ_TEXT(st, col, s, m)
#define FIELD_READ_PERIOD(st, col, s, m) FIELD_READ_TEXT(st, col, s, m)
#define FIELD_READ_FOCUS(st, col, s, m) (s)->m = sqlite3_column_int64(st, col)
#define FIELD_READ_GOAL(st, col, s, m) FIELD_READ_FOCUS(st, col, s, m)
#define FIELD_READ_STATUS(st, col, s, m) (s)->m = read_status(st, col)
#define FIELD_READ_PERCENT(st, col, s, m) (s)->m = sqlite3_column_int(st, col)
#define FIELD_READ_ACT_KIND(st, col, s, m) (s)->m = read_act_kind(st, col)
#define FIELD_READ_ASSESSMENT(st, col, s, m) (s)->m = read_assessment(st, col)
#define FIELD_READ_DIRECTION(st, col, s, m) FIELD_READ_PERCENT(st, col, s, m)
#define FIELD_READ_BOOL(st, col, s, m) FIELD_READ_PERCENT(st, col, s, m)
#define FIELD_READ_NUMBER(st, col, s, m) \
	((s)->has_##m = sqlite3_column_type(st, col) != SQLITE_NULL, (s)->m = sqlite3_column_double(st, col))
#define FIELD_READ_LIST(st, col, s, m) (void)0
#define FIELD_READ_FOCUS_LIST(st, col, s, m) FIELD_READ_LIST(st, col, s, m)
/* The columns a field takes in a SELECT (FIELD_SELECT_* in model.h): one, none for a list. */
#define FIELD_NCOLUMNS(type) FIELD_NCOLUMNS_##type
#define FIELD_NCOLUMNS_TEXT 1
#define FIELD_NCOLUMNS_DATE 1
#define FIELD_NCOLUMNS_PERIOD 1
#define FIELD_NCOLUMNS_FOCUS 1
#define FIELD_NCOLUMNS_GOAL 1
#define FIELD_NCOLUMNS_STATUS 1
#define FIELD_NCOLUMNS_PERCENT 1
#define FIELD_NCOLUMNS_DIRECTION 1
#define FIELD_NCOLUMNS_BOOL 1
#define FIELD_NCOLUMNS_NUMBER 1
#define FIELD_NCOLUMNS_LIST 0
#define FIELD_NCOLUMNS_FOCUS_LIST 0
#define FIELD_FREE_TEXT(s, m) free((s)->m)
#define FIELD_FREE_DATE(s, m) FIELD_FREE_TEXT(s, m)
#define FIELD_FREE_PERIOD(s, m) FIELD_FREE_TEXT(s, m)
#define FIELD_FREE_LIST(s, m) free_list((s)->m, (s)->n##m)
#define FIELD_FREE_FOCUS_LIST(s, m) free((s)->m)
#define FIELD_FREE_NONE(s, m) (void)0
#define FIELD_FREE_FOCUS(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_GOAL(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_STATUS(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_PERCENT(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_ACT_KIND(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_ASSESSMENT(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_DIRECTION(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_BOOL(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_FREE_NUMBER(s, m) FIELD_FREE_NONE(s, m)
#define FIELD_COPY_TEXT(d, s, m) (d)->m = (s)->m ? xstrdup((s)->m) : NULL
#define FIELD_COPY_DATE(d, s, m) FIELD_COPY_TEXT(d, s, m)
#define FIELD_COPY_NONE(d, s, m) (void)0   /* copied with the struct */
#define FIELD_COPY_FOCUS(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_GOAL(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_STATUS(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_PERCENT(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_ACT_KIND(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_ASSESSMENT(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_COPY_BOOL(d, s, m) FIELD_COPY_NONE(d, s, m)
#define FIELD_TEXT_TEXT(p, s, m) dup_text((s)->m)
#define FIELD_TEXT_DATE(p, s, m) FIELD_TEXT_TEXT(p, s, m)
#define FIELD_TEXT_PERIOD(p, s, m) FIELD_TEXT_TEXT(p, s, m)
#define FIELD_TEXT_FOCUS(p, s, m) xstrdup(focus_key_cstr(p, (s)->m))
#define FIELD_TEXT_GOAL(p, s, m) xstrdup(goal_key_cstr(p, (s)->m))
#define FIELD_TEXT_STATUS(p, s, m) xstrdup(status_id((s)->m))
#define FIELD_TEXT_PERCENT(p, s, m) xasprintf("%d", (s)->m)
#define FIELD_TEXT_ASSESSMENT(p, s, m) xstrdup(assessment_id((s)->m))
#define FIELD_TEXT_DIRECTION(p, s, m) xstrdup((s)->m == DIR_LOWER ? "lower" : (s)->m == DIR_HIGHER ? "higher" : "")
#define FIELD_TEXT_BOOL(p, s, m) xstrdup((s)->m ? "yes" : "no")
#define FIELD_TEXT_NUMBER(p, s, m) number_text((s)->has_##m, (s)->m)
#define FIELD_TEXT_LIST(p, s, m) list_text((s)->m, (s)->n##m)
#define FIELD_TEXT_FOCUS_LIST(p, s, m) focus_keys(p, (s)->m, (s)->n##m)

/* The same for the rows of FOCUS_FIELDS, GOAL_FIELDS and INDICATOR_FIELDS: item is the struct. */
#define ITEM_SELECT_(ID, key, member, column, type, flags) FIELD_SELECT_##type(column)
#define ITEM_READ_(ID, key, member, column, type, flags) \
	FIELD_READ_##type(st, col, item, member); \
	col += FIELD_NCOLUMNS(type);
#define ITEM_FREE_(ID, key, member, column, type, flags) FIELD_FREE_##type(item, member);
#define FA_TEXT_(ID, key, member, column, type, flags) case FA_##ID: return FIELD_TEXT_##type(p, item, member);
#define GF_TEXT_(ID, key, member, column, type, flags) case GF_##ID: return FIELD_TEXT_##type(p, item, member);
#define IND_TEXT_(ID, key, member, column, type, flags) case IND_##ID: return FIELD_TEXT_##type(p, item, member);

static char *
focus_text(const struct plan *p, const struct focus_area *item, enum focus_field field)
{
	(void)p;        /* no references among a focus area's fields today */
	switch (field) {
	FOCUS_FIELDS(FA_TEXT_)
	default: return xstrdup("");
	}
}

static char *
goal_text(const struct plan *p, const struct goal *item, enum goal_field field)
{
	switch (field) {
	GOAL_FIELDS(GF_TEXT_)
	default: return xstrdup("");
	}
}

static char *
indicator_text(const struct plan *p, const struct indicator *item, enum indicator_field field)
{
	switch (field) {
	INDICATOR_FIELDS(IND_TEXT_)
	default: return xstrdup("");
	}
}

/* A strategy's field, as stored (NULL if none). */
static const char *
model_strategy_value(const struct strategy *s, enum strategy_field f)
{
	switch (f) {
#define SF_VALUE_(key, type, flags) case SF_##key: return s->key;
	STRATEGY_FIELDS(SF_VALUE_)
#undef SF_VALUE_
	default: return NULL;
	}
}

static char *
item_text(enum kind kind, const struct plan *p, const void *item, int field)
{
	switch (kind) {
	case KIND_STRATEGY: return dup_text(model_strategy_value(item, (enum strategy_field)field));
	case KIND_FOCUS: return focus_text(p, item, (enum focus_field)field);
	case KIND_GOAL: return goal_text(p, item, (enum goal_field)field);
	case KIND_INDICATOR: return indicator_text(p, item, (enum indicator_field)field);
	case KIND_ACTIVITY: return model_activity_text(item, (enum act_field)field, p);
	case KIND_GROUP: return organisation_group_text(item, (enum group_field)field);
	case KIND_FOLLOWUP: return organisation_followup_text(item, (enum followup_field)field);
	default: return xstrdup("");
	}
}

char *
model_item_text(enum kind kind, const struct plan *p, const void *item, int field)
{
	char *v = item_text(kind, p, item, field);

	/* A mark such as example is held only when set: "no" is the same as nothing. */
	if ((tables[kind].f[field].flags & FF_YES_ONLY) && strcmp(v, "no") == 0)
		*v = '\0';
	return v;
}

static const struct {
	const char *id, *label, *swedish;       /* swedish: the label in Swedish, read whatever the UI's language */
} series_names[SERIES_COUNT] = {
	[SERIES_MUNICIPALITY] = { "municipality", N_("municipality"), "kommunen" },
	[SERIES_COUNTY] = { "county", N_("county"), "länet" },
	[SERIES_COUNTRY] = { "country", N_("country"), "riket" },
};

const char *
series_id(enum series s)
{
	return s < SERIES_COUNT ? series_names[s].id : "?";
}

int
series_from_id(const char *id)
{
	for (int i = 0; i < SERIES_COUNT; i++)
		if (strcmp(id, series_names[i].id) == 0)
			return i;
	return -1;
}

int
series_from_name(const char *name)
{
	for (int i = 0; i < SERIES_COUNT; i++)
		if (strcasecmp(name, series_names[i].id) == 0 || search_same(name, series_names[i].swedish)
		    || search_same(name, _(series_names[i].label)))
			return i;
	return -1;
}

const char *
series_label(enum series s)
{
	return s < SERIES_COUNT ? _(series_names[s].label) : "?";
}

static int
step_error(struct db *db, sqlite3_stmt *st, int rc)
{
	if (rc == SQLITE_DONE)
		return 0;
	db_error(db);
	db_finish(db, st);
	return -1;
}

/* A strategy's column as its member holds it: a BOOL as "yes" or NULL. */
#define SF_SELECT_SLUG(c) c
#define SF_SELECT_TEXT(c) c
#define SF_SELECT_DATE(c) c
#define SF_SELECT_MUNICIPALITY_CODE(c) c
#define SF_SELECT_BOOL(c) "CASE WHEN " c " THEN 'yes' END"

static int
load_strategy(struct db *db, const char *id, struct strategy *s)
{
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT "
#define X(key, type, flags) SF_SELECT_##type(#key) ","
		STRATEGY_FIELDS(X)
#undef X
		"1 FROM strategy WHERE id = ?");
	int col = 0, rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			err_set(_("strategy '%s': no such strategy in %s; 'styrkort report' shows those there are"),
			        id, db->path);
		else
			db_error(db);
		db_finish(db, st);
		return -1;
	}
#define X(key, type, flags) s->key = db_strdup(st, col++);
	STRATEGY_FIELDS(X)
#undef X
	db_finish(db, st);
	return 0;
}

/* A focus area's responsible bodies (its LIST), in order. */
static void
read_bodies(sqlite3_stmt *bodies, struct focus_area *f)
{
	sqlite3_bind_int64(bodies, 1, f->id);
	while (sqlite3_step(bodies) == SQLITE_ROW) {
		f->bodies = xappend(f->bodies, f->nbodies, sizeof *f->bodies);
		f->bodies[f->nbodies++] = db_strdup(bodies, 0);
	}
	sqlite3_reset(bodies);
}

static int
load_focus(struct db *db, const char *id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT id, key, " FOCUS_FIELDS(ITEM_SELECT_) "1 FROM focus_area WHERE strategy_id = ? ORDER BY position");
	sqlite3_stmt *bodies = db_prepare_kept(db,
		"SELECT name FROM responsible_body WHERE focus_id = ? ORDER BY position");
	int rc;

	if (!st || !bodies) {
		db_finish(db, st);
		db_finish(db, bodies);
		return -1;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct focus_area *item;
		int col = 2;

		p->focus = xappend(p->focus, p->nfocus, sizeof *p->focus);
		item = &p->focus[p->nfocus++];
		memset(item, 0, sizeof *item);
		item->id = sqlite3_column_int64(st, 0);
		item->key = db_strdup(st, 1);
		FOCUS_FIELDS(ITEM_READ_)
		read_bodies(bodies, item);
	}
	db_finish(db, bodies);
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	return 0;
}

/* A goal's focus areas (goal_focus), in link order. */
static int
read_goal_focus(struct db *db, const char *id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT l.goal_id, l.focus_id FROM goal_focus l JOIN goal g ON g.id = l.goal_id"
		" WHERE g.strategy_id = ? ORDER BY l.goal_id, l.position, l.focus_id");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct goal *g = (struct goal *)plan_goal(p, sqlite3_column_int64(st, 0));

		if (!g)
			continue;
		g->focus_ids = xappend(g->focus_ids, g->nfocus_ids, sizeof *g->focus_ids);
		g->focus_ids[g->nfocus_ids++] = sqlite3_column_int64(st, 1);
	}
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	return 0;
}

/*
 * plan_goal()'s index: a place per id from the smallest to the largest
 * (a strategy's goals are mostly numbered in a run); none where the ids
 * are too far apart.  Every activity asks for its goal several times.
 */
static void
index_goals(struct plan *p)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;

	for (size_t i = 0; i < p->ngoals; i++) {
		lo = p->goals[i].id < lo ? p->goals[i].id : lo;
		hi = p->goals[i].id > hi ? p->goals[i].id : hi;
	}
	if (!p->ngoals || (uint64_t)hi - (uint64_t)lo >= 4 * p->ngoals + 64)
		return;
	p->goal_id_min = lo;
	p->ngoal_at = (size_t)(hi - lo) + 1;
	p->goal_at = xcalloc(p->ngoal_at, sizeof *p->goal_at);
	for (size_t i = 0; i < p->ngoal_at; i++)
		p->goal_at[i] = SIZE_MAX;
	for (size_t i = 0; i < p->ngoals; i++)
		p->goal_at[p->goals[i].id - lo] = i;
}

/* Goals in tree order: each goal followed by its sub-goals, depth-first. */
static int
load_goals(struct db *db, const char *id, struct plan *p, int tree)
{
	/* Only what the keys need (tree 0: report_write_data's CSV names a goal by its key): no depth, no tree order. */
	sqlite3_stmt *st = tree ? db_prepare_kept(db,
		"WITH RECURSIVE tree(id, depth, path) AS ("
		" SELECT id, 0, printf('%08d', position) FROM goal"
		"  WHERE strategy_id = ?1 AND parent_id IS NULL"
		" UNION ALL"
		" SELECT g.id, t.depth + 1, t.path || printf('/%08d', g.position)"
		"  FROM goal g JOIN tree t ON g.parent_id = t.id WHERE g.strategy_id = ?1)"
		"SELECT g.id, g.key, " GOAL_FIELDS(ITEM_SELECT_) "t.depth"
		" FROM tree t JOIN goal g ON g.id = t.id ORDER BY t.path")
		: db_prepare_kept(db, "SELECT g.id, g.key, " GOAL_FIELDS(ITEM_SELECT_) "0 FROM goal g WHERE strategy_id = ?1");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct goal *item;
		int col = 2;

		p->goals = xappend(p->goals, p->ngoals, sizeof *p->goals);
		item = &p->goals[p->ngoals++];
		memset(item, 0, sizeof *item);
		item->id = sqlite3_column_int64(st, 0);
		item->key = db_strdup(st, 1);
		GOAL_FIELDS(ITEM_READ_)
		item->depth = sqlite3_column_int(st, col);
	}
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	index_goals(p);
	return tree ? read_goal_focus(db, id, p) : 0;
}

/* One stored value (a row of load_values' query) onto the end of its indicator's own series or comparisons. */
static void
read_value(sqlite3_stmt *st, struct indicator *ind)
{
	int series = series_from_id(db_text(st, 7));
	int own = series < 0 || series == SERIES_MUNICIPALITY;
	struct measurement **v = own ? &ind->values : &ind->comparisons;
	size_t *n = own ? &ind->nvalues : &ind->ncomparisons;
	struct measurement *m;

	*v = xappend(*v, *n, sizeof **v);
	m = &(*v)[(*n)++];
	m->series = series < 0 ? SERIES_MUNICIPALITY : (enum series)series;
	m->period = db_strdup(st, 1);
	m->period_key = sqlite3_column_int(st, 2);
	m->sex = sex_from_char(db_text(st, 3)[0]);
	m->has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
	m->value = sqlite3_column_double(st, 4);
	m->entered_by = db_strdup(st, 5);
	m->entered_at = db_strdup(st, 6);
	m->example = sqlite3_column_int(st, 8);
}

/*
 * The values of every indicator of the strategy in one query (not one
 * per indicator: issue 14), in the order progress, "latest" and the
 * charts read them (MODEL_VALUE_ORDER_SQL).
 */
static int
load_values(struct db *db, const char *id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT m.indicator_id, m.period, m.period_key, m.sex, m.value, m.entered_by, m.entered_at, m.series,"
		" m.example FROM indicator i JOIN measurement m ON m.indicator_id = i.id WHERE i.strategy_id = ?"
		" ORDER BY m.indicator_id, " MODEL_VALUE_ORDER_SQL);
	struct indicator *ind = NULL;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t ind_id = sqlite3_column_int64(st, 0);

		for (size_t i = 0; (!ind || ind->id != ind_id) && i < p->ninds; i++)
			ind = &p->inds[i];
		if (ind && ind->id == ind_id)
			read_value(st, ind);
	}
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	return 0;
}

static int
load_indicators(struct db *db, const char *id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT id, key, " INDICATOR_FIELDS(ITEM_SELECT_) "1 FROM indicator WHERE strategy_id = ? ORDER BY position");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct indicator *item;
		int col = 2;

		p->inds = xappend(p->inds, p->ninds, sizeof *p->inds);
		item = &p->inds[p->ninds++];
		memset(item, 0, sizeof *item);
		item->id = sqlite3_column_int64(st, 0);
		item->key = db_strdup(st, 1);
		INDICATOR_FIELDS(ITEM_READ_)
	}
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	return load_values(db, id, p);
}

#define DEF_(ID, key, member, column, type, label, flags, lo, hi, form, detail) \
	[AF_##ID] = { key, column, FT_##type, label, flags, lo, hi, form, detail },
const struct field_def model_activity_fields[AF_COUNT] = { ACTIVITY_FIELDS(DEF_) };
#undef DEF_

int
model_activity_field(const char *key)
{
	for (int i = 0; i < AF_COUNT; i++)
		if (strcmp(key, model_activity_fields[i].key) == 0)
			return i;
	return -1;
}

int
model_activity_fits(enum act_kind kind, enum act_field f)
{
	unsigned only = model_activity_fields[f].flags & (FF_ACTIVITY | FF_COMMITMENT);

	return !only || only == (kind == AK_COMMITMENT ? FF_COMMITMENT : FF_ACTIVITY);
}

char *
model_activity_field_list(const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < AF_COUNT; i++)
		buf_printf(&b, "%s%s", i ? sep : "", model_activity_fields[i].key);
	return b.s;
}

void
model_read_activity(sqlite3_stmt *st, struct activity *a)
{
	a->id = sqlite3_column_int64(st, MODEL_COL_ID);
	a->number = sqlite3_column_int64(st, MODEL_COL_NUMBER);
	a->ref = db_strdup(st, MODEL_COL_REF);
#define READ_(ID, key, member, column, type, label, flags, lo, hi, form, detail) \
	FIELD_READ_##type(st, MODEL_COL_FIELDS + AF_##ID, a, member);
	ACTIVITY_FIELDS(READ_)
#undef READ_
	a->changed_by = db_strdup(st, MODEL_COL_CHANGED_BY);
	a->changed_at = db_strdup(st, MODEL_COL_CHANGED_AT);
	a->version = sqlite3_column_int64(st, MODEL_COL_VERSION);
}

void
model_read_rule_fields(sqlite3_stmt *st, struct activity *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->number = sqlite3_column_int64(st, 1);
	a->focus_id = sqlite3_column_int64(st, 2);
	a->goal_id = sqlite3_column_int64(st, 3);
	a->kind = read_act_kind(st, 4);
	a->status = read_status(st, 5);
	a->assessment = read_assessment(st, 6);
	a->progress = sqlite3_column_int(st, 7);
	a->due = (char *)sqlite3_column_text(st, 8);
}

const char *
model_activity_cstr(const struct activity *a, enum act_field f, const struct plan *p, char *scratch, size_t n)
{
	if ((unsigned)f < AF_COUNT && !model_activity_fits(a->kind, f))
		return "";
	switch (f) {
/* An activity's flag is "yes" or nothing, as its change log and `set` write it; the kind "commitment" or nothing. */
#define ACT_CSTR_TEXT(s, m) ((s)->m ? (s)->m : "")
#define ACT_CSTR_DATE(s, m) ACT_CSTR_TEXT(s, m)
#define ACT_CSTR_FOCUS(s, m) focus_key_cstr(p, (s)->m)
#define ACT_CSTR_GOAL(s, m) goal_key_cstr(p, (s)->m)
#define ACT_CSTR_STATUS(s, m) status_id((s)->m)
#define ACT_CSTR_PERCENT(s, m) (snprintf(scratch, n, "%d", (s)->m), scratch)
#define ACT_CSTR_ACT_KIND(s, m) ((s)->m == AK_ACTIVITY ? "" : act_kind_id((s)->m))
#define ACT_CSTR_ASSESSMENT(s, m) assessment_id((s)->m)
#define ACT_CSTR_BOOL(s, m) ((s)->m ? "yes" : "")
#define CSTR_(ID, key, member, column, type, label, flags, lo, hi, form, detail) \
	case AF_##ID: return ACT_CSTR_##type(a, member);
	ACTIVITY_FIELDS(CSTR_)
#undef CSTR_
	default: return "";
	}
}

char *
model_activity_text(const struct activity *a, enum act_field f, const struct plan *p)
{
	char scratch[24];

	return xstrdup(model_activity_cstr(a, f, p, scratch, sizeof scratch));
}

int
model_each_activity(struct db *db, const char *strategy_id, int (*fn)(struct activity *a, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT " MODEL_ACTIVITY_COLUMNS " FROM activity WHERE strategy_id = ? ORDER BY position, id");
	int rc, stop = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct activity a;

		memset(&a, 0, sizeof a);
		model_read_activity(st, &a);
		stop = fn(&a, arg);
		model_free_activity(&a);
	}
	if (stop) {
		db_finish(db, st);
		return -1;
	}
	if (step_error(db, st, rc) < 0)
		return -1;
	db_finish(db, st);
	return 0;
}

/* model_each_activity's function for a whole plan: the activity moves into p->acts. */
static int
keep_activity(struct activity *a, void *arg)
{
	struct plan *p = arg;

	p->acts = xappend(p->acts, p->nacts, sizeof *p->acts);
	p->acts[p->nacts++] = *a;
	memset(a, 0, sizeof *a);
	return 0;
}

enum load_parts { LOAD_ACTIVITIES = 1, LOAD_INDICATORS = 2, LOAD_ORGANISATION = 4 };

static int
load(struct db *db, const char *strategy_id, struct plan *p, unsigned parts)
{
	memset(p, 0, sizeof *p);
	if (load_strategy(db, strategy_id, &p->s) < 0 ||
	    load_focus(db, strategy_id, p) < 0 ||
	    load_goals(db, strategy_id, p, parts != 0) < 0 ||
	    ((parts & LOAD_INDICATORS) && load_indicators(db, strategy_id, p) < 0) ||
	    ((parts & LOAD_ACTIVITIES) && model_each_activity(db, strategy_id, keep_activity, p) < 0) ||
	    ((parts & LOAD_ORGANISATION) && organisation_load(db, strategy_id, p) < 0)) {
		model_free_plan(p);
		return -1;
	}
	return 0;
}

int
model_load_plan(struct db *db, const char *strategy_id, struct plan *p)
{
	return load(db, strategy_id, p, LOAD_ACTIVITIES | LOAD_INDICATORS | LOAD_ORGANISATION);
}

int
model_load_outline(struct db *db, const char *strategy_id, struct plan *p)
{
	return load(db, strategy_id, p, LOAD_INDICATORS | LOAD_ORGANISATION);
}

int
model_load_keys(struct db *db, const char *strategy_id, struct plan *p)
{
	return load(db, strategy_id, p, 0);
}

enum csv_what { CSV_FIELD, CSV_STRATEGY, CSV_NUMBER, CSV_REF, CSV_STATUS_LABEL, CSV_OVERDUE,
                CSV_CHANGED_BY, CSV_CHANGED_AT };
/* The published columns; the table's other fields follow them. */
static const struct csv_column csv_published[] = {
	{ "strategy", CSV_STRATEGY, -1 }, { "number", CSV_NUMBER, -1 }, { "ref", CSV_REF, -1 },
	{ "focus_area", CSV_FIELD, AF_FOCUS }, { "goal", CSV_FIELD, AF_GOAL },
	{ "title", CSV_FIELD, AF_TITLE }, { "responsible", CSV_FIELD, AF_RESPONSIBLE },
	{ "contact", CSV_FIELD, AF_CONTACT }, { "start", CSV_FIELD, AF_START }, { "due", CSV_FIELD, AF_DUE },
	{ "status", CSV_FIELD, AF_STATUS }, { "status_label", CSV_STATUS_LABEL, -1 },
	{ "progress", CSV_FIELD, AF_PROGRESS }, { "overdue", CSV_OVERDUE, -1 },
	{ "comment", CSV_FIELD, AF_COMMENT },
	{ "changed_by", CSV_CHANGED_BY, -1 }, { "changed_at", CSV_CHANGED_AT, -1 },
};
#define NPUBLISHED (sizeof csv_published / sizeof *csv_published)

size_t
model_csv_columns(const struct csv_column **cols)
{
	static struct csv_column all[NPUBLISHED + AF_COUNT];
	static size_t n;

	if (!n) {
		int listed[AF_COUNT] = { 0 };

		for (size_t i = 0; i < NPUBLISHED; i++) {
			all[n++] = csv_published[i];
			if (csv_published[i].field >= 0)
				listed[csv_published[i].field] = 1;
		}
		for (int f = 0; f < AF_COUNT; f++)
			if (!listed[f] && !(model_activity_fields[f].flags & FF_NO_CSV))
				all[n++] = (struct csv_column){ model_activity_fields[f].key, CSV_FIELD, f };
	}
	*cols = all;
	return n;
}

/* A field as the CSV writes it (model_activity_shown() without a date_format), not a copy. */
static const char *
csv_cstr(const struct plan *p, const struct activity *a, enum act_field f, char *scratch, size_t n)
{
	const struct focus_area *fa;
	const struct goal *g;

	switch (model_activity_fields[f].type) {
	case FT_FOCUS:
		fa = plan_focus(p, a->focus_id);
		return fa && fa->name ? fa->name : "";
	case FT_GOAL:
		g = plan_goal(p, a->goal_id);
		return g && g->title ? g->title : "";
	case FT_ACT_KIND:
		/* The id in the CSV, the label on screen; never nothing. */
		return act_kind_id(a->kind);
	default:
		return model_activity_cstr(a, f, p, scratch, n);
	}
}

const char *
model_csv_cell(const struct plan *p, const struct activity *a, const struct csv_column *c, char *scratch, size_t n)
{
	switch (c->what) {
	case CSV_STRATEGY: return p->s.id ? p->s.id : "";
	case CSV_NUMBER: snprintf(scratch, n, "%lld", (long long)a->number); return scratch;
	case CSV_REF: return a->ref ? a->ref : "";
	case CSV_STATUS_LABEL: return model_activity_fits(a->kind, AF_STATUS) ? status_label(a->status) : "";
	case CSV_OVERDUE: return activity_overdue(a) ? "yes" : "no";
	case CSV_CHANGED_BY: return a->changed_by ? a->changed_by : "";
	case CSV_CHANGED_AT: return a->changed_at ? a->changed_at : "";
	}
	return csv_cstr(p, a, (enum act_field)c->field, scratch, n);
}

char *
model_activity_shown(const struct plan *p, const struct activity *a, enum act_field f,
                     const char *date_format)
{
	char date[64], scratch[24], *text, *shown;
	int st;

	switch (model_activity_fields[f].type) {
	case FT_FOCUS:
	case FT_GOAL:
		return xstrdup(csv_cstr(p, a, f, scratch, sizeof scratch));
	case FT_ACT_KIND:
		return xstrdup(date_format ? act_kind_label(a->kind) : act_kind_id(a->kind));
	default:
		break;
	}
	text = model_activity_text(a, f, p);
	if (!date_format)
		return text;
	switch (model_activity_fields[f].type) {
	case FT_STATUS:
		if ((st = status_from_id(text)) < 0)
			return text;
		shown = xasprintf("%s %s%s", status_symbol((enum status)st), status_label((enum status)st),
		                  activity_overdue(a) ? _(" * overdue") : "");
		break;
	case FT_PERCENT:
		shown = *text ? xasprintf("%s %%", text) : xstrdup("");
		break;
	case FT_ASSESSMENT:
		if (!*text)
			return text;
		shown = xasprintf("%s %s", assessment_symbol(a->assessment), assessment_label(a->assessment));
		break;
	case FT_DATE:
		format_date(date, sizeof date, text, date_format);
		shown = xstrdup(date);
		break;
	case FT_BOOL:
		shown = xstrdup(*text ? _("yes") : "");
		break;
	default:
		return text;
	}
	free(text);
	return shown;
}

size_t
model_activity_detail(enum act_kind kind, enum act_field out[AF_COUNT])
{
	size_t n = 0;

	for (int line = 1; line <= AF_COUNT; line++)
		for (int f = 0; f < AF_COUNT; f++)
			if (model_activity_fields[f].detail == line && model_activity_fits(kind, (enum act_field)f))
				out[n++] = (enum act_field)f;
	return n;
}

void
model_free_activity(struct activity *a)
{
	free(a->ref);
#define FREE_(ID, key, member, column, type, label, flags, lo, hi, form, detail) FIELD_FREE_##type(a, member);
	ACTIVITY_FIELDS(FREE_)
#undef FREE_
	free(a->changed_by);
	free(a->changed_at);
}

void
model_copy_activity(struct activity *dst, const struct activity *src)
{
	*dst = *src;
	FIELD_COPY_TEXT(dst, src, ref);
#define COPY_(ID, key, member, column, type, label, flags, lo, hi, form, detail) FIELD_COPY_##type(dst, src, member);
	ACTIVITY_FIELDS(COPY_)
#undef COPY_
	FIELD_COPY_TEXT(dst, src, changed_by);
	FIELD_COPY_TEXT(dst, src, changed_at);
}

static void
free_values(struct measurement *v, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		free(v[j].period);
		free(v[j].entered_by);
		free(v[j].entered_at);
	}
	free(v);
}

void
model_free_plan(struct plan *p)
{
#define X(key, type, flags) free(p->s.key);
	STRATEGY_FIELDS(X)
#undef X
	organisation_free(p);
	for (size_t i = 0; i < p->nfocus; i++) {
		struct focus_area *item = &p->focus[i];

		free(item->key);
		FOCUS_FIELDS(ITEM_FREE_)
	}
	for (size_t i = 0; i < p->ngoals; i++) {
		struct goal *item = &p->goals[i];

		free(item->key);
		GOAL_FIELDS(ITEM_FREE_)
	}
	for (size_t i = 0; i < p->ninds; i++) {
		struct indicator *item = &p->inds[i];

		free(item->key);
		INDICATOR_FIELDS(ITEM_FREE_)
		free_values(item->values, item->nvalues);
		free_values(item->comparisons, item->ncomparisons);
	}
	for (size_t i = 0; i < p->nacts; i++)
		model_free_activity(&p->acts[i]);
	free(p->focus);
	free(p->goals);
	free(p->inds);
	free(p->acts);
	free(p->goal_at);
	memset(p, 0, sizeof *p);
}

void
indicator_format_value(char *out, size_t n, const struct indicator *ind, double v)
{
	if (ind && ind->has_decimals && ind->decimals >= 0 && ind->decimals <= 6)
		format_number_ui_decimals(out, n, v, (int)ind->decimals);
	else
		format_number_ui(out, n, v);
}

const char *
model_example_mark(int is_example)
{
	return is_example ? _(" (example)") : "";
}

char *
indicator_title(const struct indicator *ind)
{
	const char *q = ind->qualifier && *ind->qualifier ? ind->qualifier : NULL;
	const char *b = ind->breakdown && *ind->breakdown ? ind->breakdown : NULL;

	if (!q && !b)
		return xasprintf("%s%s", ind->name ? ind->name : "", model_example_mark(ind->example));
	return xasprintf("%s (%s%s%s)%s", ind->name ? ind->name : "", q ? q : "", q && b ? "; " : "", b ? b : "",
	                 model_example_mark(ind->example));
}

char *
indicator_comparisons(const struct indicator *ind)
{
	const struct measurement *last = NULL;
	struct buf b;

	for (size_t i = 0; i < ind->ncomparisons; i++) {
		const struct measurement *m = &ind->comparisons[i];

		if (m->sex == SEX_T && m->has_value && (!last || m->period_key > last->period_key))
			last = m;
	}
	if (!last)
		return NULL;
	buf_init(&b);
	for (size_t i = 0; i < ind->ncomparisons; i++) {
		const struct measurement *m = &ind->comparisons[i];
		char num[64];

		if (m->sex != SEX_T || !m->has_value || strcmp(m->period, last->period) != 0)
			continue;
		indicator_format_value(num, sizeof num, ind, m->value);
		buf_printf(&b, "%s%s %s%s%s%s", b.s ? ", " : "", series_label(m->series), num,
		           ind->unit && *ind->unit ? " " : "", ind->unit ? ind->unit : "", model_example_mark(m->example));
	}
	buf_printf(&b, " (%s)", last->period);
	return buf_steal(&b);
}

const struct focus_area *
plan_focus(const struct plan *p, int64_t id)
{
	for (size_t i = 0; i < p->nfocus; i++)
		if (p->focus[i].id == id)
			return &p->focus[i];
	return NULL;
}

const struct goal *
plan_goal(const struct plan *p, int64_t id)
{
	/* Through the index where it answers (checked: a plan changed since its load still finds its goals). */
	if (p->goal_at && id >= p->goal_id_min && (uint64_t)(id - p->goal_id_min) < p->ngoal_at) {
		size_t at = p->goal_at[id - p->goal_id_min];

		if (at < p->ngoals && p->goals[at].id == id)
			return &p->goals[at];
	}
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].id == id)
			return &p->goals[i];
	return NULL;
}

const struct measurement *
indicator_latest(const struct indicator *ind, enum sex sex)
{
	const struct measurement *best = NULL;

	for (size_t i = 0; i < ind->nvalues; i++)
		if (ind->values[i].sex == sex && ind->values[i].has_value)
			best = &ind->values[i];   /* sorted by period: the last wins */
	return best;
}

char *
goal_focus_names(const struct plan *p, const struct goal *g, const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < g->nfocus_ids; i++) {
		const struct focus_area *fa = plan_focus(p, g->focus_ids[i]);

		if (fa)
			buf_printf(&b, "%s%s", b.s ? sep : "", fa->name ? fa->name : "");
	}
	return b.s ? b.s : xstrdup("");
}

int
goal_in_focus(const struct goal *g, int64_t focus_id)
{
	for (size_t i = 0; g && i < g->nfocus_ids; i++)
		if (g->focus_ids[i] == focus_id)
			return 1;
	return 0;
}

int
activity_in_focus(const struct plan *p, const struct activity *a, int64_t focus_id)
{
	const struct goal *g = a->goal_id ? plan_goal(p, a->goal_id) : NULL;

	if (focus_id == 0)
		return !a->focus_id && !(g && g->nfocus_ids);
	return a->focus_id == focus_id || goal_in_focus(g, focus_id);
}

void
plan_count_status(const struct plan *p, int64_t focus_id, int counts[ST_COUNT])
{
	memset(counts, 0, ST_COUNT * sizeof *counts);
	for (size_t i = 0; i < p->nacts; i++)
		if ((focus_id == 0 || activity_in_focus(p, &p->acts[i], focus_id)) && p->acts[i].kind == AK_ACTIVITY)
			counts[p->acts[i].status]++;
}

long
plan_count_assessment(const struct plan *p, int64_t focus_id, long counts[AS_COUNT])
{
	long n = 0;

	memset(counts, 0, AS_COUNT * sizeof *counts);
	for (size_t i = 0; i < p->nacts; i++)
		if ((focus_id == 0 || p->acts[i].focus_id == focus_id) && p->acts[i].kind == AK_COMMITMENT) {
			counts[p->acts[i].assessment]++;
			n++;
		}
	return n;
}

int
activity_overdue_on(const struct activity *a, const char *today)
{
	return a->due && *a->due && a->status != ST_DONE && a->status != ST_CANCELLED &&
	       date_cmp_day(a->due, today) < 0;
}

int
activity_overdue(const struct activity *a)
{
	char today[11];

	today_iso(today);
	return activity_overdue_on(a, today);
}

long
activity_days_late(const struct activity *a)
{
	char end[11], today[11];

	if (!activity_overdue(a) || date_end(a->due, end) < 0)
		return 0;
	today_iso(today);
	return date_days_between(end, today);
}
