/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scb.c: Statistics Sweden's tables (the PxWeb CSV export, JSON-stat 2.0) read as an indicator's values. */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "scb.h"
#include "text.h"
#include "util.h"

/*
 * What the formats are (checked against their documentation and SCB's own
 * output; man/styrkort.5 says it for users):
 *
 * The PxWeb CSV export (Statistikdatabasen, "Spara som": comma or
 * semicolon separated, with or without a heading): an optional title line,
 * blank lines, then a header whose stub columns are the variables (region,
 * kön, ålder...) and whose other columns are one per period ("2023") or
 * contents and period ("Folkmängd 2023"); a row per combination of the
 * stub variables.  Regions are "0883 Västervik", "08 Kalmar län",
 * "00 Riket" (code and text) or the text alone.  Missing values are PC-Axis
 * dot codes (the PX file format's DATASYMBOL1-6: "." to "......", ".."
 * being "not available"); "-" is DATASYMBOLNIL, a value that is exactly
 * zero.  Windows-1252 or UTF-8 (input_read_8bit()).
 *
 * JSON-stat 2.0 (json-stat.org/format; PxWebApi's outputFormat=json-stat2):
 * a dataset {"version": "2.0", "class": "dataset", "label", "id": [...],
 * "size": [...], "dimension": {ID: {"label", "category": {"index",
 * "label"}}}, "value": [...] or {"POS": v}, "role": {"time": [...],
 * "geo": [...], "metric": [...]}, "extension": {"px": {"tableid"}}}.
 * Values are in row-major order over id, the last dimension fastest; null
 * is no data (its dot code is in "status").  SCB names its dimensions
 * Region, Kon (categories 1 män, 2 kvinnor, 1+2 totalt), ContentsCode
 * (role metric) and Tid (role time); it gives no geo role, so the region
 * is found by role or by name.
 */

/*
 * What a table may have: SCB's API gives at most 150,000 values at a time;
 * more is not a table of one indicator and would only take time and memory.
 */
#define SCB_MAX_DIMS 32
#define SCB_MAX_VALUES 500000

/* A variable's role, found by its name when the table gives no role; one table for both formats. */
enum scb_role { ROLE_OTHER, ROLE_REGION, ROLE_SEX, ROLE_TIME, ROLE_CONTENTS };

static const struct {
	const char *name;       /* folded (fold()) */
	enum scb_role role;
} role_names[] = {
	{ "region", ROLE_REGION }, { "kommun", ROLE_REGION }, { "län", ROLE_REGION },
	{ "municipality", ROLE_REGION }, { "county", ROLE_REGION }, { "område", ROLE_REGION },
	{ "kon", ROLE_SEX }, { "kön", ROLE_SEX }, { "sex", ROLE_SEX }, { "gender", ROLE_SEX },
	{ "tid", ROLE_TIME }, { "år", ROLE_TIME }, { "time", ROLE_TIME }, { "year", ROLE_TIME },
	{ "contentscode", ROLE_CONTENTS }, { "tabellinnehåll", ROLE_CONTENTS }, { "contents", ROLE_CONTENTS },
};

/* SCB's words and codes for the sexes, in Swedish and English (folded), and ours. */
static const struct {
	const char *word;
	char sex;
} sex_words[] = {
	{ "kvinnor", 'K' }, { "women", 'K' }, { "2", 'K' }, { "k", 'K' },
	{ "män", 'M' }, { "men", 'M' }, { "1", 'M' }, { "m", 'M' },
	{ "totalt", 'T' }, { "total", 'T' }, { "båda könen", 'T' }, { "both sexes", 'T' }, { "1+2", 'T' },
	{ "t", 'T' },
};

/* The country's names where a table gives no code. */
static const char *const country_names[] = { "riket", "hela riket", "sweden", "sverige" };

/* S in lower case: ASCII and the Latin-1 letters (Å Ä Ö É...), so "MÄN" is "män" in any locale (a new string). */
static char *
fold(const char *s)
{
	char *f = xstrdup(s);

	for (unsigned char *p = (unsigned char *)f; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97) {
			p++;
			*p = (unsigned char)(*p + 0x20);
		}
	}
	return f;
}

/* Do A and B read the same, in any case? */
static int
same_word(const char *a, const char *b)
{
	char *fa = fold(a), *fb = fold(b);
	int same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

static enum scb_role
role_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof role_names / sizeof *role_names; i++)
		if (same_word(name, role_names[i].name))
			return role_names[i].role;
	return ROLE_OTHER;
}

/* T, K or M for a sex as SCB writes it ("kvinnor", "2", "2 kvinnor"), or 0. */
static char
sex_of(const char *s)
{
	const char *space = strchr(s, ' ');

	for (size_t i = 0; i < sizeof sex_words / sizeof *sex_words; i++)
		if (same_word(s, sex_words[i].word))
			return sex_words[i].sex;
	return space && strchr("12", *s) ? sex_of(space + 1) : 0;
}

