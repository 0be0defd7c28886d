/* The result as a versioned JSON document (docs/result.md) and as a readable breakdown. */
#include "engine.h"

#include "errors.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *cite_to_json(const cite_t *c);

static const char *status_name(line_status s) {
    switch (s) {
    case ST_ACHIEVED:
        return "achieved";
    case ST_NOT_ACHIEVED:
        return "not_achieved";
    case ST_NOT_DECLARED:
        return "not_declared";
    case ST_NOT_IN_GRID:
        return "not_in_grid";
    case ST_EXCLUDED:
        return "excluded";
    case ST_NOT_TRIGGERED:
        return "not_triggered";
    case ST_ADJUSTMENT:
        return "adjustment";
    }
    return "?";
}

static json_t *qjson(q_t v) {
    char buf[80];
    q_format_decimal(v, 6, buf, sizeof buf);
    return json_string(buf);
}

static json_t *param_json(const param_use *u) {
    char d[16];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(u->param->id));
    json_object_set_new(o, "value",
                        u->period->kind == PV_NULL ? json_null() : json_string(u->period->text));
    json_object_set_new(o, "unit", json_string(u->param->unit));
    date_format(u->period->from, d, sizeof d);
    json_object_set_new(o, "from", json_string(d));
    if (u->period->open_ended) {
        json_object_set_new(o, "to", json_null());
    } else {
        date_format(u->period->to, d, sizeof d);
        json_object_set_new(o, "to", json_string(d));
    }
    json_object_set_new(o, "cite", cite_to_json(&u->period->cite));
    return o;
}

static json_t *reading_json(const reading_use *u) {
    const reading_def *d = reading_def_at(u->index);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(d->id));
    json_object_set_new(o, "value", json_string(d->alts[u->choice].value));
    json_object_set_new(o, "default", json_boolean(u->choice == 0));
    json_object_set_new(o, "ref", json_string(d->ref));
    return o;
}

static void set_date(json_t *o, const char *key, date_t d) {
    char buf[16];
    date_format(d, buf, sizeof buf);
    json_object_set_new(o, key, json_string(buf));
}

char *ancre_result_to_json(const ancre_result *r, int flags) {
    json_t *root = json_object();
    json_object_set_new(root, "ancre_result", json_integer(ANCRE_RESULT_FORMAT));
    json_object_set_new(root, "year", json_integer(r->year));
    json_t *centre = json_object();
    if (r->finess) json_object_set_new(centre, "finess", json_string(r->finess));
    if (r->name) json_object_set_new(centre, "name", json_string(r->name));
    json_object_set_new(centre, "type", json_string(r->type));
    json_object_set_new(root, "centre", centre);
    json_t *notes = json_array();
    for (size_t i = 0; i < r->nnotes; i++)
        json_array_append_new(notes, json_string(r->notes[i]));
    json_object_set_new(root, "notes", notes);
    json_t *gate = json_object();
    json_object_set_new(gate, "triggered", json_boolean(r->triggered));
    json_object_set_new(gate, "reason", json_string(r->gate_reason));
    json_object_set_new(gate, "article", json_string("Art. 12, 14"));
    json_t *pre = json_array();
    for (size_t i = 0; i < r->nprereqs; i++) {
        json_t *p = json_object();
        json_object_set_new(p, "id", json_string(r->prereqs[i].id));
        json_object_set_new(p, "met", json_boolean(r->prereqs[i].met));
        json_array_append_new(pre, p);
    }
    json_object_set_new(gate, "prerequisites", pre);
    json_object_set_new(root, "gate", gate);
    json_t *lines = json_array();
    for (size_t i = 0; i < r->nlines; i++) {
        const line_t *l = &r->lines[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(l->id));
        json_object_set_new(o, "article", json_string(l->article));
        json_object_set_new(o, "label", json_string(l->label));
        json_object_set_new(o, "bloc", json_string(l->bloc));
        json_object_set_new(o, "kind", json_string(l->kind));
        json_object_set_new(o, "payment", json_string(l->payment));
        json_object_set_new(o, "status", json_string(status_name(l->status)));
        json_object_set_new(o, "fixed_points", qjson(l->fixed));
        json_object_set_new(o, "variable_points", qjson(l->variable));
        json_object_set_new(o, "points", qjson(l->points));
        char frac[128];
        q_format_fraction(l->points, frac, sizeof frac);
        json_object_set_new(o, "points_exact", json_string(frac));
        json_object_set_new(o, "factor", qjson(l->factor));
        json_object_set_new(o, "amount_cents", json_integer(l->amount_cents));
        if (l->has_due) set_date(o, "due", l->due);
        if (l->note[0]) json_object_set_new(o, "note", json_string(l->note));
        json_t *in = json_object();
        for (size_t k = 0; k < l->ninputs; k++)
            json_object_set_new(in, l->inputs[k].path, json_string(l->inputs[k].value));
        json_object_set_new(o, "inputs", in);
        json_t *ps = json_array();
        for (size_t k = 0; k < l->nparams; k++)
            json_array_append_new(ps, param_json(&l->params[k]));
        json_object_set_new(o, "parameters", ps);
        json_t *rs = json_array();
        for (size_t k = 0; k < l->nreadings; k++)
            json_array_append_new(rs, reading_json(&l->readings[k]));
        json_object_set_new(o, "readings", rs);
        json_array_append_new(lines, o);
    }
    json_object_set_new(root, "lines", lines);
    json_t *totals = json_object();
    json_object_set_new(totals, "bloc_principal_points", qjson(r->bcp_points));
    json_object_set_new(totals, "bloc_complementaire_points", qjson(r->bcc_points));
    json_object_set_new(totals, "points", qjson(r->total_points));
    json_object_set_new(totals, "point_value_eur", qjson(r->point_value));
    json_object_set_new(totals, "prorata", qjson(r->prorata));
    json_object_set_new(root, "totals", totals);
    json_t *by = json_object();
    for (size_t i = 0; i < r->nlines; i++) {
        const char *pay = r->lines[i].payment;
        json_int_t sofar = json_integer_value(json_object_get(by, pay));
        json_object_set_new(by, pay, json_integer(sofar + r->lines[i].amount_cents));
    }
    json_object_set_new(root, "totals_by_payment_cents", by);
    json_object_set_new(root, "total_cents", json_integer(r->total_cents));
    json_object_set_new(root, "advance_cents", json_integer(r->advance_cents));
    json_object_set_new(root, "balance_cents", json_integer(r->balance_cents));
    json_object_set_new(root, "refund_cents", json_integer(r->refund_cents));
    json_object_set_new(root, "next_advance_cents", json_integer(r->next_advance_cents));
    json_t *pay = json_array();
    for (size_t i = 0; i < r->npayments; i++) {
        const payment_t *p = &r->payments[i];
        json_t *o = json_object();
        json_object_set_new(o, "label", json_string(p->label));
        json_object_set_new(o, "article", json_string(p->article));
        if (p->has_due) set_date(o, "due", p->due);
        json_object_set_new(o, "amount_cents", json_integer(p->amount_cents));
        json_array_append_new(pay, o);
    }
    json_object_set_new(root, "payments", pay);
    json_t *rs = json_array();
    for (size_t k = 0; k < r->nreadings; k++)
        json_array_append_new(rs, reading_json(&r->readings[k]));
    json_object_set_new(root, "readings", rs);
    json_t *ps = json_array();
    for (size_t k = 0; k < r->nparams; k++)
        json_array_append_new(ps, param_json(&r->params[k]));
    json_object_set_new(root, "parameters", ps);
    char *s = json_dumps(root, JSON_PRESERVE_ORDER |
                                   ((flags & ANCRE_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2)));
    json_decref(root);
    return s;
}

