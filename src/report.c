/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c: the summary of a strategy as text, Markdown or CSV, shared by `styrkort report` and the report pane. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "progress.h"
#include "report.h"
#include "text.h"
#include "util.h"

#define BAR_CELLS 10
#define STACK_CELLS 20

void
report_format_date(char *out, size_t n, const char *iso, const char *fmt)
{
	struct tm tm = { 0 };
	int y, m, d;
	char *clean;
	size_t len;

	if (!n)
		return;
	if (!iso || parse_date(iso, &y, &m, &d) < 0) {
		/* Not a date (an older version or another tool wrote it): shown as text, made safe. */
		snprintf(out, n, "%s", iso ? iso : "");
	} else {
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		if (!fmt || !strftime(out, n, fmt, &tm))
			snprintf(out, n, "%s", iso);
	}
	/* The database's text or the configured format may hold controls; never cut a character. */
	clean = text_sanitize(out, 0);
	len = strlen(clean);
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)clean[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(out, clean, len);
	out[len] = '\0';
	free(clean);
}

/* "8.5 % (2013)" or "-" */
static void
value_text(char *out, size_t n, int has, double v, const char *unit, const char *period)
{
	char num[64];

	if (!has) {
		snprintf(out, n, "-");
		return;
	}
	format_number_ui(num, sizeof num, v);
	snprintf(out, n, "%s%s%s%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "",
	         period && *period ? " (" : "", period ? period : "", period && *period ? ")" : "");
}

/* The latest value of one sex as text, and whether there is one. */
static int
latest_text(char *out, size_t n, const struct indicator *ind, enum sex sex, double *v)
{
	const struct measurement *m = indicator_latest(ind, sex);

	value_text(out, n, m != NULL, m ? m->value : 0, ind->unit, m ? m->period : NULL);
	if (m && v)
		*v = m->value;
	return m != NULL;
}

/* "Baseline 8.5 % (2013) -> latest 9 % (2016) -> target 10 % (2017)" */
static char *
indicator_values_line(const struct indicator *ind)
{
	char base[96], last[96], target[96];

	value_text(base, sizeof base, ind->has_baseline, ind->baseline, ind->unit, ind->baseline_period);
	latest_text(last, sizeof last, ind, SEX_T, NULL);
	value_text(target, sizeof target, ind->has_target, ind->target, ind->unit, ind->target_period);
	return xasprintf(_("Baseline %s -> latest %s -> target %s"), base, last, target);
}

