/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.h: what main() resolved for a command: options, configuration, paths. */
#ifndef STYRKORT_APP_H
#define STYRKORT_APP_H

#include "configuration.h"
#include "db.h"
#include "report.h"


struct app {
	struct config cfg;
	const char *config_path;        /* --config */
	const char *db_arg;             /* --database or the FILE argument */
	const char *strategy;           /* --strategy */
	int read_only;                  /* --read-only or [database] read_only */
	int demo;                       /* --demo */
	int present;                    /* --present: this dashboard presents the meeting */
	int follow;                     /* --follow: this dashboard follows the presenter (read-only) */
	/* command options */
	const char *sample;             /* init --sample */
	const struct report_writer *format; /* report --format (NULL: text) */
	int format_given;
	long width;                     /* report --width; 0: configured */
	const char *since;              /* --since */
	const char *what;               /* report --what: activities (NULL) or measurements */
	const char *activity;           /* log --activity: N or STRATEGY:N */
	int summary;                    /* log --summary */
	const char *note;               /* review add --note */
	int dry_run;                    /* import --dry-run */
	const char *children;           /* delete --children */
	const char *indicator;          /* measurements --indicator */
	int strict;                     /* measurements, kolada --strict */
	long from_year;                 /* kolada --from; 0: every year */
	char **args;                    /* positional arguments after the command */
	int nargs;
};

/* Where the program's data lives: the build tree when run from it, else $(pkgdatadir). */
const char *app_data_dir(void);
/* The sample INI files' directory (the source tree's data/ when run from the build tree). */
const char *app_sample_dir(void);
/* The compiled catalogues' directory (the build tree's locale/ when run from it). */
const char *app_locale_dir(void);

/* Open the database as the options and configuration say; NULL with err_set(). */
struct db *app_open_db(const struct app *a);

/* Commands; each returns an exit status. */
int cmd_init(struct app *a);
int cmd_import(struct app *a);
int cmd_export(struct app *a);
int cmd_report(struct app *a);
int cmd_log(struct app *a);
int cmd_review(struct app *a);
int cmd_measurements(struct app *a);
int cmd_kolada(struct app *a);
int cmd_set(struct app *a);
/* cli_structure.c: set/add/delete KIND:KEY (focus, goal, indicator, group, followup). */
int cmd_add(struct app *a);
int cmd_delete(struct app *a);
int cmd_set_structure(struct app *a);
/* The kind of an address KIND:KEY and *key after the colon, or -1 if it is not one. */
int cli_structure_address(const char *arg, const char **key);
/* The one strategy a change applies to (cli.c): -2 if the file holds several and --strategy names none. */
int cli_one_strategy(struct db *db, const struct app *a, char **id);
int cmd_backup(struct app *a);
int cmd_restore(struct app *a);

/* The dashboard (tui.c). */
int tui_run(struct app *a, struct db *db);

#endif
