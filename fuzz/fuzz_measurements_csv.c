/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_measurements_csv.c: indicator values as CSV (indicator,period,sex,value) into a fresh copy of fuzz/fixture.ini. */
#include <config.h>
#include "common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_measurements(data, size, 0);
}
