/* Commands of the ancre tool that live in their own file, and the helpers they share with
 * main.c. */
#ifndef ANCRE_CLI_H
#define ANCRE_CLI_H

#include "ancre/ancre.h"
#include "options.h"

#include <stdbool.h>
#include <stdio.h>

/* ancre roster FILE --year YYYY [--json] [--params FILE] [--reading ID=VALUE] */
int cmd_roster(const cli_opts *o);

/* The language chosen with --lang (NULL: French), for every command. */
extern const char *cli_lang;

void print_errors(const ancre_errors *errs, bool json, FILE *out);
char *read_all(const char *path, size_t *len);

/* ancre contract FILE: the schedule of a contract document (or of a declaration's contracts);
 * JSON Lines gives one schedule or error record per line.  Returns the exit code. */
bool is_contract_document(const char *text, size_t len);
int cmd_contract(const char *file, char *text, size_t len, const ancre_params *params,
                 const ancre_readings *readings, bool json);

/* ancre deadlines FILE: the deadlines of a deadlines document; ancre procedure FILE: the state
 * of a procedure document (cmd_deadlines.c). */
int cmd_deadlines(const cli_opts *o);
int cmd_procedure(const cli_opts *o);

/* A record of a JSON Lines batch: parses one line and computes it. */
typedef int (*cli_record_fn)(ancre_result **out, const char *text, size_t len,
                             const ancre_params *params, const ancre_readings *readings,
                             ancre_errors *errs);
/* Whether FILE holds JSON Lines (by its extension, or several documents one per line). */
bool cli_is_jsonl(const char *path, const char *text, size_t len);
/* Whether FILE holds CSV declarations (docs/declaration-csv.md): by its extension (.csv, .tsv),
 * or, for other names and standard input, a text that does not start as JSON. */
bool cli_is_csv(const char *path, const char *text, size_t len);

/* What a batch prints for each record: the full result document (JSON Lines), or one table row
 * (src/cli/table.c) as CSV (';'), TSV or JSON Lines. */
typedef enum { CLI_OUT_FULL, CLI_OUT_CSV, CLI_OUT_TSV, CLI_OUT_JSONL } cli_out_format;
typedef struct {
    cli_out_format format;
    bool quiet; /* no progress line */
    /* when set, each record goes to sink instead of standard output: its result, or NULL and
     * its errors (ancre report) */
    void (*sink)(void *ctx, size_t line, const ancre_result *r, const ancre_errors *errs);
    void *ctx;
} cli_batch_opts;
/* Computes every record of a JSON Lines text, or of a CSV text when csv; prints one result or
 * error record each, in input order; returns the exit code.  bo NULL: full documents. */
int cli_batch(char *text, size_t len, bool csv, const ancre_params *params,
              const ancre_readings *readings, cli_record_fn compute, const char *verb,
              const cli_batch_opts *bo);

/* The table of a batch: a header, then one row per record, result or errors. */
typedef struct cli_table cli_table;
cli_table *cli_table_new(cli_out_format format, FILE *out);
void cli_table_result(cli_table *t, size_t line, const ancre_result *r);
/* An error row: the FINESS, type and year are read from the record when it gives them. */
void cli_table_errors(cli_table *t, size_t line, const char *record, size_t len,
                      const ancre_errors *errs);
void cli_table_free(cli_table *t);

/* A progress line on standard error (count, rate, time left) for work of more than a few
 * seconds; nothing when standard error is not a terminal or with quiet. */
typedef struct {
    bool on, shown;
    size_t total;
    double start, last;
} cli_progress;
void cli_progress_start(cli_progress *p, size_t total, bool quiet);
void cli_progress_step(cli_progress *p, size_t done);
void cli_progress_end(cli_progress *p);

/* ancre report FILE: totals and distributions across the centres of a batch (cmd_report.c) */
int cmd_report(const cli_opts *o);

/* ancre serve [--port N] [--host ADDR] [--db DB] ... (cmd_serve.c; argv[0] is "serve") */
int cmd_serve(int argc, char **argv);

#endif
