/* Deadlines, exchanges and procedures of Titres 3 and 4 of the accord: the dated steps of a
 * centre's exchanges with the caisse (Art. 34–38, 45.2, Annexe 7), of the justificatifs (Art. 17,
 * 18, 29), of an adhesion (Art. 47–53), of a sanctions procedure (Art. 58–61) and of a
 * commission's meeting (Art. 54–57, Annexe 28).  Each step is a deadline: the event it runs
 * from, its length as the text gives it (dated parameters), its date on the French calendar,
 * whether it was met at the date of the question, and what follows, with its article.  Pure:
 * "today" is an input of the document, never the clock. */
#ifndef ANCRE_PROCEDURES_INTERNAL_H
#define ANCRE_PROCEDURES_INTERNAL_H

#include "ancre/procedures.h"
#include "../calendar/calendar.h"
#include "../core/decl.h"
#include "../core/engine.h"

typedef enum {
    DS_MET,         /* done on or before the deadline */
    DS_MISSED,      /* done after it */
    DS_PENDING,     /* not done, the deadline is not passed at the date of the question */
    DS_OVERDUE,     /* not done, the deadline is passed */
    DS_OPEN,        /* not done, and no date of question */
    DS_RUNNING,     /* a period (retention, verification, sanction) in force at the date */
    DS_ENDED,       /* a period ended */
    DS_INFO,        /* a date that binds no one (the earliest date of a step) */
    DS_APPLIES,     /* a condition that holds */
    DS_NOT_APPLIES, /* a condition that does not */
} deadline_status;

typedef struct {
    const char *lang; /* of its label, consequence and note */
    char id[96];
    char rule[64];
    const char *article;
    int text_line; /* line of the consolidated accord */
    char label[160];
    bool has_start;
    date_t start;
    char start_label[96];
    int count;
    cal_unit unit; /* as counted (plain "jours" resolved) */
    bool before;   /* "au moins N avant": the latest date before start */
    bool has_due;
    date_t due;
    bool has_done;
    date_t done;
    char done_label[96];
    deadline_status status;
    char consequence[600];
    char note[600];
    size_t trace; /* index of the trace line (parameters, readings) in tl->trace */
} deadline_t;

typedef struct {
    char key[48]; /* the decision possible next, by id */
    char text[300];
} choice_t;

typedef struct {
    eng_t e;
    ancre_result *trace; /* one line per deadline: the parameters and readings it used */
    calendar_t cal;
    const ancre_decl *doc;
    const char *kind; /* "deadlines" or the procedure's name */
    const char *lang; /* of every text written (errs->lang; NULL: French) */
    bool has_today;
    date_t today;
    deadline_t *items;
    size_t n, cap;
    /* procedures: the state reached and what may follow */
    char state[48];
    char state_label[300];
    bool has_next;
    size_t next; /* index of the next deadline */
    choice_t choices[12];
    size_t nchoices;
    char notes[8][400];
    size_t nnotes;
} timeline_t;

/* ---- the timeline of one document ---- */
void tl_init(timeline_t *tl, const ancre_decl *doc, const ancre_params *params,
             const ancre_readings *readings, ancre_errors *errs, const char *kind);
void tl_free(timeline_t *tl);
/* The accord's date of entry into force (parameter accord.entry_into_force): the date a
 * question without a date and without events is looked at. */
date_t tl_entry_into_force(timeline_t *tl);
/* A new deadline; parameters and readings read until the next one are recorded on it. */
deadline_t *tl_add(timeline_t *tl, const char *event_id, const char *rule, const char *article,
                   int text_line, const char *label);
/* The length of the deadline from the parameters `<param>.count` and `<param>.unit` in force
 * on the start date; sets start, due (on the calendar), and the holidays crossed in the note. */
bool tl_period(timeline_t *tl, deadline_t *d, const char *param, date_t start,
               const char *start_label);
/* Same, for "au moins N avant start": due is the latest date. */
bool tl_notice(timeline_t *tl, deadline_t *d, const char *param, date_t start,
               const char *start_label);
/* The date the step was done (NULL: not done); sets the status against the due date and the
 * date of the question. */
void tl_done(timeline_t *tl, deadline_t *d, const date_t *done, const char *done_label);
/* For a period in force from start to due: running or ended at the date of the question. */
void tl_span(timeline_t *tl, deadline_t *d);
void tl_consequence(deadline_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_note(deadline_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_doc_note(timeline_t *tl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_choice(timeline_t *tl, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tl_state(timeline_t *tl, const char *state, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A date for a person, in the timeline's language. */
void tl_date(const timeline_t *tl, date_t d, char *buf, size_t cap);
/* An integer parameter in force on date at, recorded on the current deadline. */
int tl_count(timeline_t *tl, const char *id, date_t at);
/* The JSON document or the French text of the timeline.  Caller frees. */
char *tl_json(timeline_t *tl);
char *tl_text(timeline_t *tl);

/* ---- inputs of the documents ---- */
const decl_value *doc_get(const ancre_decl *d, const char *path);
bool doc_date(const ancre_decl *d, const char *path, date_t *out);
bool doc_flag(const ancre_decl *d, const char *path);
/* A date the step needs: an error naming events[i].field when it is missing. */
bool need_date(timeline_t *tl, const ancre_decl *ev, const char *base, const char *field,
               const char *rule, const char *what, date_t *out);

/* ---- the computations ---- */
int deadlines_compute(timeline_t *tl);
int procedure_sanction(timeline_t *tl);
int procedure_urgent(timeline_t *tl);
int procedure_adhesion(timeline_t *tl);
int procedure_commission(timeline_t *tl);

#endif
