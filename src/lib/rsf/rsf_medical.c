/* Rémunération forfaitaire spécifique of centres de santé médicaux and polyvalents.
 *
 * Accord national des centres de santé, Articles 4 to 18, Annexes 1 and 1 bis; the line ids are
 * those of the parameters (params/10_rsf_medical.json).  Order: context, indicators, gate
 * (Art. 12, 14) and non-cumul (Art. 11), minorations (Art. 15.5), precarity majoration
 * (Art. 15.6), prorata (Art. 13), euros, advance and balance (Art. 18).  Every number comes from
 * the parameters. */
#include "rsf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PFX "rsf_med"
#define open_line(e, id, article, label, bloc, grid)                                               \
    rsf_open_line(e, PFX, id, article, label, bloc, grid)
#define P(e, id, suffix) rsf_par(e, PFX, id, suffix)
#define award(e, l, fixed, variable) rsf_award(l, fixed, variable)
#define declared rsf_declared
#define section rsf_section
#define record_q rsf_record_q
#define simple_fixed(e, id, article, label, bloc) rsf_simple_fixed(e, PFX, id, article, label, bloc)

typedef struct {
    q_t patientele; /* P, Art. 13.1 */
    q_t r;          /* P / 4 000 */
    bool polyvalent, fai, fad;
    bool new_centre_derogation;
    q_t prorata;
    /* achievements other indicators depend on */
    bool missions, concertation, coordination_externe, si_standard, formation_base;
    q_t concertation_rate;
    int n_missions;
} ctx_t;

/* ---- context ------------------------------------------------------------------------------ */

static q_t patientele(eng_t *e) {
    /* Art. 13.1: médecin-traitant patientèle at 31/12; 2017-2019 method; AME patients from 2020 */
    const char *method = par_text(e, "rsf_med.patientele.method");
    if (!method) return q_invalid();
    if (strcmp(method, "cpn_decision") == 0)
        method = reading_is(e, "patientele_2020", "derogation_ended") ? "mt_all_plus_ame"
                                                                      : "over16_children_ame";
    if (strcmp(method, "mt_all") == 0) return in_num(e, "patients.n_mt_31_12");
    if (strcmp(method, "mt_over16_plus_children") == 0)
        return q_add(in_num(e, "patients.n_mt_over16_31_12"),
                     in_num(e, "patients.n_children_0_16_2_soins"));
    if (strcmp(method, "mt_all_plus_ame") == 0)
        return q_add(in_num(e, "patients.n_mt_31_12"), in_num(e, "patients.n_ame_2_soins_mg"));
    if (strcmp(method, "over16_children_ame") == 0)
        return q_add(q_add(in_num(e, "patients.n_mt_over16_31_12"),
                           in_num(e, "patients.n_children_0_16_2_soins")),
                     in_num(e, "patients.n_ame_2_soins_mg"));
    eng_fail(e, "rsf_med.patientele.method", "Art. 13.1", "une méthode connue",
             "méthode de patientèle inconnue « %s »", method);
    return q_invalid();
}

/* ---- bloc commun principal: socle ------------------------------------------------------- */

static bool acces(eng_t *e, ctx_t *c, q_t *minoration) {
    const char *id = "acces_amplitude_snp";
    *minoration = qi(0);
    line_t *l = open_line(e, id, "Art. 8.1.1, 8.1.4", "Accessibilité du centre", BCP, "fixed");
    if (!l || !declared(e, l, id)) return false;
    (void)c;
    bool criteria = in_flag(e, "indicators.acces_amplitude_snp.orientation_info") &&
                    in_flag(e, "indicators.acces_amplitude_snp.snp_every_working_day") &&
                    in_flag(e, "indicators.acces_amplitude_snp.charter_displayed") &&
                    in_flag(e, "indicators.acces_amplitude_snp.charter_sent_cpam");
    if (!criteria) {
        eng_note(e, "l'information sur l'orientation, les soins non programmés chaque jour ouvré "
                    "et la charte sont tous exigés (Art. 8.1.1, 8.1.4)");
        return false;
    }
    q_t amp = in_num(e, "indicators.acces_amplitude_snp.weekday_amplitude_hours");
    bool saturday = in_flag(e, "indicators.acces_amplitude_snp.saturday_morning_open");
    int64_t weeks = num_int(in_num(e, "indicators.acces_amplitude_snp.holiday_closure_weeks"));
    bool ars = in_flag(e, "indicators.acces_amplitude_snp.ars_pdsa_derogation");
    /* Art. 8.1.1 (L553-L555): "soit de 8 heures à 20 heures en semaine et le samedi matin de 8h
     * à 12h, sauf organisation régionale spécifique ... prévue par dérogation de l'agence
     * régionale de santé": the derogation follows the whole phrase, Saturday morning included
     * (reading ars_derogation_scope); the school holidays are another sentence (L565) */
    bool ars_saturday = ars && !saturday && reading_is(e, "ars_derogation_scope", "whole_phrase");
    q_t m_amp = qi(0), m_sat = qi(0), m_hol = qi(0);
    if (!ars) {
        /* Art. 15.5: tolerated amplitudes 10-12 h (-60) and 8-10 h (-150); below 8 h the
         * engagement is not met (the tolerated list stops there) */
        if (q_cmp(amp, par(e, "rsf_med.acces.min_weekday_amplitude_hours")) < 0) {
            eng_note(e, "amplitude en semaine sous le minimum toléré (Art. 15.5)");
            return false;
        }
        if (q_cmp(amp, par(e, "rsf_med.acces.full_weekday_amplitude_hours")) < 0)
            m_amp = q_cmp(amp, par(e, "rsf_med.acces.band_weekday_amplitude_hours")) >= 0
                        ? par(e, "rsf_med.minoration.amplitude_10_12h")
                        : par(e, "rsf_med.minoration.amplitude_8_10h");
    } else {
        eng_note(e, "horaires fixés par l'organisation régionale de la permanence des soins "
                    "(Art. 8.1.1)");
    }
    if (!saturday && !ars_saturday) m_sat = par(e, "rsf_med.minoration.saturday_closed");
    if (weeks > 0) {
        q_t max_weeks = par(e, "rsf_med.minoration.holiday_closure_max_weeks");
        if (q_cmp(qi(weeks), max_weeks) > 0) {
            eng_note(e,
                     "fermé plus de semaines pendant les congés scolaires que toléré (Art. 15.5)");
            return false;
        }
        m_hol = q_mul(qi(weeks), par(e, "rsf_med.minoration.holiday_closure_per_week"));
    }
    if (!rsf_combine_access_minorations(e, &m_amp, &m_sat, &m_hol)) return false;
    award(e, l, P(e, id, "fixed"), qi(0));
    q_t total = q_add(q_add(m_amp, m_sat), m_hol);
    *minoration = q_min(total, l->points); /* the indicator is floored at zero */
    return true;
}

