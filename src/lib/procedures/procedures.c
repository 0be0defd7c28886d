/* The entry points of the deadlines and procedures: parse the document against its schema,
 * compute its timeline, write it. */
#include "procedures.h"

#include <stdlib.h>

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
