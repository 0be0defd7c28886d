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
}
