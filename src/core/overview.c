/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview.c: the overview's numbers (the dashboard's first pane), curses-free so they are unit-tested. */
#include <config.h>

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "overview.h"
#include "review.h"
#include "text.h"
#include "util.h"

/* The lights' symbols: in UTF-8, and in ASCII with the same shapes (a dot, a triangle, a block). */
static const struct {
	const char *utf8, *ascii;
} lights[] = {
	[LIGHT_NONE]   = { "○", "-" },
	[LIGHT_GREEN]  = { "●", "o" },
	[LIGHT_YELLOW] = { "▲", "^" },
	[LIGHT_RED]    = { "■", "#" },
};

/* The user's own locale, not the program's: main.c runs the program in a UTF-8 one whatever the terminal. */
int
overview_terminal_utf8(void)
{
	locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
	int utf8 = 1;

	if (loc) {
		utf8 = strcmp(nl_langinfo_l(CODESET, loc), "UTF-8") == 0;
		freelocale(loc);
	}
	return utf8;
}

const char *
overview_changed_symbol(int utf8)
{
	return utf8 ? "Δ" : "~";
}

const char *
overview_light_symbol(enum light l, int utf8)
{
	if ((unsigned)l >= sizeof lights / sizeof *lights)
		l = LIGHT_NONE;
	return utf8 ? lights[l].utf8 : lights[l].ascii;
}

const char *
overview_light_label(enum light l)
{
	/* light_label()'s words, and one for a light without data. */
	return l == LIGHT_GREEN || l == LIGHT_YELLOW || l == LIGHT_RED ? light_label(l) : ui_pgettext("light", "no data");
}

const char *
light_text(enum light l)
{
	static char text[LIGHT_RED + 1][96];

	if ((unsigned)l > LIGHT_RED)
		l = LIGHT_NONE;
	snprintf(text[l], sizeof text[l], "%s %s", overview_light_symbol(l, !chart_ascii()), overview_light_label(l));
	return text[l];
}

int
light_text_width(void)
{
	int w = 0;

	for (int l = LIGHT_NONE; l <= LIGHT_RED; l++)
		if (text_width(light_text((enum light)l)) > w)
			w = text_width(light_text((enum light)l));
	return w;
}

/* The order of the statuses in the stacked bar: what is finished first, what is left last. */
static const enum status bar_order[ST_COUNT] = {
	ST_DONE, ST_IN_PROGRESS, ST_DELAYED, ST_NOT_STARTED, ST_CANCELLED
};

void
overview_status_bar(const struct act_counts *c, int cells, char *out, int *status_of)
{
	int share[ST_COUNT] = { 0 }, used = 0, present = 0, x = 0;

	out[0] = '\0';
	if (c->total <= 0 || cells <= 0)
		return;
	/* Each status its share, rounded down, but at least one cell while there are cells. */
	for (int i = 0; i < ST_COUNT; i++) {
		long n = c->n[bar_order[i]];

		if (!n)
			continue;
		present++;
		share[i] = (int)(n * cells / c->total);
		if (share[i] == 0)
			share[i] = 1;
		used += share[i];
	}
	/* Too many: take from the largest; too few: give to the largest remainder (the largest count). */
	while (used > cells && used > present) {
		int big = 0;

		for (int i = 1; i < ST_COUNT; i++)
			if (share[i] > share[big])
				big = i;
		share[big]--;
		used--;
	}
	while (used < cells) {
		int best = -1;
		double rest = -1;

		for (int i = 0; i < ST_COUNT; i++) {
			double r = (double)c->n[bar_order[i]] * cells / c->total - share[i];

			if (c->n[bar_order[i]] && r > rest) {
				rest = r;
				best = i;
			}
		}
		if (best < 0)   /* no status counted at all: c->total is more than their sum */
			break;
		share[best]++;
		used++;
	}
	for (int i = 0; i < ST_COUNT; i++)
		for (int k = 0; k < share[i] && x < cells; k++) {
			out[x] = status_symbol(bar_order[i])[0];
			if (status_of)
				status_of[x] = (int)bar_order[i];
			x++;
		}
	out[x] = '\0';
}

char *
overview_assessment_text(const struct act_counts *c)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < AS_COUNT; i++) {
		enum assessment as = assessment_order[i];

		if (c->assessed[as])
			buf_printf(&b, "%s%s%ld", b.len ? " " : "", assessment_symbol(as), c->assessed[as]);
	}
	return buf_steal(&b);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long
