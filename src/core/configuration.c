/* SPDX-License-Identifier: GPL-3.0-or-later */
/* configuration.c: the configuration of PRODUCT.md, read with iniparser from one table of keys. */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "configuration.h"
#include "ini.h"
#include "msg.h"
#include "util.h"

enum key_type { KT_STRING, KT_BOOL, KT_INT, KT_CHOICE, KT_DATEFMT };

struct config_key {
	const char *section, *key;
	enum key_type type;
	size_t offset;
	long min, max;                  /* KT_INT */
	const char *const *choices;     /* KT_CHOICE: the index is stored */
	const char *def;                /* the default, as written in the file */
	const char *help;               /* for the man page */
};

static const char *const color_choices[] = { "auto", "always", "never", NULL };
static const char *const theme_choices[] = { "auto", "dark", "light", "high-contrast", NULL };
static const char *const language_choices[] = { "auto", "sv", "en", NULL };
static const char *const symbols_choices[] = { "auto", "unicode", "ascii", NULL };
static const char *const csv_separator_choices[] = { "auto", "comma", "semicolon", NULL };
static const char *const refresh_watch_choices[] = { "auto", "poll", NULL };

#define OFF(f) offsetof(struct config, f)
/* The one table: loading, validation, defaults and the man page all come from it. */
static const struct config_key keys[] = {
	{ "database", "path", KT_STRING, OFF(db_path), 0, 0, NULL, "",
	  "The database file, used when neither --database, a FILE argument nor $STYRKORT_DB gives one." },
	{ "database", "read_only", KT_BOOL, OFF(read_only), 0, 0, NULL, "false",
	  "true: never write, whatever the permissions (yes/no, true/false, on/off, 1/0)." },
	{ "user", "name", KT_STRING, OFF(user_name), 0, 0, NULL, "",
	  "The name written to the change log; empty: the login name." },
	{ "display", "color", KT_CHOICE, OFF(color), 0, 0, color_choices, "auto",
	  "auto, always or never; auto honours NO_COLOR and the terminal." },
	{ "display", "theme", KT_CHOICE, OFF(theme), 0, 0, theme_choices, "auto",
	  "The dashboard's colours: dark, light, high-contrast, or auto: light when COLORFGBG says the "
	  "terminal's background is light, else dark (THEMES)." },
	{ "display", "language", KT_CHOICE, OFF(language), 0, 0, language_choices, "auto",
	  "auto (the locale), sv or en." },
	{ "display", "symbols", KT_CHOICE, OFF(symbols), 0, 0, symbols_choices, "auto",
	  "How sparklines, charts and arrows are drawn: unicode (block characters), ascii, "
	  "or auto: unicode when the locale's character set is UTF-8." },
	{ "display", "date_format", KT_DATEFMT, OFF(date_format), 0, 0, NULL, "%Y-%m-%d",
	  "How days are shown and typed, a strftime(3) format of %Y, %m and %d with separators; "
	  "a month is the format without %d, a year YYYY." },
	{ "report", "width", KT_INT, OFF(report_width), 40, 400, NULL, "80",
	  "The text report's line width, 40 to 400." },
	{ "report", "csv_separator", KT_CHOICE, OFF(csv_separator), 0, 0, csv_separator_choices, "auto",
	  "The CSV outputs' separator: comma (with a decimal point), semicolon (with a decimal comma, "
	  "as Excel reads CSV in Swedish), or auto: semicolon when the UI language is Swedish." },
	{ "report", "print_command", KT_STRING, OFF(print_command), 0, 0, NULL, "lpr",
	  "The command the dashboard's print key pipes the summary to; empty: write a file." },
	{ "refresh", "seconds", KT_INT, OFF(refresh_seconds), 1, 3600, NULL, "2",
	  "How often, in seconds, the dashboard asks whether other people changed the file, 1 to 3600, "
	  "where it asks (see [refresh] watch)." },
	{ "refresh", "watch", KT_CHOICE, OFF(refresh_watch), 0, 0, refresh_watch_choices, "auto",
	  "How the dashboard learns of other people's changes: auto: the file system tells it at once "
	  "(inotify, on Linux, where the file is on a local file system), else it asks every [refresh] "
	  "seconds; poll: it always asks every [refresh] seconds (see LIVE REFRESH)." },
	{ "kolada", "url", KT_STRING, OFF(kolada_url), 0, 0, NULL, "https://api.kolada.se/v3",
	  "The base URL of Kolada's API that 'styrkort kolada' asks; data/kpi/... is added to it." },
	{ "kolada", "timeout", KT_INT, OFF(kolada_timeout), 1, 600, NULL, "30",
	  "How many seconds 'styrkort kolada' waits for an answer, 1 to 600." },
};
#define NKEYS (sizeof keys / sizeof keys[0])

static char **
str_field(struct config *c, const struct config_key *k)
{
	return (char **)((char *)c + k->offset);
}

