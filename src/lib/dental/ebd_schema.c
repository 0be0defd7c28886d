/* Declaration fields of the bucco-dental prevention (Art. 22.1.3, Annexe 22): the examens
 * bucco-dentaires of the year, with the handicap grid of Annexe 30, and the conservative care of
 * young patients that carries the code-9 majoration. */
#include "../core/registry.h"

#define LEVELS "aucune|mineure|moderee|majeure"
#define GRID(name, text)                                                                           \
    {                                                                                              \
        "grid." name, F_ENUM, REQ_NO, 0, 0, LEVELS, 0, "Annexe 30",                                \
            "Annexe 30 grid, domain of " text ": the adaptation the care needed."                  \
    }

static const field_def exam_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the exam in the result (line ids end with it); default e1, e2, ... by position."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 22", "Date of the exam (reference year)."},
    {"patient", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 22",
     "Identifier of the patient (pseudonymous), for one exam per patient and year."},
    {"population", F_ENUM, REQ_ALWAYS, 0, 0, "jeune|femme_enceinte", 0, "Annexe 22",
     "jeune: the exam of children, adolescents and young adults; femme_enceinte: the exam of "
     "pregnant women."},
    {"patient_birth_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 22 art. 1.1, 3",
     "jeune: birth date of the patient (the exam follows an eligible birthday)."},
    {"pregnancy_month", F_INT, REQ_NO, "1", "10", 0, 0, "Annexe 22, femmes enceintes, art. 1.1",
     "femme_enceinte, exam before the delivery: month of pregnancy at the exam."},
    {"delivery_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 22, femmes enceintes, art. 1.1",
     "femme_enceinte, exam after the delivery: date of the delivery."},
    {"radiographs", F_ENUM, REQ_NO, 0, 0, "aucune|1_2|3_4|panoramique", 0, "Annexe 22 art. 2.3",
     "Radiographs made with the exam: aucune (absent), 1_2 or 3_4 intra-oral films, "
     "panoramique."},
    {"consultation_same_session", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 22 art. 2.1",
     "A consultation is billed in the same session (absent: false)."},
    {"same_session_acts", F_STRLIST, REQ_NO, 0, "20", 0, 0, "Annexe 22 art. 2.1, Annexe 23",
     "CCAM codes of the care done in the same session as the exam."},
    {"handicap", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 22 art. 2.3, Annexe 30",
     "The patient has a severe physical, sensory, mental, cognitive or psychic handicap or a "
     "polyhandicap, and the handicap supplement is billed (absent: false)."},
    GRID("communication", "communication"),
    GRID("procedures", "facilitating procedures (conscious sedation, hypnosis, general "
                       "anaesthesia)"),
    GRID("cooperation", "cooperation"),
    GRID("general_health", "general health"),
    GRID("oral_health", "bucco-dental health"),
    GRID("autonomy", "autonomy"),
    GRID("administration", "medico-administrative management"),
};

static const field_def care_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the act in the result; default c1, c2, ... by position."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 22 art. 4", "Date of the care."},
    {"patient", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "-", "Identifier of the patient."},
    {"patient_birth_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 22 art. 4",
     "Birth date of the patient."},
    {"patient_age", F_INT, REQ_NO, "0", "130", 0, 0, "Annexe 22 art. 4",
     "Age in completed years at the date of the care, when the birth date is not given."},
    {"ccam", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 23", "CCAM code of the act."},
    {"conservative", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 22 art. 4",
     "The act is a conservative care (soin conservateur; absent: false)."},
    {"base_tariff", F_DEC, REQ_ALWAYS, "0", "100000", 0, 0, "Annexe 22 art. 4",
     "Tarif de remboursement of the act in euros, before the code-9 majoration."},
};

#define N(a) (sizeof a / sizeof *a)
const item_schema ebd_item_schemas[] = {
    {"ebd_exam", exam_fields, N(exam_fields)},
    {"ebd_care", care_fields, N(care_fields)},
};
const size_t ebd_item_schema_count = N(ebd_item_schemas);

static const field_def decl_fields[] = {
    {"ebd.exams", F_OBJLIST, REQ_NO, 0, "200000", "ebd_exam", 0, "Annexe 22",
     "The examens bucco-dentaires of prevention of the year, one object per exam "
     "(`ebd.exams[].field` below)."},
    {"ebd.conservative_care", F_OBJLIST, REQ_NO, 0, "200000", "ebd_care", 0, "Annexe 22 art. 4",
     "Care acts of patients of 3 to 24 years that may carry the code-9 majoration."},
    {"ebd.volume_bdc", F_INT, REQ_NO, "0", "100000000", 0, 0, "Annexe 22 art. 2.3",
     "Volume: eligible exams without radiograph not listed in ebd.exams (priced at 31 "
     "December)."},
};

static const reading_def readings[] = {
    {"ebd_pregnancy_end",
     "Annexe 22, femmes enceintes, art. 1.1 l. 19472, art. 2 l. 19488, art. 3 l. 19615",
     "Examen des femmes enceintes : jusqu'à quand après l'accouchement ? Les articles 1.1 et 3 "
     "disent « jusqu'à 6 mois après l'accouchement », l'article 2 « jusqu'à 12 jours après "
     "l'accouchement ».",
     {{"six_months", "six mois après l'accouchement (articles 1.1 et 3, l. 19472 et 19615)"},
      {"twelve_days", "douze jours après l'accouchement (article 2, l. 19488)"}}},
    {"ebd_yearly_frame",
     "Annexe 22 art. 2 l. 19238, art. 3 l. 19369",
     "À partir de 2025, « chaque année » de 3 à 24 ans : un examen par année d'âge (dans les "
     "12 mois qui suivent l'anniversaire) ou par année civile ?",
     {{"age_year", "un examen par année d'âge, dans les 12 mois qui suivent l'anniversaire "
                   "(article 3, l. 19369)"},
      {"calendar_year", "un examen par année civile"}}},
};

const module_tables ebd_tables = {decl_fields, N(decl_fields), readings, N(readings)};
