/* tui.c: the dashboard (first version: the strategy's header and vision; q quits). */
#include <config.h>

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "model.h"
#include "text.h"
#include "util.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void
put_line(int y, const char *s, attr_t attr)
{
	char *clean = text_sanitize(s, 0);
	size_t fit = text_fit(clean, COLS);

	attron(attr);
	mvaddnstr(y, 0, clean, (int)fit);
	attroff(attr);
	free(clean);
}

static void
draw(const struct plan *p, const struct db *db)
{
	char **lines;
	int y = 2;
	char *status;

	erase();
	put_line(0, p->s.municipality, A_BOLD);
	put_line(1, p->s.title, 0);
	if (p->s.vision && *p->s.vision) {
		put_line(++y, _("Vision"), A_BOLD);
		y++;
		text_wrap(p->s.vision, COLS - 2, &lines);
		for (char **l = lines; *l && y < LINES - 1; l++)
			mvaddstr(y++, 2, *l);
		text_lines_free(lines);
	}
	status = xasprintf("%s | %s | %s", db->read_only ? _("read-only") : _("view"), p->s.id, _("q quit"));
	put_line(LINES - 1, status, A_REVERSE);
	free(status);
	refresh();
}

int
tui_run(struct app *a, struct db *db)
{
	struct strategy_ref *refs;
	size_t n;
	struct plan p;
	SCREEN *scr;
	const char *term = getenv("TERM");
	int ch;

	if (model_list_strategies(db, &refs, &n) < 0) {
		msg_error("%s", err_get());
		return EXIT_RUNTIME;
	}
	if (n == 0) {
		msg_error(_("%s: the database holds no strategy; add one with 'styrkort import FILE.ini'"), db->path);
		model_free_strategy_refs(refs, n);
		return EXIT_RUNTIME;
	}
	if (model_load_plan(db, a->strategy ? a->strategy : refs[0].id, &p) < 0) {
		msg_error("%s", err_get());
		model_free_strategy_refs(refs, n);
		return EXIT_RUNTIME;
	}
	model_free_strategy_refs(refs, n);
	if (!term || !*term || !isatty(STDOUT_FILENO) ||
	    !(scr = newterm(NULL, stdout, stdin))) {
		msg_error(_("terminal: cannot use TERM=%s; set TERM to your terminal type (such as xterm-256color) "
		            "or use 'styrkort report' for plain text"), term ? term : "");
		model_free_plan(&p);
		return EXIT_RUNTIME;
	}
	die_hook = restore_terminal;
	signal(SIGHUP, on_signal);
	signal(SIGTERM, on_signal);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(1000);
	draw(&p, db);
	while (!got_signal) {
		ch = getch();
		if (ch == 'q')
			break;
		if (ch == KEY_RESIZE)
			draw(&p, db);
		if (ch == ERR && (!isatty(STDIN_FILENO) || getppid() == 1))
			break;
	}
	endwin();
	delscreen(scr);
	model_free_plan(&p);
	return EXIT_OK;
}
