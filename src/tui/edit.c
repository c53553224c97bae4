/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edit.c: edit mode: changing activities, indicator values and reviews from the dashboard, conflicts, printing. */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "changelog.h"
#include "edit.h"
#include "form_dialog.h"
#include "measurements.h"
#include "numbering.h"
#include "organisation.h"
#include "picker.h"
#include "print.h"
#include "report.h"
#include "review.h"
#include "structure.h"
#include "text.h"
#include "util.h"

/* A copy of the activity as shown: the pane's rows may be read again while a dialog is open. */
static void
activity_copy(struct activity *dst, const struct activity *src)
{
	model_copy_activity(dst, src);
}

void
edit_toggle(struct dash *d)
{
	if (d->db->read_only) {
		d->edit = 0;
		display_message(1, _("Read-only (%s): editing is off"), _(d->db->read_only_reason));
		return;
	}
	d->edit = !d->edit;
	if (d->edit)
		display_message(0, _("Edit mode: changes are saved at once and logged as %s; e leaves it"), user_name());
	else
		display_message(0, "%s", _("View mode: nothing you press changes the file"));
}

/* 1 if in edit mode; else says how to get there (or why not) and returns 0. */
static int
edit_required(struct dash *d)
{
	if (d->edit)
		return 1;
	if (d->db->read_only)
		display_message(1, _("Read-only (%s): editing is off"), _(d->db->read_only_reason));
	else
		display_message(0, "%s", _("That works in edit mode: press e first"));
	return 0;
}

/* The activity selected in the view, copied; 0 (with a message) if there is none. */
static int
selected_activity(struct dash *d, struct view *v, struct activity *out)
{
	struct selection s;

	(void)d;
	view_selection(v, &s);
	if (!s.activity) {
		display_message(0, "%s", s.kind == ITEM_ACTIVITY ? _("No activity is selected")
		                                                 : _("Select an activity in pane 4 first"));
		return 0;
	}
	activity_copy(out, s.activity);
	return 1;
}

/* A field of an activity in the canonical form act_change_set() stores. */
static char *
field_canon(const struct dash *d, const struct activity *a, enum act_field f)
{
	return model_activity_text(a, f, &d->plan);
}

/* A canonical value for people: labels, dates in the configured format, names. */
static char *
field_shown(const struct dash *d, enum act_field f, const char *v)
{
	char buf[64];

	if (!v || !*v)
		return xstrdup(_("(empty)"));
	switch (model_activity_fields[f].type) {
	case FT_STATUS: {
		int s = status_from_id(v);

		return xstrdup(s >= 0 ? status_label((enum status)s) : v);
	}
	case FT_ASSESSMENT: {
		int s = assessment_from_id(v);

		return xstrdup(s >= 0 ? assessment_label((enum assessment)s) : v);
	}
	case FT_DATE:
		report_format_date(buf, sizeof buf, v, d->app->cfg.date_format);
		return xstrdup(buf);
	case FT_PERCENT:
		return xasprintf("%s %%", v);
	case FT_FOCUS:
		for (size_t i = 0; i < d->plan.nfocus; i++)
			if (d->plan.focus[i].key && strcmp(d->plan.focus[i].key, v) == 0)
				return xstrdup(d->plan.focus[i].name);
		return xstrdup(v);
	default:
		return xstrdup(v);
	}
}

/* A field's name for people. */
static const char *
field_label(enum act_field f)
{
	return (unsigned)f < AF_COUNT ? _(model_activity_fields[f].label) : "";
}

struct lines {
	char **l;
	size_t n;
};

static void
lines_add(struct lines *ls, char *s)
{
	ls->l = xrealloc(ls->l, (ls->n + 1) * sizeof *ls->l);
	ls->l[ls->n++] = s;
}

static void
lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->l[i]);
	free(ls->l);
}

/* The conflict dialog's box: as many lines as fit, the choice always. */
static int
conflict_open(void *arg)
{
	struct lines *ls = arg;
	int w = COLS - 4 < 76 ? COLS - 4 : 76, h = (int)ls->n + 4;

	if (h > LINES - 2)
		h = LINES - 2;
	/* cppcheck takes curses' COLS for a constant 0. */
	/* cppcheck-suppress knownConditionTrueFalse */
	return w < 20 || h < 6 ? -1 : 0;
}

