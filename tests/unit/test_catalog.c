/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_catalog.c: styrkort's own reading of its Swedish catalogue, for where gettext will not translate. */
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

#include "catalog.h"
#include "progress.h"
#include "util.h"

#define MO ABS_BUILDDIR "/locale/sv/LC_MESSAGES/styrkort.mo"

static void
translates_from_the_built_catalogue(void **state)
{
	(void)state;
	assert_int_equal(catalog_open(MO), 0);
	assert_true(catalog_active());
	assert_string_equal(catalog_lookup("warning: "), "varning: ");
	assert_null(catalog_lookup("a message nobody wrote"));
	assert_null(catalog_lookup(""));
	/* Plural forms: one, and the rest. */
	assert_string_equal(catalog_nlookup("%ld activity", 1), "%ld aktivitet");
	assert_string_equal(catalog_nlookup("%ld activity", 5), "%ld aktiviteter");
	/* A message with a context. */
	assert_string_equal(catalog_lookup("decimal separator\004."), ",");
	catalog_close();
	assert_false(catalog_active());
	assert_null(catalog_lookup("warning: "));
}

/* The UI's _() takes the catalogue first, and gettext's answer without one. */
static void
ui_gettext_uses_the_catalogue(void **state)
{
	(void)state;
	assert_int_equal(catalog_open(MO), 0);
	assert_string_equal(_("warning: "), "varning: ");
	assert_string_equal(ui_ngettext("%ld activity", "%ld activities", 2), "%ld aktiviteter");
	assert_string_equal(ui_pgettext("decimal separator", "."), ",");
	catalog_close();
	setenv("LANGUAGE", "en", 1);
	assert_string_equal(_("warning: "), "warning: ");
	assert_string_equal(ui_pgettext("decimal separator", "."), ".");
}

/* One rule for a yes: the UI language's answers (j, ja in Swedish) and y, yes, in any case; anything else is no. */
static void
yes_in_the_ui_language(void **state)
{
	static const char *const yes[] = { "j", "ja", "J", "Ja", "JA", " ja ", "y", "yes", "Y", "YES", NULL };
	static const char *const no[] = { "", "n", "nej", "no", "jaa", "yess", "ok", "jy", NULL };

	(void)state;
	assert_int_equal(catalog_open(MO), 0);
	for (int i = 0; yes[i]; i++)
		assert_true(answer_is_yes(yes[i]));
	for (int i = 0; no[i]; i++)
		assert_false(answer_is_yes(no[i]));
	assert_false(answer_is_yes(NULL));
	assert_string_equal(answer_yes_word(), "j");
	catalog_close();
	setenv("LANGUAGE", "en", 1);
	assert_true(answer_is_yes("y"));
	assert_true(answer_is_yes("Yes"));
	assert_false(answer_is_yes("no"));
	assert_string_equal(answer_yes_word(), "y");
}

/* A light reads the same in every place that shows one: the words with the context "light". */
static void
lights_in_swedish(void **state)
{
	(void)state;
	assert_int_equal(catalog_open(MO), 0);
	assert_string_equal(light_label(LIGHT_GREEN), "i fas");
	assert_string_equal(light_label(LIGHT_YELLOW), "i riskzonen");
	assert_string_equal(light_label(LIGHT_RED), "efter plan");
	catalog_close();
}

/* _() keeps its answers by the message's address, but a buffer that changes is asked again. */
static void
ui_gettext_keeps_answers_of_the_same_text_only(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(catalog_open(MO), 0);
	strcpy(buf, "warning: ");
	assert_string_equal(_(buf), "varning: ");
	assert_string_equal(_(buf), "varning: ");
	strcpy(buf, "not translated at all");
	assert_string_equal(_(buf), "not translated at all");
	catalog_close();
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* A damaged or foreign file is refused, never read out of bounds. */
static void
refuses_what_is_not_a_catalogue(void **state)
{
	char path[] = "/tmp/styrkort-catalog.XXXXXX";
	uint32_t bad[7] = { 0x950412de, 0, 1000000, 28, 28, 0, 0 };
	uint32_t outside[9] = { 0x950412de, 0, 1, 28, 28, 0, 0, 50, 4000 };
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(catalog_open("/nonexistent/styrkort.mo"), -1);
	write_file(path, "not a catalogue at all, just text", 33);
	assert_int_equal(catalog_open(path), -1);
	write_file(path, bad, sizeof bad);          /* more entries than the file holds */
	assert_int_equal(catalog_open(path), -1);
	write_file(path, outside, sizeof outside);  /* an entry that points past the end */
	assert_int_equal(catalog_open(path), 0);
	assert_null(catalog_lookup("anything"));
	catalog_close();
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(translates_from_the_built_catalogue),
		cmocka_unit_test(ui_gettext_uses_the_catalogue),
		cmocka_unit_test(refuses_what_is_not_a_catalogue),
		cmocka_unit_test(yes_in_the_ui_language),
		cmocka_unit_test(lights_in_swedish),
		cmocka_unit_test(ui_gettext_keeps_answers_of_the_same_text_only),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
