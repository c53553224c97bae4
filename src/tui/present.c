/* SPDX-License-Identifier: GPL-3.0-or-later */
/* present.c: --present writes where the dashboard is, and steps through the agenda; --follow goes there too. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "present.h"
#include "presenter.h"
#include "watch.h"
#include "util.h"

enum role { ROLE_NONE, ROLE_PRESENT, ROLE_FOLLOW };

/* Seconds: a move the busy file refused is tried again after PENDING_RETRY; a follower that learns of
 * commits by the watch reads the row anyway every FOLLOW_QUIET_CHECK, to see a presenter gone quiet. */
#define PENDING_RETRY 0.3
#define FOLLOW_QUIET_CHECK 5

struct presence {
	enum role role;
	/* the presenter */
	char *session;
	struct presenter_place written; /* what the row says */
	double written_at;              /* dash_now() of the last write or try */
	int pending;                    /* a move not written yet (the file was busy) */
	int agenda;                     /* the agenda's step, or -1 */
	/* a follower */
	enum presenter_status status;
	char *who;
	int away;                       /* 1: stepped away (F follows again) */
	double next_read;
};

/* Where the dashboard is now. */
static void
place_now(struct dash *d, struct presenter_place *at)
{
	struct view *v = d->views[d->current];
	struct view_anchor an = { 0 };

	memset(at, 0, sizeof *at);
	at->strategy = xstrdup(d->plan.s.id);
	at->pane = d->current;
	at->late = d->filter.overdue;
	at->since = d->since;
	if (v->loaded && !v->stale && v->nrows > 0 && v->ops->remember)
		v->ops->remember(v, &an);
	if (an.set) {
		at->item_kind = (int)an.kind;
		at->item_key = an.key;
	}
	at->row = v->sel;
}

/* Go where AT says: the strategy, the late-only filter, pane 5's since-view, the pane and the item. */
static void
show(struct dash *d, const struct presenter_place *at)
{
	struct view_anchor an = { at->item_kind != ITEM_NONE, (enum item_kind)at->item_kind, at->item_key };

	if (at->pane < 0 || at->pane >= PANE_COUNT)
		return;
	if (*at->strategy && strcmp(at->strategy, d->plan.s.id) != 0 && dash_open_strategy(d, at->strategy, 0) < 0) {
		display_message(1, "%s", err_get());
		return;
	}
	if (d->filter.overdue != (at->late != 0)) {
		d->filter.overdue = at->late != 0;
		dash_filter_changed(d);
	}
	if (d->since != (at->since != 0)) {
		d->since = at->since != 0;
		d->views[PANE_REPORT]->stale = 1;
		d->views[PANE_REPORT]->sel = d->views[PANE_REPORT]->top = 0;
	}
	dash_go_to(d, at->pane, an.set ? &an : NULL, at->row);
}

/* The presenter's write of where it is, if it moved (or heartbeat); pending again if the file was busy. */
static void
write_place(struct dash *d, int heartbeat)
{
	struct presence *p = d->presence;
	struct presenter_place at;
	int rc;

	place_now(d, &at);
	if (!heartbeat && !p->pending && !presenter_place_differs(&at, &p->written)) {
		presenter_place_free(&at);
		return;
	}
	p->written_at = dash_now();
	rc = presenter_move(d->db, user_name(), p->session, &at, (int64_t)time(NULL));
	p->pending = rc == 1;
	if (rc == 0) {
		presenter_place_free(&p->written);
		p->written = at;
		return;
	}
	presenter_place_free(&at);
	if (rc == 2) {
		p->role = ROLE_NONE;
		display_message(1, "%s", _("Someone else has started presenting: this dashboard no longer presents"));
	} else if (rc < 0) {
		display_message(1, "%s", err_get());
	}
}

/* A follower reads the row; unless stepped away, it goes where the presenter is. */
static void
follow(struct dash *d)
{
	struct presence *p = d->presence;
	struct presenter row;
	int rc = presenter_read(d->db, &row);

	/* Woken by the watch when the presenter writes: the timed read only notices a presenter gone quiet. */
	p->next_read = dash_now() + (d->watch && watch_fd(d->watch) >= 0 ? FOLLOW_QUIET_CHECK : dash_refresh_interval(d));
	if (rc < 0) {
		display_message(1, "%s", err_get());
		return;
	}
	p->status = presenter_status(rc, &row, (int64_t)time(NULL));
	free(p->who);
	p->who = rc == 0 ? xstrdup(row.who) : NULL;
	if (p->status == PRESENTER_ON && !p->away) {
		struct presenter_place here;

		place_now(d, &here);
		if (presenter_place_differs(&here, &row.place))
			show(d, &row.place);
		presenter_place_free(&here);
	}
	if (rc == 0)
		presenter_free(&row);
}

int
present_open(struct dash *d)
{
	struct presence *p;
	char *other = NULL;
	int rc;

	if (!d->app->present && !d->app->follow)
		return 0;
	p = d->presence = xcalloc(1, sizeof *p);
	p->agenda = -1;
	p->role = d->app->present ? ROLE_PRESENT : ROLE_FOLLOW;
	if (p->role == ROLE_FOLLOW)
		return 0;
	p->session = presenter_session();
	place_now(d, &p->written);
	rc = presenter_start(d->db, user_name(), p->session, &p->written, (int64_t)time(NULL), &other);
	if (rc == 1)
		err_set(_("%s: %s is presenting this file already; only one dashboard presents at a time: follow "
		          "with --follow, or ask them to quit (a presenter that stopped without quitting counts as "
		          "gone after %d seconds)"), d->db->path, other, PRESENTER_STALE);
	free(other);
	p->written_at = dash_now();
	return rc == 0 ? 0 : -1;
}

