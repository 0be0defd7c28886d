/* Aid for hiring an assistant médical, Art. 19.10: what the contract types of Annexe 29 (regime
 * am_2020) and Annexe 33 (regime am_2024) share.  Each schedule is its own file. */
#include "contracts_am.h"

#include <stdio.h>
#include <string.h>

static q_t pam(contract_t *ct, const char *name) { /* parameters common to both regimes */
    char id[96];
    snprintf(id, sizeof id, "contracts.am.%s", name);
    return par_at(ct->e, id, ct->sign);
}

am_result am_result_of(am_t *a, const char *list, int n) {
    am_result r = {false, false, false, {0, 1}, {0, 1}};
    ancre_decl *const *items;
    char path[48];
    snprintf(path, sizeof path, "am.%s", list);
    size_t k = c_items(a->ct->c, path, &items);
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
        char full[128], val[256], fa[32], mt[32];
        snprintf(full, sizeof full, "%s.am.%s[%zu]", a->ct->base, list, i);
        fr_decimal(r.fa, 0, fa, sizeof fa);
        fr_decimal(r.mt, 0, mt, sizeof mt);
        snprintf(val, sizeof val, "année %d : file active %s, médecin traitant %s%s", n, fa,
                 r.has_mt ? mt : "-", r.neutralised ? ", neutralisée" : "");
        eng_input(a->ct->e, full, val);
    }
    return r;
}

/* share of the targeted gain reached, within [0, 1] */
static q_t gain_rate(q_t obs, q_t ref, q_t target) {
    if (q_cmp(target, ref) <= 0) return q_cmp(obs, ref) >= 0 ? q_int(1) : q_int(0);
    q_t r = q_div(q_sub(obs, ref), q_sub(target, ref));
    return q_max(q_int(0), q_min(q_int(1), r));
}

q_t am_level(const am_t *a, am_result r) {
    q_t rate = gain_rate(r.fa, a->ref_fa, a->target_fa);
    if (a->both) rate = q_max(rate, gain_rate(r.mt, a->ref_mt, a->target_mt));
    return rate;
}

bool am_decrease(const am_t *a, am_result r) {
    return q_cmp(r.fa, a->ref_fa) < 0 || (a->both && q_cmp(r.mt, a->ref_mt) < 0);
}

/* Art. 19.10.5.2.6 (l. 6049-6053), Annexe 29 (l. 24986-24999), Annexe 33 (l. 26454-26472): « si
 * le centre de santé se situe au-dessus du 50ème percentile … l'aide est versée dans sa totalité ;
 * entre le 30ème percentile et 50ème percentile … au prorata de l'écart constaté par rapport à
 * l'objectif fixé ; en dessous de 30ème percentile … l'aide n'est pas versée ».  The indicator
 * most favourable to the centre counts (« patientèle médecin traitant ou file active »). */
q_t am_new_centre_factor(am_t *a, am_result r) {
    contract_t *ct = a->ct;
    bool ratio = reading_is(ct->e, "am_new_centre_prorata", "objective_ratio");
    q_t best = q_int(0);
    for (int k = 0; k < (a->both ? 2 : 1); k++) {
        q_t obs = k ? r.mt : r.fa, p50 = k ? a->target_mt : a->target_fa;
        q_t p30 = k ? a->p30_mt : a->p30_fa;
        q_t f;
        if (q_cmp(obs, p50) >= 0)
            f = q_int(1);
        else if (q_cmp(obs, p30) < 0 || q_is_zero(p50))
            f = q_int(0);
        else if (ratio)
            f = q_div(obs, p50);
        else
            f = q_cmp(p50, p30) > 0 ? q_div(q_sub(obs, p30), q_sub(p50, p30)) : q_int(1);
        best = q_max(best, f);
    }
    char b[64];
    fr_decimal(best, 6, b, sizeof b);
    sched_note(ct,
               "centre nouvellement créé, 3e année : patientèle rapportée aux 30e et 50e "
               "percentiles, part de l'aide due %s",
               b);
    return best;
}

q_t am_max_amount(am_t *a, int n) {
    contract_t *ct = a->ct;
    bool annex33 = strcmp(ct->prefix, "contracts.am_2024") == 0;
    if (annex33 && strcmp(a->band, "p95") == 0) {
        if (n == 2 && reading_is(ct->e, "am_p95_year2", "year2_row")) return cpar(ct, "year2");
        return n == 1 ? cpar(ct, "year1") : cpar(ct, "amount_p95");
    }
    if (n == 1) return cpar(ct, "year1");
    if (n == 2) return cpar(ct, "year2");
    if (annex33 && strcmp(a->band, "p90_p95") == 0) return cpar(ct, "year3_p90_p95");
    return cpar(ct, "year3");
}

