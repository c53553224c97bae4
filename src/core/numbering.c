/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numbering.c: activity numbers per strategy: what people type (oskarshamn:12, 12) to the internal id. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "numbering.h"
#include "text.h"
#include "util.h"

int
activity_name_parse(const char *text, char **strategy, int64_t *number)
{
	const char *colon = strrchr(text, ':'), *digits = colon ? colon + 1 : text;
	char *named = colon ? xstrndup(text, (size_t)(colon - text)) : NULL;
	long n;

	*strategy = NULL;
	if ((named && parse_slug(named) < 0) || parse_int(digits, 1, LONG_MAX, &n) < 0) {
		err_set(_("expected an activity number as the dashboard shows it, or STRATEGY:NUMBER "
		          "such as oskarshamn:12"));
		free(named);
		return -1;
	}
	*strategy = named;
	*number = n;
	return 0;
}

int64_t
activity_next_number(int64_t largest_before)
{
	return largest_before + 1;
}

int64_t
activity_number(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT number FROM activity WHERE id = ?");
	int64_t n = 0;

	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The strategies' ids joined by ", " (a new string), as the messages list them. */
static char *
strategy_list(const struct strategy_ref *refs, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", refs[i].id);
	return b.s ? buf_steal(&b) : xstrdup(_("none"));
}

/* A bare number in a file of several strategies: which of them have an activity N, for the message. */
static void
refuse_bare(struct db *db, int64_t number, const struct strategy_ref *refs, size_t nrefs)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT strategy_id, title FROM activity WHERE number = ?"
	                                  " ORDER BY strategy_id");
	char *all = strategy_list(refs, nrefs);
	struct buf b;

	buf_init(&b);
	if (st) {
		sqlite3_bind_int64(st, 1, number);
		while (sqlite3_step(st) == SQLITE_ROW) {
			/* The title, shortened: the message names the candidates, it need not quote them. */
			const char *title = db_text(st, 1);
			size_t fit = text_fit(title, 40);

			buf_printf(&b, "%s%s:%lld (%.*s%s)", b.s ? ", " : "", db_text(st, 0), (long long)number,
			           (int)fit, title, title[fit] ? "..." : "");
		}
		sqlite3_finalize(st);
	}
	if (b.s)
		err_set(_("the file holds the strategies %s, and a number alone does not say whose activity it is; "
		          "write one of %s, or give --strategy ID"), all, b.s);
	else
		err_set(_("the file holds the strategies %s, and none has an activity %lld; write STRATEGY:NUMBER "
		          "with a number the dashboard shows"), all, (long long)number);
	buf_free(&b);
	free(all);
}

/* The strategy a name means: the named one if it exists, else the file's only one; -1 or -2 with err_set(). */
static int
whose(struct db *db, const char *named, int64_t number, char **owner)
{
	struct strategy_ref *refs;
	size_t n;
	int rc = -1;

	if (model_list_strategies(db, &refs, &n) < 0)
		return -1;
	for (size_t i = 0; named && i < n; i++)
		if (strcmp(refs[i].id, named) == 0)
			rc = 0;
	if (named && rc < 0) {
		char *all = strategy_list(refs, n);

		err_set(_("there is no strategy '%s' in %s; the file holds: %s"), named, db->path, all);
		free(all);
	} else if (!named && n == 0) {
		err_set(_("%s holds no strategy; import one first (styrkort import FILE.ini)"), db->path);
	} else if (!named && n > 1) {
		refuse_bare(db, number, refs, n);
		rc = -2;
	}
	if (rc == 0 || (!named && n == 1)) {
		*owner = xstrdup(named ? named : refs[0].id);
		rc = 0;
	}
	model_free_strategy_refs(refs, n);
	return rc;
}

/* Activity number of strategy -> its id; deleted: also one deleted since (its number is in the log). */
static int
lookup(struct db *db, const char *strategy, int64_t number, int deleted, int64_t *id)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id FROM activity WHERE strategy_id = ?1 AND number = ?2"
		" UNION ALL SELECT * FROM (SELECT item_id FROM change_log WHERE ?3 AND kind = 'activity'"
		" AND strategy_id = ?1 AND field = 'number' AND new IS NULL AND old = CAST(?2 AS TEXT)"
		" ORDER BY id DESC LIMIT 1)");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, number);
	sqlite3_bind_int(st, 3, deleted);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		err_set(_("the strategy '%s' has no activity %lld; the dashboard and "
		          "'styrkort report --format csv --strategy %s' show its numbers"),
		        strategy, (long long)number, strategy);
	else
		err_set("%s: %s", db->path, sqlite3_errmsg(db->sql));
	return -1;
}

int
activity_find(struct db *db, const char *text, const char *strategy, int deleted,
              int64_t *id, char **owner)
{
	char *named, *who = NULL;
	int64_t number;
	int rc;

	if (activity_name_parse(text, &named, &number) < 0)
		return -2;
	if (named && strategy && strcmp(named, strategy) != 0) {
		err_set(_("it names the strategy '%s' and --strategy names '%s'; give only one of them"),
		        named, strategy);
		free(named);
		return -2;
	}
	rc = whose(db, named ? named : strategy, number, &who);
	if (rc == 0)
		rc = lookup(db, who, number, deleted, id);
	if (rc == 0 && owner)
		*owner = who;
	else
		free(who);
	free(named);
	return rc;
}
