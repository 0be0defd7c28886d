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
    date_t due = add_days(ct->sign, delay);
    if (!dental) {
        /* « aucun nouveau conventionnement ne peut être accordé » to a CSI created in a zone
         * sur-dotée, « sauf dérogation »: QPV or a majority specific activity (19.12.2) */
        if (strcmp(zone, "sur_dotee") != 0 || !creation) {
            sched_note(ct, "accepted: the regulation concerns only the creation of a centre "
                           "infirmier in a zone sur-dotée");
        } else if (c_flag(ct, "request.qpv") || c_flag(ct, "request.specific_activity")) {
            sched_note(ct, "derogation possible (Art. 19.12.2): the director refers the file to "
                           "the CPR/CPD within 30 days, whose opinion (two-thirds) is due within "
                           "30 days (Art. 19.12.3)");
            st = ST_ADJUSTMENT;
        } else {
            sched_note(ct, "refused: creation of a centre infirmier in a zone sur-dotée without "
                           "a derogation (QPV or specific activity)");
            st = ST_NOT_ACHIEVED;
        }
        sched_note(ct, "decision within 30 days of receipt; silence is acceptance (19.12.1 b)");
    } else {
        date_t keep = e->at;
        e->at = ct->sign;
        bool in_force = par_bool(e, "contracts.regul_dentaire.in_force");
        e->at = keep;
        bool has_inc;
        q_t inc = c_num(ct, "request.dental_etp_increase", &has_inc);
        if (!in_force) {
            sched_note(ct, "accepted: the regulation applies from 1 January 2025 at the earliest");
        } else if (strcmp(zone, "non_prioritaire") != 0) {
            sched_note(ct, "accepted: the zone is not a zone non prioritaire for dentists");
        } else if (creation) {
            sched_note(ct, "refused: no new conventionnement of a dental activity in a zone non "
                           "prioritaire");
            st = ST_NOT_ACHIEVED;
        } else if (has_inc && !q_is_zero(inc)) {
            sched_note(ct, "refused: a centre cannot raise its salaried dentist ETP above those "
                           "recorded at 31 December 2024 (replacements only, up to the ETP that "
                           "left)");
            st = ST_NOT_ACHIEVED;
        } else {
            sched_note(ct, "accepted: no increase of the dentist ETP recorded at 31/12/2024");
        }
    }
    sched_close(ct, l, &due, q_int(0), q_int(1), st);
    return e->failed ? -1 : 0;
}
