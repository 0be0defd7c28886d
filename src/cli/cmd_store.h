/* The store commands of the ancre tool (src/cli/cmd_store.c, docs/store.md). */
#ifndef ANCRE_CMD_STORE_H
#define ANCRE_CMD_STORE_H

#include "options.h"

/* import, record, ledger, calendar, centres, declaration, result, reproduce (o->command).
 * Returns the exit code. */
int cmd_store(const cli_opts *o);

#endif
