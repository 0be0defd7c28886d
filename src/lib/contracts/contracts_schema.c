/* Declaration fields of the contracts and aids of Article 19: the list `contracts` of a
 * declaration, the contract document read by `ancre contract`, and the elements of their lists
 * (ETP by period, fees by year, events, assistant médical results).  docs/contracts.md. */
#include "contracts.h"

#define CONTRACT_TYPES                                                                             \
    "cai_med|cosco_med|cstm_med|incitatif_med_2015|caicdsd|camcdsd|caicdsd_2023|camcdsd_2023|"     \
    "incitatif_dent_2015|cai_inf|cam_inf|incitatif_inf_2015|assistant_medical|ipa_demarrage|"      \
    "ipa_formation|conventionnement_csi|conventionnement_dentaire"
#define ZONES "zip|zac|tres_sous_dotee|sous_dotee|intermediaire|sur_dotee|non_prioritaire|none"

static const field_def contract_fields[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the contract in the schedule (line ids start with it); default c1, c2, ..."},
    {"type", F_ENUM, REQ_ALWAYS, 0, 0, CONTRACT_TYPES, 0, "Art. 19",
     "Contract or aid (docs/contracts.md lists the types and their articles)."},
    {"signature_date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 19",
     "Date of signature (adhésion); for a conventionnement request, the date the caisse "
     "received it."},
    {"zone", F_ENUM, REQ_ALWAYS, 0, 0, ZONES, 0, "Art. 19.1.2, 19.5.2, 19.7.2, 19.11.1",
     "Zone of the centre at signature, for the profession of the contract (ARS zoning): zip "
     "is the under-served medical zone of 1° L. 1434-4 (zac, the zone d'action "
     "complémentaire, is not); tres_sous_dotee, sous_dotee, intermediaire, sur_dotee, "
     "non_prioritaire the nursing and dental zonings."},
    {"department_all_tsd_sd", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.5.2.2",
     "Every territory of the département is très sous-doté or sous-doté (absent: false)."},
    {"polyvalent_designation", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.1.2, 19.10.3",
     "A centre infirmier or dentaire integrating salaried doctors asks to be designated "
     "polyvalent (absent: false)."},
    {"forte_activite", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19 (cumul)",
     "A polyvalent centre with forte activité infirmière or dentaire (Art. 7) taking a nursing "
     "or dental contract (absent: false)."},
    {"pdsa", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.1.3",
     "The centre takes part in the permanence des soins ambulatoires (CAI commitment; absent: "
     "false)."},
    {"pdsa_derogation", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.1.3",
     "Derogation from the PDSA granted by the Conseil de l'Ordre (absent: false)."},
    {"ars_uplift", F_DEC, REQ_NO, "0", "1", 0, 0, "Art. 19.1.4, 19.2.5, 19.3.5, 19.5.1.5, 19.7.5",
     "Regional majoration of the amount written in the contract by the ARS (0.1 = +10 %); at "
     "most the contract's maximum."},
    {"renewals", F_INT, REQ_NO, "0", "20", 0, 0, "Art. 19.2.3, 19.3.3, 19.6, 19.8",
     "Tacit renewals of a 3-year contract already known (absent: 0)."},
    {"option", F_ENUM, REQ_NO, 0, 0, "1|2", 0, "Annexe 14",
     "Option of the 2015 dental contrat incitatif (1: new centre, equipment; 2: activity)."},
    {"etp", F_OBJLIST, REQ_NO, 0, "500", "contract_etp", 0, "Art. 19",
     "Salaried staff in ETP by period: each element sets the ETP of a profession (and post "
     "kind) from its date until the next element of the same profession and post."},
    {"fees", F_OBJLIST, REQ_NO, 0, "100", "contract_fees", 0, "Art. 19.3.4, Annexes 8, 11, 14",
     "Fees (honoraires) by calendar year, for the contracts paid on activity."},
    {"events", F_OBJLIST, REQ_NO, 0, "50", "contract_event", 0, "Art. 19",
     "Terminations and zone changes, with their dates."},
    {"am.regime", F_ENUM, REQ_SECTION, 0, 0, "am_2020|am_2024", 0, "Art. 19.10, Annexes 29, 33",
     "Contract type signed: Annexe 29 (am_2020) or Annexe 33 (am_2024)."},
    {"am.etp", F_DEC, REQ_SECTION, "0.5", "20", 0, 0, "Art. 19.10.5.2.2",
     "ETP of assistant médical of the option chosen."},
    {"am.percentile", F_DEC, REQ_NO, "0", "100", 0, 0, "Art. 19.10.3.2, 19.10.4",
     "Percentile of the centre's mean patientèle per doctor in the national distribution, on "
     "the indicator most favourable to the centre (or am.percentile_mt and am.percentile_fa)."},
    {"am.percentile_mt", F_DEC, REQ_NO, "0", "100", 0, 0, "Art. 19.10.3.2, 19.10.5.2.1",
     "Percentile of the centre's médecin-traitant patientèle per GP ETP (adults and children); "
     "measures the eligibility of a centre with GPs only (l. 5574-5576); the better of the "
     "percentiles given sets the band (l. 5763-5767)."},
    {"am.percentile_fa", F_DEC, REQ_NO, "0", "100", 0, 0, "Art. 19.10.3.2, 19.10.5.2.1",
     "Percentile of the centre's file active per doctor ETP; measures the eligibility of a "
     "centre with other specialties (l. 5578-5584)."},
    {"am.documents_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 29 art. 2.3.3",
     "Annexe 29: date the caisse received the documents justifying the hiring; the first "
     "advance is paid 15 days later (l. 25157-25161; absent: the signature, with a note)."},
    {"am.new_centre_p50_fa", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 19.10.5.2.6",
     "Newly created centre: file active of the 50th percentile of the national distribution "
     "of its specialty, its objective within three years (l. 6049-6053)."},
    {"am.new_centre_p30_fa", F_INT, REQ_NO, "0", "10000000", 0, 0, "Annexes 29, 33",
     "Newly created centre: file active of the 30th percentile; below it no aid is paid in "
     "year 3 (Annexe 29 l. 24997-24999, Annexe 33 l. 26470-26472)."},
    {"am.new_centre_p50_mt", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 19.10.5.2.6",
     "Same, médecin-traitant patientèle (needed when both indicators are followed)."},
    {"am.new_centre_p30_mt", F_INT, REQ_NO, "0", "10000000", 0, 0, "Annexes 29, 33",
     "Same, médecin-traitant patientèle of the 30th percentile."},
    {"am.indicators", F_ENUM, REQ_SECTION, 0, 0, "both|file_active", 0, "Art. 19.10.5.2.3",
     "Indicators followed: both (GPs or paediatricians salaried) or file_active only."},
    {"am.reference_mt", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 19.10.4",
     "Reference médecin-traitant patientèle of the centre (31/12 N-1 or 30/06 N)."},
    {"am.reference_fa", F_INT, REQ_SECTION, "0", "10000000", 0, 0, "Art. 19.10.4",
     "Reference file active of the centre."},
    {"am.new_centre", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.10.3.3",
     "Newly created centre (first year after opening; absent: false)."},
    {"am.cnam_derogation", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.10.3.2",
     "Derogation granted by the CNAM to the percentile condition (absent: false)."},
    {"am.results", F_OBJLIST, REQ_NO, 0, "20", "contract_am_result", 0, "Art. 19.10.5.2.3",
     "Patientèle observed at the end of each contract year."},
    {"am.mid_year", F_OBJLIST, REQ_NO, 0, "20", "contract_am_result", 0, "Annexe 29 art. 2.3.3",
     "Annexe 29: patientèle observed six months after the advance of a contract year (the last "
     "data then available), which decides the second advance of 20 % (l. 25188-25198, "
     "25222-25230)."},
    {"ipa.practice_start_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 31 art. 2.1",
     "IPA start-up aid: start of the salaried IPA practice, from which its years of practice "
     "are counted (absent: the signature)."},
    {"ipa.patients_year1", F_INT, REQ_NO, "0", "100000", 0, 0, "Annexe 31 art. 2.1",
     "Patients followed by the IPA in the 1st year of practice (minimum 30 per ETP, l. 25687)."},
    {"ipa.patients_year2", F_INT, REQ_NO, "0", "100000", 0, 0, "Annexe 31 art. 2.1",
     "Patients followed in the 2nd year of practice (minimum 60 per ETP, l. 25689)."},
    {"ipa.share_year1", F_DEC, REQ_NO, "0", "1", 0, 0, "Annexe 31 art. 2.1",
     "Share of IPA-specific acts in the 1st year of practice (at least 25 %, l. 25695)."},
    {"ipa.share_year2", F_DEC, REQ_NO, "0", "1", 0, 0, "Annexe 31 art. 2.1",
     "Share of IPA-specific acts in the 2nd year of practice (at least 50 %, l. 25695)."},
    {"ipa.share_year3", F_DEC, REQ_NO, "0", "1", 0, 0, "Art. 19.11.1, Annexe 31 art. 2.2",
     "Share of IPA-specific acts in the IPA activity in the 3rd year."},
    {"formation.drom", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.11.2",
     "Centre installed in a DROM (absent: false); its nurse trains in métropole unless "
     "formation.training_in_drom."},
    {"formation.training_in_drom", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.11.2, Annexe 34 art. 2.2",
     "The nurse of a DROM centre follows the training in a DROM, a case the text does not "
     "provide for (reading ipa_formation_drom_local; absent: false, training in métropole)."},
    {"formation.training_start_date", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Art. 19.11.2",
     "Start of the first year of the university training: the nurse must have been employed a "
     "year by then and the fees are those of the year before it (l. 6171-6177)."},
    {"formation.nurse_etp", F_DEC, REQ_SECTION, "0", "1", 0, 0, "Art. 19.11.2",
     "ETP of the nurse entering the training."},
    {"formation.fees_previous_year", F_DEC, REQ_SECTION, "0", "10000000", 0, 0, "Art. 19.11.2",
     "Fees billed for the nurse's salaried activity in the year before the training, in euros."},
    {"formation.hired_date", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Art. 19.11.2",
     "Date the centre hired the nurse (at least one year before the training)."},
    {"formation.training_end_date", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Annexe 34 art. 4",
     "End of the university training (start of the salaried IPA practice)."},
    {"received", F_OBJLIST, REQ_NO, 0, "100", "contract_received", 0, "Art. 19",
     "Payments actually received from the caisse for the contract, with their dates: the "
     "recoveries are computed on them instead of on the schedule."},
    {"request.new_centre", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.12, 19.13",
     "The request is the creation of a centre (absent: false: a centre already operating)."},
    {"request.qpv", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.12.2",
     "The centre is installed in a quartier prioritaire de la politique de la ville (absent: "
     "false)."},
    {"request.specific_activity", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.12.2",
     "Majority or unique specific activity linked to the needs of the territory (absent: "
     "false)."},
    {"request.dental_etp_increase", F_DEC, REQ_NO, "0", "500", 0, 0, "Art. 19.13",
     "Increase of salaried dentist ETP requested beyond those recorded at 31/12/2024."},
};

