/* Declaration fields and readings of the RSF of centres de santé infirmiers
 * (Art. 4 to 18, Annexes 1 and 1 bis; ids csi_*).
 * Staff and patient fields shared with the other centre types are those of
 * rsf_medical_schema.c (staff.etp_infirmiers, staff.etp_paramedicaux, staff.etp_sages_femmes,
 * patients.n_patients_nursing, patients.taux_ald_inval_nursing). */
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
    {"patients.n_css_nursing", F_INT, N, "0", MAX_PATIENTS, 0, "patients.n_patients_nursing",
     "Art. 15.6.3",
     "CSS beneficiaries among the patients with at least 3 reimbursable nursing acts on different "
     "dates by a nurse of the centre (precarity rate of a centre infirmier)."},
    {"patients.n_ame_nursing", F_INT, N, "0", MAX_PATIENTS, 0, "patients.n_patients_nursing",
     "Art. 15.6.3", "AME beneficiaries among those patients."},
    /* bloc commun principal */
    FLAG("csi_acces_soins", "prescribed_care_24h_365d", "Art. 8.1.2",
         "Access to prescribed care guaranteed 24h/24 and 365 days a year."),
    FLAG("csi_acces_soins", "snp_every_working_day", "Art. 8.1.2",
         "Unscheduled prescribed care every working day within opening hours."),
    FLAG("csi_acces_soins", "orientation_info", "Art. 8.1.2",
         "Clear information on where to go outside opening hours (telephone message)."),
    FLAG("csi_acces_soins", "charter_displayed", "Art. 8.1.4",
         "Engagement charter (Annexe 3) displayed in the centre."),
    FLAG("csi_acces_soins", "charter_sent_cpam", "Art. 8.1.4",
         "Copy of the charter sent to the caisse primaire."),
    FLAG("csi_crise_plan", "written", "Art. 8.1.5", "Crisis preparedness plan written or updated."),
    FLAG("csi_crise_actions", "crisis_declared", "Art. 8.1.5",
         "A crise sanitaire grave was declared by the authorities during the year."),
    FLAG("csi_crise_actions", "actions_done", "Art. 8.1.5",
         "The centre took actions for its patients during the crisis."),
    {"indicators.csi_mission_sante_publique.n_campaigns", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.2.3, Annexe 5",
     "Prevention campaigns relayed (Annexe 5 list or consistent with the PRS)."},
    {"indicators.csi_concertation.n_meetings", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.1.3",
     "Coordination meetings between nurses in the year."},
    FLAG("csi_concertation", "coordinator_present", "Art. 8.3.1.3",
         "The nurse in charge of coordination attended the meetings."),
    FLAG("csi_concertation_msp", "msp_convention", "Art. 8.7, 8.7.1",
         "Convention with a maison de santé pluriprofessionnelle adhering to the ACI."),
    {"indicators.csi_concertation_msp.n_meetings", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.7.1",
     "Case-concertation meetings held with professionals of the MSP."},
    {"indicators.csi_formation.n_stages", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.2",
     "Internships hosted in the year (attestations sent to the CPAM)."},
    FLAG("csi_coordination_externe", "transmission_procedure", "Art. 8.3.3.3",
         "Procedure for transmitting health data to outside professionals and establishments."),
    {"indicators.csi_coordination_externe.n_conventions", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.3.3.3", "Conventions signed with health or medico-social establishments."},
    FLAG("csi_coordination_externe", "directory_up_to_date", "Art. 8.3.3.3",
         "Up-to-date directory of the local health and social offer."),
    FLAG("csi_coordination_externe", "flu_vaccination_info", "Art. 8.3.3.3",
         "The médecin traitant is informed when a nurse of the centre gives the flu vaccine."),
    FLAG("csi_protocoles_msp", "msp_convention", "Art. 8.7, 8.7.2",
         "Convention with a maison de santé pluriprofessionnelle adhering to the ACI."),
    {"indicators.csi_protocoles_msp.n_protocols", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.7.2",
     "Pluriprofessional protocols elaborated with MSP professionals."},
    FLAG("csi_fonction_coordination", "manager_identified", "Art. 8.3.4.2",
         "Organisation and patient information entrusted to an identified manager."),
    FLAG("csi_fonction_coordination", "nurse_coordinator_identified", "Art. 8.3.4.2",
         "An identified nurse is specifically in charge of coordination."),
    FLAG("csi_si", "compliant", "Art. 8.4.2",
         "Structured shared nursing record, mobile access from the patient's home, evolutive and "
         "interoperable system (invoices sent to the CPAM)."),
    {"indicators.csi_si.acquisition_date", F_DATE, N, 0, 0, 0, 0, "Art. 8.4",
     "Date the system was acquired: its points run from it (prorata temporis)."},
    FLAG("csi_logiciel_pluripro_ans", "msp_convention", "Art. 8.7, 8.7.3",
         "Convention with a maison de santé pluriprofessionnelle adhering to the ACI."),
    FLAG("csi_logiciel_pluripro_ans", "labelled", "Art. 8.7.3",
         "Pluriprofessional software labelled by the ANS acquired besides the nursing software."),
    {"indicators.csi_logiciel_pluripro_ans.acquisition_date", F_DATE, N, 0, 0, 0, 0, "Art. 8.4",
     "Date it was acquired: its points run from it (prorata temporis)."},
    /* bloc commun complémentaire */
    {"indicators.csi_qualite.level", F_INT, S, "0", "4", 0, 0, "Art. 9.1.1",
     "Level of the démarche qualité reached (0-4; levels are cumulative)."},
    {"indicators.csi_qualite.criteria_share", F_DEC, N, "0", "1", 0, 0, "Art. 9.1.1",
     "Share of the référentiel criteria reached (checks the level 2 threshold)."},
    {"indicators.csi_vulnerables.level1_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 1 with at least one action done."},
    {"indicators.csi_vulnerables.level2_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 2 with at least one action done."},
    {"indicators.csi_vulnerables.level3_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 3 with at least one action done."},
    {"indicators.csi_vulnerables.sage_femme_action_outside", F_BOOL, N, 0, 0, 0, 0, "Art. 16.2",
     "An 'aller vers' action outside the centre by a salaried sage-femme (absent: false)."},
    FLAG("csi_mediateur", "present", "Art. 9.1.2", "A health mediator works in the centre."),
    {"indicators.csi_usagers.level", F_INT, S, "0", "2", 0, 0, "Art. 9.1.3",
     "Level of user involvement reached (0-2)."},
    {"indicators.csi_teletransmission.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.1.4",
     "Share of acts teletransmitted in secured SESAM-Vitale mode."},
    FLAG("csi_teletransmission", "sesam_version_ok", "Art. 9.1.4",
         "Software at the SESAM-Vitale version required for the year."),
    FLAG("csi_scor", "used", "Art. 9.1.4, Annexe 7", "SCOR is used."),
    FLAG("csi_video", "achieved", "Art. 9.3.1", "Secure video equipment for teleconsultation."),
    {"indicators.csi_objets_connectes.n_devices", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 9.3.1, 16.2", "Connected medical devices acquired."},
};

static const reading_def readings[] = {
    {"csi_mission_points",
     "Art. 8.2.3 (l. 763), Annexe 1",
     "Mission de santé publique des centres infirmiers : 400 points « dans la limite de deux "
     "projets rémunérés » (article 8.2.3, l. 763). Les points se partagent-ils par campagne ?",
     {{"per_campaign", "400 / 2 points par campagne, jusqu'à 2, selon la patientèle"},
      {"flat", "400 points dès une campagne, selon la patientèle"}}},
    {"csi_protocoles_msp_points",
     "Annexe 1 (l. 13014-13025)",
     "Protocoles pluriprofessionnels avec une maison de santé : 200 points « (8 protocoles au "
     "maximum) » (annexe 1, l. 13014-13025). Les points se partagent-ils par protocole ?",
     {{"per_protocol", "200 / 8 points par protocole, jusqu'à 8"},
      {"flat", "200 points dès un protocole"}}},
};

const module_tables rsf_nursing_tables = {fields, sizeof fields / sizeof *fields, readings,
                                          sizeof readings / sizeof *readings};
