/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: options, configuration, language and dispatch to a command or the dashboard. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#ifdef HAVE_STDIO_EXT_H
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"
#include "app.h"
#include "catalog.h"
#include "chart.h"
#include "model.h"
#include "msg.h"
#include "numbering.h"
#include "text.h"
#include "theme.h"
#include "util.h"

static const struct command {
	const char *name;
	int (*run)(struct app *);
} commands[] = {
	{ "init", cmd_init },
	{ "import", cmd_import },
	{ "export", cmd_export },
	{ "report", cmd_report },
	{ "log", cmd_log },
	{ "review", cmd_review },
	{ "measurements", cmd_measurements },
	{ "kolada", cmd_kolada },
	{ "set", cmd_set },
	{ "add", cmd_add },
	{ "delete", cmd_delete },
	{ "backup", cmd_backup },
	{ "restore", cmd_restore },
	{ NULL, NULL }
};

enum {
	OPT_READ_ONLY = 256, OPT_STRATEGY, OPT_DEMO, OPT_SAMPLE, OPT_FORMAT, OPT_WIDTH,
	OPT_SINCE, OPT_ACTIVITY, OPT_NOTE, OPT_HELP, OPT_VERSION, OPT_MAN_CONFIG, OPT_MAN_KEYS, OPT_MAN_THEMES,
	OPT_DRY_RUN, OPT_WHAT, OPT_CHILDREN, OPT_INDICATOR, OPT_STRICT, OPT_FROM, OPT_SUMMARY,
	OPT_PRESENT, OPT_FOLLOW
};

static const struct option options[] = {
	{ "database", required_argument, NULL, 'd' },
	{ "config", required_argument, NULL, 'c' },
	{ "read-only", no_argument, NULL, OPT_READ_ONLY },
	{ "strategy", required_argument, NULL, OPT_STRATEGY },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "present", no_argument, NULL, OPT_PRESENT },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	{ "sample", required_argument, NULL, OPT_SAMPLE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "activity", required_argument, NULL, OPT_ACTIVITY },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "what", required_argument, NULL, OPT_WHAT },
	{ "children", required_argument, NULL, OPT_CHILDREN },
	{ "indicator", required_argument, NULL, OPT_INDICATOR },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "man-config-keys", no_argument, NULL, OPT_MAN_CONFIG },
	{ "man-keys", no_argument, NULL, OPT_MAN_KEYS },
	{ "man-themes", no_argument, NULL, OPT_MAN_THEMES },
	{ NULL, 0, NULL, 0 }
};

/*
 * The fields of `set` (the activity field table) for the help, wrapped
 * under 80 columns: the first line goes on where the %s of fmt stands, the
 * others are indented as the help's descriptions are.
 */
static char *
help_fields(const char *fmt)
{
	const char *at = strstr(fmt, "%s"), *line = at;
	char *before;
	int col;
	struct buf b;

	while (line && line > fmt && line[-1] != '\n')
		line--;
	before = xstrndup(line ? line : "", line ? (size_t)(at - line) : 0);
	col = text_width(before);
	free(before);
	buf_init(&b);
	for (int f = 0; f < AF_COUNT; f++) {
		int w = text_width(model_activity_fields[f].key);

		if (f && col + 1 + w >= 80) {
			buf_puts(&b, "\n      ");
			col = 6;
		} else if (f) {
			buf_puts(&b, " ");
			col++;
		}
		buf_puts(&b, model_activity_fields[f].key);
		col += w;
	}
	return b.s;
}

