/* Forfait patientèle médecin traitant (Art. 23.3, from 2018) and the forfaits of Annexe 24 it
 * replaced (RMT, RST, FMT, maintained until 31 December 2017).  Every amount is a euro amount per
 * patient: the lines' points are euros (unit value 1). */
#include "mt.h"

#include <stdio.h>
#include <string.h>

#define BLOC_FPMT "medecin_traitant"
#define BLOC_2017 "forfaits_mt_2017"

typedef struct {
    const char *id, *field, *param, *label;
} fpmt_category;

/* Art. 23.3 (l. 7155-7165) and slides 001 l. 295-300: exclusive categories by age and ALD at
 * the 31 December snapshot; children 0-6 in ALD are in the ALD category (001 l. 298). */
static const fpmt_category categories[] = {
    {"fpmt_enfant_0_6", "medecin_traitant.n_child_0_6_no_ald", "child_0_6_no_ald",
     "Enfant de 0 à 6 ans hors ALD"},
    {"fpmt_80_plus", "medecin_traitant.n_80_plus_no_ald", "age_80_plus_no_ald",
     "Patient de 80 ans et plus hors ALD"},
    {"fpmt_ald_moins_80", "medecin_traitant.n_under_80_ald", "under_80_ald",
     "Patient de moins de 80 ans en ALD"},
    {"fpmt_ald_80_plus", "medecin_traitant.n_80_plus_ald", "age_80_plus_ald",
     "Patient de 80 ans et plus en ALD"},
    {"fpmt_autres", "medecin_traitant.n_other_7_79_no_ald", "other",
     "Autres patients (7 à 79 ans hors ALD)"},
};

/* The amount per patient of a category under the readings of the text's contradictions. */
static q_t per_patient(eng_t *e, const char *cat) {
    if (strcmp(cat, "age_80_plus_ald") == 0 && reading_is(e, "fpmt_80_plus_ald", "as_80_plus")) {
        /* no line for them in the consolidated text: paid as "80 ans et plus" */
        eng_note(e, "aucune ligne du texte consolidé : payé comme un patient de 80 ans et plus");
        cat = "age_80_plus_no_ald";
    }
    bool revalued = strcmp(cat, "age_80_plus_no_ald") == 0 || strcmp(cat, "under_80_ald") == 0;
    const char *grid = "per_patient";
    if (revalued && reading_is(e, "fpmt_revaluation", "46_from_2018"))
        grid = "per_patient_46_from_2018";
    else if (revalued && reading_is(e, "fpmt_revaluation", "42_throughout"))
        grid = "per_patient_42_throughout";
    char id[128];
    snprintf(id, sizeof id, "fpmt.%s.%s", grid, cat);
    return par(e, id);
}

static int64_t cents_of(eng_t *e, const char *path) {
    q_t v;
    return in_num_opt(e, path, &v) ? q_floor_int(v) : -1;
}

