/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.h: "/" search: case-insensitive matching of UTF-8 text, shared by the panes and SQL. */
#ifndef STYRKORT_SEARCH_H
#define STYRKORT_SEARCH_H

/*
 * 1 if needle occurs in hay, ignoring case by the locale's rules (so "ö"
 * finds "Ö"); an empty needle matches everything.  Needs a UTF-8 LC_CTYPE.
 */
int search_match(const char *hay, const char *needle);
/* 1 if a and b are the same text ignoring case by the locale's rules ("Kön" and "kön"). */
int search_same(const char *a, const char *b);

#endif
