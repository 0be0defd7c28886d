/* The store over either backend: schema and migrations, import of declarations, recording of
 * results with their provenance, the payments ledger and the calendar (docs/store.md).
 *
 * All SQL here is the subset SQLite and PostgreSQL share (ON CONFLICT, RETURNING, partial
 * indexes); values travel as text and the columns' types convert them. */
#include "store.h"

#include "store_backend.h"

#include <jansson.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ancre_store {
    const store_backend *be;
    void *conn;
};

/* ---- helpers -------------------------------------------------------------------------------- */

void store_error(ancre_errors *errs, const char *path, const char *fmt, ...) {
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ancre_errors_add(errs, path, ANCRE_STORE_DB_RULE, "", "%s", msg);
}

bool ancre_store_failed(const ancre_errors *errs) {
    for (size_t i = 0; errs && i < errs->count; i++)
        if (strcmp(errs->items[i].rule, ANCRE_STORE_DB_RULE) == 0) return true;
    return false;
}

const char *store_cell(const store_rows *rows, size_t row, size_t col) {
    if (row >= rows->nrows || col >= rows->ncols) return NULL;
    return rows->cells[row * rows->ncols + col];
}

void store_rows_free(store_rows *rows) {
    if (!rows) return;
    for (size_t i = 0; i < rows->nrows * rows->ncols; i++)
        free(rows->cells[i]);
    free(rows->cells);
    memset(rows, 0, sizeof *rows);
}

static int sql(ancre_store *st, const char *text, int n, const char *const *params,
               store_rows *rows, ancre_errors *errs) {
    return st->be->exec(st->conn, text, n, params, rows, errs);
}

static int begin(ancre_store *st, ancre_errors *errs) {
    return sql(st, st->be->begin_sql, 0, NULL, NULL, errs);
}
static int commit(ancre_store *st, ancre_errors *errs) {
    return sql(st, "COMMIT", 0, NULL, NULL, errs);
}
static void rollback(ancre_store *st) {
    ancre_errors ignored;
    ancre_errors_init(&ignored);
    sql(st, "ROLLBACK", 0, NULL, NULL, &ignored);
    ancre_errors_clear(&ignored);
}

static void now_utc(char out[32]) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void sha256_hex(const unsigned char *data, size_t len, char out[65]) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
    for (unsigned i = 0; i < n && i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
    out[64] = '\0';
}

static int64_t to_i64(const char *s) {
    return s ? strtoll(s, NULL, 10) : 0;
}

/* Copies errors from one list to another with a prefix on the path ("line 3: centre.type"). */
static void copy_errors(ancre_errors *to, const ancre_errors *from, const char *prefix) {
    for (size_t i = 0; i < from->count; i++) {
        const ancre_error *e = &from->items[i];
        char path[512];
        snprintf(path, sizeof path, "%s%s", prefix, e->path);
        ancre_errors_add(to, path, e->rule, e->expected, "%s", e->message);
    }
}

static json_t *field(json_t *root, const char *a, const char *b) {
    json_t *o = json_object_get(root, a);
    return b ? json_object_get(o, b) : o;
}

/* ---- schema --------------------------------------------------------------------------------
 * Migration N brings the schema from version N-1 to N; {ID} is the backend's generated key. A
 * change of the schema is a new migration appended here, never an edit of an old one. */

static const char *const migrations[] = {
    NULL,
    /* 1: centres, declarations with revisions, parameter sets, results with provenance,
     * payments ledger */
    "CREATE TABLE centres ("
    "  finess TEXT PRIMARY KEY,"
    "  name TEXT,"
    "  type TEXT NOT NULL,"
    "  adhesion_date TEXT NOT NULL,"
    "  info_year INTEGER NOT NULL," /* year of the declaration the fields come from */
    "  updated_at TEXT NOT NULL);"
    "CREATE TABLE declarations ("
    "  id {ID},"
    "  finess TEXT NOT NULL REFERENCES centres (finess),"
    "  year INTEGER NOT NULL,"
    "  revision INTEGER NOT NULL,"
    "  document TEXT NOT NULL,"
    "  origin TEXT NOT NULL,"
    "  imported_at TEXT NOT NULL,"
    "  UNIQUE (finess, year, revision));"
    "CREATE TABLE paramsets ("
    "  id {ID},"
    "  digest TEXT NOT NULL UNIQUE,"
    "  created_at TEXT NOT NULL);"
    "CREATE TABLE paramset_documents ("
    "  paramset_id BIGINT NOT NULL REFERENCES paramsets (id),"
    "  position INTEGER NOT NULL,"
    "  origin TEXT NOT NULL,"
    "  document TEXT NOT NULL,"
    "  PRIMARY KEY (paramset_id, position));"
    "CREATE TABLE results ("
    "  id {ID},"
    "  finess TEXT NOT NULL REFERENCES centres (finess),"
    "  year INTEGER NOT NULL,"
    "  declaration_id BIGINT NOT NULL REFERENCES declarations (id),"
    "  computed_declaration TEXT NOT NULL,"
    "  paramset_id BIGINT NOT NULL REFERENCES paramsets (id),"
    "  readings TEXT NOT NULL,"
    "  ancre_version TEXT NOT NULL,"
    "  document TEXT NOT NULL,"
    "  total_cents BIGINT NOT NULL,"
    "  advance_cents BIGINT NOT NULL,"
    "  balance_cents BIGINT NOT NULL,"
    "  refund_cents BIGINT NOT NULL,"
    "  is_current INTEGER NOT NULL,"
    "  recorded_at TEXT NOT NULL);"
    "CREATE UNIQUE INDEX results_current ON results (finess, year) WHERE is_current = 1;"
    "CREATE INDEX results_centre ON results (finess, year);"
    "CREATE TABLE payments ("
    "  id {ID},"
    "  result_id BIGINT NOT NULL REFERENCES results (id),"
    "  finess TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  payment TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  label TEXT NOT NULL,"
    "  article TEXT NOT NULL,"
    "  due TEXT,"
    "  amount_cents BIGINT NOT NULL);"
    "CREATE INDEX payments_result ON payments (result_id);"
    "CREATE INDEX payments_finess ON payments (finess, due);"
    "CREATE INDEX payments_due ON payments (due);",
};

