/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.c: iniparser with what it lacks: line numbers, duplicate detection, escapes, long values. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "ini.h"
#include "text.h"
#include "util.h"

/* iniparser's own limit (ASCIILINESZ), continuation lines included. */
#define INI_LINE_MAX 1024
/* Parts of a long value we write stay well below it. */
#define INI_PART_MAX 760

static char *
strip(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static void
lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static int
add_key(struct ini *ini, const char *section, const char *key, int line)
{
	for (size_t i = 0; i < ini->nkeys; i++) {
		if (strcmp(ini->keys[i].section, section) == 0 && strcmp(ini->keys[i].key, key) == 0) {
			err_set(_("%s: line %d: the key '%s' appears twice in [%s] (first on line %d); keep one"),
			        ini->path, line, key, section, ini->keys[i].line);
			return -1;
		}
	}
	ini->keys = xrealloc(ini->keys, (ini->nkeys + 1) * sizeof *ini->keys);
	ini->keys[ini->nkeys].section = xstrdup(section);
	ini->keys[ini->nkeys].key = xstrdup(key);
	ini->keys[ini->nkeys].line = line;
	ini->nkeys++;
	return 0;
}

static int
add_section(struct ini *ini, const char *section, int line)
{
	for (size_t i = 0; i < ini->nsections; i++) {
		if (strcmp(ini->sections[i], section) == 0) {
			err_set(_("%s: line %d: the section [%s] appears twice; merge them into one"),
			        ini->path, line, section);
			return -1;
		}
	}
	ini->sections = xrealloc(ini->sections, (ini->nsections + 1) * sizeof *ini->sections);
	ini->section_lines = xrealloc(ini->section_lines, (ini->nsections + 1) * sizeof *ini->section_lines);
	ini->section_lines[ini->nsections] = line;
	ini->sections[ini->nsections++] = xstrdup(section);
	return 0;
}

/* Our first pass: the same line rules as iniparser 4.1's iniparser_load(). */
static int
lint(struct ini *ini, FILE *f)
{
	char line[INI_LINE_MAX * 4];
	struct buf logical;
	char section[INI_LINE_MAX + 1] = "";
	int lineno = 0, start = 0, rc = 0;

	buf_init(&logical);
	while (fgets(line, sizeof line, f)) {
		size_t len = strlen(line);
		char *s;

		lineno++;
		if (!start)
			start = lineno;
		/* iniparser would read a BOM as part of the first line and fail obscurely. */
		if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0) {
			err_set(_("%s: line 1: the file starts with a byte-order mark (BOM); "
			          "save it as UTF-8 without BOM"), ini->path);
			rc = -1;
			break;
		}
		if (len == sizeof line - 1 && line[len - 1] != '\n') {
			err_set(_("%s: line %d: the line is too long (the limit is %d bytes); "
			          "split the value into parts: KEY, KEY.2, KEY.3..."),
			        ini->path, lineno, INI_LINE_MAX - 1);
			rc = -1;
			break;
		}
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		buf_add(&logical, line, len);
		if (len > 0 && line[len - 1] == '\\') {
			/* A continuation: iniparser joins it to the next line. */
			logical.s[--logical.len] = '\0';
			continue;
		}
		if (logical.len >= INI_LINE_MAX - 1) {
			err_set(_("%s: line %d: the line is too long (the limit is %d bytes); "
			          "split the value into parts: KEY, KEY.2, KEY.3..."),
			        ini->path, start, INI_LINE_MAX - 2);
			rc = -1;
			break;
		}
		s = strip(logical.s ? logical.s : (char *)"");
		if (*s == '[') {
			char *end = strchr(s, ']');

			if (!end) {
				err_set(_("%s: line %d: a section name needs a closing ']': %.60s"),
				        ini->path, start, s);
				rc = -1;
				break;
			}
			if (end) {
				*end = '\0';
				snprintf(section, sizeof section, "%s", s + 1);
				s = strip(section);
				memmove(section, s, strlen(s) + 1);
				lower(section);
				if (add_section(ini, section, start) < 0) {
					rc = -1;
					break;
				}
			}
		} else if (*s && *s != ';' && *s != '#') {
			char *eq = strchr(s, '=');

			if (eq) {
				const char *v = eq + 1;

				while (*v == ' ' || *v == '\t')
					v++;
				/* iniparser quietly drops a lone opening quote: say it. */
				if ((*v == '"' || *v == '\'') && !strchr(v + 1, *v)) {
					*eq = '\0';
					err_set(_("%s: line %d: the value of '%s' starts with %c but does not end with one; "
					          "add the closing %c"), ini->path, start, strip(s), *v, *v);
					rc = -1;
					break;
				}
				*eq = '\0';
				s = strip(s);
				lower(s);
				if (!*section) {
					err_set(_("%s: line %d: '%s' is outside any [section]; "
					          "put it under the section it belongs to"),
					        ini->path, start, s);
					rc = -1;
					break;
				}
				if (add_key(ini, section, s, start) < 0) {
					rc = -1;
					break;
				}
			}
		}
		logical.len = 0;
		if (logical.s)
			logical.s[0] = '\0';
		start = 0;
	}
	buf_free(&logical);
	return rc;
}

