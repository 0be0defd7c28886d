/* The public accessors of a result (include/ancre/ancre.h): what a program needs to file or
 * tabulate a result without reading the JSON document or the library's own structures. */
#include "../core/engine.h"

#include <stdio.h>
#include <string.h>

int ancre_result_year(const ancre_result *r) {
    return r->year;
}

const char *ancre_result_finess(const ancre_result *r) {
    return r->finess ? r->finess : "";
}

const char *ancre_result_centre_type(const ancre_result *r) {
    return r->type ? r->type : "";
}

int ancre_result_gate(const ancre_result *r) {
    return r->triggered ? 1 : 0;
}

size_t ancre_result_prerequisite_count(const ancre_result *r) {
    return r->nprereqs;
}

int ancre_result_prerequisite(const ancre_result *r, size_t i, const char **id, int *met) {
    if (i >= r->nprereqs) return -1;
    *id = r->prereqs[i].id;
    *met = r->prereqs[i].met ? 1 : 0;
    return 0;
}

int64_t ancre_result_advance_cents(const ancre_result *r) {
    return r->advance_cents;
}

int64_t ancre_result_balance_cents(const ancre_result *r) {
    return r->balance_cents;
}

int64_t ancre_result_refund_cents(const ancre_result *r) {
    return r->refund_cents;
}

int64_t ancre_result_next_advance_cents(const ancre_result *r) {
    return r->next_advance_cents;
}

size_t ancre_result_line_count(const ancre_result *r) {
    return r->nlines;
}

int ancre_result_line(const ancre_result *r, size_t i, ancre_line *out) {
    if (i >= r->nlines || !out || out->version != ANCRE_LINE_VERSION) return -1;
    const line_t *l = &r->lines[i];
    out->id = l->id;
    out->article = l->article ? l->article : "";
    out->label = l->label ? l->label : "";
    out->bloc = l->bloc ? l->bloc : "";
    out->kind = l->kind ? l->kind : "";
    out->payment = l->payment ? l->payment : "";
    out->status = line_status_name(l->status);
    out->amount_cents = l->amount_cents;
    return 0;
}

size_t ancre_result_payment_count(const ancre_result *r) {
    return r->npayments;
}

/* The payment a result's lines all belong to, or "" when they belong to several: the module
 * of a payment that does not name its own. */
static const char *single_payment(const ancre_result *r) {
    const char *only = NULL;
    for (size_t i = 0; i < r->nlines; i++) {
        const char *p = r->lines[i].payment;
        if (!p) continue;
        if (only && strcmp(only, p) != 0) return "";
        only = p;
    }
    return only ? only : "";
}

int ancre_result_payment(const ancre_result *r, size_t i, ancre_payment *out) {
    if (i >= r->npayments || !out || out->version != ANCRE_PAYMENT_VERSION) return -1;
    const payment_t *p = &r->payments[i];
    out->label = p->label ? p->label : "";
    out->article = p->article ? p->article : "";
    out->payment = p->payment ? p->payment : single_payment(r);
    out->kind = p->kind ? p->kind : "";
    out->due[0] = '\0';
    if (p->has_due) date_format(p->due, out->due, sizeof out->due);
    out->amount_cents = p->amount_cents;
    return 0;
}

size_t ancre_result_reading_count(const ancre_result *r) {
    return r->nreadings;
}

int ancre_result_reading(const ancre_result *r, size_t i, const char **id, const char **value) {
    if (i >= r->nreadings) return -1;
    const reading_def *d = reading_def_at(r->readings[i].index);
    *id = d->id;
    *value = d->alts[r->readings[i].choice].value;
    return 0;
}

const char *ancre_payment_name(size_t i) {
    return i < ancre_module_count ? ancre_modules[i].payment : NULL;
}

const char *ancre_payment_title(size_t i) {
    return i < ancre_module_count ? ancre_modules[i].title : NULL;
}