/* SCB's period ("2023", "2023K1") as ours ("2023", "2023-Q1") into out; -1 if it is not one. */
static int
period_of(const char *s, char *out, size_t n)
{
	char tmp[16];

	if (strlen(s) == 6 && (s[4] == 'K' || s[4] == 'k' || s[4] == 'Q' || s[4] == 'q')) {
		snprintf(tmp, sizeof tmp, "%.4s-Q%c", s, s[5]);
		s = tmp;
	}
	return parse_period(s, out, n, NULL);
}

/* A value as SCB writes it, as ours: dot codes are no data (""), "-" is zero, "18 163" is 18163 (a new string). */
static char *
value_of(const char *s)
{
	struct buf b;

	while (*s == ' ')
		s++;
	if (*s && strspn(s, ".") == strlen(s) && strlen(s) <= 6)
		return xstrdup("");
	if (strcmp(s, "-") == 0 || strcmp(s, "\u2013") == 0)
		return xstrdup("0");
	buf_init(&b);
	for (; *s; s++) {
		/* A space, a no-break space or a narrow one between digits groups thousands. */
		size_t gap = *s == ' ' ? 1 : strncmp(s, "\u00a0", 2) == 0 ? 2 : strncmp(s, "\u202f", 3) == 0 ? 3 : 0;

		if (gap && b.s && b.s[0] && s[gap] >= '0' && s[gap] <= '9') {
			s += gap - 1;
			continue;
		}
		if (gap && !s[gap])
			break;
		buf_putc(&b, *s);
	}
	return b.s ? buf_steal(&b) : xstrdup("");
}

/* A cell more; -1 with err_set() past SCB_MAX_VALUES. */
static int
add_cell(struct scb_table *t, int where, const char *code, const char *name, char sex, const char *period,
         const char *contents, const char *value)
{
	struct scb_cell *c;

	if (t->n == SCB_MAX_VALUES) {
		err_set(_("%s: the table has more than %d values; choose fewer regions or years in SCB's table"),
		        t->path, SCB_MAX_VALUES);
		return -1;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cell = xrealloc(t->cell, t->cap * sizeof *t->cell);
	}
	c = &t->cell[t->n++];
	c->where = where;
	c->region_code = code ? xstrdup(code) : NULL;
	c->region_name = xstrdup(name);
	c->sex = sex;
	c->period = xstrdup(period);
	c->contents = xstrdup(contents ? contents : "");
	c->value = value_of(value);
	return 0;
}

void
scb_table_free(struct scb_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->cell[i].region_code);
		free(t->cell[i].region_name);
		free(t->cell[i].period);
		free(t->cell[i].contents);
		free(t->cell[i].value);
	}
	free(t->cell);
	free(t->title);
	free(t->table_id);
	memset(t, 0, sizeof *t);
}

/* "0883 Västervik" as its code and name (code NULL when the label does not start with one; free both). */
static void
split_region(const char *label, char **code, char **name)
{
	size_t d = strspn(label, "0123456789");

	*code = NULL;
	if ((d == 2 || d == 4) && label[d] == ' ') {
		*code = xstrndup(label, d);
		label += d + 1;
	}
	*name = xstrdup(label);
}

int
scb_series(const struct scb_area *a, const char *code, const char *name)
{
	if (code) {
		if (strcmp(code, "00") == 0)
			return SERIES_COUNTRY;
		if (a->code && strcmp(code, a->code) == 0)
			return SERIES_MUNICIPALITY;
		if (a->code && strlen(code) == 2 && strncmp(code, a->code, 2) == 0)
			return SERIES_COUNTY;
		return -1;
	}
	for (size_t i = 0; i < sizeof country_names / sizeof *country_names; i++)
		if (same_word(name, country_names[i]))
			return SERIES_COUNTRY;
	if (a->municipality && same_word(name, a->municipality))
		return SERIES_MUNICIPALITY;
	if (a->county && same_word(name, a->county))
		return SERIES_COUNTY;
	return -1;
}

/* ---- The PxWeb CSV export ---- */

/* The records of a CSV text, each with the line it starts on. */
struct record {
	int line, end;          /* where it starts and ends */
	char **f;
	size_t nf;
};

struct records {
	struct record *v;
	size_t n;
	char **f;               /* the record being read */
	size_t nf;
	int line;               /* the line being read */
};

static void
on_field(void *s, size_t len, void *data)
{
	struct records *r = data;
	char *f = s ? xstrndup(s, len) : xstrdup(""), *e = f + strlen(f);

	while (e > f && (e[-1] == ' ' || e[-1] == '\r'))
		*--e = '\0';
	r->f = xrealloc(r->f, (r->nf + 1) * sizeof *r->f);
	r->f[r->nf++] = f;
}

static void
on_record(int c, void *data)
{
	struct records *r = data;

	(void)c;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	/* It ends on the line being read; libcsv reports no blank line, so count back over its own new lines. */
	r->v[r->n].end = r->line;
	r->v[r->n].line = r->line;
	for (size_t i = 0; i < r->nf; i++)
		for (const char *p = r->f[i]; (p = strchr(p, '\n')) != NULL; p++)
			r->v[r->n].line--;
	r->v[r->n].f = r->f;
	r->v[r->n].nf = r->nf;
	r->n++;
	r->f = NULL;
	r->nf = 0;
}

