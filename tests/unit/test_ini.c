/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ini.c: our INI grammar over iniparser: one reading of every line, escapes, long values, inputs. */
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

/* The file must be refused with an error that names the line and says what. */
static void
refused(const char *text, const char *line, const char *what)
{
	struct ini ini;

	write_file(text);
	assert_int_equal(ini_load(&ini, path), -1);
	if (!strstr(err_get(), line) || !strstr(err_get(), what) || !strstr(err_get(), path))
		fail_msg("'%s' lacks '%s' or '%s'", err_get(), line, what);
	ini_free(&ini);
}

/* The text of [s] text in the file, which must load. */
static char *
text_of(const char *file_text)
{
	struct ini ini;
	char *v;
	int bad = 0;

	write_file(file_text);
	if (ini_load(&ini, path) < 0)
		fail_msg("%s", err_get());
	v = ini_text(&ini, "s", "text", &bad);
	assert_int_equal(bad, 0);
	assert_non_null(v);
	ini_free(&ini);
	return v;
}

static void
expect_text(const char *file_text, const char *want)
{
	char *v = text_of(file_text);

	assert_string_equal(v, want);
	free(v);
}

/* iniparser read "[display] color = never" as a key and we as a section: a NULL and a crash. */
static void
text_after_a_section_is_an_error(void **state)
{
	(void)state;
	refused("[a]\nx = 1\n[display] color = never\n", "line 3", "after the section's ']'");
	refused("[display] ; a comment\ncolor = never\n", "line 1", "after the section's ']'");
}

/* Every line iniparser 4.1, 4.2 and our lexer could read differently is refused. */
static void
lines_read_differently_are_errors(void **state)
{
	(void)state;
	/* 4.1 ends the name at the first ']', 4.2 at the last. */
	refused("[a]\nx = 1\n[b]c]\n", "line 3", "may not contain");
	refused("[a]\n[b[c]\n", "line 2", "may not contain");
	refused("[a:b]\n", "line 1", "may not contain");
	refused("[]\n", "line 1", "needs a name");
	refused("[a\n", "line 1", "closing ']'");
	/* Both drop what follows a closing quote: it is not silently lost. */
	refused("[s]\ntext = \"abc\" def\n", "line 2", "after the closing");
	refused("[s]\ntext = 'abc' def\n", "line 2", "after the closing");
	refused("[s]\ntext = \"abc\n", "line 2", "does not end with one");
	/* \" ends the value at the quote in 4.1 and not in 4.2. */
	refused("[s]\ntext = \"a\\\"b\"\n", "line 2", "after the closing");
	refused("[s]\nmy key = 1\n", "line 2", "not a key");
	refused("[s]\n= 1\n", "line 2", "not a key");
	refused("[s]\nno equals sign\n", "line 2", "not a [section]");
	refused("x = 1\n", "line 1", "outside any [section]");
	refused("[s]\ntext = a\\qb\n", "line 2", "unknown escape");
	refused("[s]\ntext = \"a\\qb\"\n", "line 2", "unknown escape");
	refused("[s]\ntext = a\\x00b\n", "line 2", "unknown escape");
	refused("[s]\n[\xe5]\n", "line 2", "not UTF-8");
	/* iniparser would wait for a next line and drop this one. */
	refused("[s]\nx = 1\ntext = a \\\n", "line 3", "backslash");
}

/* Values as both iniparser versions and our lexer read them the same way. */
static void
values_are_read_one_way(void **state)
{
	(void)state;
	expect_text("[s]\ntext = plain text\n", "plain text");
	expect_text("[s]\ntext =   spaces around   \n", "spaces around");
	expect_text("[s]\ntext = before ; a comment\n", "before");
	expect_text("[s]\ntext = before # a comment\n", "before");
	expect_text("[s]\ntext =\n", "");
	expect_text("[s]\ntext = \"\"\n", "");
	expect_text("[s]\ntext = ''\n", "");
	expect_text("[s]\ntext = \"\" ; nothing\n", "");
	expect_text("[s]\ntext = \"  a; b # c  \" ; comment\n", "  a; b # c  ");
	expect_text("[s]\ntext = 'it \"is\" so'\n", "it \"is\" so");
	expect_text("[s]\ntext = a \"quoted\" word\n", "a \"quoted\" word");
	expect_text("[s]\ntext = a = b [c]\n", "a = b [c]");
	expect_text("[s]\nTEXT = x\n", "x");
	expect_text("[ S ]\ntext = x\n", "x");
	expect_text("[s]\r\ntext = crlf\r\n", "crlf");
	expect_text("[s]\ntext = kunna\\nutvecklas\\t\\\\ \\x3b\\x23\n", "kunna\nutvecklas\t\\ ;#");
	/* As the previous version wrote them: quoted, with escapes; iniparser 4.2 drops the backslashes. */
	expect_text("[s]\ntext = \"kunna\\nutvecklas\"\n", "kunna\nutvecklas");
	expect_text("[s]\ntext = \"slut med bakstreck\\\\\"\n", "slut med bakstreck\\");
	expect_text("[s]\ntext = \"\\x22citat\\x22\"\n", "\"citat\"");
	/* A line ending in a backslash goes on, as in both versions. */
	expect_text("[s]\ntext = a \\\n  b\n", "a   b");
	expect_text("[s]\ntext = a\\\\\\\nb\n", "a\\b");
}

