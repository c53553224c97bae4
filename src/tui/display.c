/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display.c: curses setup (newterm), the theme's colours or monochrome, layout, header, status line, keys and signals. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "display.h"
#include "text.h"
#include "util.h"
/* Last: it defines macros named after terminfo capabilities (lines, columns). */
#include <term.h>

struct display dpy;

static SCREEN *screen;
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t got_winch;
static struct sigaction curses_winch;   /* ncurses' own SIGWINCH handler, which ours calls */
static int terminal_gone;
static int quick_errors;        /* reads that failed at once although input looked ready */
static char *message;
static int message_error;
static WINDOW *message_win;     /* a message too long for the status line, in full above it */

/* Take the long message's lines away; what they covered is drawn again at the next refresh. */
static void
message_win_close(void)
{
	if (!message_win)
		return;
	delwin(message_win);
	message_win = NULL;
	if (dpy.body)
		touchwin(dpy.body);
	if (dpy.header)
		touchwin(dpy.header);
}

/* The whole message, wrapped onto (at most three) lines just above the status line. */
static void
message_win_open(void)
{
	char **wrapped;
	size_t n = text_wrap(message, COLS - 2, &wrapped), shown = n;
	attr_t a = display_attr(message_error ? DC_ERROR : DC_STATUS);

	if (shown > 3)
		shown = 3;
	if (shown == 0 || dpy.l.status_y - (int)shown < 0 ||
	    !(message_win = display_newwin((int)shown, COLS, dpy.l.status_y - (int)shown, 0))) {
		text_lines_free(wrapped);
		return;
	}
	leaveok(message_win, TRUE);     /* the cursor stays on the selected item */
	for (size_t i = 0; i < shown; i++) {
		display_fill(message_win, (int)i, 0, COLS, a);
		if (i == shown - 1 && n > shown) {
			char *cut = xasprintf("%.*s...", (int)text_fit(wrapped[i], COLS - 5), wrapped[i]);

			display_text(message_win, (int)i, 1, COLS - 2, cut, a);
			free(cut);
		} else {
			display_text(message_win, (int)i, 1, COLS - 2, wrapped[i], a);
		}
	}
	text_lines_free(wrapped);
}

/*
 * The hints that fit in cols, whole ones only: they are cut at a " | ",
 * never inside a word; but the first, the most important (a follower's
 * "following NAME"), is shown cut with "…" rather than not at all.
 */
static void
draw_hints(WINDOW *w, int x, int cols, const char *hints)
{
	size_t cut = 0;

	if (cols <= 0)
		return;
	if (text_width(hints) <= cols) {
		display_text(w, 0, x, cols, hints, display_attr(DC_STATUS));
		return;
	}
	for (const char *p = strstr(hints, " | "); p; p = strstr(p + 3, " | ")) {
		char *head = xstrndup(hints, (size_t)(p - hints));
		int fits = text_width(head) <= cols;

		free(head);
		if (!fits)
			break;
		cut = (size_t)(p - hints);
	}
	{
		char *head = cut ? xstrndup(hints, cut) : text_ellipsize(hints, cols);

		display_text(w, 0, x, cols, head, display_attr(DC_STATUS));
		free(head);
	}
}

/* Each role's attribute: its theme's colour pair and bold, or its monochrome look. */
static attr_t role_attr[DC_COUNT];
/* Every window's background: the theme's normal text on its background (0 without colours). */
static chtype window_bg;
/* The selected row's one look in colour (0 without: reverse video over the row's own look). */
static attr_t selected_attr;

/* What a cell is written with: in colour a selected row (reverse) is one look, whatever its parts' roles. */
static attr_t
cell_attr(attr_t a)
{
	return selected_attr && (a & A_REVERSE) ? selected_attr : a;
}

/* The monochrome look of every role (NO_COLOR, color = never, a terminal without colours). */
static void
roles_mono(void)
{
	for (int i = 0; i < DC_COUNT; i++) {
		int m = theme_mono((enum theme_role)i);

		role_attr[i] = (m & THEME_BOLD ? A_BOLD : 0) | (m & THEME_UNDERLINE ? A_UNDERLINE : 0) |
		               (m & THEME_REVERSE ? A_REVERSE : 0);
	}
}

