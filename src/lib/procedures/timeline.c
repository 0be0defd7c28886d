/* The timeline of a deadlines or procedure document: its deadlines with their trace, and the
 * JSON and French text that show them. */
#include "procedures.h"

#include "../core/errors.h"
#include "../core/i18n.h"
#include "../core/jsonw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tl_init(timeline_t *tl, const ancre_decl *doc, const ancre_params *params,
             const ancre_readings *readings, ancre_errors *errs, const char *kind) {
    memset(tl, 0, sizeof *tl);
    tl->trace = calloc(1, sizeof *tl->trace);
    if (!tl->trace) abort();
    tl->trace->point_value = tl->trace->prorata = q_int(1);
    tl->e =
        (eng_t){doc, params, readings, 0, {2000, 1, 1}, tl->trace, NULL, errs, false, kind, {1, 1}};
    tl->doc = doc;
    tl->kind = kind;
    tl->lang = errs ? errs->lang : NULL;
    const decl_value *cal = doc_get(doc, "calendar");
    tl->cal = (calendar_t){&tl->e, cal ? cal->s : "metropole", tl->lang};
    tl->has_today = doc_date(doc, "today", &tl->today);
}

void tl_date(const timeline_t *tl, date_t d, char *buf, size_t cap) {
    cal_date_text(&tl->cal, d, buf, cap);
}

void tl_free(timeline_t *tl) {
    ancre_result_free(tl->trace);
    free(tl->items);
}

deadline_t *tl_add(timeline_t *tl, const char *event_id, const char *rule, const char *article,
                   int text_line, const char *label) {
    if (tl->n == tl->cap) {
        tl->cap = tl->cap ? tl->cap * 2 : 16;
        deadline_t *grown = realloc(tl->items, tl->cap * sizeof *grown);
        if (!grown) abort();
        tl->items = grown;
    }
    deadline_t *d = &tl->items[tl->n++];
    memset(d, 0, sizeof *d);
    d->lang = tl->lang;
    snprintf(d->id, sizeof d->id, "%s.%s", event_id, rule);
    snprintf(d->rule, sizeof d->rule, "%s", rule);
    d->article = article;
    d->text_line = text_line;
    snprintf(d->label, sizeof d->label, "%s", i18n_tr(tl->lang, label));
    d->status = DS_INFO;
    d->trace = tl->trace->nlines;
    eng_line(&tl->e, d->id, article, label, "principal", "indicator");
    return d;
}

date_t tl_entry_into_force(timeline_t *tl) {
    /* the parameter's own period starts on the date it gives: read it at the end of time */
    date_t saved = tl->e.at, start = {0, 0, 0};
    tl->e.at = date_make(9999, 12, 31);
    const char *entry = par_text(&tl->e, "accord.entry_into_force");
    tl->e.at = saved;
    if ((!entry || !date_parse(entry, &start)) && !tl->e.failed)
        eng_fail(&tl->e, "accord.entry_into_force", "params", "une date AAAA-MM-JJ",
                 "le paramètre accord.entry_into_force n'est pas une date");
    return start;
}

int tl_count(timeline_t *tl, const char *id, date_t at) {
    q_t v = par_at(&tl->e, id, at);
    if (!q_valid(v)) return -1;
    if (!q_is_integer(v) || q_floor_int(v) < 0 || q_floor_int(v) > 100000) {
        eng_fail(&tl->e, id, "params", "un entier positif",
                 "le paramètre %s doit être un nombre entier de jours, mois ou années", id);
        return -1;
    }
    return (int)q_floor_int(v);
}

static bool length_of(timeline_t *tl, const char *param, date_t at, int *count, cal_unit *unit) {
    char id[128];
    snprintf(id, sizeof id, "%s.count", param);
    *count = tl_count(tl, id, at);
    snprintf(id, sizeof id, "%s.unit", param);
    date_t saved = tl->e.at;
    tl->e.at = at;
    const char *u = par_text(&tl->e, id);
    tl->e.at = saved;
    if (*count < 0 || !u) return false;
    if (!cal_unit_parse(u, unit)) {
        eng_fail(&tl->e, id, "params",
                 "jours_ouvres, jours_ouvrables, jours_calendaires, jours, mois ou annees",
                 "le paramètre %s donne une unité inconnue : « %s »", id, u);
        return false;
    }
    return true;
}

