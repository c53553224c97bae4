/* SPDX-License-Identifier: GPL-3.0-or-later */
/* organisation.c: the groups that carry a strategy: roles, reading from the database, their fields as text. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organisation.h"
#include "text.h"
#include "util.h"

static const struct {
	const char *id, *label;
} roles[] = {
#define ROLE_(ID, id, label) { id, label },
	ROLES(ROLE_)
#undef ROLE_
};

const char *
organisation_role_label(const char *id)
{
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (id && strcmp(id, roles[i].id) == 0)
			return _(roles[i].label);
	return id ? id : "";
}

int
organisation_role_check(const char *id)
{
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strcmp(id, roles[i].id) == 0)
			return 0;
	return -1;
}

const char *
organisation_role_list(void)
{
#define ROLE_(ID, id, label) ", " id
	static const char list[] = ROLES(ROLE_);
#undef ROLE_
	return list + 2;
}

/* The strategy's rows of a SELECT (its one parameter the strategy's id), each read by read into *items. */
static int
load_rows(struct db *db, const char *sql, const char *strategy_id, void **items, size_t *n, size_t size,
          void (*read)(sqlite3_stmt *st, void *item))
{
	sqlite3_stmt *st = db_prepare_kept(db, sql);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			*items = xrealloc(*items, cap * size);
		}
		read(st, (char *)*items + (*n)++ * size);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		db_error(db);
		return -1;
	}
	return 0;
}

static void
read_group(sqlite3_stmt *st, void *item)
{
	struct group *g = item;

	g->id = sqlite3_column_int64(st, 0);
	g->key = db_strdup(st, 1);
	g->role = db_strdup(st, 2);
	g->name = db_strdup(st, 3);
	g->composition = db_strdup(st, 4);
	g->source = db_strdup(st, 5);
	g->example = db_strdup(st, 6);
}

static void
read_followup(sqlite3_stmt *st, void *item)
{
	struct followup *f = item;

	f->id = sqlite3_column_int64(st, 0);
	f->key = db_strdup(st, 1);
	f->what = db_strdup(st, 2);
	f->cadence = db_strdup(st, 3);
	f->first = db_strdup(st, 4);
	f->dates = db_strdup(st, 5);
	f->note = db_strdup(st, 6);
	f->source = db_strdup(st, 7);
	f->example = db_strdup(st, 8);
}

int
organisation_load(struct db *db, const char *strategy_id, struct plan *p)
{
	void *groups = p->groups, *fups = p->fups;
	sqlite3_stmt *st;
	int rc;

	rc = load_rows(db, "SELECT id, key, role, name, composition, source, CASE WHEN example THEN 'yes' END"
	                   " FROM strategy_group "
	                   "WHERE strategy_id = ? ORDER BY position",
	               strategy_id, &groups, &p->ngroups, sizeof *p->groups, read_group);
	p->groups = groups;
	if (rc < 0)
		return -1;
	rc = load_rows(db, "SELECT id, key, what, cadence, first_date, dates, note, source,"
	                   " CASE WHEN example THEN 'yes' END FROM follow_up "
	                   "WHERE strategy_id = ? ORDER BY position",
	               strategy_id, &fups, &p->nfups, sizeof *p->fups, read_followup);
	p->fups = fups;
	if (rc < 0)
		return -1;
	st = db_prepare_kept(db, "SELECT max(date) FROM review WHERE strategy_id = ?");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(p->last_review, sizeof p->last_review, "%s", (const char *)sqlite3_column_text(st, 0));
	db_finish(db, st);
	return 0;
}

void
organisation_free(struct plan *p)
{
	for (size_t i = 0; i < p->ngroups; i++) {
		free(p->groups[i].key);
		free(p->groups[i].role);
		free(p->groups[i].name);
		free(p->groups[i].composition);
		free(p->groups[i].source);
		free(p->groups[i].example);
	}
	free(p->groups);
	p->groups = NULL;
	p->ngroups = 0;
	for (size_t i = 0; i < p->nfups; i++) {
		free(p->fups[i].key);
		free(p->fups[i].what);
		free(p->fups[i].cadence);
		free(p->fups[i].first);
		free(p->fups[i].dates);
		free(p->fups[i].note);
		free(p->fups[i].source);
		free(p->fups[i].example);
	}
	free(p->fups);
	p->fups = NULL;
	p->nfups = 0;
}

