/* Calendar dates (proleptic Gregorian), as used by the accord's dates of effect and deadlines. */
#ifndef ANCRE_DATE_H
#define ANCRE_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int y, m, d;
} date_t;

bool date_parse(const char *s, date_t *out); /* strict YYYY-MM-DD */
void date_format(date_t dt, char *buf, size_t cap);
long date_days(date_t dt); /* days since 1970-01-01 */
int date_cmp(date_t a, date_t b);
int date_days_in_year(int y);
int date_days_in_month(int y, int m);
date_t date_make(int y, int m, int d);
date_t date_add_months(date_t dt, int months); /* clamps the day to the month's length */
int date_quarter(date_t dt);                   /* 1..4 */
date_t date_from_days(long days);              /* inverse of date_days */
date_t date_add_days(date_t dt, long days);
int date_weekday(date_t dt); /* 1 = Monday .. 7 = Sunday (ISO 8601) */

#endif
