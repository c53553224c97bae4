/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_configuration.c: the configuration files: defaults, every key, bad values, duplicates, order. */
#include <fcntl.h>
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

#include "configuration.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-config-XXXXXX";
static char path[sizeof dir + 32];

static void
write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Load TEXT as one configuration file over the defaults. */
static int
load(struct config *c, const char *text)
{
	config_defaults(c);
	write_file(path, text);
	return config_load_file(c, path);
}

/* The message contains each of the NULL-terminated strings. */
static void
err_has(const char *first, ...)
{
	va_list ap;

	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *)) {
		if (!strstr(err_get(), s))
			fail_msg("error '%s' lacks '%s'", err_get(), s);
	}
	va_end(ap);
}

/* Run config_load_file() with stderr captured into *captured (free it). */
static int
load_capturing_stderr(struct config *c, const char *text, char **captured)
{
	char errpath[sizeof dir + 16];
	int saved, fd, rc;
	FILE *f;
	struct buf b;
	char line[512];

	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	dup2(fd, 2);
	close(fd);
	rc = load(c, text);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	f = fopen(errpath, "r");
	assert_non_null(f);
	buf_init(&b);
	while (fgets(line, sizeof line, f))
		buf_puts(&b, line);
	fclose(f);
	*captured = buf_steal(&b);
	return rc;
}

static void
defaults(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.db_path, "");
	assert_int_equal(c.read_only, 0);
	assert_string_equal(c.user_name, "");
	assert_int_equal(c.color, COLOR_AUTO);
	assert_int_equal(c.language, LANG_AUTO);
	assert_string_equal(c.date_format, "%Y-%m-%d");
	assert_int_equal(c.report_width, 80);
	assert_string_equal(c.print_command, "lpr");
	assert_int_equal(c.refresh_seconds, 2);
	assert_int_equal(c.refresh_watch, REFRESH_AUTO);
	config_free(&c);
	/* An empty file changes nothing. */
	assert_int_equal(load(&c, "; nothing here\n"), 0);
	assert_int_equal(c.report_width, 80);
	assert_string_equal(c.print_command, "lpr");
	config_free(&c);
}

static void
every_key(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(load(&c,
		"[database]\n"
		"path = /srv/styrkort/kommun.db\n"
		"read_only = true\n"
		"[user]\n"
		"name = Anna Andersson   ; shown in the change log\n"
		"[display]\n"
		"color = never\n"
		"language = sv\n"
		"date_format = %d/%m/%Y\n"
		"[report]\n"
		"width = 100\n"
		"print_command = lpr -P styrgrupp\n"
		"[refresh]\n"
		"seconds = 30\n"
		"watch = poll\n"), 0);
	assert_string_equal(c.db_path, "/srv/styrkort/kommun.db");
	assert_int_equal(c.read_only, 1);
	assert_string_equal(c.user_name, "Anna Andersson");
	assert_int_equal(c.color, COLOR_NEVER);
	assert_int_equal(c.language, LANG_SV);
	assert_string_equal(c.date_format, "%d/%m/%Y");
	assert_int_equal(c.report_width, 100);
	assert_string_equal(c.print_command, "lpr -P styrgrupp");
	assert_int_equal(c.refresh_seconds, 30);
	assert_int_equal(c.refresh_watch, REFRESH_POLL);
	config_free(&c);

	/* The other choices, in any case; and an empty print command. */
	assert_int_equal(load(&c, "[display]\ncolor = ALWAYS\nlanguage = en\n[report]\nprint_command = \"\"\n"), 0);
	assert_int_equal(c.color, COLOR_ALWAYS);
	assert_int_equal(c.language, LANG_EN);
	assert_string_equal(c.print_command, "");
	config_free(&c);
	/* Keys and sections are case-insensitive, as in iniparser. */
	assert_int_equal(load(&c, "[Report]\nWidth = 120\n"), 0);
	assert_int_equal(c.report_width, 120);
	config_free(&c);
}

