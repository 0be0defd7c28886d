/* The calendar of the deadlines (src/lib/calendar/): Easter, the public holidays of each
 * variant, and the counting of jours ouvrés, checked on hand-counted years and, as a property,
 * on every start date of 2016-2035. */
#include "calendar/calendar.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

void test_calendar(void);

static int holidays_in(calendar_t *c, int y) {
    int n = 0;
    for (date_t d = date_make(y, 1, 1); d.y == y; d = date_add_days(d, 1))
        n += cal_holiday(c, d, NULL, 0);
    return n;
}

static int working_in(calendar_t *c, int y) {
    int n = 0;
    for (date_t d = date_make(y, 1, 1); d.y == y; d = date_add_days(d, 1))
        n += cal_working(c, d, CU_JOURS_OUVRES);
    return n;
}

void test_calendar(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = ancre_params_new();
    ancre_params_load_defaults(params, &errs);
    ancre_readings *readings = ancre_readings_new();
    ancre_result *res = calloc(1, sizeof *res);
    eng_t e = {NULL, params, readings, 0, {2024, 1, 1}, res, NULL, &errs, false, "test", {1, 1}};
    calendar_t c = {&e, "metropole", NULL};

    /* Easter Sunday: published dates */
    const int easter[][3] = {{2000, 4, 23}, {2008, 3, 23}, {2019, 4, 21}, {2024, 3, 31},
                             {2025, 4, 20}, {2026, 4, 5},  {2038, 4, 25}};
    for (size_t i = 0; i < sizeof easter / sizeof *easter; i++) {
        date_t d = cal_easter(easter[i][0]);
        CHECK(d.m == easter[i][1] && d.d == easter[i][2], "Easter Sunday");
    }
    char name[96];
    CHECK(cal_holiday(&c, date_make(2024, 5, 9), name, sizeof name) &&
              strcmp(name, "Ascension") == 0,
          "Ascension 2024 is 9 May");
    CHECK(cal_holiday(&c, date_make(2024, 5, 20), name, sizeof name) &&
              strcmp(name, "Lundi de Pentecôte") == 0,
          "Pentecost Monday 2024 is 20 May");
    CHECK(!cal_holiday(&c, date_make(2024, 3, 29), NULL, 0), "Good Friday: not in métropole");
    /* 11 public holidays a year; 10 days in 2008, when Ascension fell on 1 May */
    CHECK_EQ_INT(holidays_in(&c, 2024), 11, "11 holidays in 2024");
    CHECK_EQ_INT(holidays_in(&c, 2008), 10, "Ascension 2008 = 1 May");
    /* 2024: 366 days - 104 weekend days - 10 holidays on a weekday (14 July is a Sunday) */
    CHECK_EQ_INT(working_in(&c, 2024), 252, "252 jours ouvrés in 2024");
    calendar_t am = {&e, "alsace_moselle", NULL}, re = {&e, "reunion", NULL};
    CHECK_EQ_INT(holidays_in(&am, 2024), 13, "Alsace-Moselle: + Good Friday and 26 December");
    CHECK_EQ_INT(holidays_in(&re, 2024), 12, "La Réunion: + 20 December");
    /* 2024 in Alsace-Moselle: Good Friday (Friday 29 March) and 26 December (a Thursday) are
     * weekdays */
    CHECK_EQ_INT(working_in(&am, 2024), 250, "250 jours ouvrés in Alsace-Moselle in 2024");

    /* property: for every start date of 2016-2035 and every length, the deadline in jours
     * ouvrés is a jour ouvré and exactly N jours ouvrés lie in (start, deadline] */
    int bad = 0, cases = 0;
    const int lengths[] = {1, 5, 7, 8};
    for (date_t s = date_make(2016, 1, 1); s.y < 2036; s = date_add_days(s, 1)) {
        for (size_t k = 0; k < sizeof lengths / sizeof *lengths; k++) {
            date_t due = cal_deadline(&c, s, lengths[k], CU_JOURS_OUVRES, NULL);
            int n = 0;
            for (date_t d = date_add_days(s, 1); date_cmp(d, due) <= 0; d = date_add_days(d, 1))
                n += cal_working(&c, d, CU_JOURS_OUVRES);
            if (n != lengths[k] || !cal_working(&c, due, CU_JOURS_OUVRES)) bad++;
            cases++;
        }
    }
    CHECK_EQ_INT(bad, 0, "jours ouvrés counted exactly over 2016-2035");
    CHECK(cases > 25000, "property over every start date and length");
    CHECK_EQ_INT((long)errs.count, 0, "no parameter missing");
    ancre_result_free(res);
    ancre_readings_free(readings);
    ancre_params_free(params);
    ancre_errors_clear(&errs);
}
