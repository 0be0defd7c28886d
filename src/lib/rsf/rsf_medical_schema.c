/* Declaration fields and readings of the RSF of centres médicaux and polyvalents
 * (Art. 4 to 18, Annexes 1 and 1 bis). */
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
/* the staff bound of 2 million ETP times the 168 hours of a week */
#define MAX_WEEK_HOURS "336000000"

#define S REQ_SECTION
#define N REQ_NO
#define ACHIEVED(sec, art, what)                                                                   \
    { "indicators." sec ".achieved", F_BOOL, S, 0, 0, 0, 0, art, what }

static const field_def fields[] = {
    /* staff (salaried professionals, ETP validated by the CPAM for the year) */
    {"staff.n_ps_salaries", F_INT, N, "0", MAX_STAFF, 0, 0, "Annexe 1 (SI)",
     "Headcount of salaried health professionals (PS salariés), all professions."},
    {"staff.etp_mg", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 7, 9.2.1",
     "ETP of salaried médecins généralistes."},
    {"staff.etp_medicaux", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 16.1",
     "ETP of salaried professions médicales (médecins, chirurgiens-dentistes, sages-femmes)."},
    {"staff.etp_paramedicaux", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 16.1, 15.5",
     "ETP of salaried auxiliaires médicaux; a centre with none has no paramedical activity."},
    {"staff.etp_infirmiers", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 7",
     "ETP of salaried nurses (IDE, IPA included)."},
    {"staff.etp_ps", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 16.1",
     "ETP of all salaried health professionals (démarche qualité)."},
    {"staff.etp_sages_femmes", F_DEC, N, "0", MAX_STAFF, 0, 0, "Art. 16.1",
     "ETP of salaried sages-femmes."},
    {"staff.n_ipa_salaries", F_INT, N, "0", MAX_STAFF, 0, "staff.n_ps_salaries", "Art. 8.2.1",
     "Salaried infirmiers en pratique avancée."},
    /* patients (SNIIRAM figures computed by the Assurance Maladie) */
    {"patients.n_mt_31_12", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.1",
     "Patients having declared a salaried doctor of the centre as médecin traitant, at 31/12."},
    {"patients.n_ame_2_soins_mg", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.1",
     "AME beneficiaries with at least 2 cares by salaried GPs of the centre in the year (added "
     "to the patientèle from 2020)."},
    {"patients.n_mt_over16_31_12", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.1",
     "Patients over 16 with a médecin traitant of the centre at 31/12 (2017-2019 method)."},
    {"patients.n_children_0_16_2_soins", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.1",
     "Children 0-16 with at least 2 cares by salaried GPs (2017-2019 method)."},
    {"patients.n_mt_ald_or_over75", F_INT, N, "0", MAX_PATIENTS, 0, "patients.n_mt_31_12",
     "Art. 8.3.1.1",
     "Médecin-traitant patients in ALD or over 75 (base of the concertation "
     "target)."},
    {"patients.file_active_mg", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 15.6.1",
     "Patients with at least one act billed by a GP of the centre (file active)."},
    {"patients.n_css_fa", F_INT, N, "0", MAX_PATIENTS, 0, "patients.file_active_mg", "Art. 15.6.1",
     "CSS beneficiaries in the file active."},
    {"patients.n_ame_fa", F_INT, N, "0", MAX_PATIENTS, 0, "patients.file_active_mg", "Art. 15.6.1",
     "AME beneficiaries in the file active."},
    {"patients.n_patients_nursing", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.3",
     "Patients with at least 3 reimbursable nursing cares on different dates by a nurse of the "
     "centre."},
    {"patients.taux_ald_inval_nursing", F_DEC, N, "0", "1", 0, 0, "Art. 13.3",
     "Share of ALD or invalidité patients among those nursing patients (0-1)."},
    {"patients.n_patients_dental", F_INT, N, "0", MAX_PATIENTS, 0, 0, "Art. 13.2",
     "Patients with at least one reimbursable care by a dentist of the centre."},
    {"activity.fees_total", F_DEC, N, "0", MAX_FEES, 0, 0, "Art. 7",
     "Total fees (honoraires) of the centre in the year, in euros."},
    {"activity.fees_dental", F_DEC, N, "0", MAX_FEES, 0, "activity.fees_total", "Art. 7",
     "Fees from dental care, in euros."},
    /* bloc commun principal, socle */
    {"indicators.acces_amplitude_snp.weekday_amplitude_hours", F_DEC, S, "0", "24", 0, 0,
     "Art. 8.1.1, 15.5", "Shortest daily opening amplitude on weekdays, in hours."},
    {"indicators.acces_amplitude_snp.saturday_morning_open", F_BOOL, S, 0, 0, 0, 0,
     "Art. 8.1.1, 15.5", "Open on Saturday morning."},
    {"indicators.acces_amplitude_snp.holiday_closure_weeks", F_INT, S, "0", "53", 0, 0, "Art. 15.5",
     "Weeks closed during school holidays."},
    {"indicators.acces_amplitude_snp.ars_pdsa_derogation", F_BOOL, N, 0, 0, 0, 0, "Art. 8.1.1",
     "Opening hours set by a regional organisation of the permanence des soins (absent: false)."},
    {"indicators.acces_amplitude_snp.orientation_info", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.1",
     "Clear information on where to go outside opening hours."},
    {"indicators.acces_amplitude_snp.snp_every_working_day", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.1",
     "Unscheduled care (soins non programmés) received every working day."},
    {"indicators.acces_amplitude_snp.charter_displayed", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.4",
     "Engagement charter (Annexe 2) displayed in the centre."},
    {"indicators.acces_amplitude_snp.charter_sent_cpam", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.4",
     "Copy of the charter sent to the caisse primaire."},
    {"indicators.crise_plan_preparation.written", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.5",
     "Crisis preparedness plan written or updated."},
    {"indicators.crise_mise_en_oeuvre.crisis_declared", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.5",
     "A crise sanitaire grave was declared by the authorities during the year."},
    {"indicators.crise_mise_en_oeuvre.actions_done", F_BOOL, S, 0, 0, 0, 0, "Art. 8.1.5",
     "The centre took actions for its patients during the crisis."},
    {"indicators.concertation_pluripro.n_meetings", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.1.1",
     "Concertation meetings held in the year."},
    {"indicators.concertation_pluripro.n_dossiers", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.1.1",
     "Patient files reviewed in concertation."},
    {"indicators.concertation_pluripro.mode", F_ENUM, S, 0, 0,
     "pluripro|medical_only|external_auxiliaries", 0, "Art. 8.3.1.1, 15.5",
     "Who meets: the centre's professions (pluripro), doctors or medical professions only, or "
     "doctors with external auxiliaires médicaux under convention."},
    {"indicators.concertation_pluripro.reports_in_record", F_BOOL, S, 0, 0, 0, 0, "Art. 8.3.1.1",
     "Meeting reports integrated in the patient records."},
    {"indicators.protocoles_pluripro.n_protocols", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.5.2",
     "Pluriprofessional protocols meeting the HAS conditions."},
    ACHIEVED("fonction_coordination", "Art. 8.3.4.1",
             "Coordination function ensured (identified dedicated time or recruited staff)."),
    {"indicators.si_standard.label_standard", F_BOOL, S, 0, 0, 0, 0, "Art. 8.4.1",
     "Information system labelled 'niveau standard' by the ANS (ASIP santé)."},
    {"indicators.si_standard.segur_lap", F_BOOL, N, 0, 0, 0, 0, "Art. 8.4.1",
     "Ségur-referenced software with an HAS-certified LAP (required from 2023; absent: false)."},
    {"indicators.si_standard.acquisition_date", F_DATE, N, 0, 0, 0, 0, "Art. 8.4",
     "Date the labelled system was acquired: the SI points run from it (prorata temporis)."},
    {"indicators.si_standard.label_withdrawn_date", F_DATE, N, 0, 0, 0, 0, "Art. 14",
     "Date the software lost its label (derogation of Art. 14)."},
    {"indicators.si_standard.achieved_previous_years", F_BOOL, N, 0, 0, 0, 0, "Art. 14",
     "SI indicator achieved in the years before the label was withdrawn (absent: false)."},
    /* bloc commun principal, optional */
    {"indicators.missions_sante_publique.n_missions", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.2.1, Annexe 5", "Public-health missions validated (Annexe 5 or PRS)."},
    {"indicators.missions_sante_publique.obesity_mission", F_BOOL, N, 0, 0, 0, 0, "Art. 8.5.8",
     "One of them is the child overweight/obesity mission (absent: false)."},
    {"indicators.diversification.second_recours_days_per_month", F_DEC, S, "0", "31", 0, 0,
     "Art. 8.5.1", "Average days per month of second-recours consultations (or SF/CD access)."},
    {"indicators.diversification.second_recours_etp", F_DEC, S, "0", MAX_STAFF, 0, 0, "Art. 8.5.1",
     "ETP of those second-recours consultations."},
    {"indicators.diversification.n_other_medical_professions", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.5.1",
     "Different medical professions besides general medicine, not counted in criteria 1-2."},
    {"indicators.diversification.n_other_paramedical_professions", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.5.1", "Different paramedical professions, not counted in criteria 1-2."},
    ACHIEVED("accueil_medecin_cstm", "Art. 8.5.4",
             "Hosts a salaried doctor of another centre under a contrat de solidarité "
             "territoriale."),
    {"indicators.sas_participation.agenda_open", F_BOOL, S, 0, 0, 0, 0, "Art. 8.3.5",
     "Agenda open to online booking or shared with the SAS regulation."},
    /* the hours of every GP of the centre add up: 2 h per ETP MG (Annexe 1, L13120-L13124) make
     * 170 h for 85 ETP; a week of 168 h per ETP at most */
    {"indicators.sas_participation.hours_per_week", F_DEC, S, "0", MAX_WEEK_HOURS, 0, 0,
     "Art. 8.3.5", "Hours per week opened to the SAS."},
    {"indicators.sas_participation.registered", F_BOOL, S, 0, 0, 0, 0, "Art. 8.3.5",
     "Registered on the national SAS platform in an operational SAS territory."},
    {"indicators.sas_snp_organisation.handles_all_requests", F_BOOL, S, 0, 0, 0, 0, "Art. 8.5.5",
     "Organised to handle every request of the SAS regulator."},
    {"indicators.formation.n_stages", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.3.2",
     "Internships hosted in the year (attestations sent to the CPAM)."},
    {"indicators.formation.n_stages_medecins", F_INT, N, "0", MAX_EVENTS, 0,
     "indicators.formation.n_stages", "Art. 8.3.2", "Of which médecin internships."},
    {"indicators.formation.n_stages_infirmiers", F_INT, N, "0", MAX_EVENTS, 0,
     "indicators.formation.n_stages", "Art. 8.3.2", "Of which nursing-student internships."},
    {"indicators.formation.n_stages_dentaires", F_INT, N, "0", MAX_EVENTS, 0,
     "indicators.formation.n_stages", "Art. 8.3.2", "Of which dental-student internships."},
    ACHIEVED("coordination_externe", "Art. 8.3.3.1",
             "Procedure for transmitting health data to external professionals and hospitals."),
    {"indicators.protocoles_ipa.n_protocols", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 8.5.2",
     "Protocols in which the salaried IPA takes part."},
    {"indicators.protocoles_cooperation_snp.n_protocols", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.5.6", "National cooperation protocols for unscheduled care applied."},
    ACHIEVED("parcours_insuffisance_cardiaque", "Art. 8.5.7",
             "Takes part in the heart-failure pathway with one of its objectives."),
    ACHIEVED("parcours_obesite_enfant", "Art. 8.5.8",
             "Integrated in the child overweight/obesity pathway."),
    ACHIEVED("si_avance", "Art. 8.5.3", "Information system labelled 'niveau avancé'."),
    ACHIEVED("regulation_territoriale", "slides 001 (grid before 2022)",
             "Takes part in a territorial regulation of unscheduled care (grid before 2022)."),
    /* forte activité of polyvalent centres */
    ACHIEVED("fai_mission_infirmiere", "Art. 8.2.2",
             "Extra public-health mission carried out by the nurses."),
    ACHIEVED("fad_mission_dentaire", "Art. 8.2.2",
             "Extra public-health mission carried out by the dentists."),
    {"indicators.fad_reunions_dentaires.n_meetings", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "Art. 8.3.1.2", "Coordination meetings between dentists."},
    ACHIEVED("fad_contrat_structure", "Art. 8.3.3.2",
             "Contract with an EHPAD, medico-social or prison establishment or a school."),
    ACHIEVED("fad_si_dossier_dentaire", "Art. 8.4.4",
             "Structured computerised dental record integrated in the centre's SI."),
    {"indicators.fad_si_dossier_dentaire.acquisition_date", F_DATE, N, 0, 0, 0, 0,
     "Art. 8.4, 8.4.4",
     "Date the dental record was acquired: its points run from it (prorata temporis)."},
    /* bloc commun complémentaire */
    {"indicators.qualite.level", F_INT, S, "0", "4", 0, 0, "Art. 9.1.1",
     "Level of the démarche qualité reached (0-4; levels are cumulative)."},
    {"indicators.qualite.criteria_share", F_DEC, N, "0", "1", 0, 0, "Art. 9.1.1",
     "Share of the référentiel criteria reached (checks the level 2 threshold)."},
    {"indicators.vulnerables.level1_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 1 with at least one action done."},
    {"indicators.vulnerables.level2_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 2 with at least one action done."},
    {"indicators.vulnerables.level3_subcategories", F_INT, S, "0", "4", 0, 0, "Art. 9.1.2",
     "Sub-categories of level 3 with at least one action done."},
    {"indicators.vulnerables.sage_femme_action_outside", F_BOOL, N, 0, 0, 0, 0, "Art. 9.1.2",
     "An action done outside the centre by a salaried sage-femme (absent: false)."},
    {"indicators.mediateur_sante.present", F_BOOL, S, 0, 0, 0, 0, "Art. 9.1.2, 9.2.5",
     "A health mediator works in the centre."},
    {"indicators.usagers.level", F_INT, S, "0", "2", 0, 0, "Art. 9.1.3",
     "Level of user involvement reached (0-2)."},
    {"indicators.teletransmission.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.1.4",
     "Share of acts teletransmitted in secured SESAM-Vitale mode."},
    {"indicators.teletransmission.sesam_version_ok", F_BOOL, S, 0, 0, 0, 0, "Art. 9.1.4",
     "Software at the SESAM-Vitale version required for the year."},
    {"indicators.scor.used", F_BOOL, S, 0, 0, 0, 0, "Art. 9.1.4", "SCOR is used."},
    ACHIEVED("teleservices_justificatif", "Art. 9.2.2",
             "Proof of use of the teleservices sent to the CPAM."),
    ACHIEVED("video_transmission", "Art. 9.2.3", "Secure video equipment for teleconsultation."),
    ACHIEVED("video_transmission_infirmiers", "Art. 9.2.3",
             "Video equipment for nurses taking part in teleconsultation."),
    {"indicators.equipements_connectes.n_devices", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 9.2.3",
     "Connected medical devices acquired."},
    ACHIEVED("codage_donnees", "Art. 9.2.4", "Able to code data and feed registries."),
    {"indicators.dmp_alimentation.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.2.1",
     "DMP feeding rate."},
    {"indicators.mss_usage.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.2.1", "MSS usage rate."},
    {"indicators.e_prescription.rate", F_DEC, S, "0", "1", 0, 0, "Art. 9.2.1",
     "E-prescription rate."},
    {"indicators.appli_carte_vitale.n_fse", F_INT, S, "0", MAX_EVENTS, 0, 0, "Art. 9.2.1",
     "FSE made with the carte Vitale application."},
    /* items of the grid before 2022 (slides 001) */
    ACHIEVED("vulnerables_forfait", "slides 001 (grid before 2022)",
             "Accompaniment of vulnerable publics (grid before 2022)."),
    ACHIEVED("information_public", "slides 001 (grid before 2022)",
             "Information of the public (grid before 2022)."),
    {"indicators.mediateur_sante_2021.present", F_BOOL, S, 0, 0, 0, 0,
     "slides 001 (grid before 2022)", "ETP of health mediator in the centre (grid before 2022)."},
    {"indicators.dmp_ouverture_infirmiers.n_dmp_opened", F_INT, S, "0", MAX_EVENTS, 0, 0,
     "slides 001 (grid before 2022)", "DMP opened with nurses (grid before 2022)."},
};

/* The readings of the centres médicaux and polyvalents; those every type shares are in
 * rsf_common_schema.c. */
static const reading_def readings[] = {
    {"patientele_2020",
     "Art. 13.1 (l. 2765-2779)",
     "Patientèle de référence de 2020 : l'article 13.1 (l. 2765-2773) laisse à la commission "
     "paritaire nationale la décision de mettre fin à la méthode de 2017-2019 ou de la maintenir "
     "au titre de 2020 ; la décision n'est pas dans le texte. La patientèle AME s'ajoute à partir "
     "de 2020 (l. 2775-2779).",
     {{"derogation_ended", "patients ayant déclaré un médecin traitant du centre au 31/12 + "
                           "patients AME"},
      {"derogation_kept", "patients de plus de 16 ans avec un médecin traitant du centre + enfants "
                          "de 0 à 16 ans ayant eu 2 soins de médecins généralistes + patients "
                          "AME"}}},
    {"coordination_tiers",
     "Annexe 1 (l. 13055-13075)",
     "Partie variable de la fonction de coordination : 1 700 points pour 4 000 patients jusqu'à "
     "8 000 patients, 1 100 au-delà (annexe 1, l. 13055-13075). Le palier vaut-il pour les "
     "patients au-delà de 8 000 seulement, ou pour toute la patientèle ?",
     {{"marginal", "1 700 points pour 4 000 patients sur les 8 000 premiers, 1 100 au-delà"},
      {"whole", "toute la patientèle à 1 100 points pour 4 000 patients dès qu'elle dépasse "
                "8 000"}}},
    {"protocoles_points",
     "Annexe 1 (l. 13008-13012)",
     "Protocoles pluriprofessionnels : 800 points (annexe 1, l. 13008-13012) ; les diapositives "
     "de l'Assurance Maladie de 2022 ajoutent « max 8 ». Les points se partagent-ils par "
     "protocole ?",
     {{"per_protocol", "800 / 8 points par protocole, jusqu'à 8 protocoles"},
      {"flat", "800 points dès un protocole"}}},
    {"coop_snp_points",
     "Annexe 1 (l. 13150)",
     "Protocoles de coopération pour les soins non programmés : 600 points « dans la limite des 6 "
     "protocoles nationaux » (annexe 1, l. 13150). Les points se partagent-ils par protocole ?",
     {{"per_protocol", "600 / 6 points par protocole, jusqu'à 6 protocoles"},
      {"flat", "600 points dès un protocole"}}},
    {"missions_points",
     "Art. 8.2.1 (l. 734), Annexe 1 (l. 12490)",
     "Missions de santé publique : 700 points pour « 2 missions au maximum » (annexe 1, l. 12490 ; "
     "article 8.2.1, l. 734 : « dans la limite de deux projets rémunérés »). Les points se "
     "partagent-ils par mission ?",
     {{"per_mission", "700 / 2 points par mission, jusqu'à 2, selon la patientèle"},
      {"flat", "700 points dès une mission, selon la patientèle"}}},
    {"ipa_missions_min",
     "Art. 8.2.1 (l. 738-740)",
     "Complément IPA des missions de santé publique : « le centre ... bénéficie d'une valorisation "
     "complémentaire dès lors qu'il salarie un infirmier en pratique avancée » (article 8.2.1, l. "
     "738-740). Combien de missions faut-il pour ce complément ?",
     {{"1", "au moins une mission de santé publique"},
      {"0", "aucune condition de mission : un IPA salarié suffit"},
      {"2", "les deux missions rémunérées"}}},
    {"sas_participation_formula",
     "Annexe 1 (l. 13109-13124)",
     "Participation au service d'accès aux soins : 200 points variables « (ETP médecins "
     "généralistes) » (annexe 1, l. 13109-13111), sans formule.",
     {{"etp_mg_capped", "200 points par ETP de médecin généraliste, jusqu'au plafond d'ETP"},
      {"patientele", "200 points selon la patientèle de référence"},
      {"flat", "200 points"}}},
    {"regulation_territoriale_formula",
     "grille antérieure à 2022 (diapositives de l'Assurance Maladie de 2022)",
     "Régulation territoriale des soins non programmés, grille antérieure à 2022 : 150 points "
     "variables « (max 5 ETP médecins) », sans formule.",
     {{"per_etp_capped", "150 points par ETP de médecin généraliste, jusqu'à 5"},
      {"share_of_cap", "150 × min(ETP de médecins généralistes, 5) / 5"},
      {"flat", "150 points"}}},
    {"concertation_minoration",
     "Art. 15.5 (l. 3026-3046)",
     "Minorations de la concertation (article 15.5, l. 3026-3046 : 250 points entre médecins "
     "seulement, 150 avec des auxiliaires médicaux extérieurs) sur un indicateur dont les points "
     "dépendent de la patientèle et du taux de réalisation : avant ou après ce calcul ?",
     {{"before_scaling", "retranchées des 1 000 points de base, puis le tout selon la patientèle "
                         "et le taux de réalisation"},
      {"after_scaling", "retranchées des points calculés, sans descendre sous zéro"}}},
    {"ipa_concertation_rate",
     "Art. 8.3.1.1 (l. 877, 889-891)",
     "Le complément IPA de la concertation (article 8.3.1.1, l. 889-891) suit-il aussi le taux de "
     "réalisation de la concertation (l. 877) ?",
     {{"not_applied", "le complément IPA selon la patientèle seulement"},
      {"applied", "le complément IPA multiplié aussi par le taux de réalisation"}}},
    {"si_count",
     "Annexe 1 (l. 13218-13234)",
     "Partie variable du système d'information : des points « par PS salarié » (annexe 1, l. "
     "13220-13234), comptés par tête ou en ETP ?",
     {{"headcount", "par professionnel de santé salarié (staff.n_ps_salaries)"},
      {"etp", "par ETP de professionnel de santé (staff.etp_ps)"}}},
    {"forte_activite_extras",
     "Art. 7 (l. 505-523)",
     "Rémunérations supplémentaires de forte activité infirmière ou dentaire : « lorsque les "
     "critères ou les indicateurs mesurant l'atteinte des objectifs ont été respectés » (article "
     "7, l. 505-507 et 517-519). Chacune demande-t-elle l'indicateur de base de sa famille ?",
     {{"require_base", "chaque supplément demande l'indicateur de base dont il dérive"},
      {"independent", "chaque supplément se suffit à lui-même"}}},
    {"si_withdrawn_relabelled",
     "Art. 14 (l. 2853-2859), Art. 8.4 (l. 1282-1284)",
     "Label du système d'information retiré, puis un logiciel labellisé acquis dans l'année : "
     "l'article 14 (l. 2857-2859) conserve « le bénéfice ... des rémunérations liées à "
     "l'indicateur » pendant la dérogation si l'indicateur a été atteint les années précédentes ; "
     "l'article 8.4 (l. 1282-1284) paie un système « au prorata temporis à compter de la date "
     "d'acquisition ».",
     {{"derogation_full_year", "la rémunération conservée par la dérogation porte sur toute "
                               "l'année (article 14)"},
      {"acquisition_prorata", "la rémunération court à compter de la date d'acquisition du "
                              "nouveau logiciel (article 8.4)"}}},
};

const module_tables rsf_medical_tables = {fields, sizeof fields / sizeof *fields, readings,
                                          sizeof readings / sizeof *readings};
