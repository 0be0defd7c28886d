/* Input documents of the deadlines and procedures (docs/procedures.md) and the readings of the
 * passages of the text that leave a day count open. */
#include "procedures.h"

#define N(a) (sizeof(a) / sizeof *(a))

#define CALENDARS "metropole|alsace_moselle|guadeloupe|martinique|guyane|reunion|mayotte"

#define COMMON_FIELDS(format)                                                                      \
    {format, F_INT, REQ_ALWAYS, "1", "1", 0, 0, "-", "Version of the document format: 1."},        \
        {"calendar",                                                                               \
         F_ENUM,                                                                                   \
         REQ_ALWAYS,                                                                               \
         0,                                                                                        \
         0,                                                                                        \
         CALENDARS,                                                                                \
         0,                                                                                        \
         "-",                                                                                      \
         "Public holidays of the centre's place: metropole, alsace_moselle (Bas-Rhin, "            \
         "Haut-Rhin, Moselle), or an overseas département."},                                      \
        {"today",                                                                                  \
         F_DATE,                                                                                   \
         REQ_NO,                                                                                   \
         0,                                                                                        \
         0,                                                                                        \
         0,                                                                                        \
         0,                                                                                        \
         "-",                                                                                      \
         "Date of the question: a step not done is pending or overdue at this date (absent: "      \
         "only what was done is judged)."},                                                        \
        {"centre.name", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Name of the centre."}, {               \
        "centre.finess", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "FINESS number of the centre."         \
    }

static const field_def deadlines_document[] = {
    COMMON_FIELDS("ancre_deadlines"),
    {"events", F_OBJLIST, REQ_ALWAYS, 0, "2000", "deadline_event", 0, "Titre 3, Annexe 7",
     "The dated events of the centre's exchanges, one object each."},
};

#define EVENT_KINDS                                                                                \
    "fse|payment|paper_invoice|fse_failure|cesi_question|scor_failure|scor_verification|"          \
    "scor_control|scor_retention|justificatifs"

static const field_def deadline_event[] = {
    {"id", F_STRING, REQ_NO, 0, 0, 0, 0, "-",
     "Name of the event in the output (deadline ids start with it); default e1, e2, ..."},
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0, EVENT_KINDS, 0, "Titre 3, Annexe 7",
     "fse (Art. 34.2, 34.4, 38), payment (Art. 34.3), paper_invoice (Art. 38), fse_failure "
     "(Art. 36), cesi_question (Art. 45.2), scor_failure, scor_verification, scor_control, "
     "scor_retention (Annexe 7), justificatifs (Art. 17, 18, 29)."},
    {"care_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 34.2, 34.4, 36",
     "Date of the care (fse, fse_failure)."},
    {"sent", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 34.2, 17",
     "Date the FSE was sent to the caisse d'affiliation (fse), or the justificatifs to the "
     "CPAM (justificatifs)."},
    {"mode", F_ENUM, REQ_NO, 0, 0, "secured|degraded", 0, "Art. 34.4, 38",
     "fse: secured with the carte Vitale, or degraded (IRIS-B2 without the card)."},
    {"card_rights_up_to_date", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 34.4",
     "fse: the rights on the card were up to date at the date of care."},
    {"paper_sheets_sent", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 38",
     "fse in degraded mode: date the paper care sheets were sent to the caisse of the centre's "
     "area."},
    {"arl_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 34.3",
     "payment: date the positive ARL (accusé de réception logique) was received."},
    {"transfer_order", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 34.3",
     "payment: date the caisse issued the transfer order."},
    {"paid", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 34.3, 38",
     "payment, paper_invoice: date of the payment (virement) to the centre."},
    {"received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 38",
     "paper_invoice: date the caisse received the documents needed for the coverage."},
    {"first_attempt", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 36, Annexe 7 2.6.1",
     "fse_failure: date of the failed emission; scor_failure: first scanning attempt."},
    {"retry", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 36", "fse_failure: date of the new attempt."},
    {"retry_failed", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "fse_failure: the new attempt failed too (absent: false)."},
    {"duplicate_sent", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "fse_failure: date the paper duplicate was sent to the caisse d'affiliation."},
    {"duplicate_reason", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "The duplicate states why it was issued."},
    {"duplicate_references", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "The duplicate gives the FSE and lot numbers of the FSE not transmitted."},
    {"signed_by_centre", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "The duplicate is signed by the centre."},
    {"signed_by_insured", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 36",
     "The duplicate is signed by the insured, or says that the insured could not sign."},
    {"asked", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 45.2",
     "cesi_question: date of the question not answered at once."},
    {"answered", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 45.2", "cesi_question: date of the answer."},
    {"succeeded", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.1",
     "scor_failure: date the scan was transmitted after all."},
    {"paper_sent", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.1",
     "scor_failure: date the paper duplicate or copy was sent."},
    {"already_sent_with_dap", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.1",
     "scor_failure: the prescription was already sent with a demande d'accord préalable."},
    {"first_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.3",
     "scor_verification: date the caisse received the first scanned documents."},
    {"notice_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.3",
     "scor_control: date the centre was told of a renewed control."},
    {"control_start", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.3",
     "scor_control: first day of the renewed control."},
    {"control_end", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.6.3",
     "scor_control: last day of the renewed control, if known."},
    {"transmitted", F_DATE, REQ_NO, 0, 0, 0, 0, "Annexe 7 2.8",
     "scor_retention: day of the teletransmission of the scanned documents."},
    {"year", F_INT, REQ_NO, "2015", "2100", 0, 0, "Art. 17, 18",
     "justificatifs: reference year of the engagements."},
    {"platform_data_sent", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 29",
     "justificatifs: date the year's data were entered on the shared platform."},
    {"payment_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 18",
     "justificatifs: date the remuneration of the year was paid, if it was."},
};

#define GRIEVANCES                                                                                 \
    "dispense_avance|tarifs_superieurs|depassements|documents_procedures|ngap_ccam|"               \
    "teletransmission|options|honoraires_non_inscrits|actes_non_realises|"                         \
    "prestations_remboursables|actes_non_justifies|cartes|devis|honoraires_limites_dentaires|"     \
    "activite_distance|telesante|zone_sur_dotee|modifications_substantielles|"                     \
    "regulation_dentaire|fraude|faits_sanctionnes|autre"

static const field_def procedure_document[] = {
    COMMON_FIELDS("ancre_procedure"),
    {"procedure", F_ENUM, REQ_ALWAYS, 0, 0, "sanction|urgent|adhesion|commission", 0,
     "Art. 47-63, Annexe 28",
     "The procedure: sanction (Art. 58-60), urgent (Art. 61), adhesion (Art. 47-53), "
     "commission (Art. 54-57, Annexe 28)."},
    /* sanction (Art. 58-60) */
    {"sanction.grievance", F_ENUM, REQ_SECTION, 0, 0, GRIEVANCES, 0, "Art. 58",
     "The breach found (the list of Art. 58, l. 12150-12209; faits_sanctionnes: the facts "
     "of l. 12255; autre: another breach of "
     "the accord)."},
    {"sanction.formal_notice_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date the centre received the mise en demeure."},
    {"sanction.practice_changed", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date the centre changed the practice complained of."},
    {"sanction.findings_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date the centre received the relevé des constatations."},
    {"sanction.observations", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date of the centre's written observations, or of its hearing."},
    {"sanction.cpam_decision", F_ENUM, REQ_NO, 0, 0, "close|refer", 0, "Art. 59",
     "What the CPAM decided after the month of observations: close, or refer to the CPR/CPD."},
    {"sanction.cpam_decision_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date of that decision (for refer: the date the CPR/CPD was seized)."},
    {"sanction.opinion_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date the director received the CPR/CPD's opinion (absent: not given yet)."},
    {"sanction.notification_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59",
     "Date the centre received the notification of the measure."},
    {"sanction.measures", F_OBJLIST, REQ_NO, 0, "3", "sanction_measure", 0, "Art. 60",
     "The measures notified (they may be combined)."},
    /* urgent (Art. 61) */
    {"urgent.loss_cents", F_INT, REQ_SECTION, "0", "100000000000", 0, 0, "Art. 61",
     "Financial loss of the breach, in cents."},
    {"urgent.pmss_cents", F_INT, REQ_SECTION, "1", "10000000", 0, 0, "Art. 61",
     "Monthly social-security ceiling (plafond mensuel) of the year, in cents: set by decree, "
     "not by the accord."},
    {"urgent.criminal_referral", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "The breach justifies a referral under art. 40 of the code de procédure pénale (absent: "
     "false)."},
    {"urgent.uncam_agreement", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "The director general of the UNCAM agreed (absent: false)."},
    {"urgent.notice_received", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "Date the centre received the notice of the facts and of the suspension considered."},
    {"urgent.hearing_requested", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "Date the legal representative asked to be heard."},
    {"urgent.observations", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "Date the written observations were received, or of the hearing."},
    {"urgent.suspension_notified", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 61",
     "Date the reasoned suspension was notified."},
    {"urgent.suspension_months", F_INT, REQ_NO, "1", "120", 0, 0, "Art. 61",
     "Length of the provisional suspension notified, in months."},
    /* adhesion (Art. 47-53) */
    {"adhesion.events", F_OBJLIST, REQ_SECTION, 0, "200", "adhesion_event", 0, "Art. 47-53",
     "The centre's adhesion events, in date order."},
    /* commission (Art. 54-57, Annexe 28) */
    {"commission.kind", F_ENUM, REQ_SECTION, 0, 0, "cpn|cpr|cpd|ctppn", 0, "Art. 54-57",
     "The commission."},
    {"commission.meetings", F_OBJLIST, REQ_SECTION, 0, "20", "commission_meeting", 0,
     "Annexe 28, art. 5",
     "The meetings, in date order (a reconvened meeting follows the one "
     "that failed)."},
};

static const field_def sanction_measure[] = {
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0, "avertissement|suspension_conventionnel|suspension_forfaits",
     0, "Art. 60",
     "avertissement, suspension de la possibilité d'exercer dans le cadre conventionnel, "
     "suspension du versement des rémunérations forfaitaires."},
    {"effective", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 59, 60",
     "Date of effect written in the decision (required for a suspension)."},
    {"months", F_INT, REQ_NO, "1", "1200", 0, 0, "Art. 60", "Length of a suspension in months."},
    {"sursis", F_BOOL, REQ_NO, 0, 0, 0, 0, "Art. 60",
     "suspension_conventionnel: with sursis (absent: false)."},
};

static const field_def adhesion_event[] = {
    {"kind", F_ENUM, REQ_ALWAYS, 0, 0,
     "under_2015_accord|finess|request|file_complete|effective|exchange|specialty_change|"
     "specialty_notice|substantial_change|rupture",
     0, "Art. 51, 53",
     "under_2015_accord (already under the accord of 2015: tacit adhesion), finess "
     "(attribution of the FINESS number: creation), request (LRAR received by the caisse), "
     "file_complete, effective (date of effect set by the caisse), exchange (the accompanying "
     "exchange held), specialty_change (by the centre), specialty_notice (the caisse's notice "
     "of a change), substantial_change, rupture (LRAR of refusal received)."},
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 51, 53", "Date of the event."},
    {"change_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 51",
     "specialty_notice: date the caisse changes the specialty."},
    {"informed", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 51",
     "substantial_change: date the caisse was informed."},
    {"specialty", F_ENUM, REQ_NO, 0, 0, "medical|polyvalent|infirmier|dentaire", 0, "Art. 3, 51",
     "specialty_change, specialty_notice: the new specialty."},
};

static const field_def commission_meeting[] = {
    {"date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Annexe 28, art. 5", "Date of the meeting."},
    {"pro_present", F_INT, REQ_ALWAYS, "0", "50", 0, 0, "Annexe 28, art. 5",
     "Members of the professional section present (titulaires or their suppléants)."},
    {"soc_present", F_INT, REQ_ALWAYS, "0", "50", 0, 0, "Annexe 28, art. 5",
     "Members of the social section present."},
    {"pro_delegations", F_INT, REQ_NO, "0", "50", 0, 0, "Annexe 28, art. 5",
     "Votes delegated to a present member of the professional section (absent: 0)."},
    {"soc_delegations", F_INT, REQ_NO, "0", "50", 0, 0, "Annexe 28, art. 5",
     "Votes delegated within the social section (absent: 0)."},
    {"most_delegations_held", F_INT, REQ_NO, "0", "50", 0, 0, "Annexe 28, art. 5",
     "The most delegations one member holds (absent: 0)."},
    {"votes", F_OBJLIST, REQ_NO, 0, "50", "commission_vote", 0, "Annexe 28, art. 5",
     "The votes of the meeting."},
};

static const field_def commission_vote[] = {
    {"subject", F_STRING, REQ_ALWAYS, 0, 0, 0, 0, "-", "What is voted on."},
    {"sanction_opinion", F_BOOL, REQ_NO, 0, 0, 0, 0, "Annexe 28, art. 5",
     "The opinion required in a sanctions procedure (absent: false)."},
    {"for", F_INT, REQ_ALWAYS, "0", "100", 0, 0, "Annexe 28, art. 5", "Votes for."},
    {"against", F_INT, REQ_ALWAYS, "0", "100", 0, 0, "Annexe 28, art. 5", "Votes against."},
    {"second_for", F_INT, REQ_NO, "0", "100", 0, 0, "Annexe 28, art. 5",
     "Second vote after a tie (secret ballot): votes for."},
    {"second_against", F_INT, REQ_NO, "0", "100", 0, 0, "Annexe 28, art. 5",
     "Second vote: votes against."},
};

const item_schema procedures_item_schemas[] = {
    {"deadlines_document", deadlines_document, N(deadlines_document)},
    {"deadline_event", deadline_event, N(deadline_event)},
    {"procedure_document", procedure_document, N(procedure_document)},
    {"sanction_measure", sanction_measure, N(sanction_measure)},
    {"adhesion_event", adhesion_event, N(adhesion_event)},
    {"commission_meeting", commission_meeting, N(commission_meeting)},
    {"commission_vote", commission_vote, N(commission_vote)},
};
const size_t procedures_item_schema_count = N(procedures_item_schemas);

static const reading_def readings[] = {
    {"day_count_start",
     "Art. 34.3 l. 10805, Art. 38 l. 10971, Art. 59 l. 12233, Annexe 7 l. 14608",
     "« Dans un délai de N jours … à compter du jour de » un événement : le jour de "
     "l'événement compte-t-il dans le délai ? Le texte ne le dit pas.",
     {{"day_after", "le délai court du lendemain de l'événement : l'échéance est le N-ième "
                    "jour (ouvré s'il s'agit de jours ouvrés) qui suit l'événement, comme aux "
                    "articles 641 et 642 du code de procédure civile"},
      {"event_day", "le jour de l'événement est le premier jour du délai : l'échéance est un "
                    "jour (ouvré) plus tôt"}}},
    {"plain_days",
     "Art. 38 l. 10971, Art. 45.2 l. 11365, Annexe 7 l. 14608, 14677, 14691, 14693, 14729",
     "Là où le texte dit « jours » sans autre précision (vingt jours, trois jours, 5 jours, 90 "
     "jours, 7 jours), s'agit-il de jours calendaires ou de jours ouvrés ? Il écrit « jours "
     "ouvrés » quand il les veut (l. 10795, 10805, 10807).",
     {{"jours_calendaires", "jours calendaires : tous les jours comptent"},
      {"jours_ouvres", "jours ouvrés : du lundi au vendredi, jours fériés exceptés"}}},
    {"deadline_on_non_working_day",
     "Art. 38 l. 10971, Art. 59 l. 12233-12239, Annexe 7 l. 14608",
     "Un délai en jours calendaires, en mois ou en années qui expire un samedi, un dimanche ou "
     "un jour férié est-il prorogé ? L'accord n'en dit rien.",
     {{"kept", "non : l'échéance reste ce jour-là, le texte ne prévoyant aucune prorogation"},
      {"next_working_day", "oui : l'échéance passe au premier jour ouvré suivant, comme le "
                           "prévoit l'article 642 du code de procédure civile"}}},
    {"ngap_ccam_formal_notice",
     "Art. 58 l. 12160, Art. 59 l. 12253",
     "Le non-respect répété des règles de la NGAP et de la CCAM (Art. 58, l. 12160) est-il le "
     "« non-respect, de façon répétée, de la liste visée à l'article L.162-1-7 » pour lequel "
     "l'Art. 59 (l. 12253) dispense de mise en demeure ?",
     {{"not_required", "oui : la liste de l'article L. 162-1-7 est la NGAP et la CCAM, la "
                       "procédure commence par le relevé des constatations"},
      {"required", "non : une mise en demeure et le délai de l'Art. 59 précèdent le relevé"}}},
    {"adhesion_clock",
     "Art. 51 l. 11559-11561",
     "« L'adhésion … est effective dans les trente jours suivant la réception par la caisse de la "
     "demande de conventionnement, sous réserve de la complétude du dossier » : d'où courent "
     "les trente jours quand le dossier est complété plus tard ?",
     {{"complete_file", "de la réception du dossier complet (la demande ne vaut qu'avec ses "
                        "pièces)"},
      {"request", "de la réception de la demande, la complétude n'étant qu'une condition"}}},
    {"quorum_delegations",
     "Annexe 28 art. 5, l. 24518-24532",
     "Le quorum compte les « membres présents » (l. 24518) ; un membre absent qui a donné "
     "délégation de vote (l. 24530) compte-t-il ?",
     {{"not_counted", "non : seuls les membres présents, titulaires ou suppléants, font le "
                      "quorum ; les délégations comptent pour les votes"},
      {"counted", "oui : une délégation compte comme un membre présent"}}},
    {"commission_parity",
     "Annexe 28 art. 5, l. 24512-24514, 24536-24542",
     "La commission ne délibère que si « la parité est respectée » : le texte ne dit pas ce qui "
     "est comparé.",
     {{"equal_votes", "les deux sections disposent du même nombre de voix (membres présents et "
                      "délégations)"},
      {"equal_present", "les deux sections comptent le même nombre de membres présents"}}},
};

/* the declaration's dated facts that condition or suspend its payments (payment_conditions.c) */
static const field_def decl_fields[] = {
    {"justificatifs.sent_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 17, 18",
     "Date the justificatifs of the year's engagements were sent to the CPAM: after 28 February "
     "of the next year, the payment by 30 April is no longer due (absent: not checked)."},
    {"sanctions.forfaits_suspended_from", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Art. 60",
     "First day of a suspension of the forfaits' payments (RSF, ROSP, FPMT, MPA) notified under "
     "Art. 59-60."},
    {"sanctions.forfaits_suspended_to", F_DATE, REQ_SECTION, 0, 0, 0, 0, "Art. 60",
     "Last day of that suspension (at most 5 years)."},
};

const module_tables procedures_tables = {decl_fields, N(decl_fields), readings, N(readings)};
