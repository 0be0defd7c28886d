/* Routes of `ancre serve` (docs/server.md, docs/openapi.json).
 *
 * The computation endpoints answer exactly what the command line computes: the same result
 * document (docs/result.md) and, on bad input, the same errors as `ancre validate --json`
 * ({"ok": false, "errors": [{path, rule, expected, message}]}): 400 when the body is not JSON or
 * a query argument is wrong, 422 when the declaration is refused or cannot be computed. */
#include "ancre/procedures.h"
#include "routes.h"

#include "../lib/core/alloc.h"
#include "../lib/core/errors.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the web simulator and the OpenAPI document, built in from web/ and docs/openapi.json */
extern const char *const ancre_web_asset_names[];
extern const char *const ancre_web_asset_texts[];
extern const size_t ancre_web_asset_count;

#define MAX_READINGS 64
#define MAX_VARIANTS 64

/* ---- answers ------------------------------------------------------------------------------ */

/* The error document of the library (ancre_errors_to_json), as a JSON value that an answer
 * extends (a report, a line number). */
static json_t *errors_to_json(const ancre_errors *errs) {
    char *text = ancre_errors_to_json(errs, 0, ANCRE_JSON_COMPACT);
    json_t *doc = json_loads(text, JSON_PRESERVE_ORDER, NULL);
    free(text);
    return doc ? doc : json_object();
}

static void answer_json(http_response *res, int status, json_t *doc) {
    http_json(res, status, json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER));
    json_decref(doc);
}

static void answer_errors(http_response *res, int status, const ancre_errors *errs) {
    answer_json(res, status, errors_to_json(errs));
}

static bool method_is(const http_request *req, const char *allowed, http_response *res) {
    /* allowed: "GET" or "POST"; HEAD goes with GET */
    if (strcmp(req->method, allowed) == 0 ||
        (strcmp(allowed, "GET") == 0 && strcmp(req->method, "HEAD") == 0))
        return true;
    http_error(res, 405, "http", "la méthode %s n'est pas acceptée ici : utilisez %s", req->method,
               allowed);
    res->allow = strcmp(allowed, "GET") == 0 ? "GET, HEAD" : allowed;
    return false;
}

/* A body is JSON, or JSON Lines when its Content-Type says so.  Other declared types are read as
 * JSON too (curl sends form-urlencoded by default), except multipart forms, which cannot be. */
static bool json_body(const http_request *req, http_response *res, bool *lines) {
    const char *ct = http_header(req, "Content-Type");
    *lines = false;
    if (!ct) return true;
    if (strncmp(ct, "application/x-ndjson", 20) == 0 || strncmp(ct, "application/jsonl", 17) == 0) {
        *lines = true;
        return true;
    }
    if (strncmp(ct, "multipart/", 10) == 0) {
        http_error(res, 415, "http",
                   "le Content-Type %s n'est pas accepté : envoyez le document JSON lui-même "
                   "(application/json, ou application/x-ndjson pour un lot)",
                   ct);
        return false;
    }
    return true;
}

/* ---- readings from the query string -------------------------------------------------------- */

static ancre_readings *query_readings(const http_request *req, ancre_errors *errs) {
    const char *values[MAX_READINGS + 1];
    size_t n = http_query_all(req, "reading", values, MAX_READINGS + 1);
    ancre_readings *r = ancre_readings_new();
    if (n > MAX_READINGS) { /* never ignore an argument silently */
        char expected[64];
        snprintf(expected, sizeof expected, "au plus %d arguments reading=", MAX_READINGS);
        errors_add(errs, "reading", "http", expected,
                   "plus de %d arguments reading= : au plus %d, un par lecture choisie",
                   MAX_READINGS, MAX_READINGS);
        return r;
    }
    for (size_t i = 0; i < n; i++)
        ancre_readings_set_assignment(r, values[i], errs);
    return r;
}

/* ---- computation ---------------------------------------------------------------------------- */

/* Parses and computes one declaration.  Returns the HTTP status: 200 with *out the result, or
 * 400 (not JSON) / 422 (refused or not computable) with errs filled. */