_Static_assert(sizeof migrations / sizeof *migrations == ANCRE_STORE_SCHEMA_VERSION + 1,
               "one migration per schema version");

static char *expand_ids(const char *text, const char *id_column) {
    size_t n = 0, idl = strlen(id_column);
    for (const char *p = strstr(text, "{ID}"); p; p = strstr(p + 4, "{ID}"))
        n++;
    char *out = malloc(strlen(text) + n * idl + 1), *o = out;
    if (!out) abort();
    for (const char *p = text; *p;) {
        if (strncmp(p, "{ID}", 4) == 0) {
            memcpy(o, id_column, idl);
            o += idl;
            p += 4;
        } else
            *o++ = *p++;
    }
    *o = '\0';
    return out;
}

static int current_version(ancre_store *st, int *version, ancre_errors *errs) {
    store_rows rows;
    if (sql(st, "SELECT max(version) FROM ancre_schema", 0, NULL, &rows, errs) != 0) return -1;
    const char *v = store_cell(&rows, 0, 0);
    *version = v ? (int)to_i64(v) : 0;
    store_rows_free(&rows);
    return 0;
}

static int migrate(ancre_store *st, ancre_errors *errs) {
    if (begin(st, errs) != 0) return -1;
    if (st->be->schema_lock && sql(st, st->be->schema_lock, 0, NULL, NULL, errs) != 0) goto fail;
    if (st->be->script(st->conn,
                       "CREATE TABLE IF NOT EXISTS ancre_schema (version INTEGER NOT NULL, "
                       "applied_at TEXT NOT NULL)",
                       errs) != 0)
        goto fail;
    int version;
    if (current_version(st, &version, errs) != 0) goto fail;
    if (version > ANCRE_STORE_SCHEMA_VERSION) {
        ancre_errors_add(
            errs, "db", ANCRE_STORE_DB_RULE,
            "schema version at most "
            "1",
            "the database has schema version %d, newer than this ancre (%d): use a newer "
            "ancre",
            version, ANCRE_STORE_SCHEMA_VERSION);
        goto fail;
    }
    char now[32];
    now_utc(now);
    for (int v = version + 1; v <= ANCRE_STORE_SCHEMA_VERSION; v++) {
        char *ddl = expand_ids(migrations[v], st->be->id_column);
        int rc = st->be->script(st->conn, ddl, errs);
        free(ddl);
        char vs[24];
        snprintf(vs, sizeof vs, "%d", v);
        const char *p[] = {vs, now};
        if (rc != 0 || sql(st, "INSERT INTO ancre_schema (version, applied_at) VALUES (?, ?)", 2, p,
                           NULL, errs) != 0)
            goto fail;
    }
    return commit(st, errs);
fail:
    rollback(st);
    return -1;
}

/* ---- opening -------------------------------------------------------------------------------- */

int ancre_store_open(ancre_store **out, const char *db, ancre_errors *errs) {
    *out = NULL;
    if (!db || !*db) {
        ancre_errors_add(errs, "db", "store", "a file path or a postgresql:// connection string",
                         "no database given");
        return -1;
    }
    ancre_store *st = calloc(1, sizeof *st);
    if (!st) abort();
    if (strncmp(db, "postgresql://", 13) == 0 || strncmp(db, "postgres://", 11) == 0)
        st->conn = store_pg_open(db, &st->be, errs);
    else
        st->conn = store_sqlite_open(db, &st->be, errs);
    if (!st->conn) {
        free(st);
        return -1;
    }
    if (migrate(st, errs) != 0) {
        ancre_store_close(st);
        return -1;
    }
    *out = st;
    return 0;
}

void ancre_store_close(ancre_store *st) {
    if (!st) return;
    st->be->close(st->conn);
    free(st);
}

const char *ancre_store_backend(const ancre_store *st) {
    return st->be->name;
}

int ancre_store_schema_version(ancre_store *st, int *version, ancre_errors *errs) {
    return current_version(st, version, errs);
}

/* ---- import --------------------------------------------------------------------------------- */

typedef struct {
    const char *text;
    size_t len;
    size_t line;
    char finess[16];
    int year;
    char *name, *type, *adhesion_date;
} import_record;

