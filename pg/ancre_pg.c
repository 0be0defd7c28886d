/* ancre inside PostgreSQL (CREATE EXTENSION ancre): the library's computation as SQL functions
 * over jsonb, marked PARALLEL SAFE so that a query over a table of declarations runs in
 * PostgreSQL's parallel workers (and a distributed PostgreSQL can push it to its nodes).
 *
 *   ancre_compute(declaration jsonb, readings jsonb, params jsonb) -> jsonb
 *       the result document (docs/result.md), or {"ok": false, "errors": [...]}
 *   ancre_validate(declaration jsonb, params jsonb) -> jsonb: the errors ([] when valid)
 *   ancre_param(id text, at date) -> jsonb: the parameters whose id starts with id, in force
 *       at that date, with their citations
 *
 * Each backend loads the built-in parameters once; a params document given to a call is loaded
 * over them and kept for the next calls that give the same document.  The library is linked
 * statically and exports only ancre_ names, so nothing clashes with the server's own. */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include <ancre/ancre.h>
#include <dlfcn.h>
#include <string.h>

PG_MODULE_MAGIC;

/* The server's own json_object (a SQL function) would be bound to the library's calls of
 * jansson's json_object: pg/Makefile renames those calls to this function, which looks
 * jansson's up in jansson itself (dlsym on its handle searches it first). */
void *ancre_pg_jansson_json_object(void);
void *ancre_pg_jansson_json_object(void) {
    static void *(*jansson_json_object)(void);
    if (!jansson_json_object) {
        void *jansson = dlopen("libjansson.so.4", RTLD_NOW | RTLD_NOLOAD);
        if (jansson) jansson_json_object = (void *(*)(void))dlsym(jansson, "json_object");
        if (!jansson_json_object)
            ereport(ERROR, (errmsg("ancre : json_object de jansson introuvable")));
    }
    return jansson_json_object();
}

PG_FUNCTION_INFO_V1(ancre_pg_compute);
PG_FUNCTION_INFO_V1(ancre_pg_validate);
PG_FUNCTION_INFO_V1(ancre_pg_param);

static ancre_params *builtin; /* the built-in parameters, once per backend */
static ancre_params *extra;   /* with the last params document given */
static char *extra_text;      /* that document */

static char *jsonb_text(Datum d) {
    return DatumGetCString(DirectFunctionCall1(jsonb_out, d));
}

static Datum text_jsonb(const char *s) {
    return DirectFunctionCall1(jsonb_in, CStringGetDatum(s));
}

static ancre_params *load(const char *params_text, ancre_errors *errs) {
    if (!params_text) {
        if (!builtin) {
            builtin = ancre_params_new();
            if (!builtin || ancre_params_load_defaults(builtin, errs) != 0) {
                ancre_params_free(builtin);
                builtin = NULL;
            }
        }
        return builtin;
    }
    if (extra && strcmp(extra_text, params_text) == 0) return extra;
    ancre_params_free(extra);
    free(extra_text);
    extra = NULL;
    extra_text = NULL;
    ancre_params *p = ancre_params_new();
    if (!p || ancre_params_load_defaults(p, errs) != 0 ||
        ancre_params_load_json(p, params_text, strlen(params_text), "params", errs) != 0) {
        ancre_params_free(p);
        return NULL;
    }
    extra_text = strdup(params_text);
    if (!extra_text) {
        ancre_params_free(p);
        return NULL;
    }
    extra = p;
    return extra;
}

/* the errors as a JSON array, in a palloc'd string */
static char *errors_json(const ancre_errors *errs) {
    StringInfoData b;
    initStringInfo(&b);
    appendStringInfoChar(&b, '[');
    for (size_t i = 0; i < errs->count; i++) {
        const ancre_error *e = &errs->items[i];
        if (i) appendStringInfoChar(&b, ',');
        appendStringInfoString(&b, "{\"path\":");
        escape_json(&b, e->path);
        appendStringInfoString(&b, ",\"rule\":");
        escape_json(&b, e->rule);
        appendStringInfoString(&b, ",\"expected\":");
        escape_json(&b, e->expected);
        appendStringInfoString(&b, ",\"message\":");
        escape_json(&b, e->message);
        appendStringInfoChar(&b, '}');
    }
    appendStringInfoChar(&b, ']');
    return b.data;
}

/* Sets the readings of a {"id": "value"} object given as text. */
static void set_readings(ancre_readings *r, const char *text, ancre_errors *errs) {
    /* the object is flat: walk its string pairs with the library's own assignment syntax */
    Jsonb *jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
    JsonbIterator *it = JsonbIteratorInit(&jb->root);
    JsonbValue v;
    JsonbIteratorToken tok;
    char *key = NULL;
    while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE) {
        if (tok == WJB_KEY) {
            key = pnstrdup(v.val.string.val, v.val.string.len);
        } else if (tok == WJB_VALUE && key) {
            if (v.type == jbvString) {
                char *value = pnstrdup(v.val.string.val, v.val.string.len);
                ancre_readings_set(r, key, value, errs);
                pfree(value);
            } else {
                ancre_errors_add(errs, key, "readings", "une chaîne",
                                 "la lecture %s attend sa valeur en texte", key);
            }
            pfree(key);
            key = NULL;
        }
    }
}

Datum ancre_pg_compute(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    char *decl = jsonb_text(PG_GETARG_DATUM(0));
    char *readings_text = PG_ARGISNULL(1) ? NULL : jsonb_text(PG_GETARG_DATUM(1));
    char *params_text = PG_ARGISNULL(2) ? NULL : jsonb_text(PG_GETARG_DATUM(2));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_readings *readings = ancre_readings_new();
    ancre_params *params = load(params_text, &errs);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    char *out = NULL;
    if (readings && readings_text) set_readings(readings, readings_text, &errs);
    if (params && readings && errs.count == 0 &&
        ancre_decl_parse_json(&d, decl, strlen(decl), params, &errs) == 0 &&
        ancre_compute(&r, d, params, readings, &errs) == 0)
        out = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
    Datum res;
    if (out) {
        res = text_jsonb(out);
        free(out);
    } else {
        char *list = errors_json(&errs);
        StringInfoData b;
        initStringInfo(&b);
        appendStringInfo(&b, "{\"ok\": false, \"errors\": %s}", list);
        res = text_jsonb(b.data);
    }
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_readings_free(readings);
    ancre_errors_clear(&errs);
    PG_RETURN_DATUM(res);
}

Datum ancre_pg_validate(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    char *decl = jsonb_text(PG_GETARG_DATUM(0));
    char *params_text = PG_ARGISNULL(1) ? NULL : jsonb_text(PG_GETARG_DATUM(1));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = load(params_text, &errs);
    ancre_decl *d = NULL;
    if (params) ancre_decl_parse_json(&d, decl, strlen(decl), params, &errs);
    ancre_decl_free(d);
    Datum res = text_jsonb(errors_json(&errs));
    ancre_errors_clear(&errs);
    PG_RETURN_DATUM(res);
}

Datum ancre_pg_param(PG_FUNCTION_ARGS) {
    char *id = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));
    char *at =
        PG_ARGISNULL(1) ? NULL : DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(1)));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = load(NULL, &errs);
    char *s = params ? ancre_params_to_json(params, id, at, &errs) : NULL;
    Datum res;
    if (s) {
        res = text_jsonb(s);
        free(s);
    } else {
        res = text_jsonb(errors_json(&errs));
    }
    ancre_errors_clear(&errs);
    PG_RETURN_DATUM(res);
}
