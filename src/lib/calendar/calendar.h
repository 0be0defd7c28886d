/* The French calendar of the accord's deadlines: public holidays by year (dated parameters
 * calendar.holidays.*, with the Alsace-Moselle and overseas variants), jours ouvrés, jours
 * ouvrables and calendar days, and the counting of a period "à compter de" an event.  The text
 * never says how its periods are counted; the choices it leaves open are readings
 * (day_count_start, plain_days, deadline_on_non_working_day), read here and nowhere else. */
#ifndef ANCRE_CALENDAR_H
#define ANCRE_CALENDAR_H

#include "../core/engine.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CU_JOURS_OUVRES,      /* "jours ouvrés": Monday to Friday, public holidays excepted */
    CU_JOURS_OUVRABLES,   /* "jours ouvrables": Monday to Saturday, public holidays excepted */
    CU_JOURS_CALENDAIRES, /* every day */
    CU_JOURS,             /* the text says "jours" only: reading plain_days */
    CU_MOIS,
    CU_ANNEES,
} cal_unit;

typedef struct {
    eng_t *e;            /* parameters and readings are read, and recorded, through it */
    const char *variant; /* metropole, alsace_moselle, guadeloupe, martinique, guyane, ... */
    const char *lang;    /* of the dates written (NULL: French, 30/04/2024) */
} calendar_t;

/* "jours_ouvres", "jours_ouvrables", "jours_calendaires", "jours", "mois", "annees" */
bool cal_unit_parse(const char *s, cal_unit *out);
/* The unit in French, singular or plural ("jour ouvré", "jours ouvrés", "mois", ...). */
const char *cal_unit_fr(cal_unit u, int count);

date_t cal_easter(int year); /* Easter Sunday (Gregorian computus) */
/* Whether d is a public holiday of the calendar; its name into name (may be NULL). */
bool cal_holiday(calendar_t *c, date_t d, char *name, size_t cap);
/* Whether d is a jour ouvré (CU_JOURS_OUVRES) or a jour ouvrable (CU_JOURS_OUVRABLES). */
bool cal_working(calendar_t *c, date_t d, cal_unit kind);

/* The last day of a period of count units "à compter de" start (the event): the deadline.
 * unit_out receives the unit actually counted (plain "jours" resolved by the reading). */
date_t cal_deadline(calendar_t *c, date_t start, int count, cal_unit unit, cal_unit *unit_out);
/* The latest date "au moins count units avant" end (a notice). */
date_t cal_before(calendar_t *c, date_t end, int count, cal_unit unit, cal_unit *unit_out);
/* d written for a person in the calendar's language (30/04/2024 in French). */
void cal_date_text(const calendar_t *c, date_t d, char *buf, size_t cap);
/* The public holidays in (from, to], as "30/05/2024 (Ascension), ..." into buf; their count. */
int cal_holidays_between(calendar_t *c, date_t from, date_t to, char *buf, size_t cap);

#endif
