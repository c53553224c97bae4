/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edit_structure.c: edit mode for the structure: focus areas, goals, indicators, groups and follow-ups in a form (E), added (A), deleted with a choice for their children (d). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "form_dialog.h"
#include "organisation.h"
#include "picker.h"
#include "structure.h"
#include "text.h"
#include "util.h"

/* A field's name for people, by its key (the key itself where none is given here). */
static const struct {
	const char *key, *label;
} labels[] = {
	{ "name", N_("Name") }, { "purpose", N_("Purpose") }, { "responsible", N_("Responsible") },
	{ "title", N_("Title") }, { "description", N_("Description") }, { "parent", N_("Parent goal") },
	{ "focus", N_("Focus area") }, { "goal", N_("Goal") }, { "unit", N_("Unit") }, { "source", N_("Source") },
	{ "kolada", N_("Kolada KPI") }, { "direction", N_("Direction") }, { "baseline", N_("Baseline") },
	{ "baseline_period", N_("Baseline period") }, { "target", N_("Target") },
	{ "target_period", N_("Target period") }, { "by_sex", N_("By sex") }, { "decimals", N_("Decimals") },
	{ "role", N_("Role") }, { "composition", N_("Composition") }, { "what", N_("What") },
	{ "cadence", N_("Cadence") }, { "first", N_("First date") }, { "dates", N_("Dates") }, { "note", N_("Note") },
	{ "example", N_("Example data") }, { "qualifier", N_("Qualifier") }, { "breakdown", N_("Breakdown") },
	{ "scb", N_("SCB table") },
};

static const char *
label_of(const char *key)
{
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].key, key) == 0)
			return _(labels[i].label);
	return key;
}

/* Each kind for people: the pick list of A, the titles of forms and questions. */
static const char *
kind_label(enum kind k)
{
	switch (k) {
	case KIND_FOCUS: return _("focus area");
	case KIND_GOAL: return _("goal");
	case KIND_INDICATOR: return _("indicator");
	case KIND_GROUP: return _("group");
	case KIND_FOLLOWUP: return _("follow-up");
	default: return "";
	}
}

/* The item being edited, copied: the panes may read again while a dialog is open. */
struct item_ref {
	enum kind kind;
	char *key, *name;
	int64_t version;
};

static void
item_ref_free(struct item_ref *r)
{
	free(r->key);
	free(r->name);
}

/* The struct of a plan item by kind and key (NULL: none). */
static const void *
find_item(const struct plan *p, enum kind k, const char *key)
{
	switch (k) {
	case KIND_FOCUS:
		for (size_t i = 0; i < p->nfocus; i++)
			if (strcmp(p->focus[i].key, key) == 0)
				return &p->focus[i];
		break;
	case KIND_GOAL:
		for (size_t i = 0; i < p->ngoals; i++)
			if (strcmp(p->goals[i].key, key) == 0)
				return &p->goals[i];
		break;
	case KIND_INDICATOR:
		for (size_t i = 0; i < p->ninds; i++)
			if (strcmp(p->inds[i].key, key) == 0)
				return &p->inds[i];
		break;
	case KIND_GROUP:
		for (size_t i = 0; i < p->ngroups; i++)
			if (strcmp(p->groups[i].key, key) == 0)
				return &p->groups[i];
		break;
	case KIND_FOLLOWUP:
		for (size_t i = 0; i < p->nfups; i++)
			if (strcmp(p->fups[i].key, key) == 0)
				return &p->fups[i];
		break;
	default:
		break;
	}
	return NULL;
}

/* What people call the item: its first text field that is not empty, else its key. */
static char *
item_title(const struct plan *p, enum kind k, const char *key)
{
	size_t n;
	const struct field_def *f = model_fields(k, &n);
	const void *it = find_item(p, k, key);

	for (size_t i = 0; it && i < n; i++) {
		char *v;

		if (f[i].type != FT_TEXT)
			continue;
		v = model_item_text(k, p, it, (int)i);
		if (*v)
			return v;
		free(v);
	}
	return xstrdup(key);
}