static void
usage(void)
{
	const char *fmt = _("Usage:\n"
	         "  styrkort [OPTIONS] [FILE]\n"
	         "      open the dashboard on FILE\n"
	         "  styrkort --demo\n"
	         "      open a private copy of the bundled sample (all five strategies);\n"
	         "      changes are thrown away at exit\n"
	         "  styrkort --present [FILE] | styrkort --follow [FILE]\n"
	         "      present a meeting: the dashboard writes its pane and item to the file,\n"
	         "      and > and < step through the agenda; --follow (read-only) goes where\n"
	         "      the presenter is, in each member's own session (F: follow again)\n"
	         "  styrkort init FILE [--sample NAME|all]\n"
	         "      create a database, empty or with sample strategies\n"
	         "  styrkort report [--format text|markdown|csv] [--width N] [--strategy ID]\n"
	         "                  [--since DATE|last-review]\n"
	         "      print the summary (text fits --width, default 80)\n"
	         "  styrkort report --format csv --what measurements [--strategy ID]\n"
	         "      print every stored indicator value as CSV, a row each\n"
	         "  styrkort import [--dry-run] FILE.ini\n"
	         "      add or update a strategy from its INI description, and say what\n"
	         "      changed; --dry-run says it without writing\n"
	         "  styrkort export [--strategy ID]\n"
	         "      print a strategy as INI (export | import round-trips)\n"
	         "  styrkort measurements [--indicator ID] [--strict] FILE\n"
	         "      import indicator values: CSV with the header indicator,period,sex,value,\n"
	         "      Kolada JSON (--strict: a KPI no indicator uses is an error), or an SCB\n"
	         "      table (PxWeb CSV or JSON-stat) for indicator ID\n"
	         "  styrkort kolada [--strict] [--from YEAR]\n"
	         "      fetch the values of every indicator with a Kolada KPI id, for the\n"
	         "      municipality, its county and the country, and import them\n"
	         "  styrkort log [--since DATE] [--activity ACTIVITY]\n"
	         "      print the change log\n"
	         "  styrkort log --summary [--strategy ID] [--since DATE|last-review]\n"
	         "      print the changes since the last review (or DATE) net, a line for\n"
	         "      each activity, indicator or other item\n"
	         "  styrkort set ACTIVITY FIELD=VALUE...\n"
	         "      change an activity from a script; fields: %s\n"
	         "      ACTIVITY: STRATEGY:N (oskarshamn:12), or N with --strategy or in a\n"
	         "      file of one strategy\n"
	         "  styrkort set KIND:ID FIELD=VALUE...\n"
	         "  styrkort add KIND:ID FIELD=VALUE...\n"
	         "  styrkort delete KIND:ID [--children move:ID|unlink|delete]\n"
	         "      change, add or delete a focus area, goal, indicator, group or\n"
	         "      follow-up (KIND: focus, goal, indicator, group, followup; ID and\n"
	         "      fields as in the INI file); --children: what happens to what the\n"
	         "      item has (sub-goals, indicators, activities, values)\n"
	         "  styrkort review add [DATE] [--note TEXT] | styrkort review list\n"
	         "      record or list steering-group reviews\n"
	         "  styrkort backup DEST\n"
	         "      a checked copy of the database in the new file DEST (mode 0600),\n"
	         "      made while others go on working\n"
	         "  styrkort restore BACKUP\n"
	         "      check BACKUP and put it back; the file as it was is kept as\n"
	         "      FILE.before-restore\n"
	         "  styrkort --help | --version\n"
	         "\n"
	         "Options for all commands:\n"
	         "  -d, --database FILE   the database (else $STYRKORT_DB, [database] path,\n"
	         "                        $XDG_DATA_HOME/styrkort/styrkort.db)\n"
	         "  -c, --config FILE     read this configuration after the others\n"
	         "      --read-only       never write to the database\n"
	         "      --strategy ID     the strategy (samples: oxelosund, ornskoldsvik,\n"
	         "                        oskarshamn, gislaved, vastervik)\n"
	         "  -h, --help            show this help\n"
	         "  -V, --version         show the version\n"
	         "\n"
	         "Statuses: not_started in_progress done delayed cancelled.\n"
	         "Exit status: 0 success, 1 runtime failure, 2 usage or configuration error.\n"
	         "The dashboard's keys and the configuration are in styrkort(1),\n"
	         "the file formats in styrkort(5).\n");
	char *fields = help_fields(fmt);

	printf(fmt, fields);
	free(fields);
	printf("\n");
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
	printf(_("styrkort home page: <%s>\n"), PACKAGE_URL);
}

/* The GNU way: name and version, copyright, licence, no warranty. */
static void
version(void)
{
	printf("styrkort %s\n", PACKAGE_VERSION);
	printf("Copyright (C) %s %s\n", STYRKORT_COPYRIGHT_YEARS, STYRKORT_COPYRIGHT_HOLDER);
	printf(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	         "This is free software: you are free to change and redistribute it.\n"
	         "There is NO WARRANTY, to the extent permitted by law.\n"));
}

static int
usage_error(const char *fmt, const char *arg)
{
	char *what = xasprintf(fmt, arg);

	msg_print(stderr, "styrkort: %s%s", what, _("; see 'styrkort --help'\n"));
	free(what);
	return EXIT_USAGE;
}