static void
conflict_draw(void *arg)
{
	struct lines *ls = arg;
	int w = COLS - 4 < 76 ? COLS - 4 : 76, h = (int)ls->n + 4, y;
	WINDOW *win;

	if (h > LINES - 2)
		h = LINES - 2;
	if (!(win = display_newwin(h, w, (LINES - h) / 2, (COLS - w) / 2)))
		return;
	box_set(win, WACS_VLINE, WACS_HLINE);
	display_text(win, 1, 2, w - 4, _("Changed by someone else"), display_attr(DC_ERROR));
	/* The last line (the choice) always shows; the field lines as many as fit. */
	for (y = 0; y < (int)ls->n - 1 && y + 2 < h - 2; y++)
		display_text(win, y + 2, 2, w - 4, ls->l[y], A_NORMAL);
	display_text(win, h - 2, 2, w - 4, ls->l[ls->n - 1], display_attr(DC_LABEL));
	wmove(win, h - 2, 2);
	wnoutrefresh(win);
	delwin(win);
}

static void
conflict_close(void *arg, int reopen)
{
	(void)arg;
	(void)reopen;
}

/* m: mine anyway (1); t or Esc: keep theirs (0). */
static int
conflict_key(void *arg, struct dkey k)
{
	(void)arg;
	if (k.type == DK_CHAR && (k.code == 'm' || k.code == 'M'))
		return 1;
	if (k.type == DK_CHAR && (k.code == 't' || k.code == 'T' || k.code == 27))
		return 0;
	return MODAL_GO_ON;
}

/*
 * Someone else changed the activity since it was shown: show each field
 * they changed or we would change, with their value and ours, and ask.
 * mine NULL: we are deleting.  1: do mine anyway, 0: keep theirs, -1: end.
 */
static int
conflict_dialog(struct dash *d, const struct activity *shown, const struct act_change *mine,
                const struct activity *theirs, const char *mine_choice)
{
	struct lines ls = { NULL, 0 };
	int result = 0;

	{
		char *first = xasprintf(_("#%lld %s was changed by %s (%s) since you opened it."),
		                        (long long)shown->number, theirs->title ? theirs->title : "",
		                        theirs->changed_by ? theirs->changed_by : "?",
		                        theirs->changed_at ? theirs->changed_at : "?");
		char **wrapped;

		text_wrap(first, (COLS - 4 < 76 ? COLS - 4 : 76) - 4, &wrapped);
		for (char **l = wrapped; *l; l++)
			lines_add(&ls, xstrdup(*l));
		text_lines_free(wrapped);
		free(first);
	}
	for (int f = 0; f < AF_COUNT; f++) {
		char *was = field_canon(d, shown, (enum act_field)f);
		char *now = field_canon(d, theirs, (enum act_field)f);
		int they = strcmp(was, now) != 0, we = mine && mine->value[f];

		if (they || we) {
			char *t = field_shown(d, (enum act_field)f, now);
			char *y = we ? field_shown(d, (enum act_field)f, mine->value[f])
			             : xstrdup(mine ? _("(not changed by you)") : _("(you delete it)"));

			lines_add(&ls, xasprintf("%s:", field_label((enum act_field)f)));
			lines_add(&ls, xasprintf("  %s %s", _("theirs:"), t));
			lines_add(&ls, xasprintf("  %s %s", _("yours: "), y));
			free(t);
			free(y);
		}
		free(was);
		free(now);
	}
	lines_add(&ls, xstrdup(""));
	lines_add(&ls, xasprintf(_("m: %s    t or Esc: keep theirs"), mine_choice));
	result = dash_modal(d, &(const struct modal){
		.hints = _("m save mine anyway | t, Esc keep theirs"), .exit_result = -1, .cancel_result = 0,
		.open = conflict_open, .draw = conflict_draw, .close = conflict_close, .key = conflict_key, .arg = &ls,
	});
	lines_free(&ls);
	return result;
}

/*
 * Save c to the activity as shown (its version); if someone else changed
 * it since, ask.  1 saved, 0 not saved (err_get() says why, or theirs
 * kept: *kept set), -1 the program must end.
 */
static int
apply_change(struct dash *d, const struct activity *shown, const struct act_change *c,
             const char *comment, int *kept)
{
	int64_t version = shown->version;

	*kept = 0;
	for (;;) {
		struct activity cur;
		enum act_result rc;
		int choice;

		memset(&cur, 0, sizeof cur);
		rc = activity_apply(d->db, shown->id, c, version, comment, &cur);
		if (rc == ACTIVITY_OK)
			return 1;
		if (rc != ACTIVITY_CONFLICT)
			return 0;
		if (cur.id == 0) {
			err_set(_("#%lld was deleted by someone else"), (long long)shown->number);
			return 0;
		}
		choice = conflict_dialog(d, shown, c, &cur, _("save mine anyway"));
		version = cur.version;
		model_free_activity(&cur);
		if (choice <= 0) {
			*kept = choice == 0;
			return choice;
		}
	}
}