/* ---- text ---- */

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0) return;
        if (b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n) * 2;
        b->buf = realloc(b->buf, b->cap);
    }
}

static void euros(int64_t cents, char *buf, size_t cap) {
    int64_t a = cents < 0 ? -cents : cents;
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)(a / 100));
    char grouped[64];
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) grouped[k++] = ' ';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(buf, cap, "%s%s,%02lld €", cents < 0 ? "-" : "", grouped, (long long)(a % 100));
}

char *ancre_result_to_text(const ancre_result *r, int verbose) {
    sbuf b = {malloc(4096), 0, 4096};
    char e1[96], p1[64], f1[64], v1[64];
    sb_printf(&b, "Rémunération forfaitaire spécifique %d", r->year);
    sb_printf(&b, " — centre %s%s%s (%s)\n", r->name ? r->name : "", r->finess ? " " : "",
              r->finess ? r->finess : "", r->type);
    for (size_t i = 0; i < r->nnotes; i++)
        sb_printf(&b, "  · %s\n", r->notes[i]);
    sb_printf(&b, "\nPrérequis (Art. 12): %s\n", r->gate_reason);
    for (size_t i = 0; i < r->nprereqs; i++)
        sb_printf(&b, "  [%s] %s\n", r->prereqs[i].met ? "x" : " ", r->prereqs[i].id);
    const char *blocs[3] = {"principal", "complementaire", NULL};
    const char *titles[2] = {"Bloc commun principal", "Bloc commun complémentaire"};
    for (int k = 0; blocs[k]; k++) {
        sb_printf(&b, "\n%s\n", titles[k]);
        sb_printf(&b, "  %-34s %-20s %10s %10s %10s %14s\n", "indicateur", "article", "fixe",
                  "variable", "points", "montant");
        for (size_t i = 0; i < r->nlines; i++) {
            const line_t *l = &r->lines[i];
            if (strcmp(l->bloc, blocs[k]) != 0) continue;
            if (!verbose && l->status != ST_ACHIEVED && l->amount_cents == 0 &&
                l->status != ST_NOT_TRIGGERED)
                continue;
            q_format_decimal(l->fixed, 2, f1, sizeof f1);
            q_format_decimal(l->variable, 2, v1, sizeof v1);
            q_format_decimal(l->points, 2, p1, sizeof p1);
            euros(l->amount_cents, e1, sizeof e1);
            sb_printf(&b, "  %-34s %-20s %10s %10s %10s %14s\n", l->id, l->article, f1, v1, p1, e1);
            if (l->note[0] && (verbose || l->status != ST_ACHIEVED))
                sb_printf(&b, "      %s\n", l->note);
            if (verbose) {
                for (size_t j = 0; j < l->ninputs; j++)
                    sb_printf(&b, "      input %s = %s\n", l->inputs[j].path, l->inputs[j].value);
                for (size_t j = 0; j < l->nparams; j++) {
                    const param_use *u = &l->params[j];
                    sb_printf(&b, "      param %s = %s (%s, %s l.%d)\n", u->param->id,
                              u->period->text,
                              u->period->cite.article ? u->period->cite.article : "",
                              u->period->cite.doc ? u->period->cite.doc : "", u->period->cite.line);
                }
                for (size_t j = 0; j < l->nreadings; j++) {
                    const reading_def *d = reading_def_at(l->readings[j].index);
                    sb_printf(&b, "      reading %s = %s\n", d->id,
                              d->alts[l->readings[j].choice].value);
                }
            }
        }
    }
    if (!verbose) sb_printf(&b, "  (lines without amount hidden: use 'ancre explain' for all)\n");
    q_format_decimal(r->total_points, 2, p1, sizeof p1);
    q_format_decimal(r->point_value, 2, v1, sizeof v1);
    q_format_decimal(r->prorata, 6, f1, sizeof f1);
    euros(r->total_cents, e1, sizeof e1);
    sb_printf(&b,
              "\nTotal: %s points × %s € × prorata %s = %s (sum of the lines, each rounded "
              "to the cent)\n",
              p1, v1, f1, e1);
    euros(r->advance_cents, e1, sizeof e1);
    sb_printf(&b, "Avance versée (Art. 18.1): %s\n", e1);
    euros(r->balance_cents, e1, sizeof e1);
    sb_printf(&b, "Solde (Art. 18): %s\n", e1);
    if (r->npayments) sb_printf(&b, "\nCalendrier des paiements\n");
    for (size_t i = 0; i < r->npayments; i++) {
        char d[16] = "-";
        if (r->payments[i].has_due) date_format(r->payments[i].due, d, sizeof d);
        euros(r->payments[i].amount_cents, e1, sizeof e1);
        sb_printf(&b, "  %s  %-50s %14s  %s\n", d, r->payments[i].label, e1,
                  r->payments[i].article);
    }
    if (r->nreadings) sb_printf(&b, "\nLectures du texte utilisées\n");
    for (size_t k = 0; k < r->nreadings; k++) {
        const reading_def *d = reading_def_at(r->readings[k].index);
        sb_printf(&b, "  %s = %s%s  (%s)\n", d->id, d->alts[r->readings[k].choice].value,
                  r->readings[k].choice == 0 ? " (default)" : "", d->ref);
    }
    return b.buf;
}

