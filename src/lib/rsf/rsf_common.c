/* The machinery shared by the forfaits spécifiques of all centre types (rsf.h). */
#include "rsf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rsf_record_q(eng_t *e, const char *name, q_t v) {
    char buf[64];
    q_format_decimal(v, 6, buf, sizeof buf);
    if (!e->cur) return;
    line_t *l = e->cur;
    input_use *grown = realloc(l->inputs, (l->ninputs + 1) * sizeof *grown);
    if (!grown) return;
    l->inputs = grown;
    l->inputs[l->ninputs].path = strdup(name);
    l->inputs[l->ninputs].value = strdup(buf);
    l->ninputs++;
}

bool rsf_section(eng_t *e, const char *sec) {
    char path[160];
    snprintf(path, sizeof path, "indicators.%s", sec);
    size_t len = strlen(path);
    for (size_t i = 0; i < schema_count(); i++) {
        const char *p = schema_field(i)->path;
        if (strncmp(p, path, len) == 0 && p[len] == '.' && e->decl->values[i].present) return true;
    }
    return false;
}

/* Opens the line of an indicator.  Returns NULL (the line saying why) when the indicator is not
 * in the grid of the year or is excluded by non-cumul (Art. 11). */
line_t *rsf_open_line(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc, const char *grid_param) {
    line_t *l = eng_line(e, id, article, label, bloc, "indicator");
    char p[160];
    snprintf(p, sizeof p, "%s.%s.%s", prefix, id, grid_param);
    if (!par_exists(e, p)) {
        l->status = ST_NOT_IN_GRID;
        eng_note(e, "not in the grid in force in %d", e->year);
        return NULL;
    }
    if (in_list_has(e, "centre.excluded_indicators", id)) {
        l->status = ST_EXCLUDED;
        eng_note(e, "paid under another agreement: not cumulated (Art. 11)");
        return NULL;
    }
    return l;
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
    eng_note(e, "not declared (indicators.%s absent): not achieved", sec);
    return false;
}

q_t rsf_prorata(eng_t *e, date_t adhesion) {
    /* Art. 13: "proratisés en fonction de la date d'adhésion à l'accord au cours de l'année" */
    if (adhesion.y < e->year) return qi(1);
    if (adhesion.y > e->year) {
        eng_fail(e, "centre.adhesion_date", "Art. 13", "a date on or before the year's end",
                 "centre.adhesion_date: the centre is not governed by the accord in %d", e->year);
        return q_invalid();
    }
    if (reading(e, "prorata_granularity") == 1) return q_frac(12 - adhesion.m + 1, 12);
    long days = date_days(date_make(e->year, 12, 31)) - date_days(adhesion) + 1;
    return q_frac(days, date_days_in_year(e->year));
}

/* ---- gate, adjustments, payments ---------------------------------------------------------- */

static void add_prereq(ancre_result *r, const char *id, bool met) {
    prereq_t *grown = realloc(r->prereqs, (r->nprereqs + 1) * sizeof *grown);
    if (!grown) return;
    r->prereqs = grown;
    r->prereqs[r->nprereqs].id = strdup(id);
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

void rsf_gate(eng_t *e, const rsf_gate_spec *spec) {
    /* Art. 12: the RSF is triggered when the socle indicators defined as prerequisites are met.
     * Art. 14: new centres need two of them; SI-label withdrawal waives the SI one. */
    ancre_result *r = e->res;
    e->cur = NULL;
    int required = 0, met = 0;
    bool all_but_si = true;
    for (size_t i = 0; i < spec->n; i++) {
        const char *id = spec->prereqs[i];
        if (!id || !rsf_in_grid(r, id)) continue;
        bool ok = rsf_line_achieved(r, id);
        add_prereq(r, id, ok);
        required++;
        if (ok) met++;
        if (!ok && (!spec->si_id || strcmp(id, spec->si_id) != 0)) all_but_si = false;
    }
    if (met == required) {
        r->triggered = true;
        snprintf(r->gate_reason, sizeof r->gate_reason, "all %d prerequisites met (Art. 12)",
                 required);
    } else if (spec->new_centre_derogation &&
               met >= num_int(par(e, "rsf.new_centre.derogation_min_prerequisites"))) {
        r->triggered = true;
        snprintf(r->gate_reason, sizeof r->gate_reason,
                 "new centre: %d of %d prerequisites met, derogation of Art. 14", met, required);
    } else if (spec->si_withdrawal && all_but_si) {
        r->triggered = true;
        snprintf(r->gate_reason, sizeof r->gate_reason,
                 "SI label withdrawn: the other prerequisites are met (Art. 14)");
    } else {
        r->triggered = false;
        snprintf(r->gate_reason, sizeof r->gate_reason,
                 "%d of %d prerequisites met: the RSF is not triggered (Art. 12)%s", met, required,
                 spec->new_centre_derogation ? ", not even under the new-centre derogation" : "");
    }
    if (!r->triggered)
        for (size_t i = 0; i < r->nlines; i++) {
            line_t *l = &r->lines[i];
            if (l->status == ST_ACHIEVED) {
                char pts[64];
                q_format_decimal(l->points, 4, pts, sizeof pts);
                snprintf(l->note, sizeof l->note, "achieved (%s points) but not paid: %.400s", pts,
                         r->gate_reason);
                l->status = ST_NOT_TRIGGERED;
                l->fixed = l->variable = l->points = qi(0);
            }
        }
}

void rsf_minoration_line(eng_t *e, const char *id, const char *article, const char *label,
                         q_t points, const char *of) {
    if (q_is_zero(points) || !rsf_line_achieved(e->res, of)) return;
    line_t *l = eng_line(e, id, article, label, BCP, "minoration");
    l->status = ST_ADJUSTMENT;
    l->points = q_neg(points);
    eng_note(e, "applied to %s", of);
}

q_t rsf_sum_bloc(const ancre_result *r, const char *bloc) {
    q_t s = qi(0);
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].bloc, bloc) == 0) s = q_add(s, r->lines[i].points);
    return s;
}

