/* The machinery shared by the forfaits spécifiques of all centre types (rsf.h). */
#include "rsf.h"

#include "../core/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- French formats of the notes ------------------------------------------------------ */

/* digits grouped by three with a space, as French writes 1 234 567 */
static void group_thousands(const char *digits, char *out, size_t cap) {
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        if (i && (n - i) % 3 == 0) out[k++] = ' ';
        out[k++] = digits[i];
    }
    out[k] = '\0';
}

void rsf_fmt_cents(int64_t cents, char *buf, size_t cap) {
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
    group_thousands(digits, grouped, sizeof grouped);
    snprintf(buf, cap, "%s%s,%02llu €", cents < 0 ? "-" : "", grouped,
             (unsigned long long)(a % 100));
}

void rsf_fmt_num(q_t v, int decimals, char *buf, size_t cap) {
    char raw[64], grouped[96];
    q_format_decimal(v, decimals, raw, sizeof raw);
    const char *digits = raw[0] == '-' ? raw + 1 : raw;
    char *dot = strchr(raw, '.');
    char whole[64];
    size_t n = dot ? (size_t)(dot - digits) : strlen(digits);
    if (n >= sizeof whole) n = sizeof whole - 1;
    memcpy(whole, digits, n);
    whole[n] = '\0';
    group_thousands(whole, grouped, sizeof grouped);
    snprintf(buf, cap, "%s%s%s%s", raw[0] == '-' ? "-" : "", grouped, dot ? "," : "",
             dot ? dot + 1 : "");
}

void rsf_fmt_date(date_t d, char *buf, size_t cap) {
    snprintf(buf, cap, "%02d/%02d/%04d", d.d, d.m, d.y);
}

void rsf_record_q(eng_t *e, const char *name, q_t v) {
    eng_derived(e, name, v);
}

bool rsf_section(eng_t *e, const char *sec) {
    char path[160];
    snprintf(path, sizeof path, "indicators.%s.", sec);
    size_t first, n = schema_under(path, &first);
    for (size_t k = 0; k < n; k++)
        if (e->decl->values[schema_sorted_index(first + k)].present) return true;
    return false;
}

/* Opens the line of an indicator.  Returns NULL (the line saying why) when the indicator is not
 * in the grid of the year.  The non-cumul of Art. 11 is applied by the gate, once every
 * indicator is validated (exclude_non_cumul). */
line_t *rsf_open_line(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc, const char *grid_param) {
    line_t *l = eng_line(e, id, article, label, bloc, "indicator");
    char p[160];
    snprintf(p, sizeof p, "%s.%s.%s", prefix, id, grid_param);
    if (!par_exists(e, p)) {
        l->status = ST_NOT_IN_GRID;
        eng_note(e, "hors de la grille en vigueur en %d", e->year);
        return NULL;
    }
    return l;
}

void rsf_label(line_t *l, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *label = strdup(buf);
    if (!label) return;
    free(l->label);
    l->label = label;
}

void rsf_award(line_t *l, q_t fixed, q_t variable) {
    l->status = ST_ACHIEVED;
    l->fixed = fixed;
    l->variable = variable;
    l->points = q_add(fixed, variable);
}

q_t rsf_par(eng_t *e, const char *prefix, const char *id, const char *suffix) {
    char p[160];
    snprintf(p, sizeof p, "%s.%s.%s", prefix, id, suffix);
    return par(e, p);
}

bool rsf_declared(eng_t *e, line_t *l, const char *sec) {
    if (rsf_section(e, sec)) return true;
    l->status = ST_NOT_DECLARED;
    eng_note(e, "non déclaré (indicators.%s absent) : non atteint", sec);
    return false;
}

q_t rsf_prorata(eng_t *e, date_t adhesion) {
    /* Art. 13: "proratisés en fonction de la date d'adhésion à l'accord au cours de l'année" */
    if (adhesion.y < e->year) return qi(1);
    if (adhesion.y > e->year) {
        eng_fail(e, "centre.adhesion_date", "Art. 13",
                 "une date au plus tard le 31 décembre de l'année",
                 "centre.adhesion_date : le centre n'est pas régi par l'accord en %d", e->year);
        return q_invalid();
    }
    return rsf_year_share_from(e, adhesion);
}

q_t rsf_year_share_from(eng_t *e, date_t from) {
    if (reading_is(e, "prorata_granularity", "months")) return q_frac(12 - from.m + 1, 12);
    long days = date_days(date_make(e->year, 12, 31)) - date_days(from) + 1;
    return q_frac(days, date_days_in_year(e->year));
}

q_t rsf_yearly_count(eng_t *e, q_t annual) {
    /* Art. 13 (L2724-L2726): "Le suivi du respect des engagements et le calcul de la
     * rémunération sont proratisés en fonction de la date d'adhésion à l'accord au cours de
     * l'année civile de référence" */
    q_t p = e->res->prorata;
    if (!q_valid(p) || q_cmp(p, qi(1)) == 0 || reading_is(e, "prorata_thresholds", "full"))
        return annual;
    q_t t = q_mul(annual, p);
    rsf_record_q(e, "derived.prorated_threshold", t);
    return t;
}

