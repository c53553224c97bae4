/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.h: the domain of PRODUCT.md in memory: strategy, focus areas, goals, indicators, activities; status names; progress. */
#ifndef STYRKORT_MODEL_H
#define STYRKORT_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

enum status {
	ST_NOT_STARTED, ST_IN_PROGRESS, ST_DONE, ST_DELAYED, ST_CANCELLED,
	ST_COUNT
};
/* The stable id (CLI, files): "not_started"...; -1 if unknown. */
const char *status_id(enum status s);
int status_from_id(const char *id);
/* The same, or (typed by people) its label in the UI language in any case. */
int status_from_text(const char *s);
/* The label in the UI language: "Ej påbörjad"... */
const char *status_label(enum status s);
/* A one-character symbol, so a status never depends on colour. */
const char *status_symbol(enum status s);

/*
 * What an item of the action plan is: a time-bound activity (status and
 * progress) or a standing commitment ("Vi ...", followed up by an
 * assessment).  The ids are stable (CLI, files); the labels translated.
 */
enum act_kind { AK_ACTIVITY, AK_COMMITMENT, AK_COUNT };
const char *act_kind_id(enum act_kind k);
int act_kind_from_id(const char *id);
const char *act_kind_label(enum act_kind k);

/*
 * A commitment's assessment, in the order a pick list offers them; not
 * assessed is 0 (none recorded).  Ids "fulfilled", "partly",
 * "not_fulfilled", "not_assessed"; a label and a symbol as for a status.
 */
enum assessment { AS_NOT_ASSESSED, AS_FULFILLED, AS_PARTLY, AS_NOT_FULFILLED, AS_COUNT };
const char *assessment_id(enum assessment a);
/* The assessment of an id; -1 if none.  _text: or its label, as status_from_text(). */
int assessment_from_id(const char *id);
int assessment_from_text(const char *s);
const char *assessment_label(enum assessment a);
const char *assessment_symbol(enum assessment a);
/* The assessments in the order people pick them: fulfilled first, not assessed last. */
extern const enum assessment assessment_order[AS_COUNT];

enum sex { SEX_T, SEX_K, SEX_M, SEX_COUNT };
int sex_from_char(int c);
char sex_char(enum sex s);

/*
 * A field of a strategy, focus area, goal, indicator or activity: its key
 * in files (and the change log), its column, its type and what follows
 * from them.  One table per kind (model_fields()); the activity's rows come
 * from ACTIVITY_FIELDS below, the strategy's from STRATEGY_FIELDS.
 */
enum field_type {
	FT_TEXT, FT_DATE, FT_SLUG,      /* FT_DATE: a year, a month or a day (parse_date_any) */
	FT_FOCUS, FT_GOAL,              /* a reference: the key of a focus area or goal */
	FT_STATUS, FT_PERCENT,          /* a status id; a whole number from lo to hi */
	FT_NUMBER, FT_PERIOD, FT_DIRECTION, FT_BOOL,
	FT_LIST,                        /* names separated by '|', kept in a table of their own */
	FT_FOCUS_LIST,                  /* keys of focus areas separated by '|' (goal_focus) */
	FT_MUNICIPALITY_CODE,           /* kommunkod: four digits, the first two a county's code */
	FT_ROLE,                        /* a group's role: an id of organisation.h's ROLES */
	FT_CADENCE,                     /* continuously, yearly, every N years, every N-M years, dates */
	FT_DATES,                       /* dates (as FT_DATE) separated by ", ", in order */
	FT_ACT_KIND,                    /* activity or commitment (enum act_kind) */
	FT_ASSESSMENT                   /* a commitment's assessment id (enum assessment) */
};
enum field_flag {
	FF_REQUIRED = 1,        /* may not be empty */
	FF_MULTILINE = 2,       /* a text that may hold line breaks and tabs */
	FF_NO_CSV = 4,          /* left out of the CSV report (long text) */
	FF_YES_ONLY = 8,        /* a BOOL that files hold only when yes (example) */
	FF_ACTIVITY = 16,       /* activities: only a time-bound activity has it */
	FF_COMMITMENT = 32      /* activities: only a commitment has it */
};
struct field_def {
	const char *key, *column;       /* column NULL: not a column of the kind's table */
	enum field_type type;
	const char *label;      /* N_(): translate with _(); NULL where nothing shows it */
	unsigned flags;
	int lo, hi;
	int form;               /* activities: the line in the dashboard's form, 0: not there */
	int detail;             /* activities: the line in pane 4's detail, 0: not there */
};

