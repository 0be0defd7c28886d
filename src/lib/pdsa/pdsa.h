/* Permanence des soins (Art. 20, Annexes 18 and 19): the specific majorations of the acts of
 * salaried doctors called by the regulation, the MCD of salaried dentists and their astreintes
 * (docs/acts.md). */
#ifndef ANCRE_PDSA_H
#define ANCRE_PDSA_H

#include "../acts/acts.h"

bool pdsa_applies(eng_t *e);
int pdsa_compute(eng_t *e);
bool pdsd_applies(eng_t *e);
int pdsd_compute(eng_t *e);

#endif
