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

/* The line of focus area focus_id (0: the activities without one). */
static void
area(struct overview *o, const struct focus_area *f)
{
	struct overview_area *a = &o->areas[o->nareas++];
	int64_t id = f ? f->id : 0;

	a->focus = f;
	progress_count_focus(&o->plan, id, &a->counts);
	a->pr = progress_of_counts(&a->counts);
	for (size_t i = 0; i < o->plan.nacts; i++)
		a->changed += activity_in_focus(&o->plan, &o->plan.acts[i], id) &&
		              overview_id_in(o->changed, o->nchanged, o->plan.acts[i].id);
}

/* The longest overdue first; of the same, in plan order. */
static int
late_cmp(const void *x, const void *y)
{
	const struct overview_late *a = x, *b = y;

	if (a->days != b->days)
		return a->days > b->days ? -1 : 1;
	return a->a->number < b->a->number ? -1 : a->a->number > b->a->number;
}

static void
count_all(struct overview *o, const char *today)
{
	const struct plan *p = &o->plan;

	for (size_t i = 0; i < p->nacts; i++) {
		const struct activity *a = &p->acts[i];

		if (a->kind == AK_COMMITMENT) {
			o->all.assessed[a->assessment]++;
			o->all.commitments++;
			continue;
		}
		o->all.n[a->status]++;
		o->all.total++;
		if (activity_overdue(a)) {
			o->all.overdue++;
			o->late[o->nlate].a = a;
			o->late[o->nlate++].days = overview_days_after(a->due, today);
		}
	}
	qsort(o->late, o->nlate, sizeof *o->late, late_cmp);
	for (size_t i = 0; i < p->nacts; i++)
		if (overview_id_in(o->changed, o->nchanged, p->acts[i].id))
			o->changed_acts[o->nchanged_acts++] = &p->acts[i];
	for (size_t i = 0; i < p->ninds; i++) {
		struct progress pr = progress_indicator(&p->inds[i]);

		o->indicators[pr.known ? pr.light : LIGHT_NONE]++;
		o->nindicators++;
	}
}

int
overview_prepare(struct db *db, const char *strategy_id, const char *today, struct overview *o)
{
	memset(o, 0, sizeof *o);
	if (model_load_plan(db, strategy_id, &o->plan) < 0)
		return -1;
	if (overview_changed_ids(db, strategy_id, &o->changed, &o->nchanged) < 0) {
		model_free_plan(&o->plan);
		return -1;
	}
	o->overall = progress_strategy(&o->plan);
	o->reviewed = o->plan.last_review[0] != '\0';
	organisation_due(&o->plan, today, &o->due);
	o->late = xcalloc(o->plan.nacts ? o->plan.nacts : 1, sizeof *o->late);
	/* An array of pointers, so the size of a pointer is meant: NOLINTNEXTLINE(bugprone-sizeof-expression) */
	o->changed_acts = xcalloc(o->plan.nacts ? o->plan.nacts : 1, sizeof *o->changed_acts);
	count_all(o, today);
	o->areas = xcalloc(o->plan.nfocus + 1, sizeof *o->areas);
	for (size_t i = 0; i < o->plan.nfocus; i++)
		area(o, &o->plan.focus[i]);
	/* The activities without a focus area, when there are any (all of them in Gislaved's plan). */
	{
		struct act_counts c;

		progress_count_focus(&o->plan, 0, &c);
		if (c.total || c.commitments)
			area(o, NULL);
	}
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
