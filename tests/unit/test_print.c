/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_print.c: the print key's work: to the print command, else to a file whose name is told. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "db.h"
#include "model.h"
#include "print.h"
#include "strategy_ini.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-print-test-XXXXXX";
static struct report rep;

static int
setup(void **state)
{
	char *db_path, *ini;
	const char *src = getenv("top_srcdir");
	struct db *db;

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	db_path = xasprintf("%s/p.db", dir);
	ini = xasprintf("%s/data/vastervik.ini", src ? src : ".");
	db = db_open(db_path, DB_CREATE);
	if (!db || strategy_import(db, ini, NULL) < 0 || report_prepare(db, "vastervik", NULL, 80, "%Y-%m-%d", &rep) < 0)
		return -1;
	db_close(db);
	free(db_path);
	free(ini);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	(void)state;
	report_release(&rep);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_steal(&b);
}

static void
to_the_command(void **state)
{
	char *msg = NULL, *cmd, *out, *got;

	(void)state;
	out = xasprintf("%s/printed.txt", dir);
	cmd = xasprintf("cat > '%s'", out);
	assert_int_equal(print_report(&rep, cmd, dir, &msg), PRINT_SENT);
	assert_non_null(strstr(msg, "sent to"));
	got = slurp(out);
	assert_non_null(got);
	assert_non_null(strstr(got, "Västerviks kommun"));
	assert_non_null(strstr(got, "Overall progress"));
	free(got);
	free(msg);
	free(cmd);
	free(out);
}

static void
failing_command_saves_a_file(void **state)
{
	char *msg = NULL, *got, *path;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	assert_int_equal(print_report(&rep, "echo 'lpr: no printer' >&2; exit 3", dir, &msg), PRINT_SAVED);
	/* The message says why printing failed and where the summary went. */
	assert_non_null(strstr(msg, "lpr: no printer"));
	path = xasprintf("%s/styrkort-vastervik-2026-11-22.txt", dir);
	assert_non_null(strstr(msg, path));
	got = slurp(path);
	assert_non_null(got);
	assert_non_null(strstr(got, "Västerviks kommun"));
	free(got);
	free(msg);
	{
		/* The summary is the person's: readable by them only. */
		struct stat sb;

		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0600);
	}
	/* An empty command saves at once, to a new name. */
	assert_int_equal(print_report(&rep, "", dir, &msg), PRINT_SAVED);
	assert_non_null(strstr(msg, "styrkort-vastervik-2026-11-22-2.txt"));
	free(msg);
	free(path);
	/* A directory that cannot be written: an error, said. */
	assert_int_equal(print_report(&rep, "", "/nonexistent/dir", &msg), PRINT_ERROR);
	assert_non_null(strstr(msg, "/nonexistent/dir"));
	free(msg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(to_the_command),
		cmocka_unit_test(failing_command_saves_a_file),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, setup, teardown);
}