static bool concertation(eng_t *e, ctx_t *c, q_t *minoration) {
    const char *id = "concertation_pluripro";
    *minoration = qi(0);
    line_t *l =
        open_line(e, id, "Art. 8.3.1.1", "Concertation pluriprofessionnelle", BCP, "variable");
    if (!l || !declared(e, l, id)) return false;
    q_t meetings = in_num(e, "indicators.concertation_pluripro.n_meetings");
    if (q_cmp(meetings, rsf_yearly_count(e, P(e, id, "min_meetings"))) < 0) {
        eng_note(e, "moins de réunions que demandé (Art. 8.3.1.1)");
        return false;
    }
    if (!in_flag(e, "indicators.concertation_pluripro.reports_in_record")) {
        eng_note(
            e, "les comptes rendus doivent être intégrés aux dossiers des patients (Art. 8.3.1.1)");
        return false;
    }
    const char *mode = in_text(e, "indicators.concertation_pluripro.mode");
    bool paramedical = q_cmp(in_num(e, "staff.etp_paramedicaux"), qi(0)) > 0;
    q_t minus = qi(0);
    if (mode && strcmp(mode, "pluripro") != 0) {
        if (paramedical) {
            eng_note(e, "un centre ayant une activité paramédicale doit tenir une concertation "
                        "pluriprofessionnelle ; la dérogation de l'Art. 15.5 vaut pour les centres "
                        "sans activité paramédicale");
            return false;
        }
        minus = strcmp(mode, "medical_only") == 0
                    ? par(e, "rsf_med.minoration.concertation_medical_only")
                    : par(e, "rsf_med.minoration.concertation_external_auxiliaries");
    }
    /* target: 5 % of the médecin-traitant patients in ALD or over 75 (Art. 8.3.1.1) */
    q_t target = q_mul(P(e, id, "target_share"), in_num(e, "patients.n_mt_ald_or_over75"));
    q_t dossiers = in_num(e, "indicators.concertation_pluripro.n_dossiers");
    q_t rate = q_is_zero(target) ? qi(1) : q_min(qi(1), q_div(dossiers, target));
    record_q(e, "derived.concertation_target", target);
    record_q(e, "derived.realisation_rate", rate);
    record_q(e, "derived.patientele_ratio", c->r);
    c->concertation_rate = rate;
    q_t base = P(e, id, "variable");
    award(e, l, qi(0), q_mul(q_mul(base, c->r), rate));
    if (!q_is_zero(minus)) {
        if (reading_is(e, "concertation_minoration", "before_scaling"))
            *minoration = q_mul(q_mul(minus, c->r), rate);
        else
            *minoration = q_min(minus, l->points);
    }
    return true;
}

static bool protocols(eng_t *e) {
    const char *id = "protocoles_pluripro";
    line_t *l = open_line(e, id, "Art. 8.5.2", "Protocoles pluriprofessionnels", BCP, "fixed");
    if (!l || !declared(e, l, id)) return false;
    q_t n = in_num(e, "indicators.protocoles_pluripro.n_protocols");
    if (q_is_zero(n)) return false;
    q_t fixed = P(e, id, "fixed"), max = P(e, id, "max_protocols");
    if (reading_is(e, "protocoles_points", "per_protocol"))
        fixed = q_mul(q_div(fixed, max), q_min(n, max));
    award(e, l, fixed, qi(0));
    return true;
}

