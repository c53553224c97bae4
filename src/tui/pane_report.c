/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pane_report.c: pane 5, the text summary drawn by report.c (as 'styrkort report --since last-review'), scrollable. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "report.h"
#include "util.h"
#include "view.h"

/*
 * The report needs the whole plan, activities and all; it is read only
 * when the pane is shown (view_load), so opening a large file stays quick.
 */
static void
load(struct view *v)
{
	struct dash *dash = v->dash;
	struct report r;
	char *text = NULL, *line, *next;
	size_t len = 0;
	FILE *f;
	struct vrows *rows = v->priv;

	vrows_free(rows);
	v->nrows = 0;
	/* What changed since the steering group last met (every change if it never has). */
	if (report_prepare(dash->db, dash->plan.s.id, "last-review", v->width < 40 ? 40 : v->width,
	                   dash->app->cfg.date_format, &r) < 0) {
		vrows_add(rows, xstrdup(err_get()), DC_ERROR, 1, 0, 0);
		v->nrows = 1;
		return;
	}
	if (!(f = open_memstream(&text, &len)))
		die(EXIT_RUNTIME, "open_memstream: out of memory");
	report_write(&r, report_writer_text(), f);
	fclose(f);
	report_release(&r);
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		vrows_add(rows, xstrdup(line), DC_NORMAL, 1, 0, 0);
		if (!next)
			break;
	}
	free(text);
	v->nrows = (long)rows->n;
}

const struct view_ops pane_report_ops = {
	.title = N_("Report"),
	VROWS_VIEW_OPS,
	.load = load,
};
