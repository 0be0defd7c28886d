/* Synthetic patient-level rosters for tests and benchmarks (docs/roster.md).
 *
 *   roster_gen PATIENTS CENTRES YEAR [SEED] [BAD_EVERY]
 *
 * Writes the CSV on standard output: the header, then one row per patient of CENTRES centres
 * (sizes drawn unevenly, rows interleaved across centres), with an age pyramid close to France's,
 * ALD prevalence rising with age, a CSS share that varies by centre, some médecin-traitant
 * declarations starting after or ending before 31 December of YEAR.  With BAD_EVERY > 0, one row
 * in BAD_EVERY is malformed in one of several ways.  The same arguments give the same file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;
static uint64_t next(void) { /* splitmix64 */
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static unsigned below(unsigned n) {
    return (unsigned)(((next() >> 32) * (uint64_t)n) >> 32);
}

static char *put_uint(char *p, unsigned v, int width) {
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}
static char *put_date(char *p, int y, int m, int d) {
    p = put_uint(p, (unsigned)y, 4);
    *p++ = '-';
    p = put_uint(p, (unsigned)m, 2);
    *p++ = '-';
    return put_uint(p, (unsigned)d, 2);
}
static int mdays(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0) ? 29 : d[m - 1];
}

/* age bands (inclusive) and their share of médecin-traitant patients, per 1000 */
static const struct {
    int lo, hi, per_mille, ald_per_mille;
} bands[] = {{0, 6, 75, 15},     {7, 15, 100, 20},  {16, 39, 290, 40}, {40, 59, 270, 140},
             {60, 74, 160, 300}, {75, 79, 45, 420}, {80, 89, 50, 540}, {90, 104, 10, 600}};

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: roster_gen PATIENTS CENTRES YEAR [SEED] [BAD_EVERY]\n");
        return 2;
    }
    long long patients = atoll(argv[1]);
    int centres = atoi(argv[2]), year = atoi(argv[3]);
    state = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
    long long bad_every = argc > 5 ? atoll(argv[5]) : 0;
    if (patients < 0 || centres < 1 || year < 1950 || year > 9000) {
        fprintf(stderr, "roster_gen: bad arguments\n");
        return 2;
    }
    /* centre sizes: weights between 1 and 8, so some centres are much larger; CSS share per
     * centre between 2 % and 45 % */
    unsigned *cum = malloc((size_t)centres * sizeof *cum),
             *css = malloc((size_t)centres * sizeof *css);
    unsigned total = 0;
    for (int c = 0; c < centres; c++) {
        total += 1 + below(8);
        cum[c] = total;
        css[c] = 20 + below(430);
    }
    size_t cap = 1 << 22, n = 0;
    char *out = malloc(cap);
    const char *header = "centre_id,patient_key,birth_date,ald,css,mt_start,mt_end\n";
    fputs(header, stdout);
    for (long long i = 0; i < patients; i++) {
        if (cap - n < 256) {
            fwrite(out, 1, n, stdout);
            n = 0;
        }
        char *p = out + n;
        unsigned w = below(total);
        int lo = 0, hi = centres - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (cum[mid] > w)
                hi = mid;
            else
                lo = mid + 1;
        }
        int c = lo;
        unsigned r = below(1000), acc = 0;
        size_t b = 0;
        while (b + 1 < sizeof bands / sizeof *bands && r >= acc + (unsigned)bands[b].per_mille)
            acc += (unsigned)bands[b++].per_mille;
        int age = bands[b].lo + (int)below((unsigned)(bands[b].hi - bands[b].lo + 1));
        int by = year - age, bm = 1 + (int)below(12), bd = 1 + (int)below((unsigned)mdays(by, bm));
        int ald = below(1000) < (unsigned)bands[b].ald_per_mille;
        int is_css = below(1000) < css[c];
        /* declaration of the médecin traitant: from 2005 (or birth) to the end of the year; 3 %
         * declared the next year (not counted at 31/12); 4 % ended before 31/12, 1 % after */
        int sy = by > 2005 ? by : 2005;
        int ey = year;
        unsigned fate = below(100);
        if (fate < 3) sy = ey = year + 1;
        int s_y = sy + (int)below((unsigned)(ey - sy + 1)), s_m = 1 + (int)below(12),
            s_d = 1 + (int)below((unsigned)mdays(s_y, s_m));
        if (s_y == by && (s_m < bm || (s_m == bm && s_d < bd))) {
            s_m = bm;
            s_d = bd;
        }
        memcpy(p, "CDS", 3);
        p = put_uint(p + 3, (unsigned)c + 1, 5);
        *p++ = ',';
        *p++ = 'P';
        p = put_uint(p, (unsigned)(i + 1), 9);
        *p++ = ',';
        p = put_date(p, by, bm, bd);
        *p++ = ',';
        *p++ = (char)('0' + ald);
        *p++ = ',';
        *p++ = (char)('0' + is_css);
        *p++ = ',';
        p = put_date(p, s_y, s_m, s_d);
        *p++ = ',';
        if (fate >= 3 && fate < 8 && s_y <= year) {
            /* ended: before 31/12 (4 of 5) or the next year */
            int e_y = fate < 7 ? year : year + 1, e_m = fate < 7 ? 1 + (int)below(11) : 6;
            if (e_y == s_y && e_m < s_m) e_m = s_m;
            int e_d = mdays(e_y, e_m);
            p = put_date(p, e_y, e_m, e_d);
        }
        *p++ = '\n';
        if (bad_every > 0 && (i + 1) % bad_every == 0) {
            /* spoil the row just written in one of five ways */
            char *row = out + n;
            switch (below(5)) {
            case 0: /* month 13 */
                memcpy(strchr(strchr(row, ',') + 1, ',') + 6, "13", 2);
                break;
            case 1: /* ald flag 2 */
                *(strchr(strchr(strchr(row, ',') + 1, ',') + 1, ',') + 1) = '2';
                break;
            case 2: /* a column missing: drop the last comma */
                if (p[-2] == ',') {
                    p[-2] = '\n';
                    p--;
                } else {
                    *strrchr(row, ',') = ';';
                }
                break;
            case 3: /* empty centre */
                memmove(row, strchr(row, ','), (size_t)(p - strchr(row, ',')));
                p -= 8;
                break;
            default: /* text in the birth date */
                memcpy(strchr(strchr(row, ',') + 1, ',') + 1, "unknown!!!", 10);
                break;
            }
        }
        n = (size_t)(p - out);
    }
    fwrite(out, 1, n, stdout);
    free(out);
    free(cum);
    free(css);
    return 0;
}
