/* Patient-level rosters: one CSV row per patient, aggregated in one streaming pass into the
 * counts of each centre's médecin-traitant patientèle at 31 December (Art. 23.3: "Le nombre de
 * patients ainsi comptabilisé est arrêté au 31 décembre de l'année"), by age and ALD for the
 * forfait patientèle médecin traitant and by age for the ROSP weighting (Art. 24.5).  The
 * library does no I/O: the caller feeds lines.  Memory is one record per centre. */
#include "ancre/ancre.h"
#include "../core/engine.h"
#include "../core/errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROSTER_HEADER "centre_id,patient_key,birth_date,ald,css,mt_start,mt_end"
#define CENTRE_ID_MAX 64

/* One centre: its key next to its counters, so that a row touches one record. */
typedef struct {
    uint64_t hash;
    size_t len;
    char key[CENTRE_ID_MAX];
    ancre_roster_centre counts; /* centre_id is set when the centres are listed */
} centre_rec;

struct ancre_roster {
    int year;
    int child_max, elderly_min, adult_min; /* ages, from the parameters in force on 31/12 */
    date_t snapshot;
    bool header_seen;
    centre_rec *recs;
    size_t n, cap;
    size_t *slots; /* open addressing: index + 1, 0 = empty */
    size_t nslots;
    size_t last; /* rosters are usually grouped by centre: the last centre is tried first */
    ancre_roster_centre *listed; /* ancre_roster_centres(): sorted copies */
};

static int param_int(const ancre_params *params, const char *id, date_t at, int *out,
                     ancre_errors *errs) {
    const param_t *p;
    const period_t *pe;
    if (params_lookup(params, id, at, &p, &pe) != PARAM_OK || pe->kind != PV_NUM) {
        char d[16];
        date_format(at, d, sizeof d);
        errors_add(errs, id, "params", "a number in force",
                   "parameter %s has no value in force on %s", id, d);
        return -1;
    }
    *out = (int)q_floor_int(pe->num);
    return 0;
}

int ancre_roster_new(ancre_roster **out, int year, const ancre_params *params, ancre_errors *errs) {
    *out = NULL;
    ancre_roster *r = calloc(1, sizeof *r);
    if (!r) return -1;
    r->year = year;
    r->snapshot = date_make(year, 12, 31);
    if (param_int(params, "fpmt.age.child_max", r->snapshot, &r->child_max, errs) != 0 ||
        param_int(params, "fpmt.age.elderly_min", r->snapshot, &r->elderly_min, errs) != 0 ||
        param_int(params, "rosp.age.adult_min", r->snapshot, &r->adult_min, errs) != 0) {
        free(r);
        return -1;
    }
    r->nslots = 1024;
    r->slots = calloc(r->nslots, sizeof *r->slots);
    if (!r->slots) {
        free(r);
        return -1;
    }
    *out = r;
    return 0;
}

void ancre_roster_free(ancre_roster *r) {
    if (!r) return;
    free(r->recs);
    free(r->listed);
    free(r->slots);
    free(r);
}

static bool same_id(const char *a, const char *b, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i]) return false;
    return true;
}

