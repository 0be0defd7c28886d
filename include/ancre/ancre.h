/* libancre — the accord national des centres de santé as executable, auditable rules.
 *
 * The library computes what a centre de santé is owed under the accord for a reference year and
 * explains every euro by its article.  It is pure: rules read a declaration, dated parameters and
 * the readings chosen for the ambiguous passages of the text, and return a result with its trace.
 * No file, clock or global state is used; the caller owns every object and frees it with the
 * type's own function.
 *
 * Functions that can fail return 0 on success and a negative value on failure; the reasons are
 * appended to the caller's ancre_errors list (field path, rule, expectation, message). */
#ifndef ANCRE_H
#define ANCRE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything declared here is the library's interface and is exported; the library is built
 * with -fvisibility=hidden, so nothing else is. */
#pragma GCC visibility push(default)

#define ANCRE_VERSION "0.1.0"
#define ANCRE_RESULT_FORMAT 1      /* version of the JSON result document */
#define ANCRE_DECLARATION_FORMAT 1 /* version of the JSON declaration document */

/* ---- errors ---------------------------------------------------------------------------- */

typedef struct ancre_error {
    char *path;     /* field path in the input ("indicators.formation.n_stages"), or "" */
    char *rule;     /* rule or article concerned ("Art. 8.3.2", "schema", "params") */
    char *expected; /* what was expected, or "" */
    char *message;  /* a sentence for a person */
} ancre_error;

typedef struct ancre_errors {
    ancre_error *items;
    size_t count, cap;
    const char *lang; /* language of the messages: NULL (French, the default) or "en" */
} ancre_errors;

void ancre_errors_init(ancre_errors *errs);
/* Frees the errors; the list keeps its language. */
void ancre_errors_clear(ancre_errors *errs);

/* Appends an error (field path, rule, expectation, message formatted from fmt in the list's
 * language), as the library's functions do: for programs that report their own errors in the
 * same list.  Returns 0, or -1 when out of memory. */