static void
records_free(struct records *r)
{
	for (size_t i = 0; i < r->n; i++) {
		for (size_t j = 0; j < r->v[i].nf; j++)
			free(r->v[i].f[j]);
		free(r->v[i].f);
	}
	free(r->v);
	for (size_t j = 0; j < r->nf; j++)
		free(r->f[j]);
	free(r->f);
}

/* How often c stands outside quotes in the line [s, end). */
static int
count_outside(const char *s, const char *end, char c)
{
	int n = 0, quoted = 0;

	for (; s < end && *s != '\n'; s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (*s == c && !quoted)
			n++;
	}
	return n;
}

/* The separator of the first line that has one outside quotes (a title has none): the most of ; , tab; 0 if none. */
static char
separator(const char *text, const char *end)
{
	static const char seps[] = ";,\t";

	for (const char *line = text; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		int best = 0, n;
		char sep = 0;

		for (const char *c = seps; *c; c++)
			if ((n = count_outside(line, end, *c)) > best) {
				best = n;
				sep = *c;
			}
		if (sep)
			return sep;
		line = nl ? nl + 1 : end;
	}
	return 0;
}

/* All the records of the text, separated by delim; -1 with err_set() naming the line. */
static int
read_records(const char *text, size_t len, const char *path, char delim, struct records *r)
{
	struct csv_parser p;
	int rc = 0;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
		err_set("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	csv_set_delim(&p, delim);
	for (const char *line = text, *end = text + len; line < end && rc == 0;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);

		r->line++;
		if (csv_parse(&p, line, n, on_field, on_record, r) != n)
			rc = -1;
		line += n;
	}
	if (rc == 0 && csv_fini(&p, on_field, on_record, r) != 0)
		rc = -1;
	if (rc < 0)
		err_set(_("%s: line %d: %s"), path, r->line, csv_strerror(csv_error(&p)));
	csv_free(&p);
	return rc;
}

/* Is every field of the record empty? */
static int
blank(const struct record *rec)
{
	for (size_t i = 0; i < rec->nf; i++)
		if (*rec->f[i])
			return 0;
	return 1;
}

/* A header field that is a period column ("2023", "Folkmängd 2023"): its period (ours) and contents. */
static int
period_column(const char *field, char *period, size_t n, char **contents)
{
	const char *last = strrchr(field, ' ');

	if (period_of(last ? last + 1 : field, period, n) < 0)
		return -1;
	*contents = last ? xstrndup(field, (size_t)(last - field)) : xstrdup("");
	return 0;
}

/* The CSV's columns: the role of each (ROLE_TIME: a period column with its period and contents). */
struct columns {
	size_t n;
	enum scb_role *role;
	char (*period)[16];
	char **contents;
	char **first;           /* an other variable's value on the first data row */
	size_t region, sex;     /* their columns; n if none */
	size_t time, value;     /* the long form's period and value columns ("år", "Folkmängd"); n if none */
};

static void
columns_free(struct columns *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->contents[i]);
		free(c->first[i]);
	}
	free(c->role);
	free(c->period);
	free(c->contents);
	free(c->first);
}

/*
 * The header's columns into c: the wide form (a column per period) or the
 * long form (a time column such as "år" and the value in the last column,
 * named by its contents).  How many value columns: 0 if none (not an SCB
 * table).
 */
static int
read_header(const struct record *h, struct columns *c)
{
	int periods = 0;

	c->n = h->nf;
	c->role = xcalloc(c->n, sizeof *c->role);
	c->period = xcalloc(c->n, sizeof *c->period);
	c->contents = xcalloc(c->n, sizeof *c->contents);
	c->first = xcalloc(c->n, sizeof *c->first);
	c->region = c->sex = c->time = c->value = c->n;
	for (size_t i = 0; i < c->n; i++) {
		size_t *at[] = { [ROLE_REGION] = &c->region, [ROLE_SEX] = &c->sex, [ROLE_TIME] = &c->time };
		enum scb_role role;

		if (period_column(h->f[i], c->period[i], sizeof c->period[i], &c->contents[i]) == 0) {
			c->role[i] = ROLE_TIME;
			periods++;
			continue;
		}
		role = role_by_name(h->f[i]);
		c->role[i] = ROLE_OTHER;
		if (role != ROLE_OTHER && role != ROLE_CONTENTS && *at[role] == c->n) {
			*at[role] = i;
			c->role[i] = role;
		}
	}
	/* The long form needs its region column too: "kpi,year,gender,v" is a mistaken header of ours. */
	if (periods || c->time == c->n || c->region == c->n || c->role[c->n - 1] != ROLE_OTHER)
		return periods;
	c->value = c->n - 1;
	c->role[c->value] = ROLE_CONTENTS;
	c->contents[c->value] = xstrdup(h->f[c->value]);
	return 1;
}

/* A variable column other than region and sex must say the same on every row: else the table is too wide. */
static int
check_other(const char *path, const struct record *h, const struct record *rec, struct columns *c, size_t i)
{
	if (!c->first[i]) {
		c->first[i] = xstrdup(rec->f[i]);
		return 0;
	}
	if (strcmp(c->first[i], rec->f[i]) == 0)
		return 0;
	err_set(_("%s: line %d: the column '%s' has more than one value ('%s', '%s'), so a region, sex and "
	          "year would have several values; choose one value of '%s' in SCB's table before you save it"),
	        path, rec->line, h->f[i], c->first[i], rec->f[i], h->f[i]);
	return -1;
}

