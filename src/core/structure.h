/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure.h: changing a strategy's structure (focus areas, goals, indicators, groups, follow-ups) from the field tables. */
#ifndef STYRKORT_STRUCTURE_H
#define STYRKORT_STRUCTURE_H

#include <stddef.h>
#include <stdint.h>
#include "activity.h"
#include "db.h"
#include "model.h"

/*
 * The kinds that can be changed here, by the word `styrkort set/add/delete
 * KIND:KEY`, the INI sections ([focus.KEY]...) and the change log use:
 * focus, goal, indicator, group, followup.  -1 if word is none of them.
 */
int structure_kind(const char *word);
const char *structure_kind_word(enum kind k);
/* The words joined by sep (a new string), for messages and --help. */
char *structure_kind_list(const char *sep);
/* A field of kind k by its key (the INI key), or -1; the keys joined by sep (a new string). */
int structure_field(enum kind k, const char *key);
char *structure_field_list(enum kind k, const char *sep);

/* Changes to one item: values by field (model_fields(kind)); NULL: unchanged, "": cleared. */
struct item_change {
	enum kind kind;
	size_t n;
	char **value;
};
void item_change_init(struct item_change *c, enum kind k);
void item_change_free(struct item_change *c);
/*
 * Check and store one value as a person typed it: checked as INI import
 * checks it; a date also in date_format, and with ui a number also with
 * the UI language's decimal comma.  -1 with err_set("KEY = VALUE: what is
 * accepted").  A reference (a focus area, a goal) is checked on apply.
 */
int item_change_set(struct item_change *c, int field, const char *value, const char *date_format, int ui);

/* The version of an item (bumped by every change): 1 found, 0 not found, -1 error. */
int structure_version(struct db *db, const char *strategy_id, enum kind k, const char *key, int64_t *version);

/*
 * Apply c to the item KEY of kind c->kind in one write with a change-log
 * row per field that changed.  expected_version 0: no check; else another
 * version gives ACTIVITY_CONFLICT and nothing is saved.  ACTIVITY_INVALID
 * (err_set()) for a value that cannot be: no such item or reference, a
 * goal under itself.
 */
enum act_result structure_apply(struct db *db, const char *strategy_id, const char *key,
                                const struct item_change *c, int64_t expected_version, const char *comment);
/* Add the item KEY (a new short id) with the values of c; every required field must be given. */
enum act_result structure_add(struct db *db, const char *strategy_id, const char *key,
                              const struct item_change *c, const char *comment);

/*
 * What happens to the items that refer to one being deleted (its
 * children: a focus area's goals and activities; a goal's sub-goals,
 * indicators and activities; an indicator's values):
 * CHILDREN_MOVE: they refer to the item `to` of the same kind instead;
 * CHILDREN_UNLINK: they refer to nothing (not for a child that must have
 * one: an indicator's goal, a value's indicator);
 * CHILDREN_DELETE: sub-goals, indicators and values are deleted with it
 * (recursively); goals and activities that are only linked to it are
 * unlinked.  Only where something is deleted.
 */
enum children_choice { CHILDREN_ASK, CHILDREN_MOVE, CHILDREN_UNLINK, CHILDREN_DELETE };
struct children {
	enum children_choice how;
	const char *to;         /* CHILDREN_MOVE: the key of the item that takes them */
};
/* Parse "move:KEY", "unlink" or "delete"; -1 with err_set() if none. */
int structure_children_parse(const char *s, struct children *ch);

/*
 * What the item KEY has that a delete must decide about, for people
 * ("2 sub-goals, 1 indicator, 3 activities"; a new string, "" if
 * nothing), and which choices fit (allowed[CHILDREN_*] 1).
 */
char *structure_children_of(struct db *db, const char *strategy_id, enum kind k, const char *key,
                            int allowed[4]);

/*
 * Delete the item KEY of kind k; the change log keeps every field it had
 * and everything done to its children, so undo brings all of it back.
 * With children and CHILDREN_ASK, or a choice that does not fit:
 * ACTIVITY_INVALID and err_set() saying what the item has and what to
 * choose; nothing is changed.
 */
enum act_result structure_delete(struct db *db, const char *strategy_id, enum kind k, const char *key,
                                 const struct children *ch, int64_t expected_version, const char *comment);

/*
 * Undo the current user's last change in the strategy, of an activity or
 * of the structure, as a new logged change (activity_undo() for an
 * activity's).  ACTIVITY_CONFLICT if someone changed it since.  *what
 * (if not NULL) gets a description to show (free it).
 */
enum act_result structure_undo(struct db *db, const char *strategy_id, char **what);

#endif
