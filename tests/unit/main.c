/* Unit tests of libancre's building blocks; the rules themselves are tested by the golden
 * cases of tests/golden/. */
#include "check.h"

int check_passed, check_failed;

void test_q(void);
void test_date(void);
void test_params(void);
void test_decl(void);
void test_decl_lists(void);
void test_roster(void);
void test_invalid(void);
void test_i18n(void);
void test_calendar(void);

int main(void) {
    test_q();
    test_date();
    test_params();
    test_decl();
    test_decl_lists();
    test_roster();
    test_invalid();
    test_i18n();
    test_calendar();
    printf("unit: %d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}