/*
 * The theme's colours.  Pair 0 stays the terminal's own colours, so that
 * going back to plain text costs a terminal only sgr0; the theme's text on
 * its background is a pair of its own, every window's background (see
 * display_newwin), and the selected row is that pair reversed, one pair for
 * the whole row as tig and htop draw their cursor line.  Roles of the same
 * colours share a pair: a terminal is sent a colour only where it changes
 * (and a terminal of few pairs has enough).  0: too few colours or pairs,
 * the monochrome look stays.
 */
struct pairs {
	short fg[DC_COUNT + 2], bg[DC_COUNT + 2];       /* pair n's colours; 0 is the terminal's */
	int n;
};

/* The pair of colours fg on bg: one made before, else the next one; 0 if the terminal has no more. */
static int
pair_of(struct pairs *p, short fg, short bg)
{
	for (int i = 1; i <= p->n; i++)
		if (p->fg[i] == fg && p->bg[i] == bg)
			return i;
	if (p->n + 1 >= COLOR_PAIRS || p->n + 1 >= (int)(sizeof p->fg / sizeof *p->fg) ||
	    init_pair((short)(p->n + 1), fg, bg) != OK)
		return 0;
	p->n++;
	p->fg[p->n] = fg;
	p->bg[p->n] = bg;
	return p->n;
}

static int
roles_color(enum theme t)
{
	enum theme_depth depth = COLORS >= 256 ? THEME_256 : THEME_8;
	const struct theme_color *normal = theme_color(t, depth, TR_NORMAL);
	struct pairs p = { .n = 0 };
	attr_t attr[DC_COUNT];
	int text, selected;

	if (COLORS < 8 || !normal || use_default_colors() != OK ||
	    !(text = pair_of(&p, normal->fg, normal->bg)) || !(selected = pair_of(&p, normal->bg, normal->fg)))
		return 0;
	for (int i = 0; i < DC_COUNT; i++) {
		const struct theme_color *c = theme_color(t, depth, (enum theme_role)i);
		int pair;

		attr[i] = role_attr[i];
		if (!c)
			continue;
		if (!(pair = pair_of(&p, c->fg, c->bg)))
			return 0;
		attr[i] = (c->bold ? A_BOLD : A_NORMAL) | COLOR_PAIR(pair);
	}
	memcpy(role_attr, attr, sizeof role_attr);
	window_bg = COLOR_PAIR(text);
	selected_attr = COLOR_PAIR(selected);
	return 1;
}

/* Sequences of common terminals that a TERM such as vt100 does not list. */
static const struct {
	const char *seq;
	int code;
} csi_keys[] = {
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT }, { "\033[Z", KEY_BTAB }, { "\033OA", KEY_UP },
	{ "\033OB", KEY_DOWN }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
};

/*
 * Esc followed at once by [ or O is an escape sequence curses did not
 * know: read it to its end, so that none of its characters is taken as
 * a key (\e[15~ must not switch to pane 1).  0 if a sequence was eaten.
 */
static int
eat_sequence(void)
{
	wint_t c;
	int rc;

	wtimeout(stdscr, 0);
	rc = wget_wch(stdscr, &c);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		ungetch((int)c);
		return -1;
	}
	if (c != '[' && c != 'O') {
		unget_wch((wchar_t)c);
		return -1;
	}
	if (c == 'O') {
		wget_wch(stdscr, &c);
		return 0;
	}
	/* CSI: parameters and intermediates (0x20-0x3f) up to the final byte (0x40-0x7e). */
	while (wget_wch(stdscr, &c) == OK && c >= 0x20 && c < 0x40)
		;
	return 0;
}

/*
 * The signals that end the dashboard the orderly way: the key loop sees
 * the flag, a dialog is left unsaved, the terminal restored, the --demo
 * copy removed (atexit), and the exit status is 128+N, as a shell says.
 */
