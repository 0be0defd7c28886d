/* The two aids for infirmiers en pratique avancée (Art. 19.11): the start-up aid of the
 * salaried IPA activity (Annexe 31) and the aid for the IPA training (Annexe 34). */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

/* Start-up aid: per ETP of IPA, in ZIP 30 000 € within the month after the signature then
 * 10 000 € « la deuxième année avant la fin du 1er semestre de l'année suivante », elsewhere
 * 20 000 € then 7 000 € (Art. 19.11.1, l. 6122-6137), prorated on the ETP (at least 0,5). */
int contracts_ipa_demarrage(contract_t *ct) {
    eng_t *e = ct->e;
    const char *art = "Art. 19.11.1, Annexe 31 art. 2.2";
    line_t *l = sched_open(ct, "first", "Aide au démarrage IPA: 1er versement", art, "instalment");
    bool zip = strcmp(c_text(ct, "zone"), "zip") == 0;
    q_t e0 = etp_at(ct, ct->sign, P_IPA, POST_ANY, false);
    cpar(ct, "min_etp"); /* at least 0,5 ETP: checked with the document */
    const char *first = zip ? "zip_first" : "other_first";
    const char *second = zip ? "zip_second" : "other_second";
    int years = cpar_int(ct, "duration_years", 1, 30);
    if (years < 0) return -1;
    date_t due = date_add_months(ct->sign, 1);
    bool ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "not paid: the contract ended before this date");
    int64_t paid = sched_close(ct, l, &due, cpar(ct, first), ok ? e0 : q_int(0),
                               ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    l = sched_open(ct, "second", "Aide au démarrage IPA: 2e versement", art, "instalment");
    etp_at(ct, ct->sign, P_IPA, POST_ANY, false);
    /* 30 June of the year after the signature (§13 AMB-45) */
    due = date_make(ct->sign.y + 1, 6, 30);
    ok = paid_before_end(ct, due);
    if (!ok) sched_note(ct, "not paid: the contract ended before this date");
    paid += sched_close(ct, l, &due, cpar(ct, second), ok ? e0 : q_int(0),
                        ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    /* ETP added later: « Tout nouvel ETP salarié sur la dernière année du contrat ne bénéficiera
     * que du montant au titre de la 1ère année » (l. 6143); assessed at each anniversary */
    q_t financed = e0;
    for (int n = 1; n < years; n++) {
        date_t a = add_years(ct->sign, n);
        if (!paid_before_end(ct, a)) break;
        e->cur = NULL;
        q_t en = etp_at(ct, a, P_IPA, POST_ANY, false);
        if (q_cmp(en, financed) <= 0) continue;
        q_t added = q_sub(en, financed);
        char suffix[48], label[160];
        snprintf(suffix, sizeof suffix, "added_%d.first", n);
        snprintf(label, sizeof label, "Aide IPA pour l'ETP ajouté (année %d): 1er versement",
                 n + 1);
        l = sched_open(ct, suffix, label, art, "instalment");
        etp_at(ct, a, P_IPA, POST_ANY, false);
        due = date_add_months(a, 1);
        paid += sched_close(ct, l, &due, cpar(ct, first), added, ST_ACHIEVED);
        if (n == years - 1) {
            sched_note(ct, "ETP added in the last year: first amount only");
        } else {
            snprintf(suffix, sizeof suffix, "added_%d.second", n);
            snprintf(label, sizeof label, "Aide IPA pour l'ETP ajouté (année %d): 2e versement",
                     n + 1);
            l = sched_open(ct, suffix, label, art, "instalment");
            due = date_make(a.y + 1, 6, 30);
            ok = paid_before_end(ct, due);
            paid += sched_close(ct, l, &due, cpar(ct, second), ok ? added : q_int(0),
                                ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
        }
        financed = en;
    }
    /* year-3 share of IPA acts below 85 %: « les aides versées sont récupérées à due
     * concurrence de l'écart à la cible » (Annexe 31 art. 2.2; §13 AMB-35) */
    bool has_share;
    e->cur = NULL;
    q_t share = c_num(ct, "ipa.share_year3", &has_share);
    date_t a3 = add_years(ct->sign, 3);
    if (has_share && paid_before_end(ct, a3)) {
        l = sched_open(ct, "recovery_share", "Récupération: part d'activité IPA de la 3e année",
                       "Annexe 31 art. 2.2", "recovery");
        c_num(ct, "ipa.share_year3", NULL);
        q_t target = cpar(ct, "share_year3");
        if (q_cmp(share, target) < 0) {
            q_t gap = q_div(q_sub(target, share), target);
            char b[64];
            q_format_decimal(gap, 6, b, sizeof b);
            sched_note(ct, "paid × (target - share) / target = × %s", b);
            sched_close(ct, l, &a3, q_neg(q_frac(paid, 100)), gap, ST_ADJUSTMENT);
        } else {
            sched_note(ct, "share of the third year reached");
            sched_close(ct, l, &a3, q_int(0), q_int(1), ST_NOT_ACHIEVED);
        }
    }
    if (ct->terminated) {
        l = sched_open(ct, "repayment", "Remboursement après résiliation", "Annexe 31 art. 4",
                       "recovery");
        termination_input(ct);
        char d[16];
        date_format(ct->end, d, sizeof d);
        q_t f = q_int(0);
        if (reading_is(e, "ipa_termination_repayment", "always") || ct->term_breach) {
            f = q_int(1);
            sched_note(ct, "%s effective on %s: the sums paid are repaid", ct->term_kind, d);
        } else {
            sched_note(ct,
                       "%s effective on %s: payments stop; no case of art. 2.2 declared "
                       "(breach), nothing to repay",
                       ct->term_kind, d);
        }
        sched_close(ct, l, &ct->end, q_neg(q_frac(paid, 100)), f,
                    q_is_zero(f) ? ST_NOT_ACHIEVED : ST_ADJUSTMENT);
    }
    zone_change_notes(ct, "Annexe 31 art. 5");
    return e->failed ? -1 : 0;
}

/* Training aid: 15 000 € (17 000 € in the DROM) paid within 6 months of the signature;
 * repaid in full, by half or by a third when the contract ends during the training or the
 * first two years of practice (Art. 19.11.2, Annexe 34 art. 4). */
int contracts_ipa_formation(contract_t *ct) {
    eng_t *e = ct->e;
    const char *art = "Art. 19.11.2, Annexe 34 art. 2.2";
    line_t *l = sched_open(ct, "aid", "Aide à la formation IPA", art, "instalment");
    bool drom = c_flag(ct, "formation.drom");
    q_t amount = cpar(ct, drom ? "amount_drom" : "amount");
    /* eligibility (nurse employed for a year, fees above 15 000 € for one ETP, §13 AMB-37) is
     * checked with the document (contracts_common.c) */
    c_get(ct, "formation.hired_date");
    c_num(ct, "formation.fees_previous_year", NULL);
    c_num(ct, "formation.nurse_etp", NULL);
    cpar(ct, "fee_threshold");
    int delay = cpar_int(ct, "payment_delay_months", 0, 24);
    int repay = cpar_int(ct, "repay_months", 0, 24);
    if (delay < 0 || repay < 0) return -1;
    date_t due = date_add_months(ct->sign, delay);
    bool ok = paid_before_end(ct, due);
    int64_t paid =
        sched_close(ct, l, &due, amount, q_int(ok ? 1 : 0), ok ? ST_ACHIEVED : ST_NOT_ACHIEVED);
    if (ct->terminated) {
        l = sched_open(ct, "repayment", "Remboursement après résiliation", "Annexe 34 art. 4",
                       "recovery");
        termination_input(ct);
        date_t end_training = c_get(ct, "formation.training_end_date")->date;
        const char *which = NULL;
        if (date_cmp(ct->end, end_training) < 0)
            which = "repay_divisor_training";
        else if (date_cmp(ct->end, add_years(end_training, 1)) < 0)
            which = "repay_divisor_year1";
        else if (date_cmp(ct->end, add_years(end_training, 2)) < 0)
            which = "repay_divisor_year2";
        date_t rdue = date_add_months(ct->end, repay);
        char d[16];
        date_format(ct->end, d, sizeof d);
        if (!which) {
            sched_note(ct, "effective on %s, after two years of IPA practice: nothing to repay", d);
            sched_close(ct, l, &rdue, q_int(0), q_int(1), ST_NOT_ACHIEVED);
        } else {
            q_t div = cpar(ct, which);
            sched_note(ct, "effective on %s: the aid paid divided by the fraction's denominator",
                       d);
            sched_close(ct, l, &rdue, q_neg(q_frac(paid, 100)), q_div(q_int(1), div),
                        paid ? ST_ADJUSTMENT : ST_NOT_ACHIEVED);
        }
    }
    return e->failed ? -1 : 0;
}
