/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pane_overview.c: pane 0, the overview the dashboard opens on: the
 * strategy's validity, reviews and follow-up, overall progress, one line
 * per focus area, the indicators' headline and what is overdue, on one
 * screen of 80x24 for up to eight focus areas.  The numbers come from
 * overview.c; this file only lays them out for the room it has.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "overview.h"
#include "report.h"
#include "text.h"
#include "util.h"
#include "view.h"

enum orow_kind {
	OR_INFO,        /* validity, last review, next follow-up (index: which line) */
	OR_BLANK,
	OR_HEAD,        /* the column titles */
	OR_OVERALL,     /* the whole strategy, in the focus areas' columns */
	OR_AREA,        /* a focus area (index in o.areas) */
	OR_PURPOSE,     /* its purpose on one line, where there is room */
	OR_INDICATORS,
	OR_LATE_HEAD,
	OR_LATE,        /* an overdue activity (index in o.late) */
	OR_MORE,        /* how many more are overdue */
	OR_CHANGED_HEAD,
	OR_CHANGED,     /* an activity changed since the last review (index in o.changed_acts) */
};

struct orow {
	enum orow_kind kind;
	size_t index;
};

/* The columns of the focus-area lines: their widths for this terminal. */
enum { C_NAME, C_BAR, C_PCT, C_LIGHT, C_MIX, C_LATE, C_CHANGED, NC };

/* The pane's own data (v->priv). */
struct opane {
	struct overview o;
	int have;                       /* o holds a prepared overview */
	struct orow *rows;
	size_t n;
	char *info[3];                  /* the lines of OR_INFO (NULL: none) */
	int ninfo;
	int w[NC];
	int utf8;                       /* the terminal shows UTF-8 (else ASCII symbols) */
	size_t late_shown;              /* the overdue activities that have a line */
};

#define MIX_CELLS 10            /* the stacked bar of statuses: cells inside its brackets */

static const char *
ellipsis(const struct opane *p)
{
	return p->utf8 ? "…" : "~";
}

/* Write s in at most cols columns at x, cut with an ellipsis; the columns used. */
static int
put_cut(struct view *v, int y, int x, int cols, const char *s, attr_t a)
{
	struct opane *p = v->priv;
	char *clean = text_sanitize(s ? s : "", 0);
	int used;

	if (cols <= 0) {
		free(clean);
		return 0;
	}
	if (text_width(clean) > cols) {
		clean[text_fit(clean, cols - 1)] = '\0';
		used = view_put(v, y, x, cols, clean, a);
		used += view_put(v, y, x + used, 1, ellipsis(p), a);
	} else {
		used = view_put(v, y, x, cols, clean, a);
	}
	free(clean);
	return used;
}

/* Write s right-aligned in cols columns ending at x + cols. */
static void
put_right(struct view *v, int y, int x, int cols, const char *s, attr_t a)
{
	int tw = text_width(s);

	view_put(v, y, x + (tw < cols ? cols - tw : 0), cols, s, a);
}

static attr_t
light_attr(enum light l)
{
	switch (l) {
	case LIGHT_GREEN: return display_attr(DC_ST_DONE);
	case LIGHT_YELLOW: return display_attr(DC_ST_DELAYED);
	case LIGHT_RED: return display_attr(DC_OVERDUE);
	default: return A_NORMAL;
	}
}

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}


static const char *
head_text(int c)
{
	switch (c) {
	case C_NAME: return _("Focus area");
	case C_BAR: return ui_pgettext("overview", "Progress");
	case C_MIX: return _("Activities");
	case C_LATE: return ui_pgettext("overview", "Late");
	case C_CHANGED: return ui_pgettext("overview", "Changed");
	default: return "";
	}
}