q_t rsf_formation_threshold(eng_t *e, const char *prefix, const char *base_id, const char *id) {
    q_t base = rsf_par(e, prefix, base_id, "min_stages");
    q_t t = rsf_yearly_count(e, base);
    if (strcmp(id, base_id) == 0) return t;
    return q_add(t, q_sub(rsf_par(e, prefix, id, "min_stages"), base));
}

bool rsf_combine_access_minorations(eng_t *e, q_t *amplitude, q_t *saturday, q_t *holidays) {
    /* Art. 15.5 (L2978-L3000, L3002-L3012) lists each tolerated shortfall with its minoration
     * and says nothing of several at once */
    int n = !q_is_zero(*amplitude) + !q_is_zero(*saturday) + !q_is_zero(*holidays);
    if (n < 2) return true;
    if (reading_is(e, "access_minoration_combination", "largest")) {
        if (q_is_zero(*amplitude) || q_is_zero(*saturday)) return true;
        if (q_cmp(*amplitude, *saturday) >= 0)
            *saturday = qi(0);
        else
            *amplitude = qi(0);
    } else if (reading_is(e, "access_minoration_combination", "largest_of_three")) {
        q_t *keep = amplitude;
        if (q_cmp(*saturday, *keep) > 0) keep = saturday;
        if (q_cmp(*holidays, *keep) > 0) keep = holidays;
        if (keep != amplitude) *amplitude = qi(0);
        if (keep != saturday) *saturday = qi(0);
        if (keep != holidays) *holidays = qi(0);
    } else if (reading_is(e, "access_minoration_combination", "not_met")) {
        if (q_is_zero(*amplitude) || q_is_zero(*saturday)) return true;
        eng_note(e, "amplitude réduite en semaine et fermeture le samedi ensemble : hors de la "
                    "liste des amplitudes tolérées (Art. 15.5, lecture "
                    "access_minoration_combination=not_met)");
        *amplitude = *saturday = *holidays = qi(0);
        return false;
    }
    return true;
}

/* ---- gate, adjustments, payments ---------------------------------------------------------- */

static void add_prereq(ancre_result *r, const char *id, bool met) {
    VEC_PUSH(r->prereqs, r->nprereqs);
    r->prereqs[r->nprereqs].id = mem_strdup(id);
    r->prereqs[r->nprereqs].met = met;
    r->nprereqs++;
}

bool rsf_line_achieved(const ancre_result *r, const char *id) {
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].id, id) == 0) return r->lines[i].status == ST_ACHIEVED;
    return false;
}

bool rsf_in_grid(const ancre_result *r, const char *id) {
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].id, id) == 0) return r->lines[i].status != ST_NOT_IN_GRID;
    return false;
}

/* Art. 11 (L2647-L2651): the remuneration "n'est pas applicable lorsque les engagements
 * correspondants font l'objet d'une rémunération dans le cadre d'un autre accord": the
 * indicator earns nothing here, but the engagement is met — its validation stands for the gate
 * (Art. 12), for the levels above it (Art. 9.1.2, L2222-L2225) and for the items that require
 * it.  What is derived from its points (its minorations, its share of the precarity base) goes
 * with them. */
static void exclude_non_cumul(eng_t *e) {
    ancre_result *r = e->res;
    for (size_t i = 0; i < r->nlines; i++) {
        line_t *l = &r->lines[i];
        if (l->status == ST_NOT_IN_GRID || strcmp(l->kind, "indicator") != 0) continue;
        e->cur = l;
        if (!in_list_has(e, "centre.excluded_indicators", l->id)) continue;
        bool achieved = l->status == ST_ACHIEVED;
        char pts[64];
        rsf_fmt_num(l->points, 4, pts, sizeof pts);
        l->status = ST_EXCLUDED;
        l->fixed = l->variable = l->points = qi(0);
        if (achieved)
            snprintf(
                l->note, sizeof l->note,
                "atteint (%s points) mais rémunéré au titre d'un autre accord ou contrat : non "
                "cumulé (Art. 11)",
                pts);
        else
            snprintf(l->note, sizeof l->note,
                     "rémunéré au titre d'un autre accord ou contrat : non cumulé (Art. 11)");
    }
    e->cur = NULL;
}

