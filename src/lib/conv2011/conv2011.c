/* The 2011 draft of the doctors' national convention (003, "Version 07/07/11", unsigned), where
 * it computes.  Every line cites 003; the result opens with a note that the source is an unsigned
 * draft; a value the draft leaves blank ("__", "XX %", an annex not joined) is held in the
 * parameter data as a null value citing its line, and a computation that needs it stops with an
 * error naming it.  docs/convention-2011.md. */
#include "conv2011.h"

#include "../core/params.h"

#include <stdio.h>
#include <string.h>

/* ---- the document's values: read from the document's own schema, recorded on the line ---- */

static const decl_value *get(eng_t *e, const ancre_decl *d, const char *path, const char *shown) {
    const decl_value *v = decl_get(d, path);
    if (!v || !v->present) return NULL;
    char buf[64] = "";
    if (v->s)
        snprintf(buf, sizeof buf, "%s", v->s);
    else if (!q_format_decimal(v->num, 6, buf, sizeof buf))
        snprintf(buf, sizeof buf, "%s", v->b ? "true" : "false");
    eng_input(e, shown, buf);
    return v;
}

static bool flag(eng_t *e, const ancre_decl *d, const char *path, const char *shown) {
    const decl_value *v = get(e, d, path, shown);
    if (!v) eng_input(e, shown, "absent (faux)");
    return v && v->b;
}

/* A value the draft leaves blank: its parameter is null, and its citation gives the line. */
static bool blank(eng_t *e, const char *id, const char *what) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    if (!par_exists(e, id) && !e->failed &&
        params_lookup(e->params, id, e->at, &p, &pe) == PARAM_OK) {
        eng_fail(e, id, pe->cite.article ? pe->cite.article : "003", "une valeur fournie",
                 "%s : le projet de convention de 2011 la laisse en blanc (003, l. %d : « %s ») ; "
                 "ancre ne suppose aucune valeur : fournissez-la avec --params",
                 what, pe->cite.line, pe->cite.quote ? pe->cite.quote : "");
        return true;
    }
    return e->failed;
}

/* the last day of the month before d's */
static date_t end_of_previous_month(date_t d) {
    return d.m > 1 ? date_make(d.y, d.m - 1, date_days_in_month(d.y, d.m - 1))
                   : date_make(d.y - 1, 12, 31);
}

/* ---- Art. 12.4: the ALD forfait of the médecin traitant ---- */

/* "L'assurance maladie verse ainsi au médecin traitant une rémunération spécifique de 40 € par
 * an et par patient atteint d'une affection de longue durée au sens des 3° et 4° de l'article L
 * 322-3 [...]. Le paiement [...] s'effectue à trimestre à échoir, pour les patients qui ont
 * choisi et déclaré leur médecin traitant le trimestre précédent, et dont la date anniversaire
 * d'entrée dans l'ALD se situe au cours du trimestre de versement." (003 l. 1182-1192) */
static void ald_forfait(eng_t *e) {
    const decl_value *list = decl_get(e->decl, "ald_patients");
    if (!list || !list->present) return;
    bool during = reading_is(e, "cm2011_ald_declared", "during_previous_quarter");
    bool entry_counts = reading_is(e, "cm2011_ald_anniversary", "entry_year_counts");
    size_t first = e->res->nlines;
    for (int q = 1; q <= 4; q++) {
        char id[32], label[96];
        snprintf(id, sizeof id, "cm2011_ald_t%d", q);
        snprintf(label, sizeof label, "Forfait ALD du médecin traitant, trimestre %d", q);
        line_t *l = eng_line(e, id, "003 Art. 12.4", label, "ald", "forfait");
        q_t each = par(e, "cm2011.ald.per_patient_year");
        reading_is(e, "cm2011_ald_declared", "during_previous_quarter");
        reading_is(e, "cm2011_ald_anniversary", "entry_year_counts");
        if (!q_valid(each)) return;
        date_t start = date_make(e->year, 3 * q - 2, 1);
        date_t prev_end = end_of_previous_month(start);
        date_t prev_start = date_add_months(start, -3);
        int64_t n = 0;
        for (size_t i = 0; i < list->nitems; i++) {
            const ancre_decl *p = list->items[i];
            if (!decl_get(p, "ald_3_4")->b) continue;
            date_t entry = decl_get(p, "ald_entry_date")->date;
            if (entry.y > e->year || (entry.y == e->year && !entry_counts)) continue;
            /* the anniversary of the year (29 February falls on the 28th in other years) */
            date_t anniversary = date_add_months(entry, 12 * (e->year - entry.y));
            if (date_quarter(anniversary) != q) continue;
            const decl_value *end = decl_get(p, "ald_end_date");
            if (end && end->present && date_cmp(end->date, anniversary) < 0) continue;
            date_t declared = decl_get(p, "mt_declaration_date")->date;
            if (date_cmp(declared, prev_end) > 0) continue;
            if (during && date_cmp(declared, prev_start) < 0) continue;
            n++;
        }
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)n);
        eng_input(e, "ald_patients (patients du trimestre)", buf);
        l->fixed = each;
        l->points = q_mul(q_int(n), each);
        l->status = n ? ST_ACHIEVED : ST_NOT_ACHIEVED;
    }
    e->cur = NULL;
    eng_amounts(e);
    for (int q = 1; q <= 4; q++) {
        char label[128];
        /* "à trimestre à échoir": paid at the start of the quarter it covers; the draft gives
         * no day */
        date_t due = date_make(e->year, 3 * q - 2, 1);
        snprintf(label, sizeof label, "Forfait ALD %d, trimestre %d (à trimestre à échoir)",
                 e->year, q);
        eng_payment(e, label, "003 Art. 12.4", &due,
                    e->res->lines[first + (size_t)q - 1].amount_cents);
    }
}