bool tl_period(timeline_t *tl, deadline_t *d, const char *param, date_t start,
               const char *start_label) {
    d->has_start = true;
    d->start = start;
    snprintf(d->start_label, sizeof d->start_label, "%s", i18n_tr(tl->lang, start_label));
    cal_unit unit;
    if (!length_of(tl, param, start, &d->count, &unit)) return false;
    d->due = cal_deadline(&tl->cal, start, d->count, unit, &d->unit);
    d->has_due = !tl->e.failed;
    char holidays[400];
    if (d->has_due && cal_holidays_between(&tl->cal, start, d->due, holidays, sizeof holidays))
        tl_note(d, "jours fériés dans le délai : %s", holidays);
    if (d->has_due && d->unit != CU_JOURS_OUVRES && d->unit != CU_JOURS_OUVRABLES &&
        !cal_working(&tl->cal, d->due, CU_JOURS_OUVRES)) {
        char name[96] = "";
        char fr[16];
        tl_date(tl, d->due, fr, sizeof fr);
        if (cal_holiday(&tl->cal, d->due, name, sizeof name))
            tl_note(d, "l'échéance du %s tombe un jour férié (%s)", fr, name);
        else
            tl_note(d, "l'échéance du %s tombe un %s", fr,
                    i18n_tr(tl->lang, date_weekday(d->due) == 6 ? "samedi" : "dimanche"));
    }
    return d->has_due;
}

bool tl_notice(timeline_t *tl, deadline_t *d, const char *param, date_t start,
               const char *start_label) {
    d->has_start = true;
    d->before = true;
    d->start = start;
    snprintf(d->start_label, sizeof d->start_label, "%s", i18n_tr(tl->lang, start_label));
    cal_unit unit;
    if (!length_of(tl, param, start, &d->count, &unit)) return false;
    d->due = cal_before(&tl->cal, start, d->count, unit, &d->unit);
    d->has_due = !tl->e.failed;
    return d->has_due;
}

void tl_done(timeline_t *tl, deadline_t *d, const date_t *done, const char *done_label) {
    if (done) {
        d->has_done = true;
        d->done = *done;
        snprintf(d->done_label, sizeof d->done_label, "%s", i18n_tr(tl->lang, done_label));
        d->status = !d->has_due || date_cmp(*done, d->due) <= 0 ? DS_MET : DS_MISSED;
        return;
    }
    if (!tl->has_today)
        d->status = DS_OPEN;
    else
        d->status = d->has_due && date_cmp(tl->today, d->due) > 0 ? DS_OVERDUE : DS_PENDING;
}

void tl_span(timeline_t *tl, deadline_t *d) {
    if (!tl->has_today)
        d->status = DS_INFO;
    else
        d->status = date_cmp(tl->today, d->due) > 0 ? DS_ENDED : DS_RUNNING;
}

static void append(char *buf, size_t cap, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static void append(char *buf, size_t cap, const char *fmt, va_list ap) {
    size_t len = strlen(buf);
    if (len && len + 3 < cap) {
        memcpy(buf + len, " ; ", 4);
        len += 3;
    }
    vsnprintf(buf + len, cap - len, fmt, ap);
}

void tl_consequence(deadline_t *d, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    append(d->consequence, sizeof d->consequence, i18n_tr(d->lang, fmt), ap);
    va_end(ap);
}

void tl_note(deadline_t *d, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    append(d->note, sizeof d->note, i18n_tr(d->lang, fmt), ap);
    va_end(ap);
}

void tl_doc_note(timeline_t *tl, const char *fmt, ...) {
    if (tl->nnotes == sizeof tl->notes / sizeof *tl->notes) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tl->notes[tl->nnotes++], sizeof tl->notes[0], i18n_tr(tl->lang, fmt), ap);
    va_end(ap);
}

