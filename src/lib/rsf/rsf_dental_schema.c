/* Declaration fields and readings of the RSF of centres de santé dentaires
 * (Art. 4 to 18, Annexes 1 and 1 bis; ids cd_*).
 * The dental patientèle (patients.n_patients_dental) and the fee fields are shared with the
 * forte activité dentaire of polyvalent centres (rsf_medical_schema.c). */
#include "../core/registry.h"

/* Bounds of the declaration fields.  The accord bounds shares (0 to 1), levels (Art. 9.1.1:
 * 4 levels; Art. 9.1.3: 2 levels) and sub-categories (Art. 9.1.2, L2221: "deux des quatre
 * sous-catégories"); every other bound is a physical limit, chosen so that no real centre is
 * refused:
 * - patients: the population of France (68 million in 2024), rounded up to 70 million;
 * - staff (headcounts and ETP): the health professionals of France (about 1.3 million), rounded
 *   up to 2 million;
 * - fees: 10^12 euros, beyond the whole national health spending;
 * - counts of events of a year (meetings, stages, protocols, devices, acts): 10^9, more than
 *   thirty a second all year round; it also keeps the products of points exact;
 * - hours in a day: 24; days in a month: 31; weeks of a year: 53 (a year spans at most 53
 *   calendar weeks). */
#define MAX_PATIENTS "70000000"
#define MAX_STAFF "2000000"
#define MAX_FEES "1000000000000"
#define MAX_EVENTS "1000000000"

#define S REQ_SECTION
#define N REQ_NO
#define FLAG(sec, name, art, what)                                                                 \
    { "indicators." sec "." name, F_BOOL, S, 0, 0, 0, 0, art, what }

