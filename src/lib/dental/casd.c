/* Contrat d'accès aux soins dentaires (Art. 21, Annexe 20, l. 18863-19062).  "le centre de santé
 * bénéficie d'une rémunération forfaitaire en année N+1 représentant un pourcentage de ses
 * honoraires sans dépassements réalisés sur les actes de soins conservateurs et chirurgicaux en
 * année N (... la période couvrant le 2ème semestre de l'année N et le 1er semestre de l'année
 * N+1)" (l. 18986-18990): 5 %, 5,5 %, 6 % by contract year, 6 % for a renewal in 2018/2019; paid
 * "au cours du deuxième semestre de l'année N+1" (l. 19053).  A declaration of year Y computes
 * the year N running from 1 July Y-1 to 30 June Y, paid in the second half of Y.  "Tous les
 * contrats quelle que soit leur date de souscription prennent fin au 30 juin 2019" (l. 19030). */
#include "dental.h"

#include <stdio.h>
#include <string.h>

bool casd_applies(eng_t *e) {
    for (size_t i = 0; i < e->decl->n; i++)
        if (e->decl->values[i].present && strncmp(schema_field(i)->path, "casd.", 5) == 0)
            return true;
    return false;
}

static void pct(q_t r, char *buf, size_t cap) {
    q_format_decimal(q_mul(r, q_int(100)), 2, buf, cap);
    for (char *p = buf; *p; p++)
        if (*p == '.') *p = ',';
}

int casd_compute(eng_t *e) {
    line_t *l = eng_line(e, "casd", "Art. 21, Annexe 20", "Contrat d'accès aux soins dentaires",
                         "casd", "forfait");
    date_t reg, end, term;
    in_date(e, "casd.registration_date", &reg);
    const char *end_text = par_text(e, "casd.end_date");
    if (e->failed) return -1;
    if (!end_text || !date_parse(end_text, &end)) {
        eng_fail(e, "casd.end_date", "Annexe 20 art. 6", "une date AAAA-MM-JJ",
                 "le paramètre casd.end_date n'est pas une date");
        return -1;
    }
    /* year N: 1 July Y-1 .. 30 June Y */
    date_t start = date_make(e->year - 1, 7, 1), stop = date_make(e->year, 6, 30);
    q_t total = in_num(e, "casd.fees_total"), po = in_num(e, "casd.fees_prosth_ortho");
    q_t over = in_num(e, "casd.overrun_prosth_ortho");
    q_t reimb = in_num(e, "casd.reimbursable_prosth_ortho");
    q_t base = in_num(e, "casd.fees_conservative_surgical"),
        initial = in_num(e, "casd.initial_rate");
    if (e->failed) return -1;
    char a[32], b[32];
    if (date_cmp(start, end) > 0) {
        l->status = ST_NOT_IN_GRID;
        eng_note(e,
                 "tous les contrats ont pris fin le 30/06/2019 (annexe 20 art. 6, l. 19030) : "
                 "aucune rémunération au titre de la période %d/%d",
                 e->year - 1, e->year);
    } else if (date_cmp(reg, stop) > 0) {
        l->status = ST_NOT_ACHIEVED;
        eng_note(e, "contrat enregistré après la période %d/%d", e->year - 1, e->year);
    } else {
        /* contract year k: the k-th period July-June since the one of the registration */
        int first = reg.m >= 7 ? reg.y : reg.y - 1;
        int k = (e->year - 1) - first + 1;
        q_t duration = par(e, "casd.duration_years");
        bool last_period = date_cmp(stop, end) == 0;
        const char *rate_id = k == 1   ? "casd.rate.year1"
                              : k == 2 ? "casd.rate.year2"
                                       : "casd.rate.year3";
        /* "les contrats arrivés à l'échéance des trois ans peuvent être prorogés jusqu'au 30 juin
         * 2019" (l. 19028); "un renouvellement du contrat initial ... sur la période du 1er juillet
         * 2018 au 30 juin 2019 ... 6%" (l. 19000-19004) */
        if (q_valid(duration) && k > q_floor_int(duration) && last_period)
            rate_id = "casd.rate.renewal_2018";
        const char *why = NULL;
        char whybuf[300];
        bool terminated =
            in_date_opt(e, "casd.termination_date", &term) && date_cmp(term, stop) <= 0;
        q_t months;
        if (q_valid(duration) && k > q_floor_int(duration) && !last_period)
            why = "contrat de 3 ans arrivé à son terme (annexe 20 art. 6, l. 19022-19024)";
        else if (terminated)
            why = "le centre a résilié le contrat : pas d'aide pour l'année de la résiliation "
                  "(annexe 20 art. 9)";
        else if (in_num_opt(e, "casd.new_centre_months", &months) && k == 1 &&
                 q_cmp(months, par(e, "casd.new_centre_min_months")) < 0)
            why = "nouveau centre sans exercice minimal de deux mois dans l'année d'adhésion "
                  "(annexe 20 art. 7, l. 19059-19063)";
        q_t share = q_div(po, total), limit = par(e, "casd.access_share");
        if (!why && (!q_valid(share) || q_cmp(share, limit) < 0)) {
            pct(q_valid(share) ? share : q_int(0), a, sizeof a);
            snprintf(whybuf, sizeof whybuf,
                     "honoraires prothétiques et orthodontiques à %s %% des honoraires totaux, "
                     "sous le seuil d'accès (annexe 20 art. 3, l. 18911-18913)",
                     a);
            why = whybuf;
        }
        q_t rate = q_div(over, reimb), cap = par(e, "casd.max_overrun_rate");
        if (!why && !q_valid(rate))
            why = "aucun honoraire remboursable prothétique ou orthodontique";
        if (!why && q_cmp(rate, cap) > 0) {
            pct(rate, a, sizeof a);
            snprintf(whybuf, sizeof whybuf,
                     "taux de dépassement moyen de %s %% au-dessus du plafond (annexe 20 art. 4, "
                     "l. 18949-18951)",
                     a);
            why = whybuf;
        }
        if (!why && q_cmp(rate, initial) > 0 && !in_flag(e, "casd.tolerance")) {
            pct(rate, a, sizeof a);
            pct(initial, b, sizeof b);
            snprintf(whybuf, sizeof whybuf,
                     "taux de dépassement moyen de %s %% supérieur au taux initial de %s %% sans "
                     "tolérance accordée (annexe 20 art. 4, l. 18947-18961)",
                     a, b);
            why = whybuf;
        }
        if (why) {
            l->status = ST_EXCLUDED;
            eng_note(e, "période %d/%d : %s", e->year - 1, e->year, why);
        } else {
            q_t r = par(e, rate_id);
            if (!q_valid(r)) return -1;
            l->fixed = base;
            l->points = q_mul(base, r);
            l->status = ST_ACHIEVED;
            pct(rate, a, sizeof a);
            pct(r, b, sizeof b);
            eng_note(e,
                     "période %d/%d, année %d du contrat : taux de dépassement %s %% tenu ; %s %% "
                     "des honoraires sans dépassement des soins conservateurs et chirurgicaux "
                     "(annexe 20 art. 5)",
                     e->year - 1, e->year, k, a, b);
        }
    }
    e->cur = NULL;
    eng_amounts(e);
    char label[160];
    snprintf(label, sizeof label,
             "CASD, période %d/%d (versé au second semestre %d, date non fixée par l'accord)",
             e->year - 1, e->year, e->year);
    eng_payment(e, label, "Annexe 20 art. 7", NULL, eng_payment_total(e, "casd"));
    return 0;
}
