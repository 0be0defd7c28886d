/* Random valid declarations of the médecin traitant payments (FPMT, forfaits of Annexe 24, MPA,
 * ROSP) and random valid contract documents of Article 19, for the property tests.
 *
 *   gen_mt_contracts SEED COUNT   prints COUNT documents, one JSON document a line
 *
 * Deterministic: the same seed gives the same documents.  Document i is a declaration (one in
 * three) or a contract document with one contract of a type drawn among those of Article 19, its
 * centre type, zone, staff and conditions chosen so that the validation accepts it (Art. 19.1.2
 * ... 19.11); terminations, staff changes and results are drawn around the dates the text uses.
 *
 * tests/property/mt_properties.c includes this file with GEN_MT_NO_MAIN defined to draw the
 * documents in process. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t s;
} mt_rng;

/* xorshift64*: small, fast, and the same on every platform */
static uint64_t mt_next(mt_rng *r) {
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}
static void mt_seed(mt_rng *r, uint64_t seed, uint64_t i) {
    r->s = (seed * 0x9E3779B97F4A7C15ULL) ^ (i * 0xD1B54A32D192ED03ULL) ^ 0x2545F4914F6CDD1DULL;
    if (!r->s) r->s = 1;
    for (int k = 0; k < 4; k++)
        mt_next(r);
}
static long mt_int(mt_rng *r, long lo, long hi) { /* uniform in [lo, hi] */
    return lo + (long)(mt_next(r) % (uint64_t)(hi - lo + 1));
}
static bool mt_chance(mt_rng *r, int percent) {
    return mt_int(r, 1, 100) <= percent;
}
static json_t *mt_dec(mt_rng *r, long lo_hundredths, long hi_hundredths) {
    long v = mt_int(r, lo_hundredths, hi_hundredths);
    if (v % 100 == 0) return json_integer(v / 100);
    return json_real((double)v / 100.0);
}
static int mt_days_in_month(int y, int m) {
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}
static json_t *mt_date(int y, int m, int d) {
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return json_string(buf);
}
/* a date between y0-01-01 and y1-12-31, the 1st of a month or the 1st of January more often */
static json_t *mt_rand_date(mt_rng *r, int y0, int y1, int *yy, int *mm, int *dd) {
    int y = (int)mt_int(r, y0, y1), m = (int)mt_int(r, 1, 12);
    int d = mt_chance(r, 40) ? 1 : (int)mt_int(r, 1, mt_days_in_month(y, m));
    if (mt_chance(r, 15)) m = d = 1;
    if (yy) *yy = y;
    if (mm) *mm = m;
    if (dd) *dd = d;
    return mt_date(y, m, d);
}
static void mt_set(json_t *o, const char *k, json_t *v) {
    json_object_set_new(o, k, v);
}

/* ---- declarations ---------------------------------------------------------------------- */

static const char *const mt_rosp_adult[] = {"mta_diab_hba1c",
                                            "mta_grippe_65plus",
                                            "mta_depistage_cancer_sein",
                                            "mta_gen_statines",
                                            "mta_eff_ezetimibe",
                                            "mta_diab_examen_pieds",
                                            "mta_iatro_bzd_hypnotique_duree",
                                            "mta_atb_traitements_pour_100_patients"};
static const char *const mt_rosp_child[] = {
    "mte_vaccination_ror_2_doses", "mte_obesite_courbe_corpulence", "mte_atb_c3g_moins_4_ans"};

static json_t *mt_centre(const char *type, int adhesion_year) {
    json_t *c = json_object();
    mt_set(c, "name", json_string("Centre de test"));
    mt_set(c, "type", json_string(type));
    mt_set(c, "adhesion_date", mt_date(adhesion_year, 1, 1));
    return c;
}

static void mt_rosp_indicator(mt_rng *r, json_t *inds, const char *id) {
    json_t *s = json_object();
    bool atb = strcmp(id, "mta_atb_traitements_pour_100_patients") == 0;
    long hi = atb ? 8000 : 100; /* treatments per 100 patients as the table prints them */
    mt_set(s, "observed", mt_dec(r, 0, hi));
    mt_set(s, "initial", mt_dec(r, 0, hi));
    mt_set(s, "population", json_integer(mt_int(r, 0, 400)));
    mt_set(inds, id, s);
}

