/* Rémunération forfaitaire spécifique of centres de santé dentaires.
 *
 * Accord national des centres de santé, Articles 4 to 18, Annexes 1 and 1 bis; the line ids
 * (cd_*) are those of params/30_rsf_dental.json.  Order: context (dental patientèle, Art. 13.2),
 * indicators, gate (Art. 12, 14) and non-cumul (Art. 11), minorations
 * of the opening hours (Art. 15.5), precarity majoration capped at 25 % (Art. 15.6.4),
 * prorata, euros, advance and balance (Art. 18).  Every number comes from
 * params/30_rsf_dental.json and the shared rsf.* parameters. */
#include "rsf.h"

#include <stdio.h>
#include <string.h>

#define PFX "rsf_cd"
#define open_line(e, id, article, label, bloc, grid)                                               \
    rsf_open_line(e, PFX, id, article, label, bloc, grid)
#define P(e, id, suffix) rsf_par(e, PFX, id, suffix)

static const rsf_precarity_spec precarity = {"patients.n_patients_dental", "patients.n_css_dental",
                                             "patients.n_ame_dental",
                                             PFX ".majoration_precarite.max_rate"};
static const rsf_national_rates national = {"national.taux_css.dentaire",
                                            "national.taux_ame.dentaire"};

typedef struct {
    q_t amplitude, saturday, holidays; /* minorations of Art. 15.5, in points */
} minorations;

/* ---- bloc commun principal ------------------------------------------------------------- */

static void acces(eng_t *e, minorations *m) {
    /* Art. 8.1.3: open 8 h - 20 h on weekdays and Saturday morning, school holidays included,
     * unscheduled care every working day; Art. 8.1.4 the charter; Art. 15.5: "des amplitudes
     * d'ouverture moindres sont également considérées comme répondant à l'objectif" with
     * minorations */
    const char *id = "cd_acces_soins";
    m->amplitude = m->saturday = m->holidays = qi(0);
    line_t *l = open_line(e, id, "Art. 8.1.3, 8.1.4, 15.5", "Accessibilité du centre dentaire", BCP,
                          "fixed");
    if (!l || !rsf_declared(e, l, id)) return;
    if (!in_flag(e, "indicators.cd_acces_soins.orientation_info") ||
        !in_flag(e, "indicators.cd_acces_soins.snp_every_working_day") ||
        !in_flag(e, "indicators.cd_acces_soins.charter_displayed") ||
        !in_flag(e, "indicators.cd_acces_soins.charter_sent_cpam")) {
        eng_note(e, "l'information sur l'orientation, les soins non programmés chaque jour ouvré "
                    "et la charte sont tous exigés (Art. 8.1.3, 8.1.4)");
        return;
    }
    q_t amp = in_num(e, "indicators.cd_acces_soins.weekday_amplitude_hours");
    bool saturday = in_flag(e, "indicators.cd_acces_soins.saturday_morning_open");
    q_t weeks = in_num(e, "indicators.cd_acces_soins.holiday_closure_weeks");
    bool ars = in_flag(e, "indicators.cd_acces_soins.ars_pdsa_derogation");
    /* Art. 8.1.3 (L621-L623): "toute la période de 8 h à 20 h en semaine, le samedi matin y
     * compris pendant les congés scolaires, sauf organisation régionale spécifique ... prévue
     * par dérogation de l'agence régionale de santé": the derogation follows the whole phrase,
     * Saturday morning and school holidays included (reading ars_derogation_scope) */
    bool ars_whole = ars && (!saturday || !q_is_zero(weeks)) &&
                     reading_is(e, "ars_derogation_scope", "whole_phrase");
    if (!ars) {
        /* Art. 15.5 (L3002-L3008): tolerated 10 h to less than 12 h (-30), 8 h to less than
         * 10 h (-70); below 8 h the tolerated list stops: not met */
        if (q_cmp(amp, par(e, "rsf_cd.acces.min_weekday_amplitude_hours")) < 0) {
            eng_note(e, "amplitude en semaine sous le minimum toléré (Art. 15.5)");
            return;
        }
        if (q_cmp(amp, par(e, "rsf_cd.acces.full_weekday_amplitude_hours")) < 0)
            m->amplitude = q_cmp(amp, par(e, "rsf_cd.acces.band_weekday_amplitude_hours")) >= 0
                               ? par(e, "rsf_cd.minoration.amplitude_10_12h")
                               : par(e, "rsf_cd.minoration.amplitude_8_10h");
    } else {
        eng_note(e, "horaires fixés par l'organisation régionale de la permanence des soins "
                    "(Art. 8.1.3)");
    }
    if (!saturday && !ars_whole) m->saturday = par(e, "rsf_cd.minoration.saturday_closed");
    if (!q_is_zero(weeks) && !ars_whole) {
        /* "la fermeture au maximum pendant trois semaines pendant les congés scolaires dans
         * l'année ; une minoration de 20 points" */
        if (q_cmp(weeks, par(e, "rsf_cd.minoration.holiday_closure_max_weeks")) > 0) {
            eng_note(e,
                     "fermé plus de semaines pendant les congés scolaires que toléré (Art. 15.5)");
            return;
        }
        m->holidays = par(e, "rsf_cd.minoration.holiday_closure");
        if (reading_is(e, "cd_holiday_minoration", "per_week"))
            m->holidays = q_mul(m->holidays, weeks);
    }
    if (!rsf_combine_access_minorations(e, &m->amplitude, &m->saturday, &m->holidays)) return;
    rsf_award(l, P(e, id, "fixed"), qi(0));
}

