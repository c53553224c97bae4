/* SPDX-License-Identifier: GPL-3.0-or-later */
/* changelog.c: the append-only change log: writing rows and printing them. */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "changelog.h"
#include "model.h"
#include "text.h"
#include "util.h"

int
changelog_add(struct db *db, const char *strategy_id, const char *kind,
              int64_t item_id, const char *item, const char *field,
              const char *old, const char *new_value, const char *comment)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, comment, batch, undoes)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	char now[21];

	if (!st)
		return -1;
	if (!db->batch.id) {
		/* A program error: a row outside db_write_begin() would join no batch. */
		db_finish(db, st);
		err_set(_("%s: a change was logged outside a write; this is a bug in styrkort, please report it"), db->path);
		return -1;
	}
	sqlite3_bind_int64(st, 11, db->batch.id);
	if (db->batch.undoes)
		sqlite3_bind_int64(st, 12, db->batch.undoes);
	else
		sqlite3_bind_null(st, 12);
	now_iso(now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, item_id);
	sqlite3_bind_text(st, 6, item ? item : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, field, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 8, old);
	db_bind_text_or_null(st, 9, new_value);
	db_bind_text_or_null(st, 10, comment);
	return db_exec_stmt(db, st);
}

/*
 * The filter's conditions, each only when it is given (a catch-all
 * "?1 IS NULL OR ..." would make SQLite scan the whole log instead of
 * using change_log_by_item, _by_time, _by_at or _by_batch).
 */
static const struct {
	const char *sql;
	size_t offset;          /* of the filter field that turns it on */
	int text;               /* a string (on when not NULL) or a number (on when not 0) */
} log_conditions[] = {
	{ " AND strategy_id = ?1", offsetof(struct changelog_filter, strategy_id), 1 },
	/* at < 'A' (every time starts with a digit): a two-sided range, which SQLite takes to be narrow enough for change_log_by_at. */
	{ " AND at > ?2 AND at < 'A'", offsetof(struct changelog_filter, since), 1 },
	{ " AND kind = 'activity' AND item_id = ?3", offsetof(struct changelog_filter, activity), 0 },
	{ " AND id > ?4", offsetof(struct changelog_filter, after), 0 },
	{ " AND batch = ?5", offsetof(struct changelog_filter, batch), 0 },
};

static sqlite3_stmt *
log_prepare(struct db *db, const struct changelog_filter *f)
{
	struct buf sql;
	sqlite3_stmt *st;

	buf_init(&sql);
	buf_puts(&sql, "SELECT at, who, strategy_id, kind, item_id, item, field, old, new, comment, "
	         CHANGELOG_NUMBER_SQL ", id FROM change_log WHERE 1");
	for (size_t i = 0; i < sizeof log_conditions / sizeof log_conditions[0]; i++) {
		const char *field = (const char *)f + log_conditions[i].offset;
		int on = log_conditions[i].text ? *(const char *const *)field != NULL : *(const int64_t *)field != 0;

		if (on)
			buf_puts(&sql, log_conditions[i].sql);
	}
	buf_puts(&sql, " ORDER BY id");
	st = db_prepare(db, sql.s);
	buf_free(&sql);
	if (!st)
		return NULL;
	/* A parameter the statement does not have is refused (SQLITE_RANGE) and does no harm. */
	db_bind_text_or_null(st, 1, f->strategy_id);
	db_bind_text_or_null(st, 2, f->since);
	sqlite3_bind_int64(st, 3, f->activity);
	sqlite3_bind_int64(st, 4, f->after);
	sqlite3_bind_int64(st, 5, f->batch);
	return st;
}

