/* The error document and JSON Lines, one copy for the command line, the server and the store
 * (ancre.h: ancre_errors_to_json, ancre_lines_*, ancre_text_is_json_lines). */
#include "ancre/ancre.h"

#include "alloc.h"

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

char *ancre_errors_to_json(const ancre_errors *errs, size_t line, int flags) {
    json_t *root = json_object(), *list = json_array();
    if (line) json_object_set_new(root, "line", json_integer((json_int_t)line));
    json_object_set_new(root, "ok", json_false());
    for (size_t i = 0; errs && i < errs->count; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(errs->items[i].path));
        json_object_set_new(o, "rule", json_string(errs->items[i].rule));
        json_object_set_new(o, "expected", json_string(errs->items[i].expected));
        json_object_set_new(o, "message", json_string(errs->items[i].message));
        json_array_append_new(list, o);
    }
    json_object_set_new(root, "errors", list);
    char *s = json_dumps(root, ((flags & ANCRE_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2)) |
                                   JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!s) mem_fail(0); /* jansson gives NULL only when out of memory (alloc.h) */
    /* json_dumps allocates with malloc: the caller frees with free() */
    return s;
}

static bool blank(const char *p, size_t n) {
    for (size_t k = 0; k < n; k++)
        if (p[k] != ' ' && p[k] != '\t' && p[k] != '\r') return false;
    return true;
}

void ancre_lines_begin(ancre_lines *it, const char *text, size_t len) {
    it->next = text;
    it->end = text + len;
    it->lineno = 0;
}

int ancre_lines_next(ancre_lines *it, const char **line, size_t *len, size_t *lineno) {
    while (it->next < it->end) {
        const char *p = it->next;
        const char *nl = memchr(p, '\n', (size_t)(it->end - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(it->end - p);
        it->next = nl ? nl + 1 : it->end;
        it->lineno++;
        if (blank(p, l)) continue;
        while (l > 0 && p[l - 1] == '\r')
            l--;
        *line = p;
        *len = l;
        *lineno = it->lineno;
        return 1;
    }
    return 0;
}

int ancre_text_is_json_lines(const char *text, size_t len) {
    json_error_t jerr;
    json_t *whole = json_loadb(text, len, 0, &jerr);
    if (whole) {
        json_decref(whole);
        return 0;
    }
    /* several documents, one per line: the first line is a whole document by itself.  A
     * pretty-printed document followed by garbage is one document with an error at the
     * garbage, not a batch of broken lines. */
    if (!memchr(text, '\n', len) || strstr(jerr.text, "end of file expected") == NULL) return 0;
    ancre_lines it;
    ancre_lines_begin(&it, text, len);
    const char *line;
    size_t l, n;
    if (!ancre_lines_next(&it, &line, &l, &n)) return 0;
    json_t *first = json_loadb(line, l, 0, NULL);
    int lines = json_is_object(first);
    json_decref(first);
    return lines;
}
