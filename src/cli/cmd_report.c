/* ancre report FILE: summaries across the centres of a batch (JSON Lines or CSV declarations),
 * computed as ancre batch computes them: per reference year, the totals and their distribution
 * by type of centre and by département (the first two characters of the FINESS, three for the
 * overseas départements 97x and 98x), the totals of each payment, the share of centres subject
 * to the forfait spécifique that fail each prerequisite (Art. 12), the lines that earn and cost
 * the most nationally, and each year against the one before.  As text, CSV or a self-contained
 * HTML page with SVG charts (--format text|csv|html). */
#include "cli.h"
#include "options.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char key[96];
    char label[192];
    size_t n;
    int64_t sum;
    int64_t *vals; /* the total of each centre, for the distribution */
    size_t nvals, cap;
} group;

typedef struct {
    group *items;
    size_t n, cap;
} groups;

typedef struct {
    int year;
    size_t centres;
    int64_t total;
    groups types, depts, payments, lines, prereq_subject, prereq_failed;
} year_stats;

typedef struct {
    year_stats *years;
    size_t nyears, cap;
    size_t errors;
} report;

static group *find(groups *g, const char *key, const char *label) {
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->items[i].key, key) == 0) return &g->items[i];
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        group *items = realloc(g->items, cap * sizeof *items);
        if (!items) return NULL;
        g->items = items;
        g->cap = cap;
    }
    group *it = &g->items[g->n++];
    memset(it, 0, sizeof *it);
    snprintf(it->key, sizeof it->key, "%s", key);
    snprintf(it->label, sizeof it->label, "%s", label ? label : "");
    return it;
}

static void add(groups *g, const char *key, const char *label, int64_t cents, bool keep) {
    group *it = find(g, key, label);
    if (!it) return;
    it->n++;
    it->sum += cents;
    if (!keep) return;
    if (it->nvals == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 64;
        int64_t *v = realloc(it->vals, cap * sizeof *v);
        if (!v) return;
        it->vals = v;
        it->cap = cap;
    }
    it->vals[it->nvals++] = cents;
}

static year_stats *year_of(report *rep, int year) {
    for (size_t i = 0; i < rep->nyears; i++)
        if (rep->years[i].year == year) return &rep->years[i];
    if (rep->nyears == rep->cap) {
        size_t cap = rep->cap ? rep->cap * 2 : 4;
        year_stats *y = realloc(rep->years, cap * sizeof *y);
        if (!y) return NULL;
        rep->years = y;
        rep->cap = cap;
    }
    year_stats *y = &rep->years[rep->nyears++];
    memset(y, 0, sizeof *y);
    y->year = year;
    return y;
}

/* the département of a FINESS number: 2 characters, 3 for 97x and 98x */
static void departement(const char *finess, char *buf, size_t cap) {
    if (strlen(finess) < 3) {
        snprintf(buf, cap, "?");
        return;
    }
    bool overseas = finess[0] == '9' && (finess[1] == '7' || finess[1] == '8');
    snprintf(buf, cap, "%.*s", overseas ? 3 : 2, finess);
}