int ancre_errors_add(ancre_errors *errs, const char *path, const char *rule, const char *expected,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The error document of every front end (the command line's --json, a batch's error records,
 * the server's answers): {"line": N, "ok": false, "errors": [{path, rule, expected, message}]},
 * "line" only when line > 0; flags: ANCRE_JSON_COMPACT for one line.  Caller frees. */
char *ancre_errors_to_json(const ancre_errors *errs, size_t line, int flags);

/* ---- JSON Lines (batches) -------------------------------------------------------------- */

/* The non-blank lines of a JSON Lines text, in order, each with its physical line number (from
 * 1) and without its newline or trailing CR:
 *     ancre_lines it; ancre_lines_begin(&it, text, len);
 *     while (ancre_lines_next(&it, &line, &len, &lineno)) ...          */
typedef struct ancre_lines {
    const char *next, *end;
    size_t lineno;
} ancre_lines;
void ancre_lines_begin(ancre_lines *it, const char *text, size_t len);
int ancre_lines_next(ancre_lines *it, const char **line, size_t *len, size_t *lineno);
/* Whether a text is JSON Lines (several documents, the first one on its first non-blank line)
 * rather than one document, possibly followed by something that is not JSON. */
int ancre_text_is_json_lines(const char *text, size_t len);

/* ---- languages -------------------------------------------------------------------------- */

/* Messages (errors, notes of result lines, the text breakdown) are French by default.  The
 * language chosen on an error list applies to the errors appended to it and to the results
 * computed with it (ancre_compute, ancre_contract_schedule): "fr" or "en" (also "en-GB", ...).
 * Returns -1 and keeps the current language for another one. */
int ancre_errors_set_lang(ancre_errors *errs, const char *lang);
/* The language to answer in for an HTTP Accept-Language value: "en" when English is preferred
 * to French, else "fr" (static string). */
const char *ancre_lang_negotiate(const char *accept_language);
/* The translation into lang of a French format string of ancre (itself when there is none),
 * with the same conversions in the same order. */
const char *ancre_tr(const char *lang, const char *french) __attribute__((format_arg(2)));

/* ---- parameters ------------------------------------------------------------------------ */

typedef struct ancre_params ancre_params;

ancre_params *ancre_params_new(void);
void ancre_params_free(ancre_params *params);
/* Loads the parameter data shipped with the library (the files of params/, built in). */
int ancre_params_load_defaults(ancre_params *params, ancre_errors *errs);
/* Loads one parameter document (docs/parameters-format.md); later documents replace the periods
 * of earlier ones that they overlap.  origin names the document in citations and errors. */
int ancre_params_load_json(ancre_params *params, const char *text, size_t len, const char *origin,
                           ancre_errors *errs);
/* The parameter documents built into the library (the files of params/), in the order
 * ancre_params_load_defaults loads them: their count, and the name and text of each (NULL past
 * the last).  The texts belong to the library. */
size_t ancre_params_builtin_count(void);
const char *ancre_params_builtin_name(size_t i);
const char *ancre_params_builtin_text(size_t i);
/* JSON listing of the parameters whose id starts with prefix (NULL: all); with date
 * ("YYYY-MM-DD") only the period in force at that date.  Caller frees with free(). */
char *ancre_params_to_json(const ancre_params *params, const char *prefix, const char *date,
                           ancre_errors *errs);

/* ---- readings of ambiguous passages ---------------------------------------------------- */

typedef struct ancre_readings ancre_readings;

ancre_readings *ancre_readings_new(void);
void ancre_readings_free(ancre_readings *readings);
/* Chooses value for the reading id (see ancre_readings_catalogue_json). */
int ancre_readings_set(ancre_readings *readings, const char *id, const char *value,
                       ancre_errors *errs);
/* "ID=VALUE" form, as given on the command line. */
int ancre_readings_set_assignment(ancre_readings *readings, const char *assignment,
                                  ancre_errors *errs);
char *ancre_readings_catalogue_json(void);

/* ---- declarations ---------------------------------------------------------------------- */

typedef struct ancre_decl ancre_decl;

/* Parses and validates a JSON declaration (docs/declaration.md).  On any error nothing is
 * returned and every error found is listed. */
int ancre_decl_parse_json(ancre_decl **out, const char *text, size_t len,
                          const ancre_params *params, ancre_errors *errs);
void ancre_decl_free(ancre_decl *decl);
/* The documentation of every declaration field, as Markdown.  Caller frees. */
char *ancre_schema_markdown(void);
/* The same fields as a JSON array of {path, type, required, min, max, at_most, choices, article,
 * doc}, for programs that build a form from them.  Caller frees. */
char *ancre_schema_json(void);

/* ---- declarations as CSV (docs/declaration-csv.md) ------------------------------------- */

/* A CSV text of declarations: one row per centre and year, one column per field of the
 * declaration, named by its path ("centre.finess").  The separator is the one of the header
 * (';', ',' or tab); UTF-8 with or without byte order mark; LF or CRLF; quotes as in RFC 4180.
 * Opening checks the quoting and the header (every column a field of the declaration, once);
 * an error there is an error of the whole text. */
typedef struct ancre_csv ancre_csv;

int ancre_csv_open(ancre_csv **out, const char *text, size_t len, ancre_errors *errs);
void ancre_csv_free(ancre_csv *csv);
/* The number of rows, header and rows of empty cells left out. */
size_t ancre_csv_rows(const ancre_csv *csv);
/* Row i (from 0) as a JSON declaration, to be read by ancre_decl_parse_json, which validates it
 * as any declaration (its errors name the columns).  *line is the line of the text where the
 * row starts.  -1 with errors for a row that cannot be read (a cell under no column, text that
 * is not UTF-8).  Caller frees *json. */
int ancre_csv_row_json(const ancre_csv *csv, size_t i, char **json, size_t *line,
                       ancre_errors *errs);
/* The header of an empty CSV declaration file: every column, separated by sep, and a newline.
 * Caller frees. */
char *ancre_csv_header(char sep);
/* The columns and the way each cell is written, as a Markdown table.  Caller frees. */
char *ancre_csv_schema_markdown(void);

/* ---- computation ----------------------------------------------------------------------- */

typedef struct ancre_result ancre_result;

int ancre_compute(ancre_result **out, const ancre_decl *decl, const ancre_params *params,
                  const ancre_readings *readings, ancre_errors *errs);
void ancre_result_free(ancre_result *result);
int64_t ancre_result_total_cents(const ancre_result *result);

/* What a result says, read without its JSON document.  Strings belong to the result and live
 * as long as it does. */
int ancre_result_year(const ancre_result *result);
const char *ancre_result_finess(const ancre_result *result);      /* "" when not declared */
const char *ancre_result_centre_type(const ancre_result *result); /* "medical", ... */
/* 1 when the prerequisites of the forfait spécifique are met (Art. 12), 0 otherwise */
int ancre_result_gate(const ancre_result *result);
size_t ancre_result_prerequisite_count(const ancre_result *result);
int ancre_result_prerequisite(const ancre_result *result, size_t i, const char **id, int *met);
int64_t ancre_result_advance_cents(const ancre_result *result);
int64_t ancre_result_balance_cents(const ancre_result *result);
int64_t ancre_result_refund_cents(const ancre_result *result);
int64_t ancre_result_next_advance_cents(const ancre_result *result);

/* One line of the breakdown.  The caller sets version (ANCRE_LINE_INIT) so that a program built
 * against this header keeps working when later versions append fields. */
#define ANCRE_LINE_VERSION 1
typedef struct ancre_line {
    unsigned version;
    const char *id, *article, *label;
    const char *bloc;    /* "principal", "complementaire", ... */
    const char *kind;    /* "indicator", "minoration", "majoration", "forfait", ... */
    const char *payment; /* the payment it belongs to: "rsf", "fpmt", "rosp", ... */
    const char *status;  /* "achieved", "not_achieved", "not_declared", ... (docs/result.md) */
    int64_t amount_cents;
} ancre_line;
#define ANCRE_LINE_INIT                                                                            \
    { ANCRE_LINE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0 }
size_t ancre_result_line_count(const ancre_result *result);
int ancre_result_line(const ancre_result *result, size_t i, ancre_line *out);

/* One payment of the calendar (advance, balance, ...), with its due date. */
#define ANCRE_PAYMENT_VERSION 1
typedef struct ancre_payment {
    unsigned version;
    const char *label, *article;
    const char *payment; /* the module paying it ("rsf", ...) */
    const char *kind;    /* "advance", "balance", "refund", ... or "" */
    char due[16];        /* "YYYY-MM-DD", or "" when it has no date */
    int64_t amount_cents;
} ancre_payment;
#define ANCRE_PAYMENT_INIT                                                                         \
    { ANCRE_PAYMENT_VERSION, 0, 0, 0, 0, "", 0 }
size_t ancre_result_payment_count(const ancre_result *result);
int ancre_result_payment(const ancre_result *result, size_t i, ancre_payment *out);

/* The readings the result depended on, with the value used for each. */
size_t ancre_result_reading_count(const ancre_result *result);
int ancre_result_reading(const ancre_result *result, size_t i, const char **id, const char **value);

/* The payments the library computes, in a fixed order ("rsf", "fpmt", ...), and the title of
 * each; NULL past the last. */
const char *ancre_payment_name(size_t i);
const char *ancre_payment_title(size_t i);

enum {
    ANCRE_JSON_COMPACT = 1, /* one line (JSON Lines) */
};
/* The versioned JSON result document (docs/result.md).  Caller frees. */
char *ancre_result_to_json(const ancre_result *result, int flags);
/* A readable breakdown: one row per line with its article, points and euros.  verbose adds the
 * inputs, parameters and readings of each line.  Caller frees. */
char *ancre_result_to_text(const ancre_result *result, int verbose);

/* Recomputes the declaration under every alternative of each reading the result depended on and
 * returns a JSON array of {reading, value, total_cents, delta_cents} for the alternatives that
 * change the total.  Caller frees. */
char *ancre_sensitivity_json(const ancre_decl *decl, const ancre_params *params,
                             const ancre_readings *readings, ancre_errors *errs);

/* ---- catalogue of rules ---------------------------------------------------------------- */

/* The lines the engine computes for a centre of type ("medical", "polyvalent", ...) and a
 * reference year: {year, centre_type, date, prerequisites: [id], rules: [{id, article, label,
 * bloc, kind, payment, prerequisite, parameters: [...in force on 31 December, with citations]}]}.
 * Lines not in the grid of the year are left out.  NULL and errors when the engine cannot compute
 * that type or year.  Caller frees. */
char *ancre_rules_json(const ancre_params *params, const char *type, int year, ancre_errors *errs);

/* ---- patient-level rosters (docs/roster.md) -------------------------------------------- */

/* Counts of one centre's médecin-traitant patientèle at 31 December of the roster's year, by
 * the categories of the forfait patientèle médecin traitant (Art. 23.3) and of the ROSP
 * weighting (Art. 24.5). */
typedef struct ancre_roster_centre {
    const char *centre_id;
    int64_t rows;     /* valid rows of the centre */
    int64_t patients; /* médecin-traitant patients at 31/12 (the five categories) */
    int64_t child_0_6_no_ald, other_7_79_no_ald, age_80_plus_no_ald, under_80_ald, age_80_plus_ald;
    int64_t css;                   /* CSS beneficiaries among them */
    int64_t under_16, age_16_plus; /* ROSP weighting populations */
    int64_t not_at_snapshot;       /* rows whose declaration is not in force on 31/12 */
} ancre_roster_centre;

typedef struct ancre_roster ancre_roster;

/* A roster aggregation for a reference year: age limits are the parameters in force on 31/12. */
int ancre_roster_new(ancre_roster **out, int year, const ancre_params *params, ancre_errors *errs);
void ancre_roster_free(ancre_roster *roster);
/* Feeds one line of the CSV (without its newline; a trailing CR is ignored).  The first line
 * must be the header.  Returns 0, or -1 with a message in msg for a bad line (which is not
 * counted); the caller numbers lines.  Memory grows with the number of centres only. */
int ancre_roster_feed(ancre_roster *roster, const char *line, size_t len, char *msg, size_t msgcap);
/* The centres seen so far, sorted by id; valid until the next call on the roster. */
size_t ancre_roster_centres(ancre_roster *roster, const ancre_roster_centre **out);
/* A declaration (JSON) of the centre's médecin-traitant section for the roster's year, to be
 * computed with ancre_compute.  Caller frees. */
char *ancre_roster_declaration_json(const ancre_roster *roster, const ancre_roster_centre *c);

/* ---- contracts and aids of Article 19 (docs/contracts.md) ------------------------------ */

/* Parses and validates a contract document ({"centre": {...}, "contracts": [...]}), including
 * the non-cumul rules between its contracts.  Free with ancre_decl_free. */
int ancre_contract_parse_json(ancre_decl **out, const char *text, size_t len,
                              const ancre_params *params, ancre_errors *errs);
/* The whole schedule of every contract of a contract document or of a declaration's contracts:
 * one line per payment, recovery or decision, each with its due date and article. */
int ancre_contract_schedule(ancre_result **out, const ancre_decl *doc, const ancre_params *params,
                            const ancre_readings *readings, ancre_errors *errs);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
