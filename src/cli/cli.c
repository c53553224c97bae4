/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c: the non-interactive commands: init, import, export, report, log, set, review, measurements, backup, restore. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "activity.h"
#include "app.h"
#include "backup.h"
#include "changelog.h"
#include "since.h"
#include "kolada.h"
#include "kolada_http.h"
#include "measurements.h"
#include "model.h"
#include "msg.h"
#include "numbering.h"
#include "report.h"
#include "review.h"
#include "strategy_ini.h"
#include "text.h"
#include "util.h"

/* The sample names of PRODUCT.md, also the INI file names in data/. */
static const char *const samples[] = {
	"oxelosund", "ornskoldsvik", "oskarshamn", "gislaved", "vastervik", NULL
};

/* The default database: $XDG_DATA_HOME/styrkort/styrkort.db, or NULL if there is no home. */
static char *
default_database_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && *xdg)
		return xasprintf("%s/styrkort/styrkort.db", xdg);
	if (home && *home)
		return xasprintf("%s/.local/share/styrkort/styrkort.db", home);
	return NULL;
}

/* The database path by PRODUCT.md's order; err_set() and NULL if none can be found. */
static char *
app_database_path(const struct app *a)
{
	const char *env = getenv("STYRKORT_DB");
	char *path;

	if (a->db_arg)
		return xstrdup(a->db_arg);
	if (env && *env)
		return xstrdup(env);
	if (a->cfg.db_path && *a->cfg.db_path)
		return xstrdup(a->cfg.db_path);
	if ((path = default_database_path()) != NULL)
		return path;
	err_set(_("no database given and neither $XDG_DATA_HOME nor $HOME is set; "
	          "use --database FILE or try 'styrkort --demo'"));
	return NULL;
}

/*
 * A first run: 'styrkort init' on the default path makes its missing
 * directories, private to the user as the XDG base directory spec asks.
 * Elsewhere a missing directory is more likely a typo: db_open says so.
 */
static int
make_default_dirs(const char *path)
{
	char *def = default_database_path(), *dir, *p;
	int rc = 0;

	if (!def || strcmp(def, path) != 0) {
		free(def);
		return 0;
	}
	dir = xstrdup(def);
	*strrchr(dir, '/') = '\0';
	for (p = dir + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			err_set(_("%s: cannot create the directory %s: %s"), path, dir, strerror(errno));
			rc = -1;
		}
		*p = c;
		if (!c)
			break;
	}
	free(dir);
	free(def);
	return rc;
}

struct db *
app_open_db(const struct app *a)
{
	char *path = app_database_path(a);
	struct db *db;

	if (!path)
		return NULL;
	db = db_open(path, a->read_only ? DB_READ_ONLY : DB_READ_WRITE);
	free(path);
	/* A follower is read-only because it follows, whatever else would make it so. */
	if (db && a->follow)
		db->read_only_reason = N_("--follow is set");
	/* An older file: say what became of it (before the dashboard takes the screen). */
	if (db && db->migrated_from)
		msg_print(stderr, _("styrkort: %s: upgraded from schema version %d to %d; a copy of the file as it was "
		                    "is in %s\n"), db->path, db->migrated_from, DB_SCHEMA_VERSION, db->backup_path);
	else if (db && db->old_read_only)
		msg_print(stderr, _("styrkort: %s: the file has the old schema version %d and is shown read-only as it is; "
		                    "it is upgraded when someone who may write it opens it without --read-only\n"),
		          db->path, db->version);
	return db;
}

static int
fail(int status)
{
	msg_error("%s", err_get());
	return status;
}

/*
 * The end of a command that prints: everything must have reached standard
 * output.  A full disk is an error; a closed pipe (the reader has all it
 * wanted, as with 'head') ends quietly, still with exit status 1.
 */
static int
output_done(const char *what)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (errno != EPIPE)
		msg_error(_("%s: writing the output failed: %s"), what,
		          errno ? strerror(errno) : _("an input/output error"));
	return -1;
}

