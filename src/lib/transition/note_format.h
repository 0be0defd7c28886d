/* The figures the notes of the transitional and forfait modules print, from the exact values of
 * the rules, in the notation of the computation's language (src/lib/core/i18n.h): in French
 * 1 234,56 €, 2 %, 31/12/2016. */
#ifndef ANCRE_NOTE_FORMAT_H
#define ANCRE_NOTE_FORMAT_H

#include "../core/engine.h"

#include <stddef.h>

/* An amount in euros, rounded to the cent once: "1 234,56 €" ("invalide" for an invalid value). */
void note_euros(const eng_t *e, q_t euros, char *buf, size_t cap);
/* A fraction as a percentage with at most two decimals: 0.02 -> "2 %", 1/3 -> "33,33 %". */
void note_percent(const eng_t *e, q_t rate, char *buf, size_t cap);
/* A number with at most two decimals: 5.5 -> "5,5". */
void note_number(const eng_t *e, q_t v, char *buf, size_t cap);
/* A date: "31/12/2016". */
void note_date(const eng_t *e, date_t d, char *buf, size_t cap);

#endif
