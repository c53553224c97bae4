/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print.h: the print key's work: the text summary to [report] print_command, else to a file. */
#ifndef STYRKORT_PRINT_H
#define STYRKORT_PRINT_H

#include "report.h"

enum print_result { PRINT_ERROR = -1, PRINT_SENT = 0, PRINT_SAVED = 1 };

/*
 * Pipe the text report r to command (run by /bin/sh, its output kept
 * off the screen).  If command is empty or fails, write the report to a
 * new file in dir (styrkort-ID-DATE.txt, -2, -3... if taken).  *message
 * gets what happened, for the status line (free it).
 */
enum print_result print_report(const struct report *r, const char *command, const char *dir,
                               char **message);

#endif
