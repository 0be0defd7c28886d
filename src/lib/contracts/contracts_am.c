/* Aid for hiring an assistant médical, Art. 19.10, over the five years of the contract, under
 * the contract type of Annexe 29 (regime am_2020, contracts signed before Annexe 33) or of
 * Annexe 33 (regime am_2024): quota of financed ETP, target increase of patientèle by
 * percentile band, yearly maximum amounts, achievement from the third year, advances and
 * balances, termination. */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    bool present, neutralised, has_mt;
    q_t mt, fa;
} am_result;

typedef struct {
    contract_t *ct;
    bool y2020, both;
    q_t financed, ref_mt, ref_fa, target_mt, target_fa;
    const char *band;
} am_t;

static q_t pam(contract_t *ct, const char *name) { /* parameters common to both regimes */
    char id[96];
    snprintf(id, sizeof id, "contracts.am.%s", name);
    return par_at(ct->e, id, ct->sign);
}

static am_result result_of(am_t *a, int n) {
    am_result r = {false, false, false, {0, 1}, {0, 1}};
    ancre_decl *const *items;
    size_t k = c_items(a->ct->c, "am.results", &items);
    for (size_t i = 0; i < k; i++) {
        if (q_floor_int(item_get(items[i], "year")->num) != n) continue;
        r.present = true;
        const decl_value *v = item_get(items[i], "neutralised");
        r.neutralised = v && v->b;
        r.fa = item_get(items[i], "fa")->num;
        v = item_get(items[i], "mt");
        if (v) {
            r.has_mt = true;
            r.mt = v->num;
        }
        char path[128], val[256];
        snprintf(path, sizeof path, "%s.am.results[%zu]", a->ct->base, i);
        char fa[32], mt[32];
        q_format_decimal(r.fa, 0, fa, sizeof fa);
        q_format_decimal(r.mt, 0, mt, sizeof mt);
        snprintf(val, sizeof val, "year %d: fa %s, mt %s%s", n, fa, r.has_mt ? mt : "-",
                 r.neutralised ? ", neutralised" : "");
        eng_input(a->ct->e, path, val);
    }
    return r;
}

/* share of the targeted gain reached, clamped to [0, 1] (§13 AMB-29, AMB-49) */
static q_t gain_rate(q_t obs, q_t ref, q_t target) {
    if (q_cmp(target, ref) <= 0) return q_cmp(obs, ref) >= 0 ? q_int(1) : q_int(0);
    q_t r = q_div(q_sub(obs, ref), q_sub(target, ref));
    return q_max(q_int(0), q_min(q_int(1), r));
}

/* Share of the year's maximum aid due for year n ≥ 3. */
static q_t year_factor(am_t *a, int n, am_result r, bool *decrease) {
    contract_t *ct = a->ct;
    *decrease = false;
    if (r.neutralised) {
        sched_note(ct, "objectives neutralised (Art. 19.10.5.2.3)");
        return q_int(1);
    }
    bool dec_fa = q_cmp(r.fa, a->ref_fa) < 0, ok_fa = q_cmp(r.fa, a->target_fa) >= 0;
    bool dec_mt = a->both && q_cmp(r.mt, a->ref_mt) < 0;
    bool ok_mt = a->both && q_cmp(r.mt, a->target_mt) >= 0;
    q_t rate = gain_rate(r.fa, a->ref_fa, a->target_fa);
    if (a->both) rate = q_max(rate, gain_rate(r.mt, a->ref_mt, a->target_mt));
    char b[64];
    q_format_decimal(rate, 6, b, sizeof b);
    if (a->y2020) {
        /* Annexe 29 art. 2.3.1: year 3: ≥ 75 % of the objective → 100 %; 50-75 % → 75 %; below:
         * prorated on the result; from year 4: prorated on the result */
        sched_note(ct, "level of the objective reached: %s", b);
        if (n == 3) {
            if (q_cmp(rate, cpar(ct, "full_level")) >= 0) return q_int(1);
            if (q_cmp(rate, cpar(ct, "mid_level")) >= 0) return cpar(ct, "mid_share");
        }
        return rate;
    }
    /* Art. 19.10.5.2.3 tables: a decrease below the initial patientèle → no aid; one objective
     * reached and no decrease → 100 %; otherwise prorated on the better rate */
    if (dec_fa || dec_mt) {
        *decrease = true;
        sched_note(ct, "patientèle below the initial one (diminution): no aid for the year");
        return q_int(0);
    }
    if (ok_fa || ok_mt) {
        sched_note(ct, "objective reached%s", a->both ? " on at least one indicator" : "");
        return q_int(1);
    }
    sched_note(ct, "objective not reached, no decrease: prorated on the better rate %s", b);
    return rate;
}

