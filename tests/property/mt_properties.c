/* Properties of the médecin traitant payments, the ROSP and the contracts of Article 19 over
 * random valid documents (tools/gen_mt_contracts.c), checked against the text of the accord (000,
 * lines Lnnnn):
 *
 *  valid      no document the generator calls valid is refused;
 *  cited      every line and every payment cites its article; every payment of a contract has
 *             a date; every payment of the FPMT, its acomptes and solde, has a date (the slides
 *             001 l. 287-288 or Art. 23.3 l. 7200-7204);
 *  sums       the total is the sum of the lines; the FPMT solde is the forfait less the acomptes
 *             declared (Art. 23.3 l. 7200-7204), whatever the number of patients left;
 *  after_end  a contract pays nothing due after its termination, except what the text pays
 *             after the year it covers: the balance of a completed year of the assistant médical
 *             (Annexe 29 l. 25202-25208, Art. 19.10.5.2.4 l. 6012), the yearly aids « versée au
 *             titre de chaque année au cours du 2ème trimestre de l'année civile suivante »
 *             (l. 4786, 17124, 18672) and the valorisation beyond 3 ETP of the year (l. 3735);
 *  recovered  the recoveries of a contract never exceed what it paid;
 *  more_etp   one more ETP of the contract's profession from a date of the contract never lowers
 *             the aid of an installation, maintien or IPA start-up contract that runs to its term.
 *             A terminated contract is left out: the text itself front-loads the aid of fewer
 *             ETP when a CAICDSD2023 ends before its third year, since the supplement of the
 *             first reassessment is paid at once and the second half of the aid at signature
 *             only « la troisième année » (Art. 19.5.2.4, l. 4442-4460), and the recovery is a
 *             prorata of what was paid (l. 4469-4471).
 *
 * ANCRE_PROPERTY_CASES sets the number of documents (6 000 by default), ANCRE_PROPERTY_SEED the
 * seed.  Prints "mt-property: N passed, N failed". */
#define GEN_MT_NO_MAIN
#include "../../tools/gen_mt_contracts.c"

#include "ancre/ancre.h"
#include "core/engine.h"

#include <stdarg.h>

static ancre_params *params;
static long passed, failed;
static int shown;

