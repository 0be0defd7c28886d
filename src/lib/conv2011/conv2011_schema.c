/* The document of a liberal doctor under the 2011 draft convention (003), its lists and its
 * readings.  docs/convention-2011.md. */
#include "../core/registry.h"

#define ROSP_INDICATORS                                                                            \
    "org_dossier|org_lap|org_teletransmission|org_synthese|org_plages|diab_hba1c_dosages|"         \
    "diab_hba1c_8|diab_hba1c_7_5|diab_ldl_1_5|diab_ldl_1_3|diab_fond_oeil|diab_statine|"           \
    "diab_aspirine|hta_pression|grippe_65|grippe_16_64_ald|cancer_sein|vasodilatateurs|"           \
    "bzd_demi_vie_longue|bzd_duree|cancer_col|cancer_colon|antibiotherapie|eff_antibiotiques|"     \
    "eff_ipp|eff_statines|eff_antihypertenseurs|eff_antidepresseurs|eff_iec|eff_aspirine"
#define CENTS "0", "100000000000"

static const field_def document_fields[] = {
    {"ancre_convention_2011", F_INT, REQ_ALWAYS, "1", "1", 0, 0, "-",
     "Version du document d'un médecin libéral sous le projet de convention médicale de 2011 "
     "(1) : sa présence désigne le document."},
    {"year", F_INT, REQ_ALWAYS, "2012", "9999", 0, 0, "003 Art. 26.3",
     "Année civile de référence ; les paramètres sont ceux en vigueur au 31 décembre."},
    {"name", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Nom du médecin ou du cabinet."},
    {"doctor.specialty", F_ENUM, REQ_ALWAYS, 0, 0, "generaliste|specialiste", 0, "003 Art. 34.1",
     "Généraliste ou spécialiste : le dépassement autorisé en accès non coordonné est réservé "
     "aux spécialistes."},
    {"doctor.medecin_traitant", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 26.1",
     "Le médecin est médecin traitant : les indicateurs de pratique clinique et le volet annuel "
     "de synthèse le concernent (absent : faux)."},
    {"doctor.first_installation_date", F_DATE, REQ_NO, 0, 0, 0, 0, "003 Art. 26.3",
     "Date de la première installation en libéral (majoration de la valeur du point pendant "
     "trois ans)."},
    {"ald_patients", F_OBJLIST, REQ_NO, 0, "1000000", "cm2011_ald_patient", 0, "003 Art. 12.4",
     "Patients en ALD ayant choisi le médecin comme médecin traitant."},
    {"rosp.patientele_mt", F_INT, REQ_SECTION, "0", "1000000", 0, 0, "003 Art. 26.4",
     "Patients ayant déclaré le médecin comme médecin traitant, tous régimes, à la date "
     "anniversaire : base de la pondération."},
    {"rosp.indicators", F_OBJLIST, REQ_SECTION, 0, "30", "cm2011_rosp_indicator", 0,
     "003 Art. 26.2", "Les indicateurs de la rémunération sur objectifs et leur réalisation."},
    {"teletransmission.equipment_conform", F_BOOL, REQ_SECTION, 0, 0, 0, 0, "003 Art. 64.1",
     "Équipement conforme à la dernière version du cahier des charges SESAM-Vitale."},
    {"teletransmission.fse_in_scope", F_INT, REQ_SECTION, "0", "100000000", 0, 0, "003 Art. 64.1",
     "FSE télétransmises parmi les actes du champ du taux (hors AME, nourrissons de moins de "
     "trois mois, soins hors présence du patient, bordereau S3404), du 1er janvier au 31 "
     "décembre."},
    {"teletransmission.acts_in_scope", F_INT, REQ_SECTION, "1", "100000000", 0, 0, "003 Art. 64.1",
     "Actes facturés du champ du taux, sur la même période."},
    {"teletransmission.fse_received", F_INT, REQ_SECTION, "0", "100000000", 0, 0, "003 Art. 64.2",
     "FSE reçues par la caisse conformément aux spécifications SESAM-Vitale dans l'année."},
    {"teletransmission.caisse_decision", F_ENUM, REQ_NO, 0, 0, "accorde|refuse", 0, "003 Art. 64.2",
     "Taux entre 70 et 74,9 % : décision de la caisse après l'avis de la CPL (absent : pas de "
     "décision)."},
    {"acts", F_OBJLIST, REQ_NO, 0, "100000", "cm2011_act", 0, "003 Art. 34.1, 36, 44",
     "Actes facturés avec dépassement ou complément, à contrôler contre les plafonds."},
    {"activity.regime", F_ENUM, REQ_SECTION, 0, 0,
     "acces_non_coordonne|option_coordination|secteur_optionnel", 0, "003 Art. 34.1, 36, 44",
     "Régime dont le ratio d'activité est contrôlé."},
    {"activity.clinical_without_overrun_cents", F_INT, REQ_NO, CENTS, 0,
     "activity.clinical_total_cents", "003 Art. 34.1, 36",
     "Honoraires des actes cliniques sans dépassement, en centimes."},
    {"activity.clinical_total_cents", F_INT, REQ_NO, CENTS, 0, 0, "003 Art. 34.1, 36",
     "Honoraires totaux des actes cliniques, en centimes."},
    {"activity.technical_without_overrun_cents", F_INT, REQ_NO, CENTS, 0,
     "activity.technical_total_cents", "003 Art. 34.1, 36",
     "Honoraires des actes techniques sans dépassement, en centimes."},
    {"activity.technical_total_cents", F_INT, REQ_NO, CENTS, 0, 0, "003 Art. 34.1, 36",
     "Honoraires totaux des actes techniques, en centimes."},
    {"activity.opposable_acts_fees_cents", F_INT, REQ_NO, CENTS, 0,
     "activity.all_acts_opposable_fees_cents", "003 Art. 44",
     "Secteur optionnel : honoraires opposables des actes réalisés au tarif opposable, en "
     "centimes."},
    {"activity.all_acts_opposable_fees_cents", F_INT, REQ_NO, CENTS, 0, 0, "003 Art. 44",
     "Secteur optionnel : honoraires opposables de l'ensemble des actes, en centimes."},
};

static const field_def ald_patient_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Identifiant du patient dans le document."},
    {"ald_3_4", F_BOOL, REQ_ALWAYS, 0, 0, 0, 0, "003 Art. 12.4",
     "Affection de longue durée au sens des 3° et 4° de l'article L. 322-3 du code de la "
     "sécurité sociale."},
    {"ald_entry_date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "003 Art. 12.4",
     "Date d'entrée dans l'ALD : son anniversaire fixe le trimestre de versement."},
    {"ald_end_date", F_DATE, REQ_NO, 0, 0, 0, 0, "003 Art. 12.4",
     "Date de sortie de l'ALD, le cas échéant."},
    {"mt_declaration_date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "003 Art. 12.4",
     "Date à laquelle le patient a choisi et déclaré le médecin comme médecin traitant."},
};

