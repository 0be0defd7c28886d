/* The store commands of the ancre tool (src/cli/cmd_store.c, docs/store.md). */
#ifndef ANCRE_CMD_STORE_H
#define ANCRE_CMD_STORE_H

#include <stdbool.h>

/* True for import, record, ledger, calendar, centres, declaration, result, reproduce. */
bool cmd_store_handles(const char *command);
/* Runs one of them: argv[1] is the command.  Returns the exit code. */
int cmd_store(int argc, char **argv);
/* Their usage text. */
const char *cmd_store_usage(void);

#endif
