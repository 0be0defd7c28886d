/* French formats of the figures the notes of the transitional and forfait modules print
 * (1 234,56 €, 2 %, 31/12/2016): the notes are read by centre managers. */
#ifndef ANCRE_FR_FORMAT_H
#define ANCRE_FR_FORMAT_H

#include "../core/date.h"
#include "../core/q.h"

#include <stddef.h>

/* An amount in euros, rounded to the cent: "1 234,56 €" ("invalide" for an invalid value). */
void fr_euros(q_t euros, char *buf, size_t cap);
/* A fraction as a percentage with at most two decimals: 0.02 -> "2 %", 1/3 -> "33,33 %". */
void fr_percent(q_t rate, char *buf, size_t cap);
/* A number with at most two decimals, French decimal comma: 5.5 -> "5,5". */
void fr_number(q_t v, char *buf, size_t cap);
/* A date as DD/MM/YYYY. */
void fr_date(date_t d, char *buf, size_t cap);

#endif
