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

/* A record of a JSON Lines batch: parses one line and computes it. */
typedef int (*cli_record_fn)(ancre_result **out, const char *text, size_t len,
                             const ancre_params *params, const ancre_readings *readings,
                             ancre_errors *errs);
/* Whether FILE holds JSON Lines (by its extension, or several documents one per line). */
bool cli_is_jsonl(const char *path, const char *text, size_t len);
/* Computes every line; prints one result or error record per line; returns the exit code. */
int cli_batch(char *text, size_t len, const ancre_params *params, const ancre_readings *readings,
              cli_record_fn compute, const char *verb);

/* ancre serve [--port N] [--host ADDR] [--db DB] ... (cmd_serve.c; argv[0] is "serve") */
int cmd_serve(int argc, char **argv);

#endif