/* FINESS numbers have 9 characters: digits, with 2A or 2B as the department of Corsica. */
/* Validates one record; fills rec from it or reports why it cannot be stored. */
static bool check_record(import_record *rec, const ancre_params *params, ancre_errors *errs) {
    ancre_errors local;
    ancre_errors_init(&local);
    char prefix[48];
    snprintf(prefix, sizeof prefix, "line %zu: ", rec->line);
    ancre_decl *d = NULL;
    ancre_decl_parse_json(&d, rec->text, rec->len, params, &local);
    ancre_decl_free(d);
    json_t *root = NULL;
    if (local.count == 0) {
        root = json_loadb(rec->text, rec->len, 0, NULL);
        const char *finess = json_string_value(field(root, "centre", "finess"));
        /* a FINESS given is a valid one: the declaration's validation checked it */
        if (!finess)
            ancre_errors_add(&local, "centre.finess", "store", "9 characters: digits, 2A or 2B",
                             "the store keeps declarations by centre: centre.finess is required");
        else {
            snprintf(rec->finess, sizeof rec->finess, "%s", finess);
            rec->year = (int)json_integer_value(json_object_get(root, "year"));
            const char *name = json_string_value(field(root, "centre", "name"));
            rec->name = name ? strdup(name) : NULL;
            rec->type = strdup(json_string_value(field(root, "centre", "type")));
            rec->adhesion_date = strdup(json_string_value(field(root, "centre", "adhesion_date")));
        }
    }
    json_decref(root);
    bool ok = local.count == 0;
    copy_errors(errs, &local, prefix);
    ancre_errors_clear(&local);
    return ok;
}

