/* Declaration fields and readings of the forfait VSM (Art. 28.9.3, l. 10453-10502), the limit of
 * the activity at a distance (Art. 28.8, l. 10230-10277), the Teulade subsidy and the
 * téléexpertise forfaits (slides 001 l. 350-376). */
#include "../core/registry.h"

#define S REQ_SECTION
#define COUNT(path, req, le, art, what)                                                            \
    { path, F_INT, req, "0", "100000000", 0, le, art, what }

static const field_def professional_fields[] = {
    {"id", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "Art. 28.8",
     "Identifier of the salaried professional (pseudonymous); line ids end with it."},
    COUNT("actes", REQ_ALWAYS, 0, "Art. 28.8",
          "All the acts of the professional in the calendar year, at a distance or not."),
    COUNT("teleconsultations", REQ_ALWAYS, 0, "Art. 28.8",
          "Téléconsultations of the professional in the year."),
    COUNT("teleexpertises", REQ_ALWAYS, 0, "Art. 28.8",
          "Téléexpertises of the professional in the year."),
    COUNT("telesoins", REQ_NO, 0, "Art. 28.8",
          "Télésoin acts of the professional in the year; counted with the reading "
          "telesante_telesoin=inclus."),
};

#define N(a) (sizeof a / sizeof *a)
const item_schema forfaits_item_schemas[] = {
    {"professionnel_telesante", professional_fields, N(professional_fields)},
};
const size_t forfaits_item_schema_count = N(forfaits_item_schemas);

static const field_def fields[] = {
    COUNT("vsm.patients_ald", S, 0, "Art. 28.9.3",
          "ALD patients of the centre's patientèle (patientèle ALD) when the objectives are "
          "measured, at the latest on 31/12/2023 (l. 10468-10478, 10500-10502)."),
    COUNT("vsm.patients_ald_vsm_dmp", S, "vsm.patients_ald", "Art. 28.9.3",
          "Those of them for whom the centre has drawn up a volet de synthèse médicale (VSM) "
          "that feeds the DMP."),
    COUNT("vsm.vsm_dmp", S, 0, "Art. 28.9.3",
          "VSM of the centre feeding the DMP (« VSM alimentant le DMP », l. 10490)."),
    COUNT("vsm.vsm_dmp_structures", S, "vsm.vsm_dmp", "Art. 28.9.3",
          "Those of them generated in the structured format of the CI-SIS (l. 10490-10494)."),
    COUNT("vsm.patients_mt_16_plus", S, 0, "Art. 28.9.3, 24.5",
          "Patients of 16 and more having declared the centre as médecin traitant (PMTIR) at "
          "31/12/2023: the size of the patientèle weighting the forfait (l. 10482-10484)."),
    COUNT("vsm.patients_mt_moins_16", REQ_NO, 0, "Art. 28.9.3, 24.5",
          "Patients under 16 having declared the centre as médecin traitant at 31/12/2023; "
          "required under the default reading vsm_patientele=adultes_et_enfants."),
    COUNT("telesante.actes", S, 0, "Art. 28.8",
          "All the acts of the centre in the calendar year, at a distance or not (volume "
          "d'activité globale, l. 10256-10258)."),
    COUNT("telesante.teleconsultations", S, 0, "Art. 28.8",
          "Téléconsultations of the centre in the year."),
    COUNT("telesante.teleexpertises", S, 0, "Art. 28.8",
          "Téléexpertises of the centre in the year."),
    COUNT("telesante.telesoins", REQ_NO, 0, "Art. 28.8",
          "Télésoin acts of the centre in the year; counted with the reading "
          "telesante_telesoin=inclus."),
    {"telesante.professionnels", F_OBJLIST, REQ_NO, 0, "100000", "professionnel_telesante", 0,
     "Art. 28.8",
     "The salaried professionals, one object per professional (`telesante.professionnels[]."
     "field` below): the limit applies to each of them (l. 10260-10262)."},
    {"teulade.assiette_cotisations_cents", F_INT, S, "0", "100000000000", 0, 0,
     "slides 001 (Teulade)",
     "Base of the employer contributions (assiette des cotisations patronales) of the salaried "
     "praticiens and auxiliaires médicaux for the year, in cents (art. L. 162-32 of the code "
     "de la sécurité sociale, slides 001 l. 372-374)."},
    COUNT("teleexpertise.requerant_niveau_1", S, 0, "slides 001 (téléexpertise)",
          "Téléexpertises of level 1 requested by the centre's salaried doctors (centre "
          "requérant) in the year."),
    COUNT("teleexpertise.requerant_niveau_2", S, 0, "slides 001 (téléexpertise)",
          "Téléexpertises of level 2 requested by the centre's salaried doctors."),
    COUNT("teleexpertise.requis_niveau_1", S, 0, "slides 001 (téléexpertise)",
          "Téléexpertises of level 1 given by the centre's salaried doctors at another doctor's "
          "request (centre requis)."),
    COUNT("teleexpertise.requis_niveau_2", S, 0, "slides 001 (téléexpertise)",
          "Téléexpertises of level 2 given by the centre's salaried doctors."),
};

