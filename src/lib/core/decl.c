#include "decl.h"
#include "alloc.h"

#include "errors.h"
#include "i18n.h"
#include "params.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The schema a document is read against: the declaration's (registry) or an item schema. */
static size_t sc_count(const item_schema *sc) {
    return sc ? sc->nfields : schema_count();
}

static const field_def *sc_field(const item_schema *sc, size_t i) {
    return sc ? &sc->fields[i] : schema_field(i);
}

static long sc_find(const item_schema *sc, const char *path) {
    if (!sc) return schema_find(path);
    for (size_t i = 0; i < sc->nfields; i++)
        if (strcmp(sc->fields[i].path, path) == 0) return (long)i;
    return -1;
}

static bool sc_is_object_prefix(const item_schema *sc, const char *path) {
    if (!sc) return schema_is_object_prefix(path);
    size_t len = strlen(path);
    for (size_t i = 0; i < sc->nfields; i++)
        if (strncmp(sc->fields[i].path, path, len) == 0 && sc->fields[i].path[len] == '.')
            return true;
    return false;
}

const field_def *decl_field(const ancre_decl *d, size_t i) {
    return sc_field(d->schema, i);
}

static const char *type_name(const char *lang, field_type t) {
    switch (t) {
    case F_BOOL:
        return i18n_tr(lang, "un booléen");
    case F_INT:
        return i18n_tr(lang, "un nombre entier");
    case F_DEC:
        return i18n_tr(lang, "un nombre");
    case F_DATE:
        return i18n_tr(lang, "une date AAAA-MM-JJ");
    case F_STRING:
        return i18n_tr(lang, "un texte");
    case F_ENUM:
        return i18n_tr(lang, "l'une des valeurs prévues");
    case F_STRLIST:
        return i18n_tr(lang, "une liste de textes");
    case F_OBJLIST:
        return i18n_tr(lang, "une liste d'objets");
    }
    return "?";
}

static const char *lang_of(const ancre_errors *errs) {
    return errs ? errs->lang : NULL;
}

void ancre_decl_free(ancre_decl *d) {
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->values[i].s);
        for (size_t k = 0; k < d->values[i].nlist; k++)
            free(d->values[i].list[k]);
        free(d->values[i].list);
        for (size_t k = 0; k < d->values[i].nitems; k++)
            ancre_decl_free(d->values[i].items[k]);
        free(d->values[i].items);
    }
    free(d->values);
    free(d);
}

const decl_value *decl_get(const ancre_decl *d, const char *path) {
    long i = sc_find(d->schema, path);
    if (i < 0 || !d->values[i].present) return NULL;
    return &d->values[i];
}

void decl_value_text(const field_def *f, const decl_value *v, char *buf, size_t cap) {
    switch (f->type) {
    case F_BOOL:
        snprintf(buf, cap, "%s", v->b ? "true" : "false");
        break;
    case F_INT:
    case F_DEC:
        q_format_decimal(v->num, 6, buf, cap);
        break;
    case F_STRLIST: {
        buf[0] = '\0';
        for (size_t k = 0; k < v->nlist; k++) {
            if (k) strncat(buf, ",", cap - strlen(buf) - 1);
            strncat(buf, v->list[k], cap - strlen(buf) - 1);
        }
        break;
    }
    case F_OBJLIST:
        snprintf(buf, cap, "%zu élément%s", v->nitems, v->nitems > 1 ? "s" : "");
        break;
    default:
        snprintf(buf, cap, "%s", v->s ? v->s : "");
        break;
    }
}

/* A JSON real has no exact text in jansson: %.15g gives back the shortest decimal that the
 * writer of the document most likely meant (0.1, 5.5, 0.452), which is then read exactly. */
static bool json_number_to_q(json_t *v, q_t *out) {
    char buf[64];
    if (json_is_integer(v))
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v)) {
        snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
        if (strchr(buf, 'e') || strchr(buf, 'n') || strchr(buf, 'i')) return false;
    } else
        return false;
    return q_parse_decimal(buf, out);
}

static bool enum_has(const char *choices, const char *s) {
    size_t len = strlen(s);
    const char *p = choices;
    while (p && *p) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == len && strncmp(p, s, l) == 0) return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

