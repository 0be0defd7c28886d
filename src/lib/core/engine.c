#include "engine.h"
#include "alloc.h"

#include "errors.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *eng_lang(const eng_t *e) {
    if (e->res) return e->res->lang;
    return e->errs ? e->errs->lang : NULL;
}

const char *eng_tr(const eng_t *e, const char *french) {
    return i18n_tr(eng_lang(e), french);
}

void eng_fail(eng_t *e, const char *path, const char *rule, const char *expected, const char *fmt,
              ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, eng_tr(e, fmt), ap);
    va_end(ap);
    errors_add(e->errs, path, rule, expected, "%s", msg);
    e->failed = true;
}

line_t *eng_line(eng_t *e, const char *id, const char *article, const char *label, const char *bloc,
                 const char *kind) {
    ancre_result *r = e->res;
    if (r->nlines == r->caplines) {
        r->caplines = r->caplines ? r->caplines * 2 : 64;
        r->lines = mem_realloc(r->lines, r->caplines, sizeof *r->lines);
    }
    line_t *l = &r->lines[r->nlines++];
    memset(l, 0, sizeof *l);
    l->id = mem_strdup(id);
    l->article = mem_strdup(article);
    l->label = mem_strdup(label);
    l->bloc = bloc;
    l->kind = kind;
    l->status = ST_NOT_ACHIEVED;
    l->fixed = l->variable = l->points = q_int(0);
    l->factor = q_int(1);
    l->payment = e->payment ? e->payment : "rsf";
    l->unit_value = e->unit_value;
    e->cur = l;
    return l;
}

void eng_note(eng_t *e, const char *fmt, ...) {
    if (!e->cur) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, eng_tr(e, fmt), ap);
    va_end(ap);
    size_t len = strlen(e->cur->note);
    snprintf(e->cur->note + len, sizeof e->cur->note - len, "%s%s", len ? "; " : "", msg);
}

void eng_result_note(eng_t *e, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, eng_tr(e, fmt), ap);
    va_end(ap);
    ancre_result *r = e->res;
    VEC_PUSH(r->notes, r->nnotes);
    r->notes[r->nnotes++] = mem_strdup(msg);
}

static void amount_fail(eng_t *e, const char *path, const char *article, const char *what);

void eng_payment(eng_t *e, const char *label, const char *article, const date_t *due,
                 int64_t cents) {
    ancre_result *r = e->res;
    VEC_PUSH(r->payments, r->npayments);
    payment_t *p = &r->payments[r->npayments++];
    p->label = mem_strdup(label);
    p->article = mem_strdup(article);
    p->has_due = due != NULL;
    if (due) p->due = *due;
    p->amount_cents = q_cents_ok(cents) ? cents : 0;
    p->payment = e->payment;
    if (!q_cents_ok(cents)) amount_fail(e, label, article, label);
    p->kind = NULL;
}

void eng_payment_kind(eng_t *e, const char *kind) {
    if (e->res->npayments) e->res->payments[e->res->npayments - 1].kind = kind;
}

/* ---- inputs ---- */

static void record_input(eng_t *e, const char *path, const char *value) {
    if (!e->cur) return;
    line_t *l = e->cur;
    for (size_t i = 0; i < l->ninputs; i++)
        if (strcmp(l->inputs[i].path, path) == 0) return;
    VEC_PUSH(l->inputs, l->ninputs);
    l->inputs[l->ninputs].path = mem_strdup(path);
    l->inputs[l->ninputs].value = mem_strdup(value);
    l->ninputs++;
}

void eng_input(eng_t *e, const char *path, const char *value) {
    record_input(e, path, value);
}

void eng_derived(eng_t *e, const char *name, q_t v) {
    if (!e->cur) return;
    char buf[64];
    q_format_decimal(v, 6, buf, sizeof buf);
    line_t *l = e->cur;
    VEC_PUSH(l->inputs, l->ninputs);
    l->inputs[l->ninputs].path = mem_strdup(name);
    l->inputs[l->ninputs].value = mem_strdup(buf);
    l->ninputs++;
}

static const decl_value *lookup(eng_t *e, const char *path, const field_def **f) {
    long i = schema_find(path);
    if (i < 0) {
        /* a rules module asked for a field the schema does not define: a programming error */
        eng_fail(e, path, "schema", "un champ du schéma de la déclaration",
                 "erreur interne : champ inconnu %s", path);
        return NULL;
    }
    *f = schema_field((size_t)i);
    const decl_value *v = &e->decl->values[i];
    if (!v->present) return NULL;
    char buf[512];
    decl_value_text(*f, v, buf, sizeof buf);
    record_input(e, path, buf);
    return v;
}

