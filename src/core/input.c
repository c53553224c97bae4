/* SPDX-License-Identifier: GPL-3.0-or-later */
/* input.c: reading an input file once, whatever its format: a size limit, a BOM, UTF-16. */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "text.h"
#include "util.h"

/* The line of the first byte that is not UTF-8, or 0 if the text is all UTF-8. */
static int
first_bad_line(char *s, size_t n)
{
	int line = 1;

	for (char *p = s, *end = s + n; p < end; line++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *stop = nl ? nl : end, keep = *stop;
		int ok;

		*stop = '\0';
		ok = text_valid_utf8(p);
		*stop = keep;
		if (!ok)
			return line;
		p = stop + 1;
	}
	return 0;
}

/* Does the text look like UTF-16: a BOM, or ASCII with every other byte NUL? */
static int
looks_utf16(const unsigned char *s, size_t n)
{
	if (n < 2)
		return 0;
	if ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))
		return 1;
	return (s[0] == 0) != (s[1] == 0);
}

/* The whole file, up to the size limit, NUL-terminated (*n bytes); NULL with err_set(). */
static char *
read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 65536, got;
	char *s;

	*n = 0;
	if (!f) {
		err_set("%s: %s", path, strerror(errno));
		return NULL;
	}
	s = xmalloc(cap + 1);
	while ((got = fread(s + *n, 1, cap - *n, f)) > 0) {
		*n += got;
		if (*n > (size_t)INPUT_MAX_BYTES) {
			err_set(_("%s: the file is larger than %ld MiB, the limit for an input file; "
			          "is it the right file?"), path, INPUT_MAX_BYTES / (1024L * 1024));
			goto fail;
		}
		if (*n == cap) {
			/* One byte over the limit is enough to know. */
			cap = cap * 2 > (size_t)INPUT_MAX_BYTES + 1 ? (size_t)INPUT_MAX_BYTES + 1 : cap * 2;
			s = xrealloc(s, cap + 1);
		}
	}
	if (ferror(f)) {
		err_set("%s: %s", path, strerror(errno ? errno : EIO));
		goto fail;
	}
	fclose(f);
	s[*n] = '\0';
	return s;
fail:
	fclose(f);
	free(s);
	return NULL;
}

/*
 * Text, not UTF-16 nor binary; a UTF-8 BOM is dropped.  Not UTF-8: an
 * error, or with latin1_line the line of the first byte that is not.  -1
 * with err_set().
 */
static int
check_text(const char *path, char *s, size_t *n, int *latin1_line)
{
	char *nul;
	int bad;

	if (looks_utf16((unsigned char *)s, *n)) {
		err_set(_("%s: the file is in UTF-16 (Excel's \"Unicode text\"); save it as UTF-8 "
		          "(in Excel: CSV UTF-8; in an editor: \"Save as\", encoding UTF-8)"), path);
		return -1;
	}
	if ((nul = memchr(s, '\0', *n)) != NULL) {
		int line = 1;

		for (const char *p = s; p < nul; p++)
			line += *p == '\n';
		err_set(_("%s: line %d: the file holds a NUL byte, so it is not a text file; "
		          "is it the right file?"), path, line);
		return -1;
	}
	if (*n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		*n -= 3;
		memmove(s, s + 3, *n + 1);
	}
	/* One rule for every format: a file from Notepad's "ANSI" or Excel's "CSV" is Latin-1. */
	if ((bad = first_bad_line(s, *n)) > 0) {
		if (latin1_line) {
			*latin1_line = bad;
			return 0;
		}
		input_not_utf8(path, bad);
		return -1;
	}
	return 0;
}

void
input_not_utf8(const char *path, int line)
{
	err_set(_("%s: line %d: the text is not UTF-8 (perhaps Latin-1, \"ANSI\"); save the file as UTF-8 "
	          "(in Excel: CSV UTF-8; in an editor: \"Save as\", encoding UTF-8)"), path, line);
}

/* S (N bytes) from the 8-bit character set FROM to UTF-8, NUL-terminated; NULL if a byte has no character in it. */
static char *
to_utf8(const char *from, const char *s, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = n * 3 + 1, left = cap - 1;
	char *out, *in = (char *)s, *o;

	if (cd == (iconv_t)-1)   /* POSIX's failure value; NOLINT(performance-no-int-to-ptr) */
		return NULL;
	out = o = xmalloc(cap);
	if (iconv(cd, &in, &n, &o, &left) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

int
input_read(const char *path, char **text, size_t *len)
{
	return input_read_8bit(path, text, len, NULL);
}

int
input_read_8bit(const char *path, char **text, size_t *len, int *latin1_line)
{
	size_t n;
	char *s = read_all(path, &n), *u;

	*text = NULL;
	*len = 0;
	if (latin1_line)
		*latin1_line = 0;
	if (!s)
		return -1;
	if (check_text(path, s, &n, latin1_line) < 0) {
		free(s);
		return -1;
	}
	if (latin1_line && *latin1_line) {
		/* Windows-1252 is Latin-1 with letters where Latin-1 has control codes; its five holes are Latin-1's. */
		if (!(u = to_utf8("WINDOWS-1252", s, n, &n)) && !(u = to_utf8("ISO-8859-1", s, n, &n))) {
			input_not_utf8(path, *latin1_line);
			free(s);
			return -1;
		}
		free(s);
		s = u;
	}
	*text = s;
	*len = n;
	return 0;
}
