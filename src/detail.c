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
	d->lines = xrealloc(d->lines, (d->n + 1) * sizeof *d->lines);
	d->lines[d->n].text = text;
	d->lines[d->n].color = c;
	d->lines[d->n].label_cols = label_cols;
	d->n++;
}

static void
doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	d->lines = NULL;
	d->n = 0;
}

void
doc_blank(struct doc *d)
{
	add_line(d, xstrdup(""), DC_NORMAL, 0);
}

void
doc_heading(struct doc *d, const char *text)
{
	char **lines;

	if (d->n > 0)
		doc_blank(d);
	text_wrap(text, d->width, &lines);
	for (char **l = lines; *l; l++)
		add_line(d, xstrdup(*l), DC_HEADING, 0);
	text_lines_free(lines);
}

void
doc_text(struct doc *d, int indent, const char *text, enum dcolor c)
{
	char **lines;

	if (!text || !*text)
		return;
	if (indent > d->width / 2)
		indent = d->width / 2;
	text_wrap(text, d->width - indent, &lines);
	for (char **l = lines; *l; l++)
		add_line(d, xasprintf("%*s%s", indent, "", *l), c, 0);
	text_lines_free(lines);
}

void
doc_field(struct doc *d, const char *label, const char *value)
{
	char *head, **lines;
	int lw;

	if (!value || !*value)
		return;
	head = text_sanitize(label, 0);
	lw = text_width(head) + 2;
	if (lw > d->width / 3) {
		/* A long label on a line of its own, the value under it. */
		add_line(d, xasprintf("%s:", head), DC_NORMAL, text_width(head) + 1);
		doc_text(d, 2, value, DC_NORMAL);
		free(head);
		return;
	}
	text_wrap(value, d->width - lw, &lines);
	for (char **l = lines; *l; l++)
		if (l == lines)
			add_line(d, xasprintf("%s: %s", head, *l), DC_NORMAL, lw - 1);
		else
			add_line(d, xasprintf("%*s%s", lw, "", *l), DC_NORMAL, 0);
	text_lines_free(lines);
	free(head);
}

void
doc_change(struct doc *d, const struct change *c, const char *date_format)
{
	char *line = changelog_describe(c, date_format, 0);

	doc_text(d, 2, line, DC_NORMAL);
	free(line);
}

static void
draw_doc(const struct doc *d, const char *title, size_t top, int height)
{
	WINDOW *w = dpy.body;

	werase(w);
	display_text(w, 0, 0, d->width, title, display_attr(DC_TITLE));
	for (int y = 1; y < height && top + (size_t)(y - 1) < d->n; y++) {
		const struct doc_line *l = &d->lines[top + (size_t)(y - 1)];
		int x = 0;

		if (l->label_cols > 0) {
			size_t fit = text_fit(l->text, l->label_cols);
			char *label = xstrndup(l->text, fit);

			x = display_text(w, y, 0, d->width, label, display_attr(DC_LABEL));
			free(label);
			display_text(w, y, x, d->width - x, l->text + fit, display_attr(l->color));
		} else {
			display_text(w, y, 0, d->width, l->text, display_attr(l->color));
		}
	}
	wmove(w, 1, 0);
	wnoutrefresh(w);
}

int
detail_show(struct dash *dash, const char *title, void (*build)(struct doc *d, void *arg),
            void (*gone)(void *arg), void *arg)
{
	struct doc d = { NULL, 0, 0 };
	size_t top = 0;
	int height = 0, dirty = 1, rebuild = 1, rc = 0;

	for (;;) {
		struct dkey k;
		enum action a;
		size_t last;

		if (dpy.l.too_small) {
			display_too_small();
			doupdate();
		} else {
			if (rebuild) {
				doc_free(&d);
				d.width = getmaxx(dpy.body);
				build(&d, arg);
				rebuild = 0;
			}
			height = getmaxy(dpy.body);
			last = d.n + 1 > (size_t)height ? d.n + 1 - (size_t)height : 0;
			if (top > last)
				top = last;
			if (dirty) {
				char pos[32];

				snprintf(pos, sizeof pos, "%zu/%zu", d.n ? top + 1 : 0, d.n);
				dash_status(dash, _("Esc close | arrows, PgUp, PgDn scroll"), pos);
				draw_doc(&d, title, top, height);
				display_update();
				dirty = 0;
			}
		}
		k = display_getkey(250);
		if (k.type == DK_EXIT) {
			rc = -1;
			break;
		}
		/* Others' changes show here too, as in the panes (dash_poll redraws the pane under us). */
		switch (dpy.l.too_small ? 0 : dash_poll(dash)) {
		case 2:
			if (gone) {
				gone(arg);
				doc_free(&d);
				return 0;
			}
			/* fall through */
		case 1:
			dirty = rebuild = 1;
			break;
		}
		if (k.type == DK_TIMEOUT)
			continue;
		if (k.type == DK_KEY && k.code == KEY_RESIZE) {
			dash_redraw(dash);
			dirty = rebuild = 1;
			continue;
		}
		if (dpy.l.too_small) {
			if (k.type == DK_CHAR && (k.code == 'q' || k.code == 27))
				break;
			continue;
		}
		a = k.type == DK_CHAR && k.code > 127 ? ACT_NONE : action_for_key(k.code);
		dirty = 1;
		if (a == ACT_CLOSE || a == ACT_QUIT || a == ACT_OPEN || a == ACT_HELP)
			break;
		last = d.n + 1 > (size_t)height ? d.n + 1 - (size_t)height : 0;
		switch (a) {
		case ACT_MOVE_DOWN: if (top < last) top++; break;
		case ACT_MOVE_UP: if (top > 0) top--; break;
		case ACT_PAGE_DOWN: top = top + (size_t)height - 1 < last ? top + (size_t)height - 1 : last; break;
		case ACT_PAGE_UP: top = top > (size_t)height - 1 ? top - ((size_t)height - 1) : 0; break;
		case ACT_MOVE_FIRST: top = 0; break;
		case ACT_MOVE_LAST: top = last; break;
		case ACT_REDRAW: clearok(curscr, TRUE); break;
		default: dirty = 0; break;
		}
	}
	doc_free(&d);
	return rc;
}

struct detail_arg {
	struct view *v;
	int64_t activity;       /* the activity shown, if it is one */
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
		                (long long)da->activity);
	else
		display_message(1, _("#%lld was deleted by someone else; its detail is closed"), (long long)da->activity);
	model_free_activity(&a);
}

int
detail_open(struct view *v)
{
	struct detail_arg da = { v, 0 };
	struct selection sel;
	char *title;
	int rc;

	if (!v->ops->detail || v->nrows == 0) {
		display_message(0, "%s", _("Nothing to open here"));
		return 0;
	}
	view_selection(v, &sel);
	if (sel.activity)
		da.activity = sel.activity->id;
	title = xasprintf(_("%s: detail (Esc closes)"), _(v->ops->title));
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
		line = xasprintf("#%lld %s %s  %s%s%s%s%s", (long long)acts[i].id, status_symbol(acts[i].status),
		                 status_label(acts[i].status), acts[i].title, *due ? " (" : "", due,
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
