/* The HTTP routes of `ancre serve`, called directly (no socket): the input is a request,
 *   METHOD PATH[?QUERY]\n
 *   Name: value\n ... \n        (headers, up to an empty line)
 *   body
 * against a server with the example parameters, a token and an in-memory SQLite store, so that
 * the store routes run too.  Every answer must have a status and a body. */
#include "../src/server/http.h"
#include "../src/server/routes.h"
#include "fuzz_common.h"

#include <ctype.h>

static server_ctx ctx;
static const char *token = "fuzz-token-0123456789abcdef";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    ancre_errors errs;
    ancre_errors_init(&errs);
    ctx.params = fuzz_params();
    ctx.token = token;
    ancre_store_paramset *ps = ancre_store_paramset_new();
    ancre_store_paramset_add_defaults(ps, &errs);
    ctx.paramset = ps;
    pthread_mutex_init(&ctx.store_lock, NULL);
    if (ancre_store_open(&ctx.store, ":memory:", &errs) != 0) abort();
    ancre_errors_clear(&errs);
    return 0;
}

/* %XX and + decoded in place, as the server's HTTP library does */
static void url_decode(char *s) {
    char *o = s;
    for (; *s; s++) {
        if (*s == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
            char hex[3] = {s[1], s[2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            s += 2;
        } else {
            *o++ = *s == '+' ? ' ' : *s;
        }
    }
    *o = '\0';
}

#define MAXLIST 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_copy(data, size);
    char *p = text, *end = text + size;
    char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) {
        free(text);
        return 0;
    }
    *nl = '\0';
    char *method = p, *sp = strchr(p, ' ');
    char root[] = "/";
    char *path = sp ? sp + 1 : root;
    if (sp) *sp = '\0';
    p = nl + 1;
    const char *headers[MAXLIST + 1] = {0}, *args[MAXLIST + 1] = {0};
    size_t nh = 0, na = 0;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl || nl == p) {
            p = nl ? nl + 1 : end;
            break;
        }
        *nl = '\0';
        char *colon = strchr(p, ':');
        if (colon && nh + 2 <= MAXLIST) {
            *colon = '\0';
            char *v = colon + 1;
            while (*v == ' ')
                v++;
            headers[nh++] = p;
            headers[nh++] = v;
        }
        p = nl + 1;
    }
    /* the query: name=value pairs, decoded */
    char *q = strchr(path, '?');
    if (q) {
        *q++ = '\0';
        for (char *tok = strtok(q, "&"); tok && na + 2 <= MAXLIST; tok = strtok(NULL, "&")) {
            char *eq = strchr(tok, '=');
            if (eq) *eq = '\0';
            url_decode(tok);
            if (eq) url_decode(eq + 1);
            args[na++] = tok;
            args[na++] = eq ? eq + 1 : "";
        }
    }
    url_decode(path);
    http_request req = {method, path, p, (size_t)(end - p), NULL, headers, args};
    http_response res = {0};
    routes_handle(&ctx, &req, &res);
    if (res.status < 100 || res.status > 599) abort();
    free(res.body);
    free(text);
    return 0;
}
