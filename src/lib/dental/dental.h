/* Bucco-dental prevention (Art. 22.1.3, Annexes 22, 23 and 30): the examens bucco-dentaires of
 * young people and pregnant women, the handicap supplement and the code-9 majoration of
 * conservative care (docs/acts.md). */
#ifndef ANCRE_DENTAL_H
#define ANCRE_DENTAL_H

#include "../acts/acts.h"

bool ebd_applies(eng_t *e);
int ebd_compute(eng_t *e);
bool casd_applies(eng_t *e);
int casd_compute(eng_t *e);

#endif
