/* Rémunération sur objectifs de santé publique of the centre chosen as médecin traitant
 * (Art. 24, Annexe 25): for each indicator of the year's table, a taux de réalisation from the
 * taux de suivi, the taux de départ and the two objectives; points × taux, weighted by the
 * patientèle against the reference patientèle, at the point value (majorated for new centres). */
#include "mt.h"
#include "rosp_indicators.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *id, *label;
} rosp_indicator;

#define ENTRY(id, label, max) {#id, label},
static const rosp_indicator adult[] = {ROSP_ADULT_INDICATORS(ENTRY)};
static const rosp_indicator child[] = {ROSP_CHILD_INDICATORS(ENTRY)};

static q_t ipar(eng_t *e, const char *ind, const char *what) {
    char id[128];
    snprintf(id, sizeof id, "rosp.%s.%s", ind, what);
    return par(e, id);
}

/* Annexe 25 art. 1 (l. 20344-20401, formulas l. 20435-20445).  Below the objectif intermédiaire:
 * 30 % × (constaté − initial) / (intermédiaire − initial), between 0 and 30 %; at or above it:
 * 30 % + 70 % × (constaté − intermédiaire) / (cible − intermédiaire), at most 100 %.  For a
 * decreasing indicator (cible below the intermédiaire) the comparisons are mirrored: the printed
 * formulas give the same values since numerator and denominator both change sign. */
static q_t realisation(eng_t *e, q_t observed, q_t initial, q_t oi, q_t target) {
    q_t at_oi = par(e, "rosp.rate_at_intermediate");
    q_t above = par(e, "rosp.rate_above_intermediate");
    q_t full = par(e, "rosp.rate_at_target");
    bool lower = q_cmp(target, oi) < 0;
    q_t s = q_int(lower ? -1 : 1);
    q_t c = q_mul(s, observed), i = q_mul(s, initial), o = q_mul(s, oi), t = q_mul(s, target);
    if (q_cmp(c, t) >= 0) {
        eng_note(e, "objectif cible atteint : taux de réalisation maximal");
        return full;
    }
    if (q_cmp(c, o) >= 0) {
        eng_note(e, "objectif intermédiaire atteint ou dépassé : payé au niveau atteint");
        return q_add(at_oi, q_mul(above, q_div(q_sub(c, o), q_sub(t, o))));
    }
    if (q_cmp(c, i) <= 0) {
        eng_note(e, "pas de progression depuis le taux de départ : 0 %%");
        return q_int(0);
    }
    eng_note(e, "sous l'objectif intermédiaire : payé pour la progression");
    return q_mul(at_oi, q_div(q_sub(c, i), q_sub(o, i)));
}

/* Art. 24.3: majoration of the point of a new centre in year k (1-3) of opening, 0 after. */
static q_t majoration_of_year(eng_t *e, int k) {
    if (k < 1 || k > mt_par_int(e, "rosp.new_centre.majoration_years")) return q_int(0);
    char id[64];
    snprintf(id, sizeof id, "rosp.new_centre.majoration.year%d", k);
    return par(e, id);
}

/* Art. 24.3: point-value majoration of a new centre, "dégressive pendant les trois premières
 * années d'ouverture" (20 %, 15 %, 5 %). */
static q_t new_centre_uplift(eng_t *e) {
    date_t opened;
    if (!in_date_opt(e, "rosp.new_centre_creation_date", &opened)) return q_int(0);
    if (opened.y > e->year) {
        eng_fail(e, "rosp.new_centre_creation_date", "Art. 24.3", "une date au plus tard le 31/12",
                 "rosp.new_centre_creation_date : le centre ouvre après l'année de référence");
        return q_invalid();
    }
    int calendar_year = e->year - opened.y + 1;
    if (reading_is(e, "rosp_new_centre_year", "calendar"))
        return majoration_of_year(e, calendar_year);
    /* years of opening as twelve-month periods from the opening date: the reference year's
     * majoration is the average of the periods' majorations over the days the centre was open */
    date_t anniversary = date_make(e->year, opened.m,
                                   opened.d > date_days_in_month(e->year, opened.m)
                                       ? date_days_in_month(e->year, opened.m)
                                       : opened.d);
    date_t first = opened.y == e->year ? opened : date_make(e->year, 1, 1);
    long before = date_days(anniversary) - date_days(first); /* in period calendar_year - 1 */
    long after = date_days(date_make(e->year, 12, 31)) - date_days(anniversary) + 1;
    if (before < 0) before = 0;
    q_t sum = q_add(q_mul(q_int(before), majoration_of_year(e, calendar_year - 1)),
                    q_mul(q_int(after), majoration_of_year(e, calendar_year)));
    return q_div(sum, q_int(before + after));
}