void tl_choice(timeline_t *tl, const char *key, const char *fmt, ...) {
    if (tl->nchoices == sizeof tl->choices / sizeof *tl->choices) return;
    choice_t *c = &tl->choices[tl->nchoices++];
    snprintf(c->key, sizeof c->key, "%s", key);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->text, sizeof c->text, i18n_tr(tl->lang, fmt), ap);
    va_end(ap);
}

void tl_state(timeline_t *tl, const char *state, const char *fmt, ...) {
    snprintf(tl->state, sizeof tl->state, "%s", state);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tl->state_label, sizeof tl->state_label, i18n_tr(tl->lang, fmt), ap);
    va_end(ap);
}

/* ---- inputs ---- */

const decl_value *doc_get(const ancre_decl *d, const char *path) {
    const decl_value *v = decl_get(d, path);
    return v && v->present ? v : NULL;
}

bool doc_date(const ancre_decl *d, const char *path, date_t *out) {
    const decl_value *v = doc_get(d, path);
    if (v) *out = v->date;
    return v != NULL;
}

bool doc_flag(const ancre_decl *d, const char *path) {
    const decl_value *v = doc_get(d, path);
    return v && v->b;
}

bool need_date(timeline_t *tl, const ancre_decl *ev, const char *base, const char *field,
               const char *rule, const char *what, date_t *out) {
    if (doc_date(ev, field, out)) return true;
    char path[160];
    snprintf(path, sizeof path, "%s.%s", base, field);
    errors_add(tl->e.errs, path, rule, "une date AAAA-MM-JJ", "%s : %s est nécessaire", path,
               i18n_tr(tl->lang, what));
    tl->e.failed = true;
    return false;
}

/* ---- output ---- */

static const char *status_id(deadline_status s) {
    static const char *const ids[] = {"met",     "missed", "pending", "overdue", "open",
                                      "running", "ended",  "info",    "applies", "not_applies"};
    return ids[s];
}

static const char *status_fr(deadline_status s) {
    static const char *const fr[] = {"délai respecté",
                                     "délai dépassé",
                                     "à faire, dans le délai",
                                     "non fait, délai dépassé",
                                     "à faire",
                                     "en cours",
                                     "terminé",
                                     "date indicative",
                                     "condition remplie",
                                     "condition non remplie"};
    return fr[s];
}

static void kdate(jsonw *w, const char *key, date_t d) {
    char buf[16];
    date_format(d, buf, sizeof buf);
    jw_key(w, key);
    jw_str(w, buf);
}

static void kstr(jsonw *w, const char *key, const char *s) {
    jw_key(w, key);
    jw_str(w, s);
}

static void write_trace(jsonw *w, const line_t *l) {
    jw_key(w, "parameters");
    jw_arr(w);
    for (size_t i = 0; i < l->nparams; i++) {
        const param_use *u = &l->params[i];
        jw_obj(w);
        kstr(w, "id", u->param->id);
        jw_key(w, "value");
        if (u->period->kind == PV_NULL)
            jw_null(w);
        else
            jw_str(w, u->period->text);
        kstr(w, "unit", u->param->unit);
        kdate(w, "from", u->period->from);
        if (u->period->open_ended) {
            jw_key(w, "to");
            jw_null(w);
        } else {
            kdate(w, "to", u->period->to);
        }
        jw_key(w, "cite");
        jw_obj(w);
        const cite_t *c = &u->period->cite;
        if (c->doc) kstr(w, "doc", c->doc);
        if (c->article) kstr(w, "article", c->article);
        if (c->line) {
            jw_key(w, "line");
            jw_int(w, c->line);
        }
        if (c->quote) kstr(w, "quote", c->quote);
        jw_end_obj(w);
        jw_end_obj(w);
    }
    jw_end_arr(w);
    jw_key(w, "readings");
    jw_arr(w);
    for (size_t i = 0; i < l->nreadings; i++) {
        const reading_def *def = reading_def_at(l->readings[i].index);
        jw_obj(w);
        kstr(w, "id", def->id);
        kstr(w, "value", def->alts[l->readings[i].choice].value);
        jw_key(w, "default");
        jw_bool(w, l->readings[i].choice == 0);
        jw_end_obj(w);
    }
    jw_end_arr(w);
}