/* ---- Art. 26: the ROSP of a liberal doctor ---- */

typedef struct {
    const char *id, *label, *module;
    bool organisation, weighted;
} rosp_indicator;

/* The table of Art. 26.3 (l. 2817-2942): the points of each indicator, its target and its
 * threshold are parameters cm2011.rosp.<id>.points, .target, .threshold. */
static const rosp_indicator indicators[] = {
    {"org_dossier", "Tenue du dossier médical informatisé", "organisation", true, false},
    {"org_lap", "Logiciel d'aide à la prescription certifié", "organisation", true, false},
    {"org_teletransmission", "Télétransmission et téléservices", "organisation", true, false},
    {"org_synthese", "Volet annuel de synthèse par le médecin traitant", "organisation", true,
     true},
    {"org_plages", "Plages d'accès sans rendez-vous", "organisation", true, false},
    {"diab_hba1c_dosages", "Diabète : 3 à 4 dosages d'HbA1c", "chronique", false, true},
    {"diab_hba1c_8", "Diabète de type 2 : HbA1c < 8 %", "chronique", false, true},
    {"diab_hba1c_7_5", "Diabète de type 2 : HbA1c < 7,5 %", "chronique", false, true},
    {"diab_ldl_1_5", "Diabète de type 2 : LDL < 1,5 g/l", "chronique", false, true},
    {"diab_ldl_1_3", "Diabète de type 2 : LDL < 1,3 g/l", "chronique", false, true},
    {"diab_fond_oeil", "Diabète : surveillance ophtalmologique", "chronique", false, true},
    {"diab_statine", "Haut risque cardiovasculaire : statine", "chronique", false, true},
    {"diab_aspirine", "Haut risque cardiovasculaire : aspirine", "chronique", false, true},
    {"hta_pression", "Pression artérielle ≤ 140/90 mm Hg", "chronique", false, true},
    {"grippe_65", "Vaccination antigrippale des 65 ans et plus", "prevention", false, true},
    {"grippe_16_64_ald", "Vaccination antigrippale de 16 à 64 ans en ALD", "prevention", false,
     true},
    {"cancer_sein", "Dépistage du cancer du sein", "prevention", false, true},
    {"vasodilatateurs", "Vasodilatateurs après 65 ans", "prevention", false, true},
    {"bzd_demi_vie_longue", "Benzodiazépines à demi-vie longue après 65 ans", "prevention", false,
     true},
    {"bzd_duree", "Durée de la prescription des benzodiazépines", "prevention", false, true},
    {"cancer_col", "Dépistage du cancer du col de l'utérus", "prevention", false, true},
    {"cancer_colon", "Dépistage du cancer du côlon", "prevention", false, true},
    {"antibiotherapie", "Usage pertinent de l'antibiothérapie", "prevention", false, true},
    {"eff_antibiotiques", "Antibiotiques dans le répertoire des génériques", "efficience", false,
     true},
    {"eff_ipp", "IPP dans le répertoire des génériques", "efficience", false, true},
    {"eff_statines", "Statines dans le répertoire des génériques", "efficience", false, true},
    {"eff_antihypertenseurs", "Antihypertenseurs dans le répertoire des génériques", "efficience",
     false, true},
    {"eff_antidepresseurs", "Antidépresseurs dans le répertoire des génériques", "efficience",
     false, true},
    {"eff_iec", "Ratio IEC / IEC + sartans", "efficience", false, true},
    {"eff_aspirine", "Aspirine à faible dosage parmi les antiagrégants", "efficience", false, true},
};
#define NINDICATORS (sizeof indicators / sizeof *indicators)

