/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print.c: the print key's work: the text summary to [report] print_command, else to a file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "print.h"
#include "util.h"

/* Run command with the report on its standard input; 0 if it succeeded, else its first error line. */
static int
send(const struct report *r, const char *command, char **why)
{
	char errpath[] = "/tmp/styrkort-print-XXXXXX";
	int errfd = mkstemp(errpath), status;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	char *full;
	FILE *pipe;

	*why = NULL;
	if (errfd < 0) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	close(errfd);
	full = xasprintf("exec >/dev/null 2>'%s'; %s", errpath, command);
	/* A printer command that stops reading must not kill the dashboard. */
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	fflush(NULL);
	/* The shell is the point: print_command is a command line the configuration gives. */
	pipe = popen(full, "w");    /* NOLINT(cert-env33-c) */
	free(full);
	if (!pipe) {
		*why = xstrdup(strerror(errno));
		sigaction(SIGPIPE, &old, NULL);
		unlink(errpath);
		return -1;
	}
	report_write(r, report_writer_text(), pipe);
	status = pclose(pipe);
	sigaction(SIGPIPE, &old, NULL);
	if (status != 0) {
		FILE *e = fopen(errpath, "r");
		char line[256] = "";

		if (e) {
			if (fgets(line, sizeof line, e))
				line[strcspn(line, "\n")] = '\0';
			fclose(e);
		}
		if (*line)
			*why = xstrdup(line);
		else if (WIFEXITED(status))
			*why = xasprintf(_("it exited with status %d"), WEXITSTATUS(status));
		else
			*why = xstrdup(_("it was stopped by a signal"));
	}
	unlink(errpath);
	return status == 0 ? 0 : -1;
}

/* Write the report to a new file in dir; its name into *path. */
static int
save(const struct report *r, const char *dir, char **path)
{
	char today[11];

	today_iso(today);
	for (int n = 1; n < 1000; n++) {
		char *name = n == 1 ? xasprintf("%s/styrkort-%s-%s.txt", dir, r->plan.s.id, today)
		                    : xasprintf("%s/styrkort-%s-%s-%d.txt", dir, r->plan.s.id, today, n);
		/* The person's own copy: readable by them only (styrkort(1), FILES). */
		int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
		FILE *f;

		if (fd < 0) {
			free(name);
			if (errno == EEXIST)
				continue;
			err_set("%s: %s", dir, strerror(errno));
			return -1;
		}
		f = fdopen(fd, "w");
		if (!f) {
			close(fd);
			free(name);
			err_set("%s: %s", dir, strerror(errno));
			return -1;
		}
		report_write(r, report_writer_text(), f);
		if (fclose(f) != 0) {
			err_set("%s: %s", name, strerror(errno));
			unlink(name);
			free(name);
			return -1;
		}
		*path = name;
		return 0;
	}
	err_set(_("%s: too many summaries for today already"), dir);
	return -1;
}

enum print_result
print_report(const struct report *r, const char *command, const char *dir, char **message)
{
	char *why = NULL, *path = NULL;

	if (command && *command) {
		if (send(r, command, &why) == 0) {
			*message = xasprintf(_("The summary was sent to '%s'."), command);
			return PRINT_SENT;
		}
	}
	if (save(r, dir, &path) < 0) {
		*message = why ? xasprintf(_("Printing failed (%s: %s) and so did saving: %s"), command, why, err_get())
		               : xasprintf(_("Saving the summary failed: %s"), err_get());
		free(why);
		return PRINT_ERROR;
	}
	*message = why ? xasprintf(_("Printing with '%s' failed (%s); the summary is in %s"), command, why, path)
	               : xasprintf(_("The summary is in %s"), path);
	free(why);
	free(path);
	return PRINT_SAVED;
}