void rsf_gate(eng_t *e, const rsf_gate_spec *spec) {
    /* Art. 12: the RSF is triggered when the socle indicators defined as prerequisites are met.
     * Art. 14: new centres need two of them; SI-label withdrawal waives the SI one. */
    ancre_result *r = e->res;
    e->cur = NULL;
    int required = 0, met = 0, met_art12 = 0;
    bool all_but_si = true;
    for (size_t i = 0; i < spec->n; i++) {
        const char *id = spec->prereqs[i];
        if (!id || !rsf_in_grid(r, id)) continue;
        bool ok = rsf_line_achieved(r, id);
        add_prereq(r, id, ok);
        required++;
        if (ok) met++;
        /* Art. 14 (L2877-L2879): "deux des indicateurs socles définis comme des prérequis à
         * l'article 12": the other socle indicators a reading may add do not count */
        if (ok && i < spec->n_art12) met_art12++;
        if (!ok && (!spec->si_id || strcmp(id, spec->si_id) != 0)) all_but_si = false;
    }
    if (met == required) {
        r->triggered = true;
        snprintf(r->gate_reason, sizeof r->gate_reason, "les %d prérequis sont atteints (Art. 12)",
                 required);
    } else if (spec->new_centre_derogation &&
               met_art12 >= num_int(par(e, "rsf.new_centre.derogation_min_prerequisites"))) {
        r->triggered = true;
        snprintf(r->gate_reason, sizeof r->gate_reason,
                 "nouveau centre : %d prérequis de l'Art. 12 atteints, dérogation de l'Art. 14",
                 met_art12);
    } else if (spec->si_withdrawal && all_but_si) {
        r->triggered = true;
        snprintf(
            r->gate_reason, sizeof r->gate_reason,
            "label du système d'information retiré : les autres prérequis sont atteints (Art. 14)");
    } else {
        r->triggered = false;
        snprintf(r->gate_reason, sizeof r->gate_reason,
                 "%d prérequis atteints sur %d : la rémunération n'est pas déclenchée (Art. 12)%s",
                 met, required,
                 spec->new_centre_derogation ? ", pas même avec la dérogation des nouveaux centres"
                                             : "");
    }
    if (!r->triggered)
        for (size_t i = 0; i < r->nlines; i++) {
            line_t *l = &r->lines[i];
            if (l->status == ST_ACHIEVED) {
                char pts[64];
                rsf_fmt_num(l->points, 4, pts, sizeof pts);
                snprintf(l->note, sizeof l->note, "atteint (%s points) mais non versé : %.400s",
                         pts, r->gate_reason);
                l->status = ST_NOT_TRIGGERED;
                l->fixed = l->variable = l->points = qi(0);
            }
        }
    exclude_non_cumul(e);
}

void rsf_minoration_line(eng_t *e, const char *id, const char *article, const char *label,
                         q_t points, const char *of) {
    if (q_is_zero(points) || !rsf_line_achieved(e->res, of)) return;
    line_t *l = eng_line(e, id, article, label, BCP, "minoration");
    l->status = ST_ADJUSTMENT;
    l->points = q_neg(points);
    eng_note(e, "appliquée à %s", of);
}

q_t rsf_sum_bloc(const ancre_result *r, const char *bloc) {
    q_t s = qi(0);
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].bloc, bloc) == 0) s = q_add(s, r->lines[i].points);
    return s;
}

/* Points of a bloc as remunerated, in the units of a line that carries the prorata on adhesion:
 * a line with a factor of its own (the SI paid "au prorata temporis à compter de la date
 * d'acquisition", Art. 8.4) counts for the share of it that is paid. */
static q_t bloc_points_as_paid(const ancre_result *r, const char *bloc) {
    q_t s = qi(0);
    bool scale = q_valid(r->prorata) && !q_is_zero(r->prorata);
    for (size_t i = 0; i < r->nlines; i++) {
        const line_t *l = &r->lines[i];
        if (strcmp(l->bloc, bloc) != 0) continue;
        q_t p = l->points;
        if (scale && q_cmp(l->factor, qi(1)) != 0) p = q_mul(p, q_div(l->factor, r->prorata));
        s = q_add(s, p);
    }
    return s;
}

static const rsf_national_rates general_rates = {"national.taux_css", "national.taux_ame"};

void rsf_precarity(eng_t *e, const rsf_precarity_spec *spec) {
    rsf_precarity_against(e, spec, &general_rates);
}

void rsf_precarity_against(eng_t *e, const rsf_precarity_spec *spec,
                           const rsf_national_rates *national) {
    /* Art. 8.6, 15.6: majoration of the bloc commun principal by the excess of the centre's CSS
     * and AME rates over the national rates, in percentage points */
    ancre_result *r = e->res;
    line_t *l = eng_line(e, "majoration_precarite", "Art. 8.6, 15.6", "Majoration précarité", BCP,
                         "majoration");
    l->status = ST_ADJUSTMENT;
    if (!r->triggered) return;
    q_t fa = in_num(e, spec->file_active);
    q_t css = in_num(e, spec->n_css), ame = in_num(e, spec->n_ame);
    if (!q_valid(fa) || !q_valid(css) || !q_valid(ame) || q_is_zero(fa)) {
        if (q_valid(fa) && q_is_zero(fa)) eng_note(e, "file active vide : pas de majoration");
        return;
    }
    q_t t_css = q_div(css, fa), t_ame = q_div(ame, fa);
    q_t n_css = par(e, national->css), n_ame = par(e, national->ame);
    rsf_record_q(e, "derived.taux_css", t_css);
    rsf_record_q(e, "derived.taux_ame", t_ame);
    q_t d_css = q_max(q_sub(t_css, n_css), qi(0)), d_ame = q_max(q_sub(t_ame, n_ame), qi(0));
    q_t m;
    if (reading_is(e, "precarity_rates", "combined"))
        m = q_max(q_sub(q_add(t_css, t_ame), q_add(n_css, n_ame)), qi(0));
    else if (reading_is(e, "precarity_rates", "max"))
        m = q_max(d_css, d_ame);
    else
        m = q_add(d_css, d_ame);
    if (spec->cap_param) {
        q_t cap = par(e, spec->cap_param);
        if (q_cmp(m, cap) > 0) {
            eng_note(e, "majoration plafonnée (Art. 15.6.4)");
            m = cap;
        }
    }
    rsf_record_q(e, "derived.majoration_rate", m);
    /* "s'applique sur le total des indicateurs du bloc commun principal" (Art. 15.6) as paid:
     * an SI acquired during the year enters for its prorata temporis */
    q_t base = bloc_points_as_paid(r, BCP);
    if (reading_is(e, "precarity_base", "rsf")) base = q_add(base, bloc_points_as_paid(r, BCC));
    rsf_record_q(e, "derived.majoration_base_points", base);
    l->points = q_mul(base, m);
    if (q_is_zero(m)) eng_note(e, "taux non supérieurs aux taux nationaux");
}

