/* Declarations as CSV (docs/declaration-csv.md): one row per centre and year, one column per
 * field of the declaration schema, named by its path.  Each row becomes the JSON declaration it
 * stands for, which ancre_decl_parse_json then validates: a CSV row is checked exactly as a JSON
 * declaration is, and its errors name the same paths, which are the column names.
 *
 * Read with libcsv (RFC 4180 quoting); the separator (';', ',' or tab) is the one the header
 * uses; a UTF-8 byte order mark is skipped; LF and CRLF both end a row. */
#include "../core/errors.h"
#include "../core/registry.h"

#include <csv.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t line;  /* line of the text where the row starts */
    size_t first; /* index of its first cell in the cell arrays */
    size_t ncells;
} csv_row;

struct ancre_csv {
    char *cells;     /* every cell, each ended by '\0' */
    size_t len, cap; /* of cells */
    size_t *offsets; /* where each cell starts in cells */
    size_t ncells, capcells;
    csv_row *rows; /* rows[0] is the header */
    size_t nrows, caprows;
    long *columns; /* schema index of each header column; -1: a column without a name */
    size_t ncolumns;
    /* parsing state */
    size_t cur_line;
    bool in_row;
    bool oom;
};

static void *grow(void *p, size_t *cap, size_t need, size_t size, bool *oom) {
    if (need <= *cap) return p;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * size);
    if (!q) {
        *oom = true;
        return NULL;
    }
    *cap = n;
    return q;
}

static void on_field(void *s, size_t n, void *data) {
    struct ancre_csv *c = data;
    if (c->oom) return;
    if (!c->in_row) {
        csv_row *rows = grow(c->rows, &c->caprows, c->nrows + 1, sizeof *rows, &c->oom);
        if (!rows) return;
        c->rows = rows;
        c->rows[c->nrows++] = (csv_row){c->cur_line, c->ncells, 0};
        c->in_row = true;
    }
    char *cells = grow(c->cells, &c->cap, c->len + n + 1, 1, &c->oom);
    if (!cells) return;
    c->cells = cells;
    size_t *offs = grow(c->offsets, &c->capcells, c->ncells + 1, sizeof *offs, &c->oom);
    if (!offs) return;
    c->offsets = offs;
    if (n) memcpy(c->cells + c->len, s, n);
    c->cells[c->len + n] = '\0';
    c->offsets[c->ncells++] = c->len;
    c->len += n + 1;
    c->rows[c->nrows - 1].ncells++;
}

static void on_row(int term, void *data) {
    (void)term;
    struct ancre_csv *c = data;
    c->in_row = false;
}

static const char *cell(const struct ancre_csv *c, const csv_row *r, size_t k) {
    return k < r->ncells ? c->cells + c->offsets[r->first + k] : "";
}

/* The separator of the header line: the most frequent of ';', ',' and tab outside quotes. */
static unsigned char separator(const char *text, size_t len) {
    size_t semi = 0, comma = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && (quoted || (text[i] != '\n' && text[i] != '\r')); i++) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted) continue;
        semi += text[i] == ';';
        comma += text[i] == ',';
        tab += text[i] == '\t';
    }
    if (tab > semi && tab > comma) return '\t';
    return comma > semi ? ',' : ';';
}

static int is_space(unsigned char ch) {
    return ch == ' ' || ch == '\t';
}

static bool is_column(const field_def *f) {
    return f->type != F_OBJLIST;
}

void ancre_csv_free(ancre_csv *c) {
    if (!c) return;
    free(c->cells);
    free(c->offsets);
    free(c->rows);
    free(c->columns);
    free(c);
}

static int check_header(struct ancre_csv *c, ancre_errors *errs) {
    const csv_row *h = &c->rows[0];
    c->columns = calloc(h->ncells ? h->ncells : 1, sizeof *c->columns);
    if (!c->columns) {
        errors_add(errs, "", "csv", "", "mémoire insuffisante pour lire le CSV");
        return -1;
    }
    c->ncolumns = h->ncells;
    size_t before = errs->count;
    for (size_t k = 0; k < h->ncells; k++) {
        const char *name = cell(c, h, k);
        c->columns[k] = -1;
        if (!name[0]) continue;
        long i = schema_find(name);
        if (i < 0 || !is_column(schema_field((size_t)i))) {
            errors_add(errs, name, "csv", "une colonne de « ancre template --csv »",
                       i < 0 ? "colonne %zu : « %s » n'est pas un champ de la déclaration"
                             : "colonne %zu : « %s » est une liste d'objets, qui ne s'écrit "
                               "qu'en JSON",
                       k + 1, name);
            continue;
        }
        for (size_t j = 0; j < k; j++)
            if (c->columns[j] == i) {
                errors_add(errs, name, "csv", "chaque champ une seule fois",
                           "colonne %zu : « %s » est déjà la colonne %zu", k + 1, name, j + 1);
                break;
            }
        c->columns[k] = i;
    }
    return errs->count > before ? -1 : 0;
}