static const int exit_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* A resize: ncurses' handler makes its KEY_RESIZE; ours also ends the wait for input (wait_input). */
static void
on_winch(int sig)
{
	got_winch = 1;
	if (!(curses_winch.sa_flags & SA_SIGINFO) && curses_winch.sa_handler != SIG_DFL &&
	    curses_winch.sa_handler != SIG_IGN)
		curses_winch.sa_handler(sig);
}

/* The signals whose handlers end wait_input()'s wait: blocked until ppoll() waits, so none is missed. */
static void
wait_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGWINCH);
	for (size_t i = 0; i < sizeof exit_signals / sizeof exit_signals[0]; i++)
		sigaddset(set, exit_signals[i]);
}

static void
restore_terminal(void)
{
	if (screen && !isendwin())
		endwin();
}

/* Can curses draw on this terminal?  Checked before newterm writes anything. */
static int
terminal_check(const char *term)
{
	const char *hint = _("set TERM to your terminal's type (such as xterm-256color), "
	                     "or use 'styrkort report' for plain text");
	int err = 0;
	char *cup;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(_("terminal: the dashboard needs a terminal for its input and output; %s"), hint);
		return -1;
	}
	if (!term || !*term) {
		err_set(_("terminal: TERM is not set; %s"), hint);
		return -1;
	}
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		if (err == -1)
			err_set(_("terminal: the terminfo database cannot be found; install ncurses-base or %s"), hint);
		else
			err_set(_("terminal: TERM=%s is not a terminal type this system knows; %s"), term, hint);
		return -1;
	}
	cup = tigetstr("cup");
	/* (char *)-1 is how tigetstr() says "not a string capability" (terminfo(3X)). */
	if (!cup || cup == (char *)-1 /* NOLINT(performance-no-int-to-ptr) */ || tigetflag("hc") > 0) {
		del_curterm(cur_term);
		err_set(_("terminal: TERM=%s cannot place the cursor, which the dashboard needs; %s"), term, hint);
		return -1;
	}
	del_curterm(cur_term);
	return 0;
}

int
display_open(const struct config *cfg)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");
	struct sigaction sa;

	if (terminal_check(term) < 0)
		return -1;
	/* Before newterm, so ncurses keeps ours; no SA_RESTART, so a read returns at once. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof exit_signals / sizeof exit_signals[0]; i++)
		sigaction(exit_signals[i], &sa, NULL);
	if (!(screen = newterm(term, stdout, stdin))) {
		err_set(_("terminal: cannot start curses on TERM=%s; set TERM to your terminal's type"), term);
		return -1;
	}
	die_hook = restore_terminal;
	/* ncurses has put its SIGWINCH handler in place (newterm): ours goes in front of it. */
	sigaction(SIGWINCH, NULL, &curses_winch);
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	/* Home and End as many terminals send them whatever TERM says (screen, tmux, PuTTY, rxvt). */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	/* PgUp, PgDn, arrows and Shift-Tab as xterm-like terminals send them, also where TERM (vt100) names none. */
	for (size_t i = 0; i < sizeof csi_keys / sizeof *csi_keys; i++)
		if (key_defined(csi_keys[i].seq) <= 0)
			define_key(csi_keys[i].seq, csi_keys[i].code);
	curs_set(1);            /* the cursor stays on the selected item, for screen readers */
	dpy.color = has_colors() && cfg->color != COLOR_NEVER &&
	            (cfg->color == COLOR_ALWAYS || !no_color || !*no_color);
	roles_mono();
	if (dpy.color && (start_color() != OK || !roles_color(theme_pick(cfg->theme, getenv("COLORFGBG")))))
		dpy.color = 0;
	wbkgd(stdscr, window_bg | ' ');
	/* stdscr is only the background: paint it once so reading keys never repaints it over the windows. */
	refresh();
	display_layout();
	return 0;
}