/* Whether a centre created on `finess` and governed from `adhesion` is "nouvellement créé":
 * "créés trois mois au plus avant leur entrée dans le présent accord national" (Art. 18.1,
 * L3319-L3320), the date of creation being that of the FINESS number (L3323-L3324). */
static bool created_new(eng_t *e, date_t finess, date_t adhesion) {
    date_t limit =
        date_add_months(finess, (int)num_int(par(e, "rsf.new_centre.max_months_before_entry")));
    return date_cmp(adhesion, limit) <= 0 && date_cmp(finess, adhesion) <= 0;
}

/* The new-centre advance of Art. 18.1 (L3319-L3342) for a centre governed from `adhesion`:
 * the national average of its category times the share of its quarter (reading
 * new_centre_quarter).  When `required` is false and the national average of that year is not
 * in the parameters: false, and no error (the caller says so). */
static bool new_centre_advance(eng_t *e, date_t finess, date_t adhesion, const char *amount_param,
                               bool required, int64_t *cents, int *quarter) {
    const param_t *p;
    const period_t *pe;
    if (!required && params_lookup(e->params, amount_param, adhesion, &p, &pe) != PARAM_OK)
        return false;
    date_t qd = reading_is(e, "new_centre_quarter", "finess_date") ? finess : adhesion;
    char qid[64];
    snprintf(qid, sizeof qid, "rsf.new_centre.quarter_share.q%d", date_quarter(qd));
    q_t ref = par_at(e, amount_param, adhesion);
    q_t share = par(e, qid);
    /* the national average is supplied per year: when it is missing the error names it and
     * nothing is computed */
    if (!q_valid(ref) || !q_valid(share)) return false;
    *cents = q_round_cents(q_mul(ref, share));
    *quarter = date_quarter(qd);
    return true;
}

/* Art. 18.1 (L3341-L3345): the year after its creation, the new-centre advance paid in the first
 * year is regularised against that year's remuneration (payments.previous_year_amount_cents):
 * the difference is paid with that remuneration by 30 April (Art. 18, L3299-L3301) or refunded
 * "dans un délai de deux mois à compter de la date de notification".  Shown as a note of the
 * result: the payment itself is in the first year's result (its balance or refund), and is not
 * entered twice in the ledger. */
static void new_centre_regularisation_note(eng_t *e, date_t finess, date_t adhesion,
                                           const char *amount_param) {
    q_t prev;
    if (!in_num_opt(e, "payments.previous_year_amount_cents", &prev)) return;
    int64_t first = 0;
    int quarter = 0;
    if (!new_centre_advance(e, finess, adhesion, amount_param, false, &first, &quarter)) {
        eng_result_note(e,
                        "centre créé en %d : l'avance nouveau centre versée en %d est régularisée "
                        "avec la rémunération de %d (Art. 18.1) ; le montant moyen national de %d "
                        "n'est pas dans les paramètres",
                        adhesion.y, adhesion.y, adhesion.y, adhesion.y);
        return;
    }
    int64_t diff = num_int(prev) - first;
    date_t due = date_make(e->year, (int)num_int(par(e, "rsf.balance_due.month")),
                           (int)num_int(par(e, "rsf.balance_due.day")));
    if (diff < 0)
        due = date_add_months(due, (int)num_int(par(e, "rsf.new_centre.refund_delay_months")));
    char a[48], b[48], c[48], d[16];
    rsf_fmt_cents(first, a, sizeof a);
    rsf_fmt_cents(num_int(prev), b, sizeof b);
    rsf_fmt_cents(diff < 0 ? -diff : diff, c, sizeof c);
    rsf_fmt_date(due, d, sizeof d);
    eng_result_note(e,
                    "régularisation de l'avance nouveau centre versée en %d (%s, trimestre %d) sur "
                    "la rémunération de %d (%s) : %s de %s au plus tard le %s (Art. 18.1)",
                    adhesion.y, a, quarter, adhesion.y, b,
                    diff < 0 ? "remboursement par le centre" : "solde versé au centre", c, d);
}

