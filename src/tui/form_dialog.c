/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_dialog.c: a dialog of one-line fields with ncurses' form library: typing, moving between fields, errors at the field. */
#include <config.h>

#include <ctype.h>
#include <form.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "form_dialog.h"
#include "picker.h"
#include "text.h"
#include "util.h"

struct fstate {
	FORM *form;
	FIELD **f;
	WINDOW *win, *sub;
	int n, step, labelw, w, h;
};

/* Text without the spaces at either end (a new string). */
static char *
form_trim(const char *s)
{
	const char *end;

	if (!s)
		return xstrdup("");
	while (*s == ' ')
		s++;
	end = s + strlen(s);
	while (end > s && end[-1] == ' ')
		end--;
	return xasprintf("%.*s", (int)(end - s), s);
}

/*
 * Can a one-line field show s as it is, so that reading it back gives s?
 * Not with line breaks or tabs, spaces at either end (the form trims
 * them), characters text_check() refuses, or clusters the screen shows
 * otherwise (skin tones, joiners, flags: terminals differ on them, see
 * text_sanitize).  What ncurses itself changes (a cell holds only a few
 * combining marks) is found by reading it back.
 */
static int
faithful(const char *s)
{
	size_t len = strlen(s);
	char *shown = text_sanitize(s, 0);
	int same = strcmp(shown, s) == 0;

	free(shown);
	return same && text_check(s, 0, NULL, NULL, 0) == 0 && (len == 0 || (s[0] != ' ' && s[len - 1] != ' '));
}

/* Does the field give back v unchanged, after the form's own trimming? */
static int
reads_back(FIELD *f, const char *v)
{
	char *back = form_trim(field_buffer(f, 0));
	int same = strcmp(back, v) == 0;

	free(back);
	return same;
}

static int
field_row(const struct fstate *st, int i)
{
	return 3 + i * st->step;
}

static void
destroy(struct fstate *st)
{
	if (st->form) {
		unpost_form(st->form);
		free_form(st->form);
	}
	for (int i = 0; st->f && i < st->n; i++)
		free_field(st->f[i]);
	free(st->f);
	if (st->sub)
		delwin(st->sub);
	if (st->win)
		delwin(st->win);
	memset(st, 0, sizeof *st);
}

