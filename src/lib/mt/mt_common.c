/* Helpers shared by the médecin traitant and ROSP modules (mt.h). */
#include "mt.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool mt_section(eng_t *e, const char *prefix) {
    size_t len = strlen(prefix);
    for (size_t i = 0; i < e->decl->n; i++) {
        if (!e->decl->values[i].present) continue;
        const char *p = schema_field(i)->path;
        if (strncmp(p, prefix, len) == 0 && p[len] == '.') return true;
    }
    return false;
}

void mt_record(eng_t *e, const char *name, q_t v) {
    eng_derived(e, name, v);
}

bool mt_param_defined(eng_t *e, const char *id) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    return params_lookup(e->params, id, e->at, &p, &pe) == PARAM_OK && pe->kind != PV_NULL;
}

int mt_par_int(eng_t *e, const char *id) {
    return (int)par_int(e, id, 0, INT_MAX); /* -1, the error recorded, when not an integer */
}
