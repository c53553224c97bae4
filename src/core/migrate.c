/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate.c: the schema's versions, and the safe way to upgrade an older file (declared in db.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "db.h"
#include "util.h"

/* Version 1: the original schema (a new file starts here). */
static const char schema_v1[] =
	"CREATE TABLE strategy (\n"
	"\tid TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9_-]*' AND length(id) <= 40),\n"
	"\tmunicipality TEXT NOT NULL,\n"
	"\ttitle TEXT NOT NULL,\n"
	"\tdoc_type TEXT, adopted_by TEXT, adopted_on TEXT, revised_on TEXT,\n"
	"\treference TEXT, valid_from TEXT, valid_to TEXT, owner TEXT,\n"
	"\tvision TEXT, purpose TEXT, target_group TEXT, organisation TEXT,\n"
	"\tfollow_up TEXT, note TEXT\n"
	");\n"
	"CREATE TABLE focus_area (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tname TEXT NOT NULL,\n"
	"\tpurpose TEXT,\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n"
	"CREATE TABLE responsible_body (\n"
	"\tfocus_id INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tname TEXT NOT NULL,\n"
	"\tPRIMARY KEY (focus_id, position)\n"
	");\n"
	"CREATE TABLE goal (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tparent_id INTEGER REFERENCES goal(id) ON DELETE CASCADE,\n"
	"\tfocus_id INTEGER REFERENCES focus_area(id) ON DELETE SET NULL,\n"
	"\ttitle TEXT NOT NULL,\n"
	"\tdescription TEXT,\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n"
	"CREATE TABLE indicator (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tgoal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tname TEXT NOT NULL,\n"
	"\tdescription TEXT, unit TEXT, source TEXT, kolada TEXT,\n"
	"\tdirection TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),\n"
	"\tbaseline REAL, baseline_period TEXT,\n"
	"\ttarget REAL, target_period TEXT,\n"
	"\tby_sex INTEGER NOT NULL DEFAULT 0 CHECK (by_sex IN (0, 1)),\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n"
	"CREATE TABLE measurement (\n"
	"\tindicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tperiod_key INTEGER NOT NULL,\n"
	"\tsex TEXT NOT NULL CHECK (sex IN ('T', 'K', 'M')),\n"
	"\tvalue REAL,                     -- NULL: no data (not 0)\n"
	"\tentered_by TEXT NOT NULL,\n"
	"\tentered_at TEXT NOT NULL,\n"
	"\tPRIMARY KEY (indicator_id, period, sex)\n"
	");\n"
	"CREATE TABLE activity (\n"
	"\tid INTEGER PRIMARY KEY,         -- the activity's number\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tref TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tfocus_id INTEGER REFERENCES focus_area(id) ON DELETE SET NULL,\n"
	"\tgoal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,\n"
	"\ttitle TEXT NOT NULL CHECK (length(title) > 0),\n"
	"\tdescription TEXT, responsible TEXT, contact TEXT,\n"
	"\tstart_date TEXT, due_date TEXT,\n"
	"\tstatus TEXT NOT NULL DEFAULT 'not_started'\n"
	"\t\tCHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),\n"
	"\tprogress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),\n"
	"\tcomment TEXT,\n"
	"\tchanged_by TEXT, changed_at TEXT,\n"
	"\tversion INTEGER NOT NULL DEFAULT 1,\n"
	"\tUNIQUE (strategy_id, ref)\n"
	");\n"
	"CREATE INDEX activity_by_strategy ON activity (strategy_id, position);\n"
	"CREATE INDEX activity_by_due ON activity (strategy_id, due_date);\n"
	"CREATE INDEX activity_by_status ON activity (strategy_id, status);\n"
	"CREATE INDEX activity_by_focus ON activity (focus_id);\n"
	"CREATE INDEX activity_by_goal ON activity (goal_id);\n"
	"-- The change log has no foreign keys: it outlives what it describes.\n"
	"CREATE TABLE change_log (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tat TEXT NOT NULL,\n"
	"\twho TEXT NOT NULL,\n"
	"\tstrategy_id TEXT NOT NULL,\n"
	"\tkind TEXT NOT NULL CHECK (kind IN ('activity', 'measurement')),\n"
	"\titem_id INTEGER NOT NULL,\n"
	"\titem TEXT NOT NULL,             -- a readable name: the title, or indicator/period/sex\n"
	"\tfield TEXT NOT NULL,\n"
	"\told TEXT,\n"
	"\tnew TEXT,\n"
	"\tcomment TEXT,\n"
	"\tbatch INTEGER NOT NULL DEFAULT 0,     -- rows written by one action share a batch\n"
	"\tundoes INTEGER                        -- for an undo: the batch it reverted\n"
	");\n"
	"CREATE INDEX change_log_by_batch ON change_log (batch);\n"
	"CREATE INDEX change_log_by_time ON change_log (strategy_id, at);\n"
	"CREATE INDEX change_log_by_item ON change_log (kind, item_id);\n"
	"CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log\n"
	"BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;\n"
	"CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log\n"
	"BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;\n"
	"CREATE TABLE review (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tdate TEXT NOT NULL,\n"
	"\tnote TEXT,\n"
	"\tcreated_by TEXT NOT NULL,\n"
	"\tcreated_at TEXT NOT NULL\n"
	");\n";