static bool coordination(eng_t *e, ctx_t *c) {
    const char *id = "fonction_coordination";
    line_t *l = open_line(e, id, "Art. 8.3.4.1", "Fonction de coordination", BCP, "fixed");
    if (!l || !declared(e, l, id)) return false;
    if (!in_flag(e, "indicators.fonction_coordination.achieved")) return false;
    q_t ref = par(e, "rsf.reference_patientele");
    q_t low = P(e, id, "variable_low");
    q_t var;
    record_q(e, "derived.patientele", c->patientele);
    if (par_exists(e, "rsf_med.fonction_coordination.tier_threshold")) {
        q_t t = P(e, id, "tier_threshold"), high = P(e, id, "variable_high");
        if (reading_is(e, "coordination_tiers", "marginal"))
            var = q_add(q_div(q_mul(low, q_min(c->patientele, t)), ref),
                        q_div(q_mul(high, q_max(q_sub(c->patientele, t), qi(0))), ref));
        else
            var = q_div(q_mul(q_cmp(c->patientele, t) <= 0 ? low : high, c->patientele), ref);
    } else {
        var = q_mul(low, c->r);
    }
    award(e, l, P(e, id, "fixed"), var);
    return true;
}

static bool si_standard(eng_t *e, ctx_t *c, bool *withdrawal_derogation) {
    const char *id = "si_standard";
    *withdrawal_derogation = false;
    line_t *l =
        open_line(e, id, "Art. 8.4, 8.4.1", "Système d'information niveau standard", BCP, "fixed");
    if (!l || !declared(e, l, id)) return false;
    bool labelled = in_flag(e, "indicators.si_standard.label_standard");
    if (labelled && par_bool(e, "rsf_med.si_standard.segur_lap_required") &&
        !in_flag(e, "indicators.si_standard.segur_lap")) {
        eng_note(e, "à partir de 2023, le logiciel doit être référencé Ségur avec un LAP certifié "
                    "(Art. 8.4.1)");
        labelled = false;
    }
    /* Art. 8.4 (L1282-L1284): prorata temporis from the acquisition date; a system acquired
     * after the year is not achieved in it */
    if (labelled &&
        !rsf_acquisition_prorata(e, l, "indicators.si_standard.acquisition_date", c->prorata))
        labelled = false;
    bool prorated = q_cmp(l->factor, qi(1)) != 0;
    bool kept = false;
    date_t withdrawn;
    if ((!labelled || prorated) &&
        in_date_opt(e, "indicators.si_standard.label_withdrawn_date", &withdrawn)) {
        /* Art. 14 (L2853-L2859): year of withdrawal and the next, SI points kept "sous réserve
         * que celui-ci ait été atteint les années précédentes" */
        q_t years = par(e, "rsf.si_label_withdrawal.derogation_years");
        if (withdrawn.y <= e->year && e->year < withdrawn.y + num_int(years)) {
            *withdrawal_derogation = !labelled;
            kept = in_flag(e, "indicators.si_standard.achieved_previous_years");
            if (!labelled)
                eng_note(e,
                         kept ? "label retiré en %d : points conservés (Art. 14)"
                              : "label retiré en %d : dérogation sur les prérequis seulement "
                                "(Art. 14)",
                         withdrawn.y);
        }
    }
    if (!labelled && !kept) return false;
    q_t n = reading_is(e, "si_count", "headcount") ? in_num(e, "staff.n_ps_salaries")
                                                   : in_num(e, "staff.etp_ps");
    award(e, l, P(e, id, "fixed"),
          rsf_tiers(n, P(e, id, "ps_threshold"), P(e, id, "per_ps_low"), P(e, id, "per_ps_high")));
    if (labelled && prorated && kept &&
        reading_is(e, "si_withdrawn_relabelled", "derogation_full_year")) {
        /* Art. 14 (L2857-L2859): "la structure conserve le bénéfice ... des rémunérations liées
         * à l'indicateur" during the derogation: a label acquired again in the year does not
         * cut them down to its prorata temporis */
        l->factor = qi(1);
        eng_note(e, "label retiré puis acquis à nouveau dans l'année : rémunération conservée "
                    "sur toute l'année (Art. 14)");
    }
    return true;
}

/* ---- bloc commun principal: optional ---------------------------------------------------- */

static void missions(eng_t *e, ctx_t *c) {
    const char *id = "missions_sante_publique";
    line_t *l =
        open_line(e, id, "Art. 8.2.1, Annexe 5", "Missions de santé publique", BCP, "variable");
    if (l && declared(e, l, id)) {
        q_t n = in_num(e, "indicators.missions_sante_publique.n_missions");
        c->n_missions = (int)num_int(n);
        if (!q_is_zero(n)) {
            q_t v = P(e, id, "variable"), max = P(e, id, "max_missions");
            if (reading_is(e, "missions_points", "per_mission"))
                v = q_mul(q_div(v, max), q_min(n, max));
            record_q(e, "derived.patientele_ratio", c->r);
            award(e, l, qi(0), q_mul(v, c->r));
            c->missions = true;
        }
    }
    id = "missions_sante_publique_ipa";
    l = open_line(e, id, "Art. 8.2.1", "Missions de santé publique : complément IPA", BCP, "fixed");
    if (!l) return;
    q_t ipa = in_num(e, "staff.n_ipa_salaries");
    /* the reading's value is the number of missions required */
    int needed = atoi(reading_value(e, "ipa_missions_min"));
    if (q_is_zero(ipa)) {
        eng_note(e, "pas d'IPA salarié");
        return;
    }
    if (c->n_missions < needed) {
        eng_note(e, "il faut %d mission(s) de santé publique (lecture ipa_missions_min)", needed);
        return;
    }
    award(e, l, P(e, id, "fixed"), qi(0));
}