static uint64_t hash(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void fill_slots(ancre_roster *r) {
    memset(r->slots, 0, r->nslots * sizeof *r->slots);
    for (size_t i = 0; i < r->n; i++) {
        size_t h = (size_t)r->recs[i].hash & (r->nslots - 1);
        while (r->slots[h])
            h = (h + 1) & (r->nslots - 1);
        r->slots[h] = i + 1;
    }
}

static void rehash(ancre_roster *r) {
    size_t *slots = calloc(r->nslots * 2, sizeof *slots);
    if (!slots) abort();
    free(r->slots);
    r->slots = slots;
    r->nslots *= 2;
    fill_slots(r);
}

static ancre_roster_centre *centre(ancre_roster *r, const char *id, size_t len) {
    uint64_t hv = hash(id, len);
    centre_rec *c = r->n ? &r->recs[r->last] : NULL;
    if (c && c->hash == hv && c->len == len && same_id(c->key, id, len)) return &c->counts;
    size_t h = (size_t)hv & (r->nslots - 1);
    while (r->slots[h]) {
        size_t k = r->slots[h] - 1;
        c = &r->recs[k];
        if (c->hash == hv && c->len == len && same_id(c->key, id, len)) {
            r->last = k;
            return &c->counts;
        }
        h = (h + 1) & (r->nslots - 1);
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        centre_rec *grown = realloc(r->recs, r->cap * sizeof *grown);
        if (!grown) abort();
        r->recs = grown;
    }
    c = &r->recs[r->n];
    memset(c, 0, sizeof *c);
    memcpy(c->key, id, len);
    c->len = len;
    c->hash = hv;
    r->slots[h] = ++r->n;
    r->last = r->n - 1;
    if (r->n * 2 > r->nslots) rehash(r);
    return &r->recs[r->last].counts;
}

/* A CSV field as a strict YYYY-MM-DD date (the fields are not NUL-terminated). */
static bool parse_date(const char *s, size_t len, date_t *out) {
    char buf[11];
    if (len != 10) return false;
    memcpy(buf, s, 10);
    buf[10] = '\0';
    return date_parse(buf, out);
}

static int date_le(date_t a, date_t b) {
    return date_cmp(a, b) <= 0;
}

#define BAD(...)                                                                                   \
    do {                                                                                           \
        snprintf(msg, msgcap, __VA_ARGS__);                                                        \
        return -1;                                                                                 \
    } while (0)

/* Splits a line at its commas into at most 7 fields, eight bytes at a time (the lines are
 * short and the fields shorter: one library call per comma costs more than the scan).  Returns
 * -1 when there are more than 7 fields. */
static int split_fields(const char *line, size_t len, const char **f, size_t *fl, size_t *nf) {
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7full;
    const uint64_t commas = 0x0101010101010101ull * (unsigned char)',';
    size_t start = 0, i = 0, n = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, line + i, 8);
        uint64_t x = w ^ commas;                          /* a zero byte where there is a comma */
        uint64_t hit = ~(((x & low7) + low7) | x | low7); /* exactly the high bit of each */
        while (hit) {
            size_t at = i + (size_t)(__builtin_ctzll(hit) >> 3);
            if (n == 6) return -1;
            f[n] = line + start;
            fl[n++] = at - start;
            start = at + 1;
            hit &= hit - 1;
        }
    }
#else
    (void)low7;
    (void)commas;
#endif
    for (; i < len; i++)
        if (line[i] == ',') {
            if (n == 6) return -1;
            f[n] = line + start;
            fl[n++] = i - start;
            start = i + 1;
        }
    f[n] = line + start;
    fl[n++] = len - start;
    *nf = n;
    return 0;
}

