/* Batches, shared by the commands that compute one record per line of JSON Lines or per row of
 * a CSV declaration file: each record gives one result or {"line": N, "ok": false, "errors":
 * [...]}, in input order; a bad record does not stop the others.  The output is the full result
 * document of each record (JSON Lines), or one table row per record (--format csv|tsv|jsonl,
 * src/cli/table.c).
 *
 * Whatever one record does, the others get theirs: the records are computed in a worker process
 * that tells the command which record it starts and how it ended.  Should the worker die on a
 * record (a defect of the library, exhausted memory), that record gets an error record and a new
 * worker goes on with the next one.  Every record is flushed as soon as it is computed, so a
 * reader of the output (or an interrupted run) has every record already done. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

bool cli_is_jsonl(const char *path, const char *text, size_t len) {
    size_t n = strlen(path);
    if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
        (n > 7 && strcmp(path + n - 7, ".ndjson") == 0))
        return true;
    return ancre_text_is_json_lines(text, len);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

bool cli_is_csv(const char *path, const char *text, size_t len) {
    if (ends_with(path, ".csv") || ends_with(path, ".tsv")) return true;
    if (ends_with(path, ".json") || ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
        return false;
    /* standard input or another name: JSON starts with '{', a CSV with its header */
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    return i < len && text[i] != '{' && text[i] != '[';
}

static void print_error_record(size_t lineno, const ancre_errors *errs) {
    char *out = ancre_errors_to_json(errs, lineno, ANCRE_JSON_COMPACT);
    printf("%s\n", out);
    free(out);
}

/* The records of a batch, one at a time: the lines of JSON Lines, or the rows of a CSV. */
typedef struct {
    char *p, *end;     /* JSON Lines */
    ancre_lines lines; /* what is left of them */
    ancre_csv *csv;    /* or the CSV */
    size_t row;
    char *row_json;
} source;

static size_t count_records(const source *s) {
    if (s->csv) return ancre_csv_rows(s->csv);
    size_t n = 0;
    for (const char *q = s->p; q < s->end; q++)
        n += *q == '\n';
    return n + (s->end > s->p && s->end[-1] != '\n');
}

/* 1: a record in text/len, numbered *line; 0: no more; -1: a record that cannot be read, with
 * its errors. */
static int next_record(source *s, const char **text, size_t *len, size_t *line_no,
                       ancre_errors *errs) {
    if (s->csv) {
        free(s->row_json);
        s->row_json = NULL;
        if (s->row == ancre_csv_rows(s->csv)) return 0;
        int rc = ancre_csv_row_json(s->csv, s->row++, &s->row_json, line_no, errs);
        if (rc != 0) return -1;
        *text = s->row_json;
        *len = strlen(s->row_json);
        return 1;
    }
    const char *line;
    size_t l;
    if (ancre_lines_next(&s->lines, &line, &l, line_no)) {
        *text = line;
        *len = l;
        return 1;
    }
    return 0;
}

/* What the worker tells the command about each record (one write, atomic on a pipe). */
typedef struct {
    uint64_t index;  /* the record's rank in the batch, from 0 */
    uint64_t lineno; /* its line (JSON Lines) or row (CSV) */
    int32_t state;   /* -1 started, 0 computed, 1 refused */
} record_event;

typedef struct {
    source *s;
    const ancre_params *params;
    const ancre_readings *readings;
    cli_record_fn compute;
    cli_table *table;
    cli_progress *progress;
    const cli_batch_opts *bo;
} batch_job;

static void tell(int fd, const record_event *ev) {
    if (fd >= 0 && write(fd, ev, sizeof *ev) != (ssize_t)sizeof *ev) _exit(3);
}

/* Computes the records from rank `from` on, reporting each to fd (nowhere when fd < 0). */
static void run_records(const batch_job *j, size_t from, int fd, size_t *done, size_t *failed) {
    source *s = j->s;
    if (s->csv) {
        s->row = from;
    } else {
        ancre_lines_begin(&s->lines, s->p, (size_t)(s->end - s->p));
        const char *t;
        size_t l, n;
        for (size_t k = 0; k < from && ancre_lines_next(&s->lines, &t, &l, &n); k++) {
        }
    }
    for (size_t index = from;; index++) {
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        const char *rec = NULL;
        size_t rlen = 0, lineno = 0;
        int got = next_record(s, &rec, &rlen, &lineno, &errs);
        if (got == 0) {
            ancre_errors_clear(&errs);
            break;
        }
        record_event ev = {index, lineno, -1};
        tell(fd, &ev);
        (*done)++;
        ancre_result *r = NULL;
        if (got == 1 && j->compute(&r, rec, rlen, j->params, j->readings, &errs) == 0) {
            if (j->bo->sink) {
                j->bo->sink(j->bo->ctx, lineno, r, NULL);
            } else if (j->table) {
                cli_table_result(j->table, lineno, r);
            } else {
                char *out = ancre_result_to_json(r, ANCRE_JSON_COMPACT);
                printf("%s\n", out);
                free(out);
            }
            ev.state = 0;
        } else {
            (*failed)++;
            if (j->bo->sink)
                j->bo->sink(j->bo->ctx, lineno, NULL, &errs);
            else if (j->table)
                cli_table_errors(j->table, lineno, rec, rlen, &errs);
            else
                print_error_record(lineno, &errs);
            ev.state = 1;
        }
        fflush(stdout);
        ancre_result_free(r);
        ancre_errors_clear(&errs);
        tell(fd, &ev);
        cli_progress_step(j->progress, *done);
    }
}

