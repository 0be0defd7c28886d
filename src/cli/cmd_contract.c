/* ancre contract FILE [--json]: the dated schedule of a centre's contracts and aids of
 * Article 19 (docs/contracts.md).  The file is a contract document, or a declaration whose
 * `contracts` section is scheduled over the contracts' whole life. */
#include "cli.h"
#include "options.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* a contract document has contracts and no reference year */
bool is_contract_document(const char *text, size_t len) {
    json_t *root = json_loadb(text, len, 0, NULL);
    bool yes = root && json_is_object(root) && !json_object_get(root, "year") &&
               json_object_get(root, "contracts");
    json_decref(root);
    return yes;
}

/* `ancre contract` reads a declaration (it has a reference year) or a contract document */
static int parse(ancre_decl **d, const char *text, size_t len, const ancre_params *params,
                 ancre_errors *errs) {
    json_t *root = json_loadb(text, len, 0, NULL);
    bool declaration = root && json_is_object(root) && json_object_get(root, "year");
    json_decref(root);
    if (declaration) return ancre_decl_parse_json(d, text, len, params, errs);
    return ancre_contract_parse_json(d, text, len, params, errs);
}

static void euros(json_int_t cents, char *buf, size_t cap) {
    json_int_t a = cents < 0 ? -cents : cents;
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

/* the status of a line in words (docs/result.md lists the names) */
static const char *status_words(const char *status) {
    static const char *const names[][2] = {
        {"achieved", "atteint"},           {"not_achieved", "non atteint"},
        {"not_declared", "non déclaré"},   {"not_in_grid", "hors grille"},
        {"excluded", "exclu (non-cumul)"}, {"not_triggered", "non versé (prérequis)"},
        {"adjustment", "ajustement"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i][0], status) == 0) return cli_tr(names[i][1]);
    return status;
}

/* a due date YYYY-MM-DD as the language writes it (30/04/2024 in French) */
static const char *due_words(const char *iso, char *buf, size_t cap) {
    if (cli_lang || strlen(iso) != 10) return iso;
    snprintf(buf, cap, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    return buf;
}

static const char *str(json_t *o, const char *key) {
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* The table: one row per line of the schedule, with its due date, article and amount, then its
 * note and the parameters it used with their citations; the readings at the end. */
static void print_table(const char *doc) {
    json_t *r = json_loads(doc, 0, NULL);
    json_t *centre = json_object_get(r, "centre");
    printf(cli_tr("Contrats et aides (Art. 19) — centre %s%s%s (%s)\n"), str(centre, "name"),
           json_object_get(centre, "finess") ? " " : "", str(centre, "finess"),
           str(centre, "type"));
    size_t i;
    json_t *n;
    json_array_foreach (json_object_get(r, "notes"), i, n) {
        printf("  · %s\n", json_string_value(n));
    }
    printf("\n  %-10s  %-34s %-34s %16s\n", cli_tr("échéance"), cli_tr("ligne"), cli_tr("article"),
           cli_tr("montant"));
    json_t *l;
    json_array_foreach (json_object_get(r, "lines"), i, l) {
        char e[64];
        euros(json_integer_value(json_object_get(l, "amount_cents")), e, sizeof e);
        char due[16];
        printf("  %-10s  %-34s %-34s %16s  %s\n",
               json_object_get(l, "due") ? due_words(str(l, "due"), due, sizeof due) : "-",
               str(l, "id"), str(l, "article"), e, status_words(str(l, "status")));
        printf("      %s\n", str(l, "label"));
        if (json_object_get(l, "note")) printf("      %s\n", str(l, "note"));
        size_t k;
        json_t *p;
        json_array_foreach (json_object_get(l, "parameters"), k, p) {
            json_t *c = json_object_get(p, "cite");
            char *v = json_dumps(json_object_get(p, "value"), JSON_ENCODE_ANY);
            printf(cli_tr("      paramètre %s = %s (%s, doc %s l.%lld)\n"), str(p, "id"), v,
                   str(c, "article"), str(c, "doc"),
                   (long long)json_integer_value(json_object_get(c, "line")));
            free(v);
        }
        json_array_foreach (json_object_get(l, "readings"), k, p) {
            printf(cli_tr("      lecture %s = %s\n"), str(p, "id"), str(p, "value"));
        }
    }
    char e[64];
    euros(json_integer_value(json_object_get(r, "total_cents")), e, sizeof e);
    printf(cli_tr("\nTotal de l'échéancier : %s (somme des lignes, chacune arrondie au centime)\n"),
           e);
    json_t *rs = json_object_get(r, "readings");
    if (json_array_size(rs)) printf("%s", cli_tr("\nLectures du texte utilisées\n"));
    json_array_foreach (rs, i, l) {
        printf("  %s = %s%s  (%s)\n", str(l, "id"), str(l, "value"),
               json_is_true(json_object_get(l, "default")) ? cli_tr(" (par défaut)") : "",
               str(l, "ref"));
    }
    json_decref(r);
}

/* One contract document: validated, then scheduled. */
static int schedule_record(ancre_result **out, const char *text, size_t len,
                           const ancre_params *params, const ancre_readings *readings,
                           ancre_errors *errs) {
    ancre_decl *d = NULL;
    int rc = parse(&d, text, len, params, errs);
    if (rc == 0) rc = ancre_contract_schedule(out, d, params, readings, errs);
    ancre_decl_free(d);
    return rc;
}

static int one(const char *text, size_t len, const ancre_params *params,
               const ancre_readings *readings, bool json) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_result *r = NULL;
    int rc = 1;
    if (schedule_record(&r, text, len, params, readings, &errs) == 0) {
        char *out = ancre_result_to_json(r, 0);
        if (json)
            printf("%s\n", out);
        else
            print_table(out);
        free(out);
        rc = 0;
    } else {
        print_errors(&errs, json, json ? stdout : stderr);
    }
    ancre_result_free(r);
    ancre_errors_clear(&errs);
    return rc;
}

int cmd_contract(const char *file, char *text, size_t len, const ancre_params *params,
                 const ancre_readings *readings, bool json) {
    if (cli_is_jsonl(file, text, len))
        return cli_batch(text, len, false, params, readings, schedule_record, "planifiés", NULL);
    return one(text, len, params, readings, json);
}