char *
organisation_group_text(const struct group *g, enum group_field f)
{
	const char *v = NULL;

	switch (f) {
	case GR_ROLE: v = g->role; break;
	case GR_NAME: v = g->name; break;
	case GR_COMPOSITION: v = g->composition; break;
	case GR_SOURCE: v = g->source; break;
	case GR_EXAMPLE: v = g->example; break;
	default: break;
	}
	return xstrdup(v ? v : "");
}

char *
organisation_group_summary(const struct group *g)
{
	int named = g->name && *g->name, composed = g->composition && *g->composition;

	return xasprintf("%s%s%s%s", named ? g->name : "", named && composed ? ": " : "",
	                 composed ? g->composition : "", model_example_mark(g->example != NULL));
}

int
organisation_cadence(const char *text, int *years)
{
	long n, m;
	char *end;
	int step = 1;

	if (strcmp(text, "continuously") == 0 || strcmp(text, "dates") == 0) {
		step = 0;
	} else if (strcmp(text, "yearly") != 0) {
		if (strncmp(text, "every ", 6) != 0 || !isdigit((unsigned char)text[6]))
			return -1;
		n = strtol(text + 6, &end, 10);
		m = n;
		if (*end == '-') {
			if (!isdigit((unsigned char)end[1]))
				return -1;
			m = strtol(end + 1, &end, 10);
		}
		if (strcmp(end, " years") != 0 || n < 1 || m < n || m > 50)
			return -1;
		step = (int)m;
	}
	if (years)
		*years = step;
	return text[0] == 'c' ? CAD_CONTINUOUSLY : text[0] == 'd' ? CAD_DATES : text[0] == 'y' ? CAD_YEARLY : CAD_YEARS;
}

/* The next date of a list "D, D, ..." into one (at most 10 characters); the text after it, or NULL at the end. */
static const char *
next_listed(const char *s, char one[11])
{
	size_t len = strcspn(s, ",");

	snprintf(one, 11, "%.*s", (int)(len > 10 ? 10 : len), s);
	if (len > 10)
		one[0] = '\0';          /* too long to be a date */
	return s[len] ? s + len : NULL;
}

/* A date's period before another's: by where they end (2013-06 before 2013). */
static int
ends_before(const char *a, const char *b)
{
	char ea[11], eb[11];

	return date_end(a, ea) == 0 && date_end(b, eb) == 0 && strcmp(ea, eb) < 0;
}

int
organisation_dates_check(const char *text)
{
	char one[11], prev[11] = "";

	for (const char *s = text;;) {
		s = next_listed(s, one);
		if (parse_date_any(one, NULL, NULL, NULL) < 0 || (*prev && !ends_before(prev, one)))
			return -1;
		if (!s)
			return 0;
		if (strncmp(s, ", ", 2) != 0)
			return -1;
		memcpy(prev, one, sizeof prev);
		s += 2;
	}
}

char *
organisation_followup_text(const struct followup *f, enum followup_field field)
{
	const char *v = NULL;

	switch (field) {
	case FU_WHAT: v = f->what; break;
	case FU_CADENCE: v = f->cadence; break;
	case FU_FIRST: v = f->first; break;
	case FU_DATES: v = f->dates; break;
	case FU_NOTE: v = f->note; break;
	case FU_SOURCE: v = f->source; break;
	case FU_EXAMPLE: v = f->example; break;
	default: break;
	}
	return xstrdup(v ? v : "");
}

/* date + years, at the date's precision (29 February becomes 28 February in a year that has none). */
static void
add_years(char out[11], const char *date, int years)
{
	char buf[32];
	size_t len = strlen(date);
	int y, m, d;

	parse_date_any(date, &y, &m, &d);
	y += years;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		d = 28;
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, len);
	out[len] = '\0';
}

/* Note a due date: the latest whose period ended before today, the earliest from today on. */
static void
consider(struct due *d, const struct followup *f, const char *date, const char *today)
{
	if (date_cmp_day(date, today) < 0) {
		if (!d->last || ends_before(d->last_date, date)) {
			d->last = f;
			snprintf(d->last_date, sizeof d->last_date, "%s", date);
		}
	} else if (!d->next || ends_before(date, d->next_date)) {
		d->next = f;
		snprintf(d->next_date, sizeof d->next_date, "%s", date);
	}
}

/* The dates a follow-up lists. */
static void
consider_dates(struct due *d, const struct followup *f, const char *today)
{
	char date[11];

	for (const char *s = f->dates; s && *s;) {
		s = next_listed(s, date);
		if (parse_date_any(date, NULL, NULL, NULL) > 0)
			consider(d, f, date, today);
		if (s)
			s += strspn(s, ", ");
	}
}