enum kind {
	KIND_STRATEGY, KIND_FOCUS, KIND_GOAL, KIND_INDICATOR, KIND_ACTIVITY, KIND_GROUP, KIND_FOLLOWUP,
	KIND_COUNT
};
/* The fields of a kind, in the order files hold them; *n gets how many. */
const struct field_def *model_fields(enum kind k, size_t *n);

/*
 * The strategy's fields, one row each: X(key, type, flags); the key is
 * also the member of struct strategy and the column.  Every member is a
 * string as files hold it: a BOOL is "yes" or NULL.  The decision record
 * (schema 3): adopted_by, adopted_on, paragraph (the § without the sign),
 * dnr (without "Dnr"), document_date, revised_on, valid_from, valid_to or
 * until_further_notice, replaces, related; reference is the one field that
 * held all of it before version 3, kept as written until someone splits it.
 */
#define STRATEGY_FIELDS(X) \
	X(id, SLUG, FF_REQUIRED) X(municipality, TEXT, FF_REQUIRED) \
	X(municipality_code, MUNICIPALITY_CODE, 0) X(county, TEXT, 0) X(title, TEXT, FF_REQUIRED) \
	X(doc_type, TEXT, 0) X(adopted_by, TEXT, 0) X(adopted_on, DATE, 0) \
	X(paragraph, TEXT, 0) X(dnr, TEXT, 0) X(document_date, DATE, 0) X(revised_on, DATE, 0) \
	X(reference, TEXT, 0) X(valid_from, DATE, 0) X(valid_to, DATE, 0) \
	X(until_further_notice, BOOL, 0) X(replaces, TEXT, 0) X(related, TEXT, 0) \
	X(owner, TEXT, 0) X(source, TEXT, 0) X(example, BOOL, FF_YES_ONLY) \
	X(vision, TEXT, FF_MULTILINE) X(purpose, TEXT, FF_MULTILINE) X(target_group, TEXT, FF_MULTILINE) \
	X(organisation, TEXT, FF_MULTILINE) X(follow_up, TEXT, FF_MULTILINE) X(note, TEXT, FF_MULTILINE)

#define SF_ENUM_(key, type, flags) SF_##key,
enum strategy_field { STRATEGY_FIELDS(SF_ENUM_) SF_COUNT };
#undef SF_ENUM_
#define SF_MEMBER_(key, type, flags) char *key;
struct strategy { STRATEGY_FIELDS(SF_MEMBER_) };
#undef SF_MEMBER_

/*
 * The C members of a field, by its type: a number may be missing (has_m 0:
 * none, kept apart from 0); a list is its names and how many (m, nm).
 */
#define FIELD_MEMBER_TEXT(m) char *m;
#define FIELD_MEMBER_DATE(m) FIELD_MEMBER_TEXT(m)
#define FIELD_MEMBER_PERIOD(m) FIELD_MEMBER_TEXT(m)
#define FIELD_MEMBER_FOCUS(m) int64_t m;        /* 0: none */
#define FIELD_MEMBER_GOAL(m) FIELD_MEMBER_FOCUS(m)
#define FIELD_MEMBER_STATUS(m) enum status m;
#define FIELD_MEMBER_ACT_KIND(m) enum act_kind m;
#define FIELD_MEMBER_ASSESSMENT(m) enum assessment m;
#define FIELD_MEMBER_PERCENT(m) int m;
#define FIELD_MEMBER_DIRECTION(m) enum direction m;
/* Which way is better; DIR_NONE: the file does not say (progress needs it). */
enum direction { DIR_NONE, DIR_HIGHER, DIR_LOWER };
#define FIELD_MEMBER_BOOL(m) int m;
#define FIELD_MEMBER_NUMBER(m) int has_##m; double m;
#define FIELD_MEMBER_LIST(m) char **m; size_t n##m;
#define FIELD_MEMBER_FOCUS_LIST(m) int64_t *m; size_t n##m;    /* ids, in link order */

