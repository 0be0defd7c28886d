/* The entry points of the deadlines and procedures: parse the document against its schema,
 * compute its timeline, write it. */
#include "procedures.h"

#include <stdlib.h>
#include <string.h>

static int run(char **out, const char *text, size_t len, int format, const char *schema,
               const char *kind, int (*compute)(timeline_t *), const ancre_params *params,
               const ancre_readings *readings, ancre_errors *errs) {
    *out = NULL;
    ancre_decl *doc = NULL;
    if (decl_parse_with(&doc, text, len, item_schema_find(schema), params, errs) != 0) return -1;
    timeline_t tl;
    tl_init(&tl, doc, params, readings, errs, kind);
    int rc = compute(&tl);
    if (rc == 0) *out = format == ANCRE_OUT_TEXT ? tl_text(&tl) : tl_json(&tl);
    tl_free(&tl);
    ancre_decl_free(doc);
    return rc;
}

int ancre_deadlines(char **out, const char *text, size_t len, int format,
                    const ancre_params *params, const ancre_readings *readings,
                    ancre_errors *errs) {
    return run(out, text, len, format, "deadlines_document", "deadlines", deadlines_compute, params,
               readings, errs);
}

/* the procedure named by the document */
static int procedure_compute(timeline_t *tl) {
    const char *which = doc_get(tl->doc, "procedure")->s;
    tl->kind = which;
    if (strcmp(which, "sanction") == 0) return procedure_sanction(tl);
    if (strcmp(which, "urgent") == 0) return procedure_urgent(tl);
    if (strcmp(which, "adhesion") == 0) return procedure_adhesion(tl);
    return procedure_commission(tl);
}

int ancre_procedure(char **out, const char *text, size_t len, int format,
                    const ancre_params *params, const ancre_readings *readings,
                    ancre_errors *errs) {
    return run(out, text, len, format, "procedure_document", "procedure", procedure_compute, params,
               readings, errs);
}
