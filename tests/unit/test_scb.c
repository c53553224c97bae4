/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scb.c: SCB's tables: the PxWeb CSV export and JSON-stat 2.0 read into cells, regions into series, the import. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db.h"
#include "input.h"
#include "measurements.h"
#include "scb.h"
#include "unit.h"
#include "util.h"

/* Parse TEXT (as a file, so that input_read_8bit() converts it) into t; its return value. */
static int
parse_text(const char *name, const char *text, size_t n, struct scb_table *t, int *latin1)
{
	char *path = unit_path(name), *read;
	size_t len;
	FILE *f = fopen(path, "wb");
	int rc;

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(input_read_8bit(path, &read, &len, latin1), 0);
	rc = scb_parse(read, len, "t.csv", read[0] == '{', t);
	free(read);
	free(path);
	return rc;
}

static int
parse(const char *text, struct scb_table *t)
{
	int latin1;

	return parse_text("t.csv", text, strlen(text), t, &latin1);
}

/* The cell of region CODE, sex, period; NULL if none. */
static const struct scb_cell *
cell(const struct scb_table *t, const char *name, char sex, const char *period)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->cell[i].region_name, name) == 0 && t->cell[i].sex == sex &&
		    strcmp(t->cell[i].period, period) == 0)
			return &t->cell[i];
	return NULL;
}

static const char comma_csv[] =
	"\xef\xbb\xbf\"Andel förvärvsarbetande efter region, kön och år\"\r\n"
	"\r\n"
	"\"region\",\"kön\",\"2022\",\"2023\"\r\n"
	"\"0883 Västervik\",\"kvinnor\",80.1,..\r\n"
	"\"0883 Västervik\",\"MÄN\",81.9,-\r\n"
	"\"08 Kalmar län\",\"Totalt\",81.4,.\r\n"
	"\"00 Riket\",\"total\",\"78,6\",\"1 234,5\"\r\n";

static void
csv_comma_with_bom(void **state)
{
	struct scb_table t;
	const struct scb_cell *c;

	(void)state;
	assert_int_equal(parse(comma_csv, &t), 0);
	assert_string_equal(t.title, "Andel förvärvsarbetande efter region, kön och år");
	assert_int_equal(t.n, 8);
	c = cell(&t, "Västervik", 'K', "2022");
	assert_non_null(c);
	assert_string_equal(c->region_code, "0883");
	assert_string_equal(c->value, "80.1");
	assert_int_equal(c->where, 4);
	assert_string_equal(cell(&t, "Västervik", 'K', "2023")->value, "");     /* .. */
	assert_string_equal(cell(&t, "Västervik", 'M', "2023")->value, "0");    /* - is nil */
	assert_string_equal(cell(&t, "Kalmar län", 'T', "2023")->value, "");    /* . */
	assert_string_equal(cell(&t, "Riket", 'T', "2023")->value, "1234,5");
	assert_int_equal(cell(&t, "Riket", 'T', "2023")->where, 7);
	assert_string_equal(cell(&t, "Riket", 'T', "2023")->region_code, "00");
	scb_table_free(&t);
}

static void
csv_semicolon_latin1(void **state)
{
	static const char text[] =
		"\"Andel f\xf6rv\xe4rvsarbetande efter region, k\xf6n och \xe5r\"\n"
		"\n"
		"\"region\";\"k\xf6n\";\"\xe5lder\";\"Andel 2023K2\"\n"
		"\"0883 V\xe4stervik\";\"kvinnor\";\"20-64 \xe5r\";79,4\n";
	struct scb_table t;
	int latin1;

	(void)state;
	assert_int_equal(parse_text("l.csv", text, strlen(text), &t, &latin1), 0);
	assert_int_equal(latin1, 1);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.cell[0].region_name, "Västervik");
	assert_string_equal(t.cell[0].period, "2023-Q2");
	assert_string_equal(t.cell[0].contents, "Andel");
	assert_string_equal(t.cell[0].value, "79,4");
	scb_table_free(&t);
}