static int
need_args(struct app *a, int min, int max, const char *usage)
{
	if (a->nargs < min || a->nargs > max) {
		/* "styrkort report plan.db": the database goes with -d. */
		if (a->nargs > max && !a->db_arg && access(a->args[max], F_OK) == 0)
			msg_error(_("usage: %s; to choose the database, put -d before it: -d %s"), usage, a->args[max]);
		else
			msg_error(_("usage: %s (see 'styrkort --help')"), usage);
		return -1;
	}
	return 0;
}

int
cmd_init(struct app *a)
{
	const char *path;
	struct db *db;
	int rc = EXIT_OK;

	if (need_args(a, a->db_arg ? 0 : 1, a->db_arg ? 0 : 1, "styrkort init FILE [--sample NAME|all]") < 0)
		return EXIT_USAGE;
	path = a->db_arg ? a->db_arg : a->args[0];
	if (a->sample && strcmp(a->sample, "all") != 0) {
		int known = 0;

		for (int i = 0; samples[i]; i++)
			known |= strcmp(a->sample, samples[i]) == 0;
		if (!known) {
			msg_error(_("--sample: unknown sample '%s'; choose one of oxelosund, ornskoldsvik, "
			            "oskarshamn, gislaved, vastervik or all"), a->sample);
			return EXIT_USAGE;
		}
	}
	if (make_default_dirs(path) < 0 || !(db = db_open(path, DB_CREATE)))
		return fail(EXIT_RUNTIME);
	int imported = 0;

	for (int i = 0; a->sample && samples[i]; i++) {
		char *ini;

		if (strcmp(a->sample, "all") != 0 && strcmp(a->sample, samples[i]) != 0)
			continue;
		ini = xasprintf("%s/%s.ini", app_sample_dir(), samples[i]);
		if (strategy_import(db, ini, NULL) < 0) {
			free(ini);
			db_close(db);
			unlink(path);
			return fail(EXIT_RUNTIME);
		}
		free(ini);
		imported++;
	}
	db_close(db);
	if (imported)
		msg_print(stderr, ui_ngettext("styrkort: created %s with %d sample strategy\n",
		                         "styrkort: created %s with %d sample strategies\n", (unsigned long)imported),
		        path, imported);
	else
		msg_print(stderr, _("styrkort: created %s; add a strategy with 'styrkort -d %s import FILE.ini'\n"),
		        path, path);
	return rc;
}

int
cmd_import(struct app *a)
{
	struct import_summary sum;
	struct db *db;
	char *id = NULL, *prefix;
	int changes;

	if (need_args(a, 1, 1, "styrkort import [--dry-run] FILE.ini") < 0)
		return EXIT_USAGE;
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if (strategy_import_summary(db, a->args[0], &id, &sum, a->dry_run) < 0) {
		import_summary_free(&sum);
		db_close(db);
		return fail(EXIT_RUNTIME);
	}
	/* What changed, so that an old file cannot quietly undo the working group's statuses. */
	prefix = xasprintf("styrkort: %s: ", a->args[0]);
	changes = import_summary_print(&sum, prefix, stderr);
	free(prefix);
	if (a->dry_run && !sum.existed)
		msg_print(stderr, _("styrkort: %s: dry run: strategy '%s' would be added; nothing was written\n"),
		        a->args[0], id);
	else if (a->dry_run)
		msg_print(stderr, ui_ngettext("styrkort: %s: dry run: %d change to strategy '%s'; nothing was written\n",
		                         "styrkort: %s: dry run: %d changes to strategy '%s'; nothing was written\n",
		                         (unsigned long)changes), a->args[0], changes, id);
	else if (changes == 0)
		msg_print(stderr, _("styrkort: %s: strategy '%s' is as the file says; nothing changed\n"), a->args[0], id);
	else
		msg_print(stderr, _("styrkort: %s: imported strategy '%s'\n"), a->args[0], id);
	import_summary_free(&sum);
	free(id);
	db_close(db);
	return EXIT_OK;
}

