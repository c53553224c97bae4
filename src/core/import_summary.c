/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_summary.c: what an import of a strategy changed, found by comparing the strategy before and after it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "import_summary.h"
#include "msg.h"
#include "text.h"
#include "util.h"

/* Longer values are cut: a changed vision is news, its whole text is not. */
#define SHOWN_MAX 60

static int
strategy_exists(struct db *db, const char *strategy_id, int *exists)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM strategy WHERE id = ?");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db);
		return -1;
	}
	*exists = rc == SQLITE_ROW;
	return 0;
}

int
import_summary_before(struct db *db, const char *strategy_id, struct import_summary *s)
{
	memset(s, 0, sizeof *s);
	if (strategy_exists(db, strategy_id, &s->existed) < 0)
		return -1;
	if (s->existed && model_load_plan(db, strategy_id, &s->before) < 0)
		return -1;
	return 0;
}

int
import_summary_after(struct db *db, const char *strategy_id, struct import_summary *s)
{
	if (model_load_plan(db, strategy_id, &s->after) < 0)
		return -1;
	s->have_after = 1;
	return 0;
}

void
import_summary_free(struct import_summary *s)
{
	if (s->existed)
		model_free_plan(&s->before);
	if (s->have_after)
		model_free_plan(&s->after);
	memset(s, 0, sizeof *s);
}

