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
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* One request: its body, and what was found in its raw URI before MHD decoded it. */
typedef struct {
    char *buf;
    size_t len, cap;
    bool too_large;
    bool started; /* the handler saw the headers */
    bool bad_uri; /* a control character or an encoded NUL in the URI */
} body_state;

/* One connection, for the deadline of its request headers. */
typedef struct conn_track {
    int fd;
    struct timespec since; /* connected, or answered its last request */
    bool waiting;          /* for the headers of a request */
    bool cut;
    struct conn_track *prev, *next;
} conn_track;

typedef struct {
    const http_options *opt;
    http_handler handler;
    void *ctx;
    char hosts[3 + HTTP_MAX_ALLOWED_HOSTS][300]; /* accepted Host values */
    size_t nhosts;
    bool check_host;
    pthread_mutex_t lock; /* the connection list */
    conn_track *conns;
    volatile bool stopping;
} server_state;

static double seconds_since(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

bool http_is_loopback(const char *addr) {
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, addr, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
    if (inet_pton(AF_INET6, addr, &a6) == 1) return IN6_IS_ADDR_LOOPBACK(&a6);
    return false;
}

/* Writes s into out with every byte outside printable ASCII, the backslash and the quote as
 * \xHH: a logged path cannot forge a log line. */
static void log_escape(const char *s, char *out, size_t cap) {
    size_t k = 0;
    for (; s && *s && k + 5 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f || c == '\\' || c == '"')
            k += (size_t)snprintf(out + k, cap - k, "\\x%02x", c);
        else
            out[k++] = (char)c;
    }
    out[k] = '\0';
}

static void peer_text(struct MHD_Connection *conn, char *buf, size_t cap) {
    snprintf(buf, cap, "-");
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf,
                  (socklen_t)cap);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf,
                  (socklen_t)cap);
}

/* A control character, raw or percent-encoded (%00 to %1F, %7F), anywhere in the URI. */
static bool uri_has_control(const char *uri) {
    for (const char *p = uri; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f) return true;
        if (c == '%' && p[1] && p[2]) {
            char hex[3] = {p[1], p[2], 0};
            char *end;
            long v = strtol(hex, &end, 16);
            if (*end == '\0' && (v < 0x20 || v == 0x7f)) return true;
        }
    }
    return false;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn) {
    (void)cls;
    (void)conn;
    body_state *b = calloc(1, sizeof *b);
    if (b) b->bad_uri = uri_has_control(uri);
    return b;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code) {
    server_state *s = cls;
    pthread_mutex_lock(&s->lock);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        conn_track *t = calloc(1, sizeof *t);
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (t) {
            t->fd = ci ? ci->connect_fd : -1;
            clock_gettime(CLOCK_MONOTONIC, &t->since);
            t->waiting = true;
            t->next = s->conns;
            if (s->conns) s->conns->prev = t;
            s->conns = t;
        }
        *socket_context = t;
    } else if (*socket_context) { /* closed: MHD closes the socket after this call */
        conn_track *t = *socket_context;
        if (t->prev)
            t->prev->next = t->next;
        else
            s->conns = t->next;
        if (t->next) t->next->prev = t->prev;
        free(t);
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&s->lock);
}

static void track_waiting(server_state *s, struct MHD_Connection *conn, bool waiting) {
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (!ci || !ci->socket_context) return;
    pthread_mutex_lock(&s->lock);
    conn_track *t = ci->socket_context;
    t->waiting = waiting;
    if (waiting) clock_gettime(CLOCK_MONOTONIC, &t->since);
    pthread_mutex_unlock(&s->lock);
}

/* Drops the connections that have not sent the headers of their request in time (a client
 * sending one byte now and then would otherwise hold its connection for ever). */