static void sink(void *ctx, size_t line, const ancre_result *r, const ancre_errors *errs) {
    (void)line;
    (void)errs;
    report *rep = ctx;
    if (!r) {
        rep->errors++;
        return;
    }
    year_stats *y = year_of(rep, ancre_result_year(r));
    if (!y) return;
    int64_t total = ancre_result_total_cents(r);
    y->centres++;
    y->total += total;
    add(&y->types, ancre_result_centre_type(r), NULL, total, true);
    char dept[8];
    departement(ancre_result_finess(r), dept, sizeof dept);
    add(&y->depts, dept, NULL, total, true);
    for (size_t i = 0; i < ancre_result_prerequisite_count(r); i++) {
        const char *id;
        int met;
        if (ancre_result_prerequisite(r, i, &id, &met) != 0) continue;
        add(&y->prereq_subject, id, NULL, 0, false);
        if (!met) add(&y->prereq_failed, id, NULL, 0, false);
    }
    for (size_t i = 0; i < ancre_result_line_count(r); i++) {
        ancre_line l = ANCRE_LINE_INIT;
        if (ancre_result_line(r, i, &l) != 0) continue;
        add(&y->payments, l.payment, NULL, l.amount_cents, false);
        if (l.amount_cents != 0) {
            char label[192];
            snprintf(label, sizeof label, "%s (%s)", l.label, l.article);
            add(&y->lines, l.id, label, l.amount_cents, false);
        }
    }
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_key(const void *a, const void *b) {
    return strcmp(((const group *)a)->key, ((const group *)b)->key);
}

static int cmp_sum_desc(const void *a, const void *b) {
    int64_t x = ((const group *)a)->sum, y = ((const group *)b)->sum;
    return (x < y) - (x > y);
}

/* qsort wants an array even for no elements */
static void sort_groups(groups *g, int (*cmp)(const void *, const void *)) {
    if (g->n > 1) qsort(g->items, g->n, sizeof *g->items, cmp);
}

typedef struct {
    int64_t min, q1, median, q3, max, mean;
} distribution;

static distribution distrib(group *g) {
    distribution d = {0};
    if (!g->nvals) return d;
    if (g->nvals > 1) qsort(g->vals, g->nvals, sizeof *g->vals, cmp_i64);
    size_t n = g->nvals;
    d.min = g->vals[0];
    d.max = g->vals[n - 1];
    d.q1 = g->vals[(n - 1) / 4];
    d.median = g->vals[(n - 1) / 2];
    d.q3 = g->vals[(3 * (n - 1)) / 4];
    d.mean = g->sum / (int64_t)n;
    return d;
}

/* 1234567 cents as "12 345,67 €" (French grouping) */
static void euros(int64_t cents, char *buf, size_t cap) {
    uint64_t a = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) grouped[k++] = ' ';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(buf, cap, "%s%s,%02llu €", cents < 0 ? "-" : "", grouped,
             (unsigned long long)(a % 100));
}

/* cents as "12345,67": a CSV cell */
static void euros_cell(int64_t cents, char *buf, size_t cap) {
    uint64_t a = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, cap, "%s%llu,%02llu", cents < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
}

/* a share as "12,5 %" */
static void percent(size_t part, size_t whole, char *buf, size_t cap) {
    long long tenths = whole ? (long long)((part * 1000 + whole / 2) / whole) : 0;
    snprintf(buf, cap, "%lld,%lld %%", tenths / 10, tenths % 10);
}

#define TOP_LINES 10

/* ---- text ---------------------------------------------------------------------------------- */

static void text_groups(groups *g, const char *title) {
    printf("\n  %s\n", title);
    printf("    %-14s %8s %18s %16s %16s %16s %16s\n", cli_tr("clé"), cli_tr("centres"),
           cli_tr("total"), cli_tr("moyenne"), cli_tr("médiane"), cli_tr("minimum"),
           cli_tr("maximum"));
    for (size_t i = 0; i < g->n; i++) {
        distribution d = distrib(&g->items[i]);
        char t[48], m[48], md[48], mn[48], mx[48];
        euros(g->items[i].sum, t, sizeof t);
        euros(d.mean, m, sizeof m);
        euros(d.median, md, sizeof md);
        euros(d.min, mn, sizeof mn);
        euros(d.max, mx, sizeof mx);
        printf("    %-14s %8zu %18s %16s %16s %16s %16s\n", g->items[i].key, g->items[i].n, t, m,
               md, mn, mx);
    }
}

static void text_year(year_stats *y) {
    char t[48];
    euros(y->total, t, sizeof t);
    printf(cli_tr("\nAnnée %d : %zu centres, total %s\n"), y->year, y->centres, t);
    text_groups(&y->types, cli_tr("par type de centre"));
    text_groups(&y->depts, cli_tr("par département (FINESS)"));
    printf("\n  %s\n", cli_tr("par rémunération"));
    for (size_t i = 0; i < y->payments.n; i++) {
        euros(y->payments.items[i].sum, t, sizeof t);
        printf("    %-20s %18s\n", y->payments.items[i].key, t);
    }
    if (y->prereq_subject.n) {
        printf("\n  %s\n", cli_tr("prérequis non remplis (Art. 12), parmi les centres qui y sont "
                                  "soumis"));
        for (size_t i = 0; i < y->prereq_subject.n; i++) {
            group *s = &y->prereq_subject.items[i];
            group *f = find(&y->prereq_failed, s->key, NULL);
            size_t failed = f ? f->n : 0;
            char p[48];
            percent(failed, s->n, p, sizeof p);
            printf("    %-36s %6zu / %-6zu %8s\n", s->key, failed, s->n, p);
        }
    }
    printf("\n  %s\n", cli_tr("lignes qui rapportent le plus (somme nationale)"));
    for (size_t i = 0; i < y->lines.n && i < TOP_LINES && y->lines.items[i].sum > 0; i++) {
        euros(y->lines.items[i].sum, t, sizeof t);
        printf("    %-36s %18s  %s\n", y->lines.items[i].key, t, y->lines.items[i].label);
    }
    printf("\n  %s\n", cli_tr("lignes qui coûtent le plus (minorations, somme nationale)"));
    size_t shown = 0;
    for (size_t k = y->lines.n; k-- > 0 && shown < TOP_LINES;) {
        if (y->lines.items[k].sum >= 0) break;
        euros(y->lines.items[k].sum, t, sizeof t);
        printf("    %-36s %18s  %s\n", y->lines.items[k].key, t, y->lines.items[k].label);
        shown++;
    }
    if (!shown) printf("    %s\n", cli_tr("aucune"));
}