int
changelog_each(struct db *db, const struct changelog_filter *f,
               int (*fn)(const struct change *c, void *arg), void *arg)
{
	sqlite3_stmt *st = log_prepare(db, f);
	int rc, stop = 0;

	if (!st)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The columns as SQLite holds them: valid until the next step. */
		struct change c = {
			.at = (char *)sqlite3_column_text(st, 0), .who = (char *)sqlite3_column_text(st, 1),
			.strategy_id = (char *)sqlite3_column_text(st, 2), .kind = (char *)sqlite3_column_text(st, 3),
			.item_id = sqlite3_column_int64(st, 4), .item = (char *)sqlite3_column_text(st, 5),
			.field = (char *)sqlite3_column_text(st, 6), .old = (char *)sqlite3_column_text(st, 7),
			.new_value = (char *)sqlite3_column_text(st, 8), .comment = (char *)sqlite3_column_text(st, 9),
			.number = sqlite3_column_int64(st, 10), .id = sqlite3_column_int64(st, 11),
		};

		if (!c.kind)
			c.kind = "";
		stop = fn(&c, arg);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop < 0 ? -1 : 0;
	if (rc != SQLITE_DONE) {
		db_error(db);
		return -1;
	}
	return 0;
}

struct load {
	struct change *rows;
	size_t n, cap;
};

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int
load_row(const struct change *c, void *arg)
{
	struct load *l = arg;
	struct change *d;

	/* Doubling: a row at a time would copy the array once per row. */
	if (l->n == l->cap)
		l->rows = xrealloc(l->rows, (l->cap = l->cap ? 2 * l->cap : 64) * sizeof *l->rows);
	d = &l->rows[l->n++];
	*d = (struct change) {
		.at = dup_or_null(c->at), .who = dup_or_null(c->who), .strategy_id = dup_or_null(c->strategy_id),
		.kind = dup_or_null(c->kind), .item_id = c->item_id, .item = dup_or_null(c->item),
		.field = dup_or_null(c->field), .old = dup_or_null(c->old), .new_value = dup_or_null(c->new_value),
		.comment = dup_or_null(c->comment), .number = c->number, .id = c->id,
	};
	return 0;
}

int
changelog_load(struct db *db, const struct changelog_filter *f, struct change **out, size_t *n)
{
	struct load l = { 0 };

	if (changelog_each(db, f, load_row, &l) < 0) {
		changelog_free(l.rows, l.n);
		return -1;
	}
	*out = l.rows;
	*n = l.n;
	return 0;
}

void
changelog_free(struct change *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].at); free(c[i].who); free(c[i].strategy_id); free(c[i].kind);
		free(c[i].item); free(c[i].field); free(c[i].old); free(c[i].new_value);
		free(c[i].comment);
	}
	free(c);
}

/* The fields of focus areas, goals, indicators, groups and follow-ups by their names for people. */
static const struct { const char *key, *label; } structure_labels[] = {
	{ "name", N_("Name") }, { "title", N_("Title") }, { "purpose", N_("Purpose") },
	{ "description", N_("Description") }, { "target", N_("Target") }, { "baseline", N_("Baseline") },
	{ "unit", N_("Unit") }, { "responsible", N_("Responsible") }, { "goal", N_("Goal") },
	{ "direction", N_("Direction") }, { "source", N_("Source") },
};

/* The msgid of a field's name (activity fields, "Value" for a measurement, known fields of other kinds); NULL if none. */
static const char *
field_msgid(const struct change *c)
{
	const struct field_def *f;
	size_t n;

	if (strcmp(c->kind, "activity") != 0)
		for (size_t i = 0; i < sizeof structure_labels / sizeof *structure_labels; i++)
			if (strcmp(structure_labels[i].key, c->field) == 0)
				return structure_labels[i].label;
	if (strcmp(c->kind, "activity") == 0) {
		f = model_fields(KIND_ACTIVITY, &n);
		for (size_t i = 0; i < n; i++)
			if (f[i].label && strcmp(f[i].key, c->field) == 0)
				return f[i].label;
		if (strcmp(c->field, "number") == 0)
			return N_("Number");
	} else if (strcmp(c->field, "value") == 0) {
		return N_("Value");
	}
	return NULL;
}