static const rosp_indicator *indicator_find(const char *id) {
    for (size_t k = 0; k < NINDICATORS; k++)
        if (strcmp(indicators[k].id, id) == 0) return &indicators[k];
    return NULL;
}

static void rosp(eng_t *e) {
    const decl_value *list = decl_get(e->decl, "rosp.indicators");
    if (!list || !list->present) return;
    e->cur = NULL;
    /* "Pour une valeur du point de __" (l. 2945): blank unless supplied */
    if (blank(e, "cm2011.rosp.point_value", "la valeur du point de la ROSP")) return;
    q_t point_value = par(e, "cm2011.rosp.point_value");
    /* "majorant la valeur du point pendant une durée de trois ans, dans des modalités définies en
     * annexe" (l. 2961-2963): the annex is not joined */
    const decl_value *inst = decl_get(e->decl, "doctor.first_installation_date");
    if (inst && inst->present) {
        q_t years = par(e, "cm2011.rosp.first_installation_years");
        if (!q_valid(years) || !q_is_integer(years) || q_cmp(years, q_int(100)) > 0) return;
        date_t end = date_add_months(inst->date, 12 * (int)q_floor_int(years));
        if (date_cmp(end, date_make(e->year, 1, 1)) > 0 && date_cmp(inst->date, e->at) <= 0 &&
            blank(e, "cm2011.rosp.first_installation_majoration",
                  "la majoration de la valeur du point à la première installation"))
            return;
    }
    q_t patients = par(e, "cm2011.rosp.reference_patientele");
    const decl_value *pat = get(e, e->decl, "rosp.patientele_mt", "rosp.patientele_mt");
    bool mt = flag(e, e->decl, "doctor.medecin_traitant", "doctor.medecin_traitant");
    if (!pat || !q_valid(patients) || q_is_zero(patients)) return;
    /* "le nombre de points est défini pour une patientèle moyenne de 800 patients et pondéré
     * ensuite selon le volume de la patientèle réelle" (l. 2949-2953); the draft sets no cap */
    q_t weight = q_div(pat->num, patients);
    q_t saved_unit = e->unit_value;
    e->unit_value = point_value;
    for (size_t i = 0; i < list->nitems && !e->failed; i++) {
        const ancre_decl *item = list->items[i];
        const char *iid = decl_get(item, "id")->s;
        const rosp_indicator *ind = indicator_find(iid);
        for (size_t j = 0; j < i; j++)
            if (strcmp(decl_get(list->items[j], "id")->s, iid) == 0) {
                char path[64];
                snprintf(path, sizeof path, "rosp.indicators[%zu].id", i);
                eng_fail(e, path, "003 Art. 26.3", "un indicateur déclaré une seule fois",
                         "l'indicateur %s est déclaré deux fois", iid);
            }
        if (e->failed || !ind) break;
        char id[64], pid[80], path[96];
        snprintf(id, sizeof id, "cm2011_rosp_%s", iid);
        line_t *l = eng_line(e, id, "003 Art. 26.3", ind->label, ind->module, "indicator");
        snprintf(pid, sizeof pid, "cm2011.rosp.%s.points", iid);
        q_t points = par(e, pid);
        if (!q_valid(points)) break;
        l->fixed = points;
        if (ind->organisation) {
            snprintf(path, sizeof path, "rosp.indicators[%zu].achieved", i);
            bool achieved = flag(e, item, "achieved", path);
            if (ind->weighted && !mt) {
                /* "réservé aux médecins traitants pour le suivi de leurs patients"
                 * (l. 2347-2351) */
                l->status = ST_NOT_TRIGGERED;
                eng_note(e, "indicateur réservé aux médecins traitants (003 l. 2345-2351)");
                continue;
            }
            q_t earned = achieved ? points : q_int(0);
            if (ind->weighted) {
                eng_note(e, "points pondérés par la patientèle réelle / 800 (003 l. 2353)");
                earned = q_mul(earned, weight);
            }
            l->points = earned;
            l->status = achieved ? ST_ACHIEVED : ST_NOT_ACHIEVED;
            continue;
        }
        if (!mt) {
            /* "concernent dans un premier temps les médecins traitants" (l. 2284-2286) */
            l->status = ST_NOT_TRIGGERED;
            eng_note(e, "indicateur de pratique : concerne les médecins traitants (003 l. "
                        "2284-2286)");
            continue;
        }
        snprintf(pid, sizeof pid, "cm2011.rosp.%s.target", iid);
        char what[160];
        snprintf(what, sizeof what, "l'objectif cible de l'indicateur %s", iid);
        if (blank(e, pid, what)) break;
        par(e, pid);
        snprintf(pid, sizeof pid, "cm2011.rosp.%s.threshold", iid);
        q_t threshold = par(e, pid);
        snprintf(path, sizeof path, "rosp.indicators[%zu].denominator", i);
        const decl_value *den = get(e, item, "denominator", path);
        snprintf(path, sizeof path, "rosp.indicators[%zu].realisation_rate", i);
        const decl_value *rate = get(e, item, "realisation_rate", path);
        if (!den) {
            snprintf(path, sizeof path, "rosp.indicators[%zu].denominator", i);
            eng_fail(e, path, "003 Art. 26.1", "un nombre de patients ou de boîtes",
                     "le dénominateur de l'indicateur %s est nécessaire pour le comparer à son "
                     "seuil minimal",
                     iid);
            break;
        }
        if (!q_valid(threshold)) break;
        if (q_cmp(den->num, threshold) < 0) {
            /* "Les indicateurs pour lesquels le seuil n'est pas atteint sont neutralisés."
             * (l. 2290-2292) */
            l->status = ST_NOT_TRIGGERED;
            eng_note(e, "seuil minimal non atteint : indicateur neutralisé (003 l. 2290-2292)");
            continue;
        }
        if (!rate) {
            /* the realisation rate is computed under annexe VI, which the draft does not join */
            e->cur = NULL;
            if (blank(e, "cm2011.rosp.realisation_method",
                      "le calcul du taux de réalisation (annexe VI)")) {
                snprintf(path, sizeof path, "rosp.indicators[%zu].realisation_rate", i);
                eng_fail(e, path, "003 Art. 26.4", "un taux de réalisation entre 0 et 1",
                         "donnez le taux de réalisation de l'indicateur %s, calculé selon "
                         "l'annexe VI",
                         iid);
            }
            break;
        }
        l->points = q_mul(q_mul(points, rate->num), weight);
        l->status = q_is_zero(rate->num) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        eng_note(e, "points × taux de réalisation × patientèle réelle / 800 (003 l. 2949-2953)");
    }
    e->unit_value = saved_unit;
    e->cur = NULL;
    par(e, "cm2011.rosp.total_points");
}