static void missing(eng_t *e, const char *path, const field_def *f) {
    const char *rule = e->cur ? e->cur->id : "engine";
    eng_fail(e, path, f ? f->article : "", "une valeur", "%s : non renseigné, nécessaire à %s (%s)",
             path, rule, e->cur ? e->cur->article : "");
}

bool in_has(eng_t *e, const char *path) {
    long i = schema_find(path);
    return i >= 0 && e->decl->values[i].present;
}

bool in_flag(eng_t *e, const char *path) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) {
        if (f) record_input(e, path, eng_tr(e, "absent (faux)"));
        return false;
    }
    return v->b;
}

q_t in_num(eng_t *e, const char *path) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) {
        if (f) missing(e, path, f);
        return q_invalid();
    }
    return v->num;
}

bool in_num_opt(eng_t *e, const char *path, q_t *out) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) return false;
    *out = v->num;
    return true;
}

const char *in_text_opt(eng_t *e, const char *path) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    return v ? v->s : NULL;
}

const char *in_text(eng_t *e, const char *path) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) {
        if (f) missing(e, path, f);
        return NULL;
    }
    return v->s;
}

bool in_date_opt(eng_t *e, const char *path, date_t *out) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) return false;
    *out = v->date;
    return true;
}

bool in_date(eng_t *e, const char *path, date_t *out) {
    const field_def *f = NULL;
    const decl_value *v = lookup(e, path, &f);
    if (!v) {
        if (f) missing(e, path, f);
        return false;
    }
    *out = v->date;
    return true;
}

bool in_list_has(eng_t *e, const char *path, const char *item) {
    long i = schema_find(path);
    if (i < 0 || !e->decl->values[i].present) return false;
    const decl_value *v = &e->decl->values[i];
    for (size_t k = 0; k < v->nlist; k++)
        if (strcmp(v->list[k], item) == 0) {
            record_input(e, path, item);
            return true;
        }
    return false;
}

/* ---- parameters ---- */

static void record_param(eng_t *e, const param_t *p, const period_t *pe) {
    param_use **list = e->cur ? &e->cur->params : &e->res->params;
    size_t *n = e->cur ? &e->cur->nparams : &e->res->nparams;
    for (size_t i = 0; i < *n; i++)
        if ((*list)[i].period == pe) return;
    VEC_PUSH(*list, *n);
    (*list)[*n].param = p;
    (*list)[*n].period = pe;
    (*n)++;
}

static const period_t *find(eng_t *e, const char *id, date_t at, bool report) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    param_status st = params_lookup(e->params, id, at, &p, &pe);
    if (st == PARAM_OK) {
        record_param(e, p, pe);
        return pe;
    }
    if (report) {
        char iso[16], d[16];
        date_format(at, iso, sizeof iso);
        i18n_date(eng_lang(e), iso, d, sizeof d);
        if (st == PARAM_UNKNOWN)
            eng_fail(e, id, "params", "un paramètre de params/ ou d'un fichier --params",
                     "le paramètre %s n'est pas défini (nécessaire à %s) ; fournissez-le avec "
                     "--params",
                     id, e->cur ? e->cur->id : eng_tr(e, "le calcul"));
        else
            eng_fail(e, id, "params", "une période d'effet couvrant la date",
                     "le paramètre %s n'a pas de valeur en vigueur le %s (nécessaire à %s) ; "
                     "fournissez-le avec --params",
                     id, d, e->cur ? e->cur->id : eng_tr(e, "le calcul"));
    }
    return NULL;
}

q_t par_at(eng_t *e, const char *id, date_t at) {
    const period_t *pe = find(e, id, at, true);
    if (!pe) return q_invalid();
    if (pe->kind != PV_NUM) {
        char iso[16], d[16];
        date_format(at, iso, sizeof iso);
        i18n_date(eng_lang(e), iso, d, sizeof d);
        eng_fail(e, id, "params", "un nombre", "le paramètre %s n'est pas un nombre le %s", id, d);
        return q_invalid();
    }
    return pe->num;
}

q_t par(eng_t *e, const char *id) {
    return par_at(e, id, e->at);
}

