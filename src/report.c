/* report.c: the plain-text summary of a strategy, shared by `styrkort report` and the report pane. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "text.h"
#include "util.h"

void
report_format_date(char *out, size_t n, const char *iso, const char *fmt)
{
	struct tm tm = { 0 };
	int y, m, d;

	if (!iso || parse_date(iso, &y, &m, &d) < 0) {
		snprintf(out, n, "%s", iso ? iso : "");
		return;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	if (!fmt || !strftime(out, n, fmt, &tm))
		snprintf(out, n, "%s", iso);
}

/* Print text wrapped to the width, every line indented. */
static void
wrapped(FILE *out, const struct report_opts *o, int indent, const char *text)
{
	char **lines;
	int cols = o->width - indent;

	if (cols < 10)
		cols = 10;
	text_wrap(text, cols, &lines);
	for (char **l = lines; *l; l++)
		fprintf(out, "%*s%s\n", **l ? indent : 0, "", *l);
	text_lines_free(lines);
}

/* "Label: text", wrapped under the label's indent; nothing if text is empty. */
static void
labelled(FILE *out, const struct report_opts *o, int indent, const char *label, const char *text)
{
	char *line;

	if (!text || !*text)
		return;
	line = xasprintf("%s: %s", label, text);
	wrapped(out, o, indent, line);
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

static void
write_header(const struct plan *p, const struct report_opts *o, FILE *out)
{
	const struct strategy *s = &p->s;
	char from[32], to[32], on[32];
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
	if (s->note && *s->note) {
		fputc('\n', out);
		labelled(out, o, 0, _("Note"), s->note);
	}
}

static void
write_vision(const struct plan *p, const struct report_opts *o, FILE *out)
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
status_counts_line(FILE *out, const struct report_opts *o, int indent, const int counts[ST_COUNT])
{
	struct buf b;
	int total = 0;

	for (int i = 0; i < ST_COUNT; i++)
		total += counts[i];
	buf_init(&b);
	buf_printf(&b, _("Activities: %d"), total);
	if (total) {
		int first = 1;

		buf_puts(&b, " (");
		for (int i = 0; i < ST_COUNT; i++) {
			if (!counts[i])
				continue;
			buf_printf(&b, "%s%s %d", first ? "" : ", ", status_label(i), counts[i]);
			first = 0;
		}
		buf_puts(&b, ")");
	}
	wrapped(out, o, indent, b.s);
	buf_free(&b);
}

static void
write_focus(const struct plan *p, const struct report_opts *o, FILE *out)
{
	char *title;

	if (!p->nfocus)
		return;
	title = xasprintf(_("FOCUS AREAS (%zu)"), p->nfocus);
	heading(out, o, title);
	free(title);
	for (size_t i = 0; i < p->nfocus; i++) {
		const struct focus_area *f = &p->focus[i];
		int counts[ST_COUNT];
		char *name = xasprintf("%zu. %s", i + 1, f->name);

		if (i)
			fputc('\n', out);
		wrapped(out, o, 2, name);
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
		status_counts_line(out, o, 5, counts);
	}
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
	format_number(num, sizeof num, v);
	snprintf(out, n, "%s%s%s%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "",
	         period && *period ? " (" : "", period ? period : "", period && *period ? ")" : "");
}

static void
write_indicator(const struct indicator *ind, const struct report_opts *o, FILE *out, int indent)
{
	char base[96], last[96], target[96];
	const struct measurement *t = indicator_latest(ind, SEX_T);
	char *line;

	line = xasprintf(_("Indicator: %s"), ind->name);
	wrapped(out, o, indent, line);
	free(line);
	if (ind->source && *ind->source) {
		char *src = ind->kolada && *ind->kolada ? xasprintf("%s (Kolada %s)", ind->source, ind->kolada)
		                                        : xstrdup(ind->source);

		labelled(out, o, indent + 2, _("Source"), src);
		free(src);
	}
	value_text(base, sizeof base, ind->has_baseline, ind->baseline, ind->unit, ind->baseline_period);
	value_text(last, sizeof last, t != NULL, t ? t->value : 0, ind->unit, t ? t->period : NULL);
	value_text(target, sizeof target, ind->has_target, ind->target, ind->unit, ind->target_period);
	line = xasprintf(_("Baseline %s -> latest %s -> target %s"), base, last, target);
	wrapped(out, o, indent + 2, line);
	free(line);
	if (ind->by_sex) {
		const struct measurement *k = indicator_latest(ind, SEX_K), *m = indicator_latest(ind, SEX_M);

		value_text(base, sizeof base, k != NULL, k ? k->value : 0, ind->unit, k ? k->period : NULL);
		value_text(last, sizeof last, m != NULL, m ? m->value : 0, ind->unit, m ? m->period : NULL);
		line = xasprintf(_("Latest by sex: women %s, men %s"), base, last);
		wrapped(out, o, indent + 2, line);
		free(line);
	}
}

static void
write_goals(const struct plan *p, const struct report_opts *o, FILE *out)
{
	if (!p->ngoals)
		return;
	heading(out, o, _("GOALS AND INDICATORS"));
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		const struct focus_area *f = plan_focus(p, g->focus_id);
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
		wrapped(out, o, indent, line);
		free(line);
		for (size_t j = 0; j < p->ninds; j++)
			if (p->inds[j].goal_id == g->id)
				write_indicator(&p->inds[j], o, out, indent + 2);
	}
}

static void
write_status_counts(const struct plan *p, const struct report_opts *o, FILE *out)
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

void
report_write_text(const struct plan *p, const struct report_opts *o, FILE *out)
{
	write_header(p, o, out);
	write_vision(p, o, out);
	write_focus(p, o, out);
	write_goals(p, o, out);
	write_status_counts(p, o, out);
}
