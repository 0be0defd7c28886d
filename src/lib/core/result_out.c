/* The result as a versioned JSON document (docs/result.md) and as a readable breakdown. */
#include "engine.h"

#include "errors.h"
#include "i18n.h"
#include "jsonw.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *line_status_name(line_status s) {
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

static void jw_q(jsonw *w, const char *key, q_t v) {
    char buf[80];
    q_format_decimal(v, 6, buf, sizeof buf);
    jw_key(w, key);
    jw_str(w, buf);
}

static void jw_kstr(jsonw *w, const char *key, const char *v) {
    jw_key(w, key);
    jw_str(w, v);
}

static void jw_kint(jsonw *w, const char *key, int64_t v) {
    jw_key(w, key);
    jw_int(w, v);
}

static void jw_date(jsonw *w, const char *key, date_t d) {
    char buf[16];
    date_format(d, buf, sizeof buf);
    jw_kstr(w, key, buf);
}

static void write_cite(jsonw *w, const cite_t *c) {
    jw_obj(w);
    if (c->doc) jw_kstr(w, "doc", c->doc);
    if (c->article) jw_kstr(w, "article", c->article);
    if (c->line) jw_kint(w, "line", c->line);
    if (c->quote) jw_kstr(w, "quote", c->quote);
    if (c->note) jw_kstr(w, "note", c->note);
    jw_end_obj(w);
}

static void write_param(jsonw *w, const param_use *u) {
    jw_obj(w);
    jw_kstr(w, "id", u->param->id);
    jw_key(w, "value");
    if (u->period->kind == PV_NULL)
        jw_null(w);
    else
        jw_str(w, u->period->text);
    jw_kstr(w, "unit", u->param->unit);
    jw_date(w, "from", u->period->from);
    if (u->period->open_ended) {
        jw_key(w, "to");
        jw_null(w);
    } else {
        jw_date(w, "to", u->period->to);
    }
    jw_key(w, "cite");
    write_cite(w, &u->period->cite);
    jw_end_obj(w);
}

static void write_reading(jsonw *w, const reading_use *u) {
    const reading_def *d = reading_def_at(u->index);
    jw_obj(w);
    jw_kstr(w, "id", d->id);
    jw_kstr(w, "value", d->alts[u->choice].value);
    jw_key(w, "default");
    jw_bool(w, u->choice == 0);
    jw_kstr(w, "ref", d->ref);
    jw_end_obj(w);
}

static void write_line(jsonw *w, const line_t *l) {
    jw_obj(w);
    jw_kstr(w, "id", l->id);
    jw_kstr(w, "article", l->article);
    jw_kstr(w, "label", l->label);
    jw_kstr(w, "bloc", l->bloc);
    jw_kstr(w, "kind", l->kind);
    jw_kstr(w, "payment", l->payment);
    jw_kstr(w, "status", line_status_name(l->status));
    jw_q(w, "fixed_points", l->fixed);
    jw_q(w, "variable_points", l->variable);
    jw_q(w, "points", l->points);
    char frac[128];
    q_format_fraction(l->points, frac, sizeof frac);
    jw_kstr(w, "points_exact", frac);
    jw_q(w, "factor", l->factor);
    jw_kint(w, "amount_cents", l->amount_cents);
    if (l->has_due) jw_date(w, "due", l->due);
    if (l->note[0]) jw_kstr(w, "note", l->note);
    jw_key(w, "inputs");
    jw_obj(w);
    for (size_t k = 0; k < l->ninputs; k++)
        jw_kstr(w, l->inputs[k].path, l->inputs[k].value);
    jw_end_obj(w);
    jw_key(w, "parameters");
    jw_arr(w);
    for (size_t k = 0; k < l->nparams; k++)
        write_param(w, &l->params[k]);
    jw_end_arr(w);
    jw_key(w, "readings");
    jw_arr(w);
    for (size_t k = 0; k < l->nreadings; k++)
        write_reading(w, &l->readings[k]);
    jw_end_arr(w);
    jw_end_obj(w);
}

/* Sum of the lines of each payment, in the order payments first appear. */
static void write_totals_by_payment(jsonw *w, const ancre_result *r) {
    jw_obj(w);
    for (size_t i = 0; i < r->nlines; i++) {
        const char *pay = r->lines[i].payment;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(r->lines[k].payment, pay) == 0;
        if (seen) continue;
        int64_t sum = 0;
        for (size_t k = i; k < r->nlines; k++)
            if (strcmp(r->lines[k].payment, pay) == 0) sum += r->lines[k].amount_cents;
        jw_kint(w, pay, sum);
    }
    jw_end_obj(w);
}

