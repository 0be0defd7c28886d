#include "errors.h"
#include "alloc.h"

#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_empty(const char *s) {
    return mem_strdup(s ? s : "");
}

void ancre_errors_init(ancre_errors *errs) {
    memset(errs, 0, sizeof *errs);
}

void ancre_errors_clear(ancre_errors *errs) {
    for (size_t i = 0; i < errs->count; i++) {
        free(errs->items[i].path);
        free(errs->items[i].rule);
        free(errs->items[i].expected);
        free(errs->items[i].message);
    }
    free(errs->items);
    const char *lang = errs->lang;
    memset(errs, 0, sizeof *errs);
    errs->lang = lang;
}

void errors_add(ancre_errors *errs, const char *path, const char *rule, const char *expected,
                const char *fmt, ...) {
    if (!errs) return;
    if (errs->count == errs->cap) {
        size_t cap = errs->cap ? errs->cap * 2 : 8;
        /* never drops the error: out of memory ends the process (alloc.h) */
        errs->items = mem_realloc(errs->items, cap, sizeof *errs->items);
        errs->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, i18n_tr(errs->lang, fmt), ap);
    va_end(ap);
    ancre_error *e = &errs->items[errs->count++];
    e->path = dup_or_empty(path);
    e->rule = dup_or_empty(rule);
    /* a fixed expectation ("une valeur") is a message of its own; a composed one is written in
     * the list's language by its caller */
    e->expected = dup_or_empty(i18n_tr(errs->lang, expected));
    e->message = mem_strdup(msg);
}