static int store_record(ancre_store *st, const import_record *rec, const char *origin,
                        const char *now, ancre_store_import_report *report, ancre_errors *errs) {
    char year[24];
    snprintf(year, sizeof year, "%d", rec->year);
    const char *c[] = {rec->finess, rec->name, rec->type, rec->adhesion_date, year, now};
    /* the centre's fields come from its latest year */
    if (sql(st,
            "INSERT INTO centres (finess, name, type, adhesion_date, info_year, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (finess) DO UPDATE SET name = excluded.name, "
            "type = excluded.type, adhesion_date = excluded.adhesion_date, "
            "info_year = excluded.info_year, updated_at = excluded.updated_at "
            "WHERE excluded.info_year >= centres.info_year",
            6, c, NULL, errs) != 0)
        return -1;
    store_rows rows;
    const char *k[] = {rec->finess, year};
    if (sql(st,
            "SELECT revision, document FROM declarations WHERE finess = ? AND year = ? "
            "ORDER BY revision DESC LIMIT 1",
            2, k, &rows, errs) != 0)
        return -1;
    int revision = rows.nrows ? (int)to_i64(store_cell(&rows, 0, 0)) : 0;
    const char *last = store_cell(&rows, 0, 1);
    bool same = last && strlen(last) == rec->len && memcmp(last, rec->text, rec->len) == 0;
    store_rows_free(&rows);
    if (same) {
        report->unchanged++;
        return 0;
    }
    char rev[24];
    snprintf(rev, sizeof rev, "%d", revision + 1);
    char *doc = strndup(rec->text, rec->len);
    const char *d[] = {rec->finess, year, rev, doc, origin, now};
    int rc = sql(st,
                 "INSERT INTO declarations (finess, year, revision, document, origin, imported_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 6, d, NULL, errs);
    free(doc);
    if (rc == 0) report->imported++;
    return rc;
}

int ancre_store_import(ancre_store *st, const char *text, size_t len, const char *origin,
                       const ancre_params *params, int flags, ancre_store_import_report *report,
                       ancre_errors *errs) {
    memset(report, 0, sizeof *report);
    if (!origin) origin = "";
    import_record *recs = NULL;
    size_t nrecs = 0, cap = 0;
    /* one JSON document (possibly followed by garbage: one error there), or JSON Lines */
    ancre_lines it;
    ancre_lines_begin(&it, text, len);
    const char *a;
    size_t alen, lineno;
    bool single = !ancre_text_is_json_lines(text, len);
    while (ancre_lines_next(&it, &a, &alen, &lineno)) {
        if (single) { /* the document, from its first line on, without the blanks that end it */
            alen = (size_t)(text + len - a);
            while (alen > 0 && (a[alen - 1] == ' ' || a[alen - 1] == '\t' || a[alen - 1] == '\r' ||
                                a[alen - 1] == '\n'))
                alen--;
        }
        if (nrecs == cap) { /* out of memory ends the process, as in the library (alloc.h) */
            cap = cap ? cap * 2 : 64;
            import_record *grown = realloc(recs, cap * sizeof *grown);
            if (!grown) abort();
            recs = grown;
        }
        import_record *r = &recs[nrecs++];
        memset(r, 0, sizeof *r);
        r->text = a;
        r->len = alen;
        r->line = lineno;
        if (single) break;
    }
    report->records = nrecs;
    bool *valid = calloc(nrecs + 1, sizeof *valid);
    if (!valid) abort();
    for (size_t i = 0; i < nrecs; i++) {
        valid[i] = check_record(&recs[i], params, errs);
        if (!valid[i]) report->rejected++;
    }
    int rc = report->rejected ? -1 : 0;
    bool write = report->rejected == 0 || (flags & ANCRE_STORE_IMPORT_SKIP_BAD);
    if (write && report->rejected < nrecs) {
        char now[32];
        now_utc(now);
        if (begin(st, errs) != 0) {
            rc = -1;
        } else {
            int wrc = 0;
            for (size_t i = 0; i < nrecs && wrc == 0; i++)
                if (valid[i]) wrc = store_record(st, &recs[i], origin, now, report, errs);
            if (wrc == 0 && commit(st, errs) == 0) {
                report->written = true;
            } else {
                rollback(st);
                report->imported = report->unchanged = 0;
                rc = -1;
            }
        }
    }
    for (size_t i = 0; i < nrecs; i++) {
        free(recs[i].name);
        free(recs[i].type);
        free(recs[i].adhesion_date);
    }
    free(recs);
    free(valid);
    return rc;
}

/* ---- parameter sets ------------------------------------------------------------------------- */

struct ancre_store_paramset {
    char **origins, **texts;
    size_t n;
    char digest[65];
};

ancre_store_paramset *ancre_store_paramset_new(void) {
    ancre_store_paramset *ps = calloc(1, sizeof *ps);
    if (!ps) abort();
    sha256_hex((const unsigned char *)"", 0, ps->digest);
    return ps;
}

void ancre_store_paramset_free(ancre_store_paramset *ps) {
    if (!ps) return;
    for (size_t i = 0; i < ps->n; i++) {
        free(ps->origins[i]);
        free(ps->texts[i]);
    }
    free(ps->origins);
    free(ps->texts);
    free(ps);
}

static void paramset_digest(ancre_store_paramset *ps) {
    /* origin NUL length NUL text, for each document in order */
    size_t total = 0;
    for (size_t i = 0; i < ps->n; i++)
        total += strlen(ps->origins[i]) + strlen(ps->texts[i]) + 32;
    char *buf = malloc(total + 1), *o = buf;
    if (!buf) abort();
    for (size_t i = 0; i < ps->n; i++) {
        size_t ol = strlen(ps->origins[i]), tl = strlen(ps->texts[i]);
        memcpy(o, ps->origins[i], ol + 1);
        o += ol + 1;
        o += sprintf(o, "%zu", tl) + 1;
        memcpy(o, ps->texts[i], tl);
        o += tl;
    }
    sha256_hex((const unsigned char *)buf, (size_t)(o - buf), ps->digest);
    free(buf);
}

int ancre_store_paramset_add(ancre_store_paramset *ps, const char *origin, const char *text,
                             size_t len, ancre_errors *errs) {
    if (memchr(text, '\0', len)) {
        ancre_errors_add(errs, origin, "params", "a JSON parameter document",
                         "the parameter document %s contains a NUL byte", origin);
        return -1;
    }
    char **o = realloc(ps->origins, (ps->n + 1) * sizeof *o);
    if (!o) abort();
    ps->origins = o;
    char **t = realloc(ps->texts, (ps->n + 1) * sizeof *t);
    if (!t) abort();
    ps->texts = t;
    ps->origins[ps->n] = strdup(origin);
    ps->texts[ps->n] = strndup(text, len);
    ps->n++;
    paramset_digest(ps);
    return 0;
}

int ancre_store_paramset_add_defaults(ancre_store_paramset *ps, ancre_errors *errs) {
    for (size_t i = 0; i < ancre_params_builtin_count(); i++)
        if (ancre_store_paramset_add(ps, ancre_params_builtin_name(i), ancre_params_builtin_text(i),
                                     strlen(ancre_params_builtin_text(i)), errs) != 0)
            return -1;
    return 0;
}

ancre_params *ancre_store_paramset_load(const ancre_store_paramset *ps, ancre_errors *errs) {
    ancre_params *params = ancre_params_new();
    size_t before = errs->count;
    for (size_t i = 0; i < ps->n; i++)
        ancre_params_load_json(params, ps->texts[i], strlen(ps->texts[i]), ps->origins[i], errs);
    if (errs->count > before) {
        ancre_params_free(params);
        return NULL;
    }
    return params;
}

const char *ancre_store_paramset_digest(const ancre_store_paramset *ps) {
    return ps->digest;
}

/* The id of the stored parameter set, stored now if new. */
static int paramset_id(ancre_store *st, const ancre_store_paramset *ps, const char *now,
                       char id[32], ancre_errors *errs) {
    store_rows rows;
    const char *d[] = {ps->digest, now};
    if (sql(st, "SELECT id FROM paramsets WHERE digest = ?", 1, d, &rows, errs) != 0) return -1;
    if (rows.nrows) {
        snprintf(id, 32, "%s", store_cell(&rows, 0, 0));
        store_rows_free(&rows);
        return 0;
    }
    store_rows_free(&rows);
    if (sql(st, "INSERT INTO paramsets (digest, created_at) VALUES (?, ?) RETURNING id", 2, d,
            &rows, errs) != 0)
        return -1;
    snprintf(id, 32, "%s", store_cell(&rows, 0, 0));
    store_rows_free(&rows);
    for (size_t i = 0; i < ps->n; i++) {
        char pos[24];
        snprintf(pos, sizeof pos, "%zu", i);
        const char *v[] = {id, pos, ps->origins[i], ps->texts[i]};
        if (sql(st,
                "INSERT INTO paramset_documents (paramset_id, position, origin, document) "
                "VALUES (?, ?, ?, ?)",
                4, v, NULL, errs) != 0)
            return -1;
    }
    return 0;
}

/* ---- recording ------------------------------------------------------------------------------ */

/* The declaration to compute: the stored one, completed with the previous year's RSF amount
 * from the store when the declaration does not give it (Art. 18.1: the advance of year n is
 * 60 % of the amount of year n-1).  Caller frees. */
static char *declaration_to_compute(ancre_store *st, const char *finess, int year,
                                    const char *document, ancre_errors *errs) {
    json_t *root = json_loads(document, 0, NULL);
    json_t *pay = json_object_get(root, "payments");
    if (!root || json_object_get(pay, "previous_year_amount_cents") ||
        json_object_get(pay, "advance_paid_cents")) {
        json_decref(root);
        return strdup(document);
    }
    char prev[24];
    snprintf(prev, sizeof prev, "%d", year - 1);
    const char *k[] = {finess, prev};
    store_rows rows;
    if (sql(st, "SELECT document FROM results WHERE finess = ? AND year = ? AND is_current = 1", 2,
            k, &rows, errs) != 0) {
        json_decref(root);
        return NULL;
    }
    char *out = NULL;
    json_t *before = rows.nrows ? json_loads(store_cell(&rows, 0, 0), 0, NULL) : NULL;
    json_t *rsf = field(before, "totals_by_payment_cents", "rsf");
    if (json_is_integer(rsf)) {
        if (!pay) {
            pay = json_object();
            json_object_set_new(root, "payments", pay);
        }
        json_object_set_new(pay, "previous_year_amount_cents",
                            json_integer(json_integer_value(rsf)));
        out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    } else {
        out = strdup(document);
    }
    json_decref(before);
    store_rows_free(&rows);
    json_decref(root);
    return out;
}

/* {id: value} of the readings the result depended on (its readings[]).  Read from the result
 * itself rather than from its JSON document, which is large (the trace of every line). */
static char *readings_of(const ancre_result *r) {
    json_t *out = json_object();
    for (size_t i = 0; i < ancre_result_reading_count(r); i++) {
        const char *id, *value;
        if (ancre_result_reading(r, i, &id, &value) == 0)
            json_object_set_new(out, id, json_string(value));
    }
    char *s = json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(out);
    return s;
}

/* One ledger row per entry of the result's payments[] (docs/result.md). */
static int record_payments(ancre_store *st, const char *result_id, const char *finess,
                           const char *year, const ancre_result *r, ancre_errors *errs) {
    for (size_t i = 0; i < ancre_result_payment_count(r); i++) {
        ancre_payment p = ANCRE_PAYMENT_INIT;
        if (ancre_result_payment(r, i, &p) != 0) continue;
        char amount[32];
        snprintf(amount, sizeof amount, "%lld", (long long)p.amount_cents);
        /* a payment that names no module is the one module the lines pay, "unknown" when they
         * pay several; one without a kind is "other" */
        const char *v[] = {result_id,
                           finess,
                           year,
                           p.payment[0] ? p.payment : "unknown",
                           p.kind[0] ? p.kind : "other",
                           p.label,
                           p.article,
                           p.due[0] ? p.due : NULL,
                           amount};
        if (sql(st,
                "INSERT INTO payments (result_id, finess, year, payment, kind, label, article, "
                "due, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                9, v, NULL, errs) != 0)
            return -1;
    }
    return 0;
}

/* Computes one declaration: the JSON result document, or NULL with the errors. */
static char *compute_document(const char *decl_text, const ancre_params *params,
                              const ancre_readings *readings, ancre_result **result,
                              ancre_errors *errs) {
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    char *out = NULL;
    if (ancre_decl_parse_json(&d, decl_text, strlen(decl_text), params, errs) == 0 &&
        ancre_compute(&r, d, params, readings, errs) == 0)
        out = ancre_result_to_json(r, 0);
    if (result && out)
        *result = r;
    else
        ancre_result_free(r);
    ancre_decl_free(d);
    return out;
}

/* Computes and records one centre.  Returns 0, 1 when the declaration cannot be computed
 * (reported), -1 on a database error. */
static int record_one(ancre_store *st, const char *decl_id, const char *finess, int year,
                      const char *document, const ancre_params *params,
                      const ancre_readings *readings, const char *paramset, const char *now,
                      ancre_errors *errs) {
    char *computed = declaration_to_compute(st, finess, year, document, errs);
    if (!computed) return -1;
    ancre_errors local;
    ancre_errors_init(&local);
    ancre_result *r = NULL;
    char *text = compute_document(computed, params, readings, &r, &local);
    if (!text) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, "%s %d: ", finess, year);
        copy_errors(errs, &local, prefix);
        ancre_errors_clear(&local);
        free(computed);
        return 1;
    }
    ancre_errors_clear(&local);
    char *rd = readings_of(r);
    char ys[24], total[32], adv[32], bal[32], ref[32];
    snprintf(ys, sizeof ys, "%d", year);
    snprintf(total, sizeof total, "%lld", (long long)ancre_result_total_cents(r));
    snprintf(adv, sizeof adv, "%lld", (long long)ancre_result_advance_cents(r));
    snprintf(bal, sizeof bal, "%lld", (long long)ancre_result_balance_cents(r));
    snprintf(ref, sizeof ref, "%lld", (long long)ancre_result_refund_cents(r));
    const char *k[] = {finess, ys};
    store_rows rows = {0};
    int rc = sql(
        st, "UPDATE results SET is_current = 0 WHERE finess = ? AND year = ? AND is_current = 1", 2,
        k, NULL, errs);
    const char *v[] = {finess, ys,    decl_id, computed, paramset, rd, ANCRE_VERSION,
                       text,   total, adv,     bal,      ref,      now};
    if (rc == 0)
        rc = sql(st,
                 "INSERT INTO results (finess, year, declaration_id, computed_declaration, "
                 "paramset_id, readings, ancre_version, document, total_cents, advance_cents, "
                 "balance_cents, refund_cents, is_current, recorded_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
                 13, v, &rows, errs);
    if (rc == 0) rc = record_payments(st, store_cell(&rows, 0, 0), finess, ys, r, errs);
    store_rows_free(&rows);
    free(rd);
    ancre_result_free(r);
    free(text);
    free(computed);
    return rc;
}

int ancre_store_record(ancre_store *st, int year, const char *finess,
                       const ancre_store_paramset *ps, const ancre_readings *readings, int flags,
                       ancre_store_record_report *report, ancre_errors *errs) {
    memset(report, 0, sizeof *report);
    ancre_params *params = ancre_store_paramset_load(ps, errs);
    if (!params) return -1;
    char ys[24], now[32], psid[32];
    snprintf(ys, sizeof ys, "%d", year);
    now_utc(now);
    store_rows rows = {0};
    int rc = begin(st, errs);
    if (rc != 0) {
        ancre_params_free(params);
        return -1;
    }
    const char *k[] = {ys, finess};
    /* the latest revision of each centre's declaration of the year */
    rc = sql(st,
             finess ? "SELECT d.id, d.finess, d.document FROM declarations d WHERE d.year = ? "
                      "AND d.finess = ? AND d.revision = (SELECT max(e.revision) FROM "
                      "declarations e WHERE e.finess = d.finess AND e.year = d.year)"
                    : "SELECT d.id, d.finess, d.document FROM declarations d WHERE d.year = ? "
                      "AND d.revision = (SELECT max(e.revision) FROM declarations e WHERE "
                      "e.finess = d.finess AND e.year = d.year) ORDER BY d.finess",
             finess ? 2 : 1, k, &rows, errs);
    if (rc == 0 && rows.nrows == 0) {
        if (finess)
            ancre_errors_add(errs, "finess", "store", "a centre with a declaration for the year",
                             "the store has no declaration of centre %s for %d", finess, year);
        else
            ancre_errors_add(errs, "year", "store", "declarations imported for the year",
                             "the store has no declaration for %d", year);
        rc = -1;
    }
    if (rc == 0) rc = paramset_id(st, ps, now, psid, errs);
    report->centres = rows.nrows;
    for (size_t i = 0; rc == 0 && i < rows.nrows; i++) {
        int one = record_one(st, store_cell(&rows, i, 0), store_cell(&rows, i, 1), year,
                             store_cell(&rows, i, 2), params, readings, psid, now, errs);
        if (one < 0) rc = -1;
        if (one == 1) report->failed++;
        if (one == 0) report->recorded++;
    }
    store_rows_free(&rows);
    ancre_params_free(params);
    bool write = rc == 0 && !(report->failed && (flags & ANCRE_STORE_RECORD_ALL_OR_NOTHING));
    if (write && report->recorded && commit(st, errs) == 0) {
        report->written = true;
    } else {
        rollback(st);
        if (write && report->recorded) rc = -1; /* the commit failed */
        report->recorded = 0;
    }
    return rc == 0 && report->failed == 0 ? 0 : -1;
}

int ancre_store_reproduce(ancre_store *st, int64_t result_id, bool *same, char **recomputed,
                          ancre_errors *errs) {
    *same = false;
    if (recomputed) *recomputed = NULL;
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)result_id);
    const char *k[] = {id};
    store_rows res, docs;
    if (sql(st,
            "SELECT computed_declaration, paramset_id, readings, document FROM results "
            "WHERE id = ?",
            1, k, &res, errs) != 0)
        return -1;
    if (res.nrows == 0) {
        ancre_errors_add(errs, "result_id", "store", "the id of a stored result",
                         "the store has no result %s", id);
        store_rows_free(&res);
        return -1;
    }
    const char *p[] = {store_cell(&res, 0, 1)};
    if (sql(st,
            "SELECT origin, document FROM paramset_documents WHERE paramset_id = ? "
            "ORDER BY position",
            1, p, &docs, errs) != 0) {
        store_rows_free(&res);
        return -1;
    }
    ancre_store_paramset *ps = ancre_store_paramset_new();
    for (size_t i = 0; i < docs.nrows; i++)
        ancre_store_paramset_add(ps, store_cell(&docs, i, 0), store_cell(&docs, i, 1),
                                 strlen(store_cell(&docs, i, 1)), errs);
    store_rows_free(&docs);
    ancre_params *params = ancre_store_paramset_load(ps, errs);
    ancre_store_paramset_free(ps);
    ancre_readings *readings = ancre_readings_new();
    json_t *rd = json_loads(store_cell(&res, 0, 2), 0, NULL);
    const char *rid;
    json_t *v;
    size_t before = errs->count;
    json_object_foreach (rd, rid, v)
        ancre_readings_set(readings, rid, json_string_value(v), errs);
    json_decref(rd);
    int rc = -1;
    if (params && errs->count == before) {
        char *text = compute_document(store_cell(&res, 0, 0), params, readings, NULL, errs);
        if (text) {
            *same = strcmp(text, store_cell(&res, 0, 3)) == 0;
            if (recomputed)
                *recomputed = text;
            else
                free(text);
            rc = 0;
        }
    }
    ancre_readings_free(readings);
    ancre_params_free(params);
    store_rows_free(&res);
    return rc;
}

