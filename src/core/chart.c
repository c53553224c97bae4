/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.c: an indicator's values as series over the periods, drawn as text: a sparkline and a chart. */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "text.h"

static int use_ascii;

void
chart_set_ascii(int ascii)
{
	use_ascii = ascii;
}

int
chart_ascii(void)
{
	return use_ascii;
}

/* The index of period in the set, inserted in order if new (periods sort as they are written). */
static size_t
period_index(struct series_set *set, const char *period)
{
	size_t at = 0;

	while (at < set->nperiods && strcmp(set->periods[at], period) < 0)
		at++;
	if (at < set->nperiods && strcmp(set->periods[at], period) == 0)
		return at;
	set->periods = xrealloc(set->periods, (set->nperiods + 1) * sizeof *set->periods);
	memmove(set->periods + at + 1, set->periods + at, (set->nperiods - at) * sizeof *set->periods);
	set->periods[at] = xstrdup(period);
	for (size_t k = 0; k < set->n; k++) {
		double *v = set->s[k].v = xrealloc(set->s[k].v, (set->nperiods + 1) * sizeof *v);

		memmove(v + at + 1, v + at, (set->nperiods - at) * sizeof *v);
		v[at] = NAN;
	}
	set->nperiods++;
	return at;
}

const struct chart_series *
series_find(const struct series_set *set, char mark)
{
	for (size_t k = 0; k < set->n; k++)
		if (set->s[k].mark == mark)
			return &set->s[k];
	return NULL;
}

static struct chart_series *
series_get(struct series_set *set, char mark, const char *label)
{
	struct chart_series *s = (struct chart_series *)series_find(set, mark);

	if (s || set->n == SERIES_MAX)
		return s;
	s = &set->s[set->n++];
	s->mark = mark;
	s->label = xstrdup(label);
	s->v = xmalloc((set->nperiods ? set->nperiods : 1) * sizeof *s->v);
	for (size_t i = 0; i < set->nperiods; i++)
		s->v[i] = NAN;
	return s;
}

int
series_add_value(struct series_set *set, char mark, const char *label, const char *period, double v)
{
	struct chart_series *s = series_get(set, mark, label);
	size_t i;

	if (!s)
		return -1;
	/* First the period: adding one moves every series' values. */
	i = period_index(set, period);
	s->v[i] = v;
	return 0;
}

void
series_from_indicator(struct series_set *set, const struct indicator *ind)
{
	static const char *const labels[SEX_COUNT] = { N_("total"), N_("women"), N_("men") };

	memset(set, 0, sizeof *set);
	for (size_t i = 0; i < ind->nvalues; i++)
		period_index(set, ind->values[i].period);
	for (int s = SEX_T; s < SEX_COUNT; s++)
		for (size_t i = 0; i < ind->nvalues; i++) {
			const struct measurement *m = &ind->values[i];

			if (m->sex == (enum sex)s && (m->has_value || s == SEX_T))
				series_get(set, sex_char(m->sex), _(labels[s]));
			if (m->sex == (enum sex)s && m->has_value)
				series_add_value(set, sex_char(m->sex), _(labels[s]), m->period, m->value);
		}
	/* The comparison areas' totals: L the county (län), R the country (riket). */
	for (size_t i = 0; i < ind->ncomparisons; i++) {
		const struct measurement *m = &ind->comparisons[i];

		if (m->sex == SEX_T && m->has_value)
			series_add_value(set, m->series == SERIES_COUNTY ? 'L' : 'R', series_label(m->series),
			                 m->period, m->value);
	}
}

void
series_free(struct series_set *set)
{
	for (size_t i = 0; i < set->nperiods; i++)
		free(set->periods[i]);
	free(set->periods);
	for (size_t k = 0; k < set->n; k++) {
		free(set->s[k].label);
		free(set->s[k].v);
	}
	memset(set, 0, sizeof *set);
}

/* The least and most of the values that are there; 0 if there are none. */
static int
value_range(const double *v, size_t n, double *lo, double *hi)
{
	int any = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (!any++ || v[i] < *lo)
			*lo = v[i];
		if (any == 1 || v[i] > *hi)
			*hi = v[i];
	}
	return any;
}

