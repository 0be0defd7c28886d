#include "check.h"
#include "core/params.h"

#include <stdlib.h>

void test_params(void);

static const char *doc1 =
    "{\"ancre_params\":1,\"parameters\":[{\"id\":\"x.rate\",\"unit\":\"rate\",\"values\":["
    "{\"from\":\"2015-10-01\",\"to\":\"2021-12-31\",\"value\":\"0.5\",\"cite\":{\"doc\":\"000\","
    "\"line\":10}},"
    "{\"from\":\"2022-01-01\",\"to\":null,\"value\":\"0.6\",\"cite\":{\"doc\":\"000\",\"line\":"
    "20}}]}]}";

static const char *doc2 = /* replaces the 2022+ period only */
    "{\"ancre_params\":1,\"parameters\":[{\"id\":\"x.rate\",\"unit\":\"rate\",\"values\":["
    "{\"from\":\"2023-01-01\",\"to\":null,\"value\":\"0.7\",\"cite\":{\"doc\":\"user\"}}]}]}";

void test_params(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *p = ancre_params_new();
    CHECK(ancre_params_load_json(p, doc1, strlen(doc1), "doc1", &errs) == 0, "load doc1");
    const period_t *pe = NULL;
    CHECK(params_lookup(p, "x.rate", date_make(2021, 12, 31), NULL, &pe) == PARAM_OK &&
              q_cmp(pe->num, q_frac(1, 2)) == 0,
          "value of 2021");
    CHECK(params_lookup(p, "x.rate", date_make(2015, 9, 30), NULL, &pe) == PARAM_NOT_IN_FORCE,
          "before the first period: not in force, never zero");
    CHECK(params_lookup(p, "y", date_make(2022, 1, 1), NULL, &pe) == PARAM_UNKNOWN, "unknown");
    CHECK(ancre_params_load_json(p, doc2, strlen(doc2), "doc2", &errs) == 0, "overlay");
    CHECK(params_lookup(p, "x.rate", date_make(2023, 6, 1), NULL, &pe) == PARAM_OK &&
              q_cmp(pe->num, q_frac(7, 10)) == 0,
          "overlay value in 2023");
    CHECK(params_lookup(p, "x.rate", date_make(2022, 6, 1), NULL, &pe) == PARAM_NOT_IN_FORCE,
          "the replaced 2022+ period is gone whole");
    CHECK(params_lookup(p, "x.rate", date_make(2020, 6, 1), NULL, &pe) == PARAM_OK,
          "the 2015-2021 period is kept");
    const char *bad = "{\"ancre_params\":1,\"parameters\":[{\"id\":\"z\",\"unit\":\"rate\","
                      "\"values\":[{\"from\":\"2020-01-01\",\"value\":0.5,\"cite\":{}}]}]}";
    CHECK(ancre_params_load_json(p, bad, strlen(bad), "bad", &errs) != 0,
          "a JSON real is refused (not exact)");
    ancre_errors_clear(&errs);
    ancre_params_free(p);

    /* the built-in data loads without error and every period has a citation */
    ancre_params *d = ancre_params_new();
    CHECK(ancre_params_load_defaults(d, &errs) == 0, "built-in parameters load");
    for (size_t i = 0; i < errs.count; i++)
        fprintf(stderr, "  %s\n", errs.items[i].message);
    size_t uncited = 0;
    for (size_t i = 0; i < d->n; i++)
        for (size_t k = 0; k < d->items[i].n; k++)
            if (!d->items[i].periods[k].cite.doc) uncited++;
    CHECK_EQ_INT(uncited, 0, "every built-in period cites its source");
    CHECK(params_lookup(d, "rsf.point_value", date_make(2023, 12, 31), NULL, &pe) == PARAM_OK &&
              q_cmp(pe->num, q_int(7)) == 0,
          "point value 7 EUR (Art. 13, L2730)");
    ancre_errors_clear(&errs);
    ancre_params_free(d);
}