/* One data row into cells; -1 with err_set() naming its line. */
static int
read_row(const char *path, const struct record *h, const struct record *rec, struct columns *c,
         struct scb_table *t)
{
	char *code, *name, sex;
	int rc = 0;

	if (rec->nf != c->n) {
		err_set(_("%s: line %d: expected %zu fields as in the header (line %d), found %zu"),
		        path, rec->line, c->n, h->line, rec->nf);
		return -1;
	}
	sex = c->sex < c->n ? sex_of(rec->f[c->sex]) : 'T';
	if (!sex) {
		err_set(_("%s: line %d: sex '%s': expected kvinnor, män or totalt (women, men, total)"),
		        path, rec->line, rec->f[c->sex]);
		return -1;
	}
	if (!*rec->f[c->region]) {
		err_set(_("%s: line %d: the region is empty"), path, rec->line);
		return -1;
	}
	for (size_t i = 0; i < c->n; i++)
		if (c->role[i] == ROLE_OTHER && check_other(path, h, rec, c, i) < 0)
			return -1;
	if (c->value < c->n && period_of(rec->f[c->time], c->period[c->value], sizeof c->period[c->value]) < 0) {
		err_set(_("%s: line %d: period '%s': expected a year (2023) or a quarter (2023K1)"),
		        path, rec->line, rec->f[c->time]);
		return -1;
	}
	split_region(rec->f[c->region], &code, &name);
	for (size_t i = 0; i < c->n && rc == 0; i++)
		if ((c->role[i] == ROLE_TIME && i != c->time) || i == c->value)
			rc = add_cell(t, rec->line, code, name, sex, c->period[i], c->contents[i], rec->f[i]);
	free(code);
	free(name);
	return rc;
}

/* The index of the header record: the first with more than one field; t->title gets a one-field line before it. */
static size_t
find_header(const struct records *r, struct scb_table *t)
{
	size_t i = 0;

	for (; i < r->n && r->v[i].nf < 2; i++)
		if (!t->title && !blank(&r->v[i]))
			t->title = xstrdup(r->v[i].f[0]);
	return i;
}

/* The data rows after the header; after a blank line, one-field lines are notes (SCB's footnotes). */
static int
read_rows(const char *path, const struct records *r, size_t h, struct columns *c, struct scb_table *t)
{
	int notes = 0;

	for (size_t i = h + 1; i < r->n; i++) {
		const struct record *rec = &r->v[i];

		notes |= rec->line > r->v[i - 1].end + 1;      /* a blank line before it */
		if (blank(rec)) {
			notes = 1;
			continue;
		}
		if (notes && rec->nf == 1)
			continue;
		if (read_row(path, &r->v[h], rec, c, t) < 0)
			return -1;
	}
	return 0;
}

static int
parse_csv(const char *text, size_t len, const char *path, struct scb_table *t)
{
	struct records r;
	struct columns c;
	char delim = separator(text, text + len);
	size_t h;
	int rc = -1;

	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	if (!delim || read_records(text, len, path, delim, &r) < 0)
		goto out;
	h = find_header(&r, t);
	if (h == r.n || read_header(&r.v[h], &c) == 0) {
		err_set(_("%s: no header with a column per year (such as \"region\",\"kön\",\"2023\"): "
		          "is this SCB's CSV export?"), path);
		goto out;
	}
	if (c.region == c.n) {
		err_set(_("%s: line %d: no region column; save the table from SCB with the variable region"),
		        path, r.v[h].line);
		goto out;
	}
	rc = read_rows(path, &r, h, &c, t);
out:
	columns_free(&c);
	records_free(&r);
	return rc;
}

/* ---- JSON-stat 2.0 ---- */

/* A dimension of a JSON-stat dataset: its categories in index order. */
struct dim {
	const char *id, *label;
	enum scb_role role;
	size_t size;
	const char **cat, **cat_label;  /* ids and labels by position (into the document) */
};

/* The role the dataset's "role" object gives dimension id, or ROLE_OTHER. */
static enum scb_role
role_given(json_object *doc, const char *id)
{
	static const struct { const char *key; enum scb_role role; } roles[] = {
		{ "time", ROLE_TIME }, { "geo", ROLE_REGION }, { "metric", ROLE_CONTENTS },
	};
	json_object *role, *list;

	if (!json_object_object_get_ex(doc, "role", &role))
		return ROLE_OTHER;
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
		if (!json_object_object_get_ex(role, roles[i].key, &list) || !json_object_is_type(list, json_type_array))
			continue;
		for (size_t j = 0; j < json_object_array_length(list); j++)
			if (strcmp(json_object_get_string(json_object_array_get_idx(list, j)), id) == 0)
				return roles[i].role;
	}
	return ROLE_OTHER;
}