static int compute_text(const ancre_params *params, const char *text, size_t len,
                        const ancre_readings *readings, ancre_decl **decl, ancre_result **out,
                        ancre_errors *errs) {
    json_error_t jerr;
    json_t *probe = json_loadb(text, len, 0, &jerr);
    bool syntax = probe == NULL;
    json_decref(probe);
    if (ancre_decl_parse_json(decl, text, len, params, errs) != 0) return syntax ? 400 : 422;
    if (ancre_compute(out, *decl, params, readings, errs) != 0) return 422;
    return 200;
}

/* The server's parameters followed by a parameter document sent with the request (national
 * figures the accord does not give, typed in the simulator): a fresh set for that request. */
static ancre_params *request_params(const server_ctx *s, json_t *doc, ancre_errors *errs) {
    ancre_params *p = NULL;
    if (s->paramset) {
        p = ancre_store_paramset_load(s->paramset, errs);
    } else {
        p = ancre_params_new();
        ancre_params_load_defaults(p, errs);
    }
    if (!p || errs->count) {
        ancre_params_free(p);
        return NULL;
    }
    char *text = json_dumps(doc, JSON_COMPACT);
    int rc = text ? ancre_params_load_json(p, text, strlen(text), "requête", errs) : -1;
    free(text);
    if (rc != 0) {
        ancre_params_free(p);
        return NULL;
    }
    return p;
}

static void batch_lines(const server_ctx *s, const http_request *req,
                        const ancre_readings *readings, http_response *res) {
    /* JSON Lines: one result or error record per non-blank line, in order, like `ancre batch` */
    size_t cap = 4096, n = 0, lineno, l;
    char *out = mem_alloc(cap);
    out[0] = '\0';
    const char *line;
    ancre_lines it;
    ancre_lines_begin(&it, req->body, req->body_len);
    while (ancre_lines_next(&it, &line, &l, &lineno)) {
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, res->lang);
        ancre_decl *d = NULL;
        ancre_result *r = NULL;
        char *rec;
        if (compute_text(s->params, line, l, readings, &d, &r, &errs) == 200)
            rec = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
        else
            rec = ancre_errors_to_json(&errs, lineno, ANCRE_JSON_COMPACT);
        size_t rl = strlen(rec);
        if (n + rl + 2 > cap) {
            while (n + rl + 2 > cap)
                cap *= 2;
            out = mem_realloc(out, cap, 1);
        }
        memcpy(out + n, rec, rl);
        n += rl;
        out[n++] = '\n';
        out[n] = '\0';
        free(rec);
        ancre_result_free(r);
        ancre_decl_free(d);
        ancre_errors_clear(&errs);
    }
    res->status = 200;
    res->content_type = "application/x-ndjson; charset=utf-8";
    res->body = out;
    res->body_len = n;
    res->no_store = true;
}

static void route_compute(server_ctx *s, const http_request *req, http_response *res) {
    bool lines;
    if (!method_is(req, "POST", res) || !json_body(req, res, &lines)) return;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    ancre_readings *readings = query_readings(req, &errs);
    const char *format = http_query(req, "format");
    if (format && strcmp(format, "json") != 0 && strcmp(format, "text") != 0 &&
        strcmp(format, "explain") != 0)
        http_error(res, 400, "http", "format : json, text ou explain, et non « %s »", format);
    else if (errs.count)
        answer_errors(res, 400, &errs);
    else if (lines)
        batch_lines(s, req, readings, res);
    else {
        ancre_decl *d = NULL;
        ancre_result *r = NULL;
        /* {"declaration": {...}, "parameters": {...}}: a declaration with figures of its own */
        const char *text = req->body;
        size_t len = req->body_len;
        char *inner = NULL;
        const ancre_params *params = s->params;
        ancre_params *own = NULL;
        json_t *wrapper = json_loadb(req->body, req->body_len, 0, NULL);
        json_t *wrapped = json_object_get(wrapper, "declaration");
        if (json_is_object(wrapped)) {
            inner = json_dumps(wrapped, JSON_COMPACT);
            text = inner ? inner : "";
            len = strlen(text);
            json_t *figures = json_object_get(wrapper, "parameters");
            if (figures) params = own = request_params(s, figures, &errs);
        }
        json_decref(wrapper);
        int status = params ? compute_text(params, text, len, readings, &d, &r, &errs) : 422;
        if (status != 200) {
            answer_errors(res, status, &errs);
        } else if (format && strcmp(format, "json") != 0) {
            res->status = 200;
            res->content_type = "text/plain; charset=utf-8";
            res->body = ancre_result_to_text(r, strcmp(format, "explain") == 0);
            res->no_store = true;
        } else {
            char *doc = ancre_result_to_json(r, 0);
            const char *sens = http_query(req, "sensitivity");
            if (sens && strcmp(sens, "0") != 0 && strcmp(sens, "false") != 0) {
                /* the total under each alternative reading that changes it */
                json_t *root = json_loads(doc, JSON_PRESERVE_ORDER, NULL);
                char *sj = ancre_sensitivity_json(d, params, readings, &errs);
                json_t *sv = sj ? json_loads(sj, 0, NULL) : json_array();
                json_object_set_new(root, "sensitivity", sv ? sv : json_array());
                free(sj);
                free(doc);
                doc = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                json_decref(root);
            }
            http_json(res, 200, doc);
        }
        ancre_result_free(r);
        ancre_decl_free(d);
        ancre_params_free(own);
        free(inner);
    }
    ancre_readings_free(readings);
    ancre_errors_clear(&errs);
}