static q_t max_amount(am_t *a, int n) {
    contract_t *ct = a->ct;
    if (!a->y2020 && strcmp(a->band, "p95") == 0) {
        if (n == 2 && reading_is(ct->e, "am_p95_year2", "year2_row")) return cpar(ct, "year2");
        return n == 1 ? cpar(ct, "year1") : cpar(ct, "amount_p95");
    }
    if (n == 1) return cpar(ct, "year1");
    if (n == 2) return cpar(ct, "year2");
    if (!a->y2020 && strcmp(a->band, "p90_p95") == 0) return cpar(ct, "year3_p90_p95");
    return cpar(ct, "year3");
}

static void setup(am_t *a) {
    contract_t *ct = a->ct;
    /* quota: « 0,5 ETP d'assistant médical maximum par tranche de 1 ETP de médecin … dans la
     * limite de 4 ETP » (l. 5821) */
    q_t doctors = etp_at(ct, ct->sign, P_GP | P_DOCTOR, POST_ANY, false);
    q_t am = c_num(ct, "am.etp", NULL);
    q_t quota = q_min(q_mul(pam(ct, "quota_per_doctor_etp"), doctors), pam(ct, "quota_max_etp"));
    a->financed = q_min(am, quota);
    char b1[64], b2[64];
    q_format_decimal(a->financed, 6, b1, sizeof b1);
    q_format_decimal(quota, 6, b2, sizeof b2);
    if (q_cmp(am, quota) > 0)
        sched_note(ct,
                   "option capped at the quota: %s ETP financed (0,5 per doctor ETP, at most "
                   "4)",
                   b1);
    /* eligibility (percentile above the 30th, salaried doctors) is checked with the document
     * (contracts_common.c) */
    q_t p = c_num(ct, "am.percentile", NULL);
    pam(ct, "eligibility_percentile");
    c_flag(ct, "am.new_centre");
    c_flag(ct, "am.cnam_derogation");
    /* band of the patientèle and the increase it sets (Art. 19.10.4; Annexe 29 art. 2.1) */
    if (q_cmp(p, pam(ct, "band_p50")) < 0)
        a->band = "p30_p50";
    else if (q_cmp(p, pam(ct, "band_p70")) < 0)
        a->band = "p50_p70";
    else if (q_cmp(p, pam(ct, "band_p90")) < 0)
        a->band = "p70_p90";
    else if (a->y2020)
        a->band = "p90";
    else if (q_cmp(p, pam(ct, "band_p95")) < 0)
        a->band = "p90_p95";
    else
        a->band = "p95";
    char rid[64];
    snprintf(rid, sizeof rid, "target_rate_%s", a->band);
    q_t rate = cpar(ct, rid);
    /* « l'augmentation de la patientèle moyenne pour deux médecins du centre » per ETP of
     * assistant: gain = rate × patientèle per doctor ETP × 2 × assistant ETP (§13 AMB-24) */
    q_t g = q_int(0);
    if (!q_is_zero(doctors))
        g = q_div(q_mul(q_mul(rate, pam(ct, "doctors_per_am_etp")), a->financed), doctors);
    a->both = strcmp(c_text(ct, "am.indicators"), "both") == 0;
    a->ref_fa = c_num(ct, "am.reference_fa", NULL);
    a->target_fa = q_add(a->ref_fa, q_mul(a->ref_fa, g));
    bool has_mt;
    a->ref_mt = c_num(ct, "am.reference_mt", &has_mt);
    a->target_mt = q_add(a->ref_mt, q_mul(a->ref_mt, g));
    if (a->both && !has_mt) {
        char path[96];
        snprintf(path, sizeof path, "%s.am.reference_mt", ct->base);
        eng_fail(ct->e, path, "Art. 19.10.4", "the reference médecin-traitant patientèle",
                 "%s: missing, needed when both indicators are followed", path);
    }
    char t1[64], t2[64];
    q_format_decimal(a->target_fa, 2, t1, sizeof t1);
    q_format_decimal(a->target_mt, 2, t2, sizeof t2);
    sched_note(ct, "band %s; targets: file active %s%s%s", a->band, t1,
               a->both ? ", médecin traitant " : "", a->both ? t2 : "");
}

