/* Declarations: parse and validate, compute, write the JSON and text documents; one input in
 * eight also computes the sensitivity to every reading (each alternative of each reading the
 * result used).  Nothing may crash, leak or trip the sanitizers; an accepted declaration must
 * give a result whose total is within the bounds of q.h. */
#include "fuzz_common.h"

static ancre_params *params;
static ancre_readings *readings;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    params = fuzz_params();
    readings = ancre_readings_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_copy(data, size);
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    if (ancre_decl_parse_json(&d, text, size, params, &errs) == 0 &&
        ancre_compute(&r, d, params, readings, &errs) == 0) {
        int64_t total = ancre_result_total_cents(r);
        if (total > 1000000000000000LL || total < -1000000000000000LL) abort();
        free(ancre_result_to_json(r, 0));
        free(ancre_result_to_json(r, ANCRE_JSON_COMPACT));
        free(ancre_result_to_text(r, 1));
        if (size % 8 == 0) free(ancre_sensitivity_json(d, params, readings, &errs));
    }
    /* every refusal names a field or a rule, and says something */
    for (size_t i = 0; i < errs.count; i++)
        if (!errs.items[i].message || !errs.items[i].message[0]) abort();
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    free(text);
    return 0;
}