/* ---- reading -------------------------------------------------------------------------------- */

static char *dump(json_t *j) {
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(j);
    return s;
}

static json_t *text_or_null(const char *s) {
    return s ? json_string(s) : json_null();
}

static json_t *centre_object(const store_rows *rows, size_t i) {
    json_t *o = json_object();
    json_object_set_new(o, "finess", json_string(store_cell(rows, i, 0)));
    json_object_set_new(o, "name", text_or_null(store_cell(rows, i, 1)));
    json_object_set_new(o, "type", json_string(store_cell(rows, i, 2)));
    json_object_set_new(o, "adhesion_date", json_string(store_cell(rows, i, 3)));
    return o;
}

char *ancre_store_centres_json(ancre_store *st, ancre_errors *errs) {
    store_rows rows, years;
    if (sql(st, "SELECT finess, name, type, adhesion_date FROM centres ORDER BY finess", 0, NULL,
            &rows, errs) != 0)
        return NULL;
    if (sql(st, "SELECT DISTINCT finess, year FROM declarations ORDER BY finess, year", 0, NULL,
            &years, errs) != 0) {
        store_rows_free(&rows);
        return NULL;
    }
    json_t *list = json_array();
    size_t y = 0;
    for (size_t i = 0; i < rows.nrows; i++) {
        json_t *o = centre_object(&rows, i), *ys = json_array();
        const char *f = store_cell(&rows, i, 0);
        while (y < years.nrows && strcmp(store_cell(&years, y, 0), f) < 0)
            y++;
        for (; y < years.nrows && strcmp(store_cell(&years, y, 0), f) == 0; y++)
            json_array_append_new(ys, json_integer(to_i64(store_cell(&years, y, 1))));
        json_object_set_new(o, "years", ys);
        json_array_append_new(list, o);
    }
    store_rows_free(&rows);
    store_rows_free(&years);
    return dump(list);
}