static const field_def etp_fields[] = {
    {"from", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 19", "Date from which this ETP applies."},
    {"profession", F_ENUM, REQ_ALWAYS, 0, 0,
     "gp|doctor|dentist|nurse|ipa|sage_femme|mk|orthophoniste|other", 0, "Art. 19",
     "Profession: gp (médecin généraliste), doctor (other specialties), dentist, nurse, ipa, "
     "sage_femme, mk (masseur-kinésithérapeute), orthophoniste, other."},
    {"etp", F_DEC, REQ_ALWAYS, "0", "500", 0, 0, "Art. 19", "ETP from that date."},
    {"post", F_ENUM, REQ_NO, 0, 0, "existing|new_post|replacement", 0, "Art. 19.1.4, 19.2.4",
     "existing (absent), new_post (new post created), replacement (replaces a MK, SF or "
     "orthophoniste who left)."},
    {"underserved", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.1.4, 19.2.4",
     "The centre is in an under-served zone for this profession (absent: false)."},
};

static const field_def fees_fields[] = {
    {"year", F_INT, REQ_ALWAYS, "2015", "2100", 0, 0, "Art. 19.3.4", "Calendar year."},
    {"amount", F_DEC, REQ_ALWAYS, "0", "100000000", 0, 0, "Art. 19.3.4",
     "Fees of the year in euros (CSTM: billed under the specific AM number in the zone; 2015 "
     "contracts: fees without dépassements, C + V for doctors)."},
    {"etp", F_DEC, REQ_NO, "0", "500", 0, 0, "Art. 19.3.4",
     "CSTM: ETP of the salaried doctors made available (base of the cap)."},
    {"days", F_INT, REQ_NO, "0", "366", 0, 0, "Art. 19.3.2",
     "CSTM: days worked in the host centre in the year."},
};

static const field_def event_fields[] = {
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 19",
     "Date of the event: for a termination, the date the registered letter was received."},
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0,
     "termination_by_centre|termination_by_caisse|zone_change|zone_departure", 0, "Art. 19",
     "termination_by_centre, termination_by_caisse (who terminated), zone_change (the zoning "
     "changed), zone_departure (the centre left the zone)."},
    {"zone", F_ENUM, REQ_NO, 0, 0, ZONES, 0, "Art. 19", "zone_change: the new zone."},
    {"breach", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 31 art. 2.2",
     "IPA aid: the termination follows a recovery case of art. 2.2 (absent: false)."},
};

