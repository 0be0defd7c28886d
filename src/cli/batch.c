/* JSON Lines batches, shared by the commands that compute one record per line: each line gives
 * one compact result or {"line": N, "ok": false, "errors": [...]}, in input order; a bad line
 * does not stop the others.
 *
 * Whatever one line does, the others get their record: the lines are computed in a worker
 * process that tells the command which line it starts and how it ended.  Should the worker die
 * on a line (a defect of the library, exhausted memory), that line gets an error record and a
 * new worker goes on with the next one.  Every record is flushed as soon as it is computed, so
 * a reader of the output (or an interrupted run) has every line already done. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

bool cli_is_jsonl(const char *path, const char *text, size_t len) {
    size_t n = strlen(path);
    if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
        (n > 7 && strcmp(path + n - 7, ".ndjson") == 0))
        return true;
    return ancre_text_is_json_lines(text, len);
}

static void print_error_record(size_t lineno, const ancre_errors *errs) {
    char *out = ancre_errors_to_json(errs, lineno, ANCRE_JSON_COMPACT);
    printf("%s\n", out);
    fflush(stdout);
    free(out);
}

/* What the worker tells the command about each line (one write, atomic on a pipe). */
typedef struct {
    uint64_t lineno; /* physical line number, from 1 */
    uint64_t next;   /* offset of the text after the line */
    int32_t state;   /* -1 started, 0 computed, 1 refused */
} line_event;

typedef struct {
    char *text;
    size_t len;
    const ancre_params *params;
    const ancre_readings *readings;
    cli_record_fn compute;
} batch_job;

/* Computes the lines from offset `from` on; reports each to fd (or nowhere when fd < 0). */
static void run_lines(const batch_job *j, size_t from, size_t lineno, int fd, size_t *done,
                      size_t *failed) {
    ancre_lines it;
    ancre_lines_begin(&it, j->text + from, j->len - from);
    const char *line;
    size_t l, at;
    while (ancre_lines_next(&it, &line, &l, &at)) {
        line_event ev = {lineno + at, (uint64_t)(it.next - j->text), -1};
        if (fd >= 0 && write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) _exit(3);
        (*done)++;
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        ancre_result *r = NULL;
        if (j->compute(&r, line, l, j->params, j->readings, &errs) == 0) {
            char *out = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
            printf("%s\n", out);
            fflush(stdout);
            free(out);
            ev.state = 0;
        } else {
            print_error_record((size_t)ev.lineno, &errs);
            ev.state = 1;
        }
        if (ev.state) (*failed)++;
        ancre_result_free(r);
        ancre_errors_clear(&errs);
        if (fd >= 0 && write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) _exit(3);
    }
}

/* The record of a line on which the worker died. */
static void print_lost_line(size_t lineno, int status) {
    char msg[256];
    if (WIFSIGNALED(status))
        snprintf(msg, sizeof msg,
                 ancre_tr(cli_lang, "le calcul de cette ligne a interrompu le processus (signal "
                                    "%d) ; les autres lignes sont calculées"),
                 WTERMSIG(status));
    else
        snprintf(msg, sizeof msg,
                 ancre_tr(cli_lang, "le calcul de cette ligne a interrompu le processus (code de "
                                    "sortie %d) ; les autres lignes sont calculées"),
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_error e = {(char *)"", (char *)"batch",
                     (char *)ancre_tr(cli_lang, "une ligne calculable"), msg};
    errs.items = &e;
    errs.count = errs.cap = 1;
    print_error_record(lineno, &errs);
}

int cli_batch(char *text, size_t len, const ancre_params *params, const ancre_readings *readings,
              cli_record_fn compute, const char *verb) {
    batch_job j = {text, len, params, readings, compute};
    size_t done = 0, failed = 0, from = 0, lineno = 0;
    fflush(stdout);
    while (from < len) {
        int fds[2];
        pid_t pid = -1;
        if (pipe(fds) == 0) {
            pid = fork();
            if (pid < 0) {
                close(fds[0]);
                close(fds[1]);
            }
        }
        if (pid < 0) { /* no worker: compute here, without the isolation */
            run_lines(&j, from, lineno, -1, &done, &failed);
            break;
        }
        if (pid == 0) {
            close(fds[0]);
            size_t d = 0, f = 0;
            run_lines(&j, from, lineno, fds[1], &d, &f);
            fflush(stdout);
            _exit(0);
        }
        close(fds[1]);
        line_event ev, started = {0, 0, 0};
        bool open_line = false;
        ssize_t got;
        for (;;) {
            got = read(fds[0], &ev, sizeof ev);
            if (got < 0 && errno == EINTR) continue;
            if (got != (ssize_t)sizeof ev) break;
            if (ev.state < 0) {
                started = ev;
                open_line = true;
                done++;
            } else {
                open_line = false;
                if (ev.state) failed++;
            }
        }
        close(fds[0]);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !open_line) break;
        if (!open_line) {
            if (started.lineno == 0) { /* the worker did not start: compute here */
                run_lines(&j, from, lineno, -1, &done, &failed);
                break;
            }
            /* died between two lines: nothing lost, go on after the last one */
            from = started.next;
            lineno = started.lineno;
            continue;
        }
        print_lost_line(started.lineno, status);
        failed++;
        from = started.next;
        lineno = started.lineno;
    }
    /* verb: the French past participle of what was done ("calculés") */
    fprintf(stderr, ancre_tr(cli_lang, "ancre : %zu enregistrements, %zu %s, %zu en erreur\n"),
            done, done - failed, ancre_tr(cli_lang, verb), failed);
    return failed ? 1 : 0;
}
