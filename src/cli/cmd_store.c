/* The store commands of ancre: import, record, ledger, calendar, centres, declaration, result,
 * reproduce
 * (docs/store.md).  DB is a SQLite file path or a postgresql:// connection string.
 *
 * Exit codes: 0 success; 1 invalid records, a declaration that could not be computed, an unknown
 * centre; 2 wrong usage or an unreadable file; 3 (ANCRE_STORE_EXIT) the database itself failed:
 * it cannot be opened, is locked by another writer, full, read-only, or its server is lost. */
#include "cmd_store.h"

#include "../store/store.h"
#include "options.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the options of the one table (src/cli/options.c) */
typedef cli_opts store_options;

static char *read_file(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    if (f != stdin) fclose(f);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

static void print_errors(const ancre_errors *errs) {
    for (size_t i = 0; i < errs->count; i++) {
        const ancre_error *e = &errs->items[i];
        fprintf(stderr, cli_tr("erreur : %s%s%s"), e->path, e->path[0] ? " : " : "", e->message);
        if (e->rule[0] || e->expected[0]) {
            fprintf(stderr, " [");
            if (e->rule[0]) fprintf(stderr, cli_tr("règle : %s"), e->rule);
            if (e->expected[0])
                fprintf(stderr, cli_tr("%sattendu : %s"), e->rule[0] ? cli_tr(" ; ") : "",
                        e->expected);
            fprintf(stderr, "]");
        }
        fprintf(stderr, "\n");
    }
}

/* The built-in parameter documents followed by the --params files. */
static ancre_store_paramset *paramset(const store_options *o, ancre_errors *errs) {
    ancre_store_paramset *ps = ancre_store_paramset_new();
    ancre_store_paramset_add_defaults(ps, errs);
    for (int i = 0; i < o->nparam_files; i++) {
        size_t len;
        char *text = read_file(o->param_files[i], &len);
        if (!text) {
            fprintf(stderr, cli_tr("ancre : impossible de lire le fichier de paramètres %s\n"),
                    o->param_files[i]);
            ancre_store_paramset_free(ps);
            return NULL;
        }
        ancre_store_paramset_add(ps, o->param_files[i], text, len, errs);
        free(text);
    }
    return ps;
}

static void euros(int64_t cents, char *buf, size_t cap) {
    int64_t a = cents < 0 ? -cents : cents;
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%lld", (long long)(a / 100));
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) grouped[k++] = ' ';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(buf, cap, "%s%s,%02lld €", cents < 0 ? "-" : "", grouped, (long long)(a % 100));
}

static void print_payments(const ancre_store_payments *list, bool json, bool with_finess) {
    if (json) {
        char *s = ancre_store_payments_json(list);
        printf("%s\n", s);
        free(s);
        return;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < list->count; i++) {
        const ancre_store_payment *p = &list->items[i];
        char e[64];
        euros(p->amount_cents, e, sizeof e);
        printf("%-10s  %s%s%d  %-6s %-18s %16s  %s (%s)\n",
               p->due[0] ? p->due : cli_tr("(sans date)"), with_finess ? p->finess : "",
               with_finess ? "  " : "", p->year, p->payment, p->kind, e, p->label, p->article);
        sum += p->amount_cents;
    }
    char e[64];
    euros(sum, e, sizeof e);
    printf(cli_tr("%zu paiement%s, %s\n"), list->count, list->count > 1 ? "s" : "", e);
}