/*
 * Version 2: a review remembers the last change-log row it covers, so
 * that "since the last review" follows the log's order, not timestamps of
 * one-second resolution.  Reviews recorded before: the rows logged up to
 * when they were recorded, but no later than the end of their date.
 */
static const char schema_v2[] =
	"ALTER TABLE review ADD COLUMN last_change INTEGER NOT NULL DEFAULT 0;\n"
	"UPDATE review SET last_change = (SELECT coalesce(max(c.id), 0) FROM change_log c\n"
	"\tWHERE c.at <= min(review.created_at, review.date || 'T23:59:59Z'));\n";

/*
 * Version 2 for a reader of a version-1 file: the same column, computed
 * as the migration computes it, in a temporary view that hides the table.
 */
static const char read_v2[] =
	"CREATE TEMP VIEW review AS SELECT r.*, (SELECT coalesce(max(c.id), 0) FROM main.change_log c\n"
	"\tWHERE c.at <= min(r.created_at, r.date || 'T23:59:59Z')) AS last_change FROM main.review r;\n";

/*
 * Version 3: the strategy's identity (kommunkod, county) and its decision
 * record in fields of their own; the groups that carry it and its follow-up
 * plan (organisation.h); where a fact comes from (source) and which
 * activities are example data.  The old reference, which mixed the
 * paragraph and the Dnr, is kept as written: it is shown and exported
 * until someone moves its parts into paragraph and dnr (man styrkort(5)).
 */
static const char schema_v3[] =
	"ALTER TABLE strategy ADD COLUMN municipality_code TEXT\n"
	"\tCHECK (municipality_code GLOB '[0-9][0-9][0-9][0-9]');\n"
	"ALTER TABLE strategy ADD COLUMN county TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN paragraph TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN dnr TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN document_date TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN until_further_notice INTEGER NOT NULL DEFAULT 0\n"
	"\tCHECK (until_further_notice IN (0, 1));\n"
	"ALTER TABLE strategy ADD COLUMN replaces TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN related TEXT;\n"
	"ALTER TABLE strategy ADD COLUMN source TEXT;\n"
	"ALTER TABLE activity ADD COLUMN source TEXT;\n"
	"ALTER TABLE activity ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE indicator ADD COLUMN decimals REAL CHECK (decimals IN (0, 1, 2, 3, 4, 5, 6));\n"
	"CREATE TABLE strategy_group (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\trole TEXT NOT NULL CHECK (role IN ('owner', 'steering_group', 'working_group',\n"
	"\t\t'reference_group', 'project_leader', 'coordinator', 'other')),\n"
	"\tname TEXT,\n"
	"\tcomposition TEXT,\n"
	"\tsource TEXT,\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n"
	"CREATE TABLE follow_up (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\twhat TEXT NOT NULL,\n"
	"\tcadence TEXT NOT NULL,\n"
	"\tfirst_date TEXT,\n"
	"\tdates TEXT,\n"
	"\tnote TEXT,\n"
	"\tsource TEXT,\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n";

