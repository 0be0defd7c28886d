/* Rémunération forfaitaire spécifique of centres de santé infirmiers.
 *
 * Accord national des centres de santé, Articles 4 to 18, Annexes 1 and 1 bis; the line ids
 * (csi_*) are those of params/20_rsf_nursing.json.  Order: context (nursing patientèle with its
 * ALD majoration, Art. 13.3), indicators, gate (Art. 12, 14) and non-cumul (Art. 11), precarity
 * majoration capped at 25 % (Art. 15.6.4), prorata, euros, advance and
 * balance (Art. 18).  Centres infirmiers have no minoration (Art. 15.5 lists none for them).
 * Every number comes from params/20_rsf_nursing.json and the shared rsf.* parameters. */
#include "rsf.h"

#include <stdio.h>
#include <string.h>

#define PFX "rsf_csi"
#define open_line(e, id, article, label, bloc, grid)                                               \
    rsf_open_line(e, PFX, id, article, label, bloc, grid)
#define P(e, id, suffix) rsf_par(e, PFX, id, suffix)

static const rsf_precarity_spec precarity = {"patients.n_patients_nursing",
                                             "patients.n_css_nursing", "patients.n_ame_nursing",
                                             PFX ".majoration_precarite.max_rate"};
static const rsf_national_rates national = {"national.taux_css.infirmier",
                                            "national.taux_ame.infirmier"};

/* every flag of the section set; the line notes the first missing one */
static bool all_flags(eng_t *e, const char *sec, const char *const *names, size_t n,
                      const char *article) {
    char path[160];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "indicators.%s.%s", sec, names[i]);
        if (!in_flag(e, path)) {
            eng_note(e, "%s est exigé (%s)", names[i], article);
            return false;
        }
    }
    return true;
}

/* Art. 8.7 (L1639-L1641): "Les critères définis ci-après s'inscrivent dans le cadre de
 * conventions conclues entre le centre de santé infirmier et une maison de santé
 * pluriprofessionnelle": each of 8.7.1, 8.7.2 and 8.7.3 needs the convention. */
static bool msp_convention(eng_t *e, const char *sec) {
    char path[160];
    snprintf(path, sizeof path, "indicators.%s.msp_convention", sec);
    if (in_flag(e, path)) return true;
    eng_note(e, "sans convention avec une maison de santé pluriprofessionnelle (Art. 8.7)");
    return false;
}

/* ---- bloc commun principal ------------------------------------------------------------- */

static void acces(eng_t *e) {
    /* Art. 8.1.2: prescribed care 24h/24, 365 days; unscheduled prescribed care every working
     * day; orientation outside hours; Art. 8.1.4: the charter displayed and sent */
    static const char *const flags[] = {"prescribed_care_24h_365d", "snp_every_working_day",
                                        "orientation_info", "charter_displayed",
                                        "charter_sent_cpam"};
    const char *id = "csi_acces_soins";
    line_t *l =
        open_line(e, id, "Art. 8.1.2, 8.1.4", "Accessibilité du centre infirmier", BCP, "fixed");
    if (!l || !rsf_declared(e, l, id)) return;
    if (all_flags(e, id, flags, 5, "Art. 8.1.2, 8.1.4")) rsf_award(l, P(e, id, "fixed"), qi(0));
}

static void mission(eng_t *e, q_t r) {
    /* Art. 8.2.3: "dans la limite de deux projets rémunérés" */
    const char *id = "csi_mission_sante_publique";
    line_t *l =
        open_line(e, id, "Art. 8.2.3, Annexe 5", "Mission de santé publique", BCP, "variable");
    if (!l || !rsf_declared(e, l, id)) return;
    q_t n = in_num(e, "indicators.csi_mission_sante_publique.n_campaigns");
    if (q_is_zero(n)) return;
    q_t v = P(e, id, "variable"), max = P(e, id, "max_campaigns");
    if (reading_is(e, "csi_mission_points", "per_campaign"))
        v = q_mul(q_div(v, max), q_min(n, max));
    rsf_record_q(e, "derived.patientele_ratio", r);
    rsf_award(l, qi(0), q_mul(v, r));
}

static void concertation(eng_t *e) {
    const char *id = "csi_concertation";
    line_t *l = open_line(e, id, "Art. 8.3.1.3", "Concertation entre infirmiers", BCP, "fixed");
    if (l && rsf_declared(e, l, id)) {
        /* "Au moins six réunions par an", "en présence de l'infirmière en charge de la
         * coordination" */
        if (q_cmp(in_num(e, "indicators.csi_concertation.n_meetings"),
                  rsf_yearly_count(e, P(e, id, "min_meetings"))) < 0)
            eng_note(e, "moins de réunions que demandé (Art. 8.3.1.3)");
        else if (in_flag(e, "indicators.csi_concertation.coordinator_present"))
            rsf_award(l, P(e, id, "fixed"), qi(0));
        else
            eng_note(e,
                     "l'infirmière chargée de la coordination doit être présente (Art. 8.3.1.3)");
    }
    id = "csi_concertation_msp";
    l = open_line(e, id, "Art. 8.7, 8.7.1", "Concertation avec une MSP", BCP, "fixed");
    if (l && rsf_declared(e, l, id) && msp_convention(e, id) &&
        q_cmp(in_num(e, "indicators.csi_concertation_msp.n_meetings"),
              rsf_yearly_count(e, P(e, id, "min_meetings"))) >= 0)
        rsf_award(l, P(e, id, "fixed"), qi(0));
}

