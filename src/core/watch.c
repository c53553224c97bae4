/* SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.c: learning of other processes' commits (inotify on the file and its directory) and whether one touched a strategy. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#include <sys/vfs.h>
#endif

#include "util.h"
#include "watch.h"

struct watch {
	int ifd;                /* inotify, or -1: ask at intervals */
	int wd_file, wd_dir;
	int file_fd;            /* the file, to read its header's change counter (-1: cannot) */
	char *name, *journal;   /* the file's and its journal's names in their directory */
};

#ifdef __linux__
/*
 * File systems shared between machines: a commit made on another machine
 * makes no inotify event here (statfs(2)'s f_type, from linux/magic.h).
 */
static const unsigned long remote_fs[] = {
	0x6969,                 /* NFS */
	0x517b, 0xff534d42, 0xfe534d42,         /* SMB, CIFS, SMB2 */
	0x65735546,             /* FUSE: sshfs and the like */
	0x01021997,             /* 9P */
	0x00c36400,             /* Ceph */
	0x5346414f, 0x6b414653, /* AFS */
	0x73757245,             /* Coda */
	0x7461636f, 0x01161970, /* OCFS2, GFS2 */
	0x0bd00bd0,             /* Lustre */
	0x564c,                 /* NCP */
};

static int
is_remote(const char *dir)
{
	struct statfs fs;

	if (statfs(dir, &fs) < 0)
		return 1;
	for (size_t i = 0; i < sizeof remote_fs / sizeof remote_fs[0]; i++)
		if ((unsigned long)fs.f_type == remote_fs[i])
			return 1;
	return 0;
}