void rsf_payments(eng_t *e, date_t adhesion, const char *new_centre_amount_param) {
    /* Art. 18: balance by 30 April of the next year; 18.1: advance of 60 % of the previous year;
     * new centres: an advance from the national average by quarter, refunded when too high */
    ancre_result *r = e->res;
    e->cur = NULL;
    eng_amounts(e);
    int64_t total = eng_payment_total(e, "rsf");
    date_t due_balance = date_make(e->year + 1, (int)num_int(par(e, "rsf.balance_due.month")),
                                   (int)num_int(par(e, "rsf.balance_due.day")));
    date_t finess;
    bool new_centre_first_year = false;
    bool has_finess = in_date_opt(e, "centre.finess_date", &finess);
    if (has_finess && adhesion.y == e->year)
        new_centre_first_year = created_new(e, finess, adhesion);
    q_t advance_rate = par(e, "rsf.advance_rate");
    int64_t advance = 0;
    q_t given;
    if (has_finess && adhesion.y == e->year - 1 && created_new(e, finess, adhesion))
        new_centre_regularisation_note(e, finess, adhesion, new_centre_amount_param);
    if (new_centre_first_year) {
        int quarter;
        if (!new_centre_advance(e, finess, adhesion, new_centre_amount_param, true, &advance,
                                &quarter))
            return;
        date_t due =
            date_add_months(adhesion, (int)num_int(par(e, "rsf.new_centre.advance_delay_months")));
        eng_payment(e, "Avance nouveau centre (trimestre de création)", "Art. 18.1", &due, advance);
        eng_payment_kind(e, "new_centre_advance");
        eng_result_note(e,
                        "centre nouvellement créé (au plus %d mois avant son adhésion) : avance de "
                        "la part du trimestre %d du montant moyen national (Art. 18.1)",
                        (int)num_int(par(e, "rsf.new_centre.max_months_before_entry")), quarter);
    } else if (in_num_opt(e, "payments.advance_paid_cents", &given)) {
        advance = num_int(given);
        date_t due = date_make(e->year, due_balance.m, due_balance.d);
        eng_payment(e, "Avance (déclarée)", "Art. 18.1", &due, advance);
        eng_payment_kind(e, "advance");
    } else if (adhesion.y < e->year) {
        q_t prev = in_num(e, "payments.previous_year_amount_cents");
        if (q_valid(prev)) {
            advance = q_round_cents(q_div(q_mul(prev, advance_rate), qi(100)));
            date_t due = date_make(e->year, due_balance.m, due_balance.d);
            char rate[32], label[96];
            rsf_fmt_num(advance_rate, 2, rate, sizeof rate);
            snprintf(label, sizeof label, "Avance de %s %% du montant de l'année précédente", rate);
            eng_payment(e, label, "Art. 18.1", &due, advance);
            eng_payment_kind(e, "advance");
        }
    } else {
        eng_result_note(e, "première année sous l'accord : pas d'avance (Art. 18.1)");
    }
    r->has_advance = true;
    r->advance_cents = advance;
    int64_t balance = total - advance;
    r->refund_cents = 0;
    if (balance < 0 && (new_centre_first_year || reading_is(e, "balance_negative", "recover"))) {
        r->refund_cents = -balance;
        r->balance_cents = balance;
        date_t due = due_balance;
        if (new_centre_first_year) {
            due = date_add_months(due_balance,
                                  (int)num_int(par(e, "rsf.new_centre.refund_delay_months")));
            eng_result_note(e,
                            "remboursement dû dans les deux mois de la notification (Art. 18.1)");
        }
        eng_payment(e, "Remboursement du trop-perçu d'avance", "Art. 18.1", &due, balance);
        eng_payment_kind(e, "refund");
    } else {
        r->balance_cents = balance < 0 ? 0 : balance;
        eng_payment(e, "Solde de l'année", "Art. 18", &due_balance, r->balance_cents);
        eng_payment_kind(e, "balance");
    }
    r->next_advance_cents = q_round_cents(q_div(q_mul(qi(total), advance_rate), qi(100)));
}

/* ---- pieces every centre type uses with its own parameters ------------------------------- */

q_t rsf_vulnerable_ratio(eng_t *e, const rsf_precarity_spec *spec,
                         const rsf_national_rates *national) {
    /* Art. 16.4: "la part de la file active CSS et AME du centre de santé (cf. article 15.6)
     * rapportée au taux nationaux CSS et AME" */
    q_t fa = in_num(e, spec->file_active);
    q_t share =
        q_is_zero(fa) ? qi(0) : q_div(q_add(in_num(e, spec->n_css), in_num(e, spec->n_ame)), fa);
    q_t nat = q_add(par(e, national->css), par(e, national->ame));
    q_t ratio = q_div(share, nat);
    rsf_record_q(e, "derived.vulnerable_ratio", ratio);
    return ratio;
}

