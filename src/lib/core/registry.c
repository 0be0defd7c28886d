#include "registry.h"

#include "decl.h"

#include <string.h>

/* The modules, in the order their fields are documented. */
static const module_tables *const modules[] = {
    &core_tables,        &rsf_medical_tables, &rsf_classification_tables,
    &rsf_nursing_tables, &rsf_dental_tables,  &fpmt_tables,
    &mpa_tables,         &rosp_tables,        &contracts_tables};
#define NMODULES (sizeof modules / sizeof *modules)

size_t schema_count(void) {
    size_t n = 0;
    for (size_t m = 0; m < NMODULES; m++)
        n += modules[m]->nfields;
    return n;
}

const field_def *schema_field(size_t i) {
    for (size_t m = 0; m < NMODULES; m++) {
        if (i < modules[m]->nfields) return &modules[m]->fields[i];
        i -= modules[m]->nfields;
    }
    return NULL;
}

long schema_find(const char *path) {
    size_t n = schema_count();
    for (size_t i = 0; i < n; i++)
        if (strcmp(schema_field(i)->path, path) == 0) return (long)i;
    return -1;
}

bool schema_is_object_prefix(const char *path) {
    size_t len = strlen(path), n = schema_count();
    for (size_t i = 0; i < n; i++) {
        const char *p = schema_field(i)->path;
        if (strncmp(p, path, len) == 0 && p[len] == '.') return true;
    }
    return false;
}

size_t readings_count(void) {
    size_t n = 0;
    for (size_t m = 0; m < NMODULES; m++)
        n += modules[m]->nreadings;
    return n;
}

const reading_def *reading_def_at(size_t i) {
    for (size_t m = 0; m < NMODULES; m++) {
        if (i < modules[m]->nreadings) return &modules[m]->readings[i];
        i -= modules[m]->nreadings;
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

/* Element schemas of the lists of objects, by name. */
static const struct {
    const item_schema *list;
    const size_t *count;
} item_schema_sets[] = {
    {contracts_item_schemas, &contracts_item_schema_count},
};

const item_schema *item_schema_find(const char *name) {
    for (size_t k = 0; k < sizeof item_schema_sets / sizeof *item_schema_sets; k++)
        for (size_t i = 0; i < *item_schema_sets[k].count; i++)
            if (strcmp(item_schema_sets[k].list[i].name, name) == 0)
                return &item_schema_sets[k].list[i];
    return NULL;
}

/* The checks across fields, in the order their errors are listed: those of a declaration, then
 * those of every document (a declaration or a contract document). */
static const decl_check_fn checks[] = {rsf_classification_check};
static const decl_check_fn document_checks[] = {contracts_validate};

void registry_check(const struct ancre_decl *d, const struct ancre_params *params,
                    struct ancre_errors *errs) {
    if (!d->schema)
        for (size_t k = 0; k < sizeof checks / sizeof *checks; k++)
            checks[k](d, params, errs);
    for (size_t k = 0; k < sizeof document_checks / sizeof *document_checks; k++)
        document_checks[k](d, params, errs);
}
