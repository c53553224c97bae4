/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.h: iniparser with what it lacks: line numbers, duplicate detection, escapes, long values. */
#ifndef STYRKORT_INI_H
#define STYRKORT_INI_H

#include <stdio.h>

struct ini_key {
	char *section;          /* lowercased, as iniparser stores it */
	char *key;              /* lowercased, without the section */
	int line;
};

struct ini {
	char *path;
	void *dict;             /* the iniparser dictionary */
	struct ini_key *keys;   /* in file order */
	size_t nkeys;
	char **sections;        /* in file order, each once */
	int *section_lines;
	size_t nsections;
};

/*
 * Load PATH with iniparser after a first pass of our own that finds what
 * iniparser would silently accept: a key twice in one section, a section
 * twice, a line over iniparser's 1,024-byte limit.  On error err_set()
 * names the file and line and returns -1.
 */
int ini_load(struct ini *ini, const char *path);
void ini_free(struct ini *ini);

/* The raw value of section/key (NULL if absent); the line it came from. */
const char *ini_raw(const struct ini *ini, const char *section, const char *key);
int ini_line(const struct ini *ini, const char *section, const char *key);
int ini_section_line(const struct ini *ini, const char *section);

/*
 * The value with escapes (\\ \n \t \xHH) decoded and long-value parts
 * (key.2, key.3, ...) appended.  NULL if absent; on a bad escape err_set()
 * and *bad = 1.
 */
char *ini_text(const struct ini *ini, const char *section, const char *key, int *bad);

/* Write "key = value" (escaped, quoted when needed, split into parts when long). */
void ini_write(FILE *f, const char *key, const char *value);

/* Is key of the form base.N (N >= 2), a part of a long value? */
int ini_is_part(const char *key, const char *base);

#endif
