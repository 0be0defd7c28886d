/* ancre — command-line tool over libancre.
 *
 * Exit codes: 0 success; 1 invalid input or a declaration that could not be computed (in batch:
 * at least one bad line); 2 wrong usage or unreadable file. */
#include "ancre/ancre.h"
#include "cmd_store.h"
#include "cli.h"
#include "options.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_errors(const ancre_errors *errs, bool json, FILE *out) {
    if (json) {
        char *s = ancre_errors_to_json(errs, 0, 0);
        fprintf(out, "%s\n", s);
        free(s);
        return;
    }
    for (size_t i = 0; i < errs->count; i++) {
        const ancre_error *e = &errs->items[i];
        fprintf(out, cli_tr("erreur : %s"), e->message);
        if (e->rule[0] || e->expected[0]) {
            fprintf(out, " [");
            if (e->rule[0]) fprintf(out, cli_tr("règle : %s"), e->rule);
            if (e->expected[0])
                fprintf(out, cli_tr("%sattendu : %s"), e->rule[0] ? cli_tr(" ; ") : "",
                        e->expected);
            fprintf(out, "]");
        }
        fprintf(out, "\n");
    }
    if (errs->count == 1)
        fprintf(out, "%s", cli_tr("1 erreur\n"));
    else
        fprintf(out, cli_tr("%zu erreurs\n"), errs->count);
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