/* The columns for this width: fixed ones from their content and titles, the name takes the rest. */
static void
columns(struct view *v)
{
	struct opane *p = v->priv;
	int fixed = 0, longest = text_width(ui_pgettext("overview", "Overall progress"));

	p->w[C_BAR] = MIX_CELLS + 2;
	p->w[C_PCT] = 5;
	p->w[C_LIGHT] = light_text_width();
	p->w[C_MIX] = max_int(MIX_CELLS + 2, text_width(head_text(C_MIX)));
	p->w[C_LATE] = max_int(3, text_width(head_text(C_LATE)));
	p->w[C_CHANGED] = max_int(3, text_width(head_text(C_CHANGED)));
	for (int c = C_BAR; c < NC; c++)
		fixed += p->w[c] + 1;
	/* A narrow terminal (60 columns) drops the stacked bar before the names become unreadable. */
	if (v->width - fixed < 14) {
		fixed -= p->w[C_MIX] + 1;
		p->w[C_MIX] = 0;
	}
	for (size_t i = 0; i < p->o.nareas; i++) {
		const struct focus_area *f = p->o.areas[i].focus;

		longest = max_int(longest, f ? text_width(f->name) + text_width(model_example_mark(f->example))
		                             : text_width(_("Without a focus area")));
	}
	p->w[C_NAME] = v->width - fixed;
	if (p->w[C_NAME] > longest + 2)
		p->w[C_NAME] = longest + 2;
	if (p->w[C_NAME] < 8)
		p->w[C_NAME] = 8;
}

/* The facts above the table: validity, the last review, the next follow-up due. */
static void
info_parts(struct view *v, char *parts[3])
{
	struct opane *p = v->priv;
	const struct plan *pl = &p->o.plan;
	const char *fmt = v->dash->app->cfg.date_format;
	char from[64], to[64];

	parts[0] = parts[1] = parts[2] = NULL;
	if (pl->s.valid_from && *pl->s.valid_from) {
		report_format_date(from, sizeof from, pl->s.valid_from, fmt);
		if (pl->s.valid_to && *pl->s.valid_to) {
			report_format_date(to, sizeof to, pl->s.valid_to, fmt);
			parts[0] = xasprintf(_("Valid %s – %s"), from, to);
		} else {
			parts[0] = xasprintf(_("Valid from %s until further notice"), from);
		}
	}
	if (p->o.reviewed) {
		report_format_date(from, sizeof from, pl->last_review, fmt);
		parts[1] = xasprintf(_("Last review: %s"), from);
	} else {
		parts[1] = xstrdup(_("No review recorded yet"));
	}
	if (p->o.due.next) {
		report_format_date(to, sizeof to, p->o.due.next_date, fmt);
		parts[2] = xasprintf(_("Next follow-up: %s, due %s"), p->o.due.next->what, to);
	}
}

/* The facts packed into as few lines as they fit in, "  ·  " between them. */
static void
info_lines(struct view *v)
{
	struct opane *p = v->priv;
	char *parts[3];

	for (int i = 0; i < 3; i++) {
		free(p->info[i]);
		p->info[i] = NULL;
	}
	p->ninfo = 0;
	info_parts(v, parts);
	for (int i = 0; i < 3; i++) {
		char *joined;

		if (!parts[i])
			continue;
		joined = p->ninfo ? xasprintf("%s  ·  %s", p->info[p->ninfo - 1], parts[i]) : NULL;
		if (joined && text_width(joined) <= v->width) {
			free(p->info[p->ninfo - 1]);
			p->info[p->ninfo - 1] = joined;
			free(parts[i]);
		} else {
			free(joined);
			p->info[p->ninfo++] = parts[i];
		}
	}
}

static void
add(struct opane *p, enum orow_kind kind, size_t index)
{
	p->rows = xrealloc(p->rows, (p->n + 1) * sizeof *p->rows);
	p->rows[p->n].kind = kind;
	p->rows[p->n++].index = index;
}

/* Where there is room left (a larger terminal): what changed since the last review, in plan order. */
static void
changed_rows(struct view *v)
{
	struct opane *p = v->priv;
	long left = v->height - (long)p->n - 2;

	if (!p->o.nchanged_acts || left < 1)
		return;
	add(p, OR_BLANK, 0);
	add(p, OR_CHANGED_HEAD, 0);
	for (size_t i = 0; i < p->o.nchanged_listed && (long)i < left; i++)
		add(p, OR_CHANGED, i);
}

