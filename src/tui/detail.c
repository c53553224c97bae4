/* SPDX-License-Identifier: GPL-3.0-or-later */
/* detail.c: documents of wrapped lines over the body: an item's detail (Enter) and the help screen (?). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "detail.h"
#include "report.h"
#include "text.h"
#include "util.h"

static void
add_line(struct doc *d, char *text, enum dcolor c, int label_cols)
{
	vrows_add(&d->rows, text, c, 1, ITEM_NONE, 0);
	d->rows.r[d->rows.n - 1].label_cols = label_cols;
}

static void
doc_blank(struct doc *d)
{
	add_line(d, xstrdup(""), DC_NORMAL, 0);
}

void
doc_heading(struct doc *d, const char *text)
{
	char **lines;

	if (d->rows.n > 0)
		doc_blank(d);
	text_wrap(text, d->width, &lines);
	for (char **l = lines; *l; l++)
		add_line(d, xstrdup(*l), DC_HEADING, 0);
	text_lines_free(lines);
}

void
doc_text(struct doc *d, int indent, const char *text, enum dcolor c)
{
	vrows_wrap(&d->rows, d->width, indent, text, c, 1, 1, ITEM_NONE, 0);
}

void
doc_field(struct doc *d, const char *label, const char *value)
{
	vrows_field_max(&d->rows, d->width, 0, d->width / 3, label, value, 1, ITEM_NONE, 0);
}

/* A change-log line: "2026-11-22 Anna: status Pågår -> Klar (comment)". */
static void
doc_change(struct doc *d, const struct change *c, const char *date_format)
{
	char *line = changelog_describe(c, date_format, 0);

	doc_text(d, 2, line, DC_NORMAL);
	free(line);
}

/*
 * A page over the pane: a view of the document build makes (its priv
 * starts with the struct doc, whose rows vrows_draw() draws), with its
 * title above.
 */
struct page {
	struct doc doc;
	const char *title;
	void (*build)(struct doc *d, void *arg);
	void *arg;
};

static void
page_load(struct view *v)
{
	struct page *pg = v->priv;

	vrows_free(&pg->doc.rows);
	pg->doc.width = v->width;
	pg->build(&pg->doc, pg->arg);
	v->nrows = (long)pg->doc.rows.n;
}

static void
page_done(struct view *v)
{
	struct page *pg = v->priv;

	vrows_free(&pg->doc.rows);
}

static void
page_header(struct view *v)
{
	struct page *pg = v->priv;

	display_text(dpy.body, 0, 0, v->width, pg->title, display_attr(DC_TITLE));
}

static const struct view_ops page_ops = {
	.header_rows = 1,
	.private_size = sizeof(struct page),
	.flags = VIEW_PAGER,
	.load = page_load,
	.done = page_done,
	.draw = vrows_draw,
	.draw_header = page_header,
	.text = vrows_text,
};

/* A page being shown: whether to make or draw it again, and what to say if its item goes. */
struct shown {
	struct view *v;
	void (*gone)(void *arg);
	void *arg;
	int dirty, rebuild;
};

static int
shown_open(void *arg)
{
	struct shown *sh = arg;

	sh->dirty = sh->rebuild = 1;
	return 0;
}

static void
shown_draw(void *arg)
{
	struct shown *sh = arg;
	char pos[48];

	if (sh->rebuild) {
		view_load(sh->v);
		sh->v->loaded = 1;
		sh->rebuild = 0;
	}
	if (!sh->dirty)
		return;
	view_position(sh->v, pos, sizeof pos);
	dash_status(sh->v->dash, _("Esc close | arrows, PgUp, PgDn scroll"), pos);
	view_draw(sh->v);
	display_update();
	sh->dirty = 0;
}

static void
shown_close(void *arg, int reopen)
{
	(void)arg;
	(void)reopen;
}

/* Others' changes show here too, as in the panes (dash_poll redraws the pane under us). */
static int
shown_changed(void *arg, int how)
{
	struct shown *sh = arg;

	if (how == 2 && sh->gone) {
		sh->gone(sh->arg);
		return 0;
	}
	sh->dirty = sh->rebuild = 1;
	return MODAL_GO_ON;
}