/* The categories of dimension d (category.index as a list or an object, else category.label); -1 if malformed. */
static int
read_categories(json_object *dimobj, struct dim *d)
{
	json_object *cat, *index = NULL, *labels = NULL;

	if (!json_object_object_get_ex(dimobj, "category", &cat))
		return -1;
	json_object_object_get_ex(cat, "index", &index);
	json_object_object_get_ex(cat, "label", &labels);
	d->cat = xcalloc(d->size, sizeof *d->cat);
	d->cat_label = xcalloc(d->size, sizeof *d->cat_label);
	if (index && json_object_is_type(index, json_type_array)) {
		for (size_t i = 0; i < d->size && i < json_object_array_length(index); i++)
			d->cat[i] = json_object_get_string(json_object_array_get_idx(index, i));
	} else {
		json_object *by = index ? index : labels;
		size_t k = 0;

		if (!by || !json_object_is_type(by, json_type_object))
			return -1;
		json_object_object_foreach(by, key, val) {
			size_t at = index ? (size_t)json_object_get_int(val) : k;

			if (at < d->size)
				d->cat[at] = key;
			k++;
		}
	}
	for (size_t i = 0; i < d->size; i++) {
		json_object *l;

		if (!d->cat[i])
			return -1;
		d->cat_label[i] = labels && json_object_object_get_ex(labels, d->cat[i], &l) ? json_object_get_string(l)
		                                                                              : d->cat[i];
	}
	return 0;
}

/* The dataset's dimensions (id, size, dimension) into dims[*n]; -1 with err_set(). */
static int
read_dims(const char *path, json_object *doc, struct dim **dims, size_t *n)
{
	json_object *ids, *sizes, *dimension;

	*dims = NULL;
	*n = 0;
	if (!json_object_object_get_ex(doc, "id", &ids) || !json_object_object_get_ex(doc, "size", &sizes) ||
	    !json_object_object_get_ex(doc, "dimension", &dimension) || !json_object_is_type(ids, json_type_array) ||
	    !json_object_is_type(sizes, json_type_array) ||
	    json_object_array_length(ids) != json_object_array_length(sizes)) {
		err_set(_("%s: a JSON-stat dataset has \"id\", \"size\" and \"dimension\"; this one lacks one or "
		          "they disagree"), path);
		return -1;
	}
	*n = json_object_array_length(ids);
	if (*n > SCB_MAX_DIMS) {
		err_set(_("%s: the JSON-stat dataset has %zu dimensions; styrkort reads at most %d"), path, *n,
		        SCB_MAX_DIMS);
		*n = 0;
		return -1;
	}
	*dims = xcalloc(*n ? *n : 1, sizeof **dims);
	for (size_t i = 0; i < *n; i++) {
		struct dim *d = &(*dims)[i];
		json_object *dimobj, *label;
		int64_t size = json_object_get_int64(json_object_array_get_idx(sizes, i));

		d->id = json_object_get_string(json_object_array_get_idx(ids, i));
		d->size = size > 0 && size < 1000000 ? (size_t)size : 0;
		if (!d->id || !d->size || !json_object_object_get_ex(dimension, d->id, &dimobj) ||
		    read_categories(dimobj, d) < 0) {
			err_set(_("%s: the JSON-stat dimension '%s' has no categories that agree with its size"),
			        path, d->id ? d->id : "?");
			return -1;
		}
		d->label = json_object_object_get_ex(dimobj, "label", &label) ? json_object_get_string(label) : d->id;
		d->role = role_given(doc, d->id);
		if (d->role == ROLE_OTHER)
			d->role = role_by_name(d->id);
	}
	return 0;
}

static void
dims_free(struct dim *dims, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(dims[i].cat);
		free(dims[i].cat_label);
	}
	free(dims);
}

/* The dimension with role (its index), n if none; a second one, or another dimension of several categories, is an error. */
static int
find_roles(const char *path, struct dim *dims, size_t n, size_t at[5])
{
	for (int r = 0; r < 5; r++)
		at[r] = n;
	for (size_t i = 0; i < n; i++) {
		if (dims[i].role != ROLE_OTHER && at[dims[i].role] == n) {
			at[dims[i].role] = i;
		} else if (dims[i].size > 1) {
			err_set(_("%s: the dimension '%s' (%s) has %zu values, so a region, sex and year would have "
			          "several values; choose one value of it in SCB's table before you save it"),
			        path, dims[i].id, dims[i].label, dims[i].size);
			return -1;
		}
	}
	if (at[ROLE_REGION] == n || at[ROLE_TIME] == n) {
		err_set(at[ROLE_REGION] == n ? _("%s: the JSON-stat dataset has no region dimension (SCB's Region)")
		                             : _("%s: the JSON-stat dataset has no time dimension (SCB's Tid)"), path);
		return -1;
	}
	return 0;
}

/* The value at position pos ("value" as a list, or an object of positions), NULL for none. */
static json_object *
value_at(json_object *values, size_t pos)
{
	char key[24];
	json_object *v = NULL;

	if (json_object_is_type(values, json_type_array))
		return json_object_array_get_idx(values, pos);
	snprintf(key, sizeof key, "%zu", pos);
	json_object_object_get_ex(values, key, &v);
	return v;
}

