/* SPDX-License-Identifier: GPL-3.0-or-later */
/* panes.h: the panes, once, in tab order: the pane enum, the ops array, the pane keys, their help lines and the tab bar come from PANES. */
#ifndef STYRKORT_PANES_H
#define STYRKORT_PANES_H

/*
 * P(ID, name, key, help): the pane is PANE_ID, its ops are pane_name_ops
 * (in pane_name.c), its action ACT_PANE_ID is named "pane-name" and
 * bound to key, and help is its line on the help screen.  A new pane is
 * a new pane_name.c, a line here and a line in Makefile.am.
 */
#define PANES(P) \
	P(OVERVIEW,   overview,   '0', N_("Overview: overall progress, each focus area, indicators, what is late")) \
	P(VISION,     vision,     '1', N_("Vision: vision, purpose, overall goals, adoption")) \
	P(FOCUS,      focus,      '2', N_("Focus areas: purpose, responsible bodies, activities by status")) \
	P(GOALS,      goals,      '3', N_("Goals and indicators: baseline, latest value, target")) \
	P(ACTIVITIES, activities, '4', N_("Activities: the action plan as a table")) \
	P(REPORT,     report,     '5', N_("Report: the same summary as 'styrkort report'"))

#endif
