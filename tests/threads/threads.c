/* Thread safety of the library (docs/api.md): one ancre_params and one ancre_readings shared by
 * every thread, each thread parsing and computing the example declarations many times; every
 * result must equal the one computed alone first.  Run under ThreadSanitizer by
 * tests/threads_test.sh, which fails on any race it reports.
 *
 * usage: threads THREADS ROUNDS national.json declaration.json... */
#include <ancre/ancre.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DECLS 16

static const ancre_params *params;
static const ancre_readings *readings;
static char *texts[MAX_DECLS];
static size_t lens[MAX_DECLS];
static int64_t expected[MAX_DECLS];
static size_t ndecls;
static int rounds;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* The total of declaration i, its JSON document checked to be produced; -1 on error. */
static int64_t compute(size_t i) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    int64_t total = -1;
    if (ancre_decl_parse_json(&d, texts[i], lens[i], params, &errs) == 0 &&
        ancre_compute(&r, d, params, readings, &errs) == 0) {
        char *json = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
        char *text = ancre_result_to_text(r, 1);
        if (json && text) total = ancre_result_total_cents(r);
        free(json);
        free(text);
    }
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    return total;
}

static void *worker(void *arg) {
    size_t *bad = arg;
    for (int k = 0; k < rounds; k++)
        for (size_t i = 0; i < ndecls; i++)
            if (compute(i) != expected[i]) ++*bad;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s THREADS ROUNDS national.json declaration.json...\n", argv[0]);
        return 2;
    }
    int nthreads = atoi(argv[1]);
    rounds = atoi(argv[2]);
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    size_t nl;
    char *national = slurp(argv[3], &nl);
    if (!national || ancre_params_load_defaults(p, &errs) != 0 ||
        ancre_params_load_json(p, national, nl, argv[3], &errs) != 0) {
        fprintf(stderr, "parameters not loaded\n");
        return 2;
    }
    ancre_readings *rd = ancre_readings_new();
    params = p;
    readings = rd;
    for (int a = 4; a < argc && ndecls < MAX_DECLS; a++) {
        texts[ndecls] = slurp(argv[a], &lens[ndecls]);
        if (!texts[ndecls]) return 2;
        expected[ndecls] = compute(ndecls);
        if (expected[ndecls] < 0) {
            fprintf(stderr, "%s does not compute\n", argv[a]);
            return 2;
        }
        ndecls++;
    }
    pthread_t th[64];
    size_t bad[64] = {0};
    if (nthreads < 1 || nthreads > 64) return 2;
    for (int t = 0; t < nthreads; t++)
        pthread_create(&th[t], NULL, worker, &bad[t]);
    size_t total_bad = 0;
    for (int t = 0; t < nthreads; t++) {
        pthread_join(th[t], NULL);
        total_bad += bad[t];
    }
    printf("%d threads x %d rounds x %zu declarations: %zu different results\n", nthreads, rounds,
           ndecls, total_bad);
    for (size_t i = 0; i < ndecls; i++)
        free(texts[i]);
    free(national);
    ancre_readings_free(rd);
    ancre_params_free(p);
    ancre_errors_clear(&errs);
    return total_bad ? 1 : 0;
}
