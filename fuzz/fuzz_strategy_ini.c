/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_strategy_ini.c: the strategy INI importer; an accepted file exports, re-imports and exports the same bytes, and every report renders. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "strategy_ini.h"
#include "import_summary.h"
#include "util.h"

/* The canonical INI of strategy_id in db (free it). */
static char *
export_text(struct db *db, const char *strategy_id, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (!f)
		fuzz_fail("open_memstream");
	if (strategy_export(db, strategy_id, f) < 0)
		fuzz_fail("the export of an accepted strategy failed: %s", err_get());
	if (fclose(f) != 0)
		fuzz_fail("open_memstream: fclose");
	return text;
}

/* The export imported into a fresh database exports the same bytes. */
static void
check_round_trip(const char *strategy_id, const char *first, size_t first_len)
{
	struct db *db = fuzz_db_open(FUZZ_DB_EMPTY, "again");
	const char *path = fuzz_file("export.ini", first, first_len);
	char *id = NULL, *second;
	size_t second_len;

	if (strategy_import(db, path, &id) < 0)
		fuzz_fail("the export of an accepted strategy is refused: %s", err_get());
	if (strcmp(id, strategy_id) != 0)
		fuzz_fail("the export imports as '%s', not '%s'", id, strategy_id);
	second = export_text(db, id, &second_len);
	if (second_len != first_len || memcmp(first, second, first_len) != 0) {
		fprintf(stderr, "---- first export\n%s---- second export\n%s----\n", first, second);
		fuzz_fail("export -> import -> export is not byte-identical");
	}
	free(second);
	free(id);
	fuzz_db_close(db);
}

/* A dry run, then the import, each with its summary; 0 if both accept the file, -1 if both refuse it. */
static int
import_with_summary(struct db *db, const char *path, char **id)
{
	struct import_summary sum;
	char *dry_id = NULL;
	int dry, rc;

	memset(&sum, 0, sizeof sum);
	dry = strategy_import_summary(db, path, &dry_id, &sum, 1);
	if (dry == 0)
		import_summary_print(&sum, "", fuzz_null());
	import_summary_free(&sum);
	memset(&sum, 0, sizeof sum);
	rc = strategy_import_summary(db, path, id, &sum, 0);
	if (rc == 0)
		import_summary_print(&sum, "", fuzz_null());
	import_summary_free(&sum);
	if (dry != rc)
		fuzz_fail("a dry run %s the file, the import %s it (%s)", dry ? "refuses" : "accepts",
		          rc ? "refuses" : "accepts", err_get());
	if (rc == 0 && strcmp(dry_id, *id) != 0)
		fuzz_fail("a dry run imports '%s', the import '%s'", dry_id, *id);
	free(dry_id);
	return rc;
}

/*
 * Into a copy of fuzz/fixture.ini, so that a file can also change the
 * strategy "prov" that is there; a second import of the same file
 * changes nothing.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzz_db_open(FUZZ_DB_FIXTURE, "strategy");
	const char *path = fuzz_file("strategy.ini", data, size);
	char *id = NULL, *again = NULL, *first, *second;
	size_t first_len, second_len;

	if (import_with_summary(db, path, &id) == 0) {
		first = export_text(db, id, &first_len);
		if (fuzz_reports(db, id) < 0)
			fuzz_fail("a report of an accepted strategy failed: %s", err_get());
		if (strategy_import(db, path, &again) < 0)
			fuzz_fail("an accepted file is refused the second time: %s", err_get());
		second = export_text(db, id, &second_len);
		if (second_len != first_len || memcmp(first, second, first_len) != 0)
			fuzz_fail("a second import of the same file changed the strategy");
		check_round_trip(id, first, first_len);
		free(first);
		free(second);
		free(again);
		free(id);
	}
	fuzz_db_close(db);
	return 0;
}
