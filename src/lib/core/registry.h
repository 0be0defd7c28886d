/* What each chapter of the accord contributes to the engine: its declaration fields and its
 * readings of ambiguous passages.  Each rules module defines its tables; registry.c lists them. */
#ifndef ANCRE_REGISTRY_H
#define ANCRE_REGISTRY_H

#include "ancre/ancre.h"

#include <stdbool.h>
#include <stddef.h>

/* F_OBJLIST: a JSON array of objects, each validated against the item schema named by the
 * field's `choices` (see item_schema below); errors name elements as path[i].field. */
typedef enum { F_BOOL, F_INT, F_DEC, F_DATE, F_STRING, F_ENUM, F_STRLIST, F_OBJLIST } field_type;

typedef enum {
    REQ_NO = 0,      /* optional; a rule that needs it reports it missing */
    REQ_ALWAYS = 1,  /* every declaration */
    REQ_SECTION = 2, /* required when its enclosing object is present */
} field_req;

typedef struct {
    const char *path; /* dotted path in the declaration */
    field_type type;
    field_req req;
    const char *min, *max; /* exact decimal bounds, inclusive; NULL: none */
    const char *choices;   /* F_ENUM: "a|b|c" */
    const char *le_path; /* the value may not exceed this other field (a count in its population) */
    const char *article; /* the article that uses it */
    const char *doc;     /* what it means, in English with the French term */
} field_def;

#define READING_MAX_ALTS 6
typedef struct {
    const char *value;
    const char *description;
} reading_alt;

typedef struct {
    const char *id;       /* stable id used with --reading ID=VALUE */
    const char *ref;      /* where the ambiguity is described ("rsf-medical §8 A16") */
    const char *question; /* what the text leaves open */
    reading_alt alts[READING_MAX_ALTS]; /* alts[0] is the default reading */
} reading_def;

struct ancre_decl;
struct ancre_params;
struct ancre_errors;

typedef struct {
    const field_def *fields;
    size_t nfields;
    const reading_def *readings;
    size_t nreadings;
} module_tables;

/* A check across fields that a field table cannot state, run on every declaration after the
 * field checks (registry.c lists them). */
typedef void (*decl_check_fn)(const struct ancre_decl *d, const struct ancre_params *params,
                              struct ancre_errors *errs);
void rsf_classification_check(const struct ancre_decl *d, const struct ancre_params *params,
                              struct ancre_errors *errs);
/* eligibility and non-cumul of the contracts of Article 19 (contracts_common.c) */
void contracts_validate(const struct ancre_decl *d, const struct ancre_params *params,
                        struct ancre_errors *errs);

extern const module_tables core_tables;
extern const module_tables rsf_medical_tables;
extern const module_tables contracts_tables;
extern const module_tables rsf_classification_tables;
extern const module_tables rsf_nursing_tables;
extern const module_tables rsf_dental_tables;
extern const module_tables fpmt_tables, mpa_tables, rosp_tables;

size_t schema_count(void);
const field_def *schema_field(size_t i);
long schema_find(const char *path); /* index or -1 */
bool schema_is_object_prefix(const char *path);
/* The fields whose path starts with prefix: their count, and through *first the position of
 * the first in path order; schema_sorted_index(first + k) gives each one's schema index. */
size_t schema_under(const char *prefix, size_t *first);
size_t schema_sorted_index(size_t k);

/* The fields of one element of a list of objects (F_OBJLIST), or of a document other than the
 * declaration (the contract document of `ancre contract`).  Paths are relative to the element. */
typedef struct {
    const char *name;
    const field_def *fields;
    size_t nfields;
} item_schema;

extern const item_schema contracts_item_schemas[];
extern const size_t contracts_item_schema_count;
const item_schema *item_schema_find(const char *name);

/* Checks that span several fields (non-cumul of contracts, ...), run on a parsed document once
 * every field is valid; they append errors naming the field path and the article. */
typedef void (*decl_validator)(const ancre_decl *d, const ancre_params *params, ancre_errors *errs);
size_t validators_count(void);
decl_validator validator_at(size_t i);

size_t readings_count(void);
const reading_def *reading_def_at(size_t i);
long reading_find(const char *id);
/* Runs every cross-field check. */
void registry_check(const struct ancre_decl *d, const struct ancre_params *params,
                    struct ancre_errors *errs);
int reading_alt_find(const reading_def *def, const char *value);

#endif
