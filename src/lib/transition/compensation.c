/* Mécanisme transitoire d'accompagnement financier (Art. 18.2.2, l. 3424-3473).
 *
 * The differential is the 2014 remuneration of the former option(s), plus the MPA from 2018
 * (l. 3439-3445), minus the new remunerations of the year: Art. 13, ROSP, médecin-traitant
 * remunerations (Annexe 24 until 2017, forfait patientèle of Art. 23.3 afterwards) and the
 * option dentaire (l. 3445-3453).  One differential for "la ou les options antérieures"
 * (l. 3457); the elements counted are those of the centre's activity ("selon le cas", l. 3447).
 * A share of a positive differential is paid: 100 % for 2016, two thirds for 2017, one third for
 * 2018 (l. 3461-3465).  A centre whose 2017 differential exceeds 2 % of its honoraires
 * remboursables receives 2 % of those fees within 200 000 € (l. 3467-3469), and so on until 2020
 * while its differential exceeds 2 % (l. 3469-3473); how this combines with the share is the
 * reading transition_regle_2pct. */
#include "transition.h"

#include "../core/registry.h"
#include "../mt/mt.h"
#include "note_format.h"

#include <stdio.h>
#include <string.h>

static q_t euros_of(q_t cents) {
    return q_valid(cents) ? q_div(cents, q_int(100)) : cents;
}

/* The new remunerations of l. 3447-3453, by activity of the centre ("selon le cas"): each is the
 * amount declared as received, or else the payment the same declaration computes. */
typedef struct {
    const char *field;
    const char *payments[2];
    const char *types; /* |type|... the centres whose activity it concerns */
    const char *label;
} element;

static const element elements[] = {
    {"transition.rsf_cents",
     {"rsf", NULL},
     "|medical|polyvalent|infirmier|dentaire|",
     "rémunération de l'article 13"},
    {"transition.rosp_cents", {"rosp", NULL}, "|medical|polyvalent|", "ROSP"},
    {"transition.medecin_traitant_cents",
     {"forfaits_mt_2017", "fpmt"},
     "|medical|polyvalent|",
     "rémunérations médecin traitant"},
    {"transition.option_dentaire_cents", {NULL, NULL}, "|dentaire|polyvalent|", "option dentaire"},
};

static bool computed_here(const eng_t *e, const char *payment) {
    for (size_t i = 0; payment && i < e->res->nlines; i++)
        if (strcmp(e->res->lines[i].payment, payment) == 0) return true;
    return false;
}

static bool concerns(const char *types, const char *type) {
    char key[64];
    snprintf(key, sizeof key, "|%s|", type);
    return strstr(types, key) != NULL;
}

/* Sum of the new remunerations of the year, in euros; invalid (error recorded) when one is
 * missing or given twice. */
static q_t new_remunerations(eng_t *e) {
    q_t sum = q_int(0);
    char what[96], amount[48];
    for (size_t k = 0; k < sizeof elements / sizeof *elements; k++) {
        const element *el = &elements[k];
        bool here = computed_here(e, el->payments[0]) || computed_here(e, el->payments[1]);
        bool declared = in_has(e, el->field);
        if (!concerns(el->types, e->res->type)) {
            if (declared)
                eng_note(e, "%s non compté : la %s ne concerne pas un centre %s (l. 3445-3447)",
                         el->field, eng_tr(e, el->label), e->res->type);
            continue;
        }
        /* "rémunérations perçues" (l. 3447): the amount received, when declared, is the
         * element; otherwise the payment this declaration computes */
        q_t v;
        if (declared) {
            v = euros_of(in_num(e, el->field));
            here = false;
        } else if (here) {
            v = q_int(0);
            for (int p = 0; p < 2; p++)
                if (el->payments[p])
                    v = q_add(v, q_frac(eng_payment_total(e, el->payments[p]), 100));
            snprintf(what, sizeof what, "transition.calcule.%s", el->payments[0]);
            mt_record(e, what, v);
        } else {
            v = euros_of(in_num(e, el->field));
        }
        if (!q_valid(v)) return q_invalid();
        note_euros(e, v, amount, sizeof amount);
        eng_note(e, "%s %s%s", eng_tr(e, el->label), amount,
                 here ? eng_tr(e, " (calculée ici)") : "");
        sum = q_add(sum, v);
    }
    return sum;
}

/* A boolean parameter at another date than the year's, without recording it. */
static bool flag_at(eng_t *e, const char *id, date_t at) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    return params_lookup(e->params, id, at, &p, &pe) == PARAM_OK && pe->kind == PV_BOOL && pe->b;
}