/* One value of the dataset (at position pos) as a cell. */
static int
jsonstat_cell(const char *path, const struct dim *dims, size_t n, const size_t at[5], size_t pos, json_object *v,
              struct scb_table *t)
{
	size_t idx[n ? n : 1], rest = pos;
	const struct dim *sexd = at[ROLE_SEX] < n ? &dims[at[ROLE_SEX]] : NULL;
	char sex, period[16];
	const char *region, *contents;

	for (size_t i = n; i-- > 0;) {
		idx[i] = rest % dims[i].size;
		rest /= dims[i].size;
	}
	sex = sexd ? sex_of(sexd->cat_label[idx[at[ROLE_SEX]]]) : 'T';
	if (!sex && sexd)
		sex = sex_of(sexd->cat[idx[at[ROLE_SEX]]]);
	if (!sex) {
		err_set(_("%s: entry %zu: sex '%s': expected kvinnor, män or totalt (women, men, total)"),
		        path, pos + 1, sexd->cat_label[idx[at[ROLE_SEX]]]);
		return -1;
	}
	if (period_of(dims[at[ROLE_TIME]].cat[idx[at[ROLE_TIME]]], period, sizeof period) < 0) {
		err_set(_("%s: entry %zu: period '%s': expected a year (2023) or a quarter (2023K1)"),
		        path, pos + 1, dims[at[ROLE_TIME]].cat[idx[at[ROLE_TIME]]]);
		return -1;
	}
	region = dims[at[ROLE_REGION]].cat[idx[at[ROLE_REGION]]];
	contents = at[ROLE_CONTENTS] < n ? dims[at[ROLE_CONTENTS]].cat[idx[at[ROLE_CONTENTS]]] : "";
	return add_cell(t, (int)(pos + 1), strspn(region, "0123456789") == strlen(region) ? region : NULL,
	                dims[at[ROLE_REGION]].cat_label[idx[at[ROLE_REGION]]], sex, period, contents,
	                v && !json_object_is_type(v, json_type_null) ? json_object_get_string(v) : "");
}

/* The dataset's title, table id and cells into t. */
static int
jsonstat_cells(const char *path, json_object *doc, struct scb_table *t)
{
	json_object *values, *o, *ext;
	struct dim *dims;
	size_t n, at[5], total = 1;
	int rc = -1;

	if (read_dims(path, doc, &dims, &n) < 0 || find_roles(path, dims, n, at) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (total > SCB_MAX_VALUES / dims[i].size) {
			err_set(_("%s: the table has more than %d values; choose fewer regions or years in SCB's table"),
			        path, SCB_MAX_VALUES);
			goto out;
		}
		total *= dims[i].size;
	}
	if (!json_object_object_get_ex(doc, "value", &values) ||
	    (json_object_is_type(values, json_type_array) && json_object_array_length(values) != total) ||
	    (!json_object_is_type(values, json_type_array) && !json_object_is_type(values, json_type_object))) {
		err_set(_("%s: the JSON-stat dataset's \"value\" must have %zu values (the product of \"size\")"),
		        path, total);
		goto out;
	}
	if (json_object_object_get_ex(doc, "label", &o))
		t->title = xstrdup(json_object_get_string(o));
	if (json_object_object_get_ex(doc, "extension", &ext) && json_object_object_get_ex(ext, "px", &ext) &&
	    json_object_object_get_ex(ext, "tableid", &o))
		t->table_id = xstrdup(json_object_get_string(o));
	rc = 0;
	for (size_t pos = 0; pos < total && rc == 0; pos++)
		rc = jsonstat_cell(path, dims, n, at, pos, value_at(values, pos), t);
out:
	dims_free(dims, n);
	return rc;
}

static int
parse_jsonstat(const char *text, size_t len, const char *path, struct scb_table *t)
{
	struct json_tokener *tok = json_tokener_new();
	json_object *doc, *o;
	enum json_tokener_error jerr;
	int rc;

	if (!tok) {
		err_set("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	doc = len > (size_t)INT32_MAX ? NULL : json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!doc) {
		err_set(_("%s: not valid JSON (%s)"), path,
		        jerr == json_tokener_continue ? _("it ends too early") : json_tokener_error_desc(jerr));
		return -1;
	}
	if (!json_object_object_get_ex(doc, "class", &o) || strcmp(json_object_get_string(o), "dataset") != 0) {
		err_set(_("%s: not a JSON-stat 2.0 dataset (\"class\": \"dataset\"); ask SCB's API for "
		          "outputFormat=json-stat2"), path);
		json_object_put(doc);
		return -1;
	}
	rc = jsonstat_cells(path, doc, t);
	json_object_put(doc);
	return rc;
}

int
scb_parse(const char *text, size_t len, const char *path, int json, struct scb_table *t)
{
	memset(t, 0, sizeof *t);
	t->json = json;
	t->path = path;
	return json ? parse_jsonstat(text, len, path, t) : parse_csv(text, len, path, t);
}

int
scb_detect(const char *text, int json)
{
	const char *end = text + strlen(text), *sep;
	struct records r;
	char delim;
	int found = 0;

	if (json)       /* JSON-stat 2.0 has "class": "dataset" (or is 1.0's bundle of "dataset"); Kolada's has none */
		return strstr(text, "\"dataset\"") != NULL && !strstr(text, "\"values\"");
	/* A CSV whose first line with a separator has a year column; our own header has none. */
	if (!(delim = separator(text, end)))
		return 0;
	memset(&r, 0, sizeof r);
	for (sep = text; sep < end && count_outside(sep, end, delim) == 0;) {
		const char *nl = memchr(sep, '\n', (size_t)(end - sep));

		sep = nl ? nl + 1 : end;
	}
	if (read_records(sep, (size_t)(strchrnul(sep, '\n') - sep), "", delim, &r) == 0 && r.n == 1) {
		struct columns c;

		memset(&c, 0, sizeof c);
		found = read_header(&r.v[0], &c) > 0;
		columns_free(&c);
	}
	records_free(&r);
	return found;
}

/* ---- Which indicator, which regions ---- */

/* An indicator the table is for: its key, the contents it takes (NULL: the table's only one), its strategy's areas. */
struct target {
	char *key, *contents, *name;
	char *code, *municipality, *county;
	size_t taken;           /* how many of the table's values it took */
};

static void
targets_free(struct target *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].contents);
		free(v[i].name);
		free(v[i].code);
		free(v[i].municipality);
		free(v[i].county);
	}
	free(v);
}