/* The windows of the layout (display_layout() makes them again). */
static void
close_windows(void)
{
	message_win_close();
	if (dpy.header)
		delwin(dpy.header);
	if (dpy.body)
		delwin(dpy.body);
	if (dpy.status)
		delwin(dpy.status);
	dpy.header = dpy.body = dpy.status = NULL;
}

void
display_close(void)
{
	close_windows();
	memset(&dpy, 0, sizeof dpy);
	if (screen) {
		endwin();
		delscreen(screen);
		screen = NULL;
		sigaction(SIGWINCH, &curses_winch, NULL);
	}
	die_hook = NULL;
	free(message);
	message = NULL;
}

void
display_layout(void)
{
	close_windows();
	/*
	 * A resize touches stdscr, and reading a key from a touched stdscr
	 * would repaint it over the windows: put it under them now.
	 */
	werase(stdscr);
	wnoutrefresh(stdscr);
	layout_screen(COLS, LINES, &dpy.l);
	if (dpy.l.too_small)
		return;
	dpy.header = display_newwin(dpy.l.header_h, COLS, dpy.l.header_y, 0);
	dpy.body = display_newwin(dpy.l.body_h, COLS, dpy.l.body_y, 0);
	dpy.status = display_newwin(1, COLS, dpy.l.status_y, 0);
	if (!dpy.header || !dpy.body || !dpy.status)
		dpy.l.too_small = 1;
}

WINDOW *
display_newwin(int h, int w, int y, int x)
{
	WINDOW *win = newwin(h, w, y, x);

	if (win)
		wbkgd(win, window_bg | ' ');
	return win;
}

attr_t
display_attr(enum dcolor c)
{
	return c < DC_COUNT ? role_attr[c] : A_NORMAL;
}

attr_t
display_look(enum dcolor c)
{
	return cell_attr(display_attr(c));
}

attr_t
display_status_attr(int status)
{
	return status >= 0 && status < 5 ? display_attr((enum dcolor)(DC_ST_NOT_STARTED + status)) : A_NORMAL;
}

/* A cell's look (attributes and pair) and whether it is a blank. */
static int
cell_at(WINDOW *w, int y, int x, attr_t *look, short *pair)
{
	cchar_t c;
	wchar_t wc[CCHARW_MAX + 1];

	if (mvwin_wch(w, y, x, &c) == ERR || getcchar(&c, wc, look, pair, NULL) == ERR)
		return -1;
	*look &= ~A_COLOR;
	return wc[0] == L' ' && !wc[1];
}

static short
background_of(short pair)
{
	short fg, bg;

	return pair_content(pair, &fg, &bg) == OK ? bg : -2;
}

/*
 * The blanks between two texts of one look take that look.  A blank shows
 * only its background, so the screen stays the same, but the terminal is
 * then sent no change of look and back for the gap (an overdue date and
 * its days late: 61 bytes less a row).  Not where underline or reverse
 * video would show on a blank, nor over another background.
 */
static void
join_gap(WINDOW *w, int y, int x)
{
	const attr_t shows = A_UNDERLINE | A_REVERSE;
	attr_t look, other;
	short pair, opair;
	int gap = x, differs = 0, blank;

	if (cell_at(w, y, x, &look, &pair) < 0 || (look & shows))
		return;
	while (gap > 0 && (blank = cell_at(w, y, gap - 1, &other, &opair)) == 1) {
		if ((other & shows) || background_of(opair) != background_of(pair))
			return;
		differs |= other != look || opair != pair;
		gap--;
	}
	if (gap > 0 && gap < x && differs && blank == 0 && other == look && opair == pair)
		mvwchgat(w, y, gap, x - gap, look, pair, NULL);
}

int
display_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	char *clean;
	size_t fit;
	int used;

	if (!w || cols <= 0 || !s)
		return 0;
	clean = text_sanitize(s, 0);
	fit = text_fit(clean, cols);
	clean[fit] = '\0';
	used = text_width(clean);
	wattrset(w, cell_attr(a));
	mvwaddnstr(w, y, x, clean, (int)fit);
	wattrset(w, A_NORMAL);
	if (used > 0)
		join_gap(w, y, x);
	free(clean);
	return used;
}

