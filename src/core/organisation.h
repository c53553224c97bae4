/* SPDX-License-Identifier: GPL-3.0-or-later */
/* organisation.h: the groups that carry a strategy (owner, steering group...): their roles, reading and text. */
#ifndef STYRKORT_ORGANISATION_H
#define STYRKORT_ORGANISATION_H

#include "model.h"

/*
 * The roles a group may have, one row each: X(ID, id, label); the id is
 * what files hold, the label is for people (N_()).
 */
#define ROLES(X) \
	X(OWNER, "owner", N_("Owner")) \
	X(STEERING, "steering_group", N_("Steering group")) \
	X(WORKING, "working_group", N_("Working group")) \
	X(REFERENCE, "reference_group", N_("Reference group")) \
	X(PROJECT_LEADER, "project_leader", N_("Project leader")) \
	X(COORDINATOR, "coordinator", N_("Coordinator")) \
	X(OTHER, "other", N_("Other group"))

/* The label of a role id in the UI language; the id itself if unknown. */
const char *organisation_role_label(const char *id);
/* 0 if id is a role's id, else -1. */
int organisation_role_check(const char *id);
/* The role ids joined by ", ", as messages list them (a static string). */
const char *organisation_role_list(void);

/* Read the strategy's groups into p (p->groups, p->ngroups). */
int organisation_load(struct db *db, const char *strategy_id, struct plan *p);
void organisation_free(struct plan *p);
/* A group's field as files hold it (a new string). */
char *organisation_group_text(const struct group *g, enum group_field f);
/*
 * A follow-up's cadence: CAD_CONTINUOUSLY (never due), CAD_YEARLY,
 * CAD_YEARS ("every N years" or "every N-M years": due every M years, the
 * latest the document allows), CAD_DATES (on the dates it lists); -1 if
 * text is none of them.  *years gets the step in years (or NULL).
 */
enum cadence { CAD_CONTINUOUSLY, CAD_YEARLY, CAD_YEARS, CAD_DATES };
int organisation_cadence(const char *text, int *years);
/* 0 if text is dates (a year, month or day, util.h) separated by ", ", each ending after the one before; else -1. */
int organisation_dates_check(const char *text);
/* A follow-up's field as files hold it (a new string). */
char *organisation_followup_text(const struct followup *f, enum followup_field field);

/*
 * The follow-up plan against today (YYYY-MM-DD): the next follow-up due on
 * or after today and the last one due before it, over all of p's
 * follow-ups, and whether a review was recorded on or after the last one's
 * date (a date as precise as the document: due until its period ends, and
 * a review on any day of that period counts).  When one is due (styrkort(5)): on its dates; every N years from
 * its first date (the first date included); yearly without a first date,
 * on 31 December of every year; every N years without one, from the
 * strategy's valid_from or else adopted_on (not included); continuously:
 * never.
 */
struct due {
	const struct followup *next, *last;     /* NULL: none */
	char next_date[11], last_date[11];
	int reviewed;                           /* a review in last_date's period or after it */
};
void organisation_due(const struct plan *p, const char *today, struct due *d);

/* A follow-up's cadence for people, in the UI language and date format, marked if example data (a new string). */
char *organisation_followup_summary(const struct followup *f, const char *date_format);
/*
 * The plan's state for people, in the UI language (new strings, NULL if
 * none): the next follow-up due and the last one with whether a review was
 * recorded for it.
 */
void organisation_due_text(const struct plan *p, const char *today, const char *date_format,
                           char **next, char **last);

/* Its name and composition for people, "NAME: COMPOSITION", marked if example data (a new string). */
char *organisation_group_summary(const struct group *g);

#endif