/* A value as shown: sanitised, "-" for none, long ones cut at a character boundary. */
static char *
shown(const char *v)
{
	char *t;
	size_t n;

	if (!v || !*v)
		return xstrdup("-");
	t = text_sanitize(v, 0);
	if (strlen(t) > SHOWN_MAX) {
		n = SHOWN_MAX;
		while (n > 0 && ((unsigned char)t[n] & 0xc0) == 0x80)
			n--;
		/* Room for "..." even when t is only a byte or two longer than SHOWN_MAX. */
		t = xrealloc(t, n + 4);
		memcpy(t + n, "...", 4);
	}
	return t;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

struct out {
	FILE *f;
	const char *prefix;
	int changes;
};

/* "PREFIX: WHAT: FIELD: OLD -> NEW" if the field differs. */
static void
field(struct out *o, const char *what, const char *name, const char *old, const char *new_value)
{
	char *so, *sn;

	if (same(old, new_value))
		return;
	so = shown(old);
	sn = shown(new_value);
	msg_print(o->f, "%s%s: %s: %s -> %s\n", o->prefix, what, name, so, sn);
	free(so);
	free(sn);
	o->changes++;
}

static void
added(struct out *o, const char *what, const char *name)
{
	char *sn = shown(name);

	msg_print(o->f, _("%s%s added: %s\n"), o->prefix, what, sn);
	free(sn);
	o->changes++;
}

static char *
number(int has, double v)
{
	char num[64];

	if (!has)
		return NULL;
	format_number(num, sizeof num, v);
	return xstrdup(num);
}

/* Every field of the kind that differs between item b of before and n of after. */
static void
fields_changed(struct out *o, const char *what, enum kind kind, const struct plan *before, const void *b,
               const struct plan *after, const void *n)
{
	size_t count;
	const struct field_def *f = model_fields(kind, &count);

	for (size_t i = 0; i < count; i++) {
		char *ov = model_item_text(kind, before, b, (int)i), *nv = model_item_text(kind, after, n, (int)i);

		field(o, what, f[i].key, ov, nv);
		free(ov);
		free(nv);
	}
}

static void
focus_changes(struct out *o, const struct plan *before, const struct plan *after)
{
	for (size_t i = 0; i < after->nfocus; i++) {
		const struct focus_area *n = &after->focus[i], *b = NULL;
		char *what = xasprintf(_("focus area %s"), n->key);

		for (size_t j = 0; j < before->nfocus && !b; j++)
			if (strcmp(before->focus[j].key, n->key) == 0)
				b = &before->focus[j];
		if (!b) {
			added(o, what, n->name);
		} else {
			fields_changed(o, what, KIND_FOCUS, before, b, after, n);
		}
		free(what);
	}
}

static void
goal_changes(struct out *o, const struct plan *before, const struct plan *after)
{
	for (size_t i = 0; i < after->ngoals; i++) {
		const struct goal *n = &after->goals[i], *b = NULL;
		char *what = xasprintf(_("goal %s"), n->key);

		for (size_t j = 0; j < before->ngoals && !b; j++)
			if (strcmp(before->goals[j].key, n->key) == 0)
				b = &before->goals[j];
		if (!b) {
			added(o, what, n->title);
		} else {
			fields_changed(o, what, KIND_GOAL, before, b, after, n);
		}
		free(what);
	}
}

static void
value_changes(struct out *o, const struct indicator *b, const struct indicator *n)
{
	for (size_t i = 0; i < n->nvalues; i++) {
		const struct measurement *m = &n->values[i], *old = NULL;
		char *what = xasprintf(_("value %s %s %c"), n->key, m->period, sex_char(m->sex));
		char *nv = number(m->has_value, m->value), *ov;

		for (size_t j = 0; b && j < b->nvalues && !old; j++)
			if (strcmp(b->values[j].period, m->period) == 0 && b->values[j].sex == m->sex)
				old = &b->values[j];
		if (!old) {
			added(o, what, nv ? nv : _("no data"));
		} else {
			ov = number(old->has_value, old->value);
			field(o, what, "value", ov ? ov : _("no data"), nv ? nv : _("no data"));
			free(ov);
		}
		free(nv);
		free(what);
	}
}

static void
indicator_changes(struct out *o, const struct plan *before, const struct plan *after)
{
	for (size_t i = 0; i < after->ninds; i++) {
		const struct indicator *n = &after->inds[i], *b = NULL;
		char *what = xasprintf(_("indicator %s"), n->key);

		for (size_t j = 0; j < before->ninds && !b; j++)
			if (strcmp(before->inds[j].key, n->key) == 0)
				b = &before->inds[j];
		if (!b) {
			added(o, what, n->name);
		} else {
			fields_changed(o, what, KIND_INDICATOR, before, b, after, n);
		}
		free(what);
		value_changes(o, b, n);
	}
}

static void
activity_changes(struct out *o, const struct plan *before, const struct plan *after)
{
	for (size_t i = 0; i < after->nacts; i++) {
		const struct activity *n = &after->acts[i], *b = NULL;
		char *what = xasprintf(_("activity %s (#%lld)"), n->ref, (long long)n->number);

		for (size_t j = 0; j < before->nacts && !b; j++)
			if (strcmp(before->acts[j].ref, n->ref) == 0)
				b = &before->acts[j];
		if (!b) {
			added(o, what, n->title);
		} else {
			char was[24], now[24];

			/* Its number is not a field of the table (numbering.h), but a file may change it. */
			snprintf(was, sizeof was, "%lld", (long long)b->number);
			snprintf(now, sizeof now, "%lld", (long long)n->number);
			field(o, what, "number", was, now);
			fields_changed(o, what, KIND_ACTIVITY, before, b, after, n);
		}
		free(what);
	}
}

int
import_summary_print(const struct import_summary *s, const char *prefix, FILE *out)
{
	struct out o = { out, prefix, 0 };
	const struct plan *a = &s->after;

	if (!s->have_after)
		return 0;
	if (!s->existed) {
		size_t nvalues = 0;

		for (size_t i = 0; i < a->ninds; i++)
			nvalues += a->inds[i].nvalues;
		msg_print(out, _("%snew strategy: focus areas %zu, goals %zu, indicators %zu, values %zu, activities %zu\n"),
		        prefix, a->nfocus, a->ngoals, a->ninds, nvalues, a->nacts);
		return 1;
	}
	fields_changed(&o, _("strategy"), KIND_STRATEGY, &s->before, &s->before.s, a, &a->s);
	focus_changes(&o, &s->before, a);
	goal_changes(&o, &s->before, a);
	indicator_changes(&o, &s->before, a);
	activity_changes(&o, &s->before, a);
	return o.changes;
}
