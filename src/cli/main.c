/* ancre — command-line tool over libancre.
 *
 * Exit codes: 0 success; 1 invalid input or a declaration that could not be computed (in batch:
 * at least one bad line); 2 wrong usage or unreadable file. */
#include "ancre/ancre.h"
#include "cmd_store.h"
#include "cli.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *usage_text =
    "usage: ancre COMMAND [options] [FILE]\n"
    "\n"
    "commands:\n"
    "  compute FILE|-     compute a declaration (JSON) or a batch (JSON Lines) and print the\n"
    "                     breakdown; --json for the JSON document, one line per record in batch\n"
    "  explain FILE|-     the breakdown with every line's inputs, parameters and readings\n"
    "  batch FILE|-       compute a JSON Lines file: one result or error record per line\n"
    "  validate FILE|-    check a declaration, list every error, compute nothing\n"
    "  params [ID]        parameters with their values, dates of effect and citations\n"
    "  readings           the readings of ambiguous passages and their alternatives\n"
    "  schema             the declaration fields (Markdown)\n"
    "  import, record, ledger, calendar, centres, declaration, result, reproduce\n"
    "                     the store of centres, declarations, results and payments\n"
    "                     (ancre import --help; docs/store.md)\n"
    "  roster FILE|-      patient-level roster (CSV) to counts and FPMT per centre; --year YYYY\n"
    "  contract FILE|-    the dated schedule of a centre's contracts and aids (Art. 19):\n"
    "                     payments, recoveries and decisions; --json for the JSON document\n"
    "  serve              the HTTP API and the web simulator (ancre serve --help)\n"
    "\n"
    "options:\n"
    "  --json             JSON output\n"
    "  --params FILE      load a parameter file after the built-in ones (repeatable)\n"
    "  --reading ID=VALUE choose a reading of an ambiguous passage (repeatable)\n"
    "  --sensitivity      also show the total under each alternative reading that changes it\n"
    "  --date YYYY-MM-DD  (params) only the values in force at that date\n"
    "  --version          print the version\n";

/* --lang LANG (any command): the language of messages and breakdowns, French by default */
const char *cli_lang = NULL;

typedef struct {
    const char *command;
    const char *file;
    const char *date;
    bool json, sensitivity, batch;
    const char *param_files[32];
    int nparam_files;
    const char *reading_args[64];
    int nreadings;
} options;

void print_errors(const ancre_errors *errs, bool json, FILE *out) {
    if (json) {
        json_t *root = json_object(), *list = json_array();
        for (size_t i = 0; i < errs->count; i++) {
            json_t *o = json_object();
            json_object_set_new(o, "path", json_string(errs->items[i].path));
            json_object_set_new(o, "rule", json_string(errs->items[i].rule));
            json_object_set_new(o, "expected", json_string(errs->items[i].expected));
            json_object_set_new(o, "message", json_string(errs->items[i].message));
            json_array_append_new(list, o);
        }
        json_object_set_new(root, "ok", json_false());
        json_object_set_new(root, "errors", list);
        char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fprintf(out, "%s\n", s);
        free(s);
        json_decref(root);
        return;
    }
    for (size_t i = 0; i < errs->count; i++) {
        const ancre_error *e = &errs->items[i];
        fprintf(out, ancre_tr(cli_lang, "erreur : %s"), e->message);
        if (e->rule[0] || e->expected[0]) {
            fprintf(out, " [");
            if (e->rule[0]) fprintf(out, ancre_tr(cli_lang, "règle : %s"), e->rule);
            if (e->expected[0])
                fprintf(out, ancre_tr(cli_lang, "%sattendu : %s"), e->rule[0] ? " ; " : "",
                        e->expected);
            fprintf(out, "]");
        }
        fprintf(out, "\n");
    }
    if (errs->count == 1)
        fprintf(out, "%s", ancre_tr(cli_lang, "1 erreur\n"));
    else
        fprintf(out, ancre_tr(cli_lang, "%zu erreurs\n"), errs->count);
}

char *read_all(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            cap *= 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    if (f != stdin) fclose(f);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

static int parse_args(int argc, char **argv, options *o) {
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0)
            o->json = true;
        else if (strcmp(a, "--sensitivity") == 0)
            o->sensitivity = true;
        else if (strcmp(a, "--params") == 0 && i + 1 < argc && o->nparam_files < 32)
            o->param_files[o->nparam_files++] = argv[++i];
        else if (strcmp(a, "--reading") == 0 && i + 1 < argc && o->nreadings < 64)
            o->reading_args[o->nreadings++] = argv[++i];
        else if (strcmp(a, "--date") == 0 && i + 1 < argc)
            o->date = argv[++i];
        else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, ancre_tr(cli_lang, "ancre : option inconnue ou incomplète %s\n\n%s"), a,
                    usage_text);
            return -1;
        } else if (!o->command)
            o->command = a;
        else if (!o->file)
            o->file = a;
        else {
            fprintf(stderr, ancre_tr(cli_lang, "ancre : argument inattendu %s\n\n%s"), a,
                    usage_text);
            return -1;
        }
    }
    return 0;
}

