/* HTTP plumbing of `ancre serve` over libmicrohttpd: listening, reading request bodies up to a
 * limit, and handing each complete request to one handler.  The routes live in routes.c. */
#ifndef ANCRE_SERVER_HTTP_H
#define ANCRE_SERVER_HTTP_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct MHD_Connection;

typedef struct {
    const char *method; /* "GET", "POST", ... */
    const char *path;   /* without the query string */
    const char *body;   /* NUL-terminated copy of the body ("" when none) */
    size_t body_len;
    struct MHD_Connection *conn;
    /* Without a connection (the route handler called directly, as the fuzz harness does): the
     * headers and the decoded query arguments, as NULL-terminated lists of name, value. */
    const char *const *headers;
    const char *const *args;
} http_request;

typedef struct {
    int status;
    const char *content_type; /* static string */
    char *body;               /* malloc'd, owned by the plumbing once set */
    size_t body_len;          /* 0: strlen(body) */
    bool no_store;            /* Cache-Control: no-store (API answers) */
    const char *allow;        /* Allow header of a 405, or NULL */
    const char *lang;         /* language of the messages ("fr", "en"): Content-Language */
} http_response;

typedef void (*http_handler)(void *ctx, const http_request *req, http_response *res);

#define HTTP_MAX_ALLOWED_HOSTS 16

typedef struct {
    const char *host;   /* address to listen on: "127.0.0.1" unless told otherwise */
    int port;           /* 0: any free port (printed at start) */
    size_t max_body;    /* larger request bodies get 413 */
    unsigned threads;   /* worker threads */
    bool log;           /* one line per request on standard error (time, peer, request) */
    const char *banner; /* printed after the address (may be NULL) */
    /* Host header values accepted besides the loopback names of a loopback address
     * (127.0.0.1:PORT, localhost:PORT, [::1]:PORT): a page of another site cannot reach the
     * server through a name that resolves to 127.0.0.1 (DNS rebinding).  On another address
     * with no allowed host, any Host is accepted. */
    const char *allowed_hosts[HTTP_MAX_ALLOWED_HOSTS];
    size_t nallowed_hosts;
    unsigned per_address;    /* connections at once from one address (0: 16) */
    unsigned header_timeout; /* seconds to receive a request's headers (0: 10) */
} http_options;

/* Whether addr (an IPv4 or IPv6 address as text) is a loopback address. */
bool http_is_loopback(const char *addr);

/* Serves until SIGINT or SIGTERM; prints "listening on http://HOST:PORT/" on standard output
 * once the socket is bound.  Returns 0 after a clean stop, -1 when the address cannot be used. */
int http_serve(const http_options *opt, http_handler handler, void *ctx);

/* The value of the query argument key (first one), or NULL. */
const char *http_query(const http_request *req, const char *key);
/* Every value of the repeated query argument key, up to max; returns how many. */
size_t http_query_all(const http_request *req, const char *key, const char **out, size_t max);
const char *http_header(const http_request *req, const char *name);

/* Answers: JSON text (taken), and the error document (its French message in res->lang) of the
 * command line's --json output,
 * {"ok": false, "errors": [{path, rule, expected, message}]}, with one error. */
void http_json(http_response *res, int status, char *json_text);
void http_error(http_response *res, int status, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
