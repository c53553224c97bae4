/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.h: our INI grammar (styrkort(5)), checked line by line against what iniparser reads. */
#ifndef STYRKORT_INI_H
#define STYRKORT_INI_H

#include <stdio.h>

struct ini_key {
	char *section;          /* lowercased, as iniparser stores it */
	char *key;              /* lowercased, without the section */
	int line;
	char *value;            /* our reading: escapes decoded */
	char *as41, *as42;      /* what iniparser 4.1 and 4.2 read on the line */
};

struct ini {
	char *path;
	void *dict;             /* the iniparser dictionary */
	struct ini_key *keys;   /* in file order */
	size_t nkeys;
	char **sections;        /* in file order, each once */
	int *section_lines;
	size_t nsections;
	size_t *key_index;      /* look-ups by name (ini.c) */
	size_t *section_index;
};

/*
 * Read PATH once (input_read(): a size limit, a BOM dropped, UTF-16
 * refused) and lex it with our grammar, the one definition of a line:
 * blank, comment, [section] or key = value.  A line iniparser 4.1 or 4.2
 * could read otherwise is an error, and so is a key twice in one section,
 * a section twice or a line over iniparser's limit.  Then iniparser loads
 * the same bytes and must find exactly our sections and keys with the
 * values we predicted for it.  On error err_set() names the file and line
 * and returns -1.
 */
int ini_load(struct ini *ini, const char *path);
void ini_free(struct ini *ini);

/* The line section/key came from (0 if absent). */
int ini_line(const struct ini *ini, const char *section, const char *key);
int ini_section_line(const struct ini *ini, const char *section);

/*
 * The value with escapes (\\ \n \t \xHH) decoded and long-value parts
 * (key.2, key.3, ...) appended.  NULL if absent; if the text is not
 * UTF-8, err_set() and *bad = 1.
 */
char *ini_text(const struct ini *ini, const char *section, const char *key, int *bad);

/*
 * Write "key = value": bare with escapes, or in quotes when that needs no
 * escape; split into parts when long.  ini_text() reads it back unchanged
 * with every iniparser version.
 */
void ini_write(FILE *f, const char *key, const char *value);

/* Is key of the form base.N (N >= 2), a part of a long value? */
int ini_is_part(const char *key, const char *base);

#endif
