/* SPDX-License-Identifier: GPL-3.0-or-later */
/* structure_private.h: what structure.c, structure_delete.c and structure_undo.c share; nothing outside them includes it. */
#ifndef STYRKORT_STRUCTURE_PRIVATE_H
#define STYRKORT_STRUCTURE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "model.h"
#include "structure.h"

/*
 * Each kind: the word of addresses, INI sections and the change log, and
 * its table.  Activities are here only as children whose links change.
 */
struct kind_info {
	const char *word, *table;
	const char *label;      /* N_(): a kind for people */
};
extern const struct kind_info structure_kinds[KIND_COUNT];

/* Every item struct of struct plan begins with its id and its key (an activity's ref). */
struct item_head {
	int64_t id;
	char *key;
};

/* What a change in a write of its own (structure_in_write()) was asked to do. */
struct structure_args {
	const char *key;
	const struct item_change *c;
	int64_t version, want_id;
	const char *comment;
	const struct children *ch;
	enum kind kind;
};

/* An item that refers to one being deleted, through field f; tree: it cannot be without it (deleted with it). */
struct child {
	enum kind kind;
	const struct item_head *h;
	int field;
	int tree;
};

/* The kind a field refers to, or KIND_COUNT if it refers to none. */
enum kind structure_field_ref(enum kind k, const struct field_def *f);
/* The items of a kind in p; the i-th; the one called key (key NULL: the one with id), or NULL. */
size_t structure_plan_count(const struct plan *p, enum kind k);
const struct item_head *structure_plan_item(const struct plan *p, enum kind k, size_t i);
const struct item_head *structure_plan_find(const struct plan *p, enum kind k, const char *key, int64_t id);
/* Does a list text ("a | b") or a single value hold key?  The list with key replaced by to (NULL: removed). */
int structure_holds_key(const char *text, const char *key);
char *structure_list_replace(const char *text, const char *key, const char *to);
/* Load the strategy (with its activities if acts); -1 on error. */
int structure_load(struct db *db, const char *strategy_id, int acts, struct plan *p);
/* Write one field's value (as files hold it); -2 with err_set() if it names no item. */
int structure_write_field(struct db *db, const struct plan *p, enum kind k, int64_t id, const struct field_def *f,
                          const char *v);
/* A new version of the item; its version (1 found, 0 not, -1 error). */
int structure_bump(struct db *db, enum kind k, int64_t id);
int structure_version_of(struct db *db, enum kind k, int64_t id, int64_t *version);
/* Would item id be its own ancestor if field f (a reference to its own kind) named key? */
int structure_makes_circle(const struct plan *p, enum kind k, int f, int64_t id, const char *key);
/* One field's change, logged ("" or NULL: none). */
int structure_log_field(struct db *db, const struct plan *p, enum kind k, const struct item_head *h,
                        const char *field, const char *old, const char *new_value, const char *comment);
/* "the strategy has no such ...": ACTIVITY_ERROR with err_set(). */
enum act_result structure_no_such(const struct plan *p, enum kind k);
/* Run one change of the strategy in a write of its own (undoes: the batch it reverts, or 0). */
enum act_result structure_in_write(struct db *db, const char *strategy_id, int acts, int64_t undoes,
                                   enum act_result (*run)(struct db *db, const struct plan *p, void *arg),
                                   void *arg);
/* Add an item (want_id 0: a new id) inside the open write. */
enum act_result structure_add_locked(struct db *db, const struct plan *p, const char *key,
                                     const struct item_change *c, int64_t want_id, const char *comment);
/* Delete an item inside the open write; nested: a child deleted with its parent. */
enum act_result structure_delete_locked(struct db *db, const struct plan *p, enum kind k,
                                        const struct item_head *h, const struct children *ch, int nested,
                                        const char *comment);
/* Set one field of a child to new_value and log it. */
int structure_set_child(struct db *db, const struct plan *p, const struct child *c, const char *new_value,
                        const char *comment);

#endif
