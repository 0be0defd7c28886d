/* Yearly aids computed at the end of each calendar year, prorated on the days the contract
 * covers, and paid in the second quarter of the following year:
 *   cosco_med           Art. 19.2, Annexe 10 ter (stabilisation et coordination)
 *   cstm_med            Art. 19.3, Annexe 10 quater (solidarité territoriale)
 *   camcdsd             Art. 19.6.1, Annexe 17 ter (maintien, dentaire)
 *   camcdsd_2023        Art. 19.6.2, Annexe 17 quinquies
 *   cam_inf             Art. 19.8, Annexe 13 ter (maintien, infirmier)
 *   incitatif_med_2015  Art. 19.4, Annexe 8 (transitional)
 *   incitatif_inf_2015  Art. 19.9, Annexe 11 (transitional)
 *   incitatif_dent_2015 Art. 19.9, Annexe 14 (transitional) */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

static bool is(const char *a, const char *b) {
    return strcmp(a, b) == 0;
}

static const char *article_of(const char *type) {
    if (is(type, "cosco_med")) return "Art. 19.2.4";
    if (is(type, "cstm_med")) return "Art. 19.3.4";
    if (is(type, "camcdsd")) return "Art. 19.6.1.4";
    if (is(type, "camcdsd_2023")) return "Art. 19.6.2.4";
    if (is(type, "cam_inf")) return "Art. 19.8.4";
    if (is(type, "incitatif_med_2015")) return "Art. 19.4, Annexe 8";
    if (is(type, "incitatif_inf_2015")) return "Art. 19.9, Annexe 11";
    return "Art. 19.9, Annexe 14";
}

static const ancre_decl *fees_of(contract_t *ct, int year, size_t *index) {
    ancre_decl *const *items;
    size_t n = c_items(ct->c, "fees", &items);
    for (size_t k = 0; k < n; k++)
        if (q_floor_int(item_get(items[k], "year")->num) == year) {
            *index = k;
            return items[k];
        }
    return NULL;
}

static q_t fee_amount(contract_t *ct, const ancre_decl *f, size_t k, const char *what) {
    char path[128], val[64];
    snprintf(path, sizeof path, "%s.fees[%zu].%s", ct->base, k, what);
    const decl_value *v = item_get(f, what);
    if (!v) return q_int(0);
    q_format_decimal(v->num, 6, val, sizeof val);
    eng_input(ct->e, path, val);
    return v->num;
}

