/* SPDX-License-Identifier: GPL-3.0-or-later */
/* input.h: reading an input file once, whatever its format: a size limit, a BOM, UTF-16. */
#ifndef STYRKORT_INPUT_H
#define STYRKORT_INPUT_H

#include <stddef.h>

/* No input file (strategy, configuration, measurements) may be larger. */
#define INPUT_MAX_BYTES (16L * 1024 * 1024)

/*
 * Read all of PATH into memory, once (so a pipe such as /dev/stdin works),
 * and check what every input format shares: at most INPUT_MAX_BYTES (an
 * endless input such as /dev/zero is refused, not read forever); a UTF-8
 * byte-order mark is dropped (Notepad writes one); UTF-16 (Excel's
 * "Unicode text") and other files with NUL bytes are refused with what to
 * do.  *text is NUL-terminated and *len excludes the BOM.  On error
 * err_set() names the file and returns -1.
 */
int input_read(const char *path, char **text, size_t *len);

/*
 * The same for a format that may come in an 8-bit character set (SCB's
 * CSV export): text that is not UTF-8 is read as Windows-1252 (Latin-1)
 * and converted to UTF-8, and *latin1_line gets the line of its first
 * byte that is not UTF-8 (0: the file was UTF-8), so that a caller that
 * finds another format can refuse it with input_not_utf8().
 */
int input_read_8bit(const char *path, char **text, size_t *len, int *latin1_line);

/* The error of a file that is not UTF-8 at LINE: what to do (err_set()). */
void input_not_utf8(const char *path, int line);

#endif
