/* Lists of objects in a declaration (F_OBJLIST): each element validated against its item
 * schema, errors named by element path, nested lists, values read back exactly. */
#include "check.h"
#include "core/decl.h"

#include <stdlib.h>

void test_decl_lists(void);

static int has(const ancre_errors *errs, const char *path) {
    for (size_t i = 0; i < errs->count; i++)
        if (strcmp(errs->items[i].path, path) == 0) return 1;
    return 0;
}

void test_decl_lists(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    ancre_params_load_defaults(p, &errs);
    const char *ok = "{\"year\":2024,\"centre\":{\"type\":\"medical\",\"adhesion_date\":"
                     "\"2016-01-01\"},\"contracts\":[{\"type\":\"cosco_med\",\"signature_date\":"
                     "\"2024-01-01\",\"zone\":\"zip\",\"etp\":[{\"from\":\"2024-01-01\","
                     "\"profession\":\"gp\",\"etp\":1.5},{\"from\":\"2024-06-01\",\"profession\":"
                     "\"gp\",\"etp\":2}]}]}";
    ancre_decl *d = NULL;
    CHECK(ancre_decl_parse_json(&d, ok, strlen(ok), p, &errs) == 0, "declaration with a list");
    const decl_value *list = d ? decl_get(d, "contracts") : NULL;
    CHECK(list && list->nitems == 1, "one contract element");
    if (list && list->nitems == 1) {
        const decl_value *etp = decl_get(list->items[0], "etp");
        CHECK(etp && etp->nitems == 2, "nested list of two elements");
        if (etp && etp->nitems == 2) {
            const decl_value *v = decl_get(etp->items[0], "etp");
            CHECK(v && q_cmp(v->num, q_frac(3, 2)) == 0, "1.5 read exactly as 3/2");
        }
    }
    ancre_decl_free(d);
    const char *bad =
        "{\"year\":2024,\"centre\":{\"type\":\"medical\",\"adhesion_date\":\"2016-01-01\"},"
        "\"contracts\":[{\"type\":\"cosco_med\",\"signature_date\":\"2024-01-01\",\"zone\":"
        "\"zip\"},{\"type\":\"nope\",\"zone\":\"zip\",\"colour\":1,\"events\":[{\"date\":"
        "\"2024-02-30\",\"kind\":\"zone_change\"}]},3]}";
    d = NULL;
    CHECK(ancre_decl_parse_json(&d, bad, strlen(bad), p, &errs) != 0, "bad elements refused");
    CHECK(d == NULL, "nothing returned on errors");
    CHECK(has(&errs, "contracts[1].type"), "enum checked in an element");
    CHECK(has(&errs, "contracts[1].signature_date"), "required field of an element");
    CHECK(has(&errs, "contracts[1].colour"), "unknown field of an element");
    CHECK(has(&errs, "contracts[1].events[0].date"), "nested element path");
    CHECK(has(&errs, "contracts[2]"), "an element that is not an object");
    CHECK_EQ_INT(errs.count, 5, "exactly the five errors");
    ancre_errors_clear(&errs);
    char *md = ancre_schema_markdown();
    CHECK(strstr(md, "| `contracts[].events[].date` |") != NULL, "nested rows documented");
    free(md);
    ancre_params_free(p);
}
