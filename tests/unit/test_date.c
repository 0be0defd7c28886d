#include "check.h"
#include "core/date.h"

void test_date(void);

void test_date(void) {
    date_t d;
    CHECK(date_parse("2024-02-29", &d), "leap day 2024");
    CHECK(!date_parse("2023-02-29", &d), "no 29 February 2023");
    CHECK(!date_parse("2023-13-01", &d), "month 13");
    CHECK(!date_parse("2023-1-01", &d), "strict format");
    CHECK_EQ_INT(date_days(date_make(1970, 1, 1)), 0, "epoch");
    CHECK_EQ_INT(date_days(date_make(2023, 12, 31)) - date_days(date_make(2023, 1, 1)), 364,
                 "2023 has 365 days");
    CHECK_EQ_INT(date_days_in_year(2024), 366, "2024 is a leap year");
    CHECK_EQ_INT(date_days_in_year(2100), 365, "2100 is not");
    date_t m = date_add_months(date_make(2023, 11, 30), 3);
    CHECK(m.y == 2024 && m.m == 2 && m.d == 29, "30 Nov 2023 + 3 months = 29 Feb 2024");
    CHECK_EQ_INT(date_quarter(date_make(2022, 7, 1)), 3, "July is Q3");
    CHECK_EQ_INT(date_weekday(date_make(1970, 1, 1)), 4, "1 January 1970 was a Thursday");
    CHECK_EQ_INT(date_weekday(date_make(2024, 5, 9)), 4, "Ascension 2024 is a Thursday");
    CHECK_EQ_INT(date_weekday(date_make(2024, 6, 30)), 7, "30 June 2024 is a Sunday");
    date_t p = date_add_days(date_make(2024, 2, 28), 2);
    CHECK(p.y == 2024 && p.m == 3 && p.d == 1, "28 Feb 2024 + 2 days = 1 March (leap year)");
    p = date_add_days(date_make(2023, 12, 31), -365);
    CHECK(p.y == 2022 && p.m == 12 && p.d == 31, "31 Dec 2023 - 365 days = 31 Dec 2022");
    /* every day of 1900..2200 round-trips through its day number */
    int bad = 0;
    for (long z = date_days(date_make(1900, 1, 1)); z < date_days(date_make(2200, 1, 1)); z++)
        if (date_days(date_from_days(z)) != z) bad++;
    CHECK_EQ_INT(bad, 0, "date_from_days is the inverse of date_days over 1900..2199");
}
