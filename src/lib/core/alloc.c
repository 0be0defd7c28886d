#include "alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void mem_fail(size_t size) {
    fprintf(stderr, "ancre: out of memory (%zu bytes)\n", size);
    abort();
}

void *mem_alloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p) mem_fail(size);
    return p;
}

void *mem_zalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) mem_fail(n * size);
    return p;
}

void *mem_realloc(void *p, size_t n, size_t size) {
    size_t bytes;
    if (__builtin_mul_overflow(n, size, &bytes)) mem_fail(SIZE_MAX);
    void *q = realloc(p, bytes ? bytes : 1);
    if (!q) mem_fail(bytes);
    return q;
}

char *mem_strdup(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *d = mem_alloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

char *mem_strndup(const char *s, size_t n) {
    if (!s) return NULL;
    size_t len = strnlen(s, n);
    char *d = mem_alloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void mem_vec_grow(void **items, size_t n, size_t size) {
    /* capacity 4, 8, 16...: full when n is 0 or a power of two from 4 on */
    bool full = n == 0 || (n >= 4 && (n & (n - 1)) == 0);
    if (!full) return;
    size_t cap;
    if (__builtin_mul_overflow(n ? n : 2, (size_t)2, &cap)) mem_fail(SIZE_MAX);
    *items = mem_realloc(*items, cap, size);
}
