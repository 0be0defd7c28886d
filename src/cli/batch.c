/* Batches, shared by the commands that compute one record per line of JSON Lines or per row of
 * a CSV declaration file: each record gives one result or {"line": N, "ok": false, "errors":
 * [...]}, in input order; a bad record does not stop the others.  The output is the full result
 * document of each record (JSON Lines), or one table row per record (--format csv|tsv|jsonl,
 * src/cli/table.c). */
#include "cli.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

bool cli_is_csv(const char *path, const char *text, size_t len) {
    if (ends_with(path, ".csv") || ends_with(path, ".tsv")) return true;
    if (ends_with(path, ".json") || ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
        return false;
    /* standard input or another name: JSON starts with '{', a CSV with its header */
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    return i < len && text[i] != '{' && text[i] != '[';
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

/* The records of a batch, one at a time: the lines of JSON Lines, or the rows of a CSV. */
typedef struct {
    char *p, *end; /* JSON Lines: what is left */
    size_t lineno;
    ancre_csv *csv; /* or the CSV */
    size_t row;
    char *row_json;
} source;

static size_t count_records(const source *s) {
    if (s->csv) return ancre_csv_rows(s->csv);
    size_t n = 0;
    for (const char *q = s->p; q < s->end; q++)
        n += *q == '\n';
    return n + (s->end > s->p && s->end[-1] != '\n');
}

/* 1: a record in text/len, numbered *line; 0: no more; -1: a record that cannot be read, with
 * its errors. */
static int next_record(source *s, const char **text, size_t *len, size_t *line,
                       ancre_errors *errs) {
    if (s->csv) {
        free(s->row_json);
        s->row_json = NULL;
        if (s->row == ancre_csv_rows(s->csv)) return 0;
        int rc = ancre_csv_row_json(s->csv, s->row++, &s->row_json, line, errs);
        if (rc != 0) return -1;
        *text = s->row_json;
        *len = strlen(s->row_json);
        return 1;
    }
    while (s->p < s->end) {
        char *nl = memchr(s->p, '\n', (size_t)(s->end - s->p));
        size_t l = nl ? (size_t)(nl - s->p) : (size_t)(s->end - s->p);
        char *start = s->p;
        s->p = nl ? nl + 1 : s->end;
        s->lineno++;
        size_t k = 0;
        while (k < l && (start[k] == ' ' || start[k] == '\t' || start[k] == '\r'))
            k++;
        if (k == l) continue;
        *text = start;
        *len = l;
        *line = s->lineno;
        return 1;
    }
    return 0;
}

int cli_batch(char *text, size_t len, bool csv, const ancre_params *params,
              const ancre_readings *readings, cli_record_fn compute, const char *verb,
              const cli_batch_opts *bo) {
    static const cli_batch_opts defaults = {.format = CLI_OUT_FULL};
    if (!bo) bo = &defaults;
    source s = {text, text + len, 0, NULL, 0, NULL};
    if (csv) {
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        if (ancre_csv_open(&s.csv, text, len, &errs) != 0) {
            print_errors(&errs, false, stderr);
            ancre_errors_clear(&errs);
            return 1;
        }
    }
    cli_table *table =
        bo->format == CLI_OUT_FULL || bo->sink ? NULL : cli_table_new(bo->format, stdout);
    cli_progress progress;
    cli_progress_start(&progress, count_records(&s), bo->quiet);
    size_t failed = 0, done = 0;
    for (;;) {
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        const char *rec = NULL;
        size_t rlen = 0, lineno = 0;
        int got = next_record(&s, &rec, &rlen, &lineno, &errs);
        if (got == 0) {
            ancre_errors_clear(&errs);
            break;
        }
        done++;
        ancre_result *r = NULL;
        if (got == 1 && compute(&r, rec, rlen, params, readings, &errs) == 0) {
            if (bo->sink) {
                bo->sink(bo->ctx, lineno, r, NULL);
            } else if (table) {
                cli_table_result(table, lineno, r);
            } else {
                char *out = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
                printf("%s\n", out);
                free(out);
            }
        } else {
            failed++;
            if (bo->sink)
                bo->sink(bo->ctx, lineno, NULL, &errs);
            else if (table)
                cli_table_errors(table, lineno, rec, rlen, &errs);
            else
                print_error_record(lineno, &errs);
        }
        ancre_result_free(r);
        ancre_errors_clear(&errs);
        cli_progress_step(&progress, done);
    }
    cli_progress_end(&progress);
    cli_table_free(table);
    free(s.row_json);
    ancre_csv_free(s.csv);
    /* verb: the French past participle of what was done ("calculés") */
    fprintf(stderr, ancre_tr(cli_lang, "ancre : %zu enregistrements, %zu %s, %zu en erreur\n"),
            done, done - failed, ancre_tr(cli_lang, verb), failed);
    return failed ? 1 : 0;
}