static const char *unit_id(cal_unit u) {
    static const char *const ids[] = {
        "jours_ouvres", "jours_ouvrables", "jours_calendaires", "jours", "mois", "annees"};
    return ids[u];
}

char *tl_json(timeline_t *tl) {
    jsonw w;
    jw_init(&w, false);
    jw_obj(&w);
    kstr(&w, "kind", tl->kind);
    kstr(&w, "calendar", tl->cal.variant);
    if (tl->has_today) kdate(&w, "today", tl->today);
    const decl_value *name = doc_get(tl->doc, "centre.name"),
                     *finess = doc_get(tl->doc, "centre.finess");
    if (name || finess) {
        jw_key(&w, "centre");
        jw_obj(&w);
        if (name) kstr(&w, "name", name->s);
        if (finess) kstr(&w, "finess", finess->s);
        jw_end_obj(&w);
    }
    if (tl->state[0]) {
        jw_key(&w, "state");
        jw_obj(&w);
        kstr(&w, "id", tl->state);
        kstr(&w, "label", tl->state_label);
        jw_end_obj(&w);
        jw_key(&w, "next_deadline");
        if (tl->has_next)
            jw_str(&w, tl->items[tl->next].id);
        else
            jw_null(&w);
        jw_key(&w, "decisions");
        jw_arr(&w);
        for (size_t i = 0; i < tl->nchoices; i++) {
            jw_obj(&w);
            kstr(&w, "id", tl->choices[i].key);
            kstr(&w, "label", tl->choices[i].text);
            jw_end_obj(&w);
        }
        jw_end_arr(&w);
    }
    jw_key(&w, "notes");
    jw_arr(&w);
    for (size_t i = 0; i < tl->nnotes; i++)
        jw_str(&w, tl->notes[i]);
    jw_end_arr(&w);
    int counts[DS_NOT_APPLIES + 1] = {0};
    jw_key(&w, "deadlines");
    jw_arr(&w);
    for (size_t i = 0; i < tl->n; i++) {
        const deadline_t *d = &tl->items[i];
        counts[d->status]++;
        jw_obj(&w);
        kstr(&w, "id", d->id);
        kstr(&w, "rule", d->rule);
        kstr(&w, "article", d->article);
        if (d->text_line) {
            jw_key(&w, "line");
            jw_int(&w, d->text_line);
        }
        kstr(&w, "label", d->label);
        if (d->has_start) {
            kdate(&w, d->before ? "before" : "start", d->start);
            kstr(&w, "start_label", d->start_label);
            jw_key(&w, "count");
            jw_int(&w, d->count);
            kstr(&w, "unit", unit_id(d->unit));
        }
        if (d->has_due) kdate(&w, "due", d->due);
        if (d->has_done) {
            kdate(&w, "done", d->done);
            kstr(&w, "done_label", d->done_label);
        }
        kstr(&w, "status", status_id(d->status));
        if (d->consequence[0]) kstr(&w, "consequence", d->consequence);
        if (d->note[0]) kstr(&w, "note", d->note);
        write_trace(&w, &tl->trace->lines[d->trace]);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);
    jw_key(&w, "summary");
    jw_obj(&w);
    for (int s = 0; s <= DS_NOT_APPLIES; s++)
        if (counts[s]) {
            jw_key(&w, status_id((deadline_status)s));
            jw_int(&w, counts[s]);
        }
    jw_end_obj(&w);
    jw_end_obj(&w);
    return jw_finish(&w);
}

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

