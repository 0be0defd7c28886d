/* Payments of the centre chosen as médecin traitant (Art. 23, Annexe 24), the majoration
 * personnes âgées, and the rémunération sur objectifs de santé publique (Art. 24, Annexe 25).
 * Each is a module of the engine (src/lib/modules.c) with its own payment name and declaration
 * section. */
#ifndef ANCRE_MT_H
#define ANCRE_MT_H

#include "../core/engine.h"

/* Whether the declaration has any field under `prefix.` (a section of a payment). */
bool mt_section(eng_t *e, const char *prefix);
/* Records a derived quantity among the inputs of the current line. */
void mt_record(eng_t *e, const char *name, q_t v);
/* Whether parameter id exists at all (without recording it or failing). */
bool mt_param_defined(eng_t *e, const char *id);
/* An integer parameter (a month, a number of days); -1, the error recorded, when absent. */
int mt_par_int(eng_t *e, const char *id);

int fpmt_compute(eng_t *e);   /* Art. 23.3 */
int mt2017_compute(eng_t *e); /* Annexe 24 */
int mpa_compute(eng_t *e);    /* slides 001, section 03 */
int rosp_compute(eng_t *e);   /* Art. 24, Annexe 25 */

#endif
