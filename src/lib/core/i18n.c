/* The English tables of the messages (the .tsv files of i18n/en/), built in by tools/embed.c,
 * are read once into a table sorted by French format and looked up by the exact French text. */
#include "i18n.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *const ancre_i18n_en_names[];
extern const char *const ancre_i18n_en_texts[];
extern const size_t ancre_i18n_en_count;

typedef struct {
    char *fr, *en;
} entry;

static entry *table;
static size_t table_n;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* A field of a tsv line with its escapes (\t, \n, \\) undone. */
static char *unescape(const char *s, size_t n) {
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 't' || s[i + 1] == 'n' || s[i + 1] == '\\')) {
            i++;
            out[k++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : '\\';
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    return out;
}

static int by_fr(const void *a, const void *b) {
    return strcmp(((const entry *)a)->fr, ((const entry *)b)->fr);
}

static void load_tables(void) {
    size_t cap = 0;
    for (size_t f = 0; f < ancre_i18n_en_count; f++) {
        const char *p = ancre_i18n_en_texts[f];
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (len && p[len - 1] == '\r') len--;
            const char *tab = memchr(p, '\t', len);
            if (len && p[0] != '#' && tab) {
                if (table_n == cap) {
                    cap = cap ? cap * 2 : 256;
                    entry *grown = realloc(table, cap * sizeof *table);
                    if (!grown) abort();
                    table = grown;
                }
                table[table_n].fr = unescape(p, (size_t)(tab - p));
                table[table_n].en = unescape(tab + 1, len - (size_t)(tab + 1 - p));
                if (!table[table_n].fr || !table[table_n].en) abort();
                table_n++;
            }
            p = nl ? nl + 1 : p + strlen(p);
        }
    }
    /* a stable order: the first file (in name order) to give a French text wins */
    qsort(table, table_n, sizeof *table, by_fr);
}

bool i18n_is_en(const char *lang) {
    return lang && lang[0] == 'e' && lang[1] == 'n' && (lang[2] == '\0' || lang[2] == '-');
}

const char *i18n_tr(const char *lang, const char *french) {
    if (!french || !i18n_is_en(lang)) return french;
    pthread_once(&table_once, load_tables);
    size_t lo = 0, hi = table_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(table[mid].fr, french);
        if (c == 0) {
            while (mid > 0 && strcmp(table[mid - 1].fr, french) == 0)
                mid--;
            return table[mid].en;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return french;
}

const char *ancre_tr(const char *lang, const char *french) {
    return i18n_tr(lang, french);
}

int ancre_errors_set_lang(ancre_errors *errs, const char *lang) {
    if (!errs) return -1;
    if (!lang || !*lang || strcmp(lang, "fr") == 0 || strncmp(lang, "fr-", 3) == 0) {
        errs->lang = NULL;
        return 0;
    }
    if (i18n_is_en(lang)) {
        errs->lang = "en";
        return 0;
    }
    return -1;
}

const char *ancre_lang_negotiate(const char *accept) {
    /* Accept-Language: the first of fr and en in the order of preference (q values), French
     * when neither is named */
    const char *best = NULL;
    double best_q = -1;
    const char *p = accept;
    while (p && *p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char item[64];
        snprintf(item, sizeof item, "%.*s", (int)(len < 63 ? len : 63), p);
        double q = 1;
        char *semi = strchr(item, ';');
        if (semi) {
            *semi = '\0';
            const char *qs = strstr(semi + 1, "q=");
            if (qs) q = strtod(qs + 2, NULL);
        }
        const char *lang = NULL;
        if (strncmp(item, "fr", 2) == 0 && (item[2] == '\0' || item[2] == '-' || item[2] == ' '))
            lang = "fr";
        else if (i18n_is_en(item) || strncmp(item, "en ", 3) == 0)
            lang = "en";
        if (lang && q > best_q) {
            best = lang;
            best_q = q;
        }
        p = end;
    }
    return best ? best : "fr";
}

static void group(const char *digits, char sep, char *out, size_t cap) {
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n && k + 4 < cap; i++) {
        if (i && (n - i) % 3 == 0) out[k++] = sep;
        out[k++] = digits[i];
    }
    out[k] = '\0';
}

void i18n_euros(const char *lang, int64_t cents, char *buf, size_t cap) {
    uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    char digits[32], grouped[64];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
    bool en = i18n_is_en(lang);
    group(digits, en ? ',' : ' ', grouped, sizeof grouped);
    if (en)
        snprintf(buf, cap, "%s€%s.%02llu", cents < 0 ? "-" : "", grouped,
                 (unsigned long long)(a % 100));
    else
        snprintf(buf, cap, "%s%s,%02llu €", cents < 0 ? "-" : "", grouped,
                 (unsigned long long)(a % 100));
}

void i18n_decimal(const char *lang, const char *decimal, char *buf, size_t cap) {
    bool en = i18n_is_en(lang);
    const char *s = decimal;
    const char *sign = "";
    if (*s == '-') {
        sign = "-";
        s++;
    }
    const char *dot = strchr(s, '.');
    size_t ilen = dot ? (size_t)(dot - s) : strlen(s);
    char digits[64], grouped[96];
    snprintf(digits, sizeof digits, "%.*s", (int)(ilen < 63 ? ilen : 63), s);
    group(digits, en ? ',' : ' ', grouped, sizeof grouped);
    snprintf(buf, cap, "%s%s%s%s", sign, grouped, dot ? (en ? "." : ",") : "", dot ? dot + 1 : "");
}

void i18n_date(const char *lang, const char *iso, char *buf, size_t cap) {
    if (i18n_is_en(lang) || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-') {
        snprintf(buf, cap, "%s", iso);
        return;
    }
    snprintf(buf, cap, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}