/* ---- Art. 64: the télétransmission incentive ---- */

/* 1 to 12 for a French month name, 0 otherwise (the text names the month of a payment) */
static int month_number(const char *name) {
    static const char *const months[] = {"janvier",   "février", "mars",     "avril",
                                         "mai",       "juin",    "juillet",  "août",
                                         "septembre", "octobre", "novembre", "décembre"};
    for (int k = 0; name && k < 12; k++)
        if (strcmp(months[k], name) == 0) return k + 1;
    return 0;
}

static void teletransmission(eng_t *e) {
    const decl_value *conform = decl_get(e->decl, "teletransmission.equipment_conform");
    if (!conform || !conform->present) return;
    line_t *l = eng_line(e, "cm2011_teletransmission", "003 Art. 64",
                         "Incitation à la télétransmission des feuilles de soins",
                         "teletransmission", "forfait");
    bool ok = flag(e, e->decl, "teletransmission.equipment_conform",
                   "teletransmission.equipment_conform");
    const decl_value *fse =
        get(e, e->decl, "teletransmission.fse_in_scope", "teletransmission.fse_in_scope");
    const decl_value *acts =
        get(e, e->decl, "teletransmission.acts_in_scope", "teletransmission.acts_in_scope");
    const decl_value *received =
        get(e, e->decl, "teletransmission.fse_received", "teletransmission.fse_received");
    const decl_value *decision =
        get(e, e->decl, "teletransmission.caisse_decision", "teletransmission.caisse_decision");
    q_t min = par(e, "cm2011.teletransmission.rate_min");
    q_t band = par(e, "cm2011.teletransmission.cpl_band_min");
    q_t each = par(e, "cm2011.teletransmission.per_fse");
    const char *month_name = par_text(e, "cm2011.teletransmission.payment_month");
    int m = month_number(month_name);
    if (!e->failed && month_name && m == 0)
        eng_fail(e, "cm2011.teletransmission.payment_month", "params", "un nom de mois",
                 "« %s » n'est pas un nom de mois", month_name);
    if (e->failed || !fse || !acts || !received || !q_valid(min) || !q_valid(band) ||
        !q_valid(each) || m == 0)
        return;
    l->fixed = each;
    /* "atteindre un taux prédéterminé de télétransmission en FSE supérieur ou égal à 75 %"
     * (l. 5162), on the acts of the year outside the exclusions (l. 5164-5179) */
    q_t rate = q_div(fse->num, acts->num);
    bool pay = false;
    if (!ok) {
        eng_note(e, "équipement non conforme au cahier des charges SESAM-Vitale (003 l. "
                    "5154-5160)");
    } else if (q_cmp(rate, min) >= 0) {
        pay = true;
    } else if (q_cmp(rate, band) >= 0) {
        /* "Les médecins dont le taux de télétransmission se situe entre 70 et 74,9 % peuvent
         * saisir la CPL [...] Les caisses notifient leur décision" (l. 5195-5207) */
        pay = decision && strcmp(decision->s, "accorde") == 0;
        eng_note(e, pay ? "taux entre 70 et 75 %% : la caisse accorde l'incitation après l'avis "
                          "de la CPL (003 l. 5195-5207)"
                        : "taux entre 70 et 75 %% : la CPL peut être saisie ; sans décision "
                          "favorable de la caisse, rien n'est dû (003 l. 5195-5207)");
    } else {
        eng_note(e, "taux de télétransmission inférieur à 70 %% (003 l. 5162, 5195)");
    }
    l->points = pay ? q_mul(received->num, each) : q_int(0);
    l->status = pay ? ST_ACHIEVED : ST_NOT_ACHIEVED;
    e->cur = NULL;
    eng_amounts(e);
    /* "versées annuellement [...] au mois de mars de chaque année civile au titre de l'année
     * précédente" (l. 5212-5216): due by the end of that month */
    date_t due = date_make(e->year + 1, m, date_days_in_month(e->year + 1, m));
    char label[128];
    snprintf(label, sizeof label, "Incitation à la télétransmission %d (versée en mars %d)",
             e->year, e->year + 1);
    eng_payment(e, label, "003 Art. 64.3", &due, l->amount_cents);
}