/*
 * The fields of focus areas, goals and indicators, one row each:
 * X(ID, key, member, column, type, flags).  From them come the enums
 * (FA_*, GF_*, IND_*), the members of the structs below, the SELECT and
 * reading of model_load_plan(), freeing, model_item_text(), and the INI
 * import, export and import summary (strategy_ini.c, import_summary.c).
 * key: the INI key; member: in the struct (a NUMBER is the pair has_member
 * and member, a LIST the names member and their count nmember); column: in
 * the kind's table, NULL for a LIST (a table of its own).  The order of the
 * rows is the order of export.
 */
#define FOCUS_FIELDS(X) \
	X(NAME, "name", name, "name", TEXT, FF_REQUIRED) \
	X(PURPOSE, "purpose", purpose, "purpose", TEXT, FF_MULTILINE) \
	X(RESPONSIBLE, "responsible", bodies, NULL, LIST, 0) \
	X(SOURCE, "source", source, "source", TEXT, 0) \
	X(EXAMPLE, "example", example, "example", BOOL, FF_YES_ONLY)
#define GOAL_FIELDS(X) \
	X(TITLE, "title", title, "title", TEXT, FF_REQUIRED) \
	X(DESCRIPTION, "description", description, "description", TEXT, FF_MULTILINE) \
	X(PARENT, "parent", parent_id, "parent_id", GOAL, 0) \
	X(FOCUS, "focus", focus_ids, NULL, FOCUS_LIST, 0) \
	X(SOURCE, "source", source, "source", TEXT, 0) \
	X(EXAMPLE, "example", example, "example", BOOL, FF_YES_ONLY)
#define INDICATOR_FIELDS(X) \
	X(GOAL, "goal", goal_id, "goal_id", GOAL, FF_REQUIRED) \
	X(NAME, "name", name, "name", TEXT, FF_REQUIRED) \
	X(QUALIFIER, "qualifier", qualifier, "qualifier", TEXT, 0) \
	X(BREAKDOWN, "breakdown", breakdown, "breakdown", TEXT, 0) \
	X(DESCRIPTION, "description", description, "description", TEXT, FF_MULTILINE) \
	X(UNIT, "unit", unit, "unit", TEXT, 0) \
	X(SOURCE, "source", source, "source", TEXT, 0) \
	X(KOLADA, "kolada", kolada, "kolada", TEXT, 0) \
	X(SCB, "scb", scb, "scb", TEXT, 0) \
	X(DIRECTION, "direction", direction, "direction", DIRECTION, 0) \
	X(BASELINE, "baseline", baseline, "baseline", NUMBER, 0) \
	X(BASELINE_PERIOD, "baseline_period", baseline_period, "baseline_period", PERIOD, 0) \
	X(TARGET, "target", target, "target", NUMBER, 0) \
	X(TARGET_PERIOD, "target_period", target_period, "target_period", PERIOD, 0) \
	X(BY_SEX, "by_sex", by_sex, "by_sex", BOOL, 0) \
	X(DECIMALS, "decimals", decimals, "decimals", NUMBER, 0) \
	X(EXAMPLE, "example", example, "example", BOOL, FF_YES_ONLY)
