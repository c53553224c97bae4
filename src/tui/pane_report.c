/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_report.c: pane 5, the text summary drawn by report.c (as 'styrkort report --since last-review'), scrollable. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "report.h"
#include "since.h"
#include "text.h"
#include "util.h"
#include "view.h"

/*
 * The report needs the whole plan, activities and all; it is read only
 * when the pane is shown (view_load), so opening a large file stays quick.
 * The changes since the last review stay here between reads (both modes
 * ask the same): a live refresh reads only the rows logged since; end()
 * frees them when the dashboard ends.
 */
static struct since_set kept;

/* An item's line ("  #2 ...") wrapped, the rest of it indented under its text. */
static void
wrap_item(struct vrows *rows, int width, const char *line)
{
	int indent = (int)strspn(line, " ");
	char **lines;

	text_wrap(line + indent, width - indent - 2 > 10 ? width - indent - 2 : 10, &lines);
	for (char **l = lines; *l; l++)
		vrows_add(rows, xasprintf("%*s%s", l == lines ? indent : indent + 2, "", *l), DC_NORMAL, 1, 0, 0);
	text_lines_free(lines);
}

/* The rows of text, a line each, continued lines indented under their item. */
static void
add_lines(struct view *v, char *text, int wrap)
{
	struct vrows *rows = v->priv;
	char *line, *next;

	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (wrap)
			wrap_item(rows, v->width, line);
		else
			vrows_add(rows, xstrdup(line), DC_NORMAL, 1, 0, 0);
		if (!next)
			break;
	}
	v->nrows = (long)rows->n;
}

/* c: the changes since the last review, as `styrkort log --summary` prints them, wrapped to the pane. */
static void
load_since(struct view *v)
{
	struct dash *dash = v->dash;
	struct vrows *rows = v->priv;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	vrows_free(rows);
	v->nrows = 0;
	if (!(f = open_memstream(&text, &len)))
		die(EXIT_RUNTIME, "open_memstream: out of memory");
	if (since_print(dash->db, dash->plan.s.id, dash->plan.s.title, v->width, "last-review", dash->app->cfg.date_format, &kept, f) < 0) {
		fclose(f);
		free(text);
		vrows_add(rows, xstrdup(err_get()), DC_ERROR, 1, 0, 0);
		v->nrows = 1;
		return;
	}
	fclose(f);
	add_lines(v, text, 1);
	free(text);
}

static void
load(struct view *v)
{
	struct dash *dash = v->dash;
	struct report r;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	struct vrows *rows = v->priv;

	if (v->dash->since) {
		load_since(v);
		return;
	}
	vrows_free(rows);
	v->nrows = 0;
	/* What changed since the steering group last met (every change if it never has). */
	if (report_prepare_again(dash->db, dash->plan.s.id, "last-review", v->width < 40 ? 40 : v->width,
	                         dash->app->cfg.date_format, &kept, &r) < 0) {
		vrows_add(rows, xstrdup(err_get()), DC_ERROR, 1, 0, 0);
		v->nrows = 1;
		return;
	}
	/* A screenful of the changes, not thousands: c lists them all. */
	r.opts.max_changes = v->height > 1 ? (size_t)v->height : 1;
	if (!(f = open_memstream(&text, &len)))
		die(EXIT_RUNTIME, "open_memstream: out of memory");
	report_write(&r, report_writer_text(), f);
	fclose(f);
	report_release(&r);
	add_lines(v, text, 0);
	free(text);
}

/* At the end: the changes kept between reads. */
static void
end(struct view *v)
{
	(void)v;
	since_release(&kept);
}

const struct view_ops pane_report_ops = {
	.title = N_("Report"),
	VROWS_VIEW_OPS,
	.load = load,
	.end = end,
};
