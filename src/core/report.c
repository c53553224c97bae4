/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c: the summary of a strategy as text, Markdown or CSV, shared by `styrkort report` and the report pane. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "configuration.h"
#include "organisation.h"
#include "overview.h"
#include "progress.h"
#include "report.h"
#include "review.h"
#include "since.h"
#include "text.h"
#include "util.h"

#define BAR_CELLS 10
#define STACK_CELLS 20

void
report_format_date(char *out, size_t n, const char *iso, const char *fmt)
{
	format_date(out, n, iso, fmt);
}

/*
 * The "changes since" part of the options: since is "last-review", a date,
 * or NULL (none).  With kept, the rows are kept there (since_load_again),
 * not in the report.
 */
static int
load_changes(struct db *db, const char *strategy_id, const char *since, struct report *r,
             struct since_set *kept)
{
	struct report_opts *o = &r->opts;
	struct since_set own = { 0 }, *set = kept ? kept : &own;

	if (!since)
		return 0;
	if ((kept ? since_load_again(db, strategy_id, since, set) : since_load(db, strategy_id, since, set)) < 0)
		return -1;
	memcpy(r->since, set->date, sizeof r->since);
	o->since_is_review = set->is_review;
	o->nchanges = set->nchanges;
	o->since = r->since;
	o->changes = set->changes;
	if (!kept) {
		r->changes = own.changes;
		own.changes = NULL;
		own.nchanges = 0;
		since_release(&own);
	}
	return 0;
}

int
report_prepare(struct db *db, const char *strategy_id, const char *since, int width,
               const char *date_format, struct report *r)
{
	return report_prepare_again(db, strategy_id, since, width, date_format, NULL, r);
}

int
report_prepare_again(struct db *db, const char *strategy_id, const char *since, int width,
                     const char *date_format, struct since_set *kept, struct report *r)
{
	memset(r, 0, sizeof *r);
	r->opts.width = width;
	r->opts.date_format = date_format;
	if (model_load_plan(db, strategy_id, &r->plan) < 0)
		return -1;
	if (load_changes(db, strategy_id, since, r, kept) < 0) {
		model_free_plan(&r->plan);
		return -1;
	}
	return 0;
}

void
report_release(struct report *r)
{
	if (r->changes)
		changelog_free(r->changes, r->opts.nchanges);
	model_free_plan(&r->plan);
	memset(r, 0, sizeof *r);
}

/* "8.5 % (2013)" or "-": a value of ind, with its decimals. */
static void
value_text(char *out, size_t n, const struct indicator *ind, int has, double v, const char *period)
{
	const char *unit = ind->unit;
	char num[64];

	if (!has) {
		snprintf(out, n, "-");
		return;
	}
	indicator_format_value(num, sizeof num, ind, v);
	snprintf(out, n, "%s%s%s%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "",
	         period && *period ? " (" : "", period ? period : "", period && *period ? ")" : "");
}

/* The latest value of one sex as text (marked if example data), and whether there is one. */
static int
latest_text(char *out, size_t n, const struct indicator *ind, enum sex sex, double *v)
{
	const struct measurement *m = indicator_latest(ind, sex);

	value_text(out, n, ind, m != NULL, m ? m->value : 0, m ? m->period : NULL);
	if (m && m->example)    /* made up for demonstration: said wherever it shows */
		snprintf(out + strlen(out), n - strlen(out), "%s", model_example_mark(1));
	if (m && v)
		*v = m->value;
	return m != NULL;
}

/* "Baseline 8.5 % (2013) -> latest 9 % (2016) -> target 10 % (2017)" */
static char *
indicator_values_line(const struct indicator *ind)
{
	char base[96], last[96], target[96];

	value_text(base, sizeof base, ind, ind->has_baseline, ind->baseline, ind->baseline_period);
	latest_text(last, sizeof last, ind, SEX_T, NULL);
	value_text(target, sizeof target, ind, ind->has_target, ind->target, ind->target_period);
	return xasprintf(_("Baseline %s -> latest %s -> target %s"), base, last, target);
}

/*
 * "Latest by sex: women 7.9 % (2023), men 9.1 % (2023); gap women-men
 * -1.2 percentage points (2023)", or NULL.  The gap compares the same
 * period for both, and has the precision the values were given in.
 */
static char *
indicator_sex_line(const struct indicator *ind)
{
	char k[96], m[96], gap[64];
	const char *period;
	int hk, hm;

	if (!ind->by_sex)
		return NULL;
	hk = latest_text(k, sizeof k, ind, SEX_K, NULL);
	hm = latest_text(m, sizeof m, ind, SEX_M, NULL);
	if (!hk || !hm)
		return xasprintf(_("Latest by sex: women %s, men %s"), k, m);
	if (!(period = indicator_gap(ind, gap, sizeof gap, NULL, NULL)))
		return xasprintf(_("Latest by sex: women %s, men %s; no common period for women and men"), k, m);
	if (ind->unit && strcmp(ind->unit, "%") == 0)
		return xasprintf(_("Latest by sex: women %s, men %s; gap women-men %s percentage points (%s)"),
		                 k, m, gap, period);
	if (ind->unit && *ind->unit)
		return xasprintf(_("Latest by sex: women %s, men %s; gap women-men %s %s (%s)"), k, m, gap,
		                 ind->unit, period);
	return xasprintf(_("Latest by sex: women %s, men %s; gap women-men %s (%s)"), k, m, gap, period);
}

/* Shares of cells for status counts, by largest remainder so they add up. */
static void
stacked_cells(const int counts[ST_COUNT], int cells, int out[ST_COUNT])
{
	int total = 0, used = 0;
	double rem[ST_COUNT];

	for (int i = 0; i < ST_COUNT; i++)
		total += counts[i];
	for (int i = 0; i < ST_COUNT; i++) {
		double exact = total ? (double)counts[i] * cells / total : 0;

		out[i] = (int)floor(exact);
		rem[i] = exact - out[i];
		used += out[i];
	}
	while (total && used < cells) {
		int best = 0;

		for (int i = 1; i < ST_COUNT; i++)
			if (rem[i] > rem[best])
				best = i;
		out[best]++;
		rem[best] = -1;
		used++;
	}
}

/* "[++++>>>>!!------xx]" from status symbols. */
static void
stacked_bar(char *out, size_t n, const int counts[ST_COUNT])
{
	int cells[ST_COUNT];
	struct buf b;
	int total = 0;

	for (int i = 0; i < ST_COUNT; i++)
		total += counts[i];
	buf_init(&b);
	buf_putc(&b, '[');
	stacked_cells(counts, STACK_CELLS, cells);
	/* Done first, then in progress, delayed, not started, cancelled. */
	{
		static const enum status order[] = { ST_DONE, ST_IN_PROGRESS, ST_DELAYED, ST_NOT_STARTED, ST_CANCELLED };

		for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
			for (int c = 0; c < cells[order[k]]; c++)
				buf_puts(&b, status_symbol(order[k]));
	}
	if (!total)
		for (int c = 0; c < STACK_CELLS; c++)
			buf_putc(&b, ' ');
	buf_putc(&b, ']');
	snprintf(out, n, "%s", b.s);
	buf_free(&b);
}