static const reading_def readings[] = {
    {"vsm_ponderation",
     "Art. 28.9.3, l. 10468-10484",
     "Le forfait est dû « par ETP de médecin généraliste dans la limite de 20 ETP » et « pondéré "
     "par la taille de la patientèle médecin traitant du centre de santé sur la base de la "
     "patientèle de référence retenue pour le calcul de la ROSP » : la pondération est la "
     "patientèle par ETP rapportée à la patientèle de référence ; une patientèle au-delà de la "
     "référence augmente-t-elle le forfait ?",
     {{"par_etp", "oui : forfait × ETP (au plus 20) × patientèle ÷ (référence × ETP)"},
      {"plafonnee", "non : la pondération est plafonnée à 1 (une patientèle au-delà de la "
                    "référence ne l'augmente pas)"}}},
    {"vsm_patientele",
     "Art. 28.9.3, l. 10482-10484 ; Art. 24.5, l. 9470-9476",
     "La patientèle médecin traitant qui pondère le forfait VSM comprend-elle les patients de "
     "moins de 16 ans, pour lesquels la ROSP retient une patientèle de référence de 600 patients "
     "(les patients de 16 ans et plus : 800) ?",
     {{"adultes_et_enfants", "oui : patients de 16 ans et plus ÷ 800 + patients de moins de 16 "
                             "ans ÷ 600 (« la patientèle médecin traitant du centre »)"},
      {"adultes", "non : patients de 16 ans et plus ÷ 800 seulement"}}},
    {"telesante_telesoin",
     "Art. 28.8, l. 10238, 10256-10260",
     "La limite de 20 %\u00a0porte sur « son volume d'activité globale à distance "
     "(téléconsultations "
     "et téléexpertises cumulées) » (l. 10258-10260), dans un article sur la télésanté "
     "« (télémédecine et télésoin) » (l. 10238) : les actes de télésoin comptent-ils dans "
     "l'activité à distance ?",
     {{"exclu", "non : téléconsultations et téléexpertises seulement, comme la parenthèse de "
                "l. 10258-10260"},
      {"inclus", "oui : les actes de télésoin s'y ajoutent"}}},
    {"teleexpertise_role",
     "slides 001 l. 356-362",
     "Les diapositives de 2022 décrivent le centre « requérant » et le centre « requis », puis "
     "donnent « Forfait de 5€ par téléexpertise de niveau 1 » et « Forfait de 10€ par "
     "téléexpertise de niveau 2 » sans dire lequel des deux ils rémunèrent.",
     {{"requerant_et_requis", "chaque téléexpertise du centre, requérant ou requis"},
      {"requerant", "les téléexpertises demandées par les médecins du centre seulement"},
      {"requis", "les téléexpertises rendues par les médecins du centre seulement"}}},
};

const module_tables forfaits_tables = {fields, N(fields), readings, N(readings)};
