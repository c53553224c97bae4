/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c: the dashboard: the five panes, the key loop, switching strategy, resize and the end. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "detail.h"
#include "display.h"
#include "edit.h"
#include "picker.h"
#include "query.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "view.h"

/*
 * How long a read of the keyboard waits at most: the process sleeps in
 * between; every [refresh] seconds the loop asks SQLite whether another
 * process has committed (PRAGMA data_version) and reads again if so.
 */
#define KEY_TIMEOUT_MS 500

/* The panes, in tab order, from PANES. */
#define PANE_OPS(id, name, key, help) &pane_##name##_ops,
static const struct view_ops *const pane_ops[PANE_COUNT] = { PANES(PANE_OPS) };
#undef PANE_OPS

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

static void
draw_status(struct dash *d)
{
	struct view *v = d->views[d->current];
	char pos[48];

	view_position(v, pos, sizeof pos);
	dash_status(d, hints(d), pos);
}

/*
 * A write waits for someone else's: say so while it waits, and drop the
 * keys typed meanwhile (impatient presses must not run as commands).
 */
static void
busy_hook(void *arg, int waiting)
{
	struct dash *d = arg;

	if (waiting) {
		display_message(0, "%s", _("Waiting for the database (someone else is writing)..."));
		if (!dpy.l.too_small)
			draw_status(d);
		display_update();
	} else {
		display_clear_message();
		flushinp();
	}
}

static void
draw_header(struct dash *d)
{
	const struct strategy *s = &d->plan.s;
	const char *tabs[PANE_COUNT];
	char *title;

	for (int i = 0; i < PANE_COUNT; i++)
		tabs[i] = _(pane_ops[i]->title);
	if (s->valid_from && *s->valid_from && s->valid_to && *s->valid_to) {
		char from[64], to[64];

		report_format_date(from, sizeof from, s->valid_from, d->app->cfg.date_format);
		report_format_date(to, sizeof to, s->valid_to, d->app->cfg.date_format);
		title = xasprintf("%s: %s (%s - %s)", s->municipality, s->title, from, to);
		/* A validity cut in the middle says nothing: leave it out when it does not fit. */
		if (text_width(title) > COLS) {
			free(title);
			title = xasprintf("%s: %s", s->municipality, s->title);
		}
	} else {
		title = xasprintf("%s: %s", s->municipality, s->title);
	}
	display_header(title, tabs, PANE_COUNT, d->current);
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
	draw_status(d);
	view_draw(d->views[d->current]);  /* last: the cursor goes to the selected row */
}

static void
unload_views(struct dash *d)
{
	for (int i = 0; i < PANE_COUNT; i++)
		view_unload(d->views[i]);
}

/* Read a strategy (a new one, or the same again); keep_place keeps each pane's selection. */
static int
open_strategy(struct dash *d, const char *id, int keep_place)
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

