/* Payments billed act by act (actes et majorations): the supplements of Articles 25.2, 28.7 and
 * 28.10 (this directory), the permanence des soins (src/lib/pdsa/) and the bucco-dental
 * prevention (src/lib/dental/).  A declaration lists the acts as a caisse or a centre records
 * them (date, patient, age, professional); each act gets a line saying what is payable and why,
 * and each rule a total paid through the calendar (docs/acts.md). */
#ifndef ANCRE_ACTS_H
#define ANCRE_ACTS_H

#include "../core/engine.h"

/* One element of a list of acts, with the path that names it in errors and traces. */
typedef struct {
    eng_t *e;
    const ancre_decl *item;
    char base[96]; /* "acts.list[3]" */
    char id[64];   /* the act's own id, or a1, a2, ... by position */
    date_t date;
} act_t;

/* The elements of the list at `path` (NULL when absent) and their count. */
ancre_decl **acts_items(eng_t *e, const char *path, size_t *n);
/* Opens act k of the list at `path`: its id ("id" field, else prefix + position) and date. */
void act_open(act_t *a, eng_t *e, const char *path, size_t k, const char *prefix);
/* A field of the act, recorded on the current line when present. */
const decl_value *act_get(act_t *a, const char *field);
bool act_flag(act_t *a, const char *field); /* absent: false */
const char *act_text(act_t *a, const char *field);

/* Where the act's date falls against the patient's birthday of `years` (from
 * patient_birth_date, else patient_age in completed years at the date of the act). */
typedef enum {
    AGE_BEFORE,      /* before that birthday */
    AGE_ON,          /* on the birthday itself */
    AGE_AFTER,       /* after it */
    AGE_ON_OR_AFTER, /* only the age is known, and it equals `years`: on or after the birthday */
    AGE_UNKNOWN,     /* neither field given (an error has been reported) */
} age_position;
age_position act_birthday(act_t *a, int years, const char *rule);

/* The frame of "une fois par an et par patient" (Art. 28.7, 28.10): whether an earlier forfait
 * of the same patient at `prev` forbids one at `at` (reading forfait_annual_frame). */
bool acts_same_year(eng_t *e, date_t prev, date_t at);

/* Euros of a parameter at the date of an act. */
q_t acts_price(eng_t *e, const char *id, date_t at);
/* Adds the total of the current payment's lines to the calendar: billed act by act, no due date
 * is fixed by the accord. */
void acts_pay(eng_t *e, const char *label, const char *article);
/* French date of an act, "30/04/2024". */
void acts_date_fr(date_t d, char *buf, size_t cap);

/* the three modules of this directory (src/lib/modules.c) */
bool mie_applies(eng_t *e);
bool orthoptie_applies(eng_t *e);
bool tnd_pco_applies(eng_t *e);
int mie_compute(eng_t *e);
int orthoptie_compute(eng_t *e);
int tnd_pco_compute(eng_t *e);

#endif
