/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stamp.c: the "verified" stamp (user.styrkort.verified): the file as a checked commit left it, so the next write need not read all of it again. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>

#include "stamp.h"

/*
 * Setting the stamp changes the file's ctime, so the stamp cannot hold
 * that; it holds a limit instead, a little after the moment it was set.
 * A later chmod, chown, utime (touch -d, os.utime putting a damaged file's
 * mtime back) or write moves ctime past the limit, and the stamp no longer
 * matches.  Seconds.
 */
#define STAMP_CTIME_SLACK 1

int
stamp_of_file(const char *path, struct stamp *now)
{
	struct stat sb;

	memset(now, 0, sizeof *now);
	if (stat(path, &sb) != 0)
		return -1;
	now->dev = (uint64_t)sb.st_dev;
	now->ino = (uint64_t)sb.st_ino;
	now->size = (int64_t)sb.st_size;
	now->mtime_s = (int64_t)sb.st_mtim.tv_sec;
	now->mtime_ns = sb.st_mtim.tv_nsec;
	now->ctime_s = (int64_t)sb.st_ctim.tv_sec;
	now->ctime_ns = sb.st_ctim.tv_nsec;
	return 0;
}

int
stamp_same(const struct stamp *a, const struct stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_s == b->mtime_s &&
	       a->mtime_ns == b->mtime_ns && a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

/* The attribute's text: a version, dev, inode, size, mtime and the ctime limit. */
static int
format(char *buf, size_t n, const struct stamp *s, int64_t ctime_limit)
{
	return snprintf(buf, n, "1 %" PRIu64 " %" PRIu64 " %" PRId64 " %" PRId64 ".%09ld %" PRId64,
	                s->dev, s->ino, s->size, s->mtime_s, s->mtime_ns, ctime_limit);
}

/* A file system that keeps no user attributes, or will not let us set them. */
static int
unsupported(int e)
{
	return e == ENOTSUP || e == EOPNOTSUPP || e == EACCES || e == EPERM;
}

enum stamp_result
stamp_check(const char *path, struct stamp *now)
{
	char have[128], want[128];
	ssize_t n;
	int64_t limit;
	int len;

	if (stamp_of_file(path, now) < 0)
		return STAMP_NONE;
	if ((n = getxattr(path, STAMP_XATTR, have, sizeof have - 1)) < 0)
		return errno == ENOTSUP || errno == EOPNOTSUPP ? STAMP_UNSUPPORTED : STAMP_NONE;
	have[n] = '\0';
	/* Everything but the limit must be the same text; then ctime must be within the limit. */
	len = format(want, sizeof want, now, 0);
	if (len < 2 || strncmp(have, want, (size_t)len - 1) != 0 ||
	    sscanf(have + len - 1, "%" SCNd64, &limit) != 1)
		return STAMP_NONE;
	return now->ctime_s <= limit ? STAMP_MATCH : STAMP_NONE;
}

static int
set(const char *path, const struct stamp *s, int64_t limit)
{
	char value[128];
	int len = format(value, sizeof value, s, limit);

	return setxattr(path, STAMP_XATTR, value, (size_t)len, 0);
}

enum stamp_result
stamp_write(const char *path, const struct stamp *s)
{
	int64_t limit = (int64_t)time(NULL) + STAMP_CTIME_SLACK;
	struct stamp after;

	if (set(path, s, limit) != 0)
		return unsupported(errno) ? STAMP_UNSUPPORTED : STAMP_NONE;
	/*
	 * A file server whose clock is ahead of ours gives a ctime past the
	 * limit: then the limit is counted from the ctime it gave.
	 */
	if (stamp_of_file(path, &after) == 0 && after.ctime_s > limit &&
	    set(path, s, after.ctime_s + STAMP_CTIME_SLACK) != 0)
		return STAMP_NONE;
	return STAMP_MATCH;
}
