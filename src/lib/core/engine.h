/* The computation context shared by every rules module: reads inputs, parameters and readings,
 * and records each of them on the result line being computed, so that every euro carries the
 * inputs, parameter values (with dates and citations) and readings it came from. */
#ifndef ANCRE_ENGINE_H
#define ANCRE_ENGINE_H

#include "decl.h"
#include "params.h"
#include "readings.h"

typedef enum {
    ST_ACHIEVED,
    ST_NOT_ACHIEVED,
    ST_NOT_DECLARED,
    ST_NOT_IN_GRID,
    ST_EXCLUDED,
    ST_NOT_TRIGGERED,
    ST_ADJUSTMENT,
} line_status;

/* "achieved", "not_achieved", ... as the result document writes it (docs/result.md) */
const char *line_status_name(line_status s);

typedef struct {
    char *path, *value;
} input_use;

typedef struct {
    const param_t *param;
    const period_t *period;
} param_use;

typedef struct {
    size_t index;
    int choice;
} reading_use;

typedef struct {
    char *id, *article, *label;
    const char *bloc;    /* "principal", "complementaire", "adjustment" */
    const char *kind;    /* "indicator", "minoration", "majoration" */
    const char *payment; /* the payment the line belongs to: "rsf", "fpmt", "rosp", ... */
    q_t unit_value;      /* euros per point of this line (the point value; 1 for euro lines) */
    bool priced;         /* amount_cents computed */
    line_status status;
    char note[512];
    q_t fixed, variable, points;
    q_t factor; /* prorata applied to the euros of the line (adhesion, SI acquisition) */
    int64_t amount_cents;
    input_use *inputs;
    size_t ninputs;
    param_use *params;
    size_t nparams;
    reading_use *readings;
    size_t nreadings;
    bool has_due; /* a scheduled payment (contracts): the date it is due */
    date_t due;
} line_t;

typedef struct {
    char *label, *article;
    date_t due;
    bool has_due;
    int64_t amount_cents;
    const char *payment; /* the module paying it ("rsf", ...): the lines[].payment it pays */
    const char *kind;    /* advance, new_centre_advance, balance, refund, ... or NULL */
} payment_t;

typedef struct {
    char *id;
    bool met;
} prereq_t;

struct ancre_result {
    const char *lang; /* language of its notes and text (NULL: French), from the error list */
    int year;
    char *finess, *name, *type;
    char **notes;
    size_t nnotes;
    bool triggered;
    char gate_reason[512];
    prereq_t *prereqs;
    size_t nprereqs;
    line_t *lines;
    size_t nlines, caplines;
    q_t point_value, prorata;
    q_t bcp_points, bcc_points, majoration_points, total_points;
    int64_t total_cents, advance_cents, balance_cents, refund_cents, next_advance_cents;
    bool has_advance;
    payment_t *payments;
    size_t npayments;
    reading_use *readings;
    size_t nreadings;
    param_use *params; /* parameters used outside any line (gate, payments) */
    size_t nparams;
    bool overflow_reported; /* an amount beyond Q_CENTS_MAX was reported (once) */
};

typedef struct {
    const ancre_decl *decl;
    const ancre_params *params;
    const ancre_readings *readings;
    int year;
    date_t at; /* date at which parameters are looked up: 31 December of the year */
    ancre_result *res;
    line_t *cur; /* line receiving the trace; NULL records on the result itself */
    ancre_errors *errs;
    bool failed;
    const char *payment; /* payment of the lines the running module opens */
    q_t unit_value;      /* euros per point of those lines */
} eng_t;

/* ---- lines ---- */
line_t *eng_line(eng_t *e, const char *id, const char *article, const char *label, const char *bloc,
                 const char *kind);
/* Notes are written in French; they are stored in the result's language (the .tsv files of
 * i18n/en/). */
