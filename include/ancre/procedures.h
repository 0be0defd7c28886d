/* libancre — deadlines, exchanges and procedures of Titres 3 and 4 of the accord
 * (docs/procedures.md).
 *
 * A deadlines document lists dated events of a centre's exchanges with the caisse (care, FSE
 * sent, ARL, payment, SCOR, justificatifs…); a procedure document lists the steps of one
 * procedure (adhesion, sanctions, urgent suspension, commission meeting).  Both are computed on
 * the French calendar of public holidays into each deadline with its date, whether it was met at
 * the document's date of question ("today", an input: the library reads no clock), what follows
 * and the article, with the parameters and readings used. */
#ifndef ANCRE_PROCEDURES_H
#define ANCRE_PROCEDURES_H

#include "ancre/ancre.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    ANCRE_OUT_JSON = 0, /* the JSON document (docs/procedures.md) */
    ANCRE_OUT_TEXT = 1, /* French text for a person, dates as 30/04/2024 */
};

/* Deadlines of a deadlines document ({"ancre_deadlines": 1, "calendar": …, "events": […]}).
 * On success *out holds the document in the format asked (caller frees); on failure every error
 * found is listed and nothing is returned. */
int ancre_deadlines(char **out, const char *text, size_t len, int format,
                    const ancre_params *params, const ancre_readings *readings, ancre_errors *errs);

/* State, deadlines and possible decisions of a procedure document ({"ancre_procedure": 1,
 * "procedure": "sanction"|"urgent"|"adhesion"|"commission", …}). */
int ancre_procedure(char **out, const char *text, size_t len, int format,
                    const ancre_params *params, const ancre_readings *readings, ancre_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
