/* SPDX-License-Identifier: GPL-3.0-or-later */
/* since.c: the changes since a review or a date, net, one item per activity, indicator or other part of the plan. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "model.h"
#include "chart.h"
#include "review.h"
#include "since.h"
#include "text.h"
#include "util.h"

/* The change log's kinds: the item they are grouped as, its place in the list and its name for people. */
static const struct since_kind {
	const char *word, *as;
	int rank;
	const char *label;              /* NULL: the item shows its number instead */
} kinds[] = {
	{ "activity",    "activity",  0, NULL },
	{ "measurement", "indicator", 1, N_("Indicator") },
	{ "indicator",   "indicator", 1, N_("Indicator") },
	{ "focus",       "focus",     2, N_("Focus area") },
	{ "goal",        "goal",      3, N_("Goal") },
	{ "group",       "group",     4, N_("Group") },
	{ "followup",    "followup",  5, N_("Follow-up") },
	{ "strategy",    "strategy",  6, N_("Strategy") },
};

/* The arrow, the dash and the separator of a line, in UTF-8 or ASCII. */
static const char *const marks[2][3] = { { "->", "-", ";" }, { "\u2192", "\u2014", "\u00b7" } };

static const struct since_kind *
kind_of(const char *word)
{
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(kinds[i].word, word ? word : "") == 0)
			return &kinds[i];
	return &kinds[sizeof kinds / sizeof *kinds - 1];
}

static int
is_value(const struct change *c)
{
	return strcmp(c->kind, "measurement") == 0;
}

/*
 * Where a value's label ("Name 2023 T", "Name (county) 2023 K", as
 * measurements.c logs it) stops naming the indicator.
 */
static size_t
value_suffix(const char *label)
{
	const char *sex = strrchr(label, ' '), *period;

	if (!sex || sex == label)
		return strlen(label);
	for (period = sex - 1; period > label && *period != ' '; period--)
		;
	if (*period != ' ')
		return strlen(label);
	if (period > label && period[-1] == ')') {
		const char *open = period - 1;

		while (open > label && *open != '(')
			open--;
		if (open > label && open[-1] == ' ')
			return (size_t)(open - 1 - label);
	}
	return (size_t)(period - label);
}

static struct since_item *
find_item(struct since_item *items, size_t n, const char *as, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].item_id == id && strcmp(items[i].kind, as) == 0)
			return &items[i];
	return NULL;
}

