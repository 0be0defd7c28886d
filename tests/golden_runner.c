/* Runs the golden cases: each file of tests/golden/ holds a declaration, the readings and extra
 * parameters it is computed with, the hand computation from the text, and the expected figures.
 * A case holds either a "declaration" (computed for its reference year) or a "contract" (a
 * contract document whose whole schedule is computed, as by `ancre contract`).  Besides the
 * figures of docs/result.md, "expect" may hold "payments" (the calendar in order: {due,
 * amount_cents}), "totals_by_payment" and "due" ({line id: due date}).  A case holding "deadlines"
 * or "procedure" (a document of `ancre deadlines` or `ancre procedure`) expects, per deadline id,
 * the fields given ({"due": ..., "status": ...}), and for a procedure its "state", "next_deadline"
 * and "decisions" (ids, in order).  Adding a case needs no C code.  Prints one line per failing
 * check and "N passed, N failed". */
#include "ancre/ancre.h"
#include "ancre/procedures.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void fail(const char *file, const char *fmt, const char *a, const char *b)
    __attribute__((format(printf, 2, 0)));
static void fail(const char *file, const char *fmt, const char *a, const char *b) {
    fprintf(stderr, "FAIL %s: ", file);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    fprintf(stderr, fmt, a, b);
#pragma GCC diagnostic pop
    fprintf(stderr, "\n");
}

static json_t *find_line(json_t *result, const char *id) {
    size_t i;
    json_t *l;
    json_array_foreach (json_object_get(result, "lines"), i, l) {
        if (strcmp(json_string_value(json_object_get(l, "id")), id) == 0) return l;
    }
    return NULL;
}

static int check_payments(const char *file, json_t *want, json_t *got) {
    if (json_array_size(want) != json_array_size(got)) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", json_array_size(got));
        snprintf(b, sizeof b, "%zu", json_array_size(want));
        fail(file, "%s payments in the calendar, expected %s", a, b);
        return 1;
    }
    int bad = 0;
    size_t i;
    json_t *w;
    json_array_foreach (want, i, w) {
        json_t *g = json_array_get(got, i);
        const char *wd = json_string_value(json_object_get(w, "due"));
        const char *gd = json_string_value(json_object_get(g, "due"));
        bool same_due = (!wd && !gd) || (wd && gd && strcmp(wd, gd) == 0);
        if (!same_due || json_integer_value(json_object_get(w, "amount_cents")) !=
                             json_integer_value(json_object_get(g, "amount_cents"))) {
            char a[200], b[100];
            snprintf(a, sizeof a, "payment %zu = %s %lld", i + 1, gd ? gd : "(no date)",
                     (long long)json_integer_value(json_object_get(g, "amount_cents")));
            snprintf(b, sizeof b, "%s %lld", wd ? wd : "(no date)",
                     (long long)json_integer_value(json_object_get(w, "amount_cents")));
            fail(file, "%s, expected %s", a, b);
            bad++;
        }
    }
    return bad;
}

/* expected string fields of a JSON object: {"key": "value"} */
static int check_fields(const char *file, const char *what, json_t *want, json_t *got) {
    int bad = 0;
    const char *key;
    json_t *v;
    json_object_foreach (want, key, v) {
        json_t *g = json_object_get(got, key);
        char *ws = json_dumps(v, JSON_ENCODE_ANY), *gs = g ? json_dumps(g, JSON_ENCODE_ANY) : NULL;
        if (!gs || strcmp(ws, gs) != 0) {
            char a[300];
            snprintf(a, sizeof a, "%s.%s = %s", what, key, gs ? gs : "(absent)");
            fail(file, "%s, expected %s", a, ws);
            bad++;
        }
        free(ws);
        free(gs);
    }
    return bad;
}

