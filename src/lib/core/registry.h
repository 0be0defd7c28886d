/* What each chapter of the accord contributes to the engine: its declaration fields and its
 * readings of ambiguous passages.  Each rules module defines its tables; the list of modules is
 * one file at the top of the library (src/lib/modules.c): core names none of them. */
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
 * field checks (src/lib/modules.c lists them). */
typedef void (*decl_check_fn)(const struct ancre_decl *d, const struct ancre_params *params,
                              struct ancre_errors *errs);

extern const module_tables core_tables;
/* The tables of every module, in the order their fields are documented (src/lib/modules.c). */
extern const module_tables *const ancre_module_tables[];
extern const size_t ancre_module_tables_count;
/* The checks across fields, in the order their errors are listed: those of a declaration, then
 * those of every document (a declaration or a contract document). */
extern const decl_check_fn ancre_declaration_checks[];
extern const size_t ancre_declaration_checks_count;
extern const decl_check_fn ancre_document_checks[];
extern const size_t ancre_document_checks_count;

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

/* The element schemas of a module, by name (src/lib/modules.c lists the sets). */
typedef struct {
    const item_schema *list;
    const size_t *count;
} item_schema_set;
extern const item_schema_set ancre_item_schema_sets[];
extern const size_t ancre_item_schema_sets_count;
const item_schema *item_schema_find(const char *name);

/* A document other than a centre's declaration that ancre_decl_parse_json recognises by a
 * top-level key (its marker) and validates against its own element schema; ancre_compute then
 * runs the document's own computation (engine.h: document_compute). */
typedef struct {
    const char *marker; /* top-level key that names the kind ("ancre_convention_2011") */
    const char *schema; /* item schema of the whole document */
} document_kind;
extern const document_kind ancre_document_kinds[];
extern const size_t ancre_document_kinds_count;

size_t readings_count(void);
const reading_def *reading_def_at(size_t i);
long reading_find(const char *id);
/* Runs every cross-field check. */
void registry_check(const struct ancre_decl *d, const struct ancre_params *params,
                    struct ancre_errors *errs);
int reading_alt_find(const reading_def *def, const char *value);

#endif