/* A field's name for people: its label in the UI language, else its key. */
static const char *
field_label(const struct change *c)
{
	/* The last msgid found is kept: a log asks for a million rows of a few fields. */
	static char last_kind[16], last_field[32];
	static const char *last;
	const char *msgid;

	if (last && strcmp(c->field, last_field) == 0 && strcmp(c->kind, last_kind) == 0)
		return _(last);
	if (!(msgid = field_msgid(c)))
		return c->field;
	if (strlen(c->field) < sizeof last_field && strlen(c->kind) < sizeof last_kind) {
		copy_cut(last_field, sizeof last_field, c->field);
		copy_cut(last_kind, sizeof last_kind, c->kind);
		last = msgid;
	}
	return _(msgid);
}

/*
 * A value for people, into out: "-" for none, a status's, an assessment's
 * or a kind's label, a date in date_format, a measurement's number as the
 * UI language writes it.
 */
static const char *
shown_value(const struct change *c, const char *v, const char *date_format, char *out, size_t n)
{
	int s;
	double d;

	if (!v || !*v)
		return "-";
	if (strcmp(c->field, "status") == 0 && (s = status_from_id(v)) >= 0)
		return status_label((enum status)s);
	if (strcmp(c->kind, "activity") == 0 && strcmp(c->field, "assessment") == 0 && (s = assessment_from_id(v)) >= 0)
		return assessment_label((enum assessment)s);
	if (strcmp(c->kind, "activity") == 0 && strcmp(c->field, "kind") == 0 && (s = act_kind_from_id(v)) >= 0)
		return act_kind_label((enum act_kind)s);
	if (strcmp(c->kind, "activity") == 0 && strcmp(c->field, "example") == 0 && strcmp(v, "yes") == 0)
		return _("yes");
	if (strcmp(c->kind, "activity") != 0 && strcmp(c->field, "value") == 0 && parse_double(v, &d) == 0) {
		format_number_ui(out, n, d);
		return out;
	}
	if (parse_date_any(v, NULL, NULL, NULL) > 0) {
		format_date(out, n, v, date_format);
		return out;
	}
	return v;
}

const char *
changelog_field_label(const struct change *c)
{
	return field_label(c);
}

const char *
changelog_value(const struct change *c, const char *v, const char *date_format, char *out, size_t n)
{
	return shown_value(c, v, date_format, out, n);
}