/* "expected one of a, b, c" for a choice key. */
static void
choice_error(const struct config_key *k, const char *value, const char *file, int line)
{
	struct buf b;
	char *what;

	buf_init(&b);
	for (int i = 0; k->choices[i]; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", k->choices[i]);
	what = xasprintf(_("expected one of %s"), b.s);
	err_set(_("%s: line %d: [%s] %s = '%s': %s"), file, line, k->section, k->key, value, what);
	free(what);
	buf_free(&b);
}

/* A date format must show year, month and day, and nothing that breaks a line. */
static int
date_format_ok(const char *value)
{
	int ok = strstr(value, "%Y") && strstr(value, "%m") && strstr(value, "%d") &&
	         strlen(value) < 32 && !strchr(value, '\n');

	for (const char *p = value; ok && *p; p++)
		if (*p == '%' && (++p, *p != 'Y' && *p != 'm' && *p != 'd' && *p != '%'))
			ok = 0;
	return ok;
}

/* One key's value, by its type; -1 with err_set() naming the file, line and key. */
static int
set_value(struct config *c, const struct config_key *k, const char *value,
          const char *file, int line)
{
	const char *where_fmt = _("%s: line %d: [%s] %s = '%s': %s");
	long n;
	int b;

	switch (k->type) {
	case KT_STRING:
		free(*str_field(c, k));
		*str_field(c, k) = xstrdup(value);
		return 0;
	case KT_BOOL:
		if (parse_bool(value, &b) < 0) {
			err_set(where_fmt, file, line, k->section, k->key, value,
			        _("expected true or false (also yes/no, on/off, 1/0)"));
			return -1;
		}
		*(int *)((char *)c + k->offset) = b;
		return 0;
	case KT_INT:
		if (parse_int(value, k->min, k->max, &n) < 0) {
			char *what = xasprintf(_("expected a whole number from %ld to %ld"), k->min, k->max);

			err_set(where_fmt, file, line, k->section, k->key, value, what);
			free(what);
			return -1;
		}
		*(long *)((char *)c + k->offset) = n;
		return 0;
	case KT_CHOICE:
		for (int i = 0; k->choices[i]; i++) {
			if (strcasecmp(value, k->choices[i]) == 0) {
				*(int *)((char *)c + k->offset) = i;
				return 0;
			}
		}
		choice_error(k, value, file, line);
		return -1;
	case KT_DATEFMT:
		if (!date_format_ok(value)) {
			err_set(where_fmt, file, line, k->section, k->key, value,
			        _("expected a date format with %Y, %m and %d, such as %Y-%m-%d or %d/%m/%Y"));
			return -1;
		}
		free(*str_field(c, k));
		*str_field(c, k) = xstrdup(value);
		return 0;
	}
	return -1;
}

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < NKEYS; i++)
		if (set_value(c, &keys[i], keys[i].def, "", 0) < 0)
			abort();
}

void
config_free(struct config *c)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (keys[i].type == KT_STRING || keys[i].type == KT_DATEFMT)
			free(*str_field(c, &keys[i]));
	memset(c, 0, sizeof *c);
}

int
config_load_file(struct config *c, const char *path)
{
	struct ini ini;
	int rc = 0;

	if (ini_load(&ini, path) < 0) {
		ini_free(&ini);
		return -1;
	}
	for (size_t i = 0; i < ini.nkeys && rc == 0; i++) {
		const struct ini_key *ik = &ini.keys[i];
		const struct config_key *k = NULL;
		int bad = 0;
		char *value;

		int part = 0;

		for (size_t j = 0; j < NKEYS; j++) {
			if (strcmp(keys[j].section, ik->section) != 0)
				continue;
			if (strcmp(keys[j].key, ik->key) == 0)
				k = &keys[j];
			/* KEY.2, KEY.3...: the rest of a long text value, read with KEY. */
			else if (keys[j].type == KT_STRING && ini_is_part(ik->key, keys[j].key))
				part = 1;
		}
		if (part)
			continue;
		if (!k) {
			int known_section = 0;

			for (size_t j = 0; j < NKEYS; j++)
				known_section |= strcmp(keys[j].section, ik->section) == 0;
			if (known_section)
				msg_warn(_("%s: line %d: unknown key [%s] %s is ignored"),
				         path, ik->line, ik->section, ik->key);
			else
				msg_warn(_("%s: line %d: unknown section [%s]: its key %s is ignored; the sections are "
				           "[database], [user], [display], [report] and [refresh]"),
				         path, ik->line, ik->section, ik->key);
			continue;
		}
		value = ini_text(&ini, ik->section, ik->key, &bad);
		if (bad)
			rc = -1;
		else
			rc = set_value(c, k, value, path, ik->line);
		free(value);
	}
	ini_free(&ini);
	return rc;
}

static int
load_if_present(struct config *c, const char *path)
{
	if (access(path, F_OK) != 0)
		return 0;
	return config_load_file(c, path);
}

int
config_load(struct config *c, const char *extra)
{
	const char *sys = getenv("STYRKORT_SYSCONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *user = NULL;
	int rc;

	if (load_if_present(c, sys && *sys ? sys : "/etc/styrkort.ini") < 0)
		return -1;
	if (xdg && *xdg)
		user = xasprintf("%s/styrkort/styrkort.ini", xdg);
	else if (home && *home)
		user = xasprintf("%s/.config/styrkort/styrkort.ini", home);
	rc = user ? load_if_present(c, user) : 0;
	free(user);
	if (rc < 0)
		return -1;
	if (extra) {
		if (access(extra, R_OK) != 0) {
			err_set(_("%s: the configuration file cannot be read; check the --config path"), extra);
			return -1;
		}
		return config_load_file(c, extra);
	}
	return 0;
}

void
config_write_man(FILE *f)
{
	const char *section = "";

	for (size_t i = 0; i < NKEYS; i++) {
		if (strcmp(section, keys[i].section) != 0) {
			section = keys[i].section;
			fprintf(f, ".SS [%s]\n", section);
		}
		fprintf(f, ".TP\n.BR %s \" = %s\"\n%s\n", keys[i].key,
		        *keys[i].def ? keys[i].def : "(empty)", keys[i].help);
	}
}
