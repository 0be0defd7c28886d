/* The table of a batch (--format csv|tsv|jsonl): one row per centre and year with what an
 * analyst sums and compares, the full trace left to the result documents.
 *
 * Columns: line, finess, type, year, gate (oui/non; empty when the result has no forfait
 * spécifique), prerequisites_not_met, bloc_principal, bloc_complementaire, majoration, one
 * column per payment (rsf, fpmt, ...), total, advance, balance, refund, readings (id=value|...),
 * errors.  Amounts: euros with a decimal comma in CSV and TSV (columns *_eur), cents in JSON
 * Lines (*_cents).  CSV is separated by ';', as French spreadsheets read it. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct cli_table {
    cli_out_format format;
    FILE *out;
    size_t npayments;
};

enum { MAX_PAYMENTS = 32 };

static const char *const amount_columns[] = {"bloc_principal", "bloc_complementaire", "majoration"};
static const char *const tail_amounts[] = {"total", "advance", "balance", "refund"};

/* one cell of CSV (quoted when it holds the separator, a quote or a line break) or TSV (tabs
 * and line breaks become spaces) */
static void put_cell(cli_table *t, bool first, const char *s) {
    char sep = t->format == CLI_OUT_TSV ? '\t' : ';';
    if (!first) fputc(sep, t->out);
    if (t->format == CLI_OUT_TSV) {
        for (const char *p = s; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, t->out);
        return;
    }
    if (!strpbrk(s, ";\"\r\n")) {
        fputs(s, t->out);
        return;
    }
    fputc('"', t->out);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', t->out);
        fputc(*p, t->out);
    }
    fputc('"', t->out);
}

/* cents as euros with a decimal comma, no grouping: "-1234,56" */
static void euros(int64_t cents, char *buf, size_t cap) {
    uint64_t a = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, cap, "%s%llu,%02llu", cents < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
}

cli_table *cli_table_new(cli_out_format format, FILE *out) {
    cli_table *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->format = format;
    t->out = out;
    while (t->npayments < MAX_PAYMENTS && ancre_payment_name(t->npayments))
        t->npayments++;
    if (format == CLI_OUT_JSONL) return t;
    const char *unit = "_eur";
    char name[64];
    put_cell(t, true, "line");
    put_cell(t, false, "finess");
    put_cell(t, false, "type");
    put_cell(t, false, "year");
    put_cell(t, false, "gate");
    put_cell(t, false, "prerequisites_not_met");
    for (size_t i = 0; i < sizeof amount_columns / sizeof *amount_columns; i++) {
        snprintf(name, sizeof name, "%s%s", amount_columns[i], unit);
        put_cell(t, false, name);
    }
    for (size_t i = 0; i < t->npayments; i++) {
        snprintf(name, sizeof name, "%s%s", ancre_payment_name(i), unit);
        put_cell(t, false, name);
    }
    for (size_t i = 0; i < sizeof tail_amounts / sizeof *tail_amounts; i++) {
        snprintf(name, sizeof name, "%s%s", tail_amounts[i], unit);
        put_cell(t, false, name);
    }
    put_cell(t, false, "readings");
    put_cell(t, false, "errors");
    fputc('\n', out);
    return t;
}

typedef struct {
    char *buf;
    size_t len, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s) {
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *g = realloc(b->buf, cap);
        if (!g) return;
        b->buf = g;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n + 1);
    b->len += n;
}

static const char *sb_str(const strbuf *b) {
    return b->buf ? b->buf : "";
}

/* One row: amounts[] in the order of the columns (blocs, payments, tail). */
typedef struct {
    const char *finess, *type;
    int year; /* 0: unknown */
    int gate; /* 1, 0, -1: no forfait spécifique */
    const char *not_met, *readings, *errors;
    bool has_amounts;
    int64_t amounts[3 + MAX_PAYMENTS + 4];
} row;