/* change of a total from one year to the next, "+5,2 %" */
static void change(int64_t before, int64_t after, char *buf, size_t cap) {
    if (before == 0) {
        snprintf(buf, cap, "—");
        return;
    }
    double pct = ((double)after - (double)before) * 100.0 / (double)(before < 0 ? -before : before);
    long long tenths = (long long)(pct * 10 + (pct >= 0 ? 0.5 : -0.5));
    long long a = tenths < 0 ? -tenths : tenths;
    snprintf(buf, cap, "%s%lld,%lld %%", tenths < 0 ? "-" : "+", a / 10, a % 10);
}

static void text_report(report *rep) {
    size_t centres = 0;
    for (size_t i = 0; i < rep->nyears; i++)
        centres += rep->years[i].centres;
    printf(cli_tr("Rapport : %zu centres calculés, %zu enregistrements en erreur\n"), centres,
           rep->errors);
    for (size_t i = 0; i < rep->nyears; i++)
        text_year(&rep->years[i]);
    if (rep->nyears < 2) return;
    printf("\n%s\n", cli_tr("D'une année à l'autre"));
    for (size_t i = 1; i < rep->nyears; i++) {
        year_stats *a = &rep->years[i - 1], *b = &rep->years[i];
        char ta[48], tb[48], c[24];
        euros(a->total, ta, sizeof ta);
        euros(b->total, tb, sizeof tb);
        change(a->total, b->total, c, sizeof c);
        printf(cli_tr("  %d → %d : %zu → %zu centres, %s → %s (%s)\n"), a->year, b->year,
               a->centres, b->centres, ta, tb, c);
        for (size_t k = 0; k < b->types.n; k++) {
            group *gb = &b->types.items[k];
            group *ga = find(&a->types, gb->key, NULL);
            euros(ga ? ga->sum : 0, ta, sizeof ta);
            euros(gb->sum, tb, sizeof tb);
            change(ga ? ga->sum : 0, gb->sum, c, sizeof c);
            printf("    %-14s %18s → %18s (%s)\n", gb->key, ta, tb, c);
        }
    }
}

/* ---- CSV ----------------------------------------------------------------------------------- */

static void csv_cell(const char *s) {
    if (!strpbrk(s, ";\"\n\r")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"') putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static void csv_row(int year, const char *section, const char *key, size_t n, const group *g,
                    const char *share) {
    char e[7][40] = {{0}};
    if (g) {
        distribution d = distrib((group *)g);
        int64_t v[7] = {g->sum, d.mean, d.min, d.q1, d.median, d.q3, d.max};
        for (int i = 0; i < 7; i++)
            if (i == 0 || g->nvals) euros_cell(v[i], e[i], sizeof e[i]);
    }
    printf("%d;%s;", year, section);
    csv_cell(key);
    printf(";%zu", n);
    for (int i = 0; i < 7; i++)
        printf(";%s", e[i]);
    printf(";%s;", share ? share : "");
    csv_cell(g && g->label[0] ? g->label : "");
    printf("\n");
}

static void csv_report(report *rep) {
    printf("year;section;key;centres;total_eur;mean_eur;min_eur;q1_eur;median_eur;q3_eur;max_"
           "eur;share;label\n");
    for (size_t i = 0; i < rep->nyears; i++) {
        year_stats *y = &rep->years[i];
        group all = {.n = y->centres, .sum = y->total};
        csv_row(y->year, "all", "", y->centres, &all, NULL);
        for (size_t k = 0; k < y->types.n; k++)
            csv_row(y->year, "type", y->types.items[k].key, y->types.items[k].n, &y->types.items[k],
                    NULL);
        for (size_t k = 0; k < y->depts.n; k++)
            csv_row(y->year, "departement", y->depts.items[k].key, y->depts.items[k].n,
                    &y->depts.items[k], NULL);
        for (size_t k = 0; k < y->payments.n; k++)
            csv_row(y->year, "payment", y->payments.items[k].key, y->centres, &y->payments.items[k],
                    NULL);
        for (size_t k = 0; k < y->prereq_subject.n; k++) {
            group *s = &y->prereq_subject.items[k];
            group *f = find(&y->prereq_failed, s->key, NULL);
            char share[48];
            percent(f ? f->n : 0, s->n, share, sizeof share);
            csv_row(y->year, "prerequisite_failed", s->key, f ? f->n : 0, NULL, share);
        }
        for (size_t k = 0; k < y->lines.n; k++)
            csv_row(y->year, "line", y->lines.items[k].key, y->lines.items[k].n, &y->lines.items[k],
                    NULL);
    }
}

/* ---- HTML ---------------------------------------------------------------------------------- */

static void html_text(const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", stdout);
            break;
        case '>':
            fputs("&gt;", stdout);
            break;
        case '&':
            fputs("&amp;", stdout);
            break;
        case '"':
            fputs("&quot;", stdout);
            break;
        default:
            putchar(*s);
        }
    }
}

