/* Languages of the messages a person reads.  The library writes its notes and errors in French
 * (the source of truth); the English of each French format string is read from the tables
 * i18n/en/NAME.tsv, built into the library (one line per message: French format, a tab, English
 * format, with the same printf conversions in the same order).  A message without an English
 * entry stays French. */
#ifndef ANCRE_I18N_H
#define ANCRE_I18N_H

#include "ancre/ancre.h"

#include <stdbool.h>
#include <stddef.h>

/* The translation of the French format string `french` into lang (NULL or "fr": French).  The
 * format_arg attribute lets -Wformat check the arguments against the French literal. */
const char *i18n_tr(const char *lang, const char *french) __attribute__((format_arg(2)));

/* Whether lang is English (messages taken from the English tables). */
bool i18n_is_en(const char *lang);

/* Number formats of the language: French "1 234,56 €" and "30/04/2024", English "€1,234.56"
 * and "2024-04-30". */
void i18n_euros(const char *lang, int64_t cents, char *buf, size_t cap);
/* A decimal text ("-12.50", as q_format_decimal writes it) in the language's notation. */
void i18n_decimal(const char *lang, const char *decimal, char *buf, size_t cap);
/* A date ("YYYY-MM-DD") in the language's notation. */
void i18n_date(const char *lang, const char *iso, char *buf, size_t cap);

#endif
