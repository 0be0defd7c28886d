/* Declaration fields of the contrat d'accès aux soins dentaires (Art. 21, Annexes 20 and 21): the
 * contract and the figures of the year N observed (1 July of the year before the declaration's
 * to 30 June of its year), whose remuneration is paid in the declaration's year. */
#include "../core/registry.h"

static const field_def decl_fields[] = {
    {"casd.registration_date", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Annexe 20 art. 6",
     "Date the caisse registered the adhesion (start of the contract)."},
    {"casd.initial_rate", F_DEC, REQ_SECTION, "0", "100", 0, 0, "Annexe 20 art. 4, Annexe 21",
     "Taux de dépassement moyen initial written in the contract (1 July 2014 - 30 June 2015; "
     "for a new centre, the regional average), as a fraction (1.5 = 150 %)."},
    {"casd.fees_total", F_DEC, REQ_SECTION, "0", "1000000000", 0, 0, "Annexe 20 art. 3",
     "Total fees of the centre in year N, in euros."},
    {"casd.fees_prosth_ortho", F_DEC, REQ_SECTION, "0", "1000000000", 0, 0, "Annexe 20 art. 3",
     "Fees on prosthetic and orthodontic acts in year N, in euros."},
    {"casd.overrun_prosth_ortho", F_DEC, REQ_SECTION, "0", "1000000000", 0, 0, "Annexe 20 art. 3",
     "Dépassements d'honoraires on prosthetic and orthodontic acts in year N (for 2018/2019 "
     "observed from 1 July 2018 to 31 March 2019), in euros."},
    {"casd.reimbursable_prosth_ortho", F_DEC, REQ_SECTION, "0", "1000000000", 0, 0,
     "Annexe 20 art. 3",
     "Honoraires remboursables on the same acts over the same period, in euros."},
    {"casd.fees_conservative_surgical", F_DEC, REQ_SECTION, "0", "1000000000", 0, 0,
     "Annexe 20 art. 5",
     "Fees without dépassements on conservative and surgical care in year N, in euros (the base "
     "of the remuneration)."},
    {"casd.tolerance", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 20 art. 4",
     "The caisse grants the tolerance: the rate rose above the initial one, prices unchanged, "
     "the rise due to another cause such as the structure of activity (absent: false)."},
    {"casd.termination_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 20 art. 9",
     "Date the caisse received the centre's letter ending the contract."},
    {"casd.new_centre_months", F_INT, REQ_NO, "0", "12", 0, 0, "Annexe 20 art. 7",
     "A new centre (a new structure): months of activity in its year of adhesion."},
};

const module_tables casd_tables = {decl_fields, sizeof decl_fields / sizeof *decl_fields, NULL, 0};