static void formation(eng_t *e) {
    /* Art. 8.3.2: "au moins un stage par an pour les centres de santé infirmiers"; Annexe 1: one
     * extra stage valued */
    const char *ids[2] = {"csi_formation_stage", "csi_formation_stage_supp"};
    const char *labels[2] = {"Formation des jeunes professionnels (1 stage)",
                             "Formation : 1 stage supplémentaire"};
    for (int k = 0; k < 2; k++) {
        line_t *l = open_line(e, ids[k], "Art. 8.3.2", labels[k], BCP, "fixed");
        if (l && k == 0) {
            /* "au moins un stage par an" (Art. 8.3.2), from the parameter */
            char n[32];
            q_t min = P(e, ids[0], "min_stages");
            rsf_fmt_num(min, 0, n, sizeof n);
            rsf_label(l, "Formation des jeunes professionnels (%s stage%s)", n,
                      q_cmp(min, qi(1)) > 0 ? "s" : "");
        }
        if (!l || !rsf_declared(e, l, "csi_formation")) continue;
        if (q_cmp(in_num(e, "indicators.csi_formation.n_stages"),
                  rsf_formation_threshold(e, PFX, ids[0], ids[k])) >= 0)
            rsf_award(l, P(e, ids[k], "fixed"), qi(0));
    }
}

static void coordination_externe(eng_t *e, q_t r) {
    /* Art. 8.3.3.3: "Le respect de l'ensemble de ces critères ouvre droit à rémunération" */
    static const char *const flags[] = {"transmission_procedure", "directory_up_to_date",
                                        "flu_vaccination_info"};
    const char *id = "csi_coordination_externe";
    line_t *l =
        open_line(e, id, "Art. 8.3.3.3", "Coordination externe (4 critères)", BCP, "variable");
    if (!l || !rsf_declared(e, l, id)) return;
    if (!all_flags(e, id, flags, 3, "Art. 8.3.3.3")) return;
    if (q_cmp(in_num(e, "indicators.csi_coordination_externe.n_conventions"),
              P(e, id, "min_conventions")) < 0) {
        eng_note(e, "il faut des conventions avec au moins deux établissements (Art. 8.3.3.3)");
        return;
    }
    rsf_record_q(e, "derived.patientele_ratio", r);
    rsf_award(l, qi(0), q_mul(P(e, id, "variable"), r));
}

static void protocols(eng_t *e) {
    const char *id = "csi_protocoles_msp";
    line_t *l = open_line(e, id, "Art. 8.7, 8.7.2", "Protocoles pluriprofessionnels avec une MSP",
                          BCP, "fixed");
    if (!l || !rsf_declared(e, l, id) || !msp_convention(e, id)) return;
    q_t n = in_num(e, "indicators.csi_protocoles_msp.n_protocols");
    if (q_is_zero(n)) return;
    q_t v = P(e, id, "fixed"), max = P(e, id, "max_protocols");
    if (reading_is(e, "csi_protocoles_msp_points", "per_protocol"))
        v = q_mul(q_div(v, max), q_min(n, max));
    rsf_award(l, v, qi(0));
}

static void coordination(eng_t *e) {
    static const char *const flags[] = {"manager_identified", "nurse_coordinator_identified"};
    const char *id = "csi_fonction_coordination";
    line_t *l = open_line(e, id, "Art. 8.3.4.2", "Fonction de coordination", BCP, "fixed");
    if (l && rsf_declared(e, l, id) && all_flags(e, id, flags, 2, "Art. 8.3.4.2"))
        rsf_award(l, P(e, id, "fixed"), qi(0));
}