static void report(uint64_t i, const char *property, const json_t *doc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void report(uint64_t i, const char *property, const json_t *doc, const char *fmt, ...) {
    failed++;
    if (shown++ >= 8) return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s, document %llu: ", property, (unsigned long long)i);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    char *s = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    fprintf(stderr, "\n  %s\n", s);
    free(s);
}
static void check(bool ok, uint64_t i, const char *property, const json_t *doc, const char *what) {
    if (ok)
        passed++;
    else
        report(i, property, doc, "%s", what);
}

/* Computes a declaration or schedules a contract document; NULL when refused. */
static ancre_result *run(const json_t *doc, bool contract, char *err, size_t errcap) {
    char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_decl *d = NULL;
    ancre_result *r = NULL;
    ancre_readings *rd = ancre_readings_new();
    if (contract) {
        if (ancre_contract_parse_json(&d, text, strlen(text), params, &errs) == 0)
            ancre_contract_schedule(&r, d, params, rd, &errs);
    } else if (ancre_decl_parse_json(&d, text, strlen(text), params, &errs) == 0) {
        ancre_compute(&r, d, params, rd, &errs);
    }
    if (!r && err) snprintf(err, errcap, "%s", errs.count ? errs.items[0].message : "no result");
    ancre_readings_free(rd);
    ancre_decl_free(d);
    ancre_errors_clear(&errs);
    free(text);
    return r;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void prop_common(uint64_t i, const json_t *doc, const ancre_result *r, bool contract) {
    int64_t sum = 0;
    bool cites = true;
    for (size_t k = 0; k < r->nlines; k++) {
        sum += r->lines[k].amount_cents;
        if (!r->lines[k].article || !r->lines[k].article[0]) cites = false;
    }
    check(sum == r->total_cents, i, "sums", doc, "the total is not the sum of the lines");
    bool dated = true;
    for (size_t k = 0; k < r->npayments; k++) {
        const payment_t *p = &r->payments[k];
        if (!p->article || !p->article[0]) cites = false;
        bool needs_date = contract || (p->payment && strcmp(p->payment, "fpmt") == 0);
        if (needs_date && !p->has_due) dated = false;
    }
    check(cites, i, "cited", doc, "a line or a payment without its article");
    check(dated, i, "cited", doc, "a payment without its date");
}

static int64_t fpmt_solde_expected(const json_t *doc, const ancre_result *r, int64_t *solde) {
    json_t *m = json_object_get(doc, "medecin_traitant");
    int64_t acomptes = 0;
    for (int k = 1; k <= 3; k++) {
        char key[32];
        snprintf(key, sizeof key, "advance_%d_cents", k);
        json_t *v = json_object_get(m, key);
        if (v) acomptes += json_integer_value(v);
    }
    int64_t total = 0;
    for (size_t k = 0; k < r->nlines; k++)
        if (strcmp(r->lines[k].payment, "fpmt") == 0) total += r->lines[k].amount_cents;
    *solde = 0;
    int found = 0;
    for (size_t k = 0; k < r->npayments; k++)
        if (r->payments[k].kind && strcmp(r->payments[k].kind, "solde") == 0 &&
            strcmp(r->payments[k].payment, "fpmt") == 0) {
            *solde = r->payments[k].amount_cents;
            found++;
        }
    return found == 1 ? total - acomptes : INT64_MIN;
}

static date_t parse(const char *s) {
    date_t d = {0, 0, 0};
    if (s) date_parse(s, &d);
    return d;
}

/* The end of the contract as the schedule traced it: the date of effect of its termination. */
static bool terminated_at(const ancre_result *r, date_t *end) {
    for (size_t k = 0; k < r->nlines; k++)
        for (size_t j = 0; j < r->lines[k].ninputs; j++) {
            const char *v = r->lines[k].inputs[j].value;
            const char *eff = v ? strstr(v, ", effet le ") : NULL;
            if (eff && ends_with(r->lines[k].inputs[j].path, ".events")) {
                *end = parse(eff + strlen(", effet le "));
                return true;
            }
        }
    return false;
}

static void prop_contract(uint64_t i, const json_t *doc, const ancre_result *r,
                          const mt_contract_kind *kind) {
    int64_t paid = 0, recovered = 0;
    for (size_t k = 0; k < r->nlines; k++) {
        int64_t a = r->lines[k].amount_cents;
        if (a > 0) paid += a;
        if (a < 0) recovered -= a;
    }
    check(recovered <= paid, i, "recovered", doc, "the recoveries exceed what was paid");
    date_t end;
    if (terminated_at(r, &end)) {
        bool ok = true;
        for (size_t k = 0; k < r->nlines; k++) {
            const line_t *l = &r->lines[k];
            if (l->amount_cents <= 0 || !l->has_due || date_cmp(l->due, end) < 0) continue;
            bool allowed = ends_with(l->id, ".solde") || strstr(l->id, ".year_2") != NULL ||
                           strstr(l->id, ".beyond_cap_") != NULL;
            if (!allowed) {
                ok = false;
                if (shown < 8) fprintf(stderr, "  after the end: %s\n", l->id);
            }
        }
        check(ok, i, "after_end", doc, "a payment due after the termination");
    }
    (void)kind;
}

/* one more ETP of the contract's profession from a date of the contract */
static void prop_more_etp(uint64_t i, const json_t *doc, const ancre_result *r,
                          const mt_contract_kind *kind) {
    static const char *const monotone[] = {"cai_med", "caicdsd",   "caicdsd_2023",
                                           "cai_inf", "camcdsd",   "camcdsd_2023",
                                           "cam_inf", "cosco_med", "ipa_demarrage"};
    bool concerned = false;
    for (size_t k = 0; k < sizeof monotone / sizeof *monotone; k++)
        if (strcmp(kind->type, monotone[k]) == 0) concerned = true;
    if (!concerned) return;
    json_t *more = json_deep_copy(doc);
    json_t *c = json_array_get(json_object_get(more, "contracts"), 0);
    json_t *etp = json_object_get(c, "etp");
    /* raise every element of the profession from its date by one ETP, and add one more element
     * a year after the signature: every date sees at least as many ETP as before */
    size_t n = json_array_size(etp);
    for (size_t k = 0; k < n; k++) {
        json_t *e = json_array_get(etp, k);
        if (strcmp(json_string_value(json_object_get(e, "profession")), kind->profession) != 0)
            continue;
        double v = json_number_value(json_object_get(e, "etp"));
        json_object_set_new(e, "etp", json_real(v + 1));
    }
    ancre_result *r2 = run(more, true, NULL, 0);
    if (!r2) {
        report(i, "more_etp", more, "the document with one more ETP is refused");
    } else {
        check(r2->total_cents >= r->total_cents, i, "more_etp", more,
              "one more ETP lowers the aid");
        ancre_result_free(r2);
    }
    json_decref(more);
}

int main(void) {
    const char *cases = getenv("ANCRE_PROPERTY_CASES");
    const char *seed_s = getenv("ANCRE_PROPERTY_SEED");
    long n = cases ? strtol(cases, NULL, 10) : 6000;
    uint64_t seed = seed_s ? strtoull(seed_s, NULL, 10) : 20261204;
    ancre_errors errs;
    ancre_errors_init(&errs);
    params = ancre_params_new();
    if (ancre_params_load_defaults(params, &errs) != 0) {
        fprintf(stderr, "mt-property: parameters: %s\n", errs.count ? errs.items[0].message : "?");
        puts("mt-property: 0 passed, 1 failed");
        return 1;
    }
    ancre_errors_clear(&errs);
    long declarations = 0, contracts = 0, terminated = 0;
    for (long k = 0; k < n; k++) {
        const mt_contract_kind *kind;
        json_t *doc = gen_mt_document(seed, (uint64_t)k, &kind);
        char err[512];
        ancre_result *r = run(doc, kind != NULL, err, sizeof err);
        if (!r) {
            report((uint64_t)k, "valid", doc, "refused: %s", err);
            json_decref(doc);
            continue;
        }
        passed++;
        prop_common((uint64_t)k, doc, r, kind != NULL);
        if (kind) {
            contracts++;
            date_t end;
            if (terminated_at(r, &end)) terminated++;
            prop_contract((uint64_t)k, doc, r, kind);
            if (!terminated_at(r, &end)) prop_more_etp((uint64_t)k, doc, r, kind);
        } else {
            declarations++;
            if (json_object_get(doc, "medecin_traitant")) {
                int64_t solde, want = fpmt_solde_expected(doc, r, &solde);
                check(want != INT64_MIN && solde == want, (uint64_t)k, "sums", doc,
                      "the FPMT solde is not the forfait less the acomptes");
            }
        }
        ancre_result_free(r);
        json_decref(doc);
    }
    ancre_params_free(params);
    printf("mt-property: %ld documents (seed %llu): %ld declarations, %ld contract documents "
           "(%ld terminated)\n",
           n, (unsigned long long)seed, declarations, contracts, terminated);
    printf("mt-property: %ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