static ancre_params *load_params(const options *o, ancre_errors *errs) {
    ancre_params *p = ancre_params_new();
    ancre_params_load_defaults(p, errs);
    for (int i = 0; i < o->nparam_files; i++) {
        size_t len;
        char *text = read_all(o->param_files[i], &len);
        if (!text) {
            fprintf(stderr,
                    ancre_tr(cli_lang, "ancre : impossible de lire le fichier de paramètres %s\n"),
                    o->param_files[i]);
            ancre_params_free(p);
            return NULL;
        }
        ancre_params_load_json(p, text, len, o->param_files[i], errs);
        free(text);
    }
    if (errs->count) {
        ancre_params_free(p);
        return NULL;
    }
    return p;
}

/* Computes one declaration; prints the result or the errors.  Returns 0 or 1. */
static int compute_one(const char *text, size_t len, const ancre_params *params,
                       const ancre_readings *readings, const options *o, int verbose) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    int rc = 1;
    if (ancre_decl_parse_json(&d, text, len, params, &errs) == 0 &&
        ancre_compute(&r, d, params, readings, &errs) == 0) {
        char *out = o->json ? ancre_result_to_json(r, 0) : ancre_result_to_text(r, verbose);
        fputs(out, stdout);
        if (o->json) fputc('\n', stdout);
        free(out);
        if (o->sensitivity) {
            char *s = ancre_sensitivity_json(d, params, readings, &errs);
            if (s) {
                printf("%s%s\n",
                       o->json ? "" : ancre_tr(cli_lang, "\nSensibilité aux lectures du texte :\n"),
                       s);
                free(s);
            }
        }
        rc = 0;
    } else {
        print_errors(&errs, o->json, o->json ? stdout : stderr);
    }
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    return rc;
}

/* One declaration of a batch: validated, then computed. */
static int compute_record(ancre_result **out, const char *text, size_t len,
                          const ancre_params *params, const ancre_readings *readings,
                          ancre_errors *errs) {
    ancre_decl *d = NULL;
    int rc = ancre_decl_parse_json(&d, text, len, params, errs);
    if (rc == 0) rc = ancre_compute(out, d, params, readings, errs);
    ancre_decl_free(d);
    return rc;
}

static int cmd_params(const options *o, const ancre_params *params) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    char *s = ancre_params_to_json(params, o->file, o->date, &errs);
    if (!s) {
        print_errors(&errs, o->json, stderr);
        ancre_errors_clear(&errs);
        return 1;
    }
    if (o->json) {
        printf("%s\n", s);
        free(s);
        return 0;
    }
    json_t *list = json_loads(s, 0, NULL);
    free(s);
    size_t i;
    json_t *p;
    json_array_foreach (list, i, p) {
        const char *label = json_string_value(json_object_get(p, "label"));
        printf("%s  (%s)%s%s\n", json_string_value(json_object_get(p, "id")),
               json_string_value(json_object_get(p, "unit")), label ? "  " : "",
               label ? label : "");
        json_t *vals = json_object_get(p, "values");
        if (json_array_size(vals) == 0)
            printf(ancre_tr(cli_lang, "    pas en vigueur le %s\n"), o->date);
        size_t k;
        json_t *v;
        json_array_foreach (vals, k, v) {
            json_t *val = json_object_get(v, "value"), *to = json_object_get(v, "to");
            json_t *c = json_object_get(v, "cite");
            char *vs = json_dumps(val, JSON_ENCODE_ANY);
            printf("    %s .. %-10s  %-12s %s %s l.%lld",
                   json_string_value(json_object_get(v, "from")),
                   json_is_null(to) ? "" : json_string_value(to), vs,
                   json_string_value(json_object_get(c, "article")) ?: "",
                   json_string_value(json_object_get(c, "doc")) ?: "",
                   (long long)json_integer_value(json_object_get(c, "line")));
            const char *quote = json_string_value(json_object_get(c, "quote"));
            if (quote) printf("  « %s »", quote);
            printf("\n");
            free(vs);
        }
    }
    json_decref(list);
    return 0;
}

