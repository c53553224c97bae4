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

#endif