static int check_timeline(const char *file, json_t *c, json_t *doc, bool procedure,
                          const ancre_params *params, const ancre_readings *readings,
                          ancre_errors *errs) {
    char *text = json_dumps(doc, 0), *out = NULL;
    int rc = (procedure ? ancre_procedure : ancre_deadlines)(
        &out, text, strlen(text), ANCRE_OUT_JSON, params, readings, errs);
    free(text);
    int bad = 0;
    json_t *want_errors = json_object_get(c, "expect_errors");
    if (want_errors) {
        if (rc == 0) {
            fail(file, "%s%s", "expected errors, got a result", "");
            bad++;
        }
        size_t i;
        json_t *w;
        json_array_foreach (want_errors, i, w) {
            int found = 0;
            for (size_t k = 0; k < errs->count; k++)
                if (strcmp(errs->items[k].path, json_string_value(w)) == 0) found = 1;
            if (!found) {
                fail(file, "no error reported at %s%s", json_string_value(w), "");
                bad++;
            }
        }
        free(out);
        return bad;
    }
    if (rc != 0) {
        for (size_t k = 0; k < errs->count; k++)
            fail(file, "error: %s%s", errs->items[k].message, "");
        return 1;
    }
    json_t *res = json_loads(out, 0, NULL);
    free(out);
    json_t *expect = json_object_get(c, "expect");
    const char *key;
    json_t *v;
    json_object_foreach (json_object_get(expect, "deadlines"), key, v) {
        json_t *found = NULL, *d;
        size_t i;
        json_array_foreach (json_object_get(res, "deadlines"), i, d) {
            if (strcmp(json_string_value(json_object_get(d, "id")), key) == 0) found = d;
        }
        if (!found) {
            fail(file, "no deadline %s%s", key, "");
            bad++;
            continue;
        }
        bad += check_fields(file, key, v, found);
    }
    json_t *w = json_object_get(expect, "state");
    if (w) {
        json_t *want_state = json_pack("{s:O}", "id", w);
        bad += check_fields(file, "state", want_state, json_object_get(res, "state"));
        json_decref(want_state);
    }
    json_t *top = json_object();
    const char *keys[] = {"next_deadline", "summary"};
    for (size_t k = 0; k < 2; k++)
        if (json_object_get(expect, keys[k]))
            json_object_set(top, keys[k], json_object_get(expect, keys[k]));
    bad += check_fields(file, "result", top, res);
    json_decref(top);
    json_t *want_dec = json_object_get(expect, "decisions");
    if (want_dec) {
        json_t *ids = json_array(), *d;
        size_t i;
        json_array_foreach (json_object_get(res, "decisions"), i, d) {
            json_array_append(ids, json_object_get(d, "id"));
        }
        if (!json_equal(ids, want_dec)) {
            char *g = json_dumps(ids, 0), *e = json_dumps(want_dec, 0);
            fail(file, "decisions = %s, expected %s", g, e);
            free(g);
            free(e);
            bad++;
        }
        json_decref(ids);
    }
    json_decref(res);
    return bad;
}