int ancre_csv_open(ancre_csv **out, const char *text, size_t len, ancre_errors *errs) {
    *out = NULL;
    struct ancre_csv *c = calloc(1, sizeof *c);
    struct csv_parser p;
    if (!c || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(c);
        errors_add(errs, "", "csv", "", "mémoire insuffisante pour lire le CSV");
        return -1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* byte order mark */
        text += 3;
        len -= 3;
    }
    csv_set_delim(&p, separator(text, len));
    csv_set_space_func(&p, is_space);
    /* fed one line at a time, so that each row knows the line it starts on */
    int rc = 0;
    size_t pos = 0;
    while (pos < len && rc == 0) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
        c->cur_line++;
        if (csv_parse(&p, text + pos, n, on_field, on_row, c) != n) rc = -1;
        pos += n;
    }
    if (rc == 0 && csv_fini(&p, on_field, on_row, c) != 0) rc = -1;
    if (rc != 0)
        errors_add(errs, "", "csv", "des guillemets fermés (RFC 4180)",
                   "ligne %zu : CSV mal formé (%s)", c->cur_line, csv_strerror(csv_error(&p)));
    csv_free(&p);
    if (rc == 0 && c->oom) {
        errors_add(errs, "", "csv", "", "mémoire insuffisante pour lire le CSV");
        rc = -1;
    }
    if (rc == 0 && c->nrows == 0) {
        errors_add(errs, "", "csv", "un en-tête : les noms des champs",
                   "le CSV est vide : il faut au moins la ligne d'en-tête");
        rc = -1;
    }
    if (rc == 0) rc = check_header(c, errs);
    if (rc == 0) { /* rows of empty cells (a spreadsheet's trailing ";;;") are no rows */
        size_t kept = 1;
        for (size_t i = 1; i < c->nrows; i++) {
            bool empty = true;
            for (size_t k = 0; k < c->rows[i].ncells && empty; k++)
                empty = !cell(c, &c->rows[i], k)[0];
            if (!empty) c->rows[kept++] = c->rows[i];
        }
        c->nrows = kept;
    }
    if (rc != 0) {
        ancre_csv_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

size_t ancre_csv_rows(const ancre_csv *c) {
    return c->nrows - 1;
}

static bool valid_utf8(const unsigned char *s) {
    while (*s) {
        int n = *s < 0x80             ? 0
                : (*s & 0xE0) == 0xC0 ? 1
                : (*s & 0xF0) == 0xE0 ? 2
                : (*s & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0) return false;
        s++;
        for (int k = 0; k < n; k++, s++)
            if ((*s & 0xC0) != 0x80) return false;
    }
    return true;
}

/* A decimal number as a spreadsheet writes it: an optional minus, digits, and a decimal point
 * or comma followed by digits. */
static bool decimal_syntax(const char *s, bool integer_only) {
    if (*s == '-') s++;
    if (!(*s >= '0' && *s <= '9')) return false;
    while (*s >= '0' && *s <= '9')
        s++;
    if (!*s) return true;
    if (integer_only || (*s != '.' && *s != ',')) return false;
    s++;
    if (!(*s >= '0' && *s <= '9')) return false;
    while (*s >= '0' && *s <= '9')
        s++;
    return !*s;
}

static bool word_is(const char *s, const char *const *words) {
    for (; *words; words++)
        if (strcasecmp(s, *words) == 0) return true;
    return false;
}

/* The JSON value of one cell for a field of the schema.  A cell that is not of the field's
 * type stays a string, for the validation to report it at the field's path. */
static json_t *cell_value(const field_def *f, const char *s) {
    static const char *const yes[] = {"true", "vrai", "oui", "1", NULL};
    static const char *const no[] = {"false", "faux", "non", "0", NULL};
    switch (f->type) {
    case F_BOOL:
        if (word_is(s, yes)) return json_true();
        if (word_is(s, no)) return json_false();
        break;
    case F_INT:
        if (decimal_syntax(s, true) && strlen(s) < 19) return json_integer(strtoll(s, NULL, 10));
        break;
    case F_DEC:
        if (decimal_syntax(s, true) && strlen(s) < 19) return json_integer(strtoll(s, NULL, 10));
        if (decimal_syntax(s, false) && strlen(s) < 32) {
            char buf[32];
            snprintf(buf, sizeof buf, "%s", s);
            char *comma = strchr(buf, ',');
            if (comma) *comma = '.';
            return json_real(strtod(buf, NULL));
        }
        break;
    case F_DATE: {
        /* JJ/MM/AAAA, as French spreadsheets write dates, is the date AAAA-MM-JJ */
        int d, m, y;
        char tail;
        if (strlen(s) == 10 && sscanf(s, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3) {
            char iso[16];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            return json_string(iso);
        }
        break;
    }
    case F_STRLIST: {
        json_t *list = json_array();
        const char *p = s;
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            while (n && is_space((unsigned char)*p)) {
                p++;
                n--;
            }
            while (n && is_space((unsigned char)p[n - 1]))
                n--;
            if (n) json_array_append_new(list, json_stringn(p, n));
            p += (bar ? (size_t)(bar - p) + 1 : strlen(p));
        }
        return list;
    }
    default:
        break;
    }
    return json_string(s);
}

/* Sets value at the dotted path of root, creating the objects on the way. */
static void set_path(json_t *root, const char *path, json_t *value) {
    json_t *obj = root;
    const char *p = path;
    const char *dot;
    while ((dot = strchr(p, '.'))) {
        char key[256];
        snprintf(key, sizeof key, "%.*s", (int)(dot - p), p);
        json_t *next = json_object_get(obj, key);
        if (!json_is_object(next)) {
            next = json_object();
            json_object_set_new(obj, key, next);
        }
        obj = next;
        p = dot + 1;
    }
    json_object_set_new(obj, p, value);
}

int ancre_csv_row_json(const ancre_csv *c, size_t i, char **json, size_t *line,
                       ancre_errors *errs) {
    *json = NULL;
    const csv_row *r = &c->rows[i + 1];
    *line = r->line;
    size_t before = errs->count;
    json_t *root = json_object();
    for (size_t k = 0; k < r->ncells; k++) {
        const char *s = cell(c, r, k);
        if (!s[0]) continue; /* an empty cell is a field not given */
        if (k >= c->ncolumns || c->columns[k] < 0) {
            errors_add(errs, "", "csv", "une cellule sous chaque colonne nommée",
                       "ligne %zu : la cellule %zu « %.40s » n'a pas de colonne dans l'en-tête",
                       r->line, k + 1, s);
            continue;
        }
        const field_def *f = schema_field((size_t)c->columns[k]);
        if (!valid_utf8((const unsigned char *)s)) {
            errors_add(errs, f->path, "csv", "du texte UTF-8",
                       "ligne %zu : %s n'est pas en UTF-8 (enregistrer le fichier en « CSV "
                       "UTF-8 »)",
                       r->line, f->path);
            continue;
        }
        set_path(root, f->path, cell_value(f, s));
    }
    if (errs->count == before) *json = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (errs->count == before && !*json) {
        errors_add(errs, "", "csv", "", "mémoire insuffisante pour lire le CSV");
        return -1;
    }
    return errs->count > before ? -1 : 0;
}

char *ancre_csv_header(char sep) {
    size_t cap = 1 << 14, n = 0;
    char *out = malloc(cap);
    if (!out) return NULL;
    for (size_t i = 0; i < schema_count(); i++) {
        const field_def *f = schema_field(i);
        if (!is_column(f)) continue;
        size_t l = strlen(f->path);
        if (n + l + 3 > cap) {
            char *grown = realloc(out, cap *= 2);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        if (n) out[n++] = sep;
        memcpy(out + n, f->path, l);
        n += l;
    }
    out[n++] = '\n';
    out[n] = '\0';
    return out;
}

static const char *cell_format(field_type t) {
    switch (t) {
    case F_BOOL:
        return "`oui`/`non` (also `vrai`/`faux`, `true`/`false`, `1`/`0`)";
    case F_INT:
        return "an integer";
    case F_DEC:
        return "a number, decimal point or comma";
    case F_DATE:
        return "a date YYYY-MM-DD or DD/MM/YYYY";
    case F_STRLIST:
        return "values separated by `\\|`";
    case F_ENUM:
        return "one of the listed values";
    default:
        return "text";
    }
}

char *ancre_csv_schema_markdown(void) {
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    if (!out) return NULL;
    n = (size_t)snprintf(out, cap, "| column | cell | required | article |\n|---|---|---|---|\n");
    for (size_t i = 0; i < schema_count(); i++) {
        const field_def *f = schema_field(i);
        if (!is_column(f)) continue;
        char row[1024];
        int l = snprintf(row, sizeof row, "| `%s` | %s%s%s%s | %s | %s |\n", f->path,
                         cell_format(f->type), f->type == F_ENUM ? ": `" : "",
                         f->type == F_ENUM ? f->choices : "", f->type == F_ENUM ? "`" : "",
                         f->req == REQ_ALWAYS    ? "yes"
                         : f->req == REQ_SECTION ? "with its section"
                                                 : "no",
                         f->article);
        if (n + (size_t)l + 1 > cap) {
            char *grown = realloc(out, cap *= 2);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        memcpy(out + n, row, (size_t)l + 1);
        n += (size_t)l;
    }
    return out;
}