static void route_validate(server_ctx *s, const http_request *req, http_response *res) {
    bool lines;
    if (!method_is(req, "POST", res) || !json_body(req, res, &lines)) return;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    json_error_t jerr;
    json_t *probe = json_loadb(req->body, req->body_len, 0, &jerr);
    bool syntax = probe == NULL;
    json_decref(probe);
    ancre_decl *d = NULL;
    if (ancre_decl_parse_json(&d, req->body, req->body_len, s->params, &errs) == 0) {
        json_t *ok = json_object();
        json_object_set_new(ok, "ok", json_true());
        answer_json(res, 200, ok);
    } else {
        answer_errors(res, syntax ? 400 : 422, &errs);
    }
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
}

/* RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
static json_t *merge_patch(json_t *target, json_t *patch) {
    if (!json_is_object(patch)) return json_deep_copy(patch);
    json_t *out = json_is_object(target) ? json_deep_copy(target) : json_object();
    const char *key;
    json_t *v;
    json_object_foreach (patch, key, v) {
        if (json_is_null(v))
            json_object_del(out, key);
        else
            json_object_set_new(out, key, merge_patch(json_object_get(out, key), v));
    }
    return out;
}

/* What if: the declaration computed as it is and under each variant (a merge patch of it), with
 * the difference of total each variant makes.  The simulator asks it which optional indicators
 * not yet achieved would add the most. */
