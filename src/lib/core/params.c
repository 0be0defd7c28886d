#include "params.h"
#include "alloc.h"

#include "errors.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ancre_params *ancre_params_new(void) {
    return mem_zalloc(1, sizeof(ancre_params));
}

static void cite_free(cite_t *c) {
    free(c->doc);
    free(c->article);
    free(c->quote);
    free(c->note);
}

static void period_free(period_t *p) {
    free(p->text);
    free(p->origin);
    cite_free(&p->cite);
}

void ancre_params_free(ancre_params *params) {
    if (!params) return;
    for (size_t i = 0; i < params->n; i++) {
        param_t *p = &params->items[i];
        for (size_t k = 0; k < p->n; k++)
            period_free(&p->periods[k]);
        free(p->periods);
        free(p->id);
        free(p->label);
        free(p->unit);
    }
    free(params->items);
    free(params);
}

static char *dup_opt(const char *s) {
    return s ? mem_strdup(s) : NULL;
}

ancre_params *params_copy(const ancre_params *from) {
    ancre_params *to = ancre_params_new();
    if (!to) return NULL;
    to->items = mem_zalloc(from->n ? from->n : 1, sizeof *to->items);
    if (!to->items) {
        free(to);
        return NULL;
    }
    to->cap = from->n ? from->n : 1;
    for (size_t i = 0; i < from->n; i++) {
        const param_t *a = &from->items[i];
        param_t *b = &to->items[i];
        b->id = dup_opt(a->id);
        b->label = dup_opt(a->label);
        b->unit = dup_opt(a->unit);
        b->periods = mem_zalloc(a->n ? a->n : 1, sizeof *b->periods);
        to->n = i + 1;
        if (!b->periods) {
            ancre_params_free(to);
            return NULL;
        }
        for (size_t k = 0; k < a->n; k++) {
            period_t *pb = &b->periods[k];
            *pb = a->periods[k];
            pb->text = dup_opt(a->periods[k].text);
            pb->origin = dup_opt(a->periods[k].origin);
            pb->cite.doc = dup_opt(a->periods[k].cite.doc);
            pb->cite.article = dup_opt(a->periods[k].cite.article);
            pb->cite.quote = dup_opt(a->periods[k].cite.quote);
            pb->cite.note = dup_opt(a->periods[k].cite.note);
            b->n = k + 1;
        }
    }
    return to;
}

static int cmp_param(const void *a, const void *b) {
    return strcmp(((const param_t *)a)->id, ((const param_t *)b)->id);
}

static int cmp_key(const void *key, const void *item) {
    return strcmp((const char *)key, ((const param_t *)item)->id);
}

static param_t *find_param(const ancre_params *params, const char *id) {
    if (params->n == 0) return NULL;
    return bsearch(id, params->items, params->n, sizeof(param_t), cmp_key);
}

param_status params_lookup(const ancre_params *params, const char *id, date_t at,
                           const param_t **param, const period_t **period) {
    const param_t *p = find_param(params, id);
    if (!p) return PARAM_UNKNOWN;
    if (param) *param = p;
    for (size_t k = 0; k < p->n; k++) {
        const period_t *pe = &p->periods[k];
        if (date_cmp(at, pe->from) >= 0 && (pe->open_ended || date_cmp(at, pe->to) <= 0)) {
            if (period) *period = pe;
            return PARAM_OK;
        }
    }
    return PARAM_NOT_IN_FORCE;
}

/* The bounds of each unit are physical limits, not figures of the accord: a value outside them
 * cannot be what a parameter file meant, and accepting it would let a typing error (or a hostile
 * file) reach the arithmetic.  Counts and durations are whole numbers: a rule reads them with
 * par_int(), which casts nothing. */
typedef struct {
    const char *unit;
    const char *min, *max; /* exact decimals; NULL for bool and text */
    bool integer;
    const char *why; /* the reason of the bound, shown with the error */
} unit_def;

