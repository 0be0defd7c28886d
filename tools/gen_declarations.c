/* Random valid declarations of the forfait spécifique, for the property tests.
 *
 *   gen_declarations SEED COUNT [TYPE]   prints COUNT declarations, one JSON document a line
 *
 * Deterministic: the same seed gives the same declarations.  Every declaration is valid (the
 * field bounds, the counts within their populations, the 80 % rule of Art. 3 and the years the
 * engine computes), of the four types in turn unless TYPE (medical, polyvalent, infirmier,
 * dentaire) is given.  The values are drawn around the thresholds of the accord so that every
 * indicator is met in some declarations and missed in others.
 *
 * tests/property/rsf_properties.c includes this file with GEN_DECLARATIONS_NO_MAIN defined to
 * draw its declarations in process. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t s;
} gen_rng;

/* xorshift64*: small, fast, and the same on every platform */
static uint64_t gen_next(gen_rng *r) {
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}
static void gen_seed(gen_rng *r, uint64_t seed) {
    r->s = seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
    if (!r->s) r->s = 1;
    for (int i = 0; i < 4; i++)
        gen_next(r);
}
/* uniform in [lo, hi] */
static long gen_int(gen_rng *r, long lo, long hi) {
    return lo + (long)(gen_next(r) % (uint64_t)(hi - lo + 1));
}
static bool gen_chance(gen_rng *r, int percent) {
    return gen_int(r, 1, 100) <= percent;
}
/* a decimal in [lo, hi] with two decimals */
static double gen_dec(gen_rng *r, double lo, double hi) {
    long a = (long)(lo * 100 + 0.5), b = (long)(hi * 100 + 0.5);
    return (double)gen_int(r, a, b) / 100.0;
}
static json_t *gen_num(double v) {
    /* two decimals at most: an integer when it is one */
    if (v == (double)(long)v) return json_integer((long)v);
    return json_real(v);
}

static void set(json_t *o, const char *k, json_t *v) {
    json_object_set_new(o, k, v);
}
static json_t *section(json_t *indicators, const char *name) {
    json_t *s = json_object();
    json_object_set_new(indicators, name, s);
    return s;
}
static void flag(gen_rng *r, json_t *s, const char *k, int percent) {
    set(s, k, json_boolean(gen_chance(r, percent)));
}
static void count(gen_rng *r, json_t *s, const char *k, long lo, long hi) {
    set(s, k, json_integer(gen_int(r, lo, hi)));
}
static char *date_text(int y, int m, int d) {
    static char buf[4][40];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%04d-%02d-%02d", y, m, d);
    return buf[k];
}
static int days_in_month(int y, int m) {
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}
/* a random date of year y */
static void gen_date(gen_rng *r, int y, int *m, int *d) {
    *m = (int)gen_int(r, 1, 12);
    *d = (int)gen_int(r, 1, days_in_month(y, *m));
}
static void date_field(gen_rng *r, json_t *s, const char *k, int ylo, int yhi) {
    int y = (int)gen_int(r, ylo, yhi), m, d;
    gen_date(r, y, &m, &d);
    set(s, k, json_string(date_text(y, m, d)));
}

/* ---- the centre, its staff and patients ---------------------------------------------------- */

typedef struct {
    const char *type;
    int year;
    bool first_year; /* governed from a date of the reference year */
} gen_ctx;

static void gen_centre(gen_rng *r, json_t *doc, gen_ctx *c) {
    json_t *centre = json_object();
    set(doc, "centre", centre);
    set(centre, "type", json_string(c->type));
    if (gen_chance(r, 30)) set(centre, "finess_category", json_string(c->type));
    int ay, am, ad;
    c->first_year = gen_chance(r, 30);
    if (c->first_year) {
        ay = c->year;
        gen_date(r, ay, &am, &ad);
    } else if (gen_chance(r, 20)) {
        /* governed since the year before (second year of a new centre, Art. 14 and 18.1) */
        ay = c->year - 1;
        gen_date(r, ay, &am, &ad);
    } else {
        ay = (int)gen_int(r, 2016, c->year - 1);
        am = 1;
        ad = 1;
    }
    set(centre, "adhesion_date", json_string(date_text(ay, am, ad)));
    if (gen_chance(r, 25)) {
        /* projet de santé before the adhesion: within a year of it or long before (Art. 14) */
        int back = gen_chance(r, 60) ? (int)gen_int(r, 0, 11) : (int)gen_int(r, 12, 40);
        int y = ay, m = am - back;
        while (m < 1) {
            m += 12;
            y--;
        }
        set(centre, "projet_sante_date", json_string(date_text(y, m, 1)));
    }
    /* the national averages of the new-centre advance are known from 2022 (Art. 18.1) */
    if (ay >= c->year - 1 && ay >= 2022 && gen_chance(r, 40)) {
        /* FINESS number attributed 0 to 5 months before the adhesion (Art. 18.1: at most 3) */
        int back = (int)gen_int(r, 0, 5);
        int y = ay, m = am - back;
        while (m < 1) {
            m += 12;
            y--;
        }
        set(centre, "finess_date", json_string(date_text(y, m, 1)));
    }
    json_t *payments = json_object();
    if (ay < c->year) {
        /* Art. 18.1: the advance is 60 % of the previous year's amount */
        set(payments, "previous_year_amount_cents", json_integer(gen_int(r, 0, 30000000)));
        set(doc, "payments", payments);
    } else {
        json_decref(payments);
    }
}