/* A group that carries the strategy ([group.ID]): organisation.h. */
#define GROUP_FIELDS(X) \
	X(ROLE, "role", role, "role", ROLE, FF_REQUIRED) \
	X(NAME, "name", name, "name", TEXT, 0) \
	X(COMPOSITION, "composition", composition, "composition", TEXT, FF_MULTILINE) \
	X(SOURCE, "source", source, "source", TEXT, 0) \
	X(EXAMPLE, "example", example, "example", BOOL, FF_YES_ONLY)
/* A follow-up of the follow-up plan ([followup.ID]): organisation.h says when one is due. */
#define FOLLOWUP_FIELDS(X) \
	X(WHAT, "what", what, "what", TEXT, FF_REQUIRED) \
	X(CADENCE, "cadence", cadence, "cadence", CADENCE, FF_REQUIRED) \
	X(FIRST, "first", first, "first_date", DATE, 0) \
	X(DATES, "dates", dates, "dates", DATES, 0) \
	X(NOTE, "note", note, "note", TEXT, FF_MULTILINE) \
	X(SOURCE, "source", source, "source", TEXT, 0) \
	X(EXAMPLE, "example", example, "example", BOOL, FF_YES_ONLY)
#define FA_ENUM_(ID, key, member, column, type, flags) FA_##ID,
#define GF_ENUM_(ID, key, member, column, type, flags) GF_##ID,
#define IND_ENUM_(ID, key, member, column, type, flags) IND_##ID,
enum focus_field { FOCUS_FIELDS(FA_ENUM_) FA_COUNT };
enum goal_field { GOAL_FIELDS(GF_ENUM_) GF_COUNT };
enum indicator_field { INDICATOR_FIELDS(IND_ENUM_) IND_COUNT };
#define GR_ENUM_(ID, key, member, column, type, flags) GR_##ID,
enum group_field { GROUP_FIELDS(GR_ENUM_) GR_COUNT };
#undef GR_ENUM_
#define FU_ENUM_(ID, key, member, column, type, flags) FU_##ID,
enum followup_field { FOLLOWUP_FIELDS(FU_ENUM_) FU_COUNT };
#undef FU_ENUM_
#undef FA_ENUM_
#undef GF_ENUM_
#undef IND_ENUM_
#define ITEM_MEMBER_(ID, key, member, column, type, flags) FIELD_MEMBER_##type(member)

struct focus_area {
	int64_t id;
	char *key;
	FOCUS_FIELDS(ITEM_MEMBER_)      /* name, purpose, bodies (responsible bodies, in order) */
};

struct goal {
	int64_t id;
	char *key;
	GOAL_FIELDS(ITEM_MEMBER_)       /* title, description, parent_id, focus_ids/nfocus_ids (goal_focus) */
	int depth;              /* 0 for top level, 1 for a sub-goal... */
};

/* Whose value: the municipality's own, or a comparison area's. */
enum series { SERIES_MUNICIPALITY, SERIES_COUNTY, SERIES_COUNTRY, SERIES_COUNT };
/* "municipality", "county", "country" (files, the database); -1 if unknown. */
const char *series_id(enum series s);
int series_from_id(const char *id);
/* The id, or the name in Swedish or the UI language ("länet"), in any case; -1 if unknown. */
int series_from_name(const char *name);
/* "county", "country" in the UI language ("län", "riket"). */
const char *series_label(enum series s);

struct measurement {
	enum series series;
	char *period;
	int period_key;         /* sortable: later periods are larger */
	enum sex sex;
	int has_value;          /* 0: "no data", kept apart from 0 */
	double value;
	char *entered_by, *entered_at;
	int example;            /* example data, made up for demonstration: not real statistics */
};

struct indicator {
	int64_t id;
	char *key;
	INDICATOR_FIELDS(ITEM_MEMBER_)  /* goal_id, name... direction, has_baseline/baseline... */
	struct measurement *values;     /* the municipality's own, sorted by period, then sex */
	size_t nvalues;
	struct measurement *comparisons;        /* the county's and the country's, by series, period, sex */
	size_t ncomparisons;
};
#undef ITEM_MEMBER_