static void diversification(eng_t *e) {
    static const struct {
        const char *id, *label;
    } items[] = {
        {"diversif_second_recours_2j", "Second recours ou accès SF/CD : 2 jours par mois"},
        {"diversif_second_recours_05etp", "Second recours ou accès SF/CD : 0,5 ETP"},
        {"diversif_offre_2med_ou_3param", "Diversité : 2 professions médicales ou 3 paramédicales"},
        {"diversif_offre_2med_et_3param", "Diversité : 2 professions médicales et 3 paramédicales"},
    };
    bool met[4] = {false, false, false, false};
    for (int i = 0; i < 4; i++) {
        line_t *l = open_line(e, items[i].id, "Art. 8.5.1", items[i].label, BCP, "fixed");
        if (!l) continue;
        /* the label carries the numbers of Art. 8.5.1, from the parameters */
        char a[32], b[32];
        if (i < 2) {
            rsf_fmt_num(
                par(e, i == 0 ? "rsf_med.diversif.min_days_per_month" : "rsf_med.diversif.min_etp"),
                2, a, sizeof a);
            rsf_label(l,
                      i == 0 ? "Second recours ou accès SF/CD : %s jours par mois"
                             : "Second recours ou accès SF/CD : %s ETP",
                      a);
        } else {
            rsf_fmt_num(par(e, "rsf_med.diversif.min_medical_professions"), 0, a, sizeof a);
            rsf_fmt_num(par(e, "rsf_med.diversif.min_paramedical_professions"), 0, b, sizeof b);
            rsf_label(l,
                      i == 2 ? "Diversité : %s professions médicales ou %s paramédicales"
                             : "Diversité : %s professions médicales et %s paramédicales",
                      a, b);
        }
        if (!declared(e, l, "diversification")) continue;
        switch (i) {
        case 0:
            met[0] = q_cmp(in_num(e, "indicators.diversification.second_recours_days_per_month"),
                           par(e, "rsf_med.diversif.min_days_per_month")) >= 0;
            break;
        case 1:
            met[1] = met[0] && q_cmp(in_num(e, "indicators.diversification.second_recours_etp"),
                                     par(e, "rsf_med.diversif.min_etp")) >= 0;
            if (!met[0]) eng_note(e, "demande le critère des jours par mois (Art. 8.5.1)");
            break;
        case 2:
        case 3: {
            bool med = q_cmp(in_num(e, "indicators.diversification.n_other_medical_professions"),
                             par(e, "rsf_med.diversif.min_medical_professions")) >= 0;
            bool para =
                q_cmp(in_num(e, "indicators.diversification.n_other_paramedical_professions"),
                      par(e, "rsf_med.diversif.min_paramedical_professions")) >= 0;
            met[i] = i == 2 ? (med || para) : (med && para);
            break;
        }
        }
        if (met[i]) award(e, l, P(e, items[i].id, "fixed"), qi(0));
    }
}

static bool simple_patientele(eng_t *e, ctx_t *c, const char *id, const char *article,
                              const char *label, const char *bloc) {
    line_t *l = open_line(e, id, article, label, bloc, "variable");
    if (!l || !declared(e, l, id)) return false;
    char path[160];
    snprintf(path, sizeof path, "indicators.%s.achieved", id);
    if (!in_flag(e, path)) return false;
    record_q(e, "derived.patientele_ratio", c->r);
    award(e, l, qi(0), q_mul(P(e, id, "variable"), c->r));
    return true;
}

static bool sas_conditions(eng_t *e) {
    if (!section(e, "sas_participation")) return false;
    q_t hours = in_num(e, "indicators.sas_participation.hours_per_week");
    q_t needed = q_mul(par(e, "rsf_med.sas_participation.min_hours_per_etp_week"),
                       in_num(e, "staff.etp_mg"));
    bool ok = in_flag(e, "indicators.sas_participation.agenda_open") &&
              in_flag(e, "indicators.sas_participation.registered") && q_cmp(hours, needed) >= 0;
    if (!ok)
        eng_note(e, "il faut un agenda ouvert au SAS, l'inscription sur la plateforme et le nombre "
                    "d'heures par ETP de médecin généraliste et par semaine (Art. 8.3.5)");
    return ok;
}

static void sas(eng_t *e, ctx_t *c) {
    const char *id = "sas_participation";
    line_t *l = open_line(e, id, "Art. 8.3.5", "Participation au SAS", BCP, "variable");
    if (l && declared(e, l, id) && sas_conditions(e)) {
        q_t v = P(e, id, "variable");
        if (reading_is(e, "sas_participation_formula", "etp_mg_capped"))
            v = q_mul(v, q_min(in_num(e, "staff.etp_mg"), P(e, id, "etp_cap")));
        else if (reading_is(e, "sas_participation_formula", "patientele"))
            v = q_mul(v, c->r);
        award(e, l, qi(0), v);
    }
    id = "sas_snp_organisation";
    l = open_line(e, id, "Art. 8.5.5", "Organisation pour les soins non programmés du SAS", BCP,
                  "fixed");
    if (l && declared(e, l, id) && sas_conditions(e) &&
        in_flag(e, "indicators.sas_snp_organisation.handles_all_requests"))
        award(e, l, P(e, id, "fixed"), qi(0));
}

