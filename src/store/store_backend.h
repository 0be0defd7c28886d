/* What store.c needs from a database: statements with text parameters, rows of text back, and
 * transactions.  store_sqlite.c and store_pg.c implement it; the SQL that store.c writes is the
 * subset both understand, with "?" placeholders (store_pg.c numbers them $1, $2, ...). */
#ifndef ANCRE_STORE_BACKEND_H
#define ANCRE_STORE_BACKEND_H

#include "ancre/ancre.h"

#include <stddef.h>

typedef struct {
    size_t nrows, ncols;
    char **cells; /* row-major nrows × ncols, NULL for an SQL NULL */
} store_rows;

const char *store_cell(const store_rows *rows, size_t row, size_t col);
void store_rows_free(store_rows *rows);

typedef struct store_backend {
    const char *name;        /* "sqlite", "postgresql" */
    const char *id_column;   /* type of an generated integer key in CREATE TABLE */
    const char *begin_sql;   /* starts a write transaction */
    const char *schema_lock; /* statement serialising migrations, or NULL */
    /* Runs one statement with nparams text parameters (NULL: SQL NULL); rows receives the
     * result rows when not NULL. */
    int (*exec)(void *conn, const char *sql, int nparams, const char *const *params,
                store_rows *rows, ancre_errors *errs);
    /* Runs several statements without parameters (schema migrations). */
    int (*script)(void *conn, const char *sql, ancre_errors *errs);
    void (*close)(void *conn);
} store_backend;

/* Each opens its connection; on failure returns NULL and reports why. */
void *store_sqlite_open(const char *path, const store_backend **backend, ancre_errors *errs);
void *store_pg_open(const char *conninfo, const store_backend **backend, ancre_errors *errs);

/* Appends an error about the database (rule "store"). */
void store_error(ancre_errors *errs, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
