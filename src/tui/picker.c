/* SPDX-License-Identifier: GPL-3.0-or-later */
/* picker.c: pick lists with ncurses' menu library: the strategy picker and the activity filter. */
#include <config.h>

#include <menu.h>
#include <stdlib.h>
#include <string.h>

#include "picker.h"
#include "text.h"
#include "util.h"

/* A pick list being shown: the items, and the menu while it is on screen. */
struct pick {
	const char *title;
	char *const *items;
	char **names;                   /* the items as shown: sanitised, cut to the box */
	ITEM **mitems;
	int n, current;
	MENU *menu;
	WINDOW *win, *sub;
};

/* The box: as wide as the longest item, within the screen. */
static int
pick_open(void *arg)
{
	struct pick *p = arg;
	int width = text_width(p->title) + 4, w, h;

	for (int i = 0; i < p->n; i++)
		if (text_width(p->items[i]) + 6 > width)
			width = text_width(p->items[i]) + 6;
	w = width < COLS - 4 ? width : COLS - 4;
	h = p->n + 4 < LINES - 4 ? p->n + 4 : LINES - 4;
	for (int i = 0; i < p->n; i++) {
		char *clean = text_sanitize(p->items[i], 0);

		clean[text_fit(clean, w - 6)] = '\0';
		free(p->names[i]);
		p->names[i] = *clean ? clean : (free(clean), xstrdup("-"));
		p->mitems[i] = new_item(p->names[i], "");
	}
	p->mitems[p->n] = NULL;
	p->menu = new_menu(p->mitems);
	p->win = display_newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	p->sub = derwin(p->win, h - 3, w - 2, 2, 1);
	keypad(p->win, TRUE);
	set_menu_win(p->menu, p->win);
	set_menu_sub(p->menu, p->sub);
	set_menu_format(p->menu, h - 3, 1);
	set_menu_mark(p->menu, "> ");
	set_menu_fore(p->menu, display_look(DC_SELECTED));
	set_menu_back(p->menu, display_look(DC_NORMAL));
	box_set(p->win, WACS_VLINE, WACS_HLINE);
	display_text(p->win, 1, 2, w - 4, p->title, display_attr(DC_TITLE));
	if (p->current >= 0 && p->current < p->n)
		set_current_item(p->menu, p->mitems[p->current]);
	post_menu(p->menu);
	return 0;
}

static void
pick_draw(void *arg)
{
	struct pick *p = arg;

	wnoutrefresh(p->win);
	pos_menu_cursor(p->menu);
	wnoutrefresh(p->sub);
}

static void
pick_close(void *arg, int reopen)
{
	struct pick *p = arg;

	(void)reopen;
	p->current = item_index(current_item(p->menu));
	unpost_menu(p->menu);
	free_menu(p->menu);
	for (int i = 0; i < p->n; i++) {
		free_item(p->mitems[i]);
		p->mitems[i] = NULL;
	}
	delwin(p->sub);
	delwin(p->win);
}

static int
pick_key(void *arg, struct dkey k)
{
	struct pick *p = arg;
	int req = 0;

	switch (k.type == DK_CHAR && k.code > 127 ? ACT_NONE : action_for_key(k.code)) {
	case ACT_MOVE_DOWN: req = REQ_DOWN_ITEM; break;
	case ACT_MOVE_UP: req = REQ_UP_ITEM; break;
	case ACT_PAGE_DOWN: req = REQ_SCR_DPAGE; break;
	case ACT_PAGE_UP: req = REQ_SCR_UPAGE; break;
	case ACT_MOVE_FIRST: req = REQ_FIRST_ITEM; break;
	case ACT_MOVE_LAST: req = REQ_LAST_ITEM; break;
	case ACT_OPEN: return item_index(current_item(p->menu));
	case ACT_CLOSE: case ACT_QUIT: return -1;
	default: break;
	}
	if (req)
		menu_driver(p->menu, req);
	return MODAL_GO_ON;
}

int
picker_choose(struct dash *dash, const char *title, char *const *items, int n, int current)
{
	struct pick p;
	const struct modal m = {
		.hints = _("Enter choose | Esc cancel | arrows, PgUp, PgDn move"),
		.exit_result = -2, .cancel_result = -1,
		.open = pick_open, .draw = pick_draw, .close = pick_close, .key = pick_key, .arg = &p,
	};
	int result;

	if (n <= 0)
		return -1;
	memset(&p, 0, sizeof p);
	p.title = title;
	p.items = items;
	p.n = n;
	p.current = current;
	p.names = xcalloc((size_t)n, sizeof *p.names);
	/* An array of ITEM pointers, as menu(3X) wants: the pointer's size is meant. */
	p.mitems = xcalloc((size_t)n + 1, sizeof *p.mitems);        /* NOLINT(bugprone-sizeof-expression) */
	result = dash_modal(dash, &m);
	for (int i = 0; i < n; i++)
		free(p.names[i]);
	free(p.names);
	free(p.mitems);
	return result;
}