/* Computes one declaration; prints the result or the errors.  Returns 0 or 1. */
static int compute_one(const char *text, size_t len, const ancre_params *params,
                       const ancre_readings *readings, const cli_opts *o, int verbose) {
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
                printf("%s%s\n", o->json ? "" : cli_tr("\nSensibilité aux lectures du texte :\n"),
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

static int print_params(const cli_opts *o, const ancre_params *params) {
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
        if (json_array_size(vals) == 0) printf(cli_tr("    pas en vigueur le %s\n"), o->date);
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

static int cmd_readings(const cli_opts *o) {
    (void)o;
    char *s = ancre_readings_catalogue_json();
    printf("%s\n", s);
    free(s);
    return 0;
}

static int cmd_schema(const cli_opts *o) {
    if (o->csv) {
        char *c = ancre_csv_schema_markdown();
        if (!c) return 1;
        fputs(c, stdout);
        free(c);
        return 0;
    }
    char *s = ancre_schema_markdown();
    printf("| field | type | required | range | article | meaning "
           "|\n|---|---|---|---|---|---|\n%s",
           s);
    free(s);
    return 0;
}

static int cmd_params(const cli_opts *o) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_params *params = cli_load_params(o, &errs);
    if (!params) {
        print_errors(&errs, false, stderr);
        ancre_errors_clear(&errs);
        return 2;
    }
    int rc = print_params(o, params);
    ancre_params_free(params);
    return rc;
}

static cli_out_format out_format(const char *name) {
    return strcmp(name, "csv") == 0     ? CLI_OUT_CSV
           : strcmp(name, "tsv") == 0   ? CLI_OUT_TSV
           : strcmp(name, "jsonl") == 0 ? CLI_OUT_JSONL
                                        : CLI_OUT_FULL;
}

/* compute, explain, batch, validate and contract: one declaration, contract document or JSON
 * Lines batch read from FILE. */
static int cmd_declaration(const cli_opts *o) {
    const cli_command *cmd = cli_find_command(o->command);
    if (!o->file)
        return cli_usage_error(cmd, cli_tr("il faut un FICHIER (ou - pour l'entrée standard)"));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_params *params = cli_load_params(o, &errs);
    if (!params) {
        print_errors(&errs, false, stderr);
        ancre_errors_clear(&errs);
        return 2;
    }
    int rc = 2;
    ancre_readings *readings = ancre_readings_new();
    for (int i = 0; i < o->nreadings; i++)
        ancre_readings_set_assignment(readings, o->reading_args[i], &errs);
    size_t len = 0;
    char *text = errs.count ? NULL : read_all(o->file, &len);
    if (errs.count) {
        print_errors(&errs, false, stderr);
        rc = 1;
    } else if (!text) {
        fprintf(stderr, cli_tr("ancre : impossible de lire %s\n"), o->file);
    } else if (strcmp(o->command, "contract") == 0) {
        rc = cmd_contract(o->file, text, len, params, readings, o->json);
    } else if (strcmp(o->command, "validate") == 0) {
        ancre_decl *d = NULL;
        if ((is_contract_document(text, len)
                 ? ancre_contract_parse_json(&d, text, len, params, &errs)
                 : ancre_decl_parse_json(&d, text, len, params, &errs)) == 0) {
            if (o->json)
                printf("{\"ok\": true}\n");
            else
                printf(cli_tr("%s : déclaration valide\n"), o->file);
            rc = 0;
        } else {
            print_errors(&errs, o->json, o->json ? stdout : stderr);
            rc = 1;
        }
        ancre_decl_free(d);
    } else if (cli_is_csv(o->file, text, len) || strcmp(o->command, "batch") == 0 ||
               cli_is_jsonl(o->file, text, len) || (o->format && strcmp(o->format, "full"))) {
        bool csv = cli_is_csv(o->file, text, len);
        cli_batch_opts bo = {.format = csv ? CLI_OUT_CSV : CLI_OUT_FULL, .quiet = o->quiet};
        if (o->format) bo.format = out_format(o->format);
        /* a single JSON declaration (over several lines) asked as a table is one record */
        if (!csv && strcmp(o->command, "batch") != 0 && !cli_is_jsonl(o->file, text, len)) {
            json_t *doc = json_loadb(text, len, 0, NULL);
            char *one = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
            json_decref(doc);
            if (one) {
                free(text);
                text = one;
                len = strlen(one);
            }
        }
        rc = cli_batch(text, len, csv, params, readings, compute_record, "calculés", &bo);
    } else {
        rc = compute_one(text, len, params, readings, o, strcmp(o->command, "explain") == 0);
    }
    free(text);
    ancre_errors_clear(&errs);
    ancre_readings_free(readings);
    ancre_params_free(params);
    return rc;
}

/* ancre template --csv: the header of an empty CSV declaration file (docs/declaration-csv.md) */
static int cmd_template(const cli_opts *o) {
    if (!o->csv)
        return cli_usage_error(cli_find_command(o->command),
                               cli_tr("le modèle est celui d'un fichier CSV : ancre template "
                                      "--csv"));
    char *h = ancre_csv_header(';');
    if (!h) return 1;
    fputs(h, stdout);
    free(h);
    return 0;
}

static int cmd_help(const cli_opts *o) {
    if (!o->file) {
        cli_usage(stdout, NULL);
        return 0;
    }
    const cli_command *cmd = cli_find_command(o->file);
    if (!cmd) {
        fprintf(stderr, cli_tr("ancre : commande inconnue %s\n\n"), o->file);
        cli_usage(stderr, NULL);
        return 2;
    }
    if (cmd->run_argv) {
        char *argv[] = {(char *)cmd->name, "--help", NULL};
        return cmd->run_argv(2, argv);
    }
    cli_usage(stdout, cmd);
    return 0;
}

#define STORE_DETAILS "  (docs/store.md)\n"

/* The commands of the tool: adding a command is adding its row. */
const cli_command cli_commands[] = {
    {"compute", cmd_declaration, NULL, CLI_G_COMPUTE | CLI_G_TABLE, "FICHIER|-",
     "calcule une déclaration (JSON) ou un lot (JSON Lines, CSV) et en affiche le détail", NULL},
    {"explain", cmd_declaration, NULL, CLI_G_COMPUTE, "FICHIER|-",
     "le détail du calcul avec les entrées, paramètres et lectures de chaque ligne", NULL},
    {"batch", cmd_declaration, NULL, CLI_G_COMPUTE | CLI_G_TABLE, "FICHIER|-",
     "calcule un lot (JSON Lines ou CSV) : un résultat ou des erreurs par enregistrement", NULL},
    {"validate", cmd_declaration, NULL, CLI_G_COMPUTE, "FICHIER|-",
     "vérifie une déclaration et liste toutes ses erreurs, sans rien calculer", NULL},
    {"contract", cmd_declaration, NULL, CLI_G_COMPUTE, "FICHIER|-",
     "l'échéancier daté des contrats et aides d'un centre (Art. 19)", NULL},
    {"deadlines", cmd_deadlines, NULL, CLI_G_COMPUTE, "FICHIER|-",
     "les délais des échanges d'un centre avec la caisse (Titre 3, Annexe 7, Art. 17-18) : "
     "échéances au calendrier des jours fériés, respectées ou non, et leurs suites",
     "  un document {\"ancre_deadlines\": 1, \"calendar\": ..., \"events\": [...]} "
     "(docs/procedures.md)\n"},
    {"procedure", cmd_procedure, NULL, CLI_G_COMPUTE, "FICHIER|-",
     "l'état d'une procédure du Titre 4 (adhésion, sanction, procédure exceptionnelle, "
     "commission) : échéances, prochaine échéance et décisions possibles",
     "  un document {\"ancre_procedure\": 1, \"procedure\": ..., \"calendar\": ...} "
     "(docs/procedures.md)\n"},
    {"params", cmd_params, NULL, CLI_G_PARAMS, "[ID]",
     "les paramètres avec leurs valeurs, dates d'effet et citations", NULL},
    {"readings", cmd_readings, NULL, CLI_G_INFO, "",
     "les lectures des passages ambigus du texte et leurs variantes (JSON)", NULL},
    {"schema", cmd_schema, NULL, CLI_G_INFO, "", "les champs de la déclaration (Markdown)", NULL},
    {"template", cmd_template, NULL, CLI_G_TEMPLATE, "",
     "l'en-tête d'un fichier CSV de déclarations vide, à remplir (--csv)",
     "  une ligne par centre et par année, une colonne par champ (docs/declaration-csv.md)\n"},
    {"roster", cmd_roster, NULL, CLI_G_ROSTER, "FICHIER|-",
     "une liste de patients (CSV) en effectifs et forfait médecin traitant par centre",
     "  une ligne CSV par patient : centre_id,patient_key,birth_date,ald,css,mt_start,mt_end\n"
     "  (docs/roster.md) ; --year est obligatoire\n"},
    {"import", cmd_store, NULL, CLI_G_STORE, "FICHIER|-",
     "importe des déclarations (JSON ou JSON Lines) dans la base", STORE_DETAILS},
    {"record", cmd_store, NULL, CLI_G_STORE, "",
     "calcule et enregistre une année (--year), d'un centre (--finess) ou de tous", STORE_DETAILS},
    {"ledger", cmd_store, NULL, CLI_G_STORE, "",
     "le grand livre des paiements d'un centre (--finess)", STORE_DETAILS},
    {"calendar", cmd_store, NULL, CLI_G_STORE, "", "les paiements dus après une date (--after)",
     STORE_DETAILS},
    {"centres", cmd_store, NULL, CLI_G_STORE, "",
     "les centres de la base, ou un centre avec ses déclarations et résultats (--finess)",
     STORE_DETAILS},
    {"declaration", cmd_store, NULL, CLI_G_STORE, "",
     "la dernière déclaration enregistrée d'un centre pour une année (--finess, --year)",
     STORE_DETAILS},
    {"result", cmd_store, NULL, CLI_G_STORE, "",
     "un résultat enregistré avec sa provenance (--id, ou --finess et --year)", STORE_DETAILS},
    {"reproduce", cmd_store, NULL, CLI_G_STORE, "",
     "recalcule un résultat enregistré à partir de ce qui a été enregistré", STORE_DETAILS},
    {"serve", NULL, cmd_serve, 0, "", "l'API HTTP et le simulateur web", NULL},
    {"report", cmd_report, NULL, CLI_G_REPORT, "FICHIER|-",
     "totaux et répartitions d'un lot de centres : par type, par département, prérequis, lignes",
     "  en texte, en CSV ou en page HTML avec graphiques (--format text|csv|html)\n"},
    {"help", cmd_help, NULL, 0, "[COMMANDE]", "l'usage de l'outil ou d'une commande", NULL},
    {NULL, NULL, NULL, 0, NULL, NULL, NULL},
};

/* --lang LANG (any command): the language of messages and breakdowns, French by default */
const char *cli_lang = NULL;

int main(int argc, char **argv) {
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
    if (argc < 2) {
        cli_usage(stderr, NULL);
        return 2;
    }
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        cli_usage(stdout, NULL);
        return 0;
    }
    if (strcmp(first, "--version") == 0) {
        printf("ancre %s\n", ANCRE_VERSION);
        return 0;
    }
    const cli_command *cmd = cli_find_command(first);
    if (!cmd) {
        fprintf(stderr,
                first[0] == '-' ? cli_tr("ancre : option inconnue %s\n\n")
                                : cli_tr("ancre : commande inconnue %s\n\n"),
                first);
        cli_usage(stderr, NULL);
        return 2;
    }
    if (cmd->run_argv) return cmd->run_argv(argc - 1, argv + 1);
    cli_opts o;
    if (cli_parse(argc - 1, argv + 1, cmd, &o) != 0) return 2;
    if (o.help) {
        cli_usage(stdout, cmd);
        return 0;
    }
    return cmd->run(&o);
}
