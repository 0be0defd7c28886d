/* A validated declaration: one typed value per field of the schema (registry.h). */
#ifndef ANCRE_DECL_H
#define ANCRE_DECL_H

#include "ancre/ancre.h"
#include "date.h"
#include "q.h"
#include "registry.h"

typedef struct {
    bool present;
    bool invalid; /* given but refused: reported once, not again as missing */
    q_t num;      /* F_INT and F_DEC */
    bool b;
    date_t date;
    char *s;     /* F_STRING, F_ENUM, F_DATE (as written) */
    char **list; /* F_STRLIST */
    size_t nlist;
    struct ancre_decl **items; /* F_OBJLIST: one validated object per element */
    size_t nitems;
} decl_value;

struct ancre_decl {
    size_t n;
    decl_value *values;        /* indexed like the schema */
    const item_schema *schema; /* NULL: the declaration (registry); else an element or document */
};

/* path is relative to d's own schema */
const decl_value *decl_get(const ancre_decl *d, const char *path);
const field_def *decl_field(const ancre_decl *d, size_t i);
/* Parses and validates a document against a schema other than the declaration's (the
 * contract document); validators run as for a declaration. */
int decl_parse_with(ancre_decl **out, const char *text, size_t len, const item_schema *schema,
                    const ancre_params *params, ancre_errors *errs);
void decl_value_text(const field_def *f, const decl_value *v, char *buf, size_t cap);

/* A FINESS number: 9 characters, digits, the second one A or B after a 2 for Corsica (2A, 2B). */
bool finess_valid(const char *s);

#endif
