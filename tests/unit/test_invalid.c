/* Invalid or missing values stay invalid through every operation and end as an error naming
 * what was missing; amounts and counts are checked, never wrapped or truncated. */
#include "check.h"
#include "core/engine.h"
#include "core/errors.h"

#include <stdlib.h>

void test_invalid(void);

static const char *years_doc =
    "{\"ancre_params\":1,\"parameters\":["
    "{\"id\":\"t.duration\",\"unit\":\"years\",\"values\":[{\"from\":\"2015-10-01\",\"value\":"
    "\"5\",\"cite\":{\"doc\":\"000\"}}]},"
    "{\"id\":\"t.share\",\"unit\":\"rate\",\"values\":[{\"from\":\"2015-10-01\",\"value\":"
    "\"0.5\",\"cite\":{\"doc\":\"000\"}}]}]}";

static void test_q_propagation(void) {
    q_t five = q_int(5), bad = q_invalid();
    /* every operation of q.h with an invalid operand, on either side */
    CHECK(!q_valid(q_min(five, bad)) && !q_valid(q_min(bad, five)), "min(5, invalid) is invalid");
    CHECK(!q_valid(q_max(five, bad)) && !q_valid(q_max(bad, five)), "max(5, invalid) is invalid");
    CHECK(!q_valid(q_add(five, bad)) && !q_valid(q_add(bad, five)), "add");
    CHECK(!q_valid(q_sub(five, bad)) && !q_valid(q_sub(bad, five)), "sub");
    CHECK(!q_valid(q_mul(five, bad)) && !q_valid(q_mul(bad, five)), "mul");
    CHECK(!q_valid(q_div(five, bad)) && !q_valid(q_div(bad, five)), "div");
    CHECK(!q_valid(q_neg(bad)), "neg");
    CHECK(!q_is_zero(bad) && !q_is_integer(bad), "an invalid value is neither zero nor an integer");
    /* no division by the invalid denominator (SIGFPE before) */
    int64_t n = 42;
    CHECK(!q_floor_checked(bad, &n) && n == 42, "floor of invalid: refused");
    CHECK_EQ_INT(q_floor_int(bad), 0, "q_floor_int(invalid) does not trap");
    CHECK(!q_cents_checked(bad, &n), "cents of invalid: refused");
    CHECK(!q_cents_ok(q_round_cents(bad)), "q_round_cents(invalid) is outside the bounds");
    char buf[64];
    q_format_decimal(bad, 2, buf, sizeof buf);
    CHECK_EQ_STR(buf, "invalid", "formatting invalid");
}

static void test_q_bounds(void) {
    int64_t c = 0;
    /* the last representable amount and the first beyond it */
    CHECK(q_cents_checked(q_int(Q_CENTS_MAX / 100), &c) && c == Q_CENTS_MAX, "10^13 EUR");
    CHECK(!q_cents_checked(q_add(q_int(Q_CENTS_MAX / 100), q_frac(1, 100)), &c),
          "10^13 EUR + 1 cent is beyond the bounds");
    CHECK(!q_cents_checked(q_int(INT64_MAX), &c), "INT64_MAX euros: refused, not wrapped");
    CHECK(!q_cents_checked(q_neg(q_int(INT64_MAX)), &c), "-INT64_MAX euros");
    q_t huge = q_mul(q_int(INT64_MAX), q_int(INT64_MAX)); /* ~8.5e37 fits in i128 */
    CHECK(q_valid(huge) && !q_cents_checked(huge, &c), "an i128-sized value: refused");
    CHECK(q_cents_checked(q_frac(-5, 1000), &c) && c == -1, "-0.005 EUR -> -1 cent");
    CHECK(!q_floor_checked(huge, &c), "floor beyond int64: refused");
    CHECK_EQ_INT(q_floor_int(huge), INT64_MAX, "q_floor_int saturates");
    /* 4 294 967 299 is not 3 */
    CHECK(q_floor_checked(q_int(4294967299LL), &c) && c == 4294967299LL, "no 32-bit truncation");
    char buf[128];
    q_format_decimal(huge, 6, buf, sizeof buf); /* scaling by 10^6 would overflow */
    CHECK(buf[0] != '\0', "formatting a huge value gives its exact fraction");
    q_format_decimal(q_frac(1, 3), 40, buf, sizeof buf);
    CHECK(buf[0] == '0', "an absurd number of digits is capped");
}

static void test_engine_checks(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    CHECK(ancre_params_load_json(p, years_doc, strlen(years_doc), "t", &errs) == 0, "load");
    ancre_result *r = calloc(1, sizeof *r);
    eng_t e = {
        .params = p, .res = r, .errs = &errs, .at = date_make(2023, 12, 31), .unit_value = {1, 1}};
    CHECK_EQ_INT(par_int(&e, "t.duration", 1, 10), 5, "an integer parameter within bounds");
    CHECK(!e.failed && errs.count == 0, "no error");
    CHECK_EQ_INT(par_int(&e, "t.duration", 6, 10), -1, "outside the rule's bounds: -1");
    CHECK(e.failed && errs.count == 1 && strstr(errs.items[0].message, "t.duration"),
          "an error naming the parameter");
    e.failed = false;
    par_int(&e, "t.share", 0, 10);
    CHECK(e.failed && errs.count == 2, "a fraction is not an integer parameter");
    e.failed = false;
    par_int_at(&e, "t.duration", date_make(2012, 3, 1), 1, 10);
    CHECK(e.failed && errs.count == 3 && strstr(errs.items[2].message, "t.duration"),
          "no value in force: an error naming the parameter");
    /* a line whose points are unknown: an error, not a zero amount */
    e.failed = false;
    size_t before = errs.count;
    line_t *l = eng_line(&e, "t.line", "Art. 0", "test", "principal", "indicator");
    l->points = q_min(q_int(5), q_div(q_int(1), q_int(0)));
    e.cur = NULL;
    eng_amounts(&e);
    CHECK(e.failed && errs.count == before + 1 && strstr(errs.items[before].message, "t.line"),
          "min(5, 1/0) on a line ends as an error naming the line");
    /* an amount beyond the bounds, and a sum beyond them */
    e.failed = false;
    before = errs.count;
    line_t *big = eng_line(&e, "t.big", "Art. 0", "test", "principal", "indicator");
    big->points = q_int(Q_CENTS_MAX / 100 / 2 + 1);
    line_t *big2 = eng_line(&e, "t.big2", "Art. 0", "test", "principal", "indicator");
    big2->points = q_int(Q_CENTS_MAX / 100 / 2 + 1);
    e.cur = NULL;
    eng_amounts(&e);
    CHECK(e.failed && errs.count == before + 1, "a total beyond the bounds is one error");
    e.failed = false;
    e.res->overflow_reported = false;
    before = errs.count;
    eng_payment(&e, "t.payment", "Art. 0", NULL, INT64_MAX);
    CHECK(e.failed && errs.count == before + 1, "a payment beyond the bounds is an error");
    ancre_result_free(r);
    ancre_params_free(p);
    ancre_errors_clear(&errs);
}

void test_invalid(void) {
    test_q_propagation();
    test_q_bounds();
    test_engine_checks();
}