static void route_whatif(server_ctx *s, const http_request *req, http_response *res) {
    bool lines;
    if (!method_is(req, "POST", res) || !json_body(req, res, &lines)) return;
    json_error_t jerr;
    json_t *body = json_loadb(req->body, req->body_len, 0, &jerr);
    json_t *decl = json_object_get(body, "declaration");
    json_t *variants = json_object_get(body, "variants");
    if (!body || !json_is_object(decl) || !json_is_array(variants) ||
        json_array_size(variants) > MAX_VARIANTS) {
        if (!body)
            http_error(res, 400, "json", "JSON invalide : ligne %d, colonne %d : %s", jerr.line,
                       jerr.column, jerr.text);
        else
            http_error(res, 400, "http",
                       "attendu : {\"declaration\": {...}, \"variants\": [{\"id\": ..., "
                       "\"patch\": {...}}]} avec au plus %d variantes",
                       MAX_VARIANTS);
        json_decref(body);
        return;
    }
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    ancre_readings *readings = query_readings(req, &errs);
    if (errs.count) {
        answer_errors(res, 400, &errs);
        goto done;
    }
    json_t *figures = json_object_get(body, "parameters");
    ancre_params *own = figures ? request_params(s, figures, &errs) : NULL;
    const ancre_params *params = figures ? own : s->params;
    if (!params) {
        answer_errors(res, 422, &errs);
        goto done;
    }
    char *text = json_dumps(decl, JSON_COMPACT);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    int status = compute_text(params, text, strlen(text), readings, &d, &r, &errs);
    free(text);
    if (status != 200) {
        answer_errors(res, status, &errs);
        ancre_result_free(r);
        ancre_decl_free(d);
        ancre_params_free(own);
        goto done;
    }
    int64_t base = ancre_result_total_cents(r);
    ancre_result_free(r);
    ancre_decl_free(d);
    json_t *root = json_object(), *list = json_array();
    json_object_set_new(root, "total_cents", json_integer(base));
    size_t i;
    json_t *v;
    json_array_foreach (variants, i, v) {
        json_t *o = json_object();
        json_t *id = json_object_get(v, "id");
        json_object_set(o, "id", id ? id : json_null());
        json_t *patched = merge_patch(decl, json_object_get(v, "patch"));
        char *vt = json_dumps(patched, JSON_COMPACT);
        json_decref(patched);
        ancre_errors verrs;
        ancre_errors_init(&verrs);
        ancre_errors_set_lang(&verrs, res->lang);
        ancre_decl *vd = NULL;
        ancre_result *vr = NULL;
        if (vt && compute_text(params, vt, strlen(vt), readings, &vd, &vr, &verrs) == 200) {
            int64_t t = ancre_result_total_cents(vr);
            json_object_set_new(o, "total_cents", json_integer(t));
            json_object_set_new(o, "delta_cents", json_integer(t - base));
        } else {
            json_t *e = errors_to_json(&verrs);
            json_object_set(o, "errors", json_object_get(e, "errors"));
            json_decref(e);
        }
        free(vt);
        ancre_result_free(vr);
        ancre_decl_free(vd);
        ancre_errors_clear(&verrs);
        json_array_append_new(list, o);
    }
    json_object_set_new(root, "variants", list);
    ancre_params_free(own);
    answer_json(res, 200, root);
done:
    ancre_readings_free(readings);
    ancre_errors_clear(&errs);
    json_decref(body);
}

/* ---- parameters, rules, readings ------------------------------------------------------------ */

static void route_parameters(server_ctx *s, const http_request *req, const char *id,
                             http_response *res) {
    if (!method_is(req, "GET", res)) return;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    const char *date = http_query(req, "date");
    const char *prefix = id ? id : http_query(req, "prefix");
    char *json = ancre_params_to_json(s->params, prefix && *prefix ? prefix : NULL, date, &errs);
    if (!json) {
        /* an unknown id is a 404, a malformed date a 400 */
        answer_errors(res,
                      errs.count && strcmp(errs.items[0].rule, "params") == 0 &&
                              strcmp(errs.items[0].path, "--date") != 0
                          ? 404
                          : 400,
                      &errs);
        ancre_errors_clear(&errs);
        return;
    }
    if (id) {
        /* exactly that parameter, not every id it prefixes */
        json_t *list = json_loads(json, JSON_PRESERVE_ORDER, NULL), *found = NULL;
        free(json);
        size_t i;
        json_t *p;
        json_array_foreach (list, i, p)
            if (strcmp(json_string_value(json_object_get(p, "id")), id) == 0) found = p;
        if (found)
            answer_json(res, 200, json_incref(found));
        else
            http_error(res, 404, "params", "aucun paramètre « %s »", id);
        json_decref(list);
        return;
    }
    http_json(res, 200, json);
}

static bool query_year(const http_request *req, int *year, http_response *res) {
    const char *y = http_query(req, "year");
    char *end = NULL;
    long v = y ? strtol(y, &end, 10) : 0;
    if (!y || *end || v < 1900 || v > 9999) {
        http_error(res, 400, "http", "year : l'année de référence (AAAA) est attendue, reçu « %s »",
                   y ? y : "");
        return false;
    }
    *year = (int)v;
    return true;
}

static void route_rules(server_ctx *s, const http_request *req, http_response *res) {
    if (!method_is(req, "GET", res)) return;
    int year;
    const char *type = http_query(req, "type");
    if (!type || !*type) {
        http_error(res, 400, "http",
                   "type : le type de centre est attendu (medical, polyvalent, infirmier, "
                   "dentaire)");
        return;
    }
    if (!query_year(req, &year, res)) return;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    char *json = ancre_rules_json(s->params, type, year, &errs);
    if (json)
        http_json(res, 200, json);
    else
        answer_errors(res, 422, &errs);
    ancre_errors_clear(&errs);
}

