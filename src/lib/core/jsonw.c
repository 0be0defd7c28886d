#include "jsonw.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(jsonw *w, const char *s, size_t n) {
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (w->len + n + 1 > cap)
            cap *= 2;
        char *grown = mem_realloc(w->buf, cap, 1);
        w->buf = grown;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

static void puts_(jsonw *w, const char *s) {
    put(w, s, strlen(s));
}

static void newline(jsonw *w) {
    if (w->compact) return;
    put(w, "\n", 1);
    for (int i = 0; i < w->depth; i++)
        put(w, "  ", 2);
}

/* Separator and indentation before a value (or a key) in the current container. */
static void before_value(jsonw *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->first[w->depth]) put(w, ",", 1);
    w->first[w->depth] = false;
    newline(w);
}

void jw_init(jsonw *w, bool compact) {
    memset(w, 0, sizeof *w);
    w->compact = compact;
}

char *jw_finish(jsonw *w) {
    if (!w->buf) put(w, "", 0);
    return w->buf;
}

static void open_(jsonw *w, const char *c) {
    before_value(w);
    puts_(w, c);
    if (w->depth < 63) w->depth++;
    w->first[w->depth] = true;
}

static void close_(jsonw *w, const char *c) {
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty) newline(w);
    puts_(w, c);
}

void jw_obj(jsonw *w) {
    open_(w, "{");
}
void jw_arr(jsonw *w) {
    open_(w, "[");
}
void jw_end_obj(jsonw *w) {
    close_(w, "}");
}
void jw_end_arr(jsonw *w) {
    close_(w, "]");
}

static void quoted(jsonw *w, const char *s) {
    put(w, "\"", 1);
    const char *run = s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *esc = NULL;
        char u[8];
        switch (*p) {
        case '"':
            esc = "\\\"";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        default:
            if (*p < 0x20) {
                snprintf(u, sizeof u, "\\u%04x", *p);
                esc = u;
            }
        }
        if (esc) {
            put(w, run, (size_t)((const char *)p - run));
            puts_(w, esc);
            run = (const char *)p + 1;
        }
    }
    puts_(w, run);
    put(w, "\"", 1);
}

void jw_key(jsonw *w, const char *key) {
    before_value(w);
    quoted(w, key);
    puts_(w, w->compact ? ":" : ": ");
    w->after_key = true;
}

void jw_str(jsonw *w, const char *s) {
    before_value(w);
    quoted(w, s ? s : "");
}

void jw_int(jsonw *w, int64_t v) {
    char b[32];
    before_value(w);
    snprintf(b, sizeof b, "%lld", (long long)v);
    puts_(w, b);
}

void jw_bool(jsonw *w, bool v) {
    before_value(w);
    puts_(w, v ? "true" : "false");
}

void jw_null(jsonw *w) {
    before_value(w);
    puts_(w, "null");
}