/* Version 3 for a reader of a version-2 file: the new columns empty, no groups, no follow-ups. */
static const char read_v3[] =
	"CREATE TEMP VIEW strategy AS SELECT s.*, NULL AS municipality_code, NULL AS county,\n"
	"\tNULL AS paragraph, NULL AS dnr, NULL AS document_date, 0 AS until_further_notice,\n"
	"\tNULL AS replaces, NULL AS related, NULL AS source FROM main.strategy s;\n"
	"CREATE TEMP VIEW activity AS SELECT a.*, NULL AS source, 0 AS example FROM main.activity a;\n"
	"CREATE TEMP VIEW indicator AS SELECT i.*, NULL AS decimals FROM main.indicator i;\n"
	"CREATE TEMP VIEW strategy_group AS SELECT NULL AS id, NULL AS strategy_id, NULL AS key,\n"
	"\tNULL AS position, NULL AS role, NULL AS name, NULL AS composition, NULL AS source WHERE 0;\n"
	"CREATE TEMP VIEW follow_up AS SELECT NULL AS id, NULL AS strategy_id, NULL AS key,\n"
	"\tNULL AS position, NULL AS what, NULL AS cadence, NULL AS first_date, NULL AS dates,\n"
	"\tNULL AS note, NULL AS source WHERE 0;\n";

/*
 * Version 4: what the five documents hold that version 3 had no place for.
 * An activity is a time-bound activity or a standing commitment, followed
 * up by an assessment (with the comment and a date); it has a number of
 * its own within its strategy (given on insert by a trigger: the next one).
 * A goal may support several focus areas (goal_focus; goal.focus_id is
 * copied there and no longer read).  An indicator's direction may be
 * unspecified (NULL), and it has a qualifier (an age band) and a
 * breakdown.  A value belongs to a series: the municipality's own, or a
 * comparison (the county, the country).  Every item may be example data
 * and carries a version for the dashboard's conflict check; the change log
 * records changes to every kind of item.  Tables whose CHECK changes are
 * rebuilt: a new table, the rows copied, the old one dropped, the new one
 * renamed (foreign keys are off while the steps run).
 */
