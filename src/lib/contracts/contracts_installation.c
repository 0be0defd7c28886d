/* One-off installation aids, paid half at signature and half later, with supplements for the
 * ETP recruited during the contract, a yearly valorisation beyond 3 ETP and the recovery of the
 * aid prorated on the remaining duration when the contract is broken:
 *   cai_med       Art. 19.1, Annexe 10 bis (centres médicaux and polyvalents)
 *   caicdsd       Art. 19.5.1, Annexe 17 bis (centres dentaires)
 *   caicdsd_2023  Art. 19.5.2, Annexe 17 quater
 *   cai_inf       Art. 19.7, Annexe 13 bis (centres infirmiers) */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    unsigned prof;        /* ETP counted in the tiers */
    unsigned beyond_prof; /* ETP counted beyond the cap */
    unsigned other_posts; /* other professions whose new posts count beyond the cap */
    const char *article, *term_article, *zone_article;
    bool balance_year3; /* CAICDSD2023: balance in Q2 of contract year 3 (Art. 19.5.2.4) */
    int q2_from;        /* assessments from this one on fall in Q2 instead of the anniversary */
} install_kind;

static install_kind kind_of(const char *type) {
    if (strcmp(type, "cai_med") == 0)
        /* « Au-delà de 3 ETP médecins … ouvert à tous les nouveaux postes de salariés
         * professionnels de santé pour lesquels un zonage est applicable » (l. 3735-3745) */
        return (install_kind){P_GP,
                              P_GP | P_DOCTOR,
                              P_DENTIST | P_NURSE | P_IPA | P_SF | P_MK | P_ORTHO | P_OTHER,
                              "Art. 19.1.4",
                              "Art. 19.1.3, Annexe 10 bis art. 4",
                              "Annexe 10 bis art. 5",
                              false,
                              99};
    if (strcmp(type, "caicdsd") == 0)
        return (install_kind){P_DENTIST,
                              P_DENTIST,
                              0,
                              "Art. 19.5.1.4",
                              "Art. 19.5.1.6, Annexe 17 bis art. 4",
                              "Annexe 17 bis art. 5",
                              false,
                              2};
    if (strcmp(type, "caicdsd_2023") == 0)
        return (install_kind){
            P_DENTIST, P_DENTIST, 0, "Art. 19.5.2.4", "Art. 19.5.2.6", "Annexe 17 quater art. 5",
            true,      1};
    /* « 6 000€/ETP infirmier ou sage-femme supplémentaire » (Art. 19.7.4, l. 5105) */
    return (install_kind){P_NURSE,
                          P_NURSE,
                          P_SF,
                          "Art. 19.7.4",
                          "Art. 19.7.6, Annexe 13 bis art. 4",
                          "Annexe 13 bis art. 5",
                          false,
                          2};
}

/* A(E): first tier for the first ETP, then the second and third tiers (Art. 19.1.4 ...). */
static q_t aid(contract_t *ct, q_t etp) {
    q_t one = q_int(1), zero = q_int(0);
    q_t a = q_mul(cpar(ct, "tier1"), q_min(etp, one));
    a = q_add(a, q_mul(cpar(ct, "tier2"), q_max(zero, q_min(q_sub(etp, one), one))));
    a = q_add(a, q_mul(cpar(ct, "tier3"), q_max(zero, q_min(q_sub(etp, q_int(2)), one))));
    return a;
}

static void fmt(q_t v, char *buf, size_t cap) {
    fr_decimal(v, 6, buf, cap);
}

/* Date of the k-th yearly assessment of the ETP: « tous les ans à date anniversaire » (cai_med,
 * l. 3718); « à date du premier anniversaire puis au cours du 2ème trimestre les années
 * suivantes » (caicdsd, cai_inf); « tous les ans au cours du 2ème trimestre » (caicdsd_2023):
 * the 30 June that follows the k-th anniversary, so that k contract years have elapsed. */
static date_t assessment(const contract_t *ct, const install_kind *k, int n) {
    date_t a = date_add_months(ct->sign, 12 * n);
    return n >= k->q2_from ? first_june30_from(a) : a;
}