static char *
status_counts_text(const int counts[ST_COUNT])
{
	struct buf b;
	int total = 0, first = 1;

	for (int i = 0; i < ST_COUNT; i++)
		total += counts[i];
	buf_init(&b);
	buf_printf(&b, ui_ngettext("%d activity", "%d activities", total), total);
	for (int i = 0; i < ST_COUNT; i++) {
		if (!counts[i])
			continue;
		buf_printf(&b, "%s%s %d", first ? ": " : ", ", status_label(i), counts[i]);
		first = 0;
	}
	return buf_steal(&b);
}

/* "28 commitments: Fulfilled 6, Partly fulfilled 3, Not fulfilled 2, Not assessed 17"; NULL if none. */
static char *
assessment_counts_text(const struct plan *p, int64_t focus_id)
{
	long counts[AS_COUNT], n = plan_count_assessment(p, focus_id, counts);
	struct buf b;

	if (!n)
		return NULL;
	buf_init(&b);
	buf_printf(&b, ui_ngettext("%ld commitment", "%ld commitments", (unsigned long)n), n);
	for (int i = 0; i < AS_COUNT; i++)
		buf_printf(&b, "%s%s %ld", i ? ", " : ": ", assessment_label(assessment_order[i]),
		           counts[assessment_order[i]]);
	return buf_steal(&b);
}

/* A focus area's activities by status and its commitments by assessment, for the summary row. */
static char *
focus_counts_text(const struct plan *p, int64_t focus_id)
{
	int counts[ST_COUNT], any = 0;
	char *acts, *commitments = assessment_counts_text(p, focus_id), *both;

	plan_count_status(p, focus_id, counts);
	for (int i = 0; i < ST_COUNT; i++)
		any |= counts[i];
	acts = status_counts_text(counts);
	if (!commitments)
		return acts;
	if (!any) {
		free(acts);
		return commitments;
	}
	both = xasprintf("%s; %s", acts, commitments);
	free(acts);
	free(commitments);
	return both;
}

/* "#3 Title: + Fulfilled (2024-05-01). Comment" */
static char *
commitment_line(const struct activity *a, const struct report_opts *o)
{
	char date[32];
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "#%lld %s: %s %s", (long long)a->number, a->title, assessment_symbol(a->assessment),
	           assessment_label(a->assessment));
	if (a->assessed && *a->assessed) {
		format_date(date, sizeof date, a->assessed, o->date_format);
		buf_printf(&b, " (%s)", date);
	}
	if (a->comment && *a->comment)
		buf_printf(&b, ". %s", a->comment);
	return buf_steal(&b);
}

static char *
changes_title(const struct report_opts *o)
{
	char date[32];

	if (!*o->since)
		return xstrdup(_("CHANGES (NO REVIEW RECORDED YET)"));
	format_date(date, sizeof date, o->since, o->date_format);
	return o->since_is_review ? xasprintf(_("CHANGES SINCE THE LAST REVIEW (%s)"), date)
	                          : xasprintf(_("CHANGES SINCE %s"), date);
}

/* ---- Plain text ---- */

/* A line of text after indent spaces (what fprintf's "%*s%s\n" writes, without its parsing: most of the report). */
static void
indented(FILE *out, int indent, const char *line)
{
	static const char spaces[] = "                                ";

	for (; indent > 0; indent -= (int)sizeof spaces - 1)
		fwrite(spaces, 1, indent < (int)sizeof spaces - 1 ? (size_t)indent : sizeof spaces - 1, out);
	fputs(line, out);
	fputc('\n', out);
}

/* Print text wrapped to the width: the first line indented by first, the rest by rest. */
static void
wrapped2(FILE *out, const struct report_opts *o, int first, int rest, const char *text)
{
	char **lines;
	int cols = o->width - rest;

	if (cols < 10)
		cols = 10;
	/* Wrap for the narrower of the two indents, so no line is too long. */
	if (o->width - first < cols)
		cols = o->width - first;
	text_wrap(text, cols, &lines);
	for (char **l = lines; *l; l++)
		indented(out, **l ? (l == lines ? first : rest) : 0, *l);
	text_lines_free(lines);
}

static void
wrapped(FILE *out, const struct report_opts *o, int indent, const char *text)
{
	wrapped2(out, o, indent, indent, text);
}

/* "Label: text", continuation lines under the text; nothing if text is empty. */
static void
labelled(FILE *out, const struct report_opts *o, int indent, const char *label, const char *text)
{
	char *line;

	if (!text || !*text)
		return;
	line = xasprintf("%s: %s", label, text);
	wrapped2(out, o, indent, indent + 2, line);
	free(line);
}

static void
rule(FILE *out, const struct report_opts *o, char c)
{
	for (int i = 0; i < o->width; i++)
		fputc(c, out);
	fputc('\n', out);
}

static void
heading(FILE *out, const struct report_opts *o, const char *title)
{
	fputc('\n', out);
	wrapped(out, o, 0, title);
	rule(out, o, '-');
}

/*
 * The bar, the percent and the light: "[######----]  60 %  ● on track", the
 * light padded to the widest label so that bars line up in a column.
 */
static char *
bar_text(const struct progress *pr, int widest)
{
	static const struct progress hundred = { 1, 100, LIGHT_NONE, 0, 0, TREND_NONE };
	char bar[64], full[64];
	int pad;
	const char *light = pr->light != LIGHT_NONE ? light_text(pr->light) : "";

	progress_bar(bar, sizeof bar, pr, BAR_CELLS);
	progress_bar(full, sizeof full, &hundred, BAR_CELLS);
	/* "no data" is wider than "100 %": it takes the light's room, so the bars stay in one column. */
	pad = widest - text_width(light) - (text_width(bar) - text_width(full));
	return xasprintf("%s  %s%*s", bar, light, pad > 0 ? pad : 0, "");
}

/*
 * A name with its bar at the right margin; the name wraps in the space
 * left of the bar.  On narrow widths the bar goes on a line of its own.
 * widest: light_text_width().
 */
static void
bar_line(FILE *out, const struct report_opts *o, int indent, const char *name, const struct progress *pr, int widest)
{
	char *bar = bar_text(pr, widest), *clean = text_sanitize(name, 0);
	int barw = text_width(bar), cols = o->width - indent - barw - 2;
	char **lines;

	if (cols < 30) {
		char *b = xstrdup(bar);
		size_t len = strlen(b);

		while (len > 0 && b[len - 1] == ' ')
			b[--len] = '\0';
		wrapped(out, o, indent, clean);
		indented(out, indent + 2, b);
		free(b);
	} else {
		text_wrap(clean, cols, &lines);
		for (char **l = lines; *l; l++) {
			if (l == lines) {
				char *line = xasprintf("%*s%s%*s%s", indent, "", *l, cols - text_width(*l) + 2, "", bar);
				size_t len = strlen(line);

				/* The padding after a short light label is not worth printing. */
				while (len > 0 && line[len - 1] == ' ')
					line[--len] = '\0';
				fprintf(out, "%s\n", line);
				free(line);
			}
			else
				indented(out, indent + 2, *l);
		}
		text_lines_free(lines);
	}
	free(clean);
	free(bar);
}