/*
 * A recurring follow-up: the dates anchor + k * years for k from k0 on;
 * the last of them before today and the one after it.
 */
static void
consider_series(struct due *d, const struct followup *f, const char *anchor, int k0, int years,
                const char *today)
{
	char date[11], next[11];
	int k = (atoi(today) - atoi(anchor)) / years - 1;

	if (k < k0)
		k = k0;
	add_years(date, anchor, k * years);
	if (date_cmp_day(date, today) >= 0) {
		consider(d, f, date, today);
		return;
	}
	for (;;) {
		add_years(next, anchor, (k + 1) * years);
		if (date_cmp_day(next, today) >= 0)
			break;
		memcpy(date, next, 11);
		k++;
	}
	consider(d, f, date, today);
	consider(d, f, next, today);
}

void
organisation_due(const struct plan *p, const char *today, struct due *d)
{
	memset(d, 0, sizeof *d);
	for (size_t i = 0; i < p->nfups; i++) {
		const struct followup *f = &p->fups[i];
		int years = 1, c = f->cadence ? organisation_cadence(f->cadence, &years) : -1;

		if (c == CAD_DATES)
			consider_dates(d, f, today);
		else if (c != CAD_YEARLY && c != CAD_YEARS)
			continue;
		else if (f->first && *f->first)
			consider_series(d, f, f->first, 0, years, today);
		else if (c == CAD_YEARLY)
			consider_series(d, f, "1900-12-31", 0, 1, today);
		else if (p->s.valid_from && *p->s.valid_from)
			consider_series(d, f, p->s.valid_from, 1, years, today);
		else if (p->s.adopted_on && *p->s.adopted_on)
			consider_series(d, f, p->s.adopted_on, 1, years, today);
	}
	/* A period begins where its text does: a review on any day of a month or year due counts. */
	d->reviewed = d->last && *p->last_review && strcmp(p->last_review, d->last_date) >= 0;
}

/* A list of dates as people read them, each at its precision. */
static char *
dates_text(const char *dates, const char *date_format)
{
	struct buf b;
	char one[11], shown[64];

	buf_init(&b);
	for (const char *s = dates; s && *s;) {
		s = next_listed(s, one);
		format_date(shown, sizeof shown, one, date_format);
		buf_printf(&b, "%s%s", b.len ? ", " : "", shown);
		if (s)
			s += strspn(s, ", ");
	}
	return buf_steal(&b);
}

char *
organisation_followup_summary(const struct followup *f, const char *date_format)
{
	int years = 0, c = f->cadence ? organisation_cadence(f->cadence, &years) : -1;
	char first[64], *how, *text;

	if (c == CAD_CONTINUOUSLY) {
		how = xstrdup(_("continuously"));
	} else if (c == CAD_YEARLY) {
		how = xstrdup(_("yearly"));
	} else if (c == CAD_YEARS) {
		/* "every 3-4 years": the numbers as written. */
		char *n = xstrndup(f->cadence + 6, strlen(f->cadence) - 6 - 6);

		how = xasprintf(_("every %s years"), n);
		free(n);
	} else {
		how = dates_text(f->dates, date_format);
	}
	if ((c == CAD_YEARLY || c == CAD_YEARS) && f->first && *f->first) {
		format_date(first, sizeof first, f->first, date_format);
		text = xasprintf(_("%s, first %s"), how, first);
		free(how);
		how = text;
	}
	if (f->example) {
		text = xasprintf("%s%s", how, model_example_mark(1));
		free(how);
		how = text;
	}
	return how;
}

void
organisation_due_text(const struct plan *p, const char *today, const char *date_format,
                      char **next, char **last)
{
	struct due d;
	char date[64], review[64];

	organisation_due(p, today, &d);
	*next = *last = NULL;
	if (d.next) {
		format_date(date, sizeof date, d.next_date, date_format);
		*next = xasprintf(_("%s, due %s"), d.next->what, date);
	}
	if (d.last) {
		format_date(date, sizeof date, d.last_date, date_format);
		if (d.reviewed) {
			format_date(review, sizeof review, p->last_review, date_format);
			*last = xasprintf(_("%s, due %s: a review was recorded on %s"), d.last->what, date, review);
		} else {
			*last = xasprintf(_("%s, due %s: no review recorded since then"), d.last->what, date);
		}
	}
}
