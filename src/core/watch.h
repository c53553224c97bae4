/* SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.h: learning of other processes' commits (inotify, else a poll) and whether one touched a strategy. */
#ifndef STYRKORT_WATCH_H
#define STYRKORT_WATCH_H

#include <stdint.h>
#include "db.h"

/*
 * Watching the file PATH: with inotify (use_inotify 1), on the file and
 * on its directory (for the journal, whose deletion ends a commit), its
 * descriptor becomes readable when another process writes the file.
 * Where that cannot tell, watch_fd() is -1 and watch_why() says why (not
 * Linux, a network file system, where a commit made on another machine
 * makes no event here, no inotify left): then ask at intervals.
 */
struct watch;
struct watch *watch_open(const char *path, int use_inotify);
int watch_fd(const struct watch *w);
const char *watch_why(const struct watch *w);
/* Read the events that are waiting (never blocks); 1 if one was about the file or its journal. */
int watch_read(struct watch *w);
/* Outside any transaction: closing a descriptor of the file drops the process's locks on it. */
void watch_close(struct watch *w);

/*
 * What a reader saw of the file: the connection's data_version, the
 * schema's version, the commits made to the file (its header's change
 * counter), the newest change-log row and the presenter's writes (its
 * row's count, presenter.c; -1 where the file has none).
 */
struct db_stamp {
	int data_version;
	int schema_version;
	uint32_t commits;
	int64_t last_log;
	int64_t presenter_writes;
};

enum watch_news {
	WATCH_SAME,             /* nobody else committed */
	WATCH_ELSEWHERE,        /* others did: changes logged to other strategies, the presenter's row */
	WATCH_CHANGED,          /* others did, and it may touch the strategy: read it again */
	WATCH_BUSY,             /* a commit is being written: ask again in a moment */
};

/* The stamp now (after reading everything again); -1 with err_set() on error. */
int watch_stamp(struct watch *w, struct db *db, struct db_stamp *s);
/*
 * Has another process committed since *seen, and may it have changed
 * strategy_id?  Without waiting for a writer (WATCH_BUSY).  *seen
 * becomes the stamp now, except for WATCH_CHANGED (watch_stamp() after
 * the reload) and WATCH_BUSY.  A commit that logged nothing (a review,
 * sqlite3, a restore) or changed the schema counts as WATCH_CHANGED,
 * except the presenter's moves and heartbeat, which count themselves in
 * its row (presenter.h): a follower reads the row, nothing else.
 */
enum watch_news watch_check(struct watch *w, struct db *db, const char *strategy_id, struct db_stamp *seen);

#endif