int transition_compensation_compute(eng_t *e) {
    if (!mt_section(e, "transition")) {
        /* a year of the mechanism computed without its section: the result says what is
         * missing rather than leaving it out silently */
        if (mt_param_defined(e, "transition.compensation.share_num"))
            eng_result_note(e,
                            "Art. 18.2.2 (mécanisme transitoire d'accompagnement financier, "
                            "%d) non calculé : la déclaration n'a pas de section transition ; il "
                            "faut au moins transition.options_2014_cents (rémunération 2014 des "
                            "anciennes options, 0 si le centre n'en avait pas)",
                            e->year);
        return 0;
    }
    line_t *l = eng_line(e, "transition_accompagnement", "Art. 18.2.2",
                         eng_tr(e, "Mécanisme transitoire d'accompagnement financier"),
                         "transition", "compensation");
    q_t num = par(e, "transition.compensation.share_num");
    q_t den = par(e, "transition.compensation.share_den");
    bool with_mpa = par_bool(e, "transition.compensation.mpa_added");
    q_t options = euros_of(in_num(e, "transition.options_2014_cents"));
    q_t reference = options;
    if (with_mpa) reference = q_add(reference, euros_of(in_num(e, "transition.mpa_cents")));
    q_t fresh = new_remunerations(e);
    if (e->failed || !q_valid(reference) || !q_valid(fresh) || !q_valid(num)) return -1;

    char a[48], b[48], c[48], d[48];
    q_t diff = q_sub(reference, fresh);
    mt_record(e, "transition.reference", reference);
    mt_record(e, "transition.nouvelles_remunerations", fresh);
    mt_record(e, "transition.differentiel", diff);
    note_euros(e, reference, a, sizeof a);
    note_euros(e, fresh, b, sizeof b);
    note_euros(e, diff, c, sizeof c);
    eng_note(e, "référence 2014%s %s, nouvelles rémunérations %s, différentiel %s",
             with_mpa ? " + MPA" : "", a, b, c);
    if (q_cmp(diff, q_int(0)) <= 0) {
        l->status = ST_NOT_ACHIEVED;
        eng_note(e, "pas de différentiel : rien à verser");
        return 0;
    }
    q_t share = q_div(num, den);
    q_t pay = q_mul(diff, share);
    note_euros(e, pay, a, sizeof a);
    char frac[32];
    q_format_fraction(share, frac, sizeof frac);
    eng_note(e, "part %s de l'échéancier de %d : %s", frac, e->year, a);

    if (par_exists(e, "transition.compensation.fees_threshold_rate")) {
        q_t threshold = par(e, "transition.compensation.fees_threshold_rate");
        q_t rate = par(e, "transition.compensation.complement_rate");
        q_t cap = par(e, "transition.compensation.complement_cap");
        int y0 = mt_par_int(e, "transition.compensation.qualifying_year");
        q_t fees = euros_of(in_num(e, "transition.honoraires_remboursables_cents"));
        bool qualified = false;
        if (e->year == y0) {
            qualified = q_cmp(diff, q_mul(threshold, fees)) > 0;
        } else if (e->year > y0) {
            /* "ces mêmes centres" (l. 3469-3471): those whose differential of the qualifying year
             * exceeded the threshold */
            q_t ref0 = options;
            if (flag_at(e, "transition.compensation.mpa_added", date_make(y0, 12, 31)))
                ref0 = q_add(ref0, euros_of(in_num(e, "transition.mpa_cents")));
            q_t fresh0 = euros_of(in_num(e, "transition.remunerations_2017_cents"));
            q_t fees0 = euros_of(in_num(e, "transition.honoraires_remboursables_2017_cents"));
            if (e->failed) return -1;
            q_t diff0 = q_sub(ref0, fresh0);
            mt_record(e, "transition.differentiel_2017", diff0);
            qualified = q_cmp(diff0, q_mul(threshold, fees0)) > 0;
            note_euros(e, diff0, a, sizeof a);
            note_euros(e, q_mul(threshold, fees0), b, sizeof b);
            eng_note(e, "différentiel de %d %s %s 2 %% des honoraires (%s)", y0, a,
                     qualified ? eng_tr(e, "supérieur à") : eng_tr(e, "non supérieur à"), b);
        }
        if (e->failed) return -1;
        note_euros(e, q_mul(threshold, fees), b, sizeof b);
        note_percent(e, threshold, d, sizeof d);
        if (qualified && q_cmp(diff, q_mul(threshold, fees)) > 0) {
            q_t comp = q_min(q_mul(rate, fees), cap);
            note_euros(e, comp, c, sizeof c);
            eng_note(e,
                     "différentiel supérieur à %s des honoraires remboursables (%s) : versement "
                     "complémentaire %s (plafond l. 3469)",
                     d, b, c);
            if (reading_is(e, "transition_regle_2pct", "remplace")) {
                pay = comp;
            } else if (reading_is(e, "transition_regle_2pct", "plancher")) {
                pay = q_max(pay, comp);
            } else if (reading_is(e, "transition_regle_2pct", "complement")) {
                pay = q_add(pay, comp);
            }
        } else if (qualified) {
            eng_note(e, "différentiel non supérieur à %s des honoraires remboursables (%s)", d, b);
        }
    }
    l->points = pay;
    l->status = q_is_zero(pay) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    if (q_is_zero(pay)) return 0;
    e->cur = NULL;
    eng_amounts(e);
    char label[160];
    snprintf(label, sizeof label,
             eng_tr(e, "Accompagnement transitoire au titre de %d (date de versement non fixée "
                       "par le texte)"),
             e->year);
    eng_payment(e, label, "Art. 18.2.2", NULL, l->amount_cents);
    return 0;
}
