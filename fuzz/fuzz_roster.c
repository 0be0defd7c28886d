/* The patient-level roster (CSV): every line fed, the counts read back, and each centre's
 * médecin-traitant declaration parsed and computed.  The first byte chooses the reference
 * year (2017 to 2024), the rest is the CSV. */
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
    if (size == 0) return 0;
    int year = 2017 + data[0] % 8;
    char *text = fuzz_copy(data + 1, size - 1);
    size_t len = size - 1;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_roster *ro = NULL;
    if (ancre_roster_new(&ro, year, params, &errs) == 0) {
        char msg[512];
        const char *p = text, *end = text + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
            ancre_roster_feed(ro, p, l, msg, sizeof msg);
            p = nl ? nl + 1 : end;
        }
        const ancre_roster_centre *cs = NULL;
        size_t n = ancre_roster_centres(ro, &cs);
        for (size_t i = 0; i < n && i < 4; i++) {
            if (cs[i].patients < 0 || cs[i].css > cs[i].patients) abort();
            char *decl = ancre_roster_declaration_json(ro, &cs[i]);
            ancre_decl *d = NULL;
            ancre_result *r = NULL;
            if (decl && ancre_decl_parse_json(&d, decl, strlen(decl), params, &errs) == 0 &&
                ancre_compute(&r, d, params, readings, &errs) == 0)
                free(ancre_result_to_json(r, ANCRE_JSON_COMPACT));
            ancre_result_free(r);
            ancre_decl_free(d);
            free(decl);
        }
        ancre_roster_free(ro);
    }
    ancre_errors_clear(&errs);
    free(text);
    return 0;
}
