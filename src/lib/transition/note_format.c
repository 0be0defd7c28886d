#include "note_format.h"

#include "../core/i18n.h"

#include <stdio.h>

void note_euros(const eng_t *e, q_t euros, char *buf, size_t cap) {
    if (!q_valid(euros)) {
        snprintf(buf, cap, "invalide");
        return;
    }
    i18n_euros(eng_lang(e), q_round_cents(euros), buf, cap);
}

void note_number(const eng_t *e, q_t v, char *buf, size_t cap) {
    if (!q_valid(v)) {
        snprintf(buf, cap, "invalide");
        return;
    }
    char plain[64];
    q_format_decimal(v, 2, plain, sizeof plain);
    i18n_decimal(eng_lang(e), plain, buf, cap);
}

void note_percent(const eng_t *e, q_t rate, char *buf, size_t cap) {
    char n[64];
    note_number(e, q_mul(rate, q_int(100)), n, sizeof n);
    snprintf(buf, cap, "%s %%", n);
}

void note_date(const eng_t *e, date_t d, char *buf, size_t cap) {
    char iso[16];
    date_format(d, iso, sizeof iso);
    i18n_date(eng_lang(e), iso, buf, cap);
}