char *ancre_store_centre_json(ancre_store *st, const char *finess, ancre_errors *errs) {
    store_rows rows, decls, results;
    const char *k[] = {finess};
    if (sql(st, "SELECT finess, name, type, adhesion_date FROM centres WHERE finess = ?", 1, k,
            &rows, errs) != 0)
        return NULL;
    if (rows.nrows == 0) {
        ancre_errors_add(errs, "finess", "store", "a centre of the store",
                         "the store has no centre %s", finess);
        store_rows_free(&rows);
        return NULL;
    }
    json_t *o = centre_object(&rows, 0);
    store_rows_free(&rows);
    if (sql(st,
            "SELECT year, revision, origin, imported_at FROM declarations WHERE finess = ? "
            "ORDER BY year, revision",
            1, k, &decls, errs) != 0 ||
        sql(st,
            "SELECT id, year, is_current, total_cents, advance_cents, balance_cents, "
            "refund_cents, recorded_at, ancre_version FROM results WHERE finess = ? "
            "ORDER BY year, id",
            1, k, &results, errs) != 0) {
        json_decref(o);
        return NULL;
    }
    json_t *dl = json_array(), *rl = json_array();
    for (size_t i = 0; i < decls.nrows; i++) {
        json_t *d = json_object();
        json_object_set_new(d, "year", json_integer(to_i64(store_cell(&decls, i, 0))));
        json_object_set_new(d, "revision", json_integer(to_i64(store_cell(&decls, i, 1))));
        json_object_set_new(d, "origin", json_string(store_cell(&decls, i, 2)));
        json_object_set_new(d, "imported_at", json_string(store_cell(&decls, i, 3)));
        json_array_append_new(dl, d);
    }
    static const char *const names[] = {
        "id", "year", "current", "total_cents", "advance_cents", "balance_cents", "refund_cents"};
    for (size_t i = 0; i < results.nrows; i++) {
        json_t *r = json_object();
        for (size_t c = 0; c < 7; c++) {
            int64_t n = to_i64(store_cell(&results, i, c));
            json_object_set_new(r, names[c], c == 2 ? json_boolean(n) : json_integer(n));
        }
        json_object_set_new(r, "recorded_at", json_string(store_cell(&results, i, 7)));
        json_object_set_new(r, "ancre_version", json_string(store_cell(&results, i, 8)));
        json_array_append_new(rl, r);
    }
    store_rows_free(&decls);
    store_rows_free(&results);
    json_object_set_new(o, "declarations", dl);
    json_object_set_new(o, "results", rl);
    return dump(o);
}