/* "#12 Title: due 2017-06-30, In progress, 40 %" */
static char *
overdue_line(const struct activity *a, const struct report_opts *o)
{
	char due[32];

	format_date(due, sizeof due, a->due, o->date_format);
	return xasprintf(_("#%lld %s: due %s, %s, %d %%"), (long long)a->number, a->title, due,
	                 status_label(a->status), a->progress);
}

static size_t
count_overdue(const struct plan *p)
{
	size_t n = 0;

	for (size_t i = 0; i < p->nacts; i++)
		n += activity_overdue(&p->acts[i]);
	return n;
}

/* ---- The writers ---- */

/* The strategy's title block, as each writer lays it out. */
struct report_title {
	const struct strategy *s;
	/* in the configured format; "" if none */
	const char *adopted_on, *valid_from, *valid_to, *document_date, *revised_on;
};

#define NBSP "\xc2\xa0"

/* Joins a part to a line being built: ", " between parts. */
static void
title_part(struct buf *b, char *part)
{
	buf_printf(b, "%s%s", b->len ? ", " : "", part);
	free(part);
}

static int
has(const char *v)
{
	return v && *v;
}

/*
 * The lines under the title, for every writer (new strings, *n of them):
 * the municipality's code and county; the decision record (document,
 * deciding body and date, §, Dnr, the old reference as written, the
 * document's date, the revision); the validity; replaced and related
 * documents.  Only what the strategy gives.
 */
static void
title_lines(const struct report_title *t, char *line[6], size_t *n)
{
	const struct strategy *s = t->s;
	struct buf b;

	*n = 0;
	buf_init(&b);
	if (has(s->municipality_code))
		title_part(&b, xasprintf(_("Municipality code %s"), s->municipality_code));
	if (has(s->county))
		title_part(&b, xstrdup(s->county));
	if (b.len)
		line[(*n)++] = xstrdup(b.s);
	buf_free(&b);
	buf_init(&b);
	if (has(s->doc_type))
		title_part(&b, xstrdup(s->doc_type));
	if (has(s->adopted_by))
		title_part(&b, xasprintf("%s %s%s%s", _("adopted by"), s->adopted_by,
		                         *t->adopted_on ? " " : "", t->adopted_on));
	else if (*t->adopted_on)
		title_part(&b, xasprintf(_("adopted %s"), t->adopted_on));
	/* A no-break space keeps the sign with its number when the line is wrapped. */
	if (has(s->paragraph))
		title_part(&b, xasprintf("§" NBSP "%s", s->paragraph));
	if (has(s->dnr))
		title_part(&b, xasprintf("%s" NBSP "%s", _("Dnr"), s->dnr));
	if (has(s->reference))
		title_part(&b, xasprintf("%s %s", _("reference"), s->reference));
	if (*t->document_date)
		title_part(&b, xasprintf(_("dated %s"), t->document_date));
	if (*t->revised_on)
		title_part(&b, xasprintf(_("revised %s"), t->revised_on));
	if (b.len)
		line[(*n)++] = xstrdup(b.s);
	buf_free(&b);
	if (has(s->until_further_notice))
		line[(*n)++] = *t->valid_from ? xasprintf(_("Valid from %s until further notice"), t->valid_from)
		                              : xstrdup(_("Valid until further notice"));
	else if (*t->valid_from && !*t->valid_to)
		line[(*n)++] = xasprintf(_("Valid from %s"), t->valid_from);
	else if (*t->valid_from || *t->valid_to)
		line[(*n)++] = xasprintf(_("Valid %s to %s"), *t->valid_from ? t->valid_from : "...",
		                         *t->valid_to ? t->valid_to : "...");
	if (has(s->replaces))
		line[(*n)++] = xasprintf(_("Replaces: %s"), s->replaces);
	if (has(s->related))
		line[(*n)++] = xasprintf(_("Related documents: %s"), s->related);
}

/* The overall progress, the activities without a focus area under it, a focus area, a goal, an indicator. */
enum bar_kind { BAR_OVERALL, BAR_GROUP, BAR_FOCUS, BAR_GOAL, BAR_INDICATOR };

/* A name with its progress bar. */
struct report_bar {
	enum bar_kind kind;
	int depth;              /* goals and their indicators: how deep the goal is */
	int first;              /* the first of its section */
	const char *label;      /* the name as text shows it ("Goal (Work): ...") */
	const char *name;       /* the name alone */
	const struct progress *pr;
	const char *source;     /* indicators: where the values come from, or NULL */
	const char *lines[3];   /* indicators: the values, by sex, the comparison areas' (NULL: none) */
	const struct indicator *ind;            /* indicators: the indicator */
	const struct series_set *series;        /* indicators: its values over the periods */
};

/* The records a data format writes: an activity, or a stored value of an indicator. */
enum { ROW_ACTIVITY = 1, ROW_VALUE };

/* One row of a table. */
/* The most cells a row holds: the CSV's columns (model_csv_columns) with room to grow. */
#define REPORT_ROW_CELLS 32

struct report_row {
	int head;               /* the column names; align has 'l' or 'r' for each */
	int total;              /* the sum under the rows */
	int summary;            /* repeats what the items after it show in full: text leaves it out */
	int data;               /* a record, for data formats (CSV) only: ROW_ACTIVITY or ROW_VALUE */
	const char *symbol;     /* drawn before the first cell in text */
	const char *align;
	const char *cells[REPORT_ROW_CELLS];  /* NULL: the bar of pr */
	int n;
	const struct progress *pr;
};

/* A writer at work: the table of its operations, where it writes, and the options. */
struct rw {
	const struct report_writer *ops;
	FILE *out;
	const struct report_opts *o;
	int open;               /* Markdown: a list or table is open (a blank line ends it) */
	struct buf line;        /* CSV: the row being written, kept from row to row */
	int light_width;        /* text: light_text_width(), once (0: not yet) */
};

/*
 * The writer table: one row per output format.  The walk over the sections
 * (report_write) calls these; an operation left NULL is something the
 * format does not show.
 */
struct report_writer {
	const char *name;               /* --format NAME */
	const char *what;               /* --what: NULL for activities (the report), or "measurements" */
	int data;                       /* the records (report_row.data) it writes: ROW_ACTIVITY, ROW_VALUE */
	const char *between;            /* between the reports of two strategies */
	void (*file_start)(FILE *out, char sep);        /* once, before the first report */
	void (*title)(struct rw *w, const struct report_title *t);
	void (*heading)(struct rw *w, const char *caps, const char *title);
	/* A paragraph; text puts the label (if any) before it, documents leave that to the heading. */
	void (*paragraph)(struct rw *w, int indent, const char *label, const char *text);
	void (*field)(struct rw *w, int indent, const char *label, const char *text);
	void (*bar)(struct rw *w, const struct report_bar *b);
	void (*status_counts)(struct rw *w, const int counts[ST_COUNT]);
	void (*list)(struct rw *w, const char *text);
	void (*row)(struct rw *w, const struct report_row *r);
	void (*end)(struct rw *w);
};