static void information_system(eng_t *e, q_t prorata) {
    /* Art. 8.4.2; Annexe 1: 400 + 100 per nurse up to 10 and 50 beyond, in ETP (Art. 13.3) */
    const char *id = "csi_si";
    line_t *l = open_line(e, id, "Art. 8.4, 8.4.2, 13.3", "Système d'information", BCP, "fixed");
    if (l && rsf_declared(e, l, id) && in_flag(e, "indicators.csi_si.compliant")) {
        q_t etp = in_num(e, "staff.etp_infirmiers");
        rsf_award(l, P(e, id, "fixed"),
                  rsf_tiers(etp, P(e, id, "etp_threshold"), P(e, id, "per_etp_low"),
                            P(e, id, "per_etp_high")));
        rsf_acquisition_prorata(e, l, "indicators.csi_si.acquisition_date", prorata);
    }
    id = "csi_logiciel_pluripro_ans";
    l = open_line(e, id, "Art. 8.7, 8.7.3", "Logiciel pluriprofessionnel labellisé ANS", BCP,
                  "fixed");
    if (l && rsf_declared(e, l, id) && msp_convention(e, id) &&
        in_flag(e, "indicators.csi_logiciel_pluripro_ans.labelled")) {
        rsf_award(l, P(e, id, "fixed"), qi(0));
        /* an information system: Art. 8.4 (L1282-L1284) pays it "au prorata temporis à compter
         * de la date d'acquisition du système d'information" */
        rsf_acquisition_prorata(e, l, "indicators.csi_logiciel_pluripro_ans.acquisition_date",
                                prorata);
    }
}

/* ---- bloc commun complémentaire -------------------------------------------------------- */

static void teletransmission(eng_t *e) {
    /* Art. 9.1.4, 16.2: 240 and 83 points "calculés sur une moyenne de 6 ETP paramédicaux" */
    rsf_teletransmission(e, PFX, "csi_teletransmission", "Art. 9.1.4, 16.2",
                         "staff.etp_paramedicaux", NULL);
    const char *id = "csi_scor";
    line_t *l = open_line(e, id, "Art. 9.1.4, 16.2", "SCOR", BCC, "variable");
    if (l && rsf_declared(e, l, id) && in_flag(e, "indicators.csi_scor.used"))
        rsf_award(l, qi(0),
                  rsf_etp_scaled(e, P(e, id, "variable"), in_num(e, "staff.etp_paramedicaux"),
                                 P(e, id, "reference_etp")));
}

static void telemedicine(eng_t *e) {
    rsf_simple_fixed(e, PFX, "csi_video", "Art. 9.3.1", "Équipement de vidéotransmission", BCC);
    /* Art. 16.2: "25 points par ETP infirmiers ... dans la limite du nombre d'équipements
     * connectés acquis" */
    const char *id = "csi_objets_connectes";
    line_t *l =
        open_line(e, id, "Art. 9.3.1, 16.2", "Équipements médicaux connectés", BCC, "per_etp");
    if (!l || !rsf_declared(e, l, id)) return;
    q_t n = in_num(e, "indicators.csi_objets_connectes.n_devices");
    if (q_is_zero(n)) return;
    rsf_award(l, qi(0), q_mul(P(e, id, "per_etp"), q_min(in_num(e, "staff.etp_infirmiers"), n)));
}

int rsf_nursing_compute(eng_t *e) {
    ancre_result *r = e->res;
    e->cur = NULL;
    par_text(e, PFX ".grid"); /* the grid must be in force in the year: an error otherwise */
    r->point_value = par(e, "rsf.point_value");
    e->unit_value = r->point_value;
    date_t adhesion;
    if (!in_date(e, "centre.adhesion_date", &adhesion)) return -1;
    q_t prorata = rsf_prorata(e, adhesion);
    r->prorata = prorata;
    /* Art. 13.3: variable points on a nursing patientèle of reference of 450 patients */
    q_t patientele = rsf_nursing_patientele(e);
    q_t ratio = q_div(patientele, par(e, "rsf.nursing_patientele.reference"));
    if (e->failed) return -1;
    bool new_centre = rsf_new_centre_derogation(e, adhesion);

    acces(e);
    rsf_crisis(e, PFX, "csi_crise_plan", "csi_crise_actions", ratio);
    mission(e, ratio);
    concertation(e);
    formation(e);
    coordination_externe(e, ratio);
    protocols(e);
    coordination(e);
    information_system(e, prorata);

    rsf_quality_levels(e, PFX, "csi", in_num(e, "staff.etp_infirmiers"));
    rsf_vulnerable_levels(e, PFX, "csi", &precarity, &national, "Art. 9.1.2, 16.2", "csi_mediateur",
                          "Art. 9.1.2");
    rsf_user_levels(e, PFX, "csi", ratio);
    teletransmission(e);
    telemedicine(e);
    if (e->failed) return -1;

    /* Art. 12 (L2664-L2667): accessibility and crisis plan (Art. 8.1), coordination function and
     * SI; under reading socle_gate=all_socle also the other socle indicators (Art. 5) */
    const char *prereqs[6] = {
        "csi_acces_soins", "csi_crise_plan", "csi_fonction_coordination", "csi_si", NULL, NULL};
    if (reading_is(e, "socle_gate", "all_socle")) {
        prereqs[4] = "csi_concertation";
        prereqs[5] = "csi_coordination_externe";
    }
    rsf_gate_spec gate = {prereqs, 6, 4, new_centre, false, "csi_si"};
    rsf_gate(e, &gate);
    rsf_precarity_against(e, &precarity, &national);
    return rsf_finish(e, adhesion, prorata, "national.new_centre_reference_amount.infirmier");
}
