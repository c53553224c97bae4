/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dash.c: what the panes and dialogs share: the status line, a full redraw, reading the strategy again and seeing others' commits. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "present.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "view.h"

static const char *
mode_label(const struct dash *d)
{
	return d->db->read_only ? _("read-only") : d->edit ? _("EDIT") : _("view");
}

void
dash_status(struct dash *d, const char *hints, const char *pos)
{
	display_status(mode_label(d), d->edit, d->plan.s.id, hints, pos);
}

/* Most important first: the status line shows as many whole hints as fit. */
static const char *
hints(const struct dash *d)
{
	const struct view_ops *ops = d->views[d->current]->ops;

	if (d->edit)
		return ops->edit_hints ? _(ops->edit_hints)
		                       : _("? help | e view | a add | u undo | R review | p print | q quit");
	return ops->hints ? _(ops->hints) : _("? help | q quit | e edit | / search | f filter | S strategy");
}

/* Hints without the one of key k ("e edit"): a file that cannot be written offers no editing. */
static char *
hints_without(const char *h, char k)
{
	struct buf b;
	const char *p = h;

	buf_init(&b);
	while (*p) {
		const char *end = strstr(p, " | ");
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (!(len >= 2 && p[0] == k && p[1] == ' '))
			buf_printf(&b, "%s%.*s", b.s && *b.s ? " | " : "", (int)len, p);
		p += len + (end ? 3 : 0);
	}
	return buf_steal(&b);
}

void
dash_draw_status(struct dash *d)
{
	struct view *v = d->views[d->current];
	char pos[48], *h = d->db->read_only ? hints_without(hints(d), 'e') : xstrdup(hints(d));
	char *all = present_hints(d, h);

	view_position(v, pos, sizeof pos);
	dash_status(d, all, pos);
	free(all);
	free(h);
}

/*
 * A write waits for someone else's: say so while it waits.  The keys typed
 * meanwhile stay queued and are taken afterwards, in order: over a slow
 * link they were typed before the message could be seen, and dropping the
 * queue would keep only the part still on its way (j s would become s).
 */
void
dash_busy(void *arg, int waiting)
{
	struct dash *d = arg;

	if (waiting) {
		display_message(0, "%s", _("Waiting for the database (someone else is writing)..."));
		if (!dpy.l.too_small)
			dash_draw_status(d);
		display_update();
	} else {
		display_clear_message();
	}
}

/* The key of each pane, from PANES. */
#define PANE_KEY(id, name, key, help) key,
static const char pane_keys[PANE_COUNT] = { PANES(PANE_KEY) };
#undef PANE_KEY

static void
draw_header(struct dash *d)
{
	const struct strategy *s = &d->plan.s;
	const char *tabs[PANE_COUNT];
	char *title;

	const char *mark = model_example_mark(s->example != NULL);

	for (int i = 0; i < PANE_COUNT; i++)
		tabs[i] = _(d->views[i]->ops->title);
	if (s->valid_from && *s->valid_from && s->valid_to && *s->valid_to) {
		char from[64], to[64];

		report_format_date(from, sizeof from, s->valid_from, d->app->cfg.date_format);
		report_format_date(to, sizeof to, s->valid_to, d->app->cfg.date_format);
		title = xasprintf("%s: %s%s (%s - %s)", s->municipality, s->title, mark, from, to);
		/* A validity cut in the middle says nothing: leave it out when it does not fit. */
		if (text_width(title) > COLS) {
			free(title);
			title = xasprintf("%s: %s%s", s->municipality, s->title, mark);
		}
	} else {
		title = xasprintf("%s: %s%s", s->municipality, s->title, mark);
	}
	display_header(title, tabs, pane_keys, PANE_COUNT, d->current);
	free(title);
}

/* Everything, after a resize, an overlay, a pane switch. */
void
dash_redraw(struct dash *d)
{
	if (dpy.l.cols != COLS || dpy.l.rows != LINES || !dpy.body) {
		display_layout();
		clearok(curscr, TRUE);
	}
	if (dpy.l.too_small) {
		display_too_small();
		return;
	}
	view_prepare(d->views[d->current]);
	draw_header(d);
	dash_draw_status(d);
	view_draw(d->views[d->current]);  /* last: the cursor goes to the selected row */
}

