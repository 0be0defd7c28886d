#include "registry.h"
#include "alloc.h"

#include "decl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t schema_count(void) {
    size_t n = 0;
    for (size_t m = 0; m < ancre_module_tables_count; m++)
        n += ancre_module_tables[m]->nfields;
    return n;
}

const field_def *schema_field(size_t i) {
    for (size_t m = 0; m < ancre_module_tables_count; m++) {
        if (i < ancre_module_tables[m]->nfields) return &ancre_module_tables[m]->fields[i];
        i -= ancre_module_tables[m]->nfields;
    }
    return NULL;
}

/* Index of the field paths in lexicographic order, built once: lookups by path are binary
 * searches, and the fields under a prefix are one contiguous run of it.  It is derived from the
 * constant tables above and never changes after it is built (pthread_once). */
typedef struct {
    const char *path;
    size_t index;
} path_entry;

static path_entry *sorted_paths;
static size_t nsorted_paths;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const path_entry *)a)->path, ((const path_entry *)b)->path);
}

static void build_index(void) {
    size_t n = schema_count();
    sorted_paths = mem_alloc((n ? n : 1) * sizeof *sorted_paths);
    if (!sorted_paths) abort();
    for (size_t i = 0; i < n; i++)
        sorted_paths[i] = (path_entry){schema_field(i)->path, i};
    if (n > 1) qsort(sorted_paths, n, sizeof *sorted_paths, cmp_entry);
    nsorted_paths = n;
}

/* First position of the index whose path is not below key. */
static size_t lower_bound(const char *key) {
    pthread_once(&sorted_once, build_index);
    size_t lo = 0, hi = nsorted_paths;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(sorted_paths[mid].path, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long schema_find(const char *path) {
    size_t k = lower_bound(path);
    if (k < nsorted_paths && strcmp(sorted_paths[k].path, path) == 0)
        return (long)sorted_paths[k].index;
    return -1;
}

size_t schema_under(const char *prefix, size_t *first) {
    size_t len = strlen(prefix), k = lower_bound(prefix), end = k;
    while (end < nsorted_paths && strncmp(sorted_paths[end].path, prefix, len) == 0)
        end++;
    *first = k;
    return end - k;
}

size_t schema_sorted_index(size_t k) {
    return sorted_paths[k].index;
}

bool schema_is_object_prefix(const char *path) {
    char key[512];
    snprintf(key, sizeof key, "%s.", path);
    size_t first;
    return schema_under(key, &first) > 0;
}

size_t readings_count(void) {
    size_t n = 0;
    for (size_t m = 0; m < ancre_module_tables_count; m++)
        n += ancre_module_tables[m]->nreadings;
    return n;
}

const reading_def *reading_def_at(size_t i) {
    for (size_t m = 0; m < ancre_module_tables_count; m++) {
        if (i < ancre_module_tables[m]->nreadings) return &ancre_module_tables[m]->readings[i];
        i -= ancre_module_tables[m]->nreadings;
    }
    return NULL;
}

long reading_find(const char *id) {
    size_t n = readings_count();
    for (size_t i = 0; i < n; i++)
        if (strcmp(reading_def_at(i)->id, id) == 0) return (long)i;
    return -1;
}

int reading_alt_find(const reading_def *def, const char *value) {
    for (int k = 0; k < READING_MAX_ALTS && def->alts[k].value; k++)
        if (strcmp(def->alts[k].value, value) == 0) return k;
    return -1;
}

const item_schema *item_schema_find(const char *name) {
    for (size_t k = 0; k < ancre_item_schema_sets_count; k++)
        for (size_t i = 0; i < *ancre_item_schema_sets[k].count; i++)
            if (strcmp(ancre_item_schema_sets[k].list[i].name, name) == 0)
                return &ancre_item_schema_sets[k].list[i];
    return NULL;
}

void registry_check(const struct ancre_decl *d, const struct ancre_params *params,
                    struct ancre_errors *errs) {
    if (!d->schema)
        for (size_t k = 0; k < ancre_declaration_checks_count; k++)
            ancre_declaration_checks[k](d, params, errs);
    for (size_t k = 0; k < ancre_document_checks_count; k++)
        ancre_document_checks[k](d, params, errs);
}
