/* The one allocation policy of ancre (docs/conventions.md, "Allocation").
 *
 * Every allocation of the library, the command line, the server and the store goes through these
 * functions.  Out of memory is not an error a caller can handle half-way: it ends the process
 * with a message on standard error (as git's xmalloc does), so that no error, line or record is
 * ever dropped silently because a list could not grow.  A batch keeps the other lines: each line
 * is computed in a worker process, and a worker that dies gets an error record
 * (src/cli/batch.c).  Sizes are checked: a count times an element size that overflows is out of
 * memory too, never a short buffer. */
#ifndef ANCRE_ALLOC_H
#define ANCRE_ALLOC_H

#include <stddef.h>

void *mem_alloc(size_t size);                      /* never NULL */
void *mem_zalloc(size_t n, size_t size);           /* zeroed n elements; never NULL */
void *mem_realloc(void *p, size_t n, size_t size); /* n elements; never NULL */
char *mem_strdup(const char *s);                   /* NULL gives NULL */
char *mem_strndup(const char *s, size_t n);
/* Ends the process: "ancre: out of memory (N bytes)". */
_Noreturn void mem_fail(size_t size);

/* The growable array: items[0..n) with no capacity field, grown by doubling (4, 8, 16...) when n
 * reaches a power of two.  VEC_PUSH(items, n) makes room for items[n]; the caller then fills it
 * and increments n:
 *
 *     VEC_PUSH(r->notes, r->nnotes);
 *     r->notes[r->nnotes++] = mem_strdup(msg);
 */
void mem_vec_grow(void **items, size_t n, size_t size);
#define VEC_PUSH(items, n) mem_vec_grow((void **)&(items), (n), sizeof *(items))

#endif
