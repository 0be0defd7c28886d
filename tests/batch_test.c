/* The batch loop of the command-line tool (src/cli/batch.c): whatever one line does, every other
 * line gets its record, in order, and the batch ends with the count.  A record function that
 * kills its process on some lines stands for any defect a line could reach. */
#include "../src/cli/cli.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *cli_lang = NULL; /* French, as the command line without --lang */

const char *cli_tr(const char *french) {
    return french;
}

void print_errors(const ancre_errors *errs, bool json, FILE *out) {
    (void)json;
    for (size_t i = 0; i < errs->count; i++)
        fprintf(out, "%s\n", errs->items[i].message);
}

static int passed, failed;
#define CHECK(c, what)                                                                             \
    do {                                                                                           \
        if (c)                                                                                     \
            passed++;                                                                              \
        else {                                                                                     \
            failed++;                                                                              \
            fprintf(stderr, "FAIL batch: %s\n", what);                                             \
        }                                                                                          \
    } while (0)

/* "ok" computes nothing and fails with an error; "segv" and "exit" end the process. */
static int record(ancre_result **out, const char *text, size_t len, const ancre_params *params,
                  const ancre_readings *readings, ancre_errors *errs) {
    (void)params;
    (void)readings;
    *out = NULL;
    if (len >= 4 && memcmp(text, "segv", 4) == 0) raise(SIGSEGV);
    if (len >= 4 && memcmp(text, "exit", 4) == 0) _exit(7);
    if (len >= 4 && memcmp(text, "loop", 4) == 0) kill(getpid(), SIGKILL);
    errs->items = calloc(1, sizeof *errs->items);
    errs->items[0].path = strdup("x");
    errs->items[0].rule = strdup("test");
    errs->items[0].expected = strdup("");
    errs->items[0].message = strndup(text, len);
    errs->count = errs->cap = 1;
    return -1;
}

int main(void) {
    char path[] = "/tmp/ancre-batch-test-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 2;
    close(fd);
    char text[] = "ok one\n\nsegv two\nok three\nexit four\nloop five\nok six";
    fflush(stdout);
    int saved = dup(1);
    if (!freopen(path, "w", stdout)) return 2;
    int rc = cli_batch(text, strlen(text), false, NULL, NULL, record, "calculés", NULL);
    fflush(stdout);
    dup2(saved, 1);
    CHECK(rc == 1, "a batch with bad lines exits 1");
    FILE *f = fopen(path, "r");
    char line[1024];
    const char *want[] = {"\"line\":1,", "\"line\":3,", "\"line\":4,",
                          "\"line\":5,", "\"line\":6,", "\"line\":7,"};
    /* (under AddressSanitizer a SIGSEGV ends the worker with exit 1 after its report) */
    const char *what[] = {
        "ok one", "interrompu le processus", "ok three", "code de sortie 7", "signal 9", "ok six"};
    size_t n = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (n < 6) {
            CHECK(strstr(line, want[n]) != NULL, want[n]);
            CHECK(strstr(line, what[n]) != NULL, what[n]);
        }
        n++;
    }
    CHECK(n == 6, "one record per non-blank line, none lost");
    if (f) fclose(f);
    unlink(path);
    fprintf(stderr, "batch: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