static int
shown_key(void *arg, struct dkey k)
{
	struct shown *sh = arg;
	enum action a = k.type == DK_CHAR && k.code > 127 ? ACT_NONE : action_for_key(k.code);

	sh->dirty = 1;
	switch (a) {
	case ACT_CLOSE: case ACT_QUIT: case ACT_OPEN: case ACT_HELP: return 0;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_SEARCH: dash_search(sh->v->dash, sh->v, 0); break;
	case ACT_SEARCH_NEXT: dash_search(sh->v->dash, sh->v, 1); break;
	default:
		if (!view_move(sh->v, a))
			sh->dirty = 0;
		break;
	}
	return MODAL_GO_ON;
}

/*
 * Show a document until Esc (or q, Enter): build makes it for the body's
 * width, again after a resize and when other processes have committed
 * (dash_poll).  If the pane's selected item is then gone, gone (if not
 * NULL) says so and the document closes.  Returns -1 if the program must end.
 */
static int
detail_show(struct dash *dash, const char *title, void (*build)(struct doc *d, void *arg),
            void (*gone)(void *arg), void *arg)
{
	struct view *v = view_new(&page_ops, dash);
	struct page *pg = v->priv;
	struct shown sh = { v, gone, arg, 0, 0 };
	const struct modal m = {
		.poll = 1, .exit_result = -1, .cancel_result = 0,
		.open = shown_open, .draw = shown_draw, .close = shown_close, .key = shown_key,
		.changed = shown_changed, .arg = &sh,
	};
	int rc;

	pg->title = title;
	pg->build = build;
	pg->arg = arg;
	rc = dash_modal(dash, &m);
	view_free(v);
	return rc;
}

struct detail_arg {
	struct view *v;
	int64_t activity;       /* the activity shown, if it is one */
	int64_t number;         /* its number, for the messages */
};

/* Of the selected row: after a reload the same item, found again, may be on another row. */
static void
build_detail(struct doc *d, void *arg)
{
	struct detail_arg *da = arg;

	if (da->v->nrows > 0)
		da->v->ops->detail(da->v, da->v->sel, d);
}

/* The item shown is no longer in the pane: say why, as the detail closes. */
static void
detail_gone(void *arg)
{
	struct detail_arg *da = arg;
	struct dash *dash = da->v->dash;
	struct activity a;

	if (!da->activity) {
		display_message(0, "%s", _("The item shown was removed by someone else; its detail is closed"));
		return;
	}
	memset(&a, 0, sizeof a);
	if (activity_get(dash->db, da->activity, &a, NULL) == 1)
		display_message(0, _("#%lld was changed by someone else and is no longer in the list; its detail is closed"),
		                (long long)da->number);
	else
		display_message(1, _("#%lld was deleted by someone else; its detail is closed"), (long long)da->number);
	model_free_activity(&a);
}

/* What the detail is of, as its title says: the selected item's kind, else the pane. */
static const char *
kind_title(const struct selection *sel, const struct view *v)
{
	static const char *const kinds[] = {
		[ITEM_STRATEGY] = N_("Strategy"), [ITEM_FOCUS] = N_("Focus area"), [ITEM_GOAL] = N_("Goal"),
		[ITEM_INDICATOR] = N_("Indicator"), [ITEM_ACTIVITY] = N_("Activity"),
	};

	if (sel->id && sel->kind > ITEM_NONE && sel->kind < sizeof kinds / sizeof kinds[0] && kinds[sel->kind])
		return _(kinds[sel->kind]);
	return _(v->ops->title);
}

int
detail_open(struct view *v)
{
	struct detail_arg da = { v, 0, 0 };
	struct selection sel;
	char *title;
	int rc;

	if (!v->ops->detail || v->nrows == 0) {
		display_message(0, "%s", _("Nothing to open here"));
		return 0;
	}
	view_selection(v, &sel);
	if (sel.activity) {
		da.activity = sel.activity->id;
		da.number = sel.activity->number;
	}
	title = xasprintf(_("%s: detail (Esc closes)"), kind_title(&sel, v));
	rc = detail_show(v->dash, title, build_detail, detail_gone, &da);
	free(title);
	return rc;
}

