/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalog.h: the UI's translations where the C library's gettext will not give them. */
#ifndef STYRKORT_CATALOG_H
#define STYRKORT_CATALOG_H

#include <stddef.h>

/*
 * GNU gettext ignores LANGUAGE when LC_MESSAGES is the C locale, and glibc
 * 2.38 and later (Debian 13) count C.UTF-8 as C, so a Swedish UI asked for
 * by [display] language = sv, or by LANG=sv_SE.UTF-8 on a machine where
 * that locale is not installed, would come out in English.  Then styrkort
 * reads its own compiled catalogue (a .mo file) here; everywhere else
 * gettext does the work.
 */

/* Load the .mo file at PATH as the catalogue in use; -1 (and none in use) if it cannot be read. */
int catalog_open(const char *path);
void catalog_close(void);
int catalog_active(void);

/* The translation of MSGID (with "CONTEXT\004" before it for a context), or NULL. */
const char *catalog_lookup(const char *msgid);
/* The plural form for N of MSGID's translation (n != 1 takes the second), or NULL. */
const char *catalog_nlookup(const char *msgid, unsigned long n);

/*
 * The UI's _(), ngettext and pgettext: the catalogue above when one is in
 * use, else gettext.
 */
char *ui_gettext(const char *msgid);
char *ui_ngettext(const char *singular, const char *plural, unsigned long n);
char *ui_pgettext(const char *context, const char *msgid);

#endif
