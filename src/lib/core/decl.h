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
} decl_value;

struct ancre_decl {
    size_t n;
    decl_value *values; /* indexed like the schema */
};

const decl_value *decl_get(const ancre_decl *d, const char *path);
void decl_value_text(const field_def *f, const decl_value *v, char *buf, size_t cap);

#endif