/* Fees of Art. 3: a centre infirmier (dentaire) has at least 80 % of nursing (dental) fees, a
 * centre médical or polyvalent less than 80 % of either. */
static void gen_fees(gen_rng *r, json_t *doc, const char *type) {
    json_t *a = json_object();
    set(doc, "activity", a);
    long total = gen_int(r, 50000, 5000000);
    set(a, "fees_total", json_integer(total));
    if (strcmp(type, "infirmier") == 0) {
        set(a, "fees_nursing", json_integer(gen_int(r, total * 8 / 10 + 1, total)));
    } else if (strcmp(type, "dentaire") == 0) {
        set(a, "fees_dental", json_integer(gen_int(r, total * 8 / 10 + 1, total)));
    } else {
        /* the dental share around the 20 % of forte activité dentaire (Art. 7) */
        set(a, "fees_dental", json_integer(gen_int(r, 0, total * 4 / 10)));
        if (gen_chance(r, 50)) set(a, "fees_nursing", json_integer(gen_int(r, 0, total / 2)));
    }
}

static void gen_precarity(gen_rng *r, json_t *p, const char *population, const char *css,
                          const char *ame) {
    long n = gen_int(r, 0, 8000);
    set(p, population, json_integer(n));
    set(p, css, json_integer(gen_int(r, 0, n / 4)));
    set(p, ame, json_integer(gen_int(r, 0, n / 20)));
}

/* ---- the centres médicaux and polyvalents ------------------------------------------------- */

