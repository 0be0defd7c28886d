/* The two aids for infirmiers en pratique avancée (Art. 19.11): the start-up aid of the
 * salaried IPA activity (Annexe 31) and the aid for the IPA training (Annexe 34). */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

/* The first date after `from` (exclusive) and before `to` (exclusive) at which the IPA ETP of the
 * contract change, or `to`. */
static date_t next_change(contract_t *ct, date_t from, date_t to) {
    ancre_decl *const *items;
    size_t n = c_items(ct->c, "etp", &items);
    date_t best = to;
    for (size_t k = 0; k < n; k++) {
        if (strcmp(item_get(items[k], "profession")->s, "ipa") != 0) continue;
        date_t f = item_get(items[k], "from")->date;
        if (date_cmp(f, from) > 0 && date_cmp(f, best) < 0) best = f;
    }
    return best;
}

/* Recovery « si le centre de santé quitte la zone avant la fin des quatre ans ou si l'activité
 * minimale en tant qu'IPA ou la part d'activité en tant qu'IPA … n'est pas atteinte » (Annexe 31
 * art. 2.2, l. 25741-25745): the caisse « peut procéder à la récupération des sommes indûment
 * versées » without saying how much, except for the third-year share.  Reading
 * ipa_undue_recovery: the case is shown without an amount (flagged, the default), or all the aid
 * paid is recovered (all_paid). */
static int64_t undue(contract_t *ct, const char *suffix, const char *label, date_t when,
                     int64_t paid, const char *why) {
    line_t *l = sched_open(ct, suffix, label, "Annexe 31 art. 2.2", "recovery");
    char d[16];
    fr_date(when, d, sizeof d);
    sched_note(ct, "%s (%s)", why, d);
    if (reading_is(ct->e, "ipa_undue_recovery", "all_paid")) {
        sched_note(ct, "lecture ipa_undue_recovery=all_paid : toute l'aide versée est récupérée");
        return sched_close(ct, l, &when, q_neg(q_frac(paid, 100)), q_int(1), ST_ADJUSTMENT);
    }
    sched_note(ct, "le texte permet la récupération des « sommes indûment versées » sans en fixer "
                   "le montant : aucun montant calculé");
    sched_close(ct, l, &when, q_int(0), q_int(1), ST_ADJUSTMENT);
    return 0;
}

/* Start-up aid: per ETP of IPA, in ZIP 30 000 € within the month after the signature then
 * 10 000 € « la deuxième année avant la fin du 1er semestre de l'année suivante », elsewhere
 * 20 000 € then 7 000 € (Art. 19.11.1, l. 6122-6137), prorated on the ETP (at least 0,5). */
