/* The routes of `ancre serve`: the computation API, the parameters and rules, the OpenAPI
 * document, the store and the web simulator (docs/server.md). */
#ifndef ANCRE_SERVER_ROUTES_H
#define ANCRE_SERVER_ROUTES_H

#include "ancre/ancre.h"
#include "http.h"

#include <pthread.h>

typedef struct {
    const ancre_params *params; /* built-in parameters and the --params files, read-only */
    const char *token;          /* bearer token of the endpoints that change the store, or NULL */
    void *store;                /* the open store (ancre_store *), or NULL without --db */
    pthread_mutex_t store_lock; /* one request at a time on the store connection */
    const char *const *param_files; /* --params files, recorded with stored results */
    int nparam_files;
} server_ctx;

void routes_handle(void *ctx, const http_request *req, http_response *res);

#endif
