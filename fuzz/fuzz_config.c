/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_config.c: the configuration reader (styrkort.ini); an accepted date_format formats a date. */
#include <config.h>
#include "common.h"
#include "configuration.h"
#include "report.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("styrkort.ini", data, size);
	struct config c;

	config_defaults(&c);
	if (config_load_file(&c, path) == 0) {
		char out[64];

		report_format_date(out, sizeof out, "2026-11-22", c.date_format);
	}
	config_free(&c);
	return 0;
}
