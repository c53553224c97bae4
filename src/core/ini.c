/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.c: our INI grammar (styrkort(5)), checked line by line against what iniparser reads. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "ini.h"
#include "input.h"
#include "text.h"
#include "util.h"

/* iniparser's own limit (ASCIILINESZ): a line and its '\n' fit in 1,023 bytes. */
#define INI_LINE_MAX 1022
/* Parts of a long value we write stay well below it. */
#define INI_PART_MAX 760
/* Sections and keys a file may hold together (styrkort(5)). */
#define INI_ENTRIES_MAX 10000

/* The whitespace both iniparser versions strip (isspace() in a UTF-8 or C locale). */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Strip s[0..*n) in place: returns the new start, *n the new length. */
static char *
strip_n(char *s, size_t *n)
{
	while (*n > 0 && is_space((unsigned char)*s)) {
		s++;
		(*n)--;
	}
	while (*n > 0 && is_space((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

static void
lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* A printable excerpt of a line for a message. */
static char *
excerpt(const char *s, size_t n)
{
	char *raw = xstrndup(s, n > 60 ? 60 : n), *safe = text_sanitize(raw, 0);

	free(raw);
	return safe;
}

/*
 * Room for one more section or key?  Each is checked against every one
 * before it, here and in iniparser's dictionary: the limit bounds the time
 * a file can take (real strategies have a few hundred).
 */
static int
room_for_one_more(const struct ini *ini, int line)
{
	if (ini->nkeys + ini->nsections < INI_ENTRIES_MAX)
		return 0;
	err_set(_("%s: line %d: more than %d sections and keys, the limit of a file; check that it is "
	          "the right file (a strategy can be imported in parts, each file with its [strategy])"),
	        ini->path, line, INI_ENTRIES_MAX);
	return -1;
}

/*
 * The index of what was read, for a look-up in constant time (a strategy
 * has thousands of keys): open addressing over places in file order + 1,
 * a section by its name, a key by its section and name.  Its size is a
 * power of two above twice the limit room_for_one_more() keeps.
 */
#define INI_INDEX_SIZE 32768

static size_t
index_hash(const char *section, const char *key)
{
	size_t h = 2166136261u;    /* FNV-1a */

	for (const char *p = section; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	if (key) {
		h = (h ^ '\n') * 16777619u;    /* no name holds a newline */
		for (const char *p = key; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
	}
	return h & (INI_INDEX_SIZE - 1);
}

static int
index_is(const struct ini *ini, size_t place, const char *section, const char *key)
{
	const struct ini_key *k;

	if (!key)
		return strcmp(ini->sections[place - 1], section) == 0;
	k = &ini->keys[place - 1];
	return strcmp(k->section, section) == 0 && strcmp(k->key, key) == 0;
}

/* The slot of section (key NULL) or section/key: where it is, or the empty one where it goes. */
static size_t
index_slot(const struct ini *ini, const char *section, const char *key)
{
	const size_t *slots = key ? ini->key_index : ini->section_index;
	size_t i = index_hash(section, key);

	while (slots[i] && !index_is(ini, slots[i], section, key))
		i = (i + 1) & (INI_INDEX_SIZE - 1);
	return i;
}

/* The place (index + 1) of section (key NULL) or section/key; 0 if absent. */
static size_t
index_find(const struct ini *ini, const char *section, const char *key)
{
	const size_t *slots = key ? ini->key_index : ini->section_index;

	return slots ? slots[index_slot(ini, section, key)] : 0;
}

/* After the entry was appended: its place is the count. */
static void
index_add(struct ini *ini, const char *section, const char *key)
{
	size_t **slots = key ? &ini->key_index : &ini->section_index;
	size_t i;

	if (!*slots)
		*slots = xcalloc(INI_INDEX_SIZE, sizeof **slots);
	i = index_slot(ini, section, key);
	(*slots)[i] = key ? ini->nkeys : ini->nsections;
}

static int
add_key(struct ini *ini, const char *section, const char *key, int line, char *value,
        char *as41, char *as42)
{
	struct ini_key *k;
	size_t first;

	if (room_for_one_more(ini, line) < 0)
		return -1;
	if ((first = index_find(ini, section, key))) {
		err_set(_("%s: line %d: the key '%s' appears twice in [%s] (first on line %d); keep one"),
		        ini->path, line, key, section, ini->keys[first - 1].line);
		return -1;
	}
	ini->keys = xrealloc(ini->keys, (ini->nkeys + 1) * sizeof *ini->keys);
	k = &ini->keys[ini->nkeys++];
	k->section = xstrdup(section);
	k->key = xstrdup(key);
	k->line = line;
	k->value = value;
	k->as41 = as41;
	k->as42 = as42;
	index_add(ini, section, key);
	return 0;
}

static int
add_section(struct ini *ini, const char *section, int line)
{
	if (room_for_one_more(ini, line) < 0)
		return -1;
	if (index_find(ini, section, NULL)) {
		err_set(_("%s: line %d: the section [%s] appears twice; merge them into one"),
		        ini->path, line, section);
		return -1;
	}
	ini->sections = xrealloc(ini->sections, (ini->nsections + 1) * sizeof *ini->sections);
	ini->section_lines = xrealloc(ini->section_lines, (ini->nsections + 1) * sizeof *ini->section_lines);
	ini->section_lines[ini->nsections] = line;
	ini->sections[ini->nsections++] = xstrdup(section);
	index_add(ini, section, NULL);
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

/* Our escapes, in bare and quoted values alike: \\ \n \t \xHH. */
static char *
unescape(const struct ini *ini, int line, const char *section, const char *key,
         const char *s, size_t n)
{
	struct buf out;

	buf_init(&out);
	buf_add(&out, "", 0);
	for (size_t i = 0; i < n; i++) {
		int hi, lo;

		if (s[i] != '\\') {
			buf_putc(&out, s[i]);
			continue;
		}
		i++;
		switch (i < n ? s[i] : '\0') {
		case '\\': buf_putc(&out, '\\'); break;
		case 'n': buf_putc(&out, '\n'); break;
		case 't': buf_putc(&out, '\t'); break;
		case 'x':
			if (i + 2 < n && (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
			    (lo = hexval((unsigned char)s[i + 2])) >= 0 && hi + lo > 0) {
				buf_putc(&out, (char)(hi * 16 + lo));
				i += 2;
				break;
			}
			/* fall through */
		default: {
			char *what = excerpt(s + i, i < n ? 1 : 0);

			err_set(_("%s: line %d: [%s] %s: unknown escape '\\%s'; "
			          "use \\\\ for a backslash, \\n, \\t or \\xHH"),
			        ini->path, line, section, key, what);
			free(what);
			buf_free(&out);
			return NULL;
		}
		}
	}
	return buf_steal(&out);
}

/* What iniparser 4.2's parse_quoted_value() makes of the text after an opening quote. */
static char *
as_iniparser42(const char *s, size_t n, char quote)
{
	struct buf out;

	buf_init(&out);
	buf_add(&out, "", 0);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			if (++i >= n)
				break;
		} else if (s[i] == quote) {
			break;
		}
		buf_putc(&out, s[i]);
	}
	return buf_steal(&out);
}

static int
key_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* A "[name]" line: the name, checked, becomes the current section. */
static int
lex_section(struct ini *ini, int lineno, char *s, size_t len, char *section, size_t section_size)
{
	char *name, *what, *close = memchr(s, ']', len);
	size_t nlen;

	if (s[len - 1] != ']') {
		what = excerpt(s, len);
		if (close)
			err_set(_("%s: line %d: text after the section's ']': %s; "
			          "put a key on a line of its own, under the section"),
			        ini->path, lineno, what);
		else
			err_set(_("%s: line %d: a section name needs a closing ']': %s"),
			        ini->path, lineno, what);
		free(what);
		return -1;
	}
	nlen = len - 2;
	name = strip_n(s + 1, &nlen);
	for (size_t i = 0; i < nlen; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '[' || c == ']' || c == ':' || c < 0x20 || c == 0x7f) {
			what = excerpt(s, len);
			err_set(_("%s: line %d: a section name may not contain '[', ']', ':' or control "
			          "characters: %s"), ini->path, lineno, what);
			free(what);
			return -1;
		}
	}
	if (nlen == 0 || nlen >= section_size) {
		err_set(_("%s: line %d: a section needs a name, such as [strategy]"), ini->path, lineno);
		return -1;
	}
	memcpy(section, name, nlen);
	section[nlen] = '\0';
	if (!text_valid_utf8(section)) {
		err_set(_("%s: line %d: the section name is not UTF-8; save the file as UTF-8 "
		          "(in an editor: \"Save as\", encoding UTF-8)"), ini->path, lineno);
		return -1;
	}
	lower_ascii(section);
	return add_section(ini, section, lineno);
}

/* The key before '=' (s to eq), checked and lowercased in place; NULL with err_set(). */
static char *
lex_key_name(const struct ini *ini, int lineno, char *s, const char *eq, const char *section)
{
	size_t klen = (size_t)(eq - s);
	char *key = strip_n(s, &klen);

	for (size_t i = 0; i <= klen; i++) {
		if (i < klen ? !key_char((unsigned char)key[i]) : klen == 0) {
			char *what = excerpt(s, (size_t)(eq - s));

			err_set(_("%s: line %d: '%s' is not a key: a key is letters a-z, digits, "
			          "'.', '-' and '_'"), ini->path, lineno, what);
			free(what);
			return NULL;
		}
	}
	key[klen] = '\0';
	lower_ascii(key);
	if (!*section) {
		err_set(_("%s: line %d: '%s' is outside any [section]; "
		          "put it under the section it belongs to"), ini->path, lineno, key);
		return NULL;
	}
	return key;
}

/* A value as this parser reads it, and as iniparser 4.1 and 4.2 would (for the warnings). */
struct lexed_value { char *value, *as41, *as42; };

/* A value in quotes (v starts with the quote); -1 with err_set(). */
static int
lex_quoted(struct ini *ini, int lineno, const char *section, const char *key, char *v, size_t vlen,
           struct lexed_value *out)
{
	char q = *v, *close = memchr(v + 1, q, vlen - 1);
	char *rest;
	size_t rlen;

	if (!close) {
		err_set(_("%s: line %d: the value of '%s' starts with %c but does not end with one; "
		          "add the closing %c"), ini->path, lineno, key, q, q);
		return -1;
	}
	rlen = vlen - (size_t)(close + 1 - v);
	rest = strip_n(close + 1, &rlen);
	if (rlen > 0 && *rest != ';' && *rest != '#') {
		char *what = excerpt(rest, rlen);

		err_set(_("%s: line %d: [%s] %s: text after the closing %c: %s; "
		          "put it inside the quotes, or start a comment with ;"),
		        ini->path, lineno, section, key, q, what);
		free(what);
		return -1;
	}
	/* 4.1 takes the text up to the closing quote; 4.2 drops backslashes too. */
	out->as41 = xstrndup(v + 1, (size_t)(close - v - 1));
	out->as42 = as_iniparser42(v + 1, vlen - 1, q);
	out->value = unescape(ini, lineno, section, key, v + 1, (size_t)(close - v - 1));
	return 0;
}

/* A bare value: it ends at ';' or '#', the rest is a comment. */
static void
lex_bare(struct ini *ini, int lineno, const char *section, const char *key, char *v, size_t vlen,
         struct lexed_value *out)
{
	size_t n = 0;

	while (n < vlen && v[n] != ';' && v[n] != '#')
		n++;
	v = strip_n(v, &n);
	out->as41 = xstrndup(v, n);
	out->as42 = xstrdup(out->as41);
	out->value = unescape(ini, lineno, section, key, v, n);
}

/* A "key = value" line in the current section. */
static int
lex_key(struct ini *ini, int lineno, char *s, size_t len, const char *section)
{
	char *eq = memchr(s, '=', len), *key, *v;
	struct lexed_value lv = { NULL, NULL, NULL };
	size_t vlen;

	if (!eq) {
		char *what = excerpt(s, len);

		err_set(_("%s: line %d: not a [section], a 'key = value' or a comment: %s"),
		        ini->path, lineno, what);
		free(what);
		return -1;
	}
	if (!(key = lex_key_name(ini, lineno, s, eq, section)))
		return -1;
	vlen = len - (size_t)(eq + 1 - s);
	v = strip_n(eq + 1, &vlen);
	if (vlen > 0 && (*v == '"' || *v == '\'')) {
		if (lex_quoted(ini, lineno, section, key, v, vlen, &lv) < 0)
			return -1;
	} else {
		lex_bare(ini, lineno, section, key, v, vlen, &lv);
	}
	if (!lv.value || add_key(ini, section, key, lineno, lv.value, lv.as41, lv.as42) < 0) {
		free(lv.value);
		free(lv.as41);
		free(lv.as42);
		return -1;
	}
	return 0;
}

/* One line (without its '\n'); section is the current one. */
static int
lex_line(struct ini *ini, int lineno, char *line, size_t len, char *section, size_t section_size)
{
	char *s = strip_n(line, &len);

	if (len == 0 || *s == ';' || *s == '#')
		return 0;
	if (*s == '[')
		return lex_section(ini, lineno, s, len, section, section_size);
	return lex_key(ini, lineno, s, len, section);
}

/* The key of a "key = value" line that is too long, for the message; 0 if it has none. */
static int
long_line_key(const char *s, size_t n, char *key, size_t size)
{
	const char *eq = memchr(s, '=', n < size ? n : size);
	size_t a = 0, b;

	if (!eq)
		return 0;
	b = (size_t)(eq - s);
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	if (a == b)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_')
			return 0;
	snprintf(key, size, "%.*s", (int)(b - a), s + a);
	return 1;
}

/*
 * The one definition of a line of our INI files (styrkort(5)).  A line
 * ending in a backslash goes on with the next, as in both iniparser
 * versions: the backslash is dropped and the next line appended as it is.
 */
static int
lex(struct ini *ini, const char *text, size_t len)
{
	char section[INI_LINE_MAX + 1] = "";
	char line[INI_LINE_MAX + 2];
	size_t last = 0;
	int lineno = 0, start = 0;

	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		if (!start)
			start = lineno;
		/* iniparser reads a line and its '\n' into 1,023 bytes, after what it continues. */
		if (last + n > INI_LINE_MAX) {
			char key[65];

			if (long_line_key(last ? line : p, last ? last : n, key, sizeof key))
				err_set(_("%s: line %d: the line is too long (the limit is %d bytes); "
				          "split the value into parts: %s, %s.2, %s.3..."),
				        ini->path, start, INI_LINE_MAX, key, key, key);
			else
				err_set(_("%s: line %d: the line is too long (the limit is %d bytes); "
				          "split the value into parts: KEY, KEY.2, KEY.3..."),
				        ini->path, start, INI_LINE_MAX);
			return -1;
		}
		memcpy(line + last, p, n);
		n += last;
		line[n] = '\0';
		p += n - last + 1;
		while (n > 0 && is_space((unsigned char)line[n - 1]))
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\\') {
			last = n - 1;
			if (p >= end) {
				err_set(_("%s: line %d: the last line ends with a backslash, which iniparser reads "
				          "as continued on a next line that is not there; remove it, or write a "
				          "backslash at the end of a value as \\x5c"), ini->path, lineno);
				return -1;
			}
			continue;
		}
		last = 0;
		if (lex_line(ini, start, line, n, section, sizeof section) < 0)
			return -1;
		start = 0;
	}
	return 0;
}

/* iniparser reads only named files (4.1 has no iniparser_load_file()): a copy of the text. */
static char *
write_copy(const struct ini *ini, const char *text, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;
	FILE *f = NULL;
	int fd, closed;

	if (!dir || !*dir)
		dir = "/tmp";
	tmp = xasprintf("%s/styrkort-ini-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) >= 0 && (f = fdopen(fd, "w")) != NULL && fwrite(text, 1, len, f) == len) {
		/* fclose() closes f even when it fails: never again below (gcc -fanalyzer). */
		closed = fclose(f);
		f = NULL;
		if (closed == 0)
			return tmp;
		fd = -2;        /* closed with f */
	}
	err_set(_("%s: cannot make a copy for iniparser in %s (%s); set TMPDIR to a writable directory"),
	        ini->path, dir, strerror(errno));
	if (f)
		fclose(f);
	else if (fd >= 0)
		close(fd);
	if (fd >= 0 || fd == -2)
		unlink(tmp);
	free(tmp);
	return NULL;
}

/* iniparser's own messages name the copy: ours name the file. */
static int
quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* Every section and key as our lexer read it, and nothing else, in iniparser's dictionary. */
static int
cross_check(struct ini *ini)
{
	dictionary *d = ini->dict;
	int nkeys;

	for (size_t i = 0; i < ini->nsections; i++) {
		if (!iniparser_find_entry(d, ini->sections[i])) {
			err_set(_("%s: line %d: iniparser does not read the section [%s] as styrkort does; "
			          "write its name in lowercase a-z, digits, '.', '-' and '_'"),
			        ini->path, ini->section_lines[i], ini->sections[i]);
			return -1;
		}
	}
	/* Every entry of the dictionary is a section or a key ("section:key"); counting them by section is quadratic. */
	nkeys = d->n - iniparser_getnsec(d);
	for (size_t i = 0; i < ini->nkeys; i++) {
		const struct ini_key *k = &ini->keys[i];
		char *full = xasprintf("%s:%s", k->section, k->key);
		const char *v = iniparser_getstring(d, full, NULL);

		free(full);
		if (!v || (strcmp(v, k->as41) != 0 && strcmp(v, k->as42) != 0)) {
			char *what = excerpt(v ? v : "", v ? strlen(v) : 0);

			err_set(_("%s: line %d: iniparser reads [%s] %s differently from styrkort (as '%s'); "
			          "write the line as styrkort(5) describes"),
			        ini->path, k->line, k->section, k->key, what);
			free(what);
			return -1;
		}
	}
	if (iniparser_getnsec(d) != (int)ini->nsections || nkeys != (int)ini->nkeys) {
		err_set(_("%s: iniparser finds %d sections and %d keys where styrkort finds %d and %d; "
		          "write every line as styrkort(5) describes"),
		        ini->path, iniparser_getnsec(d), nkeys, (int)ini->nsections, (int)ini->nkeys);
		return -1;
	}
	return 0;
}

int
ini_load(struct ini *ini, const char *path)
{
	char *text, *copy;
	size_t len;
	int rc;

	memset(ini, 0, sizeof *ini);
	ini->path = xstrdup(path);
	if (input_read(path, &text, &len) < 0)
		return -1;
	copy = write_copy(ini, text, len);
	rc = copy ? lex(ini, text, len) : -1;
	free(text);
	if (rc == 0) {
		iniparser_set_error_callback(quiet);
		ini->dict = iniparser_load(copy);
		if (!ini->dict) {
			err_set(_("%s: iniparser cannot read the file although styrkort can; "
			          "please report this with the file"), path);
			rc = -1;
		}
	}
	if (copy) {
		unlink(copy);
		free(copy);
	}
	return rc < 0 ? -1 : cross_check(ini);
}

void
ini_free(struct ini *ini)
{
	if (ini->dict)
		iniparser_freedict(ini->dict);
	for (size_t i = 0; i < ini->nkeys; i++) {
		free(ini->keys[i].section);
		free(ini->keys[i].key);
		free(ini->keys[i].value);
		free(ini->keys[i].as41);
		free(ini->keys[i].as42);
	}
	for (size_t i = 0; i < ini->nsections; i++)
		free(ini->sections[i]);
	free(ini->key_index);
	free(ini->section_index);
	free(ini->keys);
	free(ini->sections);
	free(ini->section_lines);
	free(ini->path);
	memset(ini, 0, sizeof *ini);
}

static const struct ini_key *
find_key(const struct ini *ini, const char *section, const char *key)
{
	size_t place = index_find(ini, section, key);

	return place ? &ini->keys[place - 1] : NULL;
}

int
ini_line(const struct ini *ini, const char *section, const char *key)
{
	const struct ini_key *k = find_key(ini, section, key);

	return k ? k->line : 0;
}

int
ini_section_line(const struct ini *ini, const char *section)
{
	size_t place = index_find(ini, section, NULL);

	return place ? ini->section_lines[place - 1] : 0;
}

char *
ini_text(const struct ini *ini, const char *section, const char *key, int *bad)
{
	const struct ini_key *k = find_key(ini, section, key);
	struct buf out;

	if (!k)
		return NULL;
	buf_init(&out);
	buf_puts(&out, k->value);
	for (int part = 2;; part++) {
		char *pkey = xasprintf("%s.%d", key, part);
		const struct ini_key *p = find_key(ini, section, pkey);

		free(pkey);
		if (!p)
			break;
		buf_puts(&out, p->value);
	}
	buf_add(&out, "", 0);
	if (!text_valid_utf8(out.s)) {
		err_set(_("%s: line %d: [%s] %s: the text is not UTF-8; save the file as UTF-8 "
		          "(in an editor: \"Save as\", encoding UTF-8)"),
		        ini->path, k->line, section, key);
		buf_free(&out);
		*bad = 1;
		return NULL;
	}
	return buf_steal(&out);
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

static int
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/*
 * Write one part.  In quotes only when the text needs them (a ';' or '#',
 * a space or a quote at an edge) and needs no escape; else bare, escaped.
 * Either way both iniparser versions read the same bytes.
 */
static void
write_part(FILE *f, const char *key, const char *s, size_t n)
{
	int quote = 0, escape = 0, dquote = 0;

	if (n == 0) {
		fprintf(f, "%s = \"\"\n", key);
		return;
	}
	quote = s[0] == ' ' || s[n - 1] == ' ' || s[0] == '"' || s[0] == '\'';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		quote |= c == ';' || c == '#';
		escape |= c == '\\' || is_control(c);
		dquote |= c == '"';
	}
	if (quote && !escape && !dquote) {
		fprintf(f, "%s = \"%.*s\"\n", key, (int)n, s);
		return;
	}
	fprintf(f, "%s = ", key);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int edge = i == 0 || i == n - 1;

		if (c == '\\' && i < n - 1)
			fputs("\\\\", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\\' || c == ';' || c == '#' || is_control(c) ||
		         (edge && c == ' ') || (i == 0 && (c == '"' || c == '\'')))
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	fputc('\n', f);
}

/* An upper bound on what write_part() prints for s[0..n), without the key. */
static size_t
escaped_len(const char *s, size_t n)
{
	size_t len = 8;         /* the quotes, or escapes at the edges */

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		len += c == '\\' || c == '\n' || c == '\t' ? 2 : c == ';' || c == '#' || is_control(c) ? 4 : 1;
	}
	return len;
}

void
ini_write(FILE *f, const char *key, const char *value)
{
	size_t left = strlen(value);
	int part = 1;

	if (left == 0) {
		write_part(f, key, value, 0);
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