char *ancre_store_declaration_json(ancre_store *st, const char *finess, int year,
                                   ancre_errors *errs) {
    char ys[24];
    snprintf(ys, sizeof ys, "%d", year);
    const char *k[] = {finess, ys};
    store_rows rows;
    if (sql(st,
            "SELECT document FROM declarations WHERE finess = ? AND year = ? "
            "ORDER BY revision DESC LIMIT 1",
            2, k, &rows, errs) != 0)
        return NULL;
    char *out = NULL;
    if (rows.nrows)
        out = strdup(store_cell(&rows, 0, 0));
    else
        ancre_errors_add(errs, "finess", "store", "a declaration of the store",
                         "the store has no declaration of centre %s for %d", finess, year);
    store_rows_free(&rows);
    return out;
}

char *ancre_store_result_json(ancre_store *st, int64_t result_id, const char *finess, int year,
                              ancre_errors *errs) {
    char id[32], ys[16];
    snprintf(id, sizeof id, "%lld", (long long)result_id);
    snprintf(ys, sizeof ys, "%d", year);
    const char *by_id[] = {id}, *by_year[] = {finess, ys};
    store_rows rows, docs;
    const char *cols = "SELECT r.id, r.finess, r.year, r.is_current, r.recorded_at, "
                       "r.ancre_version, p.digest, r.readings, r.computed_declaration, "
                       "r.document, r.paramset_id FROM results r JOIN paramsets p ON "
                       "p.id = r.paramset_id ";
    char q[1024];
    snprintf(q, sizeof q, "%s%s", cols,
             result_id ? "WHERE r.id = ?"
                       : "WHERE r.finess = ? AND r.year = ? AND r.is_current = 1");
    if (sql(st, q, result_id ? 1 : 2, result_id ? by_id : by_year, &rows, errs) != 0) return NULL;
    if (rows.nrows == 0) {
        if (result_id)
            ancre_errors_add(errs, "result_id", "store", "the id of a stored result",
                             "the store has no result %s", id);
        else
            ancre_errors_add(errs, "finess", "store", "a recorded result",
                             "the store has no result of centre %s for %d", finess ? finess : "",
                             year);
        store_rows_free(&rows);
        return NULL;
    }
    const char *ps[] = {store_cell(&rows, 0, 10)};
    if (sql(st, "SELECT origin FROM paramset_documents WHERE paramset_id = ? ORDER BY position", 1,
            ps, &docs, errs) != 0) {
        store_rows_free(&rows);
        return NULL;
    }
    json_t *o = json_object(), *origins = json_array();
    json_object_set_new(o, "id", json_integer(to_i64(store_cell(&rows, 0, 0))));
    json_object_set_new(o, "finess", json_string(store_cell(&rows, 0, 1)));
    json_object_set_new(o, "year", json_integer(to_i64(store_cell(&rows, 0, 2))));
    json_object_set_new(o, "current", json_boolean(to_i64(store_cell(&rows, 0, 3))));
    json_object_set_new(o, "recorded_at", json_string(store_cell(&rows, 0, 4)));
    json_object_set_new(o, "ancre_version", json_string(store_cell(&rows, 0, 5)));
    json_object_set_new(o, "paramset_digest", json_string(store_cell(&rows, 0, 6)));
    for (size_t i = 0; i < docs.nrows; i++)
        json_array_append_new(origins, json_string(store_cell(&docs, i, 0)));
    json_object_set_new(o, "parameter_documents", origins);
    json_object_set_new(o, "readings", json_loads(store_cell(&rows, 0, 7), 0, NULL));
    json_object_set_new(o, "declaration", json_loads(store_cell(&rows, 0, 8), 0, NULL));
    json_object_set_new(o, "result", json_loads(store_cell(&rows, 0, 9), 0, NULL));
    store_rows_free(&rows);
    store_rows_free(&docs);
    return dump(o);
}

