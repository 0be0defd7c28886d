/* The roster aggregation of the library (src/lib/mt/roster.c), fed line by line without I/O:
 * header, categories at their age boundaries on 31 December, the snapshot, bad rows. */
#include "ancre/ancre.h"
#include "check.h"

#include <stdlib.h>

static int feed(ancre_roster *r, const char *line, char *msg) {
    return ancre_roster_feed(r, line, strlen(line), msg, 256);
}

void test_roster(void);
void test_roster(void) {
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = ancre_params_new();
    ancre_params_load_defaults(params, &errs);
    ancre_roster *r = NULL;
    char msg[256];
    CHECK(ancre_roster_new(&r, 2019, params, &errs) == 0, "roster of 2019");
    CHECK(feed(r, "centre_id,patient_key,birth_date,ald,css,mt_start,mt_end", msg) == 0, "header");
    /* on 31/12/2019: born 2013 -> 6 (0-6); 2012 -> 7; 1940 -> 79; 1939 -> 80 */
    CHECK(feed(r, "C1,a,2013-12-31,0,0,2019-12-31,", msg) == 0, "declared on 31/12 counts");
    CHECK(feed(r, "C1,b,2012-01-01,0,1,2015-01-01,", msg) == 0, "age 7");
    CHECK(feed(r, "C1,c,1940-06-01,0,0,2015-01-01,", msg) == 0, "age 79");
    CHECK(feed(r, "C1,d,1939-06-01,0,0,2015-01-01,", msg) == 0, "age 80");
    CHECK(feed(r, "C1,e,1939-06-01,1,1,2015-01-01,", msg) == 0, "age 80 in ALD");
    CHECK(feed(r, "C1,f,2016-06-01,1,0,2017-01-01,", msg) == 0, "child in ALD");
    CHECK(feed(r, "C1,g,2000-06-01,0,0,2020-01-01,", msg) == 0, "declared after the snapshot");
    CHECK(feed(r, "C1,h,2000-06-01,0,0,2015-01-01,2019-12-30", msg) == 0, "ended before");
    CHECK(feed(r, "C2,i,2003-06-01,0,0,2015-01-01,2019-12-31\r", msg) == 0, "CR, ended on 31/12");
    CHECK(feed(r, "C1,j,2019-02-29,0,0,2019-03-01,", msg) != 0, "29 February 2019 rejected");
    CHECK(strstr(msg, "birth_date") != NULL, "the bad column is named");
    CHECK(feed(r, "C1,k,2000-01-01,0,0,2015-01-01", msg) != 0, "six columns rejected");
    CHECK(feed(r, "C1,k,2000-01-01,0,0,2015-01-01,,", msg) != 0, "eight columns rejected");
    CHECK(feed(r, "C1,l,2000-01-01,0,0,2015-01-01,2014-01-01", msg) != 0, "end before start");
    CHECK(feed(r, "C1,m,2000-01-01,yes,0,2015-01-01,", msg) != 0, "ald flag");
    const ancre_roster_centre *cs = NULL;
    size_t n = ancre_roster_centres(r, &cs);
    CHECK_EQ_INT(n, 2, "two centres");
    if (n == 2) {
        CHECK_EQ_STR(cs[0].centre_id, "C1", "sorted by id");
        CHECK_EQ_INT(cs[0].rows, 8, "valid rows of C1");
        CHECK_EQ_INT(cs[0].patients, 6, "patients of C1 at 31/12");
        CHECK_EQ_INT(cs[0].not_at_snapshot, 2, "rows of C1 not at the snapshot");
        CHECK_EQ_INT(cs[0].child_0_6_no_ald, 1, "0-6");
        CHECK_EQ_INT(cs[0].other_7_79_no_ald, 2, "7-79");
        CHECK_EQ_INT(cs[0].age_80_plus_no_ald, 1, "80+");
        CHECK_EQ_INT(cs[0].age_80_plus_ald, 1, "80+ ALD");
        CHECK_EQ_INT(cs[0].under_80_ald, 1, "ALD under 80 (the child)");
        CHECK_EQ_INT(cs[0].css, 2, "CSS");
        CHECK_EQ_INT(cs[0].under_16, 3, "under 16 (6, 7 and the ALD child of 3)");
        CHECK_EQ_INT(cs[1].patients, 1, "C2 counts a declaration ending on 31/12");
        char *decl = ancre_roster_declaration_json(r, &cs[0]);
        CHECK(decl && strstr(decl, "\"n_80_plus_ald\": 1") != NULL, "declaration of C1");
        free(decl);
    }
    ancre_roster_free(r);
    ancre_roster *r2 = NULL;
    CHECK(ancre_roster_new(&r2, 2019, params, &errs) == 0, "second roster");
    CHECK(feed(r2, "centre,patient", msg) != 0, "a wrong header is rejected");
    ancre_roster_free(r2);
    ancre_roster *r3 = NULL;
    CHECK(ancre_roster_new(&r3, 2017, params, &errs) != 0, "no FPMT age limits in 2017");
    ancre_params_free(params);
    ancre_errors_clear(&errs);
}