static const unit_def units[] = {
    {"points", "0", "1000000", false, "aucun indicateur ne vaut un million de points"},
    {"eur", "0", "1000000000", false, "un milliard d'euros dépasse tout montant unitaire"},
    {"rate", "0", "100", false, "un taux ou une part, en fraction ou en pourcentage"},
    {"count", "0", "1000000", true, "un nombre entier"},
    {"patients", "0", "100000000", true, "plus que la population française"},
    {"etp", "0", "100000", false, "des équivalents temps plein"},
    {"hours", "0", "10000", false, "plus d'heures qu'une année n'en compte"},
    {"weeks", "0", "5300", true, "un siècle de semaines"},
    {"months", "0", "1200", true, "un siècle de mois"},
    /* a duration, or a calendar year (transition.compensation.qualifying_year): the rule that
     * reads a duration bounds it further with par_int() */
    {"years", "0", "9999", true, "une durée en années ou une année civile"},
    {"bool", NULL, NULL, false, NULL},
    {"text", NULL, NULL, false, NULL},
};

static const unit_def *unit_find(const char *u) {
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strcmp(units[i].unit, u) == 0) return &units[i];
    return NULL;
}

static bool known_unit(const char *u) {
    return unit_find(u) != NULL;
}

/* Whether a number read for `unit` lies within its bounds; if not, says so in errs. */
static bool in_unit_bounds(const period_t *pe, const char *unit, const char *path, const char *id,
                           ancre_errors *errs) {
    const unit_def *u = unit_find(unit);
    if (!u || !u->min) return true;
    q_t lo, hi;
    q_parse_decimal(u->min, &lo);
    q_parse_decimal(u->max, &hi);
    bool ok = q_cmp(pe->num, lo) >= 0 && q_cmp(pe->num, hi) <= 0 &&
              (!u->integer || q_is_integer(pe->num));
    if (!ok) {
        char expected[160];
        snprintf(expected, sizeof expected, "%s de %s à %s (%s)",
                 u->integer ? "un entier" : "une valeur", u->min, u->max, unit);
        errors_add(errs, path, "params", expected,
                   "%s : la valeur %s de %s est hors des bornes de l'unité %s : attendu %s, car %s",
                   path, pe->text, id, unit, expected, u->why);
    }
    return ok;
}

static char *str_or_null(json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? mem_strdup(json_string_value(v)) : NULL;
}

static bool parse_value(json_t *v, const char *unit, period_t *pe) {
    char buf[64];
    if (json_is_null(v)) {
        pe->kind = PV_NULL;
        pe->text = mem_strdup("null");
        return true;
    }
    if (strcmp(unit, "bool") == 0) {
        if (!json_is_boolean(v)) return false;
        pe->kind = PV_BOOL;
        pe->b = json_is_true(v);
        pe->text = mem_strdup(pe->b ? "true" : "false");
        return true;
    }
    if (strcmp(unit, "text") == 0) {
        if (!json_is_string(v)) return false;
        pe->kind = PV_TEXT;
        pe->text = mem_strdup(json_string_value(v));
        return true;
    }
    if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
    } else if (json_is_string(v)) {
        snprintf(buf, sizeof buf, "%s", json_string_value(v));
    } else {
        return false; /* JSON reals are refused: they are not exact */
    }
    if (!q_parse_decimal(buf, &pe->num)) return false;
    pe->kind = PV_NUM;
    pe->text = mem_strdup(buf);
    return true;
}

static int cmp_period(const void *a, const void *b) {
    return date_cmp(((const period_t *)a)->from, ((const period_t *)b)->from);
}

static bool overlaps(const period_t *a, const period_t *b) {
    bool a_before_b = !a->open_ended && date_cmp(a->to, b->from) < 0;
    bool b_before_a = !b->open_ended && date_cmp(b->to, a->from) < 0;
    return !a_before_b && !b_before_a;
}

