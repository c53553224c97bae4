/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view.h: a pane is a list of rows drawn one at a time, like tig's views:
 * a small table of operations (struct view_ops) and the generic moving,
 * scrolling, searching and partial redraw in view.c.  Rows that continue
 * an item (wrapped text) are not selectable; the cursor moves item by item.
 *
 * The view protocol: a view owns its state (struct view: what it read,
 * for which size, the item to find again after a reload) and its private
 * data (ops->private_size bytes, allocated and freed by view.c).  It says
 * what is selected (ops->select: {kind, id} and the item), and generic
 * code (tui.c, edit.c, detail.c) asks that, never which pane is current.
 * The detail and the help are views too (VIEW_PAGER, detail.c), shown by
 * the one loop every dialog runs in (dash_modal, dash.c).
 *
 * A new pane: a file pane_NAME.c defining pane_NAME_ops (a pane of text
 * rows needs only load and VROWS_VIEW_OPS), a line in PANES (panes.h:
 * its key, its help line) and the file in Makefile.am (and
 * po/POTFILES.in for its title).
 */
#ifndef STYRKORT_VIEW_H
#define STYRKORT_VIEW_H

#include <limits.h>

#include "actions.h"
#include "app.h"
#include "display.h"
#include "model.h"
#include "panes.h"
#include "query.h"
#include "watch.h"

struct doc;
struct view;

#define PANE_ENUM(id, name, key, help) PANE_##id,
enum { PANES(PANE_ENUM) PANE_COUNT };
#undef PANE_ENUM

/*
 * What a view has selected, so that edit mode, the detail and the key
 * handler ask "what is selected", never "which pane is this".  kind is
 * what the view lists at the cursor (an empty activity list still says
 * ITEM_ACTIVITY); id is 0 and the pointer NULL when no such item is
 * selected.  The pointers are valid until the view reads again.
 */
/* The numbers are in the file too (the presenter table's item_kind, styrkort(5)): never renumber them. */
enum item_kind { ITEM_NONE, ITEM_STRATEGY, ITEM_FOCUS, ITEM_GOAL, ITEM_INDICATOR, ITEM_ACTIVITY };
struct selection {
	enum item_kind kind;
	int64_t id;
	const struct activity *activity;
	const struct focus_area *focus;
	const struct goal *goal;
	const struct indicator *indicator;
};

/*
 * A place that survives reading again (a reload after a change): the
 * item's kind and key, an activity's id or a plan item's index.
 */
struct view_anchor {
	int set;
	enum item_kind kind;
	int64_t key;
};

/* What every pane sees: the file, the strategy, the activity filter. */
struct dash {
	struct app *app;
	struct db *db;
	struct plan plan;               /* the strategy without its activities (query_load_outline) */
	struct act_filter filter;       /* pane 4's filter (f) */
	enum act_sort sort;             /* pane 4's order (o) */
	char *search;                   /* the last search (/), for n */
	struct view *views[PANE_COUNT];
	int current;
	int edit;                       /* 1: edit mode (e) */
	int since;                      /* 1: pane 5 shows the changes since the last review (c) */
	struct presence *presence;      /* --present or --follow (present.c), else NULL */
	struct watch *watch;            /* how others' commits are learnt of (watch.h) */
	struct db_stamp seen;           /* the file as last read */
	int news;                       /* 1: the watch says the file was written: dash_poll() asks */
	int busy_tries;                 /* checks in a row that met a commit being written */
	double check_at;                /* when dash_poll() asks anyway (polling, a commit being written), or 0 */
	int woke;                       /* 1: the last dash_getkey() was woken by the watch */
};

/* View flags. */
enum {
	VIEW_SHOWS_FILTER = 1,          /* lists the filtered activities: f reads it again and goes there */
	VIEW_PAGER = 2,                 /* a page of text, like less: no selection, the keys scroll (sel is top) */
};

struct view_ops {
	const char *title;              /* msgid of the tab */
	int header_rows;                /* fixed rows (column titles) above the list */
	int footer_rows;                /* fixed rows below the list (a preview of the selected item) */
	size_t private_size;            /* of v->priv, allocated (zeroed) and freed by view.c */
	unsigned flags;
	const char *hints;              /* msgid of the status-line hints (NULL: the common ones) */
	const char *edit_hints;         /* the same in edit mode */
	/* (Re)read what the pane shows and make its rows for v->width. */
	void (*load)(struct view *v);
	/* Make the rows again for a new width (NULL: load again). */
	void (*relayout)(struct view *v);
	void (*done)(struct view *v);
	/* At the end (view_free): free what the pane keeps from one load to the next.  NULL: nothing. */
	void (*end)(struct view *v);
	/* Can the cursor stop on this row?  NULL: every row. */
	int (*selectable)(struct view *v, long row);
	/* Draw one row at body line y; base is the row's attribute (selection). */
	void (*draw)(struct view *v, int y, long row, attr_t base);
	void (*draw_header)(struct view *v);
	/* Draw the footer rows (NULL: none); called whenever the selection moves. */
	void (*draw_footer)(struct view *v);
	/* The text of a row, for search (with find NULL). */
	const char *(*text)(struct view *v, long row);
	/* Search in SQL instead: 0 and *row, 1 if nothing matches, -1 on error. */
	int (*find)(struct view *v, long from, const char *needle, long *row);
	/* The detail of the selected item (NULL: none). */
	void (*detail)(struct view *v, long row, struct doc *d);
	/* A pane's own action (sort, filter); 1 if handled. */
	int (*request)(struct view *v, enum action a);
	/* What the selected row is (NULL: nothing, ITEM_NONE). */
	void (*select)(struct view *v, struct selection *s);
	/* Where the selection is, to be found again after reading (NULL: the row number stays). */
	void (*remember)(struct view *v, struct view_anchor *an);
	/* Select the remembered item: 0 found, 1 not found, -1 the view lists no such kind. */
	int (*recall)(struct view *v, const struct view_anchor *an);
};

