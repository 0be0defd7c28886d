/* The regulation of conventionnement (Art. 19.12 and 19.13): whether a centre's request in a
 * given zone can be accepted, why, and by which date the caisse decides.  A check, not a
 * payment: its line has no amount, its status says accepted (achieved) or refused. */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

int contracts_regulation(contract_t *ct) {
    eng_t *e = ct->e;
    bool dental = strcmp(ct->type, "conventionnement_dentaire") == 0;
    line_t *l = sched_open(ct, "decision",
                           dental ? "Conventionnement en zone non prioritaire dentaire"
                                  : "Conventionnement d'un centre infirmier",
                           dental ? "Art. 19.13" : "Art. 19.12", "check");
    const char *zone = c_text(ct, "zone");
    bool creation = c_flag(ct, "request.new_centre");
    line_status st = ST_ACHIEVED;
    int delay = par_int_at(e, "contracts.regul_csi.decision_days", ct->sign, 0, 366);
    if (delay < 0) return -1;
    date_t due = date_add_days(ct->sign, delay);
    if (!dental) {
        /* « aucun nouveau conventionnement ne peut être accordé » to a CSI created in a zone
         * sur-dotée, « sauf dérogation »: QPV or a majority specific activity (19.12.2) */
        if (strcmp(zone, "sur_dotee") != 0 || !creation) {
            sched_note(ct, "accepté : la régulation ne concerne que la création d'un centre "
                           "infirmier en zone sur-dotée");
        } else if (c_flag(ct, "request.qpv") || c_flag(ct, "request.specific_activity")) {
            sched_note(
                ct, "dérogation possible (Art. 19.12.2) : le directeur saisit la CPR/CPD, qui rend "
                    "son avis (à la majorité des deux tiers) dans le délai de l'Art. 19.12.3");
            st = ST_ADJUSTMENT;
        } else {
            sched_note(ct, "refusé : création d'un centre infirmier en zone sur-dotée sans "
                           "dérogation (QPV ou activité spécifique)");
            st = ST_NOT_ACHIEVED;
        }
        sched_note(ct, "décision dans le délai de l'Art. 19.12.1 b à compter de la réception ; le "
                       "silence vaut acceptation");
    } else {
        date_t keep = e->at;
        e->at = ct->sign;
        bool in_force = par_bool(e, "contracts.regul_dentaire.in_force");
        e->at = keep;
        bool has_inc;
        q_t inc = c_num(ct, "request.dental_etp_increase", &has_inc);
        if (!in_force) {
            sched_note(ct, "accepté : la régulation s'applique « au plus tôt au 1er janvier 2025 » "
                           "(Art. 19.13, l. 6442)");
        } else if (strcmp(zone, "non_prioritaire") != 0) {
            sched_note(ct, "accepté : la zone n'est pas une zone non prioritaire pour les "
                           "chirurgiens-dentistes");
        } else if (creation) {
            sched_note(ct, "refusé : aucun nouveau conventionnement d'une activité dentaire en "
                           "zone non prioritaire");
            st = ST_NOT_ACHIEVED;
        } else if (has_inc && !q_is_zero(inc)) {
            sched_note(ct, "refusé : un centre ne peut augmenter ses ETP de chirurgiens-dentistes "
                           "salariés au-delà de ceux constatés au 31 décembre 2024 (remplacements "
                           "seulement, à hauteur des ETP partis ; Art. 19.13)");
            st = ST_NOT_ACHIEVED;
        } else {
            sched_note(ct, "accepté : pas d'augmentation des ETP de chirurgiens-dentistes "
                           "constatés au 31/12/2024 (Art. 19.13)");
        }
    }
    sched_close(ct, l, &due, q_int(0), q_int(1), st);
    return e->failed ? -1 : 0;
}
