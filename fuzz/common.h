/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/common.h: what every libFuzzer harness shares: a private directory, input files, a fresh database per input. */
#ifndef STYRKORT_FUZZ_COMMON_H
#define STYRKORT_FUZZ_COMMON_H
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "db.h"

/* The harness's entry point (libFuzzer calls it once per input). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fixed world of the tests (today, user, English): call once before the first input. */
void fuzz_setup(void);
/* DATA as the file NAME in the harness's private directory; its path (static until the next call with NAME). */
const char *fuzz_file(const char *name, const void *data, size_t size);

/* /dev/null, opened once, for what is written only to be run through. */
FILE *fuzz_null(void);

/* A fresh database for one input: empty, or with fuzz/fixture.ini imported (for values and activities). */
enum fuzz_db { FUZZ_DB_EMPTY, FUZZ_DB_FIXTURE };
struct db *fuzz_db_open(enum fuzz_db kind, const char *name);
void fuzz_db_close(struct db *db);

/* Every report format of strategy_id, at two widths, with the changes since the last review; -1 if one fails. */
int fuzz_reports(struct db *db, const char *strategy_id);

/*
 * A file of indicator values (measurements_import) into the fixture: JSON
 * (starts with '{') or CSV, as json says; -1 (not kept in the corpus) for
 * an input of the other kind.
 */
int fuzz_measurements(const uint8_t *data, size_t size, int json);

/* Stop with a message: libFuzzer counts it as a crash and keeps the input. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#endif