char *ancre_result_to_json(const ancre_result *r, int flags) {
    jsonw w;
    jw_init(&w, (flags & ANCRE_JSON_COMPACT) != 0);
    jw_obj(&w);
    jw_kint(&w, "ancre_result", ANCRE_RESULT_FORMAT);
    jw_kint(&w, "year", r->year);
    jw_key(&w, "centre");
    jw_obj(&w);
    if (r->finess) jw_kstr(&w, "finess", r->finess);
    if (r->name) jw_kstr(&w, "name", r->name);
    jw_kstr(&w, "type", r->type);
    jw_end_obj(&w);
    jw_key(&w, "notes");
    jw_arr(&w);
    for (size_t i = 0; i < r->nnotes; i++)
        jw_str(&w, r->notes[i]);
    jw_end_arr(&w);
    jw_key(&w, "gate");
    jw_obj(&w);
    jw_key(&w, "triggered");
    jw_bool(&w, r->triggered);
    jw_kstr(&w, "reason", r->gate_reason);
    jw_kstr(&w, "article", "Art. 12, 14");
    jw_key(&w, "prerequisites");
    jw_arr(&w);
    for (size_t i = 0; i < r->nprereqs; i++) {
        jw_obj(&w);
        jw_kstr(&w, "id", r->prereqs[i].id);
        jw_key(&w, "met");
        jw_bool(&w, r->prereqs[i].met);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);
    jw_end_obj(&w);
    jw_key(&w, "lines");
    jw_arr(&w);
    for (size_t i = 0; i < r->nlines; i++)
        write_line(&w, &r->lines[i]);
    jw_end_arr(&w);
    jw_key(&w, "totals");
    jw_obj(&w);
    jw_q(&w, "bloc_principal_points", r->bcp_points);
    jw_q(&w, "bloc_complementaire_points", r->bcc_points);
    jw_q(&w, "points", r->total_points);
    jw_q(&w, "point_value_eur", r->point_value);
    jw_q(&w, "prorata", r->prorata);
    jw_end_obj(&w);
    jw_key(&w, "totals_by_payment_cents");
    write_totals_by_payment(&w, r);
    jw_kint(&w, "total_cents", r->total_cents);
    jw_kint(&w, "advance_cents", r->advance_cents);
    jw_kint(&w, "balance_cents", r->balance_cents);
    jw_kint(&w, "refund_cents", r->refund_cents);
    jw_kint(&w, "next_advance_cents", r->next_advance_cents);
    jw_key(&w, "payments");
    jw_arr(&w);
    for (size_t i = 0; i < r->npayments; i++) {
        const payment_t *p = &r->payments[i];
        jw_obj(&w);
        jw_kstr(&w, "label", p->label);
        jw_kstr(&w, "article", p->article);
        if (p->has_due) jw_date(&w, "due", p->due);
        jw_kint(&w, "amount_cents", p->amount_cents);
        if (p->payment) jw_kstr(&w, "payment", p->payment);
        if (p->kind) jw_kstr(&w, "kind", p->kind);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);
    jw_key(&w, "readings");
    jw_arr(&w);
    for (size_t k = 0; k < r->nreadings; k++)
        write_reading(&w, &r->readings[k]);
    jw_end_arr(&w);
    jw_key(&w, "parameters");
    jw_arr(&w);
    for (size_t k = 0; k < r->nparams; k++)
        write_param(&w, &r->params[k]);
    jw_end_arr(&w);
    jw_end_obj(&w);
    return jw_finish(&w);
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

/* Numbers and dates of the breakdown in the notation of the result's language. */
#define euros(cents, buf, cap) i18n_euros(r->lang, (cents), (buf), (cap))
#define TR(french) i18n_tr(r->lang, french)

static void number(const ancre_result *r, q_t v, int places, char *buf, size_t cap) {
    char raw[80];
    q_format_decimal(v, places, raw, sizeof raw);
    i18n_decimal(r->lang, raw, buf, cap);
}

static void day(const ancre_result *r, date_t d, char *buf, size_t cap) {
    char iso[16];
    date_format(d, iso, sizeof iso);
    i18n_date(r->lang, iso, buf, cap);
}

static int64_t eng_total_of(const ancre_result *r, const char *payment);

static void text_trace(sbuf *b, const ancre_result *r, const line_t *l) {
    for (size_t j = 0; j < l->ninputs; j++)
        sb_printf(b, TR("      donnée %s = %s\n"), l->inputs[j].path, l->inputs[j].value);
    for (size_t j = 0; j < l->nparams; j++) {
        const param_use *u = &l->params[j];
        char value[128];
        if (u->period->kind == PV_NUM)
            number(r, u->period->num, 6, value, sizeof value);
        else
            snprintf(value, sizeof value, "%s", u->period->text);
        sb_printf(b, TR("      paramètre %s = %s (%s, %s l.%d)\n"), u->param->id, value,
                  u->period->cite.article ? u->period->cite.article : "",
                  u->period->cite.doc ? u->period->cite.doc : "", u->period->cite.line);
    }
    for (size_t j = 0; j < l->nreadings; j++) {
        const reading_def *d = reading_def_at(l->readings[j].index);
        sb_printf(b, TR("      lecture %s = %s\n"), d->id, d->alts[l->readings[j].choice].value);
    }
}

/* The forfait spécifique: prerequisites, both blocs, the total in points, advance and balance. */
static void text_rsf(sbuf *b, const ancre_result *r, int verbose) {
    char e1[96], p1[64], f1[64], v1[64];
    sb_printf(b, TR("\nPrérequis (Art. 12) : %s\n"), r->gate_reason);
    for (size_t i = 0; i < r->nprereqs; i++)
        sb_printf(b, "  [%s] %s\n", r->prereqs[i].met ? "x" : " ", r->prereqs[i].id);
    const char *blocs[3] = {"principal", "complementaire", NULL};
    const char *titles[2] = {TR("Bloc commun principal"), TR("Bloc commun complémentaire")};
    for (int k = 0; blocs[k]; k++) {
        sb_printf(b, "\n%s\n", titles[k]);
        sb_printf(b, "  %-34s %-20s %10s %10s %10s %14s\n", TR("indicateur"), TR("article"),
                  TR("fixe"), TR("variable"), TR("points"), TR("montant"));
        for (size_t i = 0; i < r->nlines; i++) {
            const line_t *l = &r->lines[i];
            if (strcmp(l->bloc, blocs[k]) != 0) continue;
            if (!verbose && l->status != ST_ACHIEVED && l->amount_cents == 0 &&
                l->status != ST_NOT_TRIGGERED)
                continue;
            number(r, l->fixed, 2, f1, sizeof f1);
            number(r, l->variable, 2, v1, sizeof v1);
            number(r, l->points, 2, p1, sizeof p1);
            euros(l->amount_cents, e1, sizeof e1);
            sb_printf(b, "  %-34s %-20s %10s %10s %10s %14s\n", l->id, l->article, f1, v1, p1, e1);
            if (l->note[0] && (verbose || l->status != ST_ACHIEVED))
                sb_printf(b, "      %s\n", l->note);
            if (verbose) text_trace(b, r, l);
        }
    }
    if (!verbose)
        sb_printf(b, "%s",
                  TR("  (lignes sans montant masquées : « ancre explain » les montre "
                     "toutes)\n"));
    number(r, r->total_points, 2, p1, sizeof p1);
    number(r, r->point_value, 2, v1, sizeof v1);
    number(r, r->prorata, 6, f1, sizeof f1);
    euros(eng_total_of(r, "rsf"), e1, sizeof e1);
    sb_printf(b,
              TR("\nTotal RSF : %s points × %s € × prorata %s = %s (somme des lignes, chacune "
                 "arrondie au centime)\n"),
              p1, v1, f1, e1);
    euros(r->advance_cents, e1, sizeof e1);
    sb_printf(b, TR("Avance versée (Art. 18.1) : %s\n"), e1);
    euros(r->balance_cents, e1, sizeof e1);
    if (r->balance_cents < 0) {
        euros(-r->balance_cents, e1, sizeof e1);
        sb_printf(b, TR("Solde (Art. 18) : %s à rembourser\n"), e1);
    } else {
        sb_printf(b, TR("Solde (Art. 18) : %s\n"), e1);
    }
}

/* Every other payment (médecin traitant forfaits, MPA, ROSP, ...): its lines and its total,
 * then the total of each payment and the grand total. */
static void text_other_payments(sbuf *b, const ancre_result *r, int verbose) {
    char e1[96], p1[64], f1[64], v1[64];
    size_t npay = 0;
    for (size_t m = 0; m < ancre_module_count; m++) {
        const char *pay = ancre_modules[m].payment;
        bool present = false;
        for (size_t i = 0; i < r->nlines; i++)
            if (strcmp(r->lines[i].payment, pay) == 0) present = true;
        if (!present) continue;
        npay++;
        if (strcmp(pay, "rsf") == 0) continue;
        sb_printf(b, "\n%s (%s)\n", ancre_modules[m].title, pay);
        sb_printf(b, "  %-38s %-22s %10s %10s %9s %14s\n", TR("ligne"), TR("article"),
                  TR("unitaire"), TR("points/€"), TR("facteur"), TR("montant"));
        for (size_t i = 0; i < r->nlines; i++) {
            const line_t *l = &r->lines[i];
            if (strcmp(l->payment, pay) != 0) continue;
            if (!verbose && l->amount_cents == 0 && l->status != ST_ACHIEVED) continue;
            number(r, l->fixed, 2, f1, sizeof f1);
            number(r, l->points, 4, p1, sizeof p1);
            number(r, l->factor, 4, v1, sizeof v1);
            euros(l->amount_cents, e1, sizeof e1);
            sb_printf(b, "  %-38s %-22s %10s %10s %9s %14s\n", l->id, l->article, f1, p1, v1, e1);
            if (l->note[0] && (verbose || l->status != ST_ACHIEVED))
                sb_printf(b, "      %s\n", l->note);
            if (verbose) text_trace(b, r, l);
        }
        if (!verbose)
            sb_printf(b, "%s",
                      TR("  (lignes sans montant masquées : « ancre explain » les montre "
                         "toutes)\n"));
        euros(eng_total_of(r, pay), e1, sizeof e1);
        sb_printf(b, TR("  Total %s : %s\n"), pay, e1);
    }
    if (npay > 1 || !npay) {
        sb_printf(b, "%s", TR("\nTotal par paiement\n"));
        for (size_t m = 0; m < ancre_module_count; m++) {
            const char *pay = ancre_modules[m].payment;
            for (size_t i = 0; i < r->nlines; i++)
                if (strcmp(r->lines[i].payment, pay) == 0) {
                    euros(eng_total_of(r, pay), e1, sizeof e1);
                    sb_printf(b, "  %-20s %14s\n", pay, e1);
                    break;
                }
        }
    }
    euros(r->total_cents, e1, sizeof e1);
    sb_printf(b, TR("Total : %s (somme des lignes, chacune arrondie au centime)\n"), e1);
}

static int64_t eng_total_of(const ancre_result *r, const char *payment) {
    int64_t sum = 0;
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].payment, payment) == 0) sum += r->lines[i].amount_cents;
    return sum;
}