int main(int argc, char **argv) {
    options o;
    /* --lang LANG is taken out of the arguments before any command reads them */
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--lang") != 0) continue;
        ancre_errors probe;
        ancre_errors_init(&probe);
        if (ancre_errors_set_lang(&probe, argv[i + 1]) != 0) {
            fprintf(stderr, "ancre : --lang %s : langue inconnue (fr ou en)\n", argv[i + 1]);
            return 2;
        }
        cli_lang = probe.lang;
        for (int k = i; k + 2 <= argc; k++)
            argv[k] = argv[k + 2];
        argc -= 2;
        i--;
    }
    if (argc >= 2 && strcmp(argv[1], "serve") == 0) return cmd_serve(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("ancre %s\n", ANCRE_VERSION);
        return 0;
    }
    if (argc >= 2 && cmd_store_handles(argv[1])) {
        if (argc >= 3 && strcmp(argv[2], "--help") == 0) {
            fputs(cmd_store_usage(), stdout);
            return 0;
        }
        return cmd_store(argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "roster") == 0) return cmd_roster(argc - 1, argv + 1);
    if (parse_args(argc, argv, &o) != 0) return 2;
    if (!o.command || strcmp(o.command, "help") == 0) {
        fputs(usage_text, o.command ? stdout : stderr);
        return o.command ? 0 : 2;
    }
    if (strcmp(o.command, "readings") == 0) {
        char *s = ancre_readings_catalogue_json();
        printf("%s\n", s);
        free(s);
        return 0;
    }
    if (strcmp(o.command, "schema") == 0) {
        char *s = ancre_schema_markdown();
        printf("| field | type | required | range | article | meaning "
               "|\n|---|---|---|---|---|---|\n%s",
               s);
        free(s);
        return 0;
    }
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_params *params = load_params(&o, &errs);
    if (!params) {
        print_errors(&errs, false, stderr);
        ancre_errors_clear(&errs);
        return 2;
    }
    int rc = 2;
    if (strcmp(o.command, "params") == 0) {
        rc = cmd_params(&o, params);
        ancre_params_free(params);
        return rc;
    }
    bool known = strcmp(o.command, "compute") == 0 || strcmp(o.command, "explain") == 0 ||
                 strcmp(o.command, "batch") == 0 || strcmp(o.command, "validate") == 0 ||
                 strcmp(o.command, "contract") == 0;
    if (!known || !o.file) {
        if (known)
            fprintf(stderr,
                    ancre_tr(cli_lang,
                             "ancre : %s attend un FICHIER (ou - pour l'entrée standard)\n\n%s"),
                    o.command, usage_text);
        else
            fprintf(stderr, ancre_tr(cli_lang, "ancre : commande inconnue %s\n\n%s"), o.command,
                    usage_text);
        ancre_params_free(params);
        return 2;
    }
    ancre_readings *readings = ancre_readings_new();
    for (int i = 0; i < o.nreadings; i++)
        ancre_readings_set_assignment(readings, o.reading_args[i], &errs);
    size_t len = 0;
    char *text = errs.count ? NULL : read_all(o.file, &len);
    if (errs.count) {
        print_errors(&errs, false, stderr);
        rc = 1;
    } else if (!text) {
        fprintf(stderr, ancre_tr(cli_lang, "ancre : impossible de lire %s\n"), o.file);
    } else if (strcmp(o.command, "contract") == 0) {
        rc = cmd_contract(o.file, text, len, params, readings, o.json);
    } else if (strcmp(o.command, "validate") == 0) {
        ancre_decl *d = NULL;
        if ((is_contract_document(text, len)
                 ? ancre_contract_parse_json(&d, text, len, params, &errs)
                 : ancre_decl_parse_json(&d, text, len, params, &errs)) == 0) {
            if (o.json)
                printf("{\"ok\": true}\n");
            else
                printf(ancre_tr(cli_lang, "%s : déclaration valide\n"), o.file);
            rc = 0;
        } else {
            print_errors(&errs, o.json, o.json ? stdout : stderr);
            rc = 1;
        }
        ancre_decl_free(d);
    } else if (strcmp(o.command, "batch") == 0 || cli_is_jsonl(o.file, text, len)) {
        rc = cli_batch(text, len, params, readings, compute_record, "calculés");
    } else {
        rc = compute_one(text, len, params, readings, &o, strcmp(o.command, "explain") == 0);
    }
    free(text);
    ancre_errors_clear(&errs);
    ancre_readings_free(readings);
    ancre_params_free(params);
    return rc;
}