/* Art. 24.2 (l. 7287-7293): « un taux de départ … défini au 31/12/2016 ou au 31/12 de l'année
 * durant laquelle le seuil minimal requis pour l'indicateur est atteint. Une fois celui-ci
 * atteint, le taux de départ est figé »; a newly created centre: « actualiser les taux de départ
 * tous les ans pendant trois ans » (Art. 24.3, l. 7390).  Derived from the declared history
 * of the indicator (rosp.indicators.<id>.history: year, rate, population at 31/12). */
static q_t initial_from_history(eng_t *e, const char *ind, const char *sec) {
    char path[192];
    q_t threshold = ipar(e, ind, "threshold");
    date_t opened;
    bool fresh = in_date_opt(e, "rosp.new_centre_creation_date", &opened) &&
                 e->year - opened.y + 1 <= mt_par_int(e, "rosp.new_centre.majoration_years");
    int first = mt_par_int(e, "rosp.initial_rate_year");
    if (!q_valid(threshold) || first < 0) return q_invalid();
    q_t found = q_invalid();
    int found_year = 0;
    snprintf(path, sizeof path, "%s.history", sec);
    const decl_value *list = decl_get(e->decl, path);
    for (int y = first; list && y < e->year; y++) {
        for (size_t k = 0; k < list->nitems; k++) {
            const ancre_decl *it = list->items[k];
            if (q_floor_int(decl_get(it, "year")->num) != y) continue;
            q_t rate = decl_get(it, "rate")->num;
            const decl_value *pv = decl_get(it, "population");
            /* the rate of 31/12/2016 counts when its seuil was reached then (a year without its
             * population is taken as reached) */
            bool reached = pv ? q_cmp(pv->num, threshold) >= 0 : true;
            char item[224], val[96], r[32];
            snprintf(item, sizeof item, "%s[%zu]", path, k);
            q_format_decimal(rate, 6, r, sizeof r);
            snprintf(val, sizeof val, "%d : %s", y, r);
            eng_input(e, item, val);
            if (fresh) { /* updated every year: the previous year's rate */
                if (y == e->year - 1) {
                    found = rate;
                    found_year = y;
                }
            } else if (reached && !q_valid(found)) {
                found = rate;
                found_year = y;
            }
        }
    }
    if (!q_valid(found)) {
        snprintf(path, sizeof path, "%s.initial", sec);
        eng_fail(e, path, "Art. 24.2", "le taux de départ ou l'historique de l'indicateur",
                 "%s : manquant : ni taux de départ déclaré, ni historique d'où le déduire (taux "
                 "au 31/12/%d ou de la première année où le seuil est atteint)",
                 path, first);
        return q_invalid();
    }
    eng_note(e, "taux de départ déduit de l'historique : taux au 31/12/%d%s", found_year,
             fresh ? " (centre nouvellement créé : actualisé chaque année)" : "");
    return found;
}