static void route_schema(const http_request *req, http_response *res) {
    if (method_is(req, "GET", res)) http_json(res, 200, ancre_schema_json());
}

static void route_readings(const http_request *req, http_response *res) {
    if (method_is(req, "GET", res)) http_json(res, 200, ancre_readings_catalogue_json());
}

static void route_health(server_ctx *s, const http_request *req, http_response *res) {
    if (!method_is(req, "GET", res)) return;
    json_t *o = json_object();
    json_object_set_new(o, "ok", json_true());
    json_object_set_new(o, "version", json_string(ANCRE_VERSION));
    json_object_set_new(o, "store", json_boolean(s->store != NULL));
    json_object_set_new(o, "writes", json_boolean(s->token != NULL));
    answer_json(res, 200, o);
}

/* ---- the store --------------------------------------------------------------------------------
 */

/* Endpoints that change the store need "Authorization: Bearer TOKEN" with the token configured
 * at start; without one configured they are refused. */
static bool authorized(server_ctx *s, const http_request *req, http_response *res) {
    if (!s->token) {
        http_error(res, 403, "auth",
                   "ce serveur n'accepte aucune modification : lancez-le avec --token-file "
                   "FICHIER ou ANCRE_TOKEN");
        return false;
    }
    const char *h = http_header(req, "Authorization");
    if (!h || strncmp(h, "Bearer ", 7) != 0) {
        http_error(res, 401, "auth", "jeton absent (Authorization: Bearer JETON)");
        return false;
    }
    /* compare in constant time over the configured token's length */
    const char *given = h + 7;
    size_t n = strlen(s->token), m = strlen(given);
    unsigned char diff = (unsigned char)(n != m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(s->token[i] ^ (i < m ? given[i] : 0));
    if (diff) {
        http_error(res, 403, "auth", "jeton incorrect");
        return false;
    }
    return true;
}

static void route_store(server_ctx *s, const http_request *req, const char *collection,
                        const char *rest, http_response *res);

/* ---- the web simulator and the OpenAPI document ------------------------------------------------
 */

static const char *content_type_of(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return "application/octet-stream";
    if (strcmp(dot, ".html") == 0) return "text/html; charset=utf-8";
    if (strcmp(dot, ".js") == 0) return "text/javascript; charset=utf-8";
    if (strcmp(dot, ".css") == 0) return "text/css; charset=utf-8";
    if (strcmp(dot, ".json") == 0) return "application/json; charset=utf-8";
    if (strcmp(dot, ".svg") == 0) return "image/svg+xml";
    return "text/plain; charset=utf-8";
}

static bool serve_asset(const char *name, http_response *res) {
    for (size_t i = 0; i < ancre_web_asset_count; i++) {
        if (strcmp(ancre_web_asset_names[i], name) != 0) continue;
        res->status = 200;
        res->content_type = content_type_of(name);
        res->body = strdup(ancre_web_asset_texts[i]);
        return true;
    }
    return false;
}

/* POST /v1/deadlines and /v1/procedure: a deadlines or procedure document (docs/procedures.md)
 * to its deadlines, state and decisions; ?format=text for the French text. */
typedef int (*timeline_fn)(char **out, const char *text, size_t len, int format,
                           const ancre_params *params, const ancre_readings *readings,
                           ancre_errors *errs);
static void route_timeline(server_ctx *s, const http_request *req, http_response *res,
                           timeline_fn fn) {
    bool lines;
    if (!method_is(req, "POST", res) || !json_body(req, res, &lines)) return;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    ancre_readings *readings = query_readings(req, &errs);
    const char *format = http_query(req, "format");
    bool text = format && strcmp(format, "text") == 0;
    char *out = NULL;
    if (format && !text && strcmp(format, "json") != 0)
        http_error(res, 400, "http", "format : json ou text, et non « %s »", format);
    else if (errs.count)
        answer_errors(res, 400, &errs);
    else if (fn(&out, req->body, req->body_len, text ? ANCRE_OUT_TEXT : ANCRE_OUT_JSON, s->params,
                readings, &errs) != 0)
        answer_errors(res, 422, &errs);
    else if (text) {
        res->status = 200;
        res->content_type = "text/plain; charset=utf-8";
        res->body = out;
        res->no_store = true;
    } else {
        http_json(res, 200, out);
    }
    ancre_readings_free(readings);
    ancre_errors_clear(&errs);
}

/* ---- dispatch -----------------------------------------------------------------------------------
 */

void routes_handle(void *ctx, const http_request *req, http_response *res) {
    server_ctx *s = ctx;
    /* French unless the client prefers English (Accept-Language), for editors */
    res->lang = ancre_lang_negotiate(http_header(req, "Accept-Language"));
    const char *p = req->path;
    if (strcmp(p, "/v1/compute") == 0) return route_compute(s, req, res);
    if (strcmp(p, "/v1/validate") == 0) return route_validate(s, req, res);
    if (strcmp(p, "/v1/whatif") == 0) return route_whatif(s, req, res);
    if (strcmp(p, "/v1/parameters") == 0) return route_parameters(s, req, NULL, res);
    if (strncmp(p, "/v1/parameters/", 15) == 0 && p[15])
        return route_parameters(s, req, p + 15, res);
    if (strcmp(p, "/v1/rules") == 0) return route_rules(s, req, res);
    if (strcmp(p, "/v1/readings") == 0) return route_readings(req, res);
    if (strcmp(p, "/v1/schema") == 0) return route_schema(req, res);
    if (strcmp(p, "/v1/health") == 0) return route_health(s, req, res);
    if (strcmp(p, "/v1/deadlines") == 0) return route_timeline(s, req, res, ancre_deadlines);
    if (strcmp(p, "/v1/procedure") == 0) return route_timeline(s, req, res, ancre_procedure);
    if (strcmp(p, "/v1/openapi.json") == 0 || strcmp(p, "/openapi.json") == 0) {
        if (method_is(req, "GET", res)) serve_asset("openapi.json", res);
        return;
    }
    static const char *const collections[] = {"centres", "declarations", "results", "ledger"};
    for (size_t i = 0; i < sizeof collections / sizeof *collections; i++) {
        size_t n = strlen(collections[i]);
        if (strncmp(p, "/v1/", 4) == 0 && strncmp(p + 4, collections[i], n) == 0 &&
            (p[4 + n] == '\0' || p[4 + n] == '/'))
            return route_store(s, req, collections[i], p[4 + n] ? p + 5 + n : "", res);
    }
    if (strncmp(p, "/v1/", 4) != 0) {
        const char *name = strcmp(p, "/") == 0 ? "index.html" : p + 1;
        if (strchr(name, '/') == NULL && strcmp(name, "openapi.json") != 0) {
            if (!method_is(req, "GET", res)) return;
            if (serve_asset(name, res)) return;
        }
    }
    http_error(res, 404, "http", "ressource inexistante : %s (voir /v1/openapi.json)", p);
}

/* HTTP status of a store error: an unknown centre, declaration or result is a 404, a malformed
 * argument a 400, a database failure (rule "store" with no expectation) a 500, the rest 422. */
static int store_status(const ancre_errors *errs) {
    if (!errs->count) return 500;
    const ancre_error *e = &errs->items[0];
    if (strstr(e->expected, "of the store") || strstr(e->expected, "stored result") ||
        strstr(e->expected, "recorded result") || strstr(e->expected, "with a declaration") ||
        strstr(e->expected, "declarations imported"))
        return 404;
    if (strncmp(e->expected, "a date", 6) == 0) return 400;
    if (strcmp(e->rule, "store") == 0 && !e->expected[0]) return 500;
    return 422;
}

/* Answers the JSON text a store function returned, or its errors. */
static void answer_store(http_response *res, char *json, const ancre_errors *errs) {
    if (json)
        http_json(res, 200, json);
    else
        answer_errors(res, store_status(errs), errs);
}

static bool parse_int(const char *text, long min, long max, long *out) {
    char *end = NULL;
    long v = text ? strtol(text, &end, 10) : 0;
    if (!text || !*text || *end || v < min || v > max) return false;
    *out = v;
    return true;
}

static void store_import(server_ctx *s, const http_request *req, http_response *res,
                         ancre_errors *errs) {
    bool lines;
    if (!json_body(req, res, &lines)) return;
    const char *skip = http_query(req, "skip_bad");
    const char *origin = http_query(req, "origin");
    int flags = skip && strcmp(skip, "1") == 0 ? ANCRE_STORE_IMPORT_SKIP_BAD : 0;
    ancre_store_import_report rep;
    int rc = ancre_store_import(s->store, req->body, req->body_len, origin ? origin : "http",
                                s->params, flags, &rep, errs);
    json_t *doc = rc == 0 ? json_object() : errors_to_json(errs);
    json_t *report = json_object();
    json_object_set_new(report, "records", json_integer((json_int_t)rep.records));
    json_object_set_new(report, "imported", json_integer((json_int_t)rep.imported));
    json_object_set_new(report, "unchanged", json_integer((json_int_t)rep.unchanged));
    json_object_set_new(report, "rejected", json_integer((json_int_t)rep.rejected));
    json_object_set_new(report, "written", json_boolean(rep.written));
    if (rc == 0) json_object_set_new(doc, "ok", json_true());
    json_object_set_new(doc, "report", report);
    answer_json(res, rc == 0 ? 200 : (rep.rejected ? 422 : store_status(errs)), doc);
}

static void store_record(server_ctx *s, const http_request *req, http_response *res,
                         ancre_errors *errs) {
    json_error_t jerr;
    json_t *body = json_loadb(req->body, req->body_len, 0, &jerr);
    json_t *year = json_object_get(body, "year"), *finess = json_object_get(body, "finess");
    json_t *all = json_object_get(body, "all_or_nothing");
    if (!json_is_integer(year) || (finess && !json_is_string(finess)) ||
        (all && !json_is_boolean(all))) {
        http_error(res, 400, body ? "http" : "json",
                   "attendu : {\"year\": AAAA, \"finess\": \"...\" (facultatif), "
                   "\"all_or_nothing\": false (facultatif)}");
        json_decref(body);
        return;
    }
    ancre_readings *readings = query_readings(req, errs);
    if (errs->count) {
        answer_errors(res, 400, errs);
    } else {
        ancre_store_record_report rep;
        int rc = ancre_store_record(
            s->store, (int)json_integer_value(year), finess ? json_string_value(finess) : NULL,
            s->paramset, readings, json_is_true(all) ? ANCRE_STORE_RECORD_ALL_OR_NOTHING : 0, &rep,
            errs);
        json_t *doc = rc == 0 ? json_object() : errors_to_json(errs);
        json_t *report = json_object();
        json_object_set_new(report, "centres", json_integer((json_int_t)rep.centres));
        json_object_set_new(report, "recorded", json_integer((json_int_t)rep.recorded));
        json_object_set_new(report, "failed", json_integer((json_int_t)rep.failed));
        json_object_set_new(report, "written", json_boolean(rep.written));
        if (rc == 0) json_object_set_new(doc, "ok", json_true());
        json_object_set_new(doc, "report", report);
        answer_json(res, rc == 0 ? 200 : (rep.failed ? 422 : store_status(errs)), doc);
    }
    ancre_readings_free(readings);
    json_decref(body);
}

static void store_payments(http_response *res, int rc, ancre_store_payments *list,
                           const ancre_errors *errs) {
    if (rc == 0)
        http_json(res, 200, ancre_store_payments_json(list));
    else
        answer_errors(res, store_status(errs), errs);
    ancre_store_payments_free(list);
}

/* /v1/centres[/FINESS], /v1/declarations[/FINESS/YEAR], /v1/results[/ID[/reproduce]],
 * /v1/ledger[/FINESS]: rest is what follows the collection name and its slash. */
static void store_dispatch(server_ctx *s, const http_request *req, const char *collection,
                           const char *rest, http_response *res, ancre_errors *errs) {
    bool post = strcmp(req->method, "POST") == 0;
    char a[64] = "", b[64] = "";
    const char *slash = strchr(rest, '/');
    if (strlen(rest) >= sizeof a) {
        http_error(res, 404, "http", "ressource inexistante : %s", req->path);
        return;
    }
    if (slash) {
        snprintf(a, sizeof a, "%.*s", (int)(slash - rest), rest);
        snprintf(b, sizeof b, "%s", slash + 1);
    } else {
        snprintf(a, sizeof a, "%s", rest);
    }
    long n;
    if (strcmp(collection, "centres") == 0 && !b[0]) {
        if (!method_is(req, "GET", res)) return;
        answer_store(res,
                     a[0] ? ancre_store_centre_json(s->store, a, errs)
                          : ancre_store_centres_json(s->store, errs),
                     errs);
    } else if (strcmp(collection, "declarations") == 0 && !a[0]) {
        if (method_is(req, "POST", res) && authorized(s, req, res)) store_import(s, req, res, errs);
    } else if (strcmp(collection, "declarations") == 0 && b[0]) {
        if (!method_is(req, "GET", res)) return;
        if (!parse_int(b, 1900, 9999, &n))
            http_error(res, 400, "http", "year : AAAA attendu, reçu « %s »", b);
        else
            answer_store(res, ancre_store_declaration_json(s->store, a, (int)n, errs), errs);
    } else if (strcmp(collection, "results") == 0 && !a[0] && post) {
        if (authorized(s, req, res)) store_record(s, req, res, errs);
    } else if (strcmp(collection, "results") == 0 && !a[0]) {
        if (!method_is(req, "GET", res)) return;
        const char *finess = http_query(req, "finess");
        if (!finess || !parse_int(http_query(req, "year"), 1900, 9999, &n))
            http_error(res, 400, "http", "attendu : ?finess=FINESS&year=AAAA (ou /v1/results/ID)");
        else
            answer_store(res, ancre_store_result_json(s->store, 0, finess, (int)n, errs), errs);
    } else if (strcmp(collection, "results") == 0 && (!b[0] || strcmp(b, "reproduce") == 0)) {
        if (!method_is(req, "GET", res)) return;
        if (!parse_int(a, 1, 0x7fffffffL, &n)) {
            http_error(res, 400, "http",
                       "identifiant de résultat : un entier positif est attendu, reçu « %s »", a);
        } else if (!b[0]) {
            answer_store(res, ancre_store_result_json(s->store, n, NULL, 0, errs), errs);
        } else {
            bool same = false;
            char *again = NULL;
            if (ancre_store_reproduce(s->store, n, &same, &again, errs) != 0) {
                answer_errors(res, store_status(errs), errs);
            } else {
                json_t *o = json_object();
                json_object_set_new(o, "id", json_integer(n));
                json_object_set_new(o, "same", json_boolean(same));
                json_t *doc = again ? json_loads(again, JSON_PRESERVE_ORDER, NULL) : NULL;
                json_object_set_new(o, "recomputed", doc ? doc : json_null());
                answer_json(res, 200, o);
            }
            free(again);
        }
    } else if (strcmp(collection, "ledger") == 0 && !b[0]) {
        if (!method_is(req, "GET", res)) return;
        ancre_store_payments list = {0};
        int rc = a[0] ? ancre_store_ledger(s->store, a, &list, errs)
                      : ancre_store_calendar(s->store, http_query(req, "after"), &list, errs);
        store_payments(res, rc, &list, errs);
    } else {
        http_error(res, 404, "http", "ressource inexistante : %s (voir /v1/openapi.json)",
                   req->path);
    }
}

static void route_store(server_ctx *s, const http_request *req, const char *collection,
                        const char *rest, http_response *res) {
    if (!s->store) {
        http_error(res, 503, "store", "aucun entrepôt : lancez le serveur avec --db CHEMIN");
        return;
    }
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, res->lang);
    /* one connection: one request at a time on it */
    pthread_mutex_lock(&s->store_lock);
    store_dispatch(s, req, collection, rest, res, &errs);
    pthread_mutex_unlock(&s->store_lock);
    ancre_errors_clear(&errs);
}
