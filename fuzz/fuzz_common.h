/* What the fuzz harnesses share: the parameters they compute with (the built-in ones and the
 * national rates of examples/national-2023.json, read once) and a NUL-terminated copy of the
 * input.  ANCRE_ROOT is the repository, given at build time (Makefile target fuzz). */
#ifndef ANCRE_FUZZ_COMMON_H
#define ANCRE_FUZZ_COMMON_H

#include "ancre/ancre.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ANCRE_ROOT
#define ANCRE_ROOT "."
#endif

static inline char *fuzz_read(const char *rel, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", ANCRE_ROOT, rel);
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

/* The built-in parameters and the example national rates; aborts when they do not load (a
 * harness that computes nothing finds nothing). */
static inline ancre_params *fuzz_params(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    ancre_params_load_defaults(p, &errs);
    size_t len = 0;
    char *national = fuzz_read("examples/national-2023.json", &len);
    if (national) ancre_params_load_json(p, national, len, "national-2023.json", &errs);
    free(national);
    if (errs.count || !national) {
        fprintf(stderr, "fuzz: parameters do not load (ANCRE_ROOT=%s)\n", ANCRE_ROOT);
        abort();
    }
    ancre_errors_clear(&errs);
    return p;
}

static inline char *fuzz_copy(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
