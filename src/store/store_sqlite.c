/* SQLite backend of the store: an embedded database in one file, created on first use.
 *
 * The file keeps SQLite's rollback journal with synchronous=FULL, so a transaction interrupted by
 * an error, a crash or kill -9 is rolled back the next time the file is opened: the database is
 * exactly as before the transaction began. */
#include "store_backend.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static int sqlite_exec(void *conn, const char *sql, int nparams, const char *const *params,
                       store_rows *rows, ancre_errors *errs) {
    sqlite3 *db = conn;
    sqlite3_stmt *st = NULL;
    if (rows) memset(rows, 0, sizeof *rows);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_error(errs, "", "SQLite cannot prepare a statement: %s", sqlite3_errmsg(db));
        return -1;
    }
    for (int i = 0; i < nparams; i++) {
        int rc = params[i] ? sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC)
                           : sqlite3_bind_null(st, i + 1);
        if (rc != SQLITE_OK) {
            store_error(errs, "", "SQLite cannot bind a value: %s", sqlite3_errmsg(db));
            sqlite3_finalize(st);
            return -1;
        }
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows) continue;
        size_t ncols = (size_t)sqlite3_column_count(st);
        rows->ncols = ncols;
        if ((rows->nrows + 1) * ncols > cap) {
            cap = cap ? cap * 2 : 16 * (ncols ? ncols : 1);
            while (cap < (rows->nrows + 1) * ncols)
                cap *= 2;
            char **grown = realloc(rows->cells, cap * sizeof *grown);
            if (!grown) abort();
            rows->cells = grown;
        }
        for (size_t c = 0; c < ncols; c++) {
            const unsigned char *t = sqlite3_column_text(st, (int)c);
            rows->cells[rows->nrows * ncols + c] = t ? strdup((const char *)t) : NULL;
        }
        rows->nrows++;
    }
    if (rc != SQLITE_DONE) {
        store_error(errs, "", "SQLite statement failed: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        if (rows) store_rows_free(rows);
        return -1;
    }
    sqlite3_finalize(st);
    return 0;
}

static int sqlite_script(void *conn, const char *sql, ancre_errors *errs) {
    char *msg = NULL;
    if (sqlite3_exec(conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
        store_error(errs, "", "SQLite statement failed: %s", msg ? msg : "unknown error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static void sqlite_close(void *conn) {
    sqlite3_close(conn);
}

static const store_backend sqlite_backend = {
    .name = "sqlite",
    .id_column = "INTEGER PRIMARY KEY",
    /* IMMEDIATE takes the write lock at once: two writers wait for each other (busy timeout)
     * instead of failing half-way */
    .begin_sql = "BEGIN IMMEDIATE",
    .schema_lock = NULL,
    .exec = sqlite_exec,
    .script = sqlite_script,
    .close = sqlite_close,
};

void *store_sqlite_open(const char *path, const store_backend **backend, ancre_errors *errs) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        store_error(errs, "db", "cannot open the SQLite store %s: %s", path,
                    db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    if (sqlite_script(db,
                      "PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; "
                      "PRAGMA synchronous = FULL;",
                      errs) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    /* a file that is not a database is found here rather than at the first write */
    if (sqlite_script(db, "SELECT count(*) FROM sqlite_master;", errs) != 0) {
        store_error(errs, "db", "%s is not an SQLite database", path);
        sqlite3_close(db);
        return NULL;
    }
    *backend = &sqlite_backend;
    return db;
}
