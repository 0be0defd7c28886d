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

date_t mt_month_end(int y, int m) {
    return date_make(y, m, date_days_in_month(y, m));
}

date_t mt_add_days(date_t d, int days) {
    for (int i = 0; i < days; i++) {
        if (d.d < date_days_in_month(d.y, d.m)) {
            d.d++;
        } else if (d.m < 12) {
            d.m++;
            d.d = 1;
        } else {
            d.y++;
            d.m = 1;
            d.d = 1;
        }
    }
    return d;
}

bool mt_param_defined(eng_t *e, const char *id) {
    const param_t *p = NULL;
    const period_t *pe = NULL;
    return params_lookup(e->params, id, e->at, &p, &pe) == PARAM_OK && pe->kind != PV_NULL;
}

int mt_par_int(eng_t *e, const char *id) {
    return (int)par_int(e, id, 0, INT_MAX); /* -1, the error recorded, when not an integer */
}