int contracts_am(contract_t *ct) {
    eng_t *e = ct->e;
    am_t a;
    memset(&a, 0, sizeof a);
    a.ct = ct;
    a.y2020 = strcmp(c_text(ct, "am.regime"), "am_2020") == 0;
    const char *art = a.y2020 ? "Annexe 29 art. 2.3" : "Art. 19.10.5.2";
    line_t *l = a.y2020
                    ? sched_open(ct, "year_1.acompte", "Assistant médical, 1re année: acompte", art,
                                 "instalment")
                    : sched_open(ct, "year_1", "Assistant médical, 1re année", art, "instalment");
    setup(&a);
    if (e->failed) return -1;
    int years = par_int_at(e, "contracts.am.duration_years", ct->sign, 1, 30);
    int single_delay = a.y2020 ? 0 : cpar_int(ct, "single_payment_delay_months", 0, 24);
    int delay = cpar_int(ct, "payment_delay_months", 0, 24);
    if (years < 0 || single_delay < 0 || delay < 0) return -1;
    int64_t paid_by_year[32] = {0};
    for (int n = 1; n <= years && n < 32; n++) {
        date_t s = add_years(ct->sign, n - 1), en = add_years(ct->sign, n);
        if (date_cmp(s, ct->end) >= 0) break;
        bool complete = date_cmp(en, ct->end) <= 0;
        char suffix[48], label[160];
        if (n > 1) {
            snprintf(suffix, sizeof suffix, "year_%d", n);
            snprintf(label, sizeof label, "Assistant médical, %de année", n);
            if (!a.y2020 && n <= 2)
                l = sched_open(ct, suffix, label, art, "instalment");
            else
                l = NULL;
        }
        q_t full = q_int(0);
        if (!a.y2020 && n <= 2) {
            /* years 1 and 2: the whole aid « dans le mois suivant la signature ou la date
             * anniversaire » (Art. 19.10.5.2.4), whatever the achievement */
            full = q_mul(max_amount(&a, n), a.financed);
            date_t due = date_add_months(s, single_delay);
            bool ok = paid_before_end(ct, due);
            paid_by_year[n] = sched_close(ct, l, &due, full, q_int(ok ? 1 : 0),
                                          ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
            continue;
        }
        /* advance (acompte) */
        snprintf(suffix, sizeof suffix, "year_%d.acompte", n);
        snprintf(label, sizeof label, "Assistant médical, %de année: acompte", n);
        if (!(a.y2020 && n == 1)) l = sched_open(ct, suffix, label, art, "instalment");
        full = q_mul(max_amount(&a, n), a.financed);
        q_t share;
        date_t due;
        line_status st = ST_ACHIEVED;
        if (a.y2020) {
            /* Annexe 29 art. 2.3.3: 70 % 15 days after the hiring documents (year 1), at the
             * 1st anniversary (year 2); from year 3 within 2 months of the anniversary, 70 % or
             * 50 % after the level observed at the end of the previous year */
            share = cpar(ct, "acompte_share");
            if (n == 1)
                due = add_days(s, cpar_int(ct, "first_payment_delay_days", 0, 366));
            else if (n == 2)
                due = s;
            else {
                due = date_add_months(s, delay);
                am_result prev = result_of(&a, n - 1);
                if (!prev.present) {
                    sched_note(ct,
                               "patientèle of year %d not declared: the advance cannot be "
                               "set",
                               n - 1);
                    share = q_int(0);
                    st = ST_NOT_DECLARED;
                } else {
                    q_t lvl = gain_rate(prev.fa, a.ref_fa, a.target_fa);
                    if (a.both) lvl = q_max(lvl, gain_rate(prev.mt, a.ref_mt, a.target_mt));
                    q_t thr =
                        cpar(ct, n == 3 ? "year3_acompte_threshold" : "year4_acompte_threshold");
                    if (q_cmp(lvl, thr) < 0) {
                        share = cpar(ct, "acompte_low_share");
                        sched_note(ct,
                                   "level at the end of year %d below the threshold: 50 %% "
                                   "(the second advance of 20 %% six months later needs the "
                                   "patientèle then, not declared)",
                                   n - 1);
                    }
                }
            }
        } else {
            /* Art. 19.10.5.2.4, Annexe 33: 50 % within 2 months of the anniversary, « sauf
             * diminution » at the end of the previous year */
            share = cpar(ct, "acompte_share");
            due = date_add_months(s, delay);
            am_result prev = result_of(&a, n - 1);
            bool dec = false;
            if (prev.present && n - 1 >= 3) {
                e->cur = NULL;
                year_factor(&a, n - 1, prev, &dec);
                e->cur = l;
            } else if (prev.present) {
                dec = q_cmp(prev.fa, a.ref_fa) < 0 || (a.both && q_cmp(prev.mt, a.ref_mt) < 0);
            }
            if (dec && !prev.neutralised) {
                sched_note(ct, "decrease of the patientèle at the end of year %d: no advance",
                           n - 1);
                share = q_int(0);
                st = ST_NOT_ACHIEVED;
            }
        }
        bool ok = paid_before_end(ct, due);
        if (!ok) sched_note(ct, "not paid: the contract ended before this date");
        int64_t acompte =
            sched_close(ct, l, &due, full, ok ? share : q_int(0), ok ? st : ST_NOT_ACHIEVED);
        paid_by_year[n] += acompte;
        /* balance (solde) */
        snprintf(suffix, sizeof suffix, "year_%d.solde", n);
        snprintf(label, sizeof label, "Assistant médical, %de année: solde", n);
        l = sched_open(ct, suffix, label, art, "instalment");
        if (a.y2020 && n <= 2)
            due = en; /* « Le solde … est versé à la … date anniversaire » */
        else
            due = date_add_months(en, delay);
        if (!complete) {
            sched_note(ct, "not paid: the contract ended during the year");
            sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_ACHIEVED);
            continue;
        }
        q_t factor = q_int(1);
        if (n >= 3) {
            am_result r = result_of(&a, n);
            if (!r.present) {
                sched_note(ct, "patientèle at the end of year %d not declared", n);
                sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_DECLARED);
                continue;
            }
            bool dec;
            factor = year_factor(&a, n, r, &dec);
        }
        full = q_mul(max_amount(&a, n), a.financed);
        q_t due_amount = q_mul(full, factor);
        char b[64];
        q_format_decimal(q_frac(acompte, 100), 2, b, sizeof b);
        sched_note(ct, "aid due for the year minus the advance of %s €", b);
        q_t solde = q_sub(due_amount, q_frac(acompte, 100));
        l->kind = q_cmp(solde, q_int(0)) < 0 ? "recovery" : "instalment";
        paid_by_year[n] += sched_close(ct, l, &due, solde, q_int(1),
                                       q_cmp(solde, q_int(0)) < 0 ? ST_ADJUSTMENT : ST_ACHIEVED);
    }
    /* termination during a year: what was paid for that year, prorated on the part of the year
     * after the end (« au prorata de la durée restant à courir », Annexe 33 art. 5, §13 AMB-34) */
    if (ct->terminated) {
        int n = 1;
        while (date_cmp(add_years(ct->sign, n), ct->end) <= 0)
            n++;
        date_t s = add_years(ct->sign, n - 1), en = add_years(ct->sign, n);
        int64_t paid = 0;
        for (size_t i = 0; i < e->res->nlines; i++) {
            line_t *x = &e->res->lines[i];
            char p1[96], p2[96];
            snprintf(p1, sizeof p1, "%s.year_%d", ct->id, n);
            snprintf(p2, sizeof p2, "%s.year_%d.", ct->id, n);
            if ((strcmp(x->id, p1) == 0 || strncmp(x->id, p2, strlen(p2)) == 0) && x->has_due &&
                date_cmp(x->due, ct->end) < 0)
                paid += x->amount_cents;
        }
        l = sched_open(ct, "recovery", "Récupération au prorata de la durée restant à courir",
                       a.y2020 ? "Annexe 29 art. 4" : "Annexe 33 art. 5", "recovery");
        termination_input(ct);
        char d[16];
        date_format(ct->end, d, sizeof d);
        sched_note(ct, "%s: effect on %s, in contract year %d; paid for that year: %lld cents",
                   ct->term_kind, d, n, (long long)paid);
        q_t rest = q_frac(days_between(ct->end, en), days_between(s, en));
        sched_close(ct, l, &ct->end, q_neg(q_frac(paid, 100)), rest,
                    paid ? ST_ADJUSTMENT : ST_NOT_ACHIEVED);
    }
    return e->failed ? -1 : 0;
}
