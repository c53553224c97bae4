/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ini.c: our layer over iniparser: duplicates, line limits, escapes and long values. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ini.h"
#include "util.h"

static char path[] = "/tmp/styrkort-ini-XXXXXX";

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
duplicate_key_is_an_error(void **state)
{
	struct ini ini;

	(void)state;
	write_file("[a]\nx = 1\n; comment\nX = 2\n");
	assert_int_equal(ini_load(&ini, path), -1);
	assert_non_null(strstr(err_get(), "line 4"));
	assert_non_null(strstr(err_get(), "'x' appears twice"));
	ini_free(&ini);
}

static void
syntax_error_names_the_line(void **state)
{
	struct ini ini;

	(void)state;
	write_file("[a]\nx = 1\nnot a key\n");
	assert_int_equal(ini_load(&ini, path), -1);
	assert_non_null(strstr(err_get(), "line 3"));
	ini_free(&ini);
}

/* Whatever ini_write() writes, ini_text() reads back unchanged. */
static void
round_trip(const char *value)
{
	struct ini ini;
	FILE *f = fopen(path, "w");
	char *back;
	int bad = 0;

	assert_non_null(f);
	fputs("[s]\n", f);
	ini_write(f, "text", value);
	fclose(f);
	assert_int_equal(ini_load(&ini, path), 0);
	back = ini_text(&ini, "s", "text", &bad);
	assert_int_equal(bad, 0);
	assert_non_null(back);
	assert_string_equal(back, value);
	free(back);
	ini_free(&ini);
}

static void
escapes_and_long_values(void **state)
{
	struct buf b;

	(void)state;
	round_trip("plain text with \"quotes\" inside");
	round_trip("  leading and trailing spaces  ");
	round_trip("semicolon; hash # equals = end\\");
	round_trip("\"starts with a quote' and 'single");
	round_trip("line one\nline two\n\ttabbed");
	round_trip("");
	buf_init(&b);
	for (int i = 0; i < 400; i++)
		buf_puts(&b, "ålö; \"x\" ");
	round_trip(b.s);      /* about 4,000 bytes: several parts */
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicate_key_is_an_error),
		cmocka_unit_test(syntax_error_names_the_line),
		cmocka_unit_test(escapes_and_long_values),
	};
	int fd, rc;

	setlocale(LC_ALL, "");
	fd = mkstemp(path);
	if (fd < 0)
		return 1;
	close(fd);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(path);
	return rc;
}