static const field_def rosp_indicator_fields[] = {
    {"id", F_ENUM, REQ_ALWAYS, 0, 0, ROSP_INDICATORS, 0, "003 Art. 26.2, 26.3",
     "Indicateur du tableau de l'article 26.3."},
    {"achieved", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 26.4",
     "Indicateurs d'organisation du cabinet : objectif réalisé (points attribués « en fonction "
     "de la réalisation ou non de l'objectif »)."},
    {"denominator", F_INT, REQ_NO, "0", "100000000", 0, 0, "003 Art. 26.1",
     "Indicateurs de pratique : patients (ou boîtes) du dénominateur, comparé au seuil minimal."},
    {"realisation_rate", F_DEC, REQ_NO, "0", "1", 0, 0, "003 Art. 26.3, 26.4",
     "Indicateurs de pratique : taux de réalisation de l'objectif (1 = 100 %), tel que calculé "
     "selon l'annexe VI, absente du projet."},
};

static const field_def act_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Identifiant de l'acte dans le document."},
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0, "clinique|technique", 0, "003 Art. 34.1, 36",
     "Acte clinique ou technique."},
    {"regime", F_ENUM, REQ_ALWAYS, 0, 0, "secteur1|option_coordination|secteur_optionnel", 0,
     "003 Art. 34.1, 36, 44",
     "Secteur à honoraires opposables, option de coordination ou secteur optionnel."},
    {"hors_parcours", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 34.1",
     "Consultation en dehors du parcours de soins coordonnés (absent : faux)."},
    {"urgent", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 34.1, 36",
     "Urgence médicalement justifiée (absent : faux)."},
    {"eloignement", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 34.1",
     "Éloignement occasionnel du patient (absent : faux)."},
    {"cmu_c", F_BOOL, REQ_NO, 0, 0, 0, 0, "003 Art. 34.1",
     "Patient bénéficiaire de la CMU complémentaire (absent : faux)."},
    {"patient_age", F_INT, REQ_NO, "0", "130", 0, 0, "003 Art. 36", "Âge du patient, en années."},
    {"tariff_cents", F_INT, REQ_ALWAYS, "0", "100000000", 0, 0, "003 Art. 34.1, 36, 44",
     "Tarif applicable dans le parcours de soins (base de remboursement, modificateurs compris), "
     "en centimes."},
    {"billed_cents", F_INT, REQ_ALWAYS, "0", "100000000", 0, 0, "003 Art. 34.1, 36, 44",
     "Montant facturé, en centimes."},
};

#define N(a) (sizeof a / sizeof *a)
const item_schema conv2011_item_schemas[] = {
    {"cm2011_document", document_fields, N(document_fields)},
    {"cm2011_ald_patient", ald_patient_fields, N(ald_patient_fields)},
    {"cm2011_rosp_indicator", rosp_indicator_fields, N(rosp_indicator_fields)},
    {"cm2011_act", act_fields, N(act_fields)},
};
const size_t conv2011_item_schema_count = N(conv2011_item_schemas);

static const reading_def readings[] = {
    {"cm2011_ald_declared",
     "003 Art. 12.4, l. 1188-1192",
     "Forfait ALD : le versement est dû « pour les patients qui ont choisi et déclaré leur "
     "médecin traitant le trimestre précédent » (l. 1188-1190). Faut-il une déclaration faite "
     "au plus tard à la fin du trimestre précédent, ou faite pendant ce trimestre ?",
     {{"by_end_of_previous_quarter",
       "déclaré au plus tard le dernier jour du trimestre précédent : le forfait revient chaque "
       "année, « 40 € par an et par patient » (l. 1182)"},
      {"during_previous_quarter",
       "déclaré pendant le trimestre précédent, à la lettre : un patient n'ouvre droit qu'une "
       "fois"}}},
    {"cm2011_ald_anniversary",
     "003 Art. 12.4, l. 1190-1192",
     "Forfait ALD : la « date anniversaire d'entrée dans l'ALD » d'une année comprend-elle la "
     "date d'entrée elle-même, l'année de l'entrée ?",
     {{"after_entry_year",
       "un anniversaire tombe une année postérieure à celle de l'entrée dans l'ALD"},
      {"entry_year_counts", "la date d'entrée compte aussi, l'année où elle survient"}}},
};

const module_tables conv2011_tables = {NULL, 0, readings, N(readings)};