static void
csv_without_title_or_sex(void **state)
{
	struct scb_table t;

	(void)state;
	assert_int_equal(parse("region,2021,2022\nVästervik,1,2\nRiket,3,4\n", &t), 0);
	assert_null(t.title);
	assert_int_equal(t.n, 4);
	assert_int_equal(cell(&t, "Västervik", 'T', "2021")->where, 2);
	assert_null(cell(&t, "Västervik", 'T', "2021")->region_code);
	scb_table_free(&t);
	/* Footnotes below the table, after a blank line, are notes; a full row there is still read. */
	assert_int_equal(parse("region,2021\nVästervik,1\n\n\"Fotnot: preliminära siffror\"\nRiket,3\n", &t), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(cell(&t, "Riket", 'T', "2021")->where, 5);
	scb_table_free(&t);
}

/* The long form (PxWebApi's stub=Region,Kon,Tid): a time column and the value last, named by its contents. */
static void
csv_long_form_with_tabs(void **state)
{
	struct scb_table t;

	(void)state;
	assert_int_equal(parse("\"Folkmängden efter region, kön och år\"\n"
	                       "\"region\"\t\"kön\"\t\"år\"\t\"Folkmängd\"\n"
	                       "\"0883 Västervik\"\t\"kvinnor\"\t\"2022\"\t17 800\n"
	                       "\"0883 Västervik\"\t\"kvinnor\"\t\"2023K4\"\t..\n", &t), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(cell(&t, "Västervik", 'K', "2022")->value, "17800");
	assert_string_equal(cell(&t, "Västervik", 'K', "2022")->contents, "Folkmängd");
	assert_int_equal(cell(&t, "Västervik", 'K', "2023-Q4")->where, 4);
	assert_string_equal(cell(&t, "Västervik", 'K', "2023-Q4")->value, "");
	scb_table_free(&t);
	assert_true(scb_detect("region,år,Folkmängd\n", 0));
	assert_int_equal(parse("region,år,Folkmängd\n0883 V,2022,1\n0883 V,2022M01,1\n", &t), -1);
	assert_non_null(strstr(err_get(), "t.csv: line 3: period '2022M01'"));
	scb_table_free(&t);
}

/* Each refusal names its line and what to do. */
static void
csv_refusals(void **state)
{
	static const struct {
		const char *text, *error;
	} bad[] = {
		{ "\"T\"\n\"region\",\"ålder\",\"2022\"\n\"0883 V\",\"20-64 år\",1\n\"0883 V\",\"16-19 år\",2\n",
		  "t.csv: line 4: the column 'ålder' has more than one value ('20-64 år', '16-19 år')" },
		{ "\"region\",\"kön\",\"2022\"\n\"0883 V\",\"kvinnor\",1\n\"0883 V\",\"båda\",2\n",
		  "t.csv: line 3: sex 'båda': expected kvinnor, män or totalt" },
		{ "region;2022;2023\n0883 V;1;2\n0883 V;1\n", "t.csv: line 3: expected 3 fields as in the header (line 1), found 2" },
		{ "kommun,kön,2022\n0883 V,kvinnor,\"1\n", "t.csv: line 2:" },
		{ "\"T\"\r\n\r\nregion,2022,2023\r\n0883 V,1\r\n", "t.csv: line 4: expected 3 fields as in the header (line 3)" },
		{ "region,2022\n\"0883\nV\",1\n\n\n\"x\ny\",1,2\n", "t.csv: line 6: expected 2 fields as in the header (line 1), found 3" },
		{ "\"T\"\n\"kön\",\"2022\"\n\"män\",1\n", "t.csv: line 2: no region column" },
		{ "region,2022\n0883 V,1\n,2\n", "t.csv: line 3: the region is empty" },
		{ "\"T\"\n\"region\",\"kön\"\n", "t.csv: no header with a column per year" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct scb_table t;

		assert_int_equal(parse(bad[i].text, &t), -1);
		if (!strstr(err_get(), bad[i].error))
			fail_msg("case %zu: %s", i, err_get());
		scb_table_free(&t);
	}
}

/* A PxWebApi json-stat2 answer: four dimensions, Tid fastest, a null with its status. */
static const char jsonstat[] =
	"{\"version\": \"2.0\", \"class\": \"dataset\", \"label\": \"Folkmängden efter region, kön och år\","
	" \"id\": [\"Region\", \"Kon\", \"ContentsCode\", \"Tid\"], \"size\": [2, 2, 1, 2],"
	" \"role\": {\"time\": [\"Tid\"], \"metric\": [\"ContentsCode\"]},"
	" \"dimension\": {"
	"  \"Region\": {\"label\": \"region\", \"category\": {\"index\": {\"0883\": 0, \"00\": 1},"
	"    \"label\": {\"0883\": \"Västervik\", \"00\": \"Riket\"}}},"
	"  \"Kon\": {\"label\": \"kön\", \"category\": {\"index\": {\"1\": 0, \"2\": 1}, \"label\": {\"1\": \"men\", \"2\": \"women\"}}},"
	"  \"ContentsCode\": {\"label\": \"tabellinnehåll\", \"category\": {\"index\": {\"BE0101N1\": 0},"
	"    \"label\": {\"BE0101N1\": \"Folkmängd\"}}},"
	"  \"Tid\": {\"label\": \"år\", \"category\": {\"index\": [\"2022\", \"2023\"]}}},"
	" \"value\": [1, 2, 3, null, 5, 6, 7, 8], \"status\": {\"3\": \"..\"},"
	" \"extension\": {\"px\": {\"tableid\": \"TAB638\", \"decimals\": 0}}}";

static void
jsonstat_dataset(void **state)
{
	struct scb_table t;
	const struct scb_cell *c;

	(void)state;
	assert_int_equal(parse(jsonstat, &t), 0);
	assert_string_equal(t.table_id, "TAB638");
	assert_int_equal(t.n, 8);
	c = cell(&t, "Västervik", 'K', "2022");
	assert_non_null(c);
	assert_string_equal(c->value, "3");
	assert_int_equal(c->where, 3);
	assert_string_equal(c->contents, "BE0101N1");
	assert_string_equal(c->region_code, "0883");
	assert_string_equal(cell(&t, "Västervik", 'K', "2023")->value, "");
	assert_string_equal(cell(&t, "Riket", 'M', "2023")->value, "6");
	scb_table_free(&t);
}

/* "value" as an object of positions, no role: Region and Tid found by name; no sex dimension is the total. */
static void
jsonstat_sparse_without_roles(void **state)
{
	struct scb_table t;

	(void)state;
	assert_int_equal(parse("{\"class\": \"dataset\", \"id\": [\"Region\", \"Alder\", \"Tid\"], \"size\": [1, 1, 3],"
	                       " \"dimension\": {\"Region\": {\"category\": {\"index\": {\"0883\": 0}}},"
	                       " \"Alder\": {\"category\": {\"label\": {\"tot\": \"totalt\"}}},"
	                       " \"Tid\": {\"category\": {\"index\": {\"2021\": 0, \"2022\": 1, \"2023\": 2}}}},"
	                       " \"value\": {\"0\": 4.5, \"2\": 6}}", &t), 0);
	assert_int_equal(t.n, 3);
	assert_string_equal(cell(&t, "0883", 'T', "2021")->value, "4.5");
	assert_string_equal(cell(&t, "0883", 'T', "2022")->value, "");
	assert_string_equal(cell(&t, "0883", 'T', "2023")->value, "6");
	scb_table_free(&t);
}

static void
jsonstat_refusals(void **state)
{
	static const struct {
		const char *text, *error;
	} bad[] = {
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Alder\", \"Tid\"], \"size\": [1, 2, 1],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Alder\": {\"label\": \"ålder\", \"category\": {\"index\": [\"20-64\", \"65+\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2023\"]}}}, \"value\": [1, 2]}",
		  "the dimension 'Alder' (ålder) has 2 values" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Tid\"], \"size\": [1, 2],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2022\", \"2023\"]}}}, \"value\": [1]}",
		  "must have 2 values" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Tid\"], \"size\": [1, 1],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2023M01\"]}}}, \"value\": [1]}",
		  "entry 1: period '2023M01'" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Kon\", \"Tid\"], \"size\": [1, 1, 1],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Kon\": {\"category\": {\"index\": [\"x\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2023\"]}}}, \"value\": [1]}",
		  "entry 1: sex 'x'" },
		{ "{\"class\": \"dataset\", \"id\": [\"Tid\"], \"size\": [1],"
		  " \"dimension\": {\"Tid\": {\"category\": {\"index\": [\"2023\"]}}}, \"value\": [1]}",
		  "no region dimension" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Tid\"], \"size\": [3000, 3000],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2023\"]}}}, \"value\": {}}",
		  "no categories that agree with its size" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\", \"Tid\", \"A\", \"B\"], \"size\": [1, 1, 1, 1],"
		  " \"dimension\": {\"Region\": {\"category\": {\"index\": [\"0883\"]}},"
		  " \"Tid\": {\"category\": {\"index\": [\"2023\"]}}, \"A\": {\"category\": {\"index\": [\"a\"]}},"
		  " \"B\": {\"category\": {\"index\": [\"b\"]}}}, \"value\": [1, 2]}",
		  "must have 1 values" },
		{ "{\"dataset\": {\"value\": []}}", "not a JSON-stat 2.0 dataset" },
		{ "{\"class\": \"dataset\", \"id\": [\"Region\"]}", "\"id\", \"size\" and \"dimension\"" },
		{ "{\"class\": \"dataset\",", "not valid JSON" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct scb_table t;

		assert_int_equal(parse(bad[i].text, &t), -1);
		if (!strstr(err_get(), bad[i].error))
			fail_msg("case %zu: %s", i, err_get());
		scb_table_free(&t);
	}
}

static void
regions_as_series(void **state)
{
	struct scb_area a = { "0883", "Västervik", "Kalmar län" }, none = { NULL, "Västervik", "Kalmar län" };

	(void)state;
	assert_int_equal(scb_series(&a, "0883", "Västervik"), SERIES_MUNICIPALITY);
	assert_int_equal(scb_series(&a, "08", "Kalmar län"), SERIES_COUNTY);
	assert_int_equal(scb_series(&a, "00", "Riket"), SERIES_COUNTRY);
	assert_int_equal(scb_series(&a, "0880", "Kalmar"), -1);
	assert_int_equal(scb_series(&a, "09", "Gotlands län"), -1);
	assert_int_equal(scb_series(&a, "0883", "Annat namn"), SERIES_MUNICIPALITY);     /* the code decides */
	assert_int_equal(scb_series(&none, NULL, "VÄSTERVIK"), SERIES_MUNICIPALITY);
	assert_int_equal(scb_series(&none, NULL, "kalmar län"), SERIES_COUNTY);
	assert_int_equal(scb_series(&none, NULL, "Sweden"), SERIES_COUNTRY);
	assert_int_equal(scb_series(&none, "0883", "Västervik"), -1);   /* no code to match it */
}

static void
detected_formats(void **state)
{
	(void)state;
	assert_true(scb_detect(comma_csv + 3, 0));
	assert_true(scb_detect("region;kön;2022\n", 0));
	assert_false(scb_detect("indicator,period,sex,value\nx,2023,T,1\n", 0));
	assert_false(scb_detect("\"Just a title\"\n", 0));
	assert_false(scb_detect("kpi,year,gender,v\n", 0));        /* a mistaken header of ours, not a long form */
	assert_true(scb_detect(jsonstat, 1));
	assert_false(scb_detect("{\"values\": [{\"kpi\": \"N00914\"}]}", 1));
}

static const char strategy[] =
	"[strategy]\nid = vik\nmunicipality = Västervik\nmunicipality_code = 0883\ntitle = Prov\n"
	"[goal.g]\ntitle = Mål\n"
	"[indicator.folk]\ngoal = g\nname = Folkmängd\nscb = tab638/BE0101N1\n"
	"[indicator.arbete]\ngoal = g\nname = Andel förvärvsarbetande\nscb = TAB5765\n";

static int
count_values(struct db *db, const char *series)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM measurement WHERE series = ?");
	int n;

	sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The scb key finds the indicator; the municipality's and the country's values are stored; nothing on error. */
static void
import_by_key_all_or_nothing(void **state)
{
	struct db *db = unit_db(strategy);
	struct measurements_result res;
	char *path = unit_path("t.json");

	(void)state;
	unit_write_file(path, jsonstat);
	assert_int_equal(measurements_import(db, path, NULL, NULL, 0, &res, NULL), 0);
	/* A null (SCB's "..") is no data: never stored, never replacing a value, as Kolada's. */
	assert_int_equal(res.added, 7);
	assert_int_equal(res.nodata, 1);
	assert_int_equal(count_values(db, "municipality"), 3);
	assert_int_equal(count_values(db, "country"), 4);
	assert_int_equal(measurements_import(db, path, NULL, NULL, 0, &res, NULL), 0);
	assert_int_equal(res.unchanged, 7);
	/* The CSV's title does not name TAB5765: --indicator says which; a bad row changes nothing. */
	unit_write_file(path, comma_csv);
	assert_int_equal(measurements_import(db, path, NULL, NULL, 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "no indicator has an scb key that names this table"));
	/* A CSV that does not name its contents is the contents of the indicator's key (folk: BE0101N1). */
	unit_write_file(path, "region,kön,2030\n0883 Västervik,män,5\n");
	assert_int_equal(measurements_import(db, path, NULL, "folk", 0, &res, NULL), 0);
	assert_int_equal(res.added, 1);
	unit_write_file(path, "region,kön,Folkökning 2030\n0883 Västervik,män,5\n");
	assert_int_equal(measurements_import(db, path, NULL, "folk", 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "the indicator folk takes the contents 'BE0101N1', which the table does not have; "
	                                  "it has 'Folkökning'"));
	unit_write_file(path, "region,kön,2030\n0883 Västervik,män,5\n0883 Västervik,män,x\n");
	assert_int_equal(measurements_import(db, path, NULL, "arbete", 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "line 3: value 'x'"));
	assert_int_equal(count_values(db, "municipality"), 4);
	assert_int_equal(measurements_import(db, path, NULL, "nosuch", 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "no indicator 'nosuch'"));
	unit_write_file(path, "indicator,period,sex,value\nfolk,2023,T,1\n");
	assert_int_equal(measurements_import(db, path, NULL, "arbete", 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "--indicator is for SCB's tables"));
	unit_write_file(path, "indicator,period,sex,value\nfolk,2023,T,1\n\xe5\n");
	assert_int_equal(measurements_import(db, path, NULL, NULL, 0, &res, NULL), -1);
	assert_non_null(strstr(err_get(), "line 3: the text is not UTF-8"));
	free(path);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_comma_with_bom),
		cmocka_unit_test(csv_semicolon_latin1),
		cmocka_unit_test(csv_without_title_or_sex),
		cmocka_unit_test(csv_long_form_with_tabs),
		cmocka_unit_test(csv_refusals),
		cmocka_unit_test(jsonstat_dataset),
		cmocka_unit_test(jsonstat_sparse_without_roles),
		cmocka_unit_test(jsonstat_refusals),
		cmocka_unit_test(regions_as_series),
		cmocka_unit_test(detected_formats),
		cmocka_unit_test(import_by_key_all_or_nothing),
	};

	unit_begin("scb");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
