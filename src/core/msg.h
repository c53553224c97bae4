/* SPDX-License-Identifier: GPL-3.0-or-later */
/* msg.h: messages on standard error, sanitised so that no byte from a file or the database reaches a terminal raw. */
#ifndef STYRKORT_MSG_H
#define STYRKORT_MSG_H

#include <stdio.h>

/* Print "styrkort: MESSAGE" to stderr. */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fprintf for a whole message line (its own "styrkort: " and newline), sanitised as msg_error() is. */
void msg_print(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Restore the terminal (die_hook), print the message and exit. */
void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

#endif