/* The months as people write them short, in the UI language. */
static const char *const months[12] = {
	NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
	NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
	NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* The digits of at[from, from + n) as a number; -1 if one is not a digit. */
static int
digits(const char *at, int from, int n)
{
	int v = 0;

	for (int i = from; i < from + n; i++) {
		if (at[i] < '0' || at[i] > '9')
			return -1;
		v = v * 10 + (at[i] - '0');
	}
	return v;
}

/*
 * The local time of a UTC second.  A log of a million rows asks for
 * each: the zone's offset is kept for the quarter hour it was found in
 * (every zone's offsets and changes fall on quarter hours of UTC), as
 * localtime_r() reads the time zone each time.
 */
static void
local_time(time_t t, struct tm *loc, int zone_changed)
{
	static time_t quarter = -1;
	static long offset;

	if (zone_changed || t / 900 != quarter) {
		localtime_r(&t, loc);
		quarter = t / 900;
		offset = loc->tm_gmtoff;
		return;
	}
	t += offset;
	gmtime_r(&t, loc);
	loc->tm_gmtoff = offset;
}

/* 0 if TZ is what kept says (a long TZ is never the same), else -1 and kept is TZ now: what the kept times were for. */
static int
same_zone(char *kept, size_t n)
{
	const char *tz = getenv("TZ");
	char now[64];

	if (tz && strlen(tz) + 2 > n)
		return -1;
	snprintf(now, sizeof now, "%c%s", tz ? '=' : '-', tz ? tz : "");
	if (strcmp(now, kept) == 0)
		return 0;
	snprintf(kept, n, "%s", now);
	return -1;
}

/* "3 Nov 14:05", or "3 Nov 2025 14:05" with the year, into out[n] (a log's million rows: no printf). */
static void
time_words(char *out, size_t n, const struct tm *t, int with_year)
{
	const char *month = ui_pgettext("month", months[t->tm_mon]);
	char buf[96], *p = buf;
	size_t mlen = strlen(month);

	if (mlen > 40)
		mlen = 40;
	p += uint_digits(p, (uint64_t)t->tm_mday, 0);
	*p++ = ' ';
	memcpy(p, month, mlen);
	p += mlen;
	*p++ = ' ';
	if (with_year) {
		p += uint_digits(p, (unsigned)(t->tm_year + 1900), 0);
		*p++ = ' ';
	}
	p += uint_digits(p, (uint64_t)t->tm_hour, 2);
	*p++ = ':';
	p += uint_digits(p, (uint64_t)t->tm_min, 2);
	*p = '\0';
	copy_cut(out, n, buf);
}

void
changelog_time(char *out, size_t n, const char *at)
{
	static char last_at[16], last_today[11], last_out[64], last_tz[64];
	struct tm utc = { 0 }, loc;
	int zone_changed;
	time_t t;
	char today[11];

	/* The log's times are written "YYYY-MM-DDTHH:MM:SSZ" (db_now()). */
	if (!at || strlen(at) < 19 || at[4] != '-' || at[7] != '-' || at[10] != 'T' || at[13] != ':' ||
	    at[16] != ':' || (utc.tm_year = digits(at, 0, 4)) < 0 || (utc.tm_mon = digits(at, 5, 2)) < 0 ||
	    (utc.tm_mday = digits(at, 8, 2)) < 0 || (utc.tm_hour = digits(at, 11, 2)) < 0 ||
	    (utc.tm_min = digits(at, 14, 2)) < 0 || (utc.tm_sec = digits(at, 17, 2)) < 0) {
		char *clean = text_sanitize(at ? at : "", 0);

		snprintf(out, n, "%s", clean);
		free(clean);
		return;
	}
	today_iso(today);
	zone_changed = same_zone(last_tz, sizeof last_tz) < 0;
	/* A minute of UTC is one minute of local time: the last one's words are kept (a log's rows come in batches). */
	if (!zone_changed && strncmp(at, last_at, 16) == 0 && strcmp(today, last_today) == 0) {
		copy_cut(out, n, last_out);
		return;
	}
	utc.tm_year -= 1900;
	utc.tm_mon -= 1;
	t = timegm(&utc);
	local_time(t, &loc, zone_changed);
	/* "3 Nov 14:05"; the year too when it is not this year's. */
	time_words(last_out, sizeof last_out, &loc, loc.tm_year + 1900 != atoi(today));
	memcpy(last_at, at, 16);
	memcpy(last_today, today, sizeof today);
	copy_cut(out, n, last_out);
}

char *
changelog_describe(const struct change *c, const char *date_format, int with_item)
{
	char date[64], o[64], v[64], number[24] = "";
	char *line, *what;
	struct buf b;

	changelog_time(date, sizeof date, c->at);
	if (strcmp(c->field, "created") == 0)
		what = xstrdup(_("added"));
	else if (strcmp(c->field, "deleted") == 0)
		what = xstrdup(_("deleted"));
	else
		what = xasprintf("%s: %s -> %s", field_label(c), shown_value(c, c->old, date_format, o, sizeof o),
		                 shown_value(c, c->new_value, date_format, v, sizeof v));
	if (c->number)
		snprintf(number, sizeof number, "#%lld ", (long long)c->number);
	buf_init(&b);
	buf_printf(&b, "%s %s: ", date, c->who ? c->who : "");
	if (strcmp(c->kind, "activity") == 0 && with_item)
		buf_printf(&b, "%s%s: ", number, c->item ? c->item : "");
	else if (strcmp(c->kind, "activity") != 0)
		buf_printf(&b, "%s: ", c->item ? c->item : "");
	buf_puts(&b, what);
	free(what);
	if (c->comment && *c->comment)
		buf_printf(&b, " (%s)", c->comment);
	line = buf_steal(&b);
	return line;
}

/* A value for one log line: sanitised, on one line, shortened. */
static char *
shown(const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);
	size_t fit = text_fit(clean, 60);

	if (clean[fit]) {
		char *cut = xasprintf("%.*s...", (int)fit, clean);

		free(clean);
		return cut;
	}
	if (!*clean) {
		free(clean);
		return xstrdup(_("(empty)"));
	}
	return clean;
}