static void
build_help(struct doc *d, void *arg)
{
	const struct action_entry *e;
	size_t n = action_entries(&e);
	int keyw = 16;

	(void)arg;
	doc_text(d, 0, _("styrkort shows a strategy's follow-up. In view mode nothing you press changes the file; "
	                 "e turns edit mode on, where changes are saved at once and logged. "
	                 "Every screen is also available as plain text with 'styrkort report'."), DC_NORMAL);
	for (size_t i = 0; i < n; i++) {
		char keys[64], *line, **wrapped;
		int pad;

		if (e[i].a == ACT_NONE) {
			doc_heading(d, _(e[i].group));
			continue;
		}
		action_keys_label(e[i].a, keys, sizeof keys);
		pad = keyw - text_width(keys);
		if (d->width < keyw + 20) {
			add_line(d, xstrdup(keys), DC_NORMAL, text_width(keys));
			doc_text(d, 4, action_help(e[i].a), DC_NORMAL);
			continue;
		}
		text_wrap(action_help(e[i].a), d->width - keyw - 2, &wrapped);
		for (char **l = wrapped; *l; l++) {
			if (l == wrapped)
				line = xasprintf("  %s%*s%s", keys, pad > 0 ? pad : 1, "", *l);
			else
				line = xasprintf("  %*s%s", keyw, "", *l);
			add_line(d, line, DC_NORMAL, l == wrapped ? text_width(keys) + 2 : 0);
		}
		text_lines_free(wrapped);
	}
}

int
detail_help(struct dash *dash)
{
	return detail_show(dash, _("Help: keys (Esc closes)"), build_help, NULL, NULL);
}

void
doc_activities(struct doc *d, struct dash *dash, const struct act_filter *f, int limit)
{
	const char *strategy = dash->plan.s.id, *fmt = dash->app->cfg.date_format;
	struct activity *acts;
	size_t n;
	long total;

	if (query_activity_count(dash->db, strategy, f, &total) < 0 ||
	    query_activities(dash->db, strategy, f, SORT_PLAN, 0, limit, &acts, &n) < 0) {
		doc_text(d, 2, err_get(), DC_ERROR);
		return;
	}
	doc_heading(d, _("Activities"));
	if (total == 0)
		doc_text(d, 2, _("none"), DC_DIM);
	for (size_t i = 0; i < n; i++) {
		char due[64], *line;

		report_format_date(due, sizeof due, acts[i].due, fmt);
		/* A commitment with its assessment where an activity has its status. */
		line = xasprintf("#%lld %s %s  %s%s%s%s%s", (long long)acts[i].number,
		                 acts[i].kind == AK_COMMITMENT ? assessment_symbol(acts[i].assessment)
		                                               : status_symbol(acts[i].status),
		                 acts[i].kind == AK_COMMITMENT ? assessment_label(acts[i].assessment)
		                                               : status_label(acts[i].status),
		                 acts[i].title, *due ? " (" : "", due,
		                 *due ? ")" : "", activity_overdue(&acts[i]) ? _(" * overdue") : "");
		doc_text(d, 2, line, activity_overdue(&acts[i]) ? DC_OVERDUE : DC_NORMAL);
		free(line);
	}
	if (total > (long)n) {
		char *more = xasprintf(_("... and %ld more: see pane 4 (f filters)"), total - (long)n);

		doc_text(d, 2, more, DC_DIM);
		free(more);
	}
	query_free_activities(acts, n);
}

void
doc_changes(struct doc *d, struct dash *dash, enum change_scope scope, int64_t id)
{
	struct change *ch;
	size_t n;

	if (query_changes(dash->db, dash->plan.s.id, scope, id, 10, &ch, &n) < 0) {
		doc_text(d, 2, err_get(), DC_ERROR);
		return;
	}
	if (n) {
		doc_heading(d, _("Latest changes"));
		for (size_t i = 0; i < n; i++)
			doc_change(d, &ch[i], dash->app->cfg.date_format);
	}
	changelog_free(ch, n);
}