void
chart_sparkline(struct buf *b, const double *v, size_t n, int ascii)
{
	static const char *const blocks[8] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
	};
	static const char ascii_levels[] = "_.-:=+*#";
	double lo = 0, hi = 0;

	value_range(v, n, &lo, &hi);
	for (size_t i = 0; i < n; i++) {
		int level = hi > lo && !isnan(v[i]) ? (int)floor((v[i] - lo) / (hi - lo) * 7 + 0.5) : 3;

		if (isnan(v[i]))
			buf_putc(b, ' ');
		else if (ascii)
			buf_putc(b, ascii_levels[level]);
		else
			buf_puts(b, blocks[level]);
	}
}

/* The glyphs of the chart, Unicode and ASCII. */
enum glyph { G_AXIS, G_TICK, G_CORNER, G_XAXIS, G_BASELINE, G_TARGET, G_DOT, G_SEVERAL, G_COUNT };
static const char *const glyphs[2][G_COUNT] = {
	{ "\xe2\x94\x82", "\xe2\x94\xa4", "\xe2\x94\x94", "\xe2\x94\x80", "\xe2\x95\x8c", "\xe2\x95\x90",
	  "\xc2\xb7", "*" },
	{ "|", "+", "+", "-", "-", "=", ".", "*" },
};

/* The plot: one glyph (a static string) per cell, NULL for a space. */
struct plot {
	int w, h;
	double lo, hi;
	const char **cell;
	const char *const *g;
	int several;            /* two series met in a cell */
};

static int
plot_row(const struct plot *pl, double v)
{
	return (int)floor((pl->hi - v) / (pl->hi - pl->lo) * (pl->h - 1) + 0.5);
}

static int
plot_col(const struct plot *pl, size_t i, size_t n)
{
	return n < 2 ? pl->w / 2 : (int)floor((double)i * (pl->w - 1) / (double)(n - 1) + 0.5);
}

/* The range of everything drawn: values, baseline and target; never empty. */
static void
chart_range(const struct chart *c, double *lo, double *hi)
{
	int any = 0;

	*lo = *hi = 0;
	for (size_t k = 0; k < c->data->n; k++) {
		double a, b;

		if (value_range(c->data->s[k].v, c->data->nperiods, &a, &b)) {
			*lo = any && *lo < a ? *lo : a;
			*hi = any && *hi > b ? *hi : b;
			any = 1;
		}
	}
	for (int i = 0; i < 2; i++) {
		double v = i ? c->target : c->baseline;

		if (i ? c->has_target : c->has_baseline) {
			*lo = any && *lo < v ? *lo : v;
			*hi = any && *hi > v ? *hi : v;
			any = 1;
		}
	}
	if (*hi == *lo) {
		*lo -= 1;
		*hi += 1;
	}
}

static void
plot_hline(struct plot *pl, double v, enum glyph g)
{
	int r = plot_row(pl, v);

	for (int x = 0; x < pl->w; x++)
		pl->cell[r * pl->w + x] = pl->g[g];
}