bool finess_valid(const char *s) {
    if (strlen(s) != 9) return false;
    for (int i = 0; i < 9; i++) {
        bool digit = s[i] >= '0' && s[i] <= '9';
        bool corsica = i == 1 && s[0] == '2' && (s[1] == 'A' || s[1] == 'B');
        if (!digit && !corsica) return false;
    }
    return true;
}

/* The longest text a declaration field holds: a name of a centre or of a contract is short; a
 * longer text is a mistake (or an attack on whatever stores and shows it). */
#define TEXT_MAX 300
#define ID_MAX 64

static const char *last_segment(const char *path) {
    const char *dot = strrchr(path, '.');
    return dot ? dot + 1 : path;
}

/* Identifiers and texts: NULL when s is acceptable for the field, else what was expected. */
static const char *text_problem(const field_def *f, const char *s) {
    const char *leaf = last_segment(f->path);
    size_t len = strlen(s);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) return "un texte sans caractère de contrôle";
    if (strcmp(leaf, "finess") == 0)
        return finess_valid(s) ? NULL : "9 caractères : des chiffres, ou 2A/2B pour la Corse";
    if (strcmp(leaf, "id") == 0) {
        if (len == 0 || len > ID_MAX) return "un identifiant de 1 à 64 caractères";
        for (const char *p = s; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.'))
                return "un identifiant fait de lettres sans accent, de chiffres, de _ - et .";
        return NULL;
    }
    if (len > TEXT_MAX) return "un texte d'au plus 300 octets";
    return NULL;
}

static ancre_decl *decl_new(const item_schema *sc);
static void walk(ancre_decl *d, const char *base, const char *rel, json_t *obj, ancre_errors *errs);
static void check_fields(ancre_decl *d, const char *base, const ancre_params *params,
                         ancre_errors *errs);

static void set_leaf(ancre_decl *d, long idx, const char *path, json_t *v, ancre_errors *errs) {
    const field_def *f = sc_field(d->schema, (size_t)idx);
    decl_value *dv = &d->values[idx];
    char expected[256];
    const char *lang = lang_of(errs);
    snprintf(expected, sizeof expected, "%s", type_name(lang, f->type));
    bool ok = true;
    switch (f->type) {
    case F_BOOL:
        ok = json_is_boolean(v);
        if (ok) dv->b = json_is_true(v);
        break;
    case F_INT:
        ok = json_is_integer(v);
        if (ok) dv->num = q_int(json_integer_value(v));
        break;
    case F_DEC:
        ok = json_number_to_q(v, &dv->num);
        break;
    case F_DATE:
        ok = json_is_string(v) && date_parse(json_string_value(v), &dv->date);
        if (ok) dv->s = mem_strdup(json_string_value(v));
        break;
    case F_STRING: {
        ok = json_is_string(v);
        const char *problem = ok ? text_problem(f, json_string_value(v)) : NULL;
        if (problem) {
            snprintf(expected, sizeof expected, "%s", problem);
            ok = false;
        }
        if (ok) dv->s = mem_strdup(json_string_value(v));
        break;
    }
    case F_ENUM:
        snprintf(expected, sizeof expected, i18n_tr(lang, "l'une des valeurs %s"), f->choices);
        ok = json_is_string(v) && enum_has(f->choices, json_string_value(v));
        if (ok) dv->s = mem_strdup(json_string_value(v));
        break;
    case F_STRLIST: {
        ok = json_is_array(v);
        size_t k;
        json_t *item;
        if (ok) {
            dv->list = mem_zalloc(json_array_size(v) + 1, sizeof(char *));
            json_array_foreach (v, k, item) {
                if (!json_is_string(item)) {
                    ok = false;
                    break;
                }
                dv->list[dv->nlist++] = mem_strdup(json_string_value(item));
            }
        }
        break;
    }
    case F_OBJLIST: {
        /* each element is an object of the item schema named by `choices` */
        const item_schema *sc = item_schema_find(f->choices);
        ok = json_is_array(v) && sc;
        size_t k;
        json_t *item;
        if (!ok) break;
        dv->items = mem_zalloc(json_array_size(v) + 1, sizeof *dv->items);
        json_array_foreach (v, k, item) {
            char base[1100];
            snprintf(base, sizeof base, "%s[%zu]", path, k);
            ancre_decl *sub = decl_new(sc);
            dv->items[dv->nitems++] = sub;
            if (!json_is_object(item)) {
                errors_add(errs, base, f->article, "un objet", "%s : un objet est attendu", base);
                dv->invalid = true;
                continue;
            }
            walk(sub, base, "", item, errs);
            check_fields(sub, base, NULL, errs);
        }
        if (f->max) {
            q_t hi;
            if (q_parse_decimal(f->max, &hi) && q_cmp(q_int((int64_t)dv->nitems), hi) > 0) {
                char most[96];
                snprintf(most, sizeof most, i18n_tr(lang, "au plus %s éléments"), f->max);
                errors_add(errs, path, f->article, most, "%s : %zu éléments (attendu : %s)", path,
                           dv->nitems, most);
                dv->invalid = true;
            }
        }
        if (dv->invalid) return;
        break;
    }
    }
    if (!ok) {
        char *shown = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        errors_add(errs, path, f->article, expected, "%s : reçu %s (attendu : %s)", path,
                   shown ? shown : "?", expected);
        free(shown);
        dv->invalid = true;
        return;
    }
    if ((f->type == F_INT || f->type == F_DEC) && (f->min || f->max)) {
        q_t lo, hi;
        bool below = f->min && q_parse_decimal(f->min, &lo) && q_cmp(dv->num, lo) < 0;
        bool above = f->max && q_parse_decimal(f->max, &hi) && q_cmp(dv->num, hi) > 0;
        if (below || above) {
            char raw[64], got[96], lo_text[64], hi_text[64];
            q_format_decimal(dv->num, 6, raw, sizeof raw);
            i18n_decimal(lang, raw, got, sizeof got);
            i18n_decimal(lang, f->min ? f->min : "", lo_text, sizeof lo_text);
            i18n_decimal(lang, f->max ? f->max : "", hi_text, sizeof hi_text);
            if (f->min && f->max)
                snprintf(expected, sizeof expected, i18n_tr(lang, "une valeur de %s à %s"), lo_text,
                         hi_text);
            else if (f->min)
                snprintf(expected, sizeof expected, i18n_tr(lang, "une valeur d'au moins %s"),
                         lo_text);
            else
                snprintf(expected, sizeof expected, i18n_tr(lang, "une valeur d'au plus %s"),
                         hi_text);
            errors_add(errs, path, f->article, expected, "%s : %s est hors limites (attendu : %s)",
                       path, got, expected);
            dv->invalid = true;
            return;
        }
    }
    dv->present = true;
}