/* ---- Plain text ---- */

static void
text_title(struct rw *w, const struct report_title *t)
{
	const struct strategy *s = t->s;
	char *line[6];
	size_t n;

	rule(w->out, w->o, '=');
	wrapped(w->out, w->o, 0, s->municipality);
	wrapped(w->out, w->o, 0, s->title);
	title_lines(t, line, &n);
	for (size_t i = 0; i < n; i++) {
		wrapped(w->out, w->o, 0, line[i]);
		free(line[i]);
	}
	rule(w->out, w->o, '=');
}

static void
text_heading(struct rw *w, const char *caps, const char *title)
{
	(void)title;
	heading(w->out, w->o, caps);
}

static void
text_paragraph(struct rw *w, int indent, const char *label, const char *text)
{
	if (label)
		labelled(w->out, w->o, indent, label, text);
	else
		wrapped(w->out, w->o, indent, text);
}

static void
text_field(struct rw *w, int indent, const char *label, const char *text)
{
	labelled(w->out, w->o, indent, label, text);
}

/*
 * An indicator's series, one line each, ASCII-safe: "Values: 2019 46.9 -
 * 2020 45.5 - 2022 49.4 ^"; women and men are in the line by sex with
 * their gap, so the total and the comparison series (by their names).
 */
static void
text_series(struct rw *w, int indent, const struct report_bar *b)
{
	for (size_t k = 0; b->series && k < b->series->n; k++) {
		const struct chart_series *s = &b->series->s[k];
		char *text;

		if (s->mark == 'K' || s->mark == 'M' || !(text = series_text(b->ind, b->series, s, 1)))
			continue;
		labelled(w->out, w->o, indent, s->mark == 'T' ? _("Values") : s->label, text);
		free(text);
	}
}

static void
text_bar(struct rw *w, const struct report_bar *b)
{
	static const int base[] = { [BAR_OVERALL] = 0, [BAR_GROUP] = 2, [BAR_FOCUS] = 2, [BAR_GOAL] = 2, [BAR_INDICATOR] = 4 };
	int indent = base[b->kind] + 2 * b->depth;

	if (!b->first && (b->kind == BAR_FOCUS || b->kind == BAR_GOAL))
		fputc('\n', w->out);
	if (!w->light_width)
		w->light_width = light_text_width();
	bar_line(w->out, w->o, indent, b->label, b->pr, w->light_width);
	if (b->source)
		labelled(w->out, w->o, indent + 2, _("Source"), b->source);
	for (int i = 0; i < 3; i++)
		if (b->lines[i])
			wrapped2(w->out, w->o, indent + 2, indent + 4, b->lines[i]);
	text_series(w, indent + 2, b);
}

/* The stacked bar and the counts by status under a focus area. */
static void
text_status_counts(struct rw *w, const int counts[ST_COUNT])
{
	char stack[128], *text = status_counts_text(counts);

	stacked_bar(stack, sizeof stack, counts);
	indented(w->out, 5, stack);
	wrapped2(w->out, w->o, 5, 7, text);
	free(text);
}

static void
text_list(struct rw *w, const char *text)
{
	wrapped2(w->out, w->o, 2, 4, text);
}

/* A table as aligned lines: the first cell padded, the last on the right; no column names. */
static void
text_row(struct rw *w, const struct report_row *r)
{
	int pad;

	if (r->head || r->summary || r->data)
		return;
	if (r->symbol) {
		pad = 20 - text_width(r->cells[0]);
		fprintf(w->out, "  %s %s%*s %5s\n", r->symbol, r->cells[0], pad > 0 ? pad : 0, "", r->cells[1]);
	} else {
		pad = 22 - text_width(r->cells[0]);
		fprintf(w->out, "  %s%*s %5s\n", r->cells[0], pad > 0 ? pad : 0, "", r->cells[1]);
	}
}

/* ---- Markdown ---- */

/* Text as Markdown: sanitised, on one line, with Markdown's own characters escaped. */
static void
md(FILE *out, const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);

	for (const char *c = clean; *c; c++) {
		if (strchr("\\`*_[]<>|#", *c))
			fputc('\\', out);
		fputc(*c, out);
	}
	free(clean);
}

/* A paragraph text, its own line breaks kept as paragraphs. */
static void
md_paragraphs(FILE *out, const char *s)
{
	char *clean = text_sanitize(s ? s : "", 1), *save = NULL;

	for (char *para = strtok_r(clean, "\n", &save); para; para = strtok_r(NULL, "\n", &save)) {
		md(out, para);
		fputs("\n\n", out);
	}
	free(clean);
}

static void
md_bar(FILE *out, const struct progress *pr)
{
	char bar[64];

	progress_bar(bar, sizeof bar, pr, BAR_CELLS);
	fprintf(out, "`%s`", bar);
	if (pr->light != LIGHT_NONE)
		fprintf(out, " %s", light_text(pr->light));
}

/* A list or a table ends with a blank line before whatever comes next. */
static void
md_close(struct rw *w)
{
	if (w->open)
		fputc('\n', w->out);
	w->open = 0;
}

static void
md_title(struct rw *w, const struct report_title *t)
{
	const struct strategy *s = t->s;
	FILE *out = w->out;
	char *line[6];
	size_t n;

	fputs("# ", out);
	md(out, s->municipality);
	fputs(": ", out);
	md(out, s->title);
	fputs("\n\n", out);
	title_lines(t, line, &n);
	for (size_t i = 0; i < n; i++) {
		md(out, line[i]);
		fputs(i + 1 < n ? "  \n" : "\n\n", out);
		free(line[i]);
	}
}

static void
md_heading(struct rw *w, const char *caps, const char *title)
{
	(void)caps;
	md_close(w);
	fprintf(w->out, "## %s\n\n", title);
}

static void
md_paragraph(struct rw *w, int indent, const char *label, const char *text)
{
	(void)indent;
	(void)label;
	md_close(w);
	md_paragraphs(w->out, text);
}

static void
md_field(struct rw *w, int indent, const char *label, const char *text)
{
	(void)indent;
	md_close(w);
	fprintf(w->out, "*%s:* ", label);
	md(w->out, text);
	fputs("\n\n", w->out);
}

/* The overall progress in bold, a focus area as a sub-heading, goals and indicators as a nested list. */
/*
 * An indicator's values as a table inside its list item (indented to its
 * text, between blank lines): a row per period, a column per series.
 */
