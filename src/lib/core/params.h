/* Dated parameters with citations (docs/parameters-format.md). */
#ifndef ANCRE_PARAMS_H
#define ANCRE_PARAMS_H

#include "ancre/ancre.h"
#include "date.h"
#include "q.h"

typedef struct {
    char *doc, *article, *quote, *note;
    int line;
} cite_t;

typedef enum { PV_NULL, PV_NUM, PV_BOOL, PV_TEXT } pv_kind;

typedef struct {
    date_t from;
    bool open_ended;
    date_t to;
    pv_kind kind;
    q_t num;
    bool b;
    char *text; /* the value as written (numbers too), for display */
    cite_t cite;
    char *origin; /* file or document the period was loaded from */
} period_t;

typedef struct {
    char *id, *label, *unit;
    period_t *periods;
    size_t n;
} param_t;

struct ancre_params {
    param_t *items;
    size_t n, cap;
};

typedef enum { PARAM_OK = 0, PARAM_UNKNOWN = -1, PARAM_NOT_IN_FORCE = -2 } param_status;

/* A deep copy (NULL when out of memory): a caller that loads documents over a parameter set it
 * keeps (the fuzz harness of parameter files) copies it first. */
ancre_params *params_copy(const ancre_params *from);

/* Finds the period of id in force at `at`. */
param_status params_lookup(const ancre_params *params, const char *id, date_t at,
                           const param_t **param, const period_t **period);

/* The parameter documents built into the library (generated from params/ at build time). */
extern const char *const ancre_embedded_param_names[];
extern const char *const ancre_embedded_param_texts[];
extern const size_t ancre_embedded_param_count;

#endif
