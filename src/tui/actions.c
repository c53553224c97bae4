/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actions.c: the table of actions: keys to actions, key names, the help text and the man page list. */
#include <config.h>

#include <curses.h>
#include <string.h>

#include "actions.h"
#include "util.h"

struct action_def {
	const char *help;
	int keys[4];
};

static const struct action_def defs[ACT_COUNT] = {
#define GROUP(title)
#define A(id, help, ...) [ACT_##id] = { help, { __VA_ARGS__ } },
	ACTIONS
#undef A
#undef GROUP
};

static const struct action_entry entries[] = {
#define GROUP(title) { ACT_NONE, title },
#define A(id, help, ...) { ACT_##id, NULL },
	ACTIONS
#undef A
#undef GROUP
};

enum action
action_for_key(int key)
{
	for (int a = 1; a < ACT_COUNT; a++)
		for (int k = 0; k < 4 && defs[a].keys[k]; k++)
			if (defs[a].keys[k] == key)
				return (enum action)a;
	return ACT_NONE;
}

/* A key for people; NULL for one that is not shown (a second code of the same key). */
static const char *
key_label(int key, char *buf, size_t n)
{
	switch (key) {
	case KEY_UP: return "↑";
	case KEY_DOWN: return "↓";
	case KEY_PPAGE: return "PgUp";
	case KEY_NPAGE: return "PgDn";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_BTAB: return "Shift-Tab";
	case KEY_ENTER: return NULL;
	case '\n': return "Enter";
	case '\t': return "Tab";
	case ' ': return _("Space");
	case 27: return "Esc";
	}
	if (key > 0 && key < 32)
		snprintf(buf, n, "Ctrl-%c", key + '@');
	else
		snprintf(buf, n, "%c", key);
	return buf;
}

void
action_keys_label(enum action a, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return;
	for (int k = 0; k < 4 && defs[a].keys[k]; k++) {
		char buf[16];
		const char *l = key_label(defs[a].keys[k], buf, sizeof buf);

		if (!l)
			continue;
		snprintf(out + len, n - len, "%s%s", len ? " " : "", l);
		len = strlen(out);
	}
}

const char *
action_help(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? _(defs[a].help) : "";
}

size_t
action_entries(const struct action_entry **out)
{
	*out = entries;
	return sizeof entries / sizeof *entries;
}

/* roff: a backslash starts an escape and a leading dot or quote a request. */
static void
man_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (strncmp(s, "↑", strlen("↑")) == 0) {
			fputs("\\(ua", f);
			s += strlen("↑") - 1;
		} else if (strncmp(s, "↓", strlen("↓")) == 0) {
			fputs("\\(da", f);
			s += strlen("↓") - 1;
		} else if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void
actions_write_man(FILE *f)
{
	for (size_t i = 0; i < sizeof entries / sizeof *entries; i++) {
		char keys[64];

		if (entries[i].a == ACT_NONE) {
			fputs(".SS ", f);
			man_text(f, _(entries[i].group));
			fputc('\n', f);
			continue;
		}
		action_keys_label(entries[i].a, keys, sizeof keys);
		fputs(".TP\n.B ", f);
		man_text(f, keys);
		fputc('\n', f);
		man_text(f, action_help(entries[i].a));
		fputc('\n', f);
	}
}