static int variant(eng_t *e, const rosp_indicator *list, size_t n, bool is_adult, q_t uplift) {
    const char *bloc = is_adult ? "rosp_adulte" : "rosp_enfant";
    /* the year's table must exist: its first indicator is defined for every table year */
    char first[128];
    snprintf(first, sizeof first, "rosp.%s.points", list[0].id);
    e->cur = NULL;
    if (!q_valid(par(e, first))) return -1;
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        char sec[128];
        snprintf(sec, sizeof sec, "rosp.indicators.%s", list[k].id);
        if (mt_section(e, sec)) any = true;
    }
    q_t weight = q_int(0);
    if (any) {
        /* Art. 24.5, Annexe 25 l. 20454-20486: patientèle déclarante / 800 (16 and over) or
         * / 600 (under 16) */
        q_t pop;
        if (reading_is(e, "rosp_weighting_population", "by_age"))
            pop = in_num(e, is_adult ? "rosp.patients_16_plus" : "rosp.patients_under_16");
        else
            pop = q_add(in_num(e, "rosp.patients_16_plus"), in_num(e, "rosp.patients_under_16"));
        q_t ref = par(e, is_adult ? "rosp.reference_patientele.adult"
                                  : "rosp.reference_patientele.child");
        if (!q_valid(pop) || !q_valid(ref)) return -1;
        weight = q_mul(q_div(pop, ref), q_add(q_int(1), uplift));
    }
    for (size_t k = 0; k < n; k++) {
        const rosp_indicator *ind = &list[k];
        line_t *l = eng_line(e, ind->id, "Art. 24.4, Annexe 25", ind->label, bloc, "indicator");
        char id[160], sec[128], path[192];
        snprintf(id, sizeof id, "rosp.%s.points", ind->id);
        if (!par_exists(e, id)) {
            l->status = ST_NOT_IN_GRID;
            eng_note(e, "absent du tableau de %d", e->year);
            continue;
        }
        snprintf(sec, sizeof sec, "rosp.indicators.%s", ind->id);
        if (!mt_section(e, sec)) {
            l->status = ST_NOT_DECLARED;
            eng_note(e, "aucun résultat déclaré (%s absent)", sec);
            continue;
        }
        q_t points = ipar(e, ind->id, "points");
        snprintf(path, sizeof path, "%s.population", sec);
        q_t pop = in_num(e, path);
        q_t threshold = ipar(e, ind->id, "threshold");
        if (!q_valid(pop) || !q_valid(threshold)) continue;
        if (q_cmp(pop, threshold) < 0) {
            /* Art. 24.2: "Les indicateurs pour lesquels le seuil n'est pas atteint sont
             * neutralisés pour le calcul de la rémunération de l'année concernée" */
            l->status = ST_NOT_ACHIEVED;
            eng_note(e, "sous le seuil minimal : neutralisé cette année (Art. 24.2)");
            continue;
        }
        if (q_is_zero(points)) {
            l->status = ST_NOT_ACHIEVED;
            eng_note(e, "0 point dans le tableau de %d", e->year);
            continue;
        }
        snprintf(path, sizeof path, "%s.observed", sec);
        q_t observed = in_num(e, path);
        q_t initial;
        snprintf(id, sizeof id, "rosp.%s.declarative", ind->id);
        if (par_bool(e, id)) {
            /* Art. 24.2: "ce taux de départ est fixé à 0% pour les indicateurs déclaratifs" */
            initial = par(e, "rosp.declarative_initial_rate");
            snprintf(path, sizeof path, "%s.initial", sec);
            if (in_has(e, path))
                eng_note(e, "indicateur déclaratif : taux de départ fixé à 0 %%, le taux initial "
                            "déclaré n'est pas utilisé (Art. 24.2)");
        } else {
            snprintf(path, sizeof path, "%s.initial", sec);
            if (in_has(e, path))
                initial = in_num(e, path);
            else
                initial = initial_from_history(e, ind->id, sec);
        }
        q_t oi, target;
        snprintf(id, sizeof id, "rosp.%s.intermediate_as_printed", ind->id);
        if (mt_param_defined(e, id) && reading_is(e, "rosp_2020_adult_table", "as_printed")) {
            oi = ipar(e, ind->id, "intermediate_as_printed");
            target = ipar(e, ind->id, "target_as_printed");
        } else {
            oi = ipar(e, ind->id, "intermediate");
            target = ipar(e, ind->id, "target");
        }
        if (!q_valid(observed) || !q_valid(initial) || !q_valid(oi) || !q_valid(target)) continue;
        if (q_cmp(target, oi) < 0) eng_note(e, "indicateur décroissant : plus bas est meilleur");
        q_t rate = realisation(e, observed, initial, oi, target);
        mt_record(e, "derived.taux_realisation", rate);
        mt_record(e, "derived.ponderation_patientele", weight);
        l->fixed = points;
        l->points = q_mul(points, rate);
        l->factor = weight;
        l->status = q_is_zero(rate) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        if (!q_is_zero(uplift))
            eng_note(e, "centre nouvellement créé : valeur du point majorée (Art. 24.3)");
    }
    return e->failed ? -1 : 0;
}

