/* Majoration personnes âgées (MPA).  The consolidated accord names it (l. 3443, 12339) without
 * defining it; the 2022 slides (001 l. 302-306) do: 5 € per consultation or visit billed for a
 * patient of 80 or more whose médecin traitant is none of the centre's doctors, paid quarterly. */
#include "mt.h"

#include <stdio.h>

int mpa_compute(eng_t *e) {
    char id[32], path[64], label[128];
    for (int q = 1; q <= 4; q++) {
        snprintf(id, sizeof id, "mpa_t%d", q);
        snprintf(label, sizeof label, "MPA, consultations et visites du trimestre %d", q);
        line_t *l = eng_line(e, id, "slides 001 (MPA)", label, "mpa", "forfait");
        snprintf(path, sizeof path, "mpa.consultations_q%d", q);
        q_t n = in_num(e, path);
        q_t each = par(e, "mpa.per_consultation");
        par(e, "mpa.age_min");
        if (!q_valid(n) || !q_valid(each)) continue;
        l->fixed = each;
        l->points = q_mul(n, each);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    }
    if (e->failed) return -1;
    e->cur = NULL;
    eng_amounts(e);
    size_t first = e->res->nlines - 4;
    for (int q = 1; q <= 4; q++) {
        /* « Versée trimestriellement » (slides 001, l. 306): an indicative rhythm, no due date;
         * the accord sets none */
        snprintf(label, sizeof label,
                 "MPA %d, trimestre %d (indicatif : versée trimestriellement, diapositives 001 "
                 "l. 306 ; date non fixée par l'accord)",
                 e->year, q);
        eng_payment(e, label, "slides 001 l. 306", NULL,
                    e->res->lines[first + (size_t)q - 1].amount_cents);
    }
    return 0;
}
