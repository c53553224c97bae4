/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_measurements_json.c: indicator values as Kolada JSON ({"values": [...]}) into a fresh copy of fuzz/fixture.ini. */
#include <config.h>
#include "common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_measurements(data, size, 1);
}