/* The remuneration is defined per indicator: « la rémunération est égale au nombre de points
 * multiplié par le taux de réalisation pour l'indicateur, pondéré par le rapport entre la
 * patientèle … et multiplié par la valeur du point » (Annexe 25, l. 20470-20486), and the text
 * says nothing of rounding.  Reading rosp_rounding: each indicator line rounded to the cent (the
 * default, the unit the text defines), or each volet rounded once, the difference with the sum
 * of its rounded lines shown as an adjustment line so that the total stays the sum of the lines.
 * The adult and child volet totals are given in the result's notes either way. */
static int volet_totals(eng_t *e) {
    static const struct {
        const char *bloc, *id, *label, *name;
    } volets[] = {
        {"rosp_adulte", "rosp_arrondi_adulte", "Arrondi du volet adulte", "adulte"},
        {"rosp_enfant", "rosp_arrondi_enfant", "Arrondi du volet enfant", "enfant"},
    };
    bool per_volet = reading_is(e, "rosp_rounding", "per_volet");
    for (size_t v = 0; v < sizeof volets / sizeof *volets; v++) {
        q_t exact = q_int(0);
        int64_t rounded = 0;
        bool any = false;
        for (size_t i = 0; i < e->res->nlines; i++) {
            const line_t *l = &e->res->lines[i];
            if (strcmp(l->payment, "rosp") != 0 || strcmp(l->bloc, volets[v].bloc) != 0) continue;
            any = true;
            rounded += l->amount_cents;
            exact = q_add(exact, q_mul(q_mul(l->points, l->unit_value), l->factor));
        }
        if (!any) continue;
        if (!q_valid(exact)) {
            eng_fail(e, volets[v].bloc, "Annexe 25", "un montant représentable",
                     "dépassement de capacité en totalisant le volet %s de la ROSP",
                     volets[v].name);
            return -1;
        }
        int64_t total = rounded;
        if (per_volet) {
            total = q_round_cents(exact);
            line_t *l = eng_line(e, volets[v].id, "Annexe 25", volets[v].label, volets[v].bloc,
                                 "adjustment");
            reading_is(e, "rosp_rounding", "per_volet");
            l->status = ST_ADJUSTMENT;
            l->priced = true;
            l->amount_cents = total - rounded;
            eng_note(e, "volet arrondi une fois (lecture rosp_rounding=per_volet) : écart avec la "
                        "somme des indicateurs arrondis");
            e->cur = NULL;
        }
        char eur[64];
        q_format_decimal(q_frac(total, 100), 2, eur, sizeof eur);
        for (char *c = eur; *c; c++)
            if (*c == '.') *c = ',';
        eng_result_note(e, "ROSP %d, volet %s : %s € (Annexe 25, l. 20470-20486)", e->year,
                        volets[v].name, eur);
    }
    eng_amounts(e);
    return e->failed ? -1 : 0;
}

/* Art. 24.6 (l. 9528-9540): « Une clause de sauvegarde est mise en œuvre les deux premières
 * années … si le montant global de la rémunération versée au titre des indicateurs de la qualité
 * de la pratique médicale est inférieur de plus de 10% au montant versé respectivement au titre
 * de l'année 2016 et de l'année 2017, le différentiel entre le montant global de 2016 et celui de
 * 2017 et 2018 donne lieu à un versement complémentaire aux centres de santé sous forme de
 * majoration de la rémunération ».  The global amounts are national figures presented in CPN,
 * supplied as national.rosp.global_amount; the text does not say how the differential is shared
 * among the centres (reading rosp_safeguard_share). */