overview_days_after(const char *date, const char *today)
{
	char end[11];
	int y, m, d, ty, tm, td;

	if (!date || date_end(date, end) < 0 || parse_date(end, &y, &m, &d) < 0 ||
	    parse_date(today, &ty, &tm, &td) < 0)
		return 0;
	return days_from_civil(ty, tm, td) - days_from_civil(y, m, d);
}

int
overview_id_in(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ids[mid] == id)
			return 1;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
overview_changed_ids(struct db *db, const char *strategy_id, int64_t **ids, size_t *n)
{
	char date[11];
	int64_t after = 0;
	sqlite3_stmt *st;
	size_t cap = 16;
	int rc;

	*ids = NULL;
	*n = 0;
	/* Without a review nothing is "since the last review": marking every activity would say nothing. */
	if ((rc = review_last(db, strategy_id, date, &after)) != 0)
		return rc < 0 ? -1 : 0;
	st = db_prepare(db, "SELECT DISTINCT item_id FROM change_log WHERE strategy_id = ? AND kind = 'activity'"
	                    " AND id > ? ORDER BY item_id");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, after);
	*ids = xcalloc(cap, sizeof **ids);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*ids = xrealloc(*ids, (cap *= 2) * sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
		free(*ids);
		*ids = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* What the pass over the activities gathers (overview_scan()), beside the overview itself. */
struct scan {
	struct overview *o;
	const char *today;
	struct act_tally tally;
	struct overview_area *area;     /* one per focus area, then those of none */
	struct late_key {
		int64_t id, number;
		char end[11];           /* the end of its due date's period */
	} *late, last;                  /* the first o->listed overdue, and the last of all */
	int64_t *changed;               /* the first o->listed changed, in plan order */
};

/* The longest overdue first (its period ended first); of the same, in plan order (by number). */
static int
late_before(const struct late_key *a, const struct late_key *b)
{
	int c = strcmp(a->end, b->end);

	return c ? c < 0 : a->number < b->number;
}

/* An overdue activity: counted; kept if it is among the first o->listed. */
static void
scan_late(struct scan *sc, const struct activity *a)
{
	struct overview *o = sc->o;
	struct late_key k = { a->id, a->number, "" };
	size_t i;

	/* A date that is none (written with sqlite3) is late by 0 days, as overview_days_after() says: last. */
	if (date_end(a->due, k.end) < 0)
		snprintf(k.end, sizeof k.end, "~");

	if (!o->nlate++ || late_before(&sc->last, &k))
		sc->last = k;
	if (o->nlate_listed == o->listed && (!o->listed || !late_before(&k, &sc->late[o->listed - 1])))
		return;
	i = o->nlate_listed < o->listed ? o->nlate_listed++ : o->listed - 1;
	for (; i > 0 && late_before(&k, &sc->late[i - 1]); i--)
		sc->late[i] = sc->late[i - 1];
	sc->late[i] = k;
}

/* One activity (overdue: activity_overdue(a)): in the overall counts and the strategy's tally, in each focus area it belongs to, late, changed. */
static void
scan_one(struct scan *sc, const struct activity *a, int overdue)
{
	struct overview *o = sc->o;
	const struct plan *p = &o->plan;
	int changed = overview_id_in(o->changed, o->nchanged, a->id);

	progress_tally_add(p, &sc->tally, a, overdue);
	progress_counts_add(&o->all, a, overdue);
	for (size_t i = 0; i <= p->nfocus; i++)
		if (activity_in_focus(p, a, i < p->nfocus ? p->focus[i].id : 0)) {
			progress_counts_add(&sc->area[i].counts, a, overdue);
			sc->area[i].changed += changed;
		}
	if (overdue)
		scan_late(sc, a);
	if (changed) {
		if (o->nchanged_listed < o->listed)
			sc->changed[o->nchanged_listed++] = a->id;
		o->nchanged_acts++;
		o->changed_commitments |= a->kind == AK_COMMITMENT;
	}
}

/* Every activity of the strategy, one row at a time, in plan order: nothing of them is kept. */
static int
scan_all(struct db *db, const char *strategy_id, struct scan *sc)
{
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT " MODEL_RULE_COLUMNS " FROM activity"
	                                       " WHERE strategy_id = ? ORDER BY position, id");
	char today[11];
	int rc;

	if (!st)
		return -1;
	today_iso(today);
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct activity a;

		model_read_rule_fields(st, &a);
		scan_one(sc, &a, activity_overdue_on(&a, today));
	}
	if (rc != SQLITE_DONE) {
		db_error(db);
		db_finish(db, st);
		return -1;
	}
	db_finish(db, st);
	return 0;
}