/* Adds the periods of one parameter, replacing the existing periods they overlap. */
static int merge_param(ancre_params *params, param_t *incoming) {
    param_t *existing = NULL;
    for (size_t i = 0; i < params->n; i++)
        if (strcmp(params->items[i].id, incoming->id) == 0) existing = &params->items[i];
    if (!existing) {
        if (params->n == params->cap) {
            size_t cap = params->cap ? params->cap * 2 : 64;
            params->items = mem_realloc(params->items, cap, sizeof *params->items);
            params->cap = cap;
        }
        params->items[params->n++] = *incoming;
        return 0;
    }
    size_t kept = 0;
    for (size_t k = 0; k < existing->n; k++) {
        bool replaced = false;
        for (size_t j = 0; j < incoming->n; j++)
            if (overlaps(&existing->periods[k], &incoming->periods[j])) replaced = true;
        if (replaced)
            period_free(&existing->periods[k]);
        else
            existing->periods[kept++] = existing->periods[k];
    }
    period_t *all = mem_realloc(existing->periods, kept + incoming->n, sizeof *all);
    memcpy(all + kept, incoming->periods, incoming->n * sizeof *all);
    existing->periods = all;
    existing->n = kept + incoming->n;
    if (existing->n > 1) qsort(existing->periods, existing->n, sizeof *all, cmp_period);
    if (incoming->label) {
        free(existing->label);
        existing->label = incoming->label;
    } else {
        free(incoming->label);
    }
    free(incoming->unit);
    free(incoming->id);
    free(incoming->periods);
    return 0;
}

int ancre_params_load_json(ancre_params *params, const char *text, size_t len, const char *origin,
                           ancre_errors *errs) {
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    size_t before = errs ? errs->count : 0;
    if (!root) {
        errors_add(errs, origin, "params", "un document JSON", "%s : ligne %d : %s", origin,
                   jerr.line, jerr.text);
        return -1;
    }
    json_t *list = json_object_get(root, "parameters");
    if (json_integer_value(json_object_get(root, "ancre_params")) != 1 || !json_is_array(list)) {
        errors_add(errs, origin, "params", "{\"ancre_params\": 1, \"parameters\": [...]}",
                   "%s : ce n'est pas un document de paramètres ancre", origin);
        json_decref(root);
        return -1;
    }
    size_t i;
    json_t *item;
    json_array_foreach (list, i, item) {
        char path[256];
        snprintf(path, sizeof path, "%s: parameters[%zu]", origin, i);
        const char *id = json_string_value(json_object_get(item, "id"));
        const char *unit = json_string_value(json_object_get(item, "unit"));
        json_t *values = json_object_get(item, "values");
        if (!id || !unit || !known_unit(unit) || !json_is_array(values) ||
            json_array_size(values) == 0) {
            errors_add(errs, path, "params", "un id, une unité connue et une liste values non vide",
                       "%s : le paramètre %s est mal formé", path, id ? id : "(sans id)");
            continue;
        }
        param_t p = {mem_strdup(id), str_or_null(item, "label"), mem_strdup(unit), NULL, 0};
        p.periods = mem_zalloc(json_array_size(values), sizeof(period_t));
        size_t k;
        json_t *v;
        bool ok = true;
        json_array_foreach (values, k, v) {
            period_t *pe = &p.periods[p.n];
            const char *from = json_string_value(json_object_get(v, "from"));
            json_t *to = json_object_get(v, "to");
            json_t *cite = json_object_get(v, "cite");
            bool good = from && date_parse(from, &pe->from) && json_is_object(cite);
            if (good && (to == NULL || json_is_null(to)))
                pe->open_ended = true;
            else if (good)
                good = json_is_string(to) && date_parse(json_string_value(to), &pe->to) &&
                       date_cmp(pe->from, pe->to) <= 0;
            if (good) good = parse_value(json_object_get(v, "value"), unit, pe);
            if (good && pe->kind == PV_NUM && !in_unit_bounds(pe, unit, path, id, errs)) {
                period_free(pe);
                memset(pe, 0, sizeof *pe);
                ok = false;
                continue;
            }
            if (!good) {
                errors_add(errs, path, "params",
                           "des dates ISO from/to, un objet cite et une valeur exacte de l'unité",
                           "%s : la période %zu de %s est mal formée", path, k, id);
                period_free(pe);
                memset(pe, 0, sizeof *pe);
                ok = false;
                continue;
            }
            pe->cite.doc = str_or_null(cite, "doc");
            pe->cite.article = str_or_null(cite, "article");
            pe->cite.quote = str_or_null(cite, "quote");
            pe->cite.note = str_or_null(v, "note");
            if (!pe->cite.note) pe->cite.note = str_or_null(cite, "note");
            json_int_t line = json_integer_value(json_object_get(cite, "line"));
            /* a line of the consolidated text: no document has a billion lines */
            pe->cite.line = line > 0 && line < 1000000000 ? (int)line : 0;
            pe->origin = mem_strdup(origin);
            p.n++;
        }
        if (p.n > 1) qsort(p.periods, p.n, sizeof(period_t), cmp_period);
        for (size_t a = 0; ok && a + 1 < p.n; a++)
            if (overlaps(&p.periods[a], &p.periods[a + 1])) {
                errors_add(errs, path, "params", "des périodes qui ne se chevauchent pas",
                           "%s : des périodes de %s se chevauchent", path, id);
                ok = false;
            }
        if (!ok || merge_param(params, &p) != 0) {
            for (size_t a = 0; a < p.n; a++)
                period_free(&p.periods[a]);
            free(p.periods);
            free(p.id);
            free(p.label);
            free(p.unit);
        }
    }
    json_decref(root);
    if (params->n > 1) qsort(params->items, params->n, sizeof(param_t), cmp_param);
    return errs && errs->count > before ? -1 : 0;
}

