/* SPDX-License-Identifier: GPL-3.0-or-later */
/* strategy_ini.c: a whole strategy as an INI file (styrkort(5)): import and export. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "ini.h"
#include "measurements.h"
#include "model.h"
#include "msg.h"
#include "numbering.h"
#include "strategy_ini.h"
#include "organisation.h"
#include "text.h"
#include "util.h"

/* Every section kind, its prefix and its keys: the fields of the kind (model.h), in the order export writes them. */
static const char *const prefixes[KIND_COUNT] = {
	[KIND_STRATEGY] = "strategy", [KIND_FOCUS] = "focus.", [KIND_GOAL] = "goal.",
	[KIND_INDICATOR] = "indicator.", [KIND_ACTIVITY] = "activity.", [KIND_GROUP] = "group.",
	[KIND_FOLLOWUP] = "followup.",
};

static const struct field_def *
fields_of(enum kind k)
{
	size_t n;

	return model_fields(k, &n);
}

/* A reference to another section (kept as an id beside the columns) or a list (a table of its own). */
static int
is_column(const struct field_def *f)
{
	return f->type != FT_FOCUS && f->type != FT_GOAL && f->type != FT_LIST && f->type != FT_FOCUS_LIST;
}

/*
 * The names of a list "A | B | C", trimmed, into a new array (*n names);
 * -1 if a name between the bars is empty.
 */
static void free_names(char **names, size_t n);

static int
split_list(const char *list, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	for (const char *p = list; p && *p;) {
		const char *bar = strchr(p, '|');
		const char *s = p, *e = bar ? bar : p + strlen(p);

		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		if (s == e) {
			free_names(*names, *n);
			*names = NULL;
			*n = 0;
			return -1;
		}
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[(*n)++] = xstrndup(s, (size_t)(e - s));
		if (!bar)
			break;
		p = bar + 1;
		if (!*p)
			p = " ";        /* a trailing bar: an empty name */
	}
	return 0;
}

static void
free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* One section of the file, its values decoded and checked. */
struct item {
	enum kind kind;
	const char *section;    /* as in the file (lowercased) */
	const char *key;        /* after the prefix */
	int line;
	char **values;          /* parallel to the kind's fields; NULL: absent */
	int64_t db_id;          /* set while importing */
	long number;            /* an activity's `number = N` (numbering.h), 0 if the file gives none */
};

struct measurement_in {
	size_t item;            /* index of the indicator item */
	char period[16];
	int period_key;
	char sex;
	enum series series;
	int has_value;
	double value;
	int line;
};

/* The key prefix of each series' values: value.2013, county.2013, country.2013.k... */
static const char *const value_prefixes[SERIES_COUNT] = {
	[SERIES_MUNICIPALITY] = "value.", [SERIES_COUNTY] = "county.", [SERIES_COUNTRY] = "country.",
};

/* The series whose values key is, or -1. */
static int
value_series(const char *key)
{
	for (int s = 0; s < SERIES_COUNT; s++)
		if (strncmp(key, value_prefixes[s], strlen(value_prefixes[s])) == 0)
			return s;
	return -1;
}

/* An indicator's example_values: the series whose values in the file are example data (bit per series). */
struct example_in {
	size_t item;
	unsigned mask;
};

struct import {
	struct ini ini;
	struct item *items;
	size_t nitems;
	struct measurement_in *values;
	size_t nvalues;
	struct example_in *examples;
	size_t nexamples;
};

/* The key that marks an indicator's series as example data: example_values = county country. */
#define EXAMPLE_VALUES_KEY "example_values"

static size_t
nfields(enum kind k)
{
	size_t n;

	model_fields(k, &n);
	return n;
}

static int
field_index(enum kind k, const char *key)
{
	for (size_t i = 0; i < nfields(k); i++)
		if (strcmp(fields_of(k)[i].key, key) == 0)
			return (int)i;
	return -1;
}

static const char *
item_value(const struct item *it, const char *key)
{
	int i = field_index(it->kind, key);

	return i < 0 ? NULL : it->values[i];
}

/* The rule of set and the dashboard (text_check); the value is not repeated: it is what is wrong. */
static int
check_text(const struct import *im, const struct item *it, const struct field_def *f, const char *v)
{
	char why[256];

	if (text_check(v, f->type == FT_TEXT && (f->flags & FF_MULTILINE), NULL, why, sizeof why) < 0) {
		err_set(_("%s: line %d: [%s] %s: %s"), im->ini.path, ini_line(&im->ini, it->section, f->key),
		        it->section, f->key, why);
		return -1;
	}
	return 0;
}

/* What is wrong with a list (NULL: nothing, or not a list): a name is empty; a focus area not an id, or named twice. */
static const char *
list_mistake(const struct field_def *f, const char *v)
{
	char **names;
	size_t n;
	int rc;

	if (f->type != FT_LIST && f->type != FT_FOCUS_LIST)
		return NULL;
	rc = split_list(v, &names, &n);
	for (size_t i = 0; rc == 0 && f->type == FT_FOCUS_LIST && i < n; i++) {
		if (parse_slug(names[i]) < 0)
			rc = -1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0)
				rc = -1;
	}
	free_names(names, n);
	if (rc == 0)
		return NULL;
	return f->type == FT_LIST ? _("an empty name between '|'; write 'A | B | C'")
	       : _("expected the ids of focus areas separated by '|', each once, such as 'a | b'");
}

/* What is wrong with an activity's kind or assessment (by id), or NULL. */
static const char *
kind_or_assessment(const struct field_def *f, const char *v)
{
	if (!*v)
		return NULL;
	if (f->type == FT_ACT_KIND)
		return act_kind_from_id(v) < 0 ? _("expected activity or commitment") : NULL;
	return assessment_from_id(v) < 0 ? _("expected fulfilled, partly, not_fulfilled or not_assessed") : NULL;
}