/* The strategies a command covers: --strategy, else all of them. */
static int
strategies(struct db *db, const struct app *a, struct strategy_ref **refs, size_t *n)
{
	if (model_list_strategies(db, refs, n) < 0)
		return -1;
	if (a->strategy) {
		for (size_t i = 0; i < *n; i++) {
			if (strcmp((*refs)[i].id, a->strategy) == 0) {
				/* Keep just that one, in slot 0. */
				struct strategy_ref keep = (*refs)[i];

				(*refs)[i] = (*refs)[0];
				(*refs)[0] = keep;
				for (size_t j = 1; j < *n; j++) {
					free((*refs)[j].id);
					free((*refs)[j].municipality);
					free((*refs)[j].title);
				}
				*n = 1;
				return 0;
			}
		}
		{
			struct buf b;

			buf_init(&b);
			for (size_t i = 0; i < *n; i++)
				buf_printf(&b, "%s%s", i ? ", " : "", (*refs)[i].id);
			err_set(_("--strategy %s: no such strategy in %s; the file holds: %s"),
			        a->strategy, db->path, *n ? b.s : _("none"));
			buf_free(&b);
		}
		model_free_strategy_refs(*refs, *n);
		return -1;
	}
	if (*n == 0) {
		err_set(_("%s: the database holds no strategy; add one with 'styrkort import FILE.ini'"), db->path);
		model_free_strategy_refs(*refs, *n);
		return -1;
	}
	return 0;
}

/*
 * A command over the strategies it covers (--strategy, else all): opens the
 * file and calls one for each in turn until one fails (-1, its message
 * set), then makes sure the output reached its end (what: the command's
 * name).  An exit status.
 */
static int
each_strategy(const struct app *a, const char *what, int (*one)(struct db *db, const char *id, size_t i, void *ctx),
              void *ctx)
{
	struct strategy_ref *refs;
	size_t n;
	struct db *db;
	int rc = EXIT_OK;

	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if (strategies(db, a, &refs, &n) < 0) {
		db_close(db);
		return fail(EXIT_RUNTIME);
	}
	for (size_t i = 0; i < n && rc == EXIT_OK; i++)
		if (one(db, refs[i].id, i, ctx) < 0)
			rc = fail(EXIT_RUNTIME);
	if (rc == EXIT_OK && output_done(what) < 0)
		rc = EXIT_RUNTIME;
	model_free_strategy_refs(refs, n);
	db_close(db);
	return rc;
}

int
cmd_export(struct app *a)
{
	struct strategy_ref *refs;
	size_t n;
	struct db *db;
	int rc = EXIT_OK;

	if (need_args(a, 0, 0, "styrkort export [--strategy ID]") < 0)
		return EXIT_USAGE;
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if (strategies(db, a, &refs, &n) < 0) {
		db_close(db);
		return fail(EXIT_RUNTIME);
	}
	if (n > 1) {
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", refs[i].id);
		msg_error(_("export: the file holds %zu strategies (%s); choose one with --strategy ID"), n, b.s);
		buf_free(&b);
		rc = EXIT_USAGE;
	} else if (strategy_export(db, refs[0].id, stdout) < 0 && !ferror(stdout)) {
		rc = fail(EXIT_RUNTIME);
	} else if (output_done("export") < 0) {
		rc = EXIT_RUNTIME;
	}
	model_free_strategy_refs(refs, n);
	db_close(db);
	return rc;
}

/*
 * A date typed on the command line: YYYY-MM-DD, or as [display] date_format
 * writes it (24/12/2026), into iso: a day (a review is held on one; a
 * year or a month is refused).  -1 with the message printed.
 */
static int
typed_date(const struct app *a, const char *what, const char *s, char iso[11])
{
	if (parse_user_date(s, a->cfg.date_format, iso) == DATE_DAY)
		return 0;
	if (a->cfg.date_format && strcmp(a->cfg.date_format, "%Y-%m-%d") != 0)
		msg_error(_("%s %s: expected a date YYYY-MM-DD, or as the configured date_format writes it (%s)"),
		          what, s, a->cfg.date_format);
	else
		msg_error(_("%s %s: expected a date YYYY-MM-DD"), what, s);
	return -1;
}