static void
md_series_table(struct rw *w, int indent, const struct indicator *ind, const struct series_set *set)
{
	char v[96];

	if (!set || !set->nperiods)
		return;
	fprintf(w->out, "\n%*s| %s ", indent, "", _("Year"));
	for (size_t k = 0; k < set->n; k++) {
		fputs("| ", w->out);
		md(w->out, set->s[k].label);
		fputc(' ', w->out);
	}
	fprintf(w->out, "|\n%*s|---", indent, "");
	for (size_t k = 0; k < set->n; k++)
		fputs("|---:", w->out);
	fputs("|\n", w->out);
	for (size_t i = 0; i < set->nperiods; i++) {
		fprintf(w->out, "%*s| ", indent, "");
		md(w->out, set->periods[i]);
		for (size_t k = 0; k < set->n; k++) {
			if (isnan(set->s[k].v[i]))
				snprintf(v, sizeof v, "-");
			else
				indicator_format_value(v, sizeof v, ind, set->s[k].v[i]);
			fprintf(w->out, " | %s", v);
		}
		fputs(" |\n", w->out);
	}
	fputc('\n', w->out);
}

static void
md_bar_item(struct rw *w, const struct report_bar *b)
{
	FILE *out = w->out;

	switch (b->kind) {
	case BAR_OVERALL:
		md_close(w);
		fprintf(out, "**%s:** ", b->label);
		md_bar(out, b->pr);
		fputs("\n\n", out);
		break;
	case BAR_GROUP:
		md_close(w);
		fputc('*', out);
		md(out, b->label);
		fputs(":* ", out);
		md_bar(out, b->pr);
		fputs("\n\n", out);
		break;
	case BAR_FOCUS:
		md_close(w);
		fputs("### ", out);
		md(out, b->label);
		fputs("\n\n", out);
		break;
	case BAR_GOAL:
	case BAR_INDICATOR: {
		int indent = 2 * b->depth + (b->kind == BAR_INDICATOR ? 2 : 0);

		fprintf(out, "%*s- %s", indent, "", b->kind == BAR_GOAL ? "**" : "");
		md(out, b->name);
		fputs(b->kind == BAR_GOAL ? "** " : " ", out);
		md_bar(out, b->pr);
		for (int i = 0; i < 3; i++) {
			if (!b->lines[i])
				continue;
			fprintf(out, "  \n%*s", indent + 2, "");
			md(out, b->lines[i]);
		}
		fputc('\n', out);
		w->open = 1;
		md_series_table(w, 2 * b->depth + 4, b->ind, b->series);
		break;
	}
	}
}

static void
md_list(struct rw *w, const char *text)
{
	/* A list after a table is a block of its own. */
	if (w->open == 2)
		md_close(w);
	fputs("- ", w->out);
	md(w->out, text);
	fputc('\n', w->out);
	w->open = 1;
}

static void
md_row(struct rw *w, const struct report_row *r)
{
	if (r->total || r->data)
		return;
	if (r->head) {
		md_close(w);
		for (int i = 0; i < r->n; i++)
			fprintf(w->out, "| %s ", r->cells[i]);
		fputs("|\n", w->out);
		for (int i = 0; i < r->n; i++)
			fputs(r->align[i] == 'r' ? "|---:" : "|---", w->out);
		fputs("|\n", w->out);
	} else {
		for (int i = 0; i < r->n; i++) {
			fputs("| ", w->out);
			if (r->cells[i])
				md(w->out, r->cells[i]);
			else
				md_bar(w->out, r->pr);
			fputc(' ', w->out);
		}
		fputs("|\n", w->out);
	}
	w->open = 2;
}

static void
md_end(struct rw *w)
{
	md_close(w);
}

/* ---- CSV (RFC 4180) ---- */

/* The cell from at to the end of b again, made text if it starts a formula and quoted (rare: most cells are neither). */
static void
csv_quote(struct buf *b, size_t at, const char *special)
{
	char *clean = xstrdup(b->s + at);

	b->len = at;
	b->s[at] = '\0';
	/* A leading = + - @ would be a formula to a spreadsheet: make it text. */
	if (strchr("=+-@", clean[0]))
		buf_putc(b, '\'');
	if (!strpbrk(clean, special)) {
		buf_puts(b, clean);
	} else {
		buf_putc(b, '"');
		for (const char *q = clean; *q; q++) {
			if (*q == '"')
				buf_putc(b, '"');
			buf_putc(b, *q);
		}
		buf_putc(b, '"');
	}
	free(clean);
}

/* A cell onto the row b: sanitised (text_sanitize_buf, no copy of its own), a formula made text, quoted if it must be. */
static void
csv_field(struct buf *b, const char *s, int first, char sep)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	size_t at;

	if (!first)
		buf_putc(b, sep);
	at = b->len;
	text_sanitize_buf(b, s ? s : "", 1);
	if (b->len > at && (strchr("=+-@", b->s[at]) || strpbrk(b->s + at, special)))
		csv_quote(b, at, special);
}

/* A line of cells written at once. */
static void
csv_line(FILE *out, struct buf *b)
{
	buf_add(b, "\r\n", 2);
	fwrite(b->s, 1, b->len, out);
	b->len = 0;
}

/*
 * The column names people read in the header row: the key in English (as
 * styrkort(1) lists them), translated in other languages.  Every column
 * of both CSV outputs is here, so that xgettext finds them.
 */
static const char *const csv_headers[] = {
	NC_("CSV column", "strategy"), NC_("CSV column", "number"), NC_("CSV column", "ref"),
	NC_("CSV column", "focus_area"), NC_("CSV column", "goal"), NC_("CSV column", "title"),
	NC_("CSV column", "responsible"), NC_("CSV column", "contact"), NC_("CSV column", "start"),
	NC_("CSV column", "due"), NC_("CSV column", "status"), NC_("CSV column", "status_label"),
	NC_("CSV column", "progress"), NC_("CSV column", "overdue"), NC_("CSV column", "comment"),
	NC_("CSV column", "changed_by"), NC_("CSV column", "changed_at"), NC_("CSV column", "source"),
	NC_("CSV column", "example"), NC_("CSV column", "indicator"), NC_("CSV column", "name"),
	NC_("CSV column", "unit"), NC_("CSV column", "series"), NC_("CSV column", "period"),
	NC_("CSV column", "sex"), NC_("CSV column", "value"), NC_("CSV column", "kind"),
	NC_("CSV column", "assessment"), NC_("CSV column", "assessed"),
};

static void
csv_header(struct buf *b, const char *key, int first, char sep)
{
	for (size_t i = 0; i < sizeof csv_headers / sizeof csv_headers[0]; i++)
		if (strcmp(csv_headers[i], key) == 0) {
			csv_field(b, ui_pgettext("CSV column", key), first, sep);
			return;
		}
	csv_field(b, key, first, sep);
}

static void
csv_file_start(FILE *out, char sep)
{
	const struct csv_column *cols;
	size_t n = model_csv_columns(&cols);
	struct buf b;

	/* A byte order mark, so that Excel reads the file as UTF-8. */
	fputs("\xef\xbb\xbf", out);
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		csv_header(&b, cols[i].name, i == 0, sep);
	csv_line(out, &b);
	buf_free(&b);
}

/* The columns of --what measurements: a row per stored value. */
static const char *const value_columns[] = {
	"strategy", "indicator", "name", "unit", "series", "period", "sex", "value",
};
#define NVALUE_COLUMNS (sizeof value_columns / sizeof value_columns[0])

