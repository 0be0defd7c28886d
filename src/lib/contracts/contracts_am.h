/* The aid for hiring an assistant médical (Art. 19.10): what the two contract types share (the
 * quota of financed ETP, the band of the patientèle and the objectives it sets, the results
 * declared, the new centres' objective at the 50th percentile, the recovery after a termination),
 * and one schedule per contract type: Annexe 29 (regime am_2020, contracts_am_2020.c) and
 * Annexe 33 (regime am_2024, contracts_am_2024.c). */
#ifndef ANCRE_CONTRACTS_AM_H
#define ANCRE_CONTRACTS_AM_H

#include "contracts.h"

/* The patientèle declared for a contract year (at its end, or six months after its advance). */
typedef struct {
    bool present, neutralised, has_mt;
    q_t mt, fa;
} am_result;

typedef struct {
    contract_t *ct;
    bool both;       /* médecin-traitant patientèle followed besides the file active */
    bool new_centre; /* objective at the 50th percentile (Art. 19.10.5.2.6) */
    q_t financed;    /* ETP of assistant médical financed: the option within the quota */
    q_t ref_mt, ref_fa, target_mt, target_fa;
    q_t p30_mt, p30_fa; /* new centres: patientèle of the 30th percentile */
    const char *band;
} am_t;

/* Quota, band and objectives; false when an input is missing (the error recorded). */
bool am_setup(am_t *a, bool annex29);
/* The results declared for contract year n: am.results (end of the year) or am.mid_year (six
 * months after the year's advance). */
am_result am_result_of(am_t *a, const char *list, int n);
/* Share of the targeted gain reached on the better indicator followed, within [0, 1]. */
q_t am_level(const am_t *a, am_result r);
/* Whether a patientèle followed is below the initial one (« en diminution »). */
bool am_decrease(const am_t *a, am_result r);
/* Year 3 of a newly created centre: the aid in full above the 50th percentile, « au prorata de
 * l'écart » between the 30th and the 50th, nothing below the 30th. */
q_t am_new_centre_factor(am_t *a, am_result r);
/* The maximum aid for 1 ETP in contract year n, by regime and band. */
q_t am_max_amount(am_t *a, int n);
/* After a termination during a year: what was paid for that year, prorated on the part of the
 * year after the end. */
void am_recovery(am_t *a, const char *article);

int contracts_am_2020(am_t *a); /* Annexe 29 */
int contracts_am_2024(am_t *a); /* Annexe 33, Art. 19.10.5.2.4 */

#endif