/* A question answered with Esc, or not at all: -1 if the program must end, else say so and 0. */
static int
prompt_cancelled(struct dash *d, const char *what)
{
	if (display_exiting())
		return -1;
	display_message(0, "%s", what);
	dash_redraw(d);
	return 0;
}

/* The status picked for the activity (its current one marked), or picker_choose()'s -1 or -2. */
static int
status_pick(struct dash *d, const struct activity *a)
{
	char *items[ST_COUNT], *title;
	int rc;

	for (int s = 0; s < ST_COUNT; s++)
		items[s] = xasprintf("%s %s%s", status_symbol((enum status)s), status_label((enum status)s),
		                     (int)a->status == s ? _("  (now)") : "");
	title = xasprintf(_("Status of #%lld %s"), (long long)a->number, a->title);
	rc = picker_choose(d, title, items, ST_COUNT, (int)a->status);
	for (int s = 0; s < ST_COUNT; s++)
		free(items[s]);
	free(title);
	return rc;
}

/* The assessment picked for the commitment (its current one marked), as an index of assessment_order, or picker_choose()'s -1 or -2. */
static int
assessment_pick(struct dash *d, const struct activity *a)
{
	char *items[AS_COUNT], *title;
	int rc, now = 0;

	for (int i = 0; i < AS_COUNT; i++) {
		enum assessment as = assessment_order[i];

		items[i] = xasprintf("%s %s%s", assessment_symbol(as), assessment_label(as),
		                     a->assessment == as ? _("  (now)") : "");
		if (a->assessment == as)
			now = i;
	}
	title = xasprintf(_("Assessment of #%lld %s"), (long long)a->number, a->title);
	rc = picker_choose(d, title, items, AS_COUNT, now);
	for (int i = 0; i < AS_COUNT; i++)
		free(items[i]);
	free(title);
	return rc;
}

/*
 * Save the new status (or a commitment's assessment: f and its id) and the
 * comment (if not empty) and say how it went; -1 if the program must end.
 */
static int
status_save(struct dash *d, const struct activity *a, enum act_field f, const char *id, const char *label,
            const char *comment)
{
	struct act_change c;
	int rc = 0, kept;

	memset(&c, 0, sizeof c);
	act_change_set(&c, f, id, d->app->cfg.date_format);
	/* As 'styrkort set N status=... comment=...': the comment is the activity's too, unless skipped. */
	if (*comment && act_change_set(&c, AF_COMMENT, comment, d->app->cfg.date_format) < 0) {
		/* Refused as 'styrkort set' refuses it (a control character...): nothing is saved. */
		display_message(1, "%s", err_get());
		act_change_free(&c);
		dash_redraw(d);
		return 0;
	}
	switch (apply_change(d, a, &c, *comment ? comment : NULL, &kept)) {
	case -1:
		rc = -1;
		break;
	case 1:
		dash_reload(d, a->id);
		display_message(0, _("Saved: #%lld is now %s"), (long long)a->number, label);
		break;
	default:
		if (kept)
			display_message(0, _("Kept their change to #%lld; yours was not saved"), (long long)a->number);
		else
			display_message(1, "%s", err_get());
		dash_reload(d, a->id);
		break;
	}
	act_change_free(&c);
	return rc;
}

/* The s key: an activity's status, or a commitment's assessment, from a pick list; then a comment. */
int
edit_status(struct dash *d, struct view *v)
{
	struct activity a;
	enum act_field f = AF_STATUS;
	const char *id, *label;
	char *comment;
	int rc;

	if (!edit_required(d) || !selected_activity(d, v, &a))
		return 0;
	rc = a.kind == AK_COMMITMENT ? assessment_pick(d, &a) : status_pick(d, &a);
	if (rc < 0) {
		model_free_activity(&a);
		return rc == -2 ? -1 : 0;
	}
	if (a.kind == AK_COMMITMENT) {
		f = AF_ASSESSMENT;
		id = assessment_id(assessment_order[rc]);
		label = assessment_label(assessment_order[rc]);
	} else {
		id = status_id((enum status)rc);
		label = status_label((enum status)rc);
	}
	comment = display_prompt(_("Comment (Enter skips, Esc cancels): "), NULL);
	if (!comment) {
		model_free_activity(&a);
		return prompt_cancelled(d, _("Cancelled: nothing was changed"));
	}
	rc = status_save(d, &a, f, id, label, comment);
	free(comment);
	model_free_activity(&a);
	return rc;
}