static void *watchdog(void *cls) {
    server_state *s = cls;
    unsigned deadline = s->opt->header_timeout ? s->opt->header_timeout : 10;
    while (!s->stopping) {
        struct timespec pause = {0, 200 * 1000 * 1000};
        nanosleep(&pause, NULL);
        pthread_mutex_lock(&s->lock);
        for (conn_track *t = s->conns; t; t = t->next)
            if (t->waiting && !t->cut && t->fd >= 0 && seconds_since(&t->since) > deadline) {
                shutdown(t->fd, SHUT_RDWR);
                t->cut = true;
            }
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

static bool host_allowed(const server_state *s, const char *host) {
    if (!s->check_host) return true;
    if (!host) return false;
    for (size_t i = 0; i < s->nhosts; i++)
        if (strcasecmp(host, s->hosts[i]) == 0) return true;
    return false;
}

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
    if (opt->log) {
        /* time, peer, request: the path escaped, so that it cannot forge a line */
        char when[32], peer[64], method[64], path[1024];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        peer_text(conn, peer, sizeof peer);
        log_escape(req->method, method, sizeof method);
        log_escape(req->path, path, sizeof path);
        fprintf(stderr, "%s %s \"%s %s\" %d %zu\n", when, peer, method, path, r->status, len);
    }
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
    (void)version;
    server_state *s = cls;
    body_state *b = *con_cls;
    http_request req = {method, url, "", 0, conn, NULL, NULL};
    if (!b) { /* no URI callback state: out of memory */
        b = calloc(1, sizeof *b);
        if (!b) return MHD_NO;
        *con_cls = b;
    }
    if (!b->started) {
        b->started = true;
        track_waiting(s, conn, false);
        http_response r = {0};
        r.lang = ancre_lang_negotiate(
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language"));
        if (b->bad_uri) {
            http_error(&r, 400, "http",
                       "le chemin ou les arguments de la requête contiennent un caractère de "
                       "contrôle ou un octet nul, refusés");
            b->too_large = true; /* the body, if any, is not read */
            return send_response(conn, &req, &r, s->opt);
        }
        if (!host_allowed(s, http_header(&req, "Host"))) {
            http_error(&r, 421, "http",
                       "l'en-tête Host n'est pas un nom de ce serveur : sur une adresse locale, "
                       "seuls 127.0.0.1, localhost et [::1] avec le port sont acceptés "
                       "(--allowed-host pour un autre nom)");
            b->too_large = true;
            return send_response(conn, &req, &r, s->opt);
        }
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > s->opt->max_body) {
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
    (void)toe;
    track_waiting(cls, conn, true); /* a kept-alive connection waits for its next request */
    body_state *b = *con_cls;
    if (b) {
        free(b->buf);
        free(b);
    }
    *con_cls = NULL;
}

int http_serve(const http_options *opt, http_handler handler, void *ctx) {
    server_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    s->opt = opt;
    s->handler = handler;
    s->ctx = ctx;
    pthread_mutex_init(&s->lock, NULL);
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
        pthread_mutex_destroy(&s->lock);
        free(s);
        return -1;
    }
    /* connections: at most 1000, and always a reserve of descriptors below the process's limit
     * for the store, the parameter files and the log */
    unsigned limit = 1000;
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        rlim_t reserve = 64;
        rlim_t room = rl.rlim_cur > 2 * reserve ? rl.rlim_cur - reserve : rl.rlim_cur / 2;
        if (room < limit) limit = (unsigned)room;
    }
    unsigned per_address = opt->per_address ? opt->per_address : 16;
    /* until the names are set below, every Host is refused */
    s->check_host = http_is_loopback(opt->host) || opt->nallowed_hosts > 0;
    /* SIGINT and SIGTERM are waited for below: block them before the worker threads start so
     * that they inherit the mask and the signal reaches sigwait */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)opt->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, &addr,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_THREAD_POOL_SIZE,
        opt->threads ? opt->threads : 1, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_LIMIT, limit, MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "ancre serve: cannot listen on %s port %d\n", opt->host, opt->port);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return -1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : opt->port;
    bool v6 = strchr(opt->host, ':') != NULL;
    /* the Host values answered (DNS rebinding): set before the first request is read */
    bool loopback = http_is_loopback(opt->host);
    if (loopback) {
        snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], "127.0.0.1:%d", port);
        snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], "localhost:%d", port);
        snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], "[::1]:%d", port);
    }
    for (size_t i = 0; i < opt->nallowed_hosts && i < HTTP_MAX_ALLOWED_HOSTS; i++)
        snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], "%s", opt->allowed_hosts[i]);
    pthread_t wd;
    bool wd_running = pthread_create(&wd, NULL, watchdog, s) == 0;
    printf("listening on http://%s%s%s:%d/\n", v6 ? "[" : "", opt->host, v6 ? "]" : "", port);
    if (opt->banner) printf("%s", opt->banner);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    s->stopping = true;
    if (wd_running) pthread_join(wd, NULL);
    MHD_stop_daemon(d);
    fprintf(stderr, "ancre serve: stopped (signal %d)\n", sig);
    pthread_mutex_destroy(&s->lock);
    free(s);
    return 0;
}

/* the value of name in a NULL-terminated list of name, value (headers: any case) */
static const char *list_find(const char *const *list, const char *name, bool any_case) {
    for (size_t i = 0; list && list[i] && list[i + 1]; i += 2)
        if (any_case ? strcasecmp(list[i], name) == 0 : strcmp(list[i], name) == 0)
            return list[i + 1];
    return NULL;
}

const char *http_query(const http_request *req, const char *key) {
    if (!req->conn) return list_find(req->args, key, false);
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
    if (!req->conn) {
        for (size_t i = 0; req->args && req->args[i] && req->args[i + 1]; i += 2)
            collect(&c, MHD_GET_ARGUMENT_KIND, req->args[i], req->args[i + 1]);
        return c.n;
    }
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, collect, &c);
    return c.n;
}

const char *http_header(const http_request *req, const char *name) {
    if (!req->conn) return list_find(req->headers, name, true);
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
    ancre_error e = {(char *)"", (char *)rule, (char *)"", msg};
    ancre_errors one = {&e, 1, 1, res->lang};
    http_json(res, status, ancre_errors_to_json(&one, 0, 0));
}