static void
booleans(void **state)
{
	static const struct { const char *text; int value; } ok[] = {
		{ "true", 1 }, { "yes", 1 }, { "on", 1 }, { "1", 1 }, { "TRUE", 1 }, { "On", 1 },
		{ "false", 0 }, { "no", 0 }, { "off", 0 }, { "0", 0 },
	};
	struct config c;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char *text = xasprintf("[database]\nread_only = %s\n", ok[i].text);

		config_defaults(&c);
		c.read_only = !ok[i].value;
		write_file(path, text);
		assert_int_equal(config_load_file(&c, path), 0);
		if (c.read_only != ok[i].value)
			fail_msg("read_only = %s gave %d", ok[i].text, c.read_only);
		config_free(&c);
		free(text);
	}
	/* iniparser_getboolean() reads only the first letter: 'yesterday' would be true. */
	assert_int_equal(load(&c, "[database]\nread_only = yesterday\n"), -1);
	err_has(path, "line 2", "[database] read_only", "'yesterday'", "true or false", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "[database]\nread_only = nope\n"), -1);
	config_free(&c);
	assert_int_equal(load(&c, "[database]\nread_only =\n"), -1);
	config_free(&c);
}

static void
numbers(void **state)
{
	struct config c;

	(void)state;
	/* iniparser_getint() would read 042 as octal 34. */
	assert_int_equal(load(&c, "[report]\nwidth = 042\n"), 0);
	assert_int_equal(c.report_width, 42);
	config_free(&c);
	assert_int_equal(load(&c, "[report]\nwidth = 40\n[refresh]\nseconds = 3600\n"), 0);
	assert_int_equal(c.report_width, 40);
	assert_int_equal(c.refresh_seconds, 3600);
	config_free(&c);

	/* iniparser_getint() would read abc as 0. */
	assert_int_equal(load(&c, "; width\n\n[report]\nwidth = abc\n"), -1);
	err_has(path, "line 4", "[report] width", "'abc'", "40 to 400", NULL);
	config_free(&c);
	{
		static const char *const bad[] = { "39", "401", "0x50", "80px", "8.5", "-80", "", "99999999999999999999" };

		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			char *text = xasprintf("[report]\nwidth = %s\n", bad[i]);

			if (load(&c, text) != -1)
				fail_msg("width = %s was accepted as %ld", bad[i], c.report_width);
			err_has("[report] width", "40 to 400", NULL);
			config_free(&c);
			free(text);
		}
	}
	assert_int_equal(load(&c, "[refresh]\nseconds = 0\n"), -1);
	err_has(path, "line 2", "[refresh] seconds", "'0'", "1 to 3600", NULL);
	config_free(&c);
}

static void
choices(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(load(&c, "[display]\n\ncolor = purple\n"), -1);
	err_has(path, "line 3", "[display] color", "'purple'", "auto, always, never", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "[display]\nlanguage = de\n"), -1);
	err_has(path, "line 2", "[display] language", "'de'", "auto, sv, en", NULL);
	config_free(&c);
	/* A date format must show year, month and day and nothing else. */
	assert_int_equal(load(&c, "[display]\ndate_format = %Y\n"), -1);
	err_has(path, "line 2", "[display] date_format", "'%Y'", "%Y-%m-%d", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "[display]\ndate_format = %Y-%m-%d %H:%M\n"), -1);
	config_free(&c);
	assert_int_equal(load(&c, "[display]\ndate_format = %Y-%m-%d%\n"), -1);
	config_free(&c);
}

static void
duplicates_and_syntax(void **state)
{
	struct config c;

	(void)state;
	/* iniparser keeps the last silently; we refuse. */
	assert_int_equal(load(&c, "[report]\nwidth = 60\n; again\nwidth = 70\n"), -1);
	err_has(path, "line 4", "width", "twice", "line 2", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "[report]\nwidth = 60\n[display]\ncolor = never\n[report]\nprint_command = x\n"), -1);
	err_has(path, "line 5", "[report]", "twice", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "[report]\nwidth 60\n"), -1);
	err_has(path, "line 2", NULL);
	config_free(&c);
	assert_int_equal(load(&c, "width = 60\n"), -1);
	err_has(path, "line 1", "section", NULL);
	config_free(&c);
	/* A byte-order mark (Notepad writes one) is accepted. */
	assert_int_equal(load(&c, "\xef\xbb\xbf[report]\nwidth = 60\n"), 0);
	assert_int_equal(c.report_width, 60);
	config_free(&c);
	/* iniparser read this as a key "[display] color" and we as a section: it crashed every command. */
	assert_int_equal(load(&c, "[report]\nwidth = 60\n[display] color = never\n"), -1);
	err_has(path, "line 3", "after the section's ']'", NULL);
	config_free(&c);
}

