/* Helpers shared by the médecin traitant and ROSP modules (mt.h). */
#include "mt.h"

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
    if (!e->cur) return;
    char buf[64];
    q_format_decimal(v, 6, buf, sizeof buf);
    line_t *l = e->cur;
    input_use *grown = realloc(l->inputs, (l->ninputs + 1) * sizeof *grown);
    if (!grown) abort();
    l->inputs = grown;
    l->inputs[l->ninputs].path = strdup(name);
    l->inputs[l->ninputs].value = strdup(buf);
    l->ninputs++;
}

bool mt_param_defined(eng_t *e, const char *id) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    return params_lookup(e->params, id, e->at, &p, &pe) == PARAM_OK && pe->kind != PV_NULL;
}

int mt_par_int(eng_t *e, const char *id) {
    q_t v = par(e, id);
    return q_valid(v) ? (int)q_floor_int(v) : -1;
}