/* A horizontal bar chart, inline SVG: one bar per item, its length by value. */
static void svg_bars(const char *title, size_t n, const char *const *labels, const int64_t *values,
                     const char *const *texts) {
    int64_t max = 1;
    for (size_t i = 0; i < n; i++)
        if ((values[i] < 0 ? -values[i] : values[i]) > max)
            max = values[i] < 0 ? -values[i] : values[i];
    int h = 22, top = 28, width = 760, left = 230, barw = 360;
    printf("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
           "role=\"img\" aria-label=\"",
           width, (size_t)top + n * (size_t)h + 8);
    html_text(title);
    printf("\"><text x=\"0\" y=\"18\" font-weight=\"bold\">");
    html_text(title);
    printf("</text>");
    for (size_t i = 0; i < n; i++) {
        int64_t v = values[i] < 0 ? -values[i] : values[i];
        int w = (int)((double)v / (double)max * barw);
        size_t y = (size_t)top + i * (size_t)h;
        printf("<text x=\"%d\" y=\"%zu\" text-anchor=\"end\" font-size=\"12\">", left - 6, y + 14);
        html_text(labels[i]);
        printf("</text><rect x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", left,
               y + 2, w < 1 ? 1 : w, h - 6, values[i] < 0 ? "#c0392b" : "#2e6da4");
        printf("<text x=\"%d\" y=\"%zu\" font-size=\"12\">", left + w + 6, y + 14);
        html_text(texts[i]);
        printf("</text>");
    }
    printf("</svg></figure>\n");
}

static void html_chart_groups(const char *title, groups *g, size_t max_items) {
    size_t n = g->n < max_items ? g->n : max_items;
    const char **labels = calloc(n + 1, sizeof *labels), **texts = calloc(n + 1, sizeof *texts);
    int64_t *values = calloc(n + 1, sizeof *values);
    char(*buf)[48] = calloc(n + 1, sizeof *buf);
    if (labels && texts && values && buf) {
        for (size_t i = 0; i < n; i++) {
            labels[i] = g->items[i].key;
            values[i] = g->items[i].sum;
            euros(g->items[i].sum, buf[i], sizeof buf[i]);
            texts[i] = buf[i];
        }
        svg_bars(title, n, labels, values, texts);
    }
    free(labels);
    free(texts);
    free(values);
    free(buf);
}

static void html_table_groups(groups *g) {
    printf("<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
           "<th>%s</th><th>%s</th></tr>\n",
           cli_tr("clé"), cli_tr("centres"), cli_tr("total"), cli_tr("moyenne"), cli_tr("minimum"),
           cli_tr("médiane"), cli_tr("maximum"), cli_tr("quartiles"));
    for (size_t i = 0; i < g->n; i++) {
        distribution d = distrib(&g->items[i]);
        char t[48], m[48], mn[48], md[48], mx[48], q1[48], q3[48];
        euros(g->items[i].sum, t, sizeof t);
        euros(d.mean, m, sizeof m);
        euros(d.min, mn, sizeof mn);
        euros(d.median, md, sizeof md);
        euros(d.max, mx, sizeof mx);
        euros(d.q1, q1, sizeof q1);
        euros(d.q3, q3, sizeof q3);
        printf("<tr><td>");
        html_text(g->items[i].key);
        printf("</td><td>%zu</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
               "<td>%s – %s</td></tr>\n",
               g->items[i].n, t, m, mn, md, mx, q1, q3);
    }
    printf("</table>\n");
}

