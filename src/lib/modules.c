/* The chapters of the accord that libancre knows: their declaration tables, their checks across
 * fields and the payments they compute.  This is the one file that lists the rule modules; core
 * (src/lib/core/) names none of them.  A new chapter adds its rows here. */
#include "core/engine.h"
#include "core/registry.h"

#include "acts/acts.h"
#include "contracts/contracts.h"
#include "dental/dental.h"
#include "conv2011/conv2011.h"
#include "mt/mt.h"
#include "pdsa/pdsa.h"
#include "rsf/rsf.h"
#include "forfaits/forfaits.h"
#include "transition/transition.h"

#include <string.h>

static bool rsf_applies(eng_t *e) {
    /* the forfait spécifique is computed when the declaration has indicators */
    for (size_t i = 0; i < schema_count(); i++)
        if (strncmp(schema_field(i)->path, "indicators.", 11) == 0 && e->decl->values[i].present)
            return true;
    return false;
}

static int rsf_compute(eng_t *e) {
    const char *type = e->res->type;
    rsf_classification_note(e); /* Art. 3: why the centre is of this type */
    if (strcmp(type, "medical") == 0 || strcmp(type, "polyvalent") == 0)
        return rsf_medical_compute(e);
    if (strcmp(type, "infirmier") == 0) return rsf_nursing_compute(e);
    if (strcmp(type, "dentaire") == 0) return rsf_dental_compute(e);
    eng_fail(e, "centre.type", "Art. 3", "medical|polyvalent|infirmier|dentaire",
             "the forfait spécifique of centre type '%s' is not computed by this version", type);
    return -1;
}

/* médecin traitant (Art. 23, Annexe 24), MPA, ROSP (Art. 24): each has its own section */
static bool mt2017_applies(eng_t *e) {
    return mt_section(e, "forfaits_mt_2017");
}
static bool fpmt_applies(eng_t *e) {
    return mt_section(e, "medecin_traitant");
}
static bool mpa_applies(eng_t *e) {
    return mt_section(e, "mpa");
}
static bool rosp_applies(eng_t *e) {
    return mt_section(e, "rosp");
}

/* Art. 18.2: the 2015 balances of the former options have their section; the transitional
 * compensation runs for every centre paid the forfait spécifique, so that a year of the
 * mechanism declared without its section says what is missing */
static bool options_2015_applies(eng_t *e) {
    return mt_section(e, "options_2015");
}
/* the forfaits of Art. 28.8, 28.9.3 and of the 2022 slides: each has its section */
static bool vsm_applies(eng_t *e) {
    return mt_section(e, "vsm");
}
static bool telesante_applies(eng_t *e) {
    return mt_section(e, "telesante");
}
static bool teulade_applies(eng_t *e) {
    return mt_section(e, "teulade");
}
static bool teleexpertise_applies(eng_t *e) {
    return mt_section(e, "teleexpertise");
}
static bool transition_applies(eng_t *e) {
    return mt_section(e, "transition") || rsf_applies(e);
}

/* ---- declaration tables, in the order their fields are documented ---- */

extern const module_tables rsf_medical_tables, rsf_classification_tables, rsf_nursing_tables,
    rsf_dental_tables, rsf_common_tables;
extern const module_tables fpmt_tables, mpa_tables, rosp_tables;
extern const module_tables contracts_tables;
extern const module_tables acts_tables, pdsa_tables, ebd_tables, casd_tables;
extern const module_tables transition_compensation_tables, transition_options_2015_tables;
extern const module_tables forfaits_tables;
extern const item_schema forfaits_item_schemas[];
extern const size_t forfaits_item_schema_count;
extern const item_schema contracts_item_schemas[];
extern const size_t contracts_item_schema_count;
extern const item_schema rosp_item_schemas[];
extern const size_t rosp_item_schema_count;
extern const module_tables conv2011_tables;
extern const item_schema conv2011_item_schemas[];
extern const size_t conv2011_item_schema_count;
extern const item_schema acts_item_schemas[];
extern const size_t acts_item_schema_count;
extern const item_schema pdsa_item_schemas[];
extern const size_t pdsa_item_schema_count;
extern const item_schema ebd_item_schemas[];
extern const size_t ebd_item_schema_count;
/* deadlines and procedures of Titres 3 and 4 (src/lib/procedures/): their documents and readings */
extern const module_tables procedures_tables;
bool payment_conditions_applies(eng_t *e);
int payment_conditions_compute(eng_t *e);
extern const item_schema procedures_item_schemas[];
extern const size_t procedures_item_schema_count;
void rsf_classification_check(const ancre_decl *d, const ancre_params *params, ancre_errors *errs);
/* eligibility and non-cumul of the contracts of Article 19 (contracts_common.c) */
void contracts_validate(const ancre_decl *d, const ancre_params *params, ancre_errors *errs);

#define N(a) (sizeof(a) / sizeof *(a))