static void fpmt_calendar(eng_t *e) {
    e->cur = NULL;
    eng_amounts(e);
    int64_t total = eng_payment_total(e, "fpmt");
    const char *paths[3] = {"medecin_traitant.advance_1_cents", "medecin_traitant.advance_2_cents",
                            "medecin_traitant.advance_3_cents"};
    int64_t paid[3], sum = 0;
    bool any = false;
    for (int k = 0; k < 3; k++) {
        paid[k] = cents_of(e, paths[k]);
        if (paid[k] >= 0) {
            any = true;
            sum += paid[k];
        }
    }
    char label[160];
    if (reading_is(e, "fpmt_calendar", "slides")) {
        /* slides 001 l. 287-288: "3 acomptes (juin/septembre/novembre)", "Solde en mars" */
        for (int k = 0; k < 3; k++) {
            if (paid[k] < 0) continue;
            char id[64];
            snprintf(id, sizeof id, "fpmt.calendar.advance_%d.month", k + 1);
            int month = mt_par_int(e, id);
            if (month < 1) return;
            date_t due = date_make(e->year, month, date_days_in_month(e->year, month));
            snprintf(label, sizeof label, "FPMT %d : acompte %d (déclaré)", e->year, k + 1);
            eng_payment(e, label, "Art. 23.3, slides 001", &due, paid[k]);
            eng_payment_kind(e, "acompte");
        }
        int month = mt_par_int(e, "fpmt.calendar.balance.month");
        if (month < 1) return;
        date_t due = date_make(e->year + 1, month, date_days_in_month(e->year + 1, month));
        snprintf(label, sizeof label, "FPMT %d : solde%s", e->year,
                 any ? "" : " (aucun acompte déclaré)");
        eng_payment(e, label, "Art. 23.3, slides 001", &due, total - sum);
        eng_payment_kind(e, "solde");
    } else {
        /* Art. 23.3 l. 7200-7204: partial payment during the 1st semester, regularisation
         * during the 1st semester of the next year */
        int m = mt_par_int(e, "fpmt.calendar.semester_end.month");
        if (m < 1) return;
        if (any) {
            date_t due = date_make(e->year, m, date_days_in_month(e->year, m));
            snprintf(label, sizeof label, "FPMT %d : versement partiel (déclaré)", e->year);
            eng_payment(e, label, "Art. 23.3", &due, sum);
            eng_payment_kind(e, "acompte");
        }
        date_t due = date_make(e->year + 1, m, date_days_in_month(e->year + 1, m));
        snprintf(label, sizeof label, "FPMT %d : régularisation", e->year);
        eng_payment(e, label, "Art. 23.3", &due, total - sum);
        eng_payment_kind(e, "solde");
    }
    if (!any)
        eng_result_note(e, "FPMT : aucun acompte déclaré (medecin_traitant.advance_N_cents) ; le "
                           "texte n'en fixe pas le montant, le calendrier porte tout le forfait au "
                           "solde");
    if (total - sum < 0)
        eng_result_note(e, "FPMT : les acomptes dépassent le forfait ; le solde négatif est à "
                           "récupérer (régularisation, Art. 23.3)");
}

int fpmt_compute(eng_t *e) {
    /* Art. 23.3: "créé à compter du 1er janvier 2018", one amount per patient of the centre's
     * médecin-traitant patientèle counted at 31 December, by age and ALD */
    q_t base = q_int(0), patients = q_int(0);
    for (size_t i = 0; i < sizeof categories / sizeof *categories; i++) {
        const fpmt_category *c = &categories[i];
        line_t *l = eng_line(e, c->id, "Art. 23.3", c->label, BLOC_FPMT, "forfait");
        q_t n = in_num(e, c->field);
        q_t amount = per_patient(e, c->param);
        if (!q_valid(n) || !q_valid(amount)) continue;
        l->fixed = amount; /* euros per patient */
        l->points = q_mul(n, amount);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        if (q_is_zero(n)) eng_note(e, "aucun patient dans cette catégorie");
        base = q_add(base, l->points);
        patients = q_add(patients, n);
    }
    /* Art. 23.3 l. 7168-7180: majoration of the amount by half the excess of the centre's CSS
     * rate over the national 7 %, at most 25 % */
    line_t *l = eng_line(e, "fpmt_majoration_css", "Art. 23.3", "Majoration CSS (précarité)",
                         BLOC_FPMT, "majoration");
    l->status = ST_ADJUSTMENT;
    q_t css = in_num(e, "medecin_traitant.n_css");
    if (!q_valid(css) || !q_valid(base) || e->failed) return e->failed ? -1 : 0;
    if (q_cmp(css, patients) > 0) {
        eng_fail(e, "medecin_traitant.n_css", "Art. 23.3",
                 "au plus les patients médecin traitant des cinq catégories",
                 "medecin_traitant.n_css : plus de bénéficiaires de la CSS que de patients "
                 "médecin traitant");
        return -1;
    }
    if (q_is_zero(patients)) {
        /* the acomptes paid during the year are still regularised (Art. 23.3, l. 7200-7204:
         * « La régularisation du paiement dû au titre de ce forfait est versée au cours du 1er
         * semestre de l'année suivante »): the solde is the forfait, nil, minus the acomptes */
        eng_note(e, "aucun patient médecin traitant : pas de majoration");
        fpmt_calendar(e);
        return e->failed ? -1 : 0;
    }
    q_t rate = q_div(css, patients);
    q_t national = par(e, "fpmt.css.national_share");
    q_t share = par(e, "fpmt.css.majoration_share");
    q_t cap = par(e, "fpmt.css.cap");
    mt_record(e, "derived.taux_css", rate);
    mt_record(e, "derived.base_eur", base);
    q_t m = q_int(0);
    if (q_cmp(rate, national) > 0) { /* "si le taux est supérieur à la part ... de 7%" */
        m = q_mul(q_sub(rate, national), share);
        if (q_cmp(m, cap) > 0) {
            eng_note(e, "majoration plafonnée au maximum (Art. 23.3)");
            m = cap;
        }
    } else {
        eng_note(e, "taux de CSS non supérieur à la part nationale : pas de majoration");
    }
    mt_record(e, "derived.majoration_rate", m);
    l->fixed = m;
    l->points = q_mul(base, m);
    fpmt_calendar(e);
    return e->failed ? -1 : 0;
}