/* One series: dots between its values where nothing else is, then its letter at each value. */
static void
plot_series(struct plot *pl, const struct chart_series *s, size_t n, const char *letter)
{
	for (size_t i = 0; i + 1 < n; i++) {
		int x0 = plot_col(pl, i, n), x1 = plot_col(pl, i + 1, n);

		if (isnan(s->v[i]) || isnan(s->v[i + 1]))
			continue;
		for (int x = x0 + 1; x < x1; x++) {
			double v = s->v[i] + (s->v[i + 1] - s->v[i]) * (x - x0) / (x1 - x0);
			const char **cell = &pl->cell[plot_row(pl, v) * pl->w + x];

			if (!*cell)
				*cell = pl->g[G_DOT];
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char **cell;

		if (isnan(s->v[i]))
			continue;
		cell = &pl->cell[plot_row(pl, s->v[i]) * pl->w + plot_col(pl, i, n)];
		if (*cell && strlen(*cell) == 1 && isupper((unsigned char)**cell) && *cell != letter) {
			*cell = pl->g[G_SEVERAL];
			pl->several = 1;
		} else if (*cell != pl->g[G_SEVERAL]) {
			*cell = letter;
		}
	}
}

/* "49.4 %": a value as the axis and legend show it, with the unit. */
static void
axis_label(char *out, size_t n, const struct chart *c, double v, int decimals)
{
	char num[64], *unit = text_sanitize(c->unit ? c->unit : "", 0);

	format_number_ui_decimals(num, sizeof num, v, decimals);
	snprintf(out, n, "%s%s%s", num, *unit ? " " : "", unit);
	free(unit);
}

/* The legend's items, wrapped to width: "T total   K women   ╌╌ baseline 8.5 %". */
static char **
chart_legend(const struct chart *c, int width, int decimals, int several, size_t *n)
{
	const char *const *g = glyphs[c->ascii != 0];
	char **lines = NULL, v[96];
	struct buf line, item;
	int used = 0;

	*n = 0;
	buf_init(&line);
	buf_init(&item);
	for (size_t k = 0; k <= c->data->n + 2; k++) {
		item.len = 0;
		if (k < c->data->n) {
			char *label = text_sanitize(c->data->s[k].label ? c->data->s[k].label : "", 0);

			buf_printf(&item, "%c %s", c->data->s[k].mark, label);
			free(label);
		} else if (k == c->data->n && c->has_baseline) {
			axis_label(v, sizeof v, c, c->baseline, decimals);
			buf_printf(&item, "%s%s %s %s", g[G_BASELINE], g[G_BASELINE], _("baseline"), v);
		} else if (k == c->data->n + 1 && c->has_target) {
			axis_label(v, sizeof v, c, c->target, decimals);
			buf_printf(&item, "%s%s %s %s", g[G_TARGET], g[G_TARGET], _("target"), v);
		} else if (k == c->data->n + 2 && several) {
			buf_printf(&item, "%s %s", g[G_SEVERAL], _("several"));
		}
		if (!item.len)
			continue;
		if (used && used + 3 + text_width(item.s) > width) {
			lines = xrealloc(lines, (*n + 1) * sizeof *lines);
			lines[(*n)++] = buf_steal(&line);
			buf_init(&line);
			used = 0;
		}
		buf_printf(&line, "%s%s", used ? "   " : "", item.s);
		used += (used ? 3 : 0) + text_width(item.s);
	}
	if (used) {
		lines = xrealloc(lines, (*n + 1) * sizeof *lines);
		lines[(*n)++] = buf_steal(&line);
	}
	buf_free(&line);
	buf_free(&item);
	return lines;
}

/* The periods under the axis, each from its column (one space apart at least; some left out if crowded). */
static char *
period_axis(const struct plot *pl, const struct series_set *set, int indent)
{
	char *line = xmalloc((size_t)indent + (size_t)pl->w + 1);
	int end = -1;

	memset(line, ' ', (size_t)indent + (size_t)pl->w);
	for (size_t i = 0; i < set->nperiods; i++) {
		int len = (int)strlen(set->periods[i]), x = plot_col(pl, i, set->nperiods) - (len - 1) / 2;

		if (x + len > pl->w)
			x = pl->w - len;
		if (x < 0)
			x = 0;
		if ((end >= 0 && x <= end + 1) || !text_valid_utf8(set->periods[i]))
			continue;
		memcpy(line + indent + x, set->periods[i], (size_t)len);
		end = x + len - 1;
	}
	line[indent + (end < 0 ? 0 : end + 1)] = '\0';
	return line;
}

/* Row r of the chart: its label (top, middle, bottom), the axis and the plot's cells, without trailing spaces. */
static char *
plot_line(const struct plot *pl, int r, const char *label, int lw)
{
	struct buf b;
	int last = pl->w - 1;

	while (last >= 0 && !pl->cell[r * pl->w + last])
		last--;
	buf_init(&b);
	buf_printf(&b, "%*s%s %s", lw - text_width(label), "", label, pl->g[*label ? G_TICK : G_AXIS]);
	for (int x = 0; x <= last; x++)
		buf_puts(&b, pl->cell[r * pl->w + x] ? pl->cell[r * pl->w + x] : " ");
	return buf_steal(&b);
}

char **
chart_render(const struct chart *c, int width, int height, size_t *nlines)
{
	char letters[SERIES_MAX][2], labels[3][96], **lines, **legend;
	struct plot pl = { 0 };
	size_t nleg, n = 0;
	int decimals, lw = 0;

	chart_range(c, &pl.lo, &pl.hi);
	decimals = c->decimals >= 0 ? c->decimals : pl.hi - pl.lo >= 10 ? 0 : pl.hi - pl.lo >= 1 ? 1 : 2;
	legend = chart_legend(c, width, decimals, 1, &nleg);
	for (size_t i = 0; i < nleg; i++)
		free(legend[i]);
	free(legend);
	pl.h = height - 2 - (int)nleg;
	pl.h = pl.h < 3 ? 3 : pl.h;
	for (int i = 0; i < 3; i++) {
		int row = i == 0 ? 0 : i == 1 ? (pl.h - 1) / 2 : pl.h - 1;

		axis_label(labels[i], sizeof labels[i], c, pl.hi - (pl.hi - pl.lo) * row / (pl.h - 1), decimals);
		lw = text_width(labels[i]) > lw ? text_width(labels[i]) : lw;
	}
	pl.w = width - lw - 2 < 4 ? 4 : width - lw - 2;
	pl.g = glyphs[c->ascii != 0];
	pl.cell = xcalloc((size_t)pl.w * (size_t)pl.h, sizeof *pl.cell);
	if (c->has_baseline)
		plot_hline(&pl, c->baseline, G_BASELINE);
	if (c->has_target)
		plot_hline(&pl, c->target, G_TARGET);
	for (size_t k = 0; k < c->data->n; k++) {
		letters[k][0] = c->data->s[k].mark;
		letters[k][1] = '\0';
		plot_series(&pl, &c->data->s[k], c->data->nperiods, letters[k]);
	}
	legend = chart_legend(c, width, decimals, pl.several, &nleg);
	lines = xmalloc((size_t)(pl.h + 2) * sizeof *lines + nleg * sizeof *lines);
	for (int r = 0; r < pl.h; r++)
		lines[n++] = plot_line(&pl, r, r == 0 ? labels[0] : r == pl.h - 1 ? labels[2]
		                       : r == (pl.h - 1) / 2 ? labels[1] : "", lw);
	lines[n++] = xasprintf("%*s%s", lw + 1, "", pl.g[G_CORNER]);
	for (int x = 0; x < pl.w; x++) {
		char *l = xasprintf("%s%s", lines[n - 1], pl.g[G_XAXIS]);

		free(lines[n - 1]);
		lines[n - 1] = l;
	}
	lines[n++] = period_axis(&pl, c->data, lw + 2);
	for (size_t i = 0; legend && i < nleg; i++)   /* no legend is NULL and 0 */
		lines[n++] = legend[i];
	free(legend);
	free(pl.cell);
	*nlines = n;
	return lines;
}

int
series_change(const struct indicator *ind, const struct series_set *set, const struct chart_series *s, int *change)
{
	double first = NAN, last = NAN;

	*change = 0;
	if (s->mark == 'T')
		return trend_indicator(ind, change) != TREND_NONE || *change;
	for (size_t i = 0; i < set->nperiods; i++)
		if (!isnan(s->v[i])) {
			first = isnan(first) ? s->v[i] : first;
			last = s->v[i];
		}
	if (isnan(first) || first == last)
		return 0;
	*change = last > first ? 1 : -1;
	return 1;
}

char *
series_text(const struct indicator *ind, const struct series_set *set, const struct chart_series *s, int ascii)
{
	struct buf b;
	char v[96];
	int change, any = 0;

	buf_init(&b);
	for (size_t i = 0; i < set->nperiods; i++) {
		if (isnan(s->v[i]))
			continue;
		indicator_format_value(v, sizeof v, ind, s->v[i]);
		if (any++)
			buf_puts(&b, ascii ? " - " : " \xc2\xb7 ");
		buf_puts(&b, set->periods[i]);
		buf_putc(&b, ' ');
		buf_puts(&b, v);
	}
	if (any && series_change(ind, set, s, &change))
		buf_printf(&b, " %s", trend_arrow(change, ascii));
	return any ? buf_steal(&b) : NULL;
}
