/* Exact rational arithmetic for points, rates and money.
 *
 * Every intermediate quantity of the accord (points scaled by a patientèle, a rate applied to a
 * total, a prorata of days) is kept as an exact fraction of 128-bit integers, reduced after each
 * operation.  An operation that would overflow yields the invalid value (den == 0), which
 * propagates through every later operation; the engine reports it as an error instead of
 * returning a wrong number.  Rounding happens in exactly one place: q_round_cents(). */
#ifndef ANCRE_Q_H
#define ANCRE_Q_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef __int128 i128;

typedef struct {
    i128 n; /* numerator, carries the sign */
    i128 d; /* denominator > 0; 0 marks an invalid (overflowed) value */
} q_t;

q_t q_int(int64_t v);
q_t q_frac(int64_t n, int64_t d);
q_t q_invalid(void);
bool q_valid(q_t a);
q_t q_add(q_t a, q_t b);
q_t q_sub(q_t a, q_t b);
q_t q_mul(q_t a, q_t b);
q_t q_div(q_t a, q_t b); /* division by zero gives the invalid value */
q_t q_min(q_t a, q_t b); /* invalid when either operand is */
q_t q_max(q_t a, q_t b);
q_t q_neg(q_t a);
int q_cmp(q_t a, q_t b); /* -1, 0, 1; invalid values compare equal to everything */
bool q_is_zero(q_t a);
bool q_is_integer(q_t a);
/* The integer part (floor) of a: false when a is invalid or outside int64_t. */
bool q_floor_checked(q_t a, int64_t *out);
/* Same, for values known to be valid and small: an invalid value gives 0 and a value outside
 * int64_t the nearest bound, never a division by the invalid denominator.  Counts and
 * durations read from parameters go through par_int() (engine.h), which reports instead. */
int64_t q_floor_int(q_t a);

/* The largest amount ancre represents: 10^15 cents (ten thousand billion euros), far above any
 * payment of the accord and low enough that sums of thousands of amounts fit in int64_t.  An
 * amount beyond it is an overflow, reported as an error, never wrapped. */
#define Q_CENTS_MAX ((int64_t)1000000000000000)
/* What q_round_cents() gives for an invalid or unrepresentable value: outside the bounds, so
 * that the engine reports it (q_cents_ok() is false) before any result is returned. */
#define Q_CENTS_POISON (Q_CENTS_MAX + 1)

/* The single rounding of ancre: euros given as an exact fraction, to whole cents, half away
 * from zero (0.005 € -> 0.01 €, -0.005 € -> -0.01 €).  False when euros is invalid or its
 * magnitude exceeds Q_CENTS_MAX. */
bool q_cents_checked(q_t euros, int64_t *out);
/* Same, giving Q_CENTS_POISON instead of false. */
int64_t q_round_cents(q_t euros);
/* Whether an amount in cents is within ±Q_CENTS_MAX. */
bool q_cents_ok(int64_t cents);

/* Parses an exact decimal ("12", "-0.452", "3.3").  Returns false on bad syntax. */
bool q_parse_decimal(const char *s, q_t *out);

/* Writes the value as a decimal with at most max_frac digits after the point, exact when the
 * fraction terminates within them, otherwise rounded half away from zero and the return value
 * is false (the caller may then also show q_format_fraction). */
bool q_format_decimal(q_t a, int max_frac, char *buf, size_t cap);
void q_format_fraction(q_t a, char *buf, size_t cap);

#endif