/*
 * The rows for this size.  What must be there: the facts, the overall
 * line, a line per focus area, the indicators, the overdue heading.  The
 * room left goes, in this order, to blank lines between the parts, up to
 * five overdue activities, each area's purpose, then the other overdue.
 */
static void
make_rows(struct view *v)
{
	struct opane *p = v->priv;
	const struct overview *o = &p->o;
	long room, first_late, purposes = 0;
	size_t late, fit;
	int blanks;

	p->n = 0;
	info_lines(v);
	room = v->height - p->ninfo - 2 - (long)o->nareas - (o->nindicators > 0) - 1;
	blanks = 2 + (o->nindicators > 0);
	if (blanks > room)
		blanks = room > 0 ? (int)room : 0;
	room -= blanks;
	first_late = room < 5 ? room : 5;
	if (first_late > (long)o->nlate)
		first_late = (long)o->nlate;
	room -= first_late;
	for (size_t i = 0; i < o->nareas; i++)
		purposes += o->areas[i].focus && o->areas[i].focus->purpose && *o->areas[i].focus->purpose;
	if (room < purposes + ((long)o->nlate > first_late))
		purposes = 0;
	room -= purposes;

	for (int i = 0; i < p->ninfo; i++)
		add(p, OR_INFO, (size_t)i);
	if (blanks-- > 0)
		add(p, OR_BLANK, 0);
	add(p, OR_HEAD, 0);
	add(p, OR_OVERALL, 0);
	for (size_t i = 0; i < o->nareas; i++) {
		add(p, OR_AREA, i);
		if (purposes && o->areas[i].focus && o->areas[i].focus->purpose && *o->areas[i].focus->purpose)
			add(p, OR_PURPOSE, i);
	}
	if (blanks-- > 0)
		add(p, OR_BLANK, 0);
	if (o->nindicators) {
		add(p, OR_INDICATORS, 0);
		if (blanks > 0)
			add(p, OR_BLANK, 0);
	}
	add(p, OR_LATE_HEAD, 0);
	/* The rest of the room for the overdue; when they do not all fit, the last line says how many more. */
	fit = (size_t)first_late + (room > 0 ? (size_t)room : 0);
	late = fit >= o->nlate ? o->nlate : fit > 0 ? fit - 1 : 0;
	for (size_t i = 0; i < late; i++)
		add(p, OR_LATE, i);
	p->late_shown = late;
	if (fit > 0 && late < o->nlate)
		add(p, OR_MORE, 0);
	changed_rows(v);
	v->nrows = (long)p->n;
}

/* The stacked bar of statuses in brackets, each cell its status's symbol and colour; or a commitment's assessments. */
static void
draw_mix(struct view *v, int y, int x, const struct act_counts *c, attr_t base)
{
	struct opane *p = v->priv;
	char cells[MIX_CELLS + 1];
	int of[MIX_CELLS];

	if (!c->total) {
		/* Only commitments (Oskarshamn's): their assessments counted, not an empty bar. */
		char *t = overview_assessment_text(c);

		put_cut(v, y, x, p->w[C_MIX], t, base);
		free(t);
		return;
	}
	overview_status_bar(c, MIX_CELLS, cells, of);
	view_put(v, y, x, 1, "[", base);
	for (int i = 0; cells[i]; i++) {
		char one[2] = { cells[i], '\0' };

		view_put(v, y, x + 1 + i, 1, one, base | display_status_attr(of[i]));
	}
	view_put(v, y, x + 1 + MIX_CELLS, 1, "]", base);
}