static void mission(eng_t *e, q_t r) {
    /* Art. 8.2.4: one mission at most; 200 points, variable (Art. 15.3) or fixed (reading
     * cd_mission_points) */
    const char *id = "cd_mission_sante_publique";
    line_t *l = open_line(e, id, "Art. 8.2.4", "Mission de santé publique dentaire", BCP, "points");
    if (!l || !rsf_declared(e, l, id) ||
        !in_flag(e, "indicators.cd_mission_sante_publique.achieved"))
        return;
    q_t v = P(e, id, "points");
    if (reading_is(e, "cd_mission_points", "fixed")) {
        rsf_award(l, v, qi(0));
        return;
    }
    rsf_record_q(e, "derived.patientele_ratio", r);
    rsf_award(l, qi(0), q_mul(v, r));
}

static void team(eng_t *e) {
    const char *id = "cd_concertation";
    line_t *l =
        open_line(e, id, "Art. 8.3.1.4", "Concertation entre chirurgiens-dentistes", BCP, "fixed");
    if (l && rsf_declared(e, l, id)) {
        /* "Au moins trois réunions par an", "en présence du coordonnateur" */
        if (q_cmp(in_num(e, "indicators.cd_concertation.n_meetings"),
                  rsf_yearly_count(e, P(e, id, "min_meetings"))) < 0)
            eng_note(e, "moins de réunions que demandé (Art. 8.3.1.4)");
        else if (in_flag(e, "indicators.cd_concertation.coordinator_present"))
            rsf_award(l, P(e, id, "fixed"), qi(0));
        else
            eng_note(e, "le coordonnateur doit être présent (Art. 8.3.1.4)");
    }
    const char *ids[2] = {"cd_formation_stage", "cd_formation_stage_supp"};
    const char *labels[2] = {"Formation des jeunes professionnels (1 stage)",
                             "Formation : 1 stage supplémentaire"};
    for (int k = 0; k < 2; k++) {
        l = open_line(e, ids[k], "Art. 8.3.2", labels[k], BCP, "fixed");
        if (l && k == 0) {
            /* "au moins un stage par an" (Art. 8.3.2), from the parameter */
            char n[32];
            q_t min = P(e, ids[0], "min_stages");
            rsf_fmt_num(min, 0, n, sizeof n);
            rsf_label(l, "Formation des jeunes professionnels (%s stage%s)", n,
                      q_cmp(min, qi(1)) > 0 ? "s" : "");
        }
        if (!l || !rsf_declared(e, l, "cd_formation")) continue;
        if (q_cmp(in_num(e, "indicators.cd_formation.n_stages"),
                  rsf_formation_threshold(e, PFX, ids[0], ids[k])) >= 0)
            rsf_award(l, P(e, ids[k], "fixed"), qi(0));
    }
    /* Art. 8.3.3.4: "les contrats doivent prévoir a minima 3 interventions dans l'année de
     * chirurgiens-dentistes salariés en dehors de la structure": fixed points, the count prorated
     * like every yearly count (Art. 13) */
    id = "cd_coordination_externe";
    l = open_line(e, id, "Art. 8.3.3.4", "Coordination externe contractualisée", BCP, "fixed");
    if (l && rsf_declared(e, l, id) &&
        in_flag(e, "indicators.cd_coordination_externe.contract_signed")) {
        if (q_cmp(in_num(e, "indicators.cd_coordination_externe.n_interventions"),
                  rsf_yearly_count(e, P(e, id, "min_interventions"))) >= 0)
            rsf_award(l, P(e, id, "fixed"), qi(0));
        else
            eng_note(
                e,
                "il faut au moins le nombre d'interventions demandé hors du centre (Art. 8.3.3.4)");
    }
    rsf_simple_fixed(e, PFX, "cd_fonction_coordination", "Art. 8.3.4.3", "Fonction de coordination",
                     BCP);
}

