/* ancre deadlines FILE [--json] and ancre procedure FILE [--json]: the deadlines of a centre's
 * exchanges with the caisse, and the state of a procedure of Titre 4 (docs/procedures.md). */
#include "ancre/procedures.h"
#include "cli.h"

#include <stdlib.h>

typedef int (*timeline_fn)(char **out, const char *text, size_t len, int format,
                           const ancre_params *params, const ancre_readings *readings,
                           ancre_errors *errs);

static int show(timeline_fn fn, const char *text, size_t len, const ancre_params *params,
                const ancre_readings *readings, bool json) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    char *out = NULL;
    int rc = 1;
    if (fn(&out, text, len, json ? ANCRE_OUT_JSON : ANCRE_OUT_TEXT, params, readings, &errs) ==
        0) {
        fputs(out, stdout);
        if (json) fputc('\n', stdout);
        rc = 0;
    } else {
        print_errors(&errs, json, json ? stdout : stderr);
    }
    free(out);
    ancre_errors_clear(&errs);
    return rc;
}

int cmd_deadlines(const char *text, size_t len, const ancre_params *params,
                  const ancre_readings *readings, bool json) {
    return show(ancre_deadlines, text, len, params, readings, json);
}