/* --since: "last-review" as it is, a date as date_format or ISO writes it into iso; -1 (said) if neither. */
static int
since_arg(struct app *a, char iso[11], const char **since)
{
	*since = a->since;
	if (!a->since || strcmp(a->since, "last-review") == 0)
		return 0;
	if (typed_date(a, "--since", a->since, iso) < 0)
		return -1;
	*since = iso;
	return 0;
}

/* What report writes for each strategy. */
struct report_run {
	const struct app *a;
	const struct report_writer *w;
	const char *since;
};

static int
report_one(struct db *db, const char *id, size_t i, void *ctx)
{
	const struct report_run *run = ctx;
	char sep = report_csv_separator(run->a->cfg.csv_separator);
	struct report r;

	if (i == 0)
		report_file_start(run->w, stdout, sep);
	if (report_writer_is_data(run->w))     /* a record per row, streamed: no report to prepare */
		return report_write_data(db, id, run->w, sep, stdout);
	if (report_prepare(db, id, run->since, (int)(run->a->width ? run->a->width : run->a->cfg.report_width),
	                   run->a->cfg.date_format, &r) < 0)
		return -1;
	if (i)
		fputs(report_between(run->w), stdout);
	r.opts.csv_separator = sep;
	report_write(&r, run->w, stdout);
	report_release(&r);
	return 0;
}

int
cmd_report(struct app *a)
{
	struct report_run run = { a, a->format ? a->format : report_writer_text(), NULL };
	char since_iso[11];
	char *usage = xasprintf("styrkort report [--format %s] [--what activities|measurements] [--width N] [--strategy ID] [--since DATE|last-review]",
	                        report_writer_names());
	int rc = need_args(a, 0, 0, usage);

	free(usage);
	if (rc < 0)
		return EXIT_USAGE;
	if (a->what && !(run.w = report_writer_find_what(report_writer_name(run.w), a->what))) {
		msg_error(_("report: --what %s: only with --format csv; add --format csv"), a->what);
		return EXIT_USAGE;
	}
	if (since_arg(a, since_iso, &run.since) < 0)
		return EXIT_USAGE;
	return each_strategy(a, "report", report_one, &run);
}

/* The one strategy a change applies to: --strategy, or the only one in the file; -2 if the file holds several and none was named. */
static int
one_strategy(struct db *db, const struct app *a, char **id)
{
	struct strategy_ref *refs;
	size_t n;

	if (strategies(db, a, &refs, &n) < 0)
		return -1;
	if (n > 1) {
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", refs[i].id);
		err_set(_("%s: the file holds %zu strategies (%s); choose one with --strategy ID"), db->path, n, b.s);
		buf_free(&b);
		model_free_strategy_refs(refs, n);
		return -2;      /* the user must say which: a usage error */
	}
	*id = xstrdup(refs[0].id);
	model_free_strategy_refs(refs, n);
	return 0;
}