const char *
strategy_field_problem(const struct field_def *f, const char *v, char **range)
{
	const char *what = NULL;
	double d;
	long n;
	int b;
	char canon[16], why[256];

	*range = NULL;
	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
	case FT_FOCUS_LIST:
		if (text_check(v, f->type == FT_TEXT && (f->flags & FF_MULTILINE), NULL, why, sizeof why) < 0)
			what = *range = xstrdup(why);
		else if ((f->flags & FF_REQUIRED) && !*v)
			what = _("must not be empty");
		else
			what = list_mistake(f, v);
		break;
	case FT_DATE:
		if (*v && parse_date_any(v, NULL, NULL, NULL) < 0)
			what = _("expected a date: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY");
		break;
	case FT_NUMBER:
		if (*v && parse_double(v, &d) < 0)
			what = _("expected a number with a dot for decimals, such as 8.5");
		/* An indicator's decimals: how many its values show (the schema allows 0-6); the range first, then the cast. */
		else if (*v && strcmp(f->key, "decimals") == 0 && (d < 0 || d > 6 || d != (long)d))
			what = _("expected a whole number of decimals from 0 to 6");
		break;
	case FT_PERIOD:
		if (*v && parse_period(v, canon, sizeof canon, NULL) < 0)
			what = _("expected a period: a year (2023) or a part of one (2023-Q1, 2023-T2, 2023-H1)");
		break;
	case FT_SLUG:
	case FT_FOCUS:
	case FT_GOAL:
		if (parse_slug(v) < 0)
			what = _("expected a short id of lowercase letters a-z, digits, '-' and '_'");
		break;
	case FT_MUNICIPALITY_CODE:
		if (*v && parse_municipality_code(v) < 0)
			what = _("expected a municipality code: four digits that begin with a county's code, "
			         "such as 0883");
		break;
	case FT_ROLE:
		if (organisation_role_check(v) < 0)
			what = *range = xasprintf(_("expected one of %s"), organisation_role_list());
		break;
	case FT_CADENCE:
		if (organisation_cadence(v, NULL) < 0)
			what = _("expected continuously, yearly, every N years, every N-M years or dates");
		break;
	case FT_DATES:
		if (*v && organisation_dates_check(v) < 0)
			what = _("expected dates (a day YYYY-MM-DD, a month YYYY-MM or a year YYYY) "
			         "separated by ', ', each later than the one before");
		break;
	case FT_DIRECTION:
		if (*v && strcmp(v, "higher") != 0 && strcmp(v, "lower") != 0)
			what = _("expected higher or lower");
		break;
	case FT_BOOL:
		if (*v && parse_bool(v, &b) < 0)
			what = _("expected yes or no");
		break;
	case FT_STATUS:
		if (*v && status_from_id(v) < 0)
			what = _("expected not_started, in_progress, done, delayed or cancelled");
		break;
	case FT_ACT_KIND:
	case FT_ASSESSMENT:
		what = kind_or_assessment(f, v);
		break;
	case FT_PERCENT:
		if (*v && parse_int(v, f->lo, f->hi, &n) < 0)
			what = *range = xasprintf(_("expected a whole number from %ld to %ld"), (long)f->lo, (long)f->hi);
		break;
	}
	return what;
}

static int
check_value(const struct import *im, const struct item *it, const struct field_def *f, const char *v)
{
	char *range;
	const char *what;

	if ((f->type == FT_TEXT || f->type == FT_LIST || f->type == FT_FOCUS_LIST) && check_text(im, it, f, v) < 0)
		return -1;
	if ((what = strategy_field_problem(f, v, &range))) {
		err_set(_("%s: line %d: [%s] %s = '%.60s': %s"), im->ini.path,
		        ini_line(&im->ini, it->section, f->key), it->section, f->key, v, what);
		free(range);
		return -1;
	}
	return 0;
}

static int
parse_value_key(struct import *im, size_t idx, const char *key, enum series series)
{
	const struct item *it = &im->items[idx];
	struct measurement_in *m;
	char period[16] = "", *dot;
	int line = ini_line(&im->ini, it->section, key), bad = 0;
	char *text;

	im->values = xrealloc(im->values, (im->nvalues + 1) * sizeof *im->values);
	m = &im->values[im->nvalues];
	memset(m, 0, sizeof *m);
	m->series = series;
	snprintf(period, sizeof period, "%s", key + strlen(value_prefixes[m->series]));
	m->item = idx;
	m->line = line;
	m->sex = 'T';
	dot = strchr(period, '.');
	if (dot) {
		if (sex_from_char(dot[1]) < 0 || dot[2]) {
			err_set(_("%s: line %d: [%s] %s: a value key is value.PERIOD, value.PERIOD.k "
			          "or value.PERIOD.m (k: women, m: men), and county. or country. for the "
			          "comparison areas"), im->ini.path, line, it->section, key);
			return -1;
		}
		m->sex = (char)(dot[1] == 'k' ? 'K' : dot[1] == 'm' ? 'M' : 'T');
		*dot = '\0';
	}
	if (parse_period(period, m->period, sizeof m->period, &m->period_key) < 0) {
		err_set(_("%s: line %d: [%s] %s: '%s' is not a period: a year (2023) or a part of one "
		          "(2023-Q1, 2023-T2, 2023-H1)"), im->ini.path, line, it->section, key, period);
		return -1;
	}
	text = ini_text(&im->ini, it->section, key, &bad);
	if (bad)
		return -1;
	if (*text) {
		if (parse_double(text, &m->value) < 0) {
			err_set(_("%s: line %d: [%s] %s = '%.40s': expected a number with a dot for decimals, "
			          "or \"\" for no data"), im->ini.path, line, it->section, key, text);
			free(text);
			return -1;
		}
		m->has_value = 1;
	}
	free(text);
	for (size_t i = 0; i < im->nvalues; i++) {
		if (im->values[i].item == idx && im->values[i].sex == m->sex && im->values[i].series == m->series &&
		    strcmp(im->values[i].period, m->period) == 0) {
			err_set(_("%s: line %d: [%s] %s: the value for %s %c is given twice (also line %d)"),
			        im->ini.path, line, it->section, key, m->period, m->sex, im->values[i].line);
			return -1;
		}
	}
	im->nvalues++;
	return 0;
}