/* ---- Annexe 24: forfaits RMT, RST, FMT (until 31 December 2017) ---- */

/* The RMT of quarter q, due on `due`, and the advance of a payment incident: « Dans le cas où la
 * caisse n'est pas en mesure d'assurer le paiement des forfaits à la date prévue et sauf cas de
 * force majeure, le centre de santé peut demander le versement d'une avance dont le montant est
 * calculé sur la base de 80% du montant versé pour la même période l'année précédente. Cette
 * avance est versée dans les 15 jours qui suivent la demande. » (Annexe 24, l. 20229-20237).  The
 * forfait itself is then paid at the settlement date the caisse announced, less the advance. */
static int rmt_incident(eng_t *e, int q, date_t due, int64_t cents) {
    char path[96], label[160];
    snprintf(path, sizeof path, "forfaits_mt_2017.incident_q%d.request_date", q);
    date_t request;
    if (!in_date_opt(e, path, &request)) {
        snprintf(label, sizeof label, "Forfait RMT %d, trimestre %d", e->year, q);
        eng_payment(e, label, "Annexe 24", &due, cents);
        return 0;
    }
    snprintf(path, sizeof path, "forfaits_mt_2017.incident_q%d.previous_year_cents", q);
    q_t previous = in_num(e, path);
    q_t share = par(e, "mt2017.rmt.incident_advance_share");
    int delay = mt_par_int(e, "mt2017.rmt.incident_advance_delay_days");
    if (!q_valid(previous) || !q_valid(share) || delay < 0) return -1;
    int64_t advance = q_round_cents(q_mul(share, q_div(previous, q_int(100))));
    date_t paid_on = date_add_days(request, delay);
    snprintf(label, sizeof label,
             "Forfait RMT %d, trimestre %d : avance sur incident de paiement (demandée le "
             "%02d/%02d/%04d)",
             e->year, q, request.d, request.m, request.y);
    eng_payment(e, label, "Annexe 24", &paid_on, advance);
    eng_payment_kind(e, "advance");
    snprintf(path, sizeof path, "forfaits_mt_2017.incident_q%d.settlement_date", q);
    date_t settled;
    bool known = in_date_opt(e, path, &settled);
    snprintf(label, sizeof label,
             "Forfait RMT %d, trimestre %d : règlement après incident, avance "
             "déduite%s",
             e->year, q, known ? "" : " (date de règlement prévisionnelle non déclarée)");
    eng_payment(e, label, "Annexe 24", known ? &settled : NULL, cents - advance);
    eng_payment_kind(e, "balance");
    if (cents - advance < 0)
        eng_result_note(e,
                        "Forfait RMT, trimestre %d : l'avance dépasse le forfait dû ; le "
                        "règlement négatif est à récupérer",
                        q);
    return 0;
}