q_t rsf_nursing_patientele(eng_t *e) {
    /* Art. 13.3: + (ALD/invalidité rate - 45.2 %) as a percentage of the patientèle, "au
     * maximum de 20%" */
    q_t n = in_num(e, "patients.n_patients_nursing");
    q_t rate = in_num(e, "patients.taux_ald_inval_nursing");
    q_t excess = q_max(q_sub(rate, par(e, "rsf.nursing_patientele.ald_national_rate")), qi(0));
    q_t cap = par(e, "rsf.nursing_patientele.ald_max_majoration");
    q_t maj = q_min(excess, cap);
    if (!q_valid(n) || !q_valid(maj)) return q_invalid();
    rsf_record_q(e, "derived.nursing_ald_majoration", maj);
    q_t p = q_mul(n, q_add(qi(1), maj));
    char a[32], b[32], c[32];
    rsf_fmt_num(q_mul(rate, qi(100)), 2, a, sizeof a);
    rsf_fmt_num(q_mul(maj, qi(100)), 2, b, sizeof b);
    rsf_fmt_num(p, 2, c, sizeof c);
    if (!e->cur)
        eng_result_note(e,
                        "patientèle infirmière : taux ALD/invalidité %s %%, majoration %s %%%s : "
                        "%s patients (Art. 13.3)",
                        a, b, q_cmp(excess, cap) > 0 ? " (plafonnée)" : "", c);
    return p;
}

bool rsf_new_centre_derogation(eng_t *e, date_t adhesion) {
    date_t projet;
    if (!in_date_opt(e, "centre.projet_sante_date", &projet)) return false;
    /* Art. 14: projet de santé deposited less than a year before the accord governs the centre;
     * derogation in the year of entry and the next */
    date_t limit =
        date_add_months(projet, (int)num_int(par(e, "rsf.new_centre.projet_sante_max_months")));
    bool is_new = date_cmp(adhesion, limit) < 0;
    int years = (int)num_int(par(e, "rsf.new_centre.derogation_years"));
    bool on = is_new && e->year < adhesion.y + years;
    if (on)
        eng_result_note(e, "nouveau centre : dérogation sur le nombre de prérequis en %d (Art. 14)",
                        e->year);
    return on;
}

q_t rsf_tiers(q_t n, q_t threshold, q_t low, q_t high) {
    return q_add(q_mul(low, q_min(n, threshold)), q_mul(high, q_max(q_sub(n, threshold), qi(0))));
}

q_t rsf_etp_scaled(eng_t *e, q_t points, q_t etp, q_t reference_etp) {
    if (reading_is(e, "etp_scaled_items", "flat")) return points;
    q_t v = q_div(q_mul(points, etp), reference_etp);
    return reading_is(e, "etp_scaled_items", "capped") ? q_min(v, points) : v;
}

bool rsf_acquisition_prorata(eng_t *e, line_t *l, const char *acquisition_path, q_t prorata) {
    date_t acq;
    if (!in_date_opt(e, acquisition_path, &acq)) return true;
    if (acq.y > e->year) {
        /* Art. 8.4 (L1282-L1284): paid "au prorata temporis à compter de la date d'acquisition":
         * nothing for a year that ends before the system is acquired */
        l->status = ST_NOT_ACHIEVED;
        l->fixed = l->variable = l->points = qi(0);
        eng_note(e,
                 "acquis après %d : pas de rémunération du système d'information pour l'année "
                 "(Art. 8.4)",
                 e->year);
        return false;
    }
    if (acq.y < e->year) return true;
    /* Art. 8.4 (L1282-L1284): "versée au prorata temporis à compter de la date d'acquisition",
     * counted like the prorata on adhesion of Art. 13 */
    l->factor = q_min(rsf_year_share_from(e, acq), prorata);
    eng_note(e, "acquis en cours d'année : prorata temporis à compter de la date d'acquisition "
                "(Art. 8.4)");
    return true;
}

void rsf_simple_fixed(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc) {
    line_t *l = rsf_open_line(e, prefix, id, article, label, bloc, "fixed");
    if (!l || !rsf_declared(e, l, id)) return;
    char path[160];
    snprintf(path, sizeof path, "indicators.%s.achieved", id);
    if (in_flag(e, path)) rsf_award(l, rsf_par(e, prefix, id, "fixed"), qi(0));
}

/* "<ids>_<name>", or "<name>" when ids is "" (the ids of the centres médicaux and polyvalents) */
static void item_id(char *buf, size_t size, const char *ids, const char *name) {
    snprintf(buf, size, "%s%s%s", ids, *ids ? "_" : "", name);
}