static void regulation_territoriale(eng_t *e) {
    const char *id = "regulation_territoriale";
    line_t *l = open_line(e, id, "slides 001", "Régulation territoriale des soins non programmés",
                          BCP, "variable");
    if (!l || !declared(e, l, id) || !in_flag(e, "indicators.regulation_territoriale.achieved"))
        return;
    q_t v = P(e, id, "variable"), cap = P(e, id, "etp_cap");
    q_t etp = q_min(in_num(e, "staff.etp_mg"), cap);
    if (reading_is(e, "regulation_territoriale_formula", "per_etp_capped")) v = q_mul(v, etp);
    if (reading_is(e, "regulation_territoriale_formula", "share_of_cap"))
        v = q_div(q_mul(v, etp), cap);
    award(e, l, qi(0), v);
}

static void concertation_ipa(eng_t *e, ctx_t *c) {
    const char *id = "concertation_ipa";
    line_t *l = open_line(e, id, "Art. 8.3.1.1", "Concertation : complément IPA", BCP, "variable");
    if (!l) return;
    if (q_is_zero(in_num(e, "staff.n_ipa_salaries"))) {
        eng_note(e, "pas d'IPA salarié");
        return;
    }
    if (!c->concertation) {
        eng_note(e, "demande l'indicateur de concertation (Art. 8.3.1.1)");
        return;
    }
    q_t v = q_mul(P(e, id, "variable"), c->r);
    if (reading_is(e, "ipa_concertation_rate", "applied")) v = q_mul(v, c->concertation_rate);
    award(e, l, qi(0), v);
}

static void formation(eng_t *e, ctx_t *c) {
    /* Art. 8.3.2: 2 stages a year (450); 50 per médecin stage up to 2; 225 for each of the 3rd
     * to 5th stages; forte-activité extra nursing / dental stage (225) — each stage valued once */
    const char *ids[3] = {"formation_stages", "formation_stagiaires_medecins",
                          "formation_stages_3_a_5"};
    const char *labels[3] = {"Formation des jeunes professionnels (2 stages)",
                             "Stagiaires médecins", "3e, 4e et 5e stages"};
    const char *grid[3] = {"fixed", "per_stage", "per_stage"};
    line_t *l[3];
    bool ok = section(e, "formation");
    for (int i = 0; i < 3; i++) {
        l[i] = open_line(e, ids[i], "Art. 8.3.2", labels[i], BCP, grid[i]);
        if (l[i] && i == 0) {
            char n[32];
            rsf_fmt_num(P(e, ids[0], "min_stages"), 0, n, sizeof n);
            rsf_label(l[0], "Formation des jeunes professionnels (%s stages)", n);
        }
        if (l[i] && !ok) declared(e, l[i], "formation");
    }
    if (!ok) return;
    e->cur = l[0];
    q_t n = in_num(e, "indicators.formation.n_stages");
    if (l[0] == NULL || q_cmp(n, rsf_yearly_count(e, P(e, ids[0], "min_stages"))) < 0) {
        if (l[0]) eng_note(e, "moins de stages que demandé (Art. 8.3.2)");
        return;
    }
    award(e, l[0], P(e, ids[0], "fixed"), qi(0));
    c->formation_base = true;
    if (l[1]) {
        e->cur = l[1];
        q_t m = qi(0);
        in_num_opt(e, "indicators.formation.n_stages_medecins", &m);
        q_t pts = q_mul(P(e, ids[1], "per_stage"), q_min(m, P(e, ids[1], "max_stages")));
        if (!q_is_zero(pts)) award(e, l[1], pts, qi(0));
    }
    q_t extra = q_sub(n, P(e, ids[0], "min_stages"));
    /* the forte-activité stages take the nursing / dental students first */
    const char *fa_ids[2] = {"fai_stage_infirmier", "fad_stage_dentaire"};
    const char *fa_labels[2] = {"Forte activité infirmière : stage infirmier",
                                "Forte activité dentaire : stage dentaire"};
    const char *fa_counts[2] = {"indicators.formation.n_stages_infirmiers",
                                "indicators.formation.n_stages_dentaires"};
    bool fa_on[2] = {c->fai, c->fad};
    for (int k = 0; k < 2; k++) {
        if (!c->polyvalent) continue;
        line_t *fl = open_line(e, fa_ids[k], "Art. 8.3.2", fa_labels[k], BCP, "fixed");
        if (!fl) continue;
        if (!fa_on[k]) {
            eng_note(e, "le seuil de forte activité de l'Art. 7 n'est pas atteint");
            continue;
        }
        q_t students = qi(0);
        in_num_opt(e, fa_counts[k], &students);
        if (q_is_zero(students) || q_cmp(extra, qi(1)) < 0) {
            eng_note(e, "il faut un stage d'étudiant au-delà des stages de base");
            continue;
        }
        award(e, fl, P(e, fa_ids[k], "fixed"), qi(0));
        extra = q_sub(extra, qi(1));
    }
    if (l[2]) {
        e->cur = l[2];
        q_t k = q_min(q_max(extra, qi(0)), P(e, ids[2], "max_stages"));
        if (!q_is_zero(k)) award(e, l[2], q_mul(P(e, ids[2], "per_stage"), k), qi(0));
    }
}