int ancre_params_load_defaults(ancre_params *params, ancre_errors *errs) {
    int rc = 0;
    for (size_t i = 0; i < ancre_embedded_param_count; i++)
        if (ancre_params_load_json(params, ancre_embedded_param_texts[i],
                                   strlen(ancre_embedded_param_texts[i]),
                                   ancre_embedded_param_names[i], errs) != 0)
            rc = -1;
    return rc;
}

json_t *cite_to_json(const cite_t *c); /* shared with the result writer */

json_t *cite_to_json(const cite_t *c) {
    json_t *o = json_object();
    if (c->doc) json_object_set_new(o, "doc", json_string(c->doc));
    if (c->article) json_object_set_new(o, "article", json_string(c->article));
    if (c->line) json_object_set_new(o, "line", json_integer(c->line));
    if (c->quote) json_object_set_new(o, "quote", json_string(c->quote));
    if (c->note) json_object_set_new(o, "note", json_string(c->note));
    return o;
}

json_t *period_to_json(const period_t *pe);

json_t *period_to_json(const period_t *pe) {
    char buf[16];
    json_t *o = json_object();
    date_format(pe->from, buf, sizeof buf);
    json_object_set_new(o, "from", json_string(buf));
    if (pe->open_ended) {
        json_object_set_new(o, "to", json_null());
    } else {
        date_format(pe->to, buf, sizeof buf);
        json_object_set_new(o, "to", json_string(buf));
    }
    switch (pe->kind) {
    case PV_NULL:
        json_object_set_new(o, "value", json_null());
        break;
    case PV_BOOL:
        json_object_set_new(o, "value", json_boolean(pe->b));
        break;
    default:
        json_object_set_new(o, "value", json_string(pe->text));
        break;
    }
    json_object_set_new(o, "cite", cite_to_json(&pe->cite));
    json_object_set_new(o, "source", json_string(pe->origin));
    return o;
}

char *ancre_params_to_json(const ancre_params *params, const char *prefix, const char *date,
                           ancre_errors *errs) {
    date_t at;
    if (date && !date_parse(date, &at)) {
        errors_add(errs, "--date", "params", "AAAA-MM-JJ", "ce n'est pas une date : %s", date);
        return NULL;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < params->n; i++) {
        const param_t *p = &params->items[i];
        if (prefix && strncmp(p->id, prefix, strlen(prefix)) != 0) continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(p->id));
        if (p->label) json_object_set_new(o, "label", json_string(p->label));
        json_object_set_new(o, "unit", json_string(p->unit));
        json_t *vals = json_array();
        for (size_t k = 0; k < p->n; k++) {
            const period_t *pe = &p->periods[k];
            if (date &&
                !(date_cmp(at, pe->from) >= 0 && (pe->open_ended || date_cmp(at, pe->to) <= 0)))
                continue;
            json_array_append_new(vals, period_to_json(pe));
        }
        if (date && json_array_size(vals) == 0) {
            json_object_set_new(o, "in_force", json_false());
        }
        json_object_set_new(o, "values", vals);
        json_array_append_new(list, o);
    }
    if (prefix && json_array_size(list) == 0) {
        errors_add(errs, prefix, "params", "un id de paramètre ou un début d'id",
                   "aucun paramètre ne correspond à « %s »", prefix);
        json_decref(list);
        return NULL;
    }
    char *s = json_dumps(list, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(list);
    return s;
}