void rsf_quality_levels(eng_t *e, const char *prefix, const char *ids, q_t etp) {
    /* Art. 9.1.1: "démarche progressive et cumulative"; levels 2 and 3 "calculés sur une
     * moyenne de N ETP" (Art. 16) */
    char sec[64], id[64], path[160], label[64], p[160], name[32];
    item_id(sec, sizeof sec, ids, "qualite");
    bool lower = true;
    for (int k = 1; k <= 4; k++) {
        snprintf(name, sizeof name, "qualite_n%d", k);
        item_id(id, sizeof id, ids, name);
        snprintf(label, sizeof label, "Démarche qualité niveau %d", k);
        line_t *l = rsf_open_line(e, prefix, id, "Art. 9.1.1", label, BCC, "fixed");
        if (!l || !rsf_declared(e, l, sec)) {
            lower = false;
            continue;
        }
        snprintf(path, sizeof path, "indicators.%s.level", sec);
        int64_t level = num_int(in_num(e, path));
        if (!lower || level < k) {
            if (!lower)
                eng_note(e, "les niveaux se cumulent : le niveau inférieur n'est pas atteint");
            lower = false;
            continue;
        }
        q_t share;
        snprintf(path, sizeof path, "indicators.%s.criteria_share", sec);
        if (k == 2 && in_num_opt(e, path, &share)) {
            int c = q_cmp(share, rsf_par(e, prefix, id, "min_criteria_share"));
            bool met = reading_is(e, "qualite_n2_threshold", "at_least") ? c >= 0 : c > 0;
            if (!met) {
                eng_note(e, "part des critères sous le seuil du niveau 2 (Art. 9.1.1)");
                lower = false;
                continue;
            }
        }
        q_t var = qi(0);
        if (k == 2 || k == 3) {
            snprintf(p, sizeof p, "%s.qualite.reference_etp", prefix);
            var = rsf_etp_scaled(e, rsf_par(e, prefix, id, "variable"), etp, par(e, p));
        }
        rsf_award(l, rsf_par(e, prefix, id, "fixed"), var);
    }
}

void rsf_vulnerable_levels(eng_t *e, const char *prefix, const char *ids,
                           const rsf_precarity_spec *rates, const rsf_national_rates *national,
                           const char *sage_femme_article, const char *mediateur_id,
                           const char *mediateur_article) {
    /* Art. 9.1.2: a level is validated with at least two of its four sub-categories, and only
     * when the level below is; scaled by the CSS and AME share (Art. 16.4) */
    char sec[64], id[64], path[160], p[160], label[64], name[32];
    item_id(sec, sizeof sec, ids, "vulnerables");
    bool valid[3] = {false, false, false};
    for (int k = 0; k < 3; k++) {
        snprintf(name, sizeof name, "vulnerables_n%d", k + 1);
        item_id(id, sizeof id, ids, name);
        snprintf(label, sizeof label, "Publics vulnérables niveau %d", k + 1);
        line_t *l = rsf_open_line(e, prefix, id, "Art. 9.1.2, 16.4", label, BCC, "variable");
        if (!l || !rsf_declared(e, l, sec)) continue;
        if (k > 0 && !valid[k - 1]) {
            eng_note(e, "un niveau demande le niveau inférieur (Art. 9.1.2)");
            continue;
        }
        snprintf(path, sizeof path, "indicators.%s.level%d_subcategories", sec, k + 1);
        snprintf(p, sizeof p, "%s.vulnerables.min_subcategories", prefix);
        valid[k] = q_cmp(in_num(e, path), par(e, p)) >= 0;
        if (!valid[k]) continue;
        rsf_award(
            l, qi(0),
            q_mul(rsf_par(e, prefix, id, "variable"), rsf_vulnerable_ratio(e, rates, national)));
    }
    if (sage_femme_article) {
        /* Art. 16.1, 16.2: "50 points par ETP sage-femme au titre de l'action aller vers les
         * publics fragiles en dehors de la structure" — with level 2 (Annexe 1 bis) */
        item_id(id, sizeof id, ids, "vulnerables_sage_femme");
        line_t *l = rsf_open_line(e, prefix, id, sage_femme_article,
                                  "Publics vulnérables : action d'une sage-femme", BCC, "per_etp");
        snprintf(path, sizeof path, "indicators.%s.sage_femme_action_outside", sec);
        if (l && rsf_declared(e, l, sec)) {
            if (!valid[1])
                eng_note(e, "avec le niveau 2 des publics vulnérables (Annexe 1 bis)");
            else if (in_flag(e, path))
                rsf_award(
                    l, qi(0),
                    q_mul(rsf_par(e, prefix, id, "per_etp"), in_num(e, "staff.etp_sages_femmes")));
        }
    }
    const char *mid = mediateur_id;
    line_t *l =
        rsf_open_line(e, prefix, mid, mediateur_article, "Médiateur en santé", BCC, "fixed");
    snprintf(path, sizeof path, "indicators.%s.present", mid);
    if (l && rsf_declared(e, l, mid) && in_flag(e, path)) {
        if (!valid[0])
            eng_note(e, "demande le niveau 1 des publics vulnérables (Art. 9.1.2)");
        else
            rsf_award(l, rsf_par(e, prefix, mid, "fixed"), qi(0));
    }
}