static int check_case(const char *file) {
    json_error_t jerr;
    json_t *c = json_load_file(file, 0, &jerr);
    if (!c) {
        fprintf(stderr, "FAIL %s: unreadable case: %s\n", file, jerr.text);
        return 1;
    }
    int bad = 0;
    if (!json_is_array(json_object_get(c, "computation")) &&
        !json_is_string(json_object_get(c, "computation"))) {
        fail(file, "%s%s", "the case must show its hand computation", "");
        bad++;
    }
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_params *params = ancre_params_new();
    ancre_params_load_defaults(params, &errs);
    json_t *extra = json_object_get(c, "params");
    if (extra) {
        char *s = json_dumps(extra, 0);
        ancre_params_load_json(params, s, strlen(s), file, &errs);
        free(s);
    }
    ancre_readings *readings = ancre_readings_new();
    const char *key;
    json_t *v;
    json_object_foreach (json_object_get(c, "readings"), key, v) {
        ancre_readings_set(readings, key, json_string_value(v), &errs);
    }
    if (errs.count) {
        fail(file, "setup: %s%s", errs.items[0].message, "");
        bad++;
    }
    json_t *timeline = json_object_get(c, "deadlines");
    bool procedure = !timeline && json_object_get(c, "procedure");
    if (procedure) timeline = json_object_get(c, "procedure");
    if (timeline) {
        if (!errs.count)
            bad += check_timeline(file, c, timeline, procedure, params, readings, &errs);
        ancre_readings_free(readings);
        ancre_params_free(params);
        ancre_errors_clear(&errs);
        json_decref(c);
        return bad;
    }
    /* "declaration": computed for its reference year; "contract": a contract document whose
     * whole schedule is computed (ancre contract) */
    json_t *contract = json_object_get(c, "contract");
    char *decl_text = json_dumps(contract ? contract : json_object_get(c, "declaration"), 0);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    int rc = -1;
    if (decl_text && contract) {
        rc = ancre_contract_parse_json(&d, decl_text, strlen(decl_text), params, &errs);
        if (rc == 0) rc = ancre_contract_schedule(&r, d, params, readings, &errs);
    } else if (decl_text) {
        rc = ancre_decl_parse_json(&d, decl_text, strlen(decl_text), params, &errs);
        if (rc == 0) rc = ancre_compute(&r, d, params, readings, &errs);
    }
    json_t *want_errors = json_object_get(c, "expect_errors");
    if (want_errors) {
        /* every listed path must be reported, and nothing computed */
        if (rc == 0) {
            fail(file, "%s%s", "expected errors, got a result", "");
            bad++;
        }
        size_t i;
        json_t *w;
        json_array_foreach (want_errors, i, w) {
            const char *path = json_string_value(w);
            int found = 0;
            for (size_t k = 0; k < errs.count; k++)
                if (strcmp(errs.items[k].path, path) == 0) found = 1;
            if (!found) {
                fail(file, "no error reported at %s%s", path, "");
                bad++;
            }
        }
        if (json_array_size(want_errors) != errs.count) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%zu", errs.count);
            snprintf(b, sizeof b, "%zu", json_array_size(want_errors));
            fail(file, "%s errors reported, %s expected", a, b);
            for (size_t k = 0; k < errs.count; k++)
                fprintf(stderr, "    %s\n", errs.items[k].message);
            bad++;
        }
    } else if (rc != 0) {
        for (size_t k = 0; k < errs.count; k++)
            fail(file, "error: %s%s", errs.items[k].message, "");
        bad++;
    } else {
        char *out = ancre_result_to_json(r, 0);
        json_t *res = json_loads(out, 0, NULL);
        free(out);
        json_t *expect = json_object_get(c, "expect");
        const char *scalars[] = {"total_cents", "advance_cents", "balance_cents", "refund_cents",
                                 "next_advance_cents"};
        for (size_t k = 0; k < sizeof scalars / sizeof *scalars; k++) {
            json_t *w = json_object_get(expect, scalars[k]);
            if (!w) continue;
            json_int_t got = json_integer_value(json_object_get(res, scalars[k]));
            if (got != json_integer_value(w)) {
                char a[64], b[64];
                snprintf(a, sizeof a, "%s = %lld", scalars[k], (long long)got);
                snprintf(b, sizeof b, "%lld", (long long)json_integer_value(w));
                fail(file, "%s, expected %s", a, b);
                bad++;
            }
        }
        json_t *trig = json_object_get(expect, "triggered");
        if (trig && json_is_true(trig) !=
                        json_is_true(json_object_get(json_object_get(res, "gate"), "triggered"))) {
            fail(file, "gate triggered differs from the expectation%s%s", "", "");
            bad++;
        }
        json_object_foreach (json_object_get(expect, "lines"), key, v) {
            json_t *l = find_line(res, key);
            json_int_t got = l ? json_integer_value(json_object_get(l, "amount_cents")) : -1;
            if (!l || got != json_integer_value(v)) {
                char a[160], b[64];
                snprintf(a, sizeof a, "line %s = %lld cents%s", key, (long long)got,
                         l ? "" : " (no such line)");
                snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
                fail(file, "%s, expected %s", a, b);
                if (l && json_string_value(json_object_get(l, "note")))
                    fprintf(stderr, "    note: %s\n",
                            json_string_value(json_object_get(l, "note")));
                bad++;
            }
        }
        json_object_foreach (json_object_get(expect, "points"), key, v) {
            json_t *l = find_line(res, key);
            const char *got = l ? json_string_value(json_object_get(l, "points")) : "(no line)";
            if (strcmp(got, json_string_value(v)) != 0) {
                char a[160];
                snprintf(a, sizeof a, "points of %s = %s", key, got);
                fail(file, "%s, expected %s", a, json_string_value(v));
                bad++;
            }
        }
        json_object_foreach (json_object_get(expect, "status"), key, v) {
            json_t *l = find_line(res, key);
            const char *got = l ? json_string_value(json_object_get(l, "status")) : "(no line)";
            if (strcmp(got, json_string_value(v)) != 0) {
                char a[160];
                snprintf(a, sizeof a, "status of %s = %s", key, got);
                fail(file, "%s, expected %s", a, json_string_value(v));
                bad++;
            }
        }
        /* "notes_contain": texts each of which some note of the result contains */
        size_t ni;
        json_t *want_note;
        json_array_foreach (json_object_get(expect, "notes_contain"), ni, want_note) {
            bool found = false;
            size_t nk;
            json_t *note;
            json_array_foreach (json_object_get(res, "notes"), nk, note)
                if (json_string_value(note) &&
                    strstr(json_string_value(note), json_string_value(want_note)))
                    found = true;
            if (!found) {
                fail(file, "no note of the result contains \"%s\"%s", json_string_value(want_note),
                     "");
                bad++;
            }
        }
        /* the calendar, in order: [{"due": "YYYY-MM-DD" or absent, "amount_cents": N}] */
        json_t *want_pay = json_object_get(expect, "payments");
        if (want_pay) bad += check_payments(file, want_pay, json_object_get(res, "payments"));
        json_object_foreach (json_object_get(expect, "totals_by_payment"), key, v) {
            json_t *got = json_object_get(json_object_get(res, "totals_by_payment_cents"), key);
            if (!got || json_integer_value(got) != json_integer_value(v)) {
                char a[160], b[64];
                snprintf(a, sizeof a, "total of payment %s = %lld", key,
                         (long long)json_integer_value(got));
                snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
                fail(file, "%s, expected %s", a, b);
                bad++;
            }
        }
        json_object_foreach (json_object_get(expect, "due"), key, v) {
            json_t *l = find_line(res, key);
            const char *got = l ? json_string_value(json_object_get(l, "due")) : NULL;
            if (!got || strcmp(got, json_string_value(v)) != 0) {
                char a[160];
                snprintf(a, sizeof a, "due date of %s = %s", key, got ? got : "(none)");
                fail(file, "%s, expected %s", a, json_string_value(v));
                bad++;
            }
        }
        /* the total is the sum of the lines shown */
        json_int_t sum = 0;
        size_t i;
        json_t *l;
        json_array_foreach (json_object_get(res, "lines"), i, l) {
            sum += json_integer_value(json_object_get(l, "amount_cents"));
        }
        if (sum != json_integer_value(json_object_get(res, "total_cents"))) {
            fail(file, "%s%s", "the total is not the sum of the lines", "");
            bad++;
        }
        json_decref(res);
    }
    free(decl_text);
    ancre_result_free(r);
    ancre_decl_free(d);
    ancre_readings_free(readings);
    ancre_params_free(params);
    ancre_errors_clear(&errs);
    json_decref(c);
    return bad;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (check_case(argv[i]) == 0)
            passed++;
        else
            failed++;
    }
    printf("golden: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
