/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/common.c: the harnesses' private directory, input files and fresh databases (built once, copied per input). */
#include <config.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"
#include "measurements.h"
#include "report.h"
#include "strategy_ini.h"
#include "util.h"

static char *dir;
static FILE *messages;          /* where fuzz_fail() writes: the real stderr */
static struct template {
	char *bytes;            /* the database file as it is after creation (and the fixture) */
	size_t len;
} templates[2];

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("fuzz: ", messages ? messages : stderr);
	vfprintf(messages ? messages : stderr, fmt, ap);
	fputc('\n', messages ? messages : stderr);
	va_end(ap);
	abort();
}

static void
remove_dir(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", dir);
	free(cmd);
}

void
fuzz_setup(void)
{
	const char *base = getenv("TMPDIR");

	if (dir)
		return;
	/* tmpfs where there is one: a fresh database per input without waiting for a disk. */
	if (!base && access("/dev/shm", W_OK) == 0)
		base = "/dev/shm";
	dir = xasprintf("%s/styrkort-fuzz.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		fuzz_fail("cannot create %s", dir);
	atexit(remove_dir);
	/* As main() does: the text checks read UTF-8 through the locale. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fuzz_fail("the locale C.UTF-8 is missing");
	/*
	 * The library's warnings (unknown keys...) would fill the log and slow
	 * the run: they go to /dev/null unless FUZZ_VERBOSE is set.  libFuzzer
	 * and the sanitizers keep the real stderr.
	 */
	messages = stderr;
	if (!getenv("FUZZ_VERBOSE") && !(stderr = fopen("/dev/null", "w")))
		stderr = messages;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	setenv("LANGUAGE", "en", 1);
	user_name_set("fuzzer");
}

const char *
fuzz_file(const char *name, const void *data, size_t size)
{
	static char path[4096];
	FILE *f;

	fuzz_setup();
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(f = fopen(path, "wb")) || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		fuzz_fail("cannot write %s", path);
	return path;
}

FILE *
fuzz_null(void)
{
	static FILE *null;

	if (!null && !(null = fopen("/dev/null", "w")))
		fuzz_fail("cannot open /dev/null");
	return null;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t n;

	if (!f)
		fuzz_fail("cannot read %s", path);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

/* The database a kind starts from, made once with the library's own create and import. */
static void
make_template(enum fuzz_db kind)
{
	char *path = xasprintf("%s/template-%d.db", dir, (int)kind);
	struct db *db = db_open(path, DB_CREATE);

	if (!db)
		fuzz_fail("cannot create %s: %s", path, err_get());
	if (kind == FUZZ_DB_FIXTURE && strategy_import(db, FUZZ_SRCDIR "/fuzz/fixture.ini", NULL) < 0)
		fuzz_fail("cannot import the fixture: %s", err_get());
	db_close(db);
	templates[kind].bytes = slurp(path, &templates[kind].len);
	unlink(path);
	free(path);
}

struct db *
fuzz_db_open(enum fuzz_db kind, const char *name)
{
	char file[64];
	const char *path;
	struct db *db;

	fuzz_setup();
	if (!templates[kind].bytes)
		make_template(kind);
	snprintf(file, sizeof file, "%s.db", name);
	path = fuzz_file(file, templates[kind].bytes, templates[kind].len);
	if (!(db = db_open(path, DB_READ_WRITE)))
		fuzz_fail("cannot open the fresh database %s: %s", path, err_get());
	/* A scratch copy: no need to wait for the disk at each commit. */
	if (db_exec(db, "PRAGMA synchronous = OFF") < 0)
		fuzz_fail("PRAGMA synchronous: %s", err_get());
	return db;
}

void
fuzz_db_close(struct db *db)
{
	char *path = xstrdup(db->path);

	db_close(db);
	unlink(path);
	free(path);
}

/*
 * Nothing from a file reaches a report unsanitised: no control character
 * but a line feed (and CSV's carriage return before it), no C1 control,
 * no bidirectional override or isolate.
 */
static void
check_clean(const char *s, size_t n, const char *format)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		int bad = (u[i] < 0x20 && u[i] != '\n' && !(u[i] == '\r' && i + 1 < n && u[i + 1] == '\n')) ||
		          u[i] == 0x7f || (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f) ||
		          (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] >= 0xaa && u[i + 2] <= 0xae) ||
		          (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x81 && u[i + 2] >= 0xa6 && u[i + 2] <= 0xa9);

		if (bad)
			fuzz_fail("the %s report has the byte 0x%02x at %zu: %.*s", format, u[i], i,
			          (int)(n - i < 40 ? n - i : 40), s + i);
	}
}

int
fuzz_reports(struct db *db, const char *strategy_id)
{
	static const int widths[] = { 40, 132 };
	char *names = xstrdup(report_writer_names()), *save = NULL;
	int rc = 0;

	for (char *name = strtok_r(names, "|", &save); name && rc == 0; name = strtok_r(NULL, "|", &save)) {
		const struct report_writer *w = report_writer_find(name);

		for (size_t i = 0; i < sizeof widths / sizeof widths[0] && rc == 0; i++) {
			struct report r;
			char *text = NULL;
			size_t len = 0;
			FILE *out;

			if (report_prepare(db, strategy_id, "last-review", widths[i], "%e %b %Y", &r) < 0) {
				rc = -1;
				break;
			}
			if (!(out = open_memstream(&text, &len)))
				fuzz_fail("open_memstream");
			report_file_start(w, out, i % 2 ? ';' : ',');
			report_write(&r, w, out);
			report_release(&r);
			if (fclose(out) != 0)
				fuzz_fail("open_memstream: fclose");
			check_clean(text, len, name);
			free(text);
		}
	}
	free(names);
	return rc;
}

int
fuzz_measurements(const uint8_t *data, size_t size, int json)
{
	struct measurements_result res;
	struct db *db;
	FILE *report = fuzz_null();
	size_t skip = 0;
	const char *path;

	while (skip < size && strchr(" \n\r\t", data[skip]) && data[skip])
		skip++;
	if ((skip < size && data[skip] == '{') != json)
		return -1;
	db = fuzz_db_open(FUZZ_DB_FIXTURE, "values");
	path = fuzz_file(json ? "values.json" : "values.csv", data, size);
	/* Every strategy's indicators, then only the fixture's: both ways of matching rows. */
	if (measurements_import(db, path, NULL, NULL, 0, &res, report) == 0 &&
	    measurements_import(db, path, "prov", NULL, 0, &res, report) == 0) {
		if (res.added != 0)
			fuzz_fail("the same file imported twice adds %d values the second time", res.added);
		if (fuzz_reports(db, "prov") < 0)
			fuzz_fail("a report after accepted values failed: %s", err_get());
	}
	fuzz_db_close(db);
	return 0;
}
