/* The payments ancre computes, in the order they appear in a result. */
#include "engine.h"

#include "../contracts/contracts.h"
#include "../rsf/rsf.h"

#include <string.h>

static bool rsf_applies(eng_t *e) {
    /* the forfait spécifique is computed when the declaration has indicators */
    for (size_t i = 0; i < schema_count(); i++)
        if (strncmp(schema_field(i)->path, "indicators.", 11) == 0 && e->decl->values[i].present)
            return true;
    return false;
}

static int rsf_compute(eng_t *e) {
    const char *type = e->res->type;
    rsf_classification_note(e); /* Art. 3: why the centre is of this type */
    if (strcmp(type, "medical") == 0 || strcmp(type, "polyvalent") == 0)
        return rsf_medical_compute(e);
    if (strcmp(type, "infirmier") == 0) return rsf_nursing_compute(e);
    if (strcmp(type, "dentaire") == 0) return rsf_dental_compute(e);
    eng_fail(e, "centre.type", "Art. 3", "medical|polyvalent|infirmier|dentaire",
             "the forfait spécifique of centre type '%s' is not computed by this version", type);
    return -1;
}

const module_def ancre_modules[] = {
    {"rsf", "Rémunération forfaitaire spécifique", rsf_applies, rsf_compute},
    {"contracts", "Contrats et aides de l'article 19", contracts_applies, contracts_compute_year},
};
const size_t ancre_module_count = sizeof ancre_modules / sizeof *ancre_modules;