static const char schema_v4[] =
	"ALTER TABLE strategy ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE strategy ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE focus_area ADD COLUMN source TEXT;\n"
	"ALTER TABLE focus_area ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE focus_area ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE goal ADD COLUMN source TEXT;\n"
	"ALTER TABLE goal ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE goal ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE strategy_group ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE strategy_group ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE follow_up ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));\n"
	"ALTER TABLE follow_up ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"ALTER TABLE activity ADD COLUMN kind TEXT NOT NULL DEFAULT 'activity'\n"
	"\tCHECK (kind IN ('activity', 'commitment'));\n"
	"ALTER TABLE activity ADD COLUMN assessment TEXT\n"
	"\tCHECK (assessment IN ('fulfilled', 'partly', 'not_fulfilled', 'not_assessed'));\n"
	"ALTER TABLE activity ADD COLUMN assessed_on TEXT;\n"
	"ALTER TABLE activity ADD COLUMN number INTEGER;\n"
	"UPDATE activity SET number = (SELECT count(*) FROM activity b\n"
	"\tWHERE b.strategy_id = activity.strategy_id AND b.id <= activity.id);\n"
	"CREATE UNIQUE INDEX activity_by_number ON activity (strategy_id, number);\n"
	"CREATE TRIGGER activity_number AFTER INSERT ON activity WHEN new.number IS NULL\n"
	"BEGIN UPDATE activity SET number = (SELECT coalesce(max(number), 0) + 1 FROM activity\n"
	"\tWHERE strategy_id = new.strategy_id) WHERE id = new.id; END;\n"
	"CREATE TABLE goal_focus (\n"
	"\tgoal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,\n"
	"\tfocus_id INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tPRIMARY KEY (goal_id, focus_id)\n"
	");\n"
	"CREATE INDEX goal_focus_by_focus ON goal_focus (focus_id);\n"
	"INSERT INTO goal_focus (goal_id, focus_id, position) SELECT id, focus_id, 1 FROM goal\n"
	"\tWHERE focus_id IS NOT NULL;\n"
	"CREATE TABLE indicator_v4 (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tstrategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,\n"
	"\tgoal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,\n"
	"\tkey TEXT NOT NULL,\n"
	"\tposition INTEGER NOT NULL,\n"
	"\tname TEXT NOT NULL,\n"
	"\tdescription TEXT, unit TEXT, source TEXT, kolada TEXT,\n"
	"\tdirection TEXT CHECK (direction IN ('higher', 'lower')),     -- NULL: not given\n"
	"\tbaseline REAL, baseline_period TEXT,\n"
	"\ttarget REAL, target_period TEXT,\n"
	"\tby_sex INTEGER NOT NULL DEFAULT 0 CHECK (by_sex IN (0, 1)),\n"
	"\tdecimals REAL CHECK (decimals IN (0, 1, 2, 3, 4, 5, 6)),\n"
	"\tqualifier TEXT, breakdown TEXT,\n"
	"\texample INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),\n"
	"\tversion INTEGER NOT NULL DEFAULT 1,\n"
	"\tUNIQUE (strategy_id, key)\n"
	");\n"
	"INSERT INTO indicator_v4 (id, strategy_id, goal_id, key, position, name, description, unit, source,\n"
	"\tkolada, direction, baseline, baseline_period, target, target_period, by_sex, decimals)\n"
	"\tSELECT id, strategy_id, goal_id, key, position, name, description, unit, source,\n"
	"\tkolada, direction, baseline, baseline_period, target, target_period, by_sex, decimals FROM indicator;\n"
	"DROP TABLE indicator;\n"
	"ALTER TABLE indicator_v4 RENAME TO indicator;\n"
	"CREATE TABLE measurement_v4 (\n"
	"\tindicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,\n"
	"\tseries TEXT NOT NULL DEFAULT 'municipality' CHECK (series IN ('municipality', 'county', 'country')),\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tperiod_key INTEGER NOT NULL,\n"
	"\tsex TEXT NOT NULL CHECK (sex IN ('T', 'K', 'M')),\n"
	"\tvalue REAL,                     -- NULL: no data (not 0)\n"
	"\tentered_by TEXT NOT NULL,\n"
	"\tentered_at TEXT NOT NULL,\n"
	"\texample INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),\n"
	"\tPRIMARY KEY (indicator_id, series, period, sex)\n"
	");\n"
	"INSERT INTO measurement_v4 (indicator_id, period, period_key, sex, value, entered_by, entered_at)\n"
	"\tSELECT indicator_id, period, period_key, sex, value, entered_by, entered_at FROM measurement;\n"
	"DROP TABLE measurement;\n"
	"ALTER TABLE measurement_v4 RENAME TO measurement;\n"
	"CREATE TABLE change_log_v4 (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tat TEXT NOT NULL,\n"
	"\twho TEXT NOT NULL,\n"
	"\tstrategy_id TEXT NOT NULL,\n"
	"\tkind TEXT NOT NULL CHECK (kind IN ('activity', 'measurement', 'strategy', 'focus', 'goal',\n"
	"\t\t'indicator', 'group', 'followup')),\n"
	"\titem_id INTEGER NOT NULL,\n"
	"\titem TEXT NOT NULL,             -- a readable name: the title, or indicator/period/sex\n"
	"\tfield TEXT NOT NULL,\n"
	"\told TEXT,\n"
	"\tnew TEXT,\n"
	"\tcomment TEXT,\n"
	"\tbatch INTEGER NOT NULL DEFAULT 0,     -- rows written by one action share a batch\n"
	"\tundoes INTEGER                        -- for an undo: the batch it reverted\n"
	");\n"
	"INSERT INTO change_log_v4 SELECT id, at, who, strategy_id, kind, item_id, item, field, old, new,\n"
	"\tcomment, batch, undoes FROM change_log;\n"
	"DROP TABLE change_log;\n"
	"ALTER TABLE change_log_v4 RENAME TO change_log;\n"
	"CREATE INDEX change_log_by_batch ON change_log (batch);\n"
	"CREATE INDEX change_log_by_time ON change_log (strategy_id, at);\n"
	"CREATE INDEX change_log_by_item ON change_log (kind, item_id);\n"
	"CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log\n"
	"BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;\n"
	"CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log\n"
	"BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;\n"
	/* goal_focus is the one truth: a stale copy in goal.focus_id could only mislead a reader of the file. */
	"UPDATE goal SET focus_id = NULL;\n"
	/*
	 * In a file of one strategy the numbers stay what scripts and notes knew
	 * (the file-wide ids, gaps and all); two steps, as numbers are unique.
	 */
	"UPDATE activity SET number = -id WHERE (SELECT count(*) FROM strategy) = 1;\n"
	"UPDATE activity SET number = -number WHERE number < 0;\n"
	/* The SCB table (and contents) an indicator's values come from: TABLE or TABLE/CONTENTS. */
	"ALTER TABLE indicator ADD COLUMN scb TEXT;\n"
	/* Issue 14: undo's look-up of what is undone, log --since across strategies, the goal tree's steps. */
	"CREATE INDEX change_log_by_undoes ON change_log (undoes) WHERE undoes IS NOT NULL;\n"
	"CREATE INDEX change_log_by_at ON change_log (at);\n"
	"CREATE INDEX goal_by_parent ON goal (parent_id);\n";

