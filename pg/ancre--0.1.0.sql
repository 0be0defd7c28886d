-- ancre: the accord national des centres de santé as SQL functions over jsonb (pg/ancre_pg.c)
\echo Use "CREATE EXTENSION ancre" to load this file. \quit

-- the result document of a declaration (docs/result.md), or {"ok": false, "errors": [...]};
-- readings: {"id": "value"}; params: a parameter document loaded over the built-in ones
CREATE FUNCTION ancre_compute(declaration jsonb, readings jsonb DEFAULT NULL,
                              params jsonb DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ancre_pg_compute'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- the errors of a declaration, [] when it is valid
CREATE FUNCTION ancre_validate(declaration jsonb, params jsonb DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ancre_pg_validate'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- the parameters whose id starts with id, in force at the date, with their citations
CREATE FUNCTION ancre_param(id text, at date DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ancre_pg_param'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