struct view {
	const struct view_ops *ops;
	struct dash *dash;
	long nrows, top, sel;
	int width, height;              /* of the list, below the header rows */
	void *priv;                     /* ops->private_size bytes, the view's own */
	int stale;                      /* 1: read again before it is shown */
	int loaded;                     /* 1: has data that done() must free */
	int sized_cols, sized_rows;     /* the screen size its rows were made for */
	int lost;                       /* 1: the remembered item was not found again */
	struct view_anchor anchor;      /* the selection before a reload */
	struct view_anchor want;        /* an item to select at the next read instead (one just saved) */
};

#define PANE_OPS(id, name, key, help) extern const struct view_ops pane_##name##_ops;
PANES(PANE_OPS)
#undef PANE_OPS

/* A view with its private data; view_free() ends it. */
struct view *view_new(const struct view_ops *ops, struct dash *dash);
void view_free(struct view *v);
/* Free what it read (done) and mark it to be read again. */
void view_unload(struct view *v);
/*
 * Make it ready to be shown: read it if stale (selecting the remembered
 * item again; v->lost if it is gone), else make its rows again if the
 * screen size changed.
 */
void view_prepare(struct view *v);
/* Remember the selected item before everything is read again. */
void view_remember(struct view *v);
/* What is selected. */
void view_selection(struct view *v, struct selection *s);

/* Read the pane's data again and keep the selection in range. */
void view_load(struct view *v);
/* Draw the whole pane into the body window (wnoutrefresh, no doupdate). */
void view_draw(struct view *v);
/* Handle a moving action; repaints only the rows that changed. 1 if it was one. */
int view_move(struct view *v, enum action a);
/* Set the selection (kept in range, scrolled into view) without drawing. */
void view_set_selection(struct view *v, long row);
/* Put the terminal cursor on the selected row (screen readers follow it). */
void view_place_cursor(struct view *v);
/* Search from the row after the selection; 0 found, 1 not, -1 error. */
int view_search(struct view *v, const char *needle);
/* "12/55" */
void view_position(struct view *v, char *out, size_t n);

/* Helpers for panes. */
/* Clear row y with the base attribute; returns it for the segments. */
attr_t view_row_begin(struct view *v, int y, attr_t base);
/* Write text at column x of row y, at most cols columns; returns the columns used. */
int view_put(struct view *v, int y, int x, int cols, const char *s, attr_t a);


/* dash.c: what the panes and dialogs share. */
/* The status line: mode, strategy, user, hints (or the message) and pos. */
void dash_status(struct dash *d, const char *hints, const char *pos);
/* The status line of the current pane: its hints and position. */
void dash_draw_status(struct dash *d);
/* Everything, after a resize, an overlay, a pane switch. */
void dash_redraw(struct dash *d);
/* Read a strategy (a new one, or the same again); keep_place keeps each pane's selection; -1 with err_set(). */
int dash_open_strategy(struct dash *d, const char *id, int keep_place);
/* Read the strategy again (after a change), keeping each pane on the same item; select_id: select that activity where activities are listed. */
void dash_reload(struct dash *d, int64_t select_id);
/*
 * Learning of others' commits: inotify where it can tell ([refresh]
 * watch, watch.h), else a check every [refresh] seconds.  dash_watch_end()
 * outside any transaction.
 */
void dash_watch_start(struct dash *d);
void dash_watch_end(struct dash *d);
/*
 * The one wait of the dashboard and its dialogs: the next key, or
 * DK_TIMEOUT after timeout_ms (-1: none) or, with follow (the caller calls
 * dash_poll() next), when others may have committed.  An idle dashboard
 * sleeps here without a timer (unless it polls).  DK_EXIT: the end.
 */
struct dkey dash_getkey(struct dash *d, int follow, int timeout_ms);
/*
 * After dash_getkey(d, 1, ...): if another process has committed a
 * change to the strategy shown, read everything again in place (a commit
 * to another strategy costs a check).  0: nothing new (or not yet time);
 * 1: read again; 2: read again, and the current pane's selected item is
 * gone.
 */
