/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display.h: the terminal: curses setup, colours or monochrome, the header and status line, keys, signals. */
#ifndef STYRKORT_DISPLAY_H
#define STYRKORT_DISPLAY_H

#include <curses.h>
#include "configuration.h"
#include "layout.h"
#include "theme.h"

/* The roles of src/core/theme.h: DC_NORMAL, DC_TITLE, ...; their colours come from the theme. */
enum dcolor {
#define R(name, what, mono) DC_##name = TR_##name,
	THEME_ROLES
#undef R
	DC_COUNT
};

/* The windows: everything the panes draw goes into body. */
struct display {
	WINDOW *header, *body, *status;
	struct layout l;
	int color;              /* 1: colours in use */
};
extern struct display dpy;

/*
 * Start curses on the terminal (newterm, so an unknown or unusable TERM
 * is our error, not ncurses' exit).  -1 with err_set() "terminal: ...".
 * SIGHUP, SIGINT, SIGQUIT, SIGPIPE and SIGTERM only set a flag from here on.
 */
int display_open(const struct config *cfg);
void display_close(void);
/* Make the windows for the terminal's current size. */
void display_layout(void);

/* A new window with the theme's background. */
WINDOW *display_newwin(int h, int w, int y, int x);
attr_t display_attr(enum dcolor c);
/* Role c's look as a whole, for the menu and form libraries' own drawing (SELECTED: its one look in colour). */
attr_t display_look(enum dcolor c);
/* The attribute of a status (its colour, or its monochrome look). */
attr_t display_status_attr(int status);

/*
 * Write s, sanitised (control characters never reach the terminal) and
 * cut at a character boundary to cols columns; returns the columns used.
 */
int display_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t a);
/* Spaces from x for cols columns. */
void display_fill(WINDOW *w, int y, int x, int cols, attr_t a);

/* The header: the strategy's line and the pane tabs, each with its key (keys[i]). */
void display_header(const char *title, const char *const *tabs, const char *keys, int ntabs, int current);
/*
 * The status line: mode, strategy, user, then the message (if any) or the
 * hints; pos at the right.  mode_stands_out: the mode is drawn apart from
 * the rest of the line (not reversed), as edit mode is.
 */
void display_status(const char *mode, int mode_stands_out, const char *strategy, const char *hints,
                    const char *pos);
/* A message for the status line until the next key; error: shown as one. */
void display_message(int error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void display_clear_message(void);
/*
 * doupdate(), with a message too long for the status line on top, in full
 * on the lines above it (the screens that show messages use this).
 */
void display_update(void);
/* "Terminal too small" on the whole screen. */
void display_too_small(void);

/* A key: a character (its code point), a curses key code, a timeout, the other descriptor readable, or the end. */
enum dkey_type { DK_CHAR, DK_KEY, DK_TIMEOUT, DK_WAKE, DK_EXIT };
struct dkey {
	enum dkey_type type;
	int code;
};
/*
 * Wait for a key, at most timeout_ms (-1: as long as it takes; DK_TIMEOUT
 * after a timeout or a signal such as SIGTSTP), or until fd (-1: none)
 * is readable (DK_WAKE).  Nothing else wakes the process: no timer runs
 * while it waits.  DK_EXIT after one of those signals, or when the
 * terminal has gone (a dropped SSH connection makes every read fail at
 * once: that must end the program, not spin).
 */
struct dkey display_getkey(int timeout_ms, int fd);
/* 1 once a signal or a lost terminal asks us to end. */
int display_exiting(void);
/* The exit status that says why: 128+N after signal N (a lost terminal is a hangup), else 0. */
int display_exit_status(void);

/* Read a line on the status line after prompt; NULL if cancelled (Esc) or the program must end. */
char *display_prompt(const char *prompt, const char *initial);

#endif