static void gen_medical(gen_rng *r, json_t *doc, gen_ctx *c) {
    bool poly = strcmp(c->type, "polyvalent") == 0;
    json_t *st = json_object(), *p = json_object(), *in = json_object(), *s;
    set(doc, "staff", st);
    set(doc, "patients", p);
    set(doc, "indicators", in);
    long nps = gen_int(r, 1, 60);
    double mg = gen_dec(r, 0.5, 20), inf = gen_chance(r, 40) ? 0 : gen_dec(r, 0.5, 15);
    double sf = gen_chance(r, 60) ? 0 : gen_dec(r, 0.2, 3);
    double para = inf + (gen_chance(r, 20) ? 0 : gen_dec(r, 0, 5));
    set(st, "n_ps_salaries", json_integer(nps));
    set(st, "etp_mg", gen_num(mg));
    set(st, "etp_medicaux", gen_num(mg + sf + gen_dec(r, 0, 3)));
    set(st, "etp_paramedicaux", gen_num(para));
    set(st, "etp_infirmiers", gen_num(inf));
    set(st, "etp_ps", gen_num(mg + sf + para));
    set(st, "etp_sages_femmes", gen_num(sf));
    set(st, "n_ipa_salaries",
        json_integer(gen_chance(r, 70) ? 0 : gen_int(r, 1, nps < 3 ? nps : 3)));
    long mt = gen_int(r, 200, 16000);
    set(p, "n_mt_31_12", json_integer(mt));
    set(p, "n_ame_2_soins_mg", json_integer(gen_int(r, 0, 400)));
    set(p, "n_mt_ald_or_over75", json_integer(gen_int(r, 0, mt / 2)));
    gen_precarity(r, p, "file_active_mg", "n_css_fa", "n_ame_fa");
    if (poly || gen_chance(r, 30)) {
        set(p, "n_patients_nursing", json_integer(gen_int(r, 0, 1500)));
        set(p, "taux_ald_inval_nursing", gen_num(gen_dec(r, 0, 1)));
        set(p, "n_patients_dental", json_integer(gen_int(r, 0, 5000)));
    }
    if (poly || gen_chance(r, 30)) gen_fees(r, doc, c->type);

    if (gen_chance(r, 90)) {
        s = section(in, "acces_amplitude_snp");
        set(s, "weekday_amplitude_hours", gen_num(gen_dec(r, 7, 13)));
        flag(r, s, "saturday_morning_open", 70);
        count(r, s, "holiday_closure_weeks", 0, gen_chance(r, 70) ? 0 : 4);
        if (gen_chance(r, 15)) flag(r, s, "ars_pdsa_derogation", 60);
        flag(r, s, "orientation_info", 95);
        flag(r, s, "snp_every_working_day", 95);
        flag(r, s, "charter_displayed", 95);
        flag(r, s, "charter_sent_cpam", 95);
    }
    if (gen_chance(r, 90)) flag(r, section(in, "crise_plan_preparation"), "written", 90);
    if (gen_chance(r, 60)) {
        s = section(in, "crise_mise_en_oeuvre");
        flag(r, s, "crisis_declared", 50);
        flag(r, s, "actions_done", 60);
    }
    if (gen_chance(r, 80)) {
        s = section(in, "concertation_pluripro");
        count(r, s, "n_meetings", 0, 10);
        count(r, s, "n_dossiers", 0, mt / 10);
        static const char *modes[3] = {"pluripro", "medical_only", "external_auxiliaries"};
        set(s, "mode", json_string(modes[gen_chance(r, 70) ? 0 : gen_int(r, 1, 2)]));
        flag(r, s, "reports_in_record", 90);
    }
    if (gen_chance(r, 80)) count(r, section(in, "protocoles_pluripro"), "n_protocols", 0, 10);
    if (gen_chance(r, 90)) flag(r, section(in, "fonction_coordination"), "achieved", 85);
    if (gen_chance(r, 90)) {
        s = section(in, "si_standard");
        flag(r, s, "label_standard", 85);
        flag(r, s, "segur_lap", 85);
        if (gen_chance(r, 20)) date_field(r, s, "acquisition_date", c->year - 2, c->year + 1);
        if (gen_chance(r, 10)) {
            date_field(r, s, "label_withdrawn_date", c->year - 2, c->year);
            flag(r, s, "achieved_previous_years", 60);
        }
    }
    if (gen_chance(r, 60)) {
        s = section(in, "missions_sante_publique");
        count(r, s, "n_missions", 0, 3);
        if (gen_chance(r, 30)) flag(r, s, "obesity_mission", 50);
    }
    if (gen_chance(r, 50)) {
        s = section(in, "diversification");
        set(s, "second_recours_days_per_month", gen_num(gen_dec(r, 0, 6)));
        set(s, "second_recours_etp", gen_num(gen_dec(r, 0, 1.5)));
        count(r, s, "n_other_medical_professions", 0, 4);
        count(r, s, "n_other_paramedical_professions", 0, 5);
    }
    static const char *fixed_items[] = {"accueil_medecin_cstm", "coordination_externe",
                                        "parcours_insuffisance_cardiaque",
                                        "parcours_obesite_enfant", "si_avance"};
    for (size_t k = 0; k < sizeof fixed_items / sizeof *fixed_items; k++)
        if (gen_chance(r, 50)) flag(r, section(in, fixed_items[k]), "achieved", 70);
    if (gen_chance(r, 40)) {
        s = section(in, "sas_participation");
        flag(r, s, "agenda_open", 80);
        /* around 2 h per ETP of GP a week (Annexe 1) */
        set(s, "hours_per_week", gen_num(gen_dec(r, 0, mg * 3)));
        flag(r, s, "registered", 80);
        if (gen_chance(r, 50))
            flag(r, section(in, "sas_snp_organisation"), "handles_all_requests", 70);
    }
    if (gen_chance(r, 60)) {
        s = section(in, "formation");
        long n = gen_int(r, 0, 7);
        set(s, "n_stages", json_integer(n));
        if (gen_chance(r, 60)) count(r, s, "n_stages_medecins", 0, n);
        if (gen_chance(r, 40)) count(r, s, "n_stages_infirmiers", 0, n);
        if (gen_chance(r, 40)) count(r, s, "n_stages_dentaires", 0, n);
    }
    if (gen_chance(r, 30)) count(r, section(in, "protocoles_ipa"), "n_protocols", 0, 5);
    if (gen_chance(r, 30)) count(r, section(in, "protocoles_cooperation_snp"), "n_protocols", 0, 8);
    if (poly) {
        static const char *fa[] = {"fai_mission_infirmiere", "fad_mission_dentaire",
                                   "fad_contrat_structure", "fad_si_dossier_dentaire"};
        for (size_t k = 0; k < sizeof fa / sizeof *fa; k++)
            if (gen_chance(r, 50)) {
                s = section(in, fa[k]);
                flag(r, s, "achieved", 75);
                if (k == 3 && gen_chance(r, 30))
                    date_field(r, s, "acquisition_date", c->year - 1, c->year + 1);
            }
        if (gen_chance(r, 50)) count(r, section(in, "fad_reunions_dentaires"), "n_meetings", 0, 5);
    }
    /* bloc commun complémentaire */
    if (gen_chance(r, 60)) {
        s = section(in, "qualite");
        count(r, s, "level", 0, 4);
        if (gen_chance(r, 50)) set(s, "criteria_share", gen_num(gen_dec(r, 0.3, 1)));
    }
    if (gen_chance(r, 60)) {
        s = section(in, "vulnerables");
        count(r, s, "level1_subcategories", 0, 4);
        count(r, s, "level2_subcategories", 0, 4);
        count(r, s, "level3_subcategories", 0, 4);
        if (gen_chance(r, 40)) flag(r, s, "sage_femme_action_outside", 60);
    }
    if (gen_chance(r, 40)) flag(r, section(in, "mediateur_sante"), "present", 70);
    if (gen_chance(r, 60)) count(r, section(in, "usagers"), "level", 0, 2);
    if (gen_chance(r, 60)) {
        s = section(in, "teletransmission");
        set(s, "rate", gen_num(gen_dec(r, 0.5, 1)));
        flag(r, s, "sesam_version_ok", 85);
    }
    if (gen_chance(r, 50)) flag(r, section(in, "scor"), "used", 70);
    static const char *bcc_fixed[] = {"teleservices_justificatif", "video_transmission",
                                      "video_transmission_infirmiers", "codage_donnees"};
    for (size_t k = 0; k < sizeof bcc_fixed / sizeof *bcc_fixed; k++)
        if (gen_chance(r, 50)) flag(r, section(in, bcc_fixed[k]), "achieved", 70);
    if (gen_chance(r, 50)) count(r, section(in, "equipements_connectes"), "n_devices", 0, 20);
    static const char *rates[] = {"dmp_alimentation", "mss_usage", "e_prescription"};
    for (size_t k = 0; k < sizeof rates / sizeof *rates; k++)
        if (gen_chance(r, 50)) set(section(in, rates[k]), "rate", gen_num(gen_dec(r, 0, 0.6)));
    if (gen_chance(r, 50)) count(r, section(in, "appli_carte_vitale"), "n_fse", 0, 3);
}