int dash_poll(struct dash *d);
/* [refresh] seconds (2 if not set): how often a dashboard that cannot watch the file asks. */
double dash_refresh_interval(const struct dash *d);
/* The activity filter changed: the views that show it are read again from the top; the first of them, or -1. */
int dash_filter_changed(struct dash *d);
/* Show pane `pane` with the item an selected, or (an NULL) row `row`; read when shown, or now if read already. */
void dash_go_to(struct dash *d, int pane, const struct view_anchor *an, long row);
/* / (again 0: ask for the text) and n (again 1): search v for d->search, saying so if nothing matches. */
void dash_search(struct dash *d, struct view *v, int again);
/*
 * A dialog over the dashboard (the detail, the help, a pick list, a
 * form, the conflict dialog); dash_modal() runs it and handles, once for
 * all of them, the end of the program, a resize (the dialog's windows
 * are made again over a fresh dashboard) and a terminal too small (shown;
 * q and Esc cancel, other keys wait).
 */
#define MODAL_GO_ON INT_MIN             /* key(), changed(): stay open */
#define MODAL_REOPEN (INT_MIN + 1)      /* key(): it closed its windows; draw the dashboard and open it again */
struct modal {
	const char *hints;              /* the status line's hints while it shows (NULL: draw() writes the status line) */
	int poll;                       /* 1: others' commits are read while it shows (dash_poll) */
	int exit_result;                /* dash_modal()'s result when the program must end */
	int cancel_result;              /* its result when q or Esc closes it while the terminal is too small */
	/* Make its windows for the screen's size: 0, or -1 if they do not fit (too small). */
	int (*open)(void *arg);
	/* Draw (wnoutrefresh, no doupdate) and put the terminal cursor; called before every key. */
	void (*draw)(void *arg);
	/* Free its windows; reopen: it will be opened again, keep what was typed. */
	void (*close)(void *arg, int reopen);
	/* A key: MODAL_GO_ON, MODAL_REOPEN, or the dialog's result. */
	int (*key)(void *arg, struct dkey k);
	/* Others committed and everything was read again (dash_poll()'s 1 or 2): MODAL_GO_ON or a result. */
	int (*changed)(void *arg, int how);
	void *arg;
};
/* Show the dialog until it gives a result; the dashboard is drawn again after it unless the program must end. */
int dash_modal(struct dash *d, const struct modal *m);

/* The database's busy hook: say that a write waits (the keys typed meanwhile are kept). */
void dash_busy(void *arg, int waiting);
/* STYRKORT_TEST_PAUSE=POINT:SECONDS, for tests only: stop there (start, reload) so keys can be typed ahead. */
void dash_test_pause(const char *point);
/* A monotonic clock in seconds. */
double dash_now(void);


/*
 * Rows of text made once per width, for the panes that are a document
 * (vision, focus areas, goals, report): kind (an item_kind) and index (in
 * the plan's array of that kind) say which item a row belongs to.
 */
struct vrow {
	char *text;
	enum dcolor color;
	int label_cols;         /* the first columns drawn bold */
	int selectable;
	int kind;
	size_t index;
};
struct vrows {
	struct vrow *r;
	size_t n;
};
void vrows_free(struct vrows *rs);
/* One row, text taken over (already fitted to the width by the caller or cut when drawn). */
void vrows_add(struct vrows *rs, char *text, enum dcolor c, int selectable, int kind, size_t index);
/* Text wrapped to width - indent; the first row selectable if first_selectable, the rest as rest_selectable. */
void vrows_wrap(struct vrows *rs, int width, int indent, const char *text, enum dcolor c,
                int first_selectable, int rest_selectable, int kind, size_t index);
/* "Label: value" wrapped under itself; nothing when value is empty. */
void vrows_field(struct vrows *rs, int width, int indent, const char *label, const char *value,
                 int selectable, int kind, size_t index);
/* The same; a label (with ": ") wider than label_max goes on a line of its own, the value under it. */
void vrows_field_max(struct vrows *rs, int width, int indent, int label_max, const char *label, const char *value,
                     int selectable, int kind, size_t index);
/* The ops for such panes (their priv is a struct vrows). */
int vrows_selectable(struct view *v, long row);
void vrows_draw(struct view *v, int y, long row, attr_t base);
const char *vrows_text(struct view *v, long row);
void vrows_select(struct view *v, struct selection *s);
void vrows_done(struct view *v);
/* Rows of no item (ITEM_NONE) are not remembered: after reading again the row number stays. */
void vrows_remember(struct view *v, struct view_anchor *an);
int vrows_recall(struct view *v, const struct view_anchor *an);
/* The ops of a view whose priv is (starts with) a struct vrows, for a struct view_ops initialiser. */
#define VROWS_VIEW_OPS \
	.private_size = sizeof(struct vrows), \
	.selectable = vrows_selectable, .draw = vrows_draw, .text = vrows_text, \
	.select = vrows_select, .remember = vrows_remember, .recall = vrows_recall, .done = vrows_done

#endif