/*
 * Version 4 for a reader of a version-3 file (only: the views of version 3
 * hide the same tables, so an older file must be upgraded by a writer).
 */
static const char read_v4[] =
	"CREATE TEMP VIEW strategy AS SELECT s.*, 0 AS example, 1 AS version FROM main.strategy s;\n"
	"CREATE TEMP VIEW focus_area AS SELECT f.*, NULL AS source, 0 AS example, 1 AS version\n"
	"\tFROM main.focus_area f;\n"
	"CREATE TEMP VIEW goal AS SELECT g.*, NULL AS source, 0 AS example, 1 AS version FROM main.goal g;\n"
	"CREATE TEMP VIEW strategy_group AS SELECT g.*, 0 AS example, 1 AS version FROM main.strategy_group g;\n"
	"CREATE TEMP VIEW follow_up AS SELECT f.*, 0 AS example, 1 AS version FROM main.follow_up f;\n"
	"CREATE TEMP VIEW activity AS SELECT a.*, 'activity' AS kind, NULL AS assessment,\n"
	"\tNULL AS assessed_on, (SELECT count(*) FROM main.activity b WHERE b.strategy_id = a.strategy_id\n"
	"\tAND b.id <= a.id) AS number FROM main.activity a;\n"
	"CREATE TEMP VIEW goal_focus AS SELECT id AS goal_id, focus_id, 1 AS position FROM main.goal\n"
	"\tWHERE focus_id IS NOT NULL;\n"
	"CREATE TEMP VIEW indicator AS SELECT i.*, NULL AS qualifier, NULL AS breakdown, 0 AS example,\n"
	"\t1 AS version FROM main.indicator i;\n"
	"CREATE TEMP VIEW measurement AS SELECT m.indicator_id, 'municipality' AS series, m.period,\n"
	"\tm.period_key, m.sex, m.value, m.entered_by, m.entered_at, 0 AS example FROM main.measurement m;\n"
	/* The numbers as schema_v4 gives them: the old ids in a file of one strategy. */
	"DROP VIEW temp.activity;\n"
	"CREATE TEMP VIEW activity AS SELECT a.*, 'activity' AS kind, NULL AS assessment,\n"
	"\tNULL AS assessed_on, CASE WHEN (SELECT count(*) FROM main.strategy) = 1 THEN a.id\n"
	"\tELSE (SELECT count(*) FROM main.activity b WHERE b.strategy_id = a.strategy_id\n"
	"\tAND b.id <= a.id) END AS number FROM main.activity a;\n"
	"DROP VIEW temp.indicator;\n"
	"CREATE TEMP VIEW indicator AS SELECT i.*, NULL AS qualifier, NULL AS breakdown, 0 AS example,\n"
	"\t1 AS version, NULL AS scb FROM main.indicator i;\n";

/*
 * migrations[v] takes a file from version v to v + 1: its SQL, then its
 * function (either may be NULL).  They run in one transaction, with
 * foreign keys off so that a step may rebuild a table, and the file is
 * checked before the commit.  read_as: temporary views (or NULL) that let
 * a connection that may not write read a version-v file as version v + 1;
 * a later read_as that changes a view made by an earlier one drops it
 * first (DROP VIEW temp.NAME), or its read_from says which version it
 * follows.  Without read_as for a version, such a reader is told that
 * someone who may write the file must open it once.
 *
 * A new version: append its entry and raise DB_SCHEMA_VERSION (db.h);
 * tests/cli/migrate.sh runs it on the fixtures of every older version.
 */