static void sb(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb(sbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    while (b->len + (size_t)n + 1 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 4096;
        char *grown = realloc(b->buf, b->cap);
        if (!grown) abort();
        b->buf = grown;
    }
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char *calendar_fr(const char *v) {
    static const char *const names[][2] = {
        {"metropole", "métropole"},   {"alsace_moselle", "Alsace-Moselle"},
        {"guadeloupe", "Guadeloupe"}, {"martinique", "Martinique"},
        {"guyane", "Guyane"},         {"reunion", "La Réunion"},
        {"mayotte", "Mayotte"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i][0], v) == 0) return names[i][1];
    return v;
}

#define TR(french) i18n_tr(tl->lang, french)

char *tl_text(timeline_t *tl) {
    sbuf b = {0};
    char fr[16], fr2[16];
    const decl_value *name = doc_get(tl->doc, "centre.name"),
                     *finess = doc_get(tl->doc, "centre.finess");
    static const char *const titles[][2] = {
        {"deadlines", "Délais"},
        {"sanction", "Procédure de sanction (Art. 58-60)"},
        {"urgent", "Procédure exceptionnelle de déconventionnement (Art. 61)"},
        {"adhesion", "Adhésion à l'accord national (Art. 47-53)"},
        {"commission", "Délibérations de la commission (Annexe 28)"}};
    const char *title = "Procédure";
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (strcmp(titles[i][0], tl->kind) == 0) title = titles[i][1];
    sb(&b, "%s", TR(title));
    if (name || finess)
        sb(&b, TR(" — centre %s%s%s"), name ? name->s : "", name && finess ? " " : "",
           finess ? finess->s : "");
    sb(&b, TR(" (calendrier : %s"), TR(calendar_fr(tl->cal.variant)));
    if (tl->has_today) {
        tl_date(tl, tl->today, fr, sizeof fr);
        sb(&b, TR(", situation au %s"), fr);
    }
    sb(&b, TR(")\n"));
    if (tl->state[0]) sb(&b, TR("\nÉtat : %s\n"), tl->state_label);
    if (tl->has_next) {
        const deadline_t *d = &tl->items[tl->next];
        tl_date(tl, d->due, fr, sizeof fr);
        sb(&b, TR("Prochaine échéance : %s — %s (%s)\n"), fr, d->label, d->article);
    }
    if (tl->nchoices) sb(&b, TR("Décisions possibles :\n"));
    for (size_t i = 0; i < tl->nchoices; i++)
        sb(&b, TR("  - %s\n"), tl->choices[i].text);
    for (size_t i = 0; i < tl->nnotes; i++)
        sb(&b, TR("  · %s\n"), tl->notes[i]);
    for (size_t i = 0; i < tl->n; i++) {
        const deadline_t *d = &tl->items[i];
        sb(&b, TR("\n%s — %s (%s"), d->id, d->label, d->article);
        if (d->text_line) sb(&b, TR(", l. %d"), d->text_line);
        sb(&b, TR(")\n"));
        if (d->has_start && d->has_due) {
            tl_date(tl, d->start, fr, sizeof fr);
            tl_date(tl, d->due, fr2, sizeof fr2);
            if (d->before)
                sb(&b, TR("    au moins %d %s avant le %s (%s) : au plus tard le %s\n"), d->count,
                   TR(cal_unit_fr(d->unit, d->count)), fr, d->start_label, fr2);
            else
                sb(&b, TR("    %s (%s) + %d %s : échéance le %s\n"), fr, d->start_label, d->count,
                   TR(cal_unit_fr(d->unit, d->count)), fr2);
        } else if (d->has_due) {
            tl_date(tl, d->due, fr2, sizeof fr2);
            sb(&b, TR("    échéance le %s\n"), fr2);
        }
        if (d->has_done) {
            tl_date(tl, d->done, fr, sizeof fr);
            sb(&b, TR("    %s le %s : %s\n"), d->done_label, fr, TR(status_fr(d->status)));
        } else {
            sb(&b, TR("    %s\n"), TR(status_fr(d->status)));
        }
        if (d->consequence[0]) sb(&b, TR("    suite : %s\n"), d->consequence);
        if (d->note[0]) sb(&b, TR("    note : %s\n"), d->note);
        const line_t *l = &tl->trace->lines[d->trace];
        for (size_t k = 0; k < l->nreadings; k++) {
            const reading_def *def = reading_def_at(l->readings[k].index);
            sb(&b, TR("    lecture %s = %s%s\n"), def->id, def->alts[l->readings[k].choice].value,
               l->readings[k].choice == 0 ? TR(" (par défaut)") : "");
        }
    }
    if (!b.buf) sb(&b, "%s", "");
    return b.buf;
}