/* The activity id, whole, into the next place of o->plan.acts (room made by the caller). */
static const struct activity *
read_listed(struct db *db, struct overview *o, int64_t id)
{
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT " MODEL_ACTIVITY_COLUMNS " FROM activity WHERE id = ?");
	struct activity *a = &o->plan.acts[o->plan.nacts];
	int rc;

	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		model_read_activity(st, a);
		o->plan.nacts++;
	} else {
		a = NULL;
		if (rc != SQLITE_DONE)
			db_error(db);
	}
	db_finish(db, st);
	return a;
}

/* The listed overdue and changed activities, read whole (in the same read transaction as the scan). */
static int
read_all_listed(struct db *db, struct overview *o, const struct scan *sc)
{
	o->plan.acts = xcalloc(o->nlate_listed + o->nchanged_listed + 1, sizeof *o->plan.acts);
	o->late = xcalloc(o->nlate_listed + 1, sizeof *o->late);
	/* An array of pointers, so the size of a pointer is meant: NOLINTNEXTLINE(bugprone-sizeof-expression) */
	o->changed_acts = xcalloc(o->nchanged_listed + 1, sizeof *o->changed_acts);
	for (size_t i = 0; i < o->nlate_listed; i++) {
		if (!(o->late[i].a = read_listed(db, o, sc->late[i].id)))
			return -1;
		o->late[i].days = overview_days_after(o->late[i].a->due, sc->today);
	}
	for (size_t i = 0; i < o->nchanged_listed; i++)
		if (!(o->changed_acts[i] = read_listed(db, o, sc->changed[i])))
			return -1;
	o->late_last_number = sc->last.number;
	return 0;
}

/* The counts into the overview: overall, each focus area's line, the group without one if it has any. */
static void
scan_end(struct scan *sc)
{
	struct overview *o = sc->o;
	const struct plan *p = &o->plan;

	progress_tally_end(p, &sc->tally);
	o->overall = progress_strategy_tally(p, &sc->tally);
	progress_counts_end(&o->all);
	o->areas = sc->area;
	for (size_t i = 0; i <= p->nfocus; i++) {
		struct overview_area *a = &o->areas[i];

		if (i == p->nfocus && !a->counts.total && !a->counts.commitments)
			break;
		a->focus = i < p->nfocus ? &p->focus[i] : NULL;
		progress_counts_end(&a->counts);
		a->pr = progress_of_counts(&a->counts);
		o->nareas++;
	}
	for (size_t i = 0; i < p->ninds; i++) {
		struct progress pr = progress_indicator(&p->inds[i]);

		o->indicators[pr.known ? pr.light : LIGHT_NONE]++;
		o->nindicators++;
	}
}

/* Inside one read transaction, so the counts and the rows listed agree. */
static int
prepare_read(struct db *db, const char *strategy_id, struct scan *sc)
{
	struct overview *o = sc->o;

	if (model_load_outline(db, strategy_id, &o->plan) < 0)
		return -1;
	if (overview_changed_ids(db, strategy_id, &o->changed, &o->nchanged) < 0)
		return -1;
	sc->area = xcalloc(o->plan.nfocus + 1, sizeof *sc->area);
	sc->late = xcalloc(o->listed + 1, sizeof *sc->late);
	sc->changed = xcalloc(o->listed + 1, sizeof *sc->changed);
	progress_tally_begin(&o->plan, &sc->tally);
	if (scan_all(db, strategy_id, sc) < 0 || read_all_listed(db, o, sc) < 0)
		return -1;
	scan_end(sc);
	return 0;
}

int
overview_prepare(struct db *db, const char *strategy_id, const char *today, size_t listed, struct overview *o)
{
	struct scan sc = { o, today, { 0 }, NULL, NULL, { 0, 0, "" }, NULL };
	int rc, own;

	memset(o, 0, sizeof *o);
	o->listed = listed;
	own = sqlite3_get_autocommit(db->sql);
	if (own && db_exec(db, "BEGIN") < 0)
		return -1;
	rc = prepare_read(db, strategy_id, &sc);
	if (own)
		db_exec(db, "COMMIT");
	progress_tally_free(&sc.tally);
	free(sc.late);
	free(sc.changed);
	if (rc < 0) {
		if (!o->areas)
			free(sc.area);
		overview_release(o);
		return -1;
	}
	o->reviewed = o->plan.last_review[0] != '\0';
	organisation_due(&o->plan, today, &o->due);
	return 0;
}

void
overview_release(struct overview *o)
{
	free(o->areas);
	free(o->late);
	free(o->changed_acts);
	free(o->changed);
	model_free_plan(&o->plan);
	memset(o, 0, sizeof *o);
}