static void protocols_counted(eng_t *e, const char *id, const char *article, const char *label,
                              const char *field, const char *per, const char *max_id,
                              const char *reading_id, bool needs_ipa) {
    line_t *l = open_line(e, id, article, label, BCP, per);
    if (!l || !declared(e, l, id)) return;
    if (needs_ipa && q_is_zero(in_num(e, "staff.n_ipa_salaries"))) {
        eng_note(e, "pas d'IPA salarié");
        return;
    }
    q_t n = in_num(e, field);
    if (q_is_zero(n)) return;
    q_t max = P(e, id, max_id);
    q_t pts;
    if (strcmp(per, "per_protocol") == 0)
        pts = q_mul(P(e, id, per), q_min(n, max));
    else if (reading_is(e, reading_id, "per_protocol"))
        pts = q_mul(q_div(P(e, id, per), max), q_min(n, max));
    else
        pts = P(e, id, per);
    award(e, l, pts, qi(0));
}

static void obesity(eng_t *e) {
    const char *id = "parcours_obesite_enfant";
    line_t *l =
        open_line(e, id, "Art. 8.5.8", "Parcours surpoids et obésité de l'enfant", BCP, "fixed");
    if (!l || !declared(e, l, id)) return;
    if (!in_flag(e, "indicators.parcours_obesite_enfant.achieved")) return;
    if (!in_flag(e, "indicators.missions_sante_publique.obesity_mission")) {
        eng_note(
            e, "demande la mission de santé publique surpoids et obésité de l'enfant (Art. 8.5.8)");
        return;
    }
    award(e, l, P(e, id, "fixed"), qi(0));
}

/* ---- forte activité of polyvalent centres (Art. 7) -------------------------------------- */

static void forte_activite_context(eng_t *e, ctx_t *c) {
    if (!c->polyvalent) return;
    e->cur = NULL;
    q_t inf = qi(0), mg = qi(0), total = qi(0), dental = qi(0);
    bool have = in_num_opt(e, "staff.etp_infirmiers", &inf) && in_num_opt(e, "staff.etp_mg", &mg);
    if (have)
        c->fai = q_cmp(inf, q_mul(par(e, "rsf_poly.forte_activite_infirmiere.min_ratio_to_mg"),
                                  mg)) >= 0 &&
                 q_cmp(inf, par(e, "rsf_poly.forte_activite_infirmiere.min_etp")) >= 0;
    if (in_num_opt(e, "activity.fees_total", &total) &&
        in_num_opt(e, "activity.fees_dental", &dental) && !q_is_zero(total))
        c->fad = q_cmp(dental,
                       q_mul(par(e, "rsf_poly.forte_activite_dentaire.min_fee_share"), total)) >= 0;
    char a[32], b[32];
    rsf_fmt_num(inf, 2, a, sizeof a);
    rsf_fmt_num(mg, 2, b, sizeof b);
    eng_result_note(e,
                    "forte activité infirmière %s : %s ETP d'infirmiers pour %s ETP de médecins "
                    "généralistes (Art. 7 : au moins la moitié, et au moins le minimum)",
                    c->fai ? "atteint" : "non atteint", a, b);
    q_t share = q_is_zero(total) ? qi(0) : q_div(dental, total);
    rsf_fmt_num(q_mul(share, qi(100)), 2, a, sizeof a);
    eng_result_note(e,
                    "forte activité dentaire %s : les honoraires dentaires font %s %% des "
                    "honoraires du centre (seuil de l'Art. 7)",
                    c->fad ? "atteint" : "non atteint", a);
}

static void forte_activite(eng_t *e, ctx_t *c) {
    if (!c->polyvalent) return;
    bool require = true;
    struct item {
        const char *id, *article, *label;
        bool dental;
        int kind; /* 0 achieved+patientèle, 1 meetings, 2 achieved fixed */
        bool *base;
        const char *base_name;
    } items[] = {
        {"fai_mission_infirmiere", "Art. 8.2.2", "Forte activité infirmière : mission infirmière",
         false, 0, &c->missions, "missions_sante_publique"},
        {"fad_mission_dentaire", "Art. 8.2.2", "Forte activité dentaire : mission dentaire", true,
         0, &c->missions, "missions_sante_publique"},
        {"fad_reunions_dentaires", "Art. 8.3.1.2",
         "Forte activité dentaire : réunions entre chirurgiens-dentistes", true, 1,
         &c->concertation, "concertation_pluripro"},
        {"fad_contrat_structure", "Art. 8.3.3.2",
         "Forte activité dentaire : contrat avec une structure", true, 2, &c->coordination_externe,
         "coordination_externe"},
        {"fad_si_dossier_dentaire", "Art. 8.4.4",
         "Forte activité dentaire : dossier dentaire informatisé", true, 0, &c->si_standard,
         "si_standard"},
    };
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        struct item *it = &items[i];
        line_t *l =
            open_line(e, it->id, it->article, it->label, BCP, it->kind == 0 ? "variable" : "fixed");
        if (!l) continue;
        if (!(it->dental ? c->fad : c->fai)) {
            eng_note(e, "le seuil de forte activité de l'Art. 7 n'est pas atteint");
            continue;
        }
        if (!declared(e, l, it->id)) continue;
        char path[160];
        if (it->kind == 1) {
            if (q_cmp(in_num(e, "indicators.fad_reunions_dentaires.n_meetings"),
                      rsf_yearly_count(e, P(e, it->id, "min_meetings"))) < 0)
                continue;
        } else {
            snprintf(path, sizeof path, "indicators.%s.achieved", it->id);
            if (!in_flag(e, path)) continue;
        }
        require = reading_is(e, "forte_activite_extras", "require_base");
        if (require && !*it->base) {
            eng_note(e, "demande l'indicateur de base %s (Art. 7)", it->base_name);
            continue;
        }
        if (it->kind != 0) {
            award(e, l, P(e, it->id, "fixed"), qi(0));
            continue;
        }
        q_t pat, ref;
        if (it->dental) {
            pat = in_num(e, "patients.n_patients_dental");
            ref = par(e, "rsf.dental_patientele.reference");
        } else {
            pat = rsf_nursing_patientele(e);
            ref = par(e, "rsf.nursing_patientele.reference");
        }
        record_q(e, it->dental ? "derived.dental_patientele" : "derived.nursing_patientele", pat);
        award(e, l, qi(0), q_div(q_mul(P(e, it->id, "variable"), pat), ref));
        if (strcmp(it->id, "fad_si_dossier_dentaire") == 0)
            /* Art. 8.4 (L1282-L1284), 8.4.4 (L1369-L1373): a part of the information system,
             * paid prorata temporis from its acquisition date */
            rsf_acquisition_prorata(e, l, "indicators.fad_si_dossier_dentaire.acquisition_date",
                                    c->prorata);
    }
}