/*
 * The fields of an activity that people change, one row each: the one
 * place a field is declared.  From it come enum act_field (AF_TITLE...),
 * the members of struct activity, the columns read and written, the names
 * `styrkort set`, INI files, the change log and the CSV use, the checking
 * of a typed value by its type, INI import and export, the import summary,
 * the change log, the CSV columns (after the published ones), the form's
 * labels and lines, and the field lists of the help and the error
 * messages, and pane 4's detail.  Adding a field is a schema migration
 * (db.c, db.h), a row here, its label's translation, tests and the manual.
 *
 *   X(ID, key, member, column, type, label, flags, lo, hi, form, detail)
 *
 * key: the field's name to people and files; member: in struct activity;
 * column: in the activity table; type: TEXT, DATE, FOCUS or GOAL (a
 * reference, a key to people), STATUS or PERCENT (an int from lo to hi),
 * ACT_KIND (activity or commitment), ASSESSMENT (a commitment's);
 * label: for people, translated; flags: FF_*; form: its line in the
 * dashboard's form (1...), 0 if the form does not show it; detail: its
 * line in pane 4's detail (1...), 0 if the detail does not show it (the
 * title is the detail's heading).  A field of one kind only (FF_ACTIVITY,
 * FF_COMMITMENT) shares its lines with the other kind's: a commitment's
 * assessment stands where an activity's status does.  The order of the rows is the order of
 * export, of the change log and of the lists.
 */
#define ACTIVITY_FIELDS(X) \
	X(TITLE,       "title",       title,       "title",       TEXT,    N_("Title"),       FF_REQUIRED,  0, 0,   1,  0) \
	X(DESCRIPTION, "description", description, "description", TEXT,    N_("Description"), FF_MULTILINE | FF_NO_CSV, 0, 0, 2,  9) \
	X(FOCUS,       "focus",       focus_id,    "focus_id",    FOCUS,   N_("Focus area"),  0,            0, 0,   0,  3) \
	X(GOAL,        "goal",        goal_id,     "goal_id",     GOAL,    N_("Goal"),        0,            0, 0,   0,  4) \
	X(RESPONSIBLE, "responsible", responsible, "responsible", TEXT,    N_("Responsible"), 0,            0, 0,   8,  5) \
	X(CONTACT,     "contact",     contact,     "contact",     TEXT,    N_("Contact"),     0,            0, 0,   0,  6) \
	X(START,       "start",       start,       "start_date",  DATE,    N_("Start"),       FF_ACTIVITY,  0, 0,   6,  7) \
	X(DUE,         "due",         due,         "due_date",    DATE,    N_("Due"),         FF_ACTIVITY,  0, 0,   7,  8) \
	X(STATUS,      "status",      status,      "status",      STATUS,  N_("Status"),      FF_ACTIVITY,  0, 0,   3,  1) \
	X(PROGRESS,    "progress",    progress,    "progress",    PERCENT, N_("Progress"),    FF_ACTIVITY,  0, 100, 4,  2) \
	X(COMMENT,     "comment",     comment,     "comment",     TEXT,    N_("Comment"),     FF_MULTILINE, 0, 0,   5, 10) \
	X(SOURCE,      "source",      source,      "source",      TEXT,    N_("Source"),      0,            0, 0,   0, 11) \
	X(EXAMPLE,     "example",     example,     "example",     BOOL,    N_("Example data"), 0,           0, 0,   0, 12) \
	X(KIND,        "kind",        kind,        "kind",        ACT_KIND, N_("Kind"),       0,            0, 0,   0,  0) \
	X(ASSESSMENT,  "assessment",  assessment,  "assessment",  ASSESSMENT, N_("Assessment"), FF_COMMITMENT, 0, 0, 3, 1) \
	X(ASSESSED,    "assessed",    assessed,    "assessed_on", DATE,    N_("Assessed on"), FF_COMMITMENT, 0, 0,  4,  2)

