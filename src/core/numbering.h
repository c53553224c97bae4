/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numbering.h: activity numbers per strategy: what people type (oskarshamn:12, 12) to the internal id. */
#ifndef STYRKORT_NUMBERING_H
#define STYRKORT_NUMBERING_H

#include <stdint.h>
#include "db.h"

/*
 * An activity as people name it: N, or STRATEGY:N (oskarshamn:12).
 * *strategy gets the strategy named (a new string) or NULL; -1 with
 * err_set() if the text is neither form.
 */
int activity_name_parse(const char *text, char **strategy, int64_t *number);

/*
 * The activity people mean by text (N or STRATEGY:N) -> its internal id
 * and its strategy (*owner, a new string; may be NULL).  strategy is
 * --strategy (or NULL).  A bare N is the activity N of --strategy, or of
 * the file's only strategy; in a file with several strategies and none
 * named it is refused, and the message names the candidates: a number is
 * never guessed onto a strategy.  deleted: also an activity deleted
 * since (its history, for the log).  0; -1 with err_set() if there is no
 * such activity; -2 with err_set() if the name is wrong or does not say
 * which one (a usage error).
 */
int activity_find(struct db *db, const char *text, const char *strategy, int deleted,
                  int64_t *id, char **owner);

/* The number of activity id (its internal id), 0 if there is none (deleted, or an error). */
int64_t activity_number(struct db *db, int64_t id);

/*
 * The number an activity takes when it gives none: one more than the
 * largest before it.  Export writes `number = N` only where the number is
 * not that (after a deletion), so that files without numbers stay as they
 * are and an import into another file gives the same numbers.
 */
int64_t activity_next_number(int64_t largest_before);

#endif
