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
        eng_note(e, "target reached: 100 %%");
        return full;
    }
    if (q_cmp(c, o) >= 0) {
        eng_note(e, "at or beyond the objectif intermédiaire: paid at the level reached");
        return q_add(at_oi, q_mul(above, q_div(q_sub(c, o), q_sub(t, o))));
    }
    if (q_cmp(c, i) <= 0) {
        eng_note(e, "no progression from the taux de départ: 0 %%");
        return q_int(0);
    }
    eng_note(e, "below the objectif intermédiaire: paid for the progression");
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
        eng_fail(e, "rosp.new_centre_creation_date", "Art. 24.3", "a date on or before 31/12",
                 "rosp.new_centre_creation_date: the centre opens after the reference year");
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
            eng_note(e, "not in the table of %d", e->year);
            continue;
        }
        snprintf(sec, sizeof sec, "rosp.indicators.%s", ind->id);
        if (!mt_section(e, sec)) {
            l->status = ST_NOT_DECLARED;
            eng_note(e, "no result declared (%s absent)", sec);
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
            eng_note(e, "below the seuil minimal: neutralised this year (Art. 24.2)");
            continue;
        }
        if (q_is_zero(points)) {
            l->status = ST_NOT_ACHIEVED;
            eng_note(e, "0 points in the table of %d", e->year);
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
                eng_note(e, "declarative indicator: taux de départ fixed at 0 %%, the declared "
                            "initial is not used (Art. 24.2)");
        } else {
            snprintf(path, sizeof path, "%s.initial", sec);
            initial = in_num(e, path);
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
        if (q_cmp(target, oi) < 0) eng_note(e, "decreasing indicator: lower is better");
        q_t rate = realisation(e, observed, initial, oi, target);
        mt_record(e, "derived.taux_realisation", rate);
        mt_record(e, "derived.ponderation_patientele", weight);
        l->fixed = points;
        l->points = q_mul(points, rate);
        l->factor = weight;
        l->status = q_is_zero(rate) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        if (!q_is_zero(uplift)) eng_note(e, "new centre: point value majorated (Art. 24.3)");
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

int rosp_compute(eng_t *e) {
    if (in_flag(e, "rosp.refused")) {
        /* Art. 24.1: the new centre renounced the whole ROSP for the duration of the accord */
        line_t *l = eng_line(e, "rosp_refus", "Art. 24.1", "ROSP refusée par le centre",
                             "rosp_adulte", "indicator");
        in_flag(e, "rosp.refused");
        l->status = ST_EXCLUDED;
        eng_note(e, "the centre refused the ROSP within three months of its installation");
        return 0;
    }
    q_t uplift = new_centre_uplift(e);
    e->unit_value = par(e, "rosp.point_value");
    if (!q_valid(uplift) || !q_valid(e->unit_value)) return -1;
    if (!q_is_zero(uplift)) {
        char pct[32];
        q_format_decimal(q_mul(uplift, q_int(100)), 2, pct, sizeof pct);
        eng_result_note(e, "ROSP: new centre, point value majorated by %s %% (Art. 24.3)", pct);
    }
    if (variant(e, adult, sizeof adult / sizeof *adult, true, uplift) != 0) return -1;
    if (variant(e, child, sizeof child / sizeof *child, false, uplift) != 0) return -1;
    e->cur = NULL;
    eng_amounts(e);
    if (volet_totals(e) != 0) return -1;
    char label[128];
    /* slides 001 l. 271: "versée chaque année ... (début n+1 au titre de l'année n)"; the
     * accord sets no date */
    snprintf(label, sizeof label, "ROSP %d (versée début %d, date non fixée par le texte)", e->year,
             e->year + 1);
    eng_payment(e, label, "Art. 24, slides 001", NULL, eng_payment_total(e, "rosp"));
    return 0;
}