/* Bar, percent, light, statuses, overdue and changed in the columns of the focus-area lines. */
static void
draw_numbers(struct view *v, int y, const struct progress *pr, const struct act_counts *c, long changed, attr_t base)
{
	struct opane *p = v->priv;
	char bar[128], pct[16], n[24];
	int x = p->w[C_NAME] + 1;

	progress_bar(bar, sizeof bar, pr, MIX_CELLS);
	bar[MIX_CELLS + 2] = '\0';
	view_put(v, y, x, p->w[C_BAR], bar, base | display_attr(DC_BAR));
	x += p->w[C_BAR] + 1;
	/* The percent in a fixed column; without an answer the light's column says "no data". */
	snprintf(pct, sizeof pct, pr->known ? "%d %%" : "", (int)(pr->pct + 0.5));
	put_right(v, y, x, p->w[C_PCT], pct, base);
	x += p->w[C_PCT] + 1;
	if (pr->light != LIGHT_NONE || !pr->known) {
		view_put(v, y, x, p->w[C_LIGHT], light_text(pr->light), base | light_attr(pr->light));
	}
	x += p->w[C_LIGHT] + 1;
	if (p->w[C_MIX]) {
		draw_mix(v, y, x, c, base);
		x += p->w[C_MIX] + 1;
	}
	snprintf(n, sizeof n, "%ld", c->overdue);
	put_right(v, y, x, p->w[C_LATE], n, base | (c->overdue ? display_attr(DC_OVERDUE) : 0));
	x += p->w[C_LATE] + 1;
	/* Without a review there is no "since": a dash, not a reassuring 0. */
	snprintf(n, sizeof n, "%s", p->o.reviewed ? "" : "-");
	if (p->o.reviewed)
		snprintf(n, sizeof n, "%ld", changed);
	put_right(v, y, x, p->w[C_CHANGED], n, base | (changed ? display_attr(DC_LABEL) : 0));
}

static void
draw_head(struct view *v, int y, attr_t base)
{
	struct opane *p = v->priv;
	attr_t a = base | display_attr(DC_LABEL) | A_UNDERLINE;
	int x = 0;

	for (int c = 0; c < NC; c++) {
		if (!p->w[c])
			continue;
		if (c == C_LATE || c == C_CHANGED)
			put_right(v, y, x, p->w[c], head_text(c), a);
		else
			put_cut(v, y, x, c == C_BAR ? p->w[C_BAR] + 1 + p->w[C_PCT] : p->w[c], head_text(c), a);
		x += p->w[c] + 1;
	}
}

static void
draw_area(struct view *v, int y, size_t i, attr_t base)
{
	struct opane *p = v->priv;
	const struct overview_area *a = &p->o.areas[i];
	char *name = a->focus ? xasprintf("%s%s", a->focus->name, model_example_mark(a->focus->example))
	                      : xstrdup(_("Without a focus area"));

	put_cut(v, y, 0, p->w[C_NAME], name, base);
	free(name);
	draw_numbers(v, y, &a->pr, &a->counts, a->changed, base);
}

/* "Indicators (11): ● 3 on track  ▲ 1 at risk  ■ 2 behind  ○ 5 no data", each symbol in its colour. */
static void
draw_indicators(struct view *v, int y, attr_t base)
{
	struct opane *p = v->priv;
	static const enum light order[] = { LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED, LIGHT_NONE };
	char *head = xasprintf(_("Indicators (%ld):"), p->o.nindicators);
	int x = view_put(v, y, 0, v->width, head, base | display_attr(DC_LABEL));

	free(head);
	for (size_t i = 0; i < sizeof order / sizeof *order && x < v->width; i++) {
		char *t = xasprintf("%ld %s", p->o.indicators[order[i]], overview_light_label(order[i]));

		x += view_put(v, y, x, v->width - x, "  ", base);
		x += view_put(v, y, x, v->width - x, overview_light_symbol(order[i], p->utf8), base | light_attr(order[i]));
		x += view_put(v, y, x, v->width - x, " ", base);
		x += view_put(v, y, x, v->width - x, t, base);
		free(t);
	}
}

