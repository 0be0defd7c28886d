/* A small streaming JSON writer: results are written straight to text, without building a tree,
 * because the result document of a batch is large (every line carries its parameters and their
 * citations) and serialising it is most of the cost of a batch run. */
#ifndef ANCRE_JSONW_H
#define ANCRE_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *buf;
    size_t len, cap;
    bool compact;
    int depth;
    bool first[64]; /* no member written yet at this depth */
    bool after_key;
} jsonw;

void jw_init(jsonw *w, bool compact);
char *jw_finish(jsonw *w); /* the text; caller frees */
void jw_obj(jsonw *w);
void jw_arr(jsonw *w);
void jw_end_obj(jsonw *w);
void jw_end_arr(jsonw *w);
void jw_key(jsonw *w, const char *key);
void jw_str(jsonw *w, const char *s);
void jw_int(jsonw *w, int64_t v);
void jw_bool(jsonw *w, bool v);
void jw_null(jsonw *w);

#endif