/* example_values = municipality, county, country (any of them, by commas or spaces). */
static int
parse_example_values(struct import *im, size_t idx, const struct ini_key *k)
{
	const struct item *it = &im->items[idx];
	unsigned mask = 0;
	int bad = 0;
	char *text = ini_text(&im->ini, it->section, k->key, &bad), *save = NULL;

	if (bad)
		return -1;
	for (char *w = strtok_r(text, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
		int series = series_from_id(w);

		if (series < 0) {
			err_set(_("%s: line %d: [%s] example_values: '%s': expected municipality, county or country, "
			          "the series whose values in this file are example data"), im->ini.path, k->line,
			        it->section, w);
			free(text);
			return -1;
		}
		mask |= 1u << series;
	}
	free(text);
	im->examples = xrealloc(im->examples, (im->nexamples + 1) * sizeof *im->examples);
	im->examples[im->nexamples].item = idx;
	im->examples[im->nexamples++].mask = mask;
	return 0;
}

/* Is the value m of the file example data (its series is in its indicator's example_values)? */
static int
value_is_example(const struct import *im, const struct measurement_in *m)
{
	for (size_t i = 0; i < im->nexamples; i++)
		if (im->examples[i].item == m->item)
			return (im->examples[i].mask >> m->series) & 1u;
	return 0;
}

/* A key of the kind; export splits any long text into parts, a list of bodies too. */
static int
known_key(enum kind kind, const char *key)
{
	const struct field_def *f = fields_of(kind);

	if (kind == KIND_ACTIVITY && strcmp(key, "number") == 0)
		return 1;
	for (size_t i = 0; i < nfields(kind); i++)
		if (strcmp(key, f[i].key) == 0 || ((f[i].type == FT_TEXT || f[i].type == FT_LIST || f[i].type == FT_FOCUS_LIST) &&
		     ini_is_part(key, f[i].key)))
			return 1;
	return 0;
}

/* Unknown keys are errors, a misspelt key would otherwise be lost: say which keys there are. */
static void
unknown_key(const struct import *im, enum kind kind, const char *section, const struct ini_key *k)
{
	struct buf b;

	buf_init(&b);
	for (size_t f = 0; f < nfields(kind); f++)
		buf_printf(&b, "%s%s", f ? ", " : "", fields_of(kind)[f].key);
	if (kind == KIND_INDICATOR)
		buf_puts(&b, ", value.PERIOD[.k|.m], county.PERIOD[.k|.m], country.PERIOD[.k|.m], " EXAMPLE_VALUES_KEY);
	if (kind == KIND_ACTIVITY)
		buf_puts(&b, ", number");
	err_set(_("%s: line %d: [%s]: unknown key '%s'; the keys of this section are: %s"),
	        im->ini.path, k->line, section, k->key, b.s);
	buf_free(&b);
}

/* An activity's `number = N` (not a field of the table: its number in the strategy); one per activity of the file. */
static int
read_number(struct import *im, struct item *it)
{
	int bad = 0;
	char *v = ini_text(&im->ini, it->section, "number", &bad);
	int line = ini_line(&im->ini, it->section, "number");
	long n;

	if (!v)
		return bad ? -1 : 0;
	if (parse_int(v, 1, INT32_MAX, &n) < 0) {
		err_set(_("%s: line %d: [%s] number = '%s': expected a whole number from 1, the activity's "
		          "number in its strategy; or leave it out for the next free one"), im->ini.path, line, it->section, v);
		free(v);
		return -1;
	}
	free(v);
	for (size_t i = 0; i < im->nitems; i++)
		if (&im->items[i] != it && im->items[i].kind == KIND_ACTIVITY && im->items[i].number == n) {
			err_set(_("%s: line %d: [%s] number = %ld: [%s] has that number too; give each activity its own"),
			        im->ini.path, line, it->section, n, im->items[i].section);
			return -1;
		}
	it->number = n;
	return 0;
}

/* Read one section into an item, checking every key and value. */
static int
read_section(struct import *im, const char *section, enum kind kind, const char *key)
{
	size_t idx = im->nitems;
	struct item *it;
	size_t n = nfields(kind);

	im->items = xrealloc(im->items, (im->nitems + 1) * sizeof *im->items);
	it = &im->items[im->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->section = section;
	it->key = key;
	it->line = ini_section_line(&im->ini, section);
	it->values = xcalloc(n, sizeof *it->values);
	if (kind != KIND_STRATEGY && parse_slug(key) < 0) {
		err_set(_("%s: line %d: [%s]: '%s' is not a valid id: use lowercase letters a-z, digits, "
		          "'-' and '_' (no spaces or å ä ö)"), im->ini.path, it->line, section, key);
		return -1;
	}
	/* Unknown keys are errors; an indicator's values are keys of their own. */
	for (size_t i = 0; i < im->ini.nkeys; i++) {
		const struct ini_key *k = &im->ini.keys[i];

		if (strcmp(k->section, section) != 0)
			continue;
		int series = kind == KIND_INDICATOR ? value_series(k->key) : -1;

		if (series >= 0) {
			if (parse_value_key(im, idx, k->key, (enum series)series) < 0)
				return -1;
			it = &im->items[idx];
			continue;
		}
		if (kind == KIND_INDICATOR && strcmp(k->key, EXAMPLE_VALUES_KEY) == 0) {
			if (parse_example_values(im, idx, k) < 0)
				return -1;
			continue;
		}
		if (!known_key(kind, k->key)) {
			unknown_key(im, kind, section, k);
			return -1;
		}
	}
	for (size_t f = 0; f < n; f++) {
		const struct field_def *fd = &fields_of(kind)[f];
		int bad = 0;
		char *v = ini_text(&im->ini, section, fd->key, &bad);

		if (bad)
			return -1;
		if (!v && (fd->flags & FF_REQUIRED)) {
			err_set(_("%s: line %d: [%s]: the key '%s' is missing; add '%s = ...'"),
			        im->ini.path, it->line, section, fd->key, fd->key);
			return -1;
		}
		if (v && check_value(im, it, fd, v) < 0) {
			free(v);
			return -1;
		}
		it->values[f] = v;
	}
	return kind == KIND_ACTIVITY ? read_number(im, it) : 0;
}

static struct item *
find_item(struct import *im, enum kind kind, const char *key)
{
	for (size_t i = 0; i < im->nitems; i++)
		if (im->items[i].kind == kind && strcmp(im->items[i].key, key) == 0)
			return &im->items[i];
	return NULL;
}

static int
check_reference(struct import *im, struct item *it, const char *field, enum kind target)
{
	const char *v = item_value(it, field);

	if (!v || find_item(im, target, v))
		return 0;
	err_set(_("%s: line %d: [%s] %s = %s: there is no [%s%s] in the file"),
	        im->ini.path, ini_line(&im->ini, it->section, field), it->section, field, v,
	        prefixes[target], v);
	return -1;
}

/* A start date after its end date is a mistake in the file. */
static int
check_order(struct import *im, struct item *it, const char *from_key, const char *to_key)
{
	const char *from = item_value(it, from_key), *to = item_value(it, to_key);

	if (it->kind != KIND_ACTIVITY && it->kind != KIND_STRATEGY)
		return 0;
	if (!from || !to || !*from || !*to || !date_before(to, from))
		return 0;
	err_set(_("%s: line %d: [%s] %s = %s is before %s = %s"), im->ini.path,
	        ini_line(&im->ini, it->section, to_key), it->section, to_key, to, from_key, from);
	return -1;
}

/* An activity's keys fit its kind: a commitment has no status, progress or dates, an activity no assessment. */
static int
check_kind(struct import *im, struct item *it)
{
	const char *kind = item_value(it, "kind");
	enum act_kind k = kind && *kind ? (enum act_kind)act_kind_from_id(kind) : AK_ACTIVITY;

	if (it->kind != KIND_ACTIVITY)
		return 0;
	for (int f = 0; f < AF_COUNT; f++) {
		const char *v = it->values[f];

		if (!v || !*v || model_activity_fits(k, (enum act_field)f))
			continue;
		err_set(k == AK_COMMITMENT
		        ? _("%s: line %d: [%s] %s: a commitment has no status, progress or dates; it is followed up "
		            "by an assessment (assessment = fulfilled, partly, not_fulfilled or not_assessed)")
		        : _("%s: line %d: [%s] %s: only a commitment is assessed; add 'kind = commitment' or "
		            "remove the key"),
		        im->ini.path, ini_line(&im->ini, it->section, model_activity_fields[f].key), it->section,
		        model_activity_fields[f].key);
		return -1;
	}
	return 0;
}

/* A strategy valid until further notice has no end date. */
static int
check_open_ended(struct import *im, struct item *it)
{
	const char *open = item_value(it, "until_further_notice"), *to = item_value(it, "valid_to");
	int b;

	if (it->kind != KIND_STRATEGY || !open || parse_bool(open, &b) < 0 || !b || !to || !*to)
		return 0;
	err_set(_("%s: line %d: [%s] until_further_notice = %s and valid_to = %s: "
	          "a strategy valid until further notice has no end; remove one of them"), im->ini.path,
	        ini_line(&im->ini, it->section, "until_further_notice"), it->section, open, to);
	return -1;
}

/* Each focus area of a list names a section of the file. */
static int
check_focus_list(struct import *im, struct item *it, const char *field)
{
	char **names;
	size_t n;
	int rc = 0;

	split_list(item_value(it, field), &names, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!find_item(im, KIND_FOCUS, names[i])) {
			err_set(_("%s: line %d: [%s] %s = %s: there is no [%s%s] in the file"),
			        im->ini.path, ini_line(&im->ini, it->section, field), it->section, field,
			        item_value(it, field), prefixes[KIND_FOCUS], names[i]);
			rc = -1;
		}
	free_names(names, n);
	return rc;
}

/* Every reference of the item (a field of type FT_FOCUS, FT_GOAL or FT_FOCUS_LIST) names a section of the file. */
static int
check_references(struct import *im, struct item *it)
{
	const struct field_def *f = fields_of(it->kind);

	for (size_t i = 0; i < nfields(it->kind); i++)
		if (((f[i].type == FT_FOCUS || f[i].type == FT_GOAL) &&
		     check_reference(im, it, f[i].key, f[i].type == FT_FOCUS ? KIND_FOCUS : KIND_GOAL) < 0) ||
		    (f[i].type == FT_FOCUS_LIST && check_focus_list(im, it, f[i].key) < 0))
			return -1;
	return 0;
}

/*
 * A goal may not be its own ancestor.  Each goal's parent is looked up
 * once, then the chains are walked by index (looking a parent up at every
 * step of every chain took the cube of the number of goals).
 */
static int
check_goal_tree(struct import *im, const char *path)
{
	size_t *parent = xcalloc(im->nitems ? im->nitems : 1, sizeof *parent);  /* index + 1; 0: none */
	int rc = 0;

	for (size_t i = 0; i < im->nitems; i++) {
		const char *v = im->items[i].kind == KIND_GOAL ? item_value(&im->items[i], "parent") : NULL;
		struct item *p = v ? find_item(im, KIND_GOAL, v) : NULL;

		parent[i] = p ? (size_t)(p - im->items) + 1 : 0;
	}
	for (size_t i = 0; i < im->nitems && rc == 0; i++) {
		size_t steps = 0;

		for (size_t p = parent[i]; p && rc == 0; p = parent[p - 1]) {
			if (++steps > im->nitems) {
				err_set(_("%s: line %d: [%s]: the goal is its own parent through 'parent' keys; "
				          "break the circle"), path, im->items[i].line, im->items[i].section);
				rc = -1;
			}
		}
	}
	free(parent);
	return rc;
}

static int
read_file(struct import *im, const char *path)
{
	if (ini_load(&im->ini, path) < 0)
		return -1;
	for (size_t i = 0; i < im->ini.nsections; i++) {
		const char *sec = im->ini.sections[i];
		int k, found = 0;

		for (k = 0; k < KIND_COUNT && !found; k++) {
			size_t plen = strlen(prefixes[k]);

			if (k == KIND_STRATEGY ? strcmp(sec, "strategy") == 0 : strncmp(sec, prefixes[k], plen) == 0) {
				found = 1;
				if (read_section(im, sec, (enum kind)k, k == KIND_STRATEGY ? sec : sec + plen) < 0)
					return -1;
			}
		}
		if (!found) {
			err_set(_("%s: line %d: unknown section [%s]; expected [strategy], [group.ID], "
			          "[followup.ID], [focus.ID], [goal.ID], [indicator.ID] or [activity.ID]"),
			        path, ini_section_line(&im->ini, sec), sec);
			return -1;
		}
	}
	if (!find_item(im, KIND_STRATEGY, "strategy")) {
		err_set(_("%s: there is no [strategy] section; a strategy file starts with one"), path);
		return -1;
	}
	for (size_t i = 0; i < im->nitems; i++) {
		struct item *it = &im->items[i];

		if (check_references(im, it) < 0)
			return -1;
		if (check_order(im, it, it->kind == KIND_ACTIVITY ? "start" : "valid_from",
		                it->kind == KIND_ACTIVITY ? "due" : "valid_to") < 0 ||
		    check_open_ended(im, it) < 0 || check_kind(im, it) < 0)
			return -1;
		/* Done means done, as in 'styrkort set': 100 % unless the file says otherwise. */
		if (it->kind == KIND_ACTIVITY && item_value(it, "status") && !item_value(it, "progress") &&
		    strcmp(item_value(it, "status"), "done") == 0)
			it->values[field_index(KIND_ACTIVITY, "progress")] = xstrdup("100");
	}
	return check_goal_tree(im, path);
}

static void
free_import(struct import *im)
{
	for (size_t i = 0; i < im->nitems; i++) {
		for (size_t f = 0; f < nfields(im->items[i].kind); f++)
			free(im->items[i].values[f]);
		free(im->items[i].values);
	}
	free(im->items);
	free(im->values);
	free(im->examples);
	ini_free(&im->ini);
}

void
strategy_field_bind(sqlite3_stmt *st, int idx, const struct field_def *f, const char *v)
{
	double d;
	long n;
	int b;
	char canon[16];

	if (!v || !*v) {
		/* A direction not given stays so (NULL): progress will not guess it. */
		if (f->type == FT_BOOL || f->type == FT_PERCENT)
			sqlite3_bind_int(st, idx, 0);
		else if (f->type == FT_STATUS)
			sqlite3_bind_text(st, idx, "not_started", -1, SQLITE_STATIC);
		else if (f->type == FT_ACT_KIND)
			sqlite3_bind_text(st, idx, "activity", -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, idx);
		return;
	}
	switch (f->type) {
	case FT_NUMBER:
		parse_double(v, &d);
		sqlite3_bind_double(st, idx, d);
		break;
	case FT_BOOL:
		parse_bool(v, &b);
		sqlite3_bind_int(st, idx, b);
		break;
	case FT_PERCENT:
		parse_int(v, f->lo, f->hi, &n);
		sqlite3_bind_int(st, idx, (int)n);
		break;
	case FT_PERIOD:
		parse_period(v, canon, sizeof canon, NULL);
		sqlite3_bind_text(st, idx, canon, -1, SQLITE_TRANSIENT);
		break;
	case FT_ASSESSMENT:
		/* The id (a label is taken too); not assessed is none recorded. */
		b = assessment_from_id(v);
		if (b == AS_NOT_ASSESSED)
			sqlite3_bind_null(st, idx);
		else
			sqlite3_bind_text(st, idx, assessment_id((enum assessment)b), -1, SQLITE_STATIC);
		break;
	default:
		sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
	}
}

static int64_t
item_ref_id(struct import *im, const struct item *it, const char *field, enum kind target)
{
	const char *v = item_value(it, field);
	const struct item *t = v ? find_item(im, target, v) : NULL;

	return t ? t->db_id : 0;
}

static void
bind_id_or_null(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, idx, id);
	else
		sqlite3_bind_null(st, idx);
}

/*
 * The statements of upsert() for a table, built once and kept by their
 * address (db_prepare_kept()), so that an import of hundreds of items
 * parses them once and not once per item under the write lock (issue 14).
 * A table has one key column and one set of extra columns.  Parameters:
 * ?1 strategy, ?2 key, ?3 position, then the item's columns and the extra
 * ones, then (the update) the row's id.
 */
struct upsert_sql {
	struct upsert_sql *next;
	char *table;
	char *id_sql;           /* the row's id, if the strategy has the item */
	char *update_sql;       /* the row, only where a column differs */
	char *insert_sql;       /* a new row */
};

static const struct upsert_sql *
upsert_sql(enum kind kind, const char *table, const char *key_column, const char *extra_cols)
{
	static struct upsert_sql *built;
	const struct field_def *fields = fields_of(kind);
	size_t n = nfields(kind);
	struct upsert_sql *u;
	struct buf ins, vals, set, differs;
	int idx = 4;

	for (u = built; u; u = u->next)
		if (strcmp(u->table, table) == 0)
			return u;
	buf_init(&ins);
	buf_init(&vals);
	buf_init(&set);
	buf_init(&differs);
	buf_printf(&ins, "INSERT INTO %s (strategy_id, %s, position", table, key_column);
	buf_puts(&vals, "?1, ?2, ?3");
	buf_puts(&set, "position = ?3");
	buf_puts(&differs, "position IS NOT ?3");
	for (size_t i = 0; i < n; i++)
		if (is_column(&fields[i])) {
			buf_printf(&ins, ", %s", fields[i].column);
			buf_printf(&vals, ", ?%d", idx);
			buf_printf(&set, ", %s = ?%d", fields[i].column, idx);
			buf_printf(&differs, " OR %s IS NOT ?%d", fields[i].column, idx++);
		}
	if (extra_cols) {
		char *cols = xstrdup(extra_cols), *save = NULL;

		for (char *c = strtok_r(cols, ", ", &save); c; c = strtok_r(NULL, ", ", &save)) {
			buf_printf(&ins, ", %s", c);
			buf_printf(&vals, ", ?%d", idx);
			buf_printf(&set, ", %s = ?%d", c, idx);
			buf_printf(&differs, " OR %s IS NOT ?%d", c, idx++);
		}
		free(cols);
	}
	/* Kept for the life of the program, as the statements are kept by the SQL's address. */
	u = xcalloc(1, sizeof *u);
	u->table = xstrdup(table);
	u->id_sql = xasprintf("SELECT id FROM %s WHERE strategy_id = ?1 AND %s = ?2", table, key_column);
	u->update_sql = xasprintf("UPDATE %s SET %s WHERE id = ?%d AND (%s)", table, set.s, idx, differs.s);
	u->insert_sql = xasprintf("%s) VALUES (%s)", ins.s, vals.s);
	buf_free(&ins);
	buf_free(&vals);
	buf_free(&set);
	buf_free(&differs);
	u->next = built;
	built = u;
	return u;
}

/* The item's row id (SQLITE_ROW), or SQLITE_DONE if the strategy has none yet. */
static int
item_row(struct db *db, const struct upsert_sql *u, const char *strategy_id, struct item *it)
{
	sqlite3_stmt *st = db_prepare_kept(db, u->id_sql);
	int rc;

	if (!st)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, it->key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		it->db_id = sqlite3_column_int64(st, 0);
	db_finish(db, st);
	return rc;
}

/*
 * Save one item: its row is looked up, then updated where a column
 * differs (an item the file leaves as it is is not written again, with all
 * its indexes, under the write lock), or inserted.  Extra columns
 * (references) come after the mapped ones.
 */
static int
upsert(struct db *db, struct import *im, struct item *it, const char *table,
       const char *key_column, const char *strategy_id, int position,
       const char *extra_cols, const int64_t *extra, int nextra)
{
	const struct field_def *fields = fields_of(it->kind);
	size_t n = nfields(it->kind);
	const struct upsert_sql *u = upsert_sql(it->kind, table, key_column, extra_cols);
	int found = item_row(db, u, strategy_id, it), idx = 1, rc = SQLITE_ERROR;
	sqlite3_stmt *st = NULL;

	if ((found == SQLITE_ROW || found == SQLITE_DONE) &&
	    (st = db_prepare_kept(db, found == SQLITE_ROW ? u->update_sql : u->insert_sql))) {
		sqlite3_bind_text(st, idx++, strategy_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, idx++, it->key, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, idx++, position);
		for (size_t i = 0; i < n; i++)
			if (is_column(&fields[i]))
				strategy_field_bind(st, idx++, &fields[i], it->values[i]);
		for (int i = 0; i < nextra; i++)
			bind_id_or_null(st, idx++, extra[i]);
		if (found == SQLITE_ROW)
			sqlite3_bind_int64(st, idx, it->db_id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE && found == SQLITE_DONE)
			it->db_id = sqlite3_last_insert_rowid(db->sql);
	}
	if (rc != SQLITE_DONE)
		err_set(_("%s: line %d: [%s]: %s"), im->ini.path, it->line, it->section, sqlite3_errmsg(db->sql));
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
save_strategy(struct db *db, struct import *im, const struct item *it)
{
	const struct field_def *strategy_fields = fields_of(KIND_STRATEGY);
	struct buf sql, set;
	sqlite3_stmt *st;
	int idx = 1;

	buf_init(&sql);
	buf_init(&set);
	buf_puts(&sql, "INSERT INTO strategy (");
	for (int i = 0; i < SF_COUNT; i++) {
		buf_printf(&sql, "%s%s", i ? ", " : "", strategy_fields[i].column);
		if (i)
			buf_printf(&set, "%s%s = excluded.%s", i > 1 ? ", " : "",
			           strategy_fields[i].column, strategy_fields[i].column);
	}
	buf_puts(&sql, ") VALUES (");
	for (int i = 0; i < SF_COUNT; i++)
		buf_puts(&sql, i ? ", ?" : "?");
	buf_printf(&sql, ") ON CONFLICT (id) DO UPDATE SET %s", set.s);
	st = db_prepare(db, sql.s);
	buf_free(&sql);
	buf_free(&set);
	if (!st)
		return -1;
	for (int i = 0; i < SF_COUNT; i++)
		strategy_field_bind(st, idx++, &strategy_fields[i], it->values[i]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		err_set(_("%s: [strategy]: %s"), im->ini.path, sqlite3_errmsg(db->sql));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* A list field of an item replaces its rows: bodies by name, focus areas by their ids. */
static int
save_names(struct db *db, struct import *im, const struct item *it, const char *field, const char *del_sql,
           const char *ins_sql)
{
	sqlite3_stmt *del = db_prepare_kept(db, del_sql);
	char **names;
	size_t n;
	int rc = 0;

	if (!del)
		return -1;
	sqlite3_bind_int64(del, 1, it->db_id);
	if (db_exec_stmt(db, del) < 0)
		return -1;
	split_list(item_value(it, field), &names, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		sqlite3_stmt *ins = db_prepare_kept(db, ins_sql);
		const struct item *fa = it->kind == KIND_GOAL ? find_item(im, KIND_FOCUS, names[i]) : NULL;

		if (!ins) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(ins, 1, it->db_id);
		sqlite3_bind_int(ins, 2, (int)i);
		if (fa)
			sqlite3_bind_int64(ins, 3, fa->db_id);
		else
			sqlite3_bind_text(ins, 3, names[i], -1, SQLITE_TRANSIENT);
		rc = db_exec_stmt(db, ins);
	}
	free_names(names, n);
	return rc < 0 ? -1 : 0;
}

/* The activity's current row, to log what an import changes. */
static int
activity_before(struct db *db, const char *strategy_id, const char *ref, struct activity *a)
{
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT " MODEL_ACTIVITY_COLUMNS
	                                       " FROM activity WHERE strategy_id = ? AND ref = ?");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		model_read_activity(st, a);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* A field's value as set logs it: references by their key (looked up: the ids are all the row has). */
static char *
logged_value(struct db *db, const struct activity *a, enum act_field f)
{
	enum field_type t = model_activity_fields[f].type;
	int64_t id = t == FT_FOCUS ? a->focus_id : t == FT_GOAL ? a->goal_id : 0;
	sqlite3_stmt *st;
	char *key = NULL;

	if (t != FT_FOCUS && t != FT_GOAL)
		return model_activity_text(a, f, NULL);
	if (!id)
		return xstrdup("");
	st = db_prepare_kept(db, t == FT_FOCUS ? "SELECT key FROM focus_area WHERE id = ?"
	                                       : "SELECT key FROM goal WHERE id = ?");
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			key = db_strdup(st, 0);
		db_finish(db, st);
	}
	return key ? key : xstrdup("");
}

/* Log what differs between old and new_a; the number of rows logged, or -1. */
static int
log_activity_changes(struct db *db, const char *strategy_id, const char *comment,
                     const struct activity *old, const struct activity *new_a, int existed)
{
	int logged = 0, rc = 0;

	if (!existed)
		return changelog_add(db, strategy_id, "activity", new_a->id, new_a->title,
		                     "created", NULL, new_a->title, comment) < 0 ? -1 : 1;
	for (int f = 0; f < AF_COUNT && rc == 0; f++) {
		char *o = logged_value(db, old, (enum act_field)f), *n = logged_value(db, new_a, (enum act_field)f);

		if (strcmp(o, n) != 0) {
			if (changelog_add(db, strategy_id, "activity", new_a->id, new_a->title,
			                  model_activity_fields[f].key, *o ? o : NULL, *n ? n : NULL, comment) < 0)
				rc = -1;
			logged++;
		}
		free(o);
		free(n);
	}
	return rc < 0 ? -1 : logged;
}

/*
 * The file's number for an activity where it differs from the one it has
 * (a new one was given the next by the table); 1 if a change was logged,
 * 0 if none; -1 with err_set() if another activity of the strategy has it.
 */
static int
renumber(struct db *db, const struct import *im, const struct item *it, const char *strategy_id,
         struct activity *a, int existed, const char *comment)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE activity SET number = ? WHERE id = ?");
	char was[24], now[24];
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, it->number);
	sqlite3_bind_int64(st, 2, a->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		err_set(_("%s: line %d: [%s] number = %ld: the strategy '%s' has another activity with that number; "
		          "give another, or leave number out for the next free one"), im->ini.path,
		        ini_line(&im->ini, it->section, "number"), it->section, it->number, strategy_id);
	else if (rc != SQLITE_DONE)
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
	if (rc != SQLITE_DONE)
		return -1;
	snprintf(was, sizeof was, "%lld", (long long)a->number);
	snprintf(now, sizeof now, "%ld", it->number);
	a->number = it->number;
	if (!existed)
		return 0;
	return changelog_add(db, strategy_id, "activity", a->id, a->title, "number", was, now, comment) < 0 ? -1 : 1;
}

static int
save_activity(struct db *db, struct import *im, struct item *it, const char *strategy_id,
              int position, const char *comment)
{
	struct activity before = { 0 }, after = { 0 };
	int64_t refs[2] = { item_ref_id(im, it, "focus", KIND_FOCUS), item_ref_id(im, it, "goal", KIND_GOAL) };
	int existed, logged, rc = -1;
	sqlite3_stmt *st;
	char now[21];

	if ((existed = activity_before(db, strategy_id, it->key, &before)) < 0)
		return -1;
	if (upsert(db, im, it, "activity", "ref", strategy_id, position, "focus_id, goal_id", refs, 2) < 0)
		goto out;
	if (activity_before(db, strategy_id, it->key, &after) != 1)
		goto out;
	if ((logged = log_activity_changes(db, strategy_id, comment, &before, &after, existed)) < 0)
		goto out;
	if (it->number && it->number != after.number) {
		int renumbered = renumber(db, im, it, strategy_id, &after, existed, comment);

		if (renumbered < 0)
			goto out;
		logged += renumbered;
	}
	/*
	 * Record who changed it, and bump the version, only if something
	 * changed: a re-import must not look like someone else's edit.
	 */
	if (logged > 0) {
		st = db_prepare_kept(db, "UPDATE activity SET changed_by = ?2, changed_at = ?3,"
		                         " version = version + 1 WHERE id = ?1");
		if (!st)
			goto out;
		now_iso(now);
		sqlite3_bind_int64(st, 1, after.id);
		sqlite3_bind_text(st, 2, user_name(), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		if (db_exec_stmt(db, st) < 0)
			goto out;
	}
	rc = 0;
out:
	model_free_activity(&before);
	model_free_activity(&after);
	return rc;
}

/* Each value of the file, marked example data or not as its indicator's example_values says. */
static int
save_values(struct db *db, struct import *im, const char *strategy_id, const char *comment)
{
	/* Only a mark that changes is written: an unchanged row is not made dirty (and journalled) again. */
	sqlite3_stmt *mark = db_prepare(db, "UPDATE measurement SET example = ?1 WHERE indicator_id = ?2 AND series = ?3"
	                                    " AND period = ?4 AND sex = ?5 AND example <> ?1");

	if (!mark)
		return -1;
	for (size_t i = 0; i < im->nvalues; i++) {
		const struct measurement_in *m = &im->values[i];
		const struct item *ind = &im->items[m->item];
		char sex[2] = { m->sex, 0 };

		struct value_key k = { ind->db_id, item_value(ind, "name"), m->series, m->period, m->period_key, m->sex };

		if (measurement_save(db, strategy_id, &k, m->has_value, m->value, comment, NULL) < 0) {
			sqlite3_finalize(mark);
			return -1;
		}
		sqlite3_reset(mark);
		sqlite3_bind_int(mark, 1, value_is_example(im, m));
		sqlite3_bind_int64(mark, 2, ind->db_id);
		sqlite3_bind_text(mark, 3, series_id(m->series), -1, SQLITE_STATIC);
		sqlite3_bind_text(mark, 4, m->period, -1, SQLITE_STATIC);
		sqlite3_bind_text(mark, 5, sex, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(mark) != SQLITE_DONE) {
			err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
			sqlite3_finalize(mark);
			return -1;
		}
	}
	sqlite3_finalize(mark);
	return 0;
}

/* The file's groups and follow-ups replace the strategy's: nothing refers to them. */
static int
save_list(struct db *db, struct import *im, const char *strategy_id, enum kind kind, const char *table)
{
	char *sql = xasprintf("DELETE FROM %s WHERE strategy_id = ?", table);
	sqlite3_stmt *del = db_prepare(db, sql);
	int position = 0;

	free(sql);

	if (!del)
		return -1;
	sqlite3_bind_text(del, 1, strategy_id, -1, SQLITE_STATIC);
	if (sqlite3_step(del) != SQLITE_DONE) {
		db_error(db);
		sqlite3_finalize(del);
		return -1;
	}
	sqlite3_finalize(del);
	for (size_t i = 0; i < im->nitems; i++)
		if (im->items[i].kind == kind &&
		    upsert(db, im, &im->items[i], table, "key", strategy_id, position++, NULL, NULL, 0) < 0)
			return -1;
	return 0;
}

static int
save_all(struct db *db, struct import *im, const char *strategy_id)
{
	const char *base = strrchr(im->ini.path, '/');
	char *comment = xasprintf(_("import %s"), base ? base + 1 : im->ini.path);
	int positions[KIND_COUNT] = { 0 }, rc = -1;

	if (save_strategy(db, im, find_item(im, KIND_STRATEGY, "strategy")) < 0 ||
	    save_list(db, im, strategy_id, KIND_GROUP, "strategy_group") < 0 ||
	    save_list(db, im, strategy_id, KIND_FOLLOWUP, "follow_up") < 0)
		goto out;
	/* Focus areas and goals first (without references), then the rest. */
	for (size_t i = 0; i < im->nitems; i++) {
		struct item *it = &im->items[i];

		if (it->kind == KIND_FOCUS) {
			if (upsert(db, im, it, "focus_area", "key", strategy_id, positions[KIND_FOCUS]++, NULL, NULL, 0) < 0 ||
			    save_names(db, im, it, "responsible", "DELETE FROM responsible_body WHERE focus_id = ?",
			               "INSERT INTO responsible_body (focus_id, position, name) VALUES (?, ?, ?)") < 0)
				goto out;
		} else if (it->kind == KIND_GOAL) {
			int64_t none = 0;

			if (upsert(db, im, it, "goal", "key", strategy_id, positions[KIND_GOAL]++,
			           "parent_id", &none, 1) < 0)
				goto out;
		}
	}
	positions[KIND_GOAL] = 0;
	for (size_t i = 0; i < im->nitems; i++) {
		struct item *it = &im->items[i];

		if (it->kind == KIND_GOAL) {
			int64_t parent = item_ref_id(im, it, "parent", KIND_GOAL);

			/* The goal's focus areas are its links in goal_focus (goal.focus_id is no longer used). */
			if (upsert(db, im, it, "goal", "key", strategy_id, positions[KIND_GOAL]++,
			           "parent_id", &parent, 1) < 0 ||
			    save_names(db, im, it, "focus", "DELETE FROM goal_focus WHERE goal_id = ?",
			               "INSERT INTO goal_focus (goal_id, position, focus_id) VALUES (?, ?, ?)") < 0)
				goto out;
		} else if (it->kind == KIND_INDICATOR) {
			int64_t goal = item_ref_id(im, it, "goal", KIND_GOAL);

			if (upsert(db, im, it, "indicator", "key", strategy_id, positions[KIND_INDICATOR]++,
			           "goal_id", &goal, 1) < 0)
				goto out;
		} else if (it->kind == KIND_ACTIVITY) {
			if (save_activity(db, im, it, strategy_id, positions[KIND_ACTIVITY]++, comment) < 0)
				goto out;
		}
	}
	rc = save_values(db, im, strategy_id, comment);
out:
	free(comment);
	return rc;
}

int
strategy_import(struct db *db, const char *path, char **strategy_id)
{
	return strategy_import_summary(db, path, strategy_id, NULL, 0);
}

int
strategy_import_summary(struct db *db, const char *path, char **strategy_id,
                        struct import_summary *sum, int dry_run)
{
	struct import im;
	const char *id;
	int rc = -1;

	memset(&im, 0, sizeof im);
	if (sum)
		memset(sum, 0, sizeof *sum);
	if (read_file(&im, path) < 0)
		goto out;
	id = item_value(find_item(&im, KIND_STRATEGY, "strategy"), "id");
	if (db_write_begin(db, 0) < 0)
		goto out;
	if ((sum && import_summary_before(db, id, sum) < 0) || save_all(db, &im, id) < 0 ||
	    (sum && import_summary_after(db, id, sum) < 0)) {
		db_rollback(db);
		goto out;
	}
	/* A dry run: the same changes, rolled back. */
	if (dry_run)
		db_rollback(db);
	else if (db_commit(db) < 0)
		goto out;
	if (strategy_id)
		*strategy_id = xstrdup(id);
	rc = 0;
out:
	free_import(&im);
	return rc;
}

/*
 * Export: the canonical form, every key in table order, empty ones left
 * out.  A text that holds what import refuses (written by an older version
 * or another tool) is written with U+FFFD in place of each such character,
 * so that the output always imports; the places are told on stderr.
 */
struct exporter {
	FILE *out;
	char *where;            /* the item being written, for the warning */
	size_t count;           /* characters replaced */
	size_t nplaces;
	struct buf places;
};

static void
exporter_at(struct exporter *x, char *where)
{
	free(x->where);
	x->where = where;
}

/* s made safe for the file (text_repair()), the place remembered for the warning. */
static char *
fix(struct exporter *x, const char *key, const char *s, int multiline)
{
	size_t count = 0, first = 0;
	char *fixed = text_repair(s, multiline, &count, &first);

	if (count) {
		/* The first few places are enough to find them; the count says how many in all. */
		if (x->nplaces < 5)
			buf_printf(&x->places, "%s%s %s, %s %zu", x->nplaces ? "; " : "", x->where, key,
			           _("position"), first);
		else if (x->nplaces == 5)
			buf_puts(&x->places, "; ...");
		x->nplaces++;
		x->count += count;
	}
	return fixed;
}

/* 1 if the key is a text that may hold several lines, in any kind of section. */
static int
key_multiline(const char *key)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		int i = field_index((enum kind)k, key);

		if (i >= 0 && (fields_of((enum kind)k)[i].flags & FF_MULTILINE))
			return 1;
	}
	return 0;
}

static void
put(struct exporter *x, const char *key, const char *v)
{
	char *fixed;

	if (!v || !*v)
		return;
	fixed = fix(x, key, v, key_multiline(key));
	ini_write(x->out, key, fixed);
	free(fixed);
}

/* A section's header; where (a new string) names it in the warning. */
static void
section(struct exporter *x, const char *prefix, const char *key, char *where)
{
	char *k;

	exporter_at(x, where);
	k = fix(x, "id", key, 0);
	fprintf(x->out, "\n[%s%s]\n", prefix, k);
	free(k);
}

static void
put_number(FILE *out, const char *key, int has, double v)
{
	char num[64];

	if (!has)
		return;
	format_number(num, sizeof num, v);
	fprintf(out, "%s = %s\n", key, num);
}

/* Every field of an item of the kind, in table order; empty ones are left out. */
static void
export_fields(struct exporter *x, const struct plan *p, enum kind kind, const void *item)
{
	for (size_t f = 0; f < nfields(kind); f++) {
		char *v = model_item_text(kind, p, item, (int)f);

		put(x, fields_of(kind)[f].key, v);
		free(v);
	}
}

/* Goals in position order (parents are referenced by key, so order is free). */
static int
export_goals(struct db *db, struct exporter *x, const struct plan *p)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM goal WHERE strategy_id = ? ORDER BY position");

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, p->s.id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct goal *g = plan_goal(p, sqlite3_column_int64(st, 0));

		if (!g)
			continue;
		section(x, "goal.", g->key, xasprintf("%s %s", _("goal"), g->key));
		export_fields(x, p, KIND_GOAL, g);
	}
	sqlite3_finalize(st);
	return 0;
}