static void
csv_values_start(FILE *out, char sep)
{
	struct buf b;

	fputs("\xef\xbb\xbf", out);
	buf_init(&b);
	for (size_t i = 0; i < NVALUE_COLUMNS; i++)
		csv_header(&b, value_columns[i], i == 0, sep);
	csv_line(out, &b);
	buf_free(&b);
}

/* One row per activity (RFC 4180, UTF-8); the header row comes once, from csv_file_start. */
static void
csv_row(struct rw *w, const struct report_row *r)
{
	if (r->data != w->ops->data)
		return;
	for (int i = 0; i < r->n; i++)
		csv_field(&w->line, r->cells[i], i == 0, w->o->csv_separator ? w->o->csv_separator : ',');
	csv_line(w->out, &w->line);
}

/* ---- The formats ---- */

static const struct report_writer writers[] = {
	{ .name = "text", .between = "\n\n", .title = text_title, .heading = text_heading,
	  .paragraph = text_paragraph, .field = text_field, .bar = text_bar,
	  .status_counts = text_status_counts, .list = text_list, .row = text_row },
	{ .name = "markdown", .between = "\n\n", .title = md_title, .heading = md_heading,
	  .paragraph = md_paragraph, .field = md_field, .bar = md_bar_item, .list = md_list,
	  .row = md_row, .end = md_end },
	{ .name = "csv", .between = "", .file_start = csv_file_start, .row = csv_row, .data = ROW_ACTIVITY },
	{ .name = "csv", .what = "measurements", .between = "", .file_start = csv_values_start, .row = csv_row,
	  .data = ROW_VALUE },
};

const struct report_writer *
report_writer_find_what(const char *name, const char *what)
{
	if (what && strcmp(what, "activities") == 0)
		what = NULL;
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (strcmp(writers[i].name, name) == 0 && (what ? writers[i].what && strcmp(writers[i].what, what) == 0
		                                                : !writers[i].what))
			return &writers[i];
	return NULL;
}

int
report_writer_is_data(const struct report_writer *w)
{
	return w->data != 0;
}

const char *
report_writer_name(const struct report_writer *w)
{
	return w->name;
}

const struct report_writer *
report_writer_find(const char *name)
{
	return report_writer_find_what(name, NULL);
}

const struct report_writer *
report_writer_text(void)
{
	return &writers[0];
}

char
report_csv_separator(int mode)
{
	if (mode == CSV_SEP_AUTO)
		return strcmp(decimal_separator(), ",") == 0 ? ';' : ',';
	return mode == CSV_SEP_SEMICOLON ? ';' : ',';
}

void
report_file_start(const struct report_writer *w, FILE *out, char sep)
{
	if (w->file_start)
		w->file_start(out, sep ? sep : ',');
}

const char *
report_between(const struct report_writer *w)
{
	return w->between;
}

const char *
report_writer_names(void)
{
	static char names[128];

	if (!*names)
		for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
			if (!writers[i].what)
				snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? "|" : "",
				         writers[i].name);
	return names;
}

/* ---- The walk over the sections ---- */

#define EMIT(w, op, ...) do { if ((w)->ops->op) (w)->ops->op((w), __VA_ARGS__); } while (0)

/*
 * Under the overall progress: the activities without a focus area, which
 * count in it as one group (the focus pane's last row), and how many of
 * them are linked to no goal either.
 */
static void
walk_unlinked(struct rw *w, const struct plan *p)
{
	struct act_counts c;
	struct progress pr;
	long unlinked = progress_count_unlinked(p);
	const char *label = p->nfocus ? _("Activities without a focus area")
	                              : _("All activities (no focus areas)");
	char *text;

	progress_count_focus(p, 0, &c);
	if (!c.total)
		return;
	pr = progress_focus_id(p, 0);
	EMIT(w, bar, &(struct report_bar){ .kind = BAR_GROUP, .first = 1, .label = label, .name = label, .pr = &pr });
	if (!unlinked)
		return;
	text = xasprintf(ui_ngettext("%ld of %ld activity", "%ld of %ld activities", (unsigned long)p->nacts),
	                 unlinked, (long)p->nacts);
	EMIT(w, field, 4, _("Linked to no focus area or goal"), text);
	free(text);
}

/* The groups that carry the strategy: role, name and composition as written. */
static void
walk_organisation(struct rw *w, const struct plan *p)
{
	if (!p->ngroups)
		return;
	EMIT(w, heading, _("ORGANISATION"), _("Organisation"));
	for (size_t i = 0; i < p->ngroups; i++) {
		char *text = organisation_group_summary(&p->groups[i]);

		EMIT(w, field, 2, organisation_role_label(p->groups[i].role), text);
		free(text);
	}
}

/* The follow-up plan, the next follow-up that is due and whether the last one was reviewed. */
static void
walk_followup(struct rw *w, const struct plan *p)
{
	char today[11], *next, *last;

	if (!p->nfups)
		return;
	EMIT(w, heading, _("FOLLOW-UP"), _("Follow-up"));
	for (size_t i = 0; i < p->nfups; i++) {
		char *text = organisation_followup_summary(&p->fups[i], w->o->date_format);

		EMIT(w, field, 2, p->fups[i].what, text);
		free(text);
	}
	today_iso(today);
	organisation_due_text(p, today, w->o->date_format, &next, &last);
	if (next)
		EMIT(w, field, 2, _("Next follow-up"), next);
	if (last)
		EMIT(w, field, 2, _("Last follow-up"), last);
	free(next);
	free(last);
}

static void
walk_header(struct rw *w, const struct plan *p)
{
	const struct strategy *s = &p->s;
	char on[32], from[32], to[32], dated[32], revised[32];
	struct report_title t = { s, on, from, to, dated, revised };
	struct progress overall = progress_strategy(p);
	struct report_bar b = { .kind = BAR_OVERALL, .first = 1, .pr = &overall };
	char *text;

	format_date(on, sizeof on, s->adopted_on, w->o->date_format);
	format_date(from, sizeof from, s->valid_from, w->o->date_format);
	format_date(to, sizeof to, s->valid_to, w->o->date_format);
	format_date(dated, sizeof dated, s->document_date, w->o->date_format);
	format_date(revised, sizeof revised, s->revised_on, w->o->date_format);
	EMIT(w, title, &t);
	b.label = b.name = _("Overall progress");
	EMIT(w, bar, &b);
	walk_unlinked(w, p);
	/* Commitments are not in the percentage: what they are assessed as stands beside it. */
	if ((text = assessment_counts_text(p, 0))) {
		EMIT(w, paragraph, 2, NULL, text);
		free(text);
	}
	if (s->example)
		EMIT(w, field, 0, _("Example data"), _("the strategy is made up for demonstration"));
	if (s->note && *s->note)
		EMIT(w, field, 0, _("Note"), s->note);
	if (s->vision && *s->vision) {
		EMIT(w, heading, _("VISION"), _("Vision"));
		EMIT(w, paragraph, 2, NULL, s->vision);
	}
	if (s->purpose && *s->purpose) {
		EMIT(w, heading, _("PURPOSE"), _("Purpose"));
		EMIT(w, paragraph, 2, NULL, s->purpose);
	}
}