static char parser_msg[512];

static int
capture_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(parser_msg, sizeof parser_msg, fmt, ap);
	va_end(ap);
	return 0;
}

int
ini_load(struct ini *ini, const char *path)
{
	FILE *f;
	int rc;

	memset(ini, 0, sizeof *ini);
	ini->path = xstrdup(path);
	if (!(f = fopen(path, "r"))) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = lint(ini, f);
	fclose(f);
	if (rc < 0)
		return -1;
	parser_msg[0] = '\0';
	iniparser_set_error_callback(capture_error);
	ini->dict = iniparser_load(path);
	if (!ini->dict) {
		/* iniparser says "iniparser: syntax error in FILE (LINE):\n-> TEXT". */
		const char *paren = strrchr(parser_msg, '(');
		int lineno = paren ? atoi(paren + 1) : 0;
		const char *text = strstr(parser_msg, "-> ");

		if (lineno > 0)
			err_set(_("%s: line %d: not a [section], a 'key = value' or a comment: %.80s"),
			        path, lineno, text ? strip((char *)text + 3) : "");
		else
			err_set(_("%s: cannot be read as INI"), path);
		return -1;
	}
	return 0;
}

void
ini_free(struct ini *ini)
{
	if (ini->dict)
		iniparser_freedict(ini->dict);
	for (size_t i = 0; i < ini->nkeys; i++) {
		free(ini->keys[i].section);
		free(ini->keys[i].key);
	}
	for (size_t i = 0; i < ini->nsections; i++)
		free(ini->sections[i]);
	free(ini->keys);
	free(ini->sections);
	free(ini->section_lines);
	free(ini->path);
	memset(ini, 0, sizeof *ini);
}

const char *
ini_raw(const struct ini *ini, const char *section, const char *key)
{
	char *full = xasprintf("%s:%s", section, key);
	const char *v;

	lower(full);
	v = iniparser_getstring(ini->dict, full, NULL);
	free(full);
	return v;
}

int
ini_line(const struct ini *ini, const char *section, const char *key)
{
	for (size_t i = 0; i < ini->nkeys; i++)
		if (strcmp(ini->keys[i].section, section) == 0 && strcmp(ini->keys[i].key, key) == 0)
			return ini->keys[i].line;
	return 0;
}

