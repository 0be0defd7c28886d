/* The ancre store: centres, their yearly declarations, the computed results and the payments
 * ledger of the yearly cycle, in an embedded SQLite file (the default) or a shared PostgreSQL
 * database.  Both backends have the same schema and behave the same behind this API
 * (docs/store.md).
 *
 * Every result is kept with what it was computed from: the declaration text actually computed,
 * the parameter documents in force (their full text, identified by a SHA-256 digest), the value of
 * every reading and the version of ancre, so that an old result can be recomputed exactly
 * (ancre_store_reproduce).
 *
 * The payments ledger follows the cycle of Art. 18 and 18.1: the advance paid during year n, the
 * balance paid by 30 April of n+1, the new-centre advance and the refund of an advance that was
 * too high, and the other payments a result lists (FPMT acomptes and solde, contract payments),
 * taken from the result document's "payments" array; each row names its payment ("rsf",
 * "fpmt", ...: the lines[].payment of the result) and its kind.
 *
 * Every write is one transaction: an error, or the process being killed, in the middle of an
 * import or a recording leaves the database exactly as it was before.
 *
 * Functions that can fail return 0 on success and a negative value on failure, with the reasons
 * appended to errs (path, rule, expected, message).  Strings returned are the caller's to free().
 */
#ifndef ANCRE_STORE_H
#define ANCRE_STORE_H

#include "ancre/ancre.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ANCRE_STORE_SCHEMA_VERSION 1 /* schema version this code creates and migrates to */

typedef struct ancre_store ancre_store;

/* ---- opening ------------------------------------------------------------------------------ */

/* Opens the store named by db: "postgresql://..." or "postgres://..." (a libpq connection URI)
 * selects PostgreSQL; anything else is the path of a SQLite file, created on first use.  The
 * schema is created or migrated to ANCRE_STORE_SCHEMA_VERSION in one transaction; a database
 * whose schema is newer than this program is refused. */
int ancre_store_open(ancre_store **out, const char *db, ancre_errors *errs);

/* The rule of the errors of the database itself (cannot be opened, locked, full, read-only,
 * connection lost, schema newer than this ancre), as opposed to the records it refuses: the
 * command line exits with ANCRE_STORE_EXIT for them. */
#define ANCRE_STORE_DB_RULE "database"
#define ANCRE_STORE_EXIT 3
/* Whether errs holds an error of the database itself. */
bool ancre_store_failed(const ancre_errors *errs);
void ancre_store_close(ancre_store *st);
/* "sqlite" or "postgresql". */
const char *ancre_store_backend(const ancre_store *st);
/* Schema version of the open database (ANCRE_STORE_SCHEMA_VERSION once opened). */
int ancre_store_schema_version(ancre_store *st, int *version, ancre_errors *errs);

/* ---- importing declarations ---------------------------------------------------------------- */

typedef struct {
    size_t records;   /* declarations read (non-blank lines of JSON Lines, or 1) */
    size_t imported;  /* new declarations or new revisions written */
    size_t unchanged; /* identical to the latest stored revision: nothing written */
    size_t rejected;  /* invalid records (each reported in errs, path prefixed "line N: ") */
    bool written;     /* the transaction was committed */
} ancre_store_import_report;

enum {
    /* Write the valid records even when some are invalid (the invalid ones are still reported
     * and the call still returns a negative value).  Without it, one invalid record means that
     * nothing is written. */
    ANCRE_STORE_IMPORT_SKIP_BAD = 1,
};

/* Imports declarations: one JSON document, or JSON Lines (one declaration a line).  Each is
 * validated with ancre_decl_parse_json against params and must name its centre
 * (centre.finess, 9 characters).  A declaration is kept per centre and year with its revisions:
 * importing a different text for the same centre and year adds a revision, the same text is
 * left alone.  The centre (FINESS, name, type, adhesion date) is created or updated from its
 * declaration.  All of it is one transaction.  origin names the source in the stored rows. */
int ancre_store_import(ancre_store *st, const char *text, size_t len, const char *origin,
                       const ancre_params *params, int flags, ancre_store_import_report *report,
                       ancre_errors *errs);

/* ---- recording results --------------------------------------------------------------------- */

/* The parameter documents a computation uses, in loading order.  The store keeps their text so
 * the result can be recomputed without the files.  Build one with ancre_store_paramset_new,
 * add the built-in documents (ancre_store_paramset_add_defaults) and any --params file. */
typedef struct ancre_store_paramset ancre_store_paramset;

