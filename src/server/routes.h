/* The routes of `ancre serve`: the computation API, the parameters and rules, the OpenAPI
 * document, the store and the web simulator (docs/server.md). */
#ifndef ANCRE_SERVER_ROUTES_H
#define ANCRE_SERVER_ROUTES_H

#include "../store/store.h"
#include "ancre/ancre.h"
#include "http.h"

#include <pthread.h>

typedef struct {
    const ancre_params *params; /* built-in parameters and the --params files, read-only */
    const char *token;          /* bearer token of the endpoints that change the store, or NULL */
    ancre_store *store;         /* the open store, or NULL without --db */
    pthread_mutex_t store_lock; /* one request at a time on the store connection */
    /* the parameter documents params was loaded from, recorded with every stored result */
    const ancre_store_paramset *paramset;
} server_ctx;

void routes_handle(void *ctx, const http_request *req, http_response *res);

#endif