/*
 * Does the cell hold the contents the indicator takes: its code, its
 * label, or "CODE label"?  A CSV with a column per year does not say its
 * contents (""): then they are the indicator's.
 */
static int
takes_contents(const char *want, const char *contents)
{
	size_t n = strlen(want);

	return !*contents || strcasecmp(want, contents) == 0 ||
	       (strncasecmp(want, contents, n) == 0 && contents[n] == ' ');
}

/* Does the scb key TABLE[/CONTENTS] name this table?  *contents gets CONTENTS (or NULL; free it). */
static int
key_names_table(const char *key, const struct scb_table *t, char **contents)
{
	const char *slash = strchr(key, '/');
	char *table = slash ? xstrndup(key, (size_t)(slash - key)) : xstrdup(key), *ft, *title;
	int match;

	*contents = slash && slash[1] ? xstrdup(slash + 1) : NULL;
	if (t->table_id) {
		match = strcasecmp(table, t->table_id) == 0;
	} else {
		/* A CSV names its table only in its title, if at all. */
		ft = fold(table);
		title = fold(t->title ? t->title : "");
		match = *ft && strstr(title, ft) != NULL;
		free(ft);
		free(title);
	}
	free(table);
	return match;
}

/* Does the table hold the contents (NULL: any)? */
static int
has_contents(const struct scb_table *t, const char *contents)
{
	for (size_t i = 0; i < t->n; i++)
		if (!contents || takes_contents(contents, t->cell[i].contents))
			return 1;
	return !contents;
}

/* The indicators the table is for: ID (--indicator), else those whose scb key names it. */
static int
find_targets(struct db *db, const char *path, const struct scb_table *t, const char *strategy_id,
             const char *indicator, struct target **v, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT i.key, i.scb, i.name, s.municipality_code, s.municipality, s.county FROM indicator i"
		" JOIN strategy s ON s.id = i.strategy_id WHERE (?1 IS NULL OR i.strategy_id = ?1)"
		" AND (?2 IS NULL AND i.scb IS NOT NULL OR i.key = ?2) ORDER BY i.strategy_id, i.position");

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	db_bind_text_or_null(st, 1, strategy_id);
	db_bind_text_or_null(st, 2, indicator);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 1);
		char *contents = NULL;
		struct target *w;

		/* A key that names another table, or contents the table lacks, is another file's. */
		if (!indicator && (!key_names_table(key, t, &contents) || !has_contents(t, contents))) {
			free(contents);
			continue;
		}
		if (indicator && key)
			(void)key_names_table(key, t, &contents);       /* its contents, whatever table it names */
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		w = &(*v)[(*n)++];
		w->key = db_strdup(st, 0);
		w->contents = contents;
		w->name = db_strdup(st, 2);
		w->code = db_strdup(st, 3);
		w->municipality = db_strdup(st, 4);
		w->county = db_strdup(st, 5);
	}
	sqlite3_finalize(st);
	if (indicator && *n > 1) {
		err_set(_("%s: the indicator '%s' is in more than one strategy; choose one with --strategy ID"),
		        path, indicator);
		return -1;
	}
	if (*n)
		return 0;
	if (indicator)
		err_set(_("%s: no indicator '%s'%s"), path, indicator, strategy_id ? _(" in the chosen strategy") : "");
	else
		err_set(_("%s: no indicator has an scb key that names this table (%s); add scb = TABLE/CONTENTS "
		          "to the indicator, or give --indicator ID"), path,
		        t->table_id ? t->table_id : t->title ? t->title : _("a table without a title"));
	return -1;
}