/* The goals linked to a focus area (goal_focus), by title. */
static void
focus_goals(struct rw *w, const struct plan *p, const struct focus_area *f)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < p->ngoals; i++)
		if (goal_in_focus(&p->goals[i], f->id))
			buf_printf(&b, "%s%s", b.s ? "; " : "", p->goals[i].title);
	if (b.s)
		EMIT(w, field, 5, _("Goals"), b.s);
	buf_free(&b);
}

/* Under a focus area: its activities by status (if it has any, or no commitments), its commitments by assessment. */
static void
walk_focus_counts(struct rw *w, const struct plan *p, int64_t focus_id, int counts[ST_COUNT])
{
	char *commitments = assessment_counts_text(p, focus_id);
	int any = 0;

	plan_count_status(p, focus_id, counts);
	for (int i = 0; i < ST_COUNT; i++)
		any |= counts[i];
	if (any || !commitments)
		EMIT(w, status_counts, counts);
	if (commitments)
		EMIT(w, paragraph, 5, NULL, commitments);
	free(commitments);
}

static void
walk_focus(struct rw *w, const struct plan *p)
{
	struct report_row head = { .head = 1, .summary = 1, .align = "lll", .n = 3,
	                           .cells = { _("Focus area"), _("Progress"), _("Activities") } };
	char *caps;
	int counts[ST_COUNT];

	if (!p->nfocus)
		return;
	caps = xasprintf(_("FOCUS AREAS (%zu)"), p->nfocus);
	EMIT(w, heading, caps, _("Focus areas"));
	free(caps);
	EMIT(w, row, &head);
	for (size_t i = 0; w->ops->row && i < p->nfocus; i++) {
		struct progress pr = progress_focus(p, &p->focus[i]);
		char *text, *name = xasprintf("%s%s", p->focus[i].name, model_example_mark(p->focus[i].example));

		text = focus_counts_text(p, p->focus[i].id);
		EMIT(w, row, &(struct report_row){ .summary = 1, .n = 3, .pr = &pr,
		                                   .cells = { name, NULL, text } });
		free(name);
		free(text);
	}
	for (size_t i = 0; i < p->nfocus; i++) {
		const struct focus_area *f = &p->focus[i];
		struct progress pr = progress_focus(p, f);
		char *name = xasprintf("%zu. %s%s", i + 1, f->name, model_example_mark(f->example));

		EMIT(w, bar, &(struct report_bar){ .kind = BAR_FOCUS, .first = i == 0, .label = name,
		                                   .name = f->name, .pr = &pr });
		free(name);
		if (f->purpose && *f->purpose)
			EMIT(w, paragraph, 5, _("Purpose"), f->purpose);
		if (f->nbodies) {
			struct buf b;

			buf_init(&b);
			for (size_t j = 0; j < f->nbodies; j++)
				buf_printf(&b, "%s%s", j ? ", " : "", f->bodies[j]);
			/* A list of bodies: "Ansvariga:" in Swedish. */
			EMIT(w, field, 5, ui_pgettext("list", "Responsible"), b.s);
			buf_free(&b);
		}
		focus_goals(w, p, f);
		walk_focus_counts(w, p, f->id, counts);
	}
}

static void
walk_indicator(struct rw *w, const struct goal *g, const struct indicator *ind)
{
	struct progress ip = progress_indicator(ind);
	char *title = indicator_title(ind), *label = xasprintf(_("Indicator: %s"), title), *src = NULL;
	struct report_bar b = { .kind = BAR_INDICATOR, .depth = g->depth, .label = label,
	                        .name = title, .pr = &ip };
	char *values = indicator_values_line(ind), *sex = indicator_sex_line(ind);
	char *cmp = indicator_comparisons(ind), *cmp_line = cmp ? xasprintf(_("Compared with: %s"), cmp) : NULL;
	struct series_set set;

	series_from_indicator(&set, ind);
	b.ind = ind;
	b.series = &set;
	if (ind->source && *ind->source)
		src = ind->kolada && *ind->kolada ? xasprintf("%s (Kolada %s)", ind->source, ind->kolada)
		                                  : xstrdup(ind->source);
	b.source = src;
	b.lines[0] = values;
	b.lines[1] = sex;
	b.lines[2] = cmp_line;
	EMIT(w, bar, &b);
	free(title);
	free(cmp);
	free(cmp_line);
	series_free(&set);
	free(label);
	free(src);
	free(values);
	free(sex);
}

static void
walk_goals(struct rw *w, const struct plan *p)
{
	if (!p->ngoals)
		return;
	EMIT(w, heading, _("GOALS AND INDICATORS"), _("Goals and indicators"));
	for (size_t i = 0; w->ops->bar && i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		struct progress pr = progress_goal(p, g);
		char *title = xasprintf("%s%s", g->title, model_example_mark(g->example));
		char *label, *areas = goal_focus_names(p, g, ", "), *line = NULL;

		/* One focus area beside the title; several (a goal made concrete in them) on a line of their own. */
		if (g->depth > 0)
			label = xasprintf(_("Sub-goal: %s"), title);
		else if (g->nfocus_ids == 1)
			label = xasprintf(_("Goal (%s): %s"), areas, title);
		else
			label = xasprintf(_("Goal: %s"), title);
		if (g->depth == 0 && g->nfocus_ids > 1)
			line = xasprintf("%s: %s", _("Focus areas"), areas);
		EMIT(w, bar, &(struct report_bar){ .kind = BAR_GOAL, .depth = g->depth, .first = i == 0,
		                                   .label = label, .name = title, .pr = &pr,
		                                   .lines = { line } });
		free(title);
		free(line);
		free(areas);
		free(label);
		for (size_t j = 0; j < p->ninds; j++)
			if (p->inds[j].goal_id == g->id)
				walk_indicator(w, g, &p->inds[j]);
	}
}

static void
walk_status(struct rw *w, const struct plan *p)
{
	int counts[ST_COUNT], total = 0;
	char num[ST_COUNT + 1][16];

	plan_count_status(p, 0, counts);
	for (int i = 0; i < ST_COUNT; i++)
		total += counts[i];
	/* A plan of commitments only has no statuses to count. */
	if (!total && p->nacts)
		return;
	total = 0;
	EMIT(w, heading, _("ACTIVITIES BY STATUS"), _("Activities by status"));
	EMIT(w, row, &(struct report_row){ .head = 1, .align = "lr", .n = 2, .cells = { _("Status"), _("Count") } });
	for (int i = 0; i < ST_COUNT; i++) {
		snprintf(num[i], sizeof num[i], "%d", counts[i]);
		total += counts[i];
		EMIT(w, row, &(struct report_row){ .symbol = status_symbol(i), .n = 2,
		                                   .cells = { status_label(i), num[i] } });
	}
	snprintf(num[ST_COUNT], sizeof num[ST_COUNT], "%d", total);
	EMIT(w, row, &(struct report_row){ .total = 1, .n = 2, .cells = { _("Total"), num[ST_COUNT] } });
}