/* A UTF-8 byte-order mark is dropped; UTF-16 is refused with what to do; so is an endless input. */
static void
inputs(void **state)
{
	struct ini ini;
	static const char le[] = "\xff\xfe[\0s\0]\0\n\0";
	static const char be[] = "\xfe\xff\0[\0s\0]\0\n";
	FILE *f;

	(void)state;
	expect_text("\xef\xbb\xbf[s]\ntext = x\n", "x");
	expect_text("\xef\xbb\xbf; comment\n[s]\ntext = x\n", "x");
	for (int i = 0; i < 2; i++) {
		f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(i ? be : le, 1, sizeof le - 1, f);
		fclose(f);
		assert_int_equal(ini_load(&ini, path), -1);
		assert_non_null(strstr(err_get(), "UTF-16"));
		assert_non_null(strstr(err_get(), "save it as UTF-8"));
		ini_free(&ini);
	}
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite("[s]\ntext = a\0b\n", 1, 14, f);
	fclose(f);
	assert_int_equal(ini_load(&ini, path), -1);
	assert_non_null(strstr(err_get(), "line 2: the file holds a NUL byte"));
	ini_free(&ini);
	assert_int_equal(ini_load(&ini, "/dev/zero"), -1);
	assert_non_null(strstr(err_get(), "/dev/zero: the file is larger than 16 MiB"));
	ini_free(&ini);
}

static void
long_lines(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "[s]\ntext = ");
	while (b.len < 4 + 1022)
		buf_putc(&b, 'x');
	buf_puts(&b, "\n");
	free(text_of(b.s));           /* 1,022 bytes: iniparser's longest line */
	b.len--;
	buf_puts(&b, "x\n");
	refused(b.s, "line 2", "too long");
	/* The message names the key to split, not a placeholder. */
	refused(b.s, "line 2", "split the value into parts: text, text.2, text.3");
	buf_free(&b);
}

/* Whatever ini_write() writes, ini_text() reads back unchanged, and writes again the same. */
static void
round_trip(const char *value)
{
	struct ini ini;
	FILE *f = fopen(path, "w");
	char *back, *first, *second, line[1100];
	size_t n1, n2;
	int bad = 0;

	assert_non_null(f);
	fputs("[s]\n", f);
	ini_write(f, "text", value);
	fclose(f);
	/* Never a quoted value with a backslash: iniparser 4.1 and 4.2 read those differently. */
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *eq = strchr(line, '=');

		assert_true(strlen(line) < 1023);
		if (eq && eq[2] == '"')
			assert_null(strchr(eq, '\\'));
	}
	fclose(f);
	assert_int_equal(ini_load(&ini, path), 0);
	back = ini_text(&ini, "s", "text", &bad);
	assert_int_equal(bad, 0);
	assert_non_null(back);
	assert_string_equal(back, value);
	ini_free(&ini);
	f = open_memstream(&first, &n1);
	ini_write(f, "text", value);
	fclose(f);
	f = open_memstream(&second, &n2);
	ini_write(f, "text", back);
	fclose(f);
	assert_string_equal(first, second);
	free(first);
	free(second);
	free(back);
}

static void
escapes_and_long_values(void **state)
{
	struct buf b;

	(void)state;
	round_trip("plain text with \"quotes\" inside");
	round_trip("  leading and trailing spaces  ");
	round_trip(" ");
	round_trip("semicolon; hash # equals = end\\");
	round_trip("ends with a backslash\\");
	round_trip("\\");
	round_trip("\\\\n is not a new line");
	round_trip("\"starts with a quote' and 'single");
	round_trip("'starts with a single quote");
	round_trip("\"");
	round_trip("line one\nline two\n\ttabbed");
	round_trip("kunna\nutvecklas; alla ska känna sig delaktiga.");
	round_trip("[not a section] and = signs");
	round_trip("ends with a newline\n");
	round_trip("\r\v\f\x01\x7f controls");
	round_trip("åäö ÅÄÖ é – ”citat”");
	round_trip("");
	buf_init(&b);
	for (int i = 0; i < 400; i++)
		buf_puts(&b, "ålö; \"x\" ");
	round_trip(b.s);      /* about 4,000 bytes: several parts */
	b.len = 0;
	for (int i = 0; i < 300; i++)
		buf_puts(&b, "\\;#\n\t ");
	round_trip(b.s);      /* every byte escaped */
	b.len = 0;
	for (int i = 0; i < 3000; i++)
		buf_puts(&b, "ä");
	round_trip(b.s);      /* no space to cut at */
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicate_key_is_an_error),
		cmocka_unit_test(syntax_error_names_the_line),
		cmocka_unit_test(escapes_and_long_values),
		cmocka_unit_test(text_after_a_section_is_an_error),
		cmocka_unit_test(lines_read_differently_are_errors),
		cmocka_unit_test(values_are_read_one_way),
		cmocka_unit_test(inputs),
		cmocka_unit_test(long_lines),
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