void
present_close(struct dash *d)
{
	struct presence *p = d->presence;

	if (!p)
		return;
	if (p->role == ROLE_PRESENT)
		presenter_leave(d->db, p->session, (int64_t)time(NULL));
	presenter_place_free(&p->written);
	free(p->session);
	free(p->who);
	free(p);
	d->presence = NULL;
}

void
present_key(struct dash *d, enum action a)
{
	struct presence *p = d->presence;

	/* While nobody presents, looking around is not stepping away: the presenter's start is followed. */
	if (!p || p->role != ROLE_FOLLOW || p->away || p->status != PRESENTER_ON)
		return;
	switch (a) {
	case ACT_NONE: case ACT_FOLLOW: case ACT_HELP: case ACT_QUIT: case ACT_REDRAW: case ACT_RELOAD:
	case ACT_CLOSE: case ACT_EDIT_MODE: case ACT_PRINT:
		return;
	default:
		p->away = 1;
	}
}

/* The agenda's steps: the overview, each focus area, the late activities, the changes since the last review. */
static int
agenda_steps(const struct dash *d)
{
	return (int)d->plan.nfocus + 3;
}

static void
agenda_go(struct dash *d, int step)
{
	int n = agenda_steps(d);
	struct presenter_place at = { d->plan.s.id, PANE_OVERVIEW, 0, 0, ITEM_NONE, 0, 0 };

	if (step < 0 || step >= n) {
		display_message(0, "%s", step < 0 ? _("The start of the agenda: > goes on")
		                                  : _("The end of the agenda: < goes back"));
		return;
	}
	d->presence->agenda = step;
	if (step >= 1 && step <= n - 3) {
		at.pane = PANE_FOCUS;
		at.item_kind = ITEM_FOCUS;
		at.item_key = step - 1;     /* pane 2 lists its focus areas by index */
	} else if (step == n - 2) {
		at.pane = PANE_ACTIVITIES;
		at.late = 1;
	} else if (step == n - 1) {
		at.pane = PANE_REPORT;
		at.since = 1;
	}
	show(d, &at);
	/* A step of no item starts on the pane's first line that can be selected. */
	if (at.item_kind == ITEM_NONE && !dpy.l.too_small)
		view_move(d->views[d->current], ACT_MOVE_FIRST);
}

int
present_act(struct dash *d, enum action a)
{
	struct presence *p = d->presence;

	if (a != ACT_AGENDA_NEXT && a != ACT_AGENDA_PREV && a != ACT_FOLLOW)
		return 0;
	if (a == ACT_FOLLOW && p && p->role == ROLE_FOLLOW) {
		p->away = 0;
		follow(d);
	} else if (a == ACT_FOLLOW) {
		display_message(0, "%s", _("F follows the presenter when styrkort runs with --follow"));
	} else if (p && p->role == ROLE_PRESENT) {
		agenda_go(d, p->agenda + (a == ACT_AGENDA_NEXT ? 1 : -1));
	} else {
		display_message(0, "%s", _("> and < step through the meeting's agenda when styrkort runs with --present"));
	}
	return 1;
}

void
present_moved(struct dash *d)
{
	if (d->presence && d->presence->role == ROLE_PRESENT)
		write_place(d, 0);
}

void
present_tick(struct dash *d, int in_dialog)
{
	struct presence *p = d->presence;

	if (!p)
		return;
	/* The place may change without a key too (a reload finds the item elsewhere). */
	if (p->role == ROLE_PRESENT)
		write_place(d, dash_now() - p->written_at >= PRESENTER_HEARTBEAT);
	else if (p->role == ROLE_FOLLOW && !in_dialog && (d->woke || dash_now() >= p->next_read))
		follow(d);
}

int
present_timeout_ms(const struct dash *d)
{
	const struct presence *p = d->presence;
	double at;

	if (!p || p->role == ROLE_NONE)
		return -1;
	if (p->role == ROLE_PRESENT)
		at = p->pending ? dash_now() + PENDING_RETRY : p->written_at + PRESENTER_HEARTBEAT;
	else
		at = p->next_read;
	at -= dash_now();
	return at > 0 ? (int)(at * 1000) + 1 : 0;
}

char *
present_hints(const struct dash *d, const char *hints)
{
	const struct presence *p = d->presence;
	char *state, *all;

	if (!p || p->role == ROLE_NONE)
		return xstrdup(hints);
	if (p->role == ROLE_PRESENT)
		state = p->agenda < 0 ? xstrdup(_("presenting: > agenda"))
		                      : xasprintf(_("presenting %d/%d: > next < back"), p->agenda + 1, agenda_steps(d));
	else if (p->status == PRESENTER_NONE)
		state = xstrdup(_("nobody presents yet — waiting"));
	else if (p->status == PRESENTER_LEFT)
		state = xstrdup(_("the presenter has left"));
	else if (p->away)
		state = xstrdup(_("stepped away — F to follow"));
	else
		state = xasprintf(_("following %s"), p->who);
	all = xasprintf("%s | %s", state, hints);
	free(state);
	return all;
}