static int run(ancre_store *st, const store_options *o, ancre_errors *errs) {
    const char *c = o->command;
    if (strcmp(c, "import") == 0) {
        if (!o->file)
            return cli_usage_error(cli_find_command(c),
                                   cli_tr("il faut un FICHIER (ou - pour l'entrée standard)"));
        size_t len;
        char *text = read_file(o->file, &len);
        if (!text) {
            fprintf(stderr, cli_tr("ancre : impossible de lire %s\n"), o->file);
            return 2;
        }
        ancre_store_paramset *ps = paramset(o, errs);
        ancre_params *params = ps ? ancre_store_paramset_load(ps, errs) : NULL;
        ancre_store_paramset_free(ps);
        if (!params) {
            free(text);
            return ps ? 1 : 2;
        }
        ancre_store_import_report rep;
        int rc = ancre_store_import(st, text, len, o->file, params,
                                    o->skip_bad ? ANCRE_STORE_IMPORT_SKIP_BAD : 0, &rep, errs);
        ancre_params_free(params);
        free(text);
        print_errors(errs);
        fprintf(rc == 0 ? stdout : stderr,
                cli_tr("%s : %zu enregistrements, %zu importés, %zu inchangés, %zu refusés ; %s\n"),
                o->file, rep.records, rep.imported, rep.unchanged, rep.rejected,
                rep.written ? cli_tr("écrit") : cli_tr("rien n'est écrit"));
        return rc == 0 ? 0 : 1;
    }
    if (strcmp(c, "record") == 0) {
        if (!o->year) return cli_usage_error(cli_find_command(c), cli_tr("il faut --year AAAA"));
        ancre_store_paramset *ps = paramset(o, errs);
        if (!ps) return 2;
        ancre_readings *readings = ancre_readings_new();
        for (int i = 0; i < o->nreadings; i++)
            ancre_readings_set_assignment(readings, o->reading_args[i], errs);
        int rc = -1;
        ancre_store_record_report rep = {0};
        if (errs->count == 0)
            rc = ancre_store_record(st, o->year, o->finess, ps, readings,
                                    o->all_or_nothing ? ANCRE_STORE_RECORD_ALL_OR_NOTHING : 0, &rep,
                                    errs);
        ancre_readings_free(readings);
        ancre_store_paramset_free(ps);
        print_errors(errs);
        fprintf(rc == 0 ? stdout : stderr,
                cli_tr("%d : %zu centres, %zu enregistrés, %zu en échec ; %s\n"), o->year,
                rep.centres, rep.recorded, rep.failed,
                rep.written ? cli_tr("écrit") : cli_tr("rien n'est écrit"));
        return rc == 0 ? 0 : 1;
    }
    if (strcmp(c, "ledger") == 0 || strcmp(c, "calendar") == 0) {
        ancre_store_payments list;
        int rc;
        char today[16];
        if (c[0] == 'l') {
            if (!o->finess)
                return cli_usage_error(cli_find_command(c), cli_tr("il faut --finess FINESS"));
            rc = ancre_store_ledger(st, o->finess, &list, errs);
        } else {
            const char *after = o->after;
            if (!after && !o->all_dates) {
                time_t t = time(NULL);
                struct tm tm;
                localtime_r(&t, &tm);
                strftime(today, sizeof today, "%Y-%m-%d", &tm);
                after = today;
            }
            rc = ancre_store_calendar(st, after, &list, errs);
        }
        if (rc != 0) {
            print_errors(errs);
            return 1;
        }
        print_payments(&list, o->json, c[0] == 'c');
        ancre_store_payments_free(&list);
        return 0;
    }
    char *out = NULL;
    if (strcmp(c, "centres") == 0) {
        out = o->finess ? ancre_store_centre_json(st, o->finess, errs)
                        : ancre_store_centres_json(st, errs);
    } else if (strcmp(c, "declaration") == 0) {
        if (!o->finess || !o->year)
            return cli_usage_error(cli_find_command(c),
                                   cli_tr("il faut --finess FINESS et --year AAAA"));
        out = ancre_store_declaration_json(st, o->finess, o->year, errs);
    } else if (strcmp(c, "result") == 0 || strcmp(c, "reproduce") == 0) {
        if (!o->id && (!o->finess || !o->year))
            return cli_usage_error(cli_find_command(c),
                                   cli_tr("il faut --id N, ou --finess FINESS et --year AAAA"));
        if (c[1] == 'e' && c[2] == 's') { /* result */
            out = ancre_store_result_json(st, o->id, o->finess, o->year, errs);
        } else {
            int64_t id = o->id;
            if (!id) {
                char *r = ancre_store_result_json(st, 0, o->finess, o->year, errs);
                json_t *j = r ? json_loads(r, 0, NULL) : NULL;
                id = json_integer_value(json_object_get(j, "id"));
                json_decref(j);
                free(r);
            }
            bool same = false;
            char *again = NULL;
            if (id && ancre_store_reproduce(st, id, &same, &again, errs) == 0) {
                printf(cli_tr("résultat %lld : %s\n"), (long long)id,
                       same ? cli_tr("reproduit à l'identique")
                            : cli_tr("DIFFÈRE du document enregistré"));
                if (!same && o->json) printf("%s\n", again);
                free(again);
                return same ? 0 : 1;
            }
            free(again);
        }
    } else {
        return cli_usage_error(NULL, cli_tr("commande inconnue %s"), c);
    }
    if (!out) {
        print_errors(errs);
        return 1;
    }
    printf("%s\n", out);
    free(out);
    return 0;
}

int cmd_store(const cli_opts *o) {
    if (!o->db) return cli_usage_error(cli_find_command(o->command), cli_tr("il faut --db BASE"));
    int rc;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_store *st = NULL;
    if (ancre_store_open(&st, o->db, &errs) != 0) {
        print_errors(&errs);
        rc = ancre_store_failed(&errs) ? ANCRE_STORE_EXIT : 2;
        ancre_errors_clear(&errs);
        return rc;
    }
    rc = run(st, o, &errs);
    /* the database itself failed (locked, full, read-only, lost): its own exit code */
    if (rc != 0 && ancre_store_failed(&errs)) rc = ANCRE_STORE_EXIT;
    ancre_store_close(st);
    ancre_errors_clear(&errs);
    return rc;
}
