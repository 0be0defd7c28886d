/* ancre serve: the HTTP API and the web simulator (docs/server.md).
 *
 *   ancre serve [--port N] [--host ADDR] [--db PATH] [--params FILE]... [--token-file FILE]
 *               [--max-body BYTES] [--threads N] [--log]
 *
 * Listens on 127.0.0.1 unless --host says otherwise.  The bearer token of the endpoints that
 * change the store is read from --token-file or from the environment variable ANCRE_TOKEN (never
 * from the command line, which other users of the machine can read). */
#include "../server/http.h"
#include "../server/routes.h"
#include "../store/store.h"
#include "ancre/ancre.h"
#include "cli.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *serve_usage =
    "usage: ancre serve [options]\n"
    "  --port N           port to listen on (default 8080; 0: any free port)\n"
    "  --host ADDR        address to listen on (default 127.0.0.1)\n"
    "  --db PATH          the store: a SQLite file, or a postgresql:// connection string\n"
    "  --params FILE      load a parameter file after the built-in ones (repeatable)\n"
    "  --token-file FILE  bearer token of the endpoints that change the store (or ANCRE_TOKEN)\n"
    "  --max-body BYTES   largest request body accepted (default 1048576)\n"
    "  --threads N        worker threads (default 2)\n"
    "  --log              one line per request on standard error (time, peer, request)\n"
    "  --allowed-host H   also answer requests whose Host header is H, e.g. ancre.example:8080\n"
    "                     (repeatable; on 127.0.0.1 only the loopback names are answered)\n"
    "  --public           listen on a non-loopback address without a token (read-only store)\n"
    "  --max-per-address N  connections at once from one address (default 16)\n"
    "  --header-timeout S   seconds a client has to send its request headers (default 10)\n";

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

/* Why a token cannot protect the store, or NULL: at least 16 characters, no space or control
 * character, and at least 8 distinct characters (20 spaces, or "aaaa...", guess in no time). */
static const char *token_weakness(const char *token) {
    bool seen[256] = {false};
    size_t distinct = 0, len = strlen(token);
    for (const unsigned char *p = (const unsigned char *)token; *p; p++) {
        if (*p <= ' ' || *p == 0x7f)
            return "le jeton ne doit contenir ni espace ni caractère de contrôle";
        if (!seen[*p]) {
            seen[*p] = true;
            distinct++;
        }
    }
    if (len < 16) return "le jeton doit avoir au moins 16 caractères";
    if (distinct < 8) return "le jeton doit avoir au moins 8 caractères différents";
    return NULL;
}

static bool parse_size(const char *s, long min, long max, long *out) {
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min || v > max) return false;
    *out = v;
    return true;
}