#define AF_ENUM_(ID, key, member, column, type, label, flags, lo, hi, form, detail) AF_##ID,
enum act_field { ACTIVITY_FIELDS(AF_ENUM_) AF_COUNT };
#undef AF_ENUM_

extern const struct field_def model_activity_fields[AF_COUNT];
/* The field called key, or -1. */
int model_activity_field(const char *key);
/*
 * 1 if an item of the kind has field f: a commitment has no status,
 * progress or dates, an activity no assessment (FF_ACTIVITY,
 * FF_COMMITMENT).  A field an item does not have reads as "".
 */
int model_activity_fits(enum act_kind kind, enum act_field f);
/* The keys joined by sep (a new string), as the help and the messages list them. */
char *model_activity_field_list(const char *sep);

#define ACT_MEMBER_(ID, key, member, column, type, label, flags, lo, hi, form, detail) FIELD_MEMBER_##type(member)
struct activity {
	int64_t id;             /* the stable internal id: the change log's and undo's key, never shown */
	int64_t number;         /* its number within its strategy: what people see and type (oskarshamn:12) */
	char *ref;              /* its key within the strategy's INI file */
	ACTIVITY_FIELDS(ACT_MEMBER_)
	char *changed_by, *changed_at;
	int64_t version;        /* bumped on every change: detects lost updates */
};
#undef ACT_MEMBER_

/* A group that carries the strategy: its role (an id), its name and composition as written. */
struct group {
	int64_t id;
	char *key, *role, *name, *composition, *source;
	char *example;          /* "yes" or NULL */
};

/* A follow-up of the plan: what (as written), its cadence, the first date, the dates, a note. */
struct followup {
	int64_t id;
	char *key, *what, *cadence, *first, *dates, *note, *source;
	char *example;          /* "yes" or NULL */
};

/* A whole strategy, for the report, export and the dashboard's panes. */
struct plan {
	struct strategy s;
	struct focus_area *focus;  size_t nfocus;
	struct goal *goals;        size_t ngoals;   /* in tree order (parents before children) */
	struct indicator *inds;    size_t ninds;
	struct activity *acts;     size_t nacts;
	struct group *groups;      size_t ngroups;  /* in file order */
	struct followup *fups;     size_t nfups;    /* in file order */
	char last_review[11];      /* the date of the latest review, "" if none */
	/* plan_goal()'s index, made by the load: goal_at[id - goal_id_min] is the goal's place in goals (or none) */
	size_t *goal_at;           size_t ngoal_at;  int64_t goal_id_min;
};

/*
 * A field of an item of p as files hold it (a new string, "" if empty):
 * item is a struct strategy, focus_area, goal, indicator or activity as
 * kind says; references by key, numbers as format_number() writes them,
 * a list of names joined by " | ".
 */
char *model_item_text(enum kind kind, const struct plan *p, const void *item, int field);

/* The ids and municipalities of every strategy, ordered by municipality. */
struct strategy_ref { char *id, *municipality, *title; };
int model_list_strategies(struct db *db, struct strategy_ref **out, size_t *n);
void model_free_strategy_refs(struct strategy_ref *r, size_t n);

/* What a SELECT reads for a field, by its type: one column, none for a list. */
#define FIELD_SELECT_TEXT(column) column ", "
#define FIELD_SELECT_DATE(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_PERIOD(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_FOCUS(column) "coalesce(" column ", 0), "
#define FIELD_SELECT_GOAL(column) FIELD_SELECT_FOCUS(column)
#define FIELD_SELECT_STATUS(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_ACT_KIND(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_ASSESSMENT(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_PERCENT(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_DIRECTION(column) "CASE " column " WHEN 'higher' THEN 1 WHEN 'lower' THEN 2 ELSE 0 END, "
#define FIELD_SELECT_BOOL(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_NUMBER(column) FIELD_SELECT_TEXT(column)
#define FIELD_SELECT_LIST(column) ""
#define FIELD_SELECT_FOCUS_LIST(column) FIELD_SELECT_LIST(column)
/* The columns model_read_activity() reads, for SELECTs of activities, and their places. */
#define MODEL_SELECT_(ID, key, member, column, type, label, flags, lo, hi, form, detail) FIELD_SELECT_##type(column)
#define MODEL_ACTIVITY_COLUMNS \
	"id, number, ref, " ACTIVITY_FIELDS(MODEL_SELECT_) "changed_by, changed_at, version"