static int
ref_set(struct dash *d, struct item_ref *r, enum kind k, const char *key)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->key = xstrdup(key);
	r->name = item_title(&d->plan, k, key);
	return structure_version(d->db, d->plan.s.id, k, key, &r->version) == 1;
}

/* The groups and follow-ups as a pick list; the chosen one into r.  1 chosen, 0 not, -1 end. */
static int
pick_organisation(struct dash *d, const char *title, struct item_ref *r)
{
	const struct plan *p = &d->plan;
	int n = (int)(p->ngroups + p->nfups), rc;
	char **items;

	if (!n) {
		display_message(0, "%s", _("The strategy has no groups or follow-ups: A adds one"));
		return 0;
	}
	items = xcalloc((size_t)n, sizeof *items);
	for (size_t i = 0; i < p->ngroups; i++)
		items[i] = xasprintf("%s: %s", organisation_role_label(p->groups[i].role),
		                     p->groups[i].name ? p->groups[i].name : p->groups[i].key);
	for (size_t i = 0; i < p->nfups; i++)
		items[p->ngroups + i] = xasprintf("%s: %s", _("Follow-up"), p->fups[i].what);
	rc = picker_choose(d, title, items, n, 0);
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
	if (rc < 0)
		return rc == -2 ? -1 : 0;
	if ((size_t)rc < p->ngroups)
		return ref_set(d, r, KIND_GROUP, p->groups[rc].key);
	return ref_set(d, r, KIND_FOLLOWUP, p->fups[rc - (int)p->ngroups].key);
}

/* The selected focus area, goal or indicator (on the strategy: a group or follow-up picked); 1, 0 none, -1 end. */
static int
selected_item(struct dash *d, struct view *v, const char *pick_title, struct item_ref *r)
{
	struct selection s;

	view_selection(v, &s);
	if (s.focus)
		return ref_set(d, r, KIND_FOCUS, s.focus->key);
	if (s.goal)
		return ref_set(d, r, KIND_GOAL, s.goal->key);
	if (s.indicator)
		return ref_set(d, r, KIND_INDICATOR, s.indicator->key);
	if (s.kind == ITEM_STRATEGY)
		return pick_organisation(d, pick_title, r);
	display_message(0, "%s", _("Select a focus area, goal or indicator (panes 2 and 3), or the vision (1)"));
	return 0;
}

/* A form of an item's fields: line 0 its id when adding. */
struct item_form {
	struct dash *d;
	struct item_ref r;
	int adding;
	int n;                  /* lines */
	char **initial;
	int done;
};

static int
field_of_line(const struct item_form *x, int line)
{
	return x->adding ? line - 1 : line;
}

/* The changed lines into c; -1 with *bad at a refused one. */
static int
form_values(struct item_form *x, struct form_field *fields, struct item_change *c, int *bad)
{
	item_change_init(c, x->r.kind);
	for (int i = x->adding; i < x->n; i++) {
		if (strcmp(fields[i].value, x->initial[i]) == 0)
			continue;
		if (item_change_set(c, field_of_line(x, i), fields[i].value, x->d->app->cfg.date_format, 1) < 0) {
			*bad = i;
			item_change_free(c);
			return -1;
		}
	}
	return 0;
}

/* The line a refusal is about: the field its message begins with ("parent = ..."), else the id when adding. */
static int
line_in_error(const struct item_form *x)
{
	size_t nf;
	const struct field_def *f = model_fields(x->r.kind, &nf);
	const char *e = err_get();

	for (size_t i = 0; i < nf; i++) {
		size_t len = strlen(f[i].key);

		if (strncmp(e, f[i].key, len) == 0 && strncmp(e + len, " = ", 3) == 0)
			return (int)i + x->adding;
	}
	return x->adding ? 0 : -1;
}