char *ancre_result_to_text(const ancre_result *r, int verbose) {
    sbuf b = {malloc(4096), 0, 4096};
    char e1[96];
    bool has_rsf = false;
    for (size_t i = 0; i < r->nlines; i++)
        if (strcmp(r->lines[i].payment, "rsf") == 0) has_rsf = true;
    sb_printf(&b, "%s %d",
              has_rsf ? TR("Rémunération forfaitaire spécifique") : TR("Rémunérations"), r->year);
    sb_printf(&b, " — centre %s%s%s (%s)\n", r->name ? r->name : "", r->finess ? " " : "",
              r->finess ? r->finess : "", r->type);
    for (size_t i = 0; i < r->nnotes; i++)
        sb_printf(&b, "  · %s\n", r->notes[i]);
    if (has_rsf) text_rsf(&b, r, verbose);
    text_other_payments(&b, r, verbose);
    if (r->npayments) sb_printf(&b, "%s", TR("\nCalendrier des paiements\n"));
    for (size_t i = 0; i < r->npayments; i++) {
        char d[16] = "-";
        if (r->payments[i].has_due) day(r, r->payments[i].due, d, sizeof d);
        euros(r->payments[i].amount_cents, e1, sizeof e1);
        sb_printf(&b, "  %s  %-50s %14s  %s\n", d, r->payments[i].label, e1,
                  r->payments[i].article);
    }
    if (r->nreadings) sb_printf(&b, "%s", TR("\nLectures du texte utilisées\n"));
    for (size_t k = 0; k < r->nreadings; k++) {
        const reading_def *d = reading_def_at(r->readings[k].index);
        sb_printf(&b, "  %s = %s%s  (%s)\n", d->id, d->alts[r->readings[k].choice].value,
                  r->readings[k].choice == 0 ? TR(" (par défaut)") : "", d->ref);
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
            local.lang = errs ? errs->lang : NULL;
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
