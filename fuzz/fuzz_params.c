/* Parameter files: a document loaded over the built-in parameters (as --params does), listed,
 * then the examples computed with them, so that hostile values reach the rules: every amount
 * must stay within the bounds of q.h or be refused with an error. */
#include "../src/lib/core/params.h"
#include "fuzz_common.h"

static const char *const example_files[] = {
    "examples/centre-polyvalent-2023.json", "examples/centre-infirmier-2023.json",
    "examples/centre-dentaire-2023.json", "examples/centre-medecin-traitant-2019.json"};
#define NEXAMPLES (sizeof example_files / sizeof *example_files)
static char *examples[NEXAMPLES];
static size_t example_len[NEXAMPLES];
static char *contracts;
static size_t contracts_len;
static ancre_readings *readings;
static ancre_params *base;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    for (size_t i = 0; i < NEXAMPLES; i++) {
        examples[i] = fuzz_read(example_files[i], &example_len[i]);
        if (!examples[i]) abort();
    }
    contracts = fuzz_read("examples/contracts/cai_med.json", &contracts_len);
    if (!contracts) abort();
    readings = ancre_readings_new();
    base = fuzz_params();
    return 0;
}

static void check_total(const ancre_result *r) {
    int64_t total = ancre_result_total_cents(r);
    if (total > 1000000000000000LL || total < -1000000000000000LL) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_copy(data, size);
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = params_copy(base);
    if (!p) abort();
    if (ancre_params_load_json(p, text, size, "fuzz", &errs) == 0) {
        free(ancre_params_to_json(p, NULL, "2023-12-31", &errs));
        /* one example per input, chosen by its size, and the contract document */
        size_t k = size % NEXAMPLES;
        ancre_decl *d = NULL;
        ancre_result *r = NULL;
        if (ancre_decl_parse_json(&d, examples[k], example_len[k], p, &errs) == 0 &&
            ancre_compute(&r, d, p, readings, &errs) == 0) {
            check_total(r);
            free(ancre_result_to_json(r, 0));
            free(ancre_result_to_text(r, 0));
        }
        ancre_result_free(r);
        ancre_decl_free(d);
        d = NULL;
        r = NULL;
        if (ancre_contract_parse_json(&d, contracts, contracts_len, p, &errs) == 0 &&
            ancre_contract_schedule(&r, d, p, readings, &errs) == 0) {
            check_total(r);
            free(ancre_result_to_json(r, 0));
        }
        ancre_result_free(r);
        ancre_decl_free(d);
    }
    ancre_params_free(p);
    ancre_errors_clear(&errs);
    free(text);
    return 0;
}
