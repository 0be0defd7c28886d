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

const item_schema procedures_item_schemas[] = {
    {"deadlines_document", deadlines_document, N(deadlines_document)},
    {"deadline_event", deadline_event, N(deadline_event)},
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
};

const module_tables procedures_tables = {NULL, 0, readings, N(readings)};