/* "#12  Title…  Responsible  2025  326 days": the number, title, (responsible where there is room), due date and days late. */
static void
draw_late(struct view *v, int y, size_t i, attr_t base)
{
	struct opane *p = v->priv;
	const struct overview_late *l = &p->o.late[i];
	char num[32], due[64], *days;
	int x = 2, numw, respw = v->width >= 100 ? v->width / 5 : 0, duew, daysw, titlew;

	snprintf(num, sizeof num, "#%lld", (long long)p->o.late_last_number);
	numw = text_width(num);
	for (size_t k = 0; k < p->o.nlate_listed && k < 64; k++) {
		snprintf(num, sizeof num, "#%lld", (long long)p->o.late[k].a->number);
		numw = max_int(numw, text_width(num));
	}
	snprintf(num, sizeof num, "#%lld", (long long)l->a->number);
	report_format_date(due, sizeof due, l->a->due, v->dash->app->cfg.date_format);
	duew = max_int(text_width(due), 4);
	days = xasprintf(ui_ngettext("%ld day late", "%ld days late", (unsigned long)l->days), l->days);
	daysw = text_width(days);
	{
		char *widest = xasprintf(ui_ngettext("%ld day late", "%ld days late", (unsigned long)p->o.late[0].days),
		                         p->o.late[0].days);

		daysw = max_int(daysw, text_width(widest));
		free(widest);
	}
	titlew = v->width - x - numw - 1 - (respw ? respw + 1 : 0) - duew - 1 - daysw - 1;
	put_right(v, y, x, numw, num, base);
	x += numw + 1;
	put_cut(v, y, x, titlew, l->a->title, base);
	x += titlew + 1;
	if (respw) {
		put_cut(v, y, x, respw, l->a->responsible, base);
		x += respw + 1;
	}
	view_put(v, y, x, duew, due, base);
	x += duew + 1;
	put_right(v, y, x, daysw, days, base | display_attr(DC_OVERDUE));
	free(days);
}

static void
draw_late_head(struct view *v, int y, attr_t base)
{
	struct opane *p = v->priv;
	char *t;

	if (p->o.nlate)
		t = xasprintf(ui_ngettext("%ld activity is past its due date", "%ld activities are past their due date",
		                          (unsigned long)p->o.nlate), (long)p->o.nlate);
	else
		t = xstrdup(_("No activity is past its due date"));
	put_cut(v, y, 0, v->width, t, base | display_attr(DC_LABEL));
	free(t);
}

/* The widest status label of the UI language, and the widest assessment where a commitment changed. */
static int
changed_label_width(const struct opane *p)
{
	int w = 0, commitments = p->o.changed_commitments;

	for (int s = 0; s < ST_COUNT; s++)
		w = max_int(w, text_width(status_label((enum status)s)));
	for (int s = 0; commitments && s < AS_COUNT; s++)
		w = max_int(w, text_width(assessment_label((enum assessment)s)));
	return w;
}

/*
 * "#6 Title…  > In progress   0 %": an activity changed since the last
 * review, as it is now; the status and the percent in fixed columns, as in pane 4.
 */
static void
draw_changed(struct view *v, int y, size_t i, attr_t base)
{
	const struct opane *p = v->priv;
	const struct activity *a = p->o.changed_acts[i];
	const char *label = a->kind == AK_COMMITMENT ? assessment_label(a->assessment) : status_label(a->status);
	char num[32], *state;
	int x = 2, labelw = changed_label_width(p), statew = 2 + labelw + 6, numw;

	snprintf(num, sizeof num, "#%lld", (long long)a->number);
	numw = text_width(num);
	if (a->kind == AK_COMMITMENT)
		state = xasprintf("%s %s", assessment_symbol(a->assessment), label);
	else
		state = xasprintf("%s %s%*s %3d %%", status_symbol(a->status), label, labelw - text_width(label), "",
		                  a->status == ST_DONE ? 100 : a->progress);
	x += view_put(v, y, x, numw, num, base) + 1;
	put_cut(v, y, x, v->width - x - statew - 1, a->title, base);
	view_put(v, y, v->width - statew, statew, state,
	         base | (a->kind == AK_COMMITMENT ? A_NORMAL : display_status_attr(a->status)));
	free(state);
}