void
display_fill(WINDOW *w, int y, int x, int cols, attr_t a)
{
	if (!w || cols <= 0)
		return;
	wattrset(w, cell_attr(a));
	mvwhline(w, y, x, ' ', cols);
	wattrset(w, A_NORMAL);
}

void
display_header(const char *title, const char *const *tabs, const char *keys, int ntabs, int current)
{
	WINDOW *w = dpy.header;
	int x = 0, full = 0;

	if (!w)
		return;
	werase(w);
	display_text(w, 0, 0, COLS, title, display_attr(DC_TITLE));
	/* The tabs with their names if they fit, else only the current one named. */
	for (int i = 0; i < ntabs; i++)
		full += text_width(tabs[i]) + 5;
	for (int i = 0; i < ntabs && x < COLS; i++) {
		char *label = full <= COLS || i == current ? xasprintf(" %c %s ", keys[i], tabs[i])
		                                         : xasprintf(" %c ", keys[i]);

		x += display_text(w, 1, x, COLS - x, label, display_attr(i == current ? DC_TAB_CURRENT : DC_TAB));
		if (x < COLS)
			x += display_text(w, 1, x, 1, " ", A_NORMAL);
		free(label);
	}
	wnoutrefresh(w);
}

/*
 * "| strategy | name | " for the room after the mode: the configured name,
 * shortened with "…" to 24 columns, or fewer where a long one would leave
 * no room for the first hints before the position.
 */
static char *
status_who(const char *strategy, int room)
{
	enum { HINT_ROOM = 12, WHO_MIN = 8, WHO_MAX = 24 };
	char *fixed = xasprintf("| %s |  | ", strategy), *name, *s;
	int cols = room - text_width(fixed) - HINT_ROOM;

	if (cols > WHO_MAX)
		cols = WHO_MAX;

	name = text_ellipsize(user_name(), cols < WHO_MIN ? WHO_MIN : cols);
	s = xasprintf("| %s | %s | ", strategy, name);
	free(fixed);
	free(name);
	return s;
}

void
display_status(const char *mode, int mode_stands_out, const char *strategy, const char *hints,
               const char *pos)
{
	WINDOW *w = dpy.status;
	char *left;
	/* The position keeps three blank columns before it: hints and messages never run into it. */
	int x, posw = pos ? text_width(pos) + 4 : 0;

	if (!w)
		return;
	display_fill(w, 0, 0, COLS, display_attr(DC_STATUS));
	left = xasprintf(" %s ", mode);
	x = display_text(w, 0, 0, COLS, left, display_attr(mode_stands_out ? DC_MODE_EDIT : DC_STATUS));
	free(left);
	left = status_who(strategy, COLS - posw - x);
	if (message && x + text_width(left) + text_width(message) > COLS - posw) {
		if (x + 2 + text_width(message) <= COLS) {
			/* The message gets the whole line after the mode. */
			x += display_text(w, 0, x, COLS - x, "| ", display_attr(DC_STATUS));
			display_text(w, 0, x, COLS - x, message, display_attr(message_error ? DC_ERROR : DC_STATUS));
			free(left);
			wnoutrefresh(w);
			return;
		}
		/* Too long for any line: in full above the status line (display_update), which keeps its hints. */
		if (!message_win)
			message_win_open();
	}
	x += display_text(w, 0, x, COLS - x - posw, left, display_attr(DC_STATUS));
	free(left);
	if (message && !message_win)
		display_text(w, 0, x, COLS - x - posw, message,
		             display_attr(message_error ? DC_ERROR : DC_STATUS));
	else
		draw_hints(w, x, COLS - x - posw, hints);
	if (pos && COLS - posw > x)
		display_text(w, 0, COLS - posw + 3, posw - 3, pos, display_attr(DC_STATUS));
	wnoutrefresh(w);
}

