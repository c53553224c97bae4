/* SPDX-License-Identifier: GPL-3.0-or-later */
/* presenter.h: the meeting's presenter (--present) and the members who follow it (--follow), through one row in the file. */
#ifndef STYRKORT_PRESENTER_H
#define STYRKORT_PRESENTER_H

#include <stdint.h>

#include "db.h"

/*
 * The table presenter holds at most one row (id 1): who presents, where
 * (strategy, pane, the late-only filter, pane 5's since-view, the
 * selected item) and when it last wrote.  Only the presenter writes it,
 * with one short statement per move; followers only read it, so a member
 * who may only read the file can follow.  It is not part of the schema's
 * versions: the first presenter makes it (CREATE TABLE IF NOT EXISTS),
 * and a file without it simply has no presenter yet (styrkort(5)).
 */

/* Seconds between the presenter's writes while nothing moves (the heartbeat). */
#define PRESENTER_HEARTBEAT 10
/* A row not written for this long belongs to a presenter that was killed: it has left. */
#define PRESENTER_STALE 30

/* Where the presenter is. */
struct presenter_place {
	char *strategy;         /* the strategy's id */
	int pane;               /* 0 the overview ... 5 the report */
	int late;               /* 1: pane 4 shows only the activities past their due date */
	int since;              /* 1: pane 5 shows the changes since the last review */
	int item_kind;          /* the selected item: the dashboard's kind (enum item_kind) and key (0: none) */
	int64_t item_key;
	long row;               /* the selected row, for a pane whose rows are no items */
};

struct presenter {
	char *who;              /* the presenter's name */
	char *session;          /* which run of styrkort presents */
	int present;            /* 1 presenting, 0 quit */
	int64_t updated;        /* when it last wrote (seconds since 1970, UTC) */
	struct presenter_place place;
};

enum presenter_status {
	PRESENTER_NONE,         /* nobody presents yet (no table, no row) */
	PRESENTER_ON,           /* someone presents */
	PRESENTER_LEFT          /* the presenter quit, or stopped writing (killed) */
};

/* A session id for this run: host, process and time. */
char *presenter_session(void);

/*
 * Become the presenter (--present): in one write transaction (so the
 * file is checked first, as before any write), make the table if it is
 * missing and take the row.  0: presenting; 1: someone else presents
 * (*other: their name, to free); -1: err_set() (read-only, busy, damaged).
 */
int presenter_start(struct db *db, const char *who, const char *session, const struct presenter_place *at,
                    int64_t now, char **other);

/*
 * A move (or the heartbeat): one UPSERT of the row, waiting at most a
 * moment for another writer.  0 written; 1 busy, skipped (the next move
 * writes); 2 someone else has taken over (this session's row is gone);
 * -1 err_set().
 */
int presenter_move(struct db *db, const char *who, const char *session, const struct presenter_place *at,
                   int64_t now);

/* The presenter quits: the row says so (members see "the presenter has left"); waits for a writer as any write. */
int presenter_leave(struct db *db, const char *session, int64_t now);

/* Read the row: 0 and *p (presenter_free() it); 1 no table or no row; -1 err_set(). */
int presenter_read(struct db *db, struct presenter *p);
void presenter_free(struct presenter *p);
void presenter_place_free(struct presenter_place *at);

/* What a follower makes of presenter_read()'s result RC and P at time NOW. */
enum presenter_status presenter_status(int rc, const struct presenter *p, int64_t now);

/* Do two places differ (what a follower must change)? */
int presenter_place_differs(const struct presenter_place *a, const struct presenter_place *b);

#endif
