/* Forfaits outside the forfait spécifique: the forfait élaboration initiale du VSM
 * (Art. 28.9.3), the limit of the activity at a distance (télésanté, Art. 28.8), and, from the
 * 2022 Assurance Maladie slides only, the Teulade subsidy of employer contributions and the
 * téléexpertise forfaits.  Each is a module of the engine (src/lib/modules.c) with its own
 * payment name and declaration section. */
#ifndef ANCRE_FORFAITS_H
#define ANCRE_FORFAITS_H

#include "../core/engine.h"

int vsm_compute(eng_t *e);           /* Art. 28.9.3, section "vsm" */
int telesante_compute(eng_t *e);     /* Art. 28.8, section "telesante" */
int teulade_compute(eng_t *e);       /* slides 001, section "teulade" */
int teleexpertise_compute(eng_t *e); /* slides 001, section "teleexpertise" */

#endif