/* ---- the centres infirmiers --------------------------------------------------------------- */

static void gen_nursing(gen_rng *r, json_t *doc, gen_ctx *c) {
    json_t *st = json_object(), *p = json_object(), *in = json_object(), *s;
    set(doc, "staff", st);
    set(doc, "patients", p);
    set(doc, "indicators", in);
    double inf = gen_dec(r, 0.5, 20);
    set(st, "etp_infirmiers", gen_num(inf));
    set(st, "etp_paramedicaux", gen_num(inf + gen_dec(r, 0, 2)));
    set(st, "etp_sages_femmes", gen_num(gen_chance(r, 70) ? 0 : gen_dec(r, 0.2, 2)));
    gen_fees(r, doc, c->type);
    gen_precarity(r, p, "n_patients_nursing", "n_css_nursing", "n_ame_nursing");
    set(p, "taux_ald_inval_nursing", gen_num(gen_dec(r, 0, 1)));

    if (gen_chance(r, 90)) {
        s = section(in, "csi_acces_soins");
        static const char *f[] = {"prescribed_care_24h_365d", "snp_every_working_day",
                                  "orientation_info", "charter_displayed", "charter_sent_cpam"};
        for (size_t k = 0; k < 5; k++)
            flag(r, s, f[k], 96);
    }
    if (gen_chance(r, 90)) flag(r, section(in, "csi_crise_plan"), "written", 90);
    if (gen_chance(r, 50)) {
        s = section(in, "csi_crise_actions");
        flag(r, s, "crisis_declared", 50);
        flag(r, s, "actions_done", 60);
    }
    if (gen_chance(r, 60)) count(r, section(in, "csi_mission_sante_publique"), "n_campaigns", 0, 3);
    if (gen_chance(r, 80)) {
        s = section(in, "csi_concertation");
        count(r, s, "n_meetings", 0, 9);
        flag(r, s, "coordinator_present", 85);
    }
    /* Art. 8.7: the three criteria within a convention with an MSP */
    bool msp = gen_chance(r, 60);
    if (gen_chance(r, 50)) {
        s = section(in, "csi_concertation_msp");
        set(s, "msp_convention", json_boolean(msp));
        count(r, s, "n_meetings", 0, 3);
    }
    if (gen_chance(r, 70)) count(r, section(in, "csi_formation"), "n_stages", 0, 3);
    if (gen_chance(r, 70)) {
        s = section(in, "csi_coordination_externe");
        flag(r, s, "transmission_procedure", 85);
        count(r, s, "n_conventions", 0, 4);
        flag(r, s, "directory_up_to_date", 85);
        flag(r, s, "flu_vaccination_info", 85);
    }
    if (gen_chance(r, 50)) {
        s = section(in, "csi_protocoles_msp");
        set(s, "msp_convention", json_boolean(msp));
        count(r, s, "n_protocols", 0, 10);
    }
    if (gen_chance(r, 90)) {
        s = section(in, "csi_fonction_coordination");
        flag(r, s, "manager_identified", 92);
        flag(r, s, "nurse_coordinator_identified", 92);
    }
    if (gen_chance(r, 90)) {
        s = section(in, "csi_si");
        flag(r, s, "compliant", 88);
        if (gen_chance(r, 20)) date_field(r, s, "acquisition_date", c->year - 1, c->year + 1);
    }
    if (gen_chance(r, 40)) {
        s = section(in, "csi_logiciel_pluripro_ans");
        set(s, "msp_convention", json_boolean(msp));
        flag(r, s, "labelled", 70);
        if (gen_chance(r, 30)) date_field(r, s, "acquisition_date", c->year - 1, c->year + 1);
    }
    if (gen_chance(r, 60)) {
        s = section(in, "csi_qualite");
        count(r, s, "level", 0, 4);
        if (gen_chance(r, 50)) set(s, "criteria_share", gen_num(gen_dec(r, 0.3, 1)));
    }
    if (gen_chance(r, 60)) {
        s = section(in, "csi_vulnerables");
        count(r, s, "level1_subcategories", 0, 4);
        count(r, s, "level2_subcategories", 0, 4);
        count(r, s, "level3_subcategories", 0, 4);
        if (gen_chance(r, 40)) flag(r, s, "sage_femme_action_outside", 60);
    }
    if (gen_chance(r, 40)) flag(r, section(in, "csi_mediateur"), "present", 70);
    if (gen_chance(r, 60)) count(r, section(in, "csi_usagers"), "level", 0, 2);
    if (gen_chance(r, 60)) {
        s = section(in, "csi_teletransmission");
        set(s, "rate", gen_num(gen_dec(r, 0.5, 1)));
        flag(r, s, "sesam_version_ok", 85);
    }
    if (gen_chance(r, 50)) flag(r, section(in, "csi_scor"), "used", 70);
    if (gen_chance(r, 50)) flag(r, section(in, "csi_video"), "achieved", 70);
    if (gen_chance(r, 50)) count(r, section(in, "csi_objets_connectes"), "n_devices", 0, 20);
}