int cmd_serve(int argc, char **argv) {
    http_options opt = {.host = "127.0.0.1", .port = 8080, .max_body = 1 << 20, .threads = 2};
    bool public_ok = false;
    const char *db = NULL, *token_file = NULL;
    const char *param_files[32];
    int nparam = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (strcmp(a, "--log") == 0) {
            opt.log = true;
            continue;
        }
        if (strcmp(a, "--public") == 0) {
            public_ok = true;
            continue;
        }
        if (strcmp(a, "--help") == 0) {
            fputs(serve_usage, stdout);
            return 0;
        }
        if (!v) {
            fprintf(stderr, "ancre serve: unknown or incomplete option %s\n\n%s", a, serve_usage);
            return 2;
        }
        i++;
        if (strcmp(a, "--port") == 0 && parse_size(v, 0, 65535, &n))
            opt.port = (int)n;
        else if (strcmp(a, "--host") == 0)
            opt.host = v;
        else if (strcmp(a, "--db") == 0)
            db = v;
        else if (strcmp(a, "--params") == 0 && nparam < 32)
            param_files[nparam++] = v;
        else if (strcmp(a, "--token-file") == 0)
            token_file = v;
        else if (strcmp(a, "--max-body") == 0 && parse_size(v, 1024, 1L << 30, &n))
            opt.max_body = (size_t)n;
        else if (strcmp(a, "--threads") == 0 && parse_size(v, 1, 64, &n))
            opt.threads = (unsigned)n;
        else if (strcmp(a, "--allowed-host") == 0 && opt.nallowed_hosts < HTTP_MAX_ALLOWED_HOSTS &&
                 *v && strlen(v) < 256)
            opt.allowed_hosts[opt.nallowed_hosts++] = v;
        else if (strcmp(a, "--max-per-address") == 0 && parse_size(v, 1, 1000, &n))
            opt.per_address = (unsigned)n;
        else if (strcmp(a, "--header-timeout") == 0 && parse_size(v, 1, 300, &n))
            opt.header_timeout = (unsigned)n;
        else {
            fprintf(stderr, "ancre serve: bad option %s %s\n\n%s", a, v, serve_usage);
            return 2;
        }
    }

    /* the parameter documents, kept as a set so that stored results record what they used */
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_store_paramset *ps = ancre_store_paramset_new();
    ancre_store_paramset_add_defaults(ps, &errs);
    for (int i = 0; i < nparam && !errs.count; i++) {
        size_t len;
        char *text = slurp(param_files[i], &len);
        if (!text) {
            fprintf(stderr,
                    cli_tr("ancre serve : impossible de lire le fichier de paramètres %s\n"),
                    param_files[i]);
            ancre_store_paramset_free(ps);
            return 2;
        }
        ancre_store_paramset_add(ps, param_files[i], text, len, &errs);
        free(text);
    }
    ancre_params *params = errs.count ? NULL : ancre_store_paramset_load(ps, &errs);
    if (!params) {
        for (size_t i = 0; i < errs.count; i++)
            fprintf(stderr, cli_tr("erreur : %s\n"), errs.items[i].message);
        ancre_errors_clear(&errs);
        ancre_store_paramset_free(ps);
        return 2;
    }

    char *token = NULL;
    if (token_file) {
        size_t len;
        token = slurp(token_file, &len);
        if (!token) {
            fprintf(stderr, cli_tr("ancre serve : impossible de lire le fichier de jeton %s\n"),
                    token_file);
            ancre_params_free(params);
            ancre_store_paramset_free(ps);
            return 2;
        }
        token[strcspn(token, "\r\n")] = '\0';
    } else if (getenv("ANCRE_TOKEN") && *getenv("ANCRE_TOKEN")) {
        token = strdup(getenv("ANCRE_TOKEN"));
    }
    const char *weak = token ? token_weakness(token) : NULL;
    bool exposed = !http_is_loopback(opt.host);
    if (!weak && exposed && !token && !public_ok)
        weak = "sur une adresse qui n'est pas locale, un jeton est exigé (--token-file ou "
               "ANCRE_TOKEN), ou --public pour servir sans jeton";
    if (weak) {
        fprintf(stderr, "ancre serve : %s\n", ancre_tr(cli_lang, weak));
        free(token);
        ancre_params_free(params);
        ancre_store_paramset_free(ps);
        return 2;
    }
    if (exposed)
        fprintf(stderr,
                "ancre serve : attention, écoute sur %s, une adresse joignable depuis d'autres "
                "machines%s\n",
                opt.host, token ? "" : " ; sans jeton, tout le monde lit le magasin (--public)");

    server_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.params = params;
    ctx.token = token;
    ctx.paramset = ps;
    pthread_mutex_init(&ctx.store_lock, NULL);
    int rc = 0;
    if (db && ancre_store_open(&ctx.store, db, &errs) != 0) {
        for (size_t i = 0; i < errs.count; i++)
            fprintf(stderr, "ancre serve: %s\n", errs.items[i].message);
        rc = ancre_store_failed(&errs) ? ANCRE_STORE_EXIT : 2;
    }
    if (rc == 0) {
        char banner[512] = "";
        if (ctx.store)
            snprintf(banner, sizeof banner, "store: %s (%s)%s\n", db,
                     ancre_store_backend(ctx.store),
                     token ? "" : "; read-only: no token configured (--token-file, ANCRE_TOKEN)");
        opt.banner = banner;
        rc = http_serve(&opt, routes_handle, &ctx) == 0 ? 0 : 2;
    }
    ancre_store_close(ctx.store);
    ancre_errors_clear(&errs);
    pthread_mutex_destroy(&ctx.store_lock);
    free(token);
    ancre_params_free(params);
    ancre_store_paramset_free(ps);
    return rc;
}