static void
unload_views(struct dash *d)
{
	for (int i = 0; i < PANE_COUNT; i++)
		view_unload(d->views[i]);
}

/* Read a strategy (a new one, or the same again); keep_place keeps each pane's selection. */
int
dash_open_strategy(struct dash *d, const char *id, int keep_place)
{
	struct plan p;

	if (query_load_outline(d->db, id, &p) < 0)
		return -1;
	unload_views(d);
	model_free_plan(&d->plan);
	d->plan = p;
	if (!keep_place) {
		query_filter_free(&d->filter);
		for (int i = 0; i < PANE_COUNT; i++)
			d->views[i]->sel = d->views[i]->top = 0;
	}
	return 0;
}

/*
 * For the people who work on styrkort (HACKING): STYRKORT_TRACE_LIVE=FILE
 * appends a line to FILE for every live check ("check same", "check
 * elsewhere", "check changed", "check busy") and every reload ("reload").
 */
static void
live_trace(const char *what)
{
	static FILE *f;
	static int opened;

	if (!opened) {
		const char *path = getenv("STYRKORT_TRACE_LIVE");

		opened = 1;
		if (path && *path && (f = fopen(path, "a")))
			setvbuf(f, NULL, _IOLBF, 0);
	}
	if (f)
		fprintf(f, "%s\n", what);
}

static const char *const news_trace[] = {
	[WATCH_SAME] = "check same", [WATCH_ELSEWHERE] = "check elsewhere",
	[WATCH_CHANGED] = "check changed", [WATCH_BUSY] = "check busy",
};

/* Says so on stderr first, so that a test knows when to type. */
void
dash_test_pause(const char *point)
{
	const char *h = getenv("STYRKORT_TEST_PAUSE");
	size_t n = strlen(point);
	long seconds;

	if (!h || strncmp(h, point, n) != 0 || h[n] != ':' || parse_int(h + n + 1, 0, 60, &seconds) < 0)
		return;
	fprintf(stderr, "styrkort: test: paused at %s\n", point);
	fflush(stderr);
	sleep((unsigned)seconds);
}

void
dash_reload(struct dash *d, int64_t select_id)
{
	char *id = xstrdup(d->plan.s.id);

	live_trace("reload");
	dash_test_pause("reload");

	for (int i = 0; i < PANE_COUNT; i++) {
		struct view *v = d->views[i];

		view_remember(v);
		if (select_id) {
			v->want.set = 1;
			v->want.kind = ITEM_ACTIVITY;
			v->want.key = select_id;
		}
	}
	/* Before reading: a commit in between is news at the next check, never lost. */
	watch_stamp(d->watch, d->db, &d->seen);
	if (dash_open_strategy(d, id, 1) < 0)
		display_message(1, "%s", err_get());
	free(id);
	dash_redraw(d);
}

double
dash_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double
dash_refresh_interval(const struct dash *d)
{
	return d->app->cfg.refresh_seconds > 0 ? (double)d->app->cfg.refresh_seconds : 2;
}

/* The next timed check: every [refresh] seconds where nothing tells us of commits, else none. */
static double
next_check(const struct dash *d)
{
	return watch_fd(d->watch) < 0 ? dash_now() + dash_refresh_interval(d) : 0;
}

void
dash_watch_start(struct dash *d)
{
	d->watch = watch_open(d->db->path, d->app->cfg.refresh_watch == REFRESH_AUTO);
	watch_stamp(d->watch, d->db, &d->seen);
	d->check_at = next_check(d);
}

void
dash_watch_end(struct dash *d)
{
	watch_close(d->watch);
	d->watch = NULL;
}

struct dkey
dash_getkey(struct dash *d, int follow, int timeout_ms)
{
	int wait = timeout_ms;
	struct dkey k;

	d->woke = 0;
	if (follow && d->check_at > 0) {
		double left = (d->check_at - dash_now()) * 1000;
		int ms = left > 0 ? (int)left + 1 : 0;

		if (wait < 0 || ms < wait)
			wait = ms;
	}
	k = display_getkey(wait, follow ? watch_fd(d->watch) : -1);
	if (k.type == DK_WAKE) {
		if (watch_read(d->watch))
			d->news = d->woke = 1;
		k.type = DK_TIMEOUT;
	}
	return k;
}

