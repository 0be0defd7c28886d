#include "check.h"
#include "core/q.h"

void test_q(void);

void test_q(void) {
    char buf[64];
    q_t a;
    CHECK(q_parse_decimal("0.452", &a), "parse 0.452");
    CHECK(a.n == 113 && a.d == 250, "0.452 = 113/250");
    CHECK(!q_parse_decimal("1e3", &a), "exponent refused");
    CHECK(!q_parse_decimal("1.", &a), "dangling point refused");
    CHECK(q_parse_decimal("-3.30", &a) && a.n == -33 && a.d == 10, "-3.30 = -33/10");
    /* 1/3 + 1/6 = 1/2 */
    q_t s = q_add(q_frac(1, 3), q_frac(1, 6));
    CHECK(s.n == 1 && s.d == 2, "1/3 + 1/6 = 1/2");
    /* coordination at P = 10 000: 1700 x 8000/4000 + 1100 x 2000/4000 = 3400 + 550 = 3950 */
    q_t v = q_add(q_div(q_mul(q_int(1700), q_int(8000)), q_int(4000)),
                  q_div(q_mul(q_int(1100), q_int(2000)), q_int(4000)));
    CHECK(q_cmp(v, q_int(3950)) == 0, "coordination tiers example of the digest");
    /* rounding half away from zero: 0.005 EUR -> 1 cent; 0.0049 -> 0; -0.005 -> -1 */
    CHECK_EQ_INT(q_round_cents(q_frac(5, 1000)), 1, "0.005 EUR");
    CHECK_EQ_INT(q_round_cents(q_frac(49, 10000)), 0, "0.0049 EUR");
    CHECK_EQ_INT(q_round_cents(q_frac(-5, 1000)), -1, "-0.005 EUR");
    /* 1170.4844 points x 7 EUR = 8193.3908 EUR -> 819 339 cents */
    CHECK_EQ_INT(q_round_cents(q_mul(q_frac(11704844, 10000), q_int(7))), 819339, "points x 7");
    q_format_decimal(q_frac(2, 3), 4, buf, sizeof buf);
    CHECK_EQ_STR(buf, "0.6667", "2/3 to 4 digits");
    q_format_decimal(q_frac(-5, 2), 4, buf, sizeof buf);
    CHECK_EQ_STR(buf, "-2.5", "-5/2");
    q_format_fraction(q_frac(10, 4), buf, sizeof buf);
    CHECK_EQ_STR(buf, "5/2", "fraction form");
    /* overflow poisons the value instead of wrapping */
    q_t big = q_int(INT64_MAX);
    q_t p = q_mul(q_mul(q_mul(big, big), big), big);
    CHECK(!q_valid(p), "overflow gives the invalid value");
    CHECK(!q_valid(q_add(p, q_int(1))), "invalid propagates");
    CHECK(!q_valid(q_div(q_int(1), q_int(0))), "division by zero is invalid");
    CHECK(q_cmp(q_min(q_frac(1, 2), q_frac(1, 3)), q_frac(1, 3)) == 0, "min");
    CHECK_EQ_INT(q_floor_int(q_frac(-7, 2)), -4, "floor(-3.5)");
}