/* ---- Art. 34.1, 36, 44: caps of dépassements and activity ratios ---- */

static void record_cents(eng_t *e, const char *name, q_t euros) {
    char buf[48];
    if (q_valid(euros) && q_format_decimal(euros, 2, buf, sizeof buf)) eng_input(e, name, buf);
}

static void act_caps(eng_t *e) {
    const decl_value *list = decl_get(e->decl, "acts");
    if (!list || !list->present) return;
    const decl_value *spec = decl_get(e->decl, "doctor.specialty");
    bool specialist = spec && strcmp(spec->s, "specialiste") == 0;
    for (size_t i = 0; i < list->nitems && !e->failed; i++) {
        const ancre_decl *a = list->items[i];
        char id[160], path[96];
        const decl_value *aid = decl_get(a, "id");
        snprintf(id, sizeof id, "cm2011_acte_%s",
                 aid && aid->present ? aid->s : (snprintf(path, sizeof path, "%zu", i + 1), path));
        const char *kind = decl_get(a, "kind")->s, *regime = decl_get(a, "regime")->s;
        bool clinical = strcmp(kind, "clinique") == 0;
        line_t *l = eng_line(e, id, "003 Art. 34.1, 36, 44", "Contrôle du dépassement d'un acte",
                             "depassements", "controle");
        snprintf(path, sizeof path, "acts[%zu].tariff_cents", i);
        q_t tariff = q_div(get(e, a, "tariff_cents", path)->num, q_int(100));
        snprintf(path, sizeof path, "acts[%zu].billed_cents", i);
        q_t billed = q_div(get(e, a, "billed_cents", path)->num, q_int(100));
        snprintf(path, sizeof path, "acts[%zu].urgent", i);
        bool urgent = flag(e, a, "urgent", path);
        q_t cap = tariff; /* no dépassement unless a rule below allows one */
        const char *why = NULL;
        if (strcmp(regime, "secteur1") == 0) {
            /* "Lorsqu'ils sont consultés en dehors du parcours de soins coordonnés, et en dehors
             * des cas d'urgence ou d'éloignement occasionnel du patient et excepté pour les soins
             * délivrés aux patients bénéficiaires de la CMU complémentaire, les praticiens
             * spécialistes [...] sont autorisés à pratiquer des dépassements." (l. 3497-3503) */
            snprintf(path, sizeof path, "acts[%zu].hors_parcours", i);
            bool out = flag(e, a, "hors_parcours", path);
            snprintf(path, sizeof path, "acts[%zu].eloignement", i);
            bool away = flag(e, a, "eloignement", path);
            snprintf(path, sizeof path, "acts[%zu].cmu_c", i);
            bool cmu = flag(e, a, "cmu_c", path);
            q_t rate = par(e, "cm2011.da.cap_rate");
            if (specialist && out && !urgent && !away && !cmu) {
                q_t max = q_mul(tariff, q_add(q_int(1), rate));
                /* clinical: "arrondi à l'euro supérieur, le montant facturé n'excède pas de plus
                 * de 17,5% la valeur des tarifs" (l. 3505-3509); technical: "plafonnés à hauteur
                 * de 17,5% pour chaque acte technique" (l. 3511-3513) */
                if (clinical && q_valid(max)) {
                    int64_t whole = q_floor_int(max);
                    cap = q_cmp(q_int(whole), max) == 0 ? max : q_int(whole + 1);
                } else {
                    cap = max;
                }
                why = clinical ? "dépassement autorisé (DA) : 17,5 % du tarif du parcours, "
                                 "montant facturé arrondi à l'euro supérieur (003 l. 3505-3509)"
                               : "dépassement autorisé (DA) : 17,5 % du tarif du parcours (003 l. "
                                 "3511-3513)";
            } else {
                why = "tarif opposable : le dépassement autorisé est réservé aux spécialistes "
                      "consultés hors parcours, hors urgence, éloignement et CMU complémentaire "
                      "(003 l. 3497-3503)";
            }
        } else if (strcmp(regime, "option_coordination") == 0) {
            /* "Pour les actes cliniques : les tarifs opposables sans dépassement ; pour les actes
             * techniques : [...] un dépassement [...] plafonné pour chaque acte à 15% de sa
             * valeur" (l. 3694-3698); "Ces dépassements ne sont pas applicables en cas de
             * consultation en urgence médicalement justifiée, ni lorsque le praticien reçoit un
             * enfant de moins de 16 ans" (l. 3718-3720) */
            q_t rate = par(e, "cm2011.option_coordination.technical_cap_rate");
            q_t age_limit = par(e, "cm2011.option_coordination.age_without_overrun");
            snprintf(path, sizeof path, "acts[%zu].patient_age", i);
            const decl_value *age = get(e, a, "patient_age", path);
            bool child = age && q_valid(age_limit) && q_cmp(age->num, age_limit) < 0;
            if (!clinical && !urgent && !child) {
                cap = q_mul(tariff, q_add(q_int(1), rate));
                why = "option de coordination : acte technique, dépassement plafonné à 15 % "
                      "(003 l. 3696-3698)";
            } else {
                why = clinical ? "option de coordination : acte clinique au tarif opposable "
                                 "sans dépassement (003 l. 3694)"
                               : "option de coordination : pas de dépassement en urgence ni "
                                 "pour un enfant de moins de 16 ans (003 l. 3718-3720)";
            }
        } else {
            /* "compléments d'honoraires inférieurs ou égaux à 50 % de la base de remboursement de
             * l'acte y compris les modificateurs" (l. 4013-4017) */
            q_t rate = par(e, "cm2011.secteur_optionnel.complement_cap_rate");
            cap = q_mul(tariff, q_add(q_int(1), rate));
            why = "secteur optionnel : complément d'honoraires au plus 50 % de la base de "
                  "remboursement (003 l. 4013-4017)";
        }
        if (e->failed || !q_valid(cap) || !q_valid(billed)) break;
        record_cents(e, "plafond (€)", cap);
        bool within = q_cmp(billed, cap) <= 0;
        if (!within) record_cents(e, "excédent (€)", q_sub(billed, cap));
        eng_note(e, "%s : %s", within ? "conforme" : "au-delà du plafond", why);
        l->status = within ? ST_ACHIEVED : ST_NOT_ACHIEVED;
    }
}

