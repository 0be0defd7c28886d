/* PostgreSQL backend of the store, for offices that share one database: the same schema as the
 * SQLite file, reached through libpq with a connection URI ("postgresql://user@host:port/db").
 *
 * A transaction that does not reach COMMIT (an error, or the client killed and its connection
 * dropped) is rolled back by the server. */
#include "store_backend.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The store's SQL uses "?" placeholders; PostgreSQL wants $1, $2, ...  No statement of the store
 * has a question mark inside a literal. */
static char *number_placeholders(const char *sql) {
    size_t n = 0;
    for (const char *p = sql; *p; p++)
        n += *p == '?';
    char *out = malloc(strlen(sql) + n * 4 + 1), *o = out;
    if (!out) abort();
    int k = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '?')
            o += sprintf(o, "$%d", ++k);
        else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

static void pg_failure(ancre_errors *errs, PGconn *pg, PGresult *res) {
    const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(pg);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", msg && *msg ? msg : PQerrorMessage(pg));
    size_t l = strlen(buf);
    while (l && (buf[l - 1] == '\n' || buf[l - 1] == ' '))
        buf[--l] = '\0';
    store_error(errs, "", "PostgreSQL statement failed: %s", buf);
}

static int pg_exec(void *conn, const char *sql, int nparams, const char *const *params,
                   store_rows *rows, ancre_errors *errs) {
    PGconn *pg = conn;
    if (rows) memset(rows, 0, sizeof *rows);
    char *numbered = number_placeholders(sql);
    PGresult *res = PQexecParams(pg, numbered, nparams, NULL, params, NULL, NULL, 0);
    free(numbered);
    ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        pg_failure(errs, pg, res);
        PQclear(res);
        return -1;
    }
    if (rows && s == PGRES_TUPLES_OK) {
        rows->nrows = (size_t)PQntuples(res);
        rows->ncols = (size_t)PQnfields(res);
        rows->cells = calloc(rows->nrows * rows->ncols + 1, sizeof *rows->cells);
        if (!rows->cells) abort();
        for (size_t r = 0; r < rows->nrows; r++)
            for (size_t c = 0; c < rows->ncols; c++)
                if (!PQgetisnull(res, (int)r, (int)c))
                    rows->cells[r * rows->ncols + c] = strdup(PQgetvalue(res, (int)r, (int)c));
    }
    PQclear(res);
    return 0;
}

static int pg_script(void *conn, const char *sql, ancre_errors *errs) {
    PGresult *res = PQexec(conn, sql);
    ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        pg_failure(errs, conn, res);
        PQclear(res);
        return -1;
    }
    PQclear(res);
    return 0;
}

static void pg_close(void *conn) {
    PQfinish(conn);
}

static void quiet_notices(void *arg, const char *message) {
    (void)arg;
    (void)message; /* "relation already exists, skipping" and the like */
}

static const store_backend pg_backend = {
    .name = "postgresql",
    .id_column = "BIGSERIAL PRIMARY KEY",
    .begin_sql = "BEGIN",
    /* two programs opening a new database at once must not both create the schema */
    .schema_lock = "SELECT pg_advisory_xact_lock(7412001)",
    .exec = pg_exec,
    .script = pg_script,
    .close = pg_close,
};

void *store_pg_open(const char *conninfo, const store_backend **backend, ancre_errors *errs) {
    PGconn *pg = PQconnectdb(conninfo);
    if (!pg || PQstatus(pg) != CONNECTION_OK) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", pg ? PQerrorMessage(pg) : "out of memory");
        size_t l = strlen(buf);
        while (l && (buf[l - 1] == '\n' || buf[l - 1] == ' '))
            buf[--l] = '\0';
        store_error(errs, "db", "cannot connect to the PostgreSQL store: %s", buf);
        PQfinish(pg);
        return NULL;
    }
    PQsetNoticeProcessor(pg, quiet_notices, NULL);
    if (pg_script(pg, "SET client_min_messages = warning; SET TIME ZONE 'UTC';", errs) != 0) {
        PQfinish(pg);
        return NULL;
    }
    *backend = &pg_backend;
    return pg;
}