/* The latest period in which both women and men have a value, or NULL. */
static const char *
common_period(const struct indicator *ind, double *kv, double *mv)
{
	const struct measurement *best = NULL;

	for (size_t i = 0; i < ind->nvalues; i++) {
		const struct measurement *k = &ind->values[i];

		if (k->sex != SEX_K || !k->has_value || (best && best->period_key >= k->period_key))
			continue;
		for (size_t j = 0; j < ind->nvalues; j++) {
			const struct measurement *m = &ind->values[j];

			if (m->sex == SEX_M && m->has_value && strcmp(m->period, k->period) == 0) {
				best = k;
				*kv = k->value;
				*mv = m->value;
				break;
			}
		}
	}
	return best ? best->period : NULL;
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
	double kv = 0, mv = 0;
	int hk, hm, decimals;

	if (!ind->by_sex)
		return NULL;
	hk = latest_text(k, sizeof k, ind, SEX_K, NULL);
	hm = latest_text(m, sizeof m, ind, SEX_M, NULL);
	if (!hk || !hm)
		return xasprintf(_("Latest by sex: women %s, men %s"), k, m);
	if (!(period = common_period(ind, &kv, &mv)))
		return xasprintf(_("Latest by sex: women %s, men %s; no common period for women and men"), k, m);
	decimals = number_decimals(kv);
	if (number_decimals(mv) > decimals)
		decimals = number_decimals(mv);
	format_number_ui_decimals(gap, sizeof gap, kv - mv, decimals);
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

static char *
changes_title(const struct report_opts *o)
{
	char date[32];

	if (!*o->since)
		return xstrdup(_("CHANGES (NO REVIEW RECORDED YET)"));
	report_format_date(date, sizeof date, o->since, o->date_format);
	return o->since_is_review ? xasprintf(_("CHANGES SINCE THE LAST REVIEW (%s)"), date)
	                          : xasprintf(_("CHANGES SINCE %s"), date);
}

/* ---- Plain text ---- */

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
		fprintf(out, "%*s%s\n", **l ? (l == lines ? first : rest) : 0, "", *l);
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
 * The bar, the percent and the light: "[######----]  60 %  on track", the
 * light padded to the widest label so that bars line up in a column.
 */
static char *
bar_text(const struct progress *pr)
{
	char bar[64];
	int widest = 0, pad;

	for (int l = LIGHT_GREEN; l <= LIGHT_RED; l++)
		if (text_width(light_label(l)) > widest)
			widest = text_width(light_label(l));
	progress_bar(bar, sizeof bar, pr, BAR_CELLS);
	pad = widest - text_width(light_label(pr->light));
	return xasprintf("%s  %s%*s", bar, light_label(pr->light), pad, "");
}

/*
 * A name with its bar at the right margin; the name wraps in the space
 * left of the bar.  On narrow widths the bar goes on a line of its own.
 */
static void
bar_line(FILE *out, const struct report_opts *o, int indent, const char *name, const struct progress *pr)
{
	char *bar = bar_text(pr), *clean = text_sanitize(name, 0);
	int barw = text_width(bar), cols = o->width - indent - barw - 2;
	char **lines;

	if (cols < 30) {
		char *b = xstrdup(bar);
		size_t len = strlen(b);

		while (len > 0 && b[len - 1] == ' ')
			b[--len] = '\0';
		wrapped(out, o, indent, clean);
		fprintf(out, "%*s%s\n", indent + 2, "", b);
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
				fprintf(out, "%*s%s\n", indent + 2, "", *l);
		}
		text_lines_free(lines);
	}
	free(clean);
	free(bar);
}

static void
text_header(const struct plan *p, const struct report_opts *o, FILE *out)
{
	const struct strategy *s = &p->s;
	char from[32], to[32], on[32];
	struct progress overall = progress_strategy(p);
	struct buf b;

	rule(out, o, '=');
	wrapped(out, o, 0, s->municipality);
	wrapped(out, o, 0, s->title);
	buf_init(&b);
	if (s->doc_type && *s->doc_type)
		buf_puts(&b, s->doc_type);
	if (s->adopted_by && *s->adopted_by) {
		report_format_date(on, sizeof on, s->adopted_on, o->date_format);
		buf_printf(&b, "%s%s %s%s%s", b.len ? ", " : "", _("adopted by"), s->adopted_by,
		           *on ? " " : "", on);
	}
	if (s->reference && *s->reference)
		buf_printf(&b, "%s%s %s", b.len ? ", " : "", _("ref."), s->reference);
	if (b.len)
		wrapped(out, o, 0, b.s);
	buf_free(&b);
	if ((s->valid_from && *s->valid_from) || (s->valid_to && *s->valid_to)) {
		char *line;

		report_format_date(from, sizeof from, s->valid_from, o->date_format);
		report_format_date(to, sizeof to, s->valid_to, o->date_format);
		line = xasprintf(_("Valid %s to %s"), *from ? from : "...", *to ? to : "...");
		wrapped(out, o, 0, line);
		free(line);
	}
	rule(out, o, '=');
	bar_line(out, o, 0, _("Overall progress"), &overall);
	if (s->note && *s->note)
		labelled(out, o, 0, _("Note"), s->note);
}

static void
text_vision(const struct plan *p, const struct report_opts *o, FILE *out)
{
	if (p->s.vision && *p->s.vision) {
		heading(out, o, _("VISION"));
		wrapped(out, o, 2, p->s.vision);
	}
	if (p->s.purpose && *p->s.purpose) {
		heading(out, o, _("PURPOSE"));
		wrapped(out, o, 2, p->s.purpose);
	}
}