static bool opt_num(contract_t *ct, const char *path, q_t *out) {
    bool present;
    q_t v = c_num(ct, path, &present);
    if (present) *out = v;
    return present;
}

/* Whether percentile p is in the band above boundary b.  The text prints bands « comprise entre »
 * two percentiles that share their bounds; each annex states one bound: Annexe 29 « supérieure au
 * 90ème percentile » (l. 24896, strict), Annexe 33 « supérieure ou égale au 95ème percentile »
 * (l. 26362).  Reading am_band_boundary: the other bounds follow the annex's own (by_regime, the
 * default), or always the band above (upper), or always the band below (lower). */
static bool above(am_t *a, bool annex29, q_t p, const char *boundary) {
    q_t b = pam(a->ct, boundary);
    bool explicit_bound = strcmp(boundary, annex29 ? "band_p90" : "band_p95") == 0;
    bool upper;
    if (explicit_bound)
        upper = !annex29;
    else if (reading_is(a->ct->e, "am_band_boundary", "upper"))
        upper = true;
    else if (reading_is(a->ct->e, "am_band_boundary", "lower"))
        upper = false;
    else
        upper = !annex29;
    return upper ? q_cmp(p, b) >= 0 : q_cmp(p, b) > 0;
}

bool am_setup(am_t *a, bool annex29) {
    contract_t *ct = a->ct;
    /* quota: « 0,5 ETP d'assistant médical maximum par tranche de 1 ETP de médecin … dans la
     * limite de 4 ETP » (Art. 19.10.5.2.2, l. 5821-5823); the Annexe 33 minimum of 0,5 ETP is
     * checked with the document (contracts_common.c) */
    q_t doctors = etp_at(ct, ct->sign, P_GP | P_DOCTOR, POST_ANY, false);
    q_t am = c_num(ct, "am.etp", NULL);
    q_t quota = q_min(q_mul(pam(ct, "quota_per_doctor_etp"), doctors), pam(ct, "quota_max_etp"));
    a->financed = q_min(am, quota);
    char b1[64];
    fr_decimal(a->financed, 6, b1, sizeof b1);
    if (q_cmp(am, quota) > 0)
        sched_note(ct, "option ramenée au quota : %s ETP financés (Art. 19.10.5.2.2)", b1);
    /* eligibility (above the 30th percentile, salaried doctors) is checked with the document */
    pam(ct, "eligibility_percentile");
    c_flag(ct, "am.cnam_derogation");
    /* the band: « l'indicateur le plus favorable au centre de santé sera pris en compte pour fixer
     * son niveau d'engagement » (l. 5763-5767): the better of the percentiles given */
    q_t p = q_int(-1), v;
    if (opt_num(ct, "am.percentile", &v)) p = q_max(p, v);
    if (opt_num(ct, "am.percentile_mt", &v)) p = q_max(p, v);
    if (opt_num(ct, "am.percentile_fa", &v)) p = q_max(p, v);
    if (q_cmp(p, q_int(0)) < 0) {
        char path[96];
        snprintf(path, sizeof path, "%s.am.percentile", ct->base);
        eng_fail(ct->e, path, "Art. 19.10.4", "un percentile",
                 "%s : manquant : le percentile de la patientèle du centre fixe ses objectifs "
                 "(am.percentile, ou am.percentile_mt et am.percentile_fa)",
                 path);
        return false;
    }
    /* bands of Art. 19.10.4 (l. 5659-5677), Annexe 29 art. 2.1 (l. 24884-24898), Annexe 33 art.
     * 2.1 (l. 26348-26364) */
    if (!above(a, annex29, p, "band_p50"))
        a->band = "p30_p50";
    else if (!above(a, annex29, p, "band_p70"))
        a->band = "p50_p70";
    else if (!above(a, annex29, p, "band_p90"))
        a->band = "p70_p90";
    else if (annex29)
        a->band = "p90";
    else if (!above(a, annex29, p, "band_p95"))
        a->band = "p90_p95";
    else
        a->band = "p95";
    char rid[64];
    snprintf(rid, sizeof rid, "target_rate_%s", a->band);
    q_t rate = cpar(ct, rid);
    /* « l'augmentation de la patientèle moyenne pour deux médecins du centre » per ETP of
     * assistant (l. 5643-5649): gain = rate × patientèle per doctor ETP × 2 × assistant ETP */
    q_t g = q_int(0);
    if (!q_is_zero(doctors))
        g = q_div(q_mul(q_mul(rate, pam(ct, "doctors_per_am_etp")), a->financed), doctors);
    a->both = strcmp(c_text(ct, "am.indicators"), "both") == 0;
    a->ref_fa = c_num(ct, "am.reference_fa", NULL);
    a->target_fa = q_add(a->ref_fa, q_mul(a->ref_fa, g));
    bool has_mt;
    a->ref_mt = c_num(ct, "am.reference_mt", &has_mt);
    a->target_mt = q_add(a->ref_mt, q_mul(a->ref_mt, g));
    char path[96];
    if (a->both && !has_mt) {
        snprintf(path, sizeof path, "%s.am.reference_mt", ct->base);
        eng_fail(ct->e, path, "Art. 19.10.4", "la patientèle médecin traitant de référence",
                 "%s : manquant : nécessaire quand les deux indicateurs sont suivis", path);
        return false;
    }
    /* a newly created centre: « leur objectif à atteindre en nombre de patients doit correspondre
     * au nombre de patients du 50ème percentile de la distribution nationale de leur spécialité,
     * dans un délai de trois ans » (Art. 19.10.5.2.6, l. 6049-6053) */
    a->new_centre = c_flag(ct, "am.new_centre");
    if (a->new_centre) {
        static const char *const names[4] = {"am.new_centre_p50_fa", "am.new_centre_p30_fa",
                                             "am.new_centre_p50_mt", "am.new_centre_p30_mt"};
        q_t *dest[4] = {&a->target_fa, &a->p30_fa, &a->target_mt, &a->p30_mt};
        for (int k = 0; k < (a->both ? 4 : 2); k++) {
            if (!opt_num(ct, names[k], dest[k])) {
                snprintf(path, sizeof path, "%s.%s", ct->base, names[k]);
                eng_fail(ct->e, path, "Art. 19.10.5.2.6", "un nombre de patients",
                         "%s : manquant : l'objectif d'un centre nouvellement créé est la "
                         "patientèle du 50e percentile de sa spécialité, l'aide de la 3e année "
                         "dépend aussi du 30e (l. 6049-6053)",
                         path);
                return false;
            }
        }
    }
    char t1[64], t2[64];
    fr_decimal(a->target_fa, 2, t1, sizeof t1);
    fr_decimal(a->target_mt, 2, t2, sizeof t2);
    sched_note(ct, "tranche %s ; objectifs : file active %s%s%s%s", a->band, t1,
               a->both ? ", médecin traitant " : "", a->both ? t2 : "",
               a->new_centre ? " (centre nouvellement créé : 50e percentile)" : "");
    return !ct->e->failed;
}