static const field_def am_result_fields[] = {
    {"year", F_INT, REQ_ALWAYS, "1", "20", 0, 0, "Art. 19.10.5.2.3", "Contract year (1, 2, ...)."},
    {"mt", F_INT, REQ_NO, "0", "10000000", 0, 0, "Art. 19.10.5.2.3",
     "Médecin-traitant patientèle at the end of the year."},
    {"fa", F_INT, REQ_ALWAYS, "0", "10000000", 0, 0, "Art. 19.10.5.2.3",
     "File active at the end of the year."},
    {"neutralised", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 19.10.5.2.3",
     "Objectives neutralised (assistant's long absence; absent: false)."},
};

static const field_def received_fields[] = {
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 19", "Date the payment was received."},
    {"amount", F_DEC, REQ_ALWAYS, "-100000000", "100000000", 0, 0, "Art. 19",
     "Amount received, in euros (negative: a sum taken back)."},
};

static const field_def document_fields[] = {
    {"ancre_contract", F_INT, REQ_NO, "1", "1", 0, 0, "-", "Version of the contract document (1)."},
    {"centre.finess", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "FINESS number of the centre."},
    {"centre.name", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Name of the centre."},
    {"centre.type", F_ENUM, REQ_ALWAYS, 0, 0, "medical|polyvalent|infirmier|dentaire", 0, "Art. 3",
     "Type of centre de santé."},
    {"contracts", F_OBJLIST, REQ_ALWAYS, 0, "100", "contract", 0, "Art. 19",
     "The centre's contracts and aids."},
};

#define N(a) (sizeof a / sizeof *a)
const item_schema contracts_item_schemas[] = {
    {"contract", contract_fields, N(contract_fields)},
    {"contract_etp", etp_fields, N(etp_fields)},
    {"contract_fees", fees_fields, N(fees_fields)},
    {"contract_event", event_fields, N(event_fields)},
    {"contract_am_result", am_result_fields, N(am_result_fields)},
    {"contract_received", received_fields, N(received_fields)},
    {"contract_document", document_fields, N(document_fields)},
};
const size_t contracts_item_schema_count = N(contracts_item_schemas);

/* the declaration's section */
static const field_def decl_fields[] = {
    {"contracts", F_OBJLIST, REQ_NO, 0, "100", "contract", 0, "Art. 19",
     "The centre's contracts and aids of Article 19 (docs/contracts.md): the payments due in "
     "the reference year join the total and the calendar."},
};

static const reading_def readings[] = {
    {"installation_supplement_window",
     "Annexe 13 bis, 17 bis art. 2.2; Art. 19.5.1.4, 19.7.4",
     "Aide à l'installation, ETP recrutés évalués « au cours du 2ème trimestre » : quand la "
     "résiliation prend effet pendant ce trimestre, après l'ouverture de la fenêtre, le "
     "supplément de l'année est-il dû ?",
     {{"due_date", "non : un versement dont la date (fin du trimestre) suit la fin du contrat "
                   "n'est pas fait"},
      {"window_opened", "oui : la fenêtre était ouverte avant la résiliation ; évalué et versé "
                        "le dernier jour du contrat, puis compris dans la récupération"}}},
    {"ipa_added_etp",
     "Art. 19.11.1 l. 6143, Annexe 31 l. 25731-25733",
     "Aide au démarrage IPA, ETP recrutés pendant le contrat : « Tout nouvel ETP salarié sur la "
     "dernière année du contrat ne bénéficiera que du montant au titre de la 1ère année » ; le "
     "texte ne dit pas quand les ETP des années 1 à 3 sont payés.",
     {{"at_hire", "à l'embauche : 1er montant dans le mois, 2e avant la fin du 1er semestre de "
                  "l'année suivante, comme pour l'ETP de la signature"},
      {"at_anniversary", "à la date anniversaire suivante du contrat (l'ETP de la dernière année, "
                         "sans anniversaire restant, à l'embauche)"}}},
    {"ipa_undue_recovery",
     "Annexe 31 art. 2.2, l. 25741-25745",
     "Aide au démarrage IPA : départ de la zone ou activité minimale non atteinte, « l'assurance "
     "maladie peut procéder à la récupération des sommes indument versées » sans en fixer le "
     "montant.",
     {{"flagged", "le cas est montré sans montant"},
      {"all_paid", "toute l'aide versée est récupérée"}}},
    {"ipa_formation_drom_local",
     "Art. 19.11.2 l. 6181-6186, Annexe 34 l. 26988-26992",
     "Aide à la formation IPA d'un centre d'un DROM dont l'infirmier suit son cursus dans un "
     "DROM : ni « installés en métropole » (15 000 €) ni formés « en métropole » (17 000 €).",
     {{"metropole_amount", "le montant de métropole"}, {"none", "aucune aide"}}},
    {"am_band_boundary",
     "Art. 19.10.4, Annexe 29 art. 2.1, Annexe 33 art. 2.1",
     "Les tranches de patientèle sont « comprise entre » deux percentiles qui partagent leurs "
     "bornes (l. 5659-5677) ; chaque annexe en fixe une : Annexe 29 « supérieure au 90ème "
     "percentile » (l. 24896, stricte), Annexe 33 « supérieure ou égale au 95ème percentile » "
     "(l. 26362).",
     {{"by_regime", "les autres bornes suivent celle de l'annexe du contrat : le percentile "
                    "borne appartient à la tranche inférieure sous l'Annexe 29, à la tranche "
                    "supérieure sous l'Annexe 33"},
      {"upper", "un percentile borne appartient toujours à la tranche supérieure"},
      {"lower", "un percentile borne appartient toujours à la tranche inférieure"}}},
    {"am_new_centre_prorata",
     "Art. 19.10.5.2.6, Annexe 29 l. 24993-24995, Annexe 33 l. 26462-26468",
     "Centre nouvellement créé, 3e année, patientèle entre les 30e et 50e percentiles : l'aide "
     "est versée « au prorata de l'écart » (Annexe 29) « constaté par rapport à l'objectif "
     "fixé » (Annexe 33).",
     {{"objective_ratio", "patientèle atteinte / patientèle du 50e percentile (l'objectif)"},
      {"between_p30_p50", "(patientèle − 30e percentile) / (50e − 30e percentile) : de 0 au "
                          "30e percentile à 100 % au 50e"}}},
    {"am_2024_payment_windows",
     "Art. 19.10.5.2.4 l. 5999-6014, Annexe 33 l. 26750-26754",
     "Assistant médical (Annexe 33) : l'article verse les années 1 et 2 « dans le mois "
     "suivant la signature ou la date anniversaire » et le solde « à la date anniversaire de "
     "l'année suivante » ; le tableau de l'annexe 33 les verse « dans les 2 mois suivant ».",
     {{"article", "années 1 et 2 dans le mois suivant, solde à la date anniversaire (article)"},
      {"annex_33", "années 1 et 2 et solde dans les 2 mois suivant la date (tableau de "
                   "l'annexe 33)"}}},
    {"installation_supplement",
     "Art. 19.1.4, 19.5.1.4, 19.5.2.4, 19.7.4",
     "ETP recrutés pendant un contrat d'installation : les exemples chiffrés des Art. 19.5.1.4, "
     "19.5.2.4 et 19.7.4 calculent « A(nouveau) – A(versé) x 4/5 » (27 000, 65 000, 15 000 €), "
     "celui de l'Art. 19.1.4 « (A(nouveau) – A(versé)) x 4/5 » (16 000 €).",
     {{"prorated_difference",
       "(aide pour le nouvel ETP - aide déjà versée) x années restantes / 5"},
      {"printed_formula", "aide pour le nouvel ETP - aide déjà versée x années restantes / 5, "
                          "comme l'impriment les exemples dentaire et infirmier"}}},
    {"cosco_new_post",
     "Art. 19.2.4 l. 3886, Annexe 10 ter l. 15696",
     "Montant du COSCO par ETP d'un poste nouveau : 6 000 € (Art. 19.2.4) ou 5 000 € "
     "(Annexe 10 ter) ?",
     {{"article", "6 000 € (Art. 19.2.4, l. 3886)"},
      {"annex", "5 000 € (Annexe 10 ter art. 2.2, l. 15696)"}}},
    {"am_p95_year2",
     "Art. 19.10.5.2.2 l. 5785-5815",
     "Assistant médical, patientèle ≥ P95 : le « montant fixe » de 36 000 € aussi la 2e année, "
     "ou les 27 000 € de la ligne de la 2e année ?",
     {{"fixed_every_year", "36 000 € chaque année"},
      {"year2_row", "27 000 € la 2e année, 36 000 € à partir de la 3e"}}},
    {"ipa_termination_repayment",
     "Annexe 31 art. 2.2, art. 4",
     "Aide au démarrage IPA résiliée : le « remboursement de la somme versée » (Annexe 31 "
     "art. 4) seulement dans les cas de récupération de l'art. 2.2, ou toujours ?",
     {{"recovery_cases",
       "remboursement intégral seulement quand la résiliation suit un cas de l'art. 2.2"},
      {"always", "toute résiliation rembourse ce qui a été versé"}}},
};

const module_tables contracts_tables = {decl_fields, N(decl_fields), readings, N(readings)};
