/* SPDX-License-Identifier: GPL-3.0-or-later */
/* configuration.h: the configuration of PRODUCT.md, read with iniparser from one table of keys. */
#ifndef STYRKORT_CONFIG_H
#define STYRKORT_CONFIG_H

#include <stdio.h>

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum language { LANG_AUTO, LANG_SV, LANG_EN };
enum symbols { SYMBOLS_AUTO, SYMBOLS_UNICODE, SYMBOLS_ASCII };
enum csv_separator { CSV_SEP_AUTO, CSV_SEP_COMMA, CSV_SEP_SEMICOLON };
/* [display] theme; theme.c says what auto picks and holds the colours. */
enum theme_choice { THEME_AUTO, THEME_DARK, THEME_LIGHT, THEME_HIGH_CONTRAST };
enum refresh_watch { REFRESH_AUTO, REFRESH_POLL };

struct config {
	char *db_path;          /* [database] path */
	int read_only;          /* [database] read_only */
	char *user_name;        /* [user] name */
	enum color_mode color;  /* [display] color */
	enum theme_choice theme; /* [display] theme */
	enum language language; /* [display] language */
	enum symbols symbols;   /* [display] symbols */
	char *date_format;      /* [display] date_format */
	long report_width;      /* [report] width */
	char *print_command;    /* [report] print_command */
	enum csv_separator csv_separator; /* [report] csv_separator */
	long refresh_seconds;   /* [refresh] seconds */
	enum refresh_watch refresh_watch; /* [refresh] watch */
	char *kolada_url;       /* [kolada] url */
	long kolada_timeout;    /* [kolada] timeout */
};

/* Defaults of every key. */
void config_defaults(struct config *c);
/*
 * Read /etc/styrkort.ini, then $XDG_CONFIG_HOME/styrkort/styrkort.ini, then
 * extra (--config; it must exist).  Unknown keys are warned about; a bad
 * value is an error: err_set() naming file, line, key, value, what is
 * accepted, and return -1 (exit 2).  STYRKORT_SYSCONFIG overrides the
 * /etc path (for tests).
 */
int config_load(struct config *c, const char *extra);
/* Read one file (used by config_load and the tests). */
int config_load_file(struct config *c, const char *path);
void config_free(struct config *c);

/* The key list as man page source (roff), from the same table. */
void config_write_man(FILE *f);

#endif