/* ---- bloc commun complémentaire ---------------------------------------------------------- */

static const rsf_precarity_spec precarity = {"patients.file_active_mg", "patients.n_css_fa",
                                             "patients.n_ame_fa", NULL};
static const rsf_national_rates national = {"national.taux_css", "national.taux_ame"};

static void video_nurses(eng_t *e) {
    const char *id = "video_transmission_infirmiers";
    line_t *l = open_line(e, id, "Art. 9.2.3", "Vidéotransmission : infirmiers", BCC, "fixed");
    if (!l || !declared(e, l, id) ||
        !in_flag(e, "indicators.video_transmission_infirmiers.achieved"))
        return;
    /* Art. 9.2.3 (L2518-L2520): "pour les centres de santé salariant des infirmiers, un
     * équipement permettant la vidéotransmission sécurisée supplémentaire est valorisé" */
    q_t nurses = in_num(e, "staff.etp_infirmiers");
    if (!q_valid(nurses)) return;
    if (q_is_zero(nurses)) {
        eng_note(e, "le centre ne salarie pas d'infirmier (Art. 9.2.3)");
        return;
    }
    award(e, l, P(e, id, "fixed"), qi(0));
}

static void teletransmission(eng_t *e) {
    rsf_teletransmission(e, PFX, "teletransmission", "Art. 9.1.4", "staff.etp_medicaux",
                         "staff.etp_paramedicaux");
    const char *id = "scor";
    line_t *l = open_line(e, id, "Art. 9.1.4", "SCOR", BCC, "variable");
    if (l && declared(e, l, id) && in_flag(e, "indicators.scor.used"))
        award(e, l, qi(0),
              rsf_etp_scaled(e, P(e, id, "variable"), in_num(e, "staff.etp_paramedicaux"),
                             P(e, id, "reference_etp")));
}

static void equipements(eng_t *e) {
    const char *id = "equipements_connectes";
    line_t *l = open_line(e, id, "Art. 9.2.3", "Équipements médicaux connectés", BCC, "per_etp");
    if (!l || !declared(e, l, id)) return;
    /* Art. 9.2.3, 16.1: 25 points per ETP médicaux "et infirmiers", the nurses from 2020 */
    q_t etp = in_num(e, "staff.etp_medicaux");
    if (par_bool(e, "rsf_med.equipements_connectes.nurses_counted"))
        etp = q_add(etp, in_num(e, "staff.etp_infirmiers"));
    q_t n = in_num(e, "indicators.equipements_connectes.n_devices");
    if (q_is_zero(n)) return;
    award(e, l, qi(0), q_mul(P(e, id, "per_etp"), q_min(etp, n)));
}

static void usage_indicator(eng_t *e, const char *id, const char *label, const char *field,
                            const char *threshold) {
    line_t *l = open_line(e, id, "Art. 9.2.1", label, BCC, "per_etp");
    if (!l || !declared(e, l, id)) return;
    if (q_cmp(in_num(e, field), P(e, id, threshold)) < 0) {
        eng_note(e, "sous le seuil de l'année");
        return;
    }
    q_t etp = q_min(in_num(e, "staff.etp_mg"), par(e, "rsf_med.usage.etp_mg_cap"));
    award(e, l, qi(0), q_mul(P(e, id, "per_etp"), etp));
}

static void old_grid_bcc(eng_t *e) {
    simple_fixed(e, "vulnerables_forfait", "slides 001", "Accompagnement des publics vulnérables",
                 BCC);
    simple_fixed(e, "information_public", "slides 001", "Information du public", BCC);
    const char *id = "mediateur_sante_2021";
    line_t *l = open_line(e, id, "slides 001", "Médiateur en santé", BCC, "variable");
    if (l && declared(e, l, id) && in_flag(e, "indicators.mediateur_sante_2021.present"))
        award(e, l, qi(0), P(e, id, "variable"));
    id = "dmp_ouverture_infirmiers";
    l = open_line(e, id, "slides 001", "Ouverture de DMP (infirmiers)", BCC, "variable");
    if (l && declared(e, l, id))
        award(e, l, qi(0),
              q_div(q_mul(P(e, id, "variable"),
                          in_num(e, "indicators.dmp_ouverture_infirmiers.n_dmp_opened")),
                    P(e, id, "reference_dmp")));
}

