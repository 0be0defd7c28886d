/* Declaration fields of the supplements billed act by act (Art. 25.2 MIE, Art. 28.7 forfait
 * d'évaluation orthoptique, Art. 28.10 forfait TND/PCO): the list `acts.list` of the acts as the
 * centre or the caisse records them, and volumes for acts not listed one by one. */
#include "../core/registry.h"

static const field_def act_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the act in the result (line ids end with it); default a1, a2, ... by position."},
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0, "seance_infirmier|forfait_orthoptie|forfait_tnd_pco", 0,
     "Art. 25.2, 28.7, 28.10",
     "seance_infirmier: a séance by a salaried nurse (majoration MIE, Art. 25.2); "
     "forfait_orthoptie: the environment-evaluation forfait billed by a salaried orthoptist "
     "(Art. 28.7); forfait_tnd_pco: the forfait billed by a salaried speech therapist for a "
     "child with a neurodevelopmental disorder followed by a PCO (Art. 28.10)."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 25.2, 28.7, 28.10",
     "Date of the act: in the reference year, or in the year before for a forfait that only "
     "counts towards the yearly limit (not paid again)."},
    {"patient", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "Art. 28.7, 28.10",
     "Identifier of the patient (pseudonymous), for the limits per patient."},
    {"patient_birth_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 25.2, 28.10",
     "Birth date of the patient (decides the acts on a birthday)."},
    {"patient_age", F_INT, REQ_NO, "0", "130", 0, 0, "Art. 25.2, 28.10",
     "Age of the patient in completed years at the date of the act, when the birth date is not "
     "given."},
    {"aggravation", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 28.7",
     "forfait_orthoptie: billed again in the year because of a major worsening of the "
     "patient's health (absent: false)."},
    {"pco", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 28.10",
     "forfait_tnd_pco: the care is coordinated by a plateforme de coordination et "
     "d'orientation (absent: false)."},
    {"associated_act", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 28.10",
     "forfait_tnd_pco: billed together with an act for the child (absent: false)."},
    {"handicap_forfait", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 28.10",
     "forfait_tnd_pco: the forfait for patients in a situation of handicap is billed for this "
     "patient in the same year (absent: false)."},
};

#define N(a) (sizeof a / sizeof *a)
const item_schema acts_item_schemas[] = {
    {"act", act_fields, N(act_fields)},
};
const size_t acts_item_schema_count = N(acts_item_schemas);

static const field_def decl_fields[] = {
    {"acts.list", F_OBJLIST, REQ_NO, 0, "200000", "act", 0, "Art. 25.2, 28.7, 28.10",
     "The acts that carry a supplement, one object per act (`acts.list[].field` below)."},
    {"acts.mie_seances", F_INT, REQ_NO, "0", "100000000", 0, 0, "Art. 25.2",
     "Volume: séances of salaried nurses for children under 7 in the reference year not "
     "listed in acts.list (counted by the centre; priced at 31 December)."},
    {"acts.orthoptie_forfaits", F_INT, REQ_NO, "0", "100000000", 0, 0, "Art. 28.7",
     "Volume: orthoptic environment-evaluation forfaits of the year within their limits, not "
     "listed in acts.list."},
    {"acts.tnd_pco_forfaits", F_INT, REQ_NO, "0", "100000000", 0, 0, "Art. 28.10",
     "Volume: TND/PCO speech-therapy forfaits of the year within their limits, not listed in "
     "acts.list."},
};

static const reading_def readings[] = {
    {"mie_seventh_birthday",
     "Art. 25.2, l. 9672",
     "MIE : une séance le jour du 7e anniversaire est-elle celle d'un « enfant de moins de 7 ans "
     "(jusqu'au 7ème anniversaire de l'enfant) » ?",
     {{"excluded", "non : le jour de son 7e anniversaire, l'enfant a 7 ans et n'a plus moins de "
                   "7 ans (l. 9672)"},
      {"included", "oui : « jusqu'au 7ème anniversaire » inclut ce jour, comme l'article 28.10 "
                   "dit « jusqu'à la date anniversaire des 12 ans inclus » (l. 10528)"}}},
    {"forfait_annual_frame",
     "Art. 28.7, l. 10222 ; Art. 28.10, l. 10528",
     "Les forfaits de 50 € sont facturables « une fois par an et par patient » : par année "
     "civile, ou une fois sur douze mois glissants ?",
     {{"calendar_year", "un forfait par patient et par année civile"},
      {"rolling_year", "un nouveau forfait douze mois au moins après le précédent du même "
                       "patient (les forfaits de l'année précédente sont déclarés avec leur "
                       "date)"}}},
    {"tnd_handicap_forfait",
     "Art. 28.10, l. 10532",
     "Le forfait TND/PCO « n'est pas cumulable avec le forfait de prise en charge des patients "
     "en situation de handicap » : de quel forfait s'agit-il ?",
     {{"declared", "un forfait que l'accord ne définit pas (celui des orthophonistes), déclaré "
                   "sur l'acte par handicap_forfait"},
      {"with_orthoptic", "aussi le forfait de l'article 28.7 (patient « en situation de "
                         "handicap sévère ») payé au même patient la même année"}}},
};

const module_tables acts_tables = {decl_fields, N(decl_fields), readings, N(readings)};