static json_t *mt_declaration(mt_rng *r) {
    json_t *d = json_object();
    mt_set(d, "ancre_declaration", json_integer(1));
    int which = (int)mt_int(r, 0, 3);
    int year = which == 1 ? (int)mt_int(r, 2016, 2017) : (int)mt_int(r, 2018, 2025);
    mt_set(d, "year", json_integer(year));
    mt_set(d, "centre", mt_centre(mt_chance(r, 50) ? "medical" : "polyvalent", year - 1));
    if (which == 0 || which == 3) {
        json_t *m = json_object();
        long n[5], total = 0;
        static const char *const cats[5] = {"n_child_0_6_no_ald", "n_other_7_79_no_ald",
                                            "n_80_plus_no_ald", "n_under_80_ald", "n_80_plus_ald"};
        bool empty = mt_chance(r, 8);
        for (int k = 0; k < 5; k++) {
            n[k] = empty ? 0 : mt_int(r, 0, k == 1 ? 3000 : 400);
            total += n[k];
            mt_set(m, cats[k], json_integer(n[k]));
        }
        mt_set(m, "n_css", json_integer(total ? mt_int(r, 0, total) : 0));
        for (int k = 1; k <= 3; k++)
            if (mt_chance(r, 60)) {
                char key[32];
                snprintf(key, sizeof key, "advance_%d_cents", k);
                mt_set(m, key, json_integer(mt_int(r, 0, 2000000)));
            }
        mt_set(d, "medecin_traitant", m);
        json_t *mpa = json_object();
        for (int q = 1; q <= 4; q++) {
            char key[32];
            snprintf(key, sizeof key, "consultations_q%d", q);
            mt_set(mpa, key, json_integer(mt_int(r, 0, 300)));
        }
        if (mt_chance(r, 50))
            mt_set(d, "mpa", mpa);
        else
            json_decref(mpa);
    }
    if (which == 1) {
        json_t *f = json_object();
        for (int q = 1; q <= 4; q++) {
            char key[32];
            snprintf(key, sizeof key, "n_rmt_q%d", q);
            mt_set(f, key, json_integer(mt_int(r, 0, 200)));
            if (mt_chance(r, 10)) {
                json_t *inc = json_object();
                mt_set(inc, "request_date", mt_date(year, 3 * q, 20));
                mt_set(inc, "previous_year_cents", json_integer(mt_int(r, 0, 1000000)));
                if (mt_chance(r, 50)) mt_set(inc, "settlement_date", mt_date(year + 1, 1, 15));
                snprintf(key, sizeof key, "incident_q%d", q);
                mt_set(f, key, inc);
            }
        }
        mt_set(f, "n_rst", json_integer(mt_int(r, 0, 50)));
        mt_set(f, "n_fmt", json_integer(mt_int(r, 0, 3000)));
        mt_set(d, "forfaits_mt_2017", f);
    }
    if (which == 2 || (which == 3 && year >= 2018)) {
        json_t *ro = json_object(), *inds = json_object();
        mt_set(ro, "patients_16_plus", json_integer(mt_int(r, 0, 3000)));
        mt_set(ro, "patients_under_16", json_integer(mt_int(r, 0, 800)));
        if (mt_chance(r, 10))
            mt_set(ro, "new_centre_creation_date",
                   mt_rand_date(r, year - 3, year, NULL, NULL, NULL));
        for (size_t k = 0; k < sizeof mt_rosp_adult / sizeof *mt_rosp_adult; k++)
            if (mt_chance(r, 60)) mt_rosp_indicator(r, inds, mt_rosp_adult[k]);
        for (size_t k = 0; k < sizeof mt_rosp_child / sizeof *mt_rosp_child; k++)
            if (mt_chance(r, 50)) mt_rosp_indicator(r, inds, mt_rosp_child[k]);
        if (json_object_size(inds) == 0) mt_rosp_indicator(r, inds, mt_rosp_adult[0]);
        mt_set(ro, "indicators", inds);
        mt_set(d, "rosp", ro);
    }
    return d;
}

/* ---- contracts --------------------------------------------------------------------------- */

typedef struct {
    const char *type, *centre, *zone, *profession;
} mt_contract_kind;

static const mt_contract_kind mt_kinds[] = {
    {"cai_med", "medical", "zip", "gp"},
    {"cosco_med", "polyvalent", "zip", "gp"},
    {"cstm_med", "medical", "none", "gp"},
    {"caicdsd", "dentaire", "tres_sous_dotee", "dentist"},
    {"camcdsd", "dentaire", "tres_sous_dotee", "dentist"},
    {"caicdsd_2023", "dentaire", "tres_sous_dotee", "dentist"},
    {"camcdsd_2023", "dentaire", "tres_sous_dotee", "dentist"},
    {"cai_inf", "infirmier", "tres_sous_dotee", "nurse"},
    {"cam_inf", "infirmier", "tres_sous_dotee", "nurse"},
    {"assistant_medical", "medical", "none", "gp"},
    {"ipa_demarrage", "infirmier", "zip", "ipa"},
    {"ipa_formation", "polyvalent", "none", "nurse"},
    {"conventionnement_csi", "infirmier", "sur_dotee", NULL},
};
#define MT_KINDS (sizeof mt_kinds / sizeof *mt_kinds)