/* The record of a record on which the worker died. */
static void print_lost_record(const batch_job *j, size_t lineno, int status) {
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
    ancre_error e = {(char *)"", (char *)"batch",
                     (char *)ancre_tr(cli_lang, "une ligne calculable"), msg};
    ancre_errors errs = {&e, 1, 1, cli_lang};
    if (j->table)
        cli_table_errors(j->table, lineno, NULL, 0, &errs);
    else
        print_error_record(lineno, &errs);
    fflush(stdout);
}

/* Runs the records in workers from rank 0 on; returns with *done and *failed counted. */
static void run_isolated(const batch_job *j, size_t *done, size_t *failed) {
    size_t from = 0;
    for (;;) {
        int fds[2];
        pid_t pid = -1;
        fflush(stdout);
        if (pipe(fds) == 0) {
            pid = fork();
            if (pid < 0) {
                close(fds[0]);
                close(fds[1]);
            }
        }
        if (pid < 0) { /* no worker: compute here, without the isolation */
            run_records(j, from, -1, done, failed);
            return;
        }
        if (pid == 0) {
            close(fds[0]);
            size_t d = *done, f = 0;
            run_records(j, from, fds[1], &d, &f);
            fflush(stdout);
            _exit(0);
        }
        close(fds[1]);
        record_event ev, started = {0, 0, 0};
        bool open = false, any = false;
        for (;;) {
            ssize_t got = read(fds[0], &ev, sizeof ev);
            if (got < 0 && errno == EINTR) continue;
            if (got != (ssize_t)sizeof ev) break;
            if (ev.state < 0) {
                started = ev;
                open = any = true;
                (*done)++;
            } else {
                open = false;
                if (ev.state) (*failed)++;
            }
        }
        close(fds[0]);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (clean && !open) return;
        if (!any) { /* the worker did not start a record: compute the rest here */
            run_records(j, from, -1, done, failed);
            return;
        }
        if (open) {
            print_lost_record(j, (size_t)started.lineno, status);
            (*failed)++;
        }
        from = (size_t)started.index + 1;
    }
}

int cli_batch(char *text, size_t len, bool csv, const ancre_params *params,
              const ancre_readings *readings, cli_record_fn compute, const char *verb,
              const cli_batch_opts *bo) {
    static const cli_batch_opts defaults = {.format = CLI_OUT_FULL};
    if (!bo) bo = &defaults;
    source s = {text, text + len, {0}, NULL, 0, NULL};
    ancre_lines_begin(&s.lines, text, len);
    if (csv) {
        ancre_errors errs;
        ancre_errors_init(&errs);
        ancre_errors_set_lang(&errs, cli_lang);
        if (ancre_csv_open(&s.csv, text, len, &errs) != 0) {
            print_errors(&errs, false, stderr);
            ancre_errors_clear(&errs);
            return 1;
        }
    }
    cli_table *table =
        bo->format == CLI_OUT_FULL || bo->sink ? NULL : cli_table_new(bo->format, stdout);
    fflush(stdout); /* the header, before any worker inherits the buffer */
    cli_progress progress;
    cli_progress_start(&progress, count_records(&s), bo->quiet);
    size_t failed = 0, done = 0;
    batch_job j = {&s, params, readings, compute, table, &progress, bo};
    if (bo->sink) /* the records go to memory of this process: no worker */
        run_records(&j, 0, -1, &done, &failed);
    else
        run_isolated(&j, &done, &failed);
    cli_progress_end(&progress);
    cli_table_free(table);
    free(s.row_json);
    ancre_csv_free(s.csv);
    /* verb: the French past participle of what was done ("calculés") */
    fprintf(stderr, ancre_tr(cli_lang, "ancre : %zu enregistrements, %zu %s, %zu en erreur\n"),
            done, done - failed, ancre_tr(cli_lang, verb), failed);
    return failed ? 1 : 0;
}
