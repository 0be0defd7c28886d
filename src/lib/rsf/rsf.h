/* What the forfaits spécifiques of every type of centre share (Art. 4 to 18): indicator lines
 * keyed by the digests' ids, the prerequisite gate, minorations, the precarity majoration, the
 * prorata on adhesion, the advance and the balance.  Each centre type has its own module
 * (rsf_medical.c, ...) that calls these with its own parameters. */
#ifndef ANCRE_RSF_H
#define ANCRE_RSF_H

#include "../core/engine.h"

#define BCP "principal"
#define BCC "complementaire"

static inline q_t qi(int64_t v) {
    return q_int(v);
}
static inline int64_t num_int(q_t v) {
    return q_valid(v) ? q_floor_int(v) : 0;
}

/* Records a derived quantity (a ratio, a target) among the inputs of the current line. */
void rsf_record_q(eng_t *e, const char *name, q_t v);
/* Whether the declaration has the section indicators.<sec>. */
bool rsf_section(eng_t *e, const char *sec);
/* Parameter <prefix>.<id>.<suffix> ("rsf_med", "fonction_coordination", "fixed"). */
q_t rsf_par(eng_t *e, const char *prefix, const char *id, const char *suffix);
/* Opens the line of an indicator.  Returns NULL (the line saying why) when the indicator is not
 * in the grid of the year (<prefix>.<id>.<grid_param> is null or absent) or is excluded by
 * non-cumul (Art. 11). */
line_t *rsf_open_line(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc, const char *grid_param);
void rsf_award(line_t *l, q_t fixed, q_t variable);
/* False, and the line marked not declared, when indicators.<sec> is absent. */
bool rsf_declared(eng_t *e, line_t *l, const char *sec);
bool rsf_line_achieved(const ancre_result *r, const char *id);
bool rsf_in_grid(const ancre_result *r, const char *id);
q_t rsf_sum_bloc(const ancre_result *r, const char *bloc);

/* Art. 13: prorata of the year governed by the accord (1 before the year of adhesion). */
q_t rsf_prorata(eng_t *e, date_t adhesion);

typedef struct {
    const char *const *prereqs; /* indicator ids; those not in the year's grid are skipped */
    size_t n;
    bool new_centre_derogation; /* Art. 14: two prerequisites suffice */
    bool si_withdrawal;         /* Art. 14: SI label withdrawn, the SI prerequisite is waived */
    const char *si_id;          /* id of the SI prerequisite */
} rsf_gate_spec;

/* Art. 12 and 14: decides whether the RSF is triggered; when it is not, every achieved line is
 * kept for the explanation but earns nothing. */
void rsf_gate(eng_t *e, const rsf_gate_spec *spec);

/* A minoration line (Art. 15.5) of `points` against the achieved indicator `of`. */
void rsf_minoration_line(eng_t *e, const char *id, const char *article, const char *label,
                         q_t points, const char *of);

typedef struct {
    const char *file_active, *n_css, *n_ame; /* declaration paths of the rates' population */
    const char *cap_param; /* parameter capping the majoration (CSI and dental: 25 %), or NULL */
} rsf_precarity_spec;

/* Art. 8.6, 15.6: the precarity majoration line. */
void rsf_precarity(eng_t *e, const rsf_precarity_spec *spec);

/* Art. 18: prices every line, then the advance (60 % of the previous year, or the new-centre
 * advance from the parameter new_centre_amount_param by quarter), the balance or the refund,
 * and their due dates. */
void rsf_payments(eng_t *e, date_t adhesion, const char *new_centre_amount_param);

int rsf_medical_compute(eng_t *e);

#endif