/* The contents the indicator takes are in the table, and are one: else say which there are. */
static int
check_contents(const char *path, const struct scb_table *t, const struct target *w)
{
	struct buf seen;
	size_t kinds = 0, taken = 0;
	int rc = 0;

	buf_init(&seen);
	for (size_t i = 0; i < t->n; i++) {
		int first = 1;

		for (size_t j = 0; j < i && first; j++)
			first = strcmp(t->cell[j].contents, t->cell[i].contents) != 0;
		if (first) {
			kinds++;
			buf_printf(&seen, "%s'%s'", kinds > 1 ? ", " : "", t->cell[i].contents);
		}
		taken += w->contents && takes_contents(w->contents, t->cell[i].contents);
	}
	if (w->contents && !taken) {
		err_set(_("%s: the indicator %s takes the contents '%s', which the table does not have; it has %s"),
		        path, w->key, w->contents, seen.s ? seen.s : "''");
		rc = -1;
	} else if (!w->contents && kinds > 1) {
		err_set(_("%s: the table has more than one contents (%s); name the indicator's in its scb key "
		          "(scb = TABLE/CONTENTS), or choose one in SCB's table before you save it"),
		        path, seen.s);
		rc = -1;
	}
	buf_free(&seen);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The regions that are no target's municipality, county or country, once
 * each, in order ("0880 Kalmar, 0881 Nybro"; after the tenth, "..."), into
 * b; how many.
 */
static size_t
skipped_regions(const struct scb_table *t, const struct target *v, size_t n, struct buf *b)
{
	enum { SHOWN = 10 };
	char **label = NULL;
	size_t nl = 0, count = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct scb_cell *c = &t->cell[i];
		int ours = 0;

		if (i > 0 && strcmp(c->region_name, t->cell[i - 1].region_name) == 0)
			continue;       /* the region of the cell before */
		for (size_t j = 0; j < n && !ours; j++) {
			struct scb_area area = { v[j].code, v[j].municipality, v[j].county };

			ours = v[j].taken && scb_series(&area, c->region_code, c->region_name) >= 0;
		}
		if (ours)
			continue;
		label = xrealloc(label, (nl + 1) * sizeof *label);
		label[nl++] = c->region_code ? xasprintf("%s %s", c->region_code, c->region_name)
		                             : xstrdup(c->region_name);
	}
	if (nl)
		qsort(label, nl, sizeof *label, cmp_str);
	for (size_t i = 0; i < nl; i++) {
		if (i == 0 || strcmp(label[i], label[i - 1]) != 0) {
			char *safe = text_sanitize(label[i], 0);

			if (count < SHOWN)
				buf_printf(b, "%s%s", count ? ", " : "", safe);
			else if (count == SHOWN)
				buf_puts(b, ", ...");
			count++;
			free(safe);
		}
	}
	for (size_t i = 0; i < nl; i++)
		free(label[i]);
	free(label);
	return count;
}

/*
 * The cells of the indicator's contents for its strategy's areas, to add
 * (w->taken: how many).  A table without the municipality is not its
 * strategy's: it takes none, not even the country's.
 */
static void
take_cells(const struct scb_table *t, struct target *w, scb_row_fn add, void *ctx)
{
	struct scb_area area = { w->code, w->municipality, w->county };
	int pass, own = 0;

	w->taken = 0;
	for (pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < t->n; i++) {
			const struct scb_cell *c = &t->cell[i];
			int s;

			if ((w->contents && !takes_contents(w->contents, c->contents)) ||
			    (s = scb_series(&area, c->region_code, c->region_name)) < 0)
				continue;
			own |= s == SERIES_MUNICIPALITY;
			if (pass == 1) {
				add(ctx, c->where, w->key, c->period, c->sex, c->value, (enum series)s);
				w->taken++;
			}
		}
		if (!own)
			return;
	}
}

int
scb_read(struct db *db, const char *path, const char *text, size_t len, int json, const char *strategy_id,
         const char *indicator, scb_row_fn add, void *ctx, FILE *report)
{
	struct scb_table t;
	struct target *v = NULL;
	struct buf skipped;
	size_t n = 0, nskipped, taken = 0;
	int rc = -1;

	buf_init(&skipped);
	if (scb_parse(text, len, path, json, &t) < 0 ||
	    find_targets(db, path, &t, strategy_id, indicator, &v, &n) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (check_contents(path, &t, &v[i]) < 0)
			goto out;
		/* An indicator of another strategy whose municipality the table lacks takes nothing. */
		take_cells(&t, &v[i], add, ctx);
		taken += v[i].taken;
	}
	nskipped = skipped_regions(&t, v, n, &skipped);
	if (!taken) {
		err_set(_("%s: the table does not have the strategy's municipality (%s); it has %s%s"),
		        path, v[0].code ? v[0].code : v[0].municipality,
		        skipped.s ? skipped.s : "''",
		        v[0].code ? "" : _(" (the strategy has no municipality_code: add it to [strategy])"));
		goto out;
	}
	if (nskipped && report)
		msg_print(report, ui_ngettext("styrkort: %s: skipped %zu region that is neither the strategy's "
		                              "municipality, its county nor the country: %s\n",
		                              "styrkort: %s: skipped %zu regions that are neither the strategy's "
		                              "municipality, its county nor the country: %s\n", nskipped),
		          path, nskipped, skipped.s);
	rc = 0;
out:
	buf_free(&skipped);
	targets_free(v, n);
	scb_table_free(&t);
	return rc;
}