int ancre_roster_feed(ancre_roster *r, const char *line, size_t len, char *msg, size_t msgcap) {
    if (len && line[len - 1] == '\r') len--;
    if (!r->header_seen) {
        r->header_seen = true;
        if (len != strlen(ROSTER_HEADER) || memcmp(line, ROSTER_HEADER, len) != 0)
            BAD("the first line must be the header '%s' (docs/roster.md)", ROSTER_HEADER);
        return 0;
    }
    const char *f[7];
    size_t fl[7];
    size_t nf = 0;
    if (split_fields(line, len, f, fl, &nf) != 0) BAD("more than 7 columns");
    if (nf != 7) BAD("%zu column%s, 7 expected (%s)", nf, nf == 1 ? "" : "s", ROSTER_HEADER);
    if (fl[0] == 0) BAD("centre_id: empty");
    if (fl[0] >= CENTRE_ID_MAX) BAD("centre_id: longer than %d characters", CENTRE_ID_MAX - 1);
    if (fl[1] == 0) BAD("patient_key: empty");
    date_t birth, start_mt, end_mt;
    if (!parse_date(f[2], fl[2], &birth))
        BAD("birth_date: '%.*s' is not a date YYYY-MM-DD", (int)(fl[2] > 40 ? 40 : fl[2]), f[2]);
    if (fl[3] != 1 || (f[3][0] != '0' && f[3][0] != '1')) BAD("ald: 0 or 1 expected");
    if (fl[4] != 1 || (f[4][0] != '0' && f[4][0] != '1')) BAD("css: 0 or 1 expected");
    if (!parse_date(f[5], fl[5], &start_mt))
        BAD("mt_start: '%.*s' is not a date YYYY-MM-DD", (int)(fl[5] > 40 ? 40 : fl[5]), f[5]);
    bool ended = fl[6] != 0;
    if (ended && !parse_date(f[6], fl[6], &end_mt))
        BAD("mt_end: '%.*s' is not a date YYYY-MM-DD or empty", (int)(fl[6] > 40 ? 40 : fl[6]),
            f[6]);
    if (ended && !date_le(start_mt, end_mt)) BAD("mt_end: before mt_start");
    if (!date_le(birth, start_mt)) BAD("mt_start: before birth_date");
    ancre_roster_centre *c = centre(r, f[0], fl[0]);
    c->rows++;
    /* Art. 23.3: the patients who have declared the centre as médecin traitant on 31/12 */
    if (!date_le(start_mt, r->snapshot) || (ended && !date_le(r->snapshot, end_mt))) {
        c->not_at_snapshot++;
        return 0;
    }
    /* age reached during the year: on 31 December every birthday of the year has passed */
    int age = r->year - birth.y;
    bool ald = f[3][0] == '1';
    c->patients++;
    if (ald) {
        if (age >= r->elderly_min)
            c->age_80_plus_ald++;
        else
            c->under_80_ald++; /* children 0-6 in ALD included (slides 001 l. 298) */
    } else if (age <= r->child_max) {
        c->child_0_6_no_ald++;
    } else if (age >= r->elderly_min) {
        c->age_80_plus_no_ald++;
    } else {
        c->other_7_79_no_ald++;
    }
    if (f[4][0] == '1') c->css++;
    if (age < r->adult_min)
        c->under_16++;
    else
        c->age_16_plus++;
    return 0;
}

static int by_key(const void *a, const void *b) {
    return strcmp(((const centre_rec *)a)->key, ((const centre_rec *)b)->key);
}

size_t ancre_roster_centres(ancre_roster *r, const ancre_roster_centre **out) {
    if (r->n > 1) qsort(r->recs, r->n, sizeof *r->recs, by_key); /* recs is NULL when empty */
    fill_slots(r);
    r->last = 0;
    free(r->listed);
    r->listed = calloc(r->n ? r->n : 1, sizeof *r->listed);
    if (!r->listed) abort();
    for (size_t i = 0; i < r->n; i++) {
        r->listed[i] = r->recs[i].counts;
        r->listed[i].centre_id = r->recs[i].key;
    }
    *out = r->listed;
    return r->n;
}

char *ancre_roster_declaration_json(const ancre_roster *r, const ancre_roster_centre *c) {
    /* the FPMT reads neither the centre type nor the adhesion date, which every declaration
     * carries: the roster's declaration states a médical centre governed since 1 January */
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f) return NULL;
    /* a centre id that is a FINESS number identifies the centre; another one names it */
    fprintf(f, "{\"year\": %d, \"centre\": {\"%s\": \"", r->year,
            finess_valid(c->centre_id) ? "finess" : "name");
    for (const char *p = c->centre_id; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if ((unsigned char)*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fprintf(f,
            "\", \"type\": \"medical\", \"adhesion_date\": \"%d-01-01\"}, \"medecin_traitant\": "
            "{\"n_child_0_6_no_ald\": %lld, \"n_other_7_79_no_ald\": %lld, \"n_80_plus_no_ald\": "
            "%lld, \"n_under_80_ald\": %lld, \"n_80_plus_ald\": %lld, \"n_css\": %lld}}",
            r->year, (long long)c->child_0_6_no_ald, (long long)c->other_7_79_no_ald,
            (long long)c->age_80_plus_no_ald, (long long)c->under_80_ald,
            (long long)c->age_80_plus_ald, (long long)c->css);
    fclose(f);
    return s;
}