/* The form of an activity: which field is on which line (the table's form column), and what it held. */
struct form_ctx {
	struct dash *d;
	struct activity shown;          /* edit: as it was when the form opened */
	enum act_field order[AF_COUNT];
	int n;                          /* lines in the form */
	char *initial[AF_COUNT];
	const char *focus_key;          /* add: the focus area, or NULL */
	int64_t new_id;
	int done;                       /* 1 saved, 2 kept theirs */
};

/* The text a field starts with, as typed in it (status by label, dates in the configured format). */
static char *
form_initial(struct dash *d, const struct activity *a, enum act_field f)
{
	char *canon = field_canon(d, a, f), *out;
	char buf[64];

	switch (model_activity_fields[f].type) {
	case FT_STATUS:
		out = xstrdup(status_label(a->status));
		break;
	case FT_ASSESSMENT:
		out = xstrdup(assessment_label(a->assessment));
		break;
	case FT_DATE:
		report_format_date(buf, sizeof buf, canon, d->app->cfg.date_format);
		out = xstrdup(buf);
		break;
	default:
		/* As stored: the form shows it read-only if it cannot show it as it is. */
		out = canon;
		canon = NULL;
		break;
	}
	free(canon);
	return out;
}

/* A form's title with an example date in the configured format: fmt has %lld (the number) and %s (the date). */
static char *
form_title_dates(struct dash *d, const char *fmt, int64_t number)
{
	char example[64];

	report_format_date(example, sizeof example, "2026-12-31", d->app->cfg.date_format);
	return xasprintf(fmt, (long long)number, example);
}

/* The typed fields into c: only those changed from the initial text.  -1 with *bad on an invalid one. */
static int
form_changes(struct form_ctx *x, struct form_field *fields, struct act_change *c, int *bad)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < x->n; i++) {
		if (x->initial[i] && strcmp(fields[i].value, x->initial[i]) == 0)
			continue;
		if (!x->initial[i] && !*fields[i].value && !(model_activity_fields[x->order[i]].flags & FF_REQUIRED))
			continue;
		if (act_change_set(c, x->order[i], fields[i].value, x->d->app->cfg.date_format) < 0) {
			*bad = i;
			act_change_free(c);
			return -1;
		}
	}
	return 0;
}

static int
submit_edit(void *arg, struct form_field *fields, int n, int *bad)
{
	struct form_ctx *x = arg;
	struct act_change c;
	int any = 0, rc, kept;

	(void)n;
	if (form_changes(x, fields, &c, bad) < 0)
		return 0;
	for (int f = 0; f < AF_COUNT; f++)
		any |= c.value[f] != NULL;
	if (!any) {
		display_message(0, "%s", _("Nothing changed"));
		return 1;
	}
	rc = apply_change(x->d, &x->shown, &c, NULL, &kept);
	act_change_free(&c);
	if (rc == 1)
		x->done = 1;
	else if (rc == 0 && kept)
		x->done = 2;
	else if (rc == 0)
		return 0;       /* the error under the fields, the form stays open */
	return rc < 0 ? -1 : 1;
}

/* The form's lines, in the order of the table's form column, their labels and (with_values) what they hold. */
static void
form_fields(struct form_ctx *x, struct form_field *fields, int with_values)
{
	x->n = 0;
	for (int line = 1; line <= AF_COUNT; line++)
		for (int f = 0; f < AF_COUNT; f++)
			if (model_activity_fields[f].form == line && model_activity_fits(x->shown.kind, (enum act_field)f))
				x->order[x->n++] = (enum act_field)f;
	for (int i = 0; i < x->n; i++) {
		fields[i].label = field_label(x->order[i]);
		if (with_values)
			x->initial[i] = form_initial(x->d, &x->shown, x->order[i]);
		fields[i].value = x->initial[i] ? xstrdup(x->initial[i]) : NULL;
	}
}

/* The line of field f in the form. */
static int
form_line(const struct form_ctx *x, enum act_field f)
{
	for (int i = 0; i < x->n; i++)
		if (x->order[i] == f)
			return i;
	return 0;
}