static void ratio_line(eng_t *e, const char *id, const char *label, const char *num_path,
                       const char *den_path, const char *floor_id, const char *why) {
    line_t *l = eng_line(e, id, "003 Art. 34.1, 36, 44", label, "depassements", "controle");
    const decl_value *num = get(e, e->decl, num_path, num_path);
    const decl_value *den = get(e, e->decl, den_path, den_path);
    q_t floor = par(e, floor_id);
    if (!num || !den) {
        eng_fail(e, num ? den_path : num_path, "003 Art. 34.1, 36, 44",
                 "des honoraires en centimes", "le contrôle du ratio d'activité a besoin de %s",
                 num ? den_path : num_path);
        return;
    }
    if (!q_valid(floor)) return;
    if (q_is_zero(den->num)) {
        l->status = ST_NOT_TRIGGERED;
        eng_note(e, "aucun honoraire de cette nature dans la période");
        return;
    }
    q_t ratio = q_div(num->num, den->num);
    char buf[32];
    if (q_format_decimal(q_mul(ratio, q_int(100)), 2, buf, sizeof buf))
        eng_input(e, "ratio (%)", buf);
    bool ok = q_cmp(ratio, floor) >= 0;
    l->status = ok ? ST_ACHIEVED : ST_NOT_ACHIEVED;
    eng_note(e, "%s : %s", ok ? "respecté" : "non respecté", why);
}