/* Make the window and the form for the screen's size, the fields holding their values; 0, or -1 if it cannot fit. */
static int
build(struct fstate *st, const char *title, struct form_field *fields, int n, int current)
{
	int fx, fw;

	memset(st, 0, sizeof *st);
	st->n = n;
	for (int i = 0; i < n; i++)
		if (text_width(fields[i].label) + 1 > st->labelw)
			st->labelw = text_width(fields[i].label) + 1;
	st->w = COLS - 4 < 76 ? COLS - 4 : 76;
	/* A row under each field for its error, if there is room; else one error row at the bottom. */
	st->step = 5 + 2 * n <= LINES - 2 ? 2 : 1;
	st->h = 5 + st->step * n;
	fx = st->labelw + 2;
	fw = st->w - 2 - fx - 1;
	if (st->h > LINES || fw < 8)
		return -1;
	st->win = display_newwin(st->h, st->w, (LINES - st->h) / 2, (COLS - st->w) / 2);
	st->sub = st->win ? derwin(st->win, st->h - 2, st->w - 2, 1, 1) : NULL;
	if (!st->sub)
		return -1;
	keypad(st->win, TRUE);
	/* An array of FIELD pointers, as form(3X) wants: the pointer's size is meant. */
	st->f = xcalloc((size_t)n + 1, sizeof *st->f);      /* NOLINT(bugprone-sizeof-expression) */
	for (int i = 0; i < n; i++) {
		const char *v = fields[i].value ? fields[i].value : "";

		st->f[i] = new_field(1, fw, field_row(st, i) - 1, fx, 0, 0);
		field_opts_off(st->f[i], O_AUTOSKIP | O_STATIC | O_BLANK);
		set_field_back(st->f[i], A_UNDERLINE | display_look(DC_NORMAL));
		set_field_fore(st->f[i], display_look(DC_NORMAL));
		if (!fields[i].locked && faithful(v)) {
			set_field_buffer(st->f[i], 0, v);
			if (reads_back(st->f[i], v))
				continue;
		}
		/* Shown as the screen shows any text, and read-only: an edit would rewrite it. */
		fields[i].locked = 1;
		{
			char *shown = text_sanitize(v, 0);

			set_field_buffer(st->f[i], 0, shown);
			free(shown);
		}
		field_opts_off(st->f[i], O_EDIT);
	}
	st->form = new_form(st->f);
	/* Backspace at a field's start and Enter must never move to another field: typing would land there. */
	form_opts_off(st->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(st->form, st->win);
	set_form_sub(st->form, st->sub);
	box_set(st->win, WACS_VLINE, WACS_HLINE);
	post_form(st->form);
	display_text(st->win, 1, 2, st->w - 4, title, display_attr(DC_TITLE));
	for (int i = 0; i < n; i++)
		display_text(st->win, field_row(st, i), 2, st->labelw, fields[i].label, display_attr(DC_LABEL));
	if (current > 0 && current < n)
		set_current_field(st->form, st->f[current]);
	form_driver(st->form, REQ_END_LINE);
	return 0;
}

static void
read_values(struct fstate *st, struct form_field *fields)
{
	form_driver(st->form, REQ_VALIDATION);
	for (int i = 0; i < st->n; i++) {
		if (fields[i].locked)
			continue;
		free(fields[i].value);
		fields[i].value = form_trim(field_buffer(st->f[i], 0));
	}
}

/* Under each read-only field (or once at the bottom), why it is read-only and how to change it. */
static void
show_notes(struct fstate *st, const struct form_field *fields)
{
	/* Short enough for the room under a field at 80 columns; styrkort(1) says why. */
	const char *note = _("read-only: edit with 'styrkort set' or the INI file");
	int any = 0;

	for (int i = 0; i < st->n; i++) {
		if (!fields[i].locked)
			continue;
		any = 1;
		if (st->step == 2)
			display_text(st->win, field_row(st, i) + 1, st->labelw + 3, st->w - st->labelw - 4, note,
			             display_attr(DC_LABEL));
	}
	if (any && st->step != 2)
		display_text(st->win, st->h - 2, 2, st->w - 3, note, display_attr(DC_LABEL));
}

/* Under each field that has a list (if there is room), how to open it. */
static void
show_choices_notes(struct fstate *st, const struct form_choices *c, int nc, int except)
{
	for (int i = 0; i < nc; i++)
		if (c[i].line >= 0 && c[i].line < st->n && c[i].line != except && st->step == 2)
			display_text(st->win, field_row(st, c[i].line) + 1, st->labelw + 3, st->w - st->labelw - 4,
			             c[i].only ? _("F2, Ctrl-O or Space: choose from the list")
			                       : _("F2 or Ctrl-O: choose from a list, or type"),
			             display_attr(DC_LABEL));
}

/* The error under its field (or at the bottom); NULL clears every error row. */
static void
show_error(struct fstate *st, const struct form_field *fields, int bad, const char *msg)
{
	int fx = st->labelw + 3, y;

	for (int i = 0; i < st->n && st->step == 2; i++)
		display_fill(st->win, field_row(st, i) + 1, 1, st->w - 2, A_NORMAL);
	display_fill(st->win, st->h - 2, 1, st->w - 2, A_NORMAL);
	show_notes(st, fields);
	if (!msg)
		return;
	if (bad >= 0 && st->step == 2) {
		y = field_row(st, bad) + 1;
	} else {
		y = st->h - 2;
		fx = 2;
	}
	display_text(st->win, y, fx, st->w - fx - 1, msg, display_attr(DC_ERROR));
	if (bad >= 0 && bad < st->n)
		set_current_field(st->form, st->f[bad]);
}

/* A form being shown: its fields, the last error, and the windows while it is on screen. */
struct shown_form {
	struct fstate st;
	const char *title;
	struct form_field *fields;
	int n, current;
	form_submit_fn submit;
	void *arg;
	char *error;
	int error_at;
	struct dash *dash;
	const struct form_choices *choices;
	int nchoices;
};

/* The list of the field on line, or NULL. */
static const struct form_choices *
choices_at(const struct shown_form *sf, int line)
{
	for (int i = 0; i < sf->nchoices; i++)
		if (sf->choices[i].line == line && line >= 0)
			return &sf->choices[i];
	return NULL;
}

static int
form_open(void *arg)
{
	struct shown_form *sf = arg;

	if (build(&sf->st, sf->title, sf->fields, sf->n, sf->current) < 0) {
		destroy(&sf->st);
		return -1;
	}
	/* A field that takes only a value of its list is not typed in. */
	for (int i = 0; i < sf->nchoices; i++)
		if (sf->choices[i].only && sf->choices[i].line >= 0 && sf->choices[i].line < sf->n)
			field_opts_off(sf->st.f[sf->choices[i].line], O_EDIT);
	show_error(&sf->st, sf->fields, sf->error_at, sf->error);
	show_choices_notes(&sf->st, sf->choices, sf->nchoices, sf->error ? sf->error_at : -1);
	return 0;
}

static void
form_draw(void *arg)
{
	struct shown_form *sf = arg;

	wnoutrefresh(sf->st.win);
	pos_form_cursor(sf->st.form);
	wnoutrefresh(sf->st.sub);
}

/* Before the form is made again for a new size, what was typed and where. */
static void
form_close(void *arg, int reopen)
{
	struct shown_form *sf = arg;

	if (reopen) {
		read_values(&sf->st, sf->fields);
		sf->current = field_index(current_field(sf->st.form));
	}
	destroy(&sf->st);
}

/* Enter: let submit check and save the values; if it refuses, show why at the field. */
static int
form_save(struct shown_form *sf)
{
	int bad = -1, rc;

	read_values(&sf->st, sf->fields);
	sf->current = field_index(current_field(sf->st.form));
	rc = sf->submit(sf->arg, sf->fields, sf->n, &bad);
	if (rc != 0)
		return rc;
	free(sf->error);
	sf->error = xstrdup(err_get());
	sf->error_at = bad;
	display_message(1, "%s", sf->error);
	/* submit may have drawn over the form (a dialog): draw it again. */
	destroy(&sf->st);
	if (bad >= 0)
		sf->current = bad;
	return MODAL_REOPEN;
}

/* F2 or Ctrl-O on a field that has a list: the pick list, on the value it holds; what is picked goes into the field. */
static int
form_pick(struct shown_form *sf)
{
	const struct form_choices *c;
	int rc, now = 0;

	read_values(&sf->st, sf->fields);
	sf->current = field_index(current_field(sf->st.form));
	c = choices_at(sf, sf->current);
	if (!c || sf->fields[c->line].locked || c->n == 0)
		return MODAL_GO_ON;
	for (int i = 0; i < c->n; i++)
		if (sf->fields[c->line].value && strcmp(sf->fields[c->line].value, c->items[i]) == 0)
			now = i;
	rc = picker_choose(sf->dash, c->title, c->items, c->n, now);
	if (rc == -2)
		return -1;
	if (rc >= 0) {
		free(sf->fields[c->line].value);
		sf->fields[c->line].value = xstrdup(c->items[rc]);
	}
	destroy(&sf->st);
	return MODAL_REOPEN;
}

/* Does key k open the list of the current field: F2 or Ctrl-O, or on an `only` field any character or Backspace? */
static int
opens_list(const struct shown_form *sf, struct dkey k)
{
	const struct form_choices *c = choices_at(sf, field_index(current_field(sf->st.form)));

	if (!c)
		return 0;
	if ((k.type == DK_KEY && k.code == KEY_F(2)) || (k.type == DK_CHAR && k.code == 15))
		return 1;
	return c->only && ((k.type == DK_CHAR && k.code != '\t' && k.code != '\n' && k.code != 27 &&
	                    (iswprint((wint_t)k.code) || k.code == 127 || k.code == 8)) ||
	                   (k.type == DK_KEY && (k.code == KEY_BACKSPACE || k.code == KEY_DC)));
}

static int
form_key(void *arg, struct dkey k)
{
	struct shown_form *sf = arg;
	FORM *form = sf->st.form;
	int req = 0;

	if (k.type == DK_CHAR && k.code == 27)
		return 0;
	if (opens_list(sf, k))
		return form_pick(sf);
	if (k.code == '\n' || (k.type == DK_KEY && k.code == KEY_ENTER))
		return form_save(sf);
	if (k.type == DK_KEY) {
		switch (k.code) {
		case KEY_DOWN: req = REQ_NEXT_FIELD; break;
		case KEY_UP: case KEY_BTAB: req = REQ_PREV_FIELD; break;
		case KEY_LEFT: req = REQ_PREV_CHAR; break;
		case KEY_RIGHT: req = REQ_NEXT_CHAR; break;
		case KEY_HOME: req = REQ_BEG_LINE; break;
		case KEY_END: req = REQ_END_LINE; break;
		case KEY_BACKSPACE: req = REQ_DEL_PREV; break;
		case KEY_DC: req = REQ_DEL_CHAR; break;
		default: break;
		}
	} else {
		switch (k.code) {
		case '\t': req = REQ_NEXT_FIELD; break;
		case 127: case 8: req = REQ_DEL_PREV; break;
		case 1: req = REQ_BEG_LINE; break;      /* Ctrl-A */
		case 5: req = REQ_END_LINE; break;      /* Ctrl-E */
		case 11: req = REQ_CLR_EOL; break;      /* Ctrl-K */
		case 21: req = REQ_CLR_FIELD; break;    /* Ctrl-U */
		default:
			if (iswprint((wint_t)k.code))
				form_driver_w(form, OK, (wchar_t)k.code);
			break;
		}
	}
	if (req) {
		form_driver(form, req);
		if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
			form_driver(form, REQ_END_LINE);
	}
	return MODAL_GO_ON;
}

int
form_run(struct dash *dash, const char *title, struct form_field *fields, int n,
         form_submit_fn submit, void *arg)
{
	return form_run_choices(dash, title, fields, n, submit, arg, NULL, 0);
}

int
form_run_choices(struct dash *dash, const char *title, struct form_field *fields, int n,
                 form_submit_fn submit, void *arg, const struct form_choices *choices, int nchoices)
{
	struct shown_form sf;
	int lists = 0;

	for (int i = 0; choices && i < nchoices; i++)
		lists |= choices[i].line >= 0;
	const struct modal m = {
		.hints = lists ? _("Enter save | Tab, arrows: next field | F2 list | Esc cancel")
		                            : _("Enter save | Tab, arrows: next field | Esc cancel"),
		.exit_result = -1, .cancel_result = 0,
		.open = form_open, .draw = form_draw, .close = form_close, .key = form_key, .arg = &sf,
	};
	int rc;

	memset(&sf, 0, sizeof sf);
	sf.title = title;
	sf.fields = fields;
	sf.n = n;
	sf.submit = submit;
	sf.arg = arg;
	sf.error_at = -1;
	sf.dash = dash;
	sf.choices = choices;
	sf.nchoices = choices ? nchoices : 0;
	for (int i = 0; i < n; i++)
		fields[i].locked = 0;
	rc = dash_modal(dash, &m);
	free(sf.error);
	return rc;
}