/* ---- ledger and calendar -------------------------------------------------------------------- */

static int payment_rows(ancre_store *st, const char *where, int n, const char *const *params,
                        const char *order, ancre_store_payments *out, ancre_errors *errs) {
    memset(out, 0, sizeof *out);
    char q[1024];
    snprintf(q, sizeof q,
             "SELECT p.result_id, p.finess, p.year, p.payment, p.kind, p.due, p.amount_cents, "
             "p.label, p.article FROM payments p JOIN results r ON r.id = p.result_id "
             "WHERE r.is_current = 1 %s ORDER BY %s",
             where, order);
    store_rows rows;
    if (sql(st, q, n, params, &rows, errs) != 0) return -1;
    out->items = calloc(rows.nrows + 1, sizeof *out->items);
    if (!out->items) abort();
    out->count = rows.nrows;
    for (size_t i = 0; i < rows.nrows; i++) {
        ancre_store_payment *p = &out->items[i];
        p->result_id = to_i64(store_cell(&rows, i, 0));
        snprintf(p->finess, sizeof p->finess, "%s", store_cell(&rows, i, 1));
        p->year = (int)to_i64(store_cell(&rows, i, 2));
        snprintf(p->payment, sizeof p->payment, "%s", store_cell(&rows, i, 3));
        snprintf(p->kind, sizeof p->kind, "%s", store_cell(&rows, i, 4));
        snprintf(p->due, sizeof p->due, "%s", store_cell(&rows, i, 5) ?: "");
        p->amount_cents = to_i64(store_cell(&rows, i, 6));
        p->label = strdup(store_cell(&rows, i, 7));
        p->article = strdup(store_cell(&rows, i, 8));
    }
    store_rows_free(&rows);
    return 0;
}

void ancre_store_payments_free(ancre_store_payments *list) {
    if (!list) return;
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].label);
        free(list->items[i].article);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

int ancre_store_ledger(ancre_store *st, const char *finess, ancre_store_payments *out,
                       ancre_errors *errs) {
    memset(out, 0, sizeof *out);
    const char *k[] = {finess};
    store_rows rows;
    if (sql(st, "SELECT 1 FROM centres WHERE finess = ?", 1, k, &rows, errs) != 0) return -1;
    size_t known = rows.nrows;
    store_rows_free(&rows);
    if (!known) {
        ancre_errors_add(errs, "finess", "store", "a centre of the store",
                         "the store has no centre %s", finess);
        return -1;
    }
    return payment_rows(st, "AND p.finess = ?", 1, k, "p.due IS NULL, p.due, p.year, p.id", out,
                        errs);
}

static bool date_valid(const char *s) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int ancre_store_calendar(ancre_store *st, const char *after, ancre_store_payments *out,
                         ancre_errors *errs) {
    memset(out, 0, sizeof *out);
    if (after && !date_valid(after)) {
        ancre_errors_add(errs, "after", "store", "a date YYYY-MM-DD", "'%s' is not a date", after);
        return -1;
    }
    const char *k[] = {after};
    return payment_rows(st, after ? "AND p.due IS NOT NULL AND p.due > ?" : "AND p.due IS NOT NULL",
                        after ? 1 : 0, k, "p.due, p.finess, p.year, p.id", out, errs);
}

char *ancre_store_payments_json(const ancre_store_payments *list) {
    json_t *a = json_array();
    for (size_t i = 0; i < list->count; i++) {
        const ancre_store_payment *p = &list->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "result_id", json_integer(p->result_id));
        json_object_set_new(o, "finess", json_string(p->finess));
        json_object_set_new(o, "year", json_integer(p->year));
        json_object_set_new(o, "payment", json_string(p->payment));
        json_object_set_new(o, "kind", json_string(p->kind));
        json_object_set_new(o, "due", p->due[0] ? json_string(p->due) : json_null());
        json_object_set_new(o, "amount_cents", json_integer(p->amount_cents));
        json_object_set_new(o, "label", json_string(p->label));
        json_object_set_new(o, "article", json_string(p->article));
        json_array_append_new(a, o);
    }
    return dump(a);
}
