/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_structure.c: `styrkort set/add/delete KIND:KEY`: focus areas, goals, indicators, groups and follow-ups from scripts. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "msg.h"
#include "structure.h"
#include "util.h"

/* The kind of "KIND:KEY" (KIND one of structure_kind()'s words) and *key after the colon; -1 if it is none. */
int
cli_structure_address(const char *arg, const char **key)
{
	const char *colon = strchr(arg, ':');
	char *word;
	int k;

	if (!colon)
		return -1;
	word = xstrndup(arg, (size_t)(colon - arg));
	k = structure_kind(word);
	free(word);
	*key = colon + 1;
	return k;
}

/* FIELD=VALUE arguments from args[1] into c; -1 with the message printed. */
static int
changes(struct app *a, const char *what, struct item_change *c)
{
	for (int i = 1; i < a->nargs; i++) {
		char *eq = strchr(a->args[i], '='), *name;
		int f;

		if (!eq) {
			msg_error(_("%s: '%s': expected FIELD=VALUE, such as name=Work"), what, a->args[i]);
			return -1;
		}
		name = xstrndup(a->args[i], (size_t)(eq - a->args[i]));
		if ((f = structure_field(c->kind, name)) < 0) {
			char *list = structure_field_list(c->kind, ", ");

			msg_error(_("%s: unknown field '%s'; the fields of a %s are %s"), what, name,
			          structure_kind_word(c->kind), list);
			free(list);
		} else if (c->value[f]) {
			msg_error(_("%s: the field '%s' is given twice"), what, name);
			f = -1;
		} else if (item_change_set(c, f, eq + 1, a->cfg.date_format, 0) < 0) {
			msg_error("%s: %s", what, err_get());
			f = -1;
		}
		free(name);
		if (f < 0)
			return -1;
	}
	return 0;
}

/* The exit status of a change. */
static int
outcome(enum act_result r, const char *what)
{
	switch (r) {
	case ACTIVITY_OK:
		return EXIT_OK;
	case ACTIVITY_INVALID:
		msg_error("%s: %s", what, err_get());
		return EXIT_USAGE;
	case ACTIVITY_CONFLICT:
		msg_error(_("%s: someone else changed it at the same time; try again"), what);
		return EXIT_RUNTIME;
	default:
		msg_error("%s: %s", what, err_get());
		return EXIT_RUNTIME;
	}
}

/* The database and the one strategy the command applies to; the exit status if not. */
static int
open_strategy(struct app *a, struct db **db, char **strategy)
{
	int rc;

	if (!(*db = app_open_db(a))) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	if ((rc = cli_one_strategy(*db, a, strategy)) < 0) {
		msg_error("%s", err_get());
		db_close(*db);
		return rc == -2 ? EXIT_USAGE : EXIT_RUNTIME;
	}
	return EXIT_OK;
}

/* set (add 0) or add (add 1) KIND:KEY FIELD=VALUE... */
static int
set_or_add(struct app *a, int add)
{
	const char *cmd = add ? "add" : "set", *key = NULL;
	int k = a->nargs ? cli_structure_address(a->args[0], &key) : -1, rc;
	char *what, *strategy = NULL, *kinds = structure_kind_list("|");
	struct item_change c;
	struct db *db;

	if (k < 0 || a->nargs < 2) {
		msg_error(_("usage: styrkort %s %s:ID FIELD=VALUE... (see 'styrkort --help')"), cmd, kinds);
		free(kinds);
		return EXIT_USAGE;
	}
	free(kinds);
	what = xasprintf("%s %s", cmd, a->args[0]);
	item_change_init(&c, (enum kind)k);
	rc = changes(a, what, &c) < 0 ? EXIT_USAGE : open_strategy(a, &db, &strategy);
	if (rc == EXIT_OK) {
		rc = outcome(add ? structure_add(db, strategy, key, &c, NULL)
		                 : structure_apply(db, strategy, key, &c, 0, NULL), what);
		db_close(db);
	}
	item_change_free(&c);
	free(strategy);
	free(what);
	return rc;
}

int
cmd_set_structure(struct app *a)
{
	return set_or_add(a, 0);
}

int
cmd_add(struct app *a)
{
	return set_or_add(a, 1);
}

int
cmd_delete(struct app *a)
{
	const char *key = NULL;
	int k = a->nargs == 1 ? cli_structure_address(a->args[0], &key) : -1, rc;
	struct children ch = { CHILDREN_ASK, NULL };
	char *strategy = NULL, *kinds = structure_kind_list("|"), *what;
	struct db *db;

	if (k < 0) {
		msg_error(_("usage: styrkort delete %s:ID [--children move:ID|unlink|delete] (see 'styrkort --help')"),
		          kinds);
		free(kinds);
		return EXIT_USAGE;
	}
	free(kinds);
	if (a->children && structure_children_parse(a->children, &ch) < 0) {
		msg_error("delete %s: %s", a->args[0], err_get());
		return EXIT_USAGE;
	}
	if ((rc = open_strategy(a, &db, &strategy)) != EXIT_OK)
		return rc;
	what = xasprintf("delete %s", a->args[0]);
	rc = outcome(structure_delete(db, strategy, (enum kind)k, key, &ch, 0, NULL), what);
	free(what);
	db_close(db);
	free(strategy);
	return rc;
}
