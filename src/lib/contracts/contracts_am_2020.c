/* Assistant médical under the contract type of Annexe 29 (regime am_2020): advances of 70 % and
 * balances at the anniversaries for years 1 and 2; from year 3 an advance set by the level of the
 * objective reached at the end of the previous year, with a second advance of 20 % six months
 * later when that level was low, and the balance two months after the anniversary (Annexe 29 art.
 * 2.3.3, l. 25149-25236). */
#include "contracts_am.h"

#include <stdio.h>

/* Annexe 29 art. 2.3.1 (l. 25070-25103): years 1 and 2 in full; year 3 « égal ou supérieur à
 * 75% de l'objectif, l'aide est versée intégralement ; entre 50% (inclus) et 75% (exclus) …
 * égale à 75% ; inférieur à 50% … au prorata du résultat obtenu »; « A compter de la quatrième
 * année … proratisé en fonction du niveau d'atteinte de l'objectif fixé ». */
static q_t year_factor(am_t *a, int n, am_result r) {
    contract_t *ct = a->ct;
    if (r.neutralised) {
        sched_note(ct, "objectifs neutralisés (Art. 19.10.5.2.3)");
        return q_int(1);
    }
    if (n == 3 && a->new_centre) return am_new_centre_factor(a, r);
    q_t rate = am_level(a, r);
    char b[64];
    fr_decimal(rate, 6, b, sizeof b);
    sched_note(ct, "niveau de l'objectif atteint : %s", b);
    if (n == 3) {
        if (q_cmp(rate, cpar(ct, "full_level")) >= 0) return q_int(1);
        if (q_cmp(rate, cpar(ct, "mid_level")) >= 0) return cpar(ct, "mid_share");
    }
    if (n > 3 && a->new_centre)
        sched_note(ct, "après la 3e année, l'objectif d'un centre nouvellement créé est revu par "
                       "avenant sur sa patientèle réelle (l. 25003-25005) : calculé ici sur "
                       "l'objectif déclaré");
    return rate;
}