/* Has another process committed a change to what we show?  Then read again, in place. */
int
dash_poll(struct dash *d)
{
	double now = dash_now();
	enum watch_news news;

	if (!d->news && !(d->check_at > 0 && now >= d->check_at))
		return 0;
	if (dpy.l.too_small) {
		d->check_at = now + dash_refresh_interval(d);
		return 0;
	}
	d->news = 0;
	d->check_at = next_check(d);
	news = watch_check(d->watch, d->db, d->plan.s.id, &d->seen);
	live_trace(news_trace[news]);
	switch (news) {
	case WATCH_BUSY:
		/* A commit is being written: ask again soon (5 ms, doubling up to 0.2 s), not at the next event. */
		d->check_at = now + (d->busy_tries < 6 ? 0.005 * (1 << d->busy_tries++) : 0.2);
		return 0;
	case WATCH_CHANGED:
		break;
	default:
		d->busy_tries = 0;
		return 0;
	}
	d->busy_tries = 0;
	d->views[d->current]->lost = 0;
	dash_reload(d, 0);
	return d->views[d->current]->lost ? 2 : 1;
}

int
dash_filter_changed(struct dash *d)
{
	int first = -1;

	for (int i = 0; i < PANE_COUNT; i++) {
		struct view *v = d->views[i];

		if (!(v->ops->flags & VIEW_SHOWS_FILTER))
			continue;
		v->stale = 1;
		v->sel = v->top = 0;
		if (first < 0)
			first = i;
	}
	return first;
}

void
dash_go_to(struct dash *d, int pane, const struct view_anchor *an, long row)
{
	struct view *t = d->views[pane];

	if (t->loaded && !t->stale) {
		if (!an)
			view_set_selection(t, row);
		else if (t->ops->recall)
			t->ops->recall(t, an);
	} else if (an) {
		t->want = *an;
	} else {
		t->sel = row;
	}
	d->current = pane;
	dash_redraw(d);
}

void
dash_search(struct dash *d, struct view *v, int again)
{
	int rc;

	if (!again) {
		char *s = display_prompt("/", NULL);

		if (!s || !*s) {
			free(s);
			return;
		}
		free(d->search);
		d->search = s;
	} else if (!d->search) {
		display_message(0, "%s", _("Nothing to search for yet: press / first"));
		return;
	}
	rc = view_search(v, d->search);
	if (rc == 1)
		display_message(0, _("Not found: %s"), d->search);
	else if (rc < 0)
		display_message(1, "%s", err_get());
}

int
dash_modal(struct dash *d, const struct modal *m)
{
	int built = 0, result = MODAL_GO_ON;

	while (result == MODAL_GO_ON) {
		struct dkey k;

		if (!built && !dpy.l.too_small && m->open(m->arg) == 0)
			built = 1;
		if (built) {
			if (m->hints)
				dash_status(d, m->hints, NULL);
			m->draw(m->arg);
		} else {
			display_too_small();
		}
		doupdate();
		k = dash_getkey(d, built && m->poll && m->changed, present_timeout_ms(d));
		if (k.type == DK_EXIT) {
			result = m->exit_result;
			break;
		}
		present_tick(d, 1);
		if (built && m->poll && m->changed) {
			int how = dash_poll(d);

			if (how && (result = m->changed(m->arg, how)) != MODAL_GO_ON)
				break;
		}
		if (k.type == DK_TIMEOUT)
			continue;
		if (k.type == DK_KEY && k.code == KEY_RESIZE) {
			if (built)
				m->close(m->arg, 1);
			built = 0;
			dash_redraw(d);
			continue;
		}
		if (!built) {
			if (k.type == DK_CHAR && (k.code == 'q' || k.code == 27))
				result = m->cancel_result;
			continue;
		}
		result = m->key(m->arg, k);
		if (result == MODAL_REOPEN) {
			built = 0;
			dash_redraw(d);
			result = MODAL_GO_ON;
		}
	}
	if (built)
		m->close(m->arg, 0);
	if (result != m->exit_result)
		dash_redraw(d);
	return result;
}
