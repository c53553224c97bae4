/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend.h: which way an indicator has moved since its baseline, and whether that is the way its goal wants. */
#ifndef STYRKORT_TREND_H
#define STYRKORT_TREND_H

#include "model.h"

/* Worse verdicts are larger, so the worst of several is the largest. */
enum trend { TREND_NONE, TREND_RIGHT, TREND_FLAT, TREND_WRONG };

/*
 * The rule (also in styrkort(1), "PROGRESS AND TRAFFIC LIGHTS"): the
 * latest total (T) value against the baseline (the indicator's, else its
 * earliest T value), from a later period than the baseline's; right way,
 * flat (equal) or wrong way by the indicator's direction.  No trend with
 * one value, nothing later than the baseline, or no direction.
 * direction: +1 higher is better, -1 lower is better, 0 not given.
 */
enum trend trend_of(double from, double to, int direction);
/* The indicator's trend; *change gets the sign of latest - baseline (0 without a trend). */
enum trend trend_indicator(const struct indicator *ind, int *change);
/*
 * The indicator's direction as trend_of() takes it.  The one place that
 * reads it: an indicator whose direction is not given (schema 4 lets it
 * be NULL) gives 0 here once the model can say so.
 */
int indicator_direction(const struct indicator *ind);
/*
 * The gap women - men in the latest period in which both have a value,
 * into gap with the precision the values were given in (or the
 * indicator's decimals); *kv and *mv (each may be NULL) get the values.
 * Returns that period, or NULL.
 */
const char *indicator_gap(const struct indicator *ind, char *gap, size_t n, double *kv, double *mv);
/* "improving" / "no change" / "worsening" in the UI language; "" for none. */
const char *trend_label(enum trend t);
/* An arrow for a change's sign: up, right (flat) or down; ASCII ^ = v when ascii is set. */
const char *trend_arrow(int change, int ascii);

#endif