/* What someone else changed since the form opened: "Name = 'Arbete', Unit = '%'" (a new string). */
static char *
their_changes(const struct item_form *x)
{
	struct plan now;
	const void *it;
	size_t nf;
	const struct field_def *f = model_fields(x->r.kind, &nf);
	struct buf b;

	buf_init(&b);
	memset(&now, 0, sizeof now);
	if (model_load_outline(x->d->db, x->d->plan.s.id, &now) == 0 && (it = find_item(&now, x->r.kind, x->r.key))) {
		for (size_t i = 0; i < nf; i++) {
			char *v = model_item_text(x->r.kind, &now, it, (int)i);

			if (strcmp(v, x->initial[i + (size_t)x->adding]) != 0)
				buf_printf(&b, "%s%s = '%s'", b.s ? ", " : "", label_of(f[i].key), v);
			free(v);
		}
	}
	model_free_plan(&now);
	return b.s ? buf_steal(&b) : xstrdup("-");
}

static int
item_change_any(const struct item_change *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->value[i])
			return 1;
	return 0;
}

static int
submit_item(void *arg, struct form_field *fields, int n, int *bad)
{
	struct item_form *x = arg;
	struct item_change c;
	enum act_result rc;

	(void)n;
	if (form_values(x, fields, &c, bad) < 0)
		return 0;
	if (!x->adding && !item_change_any(&c)) {
		item_change_free(&c);
		display_message(0, "%s", _("Nothing changed"));
		return 1;
	}
	if (x->adding)
		rc = structure_add(x->d->db, x->d->plan.s.id, fields[0].value, &c, NULL);
	else
		rc = structure_apply(x->d->db, x->d->plan.s.id, x->r.key, &c, x->r.version, NULL);
	item_change_free(&c);
	if (rc == ACTIVITY_CONFLICT) {
		char *theirs = their_changes(x);

		/* Enter again saves over theirs: the version they made is the one expected now. */
		structure_version(x->d->db, x->d->plan.s.id, x->r.kind, x->r.key, &x->r.version);
		/* Short enough for the form's error row at 80 columns: styrkort(1) says the rest. */
		err_set(_("Changed meanwhile: %s (Enter: yours, Esc: theirs)"), theirs);
		free(theirs);
		return 0;
	}
	if (rc != ACTIVITY_OK) {
		*bad = line_in_error(x);
		return 0;
	}
	x->done = 1;
	if (x->adding) {
		free(x->r.key);
		x->r.key = xstrdup(fields[0].value);
	}
	return 1;
}

/* The lines of the form: labels, and the values the item has (prefill for a new one). */
static struct form_field *
form_lines(struct item_form *x, const char *const *prefill)
{
	size_t nf;
	const struct field_def *f = model_fields(x->r.kind, &nf);
	const void *it = x->adding ? NULL : find_item(&x->d->plan, x->r.kind, x->r.key);
	struct form_field *fields;

	x->n = (int)nf + x->adding;
	fields = xcalloc((size_t)x->n, sizeof *fields);
	x->initial = xcalloc((size_t)x->n, sizeof *x->initial);
	if (x->adding) {
		fields[0].label = _("Id (a-z, 0-9, - _)");
		x->initial[0] = xstrdup("");
	}
	for (int i = x->adding; i < x->n; i++) {
		int fi = field_of_line(x, i);

		fields[i].label = label_of(f[fi].key);
		x->initial[i] = it ? model_item_text(x->r.kind, &x->d->plan, it, fi) : xstrdup("");
		fields[i].value = xstrdup(prefill && prefill[fi] ? prefill[fi] : x->initial[i]);
	}
	if (x->adding)
		fields[0].value = xstrdup("");
	return fields;
}

static void
form_done(struct item_form *x, struct form_field *fields)
{
	for (int i = 0; i < x->n; i++) {
		free(fields[i].value);
		free(x->initial[i]);
	}
	free(fields);
	free(x->initial);
	item_ref_free(&x->r);
}

/* Run the form; say how it went.  -1 if the program must end. */
static int
run_form(struct dash *d, struct item_form *x, const char *title, const char *const *prefill)
{
	struct form_field *fields = form_lines(x, prefill);
	int rc = form_run(d, title, fields, x->n, submit_item, x);

	if (rc >= 0 && x->done) {
		char *name;

		dash_reload(d, 0);
		name = item_title(&d->plan, x->r.kind, x->r.key);
		display_message(0, x->adding ? _("Added %s %s; u takes it away") : _("Saved %s %s; u undoes it"),
		                kind_label(x->r.kind), name);
		free(name);
	} else if (rc == 0) {
		display_message(0, "%s", _("Cancelled: nothing was changed"));
	}
	form_done(x, fields);
	return rc < 0 ? -1 : 0;
}

