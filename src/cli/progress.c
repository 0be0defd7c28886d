/* The progress line of long batches: "1 234 / 3 000 enregistrements, 812 par seconde, reste
 * 2 s", rewritten in place on standard error, from the third second on, at most five times a
 * second; cleared at the end.  Off when standard error is not a terminal (a log, a pipe) or
 * with --quiet. */
#include "cli.h"
#include "options.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_AFTER_S 2.0 /* work shorter than this shows no line */
#define PROGRESS_EVERY_S 0.2

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 1234567 as "1 234 567" (French grouping) */
static void grouped(size_t n, char *buf, size_t cap) {
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    size_t k = 0;
    for (int i = 0; i < len && k + 2 < cap; i++) {
        if (i && (len - i) % 3 == 0) buf[k++] = ' ';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

void cli_progress_start(cli_progress *p, size_t total, bool quiet) {
    p->on = !quiet && isatty(STDERR_FILENO);
    p->shown = false;
    p->total = total;
    p->start = p->last = now_s();
}

void cli_progress_step(cli_progress *p, size_t done) {
    if (!p->on) return;
    double t = now_s();
    if (t - p->start < PROGRESS_AFTER_S || t - p->last < PROGRESS_EVERY_S) return;
    p->last = t;
    double rate = (double)done / (t - p->start);
    char d[32], n[32];
    grouped(done, d, sizeof d);
    grouped(p->total, n, sizeof n);
    fprintf(stderr, "\r\033[K");
    if (p->total >= done && rate > 0)
        fprintf(stderr, cli_tr("%s / %s enregistrements, %.0f par seconde, reste %.0f s"), d, n,
                rate, (double)(p->total - done) / rate);
    else
        fprintf(stderr, cli_tr("%s enregistrements, %.0f par seconde"), d, rate);
    fflush(stderr);
    p->shown = true;
}

void cli_progress_end(cli_progress *p) {
    if (p->shown) fprintf(stderr, "\r\033[K");
    p->shown = false;
}
