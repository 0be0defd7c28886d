/* Error lists: every problem found in one pass, each with the field path, the rule and what
 * was expected, so that a user fixes a declaration in one round. */
#ifndef ANCRE_ERRORS_H
#define ANCRE_ERRORS_H

#include "ancre/ancre.h"

void errors_add(ancre_errors *errs, const char *path, const char *rule, const char *expected,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