int64_t par_int_at(eng_t *e, const char *id, date_t at, int64_t lo, int64_t hi) {
    q_t v = par_at(e, id, at);
    if (!q_valid(v)) return -1; /* reported by par_at */
    int64_t n;
    if (!q_is_integer(v) || !q_floor_checked(v, &n) || n < lo || n > hi) {
        char d[16], got[64];
        date_format(at, d, sizeof d);
        q_format_decimal(v, 6, got, sizeof got);
        char expected[128];
        snprintf(expected, sizeof expected, "un entier de %lld à %lld", (long long)lo,
                 (long long)hi);
        eng_fail(e, id, "params", expected,
                 "paramètre %s : la valeur %s en vigueur le %s n'est pas un entier de %lld à %lld",
                 id, got, d, (long long)lo, (long long)hi);
        return -1;
    }
    return n;
}

int64_t par_int(eng_t *e, const char *id, int64_t lo, int64_t hi) {
    return par_int_at(e, id, e->at, lo, hi);
}

bool par_exists(eng_t *e, const char *id) {
    const period_t *pe = find(e, id, e->at, true);
    return pe && pe->kind != PV_NULL;
}

bool par_bool(eng_t *e, const char *id) {
    const period_t *pe = find(e, id, e->at, true);
    if (pe && pe->kind != PV_BOOL)
        eng_fail(e, id, "params", "un booléen", "le paramètre %s n'est pas un booléen", id);
    return pe && pe->kind == PV_BOOL && pe->b;
}

const char *par_text(eng_t *e, const char *id) {
    const period_t *pe = find(e, id, e->at, true);
    if (pe && pe->kind != PV_TEXT) {
        eng_fail(e, id, "params", "un texte", "le paramètre %s n'est pas un texte", id);
        return NULL;
    }
    return pe ? pe->text : NULL;
}

/* ---- readings ---- */

int reading(eng_t *e, const char *id) {
    long i = reading_find(id);
    if (i < 0) {
        eng_fail(e, id, "readings", "une lecture du registre",
                 "erreur interne : lecture inconnue %s", id);
        return 0;
    }
    int choice = readings_choice(e->readings, (size_t)i);
    reading_use **lists[2] = {e->cur ? &e->cur->readings : NULL, &e->res->readings};
    size_t *counts[2] = {e->cur ? &e->cur->nreadings : NULL, &e->res->nreadings};
    for (int k = 0; k < 2; k++) {
        if (!lists[k]) continue;
        bool seen = false;
        for (size_t j = 0; j < *counts[k]; j++)
            if ((*lists[k])[j].index == (size_t)i) seen = true;
        if (seen) continue;
        VEC_PUSH(*lists[k], *counts[k]);
        (*lists[k])[*counts[k]] = (reading_use){(size_t)i, choice};
        (*counts[k])++;
    }
    return choice;
}

const char *reading_value(eng_t *e, const char *id) {
    long i = reading_find(id);
    int choice = reading(e, id);
    if (i < 0) return "";
    return reading_def_at((size_t)i)->alts[choice].value;
}

bool reading_is(eng_t *e, const char *id, const char *value) {
    long i = reading_find(id);
    if (i < 0) {
        reading(e, id); /* reports the unknown reading */
        return false;
    }
    if (reading_alt_find(reading_def_at((size_t)i), value) < 0) {
        eng_fail(e, id, "readings", "une alternative de la lecture",
                 "erreur interne : la lecture %s n'a pas d'alternative %s", id, value);
        return false;
    }
    return strcmp(reading_value(e, id), value) == 0;
}

/* ---- amounts ---- */

/* a + b when the sum stays within ±Q_CENTS_MAX (q.h) */
static bool cents_add(int64_t a, int64_t b, int64_t *out) {
    int64_t s;
    if (!q_cents_ok(a) || !q_cents_ok(b) || __builtin_add_overflow(a, b, &s) || !q_cents_ok(s))
        return false;
    *out = s;
    return true;
}

static void amount_fail(eng_t *e, const char *path, const char *article, const char *what) {
    if (e->res->overflow_reported) return;
    e->res->overflow_reported = true;
    eng_fail(e, path, article, "un montant d'au plus 10 000 000 000 000,00 €",
             "%s : le montant dépasse ce que ancre représente exactement (au plus 10 000 000 000 "
             "000,00 €) ; vérifiez les valeurs des paramètres et de la déclaration",
             what);
}

/* Every amount of the result within ±Q_CENTS_MAX, and so are the sums a reader of the result
 * makes (total, totals by payment, the payments): otherwise the computation fails. */