/* Whether s is printable ASCII only, and how long (what text_sanitize() leaves as it is, a column a byte). */
static int
plain_ascii(const char *s, size_t *len)
{
	*len = text_ascii_run(s, (size_t)-1);
	return s[*len] == '\0';
}

/* shown(s) onto out; printable ASCII that fits is written as it is (most of a log: no copy, a third of log's time). */
static void
put_shown(FILE *out, const char *s)
{
	size_t len;
	char *t;

	if (s && plain_ascii(s, &len) && len > 0 && len <= 60) {
		fputs(s, out);
		return;
	}
	t = shown(s);
	fputs(t, out);
	free(t);
}

/* text_sanitize(s) onto out, likewise. */
static void
put_clean(FILE *out, const char *s)
{
	size_t len;
	char *t;

	if (!s)
		return;
	if (plain_ascii(s, &len)) {
		fputs(s, out);
		return;
	}
	t = text_sanitize(s, 0);
	fputs(t, out);
	free(t);
}

struct print_ctx {
	FILE *out;
	const char *date_format;
	char *last_item, *last_shown;   /* put_item() */
};

/* A value as the log shows it (none for no value at all, "(empty)" for an empty one) onto out; no copy of printable ASCII. */
static void
put_value(FILE *out, const struct change *c, const char *v, const char *date_format, const char *none)
{
	char tmp[64];

	if (!v && none)
		fputs(none, out);
	else
		put_shown(out, v && *v ? shown_value(c, v, date_format, tmp, sizeof tmp) : "");
}

/* put_shown() of an item's name, the last one's kept: a log's rows come item by item, names with å, ä and ö. */
static void
put_item(struct print_ctx *p, const char *item)
{
	if (!item || !p->last_item || strcmp(item, p->last_item) != 0) {
		free(p->last_item);
		free(p->last_shown);
		p->last_item = xstrdup(item ? item : "");
		p->last_shown = shown(item);
	}
	fputs(p->last_shown, p->out);
}

/* "#12 " onto out, without printf's parsing of a format for each of a million rows. */
static void
put_number(FILE *out, int64_t number)
{
	char text[24], *p = text;

	*p++ = '#';
	if (number < 0)
		*p++ = '-';
	p += uint_digits(p, number < 0 ? -(uint64_t)number : (uint64_t)number, 0);
	*p++ = ' ';
	*p = '\0';
	fputs(text, out);
}

/* One row of `styrkort log`: the time in local time, the field's name and its values in the UI language. */
static int
print_row(const struct change *c, void *arg)
{
	struct print_ctx *p = arg;
	char when[64];

	changelog_time(when, sizeof when, c->at);
	/* 22 Nov 10:00  anna  oxelosund #12 Title: Status: Not started -> Done  (comment) */
	fputs(when, p->out);
	fputs("  ", p->out);
	put_shown(p->out, c->who);
	fputs("  ", p->out);
	put_clean(p->out, c->strategy_id);     /* every column is the database's text, the field's key too */
	fputc(' ', p->out);
	if (strcmp(c->kind, "activity") == 0 && c->number)
		put_number(p->out, c->number);
	put_item(p, c->item);
	fputs(": ", p->out);
	put_clean(p->out, field_label(c));
	fputs(": ", p->out);
	put_value(p->out, c, c->old, p->date_format, "-");
	fputs(" -> ", p->out);
	put_value(p->out, c, c->new_value, p->date_format, NULL);
	if (c->comment) {
		fputs("  (", p->out);
		put_shown(p->out, c->comment);
		fputc(')', p->out);
	}
	fputc('\n', p->out);
	return 0;
}

/* The rows stream from the statement to OUT: memory stays the same whatever the size of the log. */
int
changelog_print(struct db *db, const struct changelog_filter *f, const char *date_format, FILE *out)
{
	struct print_ctx p = { out, date_format, NULL, NULL };
	int rc = changelog_each(db, f, print_row, &p);

	free(p.last_item);
	free(p.last_shown);
	return rc;
}