enum {
	MODEL_COL_ID, MODEL_COL_NUMBER, MODEL_COL_REF,
	MODEL_COL_FIELDS,                       /* the fields from here, in table order */
	MODEL_COL_CHANGED_BY = MODEL_COL_FIELDS + AF_COUNT,
	MODEL_COL_CHANGED_AT, MODEL_COL_VERSION,
	MODEL_ACTIVITY_NCOLUMNS                 /* the first column after them */
};
void model_read_activity(sqlite3_stmt *st, struct activity *a);
/*
 * Only what the rules of progress and "overdue" read, from a SELECT of
 * MODEL_RULE_COLUMNS (the overview counts every activity without keeping
 * one): a->due points into the row, valid until the next step; the texts
 * are NULL.
 */
#define MODEL_RULE_COLUMNS \
	"id, number, coalesce(focus_id, 0), coalesce(goal_id, 0), kind, status, assessment, progress, due_date"
void model_read_rule_fields(sqlite3_stmt *st, struct activity *a);
void model_free_activity(struct activity *a);
/* A deep copy of src into dst. */
void model_copy_activity(struct activity *dst, const struct activity *src);
/*
 * A field's value in canonical form (a new string): the text, an ISO date,
 * a status id, a number, the key of a focus area or goal in p ("" if none
 * or p is NULL).  What `set` takes and export writes.
 */
char *model_activity_text(const struct activity *a, enum act_field f, const struct plan *p);
/* The same, not a copy: a member, a constant or scratch (n bytes, for a number); valid while a is. */
const char *model_activity_cstr(const struct activity *a, enum act_field f, const struct plan *p, char *scratch,
                                size_t n);

/*
 * The columns of the CSV report of activities: the published ones in their
 * order (strategy, number, ref, focus_area, goal, title, ... changed_at),
 * then every other field of the table that is not FF_NO_CSV, by its key.
 */
struct csv_column {
	const char *name;
	int what;               /* private to model.c */
	int field;              /* an enum act_field, or -1 */
};
size_t model_csv_columns(const struct csv_column **cols);
/* A column's value for an activity of p, for people: names, labels, ISO dates; not a copy (scratch: n bytes for a number). */
const char *model_csv_cell(const struct plan *p, const struct activity *a, const struct csv_column *c, char *scratch,
                           size_t n);
/*
 * A field's value for people (a new string, "" if empty): focus areas and
 * goals by name and title.  date_format NULL: as the CSV report writes it
 * (ISO dates, a status id, a bare number); else as the dashboard shows it
 * (dates in date_format, a status with its symbol, its label and whether
 * it is overdue, a percentage).
 */
char *model_activity_shown(const struct plan *p, const struct activity *a, enum act_field f,
                           const char *date_format);
/* The fields pane 4's detail shows for an item of the kind, in its order, into out; how many. */
size_t model_activity_detail(enum act_kind kind, enum act_field out[AF_COUNT]);

/* Load one strategy; -1 with err_set() if it does not exist. */
int model_load_plan(struct db *db, const char *strategy_id, struct plan *p);
/* The same without the activities (nacts 0): the dashboard reads those a window at a time. */
int model_load_outline(struct db *db, const char *strategy_id, struct plan *p);
/*
 * Only the strategy, its focus areas and goals (not in tree order, without
 * their focus links): what an activity's CSV row names.
 */