int mt2017_compute(eng_t *e) {
    char id[32], label[96], path[64];
    q_t rmt = par(e, "mt2017.rmt.per_patient");
    int delay = mt_par_int(e, "mt2017.rmt.payment_delay_days");
    if (e->failed || delay < 0) return -1;
    /* RMT, 40 € per ALD patient and year, paid "à trimestre à échoir" for the patients whose
     * ALD anniversary falls in the quarter, "dans les 45 jours qui suivent la fin du trimestre" */
    for (int q = 1; q <= 4; q++) {
        snprintf(id, sizeof id, "forfait_rmt_t%d", q);
        snprintf(label, sizeof label, "Forfait RMT, patients en ALD, trimestre %d", q);
        line_t *l = eng_line(e, id, "Annexe 24", label, BLOC_2017, "forfait");
        snprintf(path, sizeof path, "forfaits_mt_2017.n_rmt_q%d", q);
        q_t n = in_num(e, path);
        par(e, "mt2017.rmt.per_patient");
        if (!q_valid(n)) continue;
        l->fixed = rmt;
        l->points = q_mul(n, rmt);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    }
    line_t *l = eng_line(e, "forfait_rst", "Annexe 24", "Forfait RST, patients sortis d'ALD",
                         BLOC_2017, "forfait");
    q_t rst = par(e, "mt2017.rst.per_patient"), n = in_num(e, "forfaits_mt_2017.n_rst");
    if (q_valid(n) && q_valid(rst)) {
        l->fixed = rst;
        l->points = q_mul(n, rst);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    }
    /* FMT, 5 € per patient not exonerated from the ticket modérateur; in the first year of a
     * newly created centre, for every patient who chose it as médecin traitant */
    l = eng_line(e, "forfait_fmt", "Annexe 24", "Forfait médecin traitant (FMT)", BLOC_2017,
                 "forfait");
    q_t fmt = par(e, "mt2017.fmt.per_patient");
    bool first = in_flag(e, "forfaits_mt_2017.new_centre_first_year");
    n = first ? in_num(e, "forfaits_mt_2017.n_mt_total") : in_num(e, "forfaits_mt_2017.n_fmt");
    if (first)
        eng_note(e, "centre nouvellement créé, première année : tous les patients médecin "
                    "traitant comptent");
    if (q_valid(n) && q_valid(fmt)) {
        l->fixed = fmt;
        l->points = q_mul(n, fmt);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    }
    if (e->failed) return -1;
    e->cur = NULL;
    eng_amounts(e);
    for (int q = 1; q <= 4; q++) {
        snprintf(id, sizeof id, "forfait_rmt_t%d", q);
        int64_t cents = 0;
        for (size_t i = 0; i < e->res->nlines; i++)
            if (strcmp(e->res->lines[i].id, id) == 0) cents = e->res->lines[i].amount_cents;
        date_t due =
            date_add_days(date_make(e->year, 3 * q, date_days_in_month(e->year, 3 * q)), delay);
        if (rmt_incident(e, q, due, cents) != 0) return -1;
    }
    int64_t rst_cents = 0, fmt_cents = 0;
    for (size_t i = 0; i < e->res->nlines; i++) {
        if (strcmp(e->res->lines[i].id, "forfait_rst") == 0)
            rst_cents = e->res->lines[i].amount_cents;
        if (strcmp(e->res->lines[i].id, "forfait_fmt") == 0)
            fmt_cents = e->res->lines[i].amount_cents;
    }
    /* "versée une fois par an": the text sets no date */
    snprintf(label, sizeof label, "Forfait RST %d (annuel, date non fixée par le texte)", e->year);
    eng_payment(e, label, "Annexe 24", NULL, rst_cents);
    snprintf(label, sizeof label, "Forfait FMT %d (annuel, date non fixée par le texte)", e->year);
    eng_payment(e, label, "Annexe 24", NULL, fmt_cents);
    return 0;
}