int
picker_strategy(struct dash *dash, char **chosen_id)
{
	struct strategy_ref *refs;
	size_t n;
	char **items;
	int current = 0, rc;

	*chosen_id = NULL;
	if (model_list_strategies(dash->db, &refs, &n) < 0) {
		display_message(1, "%s", err_get());
		return 0;
	}
	items = xcalloc(n ? n : 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		items[i] = xasprintf("%s: %s", refs[i].municipality, refs[i].title);
		if (strcmp(refs[i].id, dash->plan.s.id) == 0)
			current = (int)i;
	}
	rc = picker_choose(dash, _("Choose the strategy"), items, (int)n, current);
	if (rc >= 0 && strcmp(refs[rc].id, dash->plan.s.id) != 0)
		*chosen_id = xstrdup(refs[rc].id);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	model_free_strategy_refs(refs, n);
	return rc == -2 ? -1 : *chosen_id != NULL;
}

static void
free_list(char **items, int n)
{
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* Choose a status; 1 if changed. */
static int
filter_status(struct dash *dash)
{
	char *items[ST_COUNT + 1];
	int rc;

	items[0] = (char *)_("Any status");
	for (int s = 0; s < ST_COUNT; s++)
		items[s + 1] = (char *)status_label((enum status)s);
	rc = picker_choose(dash, _("Show activities with the status"), items, ST_COUNT + 1, dash->filter.status + 1);
	if (rc < 0)
		return rc == -2 ? -1 : 0;
	dash->filter.status = rc - 1;
	return 1;
}

static int
filter_focus(struct dash *dash)
{
	const struct plan *p = &dash->plan;
	int n = (int)p->nfocus + 2, current = 0, rc;
	char **items = xcalloc((size_t)n, sizeof *items);

	items[0] = xstrdup(_("Any focus area"));
	for (size_t i = 0; i < p->nfocus; i++) {
		items[i + 1] = xstrdup(p->focus[i].name);
		if (p->focus[i].id == dash->filter.focus_id)
			current = (int)i + 1;
	}
	items[n - 1] = xstrdup(_("Without a focus area"));
	if (dash->filter.focus_id == 0)
		current = n - 1;
	rc = picker_choose(dash, _("Show activities of the focus area"), items, n, current);
	free_list(items, n);
	if (rc < 0)
		return rc == -2 ? -1 : 0;
	dash->filter.focus_id = rc == 0 ? -1 : rc == n - 1 ? 0 : p->focus[rc - 1].id;
	return 1;
}

static int
filter_responsible(struct dash *dash)
{
	char **names, **items;
	size_t n;
	int current = 0, rc;

	if (query_responsibles(dash->db, dash->plan.s.id, &names, &n) < 0) {
		display_message(1, "%s", err_get());
		return 0;
	}
	items = xcalloc(n + 1, sizeof *items);
	items[0] = xstrdup(_("Anyone"));
	for (size_t i = 0; i < n; i++) {
		items[i + 1] = names[i];
		if (dash->filter.responsible && strcmp(names[i], dash->filter.responsible) == 0)
			current = (int)i + 1;
	}
	free(names);
	rc = picker_choose(dash, _("Show activities of the responsible"), items, (int)n + 1, current);
	if (rc >= 0) {
		free(dash->filter.responsible);
		dash->filter.responsible = rc == 0 ? NULL : xstrdup(items[rc]);
	}
	free_list(items, (int)n + 1);
	return rc < 0 ? (rc == -2 ? -1 : 0) : 1;
}

int
picker_filter(struct dash *dash)
{
	struct act_filter *f = &dash->filter;
	const struct focus_area *fa = f->focus_id > 0 ? plan_focus(&dash->plan, f->focus_id) : NULL;
	char *items[5];
	int rc;

	items[0] = xasprintf("%s: %s", _("Status"), f->status >= 0 ? status_label((enum status)f->status) : _("any"));
	items[1] = xasprintf("%s: %s", _("Focus area"), f->focus_id < 0 ? _("any") : fa ? fa->name : _("none"));
	items[2] = xasprintf("%s: %s", _("Responsible"), f->responsible ? f->responsible : _("any"));
	items[3] = xasprintf("%s: %s", _("Only overdue"), f->overdue ? _("yes") : _("no"));
	items[4] = xstrdup(_("Show all activities (clear the filter)"));
	rc = picker_choose(dash, _("Filter the activities"), items, 5, 0);
	for (int i = 0; i < 5; i++)
		free(items[i]);
	switch (rc) {
	case -2: return -1;
	case 0: return filter_status(dash);
	case 1: return filter_focus(dash);
	case 2: return filter_responsible(dash);
	case 3: f->overdue = !f->overdue; return 1;
	case 4: query_filter_free(f); return 1;
	default: return 0;
	}
}