/* Add name to the list unless it is there. */
static void
choice_add(char ***items, int *n, const char *name)
{
	if (!name || !*name)
		return;
	for (int i = 0; i < *n; i++)
		if (strcmp((*items)[i], name) == 0)
			return;
	*items = xrealloc(*items, (size_t)(*n + 1) * sizeof **items);
	(*items)[(*n)++] = xstrdup(name);
}

/* The form's pick lists. */
enum { CH_RESPONSIBLE, CH_STATE, CH_COUNT };

/* The responsible field's pick list: the strategy's groups, then the focus areas' responsible bodies, each once. */
static struct form_choices
responsible_choices(const struct form_ctx *x)
{
	const struct plan *p = &x->d->plan;
	char **items = NULL;
	int n = 0;

	for (size_t i = 0; i < p->ngroups; i++)
		choice_add(&items, &n, p->groups[i].name && *p->groups[i].name ? p->groups[i].name
		                                                            : organisation_role_label(p->groups[i].role));
	for (size_t i = 0; i < p->nfocus; i++)
		for (size_t j = 0; j < p->focus[i].nbodies; j++)
			choice_add(&items, &n, p->focus[i].bodies[j]);
	return (struct form_choices){ n ? form_line(x, AF_RESPONSIBLE) : -1, _("Responsible (or type another)"), items, n, 0 };
}

/* The status of an activity, or a commitment's assessment: only one of their labels, from a pick list. */
static struct form_choices
state_choices(const struct form_ctx *x)
{
	int commitment = x->shown.kind == AK_COMMITMENT;
	int n = commitment ? AS_COUNT : ST_COUNT;
	char **items = xcalloc((size_t)n, sizeof *items);

	for (int i = 0; i < n; i++)
		items[i] = xstrdup(commitment ? assessment_label(assessment_order[i]) : status_label((enum status)i));
	return (struct form_choices){ form_line(x, commitment ? AF_ASSESSMENT : AF_STATUS),
	                              field_label(commitment ? AF_ASSESSMENT : AF_STATUS), items, n, 1 };
}

static void
choices_make(const struct form_ctx *x, struct form_choices *c)
{
	c[CH_RESPONSIBLE] = responsible_choices(x);
	c[CH_STATE] = state_choices(x);
}

static void
choices_free(struct form_choices *c)
{
	for (int k = 0; k < CH_COUNT; k++) {
		for (int i = 0; i < c[k].n; i++)
			free(c[k].items[i]);
		free((void *)c[k].items);
	}
}

static void
form_free(struct form_ctx *x, struct form_field *fields)
{
	for (int i = 0; i < x->n; i++) {
		free(fields[i].value);
		free(x->initial[i]);
	}
}

int
edit_form(struct dash *d, struct view *v)
{
	struct form_ctx x;
	struct form_field fields[AF_COUNT];
	struct form_choices choices[CH_COUNT];
	char *title;
	int rc;

	memset(&x, 0, sizeof x);
	x.d = d;
	if (!edit_required(d) || !selected_activity(d, v, &x.shown))
		return 0;
	form_fields(&x, fields, 1);
	title = form_title_dates(d, _("Edit #%lld (dates as %s)"), x.shown.number);
	choices_make(&x, choices);
	rc = form_run_choices(d, title, fields, x.n, submit_edit, &x, choices, CH_COUNT);
	choices_free(choices);
	free(title);
	if (rc >= 0) {
		if (x.done == 1) {
			dash_reload(d, x.shown.id);
			display_message(0, _("Saved #%lld %s"), (long long)x.shown.number, x.shown.title);
		} else if (x.done == 2) {
			dash_reload(d, x.shown.id);
			display_message(0, _("Kept their change to #%lld; yours was not saved"), (long long)x.shown.number);
		} else if (rc == 0) {
			display_message(0, "%s", _("Cancelled: nothing was changed"));
		}
	}
	form_free(&x, fields);
	model_free_activity(&x.shown);
	return rc < 0 ? -1 : 0;
}

static int
submit_add(void *arg, struct form_field *fields, int n, int *bad)
{
	struct form_ctx *x = arg;
	struct act_change c;

	(void)n;
	if (form_changes(x, fields, &c, bad) < 0)
		return 0;
	if (x->focus_key)
		act_change_set(&c, AF_FOCUS, x->focus_key, NULL);
	if (activity_add(x->d->db, x->d->plan.s.id, &c, NULL, &x->new_id) != ACTIVITY_OK) {
		act_change_free(&c);
		return 0;
	}
	act_change_free(&c);
	x->done = 1;
	return 1;
}