/* The commitments by assessment, then each with its assessment, its date and its comment. */
static void
walk_commitments(struct rw *w, const struct plan *p)
{
	long counts[AS_COUNT], n = plan_count_assessment(p, 0, counts);
	char num[AS_COUNT + 1][24], *caps;

	if (!n)
		return;
	caps = xasprintf(_("COMMITMENTS BY ASSESSMENT (%ld)"), n);
	EMIT(w, heading, caps, _("Commitments by assessment"));
	free(caps);
	EMIT(w, row, &(struct report_row){ .head = 1, .align = "lr", .n = 2, .cells = { _("Assessment"), _("Count") } });
	for (int i = 0; i < AS_COUNT; i++) {
		enum assessment as = assessment_order[i];

		snprintf(num[i], sizeof num[i], "%ld", counts[as]);
		EMIT(w, row, &(struct report_row){ .symbol = assessment_symbol(as), .n = 2,
		                                   .cells = { assessment_label(as), num[i] } });
	}
	snprintf(num[AS_COUNT], sizeof num[AS_COUNT], "%ld", n);
	EMIT(w, row, &(struct report_row){ .total = 1, .n = 2, .cells = { _("Total"), num[AS_COUNT] } });
	for (size_t i = 0; w->ops->list && i < p->nacts; i++) {
		char *line;

		if (p->acts[i].kind != AK_COMMITMENT)
			continue;
		line = commitment_line(&p->acts[i], w->o);
		EMIT(w, list, line);
		free(line);
	}
}

static void
walk_overdue(struct rw *w, const struct plan *p)
{
	size_t n = count_overdue(p);
	char *caps = xasprintf(_("OVERDUE ACTIVITIES (%zu)"), n);
	char *title = xasprintf("%s (%zu)", _("Overdue activities"), n);

	EMIT(w, heading, caps, title);
	free(caps);
	free(title);
	if (!n)
		EMIT(w, paragraph, 2, NULL, _("None."));
	for (size_t i = 0; w->ops->list && i < p->nacts; i++) {
		char *line;

		if (!activity_overdue(&p->acts[i]))
			continue;
		line = overdue_line(&p->acts[i], w->o);
		EMIT(w, list, line);
		free(line);
	}
}

static void
walk_changes(struct rw *w)
{
	const struct report_opts *o = w->o;
	struct since_item *items;
	size_t n;
	char *title;

	if (!o->since)
		return;
	title = changes_title(o);
	EMIT(w, heading, title, title);
	free(title);
	/* Net, one line per item (since.c): what a meeting wants to hear. */
	since_group(o->changes, o->nchanges, &items, &n);
	if (!n)
		EMIT(w, paragraph, 2, NULL, _("None."));
	for (size_t i = 0; w->ops->list && i < n && (!o->max_changes || i < o->max_changes); i++) {
		char *line = since_describe(&items[i], o->date_format, !chart_ascii());

		EMIT(w, list, line);
		free(line);
	}
	if (w->ops->list && o->max_changes && n > o->max_changes) {
		char *more = xasprintf(_("%s and %zu more: c lists them all"), chart_ascii() ? "..." : "\u2026",
		                       n - o->max_changes);

		EMIT(w, paragraph, 2, NULL, more);
		free(more);
	}
	since_free(items, n);
}

/* Every activity as a record, for the data formats: a cell for each column of model_csv_columns(). */
/* An activity as a data row: the CSV columns of model_csv_columns(). */
static void
emit_activity(struct rw *w, const struct plan *p, const struct activity *a)
{
	const struct csv_column *cols;
	size_t n = model_csv_columns(&cols);
	struct report_row row = { .data = ROW_ACTIVITY };
	char scratch[REPORT_ROW_CELLS][24];

	if (n > REPORT_ROW_CELLS)
		n = REPORT_ROW_CELLS;
	row.n = (int)n;
	for (size_t c = 0; c < n; c++)
		row.cells[c] = model_csv_cell(p, a, &cols[c], scratch[c], sizeof scratch[c]);
	EMIT(w, row, &row);
}

static void
walk_activities(struct rw *w, const struct plan *p)
{
	/* Only a data writer of activities writes them (text and Markdown skip data rows). */
	for (size_t i = 0; w->ops->data == ROW_ACTIVITY && i < p->nacts; i++)
		emit_activity(w, p, &p->acts[i]);
}

/* Every stored value as a record: strategy, indicator, name, unit, series, period, sex, value; one row at a time. */
static int
stream_values(struct db *db, const char *strategy_id, struct rw *w)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT i.key, i.name, i.unit, m.series, m.period, m.sex, m.value FROM measurement m"
		" JOIN indicator i ON i.id = m.indicator_id WHERE i.strategy_id = ?"
		" ORDER BY i.position, " MODEL_VALUE_ORDER_SQL);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char sex[2] = { *db_text(st, 5), 0 }, num[64] = "", *dot;
		struct report_row row = { .data = ROW_VALUE, .n = (int)NVALUE_COLUMNS,
		                          .cells = { strategy_id, db_text(st, 0), db_text(st, 1), db_text(st, 2),
		                                     db_text(st, 3), db_text(st, 4), sex, num } };

		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			format_number(num, sizeof num, sqlite3_column_double(st, 6));
		/* With ';' between the columns, a decimal comma: a number to Excel in Swedish. */
		if (w->o->csv_separator == ';' && (dot = strchr(num, '.')) != NULL)
			*dot = ',';
		EMIT(w, row, &row);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
		return -1;
	}
	return 0;
}

struct activity_rows {
	struct rw *w;
	const struct plan *p;
};

/* model_each_activity's function: the activity as a row. */
static int
activity_row(struct activity *a, void *arg)
{
	const struct activity_rows *ar = arg;

	emit_activity(ar->w, ar->p, a);
	return 0;
}

int
report_write_data(struct db *db, const char *strategy_id, const struct report_writer *writer, char sep, FILE *out)
{
	struct report_opts o = { .csv_separator = sep };
	struct rw w = { writer, out, &o, 0, { NULL, 0, 0 }, 0 };
	struct plan keys;
	struct activity_rows ar = { &w, &keys };
	int rc;

	if (writer->data == ROW_VALUE) {
		rc = stream_values(db, strategy_id, &w);
		buf_free(&w.line);
		return rc;
	}
	if (model_load_keys(db, strategy_id, &keys) < 0)
		return -1;
	rc = model_each_activity(db, strategy_id, activity_row, &ar);
	model_free_plan(&keys);
	buf_free(&w.line);
	return rc;
}

void
report_write(const struct report *r, const struct report_writer *writer, FILE *out)
{
	struct rw w = { writer, out, &r->opts, 0, { NULL, 0, 0 }, 0 };

	walk_header(&w, &r->plan);
	walk_organisation(&w, &r->plan);
	walk_followup(&w, &r->plan);
	walk_focus(&w, &r->plan);
	walk_goals(&w, &r->plan);
	walk_status(&w, &r->plan);
	walk_commitments(&w, &r->plan);
	walk_overdue(&w, &r->plan);
	walk_changes(&w);
	walk_activities(&w, &r->plan);
	if (writer->end)
		writer->end(&w);
	buf_free(&w.line);
}