static void html_year(year_stats *y) {
    char t[48];
    euros(y->total, t, sizeof t);
    printf("<h2>");
    printf(cli_tr("Année %d : %zu centres, total %s"), y->year, y->centres, t);
    printf("</h2>\n<h3>%s</h3>\n", cli_tr("par type de centre"));
    html_chart_groups(cli_tr("Total par type de centre"), &y->types, 10);
    html_table_groups(&y->types);
    printf("<h3>%s</h3>\n", cli_tr("par département (FINESS)"));
    sort_groups(&y->depts, cmp_sum_desc);
    html_chart_groups(cli_tr("Les 20 départements au total le plus élevé"), &y->depts, 20);
    sort_groups(&y->depts, cmp_key);
    html_table_groups(&y->depts);
    printf("<h3>%s</h3>\n", cli_tr("par rémunération"));
    html_chart_groups(cli_tr("Total par rémunération"), &y->payments, 20);
    if (y->prereq_subject.n) {
        size_t n = y->prereq_subject.n;
        const char **labels = calloc(n, sizeof *labels), **texts = calloc(n, sizeof *texts);
        int64_t *values = calloc(n, sizeof *values);
        char(*buf)[96] = calloc(n, sizeof *buf);
        if (labels && texts && values && buf) {
            for (size_t i = 0; i < n; i++) {
                group *s = &y->prereq_subject.items[i];
                group *f = find(&y->prereq_failed, s->key, NULL);
                size_t failed = f ? f->n : 0;
                labels[i] = s->key;
                values[i] = s->n ? (int64_t)(failed * 1000 / s->n) : 0;
                char p[48];
                percent(failed, s->n, p, sizeof p);
                snprintf(buf[i], sizeof buf[i], "%s (%zu / %zu)", p, failed, s->n);
                texts[i] = buf[i];
            }
            printf("<h3>%s</h3>\n", cli_tr("prérequis non remplis (Art. 12)"));
            svg_bars(cli_tr("Part des centres soumis au forfait qui ne remplissent pas le "
                            "prérequis"),
                     n, labels, values, texts);
        }
        free(labels);
        free(texts);
        free(values);
        free(buf);
    }
    printf("<h3>%s</h3>\n", cli_tr("lignes qui rapportent le plus (somme nationale)"));
    html_chart_groups(cli_tr("Les lignes au total le plus élevé"), &y->lines, TOP_LINES);
    /* the most negative lines, the minorations, are last in the order by sum */
    groups worst = {0};
    for (size_t k = y->lines.n; k-- > 0 && worst.n < TOP_LINES && y->lines.items[k].sum < 0;) {
        group *g = find(&worst, y->lines.items[k].key, y->lines.items[k].label);
        if (g) g->sum = y->lines.items[k].sum;
    }
    if (worst.n) {
        printf("<h3>%s</h3>\n",
               cli_tr("lignes qui coûtent le plus (minorations, somme nationale)"));
        html_chart_groups(cli_tr("Les minorations au total le plus élevé"), &worst, TOP_LINES);
    }
    free(worst.items);
}

static void html_report(report *rep) {
    size_t centres = 0;
    for (size_t i = 0; i < rep->nyears; i++)
        centres += rep->years[i].centres;
    printf("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>%s</title>\n"
           "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
           "padding:.2em .5em;text-align:right}td:first-child,th:first-child{text-align:left}"
           "figure{margin:1em 0}</style></head><body>\n",
           cli_tr("Rapport ancre"));
    printf("<h1>%s</h1>\n<p>", cli_tr("Rapport ancre"));
    printf(cli_tr("Rapport : %zu centres calculés, %zu enregistrements en erreur\n"), centres,
           rep->errors);
    printf("</p>\n");
    for (size_t i = 0; i < rep->nyears; i++)
        html_year(&rep->years[i]);
    if (rep->nyears >= 2) {
        printf("<h2>%s</h2>\n", cli_tr("D'une année à l'autre"));
        const char **labels = calloc(rep->nyears, sizeof *labels),
                   **texts = calloc(rep->nyears, sizeof *texts);
        int64_t *values = calloc(rep->nyears, sizeof *values);
        char(*lb)[16] = calloc(rep->nyears, sizeof *lb);
        char(*tb)[48] = calloc(rep->nyears, sizeof *tb);
        if (labels && texts && values && lb && tb) {
            for (size_t i = 0; i < rep->nyears; i++) {
                snprintf(lb[i], sizeof lb[i], "%d", rep->years[i].year);
                euros(rep->years[i].total, tb[i], sizeof tb[i]);
                labels[i] = lb[i];
                texts[i] = tb[i];
                values[i] = rep->years[i].total;
            }
            svg_bars(cli_tr("Total par année"), rep->nyears, labels, values, texts);
        }
        free(labels);
        free(texts);
        free(values);
        free(lb);
        free(tb);
    }
    printf("</body></html>\n");
}

