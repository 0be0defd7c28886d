/* Dispositions financières transitoires of the accord (Art. 18.2): the 2015 balances of the
 * former coordination options and télétransmission aids (Art. 18.2.1) and the transitional
 * compensation of the differential against 2014 (Art. 18.2.2).  Each is a module of the engine
 * (src/lib/modules.c) with its own payment name and declaration section. */
#ifndef ANCRE_TRANSITION_H
#define ANCRE_TRANSITION_H

#include "../core/engine.h"

int transition_compensation_compute(eng_t *e); /* Art. 18.2.2, section "transition" */
int transition_options_2015_compute(eng_t *e); /* Art. 18.2.1, section "options_2015" */

#endif
