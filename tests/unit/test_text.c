/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c: sanitising control characters, display width and wrapping at character boundaries. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

static void
sanitize_controls(void **state)
{
	char *s = text_sanitize("a\x1b[31mb\a\bc\r\nd\xc2\x9b" "e\xe2\x80\xae" "f", 1);

	(void)state;
	assert_string_equal(s, "a?[31mb??c\nd?e?f");
	free(s);
	s = text_sanitize("x\ny\tz", 0);
	assert_string_equal(s, "x y z");
	free(s);
	/* Invalid UTF-8 is replaced, valid å ä ö kept. */
	s = text_sanitize("\xff" "åäö", 0);
	assert_string_equal(s, "?åäö");
	free(s);
}

static void
width_and_fit(void **state)
{
	(void)state;
	assert_int_equal(text_width("Västervik"), 9);
	assert_int_equal(text_width("日本"), 4);
	/* Never split a character: "Väs" is 4 bytes for 3 columns. */
	assert_int_equal(text_fit("Västervik", 3), 4);
	assert_int_equal(text_fit("日本", 3), 3);
}

static void
wrap_words_and_chars(void **state)
{
	char **lines;
	size_t n;

	(void)state;
	n = text_wrap("Örnsköldsvik är en kommun", 12, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "Örnsköldsvik");
	assert_string_equal(lines[1], "är en kommun");
	assert_null(lines[2]);
	text_lines_free(lines);
	n = text_wrap("ååååå", 2, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "åå");
	assert_string_equal(lines[2], "å");
	text_lines_free(lines);
	n = text_wrap("a\n\nb", 10, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[1], "");
	text_lines_free(lines);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sanitize_controls),
		cmocka_unit_test(width_and_fit),
		cmocka_unit_test(wrap_words_and_chars),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
