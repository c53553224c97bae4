/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_kolada.c: Kolada's JSON: each shape of v2 and v3, the refusals, the choice of strategy and series, the data URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "kolada.h"
#include "kolada_http.h"
#include "unit.h"

static int
parse(const char *json, struct kolada_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	return kolada_parse(json, strlen(json), "k.json", doc);
}

/* Parse json, expecting a refusal whose message has want. */
static void
refused(const char *json, const char *want)
{
	struct kolada_doc doc;

	assert_int_equal(parse(json, &doc), -1);
	if (!strstr(err_get(), want))
		fail_msg("'%s' lacks '%s'", err_get(), want);
	kolada_free(&doc);
}

static void
test_v2_page(void **state)
{
	struct kolada_doc doc;
	const char *json =
		"{\"count\": 1, \"next_page\": \"http://api.kolada.se/v2/data/kpi/N00914?page=2\","
		" \"values\": [{\"kpi\": \"N00914\", \"municipality\": \"0883\", \"period\": \"2022\", \"values\": ["
		"  {\"count\": 1, \"gender\": \"T\", \"status\": \"\", \"value\": 63.7},"
		"  {\"count\": 1, \"gender\": \"K\", \"status\": \"B\", \"value\": null}]}]}";

	(void)state;
	assert_int_equal(parse(json, &doc), 0);
	assert_int_equal(doc.n, 2);
	assert_string_equal(doc.v[0].kpi, "N00914");
	assert_string_equal(doc.v[0].area, "0883");
	assert_string_equal(doc.v[0].period, "2022");
	assert_string_equal(doc.v[0].gender, "T");
	assert_string_equal(doc.v[0].value, "63.7");
	assert_string_equal(doc.v[1].value, "");        /* null: no data */
	assert_string_equal(doc.next, "http://api.kolada.se/v2/data/kpi/N00914?page=2");
	kolada_free(&doc);
}

static void
test_v3_pages(void **state)
{
	struct kolada_doc doc;
	const char *one =
		"{\"count\": 1, \"next_url\": \"https://api.kolada.se/v3/x?page=2\", \"previous_url\": null,"
		" \"values\": [{\"kpi\": \"N00914\", \"municipality\": \"0000\", \"period\": 2023, \"values\": ["
		"  {\"count\": 1, \"gender\": \"M\", \"isdeleted\": true, \"status\": \"\", \"value\": 1.5},"
		"  {\"count\": 1, \"gender\": \"T\", \"isdeleted\": false, \"status\": \"\", \"value\": 67}]}]}";
	const char *two = "{\"count\": 0, \"next_url\": null, \"previous_url\": \"https://x\", \"values\": []}";

	(void)state;
	assert_int_equal(parse(one, &doc), 0);
	assert_string_equal(doc.v[0].value, "");        /* deleted: no data */
	assert_string_equal(doc.v[1].value, "67");
	assert_string_equal(doc.v[1].period, "2023");   /* a number in v3 */
	assert_non_null(doc.next);
	/* The next page appends, and being the last clears next. */
	assert_int_equal(kolada_parse(two, strlen(two), "p2", &doc), 0);
	assert_int_equal(doc.n, 2);
	assert_null(doc.next);
	assert_int_equal(doc.pages, 2);
	/* Entries are counted over the pages, so a message names one entry of the whole answer. */
	assert_int_equal(kolada_parse(one, strlen(one), "p3", &doc), 0);
	assert_int_equal(doc.v[2].entry, 2);
	kolada_free(&doc);
}

static void
test_refusals(void **state)
{
	(void)state;
	refused("[1, 2]", "has a \"values\" list");
	refused("{\"values\": [", "not valid JSON");
	refused("<html></html>", "not valid JSON");
	refused("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"0883\"}]}", "lacks kpi, period or values");
	refused("{\"values\": [{\"kpi\": \"N1\", \"ou\": \"V15E\", \"period\": 2022, \"values\": []}]}",
	        "organisational unit (ou V15E)");
	refused("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"G123\", \"period\": 2022, \"values\": []}]}",
	        "municipality group G123");
	refused("{\"values\": [{\"kpi\": \"N1\", \"period\": 2022, \"values\": []}]}", "names no municipality");
	refused("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"0883\", \"period\": 2022, \"values\": [{\"value\": 1}]}]}",
	        "entry 1, value 1 has no gender");
}

static const char strategies[] =
	"[strategy]\nid = vik\nmunicipality = Västervik\nmunicipality_code = 0883\ntitle = T\n";

