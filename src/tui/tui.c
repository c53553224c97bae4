/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c: the dashboard: the panes from PANES, the key loop, switching strategy and the end. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "detail.h"
#include "display.h"
#include "edit.h"
#include "msg.h"
#include "picker.h"
#include "present.h"
#include "query.h"
#include "util.h"
#include "view.h"

/* The panes, in tab order, from PANES. */
#define PANE_OPS(id, name, key, help) &pane_##name##_ops,
static const struct view_ops *const pane_ops[PANE_COUNT] = { PANES(PANE_OPS) };
#undef PANE_OPS

static void
switch_pane(struct dash *d, int pane)
{
	d->current = (pane + PANE_COUNT) % PANE_COUNT;
	dash_redraw(d);
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
	int first = dash_filter_changed(d);

	if (first >= 0)
		switch_pane(d, first);
}

/* f: change the filter; 1 if the program must end. */
static int
choose_filter(struct dash *d)
{
	switch (picker_filter(d)) {
	case -1: return 1;
	case 1: filter_changed(d); break;
	}
	return 0;
}

/* S: show another strategy; 1 if the program must end. */
static int
choose_strategy(struct dash *d)
{
	char *id;

	switch (picker_strategy(d, &id)) {
	case -1: return 1;
	case 1:
		if (dash_open_strategy(d, id, 0) < 0)
			display_message(1, "%s", err_get());
		else
			display_message(0, _("Showing %s"), d->plan.s.municipality);
		free(id);
		dash_redraw(d);
		break;
	}
	return 0;
}

/* Handle one action; 0 to go on, 1 to quit. */
static int
act(struct dash *d, enum action a)
{
	struct view *v = d->views[d->current];
	struct selection sel;

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
		return detail_open(v) < 0;
	case ACT_EDIT_MODE:
		edit_toggle(d);
		break;
	case ACT_SET_STATUS: return edit_status(d, v) < 0;
	case ACT_EDIT: return edit_form(d, v) < 0;
	case ACT_VALUE: return edit_value(d, v) < 0;
	case ACT_ADD: return edit_add(d, v) < 0;
	case ACT_DELETE: return edit_delete(d, v) < 0;
	case ACT_EDIT_ITEM: return edit_item(d, v) < 0;
	case ACT_ADD_ITEM: return edit_add_item(d, v) < 0;
	case ACT_UNDO: return edit_undo(d) < 0;
	case ACT_REVIEW: return edit_review(d) < 0;
	case ACT_PRINT: return edit_print(d) < 0;
	case ACT_CLOSE:
		break;
	case ACT_HELP:
		return detail_help(d) < 0;
	case ACT_SEARCH: dash_search(d, v, 0); break;
	case ACT_SEARCH_NEXT: dash_search(d, v, 1); break;
	case ACT_SORT:
		display_message(0, "%s", _("o sorts the activities: press 4 first"));
		break;
	case ACT_FILTER: return choose_filter(d);
	case ACT_LATE:
		d->filter.overdue = !d->filter.overdue;
		filter_changed(d);
		display_message(0, "%s", d->filter.overdue ? _("Only the activities past their due date: l shows all again")
		                                           : _("All activities again"));
		break;
	case ACT_SINCE:
		/* A mode of pane 5: c shows the changes there, c in them the report again. */
		d->since = d->current == PANE_REPORT ? !d->since : 1;
		d->views[PANE_REPORT]->stale = 1;
		d->views[PANE_REPORT]->sel = d->views[PANE_REPORT]->top = 0;
		switch_pane(d, PANE_REPORT);
		display_message(0, "%s", !d->since ? _("The report again")
		                         : *d->plan.last_review ? _("The changes since the last review: c shows the report again")
		                         : _("All changes (no review yet): c shows the report again"));
		break;
	case ACT_STRATEGY: return choose_strategy(d);
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
	dash_redraw(d);
	for (;;) {
		struct dkey k;
		enum action a;

		if (!dpy.l.too_small) {
			dash_draw_status(d);
			view_place_cursor(d->views[d->current]);
		}
		display_update();
		/* Asleep until a key, a signal, or another process's commit (or the next check where we poll). */
		k = dash_getkey(d, 1, present_timeout_ms(d));
		if (k.type == DK_EXIT)
			break;
		dash_poll(d);
		present_tick(d, 0);
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
		present_key(d, a);
		if (!present_act(d, a) && act(d, a))
			break;
		present_moved(d);
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
	for (int i = 0; i < PANE_COUNT; i++)
		d.views[i] = view_new(pane_ops[i], &d);
	/* A refused --present says so before the screen is taken. */
	rc = present_open(&d) < 0 ? -1 : 0;
	dash_test_pause("start");
	if (rc == 0 && display_open(&a->cfg) < 0)
		rc = -1;
	if (rc == 0) {
		db_set_busy_hook(db, dash_busy, &d);
		dash_watch_start(&d);
		run(&d);
		dash_watch_end(&d);
	}
	present_close(&d);
	for (int i = 0; i < PANE_COUNT; i++)
		view_free(d.views[i]);
	if (rc == 0)
		display_close();
	model_free_plan(&d.plan);
	query_filter_free(&d.filter);
	free(d.search);
	if (rc < 0) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	return display_exit_status();
}