void
display_message(int error, const char *fmt, ...)
{
	va_list ap;
	struct buf b;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(message);
	/* The one place every status-line message passes: whatever it quotes, no control reaches the terminal. */
	message = text_sanitize(b.s ? b.s : "", 1);
	buf_free(&b);
	message_error = error;
	message_win_close();
}

void
display_clear_message(void)
{
	free(message);
	message = NULL;
	message_win_close();
}

void
display_update(void)
{
	if (message_win) {
		int y = -1, x = -1;

		/* The message's lines go on top, and the cursor stays where it was put: on the selected item. */
		getsyx(y, x);
		touchwin(message_win);
		wnoutrefresh(message_win);
		setsyx(y, x);
	}
	doupdate();
}

void
display_too_small(void)
{
	char *msg = xasprintf(_("Terminal too small (%dx%d): styrkort needs at least %dx%d. q quits."),
	                      COLS, LINES, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	char **wrapped;
	int y = 0;

	werase(stdscr);
	if (COLS > 0) {
		text_wrap(msg, COLS, &wrapped);
		for (char **l = wrapped; *l && y < LINES; l++)
			display_text(stdscr, y++, 0, COLS, *l, display_attr(DC_LABEL));
		text_lines_free(wrapped);
	}
	free(msg);
	wmove(stdscr, 0, 0);
	wnoutrefresh(stdscr);
}

int
display_exiting(void)
{
	return got_signal || terminal_gone;
}

int
display_exit_status(void)
{
	if (got_signal)
		return 128 + got_signal;
	return terminal_gone ? 128 + SIGHUP : 0;
}

/* Has the terminal gone away (the SSH connection dropped)? */
static int
input_gone(int err)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (err == EIO || err == EBADF || !isatty(STDIN_FILENO))
		return 1;
	if (poll(&p, 1, 0) > 0) {
		if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
			return 1;
		/* Ready, yet no key: an end of file, which would come back at once forever. */
		if ((p.revents & POLLIN) && ++quick_errors > 20)
			return 1;
	} else {
		quick_errors = 0;
	}
	return 0;
}

/* A key that is there now (read by ncurses, or waiting on the terminal), else DK_TIMEOUT. */
static struct dkey
read_key(void)
{
	struct dkey k = { DK_EXIT, 0 };
	wint_t wch;
	int rc;

	wtimeout(stdscr, 0);
	errno = 0;
	rc = wget_wch(stdscr, &wch);
	if (display_exiting())
		return k;
	if (rc == ERR) {
		if (input_gone(errno)) {
			terminal_gone = 1;
			return k;
		}
		k.type = DK_TIMEOUT;
		return k;
	}
	quick_errors = 0;
	k.type = rc == KEY_CODE_YES ? DK_KEY : DK_CHAR;
	k.code = (int)wch;
	if (k.type == DK_CHAR && k.code == 27 && eat_sequence() == 0) {
		k.type = DK_KEY;
		k.code = 0;     /* a key we do not know: no action */
	}
	/* Enter arrives as CR with nonl(). */
	if (k.type == DK_CHAR && k.code == '\r')
		k.code = '\n';
	return k;
}

enum waited { WAITED_INPUT, WAITED_FD, WAITED_TIMEOUT };

/*
 * Sleep until the terminal has input, fd is readable, a signal comes or
 * timeout_ms passes (-1: no limit); the process makes no system call
 * meanwhile.  The signals stay blocked until ppoll() waits with them
 * open, so one that comes just before the wait ends it at once.
 */
static enum waited
wait_input(int fd, int timeout_ms)
{
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN }, { .fd = fd, .events = POLLIN } };
	struct timespec ts = { .tv_sec = timeout_ms / 1000, .tv_nsec = (long)(timeout_ms % 1000) * 1000000 };
	sigset_t block, old;
	int n = -1;

	wait_signals(&block);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (!got_signal && !got_winch)
		n = ppoll(p, 2, timeout_ms >= 0 ? &ts : NULL, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	got_winch = 0;
	if (n == 0)
		return WAITED_TIMEOUT;
	if (n > 0 && fd >= 0 && (p[1].revents & POLLIN) && !p[0].revents)
		return WAITED_FD;
	return WAITED_INPUT;
}

