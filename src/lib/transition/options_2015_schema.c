/* Declaration fields and reading of the 2015 balances of the former coordination options and
 * perennial télétransmission aids (Art. 18.2.1, l. 3378-3420 of the consolidated accord). */
#include "../core/registry.h"

#define S REQ_SECTION
#define A "Art. 18.2.1"
#define ACOMPTES(opt)                                                                              \
    {                                                                                              \
        "options_2015." opt ".acomptes_cents", F_INT, REQ_NO, "0", "100000000000", 0, 0, A,        \
            "Acomptes already paid for 2015 under this option, in cents; read only with the "      \
            "reading "                                                                             \
            "options_2015_solde=net_des_acomptes."                                                 \
    }

static const field_def fields[] = {
    {"options_2015.medicale.patients_adherents", F_INT, S, "0", "10000000", 0, 0, A,
     "Patients adhering to the centre's medical coordination option of the previous accord "
     "(patients adhérents), the base of the 2015 balance (l. 3406-3408)."},
    {"options_2015.medicale.conditions_respectees", F_BOOL, S, 0, 0, 0, 0, A,
     "Whether the conditions of the option were met in 2015 (« dans le respect des conditions de "
     "l'option », l. 3408)."},
    ACOMPTES("medicale"),
    {"options_2015.dentaire.patients_adherents", F_INT, S, "0", "10000000", 0, 0, A,
     "Patients adhering to the centre's dental coordination option of the previous accord "
     "(l. 3406-3408)."},
    {"options_2015.dentaire.conditions_respectees", F_BOOL, S, 0, 0, 0, 0, A,
     "Whether the conditions of the dental option were met in 2015 (l. 3408)."},
    ACOMPTES("dentaire"),
    {"options_2015.infirmiere.etp", F_DEC, S, "0", "500", 0, 0, A,
     "ETP of the centre at 31/12/2015 for its nursing option of the previous accord "
     "(l. 3412-3414)."},
    ACOMPTES("infirmiere"),
    {"options_2015.teletransmission.etp", F_DEC, S, "0", "500", 0, 0, A,
     "ETP of the centre at 31/12/2015 for the perennial télétransmission aid (aide pérenne à la "
     "télétransmission, l. 3418-3420)."},
    ACOMPTES("teletransmission"),
};

static const reading_def readings[] = {
    {"options_2015_solde",
     "Art. 18.2.1, l. 3392-3402",
     "Le centre reçoit « le versement du solde des rémunérations [...] selon les modalités de "
     "versement prévues par le précédent accord » (l. 3394-3396) et « le solde équivalent à 100% "
     "du montant des options de coordination des soins dû au titre de 2015 » (l. 3398-3400) : le "
     "solde est-il le montant entier dû pour 2015, ou ce montant diminué des acomptes déjà versés "
     "pour 2015 ?",
     {{"integral", "le solde versé est 100 %\u00a0du montant dû au titre de 2015 (l. 3398-3400)"},
      {"net_des_acomptes", "le solde est le montant dû au titre de 2015 diminué des acomptes "
                           "déjà versés pour 2015 (acomptes_cents), sans descendre sous zéro"}}},
};

const module_tables transition_options_2015_tables = {fields, sizeof fields / sizeof *fields,
                                                      readings, sizeof readings / sizeof *readings};