static int
edit_required_here(struct dash *d)
{
	if (d->edit)
		return 1;
	display_message(0, "%s", d->db->read_only ? _("Read-only: editing is off")
	                                          : _("That works in edit mode: press e first"));
	return 0;
}

int
edit_item(struct dash *d, struct view *v)
{
	struct item_form x;
	char *title;
	int rc;

	memset(&x, 0, sizeof x);
	x.d = d;
	if (!edit_required_here(d))
		return 0;
	if ((rc = selected_item(d, v, _("Edit which group or follow-up?"), &x.r)) <= 0) {
		item_ref_free(&x.r);
		return rc;
	}
	title = xasprintf(_("Edit %s %s"), kind_label(x.r.kind), x.r.name);
	rc = run_form(d, &x, title, NULL);
	free(title);
	return rc;
}

/* What A can add, with the field a new one starts with (the selected focus area or goal). */
struct add_choice {
	enum kind kind;
	const char *field, *key;
	char *label;
};

static int
add_choices(struct dash *d, struct view *v, struct add_choice *c)
{
	struct selection s;
	const struct goal *g;
	int n = 0;

	view_selection(v, &s);
	g = s.goal ? s.goal : s.indicator ? plan_goal(&d->plan, s.indicator->goal_id) : NULL;
	c[n++] = (struct add_choice){ KIND_FOCUS, NULL, NULL, xstrdup(_("A focus area")) };
	if (s.focus)
		c[n++] = (struct add_choice){ KIND_GOAL, "focus", s.focus->key,
		                              xasprintf(_("A goal in %s"), s.focus->name) };
	else
		c[n++] = (struct add_choice){ KIND_GOAL, NULL, NULL, xstrdup(_("A goal")) };
	if (g) {
		c[n++] = (struct add_choice){ KIND_GOAL, "parent", g->key, xasprintf(_("A sub-goal of %s"), g->title) };
		c[n++] = (struct add_choice){ KIND_INDICATOR, "goal", g->key,
		                              xasprintf(_("An indicator of %s"), g->title) };
	}
	c[n++] = (struct add_choice){ KIND_GROUP, NULL, NULL, xstrdup(_("A group (owner, steering group...)")) };
	c[n++] = (struct add_choice){ KIND_FOLLOWUP, NULL, NULL, xstrdup(_("A follow-up of the plan")) };
	return n;
}

int
edit_add_item(struct dash *d, struct view *v)
{
	struct add_choice c[6];
	char *items[6], *title;
	const char *prefill[64] = { NULL };
	struct item_form x;
	int n, rc;

	if (!edit_required_here(d))
		return 0;
	n = add_choices(d, v, c);
	for (int i = 0; i < n; i++)
		items[i] = c[i].label;
	rc = picker_choose(d, _("Add what?"), items, n, 0);
	memset(&x, 0, sizeof x);
	if (rc >= 0) {
		x.d = d;
		x.adding = 1;
		x.r.kind = c[rc].kind;
		if (c[rc].field && structure_field(c[rc].kind, c[rc].field) >= 0 &&
		    structure_field(c[rc].kind, c[rc].field) < 64)
			prefill[structure_field(c[rc].kind, c[rc].field)] = c[rc].key;
		title = xasprintf(_("New %s"), kind_label(x.r.kind));
		rc = run_form(d, &x, title, prefill);
		free(title);
	} else {
		display_message(0, "%s", _("Cancelled: nothing was added"));
		rc = rc == -2 ? -1 : 0;
	}
	for (int i = 0; i < n; i++)
		free(c[i].label);
	return rc;
}