/*
 * The UI language.  We need a UTF-8 LC_CTYPE for å ä ö: if the user's
 * locale is missing or not UTF-8, use C.UTF-8 and keep the language the
 * user asked for through LANGUAGE (which gettext honours unless the locale
 * is plain "C").
 */
/* Is Swedish asked for: LANGUAGE's first choice, else the locale's name? */
static int
wants_swedish(void)
{
	const char *l = getenv("LANGUAGE");

	if (l && *l)
		return strncmp(l, "sv", 2) == 0;
	if (!(l = getenv("LC_ALL")) || !*l)
		l = getenv("LC_MESSAGES");
	if (!l || !*l)
		l = getenv("LANG");
	return l && strncmp(l, "sv", 2) == 0;
}

/*
 * gettext translates nothing when LC_MESSAGES is C (with glibc 2.38 and
 * later, Debian 13, nor when it is C.UTF-8): then the Swedish catalogue is
 * read by catalog.c instead.
 */
static void
catalog_choose(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);
	int c_like = !m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0 || strncmp(m, "C.", 2) == 0;
	char *path;

	if (!c_like || !wants_swedish()) {
		catalog_close();
		return;
	}
	path = xasprintf("%s/sv/LC_MESSAGES/%s.mo", app_locale_dir(), PACKAGE);
	catalog_open(path);
	free(path);
}

/* Was the user's own locale UTF-8, before language_init() falls back to C.UTF-8? ([display] symbols = auto) */
static int locale_utf8;