void am_recovery(am_t *a, const char *article) {
    contract_t *ct = a->ct;
    eng_t *e = ct->e;
    if (!ct->terminated) return;
    int n = 1;
    while (date_cmp(date_add_months(ct->sign, 12 * n), ct->end) <= 0)
        n++;
    date_t s = date_add_months(ct->sign, 12 * (n - 1)), en = date_add_months(ct->sign, 12 * n);
    int64_t paid = 0;
    char p1[96], p2[96];
    snprintf(p1, sizeof p1, "%s.year_%d", ct->id, n);
    snprintf(p2, sizeof p2, "%s.year_%d.", ct->id, n);
    for (size_t i = 0; i < e->res->nlines; i++) {
        const line_t *x = &e->res->lines[i];
        if ((strcmp(x->id, p1) == 0 || strncmp(x->id, p2, strlen(p2)) == 0) && x->has_due &&
            date_cmp(x->due, ct->end) < 0)
            paid += x->amount_cents;
    }
    line_t *l = sched_open(ct, "recovery", "Récupération au prorata de la durée restant à courir",
                           article, "recovery");
    termination_input(ct);
    char d[16], eur[64];
    fr_date(ct->end, d, sizeof d);
    fr_decimal(q_frac(paid, 100), 2, eur, sizeof eur);
    sched_note(ct,
               "%s : effet le %s, dans la %de année du contrat ; versé au titre de cette "
               "année : %s €",
               ct->term_kind, d, n, eur);
    q_t rest = q_frac((date_days(en) - date_days(ct->end)), (date_days(en) - date_days(s)));
    sched_close(ct, l, &ct->end, q_neg(q_frac(paid, 100)), rest,
                paid ? ST_ADJUSTMENT : ST_NOT_ACHIEVED);
}

int contracts_am(contract_t *ct) {
    am_t a;
    memset(&a, 0, sizeof a);
    a.ct = ct;
    return strcmp(c_text(ct, "am.regime"), "am_2020") == 0 ? contracts_am_2020(&a)
                                                           : contracts_am_2024(&a);
}