/* value.PERIOD[.k|.m] = VALUE, or "" for no data (county. and country. for the comparisons). */
static void
export_values(struct exporter *x, const struct measurement *v, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		const struct measurement *m = &v[j];
		const char *prefix = value_prefixes[m->series];
		char *key = m->sex == SEX_T ? xasprintf("%s%s", prefix, m->period)
		                            : xasprintf("%s%s.%c", prefix, m->period, m->sex == SEX_K ? 'k' : 'm');
		char *safe;

		for (char *c = key; *c; c++)
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
		safe = fix(x, "value", key, 0);
		free(key);
		if (m->has_value)
			put_number(x->out, safe, 1, m->value);
		else
			ini_write(x->out, safe, "");
		free(safe);
	}
}

/* The series of which every value is example data, as example_values; nothing if none. */
static void
export_example_values(FILE *out, const struct indicator *ind)
{
	int some[SERIES_COUNT] = { 0 }, real[SERIES_COUNT] = { 0 };
	struct buf b;

	for (size_t j = 0; j < ind->nvalues + ind->ncomparisons; j++) {
		const struct measurement *m = j < ind->nvalues ? &ind->values[j] : &ind->comparisons[j - ind->nvalues];

		if (m->example)
			some[m->series] = 1;
		else
			real[m->series] = 1;
	}
	buf_init(&b);
	for (int s = 0; s < SERIES_COUNT; s++)
		if (some[s] && !real[s])
			buf_printf(&b, "%s%s", b.s ? " " : "", series_id((enum series)s));
	if (b.s)
		ini_write(out, EXAMPLE_VALUES_KEY, b.s);
	buf_free(&b);
}