static struct since_part *
find_part(struct since_item *it, const char *key)
{
	for (size_t i = 0; i < it->nparts; i++)
		if (strcmp(it->parts[i].key, key) == 0)
			return &it->parts[i];
	return NULL;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Fold one change into its item: the first old value and the last new one of each field. */
static void
fold(struct since_item *it, const struct change *c, int life[2])
{
	const char *item = c->item ? c->item : "";   /* as since_group() names it */
	struct since_part *p;
	char *key;

	it->last = c;
	if (c->comment && *c->comment)
		it->comment = c->comment;
	if (c->number)
		it->number = c->number;
	if (strcmp(c->field, "created") == 0 || strcmp(c->field, "deleted") == 0) {
		if (!life[0])
			life[0] = (unsigned char)*c->field;
		life[1] = (unsigned char)*c->field;
		return;
	}
	key = xstrdup(is_value(c) ? item + value_suffix(item) + (item[value_suffix(item)] == ' ') : c->field);
	if ((p = find_part(it, key))) {
		p->new_value = c->new_value;
		free(key);
		return;
	}
	it->parts = xrealloc(it->parts, (it->nparts + 1) * sizeof *it->parts);
	it->parts[it->nparts++] = (struct since_part){ key, c, c->old, c->new_value };
}

/* More new values than this, and nothing else changed, are counted rather than listed (an import). */
#define NEW_VALUES_LISTED 3

/* A field changed, or for an item added or deleted, a value it was given. */
static int
part_counts(const struct since_part *p)
{
	return !same(p->old, p->new_value);
}

/*
 * Drop the fields that are back where they were; say whether the item was
 * added or deleted.  An added item's values, and an indicator's values that
 * are all new (no row before: NULL), are counted, not listed.
 */
static void
settle(struct since_item *it, const int life[2])
{
	size_t kept = 0, fresh = 0, values = 0;

	it->added = life[0] == 'c';
	it->deleted = life[1] == 'd';
	for (size_t i = 0; i < it->nparts; i++) {
		if (part_counts(&it->parts[i]) && is_value(it->parts[i].first)) {
			values++;
			fresh += it->parts[i].old == NULL;
		}
		if (part_counts(&it->parts[i]) && !it->added && !it->deleted)
			it->parts[kept++] = it->parts[i];
		else
			free(it->parts[i].key);
	}
	it->nparts = kept;
	if (it->added && !it->deleted)
		it->nvalues = values;
	else if (!it->added && !it->deleted && fresh == kept && fresh > NEW_VALUES_LISTED) {
		for (size_t i = 0; i < kept; i++)
			free(it->parts[i].key);
		it->nparts = 0;
		it->nvalues = fresh;
	}
}

static int
by_place(const void *a, const void *b)
{
	const struct since_item *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->number != y->number && x->number && y->number)
		return x->number < y->number ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
item_free(struct since_item *it)
{
	for (size_t i = 0; i < it->nparts; i++)
		free(it->parts[i].key);
	free(it->parts);
	free(it->name);
}

void
since_group(const struct change *changes, size_t n, struct since_item **out, size_t *nout)
{
	struct since_item *items = NULL;
	int (*life)[2] = NULL;
	size_t count = 0, kept = 0;

	for (size_t i = 0; i < n; i++) {
		const struct change *c = &changes[i];
		const struct since_kind *k = kind_of(c->kind);
		struct since_item *it = find_item(items, count, k->as, c->item_id);
		const char *name = c->item ? c->item : "";

		if (!it) {
			items = xrealloc(items, (count + 1) * sizeof *items);
			life = xrealloc(life, (count + 1) * sizeof *life);
			it = &items[count];
			memset(it, 0, sizeof *it);
			memset(life[count], 0, sizeof life[count]);
			it->rank = k->rank;
			it->kind = k->as;
			it->item_id = c->item_id;
			it->order = count++;
		}
		free(it->name);
		it->name = is_value(c) ? xasprintf("%.*s", (int)value_suffix(name), name) : xstrdup(name);
		fold(it, c, life[it - items]);
	}
	for (size_t i = 0; i < count; i++) {
		settle(&items[i], life[i]);
		/* Added and deleted again, or back where it was: no change. */
		if ((items[i].added && items[i].deleted) || (!items[i].added && !items[i].deleted && !items[i].nparts && !items[i].nvalues))
			item_free(&items[i]);
		else
			items[kept++] = items[i];
	}
	free(life);
	if (kept)
		qsort(items, kept, sizeof *items, by_place);
	*out = items;
	*nout = kept;
}

void
since_free(struct since_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		item_free(&items[i]);
	free(items);
}

/* A value for the line: as changelog_value() shows it, sanitised and short. */
static void
put_value(struct buf *b, const struct change *c, const char *v, const char *date_format)
{
	char tmp[64];
	char *clean = text_sanitize(changelog_value(c, v, date_format, tmp, sizeof tmp), 0);
	size_t fit = text_fit(clean, 40);

	buf_printf(b, "%.*s%s", (int)fit, clean, clean[fit] ? "..." : "");
	free(clean);
}

/* A value's period, then its sex unless T and its series unless the municipality's: "2023 K (län)". */
static void
put_value_key(struct buf *b, const char *key)
{
	char *copy = xstrdup(key), *series = NULL, *period = copy, *sex;
	char *close = *copy == '(' ? strchr(copy, ')') : NULL;
	int s;

	/* "(län) 2023": without its ')' the whole key is the period (it was a NULL period). */
	if (close) {
		series = copy + 1;
		*close++ = '\0';
		period = close + (*close == ' ');
	}
	sex = strrchr(period, ' ');
	if (sex)
		*sex++ = '\0';
	buf_puts(b, period);
	if (sex && strcmp(sex, "T") != 0)
		buf_printf(b, " %s", sex);
	if (series && (s = series_from_id(series)) >= 0)
		buf_printf(b, " (%s)", series_label((enum series)s));
	free(copy);
}

/* One field's net change: "Not started -> Ongoing", "0 -> 30 %", "2023: 46,9 -> 49,4", "Due: ... -> ...". */
static void
put_part(struct buf *b, const struct since_part *p, const char *date_format, int utf8)
{
	const struct change *c = p->first;
	int percent = strcmp(c->kind, "activity") == 0 && strcmp(c->field, "progress") == 0;

	if (is_value(c)) {
		put_value_key(b, p->key);
		buf_puts(b, ": ");
	} else if (strcmp(c->field, "status") != 0 && !percent) {
		char *label = text_sanitize(changelog_field_label(c), 0);

		buf_printf(b, "%s: ", label);
		free(label);
	}
	put_value(b, c, p->old, date_format);
	buf_printf(b, " %s ", marks[utf8 != 0][0]);
	put_value(b, c, p->new_value, date_format);
	if (percent)
		buf_puts(b, " %");
}

char *
since_describe(const struct since_item *it, const char *date_format, int utf8)
{
	const struct since_kind *k = kind_of(it->kind);
	const char *const *m = marks[utf8 != 0];
	char *name = text_sanitize(it->name ? it->name : "", 0), *who, when[64];
	struct buf b;

	buf_init(&b);
	if (!k->label && it->number)
		buf_printf(&b, "#%lld ", (long long)it->number);
	else if (k->label)
		buf_printf(&b, "%s ", _(k->label));
	buf_printf(&b, "%s: ", name);
	free(name);
	if (it->added || it->deleted)
		buf_puts(&b, it->added ? _("added") : _("deleted"));
	if (it->added && it->nvalues)
		buf_printf(&b, ui_ngettext(", %zu value", ", %zu values", it->nvalues), it->nvalues);
	else if (it->nvalues)
		buf_printf(&b, ui_ngettext("%zu new value", "%zu new values", it->nvalues), it->nvalues);
	for (size_t i = 0, shown = 0; i < it->nparts; i++) {
		/* An activity's comment set with the change's own comment is said once, in quotes. */
		if (strcmp(it->parts[i].key, "comment") == 0 && it->comment && same(it->parts[i].new_value, it->comment))
			continue;
		if (shown++)
			buf_printf(&b, " %s ", m[2]);
		put_part(&b, &it->parts[i], date_format, utf8);
	}
	who = text_sanitize(it->last->who ? it->last->who : "", 0);
	changelog_time(when, sizeof when, it->last->at);
	buf_printf(&b, " %s %s, %s", m[1], who, when);
	free(who);
	if (it->comment) {
		char *comment = text_sanitize(it->comment, 0);

		buf_printf(&b, " %s \"%s\"", m[1], comment);
		free(comment);
	}
	return buf_steal(&b);
}

/* Which rows: the filter of strategy_id's changes since, and the date and review they start at. */
static int
since_bounds(struct db *db, const char *strategy_id, const char *since, struct since_set *s,
             struct changelog_filter *f)
{
	int rc;

	memset(f, 0, sizeof *f);
	f->strategy_id = strategy_id;
	s->after = 0;
	if (strcmp(since, "last-review") == 0) {
		if ((rc = review_last(db, strategy_id, s->date, &s->after)) < 0)
			return -1;
		if (rc == 1) {
			/* No review yet: every change counts. */
			s->date[0] = '\0';
			s->after = 0;
		}
		s->is_review = rc == 0;
		f->after = s->after;
	} else {
		snprintf(s->date, sizeof s->date, "%s", since);
		s->is_review = 0;
		f->since = s->date;
	}
	return 0;
}

int
since_load(struct db *db, const char *strategy_id, const char *since, struct since_set *s)
{
	struct changelog_filter f;

	memset(s, 0, sizeof *s);
	if (since_bounds(db, strategy_id, since, s, &f) < 0 || changelog_load(db, &f, &s->changes, &s->nchanges) < 0)
		return -1;
	s->strategy_id = xstrdup(strategy_id);
	s->since = xstrdup(since);
	return 0;
}

/* Is the last row read still there, as it was (not replaced by a restore)? */
static int
last_row_kept(struct db *db, const struct since_set *s)
{
	const struct change *last = &s->changes[s->nchanges - 1];
	sqlite3_stmt *st = db_prepare(db, "SELECT at = ?2 AND who = ?3 FROM change_log WHERE id = ?1");
	int kept = 0;

	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, last->id);
	sqlite3_bind_text(st, 2, last->at ? last->at : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last->who ? last->who : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		kept = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return kept;
}

/* The rows logged after the set's last, appended; 1 if they cannot be (an activity renumbered). */
static int
load_newer(struct db *db, struct changelog_filter *f, struct since_set *s)
{
	struct change *rows = NULL;
	size_t n = 0;

	/* SEARCH change_log USING INDEX change_log_by_time (strategy_id=?), the rowid compared in the index. */
	f->after = s->changes[s->nchanges - 1].id;
	if (changelog_load(db, f, &rows, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].field, "number") == 0) {
			changelog_free(rows, n);
			return 1;
		}
	if (n == 0)             /* nothing newer: rows is NULL */
		return 0;
	s->changes = xrealloc(s->changes, (s->nchanges + n) * sizeof *s->changes);
	memcpy(s->changes + s->nchanges, rows, n * sizeof *rows);
	s->nchanges += n;
	free(rows);
	return 0;
}