int model_load_keys(struct db *db, const char *strategy_id, struct plan *p);
/*
 * fn for each activity of the strategy in order, read one at a time (a
 * is freed after fn; fn may take its contents and zero it).  fn returns
 * non-zero to stop: then -1, as on an error (with err_set()).
 */
int model_each_activity(struct db *db, const char *strategy_id, int (*fn)(struct activity *a, void *arg), void *arg);
void model_free_plan(struct plan *p);

/*
 * A value of the indicator as people read it, in the UI language: with
 * the indicator's decimals (0-6) when it has them, else as it was given
 * (the shortest text that reads back as the value).
 */
void indicator_format_value(char *out, size_t n, const struct indicator *ind, double v);

/* " (example)" in the UI language after the name of an item that is example data, else "". */
const char *model_example_mark(int is_example);

/* The name with its qualifier and breakdown beside it: "Andel sysselsatta (20–64 år; ...)" (a new string). */
char *indicator_title(const struct indicator *ind);
/*
 * The comparison areas' total values in the latest period that has one,
 * in the UI language: "county 10 %, country 16 % (2013)", each of example
 * data marked (model_example_mark()); NULL if none.
 */
char *indicator_comparisons(const struct indicator *ind);

const struct focus_area *plan_focus(const struct plan *p, int64_t id);
const struct goal *plan_goal(const struct plan *p, int64_t id);
/* The latest measurement of an indicator for a sex, or NULL. */
const struct measurement *indicator_latest(const struct indicator *ind, enum sex sex);

/* The names of the focus areas goal g is linked to, joined by sep (a new string, "" if none). */
char *goal_focus_names(const struct plan *p, const struct goal *g, const char *sep);
/* 1 if goal g is linked to focus area focus_id (goal_focus). */
int goal_in_focus(const struct goal *g, int64_t focus_id);
/*
 * 1 if the activity belongs to focus area focus_id: it names it, or its
 * goal is linked to it.  focus_id 0: it belongs to no focus area.
 */
int activity_in_focus(const struct plan *p, const struct activity *a, int64_t focus_id);

/* Activity counts by status, for a focus area (activity_in_focus(); focus_id 0: the whole plan); commitments are not counted. */
void plan_count_status(const struct plan *p, int64_t focus_id, int counts[ST_COUNT]);
/* Commitment counts by assessment, the same way; how many commitments in all. */
long plan_count_assessment(const struct plan *p, int64_t focus_id, long counts[AS_COUNT]);

/*
 * 1 if the activity is neither done nor cancelled and the period of its due
 * date has ended before today: due 2012-11 is overdue from 2012-12-01, due
 * 2013 from 2014-01-01 (date_cmp_day(): today cut to the due date's
 * precision is later than it).
 */
int activity_overdue(const struct activity *a);
/* The same against today (YYYY-MM-DD, today_iso()): for a loop over many activities. */
int activity_overdue_on(const struct activity *a, const char *today);
/* How many days an overdue activity is past the end of its due date's period (1 on the first day); 0 if not overdue. */
long activity_days_late(const struct activity *a);
/*
 * The same rule in SQL over the activity table's columns, as a 0/1
 * expression; today is the SQL for today's YYYY-MM-DD (a parameter).
 * tests/unit/test_query.c checks that the two agree.
 */
/*
 * The order of an indicator's stored values (alias m of measurement), as
 * progress, "latest", the charts and the values CSV read them: the
 * municipality's own series, then the county's, then the others, each by
 * period and sex (T, K, M).
 */
#define MODEL_VALUE_ORDER_SQL \
	"CASE m.series WHEN 'municipality' THEN 0 WHEN 'county' THEN 1 ELSE 2 END," \
	" m.period_key, CASE m.sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END"

#define MODEL_OVERDUE_SQL(today) \
	"(coalesce(due_date, '') <> '' AND due_date < substr(" today ", 1, length(due_date))" \
	" AND status NOT IN ('done', 'cancelled'))"

#endif