void rsf_precarity(eng_t *e, const rsf_precarity_spec *spec) {
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
        if (q_valid(fa) && q_is_zero(fa)) eng_note(e, "empty file active: no majoration");
        return;
    }
    q_t t_css = q_div(css, fa), t_ame = q_div(ame, fa);
    q_t n_css = par(e, "national.taux_css"), n_ame = par(e, "national.taux_ame");
    rsf_record_q(e, "derived.taux_css", t_css);
    rsf_record_q(e, "derived.taux_ame", t_ame);
    q_t d_css = q_max(q_sub(t_css, n_css), qi(0)), d_ame = q_max(q_sub(t_ame, n_ame), qi(0));
    q_t m;
    switch (reading(e, "precarity_rates")) {
    case 1:
        m = q_max(q_sub(q_add(t_css, t_ame), q_add(n_css, n_ame)), qi(0));
        break;
    case 2:
        m = q_max(d_css, d_ame);
        break;
    default:
        m = q_add(d_css, d_ame);
        break;
    }
    if (spec->cap_param) {
        q_t cap = par(e, spec->cap_param);
        if (q_cmp(m, cap) > 0) {
            eng_note(e, "majoration capped (Art. 15.6.4)");
            m = cap;
        }
    }
    rsf_record_q(e, "derived.majoration_rate", m);
    q_t base = rsf_sum_bloc(r, BCP);
    if (reading(e, "precarity_base") == 1) base = q_add(base, rsf_sum_bloc(r, BCC));
    rsf_record_q(e, "derived.majoration_base_points", base);
    l->points = q_mul(base, m);
    if (q_is_zero(m)) eng_note(e, "rates not above the national rates");
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
    if (in_date_opt(e, "centre.finess_date", &finess) && adhesion.y == e->year) {
        date_t limit =
            date_add_months(finess, (int)num_int(par(e, "rsf.new_centre.max_months_before_entry")));
        new_centre_first_year = date_cmp(adhesion, limit) <= 0 && date_cmp(finess, adhesion) <= 0;
    }
    q_t advance_rate = par(e, "rsf.advance_rate");
    int64_t advance = 0;
    q_t given;
    if (new_centre_first_year) {
        date_t qd = reading(e, "new_centre_quarter") == 0 ? finess : adhesion;
        char qid[64];
        snprintf(qid, sizeof qid, "rsf.new_centre.quarter_share.q%d", date_quarter(qd));
        q_t ref = par_at(e, new_centre_amount_param, adhesion);
        advance = q_round_cents(q_mul(ref, par(e, qid)));
        date_t due =
            date_add_months(adhesion, (int)num_int(par(e, "rsf.new_centre.advance_delay_months")));
        eng_payment(e, "Avance nouveau centre (trimestre de création)", "Art. 18.1", &due, advance);
        eng_result_note(e,
                        "new centre (created at most 3 months before adhesion): advance of the "
                        "quarter-%d share of the national average (Art. 18.1)",
                        date_quarter(qd));
    } else if (in_num_opt(e, "payments.advance_paid_cents", &given)) {
        advance = num_int(given);
        date_t due = date_make(e->year, due_balance.m, due_balance.d);
        eng_payment(e, "Avance (déclarée)", "Art. 18.1", &due, advance);
    } else if (adhesion.y < e->year) {
        q_t prev = in_num(e, "payments.previous_year_amount_cents");
        if (q_valid(prev)) {
            advance = q_round_cents(q_div(q_mul(prev, advance_rate), qi(100)));
            date_t due = date_make(e->year, due_balance.m, due_balance.d);
            eng_payment(e, "Avance de 60 % du montant de l'année précédente", "Art. 18.1", &due,
                        advance);
        }
    } else {
        eng_result_note(e, "first year under the accord: no advance (Art. 18.1)");
    }
    r->has_advance = true;
    r->advance_cents = advance;
    int64_t balance = total - advance;
    r->refund_cents = 0;
    if (balance < 0 && (new_centre_first_year || reading(e, "balance_negative") == 0)) {
        r->refund_cents = -balance;
        r->balance_cents = balance;
        date_t due = due_balance;
        if (new_centre_first_year) {
            due = date_add_months(due_balance,
                                  (int)num_int(par(e, "rsf.new_centre.refund_delay_months")));
            eng_result_note(e, "refund due within two months of the notification (Art. 18.1)");
        }
        eng_payment(e, "Remboursement du trop-perçu d'avance", "Art. 18.1", &due, balance);
    } else {
        r->balance_cents = balance < 0 ? 0 : balance;
        eng_payment(e, "Solde de l'année", "Art. 18", &due_balance, r->balance_cents);
    }
    r->next_advance_cents = q_round_cents(q_div(q_mul(qi(total), advance_rate), qi(100)));
}
