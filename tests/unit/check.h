/* Minimal assertions for the unit tests: each CHECK counts as one test; main prints
 * "N passed, N failed". */
#ifndef ANCRE_CHECK_H
#define ANCRE_CHECK_H

#include <stdio.h>
#include <string.h>

extern int check_passed, check_failed;

#define CHECK(cond, what)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what);                         \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_INT(got, want, what)                                                              \
    do {                                                                                           \
        long long got_ = (long long)(got), want_ = (long long)(want);                              \
        if (got_ == want_) {                                                                       \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            fprintf(stderr, "FAIL %s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, what,     \
                    got_, want_);                                                                  \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_STR(got, want, what)                                                              \
    do {                                                                                           \
        const char *got_ = (got), *want_ = (want);                                                 \
        if (got_ && want_ && strcmp(got_, want_) == 0) {                                           \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            fprintf(stderr, "FAIL %s:%d: %s: got '%s', want '%s'\n", __FILE__, __LINE__, what,     \
                    got_ ? got_ : "(null)", want_ ? want_ : "(null)");                             \
        }                                                                                          \
    } while (0)

#endif
