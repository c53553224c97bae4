/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.c: where the program finds its data, samples and catalogue: the build tree when run from it, else the installed paths. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"

/* Is the running binary the one in the build tree? */
static int
in_build_tree(void)
{
	static int cached = -1;
	char exe[PATH_MAX], real[PATH_MAX];
	ssize_t n;

	if (cached >= 0)
		return cached;
	cached = 0;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if (realpath(ABS_BUILDDIR "/src/styrkort", real) && strcmp(real, exe) == 0)
			cached = 1;
	}
	return cached;
}

const char *
app_data_dir(void)
{
	return in_build_tree() ? ABS_BUILDDIR "/data" : PKGDATADIR;
}

const char *
app_sample_dir(void)
{
	return in_build_tree() ? ABS_SRCDIR "/data" : PKGDATADIR;
}

const char *
app_locale_dir(void)
{
	return in_build_tree() ? ABS_BUILDDIR "/locale" : LOCALEDIR;
}