/* ---- the centres dentaires ---------------------------------------------------------------- */

static void gen_dental(gen_rng *r, json_t *doc, gen_ctx *c) {
    json_t *st = json_object(), *p = json_object(), *in = json_object(), *s;
    set(doc, "staff", st);
    set(doc, "patients", p);
    set(doc, "indicators", in);
    set(st, "etp_dentistes", gen_num(gen_dec(r, 0.5, 15)));
    gen_fees(r, doc, c->type);
    gen_precarity(r, p, "n_patients_dental", "n_css_dental", "n_ame_dental");

    if (gen_chance(r, 90)) {
        s = section(in, "cd_acces_soins");
        set(s, "weekday_amplitude_hours", gen_num(gen_dec(r, 7, 13)));
        flag(r, s, "saturday_morning_open", 70);
        count(r, s, "holiday_closure_weeks", 0, gen_chance(r, 70) ? 0 : 4);
        if (gen_chance(r, 15)) flag(r, s, "ars_pdsa_derogation", 60);
        flag(r, s, "orientation_info", 95);
        flag(r, s, "snp_every_working_day", 95);
        flag(r, s, "charter_displayed", 95);
        flag(r, s, "charter_sent_cpam", 95);
    }
    if (gen_chance(r, 90)) flag(r, section(in, "cd_crise_plan"), "written", 90);
    if (gen_chance(r, 50)) {
        s = section(in, "cd_crise_actions");
        flag(r, s, "crisis_declared", 50);
        flag(r, s, "actions_done", 60);
    }
    if (gen_chance(r, 60)) flag(r, section(in, "cd_mission_sante_publique"), "achieved", 70);
    if (gen_chance(r, 80)) {
        s = section(in, "cd_concertation");
        count(r, s, "n_meetings", 0, 5);
        flag(r, s, "coordinator_present", 85);
    }
    if (gen_chance(r, 70)) count(r, section(in, "cd_formation"), "n_stages", 0, 3);
    if (gen_chance(r, 60)) {
        s = section(in, "cd_coordination_externe");
        flag(r, s, "contract_signed", 80);
        count(r, s, "n_interventions", 0, 5);
    }
    if (gen_chance(r, 90)) flag(r, section(in, "cd_fonction_coordination"), "achieved", 88);
    if (gen_chance(r, 90)) {
        s = section(in, "cd_si");
        flag(r, s, "compliant", 88);
        if (gen_chance(r, 20)) date_field(r, s, "acquisition_date", c->year - 1, c->year + 1);
    }
    if (gen_chance(r, 60)) {
        s = section(in, "cd_qualite");
        count(r, s, "level", 0, 4);
        if (gen_chance(r, 50)) set(s, "criteria_share", gen_num(gen_dec(r, 0.3, 1)));
    }
    if (gen_chance(r, 60)) {
        s = section(in, "cd_vulnerables");
        count(r, s, "level1_subcategories", 0, 4);
        count(r, s, "level2_subcategories", 0, 4);
        count(r, s, "level3_subcategories", 0, 4);
    }
    if (gen_chance(r, 40)) flag(r, section(in, "cd_mediateur"), "present", 70);
    if (gen_chance(r, 60)) count(r, section(in, "cd_usagers"), "level", 0, 2);
    if (gen_chance(r, 60)) {
        s = section(in, "cd_teletransmission");
        set(s, "rate", gen_num(gen_dec(r, 0.5, 1)));
        flag(r, s, "sesam_version_ok", 85);
    }
}