static json_t *mt_etp(json_t *from, const char *profession, json_t *etp) {
    json_t *e = json_object();
    mt_set(e, "from", from);
    mt_set(e, "profession", json_string(profession));
    mt_set(e, "etp", etp);
    return e;
}

static json_t *mt_contract(mt_rng *r, const mt_contract_kind **kind_out) {
    const mt_contract_kind *k = &mt_kinds[mt_int(r, 0, MT_KINDS - 1)];
    *kind_out = k;
    json_t *doc = json_object(), *centre = json_object(), *list = json_array();
    mt_set(doc, "ancre_contract", json_integer(1));
    mt_set(centre, "type", json_string(k->centre));
    mt_set(doc, "centre", centre);
    json_t *c = json_object();
    int y, m, d;
    mt_set(c, "id", json_string("c"));
    mt_set(c, "type", json_string(k->type));
    mt_set(c, "signature_date", mt_rand_date(r, 2016, 2025, &y, &m, &d));
    mt_set(
        c, "zone",
        json_string(strcmp(k->type, "ipa_demarrage") == 0 && mt_chance(r, 50) ? "none" : k->zone));
    json_t *etp = json_array();
    bool am = strcmp(k->type, "assistant_medical") == 0;
    if (k->profession) {
        long lo = am ? 100 : 50, hi = 400;
        json_array_append_new(etp, mt_etp(mt_date(y, m, d), k->profession, mt_dec(r, lo, hi)));
        /* changes of staff during the contract */
        int changes = (int)mt_int(r, 0, 3);
        for (int i = 0; i < changes; i++) {
            int cy = y + (int)mt_int(r, 0, 4), cm = (int)mt_int(r, 1, 12);
            json_array_append_new(
                etp, mt_etp(mt_date(cy, cm, 1), k->profession, mt_dec(r, am ? 100 : 50, 500)));
        }
        if (strcmp(k->type, "cai_med") == 0 && mt_chance(r, 30))
            json_array_append_new(etp, mt_etp(mt_date(y + 1, 6, 1), "doctor", mt_dec(r, 50, 200)));
    }
    mt_set(c, "etp", etp);
    if (strcmp(k->type, "cstm_med") == 0 || strcmp(k->type, "incitatif_med_2015") == 0) {
        json_t *fees = json_array();
        for (int fy = y; fy <= y + 3; fy++) {
            json_t *f = json_object();
            mt_set(f, "year", json_integer(fy));
            mt_set(f, "amount", json_integer(mt_int(r, 0, 400000)));
            mt_set(f, "etp", mt_dec(r, 10, 300));
            mt_set(f, "days", json_integer(mt_int(r, 0, 60)));
            json_array_append_new(fees, f);
        }
        mt_set(c, "fees", fees);
    }
    if (am) {
        json_t *a = json_object();
        bool annex29 = mt_chance(r, 40);
        mt_set(a, "regime", json_string(annex29 ? "am_2020" : "am_2024"));
        mt_set(a, "etp", mt_dec(r, 50, 100));
        bool fresh = mt_chance(r, 15);
        mt_set(a, "percentile", json_integer(fresh ? mt_int(r, 0, 99) : mt_int(r, 31, 99)));
        bool both = mt_chance(r, 60);
        mt_set(a, "indicators", json_string(both ? "both" : "file_active"));
        long ref_fa = mt_int(r, 500, 5000), ref_mt = mt_int(r, 300, 4000);
        mt_set(a, "reference_fa", json_integer(ref_fa));
        if (both) mt_set(a, "reference_mt", json_integer(ref_mt));
        if (fresh) {
            mt_set(a, "new_centre", json_true());
            mt_set(a, "new_centre_p50_fa", json_integer(ref_fa + mt_int(r, 0, 1500)));
            mt_set(a, "new_centre_p30_fa", json_integer(ref_fa));
            if (both) {
                mt_set(a, "new_centre_p50_mt", json_integer(ref_mt + mt_int(r, 0, 1500)));
                mt_set(a, "new_centre_p30_mt", json_integer(ref_mt));
            }
        }
        json_t *res = json_array(), *mid = json_array();
        for (int n = 2; n <= 5; n++) {
            if (mt_chance(r, 15)) continue;
            json_t *o = json_object();
            mt_set(o, "year", json_integer(n));
            mt_set(o, "fa", json_integer(ref_fa + mt_int(r, -300, 1500)));
            if (both) mt_set(o, "mt", json_integer(ref_mt + mt_int(r, -300, 1500)));
            if (mt_chance(r, 5)) mt_set(o, "neutralised", json_true());
            json_array_append_new(res, o);
            if (n >= 3 && mt_chance(r, 50)) {
                json_t *h = json_object();
                mt_set(h, "year", json_integer(n));
                mt_set(h, "fa", json_integer(ref_fa + mt_int(r, -300, 1500)));
                if (both) mt_set(h, "mt", json_integer(ref_mt + mt_int(r, -300, 1500)));
                json_array_append_new(mid, h);
            }
        }
        mt_set(a, "results", res);
        mt_set(a, "mid_year", mid);
        mt_set(c, "am", a);
    }
    if (strcmp(k->type, "ipa_demarrage") == 0) {
        json_t *ipa = json_object();
        if (mt_chance(r, 50)) mt_set(ipa, "share_year3", mt_dec(r, 50, 100));
        if (mt_chance(r, 30)) mt_set(ipa, "patients_year1", json_integer(mt_int(r, 0, 80)));
        if (mt_chance(r, 30)) mt_set(ipa, "share_year2", mt_dec(r, 20, 80));
        mt_set(c, "ipa", ipa);
    }
    if (strcmp(k->type, "ipa_formation") == 0) {
        json_t *f = json_object();
        mt_set(f, "nurse_etp", mt_dec(r, 50, 100));
        mt_set(f, "fees_previous_year", json_integer(mt_int(r, 16000, 60000)));
        mt_set(f, "hired_date", mt_date(y - 2, 1, 1));
        mt_set(f, "training_start_date", mt_date(y - 1, 9, 1));
        mt_set(f, "training_end_date", mt_date(y + 1, 7, 1));
        if (mt_chance(r, 20)) mt_set(f, "drom", json_true());
        mt_set(c, "formation", f);
    }
    if (strncmp(k->type, "conventionnement", 16) == 0) {
        json_t *q = json_object();
        mt_set(q, "new_centre", json_boolean(mt_chance(r, 50)));
        mt_set(q, "qpv", json_boolean(mt_chance(r, 30)));
        mt_set(c, "request", q);
    }
    if (mt_chance(r, 35) && strncmp(k->type, "conventionnement", 16) != 0) {
        json_t *ev = json_array(), *t = json_object();
        mt_set(t, "date", mt_rand_date(r, y, y + 5, NULL, NULL, NULL));
        mt_set(t, "kind",
               json_string(mt_chance(r, 50) ? "termination_by_centre" : "termination_by_caisse"));
        /* an event before the signature is refused: the generator keeps the date after it */
        const char *ds = json_string_value(json_object_get(t, "date"));
        const char *ss = json_string_value(json_object_get(c, "signature_date"));
        if (strcmp(ds, ss) < 0) mt_set(t, "date", json_string(ss));
        json_array_append_new(ev, t);
        mt_set(c, "events", ev);
    }
    json_array_append_new(list, c);
    mt_set(doc, "contracts", list);
    return doc;
}

/* Document i of the seed: a declaration or a contract document (*kind set for a contract). */
static json_t *gen_mt_document(uint64_t seed, uint64_t i, const mt_contract_kind **kind) {
    mt_rng r;
    mt_seed(&r, seed, i);
    *kind = NULL;
    if (i % 3 == 0) return mt_declaration(&r);
    return mt_contract(&r, kind);
}

#ifndef GEN_MT_NO_MAIN
int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: gen_mt_contracts SEED COUNT\n");
        return 2;
    }
    char *end;
    uint64_t seed = strtoull(argv[1], &end, 10);
    long n = strtol(argv[2], NULL, 10);
    if (*end || n < 0) {
        fprintf(stderr, "gen_mt_contracts: SEED and COUNT are numbers\n");
        return 2;
    }
    for (long i = 0; i < n; i++) {
        const mt_contract_kind *k;
        json_t *d = gen_mt_document(seed, (uint64_t)i, &k);
        char *s = json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        puts(s);
        free(s);
        json_decref(d);
    }
    return 0;
}
#endif