struct migration {
	const char *sql;
	int (*run)(struct db *db);
	const char *read_as;
	int read_from;          /* read_as follows this version's tables or views, or any older (0) */
};

static const struct migration migrations[] = {
	{ schema_v1, NULL, NULL, 0 },   /* a new, empty file */
	{ schema_v2, NULL, read_v2, 0 },
	{ schema_v3, NULL, read_v3, 0 },
	{ schema_v4, NULL, read_v4, 3 },
};

_Static_assert(sizeof migrations / sizeof migrations[0] == DB_SCHEMA_VERSION,
               "one migration to every schema version");

/*
 * Indexes added to version 4 after it was released (issue 14): the files
 * the released code made have none of them, and a schema version is not
 * worth an index.  Made, where missing, by the first write of each
 * connection (migrate_indexes() from db.c's check before a write, inside
 * the write lock and the write's transaction); a no-op where they are.  A
 * read-only opener goes without: every query is right without them, only
 * slower (undo, log --since across strategies, the goal tree).  A new
 * index of the newest version goes here, never into schema_v4.
 */
static const char late_indexes[] =
	"CREATE INDEX IF NOT EXISTS change_log_by_undoes ON change_log (undoes) WHERE undoes IS NOT NULL;\n"
	"CREATE INDEX IF NOT EXISTS change_log_by_at ON change_log (at);\n"
	"CREATE INDEX IF NOT EXISTS goal_by_parent ON goal (parent_id);\n"
	/* measurements' look-up of each row's indicator by its id or Kolada KPI id (a MULTI-INDEX OR). */
	"CREATE INDEX IF NOT EXISTS indicator_by_key ON indicator (key);\n"
	"CREATE INDEX IF NOT EXISTS indicator_by_kolada ON indicator (kolada) WHERE kolada IS NOT NULL;\n"
	/* A strategy's latest review, on every load of a plan. */
	"CREATE INDEX IF NOT EXISTS review_by_strategy ON review (strategy_id, date);\n";

int
migrate_indexes(struct db *db)
{
	return db->version == DB_SCHEMA_VERSION ? db_exec(db, late_indexes) : 0;
}

/* STYRKORT_TEST_MIGRATION, for tests only: pause:SECONDS, fail or no-read-view. */
static const char *
test_hook(const char *name)
{
	const char *h = getenv("STYRKORT_TEST_MIGRATION");
	size_t n = strlen(name);

	if (!h || strncmp(h, name, n) != 0 || (h[n] != '\0' && h[n] != ':'))
		return NULL;
	return h[n] == ':' ? h + n + 1 : h + n;
}

/* The steps from version FROM to the newest, inside the caller's transaction. */
static int
run_steps(struct db *db, int from)
{
	for (int v = from; v < DB_SCHEMA_VERSION; v++) {
		char pragma[64];

		if ((migrations[v].sql && db_exec(db, migrations[v].sql) < 0) ||
		    (migrations[v].run && migrations[v].run(db) < 0))
			return -1;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (db_exec(db, pragma) < 0)
			return -1;
	}
	return db_exec(db, late_indexes);
}