void eng_note(eng_t *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void eng_result_note(eng_t *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void eng_payment(eng_t *e, const char *label, const char *article, const date_t *due,
                 int64_t cents);
/* Names the kind of the payment just added (static string: "advance", "balance", ...), for the
 * payments ledger of the store. */
void eng_payment_kind(eng_t *e, const char *kind);
/* Removes the lines from index `from` on that keep() refuses, and the calendar entries from
 * index `pfrom` on likewise (a schedule narrowed to one reference year). */
void eng_keep_lines(eng_t *e, size_t from, size_t pfrom, bool (*keep)(const eng_t *, bool, date_t));

/* ---- inputs ---- */
/* records on the current line an input read outside the declaration's schema (list elements) */
void eng_input(eng_t *e, const char *path, const char *value);
/* records on the current line a value the rule derived (a ratio, a prorata), under name, as
 * an exact decimal; every value is kept, in order */
void eng_derived(eng_t *e, const char *name, q_t v);
bool in_has(eng_t *e, const char *path);
bool in_flag(eng_t *e, const char *path); /* absent means false (documented per field) */
q_t in_num(eng_t *e, const char *path);   /* missing is an error */
bool in_num_opt(eng_t *e, const char *path, q_t *out);
const char *in_text(eng_t *e, const char *path); /* missing is an error; NULL */
const char *in_text_opt(eng_t *e, const char *path);
bool in_date(eng_t *e, const char *path, date_t *out); /* missing is an error */
bool in_date_opt(eng_t *e, const char *path, date_t *out);
bool in_list_has(eng_t *e, const char *path, const char *item);

/* ---- parameters ---- */
q_t par(eng_t *e, const char *id);         /* number in force; error when absent or null */
bool par_exists(eng_t *e, const char *id); /* in force and not null (records either way) */
bool par_bool(eng_t *e, const char *id);
const char *par_text(eng_t *e, const char *id);
/* same, at another date than the reference year's (payments, dated thresholds) */
q_t par_at(eng_t *e, const char *id, date_t at);
/* A count or a duration: the parameter must be an integer from lo to hi, 0 <= lo (the bounds
 * the rule can use, e.g. 1 to 12 for a month); otherwise an error names it and -1 is returned.
 * Never cast a parameter with (int). */
int64_t par_int(eng_t *e, const char *id, int64_t lo, int64_t hi);
int64_t par_int_at(eng_t *e, const char *id, date_t at, int64_t lo, int64_t hi);

/* ---- readings ---- */
/* Whether the chosen alternative of reading `id` is `value` (records the reading on the line and
 * the result).  Rules compare readings by name, never by position in the registry's table: a
 * value that is not an alternative of the reading is an internal error. */
bool reading_is(eng_t *e, const char *id, const char *value);
/* The value of the chosen alternative of reading `id` (records it likewise); "" on error. */
const char *reading_value(eng_t *e, const char *id);
/* index of the chosen alternative, 0 = default: kept for the registry's own listings; rules use
 * reading_is() */
int reading(eng_t *e, const char *id);

void eng_fail(eng_t *e, const char *path, const char *rule, const char *expected, const char *fmt,
              ...) __attribute__((format(printf, 5, 6)));

/* The language of the computation (NULL: French) and a French format string in it, for text a
 * module composes itself (snprintf(r->gate_reason, n, eng_tr(e, "..."), ...)). */
const char *eng_lang(const eng_t *e);
const char *eng_tr(const eng_t *e, const char *french) __attribute__((format_arg(2)));

/* Converts every line not yet priced to euros (points × unit value × factor, rounded once per
 * line) and adds every line up into the result's total.  An amount, a sum of lines or of
 * payments beyond ±Q_CENTS_MAX (q.h) fails the computation with an error: amounts are never
 * wrapped. */
void eng_amounts(eng_t *e);
/* Sum of the priced lines of one payment, in cents. */
int64_t eng_payment_total(const eng_t *e, const char *payment);

/* A chapter of the accord that pays something: it runs when applies() says the declaration
 * concerns it, with e->payment set to its name. */
typedef struct {
    const char *payment;
    const char *title;
    bool (*applies)(eng_t *e);
    int (*compute)(eng_t *e);
} module_def;

extern const module_def ancre_modules[];
extern const size_t ancre_module_count;

/* A document of another kind (registry.h: document_kind) is computed by the module of one
 * payment alone, with e->year and e->at set from the document's "year". */
typedef struct {
    const char *schema;  /* the document's item schema */
    const char *payment; /* the module of ancre_modules that computes it */
    const char *type;    /* what the result names in place of the centre's type */
} document_compute;
extern const document_compute ancre_document_computes[];
extern const size_t ancre_document_computes_count;

#endif
