/* Declaration fields of the permanence des soins: the acts of the doctors' permanence des
 * soins ambulatoires (section pdsa, Art. 20.1 and Annexe 18) and of the dentists' permanence
 * des soins dentaires (section pdsd, Art. 20.2 and Annexe 19). */
#include "../core/registry.h"

#define SLOTS "nuit|milieu_nuit|dimanche_ferie|samedi_pont"
#define ROSTER "tableau|remplacement|aucun"

static const field_def pdsa_act_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the act in the result (line ids end with it); default p1, p2, ... by position."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 18", "Date of the act (reference year)."},
    {"time", F_STRING, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "Time of the act, HH:MM (checked against the hours of the night slots when given)."},
    {"slot", F_ENUM, REQ_ALWAYS, 0, 0, SLOTS, 0, "Annexe 18",
     "Time slot of the specific majoration: nuit (20 h-0 h and 6 h-8 h), milieu_nuit (0 h-6 h), "
     "dimanche_ferie (Sunday or public holiday), samedi_pont (Saturday, Monday before or "
     "Friday after a public holiday)."},
    {"act", F_ENUM, REQ_ALWAYS, 0, 0, "consultation|visite", 0, "Art. 20.1, Annexe 18",
     "consultation: the patient is received at the centre; visite: a justified home visit."},
    {"patient", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Identifier of the patient (pseudonymous)."},
    {"regulated", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 20.1, Annexe 18",
     "The doctor intervenes at the request of the regulation (absent: false)."},
    {"roster", F_ENUM, REQ_ALWAYS, 0, 0, ROSTER, 0, "Art. 20.1, Annexe 18",
     "tableau: the doctor is on the permanence roster; remplacement: not on it, called by the "
     "regulating doctor to replace the unavailable doctor on duty; aucun: neither."},
    {"public_holiday", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "The date is a public holiday (jour férié; absent: false)."},
    {"bridge_day", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "The date is a Monday before or a Friday after a public holiday (absent: false)."},
    {"ordinary_majoration", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "An ordinary night, Sunday or public-holiday majoration is billed on the act (absent: "
     "false)."},
    {"travel_majoration", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "A travel majoration other than the indemnités horokilométriques is billed on the act "
     "(absent: false)."},
    {"regulation_forfait", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 18",
     "The doctor receives a regulation forfait (rémunération forfaitaire de régulation) in the "
     "same time slot (absent: false)."},
};

static const field_def pdsd_act_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the act in the result (line ids end with it); default d1, d2, ... by position."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 19", "Date of the act (reference year)."},
    {"patient", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 19",
     "Identifier of the patient (pseudonymous): the MCD is paid per patient."},
    {"regulated", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 20.2, Annexe 19",
     "The dentist intervenes at the request of the professional in charge of the regulation "
     "(absent: false)."},
    {"roster", F_ENUM, REQ_ALWAYS, 0, 0, ROSTER, 0, "Art. 20.2, Annexe 19",
     "tableau: the dentist (or the centre) is on the roster and registered with the Ordre; "
     "remplacement: not on it, called by the regulator to replace the dentist on duty; aucun: "
     "neither."},
    {"ordinary_majoration", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 19",
     "A night, Sunday or public-holiday majoration of the dentists' convention is billed on "
     "the act (absent: false)."},
};

#define N(a) (sizeof a / sizeof *a)
const item_schema pdsa_item_schemas[] = {
    {"pdsa_act", pdsa_act_fields, N(pdsa_act_fields)},
    {"pdsd_act", pdsd_act_fields, N(pdsd_act_fields)},
};
const size_t pdsa_item_schema_count = N(pdsa_item_schemas);

#define VOLUME(slot, act, text)                                                                    \
    {                                                                                              \
        "pdsa.volume_" slot "_" act, F_INT, REQ_NO, "0", "100000000", 0, 0, "Annexe 18",           \
            "Volume: regulated " text " of the year not listed in pdsa.acts, within the "          \
            "conditions of Annexe 18."                                                             \
    }

static const field_def decl_fields[] = {
    {"pdsa.acts", F_OBJLIST, REQ_NO, 0, "200000", "pdsa_act", 0, "Art. 20.1, Annexe 18",
     "The acts of salaried doctors in the permanence des soins ambulatoires, one object per act "
     "(`pdsa.acts[].field` below)."},
    VOLUME("nuit", "visite", "night home visits (20 h-0 h, 6 h-8 h)"),
    VOLUME("nuit", "consultation", "night consultations (20 h-0 h, 6 h-8 h)"),
    VOLUME("milieu_nuit", "visite", "home visits in the middle of the night (0 h-6 h)"),
    VOLUME("milieu_nuit", "consultation", "consultations in the middle of the night (0 h-6 h)"),
    VOLUME("dimanche_ferie", "visite", "home visits on Sundays and public holidays"),
    VOLUME("dimanche_ferie", "consultation", "consultations on Sundays and public holidays"),
    VOLUME("samedi_pont", "visite", "home visits on Saturdays and bridge days"),
    VOLUME("samedi_pont", "consultation", "consultations on Saturdays and bridge days"),
    {"pdsd.acts", F_OBJLIST, REQ_NO, 0, "200000", "pdsd_act", 0, "Art. 20.2, Annexe 19",
     "The acts of salaried dentists in the permanence des soins dentaires, one object per act "
     "(`pdsd.acts[].field` below)."},
    {"pdsd.mcd_patients", F_INT, REQ_NO, "0", "100000000", 0, 0, "Annexe 19",
     "Volume: patients treated at the request of the regulation not listed in pdsd.acts (one "
     "MCD each)."},
    {"pdsd.astreinte_half_days", F_INT, REQ_NO, "0", "10000", 0, 0, "Art. 20.2",
     "Half-days of astreinte on Sundays and public holidays of the centre's salaried dentists "
     "on the roster."},
};

static const reading_def readings[] = {
    {"pdsa_ordinary_majorations",
     "Annexe 18, l. 18794-18798 ; Annexe 19, l. 18852-18854",
     "Les majorations spécifiques « ne sont pas cumulables avec les majorations de nuit, de "
     "dimanche et jours fériés ni avec les majorations de déplacements » : quand l'acte porte "
     "aussi une de ces majorations, laquelle est due ?",
     {{"specific_prevails", "la majoration spécifique est due ; la majoration ordinaire (ou de "
                            "déplacement) ne l'est pas en plus"},
      {"specific_refused", "l'acte facturé avec une majoration ordinaire (ou de déplacement) "
                           "n'ouvre pas droit à la majoration spécifique"}}},
    {"mcd_unit",
     "Annexe 19, l. 18817",
     "La MCD est « une majoration forfaitaire spécifique par patient » : une par patient et par "
     "jour de permanence, ou une par acte ?",
     {{"patient_day", "une MCD par patient et par jour, quel que soit le nombre d'actes"},
      {"each_act", "une MCD pour chaque acte déclaré, chaque acte étant une intervention "
                   "distincte du régulateur"}}},
};

const module_tables pdsa_tables = {decl_fields, N(decl_fields), readings, N(readings)};
