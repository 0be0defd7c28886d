/* Contract documents ({"centre": ..., "contracts": [...]}): parse and validate, schedule, write
 * the JSON and text documents. */
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
    if (ancre_contract_parse_json(&d, text, size, params, &errs) == 0 &&
        ancre_contract_schedule(&r, d, params, readings, &errs) == 0) {
        int64_t total = ancre_result_total_cents(r);
        if (total > 1000000000000000LL || total < -1000000000000000LL) abort();
        free(ancre_result_to_json(r, 0));
        free(ancre_result_to_text(r, 1));
    }
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    free(text);
    return 0;
}