int contracts_am_2020(am_t *a) {
    contract_t *ct = a->ct;
    eng_t *e = ct->e;
    const char *art = "Annexe 29 art. 2.3";
    line_t *l = sched_open(ct, "year_1.acompte", "Assistant médical, 1re année : acompte", art,
                           "instalment");
    if (!am_setup(a, true)) return -1;
    int years = par_int_at(e, "contracts.am.duration_years", ct->sign, 1, 30);
    int delay = cpar_int(ct, "payment_delay_months", 0, 24);
    int first_days = cpar_int(ct, "first_payment_delay_days", 0, 366);
    int second_months = cpar_int(ct, "second_acompte_delay_months", 0, 24);
    if (years < 0 || delay < 0 || first_days < 0 || second_months < 0) return -1;
    /* « le 1er acompte … est versé 15 jours après la réception des pièces évoquées à l'article
     * 2-2 du présent contrat justifiant le recrutement de l'assistant médical » (l. 25157-25161) */
    date_t documents = ct->sign;
    const decl_value *dv = c_get(ct, "am.documents_date");
    if (dv)
        documents = dv->date;
    else
        sched_note(ct, "date de réception des pièces justifiant l'embauche non déclarée "
                       "(am.documents_date) : comptée depuis la signature, date d'effet du "
                       "contrat (art. 3)");
    for (int n = 1; n <= years; n++) {
        date_t s = date_add_months(ct->sign, 12 * (n - 1)), en = date_add_months(ct->sign, 12 * n);
        if (date_cmp(s, ct->end) >= 0) break;
        bool complete = date_cmp(en, ct->end) <= 0;
        char suffix[48], label[160];
        q_t full = q_mul(am_max_amount(a, n), a->financed);
        /* the advance */
        if (n > 1) {
            snprintf(suffix, sizeof suffix, "year_%d.acompte", n);
            snprintf(label, sizeof label, "Assistant médical, %de année : acompte", n);
            l = sched_open(ct, suffix, label, art, "instalment");
        }
        q_t share = cpar(ct, "acompte_share");
        date_t due;
        line_status st = ST_ACHIEVED;
        bool second = false;
        q_t threshold = q_int(0);
        if (n == 1) {
            due = date_add_days(documents, first_days);
        } else if (n == 2) {
            due = s; /* « à la 1ère date anniversaire du contrat, un nouvel acompte de 70 % » */
        } else {
            /* « dans les deux mois suivant la 2ème date anniversaire … calculé en fonction du
             * niveau de l'atteinte de ses objectifs … observé à la fin de la 2ème année »
             * (l. 25172-25198); year 4 on: the same with 70 % (l. 25206-25230) */
            due = date_add_months(s, delay);
            threshold = cpar(ct, n == 3 ? "year3_acompte_threshold" : "year4_acompte_threshold");
            am_result prev = am_result_of(a, "results", n - 1);
            if (!prev.present) {
                sched_note(ct,
                           "patientèle de la fin de l'année %d non déclarée : l'acompte ne "
                           "peut être fixé",
                           n - 1);
                share = q_int(0);
                st = ST_NOT_DECLARED;
            } else if (q_cmp(am_level(a, prev), threshold) < 0) {
                share = cpar(ct, "acompte_low_share");
                second = true;
                sched_note(ct,
                           "niveau de la fin de l'année %d sous le seuil : acompte réduit, "
                           "second acompte six mois plus tard si le niveau atteint alors le "
                           "seuil",
                           n - 1);
            }
        }
        bool ok = paid_before_end(ct, due);
        if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
        int64_t paid =
            sched_close(ct, l, &due, full, ok ? share : q_int(0), ok ? st : ST_NOT_ACHIEVED);
        /* « un second acompte de 20% de la somme due au titre de la 3ème année du contrat est versé
         * 6 mois plus tard, si le niveau de patientèle atteint est désormais supérieur ou égal à
         * 50% de l'objectif (à partir des dernières données de patientèle disponibles) »
         * (l. 25188-25198, year 4 on l. 25222-25230) */
        if (second) {
            snprintf(suffix, sizeof suffix, "year_%d.acompte_2", n);
            snprintf(label, sizeof label, "Assistant médical, %de année : second acompte", n);
            l = sched_open(ct, suffix, label, art, "instalment");
            date_t due2 = date_add_months(due, second_months);
            am_result mid = am_result_of(a, "mid_year", n);
            q_t share2 = cpar(ct, "second_acompte_share");
            line_status st2 = ST_ACHIEVED;
            if (!paid_before_end(ct, due2)) {
                sched_note(ct, "non versé : le contrat a pris fin avant cette date");
                share2 = q_int(0);
                st2 = ST_NOT_ACHIEVED;
            } else if (!mid.present) {
                sched_note(ct,
                           "patientèle six mois après l'acompte non déclarée (am.mid_year, "
                           "année %d)",
                           n);
                share2 = q_int(0);
                st2 = ST_NOT_DECLARED;
            } else if (q_cmp(am_level(a, mid), threshold) < 0) {
                sched_note(ct, "niveau toujours sous le seuil six mois plus tard : pas de second "
                               "acompte");
                share2 = q_int(0);
                st2 = ST_NOT_ACHIEVED;
            }
            paid += sched_close(ct, l, &due2, full, share2, st2);
        }
        /* the balance: « à la 1ère date anniversaire » (year 1, l. 25163), « à la 2ème date
         * anniversaire » (year 2, l. 25171), « deux mois après la 3ème date anniversaire »
         * (l. 25202) and, from year 4, with the next advance (l. 25206-25208) */
        snprintf(suffix, sizeof suffix, "year_%d.solde", n);
        snprintf(label, sizeof label, "Assistant médical, %de année : solde", n);
        l = sched_open(ct, suffix, label, art, "instalment");
        due = n <= 2 ? en : date_add_months(en, delay);
        if (!complete) {
            sched_note(ct, "non versé : le contrat a pris fin pendant l'année");
            sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_ACHIEVED);
            continue;
        }
        q_t factor = q_int(1);
        if (n >= 3) {
            am_result r = am_result_of(a, "results", n);
            if (!r.present) {
                sched_note(ct, "patientèle de la fin de l'année %d non déclarée", n);
                sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_DECLARED);
                continue;
            }
            factor = year_factor(a, n, r);
        }
        char b[64];
        fr_decimal(q_frac(paid, 100), 2, b, sizeof b);
        sched_note(ct, "aide due pour l'année moins les acomptes versés (%s €)", b);
        q_t solde = q_sub(q_mul(full, factor), q_frac(paid, 100));
        l->kind = q_cmp(solde, q_int(0)) < 0 ? "recovery" : "instalment";
        sched_close(ct, l, &due, solde, q_int(1),
                    q_cmp(solde, q_int(0)) < 0 ? ST_ADJUSTMENT : ST_ACHIEVED);
    }
    am_recovery(a, "Annexe 29 art. 4");
    return e->failed ? -1 : 0;
}
