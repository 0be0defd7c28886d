/* Assistant médical under the contract type of Annexe 33 (regime am_2024) and Art. 19.10.5.2.4:
 * the aid of years 1 and 2 in one payment, whatever the objectives; from year 3 an advance of 50 %
 * « sauf diminution » and a balance prorated on the achievement. */
#include "contracts_am.h"

#include <stdio.h>

/* Art. 19.10.5.2.3 (l. 5864-5953): « Lorsque l'un des deux objectifs est atteint et que la
 * patientèle de l'autre objectif n'est pas en diminution … 100% de l'aide » ; « Lorsqu'aucun des
 * objectifs n'est atteint mais que les patientèles ne sont pas en diminution … proratisée sur la
 * base de l'indicateur dont le résultat est le plus haut » ; « lorsque la patientèle de l'un des
 * deux objectifs est en diminution … aucune aide n'est versée ».  *decrease tells the last case. */
static q_t year_factor(am_t *a, int n, am_result r, bool *decrease) {
    contract_t *ct = a->ct;
    *decrease = false;
    if (r.neutralised) {
        sched_note(ct, "objectifs neutralisés (Art. 19.10.5.2.3)");
        return q_int(1);
    }
    if (n == 3 && a->new_centre) return am_new_centre_factor(a, r);
    if (am_decrease(a, r)) {
        *decrease = true;
        sched_note(ct, "patientèle inférieure à la patientèle initiale (diminution) : pas d'aide "
                       "pour l'année");
        return q_int(0);
    }
    bool ok = q_cmp(r.fa, a->target_fa) >= 0 || (a->both && q_cmp(r.mt, a->target_mt) >= 0);
    if (ok) {
        sched_note(ct, "objectif atteint%s", a->both ? " sur au moins un indicateur" : "");
        return q_int(1);
    }
    q_t rate = am_level(a, r);
    char b[64];
    fr_decimal(rate, 6, b, sizeof b);
    sched_note(ct, "objectif non atteint, sans diminution : proratisé sur le meilleur taux %s", b);
    return rate;
}

int contracts_am_2024(am_t *a) {
    contract_t *ct = a->ct;
    eng_t *e = ct->e;
    const char *art = "Art. 19.10.5.2.4, Annexe 33 art. 2.3";
    line_t *l = sched_open(ct, "year_1", "Assistant médical, 1re année", art, "instalment");
    if (!am_setup(a, false)) return -1;
    /* Reading am_2024_payment_windows: Art. 19.10.5.2.4 pays years 1 and 2 « dans le mois suivant
     * la signature ou la date anniversaire » and the balance « à la date anniversaire de l'année
     * suivante » (l. 5999-6014); the table of Annexe 33 art. 2.3.3 « dans les 2 mois suivant »
     * both (l. 26750-26754).  The advance from year 3 is within two months in both. */
    bool annex = reading_is(e, "am_2024_payment_windows", "annex_33");
    int years = par_int_at(e, "contracts.am.duration_years", ct->sign, 1, 30);
    int delay = cpar_int(ct, "payment_delay_months", 0, 24);
    int single = annex ? cpar_int(ct, "annex_single_payment_delay_months", 0, 24)
                       : cpar_int(ct, "single_payment_delay_months", 0, 24);
    int solde_delay = annex ? cpar_int(ct, "annex_solde_delay_months", 0, 24) : 0;
    if (years < 0 || delay < 0 || single < 0 || solde_delay < 0) return -1;
    for (int n = 1; n <= years; n++) {
        date_t s = date_add_months(ct->sign, 12 * (n - 1)), en = date_add_months(ct->sign, 12 * n);
        if (date_cmp(s, ct->end) >= 0) break;
        bool complete = date_cmp(en, ct->end) <= 0;
        char suffix[48], label[160];
        q_t full = q_mul(am_max_amount(a, n), a->financed);
        if (n <= 2) {
            /* « L'aide est versée en une seule fois les 1ères et 2èmes années du contrat »,
             * « Versement intégral quelle que soit l'atteinte des objectifs » (l. 5785-5787) */
            if (n == 2) {
                l = sched_open(ct, "year_2", "Assistant médical, 2e année", art, "instalment");
            }
            date_t due = date_add_months(s, single);
            bool ok = paid_before_end(ct, due);
            if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
            sched_close(ct, l, &due, full, q_int(ok ? 1 : 0), ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
            continue;
        }
        /* the advance: « 50% du montant en 3ème année ; 50% du montant de l'aide de l'année à
         * compter de la 4ème année » (l. 6005-6008), « quel que soit le pourcentage de l'atteinte
         * de l'objectif en fin d'année précédente, sauf diminution » (l. 26733-26737) */
        snprintf(suffix, sizeof suffix, "year_%d.acompte", n);
        snprintf(label, sizeof label, "Assistant médical, %de année : acompte", n);
        l = sched_open(ct, suffix, label, art, "instalment");
        q_t share = cpar(ct, "acompte_share");
        date_t due = date_add_months(s, delay);
        line_status st = ST_ACHIEVED;
        am_result prev = am_result_of(a, "results", n - 1);
        bool dec = false;
        if (prev.present && n - 1 >= 3) {
            e->cur = NULL;
            year_factor(a, n - 1, prev, &dec);
            e->cur = l;
        } else if (prev.present) {
            dec = am_decrease(a, prev);
        }
        if (dec && !prev.neutralised) {
            sched_note(ct, "diminution de la patientèle à la fin de l'année %d : pas d'acompte",
                       n - 1);
            share = q_int(0);
            st = ST_NOT_ACHIEVED;
        }
        bool ok = paid_before_end(ct, due);
        if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
        int64_t acompte =
            sched_close(ct, l, &due, full, ok ? share : q_int(0), ok ? st : ST_NOT_ACHIEVED);
        /* the balance: « Le solde versé à la date anniversaire de l'année suivante correspond à
         * l'aide maximale, proratisée sur la base du taux d'atteinte de l'objectif le cas échéant,
         * de laquelle est déduit le montant de l'acompte versé » (l. 6012-6014) */
        snprintf(suffix, sizeof suffix, "year_%d.solde", n);
        snprintf(label, sizeof label, "Assistant médical, %de année : solde", n);
        l = sched_open(ct, suffix, label, art, "instalment");
        due = date_add_months(en, solde_delay);
        if (!complete) {
            sched_note(ct, "non versé : le contrat a pris fin pendant l'année");
            sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_ACHIEVED);
            continue;
        }
        am_result r = am_result_of(a, "results", n);
        if (!r.present) {
            sched_note(ct, "patientèle de la fin de l'année %d non déclarée", n);
            sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_DECLARED);
            continue;
        }
        bool decrease;
        q_t factor = year_factor(a, n, r, &decrease);
        char b[64];
        fr_decimal(q_frac(acompte, 100), 2, b, sizeof b);
        sched_note(ct, "aide due pour l'année moins l'acompte de %s €", b);
        q_t solde = q_sub(q_mul(full, factor), q_frac(acompte, 100));
        l->kind = q_cmp(solde, q_int(0)) < 0 ? "recovery" : "instalment";
        sched_close(ct, l, &due, solde, q_int(1),
                    q_cmp(solde, q_int(0)) < 0 ? ST_ADJUSTMENT : ST_ACHIEVED);
    }
    am_recovery(a, "Annexe 33 art. 5");
    return e->failed ? -1 : 0;
}