static void
text_focus(const struct plan *p, const struct report_opts *o, FILE *out)
{
	char *title;

	if (!p->nfocus)
		return;
	title = xasprintf(_("FOCUS AREAS (%zu)"), p->nfocus);
	heading(out, o, title);
	free(title);
	for (size_t i = 0; i < p->nfocus; i++) {
		const struct focus_area *f = &p->focus[i];
		struct progress pr = progress_focus(p, f);
		int counts[ST_COUNT];
		char *name = xasprintf("%zu. %s", i + 1, f->name), *counts_text, stack[128];

		if (i)
			fputc('\n', out);
		bar_line(out, o, 2, name, &pr);
		free(name);
		labelled(out, o, 5, _("Purpose"), f->purpose);
		if (f->nbodies) {
			struct buf b;

			buf_init(&b);
			for (size_t j = 0; j < f->nbodies; j++)
				buf_printf(&b, "%s%s", j ? ", " : "", f->bodies[j]);
			labelled(out, o, 5, _("Responsible"), b.s);
			buf_free(&b);
		}
		plan_count_status(p, f->id, counts);
		counts_text = status_counts_text(counts);
		stacked_bar(stack, sizeof stack, counts);
		fprintf(out, "%*s%s\n", 5, "", stack);
		wrapped2(out, o, 5, 7, counts_text);
		free(counts_text);
	}
}

static void
text_goals(const struct plan *p, const struct report_opts *o, FILE *out)
{
	if (!p->ngoals)
		return;
	heading(out, o, _("GOALS AND INDICATORS"));
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		const struct focus_area *f = plan_focus(p, g->focus_id);
		struct progress pr = progress_goal(p, g);
		int indent = 2 + 2 * g->depth;
		char *line;

		if (i)
			fputc('\n', out);
		if (g->depth > 0)
			line = xasprintf(_("Sub-goal: %s"), g->title);
		else if (f)
			line = xasprintf(_("Goal (%s): %s"), f->name, g->title);
		else
			line = xasprintf(_("Goal: %s"), g->title);
		bar_line(out, o, indent, line, &pr);
		free(line);
		for (size_t j = 0; j < p->ninds; j++) {
			const struct indicator *ind = &p->inds[j];
			struct progress ip;
			char *sex;

			if (ind->goal_id != g->id)
				continue;
			ip = progress_indicator(ind);
			line = xasprintf(_("Indicator: %s"), ind->name);
			bar_line(out, o, indent + 2, line, &ip);
			free(line);
			if (ind->source && *ind->source) {
				char *src = ind->kolada && *ind->kolada ? xasprintf("%s (Kolada %s)", ind->source, ind->kolada)
				                                        : xstrdup(ind->source);

				labelled(out, o, indent + 4, _("Source"), src);
				free(src);
			}
			line = indicator_values_line(ind);
			wrapped2(out, o, indent + 4, indent + 6, line);
			free(line);
			if ((sex = indicator_sex_line(ind)) != NULL) {
				wrapped2(out, o, indent + 4, indent + 6, sex);
				free(sex);
			}
		}
	}
}

static void
text_status_counts(const struct plan *p, const struct report_opts *o, FILE *out)
{
	int counts[ST_COUNT], total = 0;

	plan_count_status(p, 0, counts);
	heading(out, o, _("ACTIVITIES BY STATUS"));
	for (int i = 0; i < ST_COUNT; i++) {
		int pad = 20 - text_width(status_label(i));

		fprintf(out, "  %s %s%*s %5d\n", status_symbol(i), status_label(i), pad > 0 ? pad : 0, "", counts[i]);
		total += counts[i];
	}
	{
		int pad = 22 - text_width(_("Total"));

		fprintf(out, "  %s%*s %5d\n", _("Total"), pad > 0 ? pad : 0, "", total);
	}
}