int
ini_section_line(const struct ini *ini, const char *section)
{
	for (size_t i = 0; i < ini->nsections; i++)
		if (strcmp(ini->sections[i], section) == 0)
			return ini->section_lines[i];
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
unescape(const struct ini *ini, const char *section, const char *key,
         const char *s, struct buf *out)
{
	for (; *s; s++) {
		int hi, lo;

		if (*s != '\\') {
			buf_putc(out, *s);
			continue;
		}
		switch (*++s) {
		case '\\': buf_putc(out, '\\'); break;
		case 'n': buf_putc(out, '\n'); break;
		case 't': buf_putc(out, '\t'); break;
		case 'x':
			if ((hi = hexval((unsigned char)s[1])) >= 0 && (lo = hexval((unsigned char)s[2])) >= 0) {
				buf_putc(out, (char)(hi * 16 + lo));
				s += 2;
				break;
			}
			/* fall through */
		default:
			err_set(_("%s: line %d: [%s] %s: unknown escape '\\%.1s'; "
			          "use \\\\ for a backslash, \\n, \\t or \\xHH"),
			        ini->path, ini_line(ini, section, key), section, key, *s ? s : "");
			return -1;
		}
	}
	return 0;
}

char *
ini_text(const struct ini *ini, const char *section, const char *key, int *bad)
{
	const char *raw = ini_raw(ini, section, key);
	struct buf out;

	if (!raw)
		return NULL;
	buf_init(&out);
	if (unescape(ini, section, key, raw, &out) < 0)
		goto fail;
	for (int part = 2;; part++) {
		char *pkey = xasprintf("%s.%d", key, part);

		raw = ini_raw(ini, section, pkey);
		if (raw && unescape(ini, section, pkey, raw, &out) < 0) {
			free(pkey);
			goto fail;
		}
		free(pkey);
		if (!raw)
			break;
	}
	if (out.s && !text_valid_utf8(out.s)) {
		err_set(_("%s: line %d: [%s] %s: the text is not UTF-8; save the file as UTF-8 "
		          "(in an editor: \"Save as\", encoding UTF-8)"),
		        ini->path, ini_line(ini, section, key), section, key);
		goto fail;
	}
	return buf_steal(&out);
fail:
	buf_free(&out);
	*bad = 1;
	return NULL;
}

int
ini_is_part(const char *key, const char *base)
{
	size_t n = strlen(base);
	long part;

	if (strncmp(key, base, n) != 0 || key[n] != '.')
		return 0;
	return parse_int(key + n + 1, 2, 100000, &part) == 0;
}

/* Can this text stand bare after "key = "? */
static int
bare_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ' || s[0] == '"' || s[0] == '\'')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ';' || c == '#' || c == '\\' || c < 0x20 || c == 0x7f)
			return 0;
	}
	return 1;
}

static void
write_part(FILE *f, const char *key, const char *s, size_t n)
{
	if (bare_ok(s, n)) {
		fprintf(f, "%s = %.*s\n", key, (int)n, s);
		return;
	}
	fprintf(f, "%s = \"", key);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\')
			fputs("\\\\", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '"' || c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	fputs("\"\n", f);
}

/* The escaped size of s[0..n), an upper bound on what write_part() prints. */
static size_t
escaped_len(const char *s, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		len += c == '\\' || c == '\n' || c == '\t' ? 2 : c == '"' || c < 0x20 || c == 0x7f ? 4 : 1;
	}
	return len;
}

void
ini_write(FILE *f, const char *key, const char *value)
{
	size_t left = strlen(value);
	int part = 1;

	if (left == 0) {
		fprintf(f, "%s = \"\"\n", key);
		return;
	}
	while (left > 0) {
		size_t n = 0, cut;

		/* Take whole UTF-8 characters while the escaped part stays short. */
		while (n < left) {
			size_t c = 1;

			while (n + c < left && ((unsigned char)value[n + c] & 0xc0) == 0x80)
				c++;
			if (escaped_len(value, n + c) > INI_PART_MAX)
				break;
			n += c;
		}
		/* Prefer to end a part after a space, so words stay whole. */
		cut = n;
		if (n < left) {
			while (cut > n / 2 && value[cut - 1] != ' ')
				cut--;
			if (cut <= n / 2)
				cut = n;
		}
		if (part == 1) {
			write_part(f, key, value, cut);
		} else {
			char *pkey = xasprintf("%s.%d", key, part);

			write_part(f, pkey, value, cut);
			free(pkey);
		}
		value += cut;
		left -= cut;
		part++;
	}
}
