/* The store commands of ancre: import, record, ledger, calendar, centres, declaration, result,
 * reproduce
 * (docs/store.md).  DB is a SQLite file path or a postgresql:// connection string.
 *
 * Exit codes as for the other commands: 0 success; 1 invalid records, a declaration that could
 * not be computed, an unknown centre or a database error; 2 wrong usage, unreadable file or a
 * database that cannot be opened. */
#include "cmd_store.h"

#include "../store/store.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *store_usage =
    "usage: ancre import --db DB FILE|-        import declarations (JSON or JSON Lines)\n"
    "       ancre record --db DB --year Y [--finess F]\n"
    "                                          compute and record a year (one or every centre)\n"
    "       ancre ledger --db DB --finess F    the payments ledger of a centre\n"
    "       ancre calendar --db DB [--after YYYY-MM-DD]\n"
    "                                          payments due after the date (default: today)\n"
    "       ancre centres --db DB [--finess F] the centres of the store, or one with its\n"
    "                                          declarations and results (JSON)\n"
    "       ancre declaration --db DB --finess F --year Y\n"
    "                                          the latest declaration stored for that year\n"
    "       ancre result --db DB (--id N | --finess F --year Y)\n"
    "                                          a recorded result with its provenance (JSON)\n"
    "       ancre reproduce --db DB (--id N | --finess F --year Y)\n"
    "                                          recompute a recorded result from what was stored\n"
    "\n"
    "DB: a SQLite file (created on first use) or postgresql://user@host:port/database\n"
    "options: --params FILE (repeatable), --reading ID=VALUE (repeatable), --json,\n"
    "         --skip-bad (import: write the valid records even if some are invalid),\n"
    "         --all-or-nothing (record: write nothing if one centre fails)\n";

typedef struct {
    const char *command, *db, *file, *finess, *after;
    int year;
    long long id;
    bool json, skip_bad, all_or_nothing, all_dates;
    const char *param_files[32];
    int nparam_files;
    const char *reading_args[64];
    int nreadings;
} store_options;

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ancre: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n\n%s", store_usage);
    return 2;
}

static int parse(int argc, char **argv, store_options *o) {
    memset(o, 0, sizeof *o);
    o->command = argv[1];
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--db") == 0 && has)
            o->db = argv[++i];
        else if (strcmp(a, "--finess") == 0 && has)
            o->finess = argv[++i];
        else if (strcmp(a, "--after") == 0 && has)
            o->after = argv[++i];
        else if (strcmp(a, "--year") == 0 && has) {
            char *end;
            long y = strtol(argv[++i], &end, 10);
            if (*end || y < 1900 || y > 2999)
                return usage_error("--year wants a year, not %s", argv[i]);
            o->year = (int)y;
        } else if (strcmp(a, "--id") == 0 && has) {
            char *end;
            o->id = strtoll(argv[++i], &end, 10);
            if (*end || o->id <= 0) return usage_error("--id wants a result id, not %s", argv[i]);
        } else if (strcmp(a, "--params") == 0 && has && o->nparam_files < 32)
            o->param_files[o->nparam_files++] = argv[++i];
        else if (strcmp(a, "--reading") == 0 && has && o->nreadings < 64)
            o->reading_args[o->nreadings++] = argv[++i];
        else if (strcmp(a, "--json") == 0)
            o->json = true;
        else if (strcmp(a, "--skip-bad") == 0)
            o->skip_bad = true;
        else if (strcmp(a, "--all-or-nothing") == 0)
            o->all_or_nothing = true;
        else if (strcmp(a, "--all") == 0)
            o->all_dates = true;
        else if (a[0] == '-' && a[1] == '-')
            return usage_error("unknown or incomplete option %s", a);
        else if (!o->file)
            o->file = a;
        else
            return usage_error("unexpected argument %s", a);
    }
    if (!o->db) return usage_error("%s needs --db DB", o->command);
    return 0;
}

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
        fprintf(stderr, "error: %s%s%s", e->path, e->path[0] ? ": " : "", e->message);
        if (e->rule[0] || e->expected[0]) {
            fprintf(stderr, " [");
            if (e->rule[0]) fprintf(stderr, "rule: %s", e->rule);
            if (e->expected[0])
                fprintf(stderr, "%sexpected: %s", e->rule[0] ? "; " : "", e->expected);
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
            fprintf(stderr, "ancre: cannot read parameter file %s\n", o->param_files[i]);
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
        printf("%-10s  %s%s%d  %-6s %-18s %16s  %s (%s)\n", p->due[0] ? p->due : "(no date)",
               with_finess ? p->finess : "", with_finess ? "  " : "", p->year, p->payment, p->kind,
               e, p->label, p->article);
        sum += p->amount_cents;
    }
    char e[64];
    euros(sum, e, sizeof e);
    printf("%zu payment%s, %s\n", list->count, list->count == 1 ? "" : "s", e);
}