/* inotify on the file (written) and on its directory (the journal made and deleted, the file replaced). */
static void
watch_inotify(struct watch *w, const char *path)
{
	char *real = realpath(path, NULL), *copy;
	const char *dir;

	if (!real)
		return;
	copy = xstrdup(real);
	dir = dirname(copy);
	if (!is_remote(dir) && (w->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) >= 0) {
		w->wd_file = inotify_add_watch(w->ifd, real, IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF);
		w->wd_dir = inotify_add_watch(w->ifd, dir, IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
		if (w->wd_file < 0 || w->wd_dir < 0) {
			close(w->ifd);
			w->ifd = -1;
		}
	}
	free(w->name);
	w->name = xstrdup(real + strlen(real) - strlen(basename(real)));
	free(copy);
	free(real);
}
#endif

struct watch *
watch_open(const char *path, int use_inotify)
{
	struct watch *w = xcalloc(1, sizeof *w);
	const char *slash = strrchr(path, '/');

	w->ifd = w->wd_file = w->wd_dir = -1;
	w->name = xstrdup(slash ? slash + 1 : path);
	w->file_fd = open(path, O_RDONLY | O_CLOEXEC);
#ifdef __linux__
	if (use_inotify)
		watch_inotify(w, path);
#else
	(void)use_inotify;
#endif
	w->journal = xasprintf("%s-journal", w->name);
	return w;
}

int
watch_fd(const struct watch *w)
{
	return w->ifd;
}

int
watch_read(struct watch *w)
{
	int news = 0;

#ifdef __linux__
	/* Aligned as inotify(7) asks. */
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;

	if (w->ifd < 0)
		return 0;
	while ((n = read(w->ifd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)(void *)p;

			if (e->wd == w->wd_file ||
			    (e->len && (strcmp(e->name, w->name) == 0 || strcmp(e->name, w->journal) == 0)))
				news = 1;
			p += sizeof *e + e->len;
		}
	}
#else
	(void)w;
#endif
	return news;
}

void
watch_close(struct watch *w)
{
	if (!w)
		return;
	if (w->ifd >= 0)
		close(w->ifd);
	if (w->file_fd >= 0)
		close(w->file_fd);
	free(w->name);
	free(w->journal);
	free(w);
}

/* The header's file change counter: one more for every commit (big-endian, at byte 24). */
static uint32_t
commits(const struct watch *w)
{
	unsigned char b[4];

	if (w->file_fd < 0 || pread(w->file_fd, b, 4, 24) != 4)
		return 0;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/*
 * The presenter's writes (presenter.c counts each in its row), or -1: no
 * table, no row, or a table made by an older styrkort (no such column),
 * which is no error here.
 */
static int64_t
presenter_writes(struct db *db)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db->sql, "SELECT writes FROM presenter WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The rest of the stamp, in the read transaction that gave its data_version. */
static int
stamp_rest(const struct watch *w, struct db *db, struct db_stamp *s)
{
	sqlite3_stmt *st;

	if (db_pragma_int(db, "PRAGMA schema_version", &s->schema_version) < 0 ||
	    !(st = db_prepare(db, "SELECT coalesce(max(id), 0) FROM change_log")))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(db);
		sqlite3_finalize(st);
		return -1;
	}
	s->last_log = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	s->presenter_writes = presenter_writes(db);
	s->commits = commits(w);
	return 0;
}

int
watch_stamp(struct watch *w, struct db *db, struct db_stamp *s)
{
	int rc;

	if (db_exec(db, "BEGIN") < 0)
		return -1;
	rc = db_pragma_int(db, "PRAGMA data_version", &s->data_version) < 0 ? -1 : stamp_rest(w, db, s);
	db_exec(db, rc < 0 ? "ROLLBACK" : "COMMIT");
	return rc;
}

/*
 * Others' commits since *seen, now: were they all logged writes to other
 * strategies or the presenter's writes?  One batch of change-log rows per
 * commit (db_write_begin), none of strategy_id; the presenter counts its
 * own.  The rows after seen's newest, through the rowid.
 */
static enum watch_news
news_since(const struct watch *w, struct db *db, const char *strategy_id, const struct db_stamp *seen,
           struct db_stamp *now)
{
	sqlite3_stmt *st;
	int64_t batches = -1, ours = 1, moves = 0;

	if (stamp_rest(w, db, now) < 0)
		return WATCH_CHANGED;
	if (seen->presenter_writes >= 0 && now->presenter_writes >= seen->presenter_writes)
		moves = now->presenter_writes - seen->presenter_writes;
	if (now->schema_version != seen->schema_version || now->last_log < seen->last_log ||
	    now->commits == seen->commits || w->file_fd < 0)
		return WATCH_CHANGED;
	/* EXPLAIN QUERY PLAN: SEARCH change_log USING INTEGER PRIMARY KEY (rowid>?): the new rows only. */
	st = db_prepare(db, "SELECT count(DISTINCT batch), coalesce(sum(strategy_id = ?2), 0)"
	                    " FROM change_log WHERE id > ?1");
	if (!st)
		return WATCH_CHANGED;
	sqlite3_bind_int64(st, 1, seen->last_log);
	sqlite3_bind_text(st, 2, strategy_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		batches = sqlite3_column_int64(st, 0);
		ours = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return ours == 0 && batches + moves == (int64_t)(uint32_t)(now->commits - seen->commits) ? WATCH_ELSEWHERE
	                                                                                         : WATCH_CHANGED;
}

enum watch_news
watch_check(struct watch *w, struct db *db, const char *strategy_id, struct db_stamp *seen)
{
	struct db_stamp now;
	enum watch_news news;
	int wait = db->busy_ms, rc;

	if (db_exec(db, "BEGIN") < 0)
		return WATCH_CHANGED;
	/* The first read takes the shared lock: not while a commit is written (then ask again soon). */
	db->busy_ms = 0;
	rc = db_pragma_int(db, "PRAGMA data_version", &now.data_version);
	db->busy_ms = wait;
	if (rc < 0) {
		int busy = (sqlite3_errcode(db->sql) & 0xff) == SQLITE_BUSY;

		db_exec(db, "ROLLBACK");
		return busy ? WATCH_BUSY : WATCH_CHANGED;
	}
	news = now.data_version == seen->data_version ? WATCH_SAME : news_since(w, db, strategy_id, seen, &now);
	db_exec(db, "COMMIT");
	if (news == WATCH_ELSEWHERE)
		*seen = now;
	return news;
}