static void
test_select(void **state)
{
	struct db *db = unit_db(strategies);
	struct kolada_doc doc;
	char *chosen = NULL, county[5];
	const char *json =
		"{\"values\": ["
		" {\"kpi\": \"N1\", \"municipality\": \"0883\", \"period\": 2022, \"values\": [{\"gender\": \"T\", \"value\": 1}]},"
		" {\"kpi\": \"N1\", \"municipality\": \"0008\", \"period\": 2022, \"values\": [{\"gender\": \"T\", \"value\": 2}]},"
		" {\"kpi\": \"N1\", \"municipality\": \"0000\", \"period\": 2022, \"values\": [{\"gender\": \"T\", \"value\": 3}]},"
		" {\"kpi\": \"N1\", \"municipality\": \"0009\", \"period\": 2022, \"values\": [{\"gender\": \"T\", \"value\": 4}]},"
		" {\"kpi\": \"N1\", \"municipality\": \"0880\", \"period\": 2022, \"values\": [{\"gender\": \"T\", \"value\": 5}]}]}";

	(void)state;
	kolada_county_id("0883", county);
	assert_string_equal(county, "0008");
	kolada_county_id("2284", county);
	assert_string_equal(county, "0022");
	assert_int_equal(parse(json, &doc), 0);
	assert_int_equal(kolada_select(db, "k.json", NULL, &doc, &chosen, NULL), 0);
	assert_string_equal(chosen, "vik");
	assert_int_equal(doc.v[0].series, SERIES_MUNICIPALITY);
	assert_false(doc.v[0].skip);
	assert_int_equal(doc.v[1].series, SERIES_COUNTY);
	assert_int_equal(doc.v[2].series, SERIES_COUNTRY);
	assert_true(doc.v[3].skip);     /* another county */
	assert_true(doc.v[4].skip);     /* another municipality */
	free(chosen);
	kolada_free(&doc);
	/* Another municipality only: an error naming both. */
	assert_int_equal(parse("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"0880\", \"period\": 2022, "
	                       "\"values\": [{\"gender\": \"T\", \"value\": 5}]}]}", &doc), 0);
	assert_int_equal(kolada_select(db, "k.json", NULL, &doc, &chosen, NULL), -1);
	assert_non_null(strstr(err_get(), "municipality 0880, not of 0883"));
	kolada_free(&doc);
	db_close(db);
}

static void
test_select_needs_code(void **state)
{
	struct db *db = unit_db("[strategy]\nid = utan\nmunicipality = Utan\ntitle = T\n");
	struct kolada_doc doc;
	char *chosen = NULL, *kpis, *areas;

	(void)state;
	assert_int_equal(parse("{\"values\": []}", &doc), 0);
	assert_int_equal(kolada_select(db, "k.json", NULL, &doc, &chosen, NULL), -1);
	assert_non_null(strstr(err_get(), "has no municipality_code"));
	assert_int_equal(kolada_request(db, "utan", &kpis, &areas), -1);
	kolada_free(&doc);
	db_close(db);
}

static void
test_request_and_url(void **state)
{
	struct db *db = unit_db("[strategy]\nid = vik\nmunicipality = V\nmunicipality_code = 0883\ntitle = T\n"
	                        "[goal.g]\ntitle = G\n[indicator.a]\ngoal = g\nname = A\nkolada = N00914\n"
	                        "[indicator.b]\ngoal = g\nname = B\nkolada = U00405\n"
	                        "[indicator.c]\ngoal = g\nname = C\n");
	char *kpis, *areas, *url;

	(void)state;
	assert_int_equal(kolada_request(db, "vik", &kpis, &areas), 0);
	assert_string_equal(kpis, "N00914,U00405");
	assert_string_equal(areas, "0883,0008,0000");
	url = kolada_data_url("https://api.kolada.se/v3/", kpis, areas, 0, 2026);
	assert_string_equal(url, "https://api.kolada.se/v3/data/kpi/N00914,U00405/municipality/0883,0008,0000");
	free(url);
	url = kolada_data_url("http://h/v2", "N1", "0883", 2024, 2026);
	assert_string_equal(url, "http://h/v2/data/kpi/N1/municipality/0883/year/2024,2025,2026");
	free(url);
	free(kpis);
	free(areas);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v2_page),
		cmocka_unit_test(test_v3_pages),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_select_needs_code),
		cmocka_unit_test(test_request_and_url),
	};

	unit_begin("kolada");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