static void
language_init(void)
{
	const char *env = getenv("LC_ALL");
	int ok = setlocale(LC_ALL, "") != NULL;

	if (!env || !*env)
		env = getenv("LC_MESSAGES");
	if (!env || !*env)
		env = getenv("LANG");
	/* A UTF-8 locale that is not installed still means a UTF-8 terminal. */
	locale_utf8 = ok ? strcmp(nl_langinfo(CODESET), "UTF-8") == 0
	              : env && (strcasestr(env, "UTF-8") || strcasestr(env, "utf8"));
	if (!ok || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		const char *language = getenv("LANGUAGE");

		setlocale(LC_ALL, "C.UTF-8");
		if (env && strncmp(env, "sv", 2) == 0 && (!language || !*language))
			setenv("LANGUAGE", "sv", 1);
	}
	bindtextdomain(PACKAGE, app_locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	catalog_choose();
}

static void
language_apply(enum language lang)
{
	if (lang == LANG_AUTO)
		return;
	setenv("LANGUAGE", lang == LANG_SV ? "sv" : "en", 1);
	/* gettext caches translations: setting the domain again drops the cache. */
	textdomain(PACKAGE);
	catalog_choose();
}

/* --demo: a private copy of the bundled sample, removed at exit. */
static char demo_path[PATH_MAX];
/*
 * The sample --demo opens without --strategy: Västervik's, the one that
 * fills every pane (vision, focus areas, goals with indicators, values and
 * comparison values, activities).  The first by municipality name would be
 * Gislaved's 2012 project plan, which has no focus areas or indicators.
 */
#define DEMO_STRATEGY "vastervik"

static void
demo_cleanup(void)
{
	if (demo_path[0]) {
		char journal[PATH_MAX + 16];

		snprintf(journal, sizeof journal, "%s-journal", demo_path);
		unlink(journal);
		unlink(demo_path);
		demo_path[0] = '\0';
	}
}

static int
demo_copy(void)
{
	char *src = xasprintf("%s/demo.db", app_data_dir());
	const char *tmp = getenv("TMPDIR");
	FILE *in, *out;
	char chunk[65536];
	size_t n;
	int fd;

	snprintf(demo_path, sizeof demo_path, "%s/styrkort-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!(in = fopen(src, "rb"))) {
		err_set(_("%s: the demo database is missing (%s); build styrkort with 'make' or reinstall it"),
		        src, strerror(errno));
		demo_path[0] = '\0';
		free(src);
		return -1;
	}
	if ((fd = mkstemp(demo_path)) < 0 || !(out = fdopen(fd, "wb"))) {
		err_set("%s: %s", demo_path, strerror(errno));
		fclose(in);
		demo_path[0] = '\0';
		free(src);
		return -1;
	}
	atexit(demo_cleanup);
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		fwrite(chunk, 1, n, out);
	fclose(in);
	free(src);
	if (fclose(out) != 0) {
		err_set("%s: %s", demo_path, strerror(errno));
		return -1;
	}
	return 0;
}

/* One option into a; -1 to go on, else the exit status (--help, --version, a usage error). */
static int
parse_option(struct app *a, int c, char **argv)
{
	long n;

	switch (c) {
	case 'd': a->db_arg = optarg; break;
	case 'c': a->config_path = optarg; break;
	case OPT_READ_ONLY: a->read_only = 1; break;
	case OPT_STRATEGY:
		if (parse_slug(optarg) < 0)
			return usage_error(_("--strategy %s: a strategy id is a short lowercase slug such as vastervik"), optarg);
		a->strategy = optarg;
		break;
	case OPT_DEMO: a->demo = 1; break;
	case OPT_PRESENT: a->present = 1; break;
	case OPT_FOLLOW: a->follow = 1; break;
	case OPT_SAMPLE: a->sample = optarg; break;
	case OPT_INDICATOR: a->indicator = optarg; break;
	case OPT_FORMAT:
		if (!(a->format = report_writer_find(optarg))) {
			char *what = xasprintf(_("--format %s: expected one of %s"), optarg, report_writer_names());

			usage_error("%s", what);
			free(what);
			return EXIT_USAGE;
		}
		a->format_given = 1;
		break;
	case OPT_WIDTH:
		if (parse_int(optarg, 40, 400, &n) < 0)
			return usage_error(_("--width %s: expected a whole number from 40 to 400"), optarg);
		a->width = n;
		break;
	case OPT_SINCE: a->since = optarg; break;
	case OPT_WHAT:
		if (strcmp(optarg, "activities") != 0 && strcmp(optarg, "measurements") != 0)
			return usage_error(_("--what %s: expected activities or measurements"), optarg);
		a->what = optarg;
		break;
	case OPT_NOTE: a->note = optarg; break;
	case OPT_DRY_RUN: a->dry_run = 1; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_SUMMARY: a->summary = 1; break;
	case OPT_FROM:
		if (parse_int(optarg, 1900, 2999, &n) < 0)
			return usage_error(_("--from %s: expected a year such as 2015"), optarg);
		a->from_year = n;
		break;
	case OPT_CHILDREN: a->children = optarg; break;
	case OPT_ACTIVITY: {
		char *strategy;
		int64_t number;

		if (activity_name_parse(optarg, &strategy, &number) < 0) {
			char *what = xasprintf("--activity %s: %s", optarg, err_get());

			usage_error("%s", what);
			free(what);
			return EXIT_USAGE;
		}
		free(strategy);
		a->activity = optarg;
		break;
	}
	case 'h': usage(); return EXIT_OK;
	case 'V':
		version();
		return EXIT_OK;
	/* For the man page, which is English whatever the locale of the build. */
	case OPT_MAN_CONFIG: language_apply(LANG_EN); config_write_man(stdout); return EXIT_OK;
	case OPT_MAN_KEYS: language_apply(LANG_EN); actions_write_man(stdout); return EXIT_OK;
	case OPT_MAN_THEMES: theme_write_man(stdout); return EXIT_OK;
	case ':': return usage_error(_("%s: the option needs a value"), argv[optind - 1]);
	default: return usage_error(_("%s: unknown option"), argv[optind - 1]);
	}
	return -1;
}

/* The command named by the first argument, or NULL (the dashboard). */
static const struct command *
find_command(const char *name)
{
	for (const struct command *k = commands; name && k->name; k++)
		if (strcmp(name, k->name) == 0)
			return k;
	return NULL;
}

/* A usage error (its exit status) if an option was given to a command it does not belong to; else -1. */
static int
check_option_scope(const struct app *a, const struct command *cmd)
{
	int (*run)(struct app *) = cmd ? cmd->run : NULL;

	if (a->sample && run != cmd_init)
		return usage_error("%s", _("--sample belongs to 'styrkort init'"));
	if ((a->width || a->format_given) && run != cmd_report)
		return usage_error("%s", _("--format and --width belong to 'styrkort report'"));
	if (a->what && run != cmd_report)
		return usage_error("%s", _("--what belongs to 'styrkort report'"));
	if (a->since && run != cmd_log && run != cmd_report)
		return usage_error("%s", _("--since belongs to 'styrkort log' and 'styrkort report'"));
	if (a->activity && run != cmd_log)
		return usage_error("%s", _("--activity belongs to 'styrkort log'"));
	if (a->summary && run != cmd_log)
		return usage_error("%s", _("--summary belongs to 'styrkort log'"));
	if (a->dry_run && run != cmd_import)
		return usage_error("%s", _("--dry-run belongs to 'styrkort import'"));
	if (a->indicator && run != cmd_measurements)
		return usage_error("%s", _("--indicator belongs to 'styrkort measurements'"));
	if (a->strict && run != cmd_measurements && run != cmd_kolada)
		return usage_error("%s", _("--strict belongs to 'styrkort measurements' and 'styrkort kolada'"));
	if (a->from_year && run != cmd_kolada)
		return usage_error("%s", _("--from belongs to 'styrkort kolada'"));
	if (a->note && run != cmd_review)
		return usage_error("%s", _("--note belongs to 'styrkort review add'"));
	if (a->children && run != cmd_delete)
		return usage_error("%s", _("--children belongs to 'styrkort delete'"));
	if ((a->present || a->follow) && run)
		return usage_error("%s", _("--present and --follow belong to the dashboard (styrkort [OPTIONS] [FILE])"));
	if (a->present && a->follow)
		return usage_error("%s", _("--present and --follow: a dashboard either presents or follows; choose one"));
	if (a->present && a->read_only)
		return usage_error("%s", _("--present and --read-only: the presenter writes where it is to the file; "
		                           "follow with --follow instead, or present without --read-only"));
	return -1;
}

/* Without a command: the database from FILE, --database or --demo; a usage error's status, else -1. */
static int
dashboard_database(struct app *a)
{
	if (a->nargs > 1)
		return usage_error(_("%s: unknown command"), a->args[0]);
	if (a->nargs == 1 && a->demo)
		return usage_error("%s", _("--demo opens the bundled sample; give no FILE with it"));
	if (a->nargs == 1 && !strchr(a->args[0], '/') && !strchr(a->args[0], '.') &&
	    access(a->args[0], F_OK) != 0) {
		/* "styrkort repotr": more likely a misspelt command than a database. */
		return usage_error(_("%s: neither a command nor a database file; the commands are init, report, "
		                     "import, export, measurements, kolada, log, set, add, delete, review, backup and "
		                     "restore"), a->args[0]);
	}
	if (a->nargs == 1) {
		if (a->db_arg)
			return usage_error(_("%s: give the database either as FILE or with --database, not both"), a->args[0]);
		a->db_arg = a->args[0];
	}
	return -1;
}

/* The dashboard on the database that the arguments name. */
static int
run_dashboard(struct app *a)
{
	struct db *db;
	int rc = dashboard_database(a);

	if (rc >= 0)
		return rc;
	if (a->demo) {
		if (demo_copy() < 0) {
			msg_error("%s", err_get());
			return EXIT_RUNTIME;
		}
		a->db_arg = demo_path;
		if (!a->strategy)
			a->strategy = DEMO_STRATEGY;
	}
	if (!(db = app_open_db(a))) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	rc = tui_run(a, db);
	db_close(db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct app a;
	const struct command *cmd;
	int c, rc;

	memset(&a, 0, sizeof a);
	/* One thread: stdio need not lock stdout for every call (a tenth of log's and report's output time). */
#ifdef HAVE_STDIO_EXT_H
	__fsetlocking(stdout, FSETLOCKING_BYCALLER);
#endif
	language_init();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:c:hV", options, NULL)) != -1)
		if ((rc = parse_option(&a, c, argv)) >= 0)
			return rc;
	if ((cmd = find_command(optind < argc ? argv[optind] : NULL)))
		optind++;
	a.args = argv + optind;
	a.nargs = argc - optind;
	if ((rc = check_option_scope(&a, cmd)) >= 0)
		return rc;

	/* Only now: the early returns above then have nothing to free. */
	config_defaults(&a.cfg);
	if (config_load(&a.cfg, a.config_path) < 0) {
		msg_error("%s", err_get());
		config_free(&a.cfg);
		return EXIT_USAGE;
	}
	language_apply(a.cfg.language);
	chart_set_ascii(a.cfg.symbols == SYMBOLS_ASCII || (a.cfg.symbols == SYMBOLS_AUTO && !locale_utf8));
	user_name_set(a.cfg.user_name);
	/* A follower never writes: it only reads where the presenter is. */
	a.read_only |= a.cfg.read_only || a.follow;

	rc = cmd ? cmd->run(&a) : run_dashboard(&a);
	config_free(&a.cfg);
	user_name_set(NULL);
	return rc;
}