static const char *const gen_types[4] = {"medical", "polyvalent", "infirmier", "dentaire"};

/* The declaration of index `i` of the sequence of `seed`, of `type` (NULL: the four types in
 * turn). */
static json_t *gen_declaration(uint64_t seed, uint64_t i, const char *type) {
    gen_rng r;
    gen_seed(&r, seed ^ (i * 0xD1B54A32D192ED03ULL));
    gen_ctx c = {type ? type : gen_types[i % 4], (int)gen_int(&r, 2022, 2025), false};
    json_t *doc = json_object();
    set(doc, "ancre_declaration", json_integer(1));
    set(doc, "year", json_integer(c.year));
    gen_centre(&r, doc, &c);
    if (strcmp(c.type, "infirmier") == 0)
        gen_nursing(&r, doc, &c);
    else if (strcmp(c.type, "dentaire") == 0)
        gen_dental(&r, doc, &c);
    else
        gen_medical(&r, doc, &c);
    return doc;
}

#ifndef GEN_DECLARATIONS_NO_MAIN
int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr,
                "usage: gen_declarations SEED COUNT [medical|polyvalent|infirmier|dentaire]\n");
        return 2;
    }
    char *end;
    uint64_t seed = strtoull(argv[1], &end, 10);
    long n = strtol(argv[2], NULL, 10);
    const char *type = argc == 4 ? argv[3] : NULL;
    if (*end || n < 0 ||
        (type && strcmp(type, "medical") && strcmp(type, "polyvalent") &&
         strcmp(type, "infirmier") && strcmp(type, "dentaire"))) {
        fprintf(stderr, "gen_declarations: SEED and COUNT are numbers, TYPE one of the four\n");
        return 2;
    }
    for (long i = 0; i < n; i++) {
        json_t *d = gen_declaration(seed, (uint64_t)i, type);
        char *s = json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        puts(s);
        free(s);
        json_decref(d);
    }
    return 0;
}
#endif