int
edit_add(struct dash *d, struct view *v)
{
	struct form_ctx x;
	struct form_field fields[AF_COUNT];
	struct selection sel;
	const struct focus_area *fa = NULL;
	struct form_choices choices[CH_COUNT];
	char *title;
	int rc;

	if (!edit_required(d))
		return 0;
	memset(&x, 0, sizeof x);
	x.d = d;
	/* The focus area in view: in the activity list the one filtered on, else the selected activity's; or the selected one. */
	view_selection(v, &sel);
	if (sel.kind == ITEM_ACTIVITY && d->filter.focus_id > 0)
		fa = plan_focus(&d->plan, d->filter.focus_id);
	else if (sel.kind == ITEM_FOCUS)
		fa = sel.focus;
	else if (sel.activity && sel.activity->focus_id > 0)
		fa = plan_focus(&d->plan, sel.activity->focus_id);
	x.focus_key = fa ? fa->key : NULL;
	form_fields(&x, fields, 0);
	{
		char example[64];

		report_format_date(example, sizeof example, "2026-12-31", d->app->cfg.date_format);
		title = fa ? xasprintf(_("New activity in %s (dates as %s)"), fa->name, example)
		           : xasprintf(_("New activity, no focus area (dates as %s)"), example);
	}
	choices_make(&x, choices);
	rc = form_run_choices(d, title, fields, x.n, submit_add, &x, choices, CH_COUNT);
	choices_free(choices);
	free(title);
	if (rc >= 0 && x.done) {
		dash_reload(d, x.new_id);
		display_message(0, _("Added #%lld %s"), (long long)activity_number(d->db, x.new_id),
		                fields[form_line(&x, AF_TITLE)].value);
	} else if (rc == 0) {
		display_message(0, "%s", _("Cancelled: nothing was added"));
	}
	form_free(&x, fields);
	return rc < 0 ? -1 : 0;
}

/* "Delete #12 'title'? ...": the title shortened so that the question and room for the answer fit on the line. */
static char *
delete_question(const struct activity *a)
{
	const char *fmt = _("Delete #%lld '%s'? Type %s and press Enter to confirm: ");
	char *bare = xasprintf(fmt, (long long)a->number, "", answer_yes_word()), *title = text_sanitize(a->title, 0), *q;
	int room = COLS - text_width(bare) - 6;

	if (text_width(title) > room && room > 3) {
		char *cut = xasprintf("%.*s...", (int)text_fit(title, room - 3), title);

		free(title);
		title = cut;
	}
	q = xasprintf(fmt, (long long)a->number, title, answer_yes_word());
	free(bare);
	free(title);
	return q;
}

/* Delete the activity, asking what to do each time someone else changed it first; -1 if the program must end. */
static int
delete_confirmed(struct dash *d, const struct activity *a)
{
	int64_t version = a->version;

	for (;;) {
		struct activity cur;
		enum act_result r = activity_delete(d->db, a->id, version, NULL);
		int choice;

		if (r == ACTIVITY_OK) {
			dash_reload(d, 0);
			display_message(0, _("Deleted #%lld %s; u brings it back"),
			                (long long)a->number, a->title);
			return 0;
		}
		if (r != ACTIVITY_CONFLICT || activity_get(d->db, a->id, &cur, NULL) != 1) {
			display_message(1, "%s", r != ACTIVITY_CONFLICT ? err_get() : _("It was deleted by someone else"));
			dash_reload(d, 0);
			return 0;
		}
		choice = conflict_dialog(d, a, NULL, &cur, _("delete anyway"));
		version = cur.version;
		model_free_activity(&cur);
		if (choice < 0)
			return -1;
		if (choice == 0) {
			dash_reload(d, a->id);
			display_message(0, _("Kept their change to #%lld; not deleted"), (long long)a->number);
			return 0;
		}
	}
}

int
edit_delete(struct dash *d, struct view *v)
{
	struct activity a;
	char *q, *answer;
	int rc;

	struct selection sel;

	view_selection(v, &sel);
	if (d->edit && sel.kind != ITEM_ACTIVITY)
		return edit_delete_item(d, v);
	if (!edit_required(d) || !selected_activity(d, v, &a))
		return 0;
	q = delete_question(&a);
	answer = display_prompt(q, NULL);
	free(q);
	if (!answer_is_yes(answer)) {
		free(answer);
		model_free_activity(&a);
		return prompt_cancelled(d, _("Not deleted"));
	}
	free(answer);
	rc = delete_confirmed(d, &a);
	model_free_activity(&a);
	return rc;
}