struct dkey
display_getkey(int timeout_ms, int fd)
{
	struct dkey k = { DK_EXIT, 0 };

	if (display_exiting())
		return k;
	/* First what ncurses has read already (the rest of a sequence), which the terminal no longer shows. */
	got_winch = 0;
	k = read_key();
	if (k.type != DK_TIMEOUT)
		return k;
	switch (wait_input(fd, timeout_ms)) {
	case WAITED_TIMEOUT:
		break;
	case WAITED_FD:
		k.type = DK_WAKE;
		break;
	case WAITED_INPUT:
		k = read_key();
		break;
	}
	if (display_exiting())
		k.type = DK_EXIT;
	return k;
}

/* The prompt and the line so far on the status line, the end of a long line in view. */
static void
prompt_draw(const char *prompt, const wchar_t *line)
{
	char mb[256 * MB_LEN_MAX];   /* display_prompt's line: at most 255 characters */
	const char *from;
	int x, w, n;

	display_fill(dpy.status, 0, 0, COLS, A_NORMAL);
	x = display_text(dpy.status, 0, 0, COLS, prompt, display_attr(DC_LABEL));
	from = wcstombs(mb, line, sizeof mb) == (size_t)-1 ? "" : mb;
	/* Measured as shown (text_width), so the cursor ends where the text does. */
	while ((w = text_width(from)) > COLS - x - 1 && *from)
		from += (n = mblen(from, MB_CUR_MAX)) > 0 ? n : 1;
	display_text(dpy.status, 0, x, COLS - x - 1, from, A_NORMAL);
	wmove(dpy.status, 0, x + w < COLS ? x + w : COLS - 1);
	wnoutrefresh(dpy.status);
	doupdate();
}

enum prompt_step { PROMPT_CANCEL = -1, PROMPT_MORE, PROMPT_DONE };

/* One key into the line (of at most max characters): Enter ends it, Esc and a resize cancel it. */
static enum prompt_step
prompt_key(struct dkey k, wchar_t *line, size_t *len, size_t max)
{
	if (k.type == DK_EXIT)
		return PROMPT_CANCEL;
	if (k.type == DK_TIMEOUT)
		return PROMPT_MORE;
	if (k.type == DK_KEY && k.code == KEY_RESIZE)
		return PROMPT_CANCEL;
	if (k.code == 27 && k.type == DK_CHAR)
		return PROMPT_CANCEL;
	if (k.code == '\n' || (k.type == DK_KEY && k.code == KEY_ENTER))
		return PROMPT_DONE;
	if ((k.type == DK_KEY && k.code == KEY_BACKSPACE) || (k.type == DK_CHAR && (k.code == 127 || k.code == 8))) {
		if (*len > 0)
			line[--*len] = L'\0';
	} else if (k.type == DK_CHAR && k.code == 21) {        /* Ctrl-U: clear */
		*len = 0;
		line[0] = L'\0';
	} else if (k.type == DK_CHAR && iswprint((wint_t)k.code) && *len < max) {
		line[(*len)++] = (wchar_t)k.code;
		line[*len] = L'\0';
	}
	return PROMPT_MORE;
}

char *
display_prompt(const char *prompt, const char *initial)
{
	wchar_t line[256];
	size_t len = 0, n;
	enum prompt_step step = PROMPT_MORE;
	char *out;

	if (!dpy.status)
		return NULL;
	if (initial) {
		n = mbstowcs(line, initial, 255);
		len = n == (size_t)-1 ? 0 : n;
	}
	line[len] = L'\0';
	while (step == PROMPT_MORE) {
		prompt_draw(prompt, line);
		step = prompt_key(display_getkey(-1, -1), line, &len, 255);
	}
	if (step == PROMPT_CANCEL || (n = wcstombs(NULL, line, 0)) == (size_t)-1)
		return NULL;
	out = xmalloc(n + 1);
	wcstombs(out, line, n + 1);
	return out;
}