static int cmp_year(const void *a, const void *b) {
    return ((const year_stats *)a)->year - ((const year_stats *)b)->year;
}

static void free_groups(groups *g) {
    for (size_t i = 0; i < g->n; i++)
        free(g->items[i].vals);
    free(g->items);
}

/* One declaration of the batch: validated, then computed (as in main.c). */
static int compute_record(ancre_result **out, const char *text, size_t len,
                          const ancre_params *params, const ancre_readings *readings,
                          ancre_errors *errs) {
    ancre_decl *d = NULL;
    int rc = ancre_decl_parse_json(&d, text, len, params, errs);
    if (rc == 0) rc = ancre_compute(out, d, params, readings, errs);
    ancre_decl_free(d);
    return rc;
}

int cmd_report(const cli_opts *o) {
    const cli_command *cmd = cli_find_command(o->command);
    if (!o->file)
        return cli_usage_error(cmd, cli_tr("il faut un FICHIER (ou - pour l'entrée standard)"));
    const char *format = o->format ? o->format : "text";
    if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "html"))
        return cli_usage_error(cmd, cli_tr("le rapport s'écrit en text, csv ou html, pas « %s »"),
                               format);
    ancre_errors errs;
    ancre_errors_init(&errs);
    ancre_errors_set_lang(&errs, cli_lang);
    ancre_params *params = cli_load_params(o, &errs);
    if (!params) {
        print_errors(&errs, false, stderr);
        ancre_errors_clear(&errs);
        return 2;
    }
    ancre_readings *readings = ancre_readings_new();
    for (int i = 0; i < o->nreadings; i++)
        ancre_readings_set_assignment(readings, o->reading_args[i], &errs);
    size_t len = 0;
    char *text = errs.count ? NULL : read_all(o->file, &len);
    int rc = 2;
    report rep = {0};
    if (errs.count) {
        print_errors(&errs, false, stderr);
        rc = 1;
    } else if (!text) {
        fprintf(stderr, cli_tr("ancre : impossible de lire %s\n"), o->file);
    } else {
        cli_batch_opts bo = {.format = CLI_OUT_FULL, .quiet = o->quiet, .sink = sink, .ctx = &rep};
        rc = cli_batch(text, len, cli_is_csv(o->file, text, len), params, readings, compute_record,
                       "calculés", &bo);
        if (rep.nyears > 1) qsort(rep.years, rep.nyears, sizeof *rep.years, cmp_year);
        for (size_t i = 0; i < rep.nyears; i++) {
            year_stats *y = &rep.years[i];
            sort_groups(&y->types, cmp_key);
            sort_groups(&y->depts, cmp_key);
            sort_groups(&y->payments, cmp_key);
            sort_groups(&y->prereq_subject, cmp_key);
            sort_groups(&y->lines, cmp_sum_desc);
        }
        if (strcmp(format, "csv") == 0)
            csv_report(&rep);
        else if (strcmp(format, "html") == 0)
            html_report(&rep);
        else
            text_report(&rep);
        /* a report over records some of which are in error is still a report: the errors are
         * counted in it and listed by ancre batch; the exit code says so */
    }
    for (size_t i = 0; i < rep.nyears; i++) {
        year_stats *y = &rep.years[i];
        free_groups(&y->types);
        free_groups(&y->depts);
        free_groups(&y->payments);
        free_groups(&y->lines);
        free_groups(&y->prereq_subject);
        free_groups(&y->prereq_failed);
    }
    free(rep.years);
    free(text);
    ancre_errors_clear(&errs);
    ancre_readings_free(readings);
    ancre_params_free(params);
    return rc;
}