int
cmd_review(struct app *a)
{
	struct db *db;
	char *id = NULL, today[11], typed[11];
	const char *date;
	int rc = EXIT_OK;

	if (a->nargs < 1 || (strcmp(a->args[0], "add") != 0 && strcmp(a->args[0], "list") != 0)) {
		msg_error(_("usage: styrkort review add [DATE] [--note TEXT] | styrkort review list (see 'styrkort --help')"));
		return EXIT_USAGE;
	}
	if (strcmp(a->args[0], "list") == 0) {
		if (need_args(a, 1, 1, "styrkort review list") < 0)
			return EXIT_USAGE;
		if (a->note) {
			msg_error(_("--note belongs to 'styrkort review add'"));
			return EXIT_USAGE;
		}
		if (!(db = app_open_db(a)))
			return fail(EXIT_RUNTIME);
		if (review_print(db, a->strategy, a->cfg.date_format, stdout) < 0)
			rc = fail(EXIT_RUNTIME);
		else if (output_done("review list") < 0)
			rc = EXIT_RUNTIME;
		db_close(db);
		return rc;
	}
	if (need_args(a, 1, 2, "styrkort review add [DATE] [--note TEXT]") < 0)
		return EXIT_USAGE;
	today_iso(today);
	if (a->nargs == 2 && typed_date(a, "review add", a->args[1], typed) < 0)
		return EXIT_USAGE;
	date = a->nargs == 2 ? typed : today;
	{
		char why[256];

		/* A note is text as an activity's comment is: the same rule. */
		if (a->note && text_check(a->note, 1, NULL, why, sizeof why) < 0) {
			msg_error("--note: %s", why);
			return EXIT_USAGE;
		}
	}
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if ((rc = one_strategy(db, a, &id)) < 0 || review_add(db, id, date, a->note) < 0)
		rc = fail(rc == -2 ? EXIT_USAGE : EXIT_RUNTIME);
	else if (date_cmp_today(date) < 0)
		msg_print(stderr, _("styrkort: recorded a review of '%s' on %s; the changes made after that day "
		                  "count as since the review\n"), id, date);
	else
		msg_print(stderr, _("styrkort: recorded a review of '%s' on %s; the changes made from now on "
		                  "count as since the review\n"), id, date);
	free(id);
	db_close(db);
	return rc;
}

int
cmd_measurements(struct app *a)
{
	struct measurements_result res;
	struct db *db;
	int rc = EXIT_OK;

	if (need_args(a, 1, 1, "styrkort measurements [--indicator ID] FILE") < 0)
		return EXIT_USAGE;
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if (measurements_import(db, a->args[0], a->strategy, a->indicator, a->strict, &res, stderr) < 0) {
		rc = fail(EXIT_RUNTIME);
	} else {
		msg_print(stderr, _("styrkort: %s: %d new, %d changed, %d unchanged values\n"), a->args[0],
		        res.added, res.replaced, res.unchanged);
	}
	db_close(db);
	return rc;
}

/* Fetch every page Kolada has for the strategy's indicators and areas into doc. */
static int
kolada_download(struct db *db, const struct app *a, const char *id, struct kolada_doc *doc)
{
	char *kpis, *areas, *url, today[11];
	int rc;

	if (kolada_request(db, id, &kpis, &areas) < 0)
		return -1;
	today_iso(today);
	url = kolada_data_url(a->cfg.kolada_url, kpis, areas, a->from_year, atoi(today));
	rc = kolada_fetch(url, a->cfg.kolada_timeout, doc);
	free(url);
	free(kpis);
	free(areas);
	return rc;
}

int
cmd_kolada(struct app *a)
{
	struct measurements_result res;
	struct kolada_doc doc;
	struct db *db;
	char *id = NULL;
	int rc = EXIT_OK, one = 0;

	if (need_args(a, 0, 0, "styrkort kolada [--strict] [--from YEAR]") < 0)
		return EXIT_USAGE;
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	memset(&doc, 0, sizeof doc);
	/* Read-only is said before the network is asked, not after. */
	if (db->read_only)
		err_set(_("%s: the database is open read-only (%s)"), db->path, _(db->read_only_reason));
	/* Everything is fetched before anything is written: a failure on page 3 changes nothing. */
	if (db->read_only || (one = one_strategy(db, a, &id)) < 0 || kolada_download(db, a, id, &doc) < 0 ||
	    measurements_import_kolada(db, "Kolada", id, &doc, a->strict, &res, stderr) < 0)
		rc = fail(one == -2 ? EXIT_USAGE : EXIT_RUNTIME);
	else
		msg_print(stderr, _("styrkort: %s: %d new, %d changed, %d unchanged values\n"), "Kolada",
		          res.added, res.replaced, res.unchanged);
	kolada_free(&doc);
	free(id);
	db_close(db);
	return rc;
}

/* log --activity N of a number that never was an activity: say so (a deleted one still has its history). */

/*
 * The activity that `set ACTIVITY` or `log --activity ACTIVITY` names
 * (N or STRATEGY:N, numbered per strategy: numbering.h) -> its id; the
 * exit status, the message printed, if it names none or not one for sure.
 */
