#include "fr_format.h"

#include <stdio.h>
#include <string.h>

/* Groups the integer digits of a plain decimal ("-1234567.5") by three with spaces and writes the
 * decimal comma. */
static void group(const char *plain, char *buf, size_t cap) {
    const char *p = plain;
    size_t o = 0;
    if (*p == '-' && o + 1 < cap) buf[o++] = *p++;
    const char *dot = strchr(p, '.');
    size_t ndig = dot ? (size_t)(dot - p) : strlen(p);
    for (size_t i = 0; i < ndig && o + 2 < cap; i++) {
        if (i > 0 && (ndig - i) % 3 == 0) buf[o++] = ' ';
        buf[o++] = p[i];
    }
    if (dot) {
        if (o + 1 < cap) buf[o++] = ',';
        for (const char *d = dot + 1; *d && o + 1 < cap; d++)
            buf[o++] = *d;
    }
    buf[o < cap ? o : cap - 1] = '\0';
}

void fr_euros(q_t euros, char *buf, size_t cap) {
    if (!q_valid(euros)) {
        snprintf(buf, cap, "invalide");
        return;
    }
    int64_t c = q_round_cents(euros);
    char plain[64], grouped[96];
    int64_t a = c < 0 ? -c : c;
    snprintf(plain, sizeof plain, "%s%lld.%02lld", c < 0 ? "-" : "", (long long)(a / 100),
             (long long)(a % 100));
    group(plain, grouped, sizeof grouped);
    snprintf(buf, cap, "%s €", grouped);
}

void fr_number(q_t v, char *buf, size_t cap) {
    if (!q_valid(v)) {
        snprintf(buf, cap, "invalide");
        return;
    }
    char plain[64];
    q_format_decimal(v, 2, plain, sizeof plain);
    group(plain, buf, cap);
}

void fr_percent(q_t rate, char *buf, size_t cap) {
    char n[64];
    fr_number(q_mul(rate, q_int(100)), n, sizeof n);
    snprintf(buf, cap, "%s %%", n);
}

void fr_date(date_t d, char *buf, size_t cap) {
    snprintf(buf, cap, "%02d/%02d/%04d", d.d, d.m, d.y);
}
