/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stamp.h: the "verified" stamp, an extended attribute saying the file is as a checked commit left it. */
#ifndef STYRKORT_STAMP_H
#define STYRKORT_STAMP_H

#include <stdint.h>

/* The name of the extended attribute (getfattr -n user.styrkort.verified FILE shows it). */
#define STAMP_XATTR "user.styrkort.verified"

/* What stat(2) says of the file: what a write changes. */
struct stamp {
	uint64_t dev, ino;
	int64_t size;
	int64_t mtime_s, ctime_s;
	long mtime_ns, ctime_ns;
};

enum stamp_result {
	STAMP_UNSUPPORTED = -1, /* the file system keeps no user attributes (or we may not set them) */
	STAMP_NONE = 0,         /* no stamp, or not this file as it is now; or stat failed */
	STAMP_MATCH = 1         /* the file is byte for byte as a checked commit left it */
};

/* The file at path as it is now (stat); -1 if stat fails. */
int stamp_of_file(const char *path, struct stamp *now);
/* Two looks at a file that no write (and no chmod, chown, utime) came between. */
int stamp_same(const struct stamp *a, const struct stamp *b);
/* Does path carry a stamp that matches the file as it is?  *now: the file as it is. */
enum stamp_result stamp_check(const char *path, struct stamp *now);
/*
 * Stamp path as it is: s is the file's stat, taken under the write lock
 * right after a checked commit.  STAMP_MATCH when set, STAMP_UNSUPPORTED
 * when the file system will not keep it, STAMP_NONE on another failure.
 */
enum stamp_result stamp_write(const char *path, const struct stamp *s);

#endif
