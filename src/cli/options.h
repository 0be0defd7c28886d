/* The command line of ancre: one table of options read by getopt_long (so "--opt value" and
 * "--opt=value" both work), one table of commands (src/cli/main.c), and the usage of each
 * command built from both tables.  Every string a person reads is French and goes through
 * cli_tr(); the English of each is in i18n/en/cli.tsv. */
#ifndef ANCRE_CLI_OPTIONS_H
#define ANCRE_CLI_OPTIONS_H

#include "ancre/ancre.h"

#include <stdbool.h>
#include <stdio.h>

/* Groups of commands that share options: an option applies to a command when their groups
 * meet. */
enum {
    CLI_G_COMPUTE = 1 << 0,  /* compute, explain, batch, validate, contract */
    CLI_G_PARAMS = 1 << 1,   /* params */
    CLI_G_STORE = 1 << 2,    /* import, record, ledger, calendar, centres, ... */
    CLI_G_ROSTER = 1 << 3,   /* roster */
    CLI_G_TEMPLATE = 1 << 4, /* template */
    CLI_G_INFO = 1 << 5,     /* readings, schema */
    CLI_G_TABLE = 1 << 6,    /* commands whose batch output can be a table (--format) */
    CLI_G_REPORT = 1 << 7,   /* report */
};

/* Everything the command line can say; filled by cli_parse from the option table. */
typedef struct cli_opts {
    const char *command;
    const char *file; /* the first operand, or NULL */
    const char *operands[8];
    int noperands;
    bool json, sensitivity, quiet, csv, help, skip_bad, all_or_nothing, all_dates;
    const char *date, *db, *finess, *after, *format, *lang;
    int year;
    long long id;
    const char *param_files[32];
    int nparam_files;
    const char *reading_args[64];
    int nreadings;
} cli_opts;

typedef struct cli_command {
    const char *name;
    /* one of the two: run gets the options parsed from the table; run_argv parses its own
     * (argv[0] is the command's name) and answers --help itself */
    int (*run)(const cli_opts *o);
    int (*run_argv)(int argc, char **argv);
    unsigned groups;     /* which options it takes (CLI_G_*) */
    const char *operand; /* its operands in the usage line ("FICHIER|-"), or "" */
    const char *summary; /* one sentence */
    const char *details; /* more lines for its usage, or NULL */
} cli_command;

/* The command table (src/cli/main.c), ended by a row whose name is NULL. */
extern const cli_command cli_commands[];

/* The English (or other language) of a French message, when one was asked for with --lang and
 * is known; the French itself otherwise. */
const char *cli_tr(const char *french) __attribute__((format_arg(1)));

const cli_command *cli_find_command(const char *name);
/* Parses argv (argv[0] is the command's name) with the option table.  Returns 0, or prints the
 * problem and the command's usage on stderr and returns 2. */
int cli_parse(int argc, char **argv, const cli_command *cmd, cli_opts *o);
/* The usage of one command (its line, its sentence, its options), or of the whole tool when cmd
 * is NULL. */
void cli_usage(FILE *out, const cli_command *cmd);
/* A usage error: "ancre CMD : MESSAGE", then the command's usage, on stderr; returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The built-in parameters followed by the --params files; NULL with the errors listed (or a
 * message printed when a file cannot be read). */
ancre_params *cli_load_params(const cli_opts *o, ancre_errors *errs);

#endif