char *ancre_sensitivity_json(const ancre_decl *decl, const ancre_params *params,
                             const ancre_readings *readings, ancre_errors *errs) {
    ancre_result *base = NULL;
    if (ancre_compute(&base, decl, params, readings, errs) != 0) return NULL;
    json_t *list = json_array();
    ancre_readings *alt = ancre_readings_new();
    for (size_t k = 0; k < base->nreadings; k++) {
        const reading_use *u = &base->readings[k];
        const reading_def *d = reading_def_at(u->index);
        for (int a = 0; a < READING_MAX_ALTS && d->alts[a].value; a++) {
            if (a == u->choice) continue;
            memcpy(alt->choice, readings ? readings->choice : alt->choice,
                   alt->n * sizeof *alt->choice);
            if (!readings) memset(alt->choice, 0, alt->n * sizeof *alt->choice);
            alt->choice[u->index] = a;
            ancre_result *r = NULL;
            ancre_errors local;
            ancre_errors_init(&local);
            json_t *o = json_object();
            json_object_set_new(o, "reading", json_string(d->id));
            json_object_set_new(o, "value", json_string(d->alts[a].value));
            if (ancre_compute(&r, decl, params, alt, &local) == 0) {
                if (r->total_cents != base->total_cents) {
                    json_object_set_new(o, "total_cents", json_integer(r->total_cents));
                    json_object_set_new(o, "delta_cents",
                                        json_integer(r->total_cents - base->total_cents));
                    json_array_append(list, o);
                }
            } else {
                json_object_set_new(o, "error",
                                    json_string(local.count ? local.items[0].message : "?"));
                json_array_append(list, o);
            }
            json_decref(o);
            ancre_result_free(r);
            ancre_errors_clear(&local);
        }
    }
    ancre_readings_free(alt);
    json_t *root = json_object();
    json_object_set_new(root, "total_cents", json_integer(base->total_cents));
    json_object_set_new(root, "alternatives", list);
    ancre_result_free(base);
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    return s;
}
