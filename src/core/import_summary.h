/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_summary.h: what an import of a strategy changed, found by comparing the strategy before and after it. */
#ifndef STYRKORT_IMPORT_SUMMARY_H
#define STYRKORT_IMPORT_SUMMARY_H

#include <stdio.h>
#include "db.h"
#include "model.h"

struct import_summary {
	int existed;            /* the strategy was in the database before */
	int have_after;
	struct plan before, after;
};

/* Inside the import's transaction: read the strategy before, and after, the changes. */
int import_summary_before(struct db *db, const char *strategy_id, struct import_summary *s);
int import_summary_after(struct db *db, const char *strategy_id, struct import_summary *s);
/*
 * One line per change, each starting with prefix: an item added, a field
 * changed (old -> new); for a new strategy, one line with what it holds.
 * Returns the number of changes (0: the import changed nothing).
 */
int import_summary_print(const struct import_summary *s, const char *prefix, FILE *out);
void import_summary_free(struct import_summary *s);

#endif