static void
unknown_key_is_a_warning(void **state)
{
	struct config c;
	char *warned;

	(void)state;
	assert_int_equal(load_capturing_stderr(&c, "[report]\nwidht = 60\nwidth = 90\n[colour]\nmode = red\n",
	                                       &warned), 0);
	/* The rest of the file still applies. */
	assert_int_equal(c.report_width, 90);
	assert_non_null(strstr(warned, "warning"));
	assert_non_null(strstr(warned, path));
	assert_non_null(strstr(warned, "line 2"));
	assert_non_null(strstr(warned, "widht"));
	assert_non_null(strstr(warned, "line 5"));
	assert_non_null(strstr(warned, "unknown section [colour]: its key mode"));
	free(warned);
	config_free(&c);
}

/* /etc (here $STYRKORT_SYSCONFIG), then $XDG_CONFIG_HOME, then --config: later wins. */
static void
later_files_override(void **state)
{
	char sys[sizeof dir + 16], xdg[sizeof dir + 16], user[sizeof dir + 40], extra[sizeof dir + 16];
	struct config c;

	(void)state;
	snprintf(sys, sizeof sys, "%s/etc.ini", dir);
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	snprintf(user, sizeof user, "%s/styrkort", xdg);
	mkdir(xdg, 0700);
	mkdir(user, 0700);
	snprintf(user, sizeof user, "%s/styrkort/styrkort.ini", xdg);
	snprintf(extra, sizeof extra, "%s/extra.ini", dir);
	write_file(sys, "[report]\nwidth = 50\n[user]\nname = System\n[display]\ncolor = never\n");
	write_file(user, "[report]\nwidth = 60\n[user]\nname = User\n[refresh]\nseconds = 9\n");
	write_file(extra, "[report]\nwidth = 70\n");
	setenv("STYRKORT_SYSCONFIG", sys, 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);

	config_defaults(&c);
	assert_int_equal(config_load(&c, extra), 0);
	assert_int_equal(c.report_width, 70);
	assert_string_equal(c.user_name, "User");
	assert_int_equal(c.color, COLOR_NEVER);
	assert_int_equal(c.refresh_seconds, 9);
	config_free(&c);

	config_defaults(&c);
	assert_int_equal(config_load(&c, NULL), 0);
	assert_int_equal(c.report_width, 60);
	config_free(&c);

	/* Missing system and user files are no error. */
	unlink(user);
	setenv("STYRKORT_SYSCONFIG", "/nonexistent/styrkort.ini", 1);
	config_defaults(&c);
	assert_int_equal(config_load(&c, NULL), 0);
	assert_int_equal(c.report_width, 80);
	config_free(&c);

	/* A bad value in the system file is an error naming that file. */
	write_file(sys, "[report]\nwidth = wide\n");
	setenv("STYRKORT_SYSCONFIG", sys, 1);
	config_defaults(&c);
	assert_int_equal(config_load(&c, extra), -1);
	err_has(sys, "line 2", "'wide'", NULL);
	config_free(&c);
	/* So is one in the user's file. */
	write_file(sys, "");
	write_file(user, "[display]\ncolor = sometimes\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, NULL), -1);
	err_has(user, "line 2", "'sometimes'", NULL);
	config_free(&c);

	unlink(user);
	unlink(sys);
	unsetenv("STYRKORT_SYSCONFIG");
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
}

static void
missing_config_option_file(void **state)
{
	char missing[sizeof dir + 32];
	struct config c;

	(void)state;
	setenv("STYRKORT_SYSCONFIG", "/dev/null", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	snprintf(missing, sizeof missing, "%s/no-such.ini", dir);
	config_defaults(&c);
	assert_int_equal(config_load(&c, missing), -1);
	err_has(missing, "--config", NULL);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(every_key),
		cmocka_unit_test(booleans),
		cmocka_unit_test(numbers),
		cmocka_unit_test(choices),
		cmocka_unit_test(duplicates_and_syntax),
		cmocka_unit_test(unknown_key_is_a_warning),
		cmocka_unit_test(later_files_override),
		cmocka_unit_test(missing_config_option_file),
	};
	int rc;

	setlocale(LC_ALL, "");
	setenv("LANGUAGE", "", 1);
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/styrkort.ini", dir);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc = 1;
		free(cmd);
	}
	return rc;
}