static void activity_ratios(eng_t *e) {
    const decl_value *regime = decl_get(e->decl, "activity.regime");
    if (!regime || !regime->present) return;
    eng_input(e, "activity.regime", regime->s);
    if (strcmp(regime->s, "secteur_optionnel") == 0) {
        /* "réaliser au moins 30% de ses actes au tarif opposable [...] évaluée en comparant la
         * part des honoraires des actes réalisés au tarif opposable à l'ensemble des honoraires
         * opposables des actes" (l. 4001-4011) */
        ratio_line(e, "cm2011_part_opposable",
                   "Secteur optionnel : part des actes au tarif opposable",
                   "activity.opposable_acts_fees_cents", "activity.all_acts_opposable_fees_cents",
                   "cm2011.secteur_optionnel.opposable_share_min",
                   "au moins 30 % des honoraires opposables (003 l. 4001-4011)");
        return;
    }
    bool da = strcmp(regime->s, "acces_non_coordonne") == 0;
    const char *floor =
        da ? "cm2011.da.activity_ratio_min" : "cm2011.option_coordination.activity_ratio_min";
    const char *why = da ? "honoraires sans dépassement au moins 70 % des honoraires totaux "
                           "(003 l. 3517-3526)"
                         : "honoraires sans dépassement au moins 30 % des honoraires totaux "
                           "(003 l. 3702-3714)";
    ratio_line(e, "cm2011_ratio_cliniques", "Ratio d'activité des actes cliniques",
               "activity.clinical_without_overrun_cents", "activity.clinical_total_cents", floor,
               why);
    if (!e->failed)
        ratio_line(e, "cm2011_ratio_techniques", "Ratio d'activité des actes techniques",
                   "activity.technical_without_overrun_cents", "activity.technical_total_cents",
                   floor, why);
}

int conv2011_compute(eng_t *e) {
    eng_result_note(e, "Source : projet de convention nationale des médecins libéraux (version du "
                       "07/07/2011, document 003), non signé ; ses valeurs ne sont pas celles du "
                       "texte signé.");
    ald_forfait(e);
    if (!e->failed) rosp(e);
    if (!e->failed) teletransmission(e);
    if (!e->failed) act_caps(e);
    if (!e->failed) activity_ratios(e);
    if (!e->failed && e->res->nlines == 0)
        eng_fail(e, "", "003", "une section à calculer",
                 "rien à calculer : le document n'a ni ald_patients, ni rosp, ni "
                 "teletransmission, ni acts, ni activity");
    return e->failed ? -1 : 0;
}