int
migrate_create(struct db *db)
{
	char pragma[64];

	if (db_begin(db) < 0)
		return -1;
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d", DB_APPLICATION_ID);
	if (run_steps(db, 0) < 0 || db_exec(db, pragma) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* A file that may not be written: read it through the steps' views, or say who can upgrade it. */
static int
read_old(struct db *db, int version)
{
	for (int v = version; v < DB_SCHEMA_VERSION; v++)
		if (!migrations[v].read_as || (migrations[v].read_from && version != migrations[v].read_from) ||
		    test_hook("no-read-view")) {
			err_set(_("%s: the file has the old schema version %d, which this styrkort cannot show "
			          "without upgrading it, and it is open read-only (%s); someone who may write the file "
			          "must open it once with this styrkort, without --read-only, to upgrade it"),
			        db->path, version, _(db->read_only_reason));
			return -1;
		}
	for (int v = version; v < DB_SCHEMA_VERSION; v++)
		if (db_exec(db, migrations[v].read_as) < 0)
			return -1;
	db->old_read_only = 1;
	return 0;
}

/* What went wrong, without the file's name in front: the disk is full, or SQLite's words. */
static char *
failure(struct db *db, sqlite3 *sql, int errnum)
{
	const char *e = err_get();
	size_t n = strlen(db->path);

	if ((sql && ((sqlite3_extended_errcode(sql) & 0xff) == SQLITE_FULL ||
	             sqlite3_system_errno(sql) == ENOSPC)) || errnum == ENOSPC)
		return xstrdup(_("the disk is full"));
	if (errnum)
		return xstrdup(strerror(errnum));
	if (!sql)
		return xstrdup(e);
	if (sql != db->sql)
		return xstrdup(sqlite3_errmsg(sql));
	if (strncmp(e, db->path, n) == 0 && strncmp(e + n, ": ", 2) == 0)
		e += n + 2;
	/* A failed COMMIT is rolled back at once: only the message it left says why. */
	if (strcmp(e, sqlite3_errstr(SQLITE_FULL)) == 0)
		return xstrdup(_("the disk is full"));
	return xstrdup(e);
}

/*
 * Give the finished copy TMP its name, FILE.vN.bak or else FILE.vN.1.bak,
 * FILE.vN.2.bak, ...: link() never replaces a file that exists.  The name,
 * or NULL with *errnum set.
 */
static char *
backup_name(struct db *db, int version, const char *tmp, int *errnum)
{
	for (int i = 0; i < 1000; i++) {
		char *name = i ? xasprintf("%s.v%d.%d.bak", db->path, version, i)
		               : xasprintf("%s.v%d.bak", db->path, version);

		if (link(tmp, name) == 0)
			return name;
		/* A file system without hard links: rename, if the name is free. */
		if (errno != EEXIST && access(name, F_OK) != 0) {
			if (rename(tmp, name) == 0)
				return name;
			*errnum = errno;
			free(name);
			return NULL;
		}
		free(name);
	}
	*errnum = EEXIST;
	return NULL;
}

/*
 * Copy the file into TMP with SQLite's backup API: NULL, or what went
 * wrong.  The backup API cannot read through a connection in a write
 * transaction: a second one reads what was committed, and the caller's
 * lock keeps every other writer out until the copy is made.
 */
static char *
backup_copy(struct db *db, const char *tmp)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *b;
	char *why = NULL;

	if (sqlite3_open_v2(db->path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		why = failure(db, src, src ? 0 : ENOMEM);
	else if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		why = failure(db, dst, dst ? 0 : ENOMEM);
	else if (!(b = sqlite3_backup_init(dst, "main", src, "main")))
		why = failure(db, dst, 0);
	else {
		sqlite3_backup_step(b, -1);
		if (sqlite3_backup_finish(b) != SQLITE_OK)
			why = failure(db, dst, 0);
	}
	/* The copy's commit is done (synchronous, as by default); closing it must succeed too. */
	if (!why) {
		if (sqlite3_close(dst) == SQLITE_OK)
			dst = NULL;
		else
			why = failure(db, dst, 0);
	}
	sqlite3_close_v2(dst);
	sqlite3_close_v2(src);
	return why;
}

/*
 * The copy of the file as it is, made inside the caller's write
 * transaction (so that no one changes it meanwhile), under a temporary
 * name until it is complete and on the disk.  Its name, or NULL after
 * err_set().
 */
static char *
backup_make(struct db *db, int version)
{
	char *tmp = xasprintf("%s.v%d.partial.XXXXXX", db->path, version);
	char *journal = xasprintf("%s-journal", tmp), *name = NULL, *why, *dir;
	struct stat sb;
	int fd, errnum;

	if ((fd = mkstemp(tmp)) < 0) {
		why = failure(db, NULL, errno);
	} else {
		/* The copy is as private as the file. */
		if (stat(db->path, &sb) == 0)
			fchmod(fd, sb.st_mode & 0666);
		close(fd);
		if (!(why = backup_copy(db, tmp))) {
			if ((errnum = backup_sync_path(tmp, O_RDONLY)) == 0)
				name = backup_name(db, version, tmp, &errnum);
			if (!name)
				why = failure(db, NULL, errnum);
		}
		unlink(tmp);
		unlink(journal);
	}
	if (name) {
		dir = xstrdup(db->path);
		backup_sync_path(dirname(dir), O_RDONLY | O_DIRECTORY);
		free(dir);
	} else {
		err_set(_("%s: cannot upgrade the file from schema version %d to %d: the copy of it as it was "
		          "(%s.v%d.bak) could not be made: %s; the file was not changed; free some disk space, "
		          "or let the directory be written, and open it again"),
		        db->path, version, DB_SCHEMA_VERSION, db->path, version, why);
		free(why);
	}
	free(tmp);
	free(journal);
	return name;
}

/* PRAGMA integrity_check and foreign_key_check, inside the transaction: 0, or -1 and *why. */
static int
check_file(struct db *db, char **why)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (!(st = db_prepare(db, "PRAGMA integrity_check")))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	if (strcmp(db_text(st, 0), "ok") != 0) {
		*why = xasprintf(_("the check after the upgrade found: %s"), db_text(st, 0));
		rc = -1;
	}
	sqlite3_finalize(st);
	if (rc < 0 || !(st = db_prepare(db, "PRAGMA foreign_key_check")))
		return -1;
	switch (sqlite3_step(st)) {
	case SQLITE_DONE:
		break;
	case SQLITE_ROW:
		*why = xasprintf(_("the check after the upgrade found a reference that does not hold "
		                   "(table %s, row %lld)"), db_text(st, 0), (long long)sqlite3_column_int64(st, 1));
		/* fall through */
	default:
		rc = -1;
	}
	sqlite3_finalize(st);
	if (rc == 0 && test_hook("fail")) {
		*why = xstrdup("the check after the upgrade failed (STYRKORT_TEST_MIGRATION=fail)");
		rc = -1;
	}
	return rc;
}

/* For tests only: stop inside the transaction, with the changes in the file and a hot journal. */
static void
test_pause(struct db *db)
{
	const char *h = test_hook("pause");
	long seconds = 0;

	if (!h)
		return;
	parse_int(h, 0, 3600, &seconds);
	sqlite3_db_cacheflush(db->sql);
	fputs("styrkort: test: migration paused\n", stderr);
	fflush(stderr);
	sleep((unsigned)seconds);
}

/* The whole procedure: backup, the steps in one transaction, the checks, the commit. */
static int
upgrade(struct db *db, int version)
{
	char *bak = NULL, *why = NULL;
	int now;

	if (db_exec(db, "PRAGMA foreign_keys = OFF") < 0)
		return -1;
	if (db_begin(db) < 0)
		goto out;
	/* Someone else may have upgraded it while we waited for the lock. */
	if (db_pragma_int(db, "PRAGMA user_version", &now) < 0) {
		db_rollback(db);
		goto out;
	}
	if (now >= DB_SCHEMA_VERSION) {
		db_rollback(db);
		db->version = now;
		if (now > DB_SCHEMA_VERSION)
			err_set(_("%s: the file has schema version %d but this styrkort knows only up to %d; "
			          "use a newer styrkort (the file was not changed)"),
			        db->path, now, DB_SCHEMA_VERSION);
		goto out;
	}
	version = now;
	if (!(bak = backup_make(db, version))) {
		db_rollback(db);
		goto out;
	}
	if (run_steps(db, version) < 0 || (test_pause(db), check_file(db, &why)) < 0 || db_commit(db) < 0) {
		if (!why)
			why = failure(db, db->sql, 0);
		db_rollback(db);
		err_set(_("%s: upgrading the file from schema version %d to %d failed: %s; the file was not changed, "
		          "and a copy of it as it was is in %s; put the cause right (free disk space, say) and open it "
		          "again, or report it to %s"),
		        db->path, version, DB_SCHEMA_VERSION, why, bak, PACKAGE_BUGREPORT);
		free(why);
		free(bak);
		bak = NULL;
		goto out;
	}
	db->migrated_from = version;
	db->version = DB_SCHEMA_VERSION;
	db->backup_path = bak;
out:
	db_exec(db, "PRAGMA foreign_keys = ON");
	return db->version == DB_SCHEMA_VERSION ? 0 : -1;
}

int
migrate_file(struct db *db, int version)
{
	return db->read_only ? read_old(db, version) : upgrade(db, version);
}