const module_tables *const ancre_module_tables[] = {&core_tables,
                                                    &rsf_medical_tables,
                                                    &rsf_classification_tables,
                                                    &rsf_nursing_tables,
                                                    &rsf_dental_tables,
                                                    &fpmt_tables,
                                                    &mpa_tables,
                                                    &rosp_tables,
                                                    &contracts_tables,
                                                    &acts_tables,
                                                    &rsf_common_tables,
                                                    &pdsa_tables,
                                                    &ebd_tables,
                                                    &casd_tables,
                                                    &procedures_tables,
                                                    &transition_options_2015_tables,
                                                    &transition_compensation_tables,
                                                    &forfaits_tables,
                                                    &conv2011_tables};
const size_t ancre_module_tables_count = N(ancre_module_tables);

/* element schemas of the lists of objects, by module */
const item_schema_set ancre_item_schema_sets[] = {
    {contracts_item_schemas, &contracts_item_schema_count},
    {rosp_item_schemas, &rosp_item_schema_count},
    {conv2011_item_schemas, &conv2011_item_schema_count},
    {acts_item_schemas, &acts_item_schema_count},
    {forfaits_item_schemas, &forfaits_item_schema_count},
    {pdsa_item_schemas, &pdsa_item_schema_count},
    {ebd_item_schemas, &ebd_item_schema_count},
    {procedures_item_schemas, &procedures_item_schema_count},
};
const size_t ancre_item_schema_sets_count = N(ancre_item_schema_sets);

const decl_check_fn ancre_declaration_checks[] = {rsf_classification_check};
const size_t ancre_declaration_checks_count = N(ancre_declaration_checks);
const decl_check_fn ancre_document_checks[] = {contracts_validate};
const size_t ancre_document_checks_count = N(ancre_document_checks);

/* ---- documents of other kinds than a centre's declaration ---- */

/* a liberal doctor under the 2011 draft of the doctors' convention (003) */
const document_kind ancre_document_kinds[] = {{"ancre_convention_2011", "cm2011_document"}};
const size_t ancre_document_kinds_count = N(ancre_document_kinds);
const document_compute ancre_document_computes[] = {
    {"cm2011_document", "convention_2011", "medecin_liberal"}};
const size_t ancre_document_computes_count = N(ancre_document_computes);

static bool never_applies(eng_t *e) {
    (void)e;
    return false;
}

/* ---- payments, in the order they appear in a result ---- */

const module_def ancre_modules[] = {
    {"rsf", "Rémunération forfaitaire spécifique", rsf_applies, rsf_compute},
    {"forfaits_mt_2017", "Forfaits médecin traitant RMT, RST, FMT (jusqu'en 2017)", mt2017_applies,
     mt2017_compute},
    {"fpmt", "Forfait patientèle médecin traitant", fpmt_applies, fpmt_compute},
    {"mpa", "Majoration personnes âgées", mpa_applies, mpa_compute},
    {"rosp", "Rémunération sur objectifs de santé publique", rosp_applies, rosp_compute},
    {"contracts", "Contrats et aides de l'article 19", contracts_applies, contracts_compute_year},
    /* computes its own document only (ancre_document_computes), never a centre's declaration */
    {"convention_2011", "Projet de convention médicale de 2011 (003, non signé)", never_applies,
     conv2011_compute},
    {"mie", "Majoration MIE des séances infirmières (enfants de moins de 7 ans)", mie_applies,
     mie_compute},
    {"orthoptie", "Forfait d'évaluation de l'environnement du patient (orthoptie)",
     orthoptie_applies, orthoptie_compute},
    {"tnd_pco", "Forfait TND/PCO des orthophonistes", tnd_pco_applies, tnd_pco_compute},
    {"pdsa", "Majorations spécifiques de permanence des soins ambulatoires", pdsa_applies,
     pdsa_compute},
    {"pdsd", "Permanence des soins dentaires : MCD et astreintes", pdsd_applies, pdsd_compute},
    {"ebd", "Prévention bucco-dentaire : examens, supplément handicap, code 9", ebd_applies,
     ebd_compute},
    {"casd", "Contrat d'accès aux soins dentaires", casd_applies, casd_compute},
    {"options_2015", "Solde 2015 des anciennes options et aides à la télétransmission",
     options_2015_applies, transition_options_2015_compute},
    {"vsm", "Forfait élaboration initiale du VSM", vsm_applies, vsm_compute},
    {"telesante", "Limite de l'activité à distance (télésanté)", telesante_applies,
     telesante_compute},
    {"teulade", "Subvention des cotisations patronales (Teulade)", teulade_applies,
     teulade_compute},
    {"teleexpertise", "Forfaits de téléexpertise", teleexpertise_applies, teleexpertise_compute},
    {"transition", "Mécanisme transitoire d'accompagnement financier", transition_applies,
     transition_compensation_compute},
    /* last: reads the payments of every module above (Art. 17-18, 60) */
    {"conditions", "Conditions et suspensions de paiement (Art. 17, 18, 60)",
     payment_conditions_applies, payment_conditions_compute},
};
const size_t ancre_module_count = N(ancre_modules);
