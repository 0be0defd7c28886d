/* Declaration fields and readings of the ROSP (Art. 24, Annexe 25). */
#include "../core/registry.h"
#include "rosp_indicators.h"

#define IND_FIELDS(id, label, max)                                                                 \
    {"rosp.indicators." #id ".observed",                                                           \
     F_DEC,                                                                                        \
     REQ_SECTION,                                                                                  \
     "0",                                                                                          \
     max,                                                                                          \
     0,                                                                                            \
     0,                                                                                            \
     "Annexe 25 art. 1",                                                                           \
     "Taux de suivi (niveau constaté) of " #id " at the end of the year, as a fraction (0.71 = "   \
     "71 %); the antibiotic indicator in treatments per 100 patients, as the table prints it."},   \
        {"rosp.indicators." #id ".initial",                                                        \
         F_DEC,                                                                                    \
         REQ_NO,                                                                                   \
         "0",                                                                                      \
         max,                                                                                      \
         0,                                                                                        \
         0,                                                                                        \
         "Art. 24.2",                                                                              \
         "Taux de départ (niveau initial) of " #id ", frozen at 31/12/2016 or the year the "       \
         "seuil was reached; not used for declarative indicators (0 %)."},                         \
        {"rosp.indicators." #id ".population",                                                     \
         F_INT,                                                                                    \
         REQ_SECTION,                                                                              \
         "0",                                                                                      \
         "100000000",                                                                              \
         0,                                                                                        \
         0,                                                                                        \
         "Art. 24.2",                                                                              \
         "Patients (or boxes) in the denominator of " #id ", checked against the seuil minimal."}, \
        {"rosp.indicators." #id ".history",                                                        \
         F_OBJLIST,                                                                                \
         REQ_NO,                                                                                   \
         0,                                                                                        \
         "20",                                                                                     \
         "rosp_history",                                                                           \
         0,                                                                                        \
         "Art. 24.2, 24.3",                                                                        \
         "Rates of " #id " at 31/12 of past years ({year, rate, population}): without .initial, "  \
         "the taux de départ is derived from them (31/12/2016, or the first year the seuil was "  \
         "reached; for a new centre the previous year's, l. 7287-7293, 7390)."},

static const field_def fields[] = {
    {"rosp.patients_16_plus", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 24.5",
     "Patients of sixteen and over having declared the centre as médecin traitant (PMTIR), at "
     "31/12; weights the adult ROSP (/800)."},
    {"rosp.patients_under_16", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 24.5",
     "Patients under sixteen having declared the centre as médecin traitant, at 31/12; weights "
     "the child ROSP (/600)."},
    {"rosp.refused", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 24.1",
     "The newly created centre refused the ROSP within three months of its installation "
     "(absent: false)."},
    {"rosp.new_centre_creation_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 24.3",
     "Opening date of a newly created centre (new structure, not a FINESS change or a move): "
     "point value majorated during its first three years."},
    ROSP_ADULT_INDICATORS(IND_FIELDS) ROSP_CHILD_INDICATORS(IND_FIELDS)};

static const field_def history_fields[] = {
    {"year", F_INT, REQ_ALWAYS, "2016", "2100", 0, 0, "Art. 24.2", "Year (rate at its 31/12)."},
    {"rate", F_DEC, REQ_ALWAYS, "0", "1000", 0, 0, "Art. 24.2",
     "Taux de suivi of the indicator at 31/12 of that year, in the unit of .observed."},
    {"population", F_INT, REQ_NO, "0", "100000000", 0, 0, "Art. 24.2",
     "Patients (or boxes) of its denominator that year: the seuil minimal reached or not."},
};
const item_schema rosp_item_schemas[] = {
    {"rosp_history", history_fields, sizeof history_fields / sizeof *history_fields}};
const size_t rosp_item_schema_count = sizeof rosp_item_schemas / sizeof *rosp_item_schemas;

static const reading_def readings[] = {
    {"rosp_safeguard_share",
     "Art. 24.6, l. 9528-9540",
     "Clause de sauvegarde de 2017 et 2018 : « le différentiel … donne lieu à un versement "
     "complémentaire aux centres de santé sous forme de majoration de la rémunération » sans "
     "dire comment il se répartit entre les centres.",
     {{"proportional", "chaque centre reçoit la majoration (montant de 2016 − montant de l'année) "
                       "/ montant de l'année de sa ROSP"},
      {"not_distributed", "la clause est signalée, sans montant par centre"}}},
    {"rosp_rounding",
     "Annexe 25, l. 20470-20486",
     "La rémunération est définie par indicateur (« le nombre de points multiplié par le taux de "
     "réalisation pour l'indicateur … multiplié par la valeur du point », Annexe 25, l. "
     "20470-20486) ; le texte ne dit rien de l'arrondi au centime.",
     {{"per_indicator", "chaque indicateur arrondi au centime, le volet est la somme des lignes"},
      {"per_volet", "chaque volet (adulte, enfant) arrondi une fois ; l'écart avec la somme des "
                    "lignes arrondies est une ligne d'ajustement"}}},
    {"rosp_2020_adult_table",
     "Art. 24.4, l. 8408-8922",
     "Le tableau adulte « à compter de 2020 » (Art. 24.4, l. 8408-8922) reprend les objectifs "
     "de 2018 de quatre indicateurs dont la définition a changé en 2019.",
     {{"best_reading", "les objectifs de 2019 de ces quatre indicateurs"},
      {"as_printed", "les objectifs tels qu'imprimés dans le tableau de 2020"}}},
    {"rosp_new_centre_year",
     "Art. 24.3, l. 7376-7400",
     "Années d'ouverture d'un centre nouveau pour la majoration de la valeur du point "
     "(Art. 24.3, l. 7376-7400) : années civiles ou périodes de douze mois ?",
     {{"calendar", "années civiles : l'année d'ouverture est l'année 1"},
      {"prorata_days",
       "périodes de douze mois à partir de la date d'ouverture, leurs majorations moyennées sur "
       "les jours de l'année de référence"}}},
    {"rosp_weighting_population",
     "Art. 24.5, Annexe 25 l. 20454-20486",
     "Patientèle qui pondère chaque ROSP (Art. 24.5, Annexe 25 l. 20454-20486) : le texte "
     "suppose, sans l'écrire, un partage par âge.",
     {{"by_age", "ROSP adulte par les patients de 16 ans et plus, ROSP enfant par ceux de moins "
                 "de 16 ans"},
      {"all_patients", "les deux par toute la patientèle médecin traitant"}}},
};

const module_tables rosp_tables = {fields, sizeof fields / sizeof *fields, readings,
                                   sizeof readings / sizeof *readings};