int contracts_ipa_demarrage(contract_t *ct) {
    eng_t *e = ct->e;
    const char *art = "Art. 19.11.1, Annexe 31 art. 2.2";
    line_t *l = sched_open(ct, "first", "Aide au démarrage IPA : 1er versement", art, "instalment");
    bool zip = strcmp(c_text(ct, "zone"), "zip") == 0;
    q_t e0 = etp_at(ct, ct->sign, P_IPA, POST_ANY, false);
    cpar(ct, "min_etp"); /* at least 0,5 ETP: checked with the document */
    const char *first = zip ? "zip_first" : "other_first";
    const char *second = zip ? "zip_second" : "other_second";
    int years = cpar_int(ct, "duration_years", 1, 30);
    if (years < 0) return -1;
    date_t due = date_add_months(ct->sign, 1);
    bool ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
    int64_t paid = sched_close(ct, l, &due, cpar(ct, first), ok ? e0 : q_int(0),
                               ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    l = sched_open(ct, "second", "Aide au démarrage IPA : 2e versement", art, "instalment");
    etp_at(ct, ct->sign, P_IPA, POST_ANY, false);
    /* « la deuxième année avant la fin du 1er semestre de l'année suivante »: 30 June of the year
     * after the signature */
    due = date_make(ct->sign.y + 1, 6, 30);
    ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
    paid += sched_close(ct, l, &due, cpar(ct, second), ok ? e0 : q_int(0),
                        ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    /* ETP hired during the contract: « Tout nouvel ETP salarié sur la dernière année du contrat ne
     * bénéficiera que du montant au titre de la 1ère année » (l. 6143): those of the earlier years
     * earn both amounts.  Reading ipa_added_etp: each new ETP is assessed at its hiring and paid
     * like the first ETP, within the month, then before the end of the 1st semester of the next
     * year (at_hire, the default), or assessed at the next anniversary of the contract (at
     * anniversary; an ETP of the last year, with no anniversary left, at its hiring). */
    bool at_anniversary = reading_is(e, "ipa_added_etp", "at_anniversary");
    date_t last_year = date_add_months(ct->sign, 12 * (years - 1));
    q_t financed = e0;
    date_t d = ct->sign;
    int k = 0;
    while (k < 64) {
        date_t change = next_change(ct, d, ct->end);
        if (date_cmp(change, ct->end) >= 0) break;
        d = change;
        date_t assessed = d;
        if (at_anniversary && date_cmp(d, last_year) < 0) {
            int n = 1;
            while (date_cmp(date_add_months(ct->sign, 12 * n), d) < 0)
                n++;
            assessed = date_add_months(ct->sign, 12 * n);
        }
        if (!paid_before_end(ct, assessed)) continue;
        e->cur = NULL;
        q_t en = etp_at(ct, assessed, P_IPA, POST_ANY, false);
        if (q_cmp(en, financed) <= 0) continue;
        k++;
        q_t added = q_sub(en, financed);
        bool in_last_year = date_cmp(d, last_year) >= 0;
        char suffix[48], label[160], when[16];
        fr_date(d, when, sizeof when);
        snprintf(suffix, sizeof suffix, "added_%d.first", k);
        snprintf(label, sizeof label, "Aide IPA pour l'ETP recruté le %s : 1er versement", when);
        l = sched_open(ct, suffix, label, art, "instalment");
        etp_at(ct, assessed, P_IPA, POST_ANY, false);
        due = date_add_months(assessed, 1);
        ok = paid_before_end(ct, due);
        if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
        paid += sched_close(ct, l, &due, cpar(ct, first), ok ? added : q_int(0),
                            ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
        if (in_last_year) {
            sched_note(ct, "ETP recruté la dernière année du contrat : le montant de la 1re "
                           "année seulement (l. 6143)");
        } else {
            snprintf(suffix, sizeof suffix, "added_%d.second", k);
            snprintf(label, sizeof label, "Aide IPA pour l'ETP recruté le %s : 2e versement", when);
            l = sched_open(ct, suffix, label, art, "instalment");
            due = date_make(assessed.y + 1, 6, 30);
            ok = paid_before_end(ct, due);
            if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
            paid += sched_close(ct, l, &due, cpar(ct, second), ok ? added : q_int(0),
                                ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
        }
        financed = en;
    }
    e->cur = NULL;
    int64_t base = received_or(ct, paid);
    /* minimums of the first two years of practice (Annexe 31 art. 2.1, l. 25687-25697): 30 then
     * 60 patients per ETP of IPA, 25 % then 50 % of IPA-specific acts, « proratisés en fonction
     * du nombre d'ETP » (l. 25737-25739) */
    date_t practice = ct->sign;
    const decl_value *pv = c_get(ct, "ipa.practice_start_date");
    if (pv) practice = pv->date;
    for (int y = 1; y <= 2; y++) {
        char path[48], pid[48], sid[48];
        bool has_patients, has_share;
        snprintf(path, sizeof path, "ipa.patients_year%d", y);
        q_t patients = c_num(ct, path, &has_patients);
        snprintf(path, sizeof path, "ipa.share_year%d", y);
        q_t share = c_num(ct, path, &has_share);
        if (!has_patients && !has_share) continue;
        date_t end_y = date_add_months(practice, 12 * y);
        if (!paid_before_end(ct, end_y)) continue;
        snprintf(pid, sizeof pid, "min_patients_year%d", y);
        snprintf(sid, sizeof sid, "share_year%d", y);
        q_t min_patients = q_mul(cpar(ct, pid), e0);
        bool short_patients = has_patients && q_cmp(patients, min_patients) < 0;
        bool short_share = has_share && q_cmp(share, cpar(ct, sid)) < 0;
        if (!short_patients && !short_share) continue;
        char suffix[32], label[120], why[200], mp[32];
        fr_decimal(min_patients, 2, mp, sizeof mp);
        snprintf(suffix, sizeof suffix, "minimum_year%d", y);
        snprintf(label, sizeof label, "Activité minimale IPA de l'année %d non atteinte", y);
        if (short_patients)
            snprintf(why, sizeof why, "moins de patients suivis que le minimum proratisé (%s)", mp);
        else
            snprintf(why, sizeof why, "part d'actes spécifiques IPA sous le minimum");
        undue(ct, suffix, label, end_y, base, why);
    }
    /* year-3 share of IPA acts below 85 %: « les aides versées sont récupérées à due
     * concurrence de l'écart à la cible » (Annexe 31 art. 2.2, l. 25746-25748) */
    bool has_share;
    q_t share = c_num(ct, "ipa.share_year3", &has_share);
    date_t a3 = date_add_months(practice, 12 * 3);
    if (has_share && paid_before_end(ct, a3)) {
        l = sched_open(ct, "recovery_share", "Récupération : part d'activité IPA de la 3e année",
                       "Annexe 31 art. 2.2", "recovery");
        c_num(ct, "ipa.share_year3", NULL);
        q_t target = cpar(ct, "share_year3");
        if (q_cmp(share, target) < 0) {
            q_t gap = q_div(q_sub(target, share), target);
            char b[64];
            fr_decimal(gap, 6, b, sizeof b);
            sched_note(ct, "aide versée × (cible − part) / cible = × %s", b);
            sched_close(ct, l, &a3, q_neg(q_frac(base, 100)), gap, ST_ADJUSTMENT);
        } else {
            sched_note(ct, "part de la 3e année atteinte");
            sched_close(ct, l, &a3, q_int(0), q_int(1), ST_NOT_ACHIEVED);
        }
    }
    /* leaving the zone before the end of the four years (l. 25741-25743) */
    ancre_decl *const *ev;
    size_t nev = c_items(ct->c, "events", &ev);
    for (size_t i = 0; i < nev; i++) {
        if (strcmp(item_get(ev[i], "kind")->s, "zone_departure") != 0) continue;
        date_t left = item_get(ev[i], "date")->date;
        if (date_cmp(left, ct->natural_end) >= 0) continue;
        undue(ct, "zone_departure", "Départ de la zone avant la fin des quatre ans", left, base,
              "le centre quitte la zone avant la fin du contrat");
        break;
    }
    if (ct->terminated) {
        l = sched_open(ct, "repayment", "Remboursement après résiliation", "Annexe 31 art. 4",
                       "recovery");
        termination_input(ct);
        char d2[16];
        fr_date(ct->end, d2, sizeof d2);
        q_t f = q_int(0);
        if (reading_is(e, "ipa_termination_repayment", "always") || ct->term_breach) {
            f = q_int(1);
            sched_note(ct, "%s effective le %s : les sommes versées sont remboursées",
                       ct->term_kind, d2);
        } else {
            sched_note(ct,
                       "%s effective le %s : les versements cessent ; aucun cas de l'art. 2.2 "
                       "déclaré (breach), rien à rembourser",
                       ct->term_kind, d2);
        }
        sched_close(ct, l, &ct->end, q_neg(q_frac(base, 100)), f,
                    q_is_zero(f) ? ST_NOT_ACHIEVED : ST_ADJUSTMENT);
    }
    zone_change_notes(ct, "Annexe 31 art. 5");
    return e->failed ? -1 : 0;
}

/* Training aid: 15 000 € (17 000 € for a centre in a DROM whose nurse trains in métropole) paid
 * within 6 months of the signature; repaid in full, by half or by a third when the contract ends
 * during the training or the first two years of practice (Art. 19.11.2, Annexe 34 art. 4). */
int contracts_ipa_formation(contract_t *ct) {
    eng_t *e = ct->e;
    const char *art = "Art. 19.11.2, Annexe 34 art. 2.2";
    line_t *l = sched_open(ct, "aid", "Aide à la formation IPA", art, "instalment");
    /* « 15 000 euros pour les centres de santé installés en métropole ; 17 000 euros pour les
     * centres de santé installés dans les DROM et qui ont recruté un infirmier qui suit son
     * cursus universitaire d'infirmier en pratique avancée en métropole » (l. 26988-26992): a
     * centre in a DROM whose nurse trains in the DROM is in neither case; reading
     * ipa_formation_drom_local gives it the amount of métropole (default) or nothing */
    bool drom = c_flag(ct, "formation.drom");
    bool local = drom && c_flag(ct, "formation.training_in_drom");
    const char *which = drom && !local ? "amount_drom" : "amount";
    q_t factor = q_int(1);
    if (local) {
        if (reading_is(e, "ipa_formation_drom_local", "none")) {
            sched_note(ct, "centre d'un DROM dont l'infirmier se forme dans un DROM : cas que le "
                           "texte ne prévoit pas, aucune aide (lecture ipa_formation_drom_local)");
            factor = q_int(0);
        } else {
            sched_note(ct, "centre d'un DROM dont l'infirmier se forme dans un DROM : le montant "
                           "de métropole (lecture ipa_formation_drom_local=metropole_amount)");
        }
    }
    q_t amount = cpar(ct, which);
    /* eligibility (nurse employed for a year before the training, fees above 15 000 € for one
     * ETP in the year before it) is checked with the document (contracts_common.c) */
    c_get(ct, "formation.hired_date");
    c_get(ct, "formation.training_start_date");
    c_num(ct, "formation.fees_previous_year", NULL);
    c_num(ct, "formation.nurse_etp", NULL);
    cpar(ct, "fee_threshold");
    int delay = cpar_int(ct, "payment_delay_months", 0, 24);
    int repay = cpar_int(ct, "repay_months", 0, 24);
    if (delay < 0 || repay < 0) return -1;
    date_t due = date_add_months(ct->sign, delay);
    bool ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "non versé : le contrat a pris fin avant cette date");
    int64_t paid = sched_close(ct, l, &due, amount, ok ? factor : q_int(0),
                               ok && !q_is_zero(factor) ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    if (ct->terminated) {
        /* Annexe 34 art. 4.1 (l. 27025-27031): the centre's termination « est effective un mois
         * après réception »; art. 4.2 (l. 27039-27052): the caisse's, at the end of the month the
         * centre has for its observations; art. 4.3 (l. 27060-27090) repays either */
        e->cur = NULL;
        int64_t base = received_or(ct, paid);
        l = sched_open(ct, "repayment", "Remboursement après résiliation", "Annexe 34 art. 4",
                       "recovery");
        termination_input(ct);
        date_t end_training = c_get(ct, "formation.training_end_date")->date;
        const char *divisor = NULL;
        if (date_cmp(ct->end, end_training) < 0)
            divisor = "repay_divisor_training";
        else if (date_cmp(ct->end, date_add_months(end_training, 12 * 1)) < 0)
            divisor = "repay_divisor_year1";
        else if (date_cmp(ct->end, date_add_months(end_training, 12 * 2)) < 0)
            divisor = "repay_divisor_year2";
        date_t rdue = date_add_months(ct->end, repay);
        char d[16];
        fr_date(ct->end, d, sizeof d);
        const char *by = strcmp(ct->term_kind, "termination_by_caisse") == 0
                             ? "résiliation par la caisse (art. 4.2)"
                             : "résiliation par le centre (art. 4.1)";
        if (!divisor) {
            sched_note(ct,
                       "%s effective le %s, après deux années d'exercice IPA : rien à "
                       "rembourser",
                       by, d);
            sched_close(ct, l, &rdue, q_int(0), q_int(1), ST_NOT_ACHIEVED);
        } else {
            q_t div = cpar(ct, divisor);
            char dv[32];
            fr_decimal(div, 0, dv, sizeof dv);
            sched_note(ct,
                       "%s effective le %s : l'aide versée divisée par %s (art. 4.3), à "
                       "rembourser dans le délai de l'art. 4.3",
                       by, d, dv);
            sched_close(ct, l, &rdue, q_neg(q_frac(base, 100)), q_div(q_int(1), div),
                        base ? ST_ADJUSTMENT : ST_NOT_ACHIEVED);
        }
    }
    return e->failed ? -1 : 0;
}