int
edit_undo(struct dash *d)
{
	char *what = NULL;
	enum act_result r;

	if (!edit_required(d))
		return 0;
	r = structure_undo(d->db, d->plan.s.id, &what);
	if (r == ACTIVITY_OK) {
		dash_reload(d, 0);
		display_message(0, _("Undone: %s"), what ? what : "");
	} else {
		display_message(1, "%s", err_get());
	}
	free(what);
	return 0;
}

struct value_ctx {
	struct dash *d;
	const struct indicator *ind;
	char *saved;            /* what the status line says afterwards */
};

/* A value's form read and checked: period, sex, value and comment; else 0 with err_set() and *bad the field. */
static int
value_fields_check(struct form_field *fields, char *period, size_t period_size, int *key, int *sex,
                   int *has, double *value, int *bad)
{
	char why[256];

	if (parse_period(fields[0].value, period, period_size, key) < 0) {
		err_set(_("period: '%s' is not a period; type a year (2025) or a part of one (2025-Q1, 2025-T1, 2025-H1)"),
		        fields[0].value);
		*bad = 0;
		return 0;
	}
	if (strlen(fields[1].value) != 1 || (*sex = sex_from_char(fields[1].value[0])) < 0) {
		err_set(_("sex: '%s' is not T (total), K (women) or M (men)"), fields[1].value);
		*bad = 1;
		return 0;
	}
	/* People type 10,2 or 10.2, whatever the locale and the UI language. */
	if (measurement_parse_value(fields[2].value, has, value) < 0) {
		err_set(_("value: '%s' is not a number; leave it empty for no data"), fields[2].value);
		*bad = 2;
		return 0;
	}
	/* The comment is text as an activity's is: the same rule. */
	if (text_check(fields[3].value, 1, NULL, why, sizeof why) < 0) {
		err_set(_("comment: %s"), why);
		*bad = 3;
		return 0;
	}
	return 1;
}

/* What the status line says after a save (rc from measurement_set), numbers as the UI language writes them. */
static char *
value_saved_message(const struct indicator *ind, const char *period, char sex, int has, double value,
                    const char *old, int rc)
{
	char shown[64], was[64];
	double oldv;

	format_number_ui(shown, sizeof shown, value);
	if (old && parse_double(old, &oldv) == 0)
		format_number_ui(was, sizeof was, oldv);
	else
		snprintf(was, sizeof was, "%s", old ? old : "-");
	if (rc == 0)
		return xasprintf(_("Nothing changed: %s %s %c is already %s"), ind->name, period,
		                 sex, has ? shown : _("no data"));
	if (rc == 2)
		return xasprintf(_("Saved %s %s %c: %s (was %s)"), ind->name, period, sex,
		                 has ? shown : _("no data"), was);
	return xasprintf(_("Saved %s %s %c: %s"), ind->name, period, sex, has ? shown : _("no data"));
}

static int
submit_value(void *arg, struct form_field *fields, int n, int *bad)
{
	struct value_ctx *x = arg;
	char period[32], *old = NULL;
	double value = 0;
	int key, sex, has = 0, rc;
	struct value_key k;

	(void)n;
	if (!value_fields_check(fields, period, sizeof period, &key, &sex, &has, &value, bad))
		return 0;
	k = (struct value_key){ x->ind->id, x->ind->name, SERIES_MUNICIPALITY, period, key, sex_char((enum sex)sex) };
	if ((rc = measurement_set(x->d->db, x->d->plan.s.id, &k, has, value,
	                          *fields[3].value ? fields[3].value : NULL, &old)) < 0) {
		*bad = -1;
		return 0;
	}
	x->saved = value_saved_message(x->ind, period, sex_char((enum sex)sex), has, value, old, rc);
	free(old);
	return 1;
}