void
dash_reload(struct dash *d, int64_t select_id)
{
	char *id = xstrdup(d->plan.s.id);

	for (int i = 0; i < PANE_COUNT; i++) {
		struct view *v = d->views[i];

		view_remember(v);
		if (select_id) {
			v->want.set = 1;
			v->want.kind = ITEM_ACTIVITY;
			v->want.key = select_id;
		}
	}
	if (open_strategy(d, id, 1) < 0)
		display_message(1, "%s", err_get());
	free(id);
	d->data_version = db_data_version(d->db);
	dash_redraw(d);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
refresh_interval(const struct dash *d)
{
	return d->app->cfg.refresh_seconds > 0 ? (double)d->app->cfg.refresh_seconds : 2;
}

/* Has another process committed since we last read?  Then read again, in place. */
int
dash_poll(struct dash *d)
{
	if (now_seconds() < d->next_check)
		return 0;
	d->next_check = now_seconds() + refresh_interval(d);
	if (dpy.l.too_small || db_data_version(d->db) == d->data_version)
		return 0;
	d->views[d->current]->lost = 0;
	dash_reload(d, 0);
	return d->views[d->current]->lost ? 2 : 1;
}

static void
switch_pane(struct dash *d, int pane)
{
	d->current = (pane + PANE_COUNT) % PANE_COUNT;
	dash_redraw(d);
}

static void
search(struct dash *d, int again)
{
	struct view *v = d->views[d->current];
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

/* The pane an action goes to (its line in PANES), or -1. */
static int
pane_of_action(enum action a)
{
#define PANE_CASE(id, name, key, help) if (a == ACT_PANE_##id) return PANE_##id;
	PANES(PANE_CASE)
#undef PANE_CASE
	return -1;
}

/* f changed the filter: the views that show it start again from the top, and the first is shown. */
static void
filter_changed(struct dash *d)
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
	if (first >= 0)
		switch_pane(d, first);
}

/* Handle one action; 0 to go on, 1 to quit. */
static int
act(struct dash *d, enum action a)
{
	struct view *v = d->views[d->current];
	struct selection sel;
	char *id;

	if (v->ops->request && v->ops->request(v, a))
		return 0;
	if (view_move(v, a))
		return 0;
	switch (a) {
	case ACT_PANE_NEXT: switch_pane(d, d->current + 1); break;
	case ACT_PANE_PREV: switch_pane(d, d->current - 1); break;
	case ACT_OPEN:
		view_selection(v, &sel);
		if (d->edit && sel.kind == ITEM_ACTIVITY)
			return edit_form(d, v) < 0;
		if (d->edit && sel.indicator)
			return edit_value(d, v) < 0;
		if (detail_open(v) < 0)
			return 1;
		dash_redraw(d);
		break;
	case ACT_EDIT_MODE:
		edit_toggle(d);
		break;
	case ACT_SET_STATUS: return edit_status(d, v) < 0;
	case ACT_EDIT: return edit_form(d, v) < 0;
	case ACT_VALUE: return edit_value(d, v) < 0;
	case ACT_ADD: return edit_add(d, v) < 0;
	case ACT_DELETE: return edit_delete(d, v) < 0;
	case ACT_UNDO: return edit_undo(d) < 0;
	case ACT_REVIEW: return edit_review(d) < 0;
	case ACT_PRINT: return edit_print(d) < 0;
	case ACT_CLOSE:
		break;
	case ACT_HELP:
		if (detail_help(d) < 0)
			return 1;
		dash_redraw(d);
		break;
	case ACT_SEARCH: search(d, 0); break;
	case ACT_SEARCH_NEXT: search(d, 1); break;
	case ACT_SORT:
		display_message(0, "%s", _("o sorts the activities: press 4 first"));
		break;
	case ACT_FILTER:
		switch (picker_filter(d)) {
		case -1: return 1;
		case 1:
			filter_changed(d);
			break;
		}
		break;
	case ACT_STRATEGY:
		switch (picker_strategy(d, &id)) {
		case -1: return 1;
		case 1:
			if (open_strategy(d, id, 0) < 0)
				display_message(1, "%s", err_get());
			else
				display_message(0, _("Showing %s"), d->plan.s.municipality);
			free(id);
			dash_redraw(d);
			break;
		}
		break;
	case ACT_RELOAD:
		display_message(0, "%s", _("Read the database again"));
		dash_reload(d, 0);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		dash_redraw(d);
		break;
	case ACT_QUIT:
		return 1;
	default:
		if (pane_of_action(a) >= 0)
			switch_pane(d, pane_of_action(a));
		break;
	}
	return 0;
}

static void
run(struct dash *d)
{
	d->data_version = db_data_version(d->db);
	d->next_check = now_seconds() + refresh_interval(d);
	dash_redraw(d);
	for (;;) {
		struct dkey k;
		enum action a;
		double now, wait;

		if (!dpy.l.too_small) {
			draw_status(d);
			view_place_cursor(d->views[d->current]);
		}
		display_update();
		/* Sleep until a key, the next check, or half a second: ncurses may resume its wait after a signal, and a hangup must end us within a second. */
		now = now_seconds();
		wait = d->next_check - now;
		if (wait < 0.01)
			wait = 0.01;
		k = display_getkey(wait * 1000 < KEY_TIMEOUT_MS ? (int)(wait * 1000) + 1 : KEY_TIMEOUT_MS);
		if (k.type == DK_EXIT)
			break;
		dash_poll(d);
		if (k.type == DK_TIMEOUT)
			continue;
		display_clear_message();
		if (k.type == DK_KEY && k.code == KEY_RESIZE) {
			dash_redraw(d);
			continue;
		}
		a = k.type == DK_CHAR && k.code > 127 ? ACT_NONE : action_for_key(k.code);
		if (dpy.l.too_small) {
			if (a == ACT_QUIT)
				break;
			continue;
		}
		if (act(d, a))
			break;
	}
}

int
tui_run(struct app *a, struct db *db)
{
	struct strategy_ref *refs;
	struct dash d;
	size_t n;
	int rc;

	memset(&d, 0, sizeof d);
	d.app = a;
	d.db = db;
	query_filter_init(&d.filter);
	if (model_list_strategies(db, &refs, &n) < 0) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	if (n == 0) {
		msg_error(_("%s: the database holds no strategy; add one with 'styrkort import FILE.ini'"), db->path);
		model_free_strategy_refs(refs, n);
		return EXIT_RUNTIME;
	}
	rc = query_load_outline(db, a->strategy ? a->strategy : refs[0].id, &d.plan);
	model_free_strategy_refs(refs, n);
	if (rc < 0) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	if (display_open(&a->cfg) < 0) {
		msg_error("%s", err_get());
		model_free_plan(&d.plan);
		return EXIT_RUNTIME;
	}
	db_set_busy_hook(db, busy_hook, &d);
	for (int i = 0; i < PANE_COUNT; i++)
		d.views[i] = view_new(pane_ops[i], &d);
	run(&d);
	for (int i = 0; i < PANE_COUNT; i++)
		view_free(d.views[i]);
	display_close();
	model_free_plan(&d.plan);
	query_filter_free(&d.filter);
	free(d.search);
	return EXIT_OK;
}