int contracts_annual(contract_t *ct) {
    eng_t *e = ct->e;
    const char *art = article_of(ct->type);
    char b1[64], b2[64];
    bool dent2015 = is(ct->type, "incitatif_dent_2015");
    const decl_value *opt = decl_get(ct->c, "option");
    if (dent2015 && opt && is(opt->s, "1")) {
        /* option 1: « 15 000 €, versés à compter de la signature du contrat et couvrant la
         * participation … sur la période de 5 ans » (Annexe 14, l. 17366) */
        line_t *l =
            sched_open(ct, "equipment", "Aide à l'équipement (option 1)", art, "instalment");
        c_text(ct, "option");
        q_t amount = cpar(ct, "option1_amount");
        if (ct->terminated)
            sched_note(ct, "résilié : la caisse peut demander les sommes indûment perçues (Annexe "
                           "14) ; le texte n'en fixe aucun montant");
        sched_close(ct, l, &ct->sign, amount, q_int(1), ST_ACHIEVED);
        return e->failed ? -1 : 0;
    }
    /* commitments assessed « à compter du premier jour du mois suivant la date d'adhésion »
     * (Annexe 13 ter l. 17128, Annexe 11 l. 16454, Annexe 14 l. 17459) */
    date_t start = ct->sign;
    bool from_next_month =
        is(ct->type, "cam_inf") || is(ct->type, "incitatif_inf_2015") || dent2015;
    /* « En cas d'adhésion au cours d'une année civile »: an adhesion on 1 January is not made
     * during a civil year but at its start, and the whole year is assessed */
    if (from_next_month && !(ct->sign.m == 1 && ct->sign.d == 1)) {
        start = date_add_months(date_make(ct->sign.y, ct->sign.m, 1), 1);
    }
    /* no aid for the year the contract is terminated: Annexe 17 quinquies (l. 18701), Annexes
     * 8, 11 and 14 (l. 14913, 16483, 17491) */
    bool none_in_termination_year = is(ct->type, "camcdsd_2023") ||
                                    is(ct->type, "incitatif_med_2015") ||
                                    is(ct->type, "incitatif_inf_2015") || dent2015;
    int quarter = par_int_at(e, "contracts.annual_payment_quarter", ct->sign, 1, 4);
    if (quarter < 0) return -1;
    date_t last = date_add_days(ct->end, -1);
    for (int y = start.y; y <= last.y; y++) {
        date_t a = date_make(y, 1, 1), b = date_make(y + 1, 1, 1);
        if (date_cmp(a, start) < 0) a = start;
        if (date_cmp(b, ct->end) > 0) b = ct->end;
        if (date_cmp(a, b) >= 0) continue;
        long covered = (date_days(b) - date_days(a)), diy = date_days_in_year(y);
        char suffix[32], label[160];
        snprintf(suffix, sizeof suffix, "year_%d", y);
        snprintf(label, sizeof label, "Aide au titre de l'année %d", y);
        line_t *l = sched_open(ct, suffix, label, art, "instalment");
        date_t due = quarter_end(y + 1, quarter);
        /* « l'aide prévue pour l'année au cours de laquelle il résilie le contrat » (Annexe 17
         * quinquies l. 18701-18703, 18727-18729): the calendar year of the date of effect; a
         * termination effective on 1 January leaves the previous year whole */
        bool termination_year = ct->terminated && y == ct->end.y;
        if (termination_year) termination_input(ct);
        if (covered < diy)
            sched_note(ct,
                       "%ld jours sur %ld couverts (à partir du %02d/%02d/%04d, prorata temporis)",
                       covered, diy, a.d, a.m, a.y);
        if (termination_year && none_in_termination_year) {
            sched_note(ct,
                       "%s : pas d'aide pour l'année au cours de laquelle le contrat est résilié",
                       ct->term_kind);
            sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_ACHIEVED);
            continue;
        }
        q_t days_year = q_int(diy);
        q_t base = q_int(0), factor = uplift_factor(ct);
        line_status st = ST_ACHIEVED;
        size_t fk = 0;
        const ancre_decl *fees = NULL;
        if (is(ct->type, "cosco_med")) {
            /* 5 000 €/an/ETP de médecin; new post of any other profession in an under-served
             * zone for it; 3 000 € for a MK, SF or orthophoniste replacing one (Art. 19.2.4);
             * ETP averaged over the days covered, a new doctor post counted once */
            q_t doc = etp_days(ct, a, b, P_GP | P_DOCTOR, POST_ANY, false);
            q_t np = etp_days(ct, a, b, ~(unsigned)(P_GP | P_DOCTOR), POST_NEW, true);
            q_t rp = etp_days(ct, a, b, P_SF | P_MK | P_ORTHO, POST_REPLACEMENT, true);
            q_t rate_np = reading_is(e, "cosco_new_post", "article")
                              ? cpar(ct, "new_post_per_etp")
                              : cpar(ct, "new_post_per_etp_annex");
            base = q_add(q_mul(cpar(ct, "doctor_per_etp"), doc),
                         q_add(q_mul(rate_np, np), q_mul(cpar(ct, "replacement_per_etp"), rp)));
            base = q_div(base, days_year);
            q_format_decimal(q_div(doc, days_year), 4, b1, sizeof b1);
            sched_note(ct, "ETP de médecin × part de l'année = %s", b1);
        } else if (is(ct->type, "camcdsd") || is(ct->type, "camcdsd_2023") ||
                   is(ct->type, "cam_inf")) {
            unsigned prof = is(ct->type, "cam_inf") ? P_NURSE : P_DENTIST;
            q_t ed = etp_days(ct, a, b, prof, POST_ANY, false);
            base = q_div(q_mul(cpar(ct, "per_etp"), ed), days_year);
            q_format_decimal(q_div(ed, days_year), 4, b1, sizeof b1);
            sched_note(ct, "ETP × part de l'année = %s", b1);
        } else if (is(ct->type, "cstm_med")) {
            /* 25 % of the fees billed under the specific AM number, majoration ARS included,
             * within 50 000 € per ETP made available, the cap prorated on the days covered
             */
            fees = fees_of(ct, y, &fk);
            if (!fees) {
                sched_note(ct, "honoraires de %d sous le numéro AM spécifique non déclarés", y);
                sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_DECLARED);
                continue;
            }
            q_t amount = fee_amount(ct, fees, fk, "amount");
            q_t etp = fee_amount(ct, fees, fk, "etp");
            const decl_value *days = item_get(fees, "days");
            if (days) {
                fee_amount(ct, fees, fk, "days");
                if (q_cmp(days->num, par_at(e, "contracts.cstm_med.min_days", ct->sign)) < 0) {
                    sched_note(ct, "moins de jours que le minimum dans le centre d'accueil : "
                                   "engagement non tenu (Art. 19.3.2)");
                    sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_ACHIEVED);
                    continue;
                }
            }
            q_t share = q_mul(q_mul(cpar(ct, "fee_rate"), amount), uplift_factor(ct));
            q_t cap = q_div(q_mul(q_mul(cpar(ct, "cap_per_etp"), etp), q_int(covered)), days_year);
            base = q_min(share, cap);
            factor = q_int(1);
            q_format_decimal(share, 2, b1, sizeof b1);
            q_format_decimal(cap, 2, b2, sizeof b2);
            sched_note(ct, "min(part des honoraires × majoration = %s €, plafond %s €)%s", b1, b2,
                       q_cmp(share, cap) > 0 ? " : plafonné" : "");
            sched_note(
                ct, "les frais de déplacement sont remboursés en plus (Art. 19.3.4), non calculés");
        } else if (is(ct->type, "incitatif_med_2015") || is(ct->type, "incitatif_inf_2015")) {
            bool med = is(ct->type, "incitatif_med_2015");
            q_t ed = etp_days(ct, a, b, med ? (unsigned)(P_GP | P_DOCTOR) : (unsigned)P_NURSE,
                              POST_ANY, false);
            q_t invest = q_div(
                q_mul(cpar(ct, med ? "investment_per_etp" : "equipment_per_etp"), ed), days_year);
            fees = fees_of(ct, y, &fk);
            q_t activity = q_int(0);
            if (fees) {
                activity = q_mul(cpar(ct, "activity_rate"), fee_amount(ct, fees, fk, "amount"));
                if (med) {
                    q_t cap = q_div(q_mul(cpar(ct, "activity_cap_per_etp"), ed), days_year);
                    if (q_cmp(activity, cap) > 0) sched_note(ct, "aide à l'activité plafonnée");
                    activity = q_min(activity, cap);
                }
            } else {
                sched_note(ct, "honoraires de %d non déclarés : aide à l'activité non calculée", y);
            }
            base = q_add(invest, activity);
            factor = q_int(1);
        } else { /* incitatif_dent_2015 option 2 */
            fees = fees_of(ct, y, &fk);
            if (!fees) {
                sched_note(ct, "honoraires de %d non déclarés", y);
                sched_close(ct, l, &due, q_int(0), q_int(1), ST_NOT_DECLARED);
                continue;
            }
            c_text(ct, "option");
            base = q_mul(cpar(ct, "option2_rate"), fee_amount(ct, fees, fk, "amount"));
            factor = q_int(1);
        }
        if (termination_year)
            sched_note(ct,
                       "%s : montant de l'année proratisé sur la durée effective du contrat ; pas "
                       "de récupération des années déjà payées",
                       ct->term_kind);
        sched_close(ct, l, &due, base, factor, st);
    }
    zone_change_notes(ct, "Art. 19 (annexes, art. 5)");
    return e->failed ? -1 : 0;
}