static void safeguard(eng_t *e) {
    line_t *l =
        eng_line(e, "rosp_clause_sauvegarde", "Art. 24.6",
                 "Clause de sauvegarde : versement complémentaire", "rosp_adulte", "majoration");
    l->status = ST_NOT_TRIGGERED;
    q_t threshold = par(e, "rosp.safeguard.shortfall_threshold");
    date_t now = date_make(e->year, 12, 31), before = date_make(e->year - 1, 12, 31);
    date_t base = date_make(2016, 12, 31);
    if (!mt_param_defined(e, "national.rosp.global_amount") || !q_valid(threshold)) {
        l->status = ST_NOT_DECLARED;
        eng_note(e,
                 "montants globaux nationaux de la ROSP non fournis (national.rosp.global_amount, "
                 "bilans présentés en CPN) : clause de sauvegarde non calculée");
        return;
    }
    q_t g_now = par_at(e, "national.rosp.global_amount", now);
    q_t g_before = par_at(e, "national.rosp.global_amount", before);
    q_t g_base = par_at(e, "national.rosp.global_amount", base);
    if (!q_valid(g_now) || !q_valid(g_before) || !q_valid(g_base) || !q_is_zero(l->points)) return;
    /* « inférieur de plus de 10% au montant versé respectivement au titre de l'année [précédente] »
     */
    q_t floor = q_mul(g_before, q_sub(q_int(1), threshold));
    if (q_cmp(g_now, floor) >= 0) {
        eng_note(e, "montant global de l'année non inférieur de plus du seuil à celui de l'année "
                    "précédente : pas de versement complémentaire");
        return;
    }
    if (reading_is(e, "rosp_safeguard_share", "not_distributed")) {
        eng_note(e, "clause déclenchée ; la répartition du différentiel entre les centres n'est "
                    "pas calculée (lecture rosp_safeguard_share=not_distributed)");
        l->status = ST_ADJUSTMENT;
        return;
    }
    /* the differential with 2016, shared in proportion of each centre's ROSP of the year */
    q_t diff = q_sub(g_base, g_now);
    q_t rate = q_is_zero(g_now) ? q_int(0) : q_max(q_int(0), q_div(diff, g_now));
    int64_t own = 0;
    for (size_t i = 0; i < e->res->nlines; i++)
        if (strcmp(e->res->lines[i].payment, "rosp") == 0) own += e->res->lines[i].amount_cents;
    char pct[32];
    q_format_decimal(q_mul(rate, q_int(100)), 4, pct, sizeof pct);
    for (char *c = pct; *c; c++)
        if (*c == '.') *c = ',';
    eng_note(e,
             "clause déclenchée : (montant de 2016 − montant de l'année) / montant de l'année "
             "= %s %% de la ROSP du centre",
             pct);
    l->status = ST_ACHIEVED;
    l->unit_value = q_int(1);
    l->fixed = rate;
    l->points = q_mul(q_frac(own, 100), rate);
}

int rosp_compute(eng_t *e) {
    if (in_flag(e, "rosp.refused")) {
        /* Art. 24.1: the new centre renounced the whole ROSP for the duration of the accord */
        line_t *l = eng_line(e, "rosp_refus", "Art. 24.1", "ROSP refusée par le centre",
                             "rosp_adulte", "indicator");
        in_flag(e, "rosp.refused");
        l->status = ST_EXCLUDED;
        eng_note(e,
                 "le centre a refusé la ROSP dans les trois mois de son installation (Art. 24.1)");
        return 0;
    }
    q_t uplift = new_centre_uplift(e);
    e->unit_value = par(e, "rosp.point_value");
    if (!q_valid(uplift) || !q_valid(e->unit_value)) return -1;
    if (!q_is_zero(uplift)) {
        char pct[32];
        q_format_decimal(q_mul(uplift, q_int(100)), 2, pct, sizeof pct);
        eng_result_note(
            e, "ROSP : centre nouvellement créé, valeur du point majorée de %s %% (Art. 24.3)",
            pct);
    }
    if (variant(e, adult, sizeof adult / sizeof *adult, true, uplift) != 0) return -1;
    if (variant(e, child, sizeof child / sizeof *child, false, uplift) != 0) return -1;
    e->cur = NULL;
    eng_amounts(e);
    if (volet_totals(e) != 0) return -1;
    if (mt_param_defined(e, "rosp.safeguard.shortfall_threshold")) {
        safeguard(e);
        e->cur = NULL;
        eng_amounts(e);
        if (e->failed) return -1;
    }
    char label[128];
    /* slides 001 l. 271: "versée chaque année ... (début n+1 au titre de l'année n)"; the
     * accord sets no date */
    snprintf(label, sizeof label,
             "ROSP %d (indicatif : versée début %d, diapositives 001 l. 271 ; date non fixée par "
             "l'accord)",
             e->year, e->year + 1);
    eng_payment(e, label, "Art. 24, slides 001 l. 271", NULL, eng_payment_total(e, "rosp"));
    return 0;
}