void rsf_user_levels(eng_t *e, const char *prefix, const char *ids, q_t patientele_ratio) {
    /* Art. 9.1.3: level 1 fixed, level 2 on the reference patientèle (Art. 16) */
    char sec[64], id[64], path[160];
    item_id(sec, sizeof sec, ids, "usagers");
    snprintf(path, sizeof path, "indicators.%s.level", sec);
    item_id(id, sizeof id, ids, "usagers_n1");
    line_t *l = rsf_open_line(e, prefix, id, "Art. 9.1.3", "Implication des usagers niveau 1", BCC,
                              "fixed");
    int64_t level = 0;
    if (l && rsf_declared(e, l, sec)) {
        level = num_int(in_num(e, path));
        if (level >= 1) rsf_award(l, rsf_par(e, prefix, id, "fixed"), qi(0));
    }
    item_id(id, sizeof id, ids, "usagers_n2");
    l = rsf_open_line(e, prefix, id, "Art. 9.1.3, 16", "Implication des usagers niveau 2", BCC,
                      "variable");
    if (l && rsf_declared(e, l, sec) && level >= 2) {
        rsf_record_q(e, "derived.patientele_ratio", patientele_ratio);
        rsf_award(l, qi(0), q_mul(rsf_par(e, prefix, id, "variable"), patientele_ratio));
    }
}

int rsf_finish(eng_t *e, date_t adhesion, q_t prorata, const char *new_centre_amount_param) {
    ancre_result *r = e->res;
    e->cur = NULL;
    for (size_t i = 0; i < r->nlines; i++) {
        line_t *l = &r->lines[i];
        if (q_cmp(l->factor, qi(1)) == 0) l->factor = prorata;
    }
    /* every id of the non-cumul list must name an indicator of the grid (Art. 11) */
    long li = schema_find("centre.excluded_indicators");
    const decl_value *ex = li >= 0 ? &e->decl->values[li] : NULL;
    for (size_t k = 0; ex && ex->present && k < ex->nlist; k++)
        if (!rsf_in_grid(r, ex->list[k]))
            eng_fail(
                e, "centre.excluded_indicators", "Art. 11",
                "des identifiants d'indicateurs de la grille",
                "centre.excluded_indicators : « %s » n'est pas un indicateur de la grille de %d",
                ex->list[k], e->year);
    r->bcp_points = rsf_sum_bloc(r, BCP);
    r->bcc_points = rsf_sum_bloc(r, BCC);
    r->total_points = q_add(r->bcp_points, r->bcc_points);
    if (e->failed) return -1;
    rsf_payments(e, adhesion, new_centre_amount_param);
    return e->failed ? -1 : 0;
}

bool rsf_crisis(eng_t *e, const char *prefix, const char *plan_id, const char *actions_id, q_t r) {
    char path[160];
    line_t *l = rsf_open_line(e, prefix, plan_id, "Art. 8.1.5",
                              "Crises sanitaires : plan de préparation", BCP, "fixed");
    bool plan = false;
    snprintf(path, sizeof path, "indicators.%s.written", plan_id);
    if (l && rsf_declared(e, l, plan_id) && in_flag(e, path)) {
        rsf_award(l, rsf_par(e, prefix, plan_id, "fixed"), qi(0));
        plan = true;
    }
    l = rsf_open_line(e, prefix, actions_id, "Art. 8.1.5",
                      "Crises sanitaires : mise en œuvre d'actions", BCP, "variable");
    if (!l || !rsf_declared(e, l, actions_id)) return plan;
    if (!plan) {
        /* "dès lors que le plan de préparation aura été rédigé" */
        eng_note(e, "demande le plan de préparation (Art. 8.1.5)");
        return plan;
    }
    snprintf(path, sizeof path, "indicators.%s.crisis_declared", actions_id);
    bool declared_crisis = in_flag(e, path);
    snprintf(path, sizeof path, "indicators.%s.actions_done", actions_id);
    if (!declared_crisis || !in_flag(e, path)) return plan;
    rsf_record_q(e, "derived.patientele_ratio", r);
    rsf_award(l, qi(0), q_mul(rsf_par(e, prefix, actions_id, "variable"), r));
    return plan;
}

void rsf_teletransmission(eng_t *e, const char *prefix, const char *id, const char *article,
                          const char *etp_a, const char *etp_b) {
    char path[160];
    line_t *l = rsf_open_line(e, prefix, id, article, "Télétransmission", BCC, "variable");
    if (!l || !rsf_declared(e, l, id)) return;
    snprintf(path, sizeof path, "indicators.%s.rate", id);
    if (q_cmp(in_num(e, path), rsf_par(e, prefix, id, "min_rate")) < 0) {
        eng_note(e, "taux de télétransmission sécurisée sous le seuil (Art. 9.1.4)");
        return;
    }
    snprintf(path, sizeof path, "indicators.%s.sesam_version_ok", id);
    if (!in_flag(e, path)) {
        eng_note(e, "logiciel pas à la version SESAM-Vitale demandée pour l'année (Art. 9.1.4)");
        return;
    }
    q_t etp = in_num(e, etp_a);
    if (etp_b) etp = q_add(etp, in_num(e, etp_b));
    rsf_award(l, qi(0),
              rsf_etp_scaled(e, rsf_par(e, prefix, id, "variable"), etp,
                             rsf_par(e, prefix, id, "reference_etp")));
}