static int
named_activity(struct db *db, const struct app *a, const char *what, const char *name, int deleted, int64_t *id)
{
	int rc = activity_find(db, name, a->strategy, deleted, id, NULL);

	if (rc == 0)
		return EXIT_OK;
	msg_error("%s %s: %s", what, name, err_get());
	return rc == -2 ? EXIT_USAGE : EXIT_RUNTIME;
}

/* log --summary: the changes since the last review (or --since) net, one line per item, per strategy. */
struct summary_run {
	const struct app *a;
	const char *since;
};

static int
summary_one(struct db *db, const char *id, size_t i, void *ctx)
{
	const struct summary_run *run = ctx;

	(void)i;
	return since_print(db, id, NULL, 0, run->since ? run->since : "last-review", run->a->cfg.date_format, NULL,
	                   stdout);
}

static int
log_summary(struct app *a)
{
	struct summary_run run = { a, NULL };
	char since_iso[11];

	if (a->activity) {
		msg_error("%s", _("log: --summary and --activity go separately; leave one out"));
		return EXIT_USAGE;
	}
	if (since_arg(a, since_iso, &run.since) < 0)
		return EXIT_USAGE;
	return each_strategy(a, "log", summary_one, &run);
}

int
cmd_log(struct app *a)
{
	struct changelog_filter f = { 0 };
	struct db *db;
	int rc = EXIT_OK;
	char since_iso[11];

	if (need_args(a, 0, 0, "styrkort log [--since DATE] [--activity ACTIVITY] | log --summary [--since DATE|last-review]") < 0)
		return EXIT_USAGE;
	if (a->summary)
		return log_summary(a);
	if (a->since && typed_date(a, "--since", a->since, since_iso) < 0)
		return EXIT_USAGE;
	f.strategy_id = a->strategy;
	f.since = a->since ? since_iso : NULL;
	if (!(db = app_open_db(a)))
		return fail(EXIT_RUNTIME);
	if (a->activity)
		rc = named_activity(db, a, "log --activity", a->activity, 1, &f.activity);
	if (rc == EXIT_OK && changelog_print(db, &f, a->cfg.date_format, stdout) < 0)
		rc = fail(EXIT_RUNTIME);
	else if (rc == EXIT_OK && output_done("log") < 0)
		rc = EXIT_RUNTIME;
	db_close(db);
	return rc;
}

/* set's FIELD=VALUE arguments into c; -1 (with the message printed, c freed) if one is wrong. */
static int
set_changes(struct app *a, struct act_change *c)
{
	for (int i = 1; i < a->nargs; i++) {
		char *eq = strchr(a->args[i], '='), *name;
		int f;

		if (!eq) {
			msg_error(_("set: '%s': expected FIELD=VALUE, such as status=done"), a->args[i]);
			act_change_free(c);
			return -1;
		}
		name = xstrndup(a->args[i], (size_t)(eq - a->args[i]));
		f = act_field_from_name(name);
		if (f < 0) {
			char *list = model_activity_field_list(", ");

			msg_error(_("set: unknown field '%s'; the fields are %s"), name, list);
			free(list);
			free(name);
			act_change_free(c);
			return -1;
		}
		free(name);
		if (c->value[f]) {
			msg_error(_("set: the field '%s' is given twice"), act_field_name(f));
			act_change_free(c);
			return -1;
		}
		if (act_change_set(c, f, eq + 1, a->cfg.date_format) < 0) {
			msg_error(_("set %s: %s"), a->args[0], err_get());
			act_change_free(c);
			return -1;
		}
	}
	return 0;
}

