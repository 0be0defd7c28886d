/* Declaration fields common to every chapter: the document, the year, the centre, payments. */
#include "registry.h"

static const field_def fields[] = {
    {"ancre_declaration", F_INT, REQ_NO, "1", "1", 0, 0, "-",
     "Version of the declaration format (1)."},
    {"year", F_INT, REQ_ALWAYS, "1900", "9999", 0, 0, "Art. 13",
     "Reference year (année civile de référence); parameters are those in force on 31 December."},
    {"centre.finess", F_STRING, REQ_NO, 0, 0, 0, 0, "Art. 18.1", "FINESS number of the centre."},
    {"centre.name", F_STRING, REQ_NO, 0, 0, 0, 0, "-", "Name of the centre."},
    {"centre.type", F_ENUM, REQ_ALWAYS, 0, 0, "medical|polyvalent|infirmier|dentaire", 0, "Art. 3",
     "Type of centre de santé: médical, polyvalent, infirmier or dentaire."},
    {"centre.adhesion_date", F_DATE, REQ_ALWAYS, 0, 0, 0, 0, "Art. 13",
     "Date from which the centre is governed by the accord (adhésion); the RSF of that year is "
     "prorated from it."},
    {"centre.finess_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 18.1",
     "Date the FINESS number was attributed (date de création), for the new-centre advance."},
    {"centre.projet_sante_date", F_DATE, REQ_NO, 0, 0, 0, 0, "Art. 14",
     "Date the projet de santé was deposited at the ARS, for the new-centre derogation."},
    {"centre.excluded_indicators", F_STRLIST, REQ_NO, 0, 0, 0, 0, "Art. 11",
     "Indicators already paid under another accord or contract (non-cumul): they earn nothing."},
    {"payments.previous_year_amount_cents", F_INT, REQ_NO, "0", "100000000000", 0, 0, "Art. 18.1",
     "RSF computed for the previous year, in cents: base of the 60 % advance paid during the "
     "year. Required when the centre was governed by the accord the year before."},
    {"payments.advance_paid_cents", F_INT, REQ_NO, "0", "100000000000", 0, 0, "Art. 18.1",
     "Advance actually paid during the year, in cents, when it differs from the computed one; "
     "the balance is then computed from it."},
};

const module_tables core_tables = {fields, sizeof fields / sizeof *fields, 0, 0};
