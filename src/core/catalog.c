/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalog.c: the UI's translations where the C library's gettext will not give them. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "gettext.h"

/* A catalogue larger than this is not ours. */
#define CATALOG_MAX (16u << 20)

static struct {
	char *data;
	size_t size;
	uint32_t n, originals, translations;
	int swapped;
} cat;

static uint32_t
word(size_t off)
{
	uint32_t w;

	memcpy(&w, cat.data + off, sizeof w);
	if (cat.swapped)
		w = (w >> 24) | ((w >> 8) & 0xff00) | ((w << 8) & 0xff0000) | (w << 24);
	return w;
}

/* String I of a table (originals or translations), and its length; NULL if it lies outside the file. */
static const char *
entry(uint32_t table, uint32_t i, uint32_t *len)
{
	uint32_t l = word(table + 8 * (size_t)i), off = word(table + 8 * (size_t)i + 4);

	if ((size_t)off + l >= cat.size || cat.data[off + l] != '\0')
		return NULL;
	*len = l;
	return cat.data + off;
}

/*
 * The answers of ui_gettext() and ui_pgettext() by the address of their
 * message (always a literal): a report asks for the same few labels for
 * every row, and gettext's lookup took a tenth of 'report' for all
 * strategies (issue 14).  Emptied whenever the catalogue or the language
 * changes (main.c's catalog_choose() opens or closes it each time).
 */
#define MEMO_SIZE 512
static struct memo {
	const char *context, *msgid, *answer;
	char text[48];          /* the message as it was (a caller's buffer may change): longer ones are not kept */
} memo[MEMO_SIZE];

static struct memo *
memo_slot(const char *context, const char *msgid)
{
	uintptr_t h = ((uintptr_t)msgid >> 3) ^ ((uintptr_t)context >> 5);

	return &memo[h % MEMO_SIZE];
}

static int
memo_has(const struct memo *m, const char *context, const char *msgid)
{
	return m->msgid == msgid && m->context == context && strcmp(m->text, msgid) == 0;
}

static const char *
memo_keep(struct memo *m, const char *context, const char *msgid, const char *answer)
{
	size_t len = strlen(msgid);

	if (len < sizeof m->text) {
		m->context = context;
		m->msgid = msgid;
		m->answer = answer;
		memcpy(m->text, msgid, len + 1);
	}
	return answer;
}

void
catalog_close(void)
{
	free(cat.data);
	memset(&cat, 0, sizeof cat);
	memset(memo, 0, sizeof memo);
}

int
catalog_active(void)
{
	return cat.data != NULL;
}

int
catalog_open(const char *path)
{
	FILE *f;
	char *data;
	size_t got;
	uint32_t magic;

	catalog_close();
	if (!(f = fopen(path, "rb")))
		return -1;
	/* One read of at most the limit, and one byte more to see a file that is larger. */
	if (!(data = malloc(CATALOG_MAX + 1))) {
		fclose(f);
		return -1;
	}
	got = fread(data, 1, CATALOG_MAX + 1, f);
	fclose(f);
	if (got < 28 || got > CATALOG_MAX) {
		free(data);
		return -1;
	}
	cat.data = data;
	cat.size = got;
	memcpy(&magic, cat.data, sizeof magic);
	if (magic == 0x950412de)
		cat.swapped = 0;
	else if (magic == 0xde120495)
		cat.swapped = 1;
	else
		goto bad;
	cat.n = word(8);
	cat.originals = word(12);
	cat.translations = word(16);
	/* Both tables must lie inside the file. */
	if (cat.n > cat.size / 16 || (size_t)cat.originals + 8 * (size_t)cat.n > cat.size ||
	    (size_t)cat.translations + 8 * (size_t)cat.n > cat.size)
		goto bad;
	return 0;
bad:
	catalog_close();
	return -1;
}

/* The index of MSGID among the originals (msgfmt sorts them), or -1. */
static long
find(const char *msgid)
{
	uint32_t lo = 0, hi = cat.n, len;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *s = entry(cat.originals, mid, &len);
		int c;

		if (!s)
			return -1;
		/* A plural entry is "SINGULAR\0PLURAL": strcmp stops at the singular. */
		c = strcmp(msgid, s);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *
catalog_nlookup(const char *msgid, unsigned long n)
{
	long i;
	uint32_t len;
	const char *t;

	if (!cat.data || !*msgid || (i = find(msgid)) < 0 || !(t = entry(cat.translations, (uint32_t)i, &len)))
		return NULL;
	/* Swedish and English both have two forms: one, and the rest. */
	if (n != 1 && strlen(t) < len)
		t += strlen(t) + 1;
	return *t ? t : NULL;
}

const char *
catalog_lookup(const char *msgid)
{
	return catalog_nlookup(msgid, 1);
}

char *
ui_gettext(const char *msgid)
{
	struct memo *m = memo_slot(NULL, msgid);
	const char *t;

	if (memo_has(m, NULL, msgid))
		return (char *)m->answer;
	t = catalog_lookup(msgid);
	return (char *)memo_keep(m, NULL, msgid, t ? t : gettext(msgid));
}

char *
ui_ngettext(const char *singular, const char *plural, unsigned long n)
{
	const char *t = catalog_nlookup(singular, n);

	return t ? (char *)t : ngettext(singular, plural, n);
}

char *
ui_pgettext(const char *context, const char *msgid)
{
	struct memo *m = memo_slot(context, msgid);
	char key[256];
	const char *t;

	if (memo_has(m, context, msgid))
		return (char *)m->answer;
	/* Contexts and their messages here are short; a longer pair is not translated. */
	if ((size_t)snprintf(key, sizeof key, "%s\004%s", context, msgid) >= sizeof key)
		return (char *)msgid;
	if ((t = catalog_lookup(key)) != NULL)
		return (char *)memo_keep(m, context, msgid, t);
	t = dcgettext(NULL, key, LC_MESSAGES);
	return (char *)memo_keep(m, context, msgid, t == key ? msgid : t);
}