int
cmd_set(struct app *a)
{
	struct act_change c = { 0 };
	struct db *db;
	char *strategy;
	int64_t id, number;
	int rc = EXIT_OK;
	const char *key;

	if (a->nargs && cli_structure_address(a->args[0], &key) >= 0)
		return cmd_set_structure(a);

	if (a->nargs < 2) {
		msg_error(_("usage: styrkort set ACTIVITY FIELD=VALUE... (see 'styrkort --help')"));
		return EXIT_USAGE;
	}
	if (activity_name_parse(a->args[0], &strategy, &number) < 0) {
		msg_error(_("set %s: %s"), a->args[0], err_get());
		return EXIT_USAGE;
	}
	free(strategy);
	if (set_changes(a, &c) < 0)
		return EXIT_USAGE;
	if (!(db = app_open_db(a))) {
		act_change_free(&c);
		return fail(EXIT_RUNTIME);
	}
	/* The number of the strategy named, or of the only one: never another strategy's by mistake. */
	if ((rc = named_activity(db, a, "set", a->args[0], 0, &id)) != EXIT_OK) {
		act_change_free(&c);
		db_close(db);
		return rc;
	}
	switch (activity_apply(db, id, &c, 0, c.value[AF_COMMENT], NULL)) {
	case ACTIVITY_OK:
		break;
	case ACTIVITY_INVALID:
		msg_error(_("set %s: %s"), a->args[0], err_get());
		rc = EXIT_USAGE;
		break;
	default:
		rc = fail(EXIT_RUNTIME);
	}
	act_change_free(&c);
	db_close(db);
	return rc;
}

int
cli_one_strategy(struct db *db, const struct app *a, char **id)
{
	return one_strategy(db, a, id);
}

/* backup DEST: a checked copy, made while others go on working (read-only: the file is never changed). */
int
cmd_backup(struct app *a)
{
	struct app ro = *a;
	struct db *db;
	int rc = EXIT_OK;

	if (need_args(a, 1, 1, "styrkort backup DEST") < 0)
		return EXIT_USAGE;
	ro.read_only = 1;
	if (!(db = app_open_db(&ro)))
		return fail(EXIT_RUNTIME);
	if (backup_write(db, a->args[0]) < 0)
		rc = fail(EXIT_RUNTIME);
	else
		msg_print(stderr, _("styrkort: %s: a copy of %s, checked, readable by you only\n"), a->args[0], db->path);
	db_close(db);
	return rc;
}

/* restore into a file that opens: the file as it was kept, then the backup in one transaction. */
static int
restore_into(const char *path, struct db *from)
{
	struct db *db = db_open(path, DB_READ_WRITE);
	char *kept = NULL;

	if (!db) {
		msg_error(_("%s; to put the backup in its place, move the file aside (mv %s %s.damaged) and run "
		            "the restore again"), err_get(), path, path);
		return EXIT_RUNTIME;
	}
	if (backup_restore(db, from, &kept) < 0) {
		db_close(db);
		return fail(EXIT_RUNTIME);
	}
	db_close(db);
	msg_print(stderr, _("styrkort: %s: restored from %s; the file as it was is in %s\n"), path, from->path, kept);
	free(kept);
	return EXIT_OK;
}

/* restore BACKUP: the backup checked first, then put back into the database (or made anew if it is missing). */
int
cmd_restore(struct app *a)
{
	struct db *from, *db;
	char *path;
	int rc = EXIT_OK;

	if (need_args(a, 1, 1, "styrkort restore BACKUP") < 0)
		return EXIT_USAGE;
	if (a->read_only) {
		msg_error("%s", _("restore: --read-only and [database] read_only forbid it; restoring writes the database"));
		return EXIT_USAGE;
	}
	if (!(path = app_database_path(a)))
		return fail(EXIT_RUNTIME);
	if (!(from = backup_open_checked(a->args[0]))) {
		free(path);
		return fail(EXIT_RUNTIME);
	}
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		if (backup_restore_new(from, path) < 0)
			rc = fail(EXIT_RUNTIME);
		else
			msg_print(stderr, _("styrkort: %s: restored from %s (there was no such file)\n"), path, from->path);
	} else {
		rc = restore_into(path, from);
	}
	db_close(from);
	/* A backup of an older schema version: upgraded now, by the one who restored it. */
	if (rc == EXIT_OK) {
		if ((db = app_open_db(a)))
			db_close(db);
		else
			rc = fail(EXIT_RUNTIME);
	}
	free(path);
	return rc;
}