/* base: the path of d in the whole document ("" or "contracts[0]"), shown in errors; rel: the
 * path of obj inside d's schema. */
static void walk(ancre_decl *d, const char *base, const char *rel, json_t *obj,
                 ancre_errors *errs) {
    const char *key;
    json_t *v;
    json_object_foreach (obj, key, v) {
        char relpath[512], path[1024];
        snprintf(relpath, sizeof relpath, "%s%s%s", rel, *rel ? "." : "", key);
        snprintf(path, sizeof path, "%s%s%s", base, *base ? "." : "", relpath);
        long idx = sc_find(d->schema, relpath);
        if (idx >= 0) {
            set_leaf(d, idx, path, v, errs);
        } else if (sc_is_object_prefix(d->schema, relpath)) {
            if (json_is_object(v))
                walk(d, base, relpath, v, errs);
            else
                errors_add(errs, path, "schema", "un objet",
                           "%s : un objet est attendu (voir docs/declaration.md)", path);
        } else {
            errors_add(errs, path, "schema", "un champ de docs/declaration.md",
                       "%s : champ inconnu", path);
        }
    }
}

static bool object_present(const ancre_decl *d, const char *path, size_t len) {
    if (!d->schema && len + 2 < 512) { /* the declaration's own fields: through the path index */
        char prefix[512];
        memcpy(prefix, path, len);
        prefix[len] = '.';
        prefix[len + 1] = '\0';
        size_t first, n = schema_under(prefix, &first);
        for (size_t k = 0; k < n; k++)
            if (d->values[schema_sorted_index(first + k)].present) return true;
        return false;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (!d->values[i].present) continue;
        const char *p = sc_field(d->schema, i)->path;
        if (strncmp(p, path, len) == 0 && p[len] == '.') return true;
    }
    return false;
}

