/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_set.c: `styrkort set` values: lines of FIELD=VALUE checked as set checks them, applied to an activity, reported, undone. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "activity.h"
#include "common.h"
#include "util.h"

/* date_format values people configure; the first byte of an input picks one. */
static const char *const date_formats[] = { "%Y-%m-%d", "%d/%m/%Y", "%e %b %Y", "%d.%m.%y", "%x", "%m/%d" };

/* Each line FIELD=VALUE into c as set_changes() in cli.c does; -1 at the first one set refuses. */
static int
read_changes(char *text, const char *date_format, struct act_change *c)
{
	char *save = NULL;

	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');
		int f;

		if (!eq)
			return -1;
		*eq = '\0';
		f = act_field_from_name(line);
		if (f < 0 || c->value[f] || act_change_set(c, f, eq + 1, date_format) < 0)
			return -1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct act_change c = { 0 };
	const char *date_format;
	char *text;
	struct db *db;

	if (size == 0)
		return -1;
	date_format = date_formats[data[0] % (sizeof date_formats / sizeof date_formats[0])];
	text = xstrndup((const char *)data + 1, size - 1);
	if (read_changes(text, date_format, &c) == 0) {
		int64_t id = 0;
		char *what = NULL;

		db = fuzz_db_open(FUZZ_DB_FIXTURE, "set");
		if (activity_apply(db, 1, &c, 0, c.value[AF_COMMENT], NULL) == ACTIVITY_OK) {
			if (fuzz_reports(db, "prov") < 0)
				fuzz_fail("a report after an accepted change failed: %s", err_get());
			activity_undo(db, "prov", &what);
			free(what);
		}
		if (activity_add(db, "prov", &c, NULL, &id) == ACTIVITY_OK && fuzz_reports(db, "prov") < 0)
			fuzz_fail("a report after an added activity failed: %s", err_get());
		fuzz_db_close(db);
	}
	act_change_free(&c);
	free(text);
	return 0;
}
