/* What the per-act payments share (acts.h): reading a list of acts, the patient's age against a
 * birthday, the yearly frame of the forfaits and the calendar entry of each rule. */
#include "acts.h"

#include <stdio.h>
#include <string.h>

ancre_decl **acts_items(eng_t *e, const char *path, size_t *n) {
    long i = schema_find(path);
    *n = 0;
    if (i < 0 || !e->decl->values[i].present) return NULL;
    *n = e->decl->values[i].nitems;
    return e->decl->values[i].items;
}

void act_open(act_t *a, eng_t *e, const char *path, size_t k, const char *prefix) {
    memset(a, 0, sizeof *a);
    a->e = e;
    a->item = acts_items(e, path, &(size_t){0})[k];
    snprintf(a->base, sizeof a->base, "%s[%zu]", path, k);
    const decl_value *id = decl_get(a->item, "id");
    if (id)
        snprintf(a->id, sizeof a->id, "%s", id->s);
    else
        snprintf(a->id, sizeof a->id, "%s%zu", prefix, k + 1);
    const decl_value *d = decl_get(a->item, "date");
    if (d) a->date = d->date;
}

const decl_value *act_get(act_t *a, const char *field) {
    const decl_value *v = decl_get(a->item, field);
    if (!v) return NULL;
    for (size_t k = 0; k < a->item->n; k++) {
        const field_def *f = decl_field(a->item, k);
        if (strcmp(f->path, field) != 0) continue;
        char buf[256], full[192];
        decl_value_text(f, v, buf, sizeof buf);
        snprintf(full, sizeof full, "%s.%s", a->base, field);
        eng_input(a->e, full, buf);
    }
    return v;
}

bool act_flag(act_t *a, const char *field) {
    const decl_value *v = act_get(a, field);
    return v && v->b;
}

const char *act_text(act_t *a, const char *field) {
    const decl_value *v = act_get(a, field);
    return v ? v->s : NULL;
}

age_position act_birthday(act_t *a, int years, const char *rule) {
    const decl_value *birth = act_get(a, "patient_birth_date");
    if (birth) {
        /* a child born on 29 February has its birthday on 28 February of common years */
        date_t day = date_add_months(birth->date, 12 * years);
        int c = date_cmp(a->date, day);
        return c < 0 ? AGE_BEFORE : c == 0 ? AGE_ON : AGE_AFTER;
    }
    const decl_value *age = act_get(a, "patient_age");
    if (age) {
        int64_t y = q_floor_int(age->num);
        return y < years ? AGE_BEFORE : y > years ? AGE_AFTER : AGE_ON_OR_AFTER;
    }
    char path[160];
    snprintf(path, sizeof path, "%s.patient_birth_date", a->base);
    eng_fail(a->e, path, rule, "la date de naissance ou l'âge du patient",
             "%s : la date de naissance (patient_birth_date) ou l'âge (patient_age) du patient "
             "est nécessaire pour appliquer la condition d'âge",
             a->base);
    return AGE_UNKNOWN;
}

bool acts_same_year(eng_t *e, date_t prev, date_t at) {
    /* "une fois par an et par patient" (Art. 28.7 l. 10222, Art. 28.10 l. 10528) */
    if (reading_is(e, "forfait_annual_frame", "rolling_year"))
        return date_cmp(at, date_add_months(prev, 12)) < 0;
    return prev.y == at.y;
}

q_t acts_price(eng_t *e, const char *id, date_t at) {
    return par_at(e, id, at);
}

void acts_pay(eng_t *e, const char *label, const char *article) {
    e->cur = NULL;
    eng_amounts(e);
    char text[200];
    snprintf(text, sizeof text, "%s %d (facturé à l'acte, date de paiement non fixée par l'accord)",
             label, e->year);
    eng_payment(e, text, article, NULL, eng_payment_total(e, e->payment));
}

void acts_date_fr(date_t d, char *buf, size_t cap) {
    snprintf(buf, cap, "%02d/%02d/%04d", d.d, d.m, d.y);
}