static const field_def fields[] = {
    {"staff.etp_dentistes", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 3, 13, Annexe 1",
     "ETP of salaried chirurgiens-dentistes (SI points of a centre dentaire, its démarche "
     "qualité and télétransmission)."},
    {"patients.n_css_dental", F_INT, N, "0", MAX_PATIENTS, 0, "patients.n_patients_dental",
     "Art. 15.6.2",
     "CSS beneficiaries among the patients with at least one reimbursable act billed by a dentist "
     "of the centre (precarity rate of a centre dentaire)."},
    {"patients.n_ame_dental", F_INT, N, "0", MAX_PATIENTS, 0, "patients.n_patients_dental",
     "Art. 15.6.2", "AME beneficiaries among those patients."},
    /* bloc commun principal */
    {"indicators.cd_acces_soins.weekday_amplitude_hours", F_DEC, S, "0", "24", 0, 0,
     "Art. 8.1.3, 15.5", "Shortest daily opening amplitude on weekdays, in hours."},
    FLAG("cd_acces_soins", "saturday_morning_open", "Art. 8.1.3, 15.5",
         "Open on Saturday morning."),
    {"indicators.cd_acces_soins.holiday_closure_weeks", F_INT, S, "0", "53", 0, 0, "Art. 15.5",
     "Weeks closed during school holidays in the year."},
    {"indicators.cd_acces_soins.ars_pdsa_derogation", F_BOOL, N, 0, 0, 0, 0, "Art. 8.1.3",
     "Opening hours set by a regional organisation of the permanence des soins (absent: false)."},
    FLAG("cd_acces_soins", "orientation_info", "Art. 8.1.3",
         "Clear information on where to go outside opening hours."),
    FLAG("cd_acces_soins", "snp_every_working_day", "Art. 8.1.3",
         "Patients needing unscheduled care received every working day."),
    FLAG("cd_acces_soins", "charter_displayed", "Art. 8.1.4",
         "Engagement charter (Annexe 4) displayed in the centre."),
    FLAG("cd_acces_soins", "charter_sent_cpam", "Art. 8.1.4",
         "Copy of the charter sent to the caisse primaire."),
    FLAG("cd_crise_plan", "written", "Art. 8.1.5", "Crisis preparedness plan written or updated."),
    FLAG("cd_crise_actions", "crisis_declared", "Art. 8.1.5",
         "A crise sanitaire grave was declared by the authorities during the year."),
    FLAG("cd_crise_actions", "actions_done", "Art. 8.1.5",
         "The centre took actions for its patients during the crisis."),
    FLAG("cd_mission_sante_publique", "achieved", "Art. 8.2.4",
         "A public-health mission (PRS) or bucco-dental check-ups of elderly, diabetic or disabled "
         "people, under partnerships other than the contracts of Art. 8.3.3."),
    {"indicators.cd_concertation.n_meetings", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.1.4",
     "Coordination meetings between dentists in the year."},
    FLAG("cd_concertation", "coordinator_present", "Art. 8.3.1.4",
         "The coordinator attended the meetings."),
    {"indicators.cd_formation.n_stages", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.2",
     "Internships hosted in the year (attestations sent to the CPAM)."},
    FLAG("cd_coordination_externe", "contract_signed", "Art. 8.3.3.4",
         "Contract with an EHPAD, a health, medico-social or prison establishment or a REP/REP+ "
         "school (copy sent to the CPAM)."),
    {"indicators.cd_coordination_externe.n_interventions", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.3.3.4", "Interventions in the year of salaried dentists outside the centre."},
    FLAG("cd_fonction_coordination", "achieved", "Art. 8.3.4.3",
         "Coordination ensured by staff with identified dedicated time or recruited for it."),
    FLAG("cd_si", "compliant", "Art. 8.4.3",
         "Structured computerised dental record, evolutive and interoperable system (invoices "
         "sent to the CPAM)."),
    {"indicators.cd_si.acquisition_date", F_DATE, N, 0, 0, 0, 0, "Art. 8.4",
     "Date the system was acquired: its points run from it (prorata temporis)."},
    /* bloc commun complémentaire */
    {"indicators.cd_qualite.level", F_INT, S, "0", "4", 0, 0, "Art. 9.1.1",
     "Level of the démarche qualité reached (0-4; levels are cumulative)."},
    {"indicators.cd_qualite.criteria_share", F_DEC, N, "0", "1", 0, 0, "Art. 9.1.1",
     "Share of the référentiel criteria reached (checks the level 2 threshold)."},
    {"indicators.cd_vulnerables.level1_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 1 with at least one action done."},
    {"indicators.cd_vulnerables.level2_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 2 with at least one action done."},
    {"indicators.cd_vulnerables.level3_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 3 with at least one action done."},
    FLAG("cd_mediateur", "present", "Art. 9.1.2", "A health mediator works in the centre."),
    {"indicators.cd_usagers.level", F_INT, S, "0", "2", 0, 0, "Art. 9.1.3",
     "Level of user involvement reached (0-2)."},
    {"indicators.cd_teletransmission.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.1.4",
     "Share of acts teletransmitted in secured SESAM-Vitale mode."},
    FLAG("cd_teletransmission", "sesam_version_ok", "Art. 9.1.4",
         "Software at the SESAM-Vitale version required for the year."),
};

static const reading_def readings[] = {
    {"cd_mission_points",
     "Art. 15.3 (l. 2948-2950), Annexe 1",
     "Mission de santé publique des centres dentaires (200 points) : l'article 15.3 (l. "
     "2948-2950) compte 200 points optionnels variables « en fonction de la patientèle », mais "
     "les lignes optionnelles de l'annexe 1 ne font que ses 1 175 points fixes.",
     {{"variable", "200 points selon la patientèle dentaire / 2 600"},
      {"fixed", "200 points fixes"}}},
    {"cd_holiday_minoration",
     "Art. 15.5 (l. 3018-3020, 2996-2998)",
     "Fermeture d'un centre dentaire pendant les congés scolaires (article 15.5, l. 3018-3020) : "
     "« une minoration de 20 points est appliquée », sans « par semaine », quand la liste des "
     "centres médicaux dit 30 points « par semaine de fermeture » (l. 2996-2998).",
     {{"flat", "20 points quel que soit le nombre de semaines, jusqu'à 3"},
      {"per_week", "20 points par semaine, jusqu'à 3 semaines"}}},
};

const module_tables rsf_dental_tables = {fields, sizeof fields / sizeof *fields, readings,
                                         sizeof readings / sizeof *readings};