static void
draw_text_row(struct view *v, int y, const struct orow *r, attr_t base)
{
	struct opane *p = v->priv;
	char *t;

	switch (r->kind) {
	case OR_INFO:
		put_cut(v, y, 0, v->width, p->info[r->index], base);
		break;
	case OR_PURPOSE:
		/* Its first paragraph's beginning: a reminder, the rest is in pane 2. */
		t = xstrndup(p->o.areas[r->index].focus->purpose, strcspn(p->o.areas[r->index].focus->purpose, "\n"));
		put_cut(v, y, 2, v->width - 2, t, base);
		free(t);
		break;
	case OR_CHANGED_HEAD:
		t = xasprintf(_("Changed since the last review (%ld)"), (long)p->o.nchanged_acts);
		put_cut(v, y, 0, v->width, t, base | display_attr(DC_LABEL));
		free(t);
		break;
	case OR_MORE:
		t = xasprintf(_("%s and %ld more: pane 4 lists them (f, overdue)"), ellipsis(p),
		              (long)(p->o.nlate - p->late_shown));
		put_cut(v, y, 2, v->width - 2, t, base);
		free(t);
		break;
	default:
		break;
	}
}

static void
draw(struct view *v, int y, long row, attr_t base)
{
	struct opane *p = v->priv;
	const struct orow *r = &p->rows[row];

	view_row_begin(v, y, base);
	switch (r->kind) {
	case OR_HEAD: draw_head(v, y, base); break;
	case OR_OVERALL:
		put_cut(v, y, 0, p->w[C_NAME], ui_pgettext("overview", "Overall progress"), base | display_attr(DC_LABEL));
		draw_numbers(v, y, &p->o.overall, &p->o.all, (long)p->o.nchanged_acts, base);
		break;
	case OR_AREA: draw_area(v, y, r->index, base); break;
	case OR_INDICATORS: draw_indicators(v, y, base); break;
	case OR_LATE_HEAD: draw_late_head(v, y, base); break;
	case OR_LATE: draw_late(v, y, r->index, base); break;
	case OR_CHANGED: draw_changed(v, y, r->index, base); break;
	default: draw_text_row(v, y, r, base); break;
	}
}

static int selectable(struct view *v, long row);
static void load(struct view *v);

static void
relayout(struct view *v)
{
	struct opane *p = v->priv;

	p->n = 0;
	v->nrows = 0;
	if (!p->have)
		return;
	/* Taller than when it was read: more of the overdue and changed may have a line. */
	if ((size_t)v->height > p->o.listed) {
		load(v);
		return;
	}
	columns(v);
	make_rows(v);
	/* Open on the first line that can be selected (a focus area), not on the facts above. */
	if (v->sel >= 0 && (size_t)v->sel < p->n && !selectable(v, v->sel))
		for (size_t i = 0; i < p->n; i++)
			if (selectable(v, (long)i)) {
				v->sel = (long)i;
				break;
			}
}

static void
done(struct view *v)
{
	struct opane *p = v->priv;

	if (p->have)
		overview_release(&p->o);
	p->have = 0;
	free(p->rows);
	for (int i = 0; i < 3; i++) {
		free(p->info[i]);
		p->info[i] = NULL;
	}
	p->ninfo = 0;
	p->rows = NULL;
	p->n = 0;
}

static void
load(struct view *v)
{
	struct opane *p = v->priv;
	char today[11];

	done(v);
	p->utf8 = overview_terminal_utf8();
	today_iso(today);
	/* As many overdue and changed activities as the pane has lines (and the first 64 for the width of their numbers). */
	if (overview_prepare(v->dash->db, v->dash->plan.s.id, today, (size_t)max_int(v->height, 64), &p->o) < 0)
		display_message(1, "%s", err_get());
	else
		p->have = 1;
	relayout(v);
}

/* The activity on an overdue or changed row, else NULL. */
static const struct activity *
row_activity(const struct opane *p, const struct orow *r)
{
	if (r && r->kind == OR_LATE)
		return p->o.late[r->index].a;
	if (r && r->kind == OR_CHANGED)
		return p->o.changed_acts[r->index];
	return NULL;
}

static int
selectable(struct view *v, long row)
{
	struct opane *p = v->priv;
	enum orow_kind k = (size_t)row < p->n ? p->rows[row].kind : OR_BLANK;

	return k == OR_OVERALL || k == OR_AREA || k == OR_LATE || k == OR_CHANGED;
}

