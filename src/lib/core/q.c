#include "q.h"

#include <stdio.h>
#include <string.h>

#define INT128_MAX_ ((i128)(((unsigned __int128)1 << 127) - 1))

/* |v|; the most negative value has none and stays negative (callers check) */
static i128 i128_abs(i128 v) {
    if (v == -INT128_MAX_ - 1) return v;
    return v < 0 ? -v : v;
}

static i128 gcd128(i128 a, i128 b) {
    a = i128_abs(a);
    b = i128_abs(b);
    while (b != 0) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

q_t q_invalid(void) {
    return (q_t){0, 0};
}
bool q_valid(q_t a) {
    return a.d != 0;
}

static q_t q_norm(i128 n, i128 d) {
    /* the most negative i128 cannot be negated: treated as an overflow */
    if (d == 0 || n == -INT128_MAX_ - 1 || d == -INT128_MAX_ - 1) return q_invalid();
    if (d < 0) {
        n = -n;
        d = -d;
    }
    i128 g = gcd128(n, d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    return (q_t){n, d};
}

q_t q_int(int64_t v) {
    return (q_t){v, 1};
}
q_t q_frac(int64_t n, int64_t d) {
    return q_norm(n, d);
}

static bool mul_ok(i128 a, i128 b, i128 *out) {
    return !__builtin_mul_overflow(a, b, out);
}
static bool add_ok(i128 a, i128 b, i128 *out) {
    return !__builtin_add_overflow(a, b, out);
}

q_t q_add(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b)) return q_invalid();
    i128 g = gcd128(a.d, b.d);
    i128 da = a.d / g, db = b.d / g;
    i128 x, y, n, d;
    if (!mul_ok(a.n, db, &x) || !mul_ok(b.n, da, &y) || !add_ok(x, y, &n) || !mul_ok(a.d, db, &d))
        return q_invalid();
    return q_norm(n, d);
}

q_t q_neg(q_t a) {
    return q_valid(a) ? (q_t){-a.n, a.d} : a;
}
q_t q_sub(q_t a, q_t b) {
    return q_add(a, q_neg(b));
}

q_t q_mul(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b)) return q_invalid();
    /* cross-reduce first to keep the operands small */
    i128 g1 = gcd128(a.n, b.d), g2 = gcd128(b.n, a.d);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    i128 n, d;
    if (!mul_ok(a.n / g1, b.n / g2, &n) || !mul_ok(a.d / g2, b.d / g1, &d)) return q_invalid();
    return q_norm(n, d);
}

q_t q_div(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b) || b.n == 0) return q_invalid();
    return q_mul(a, (q_t){b.d, b.n});
}

int q_cmp(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b)) return 0;
    q_t diff = q_sub(a, b);
    if (!q_valid(diff)) return 0;
    return diff.n > 0 ? 1 : (diff.n < 0 ? -1 : 0);
}

/* An invalid operand makes the result invalid: min(5, missing) is not 5, it is unknown. */
q_t q_min(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b)) return q_invalid();
    return q_cmp(a, b) <= 0 ? a : b;
}
q_t q_max(q_t a, q_t b) {
    if (!q_valid(a) || !q_valid(b)) return q_invalid();
    return q_cmp(a, b) >= 0 ? a : b;
}
bool q_is_zero(q_t a) {
    return q_valid(a) && a.n == 0;
}
bool q_is_integer(q_t a) {
    return q_valid(a) && a.d == 1;
}

bool q_floor_checked(q_t a, int64_t *out) {
    if (!q_valid(a)) return false;
    i128 f = a.n / a.d;
    if (a.n % a.d != 0 && a.n < 0) f -= 1;
    if (f < INT64_MIN || f > INT64_MAX) return false;
    *out = (int64_t)f;
    return true;
}

int64_t q_floor_int(q_t a) {
    int64_t v = 0;
    if (q_floor_checked(a, &v)) return v;
    if (!q_valid(a)) return 0;
    return a.n < 0 ? INT64_MIN : INT64_MAX;
}

