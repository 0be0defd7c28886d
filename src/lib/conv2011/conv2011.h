/* The 2011 draft of the doctors' national convention (document 003: "convention nationale
 * organisant les rapports entre les médecins libéraux et l'assurance maladie", version of
 * 07/07/2011, unsigned), where the draft computes: the ALD forfait of the médecin traitant
 * (Art. 12.4), the ROSP points of a liberal doctor (Art. 26), the télétransmission incentive
 * (Art. 64) and the caps of dépassements (Art. 34.1, 36, 44).  Its parameters cite 003; every
 * result says the source is an unsigned draft; a value the draft leaves blank stops the
 * computation with an error naming the blank and its line. */
#ifndef ANCRE_CONV2011_H
#define ANCRE_CONV2011_H

#include "../core/engine.h"

/* The document `{"ancre_convention_2011": 1, "year": ..., ...}` (docs/convention-2011.md). */
int conv2011_compute(eng_t *e);

#endif