static const char *
text(struct view *v, long row)
{
	struct opane *p = v->priv;
	const struct orow *r = (size_t)row < p->n ? &p->rows[row] : NULL;

	if (!r)
		return "";
	switch (r->kind) {
	case OR_AREA: return p->o.areas[r->index].focus ? p->o.areas[r->index].focus->name : "";
	case OR_LATE: case OR_CHANGED: return row_activity(p, r) ? row_activity(p, r)->title : "";
	case OR_INFO: return p->info[r->index];
	default: return "";
	}
}

/* A focus area's line is that focus area of the dashboard's plan (so edit mode's a adds to it); an overdue line its activity. */
static void
select_item(struct view *v, struct selection *s)
{
	struct opane *p = v->priv;
	const struct plan *pl = &v->dash->plan;
	const struct orow *r = v->sel >= 0 && (size_t)v->sel < p->n ? &p->rows[v->sel] : NULL;

	if (r && r->kind == OR_AREA && p->o.areas[r->index].focus && r->index < pl->nfocus) {
		s->kind = ITEM_FOCUS;
		s->focus = &pl->focus[r->index];
		s->id = s->focus->id;
	} else if (row_activity(p, r)) {
		s->kind = ITEM_ACTIVITY;
		s->activity = row_activity(p, r);
		s->id = s->activity->id;
	}
}

static void
remember(struct view *v, struct view_anchor *an)
{
	struct selection s;

	memset(&s, 0, sizeof s);
	select_item(v, &s);
	an->set = s.kind != ITEM_NONE;
	an->kind = s.kind;
	an->key = s.id;
}

static int
recall(struct view *v, const struct view_anchor *an)
{
	struct opane *p = v->priv;

	for (size_t i = 0; i < p->n; i++) {
		const struct orow *r = &p->rows[i];

		if ((an->kind == ITEM_FOCUS && r->kind == OR_AREA && p->o.areas[r->index].focus &&
		     p->o.areas[r->index].focus->id == an->key) ||
		    (an->kind == ITEM_ACTIVITY && row_activity(p, r) && row_activity(p, r)->id == an->key)) {
			view_set_selection(v, (long)i);
			return 0;
		}
	}
	/* An activity no longer overdue is not lost: the overview lists only some. */
	return an->kind == ITEM_FOCUS ? 1 : -1;
}

/*
 * Enter on a focus area opens pane 2 on it; on an overdue activity, pane
 * 4 on it (in edit mode Enter edits it, as everywhere); on the overall
 * line, the report.
 */
static int
request(struct view *v, enum action a)
{
	struct opane *p = v->priv;
	const struct orow *r = v->sel >= 0 && (size_t)v->sel < p->n ? &p->rows[v->sel] : NULL;
	struct view_anchor an = { 1, ITEM_FOCUS, 0 };

	if (a != ACT_OPEN || !r)
		return 0;
	switch (r->kind) {
	case OR_AREA:
		/* Pane 2's rows are of its focus areas by index, the group without one after them. */
		an.key = p->o.areas[r->index].focus ? (int64_t)r->index : (int64_t)v->dash->plan.nfocus;
		dash_go_to(v->dash, PANE_FOCUS, &an, 0);
		return 1;
	case OR_LATE:
	case OR_CHANGED:
		if (v->dash->edit || !row_activity(p, r))
			return 0;
		an.kind = ITEM_ACTIVITY;
		an.key = row_activity(p, r)->id;
		dash_go_to(v->dash, PANE_ACTIVITIES, &an, 0);
		return 1;
	case OR_OVERALL:
		v->dash->current = PANE_REPORT;
		dash_redraw(v->dash);
		return 1;
	default:
		return 0;
	}
}

const struct view_ops pane_overview_ops = {
	.title = N_("Overview"),
	.private_size = sizeof(struct opane),
	.hints = N_("? help | q quit | Enter open | 0-5 panes | / search | S strategy"),
	.load = load,
	.relayout = relayout,
	.done = done,
	.selectable = selectable,
	.draw = draw,
	.text = text,
	.select = select_item,
	.remember = remember,
	.recall = recall,
	.request = request,
};