bool q_cents_checked(q_t euros, int64_t *out) {
    if (!q_valid(euros)) return false;
    /* cents = |n| * 100 / d, rounded half away from zero: floor((2*|n|*100 + d) / (2*d)); the
     * quotient is taken before the multiplication so that no step can overflow */
    i128 an = i128_abs(euros.n), d = euros.d;
    if (an < 0) return false; /* the most negative i128 has no absolute value */
    i128 whole = an / d, rem = an % d;
    if (whole > Q_CENTS_MAX / 100 + 1) return false;
    /* rem < d, so rem * 200 + d fits when d < 2^119; a larger denominator only comes from
     * operands far outside the accord's figures and is reported rather than rounded inexactly */
    if (d >= ((i128)1 << 119)) return false;
    i128 frac = (rem * 200 + d) / (2 * d);
    i128 r = whole * 100 + frac;
    if (r > Q_CENTS_MAX) return false;
    *out = (int64_t)(euros.n < 0 ? -r : r);
    return true;
}

int64_t q_round_cents(q_t euros) {
    int64_t c;
    return q_cents_checked(euros, &c) ? c : Q_CENTS_POISON;
}

bool q_cents_ok(int64_t cents) {
    return cents >= -Q_CENTS_MAX && cents <= Q_CENTS_MAX;
}

bool q_parse_decimal(const char *s, q_t *out) {
    const char *p = s;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    if (*p < '0' || *p > '9') return false;
    i128 n = 0, d = 1;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > 30) return false;
        n = n * 10 + (*p - '0');
    }
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9') return false;
        for (; *p >= '0' && *p <= '9'; p++) {
            if (++digits > 30) return false;
            n = n * 10 + (*p - '0');
            d *= 10;
        }
    }
    if (*p != '\0') return false;
    *out = q_norm(neg ? -n : n, d);
    return true;
}

static void u128_to_str(i128 v, char *buf, size_t cap) {
    char tmp[64];
    int k = 0;
    if (v == 0) tmp[k++] = '0';
    while (v > 0 && k < 63) {
        tmp[k++] = (char)('0' + (int)(v % 10));
        v /= 10;
    }
    size_t i = 0;
    while (k > 0 && i + 1 < cap)
        buf[i++] = tmp[--k];
    buf[i] = '\0';
}

bool q_format_decimal(q_t a, int max_frac, char *buf, size_t cap) {
    if (!q_valid(a)) {
        snprintf(buf, cap, "invalid");
        return false;
    }
    if (max_frac < 0) max_frac = 0;
    if (max_frac > 18) max_frac = 18;
    i128 scale = 1;
    for (int i = 0; i < max_frac; i++)
        scale *= 10;
    i128 an = i128_abs(a.n), scaled_num, twice;
    if (an < 0 || __builtin_mul_overflow(an, scale, &scaled_num) ||
        __builtin_mul_overflow(scaled_num, 2, &twice) || twice > INT128_MAX_ - a.d ||
        a.d > INT128_MAX_ / 2) {
        /* too large to scale: the exact fraction is the only faithful form */
        q_format_fraction(a, buf, cap);
        return false;
    }
    bool exact = scaled_num % a.d == 0;
    i128 v = (twice + a.d) / (2 * a.d);
    i128 ip = v / scale, fp = v % scale;
    char ib[64];
    u128_to_str(ip, ib, sizeof ib);
    char fb[64] = "";
    int fl = 0;
    if (fp != 0) {
        for (int i = max_frac - 1; i >= 0; i--) {
            fb[i] = (char)('0' + (int)(fp % 10));
            fp /= 10;
        }
        fl = max_frac;
        while (fl > 0 && fb[fl - 1] == '0')
            fl--;
        fb[fl] = '\0';
    }
    bool neg = a.n < 0 && (v != 0);
    snprintf(buf, cap, "%s%s%s%s", neg ? "-" : "", ib, fl ? "." : "", fb);
    return exact;
}

void q_format_fraction(q_t a, char *buf, size_t cap) {
    if (!q_valid(a)) {
        snprintf(buf, cap, "invalid");
        return;
    }
    char nb[64], db[64];
    u128_to_str(i128_abs(a.n), nb, sizeof nb);
    u128_to_str(a.d, db, sizeof db);
    if (a.d == 1)
        snprintf(buf, cap, "%s%s", a.n < 0 ? "-" : "", nb);
    else
        snprintf(buf, cap, "%s%s/%s", a.n < 0 ? "-" : "", nb, db);
}