/* The other items of the kind (not key), as a pick list; the chosen one's key (a new string) or NULL. */
static char *
pick_other(struct dash *d, enum kind k, const char *key, int *end)
{
	size_t total = 0;
	char **items, **keys, *chosen = NULL, *title;
	int n = 0, rc;
	const struct plan *p = &d->plan;

	total = p->nfocus + p->ngoals + p->ninds + p->ngroups + p->nfups;
	items = xcalloc(total + 1, sizeof *items);
	keys = xcalloc(total + 1, sizeof *keys);
	for (size_t i = 0; i < total; i++) {
		const char *kk = k == KIND_FOCUS && i < p->nfocus ? p->focus[i].key
		               : k == KIND_GOAL && i < p->ngoals ? p->goals[i].key : NULL;

		if (!kk || strcmp(kk, key) == 0)
			continue;
		keys[n] = (char *)kk;
		items[n++] = item_title(p, k, kk);
	}
	title = xasprintf(_("Move them to which %s?"), kind_label(k));
	rc = n ? picker_choose(d, title, items, n, 0) : -1;
	*end = rc == -2;
	if (rc >= 0)
		chosen = xstrdup(keys[rc]);
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
	free(keys);
	free(title);
	return chosen;
}

/* The choice for what the item has: a pick list that is also the confirmation.  1 chosen, 0 not, -1 end. */
static int
pick_children(struct dash *d, const struct item_ref *r, struct children *ch, char **to)
{
	int allowed[4], n = 0, rc, end = 0;
	char *has = structure_children_of(d->db, d->plan.s.id, r->kind, r->key, allowed), *title;
	char *items[4];
	enum children_choice what[4];

	if (!has)
		return 0;
	if (allowed[CHILDREN_ASK]) {
		what[n] = CHILDREN_ASK;
		items[n++] = xstrdup(_("Delete it"));
	}
	if (allowed[CHILDREN_MOVE] && !allowed[CHILDREN_ASK]) {
		what[n] = CHILDREN_MOVE;
		items[n++] = xasprintf(_("Delete it; move what it has to another %s..."), kind_label(r->kind));
	}
	if (allowed[CHILDREN_UNLINK] && !allowed[CHILDREN_ASK]) {
		what[n] = CHILDREN_UNLINK;
		items[n++] = xstrdup(_("Delete it; what it has stays, linked to nothing"));
	}
	if (allowed[CHILDREN_DELETE] && !allowed[CHILDREN_ASK]) {
		what[n] = CHILDREN_DELETE;
		items[n++] = xstrdup(r->kind == KIND_GOAL ? _("Delete it, its sub-goals and indicators (activities are unlinked)")
		                     : r->kind == KIND_INDICATOR ? _("Delete it and its values") : _("Delete it and what it has"));
	}
	title = *has ? xasprintf(_("Delete %s %s? It has %s"), kind_label(r->kind), r->name, has)
	             : xasprintf(_("Delete %s %s?"), kind_label(r->kind), r->name);
	rc = picker_choose(d, title, items, n, 0);
	free(title);
	free(has);
	for (int i = 0; i < n; i++)
		free(items[i]);
	if (rc < 0)
		return rc == -2 ? -1 : 0;
	ch->how = what[rc];
	if (ch->how == CHILDREN_MOVE && !(*to = pick_other(d, r->kind, r->key, &end)))
		return end ? -1 : 0;
	ch->to = *to;
	return 1;
}

int
edit_delete_item(struct dash *d, struct view *v)
{
	struct item_ref r;
	struct children ch = { CHILDREN_ASK, NULL };
	char *to = NULL;
	int rc;

	memset(&r, 0, sizeof r);
	if ((rc = selected_item(d, v, _("Delete which group or follow-up?"), &r)) > 0 &&
	    (rc = pick_children(d, &r, &ch, &to)) > 0) {
		switch (structure_delete(d->db, d->plan.s.id, r.kind, r.key, &ch, r.version, NULL)) {
		case ACTIVITY_OK:
			dash_reload(d, 0);
			display_message(0, _("Deleted %s %s; u brings it back"), kind_label(r.kind), r.name);
			break;
		case ACTIVITY_CONFLICT:
			dash_reload(d, 0);
			display_message(1, _("%s was changed by someone else since you chose it; not deleted: look again"),
			                r.name);
			break;
		default:
			display_message(1, "%s", err_get());
			break;
		}
	} else if (rc == 0) {
		display_message(0, "%s", _("Not deleted"));
	}
	free(to);
	item_ref_free(&r);
	return rc < 0 ? -1 : 0;
}
