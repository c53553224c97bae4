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
#include "msg.h"
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

static const struct view_ops *const pane_ops[PANE_COUNT] = {
	&pane_vision_ops, &pane_focus_ops, &pane_goals_ops, &pane_activities_ops, &pane_report_ops
};

static struct view views[PANE_COUNT];
static int stale[PANE_COUNT];   /* 1: read again before it is shown */
static int loaded[PANE_COUNT];  /* 1: has data that done() must free */
static int sized_cols[PANE_COUNT], sized_rows[PANE_COUNT];

/* The item each pane had selected before a reload, found again when the pane is next read. */
static struct anchor {
	int set;
	int64_t id;             /* pane 4: the activity */
	int kind;               /* the document panes: the row's item */
	size_t index;
} anchors[PANE_COUNT];
static int anchor_lost;         /* the current pane's remembered item was not found again */

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
	if (d->edit)
		switch (d->current) {
		case PANE_ACTIVITIES:
			return _("? help | e view | s status | Enter edit | a add | d delete | u undo | R review");
		case PANE_GOALS:
			return _("? help | e view | Enter/v value | a add | u undo | R review | p print");
		default:
			return _("? help | e view | a add | u undo | R review | p print | q quit");
		}
	return d->current == PANE_ACTIVITIES
	       ? _("? help | q quit | e edit | / search | f filter | o sort | S strategy")
	       : _("? help | q quit | e edit | / search | f filter | S strategy");
}

static void
draw_status(struct dash *d)
{
	struct view *v = &views[d->current];
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

/* Remember the selected item of each pane that has been read. */
static void
remember_places(void)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct view *v = &views[i];

		if (!loaded[i] || stale[i] || v->nrows == 0)
			continue;
		if (i == PANE_ACTIVITIES) {
			const struct activity *a = pane_activities_selected(v);

			anchors[i].set = a != NULL;
			anchors[i].id = a ? a->id : 0;
		} else if (i != PANE_REPORT && v->priv) {
			const struct vrows *rs = v->priv;

			if ((size_t)v->sel < rs->n) {
				anchors[i].set = 1;
				anchors[i].kind = rs->r[v->sel].kind;
				anchors[i].index = rs->r[v->sel].index;
			}
		}
	}
}

/* Select the remembered item again; where it is gone, the same row (kept in range). */
static void
find_anchor(struct dash *d, struct view *v, const struct anchor *an)
{
	long row;

	if (v == &views[PANE_ACTIVITIES]) {
		if (query_activity_row(d->db, d->plan.s.id, &d->filter, d->sort, an->id, &row) == 0)
			view_set_selection(v, row);
		else
			anchor_lost = 1;
		return;
	}
	if (v->priv && v != &views[PANE_REPORT]) {
		const struct vrows *rs = v->priv;

		for (size_t r = 0; r < rs->n; r++)
			if (rs->r[r].selectable && rs->r[r].kind == an->kind && rs->r[r].index == an->index) {
				view_set_selection(v, (long)r);
				return;
			}
	}
	anchor_lost = 1;
}

/* Make the current view ready: read it if stale, make its rows again if the size changed. */
static void
prepare_view(struct dash *d)
{
	struct view *v = &views[d->current];

	if (stale[d->current]) {
		view_load(v);
		stale[d->current] = 0;
		loaded[d->current] = 1;
		if (anchors[d->current].set)
			find_anchor(d, v, &anchors[d->current]);
		anchors[d->current].set = 0;
	} else if (sized_cols[d->current] != COLS || sized_rows[d->current] != LINES) {
		view_resize(v);
	}
	sized_cols[d->current] = COLS;
	sized_rows[d->current] = LINES;
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
	prepare_view(d);
	draw_header(d);
	draw_status(d);
	view_draw(&views[d->current]);  /* last: the cursor goes to the selected row */
}

static void
free_views(void)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		if (loaded[i] && views[i].ops->done)
			views[i].ops->done(&views[i]);
		loaded[i] = 0;
		stale[i] = 1;
	}
}

/* Read a strategy (a new one, or the same again); keep_place keeps each pane's selection. */
static int
open_strategy(struct dash *d, const char *id, int keep_place)
{
	struct plan p;

	if (query_load_outline(d->db, id, &p) < 0)
		return -1;
	free_views();
	model_free_plan(&d->plan);
	d->plan = p;
	if (!keep_place) {
		query_filter_free(&d->filter);
		for (int i = 0; i < PANE_COUNT; i++)
			views[i].sel = views[i].top = 0;
	}
	return 0;
}

void
dash_reload(struct dash *d, int64_t select_id)
{
	char *id = xstrdup(d->plan.s.id);

	remember_places();
	if (select_id) {
		anchors[PANE_ACTIVITIES].set = 1;
		anchors[PANE_ACTIVITIES].id = select_id;
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
	anchor_lost = 0;
	dash_reload(d, 0);
	return anchor_lost ? 2 : 1;
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
	struct view *v = &views[d->current];
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

/* Handle one action; 0 to go on, 1 to quit. */
static int
act(struct dash *d, enum action a)
{
	struct view *v = &views[d->current];
	char *id;

	if (v->ops->request && v->ops->request(v, a))
		return 0;
	if (view_move(v, a))
		return 0;
	switch (a) {
	case ACT_PANE_1: case ACT_PANE_2: case ACT_PANE_3: case ACT_PANE_4: case ACT_PANE_5:
		switch_pane(d, a - ACT_PANE_1);
		break;
	case ACT_PANE_NEXT: switch_pane(d, d->current + 1); break;
	case ACT_PANE_PREV: switch_pane(d, d->current - 1); break;
	case ACT_OPEN:
		if (d->edit && d->current == PANE_ACTIVITIES)
			return edit_form(d, v) < 0;
		if (d->edit && d->current == PANE_GOALS && pane_goals_selected_indicator(v))
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
			stale[PANE_ACTIVITIES] = 1;
			views[PANE_ACTIVITIES].sel = views[PANE_ACTIVITIES].top = 0;
			switch_pane(d, PANE_ACTIVITIES);
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
			view_place_cursor(&views[d->current]);
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
	for (int i = 0; i < PANE_COUNT; i++) {
		views[i].ops = pane_ops[i];
		views[i].dash = &d;
		stale[i] = 1;
		d.views[i] = &views[i];
	}
	run(&d);
	free_views();
	display_close();
	model_free_plan(&d.plan);
	query_filter_free(&d.filter);
	free(d.search);
	return EXIT_OK;
}