int
since_load_again(struct db *db, const char *strategy_id, const char *since, struct since_set *s)
{
	struct since_set now = { 0 };
	struct changelog_filter f;
	int rc = 1;

	if (s->strategy_id && strcmp(s->strategy_id, strategy_id) == 0 && strcmp(s->since, since) == 0 &&
	    s->nchanges > 0 && since_bounds(db, strategy_id, since, &now, &f) == 0 &&
	    strcmp(now.date, s->date) == 0 && now.after == s->after && last_row_kept(db, s))
		rc = load_newer(db, &f, s);
	if (rc == 0)
		return 0;
	since_release(s);
	return rc < 0 ? -1 : since_load(db, strategy_id, since, s);
}

void
since_release(struct since_set *s)
{
	changelog_free(s->changes, s->nchanges);
	free(s->strategy_id);
	free(s->since);
	memset(s, 0, sizeof *s);
}

/* "NAME: changes since the last review (DATE)" and its kin, a line; name sanitised. */
static char *
since_heading(const struct since_set *s, const char *name, const char *date)
{
	char *clean = text_sanitize(name, 0), *h;

	if (!*s->date)
		h = xasprintf(_("%s: every change (no review recorded yet)\n"), clean);
	else if (s->is_review)
		h = xasprintf(_("%s: changes since the last review (%s)\n"), clean, date);
	else
		h = xasprintf(_("%s: changes since %s\n"), clean, date);
	free(clean);
	return h;
}

int
since_print(struct db *db, const char *strategy_id, const char *title, int width, const char *since,
            const char *date_format, struct since_set *kept, FILE *out)
{
	struct since_set own = { 0 }, *set = kept ? kept : &own;
	struct since_set s;
	struct since_item *items;
	size_t n;
	char date[32], *heading;

	if (!title)
		title = strategy_id;
	if ((kept ? since_load_again(db, strategy_id, since, set) : since_load(db, strategy_id, since, set)) < 0)
		return -1;
	s = *set;
	format_date(date, sizeof date, s.date, date_format);
	heading = since_heading(&s, title, date);
	if (width > 0 && text_width(heading) - 1 > width) {
		free(heading);
		heading = since_heading(&s, strategy_id, date);
	}
	fputs(heading, out);
	free(heading);
	since_group(s.changes, s.nchanges, &items, &n);
	if (!n)
		fprintf(out, "  %s\n", _("None."));
	for (size_t i = 0; i < n; i++) {
		char *line = since_describe(&items[i], date_format, !chart_ascii());

		fprintf(out, "  %s\n", line);
		free(line);
	}
	since_free(items, n);
	if (!kept)
		since_release(&own);
	return 0;
}
