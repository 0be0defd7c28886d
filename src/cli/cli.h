/* Commands of the ancre tool that live in their own file. */
#ifndef ANCRE_CLI_H
#define ANCRE_CLI_H

/* ancre roster FILE --year YYYY [--json] [--params FILE] [--reading ID=VALUE]
 * (argv[0] is "roster") */
int cmd_roster(int argc, char **argv);

/* ancre serve [--port N] [--host ADDR] [--db DB] ... (cmd_serve.c; argv[0] is "serve") */
int cmd_serve(int argc, char **argv);

#endif
