#include "check.h"
#include "core/decl.h"

#include <stdlib.h>

void test_decl(void);

static int errors_for(const char *json, ancre_errors *errs, const ancre_params *p) {
    ancre_decl *d = NULL;
    int rc = ancre_decl_parse_json(&d, json, strlen(json), p, errs);
    ancre_decl_free(d);
    return rc;
}

static int has_error_at(const ancre_errors *errs, const char *path) {
    for (size_t i = 0; i < errs->count; i++)
        if (strcmp(errs->items[i].path, path) == 0) return 1;
    return 0;
}

void test_decl(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    ancre_params_load_defaults(p, &errs);
    const char *ok = "{\"year\":2023,\"centre\":{\"type\":\"medical\",\"adhesion_date\":"
                     "\"2016-01-01\"},\"staff\":{\"etp_mg\":5.5}}";
    CHECK(errors_for(ok, &errs, p) == 0, "minimal declaration is valid");
    CHECK_EQ_INT(errs.count, 0, "no error");
    const char *bad =
        "{\"year\":2031,\"centre\":{\"type\":\"clinic\",\"adhesion_date\":\"2016-02-30\"},"
        "\"staff\":{\"etp_mg\":-1,\"colour\":1},"
        "\"patients\":{\"file_active_mg\":10,\"n_css_fa\":11}}";
    CHECK(errors_for(bad, &errs, p) != 0, "bad declaration refused");
    CHECK(has_error_at(&errs, "year"), "year outside the accord");
    CHECK(has_error_at(&errs, "centre.type"), "unknown centre type");
    CHECK(has_error_at(&errs, "centre.adhesion_date"), "impossible date");
    CHECK(has_error_at(&errs, "staff.etp_mg"), "negative ETP");
    CHECK(has_error_at(&errs, "staff.colour"), "unknown field");
    CHECK(has_error_at(&errs, "patients.n_css_fa"), "count larger than its population");
    CHECK_EQ_INT(errs.count, 6, "all six errors at once");
    ancre_errors_clear(&errs);
    CHECK(errors_for("{\"year\":2023,", &errs, p) != 0, "syntax error");
    CHECK_EQ_INT(errs.count, 1, "one syntax error");
    ancre_errors_clear(&errs);
    const char *section =
        "{\"year\":2023,\"centre\":{\"type\":\"medical\",\"adhesion_date\":"
        "\"2016-01-01\"},\"indicators\":{\"formation\":{\"n_stages_medecins\":1}}}";
    CHECK(errors_for(section, &errs, p) != 0, "a declared section needs its required fields");
    CHECK(has_error_at(&errs, "indicators.formation.n_stages"), "n_stages missing");
    ancre_errors_clear(&errs);
    ancre_params_free(p);
}