int contracts_installation(contract_t *ct) {
    eng_t *e = ct->e;
    install_kind k = kind_of(ct->type);
    char b1[64], b2[64], b3[64];

    /* signature instalment: A(ETP at signature) × (1 + majoration ARS) × 50 % */
    line_t *l =
        sched_open(ct, "signature", "Aide à l'installation : première moitié à la signature",
                   k.article, "instalment");
    int years = cpar_int(ct, "duration_years", 1, 30);
    int quarter = par_int_at(e, "contracts.annual_payment_quarter", ct->sign, 1, 4);
    if (years < 0 || quarter < 0) return -1;
    q_t cap = cpar(ct, "etp_cap");
    q_t e0 = q_min(etp_at(ct, ct->sign, k.prof, POST_ANY, false), cap);
    q_t a0 = aid(ct, e0);
    q_t up = uplift_factor(ct);
    q_t share = cpar(ct, "signature_share");
    char pct[32];
    fr_decimal(q_mul(share, q_int(100)), 2, pct, sizeof pct);
    sched_label(l, "Aide à l'installation : %s %% à la signature", pct);
    fmt(e0, b1, sizeof b1);
    fmt(a0, b2, sizeof b2);
    fmt(up, b3, sizeof b3);
    sched_note(ct, "A(%s ETP) = %s € × (1 + majoration ARS) %s", b1, b2, b3);
    if (strcmp(ct->type, "cai_med") == 0 && !c_flag(ct, "pdsa") && !c_flag(ct, "pdsa_derogation"))
        sched_note(
            ct,
            "la participation à la PDSA est un engagement du contrat (Art. 19.1.3) : non déclarée");
    date_t due = k.balance_year3 ? date_add_months(ct->sign, 1) : ct->sign;
    if (k.balance_year3) sched_note(ct, "« dans le mois suivant la signature du contrat »");
    bool ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
    int64_t paid = sched_close(ct, l, &due, q_mul(a0, up), ok ? share : q_int(0),
                               ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);

    /* balance: first anniversary, or Q2 of contract year 3 (CAICDSD2023) */
    l = sched_open(ct, "balance", "Aide à l'installation : solde", k.article, "instalment");
    a0 = aid(ct, e0);
    q_t rest = q_sub(q_int(1), cpar(ct, "signature_share"));
    fr_decimal(q_mul(rest, q_int(100)), 2, pct, sizeof pct);
    if (k.balance_year3)
        sched_label(l, "Aide à l'installation : solde de %s %% la 3e année (2e trimestre)", pct);
    else
        sched_label(l, "Aide à l'installation : solde de %s %% au 1er anniversaire", pct);
    due = k.balance_year3 ? first_june30_from(date_add_months(ct->sign, 12 * 2))
                          : date_add_months(ct->sign, 12 * 1);
    if (paid_before_end(ct, due)) {
        paid += sched_close(ct, l, &due, q_mul(a0, uplift_factor(ct)), rest, ST_ACHIEVED);
    } else {
        sched_note(ct, "non versé : le contrat a pris fin avant cette date");
        sched_close(ct, l, &due, q_mul(a0, uplift_factor(ct)), q_int(0), ST_NOT_ACHIEVED);
    }

    /* ETP recruited during the contract, within the cap: « proratisé au regard du nombre
     * d'années restantes dans le contrat » (l. 3718-3731) */
    q_t financed = e0;
    for (int n = 1; n < years; n++) {
        date_t a = assessment(ct, &k, n);
        if (!paid_before_end(ct, a)) {
            /* an assessment « au cours du 2ème trimestre » whose window opened before the date
             * of effect of a termination that falls inside it (Annexe 13 bis, 17 bis art. 2.2):
             * reading installation_supplement_window */
            date_t opens = date_make(a.y, 4, 1);
            date_t anniversary = date_add_months(ct->sign, 12 * n);
            if (date_cmp(anniversary, opens) > 0) opens = anniversary;
            bool window = n >= k.q2_from && ct->terminated && date_cmp(opens, ct->end) < 0;
            if (!window || !reading_is(e, "installation_supplement_window", "window_opened")) break;
            a = date_add_days(ct->end, -1); /* the last day the contract ran */
            if (date_cmp(a, opens) < 0) break;
        }
        e->cur = NULL;
        q_t en = q_min(etp_at(ct, a, k.prof, POST_ANY, false), cap);
        if (q_cmp(en, financed) <= 0) continue;
        char suffix[32], label[160];
        snprintf(suffix, sizeof suffix, "supplement_%d", n);
        snprintf(label, sizeof label,
                 "Aide pour les ETP recrutés (évaluation %d, %d années restantes)", n, years - n);
        l = sched_open(ct, suffix, label, k.article, "instalment");
        etp_at(ct, a, k.prof, POST_ANY, false);
        q_t anew = aid(ct, en), aold = aid(ct, financed);
        q_t remaining = q_frac(years - n, years);
        up = uplift_factor(ct);
        fmt(en, b1, sizeof b1);
        fmt(financed, b2, sizeof b2);
        q_t base, factor;
        if (reading_is(e, "installation_supplement", "prorated_difference")) {
            base = q_mul(q_sub(anew, aold), up);
            factor = remaining;
            sched_note(ct, "(A(%s ETP) - A(%s ETP)) × %d/%d", b1, b2, years - n, years);
        } else {
            base = q_sub(q_mul(anew, up), q_mul(q_mul(aold, up), remaining));
            factor = q_int(1);
            sched_note(ct, "A(%s ETP) - A(%s ETP) × %d/%d, comme imprimé dans les exemples", b1, b2,
                       years - n, years);
        }
        paid += sched_close(ct, l, &a, base, factor, ST_ACHIEVED);
        financed = en;
    }

    /* beyond the cap: « une valorisation de 6 000€/ETP supplémentaire est versée tous les ans
     * … au cours du 2ème trimestre de l'année suivant » (l. 3735); paid for each calendar year
     * of the contract, on the ETP of its last day, except the year a termination takes effect */
    date_t last = date_add_days(ct->end, -1);
    for (int y = ct->sign.y; y <= last.y; y++) {
        if (ct->terminated && y == last.y) break;
        date_t m = date_make(y, 12, 31);
        if (date_cmp(m, last) > 0) m = last;
        e->cur = NULL;
        q_t doctors = etp_at(ct, m, k.beyond_prof, POST_ANY, false);
        if (q_cmp(doctors, cap) < 0) continue;
        q_t others = k.other_posts ? etp_at(ct, m, k.other_posts, POST_NEW, true) : q_int(0);
        q_t extra = q_add(q_sub(doctors, cap), others);
        if (q_is_zero(extra) || q_cmp(extra, q_int(0)) < 0) continue;
        char suffix[32], label[160];
        snprintf(suffix, sizeof suffix, "beyond_cap_%d", y);
        snprintf(label, sizeof label, "Valorisation des ETP au-delà de 3, année %d", y);
        l = sched_open(ct, suffix, label, k.article, "instalment");
        etp_at(ct, m, k.beyond_prof, POST_ANY, false);
        if (k.other_posts) etp_at(ct, m, k.other_posts, POST_NEW, true);
        fmt(extra, b1, sizeof b1);
        sched_note(ct,
                   "%s ETP au-delà du plafond au %04d-%02d-%02d (nouveaux postes des professions "
                   "zonées compris)",
                   b1, m.y, m.m, m.d);
        date_t d = quarter_end(y + 1, quarter);
        sched_close(ct, l, &d, cpar(ct, "beyond_cap_per_etp"), extra, ST_ACHIEVED);
    }

    /* termination: « récupère les sommes indûment versées … au prorata de la durée restant à
     * courir dans le contrat »; the base is the whole aid paid (Annexe 13 bis, l. 16916: « sur
     * la base de la valeur totale de l'aide versée »), contract years counted from the
     * anniversaries */
    if (ct->terminated) {
        l = sched_open(ct, "recovery", "Récupération au prorata de la durée restant à courir",
                       k.term_article, "recovery");
        termination_input(ct);
        q_t elapsed = years_elapsed(ct, ct->end);
        q_t remaining = q_div(q_sub(q_int(years), elapsed), q_int(years));
        char d[16], el[64], paidtxt[64];
        date_format(ct->end, d, sizeof d);
        fmt(elapsed, el, sizeof el);
        fmt(q_frac(paid, 100), paidtxt, sizeof paidtxt);
        char frac[64];
        q_format_fraction(remaining, frac, sizeof frac);
        sched_note(ct,
                   "%s reçue le %s ; %s années de contrat écoulées ; récupération = %s € versés × "
                   "(%d - écoulé) / %d = × %s",
                   ct->term_kind, d, el, paidtxt, years, years, frac);
        eng_input(e, "derived.aid_paid_eur", paidtxt);
        sched_close(ct, l, &ct->end, q_neg(q_frac(paid, 100)), remaining, ST_ADJUSTMENT);
    }
    zone_change_notes(ct, k.zone_article);
    return e->failed ? -1 : 0;
}
