/* HTTP plumbing over libmicrohttpd (see http.h).  Request bodies are read into memory up to
 * max_body bytes: a larger Content-Length is refused before the body is read, a chunked body is
 * refused as soon as it passes the limit.  Everything else is the handler's business. */
#include "http.h"

#include "ancre/ancre.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

typedef struct {
    char *buf;
    size_t len, cap;
    bool too_large;
} body_state;

typedef struct {
    const http_options *opt;
    http_handler handler;
    void *ctx;
} server_state;

static enum MHD_Result send_response(struct MHD_Connection *conn, const http_request *req,
                                     http_response *r, const http_options *opt) {
    size_t len = r->body ? (r->body_len ? r->body_len : strlen(r->body)) : 0;
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, r->body ? r->body : (void *)"",
                                        r->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                            r->content_type ? r->content_type : "application/json");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->no_store) MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (r->allow) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->lang) MHD_add_response_header(resp, "Content-Language", r->lang);
    if (r->status == MHD_HTTP_UNAUTHORIZED)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"ancre\"");
    if (r->content_type && strncmp(r->content_type, "text/html", 9) == 0)
        /* the simulator loads nothing from outside */
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    if (opt->log) fprintf(stderr, "%s %s %d %zu\n", req->method, req->path, r->status, len);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
    (void)version;
    server_state *s = cls;
    body_state *b = *con_cls;
    http_request req = {method, url, "", 0, conn};
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b) return MHD_NO;
        *con_cls = b;
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > s->opt->max_body) {
            http_response r = {0};
            r.lang = ancre_lang_negotiate(
                MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language"));
            http_error(&r, MHD_HTTP_CONTENT_TOO_LARGE, "http",
                       "corps de requête de %s octets, plus grand que la limite de %zu octets", cl,
                       s->opt->max_body);
            b->too_large = true;
            return send_response(conn, &req, &r, s->opt);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (!b->too_large && b->len + *upload_size > s->opt->max_body) {
            b->too_large = true;
            free(b->buf);
            b->buf = NULL;
            b->len = b->cap = 0;
        }
        if (!b->too_large) {
            if (b->len + *upload_size + 1 > b->cap) {
                size_t cap = b->cap ? b->cap : 4096;
                while (cap < b->len + *upload_size + 1)
                    cap *= 2;
                char *grown = realloc(b->buf, cap);
                if (!grown) return MHD_NO;
                b->buf = grown;
                b->cap = cap;
            }
            memcpy(b->buf + b->len, upload, *upload_size);
            b->len += *upload_size;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    http_response r = {0};
    r.lang =
        ancre_lang_negotiate(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language"));
    if (b->too_large) {
        http_error(&r, MHD_HTTP_CONTENT_TOO_LARGE, "http",
                   "corps de requête plus grand que la limite de %zu octets", s->opt->max_body);
        return send_response(conn, &req, &r, s->opt);
    }
    if (b->buf) b->buf[b->len] = '\0';
    req.body = b->buf ? b->buf : "";
    req.body_len = b->len;
    s->handler(s->ctx, &req, &r);
    if (!r.status) r.status = 500;
    return send_response(conn, &req, &r, s->opt);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    (void)cls;
    (void)conn;
    (void)toe;
    body_state *b = *con_cls;
    if (b) {
        free(b->buf);
        free(b);
    }
    *con_cls = NULL;
}

int http_serve(const http_options *opt, http_handler handler, void *ctx) {
    server_state s = {opt, handler, ctx};
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
    struct sockaddr_in *a4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, opt->host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)opt->port);
    } else if (inet_pton(AF_INET6, opt->host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)opt->port);
        flags |= MHD_USE_IPv6;
    } else {
        fprintf(stderr, "ancre serve: --host %s is not an IPv4 or IPv6 address\n", opt->host);
        return -1;
    }
    /* SIGINT and SIGTERM are waited for below: block them before the worker threads start so
     * that they inherit the mask and the signal reaches sigwait */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)opt->port, NULL, NULL, on_request, &s, MHD_OPTION_SOCK_ADDR, &addr,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_THREAD_POOL_SIZE,
        opt->threads ? opt->threads : 1, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "ancre serve: cannot listen on %s port %d\n", opt->host, opt->port);
        return -1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : opt->port;
    bool v6 = strchr(opt->host, ':') != NULL;
    printf("listening on http://%s%s%s:%d/\n", v6 ? "[" : "", opt->host, v6 ? "]" : "", port);
    if (opt->banner) printf("%s", opt->banner);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    fprintf(stderr, "ancre serve: stopped (signal %d)\n", sig);
    return 0;
}

const char *http_query(const http_request *req, const char *key) {
    return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, key);
}

typedef struct {
    const char *key;
    const char **out;
    size_t n, max;
} collect_state;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value) {
    (void)kind;
    collect_state *c = cls;
    if (strcmp(key, c->key) == 0 && c->n < c->max) c->out[c->n++] = value ? value : "";
    return MHD_YES;
}

size_t http_query_all(const http_request *req, const char *key, const char **out, size_t max) {
    collect_state c = {key, out, 0, max};
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, collect, &c);
    return c.n;
}

const char *http_header(const http_request *req, const char *name) {
    return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

void http_json(http_response *res, int status, char *json_text) {
    /* ended by a newline, like the command line's output */
    size_t n = json_text ? strlen(json_text) : 0;
    char *t = json_text ? realloc(json_text, n + 2) : NULL;
    if (t) {
        t[n] = '\n';
        t[n + 1] = '\0';
        json_text = t;
    }
    res->status = status;
    res->content_type = "application/json; charset=utf-8";
    res->body = json_text;
    res->body_len = 0;
    res->no_store = true;
}

void http_error(http_response *res, int status, const char *rule, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, ancre_tr(res->lang, fmt), ap);
    va_end(ap);
    json_t *root = json_object(), *list = json_array(), *e = json_object();
    json_object_set_new(e, "path", json_string(""));
    json_object_set_new(e, "rule", json_string(rule));
    json_object_set_new(e, "expected", json_string(""));
    json_object_set_new(e, "message", json_string(msg));
    json_array_append_new(list, e);
    json_object_set_new(root, "ok", json_false());
    json_object_set_new(root, "errors", list);
    http_json(res, status, json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER));
    json_decref(root);
}