/* "#12 Title: due 2017-06-30, In progress, 40 %" */
static char *
overdue_line(const struct activity *a, const struct report_opts *o)
{
	char due[32];

	report_format_date(due, sizeof due, a->due, o->date_format);
	return xasprintf(_("#%lld %s: due %s, %s, %d %%"), (long long)a->id, a->title, due,
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

static void
text_overdue(const struct plan *p, const struct report_opts *o, FILE *out)
{
	size_t n = count_overdue(p);
	char *title = xasprintf(_("OVERDUE ACTIVITIES (%zu)"), n);

	heading(out, o, title);
	free(title);
	if (!n)
		wrapped(out, o, 2, _("None."));
	for (size_t i = 0; i < p->nacts; i++) {
		char *line;

		if (!activity_overdue(&p->acts[i]))
			continue;
		line = overdue_line(&p->acts[i], o);
		wrapped2(out, o, 2, 4, line);
		free(line);
	}
}

static void
text_changes(const struct report_opts *o, FILE *out)
{
	char *title;

	if (!o->since)
		return;
	title = changes_title(o);
	heading(out, o, title);
	free(title);
	if (!o->nchanges)
		wrapped(out, o, 2, _("None."));
	for (size_t i = 0; i < o->nchanges; i++) {
		char *line = changelog_describe(&o->changes[i], o->date_format, 1);

		wrapped2(out, o, 2, 4, line);
		free(line);
	}
}

void
report_write_text(const struct plan *p, const struct report_opts *o, FILE *out)
{
	text_header(p, o, out);
	text_vision(p, o, out);
	text_focus(p, o, out);
	text_goals(p, o, out);
	text_status_counts(p, o, out);
	text_overdue(p, o, out);
	text_changes(o, out);
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
		fprintf(out, " %s", light_label(pr->light));
}

void
report_write_markdown(const struct plan *p, const struct report_opts *o, FILE *out)
{
	const struct strategy *s = &p->s;
	struct progress overall = progress_strategy(p);
	int counts[ST_COUNT];
	char from[32], to[32];
	size_t nover = count_overdue(p);

	fputs("# ", out);
	md(out, s->municipality);
	fputs(": ", out);
	md(out, s->title);
	fputs("\n\n", out);
	if (s->doc_type && *s->doc_type) {
		md(out, s->doc_type);
		fputs("  \n", out);
	}
	if (s->adopted_by && *s->adopted_by) {
		char on[32];

		report_format_date(on, sizeof on, s->adopted_on, o->date_format);
		fprintf(out, "%s ", _("adopted by"));
		md(out, s->adopted_by);
		fprintf(out, "%s%s  \n", *on ? " " : "", on);
	}
	if (s->reference && *s->reference) {
		fprintf(out, "%s ", _("ref."));
		md(out, s->reference);
		fputs("  \n", out);
	}
	report_format_date(from, sizeof from, s->valid_from, o->date_format);
	report_format_date(to, sizeof to, s->valid_to, o->date_format);
	if (*from || *to)
		fprintf(out, _("Valid %s to %s"), *from ? from : "...", *to ? to : "...");
	fprintf(out, "\n\n**%s:** ", _("Overall progress"));
	md_bar(out, &overall);
	fputs("\n\n", out);
	if (s->note && *s->note) {
		fprintf(out, "*%s:* ", _("Note"));
		md(out, s->note);
		fputs("\n\n", out);
	}
	if (s->vision && *s->vision) {
		fprintf(out, "## %s\n\n", _("Vision"));
		md_paragraphs(out, s->vision);
	}
	if (s->purpose && *s->purpose) {
		fprintf(out, "## %s\n\n", _("Purpose"));
		md_paragraphs(out, s->purpose);
	}
	if (p->nfocus) {
		fprintf(out, "## %s\n\n", _("Focus areas"));
		fprintf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Focus area"), _("Progress"), _("Activities"));
		for (size_t i = 0; i < p->nfocus; i++) {
			struct progress pr = progress_focus(p, &p->focus[i]);
			char *counts_text;

			plan_count_status(p, p->focus[i].id, counts);
			counts_text = status_counts_text(counts);
			fputs("| ", out);
			md(out, p->focus[i].name);
			fputs(" | ", out);
			md_bar(out, &pr);
			fputs(" | ", out);
			md(out, counts_text);
			fputs(" |\n", out);
			free(counts_text);
		}
		fputc('\n', out);
		for (size_t i = 0; i < p->nfocus; i++) {
			const struct focus_area *f = &p->focus[i];

			fprintf(out, "### %zu. ", i + 1);
			md(out, f->name);
			fputs("\n\n", out);
			if (f->purpose && *f->purpose)
				md_paragraphs(out, f->purpose);
			if (f->nbodies) {
				fprintf(out, "*%s:* ", _("Responsible"));
				for (size_t j = 0; j < f->nbodies; j++) {
					if (j)
						fputs(", ", out);
					md(out, f->bodies[j]);
				}
				fputs("\n\n", out);
			}
		}
	}
	if (p->ngoals) {
		fprintf(out, "## %s\n\n", _("Goals and indicators"));
		for (size_t i = 0; i < p->ngoals; i++) {
			const struct goal *g = &p->goals[i];
			struct progress pr = progress_goal(p, g);

			fprintf(out, "%*s- **", 2 * g->depth, "");
			md(out, g->title);
			fputs("** ", out);
			md_bar(out, &pr);
			fputc('\n', out);
			for (size_t j = 0; j < p->ninds; j++) {
				const struct indicator *ind = &p->inds[j];
				struct progress ip;
				char *line, *sex;

				if (ind->goal_id != g->id)
					continue;
				ip = progress_indicator(ind);
				fprintf(out, "%*s- ", 2 * g->depth + 2, "");
				md(out, ind->name);
				fputc(' ', out);
				md_bar(out, &ip);
				line = indicator_values_line(ind);
				fputs("  \n", out);
				fprintf(out, "%*s", 2 * g->depth + 4, "");
				md(out, line);
				free(line);
				if ((sex = indicator_sex_line(ind)) != NULL) {
					fprintf(out, "  \n%*s", 2 * g->depth + 4, "");
					md(out, sex);
					free(sex);
				}
				fputc('\n', out);
			}
		}
		fputc('\n', out);
	}
	plan_count_status(p, 0, counts);
	fprintf(out, "## %s\n\n| %s | %s |\n|---|---:|\n", _("Activities by status"), _("Status"), _("Count"));
	for (int i = 0; i < ST_COUNT; i++)
		fprintf(out, "| %s | %d |\n", status_label(i), counts[i]);
	fprintf(out, "\n## %s (%zu)\n\n", _("Overdue activities"), nover);
	if (!nover)
		fprintf(out, "%s\n\n", _("None."));
	for (size_t i = 0; i < p->nacts; i++) {
		char *line;

		if (!activity_overdue(&p->acts[i]))
			continue;
		line = overdue_line(&p->acts[i], o);
		fputs("- ", out);
		md(out, line);
		fputc('\n', out);
		free(line);
	}
	if (nover)
		fputc('\n', out);
	if (o->since) {
		char *title = changes_title(o);

		fprintf(out, "## %s\n\n", title);
		free(title);
		if (!o->nchanges)
			fprintf(out, "%s\n\n", _("None."));
		for (size_t i = 0; i < o->nchanges; i++) {
			char *line = changelog_describe(&o->changes[i], o->date_format, 1);

			fputs("- ", out);
			md(out, line);
			fputc('\n', out);
			free(line);
		}
		if (o->nchanges)
			fputc('\n', out);
	}
}

/* ---- CSV (RFC 4180) ---- */

static void
csv_field(FILE *out, const char *s, int first)
{
	char *clean = text_sanitize(s ? s : "", 1);

	if (!first)
		fputc(',', out);
	/* A leading = + - @ would be a formula to a spreadsheet: make it text. */
	if (strchr("=+-@", clean[0]) && clean[0]) {
		char *t = xasprintf("'%s", clean);

		free(clean);
		clean = t;
	}
	if (strpbrk(clean, ",\"\r\n")) {
		fputc('"', out);
		for (const char *c = clean; *c; c++) {
			if (*c == '"')
				fputc('"', out);
			fputc(*c, out);
		}
		fputc('"', out);
	} else {
		fputs(clean, out);
	}
	free(clean);
}

void
report_write_csv_header(FILE *out)
{
	const struct csv_column *cols;
	size_t n = model_csv_columns(&cols);

	/* A byte order mark, so that Excel reads the file as UTF-8. */
	fputs("\xef\xbb\xbf", out);
	for (size_t i = 0; i < n; i++)
		csv_field(out, cols[i].name, i == 0);
	fputs("\r\n", out);
}

void
report_write_csv(const struct plan *p, const struct report_opts *o, FILE *out)
{
	const struct csv_column *cols;
	size_t n = model_csv_columns(&cols);

	(void)o;
	for (size_t i = 0; i < p->nacts; i++) {
		for (size_t c = 0; c < n; c++) {
			char *v = model_csv_value(p, &p->acts[i], &cols[c]);

			csv_field(out, v, c == 0);
			free(v);
		}
		fputs("\r\n", out);
	}
}