static void check_result_amounts(eng_t *e) {
    ancre_result *r = e->res;
    int64_t s = 0;
    for (size_t i = 0; i < r->npayments; i++)
        if (!cents_add(s, r->payments[i].amount_cents, &s)) {
            amount_fail(e, r->payments[i].label, r->payments[i].article,
                        "la somme des paiements du calendrier");
            return;
        }
    for (size_t i = 0; i < r->nlines; i++) {
        const char *pay = r->lines[i].payment;
        int64_t by_payment = 0;
        for (size_t k = 0; k < r->nlines; k++)
            if (r->lines[k].priced && strcmp(r->lines[k].payment, pay) == 0 &&
                !cents_add(by_payment, r->lines[k].amount_cents, &by_payment)) {
                amount_fail(e, r->lines[k].id, r->lines[k].article, "la somme des lignes");
                return;
            }
    }
    const int64_t fields[] = {r->total_cents, r->advance_cents, r->balance_cents, r->refund_cents,
                              r->next_advance_cents};
    const char *names[] = {"total_cents", "advance_cents", "balance_cents", "refund_cents",
                           "next_advance_cents"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (!q_cents_ok(fields[i])) {
            amount_fail(e, names[i], "", names[i]);
            return;
        }
}

void eng_amounts(eng_t *e) {
    ancre_result *r = e->res;
    r->total_cents = 0;
    for (size_t i = 0; i < r->nlines; i++) {
        line_t *l = &r->lines[i];
        if (!l->priced) {
            q_t euros = q_mul(q_mul(l->points, l->unit_value), l->factor);
            int64_t cents = 0;
            if (!q_valid(euros)) {
                /* a missing input or parameter was reported where it was read; what remains
                 * is an operation without a value (a division by zero, an overflow) */
                if (!e->failed)
                    eng_fail(e, l->id, l->article, "un montant calculable",
                             "%s : le montant ne peut pas être calculé (division par zéro ou "
                             "dépassement de capacité dans ses opérandes)",
                             l->id);
                else
                    e->failed = true;
            } else if (!q_cents_checked(euros, &cents)) {
                amount_fail(e, l->id, l->article, l->id);
            }
            l->amount_cents = cents;
            l->priced = true; /* reported once: a later pass does not report it again */
        } else if (!q_cents_ok(l->amount_cents)) {
            amount_fail(e, l->id, l->article, l->id);
            l->amount_cents = 0;
        }
        if (!cents_add(r->total_cents, l->amount_cents, &r->total_cents)) {
            amount_fail(e, "total_cents", l->article, "le total des lignes");
            r->total_cents = 0;
        }
    }
    check_result_amounts(e);
}

int64_t eng_payment_total(const eng_t *e, const char *payment) {
    int64_t sum = 0;
    for (size_t i = 0; i < e->res->nlines; i++)
        if (e->res->lines[i].priced && strcmp(e->res->lines[i].payment, payment) == 0 &&
            !cents_add(sum, e->res->lines[i].amount_cents, &sum))
            return Q_CENTS_POISON; /* reported by eng_amounts() */
    return sum;
}

/* ---- result lifetime ---- */

static void line_free(line_t *l) {
    free(l->id);
    free(l->article);
    free(l->label);
    for (size_t i = 0; i < l->ninputs; i++) {
        free(l->inputs[i].path);
        free(l->inputs[i].value);
    }
    free(l->inputs);
    free(l->params);
    free(l->readings);
}

void eng_keep_lines(eng_t *e, size_t from, size_t pfrom,
                    bool (*keep)(const eng_t *, bool, date_t)) {
    ancre_result *r = e->res;
    size_t k = from;
    for (size_t i = from; i < r->nlines; i++) {
        if (keep(e, r->lines[i].has_due, r->lines[i].due))
            r->lines[k++] = r->lines[i];
        else
            line_free(&r->lines[i]);
    }
    r->nlines = k;
    k = pfrom;
    for (size_t i = pfrom; i < r->npayments; i++) {
        if (keep(e, r->payments[i].has_due, r->payments[i].due)) {
            r->payments[k++] = r->payments[i];
        } else {
            free(r->payments[i].label);
            free(r->payments[i].article);
        }
    }
    r->npayments = k;
    e->cur = NULL;
}

void ancre_result_free(ancre_result *r) {
    if (!r) return;
    free(r->finess);
    free(r->name);
    free(r->type);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    for (size_t i = 0; i < r->nprereqs; i++)
        free(r->prereqs[i].id);
    free(r->prereqs);
    for (size_t i = 0; i < r->nlines; i++)
        line_free(&r->lines[i]);
    free(r->lines);
    for (size_t i = 0; i < r->npayments; i++) {
        free(r->payments[i].label);
        free(r->payments[i].article);
    }
    free(r->payments);
    free(r->readings);
    free(r->params);
    free(r);
}

int64_t ancre_result_total_cents(const ancre_result *r) {
    return r->total_cents;
}

/* A document of another kind than the declaration: its own computation, for its "year". */
static int compute_document(ancre_result **out, const ancre_decl *decl, const ancre_params *params,
                            const ancre_readings *readings, ancre_errors *errs) {
    const document_compute *dc = NULL;
    for (size_t k = 0; k < ancre_document_computes_count; k++)
        if (strcmp(ancre_document_computes[k].schema, decl->schema->name) == 0)
            dc = &ancre_document_computes[k];
    const module_def *mod = NULL;
    for (size_t m = 0; dc && m < ancre_module_count; m++)
        if (strcmp(ancre_modules[m].payment, dc->payment) == 0) mod = &ancre_modules[m];
    const decl_value *year = decl_get(decl, "year");
    if (!mod || !year) {
        errors_add(errs, mod ? "year" : "", "schema", mod ? "a value" : "a declaration",
                   mod ? "le document n'a pas d'année de référence"
                       : "ce document ne se calcule pas avec ancre compute");
        return -1;
    }
    ancre_result *r = mem_zalloc(1, sizeof *r);
    if (!r) {
        errors_add(errs, "", "memory", "memory", "mémoire insuffisante");
        return -1;
    }
    eng_t e = {decl, params, readings, 0, {0, 0, 0}, r, NULL, errs, false, dc->payment, {1, 1}};
    r->lang = errs ? errs->lang : NULL;
    e.year = (int)q_floor_int(year->num);
    e.at = date_make(e.year, 12, 31);
    r->year = e.year;
    r->type = mem_strdup(dc->type);
    const decl_value *v = decl_get(decl, "name");
    r->name = v ? mem_strdup(v->s) : NULL;
    r->prorata = q_int(1);
    r->point_value = q_int(0);
    r->triggered = true;
    if (mod->compute(&e) != 0) e.failed = true;
    e.cur = NULL;
    if (!e.failed) eng_amounts(&e);
    if (e.failed) {
        ancre_result_free(r);
        return -1;
    }
    *out = r;
    return 0;
}

int ancre_compute(ancre_result **out, const ancre_decl *decl, const ancre_params *params,
                  const ancre_readings *readings, ancre_errors *errs) {
    *out = NULL;
    if (decl->schema) return compute_document(out, decl, params, readings, errs);
    ancre_result *r = mem_zalloc(1, sizeof *r);
    r->lang = errs ? errs->lang : NULL;
    eng_t e = {.decl = decl,
               .params = params,
               .readings = readings,
               .res = r,
               .errs = errs,
               .unit_value = {0, 1}};
    const decl_value *year = decl_get(decl, "year");
    const decl_value *type = decl_get(decl, "centre.type");
    if (!year || !type) {
        errors_add(errs, year ? "centre.type" : "year", "schema", "une valeur",
                   "la déclaration n'a pas de champ %s", year ? "centre.type" : "year");
        ancre_result_free(r);
        return -1;
    }
    e.year = (int)q_floor_int(year->num);
    e.at = date_make(e.year, 12, 31);
    r->year = e.year;
    r->type = mem_strdup(type->s);
    const decl_value *v = decl_get(decl, "centre.finess");
    r->finess = v ? mem_strdup(v->s) : NULL;
    v = decl_get(decl, "centre.name");
    r->name = v ? mem_strdup(v->s) : NULL;
    r->prorata = q_int(1);
    r->point_value = q_int(0);
    bool any = false;
    for (size_t m = 0; m < ancre_module_count && !e.failed; m++) {
        const module_def *mod = &ancre_modules[m];
        e.cur = NULL;
        if (!mod->applies(&e)) continue;
        any = true;
        e.payment = mod->payment;
        e.unit_value = q_int(1);
        if (mod->compute(&e) != 0) e.failed = true;
        e.cur = NULL;
        eng_amounts(&e);
    }
    if (!any && !e.failed)
        eng_fail(&e, "", "schema", "une section qu'un chapitre de l'accord rémunère",
                 "rien à calculer : la déclaration n'a aucune section d'une rémunération (pour la "
                 "rémunération forfaitaire spécifique : indicators)");
    if (e.failed) {
        ancre_result_free(r);
        return -1;
    }
    *out = r;
    return 0;
}