static void check_fields(ancre_decl *d, const char *base, const ancre_params *params,
                         ancre_errors *errs) {
    /* fields of a section are listed together: the presence of the last parent is remembered */
    const char *last_parent = NULL;
    size_t last_len = 0;
    bool last_present = false;
    for (size_t i = 0; i < d->n; i++) {
        const field_def *f = sc_field(d->schema, i);
        char full[1024];
        snprintf(full, sizeof full, "%s%s%s", base, *base ? "." : "", f->path);
        const decl_value *v = &d->values[i];
        if (!v->present && !v->invalid) {
            bool needed = f->req == REQ_ALWAYS;
            if (f->req == REQ_SECTION) {
                const char *dot = strrchr(f->path, '.');
                size_t plen = dot ? (size_t)(dot - f->path) : strlen(f->path);
                if (!last_parent || plen != last_len || memcmp(f->path, last_parent, plen) != 0) {
                    last_parent = f->path;
                    last_len = plen;
                    last_present = object_present(d, f->path, plen);
                }
                needed = last_present;
            }
            if (needed)
                errors_add(errs, full, f->article, type_name(lang_of(errs), f->type),
                           "%s : non renseigné (attendu : %s)", full,
                           type_name(lang_of(errs), f->type));
            continue;
        }
        if (!v->present) continue;
        if (f->le_path) {
            const decl_value *pop = decl_get(d, f->le_path);
            if (pop && q_cmp(v->num, pop->num) > 0) {
                char ra[64], rb[64], a[96], b[96], expected[600];
                q_format_decimal(v->num, 6, ra, sizeof ra);
                q_format_decimal(pop->num, 6, rb, sizeof rb);
                i18n_decimal(lang_of(errs), ra, a, sizeof a);
                i18n_decimal(lang_of(errs), rb, b, sizeof b);
                snprintf(expected, sizeof expected, i18n_tr(lang_of(errs), "au plus %s (%s)"), b,
                         f->le_path);
                errors_add(errs, full, f->article, expected,
                           "%s : %s dépasse sa population %s = %s", full, a, f->le_path, b);
            }
        }
    }
    /* the reference year must be one the accord governs (parameters accord.reference_year_*) */
    const decl_value *year = d->schema ? NULL : decl_get(d, "year");
    if (year && params) {
        int y = (int)q_floor_int(year->num);
        date_t at = date_make(y < 1900 ? 1900 : (y > 9999 ? 9999 : y), 12, 31);
        /* the bounds are read from their latest period: they say which years exist at all */
        const param_t *plo = NULL, *phi = NULL;
        params_lookup(params, "accord.reference_year_min", at, &plo, NULL);
        params_lookup(params, "accord.reference_year_max", at, &phi, NULL);
        const period_t *lo = plo && plo->n ? &plo->periods[plo->n - 1] : NULL;
        const period_t *hi = phi && phi->n ? &phi->periods[phi->n - 1] : NULL;
        if (!lo || !hi || lo->kind != PV_NUM || hi->kind != PV_NUM ||
            q_cmp(year->num, lo->num) < 0 || q_cmp(year->num, hi->num) > 0) {
            char expected[128];
            snprintf(expected, sizeof expected,
                     i18n_tr(lang_of(errs), "une année de référence de %s à %s"),
                     lo ? lo->text : "?", hi ? hi->text : "?");
            errors_add(errs, "year", "accord.reference_year_min/max", expected,
                       "year : %d est hors des années que régit l'accord (%s)", y, expected);
        }
    }
}

static ancre_decl *decl_new(const item_schema *sc) {
    ancre_decl *d = mem_zalloc(1, sizeof *d);
    d->schema = sc;
    d->n = sc_count(sc);
    d->values = mem_zalloc(d->n + 1, sizeof *d->values);
    return d;
}

int ancre_decl_parse_json(ancre_decl **out, const char *text, size_t len,
                          const ancre_params *params, ancre_errors *errs) {
    return decl_parse_with(out, text, len, NULL, params, errs);
}

