/* JSON Lines batches, shared by the commands that compute one record per line: each line gives
 * one compact result or {"line": N, "ok": false, "errors": [...]}, in input order; a bad line
 * does not stop the others. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

bool cli_is_jsonl(const char *path, const char *text, size_t len) {
    size_t n = strlen(path);
    if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
        (n > 7 && strcmp(path + n - 7, ".ndjson") == 0))
        return true;
    json_error_t jerr;
    json_t *whole = json_loadb(text, len, 0, &jerr);
    if (whole) {
        json_decref(whole);
        return false;
    }
    /* several documents, one per line */
    return memchr(text, '\n', len) && strstr(jerr.text, "end of file expected") != NULL;
}

static void print_error_record(size_t lineno, const ancre_errors *errs) {
    json_t *rec = json_object(), *list = json_array();
    json_object_set_new(rec, "line", json_integer((json_int_t)lineno));
    json_object_set_new(rec, "ok", json_false());
    for (size_t i = 0; i < errs->count; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(errs->items[i].path));
        json_object_set_new(o, "rule", json_string(errs->items[i].rule));
        json_object_set_new(o, "expected", json_string(errs->items[i].expected));
        json_object_set_new(o, "message", json_string(errs->items[i].message));
        json_array_append_new(list, o);
    }
    json_object_set_new(rec, "errors", list);
    char *out = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
    printf("%s\n", out);
    free(out);
    json_decref(rec);
}

int cli_batch(char *text, size_t len, const ancre_params *params, const ancre_readings *readings,
              cli_record_fn compute, const char *verb) {
    size_t lineno = 0, failed = 0, done = 0;
    char *p = text, *end = text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *line = p;
        p = nl ? nl + 1 : end;
        lineno++;
        size_t k = 0;
        while (k < l && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == l) continue;
        done++;
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        ancre_result *r = NULL;
        if (compute(&r, line, l, params, readings, &errs) == 0) {
            char *out = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
            printf("%s\n", out);
            free(out);
        } else {
            failed++;
            print_error_record(lineno, &errs);
        }
        ancre_result_free(r);
        ancre_errors_clear(&errs);
    }
    /* verb: the French past participle of what was done ("calculés") */
    fprintf(stderr, ancre_tr(cli_lang, "ancre : %zu enregistrements, %zu %s, %zu en erreur\n"),
            done, done - failed, ancre_tr(cli_lang, verb), failed);
    return failed ? 1 : 0;
}