static int run(ancre_store *st, const store_options *o, ancre_errors *errs) {
    const char *c = o->command;
    if (strcmp(c, "import") == 0) {
        if (!o->file) return usage_error("%s needs a FILE (or - for standard input)", c);
        size_t len;
        char *text = read_file(o->file, &len);
        if (!text) {
            fprintf(stderr, "ancre: cannot read %s\n", o->file);
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
                "%s: %zu records, %zu imported, %zu unchanged, %zu rejected; %s\n", o->file,
                rep.records, rep.imported, rep.unchanged, rep.rejected,
                rep.written ? "written" : "nothing written");
        return rc == 0 ? 0 : 1;
    }
    if (strcmp(c, "record") == 0) {
        if (!o->year) return usage_error("%s needs --year Y", c);
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
        fprintf(rc == 0 ? stdout : stderr, "%d: %zu centres, %zu recorded, %zu failed; %s\n",
                o->year, rep.centres, rep.recorded, rep.failed,
                rep.written ? "written" : "nothing written");
        return rc == 0 ? 0 : 1;
    }
    if (strcmp(c, "ledger") == 0 || strcmp(c, "calendar") == 0) {
        ancre_store_payments list;
        int rc;
        char today[16];
        if (c[0] == 'l') {
            if (!o->finess) return usage_error("%s needs --finess F", c);
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
        if (!o->finess || !o->year) return usage_error("%s needs --finess F and --year Y", c);
        out = ancre_store_declaration_json(st, o->finess, o->year, errs);
    } else if (strcmp(c, "result") == 0 || strcmp(c, "reproduce") == 0) {
        if (!o->id && (!o->finess || !o->year))
            return usage_error("%s needs --id N, or --finess F and --year Y", c);
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
                printf("result %lld: %s\n", (long long)id,
                       same ? "reproduced exactly" : "DIFFERS from the stored document");
                if (!same && o->json) printf("%s\n", again);
                free(again);
                return same ? 0 : 1;
            }
            free(again);
        }
    } else {
        return usage_error("unknown store command %s", c);
    }
    if (!out) {
        print_errors(errs);
        return 1;
    }
    printf("%s\n", out);
    free(out);
    return 0;
}

bool cmd_store_handles(const char *command) {
    static const char *const names[] = {"import",  "record",      "ledger",    "calendar",
                                        "centres", "declaration", "reproduce", "result"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(command, names[i]) == 0) return true;
    return false;
}

const char *cmd_store_usage(void) {
    return store_usage;
}

int cmd_store(int argc, char **argv) {
    store_options o;
    int rc = parse(argc, argv, &o);
    if (rc) return rc;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_store *st = NULL;
    if (ancre_store_open(&st, o.db, &errs) != 0) {
        print_errors(&errs);
        ancre_errors_clear(&errs);
        return 2;
    }
    rc = run(st, &o, &errs);
    ancre_store_close(st);
    ancre_errors_clear(&errs);
    return rc;
}