int decl_parse_with(ancre_decl **out, const char *text, size_t len, const item_schema *schema,
                    const ancre_params *params, ancre_errors *errs) {
    *out = NULL;
    size_t before = errs ? errs->count : 0;
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        errors_add(errs, "", "json", "un objet JSON", "JSON invalide : ligne %d, colonne %d : %s",
                   jerr.line, jerr.column, jerr.text);
        return -1;
    }
    if (!json_is_object(root)) {
        errors_add(errs, "", "json", "un objet JSON", "une déclaration est un objet JSON");
        json_decref(root);
        return -1;
    }
    /* a document of another kind than the declaration names itself by its marker key */
    for (size_t k = 0; !schema && k < ancre_document_kinds_count; k++)
        if (json_object_get(root, ancre_document_kinds[k].marker))
            schema = item_schema_find(ancre_document_kinds[k].schema);
    ancre_decl *d = decl_new(schema);
    walk(d, "", "", root, errs);
    json_decref(root);
    check_fields(d, "", params, errs);
    /* checks across fields run only on a document whose every field is valid */
    if (errs && errs->count == before) registry_check(d, params, errs);
    if (errs && errs->count > before) {
        ancre_decl_free(d);
        return -1;
    }
    *out = d;
    return 0;
}

typedef struct {
    char *buf;
    size_t len, cap;
} mdbuf;

static void schema_rows(mdbuf *b, const item_schema *sc, const char *prefix) {
    for (size_t i = 0; i < sc_count(sc); i++) {
        const field_def *f = sc_field(sc, i);
        char path[512];
        snprintf(path, sizeof path, "%s%s", prefix, f->path);
        char row[2048], range[160] = "";
        if (f->type == F_ENUM)
            snprintf(range, sizeof range, "`%s`", f->choices);
        else if (f->type == F_OBJLIST && f->max)
            snprintf(range, sizeof range, "at most %s", f->max);
        else if (f->min || f->max)
            snprintf(range, sizeof range, "%s – %s", f->min ? f->min : "", f->max ? f->max : "");
        if (f->le_path)
            snprintf(range + strlen(range), sizeof range - strlen(range), "%s≤ `%s`",
                     range[0] ? "; " : "", f->le_path);
        snprintf(row, sizeof row, "| `%s` | %s | %s | %s | %s | %s |\n", path,
                 type_name("en", f->type),
                 f->req == REQ_ALWAYS ? "yes" : (f->req == REQ_SECTION ? "with its section" : "no"),
                 range, f->article, f->doc);
        size_t rl = strlen(row);
        while (b->len + rl + 1 > b->cap) {
            b->cap *= 2;
            b->buf = mem_realloc(b->buf, b->cap, 1);
        }
        memcpy(b->buf + b->len, row, rl + 1);
        b->len += rl;
        if (f->type == F_OBJLIST) {
            char sub[600];
            snprintf(sub, sizeof sub, "%s[].", path);
            schema_rows(b, item_schema_find(f->choices), sub);
        }
    }
}

char *ancre_schema_markdown(void) {
    mdbuf b = {mem_alloc(1 << 16), 0, 1 << 16};
    b.buf[0] = '\0';
    schema_rows(&b, NULL, "");
    return b.buf;
}

char *ancre_schema_json(void) {
    /* the fields of the declaration, for programs that build a form from them (the simulator) */
    static const char *const types[] = {"boolean", "integer", "number", "date",
                                        "string",  "enum",    "list",   "objects"};
    json_t *list = json_array();
    for (size_t i = 0; i < schema_count(); i++) {
        const field_def *f = schema_field(i);
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(f->path));
        json_object_set_new(o, "type", json_string(types[f->type]));
        json_object_set_new(o, "required",
                            json_string(f->req == REQ_ALWAYS    ? "always"
                                        : f->req == REQ_SECTION ? "with_section"
                                                                : "no"));
        if (f->min) json_object_set_new(o, "min", json_string(f->min));
        if (f->max) json_object_set_new(o, "max", json_string(f->max));
        if (f->le_path) json_object_set_new(o, "at_most", json_string(f->le_path));
        if (f->choices && f->type == F_ENUM)
            json_object_set_new(o, "choices", json_string(f->choices));
        json_object_set_new(o, "article", json_string(f->article ? f->article : ""));
        json_object_set_new(o, "doc", json_string(f->doc ? f->doc : ""));
        json_array_append_new(list, o);
    }
    char *s = json_dumps(list, JSON_INDENT(1));
    json_decref(list);
    return s;
}