static void
export_indicator(struct exporter *x, const struct plan *p, const struct indicator *ind)
{
	section(x, "indicator.", ind->key, xasprintf(_("indicator %s"), ind->key));
	export_fields(x, p, KIND_INDICATOR, ind);
	export_example_values(x->out, ind);
	export_values(x, ind->values, ind->nvalues);
	export_values(x, ind->comparisons, ind->ncomparisons);
}

int
strategy_export(struct db *db, const char *strategy_id, FILE *out)
{
	struct plan p;
	struct exporter ex = { out, NULL, 0, 0, { NULL, 0, 0 } }, *x = &ex;
	int64_t largest = 0;    /* the largest activity number written so far */
	int rc = -1;

	if (model_load_plan(db, strategy_id, &p) < 0)
		return -1;
	exporter_at(x, xasprintf(_("strategy %s"), strategy_id));
	fprintf(out, "; styrkort strategy file, see styrkort(5)\n[strategy]\n");
	export_fields(x, &p, KIND_STRATEGY, &p.s);
	for (size_t i = 0; i < p.ngroups; i++) {
		section(x, "group.", p.groups[i].key, xasprintf("%s %s", _("group"), p.groups[i].key));
		export_fields(x, &p, KIND_GROUP, &p.groups[i]);
	}
	for (size_t i = 0; i < p.nfups; i++) {
		section(x, "followup.", p.fups[i].key, xasprintf("%s %s", _("follow-up"), p.fups[i].key));
		export_fields(x, &p, KIND_FOLLOWUP, &p.fups[i]);
	}
	for (size_t i = 0; i < p.nfocus; i++) {
		section(x, "focus.", p.focus[i].key, xasprintf("%s %s", _("focus area"), p.focus[i].key));
		export_fields(x, &p, KIND_FOCUS, &p.focus[i]);
	}
	if (export_goals(db, x, &p) < 0)
		goto out;
	for (size_t i = 0; i < p.ninds; i++)
		export_indicator(x, &p, &p.inds[i]);
	for (size_t i = 0; i < p.nacts; i++) {
		section(x, "activity.", p.acts[i].ref, xasprintf(_("activity %lld"), (long long)p.acts[i].number));
		/* Only a number that an import would not give by itself (after a deletion): numbering.h. */
		if (p.acts[i].number != activity_next_number(largest))
			fprintf(out, "number = %lld\n", (long long)p.acts[i].number);
		if (p.acts[i].number > largest)
			largest = p.acts[i].number;
		export_fields(x, &p, KIND_ACTIVITY, &p.acts[i]);
	}
	if (x->count)
		msg_warn(ui_ngettext("export: %zu character that a file may not hold was replaced by U+FFFD: %s",
		                  "export: %zu characters that a file may not hold were replaced by U+FFFD: %s",
		                  x->count), x->count, x->places.s);
	rc = ferror(out) ? -1 : 0;
out:
	model_free_plan(&p);
	exporter_at(x, NULL);
	buf_free(&x->places);
	return rc;
}