int
edit_value(struct dash *d, struct view *v)
{
	const struct indicator *ind;
	struct selection sel;
	const struct measurement *m;
	struct form_field fields[4];
	struct value_ctx x = { d, NULL, NULL };
	struct indicator copy;
	char year[16], *title;
	int rc;

	view_selection(v, &sel);
	ind = sel.indicator;
	if (!edit_required(d))
		return 0;
	if (!ind) {
		display_message(0, "%s", _("Select an indicator in pane 3 first"));
		return 0;
	}
	/* The latest total value as the start: change the period for a new one. */
	m = indicator_latest(ind, SEX_T);
	today_iso(year);
	year[4] = '\0';
	memset(&copy, 0, sizeof copy);
	copy.id = ind->id;
	copy.name = xstrdup(ind->name);
	x.ind = &copy;
	fields[0].label = _("Period");
	fields[0].value = xstrdup(m ? m->period : year);
	fields[1].label = _("Sex T/K/M");
	fields[1].value = xstrdup("T");
	fields[2].label = _("Value");
	if (m && m->has_value) {
		char num[64];

		format_number_ui(num, sizeof num, m->value);
		fields[2].value = xstrdup(num);
	} else {
		fields[2].value = xstrdup("");
	}
	fields[3].label = _("Comment");
	fields[3].value = xstrdup("");
	title = xasprintf(_("Value of %s (empty: no data)"), ind->name);
	rc = form_run(d, title, fields, 4, submit_value, &x);
	free(title);
	if (rc == 1) {
		dash_reload(d, 0);
		display_message(0, "%s", x.saved);
	} else if (rc == 0) {
		display_message(0, "%s", _("Cancelled: nothing was changed"));
	}
	for (int i = 0; i < 4; i++)
		free(fields[i].value);
	free(copy.name);
	free(x.saved);
	return rc < 0 ? -1 : 0;
}

struct review_ctx {
	struct dash *d;
	char date[16];
};

static int
submit_review(void *arg, struct form_field *fields, int n, int *bad)
{
	struct review_ctx *x = arg;

	(void)n;
	/* A date as the activity dates are typed: the configured format or ISO. */
	if (parse_user_date(fields[0].value, x->d->app->cfg.date_format, x->date) != DATE_DAY) {
		err_set(_("date: '%s' is not a date; type it as %s"), fields[0].value, x->d->app->cfg.date_format);
		*bad = 0;
		return 0;
	}
	{
		char why[256];

		if (text_check(fields[1].value, 1, NULL, why, sizeof why) < 0) {
			err_set(_("note: %s"), why);
			*bad = 1;
			return 0;
		}
	}
	if (review_add(x->d->db, x->d->plan.s.id, x->date, *fields[1].value ? fields[1].value : NULL) < 0) {
		*bad = -1;
		return 0;
	}
	return 1;
}

int
edit_review(struct dash *d)
{
	struct review_ctx x;
	struct form_field fields[2];
	char today[11], shown[64];
	int rc;

	if (!edit_required(d))
		return 0;
	memset(&x, 0, sizeof x);
	x.d = d;
	today_iso(today);
	report_format_date(shown, sizeof shown, today, d->app->cfg.date_format);
	fields[0].label = _("Date");
	fields[0].value = xstrdup(shown);
	fields[1].label = _("Note of the meeting");
	fields[1].value = xstrdup("");
	rc = form_run(d, _("Record a steering-group review"), fields, 2, submit_review, &x);
	if (rc == 1) {
		dash_reload(d, 0);
		report_format_date(shown, sizeof shown, x.date, d->app->cfg.date_format);
		/* The rule of review_add(): up to now, but no later than the end of the date. */
		if (date_cmp_today(x.date) < 0)
			display_message(0, _("Review recorded on %s: changes made after that day count as new"), shown);
		else
			display_message(0, _("Review recorded on %s: changes count from now"), shown);
	} else if (rc == 0) {
		display_message(0, "%s", _("Cancelled: no review was recorded"));
	}
	free(fields[0].value);
	free(fields[1].value);
	return rc < 0 ? -1 : 0;
}

int
edit_print(struct dash *d)
{
	struct report r;
	char *message = NULL;
	const char *home = getenv("HOME");
	enum print_result res;

	if (report_prepare(d->db, d->plan.s.id, "last-review", (int)d->app->cfg.report_width,
	                   d->app->cfg.date_format, &r) < 0) {
		display_message(1, "%s", err_get());
		return 0;
	}
	display_message(0, "%s", _("Printing..."));
	dash_redraw(d);
	doupdate();
	res = print_report(&r, d->app->cfg.print_command, home && *home ? home : ".", &message);
	display_message(res == PRINT_ERROR, "%s", message ? message : err_get());
	free(message);
	report_release(&r);
	/* The command may have written to the terminal after all. */
	clearok(curscr, TRUE);
	dash_redraw(d);
	return 0;
}