static void information_system(eng_t *e, q_t prorata) {
    /* Art. 8.4.3; Annexe 1: 250 + 200 per dentist up to 6 and 150 beyond, counted in ETP
     * (Art. 13.2) */
    const char *id = "cd_si";
    line_t *l = open_line(e, id, "Art. 8.4, 8.4.3", "Système d'information", BCP, "fixed");
    if (!l || !rsf_declared(e, l, id) || !in_flag(e, "indicators.cd_si.compliant")) return;
    q_t etp = in_num(e, "staff.etp_dentistes");
    rsf_award(l, P(e, id, "fixed"),
              rsf_tiers(etp, P(e, id, "etp_threshold"), P(e, id, "per_etp_low"),
                        P(e, id, "per_etp_high")));
    rsf_acquisition_prorata(e, l, "indicators.cd_si.acquisition_date", prorata);
}

static void teletransmission(eng_t *e) {
    /* Art. 9.1.4, 16.3: 120 points "calculés sur une moyenne de 3 ETP chirurgiens-dentistes";
     * SCOR is not open to dental centres (Art. 9.1.4) */
    rsf_teletransmission(e, PFX, "cd_teletransmission", "Art. 9.1.4, 16.3", "staff.etp_dentistes",
                         NULL);
}

int rsf_dental_compute(eng_t *e) {
    ancre_result *r = e->res;
    e->cur = NULL;
    par_text(e, PFX ".grid"); /* the grid must be in force in the year: an error otherwise */
    r->point_value = par(e, "rsf.point_value");
    e->unit_value = r->point_value;
    date_t adhesion;
    if (!in_date(e, "centre.adhesion_date", &adhesion)) return -1;
    q_t prorata = rsf_prorata(e, adhesion);
    r->prorata = prorata;
    /* Art. 13.2: variable points on a dental patientèle of reference of 2 600 patients, with
     * no ALD majoration */
    q_t patientele = in_num(e, "patients.n_patients_dental");
    q_t ratio = q_div(patientele, par(e, "rsf.dental_patientele.reference"));
    if (e->failed) return -1;
    char buf[32];
    rsf_fmt_num(patientele, 2, buf, sizeof buf);
    eng_result_note(e, "patientèle dentaire : %s patients (Art. 13.2)", buf);
    bool new_centre = rsf_new_centre_derogation(e, adhesion);

    minorations m;
    acces(e, &m);
    rsf_crisis(e, PFX, "cd_crise_plan", "cd_crise_actions", ratio);
    mission(e, ratio);
    team(e);
    information_system(e, prorata);

    rsf_quality_levels(e, PFX, "cd", in_num(e, "staff.etp_dentistes"));
    rsf_vulnerable_levels(e, PFX, "cd", &precarity, &national, NULL, "cd_mediateur", "Art. 9.1.2");
    rsf_user_levels(e, PFX, "cd", ratio);
    teletransmission(e);
    if (e->failed) return -1;

    /* Art. 12 (L2664-L2667); under reading socle_gate=all_socle also the dental concertation,
     * the other socle indicator (Art. 5) */
    const char *prereqs[5] = {"cd_acces_soins", "cd_crise_plan", "cd_fonction_coordination",
                              "cd_si", NULL};
    if (reading_is(e, "socle_gate", "all_socle")) prereqs[4] = "cd_concertation";
    rsf_gate_spec gate = {prereqs, 5, 4, new_centre, false, "cd_si"};
    rsf_gate(e, &gate);
    if (r->triggered) {
        /* Art. 15.5: minorations of the accessibility points, before the majoration of
         * Art. 15.6 that applies "sur le total des indicateurs du bloc commun principal" */
        rsf_minoration_line(e, "minoration_amplitude", "Art. 15.5",
                            "Minoration : amplitude d'ouverture réduite en semaine", m.amplitude,
                            "cd_acces_soins");
        rsf_minoration_line(e, "minoration_samedi", "Art. 15.5",
                            "Minoration : fermeture le samedi matin", m.saturday, "cd_acces_soins");
        rsf_minoration_line(e, "minoration_conges_scolaires", "Art. 15.5",
                            "Minoration : fermeture pendant les congés scolaires", m.holidays,
                            "cd_acces_soins");
    }
    rsf_precarity_against(e, &precarity, &national);
    return rsf_finish(e, adhesion, prorata, "national.new_centre_reference_amount.dentaire");
}
