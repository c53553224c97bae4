/* SPDX-License-Identifier: GPL-3.0-or-later */
/* present.h: the dashboard as the meeting's presenter (--present) or following it (--follow). */
#ifndef STYRKORT_PRESENT_H
#define STYRKORT_PRESENT_H

#include "view.h"

/* Start presenting or following, as the options say: 0, or -1 after err_set() (a refusal). */
int present_open(struct dash *d);
/* The presenter says it has left; everything is freed. */
void present_close(struct dash *d);
/* Before a key's action: a follower steps away on any key that moves. */
void present_key(struct dash *d, enum action a);
/* The keys of presenting (> < F): 1 if it was one. */
int present_act(struct dash *d, enum action a);
/* After a key's action: the presenter writes where it is now (if it moved). */
void present_moved(struct dash *d);
/* Every turn of a key loop: the heartbeat and a skipped write; a follower reads (not in a dialog: in_dialog 1). */
void present_tick(struct dash *d, int in_dialog);
/* Milliseconds until present_tick() has work without a key (a heartbeat, a retry, a read), or -1: the wait's timeout. */
int present_timeout_ms(const struct dash *d);
/* The status line's hints with the state first ("following Anna | ..."); to free. */
char *present_hints(const struct dash *d, const char *hints);

#endif
