/* An example program over the installed library: computes a declaration and prints its total,
 * its payments and the readings it depended on.
 *
 *   cc compute.c $(pkg-config --cflags --libs ancre) -o compute
 *   ./compute declaration.json [national.json]
 *
 * It defines its own q_add: the library exports only ancre_ names, so nothing collides. */
#include <ancre/ancre.h>

#include <stdio.h>
#include <stdlib.h>

int q_add(int a, int b);
int q_add(int a, int b) {
    return a + b;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            char *grown = realloc(buf, cap = cap * 2 + 4096);
            if (!grown) break;
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage : %s DÉCLARATION.json [PARAMÈTRES.json]\n", argv[0]);
        return 2;
    }
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = ancre_params_new();
    ancre_readings *readings = ancre_readings_new();
    ancre_decl *decl = NULL;
    ancre_result *res = NULL;
    size_t len = 0, plen = 0;
    char *text = slurp(argv[1], &len);
    char *extra = argc > 2 ? slurp(argv[2], &plen) : NULL;
    int rc = 1;
    if (!text || (argc > 2 && !extra)) {
        fprintf(stderr, "impossible de lire %s\n", text ? argv[2] : argv[1]);
    } else if (ancre_params_load_defaults(params, &errs) == 0 &&
               (!extra || ancre_params_load_json(params, extra, plen, argv[2], &errs) == 0) &&
               ancre_decl_parse_json(&decl, text, len, params, &errs) == 0 &&
               ancre_compute(&res, decl, params, readings, &errs) == 0) {
        printf("%s %d total_cents=%lld\n", ancre_result_finess(res), ancre_result_year(res),
               (long long)ancre_result_total_cents(res));
        for (size_t i = 0; i < ancre_result_payment_count(res); i++) {
            ancre_payment p = ANCRE_PAYMENT_INIT;
            if (ancre_result_payment(res, i, &p) == 0)
                printf("payment %s %s %s %lld\n", p.payment, p.kind, p.due,
                       (long long)p.amount_cents);
        }
        for (size_t i = 0; i < ancre_result_reading_count(res); i++) {
            const char *id, *value;
            if (ancre_result_reading(res, i, &id, &value) == 0)
                printf("reading %s=%s\n", id, value);
        }
        rc = q_add(0, 0);
    } else {
        for (size_t i = 0; i < errs.count; i++)
            fprintf(stderr, "erreur : %s\n", errs.items[i].message);
    }
    ancre_result_free(res);
    ancre_decl_free(decl);
    ancre_readings_free(readings);
    ancre_params_free(params);
    ancre_errors_clear(&errs);
    free(text);
    free(extra);
    return rc;
}