ancre_store_paramset *ancre_store_paramset_new(void);
void ancre_store_paramset_free(ancre_store_paramset *ps);
/* The documents shipped with the library (the files of params/, built in). */
int ancre_store_paramset_add_defaults(ancre_store_paramset *ps, ancre_errors *errs);
int ancre_store_paramset_add(ancre_store_paramset *ps, const char *origin, const char *text,
                             size_t len, ancre_errors *errs);
/* Loads every document into a fresh ancre_params (NULL on error). */
ancre_params *ancre_store_paramset_load(const ancre_store_paramset *ps, ancre_errors *errs);
/* Hex SHA-256 of the documents (origins and texts, in order): their identity in the store. */
const char *ancre_store_paramset_digest(const ancre_store_paramset *ps);

typedef struct {
    size_t centres;  /* centres with a declaration for the year */
    size_t recorded; /* results recorded */
    size_t failed;   /* declarations that could not be computed (reported in errs, path
                        prefixed "FINESS YEAR: ") */
    bool written;
} ancre_store_record_report;

/* Computes the latest declaration of the year of one centre (finess) or of every centre
 * (finess NULL) with libancre, and records each result with its parameter set, readings and
 * payments ledger, replacing the ledger of an earlier result of the same centre and year (the
 * earlier result stays, no longer current).  When a declaration has no
 * payments.previous_year_amount_cents and the store holds the centre's current result of the
 * year before, its RSF amount is used (Art. 18.1: the advance is 60 % of the previous year); the
 * declaration actually computed is what is stored with the result.  Centres that fail are
 * reported and the others recorded (flags: ANCRE_STORE_RECORD_ALL_OR_NOTHING writes nothing
 * when one fails).  One transaction. */
enum { ANCRE_STORE_RECORD_ALL_OR_NOTHING = 1 };
int ancre_store_record(ancre_store *st, int year, const char *finess,
                       const ancre_store_paramset *ps, const ancre_readings *readings, int flags,
                       ancre_store_record_report *report, ancre_errors *errs);

/* Recomputes a stored result from what was stored with it (declaration, parameter documents,
 * readings) and compares the new JSON document with the stored one.  *same is true when they
 * are byte for byte equal; *recomputed (if not NULL) receives the new document. */
int ancre_store_reproduce(ancre_store *st, int64_t result_id, bool *same, char **recomputed,
                          ancre_errors *errs);

/* ---- reading --------------------------------------------------------------------------------
 * JSON documents for people and for the HTTP API (docs/store.md gives every field). */

/* [{finess, name, type, adhesion_date, years: [..]}] ordered by FINESS. */
char *ancre_store_centres_json(ancre_store *st, ancre_errors *errs);
/* One centre with its declarations and results: {finess, ..., declarations: [{year, revision,
 * imported_at, origin}], results: [{id, year, current, total_cents, ...}]}; NULL and an error
 * when unknown. */
char *ancre_store_centre_json(ancre_store *st, const char *finess, ancre_errors *errs);
/* The latest declaration of a centre for a year, as stored (the imported text). */
char *ancre_store_declaration_json(ancre_store *st, const char *finess, int year,
                                   ancre_errors *errs);
/* A result with its provenance: {id, finess, year, current, recorded_at, ancre_version,
 * paramset_digest, readings: {id: value}, declaration: {...}, result: {...the document...}}.
 * result_id 0 means the current result of finess and year. */
char *ancre_store_result_json(ancre_store *st, int64_t result_id, const char *finess, int year,
                              ancre_errors *errs);

typedef struct {
    int64_t result_id;
    char finess[16];
    int year;             /* the reference year the payment belongs to */
    char payment[32];     /* "rsf", "fpmt", ...: the lines[].payment it pays */
    char kind[32];        /* advance, new_centre_advance, balance, refund, other */
    char due[11];         /* YYYY-MM-DD, "" when the result gives no date */
    int64_t amount_cents; /* negative for a sum the centre pays back */
    char *label, *article;
} ancre_store_payment;

typedef struct {
    ancre_store_payment *items;
    size_t count;
} ancre_store_payments;

void ancre_store_payments_free(ancre_store_payments *list);
/* The ledger of a centre: the payments of its current results, by due date then year. */
int ancre_store_ledger(ancre_store *st, const char *finess, ancre_store_payments *out,
                       ancre_errors *errs);
/* The calendar: payments of every centre's current results due strictly after the date
 * ("YYYY-MM-DD"; NULL: every dated payment), by due date then FINESS. */
int ancre_store_calendar(ancre_store *st, const char *after, ancre_store_payments *out,
                         ancre_errors *errs);
/* Both as JSON arrays of {result_id, finess, year, payment, kind, due, amount_cents, label,
 * article}. */
char *ancre_store_payments_json(const ancre_store_payments *list);

#endif