int rsf_medical_compute(eng_t *e) {
    ancre_result *r = e->res;
    ctx_t c;
    memset(&c, 0, sizeof c);
    c.concertation_rate = qi(0);
    c.polyvalent = strcmp(r->type, "polyvalent") == 0;
    e->cur = NULL;
    r->point_value = par(e, "rsf.point_value");
    e->unit_value = r->point_value;
    date_t adhesion;
    if (!in_date(e, "centre.adhesion_date", &adhesion)) return -1;
    c.prorata = rsf_prorata(e, adhesion);
    r->prorata = c.prorata;
    c.patientele = patientele(e);
    c.r = q_div(c.patientele, par(e, "rsf.reference_patientele"));
    if (e->failed) return -1;
    char buf[64];
    rsf_fmt_num(c.patientele, 2, buf, sizeof buf);
    eng_result_note(e, "patientèle de référence : %s patients (Art. 13.1)", buf);
    c.new_centre_derogation = rsf_new_centre_derogation(e, adhesion);
    forte_activite_context(e, &c);

    q_t min_acces, min_concert;
    bool si_withdrawal;
    acces(e, &c, &min_acces);
    rsf_crisis(e, PFX, "crise_plan_preparation", "crise_mise_en_oeuvre", c.r);
    c.concertation = concertation(e, &c, &min_concert);
    protocols(e);
    coordination(e, &c);
    c.si_standard = si_standard(e, &c, &si_withdrawal);
    missions(e, &c);
    diversification(e);
    simple_fixed(e, "accueil_medecin_cstm", "Art. 8.5.4", "Accueil d'un médecin en CSTM", BCP);
    sas(e, &c);
    regulation_territoriale(e);
    concertation_ipa(e, &c);
    formation(e, &c);
    c.coordination_externe = simple_patientele(e, &c, "coordination_externe", "Art. 8.3.3.1",
                                               "Coordination externe", BCP);
    protocols_counted(e, "protocoles_ipa", "Art. 8.5.2", "Protocoles : complément IPA",
                      "indicators.protocoles_ipa.n_protocols", "per_protocol", "max_protocols",
                      NULL, true);
    protocols_counted(e, "protocoles_cooperation_snp", "Art. 8.5.6",
                      "Protocoles de coopération SNP",
                      "indicators.protocoles_cooperation_snp.n_protocols", "fixed", "max_protocols",
                      "coop_snp_points", false);
    simple_patientele(e, &c, "parcours_insuffisance_cardiaque", "Art. 8.5.7",
                      "Parcours insuffisance cardiaque", BCP);
    obesity(e);
    simple_fixed(e, "si_avance", "Art. 8.5.3", "Système d'information niveau avancé", BCP);
    forte_activite(e, &c);

    rsf_quality_levels(e, PFX, "", in_num(e, "staff.etp_ps"));
    rsf_vulnerable_levels(e, PFX, "", &precarity, &national, "Art. 9.1.2, 16.1", "mediateur_sante",
                          "Art. 9.1.2, 9.2.5");
    rsf_user_levels(e, PFX, "", c.r);
    teletransmission(e);
    simple_fixed(e, "teleservices_justificatif", "Art. 9.2.2", "Justificatif des téléservices",
                 BCC);
    simple_fixed(e, "video_transmission", "Art. 9.2.3", "Équipement de vidéotransmission", BCC);
    video_nurses(e);
    equipements(e);
    simple_fixed(e, "codage_donnees", "Art. 9.2.4", "Capacité à coder les données", BCC);
    usage_indicator(e, "dmp_alimentation", "Alimentation du DMP",
                    "indicators.dmp_alimentation.rate", "min_rate");
    usage_indicator(e, "mss_usage", "Usage de la MSS", "indicators.mss_usage.rate", "min_rate");
    usage_indicator(e, "e_prescription", "E-prescription", "indicators.e_prescription.rate",
                    "min_rate");
    usage_indicator(e, "appli_carte_vitale", "Application carte Vitale",
                    "indicators.appli_carte_vitale.n_fse", "min_fse");
    old_grid_bcc(e);
    if (e->failed) return -1;

    /* Art. 12 (L2664-L2667): the indicators of Art. 8.1, the coordination function and the
     * standard information system; under reading socle_gate=all_socle also the other socle
     * indicators (Art. 5) */
    const char *prereqs[6] = {"acces_amplitude_snp",
                              "crise_plan_preparation",
                              "fonction_coordination",
                              "si_standard",
                              NULL,
                              NULL};
    if (reading_is(e, "socle_gate", "all_socle")) {
        prereqs[4] = "concertation_pluripro";
        prereqs[5] = "protocoles_pluripro";
    }
    rsf_gate_spec gate = {prereqs, 6, 4, c.new_centre_derogation, si_withdrawal, "si_standard"};
    rsf_gate(e, &gate);
    if (r->triggered) {
        rsf_minoration_line(e, "minoration_acces", "Art. 15.5",
                            "Minoration : amplitude d'ouverture réduite", min_acces,
                            "acces_amplitude_snp");
        rsf_minoration_line(e, "minoration_concertation", "Art. 15.5",
                            "Minoration : concertation sans auxiliaires médicaux du centre",
                            min_concert, "concertation_pluripro");
    }
    rsf_precarity(e, &precarity);
    return rsf_finish(e, adhesion, c.prorata,
                      "national.new_centre_reference_amount.medical_polyvalent");
}