static void put_row(cli_table *t, size_t line, const row *r) {
    size_t namounts = 3 + t->npayments + 4;
    if (t->format == CLI_OUT_JSONL) {
        json_t *o = json_object();
        json_object_set_new(o, "line", json_integer((json_int_t)line));
        json_object_set_new(o, "ok", json_boolean(r->has_amounts));
        json_object_set_new(o, "finess", json_string(r->finess));
        json_object_set_new(o, "type", json_string(r->type));
        json_object_set_new(o, "year", r->year ? json_integer(r->year) : json_null());
        json_object_set_new(o, "gate", r->gate < 0 ? json_null() : json_boolean(r->gate));
        json_object_set_new(o, "prerequisites_not_met", json_string(r->not_met));
        for (size_t i = 0; i < namounts && r->has_amounts; i++) {
            const char *base = i < 3                  ? amount_columns[i]
                               : i < 3 + t->npayments ? ancre_payment_name(i - 3)
                                                      : tail_amounts[i - 3 - t->npayments];
            char name[64];
            snprintf(name, sizeof name, "%s_cents", base);
            json_object_set_new(o, name, json_integer(r->amounts[i]));
        }
        json_object_set_new(o, "readings", json_string(r->readings));
        json_object_set_new(o, "errors", json_string(r->errors));
        char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        fprintf(t->out, "%s\n", s ? s : "");
        free(s);
        json_decref(o);
        return;
    }
    char buf[48];
    snprintf(buf, sizeof buf, "%zu", line);
    put_cell(t, true, buf);
    put_cell(t, false, r->finess);
    put_cell(t, false, r->type);
    snprintf(buf, sizeof buf, "%d", r->year);
    put_cell(t, false, r->year ? buf : "");
    put_cell(t, false, r->gate < 0 ? "" : r->gate ? "oui" : "non");
    put_cell(t, false, r->not_met);
    for (size_t i = 0; i < namounts; i++) {
        euros(r->amounts[i], buf, sizeof buf);
        put_cell(t, false, r->has_amounts ? buf : "");
    }
    put_cell(t, false, r->readings);
    put_cell(t, false, r->errors);
    fputc('\n', t->out);
}

void cli_table_result(cli_table *t, size_t line, const ancre_result *res) {
    if (!t) return;
    row r = {ancre_result_finess(res),
             ancre_result_centre_type(res),
             ancre_result_year(res),
             -1,
             "",
             "",
             "",
             true,
             {0}};
    strbuf not_met = {0}, readings = {0};
    size_t np = ancre_result_prerequisite_count(res);
    if (np) r.gate = ancre_result_gate(res);
    for (size_t i = 0; i < np; i++) {
        const char *id;
        int met;
        if (ancre_result_prerequisite(res, i, &id, &met) == 0 && !met) {
            if (not_met.len) sb_add(&not_met, "|");
            sb_add(&not_met, id);
        }
    }
    for (size_t i = 0; i < ancre_result_line_count(res); i++) {
        ancre_line l = ANCRE_LINE_INIT;
        if (ancre_result_line(res, i, &l) != 0) continue;
        if (strcmp(l.kind, "majoration") == 0)
            r.amounts[2] += l.amount_cents;
        else if (strcmp(l.bloc, "principal") == 0)
            r.amounts[0] += l.amount_cents;
        else if (strcmp(l.bloc, "complementaire") == 0)
            r.amounts[1] += l.amount_cents;
        for (size_t k = 0; k < t->npayments; k++)
            if (strcmp(l.payment, ancre_payment_name(k)) == 0) r.amounts[3 + k] += l.amount_cents;
    }
    int64_t *tail = r.amounts + 3 + t->npayments;
    tail[0] = ancre_result_total_cents(res);
    tail[1] = ancre_result_advance_cents(res);
    tail[2] = ancre_result_balance_cents(res);
    tail[3] = ancre_result_refund_cents(res);
    for (size_t i = 0; i < ancre_result_reading_count(res); i++) {
        const char *id, *value;
        if (ancre_result_reading(res, i, &id, &value) != 0) continue;
        if (readings.len) sb_add(&readings, "|");
        sb_add(&readings, id);
        sb_add(&readings, "=");
        sb_add(&readings, value);
    }
    r.not_met = sb_str(&not_met);
    r.readings = sb_str(&readings);
    put_row(t, line, &r);
    free(not_met.buf);
    free(readings.buf);
}

void cli_table_errors(cli_table *t, size_t line, const char *record, size_t len,
                      const ancre_errors *errs) {
    if (!t) return;
    /* the FINESS, type and year of the record, when it can be read as JSON at all */
    json_t *doc = record ? json_loadb(record, len, 0, NULL) : NULL;
    json_t *centre = json_object_get(doc, "centre");
    const char *finess = json_string_value(json_object_get(centre, "finess"));
    const char *type = json_string_value(json_object_get(centre, "type"));
    json_t *year = json_object_get(doc, "year");
    row r = {finess ? finess : "",
             type ? type : "",
             json_is_integer(year) ? (int)json_integer_value(year) : 0,
             -1,
             "",
             "",
             "",
             false,
             {0}};
    strbuf msgs = {0};
    for (size_t i = 0; i < errs->count; i++) {
        if (msgs.len) sb_add(&msgs, " | ");
        sb_add(&msgs, errs->items[i].message);
    }
    r.errors = sb_str(&msgs);
    put_row(t, line, &r);
    free(msgs.buf);
    json_decref(doc);
}

void cli_table_free(cli_table *t) {
    if (t) fflush(t->out);
    free(t);
}
