/* ancre deadlines FILE [--json]: the deadlines of a centre's exchanges with the caisse; ancre
 * procedure FILE [--json]: the state, deadlines and possible decisions of a procedure of Titre 4
 * (docs/procedures.md). */
#include "ancre/procedures.h"
#include "cli.h"

#include <stdlib.h>

typedef int (*timeline_fn)(char **out, const char *text, size_t len, int format,
                           const ancre_params *params, const ancre_readings *readings,
                           ancre_errors *errs);

/* Reads FILE, computes its timeline, prints it (exit 0) or its errors (exit 1); 2 for a file
 * that cannot be read or parameters that cannot be loaded. */
static int show(const cli_opts *o, timeline_fn fn) {
    const cli_command *cmd = cli_find_command(o->command);
    if (!o->file)
        return cli_usage_error(cmd, cli_tr("il faut un FICHIER (ou - pour l'entrée standard)"));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_params *params = cli_load_params(o, &errs);
    if (!params) {
        print_errors(&errs, false, stderr);
        ancre_errors_clear(&errs);
        return 2;
    }
    ancre_readings *readings = ancre_readings_new();
    for (int i = 0; i < o->nreadings; i++)
        ancre_readings_set_assignment(readings, o->reading_args[i], &errs);
    size_t len = 0;
    char *text = errs.count ? NULL : read_all(o->file, &len), *out = NULL;
    int rc = 2;
    if (errs.count) {
        print_errors(&errs, false, stderr);
        rc = 1;
    } else if (!text) {
        fprintf(stderr, cli_tr("ancre : impossible de lire %s\n"), o->file);
    } else if (fn(&out, text, len, o->json ? ANCRE_OUT_JSON : ANCRE_OUT_TEXT, params, readings,
                  &errs) == 0) {
        fputs(out, stdout);
        if (o->json) fputc('\n', stdout);
        rc = 0;
    } else {
        print_errors(&errs, o->json, o->json ? stdout : stderr);
        rc = 1;
    }
    free(out);
    free(text);
    ancre_errors_clear(&errs);
    ancre_readings_free(readings);
    ancre_params_free(params);
    return rc;
}

int cmd_deadlines(const cli_opts *o) {
    return show(o, ancre_deadlines);
}

int cmd_procedure(const cli_opts *o) {
    return show(o, ancre_procedure);
}
