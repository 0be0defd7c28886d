/* What the forfaits spécifiques of every type of centre share (Art. 4 to 18): indicator lines
 * with stable ids (those of params/10_*, 20_*, 30_*), the prerequisite gate, minorations, the
 * precarity majoration, the prorata on adhesion, the advance and the balance.  Each centre type has
 * its own module (rsf_medical.c, ...) that calls these with its own parameters. */
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

/* French formats of the notes: 1 234,56 € (cents), 1 234,5 (at most `decimals` decimals),
 * 30/04/2024. */
void rsf_fmt_cents(int64_t cents, char *buf, size_t cap);
void rsf_fmt_num(q_t v, int decimals, char *buf, size_t cap);
void rsf_fmt_date(date_t d, char *buf, size_t cap);

/* Records a derived quantity (a ratio, a target) among the inputs of the current line. */
void rsf_record_q(eng_t *e, const char *name, q_t v);
/* Whether the declaration has the section indicators.<sec>. */
bool rsf_section(eng_t *e, const char *sec);
/* Parameter <prefix>.<id>.<suffix> ("rsf_med", "fonction_coordination", "fixed"). */
q_t rsf_par(eng_t *e, const char *prefix, const char *id, const char *suffix);
/* Opens the line of an indicator.  Returns NULL (the line saying why) when the indicator is not
 * in the grid of the year (<prefix>.<id>.<grid_param> is null or absent).  An indicator of the
 * non-cumul list (Art. 11) is evaluated like any other: the gate removes its payment only. */
line_t *rsf_open_line(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc, const char *grid_param);
void rsf_award(line_t *l, q_t fixed, q_t variable);
/* Replaces the label of a line: labels that carry a number of the accord format it from the
 * parameter (read on the line, so that the line records it). */
void rsf_label(line_t *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* False, and the line marked not declared, when indicators.<sec> is absent. */
bool rsf_declared(eng_t *e, line_t *l, const char *sec);
bool rsf_line_achieved(const ancre_result *r, const char *id);
bool rsf_in_grid(const ancre_result *r, const char *id);
q_t rsf_sum_bloc(const ancre_result *r, const char *bloc);

/* Art. 13: prorata of the year governed by the accord (1 before the year of adhesion). */
q_t rsf_prorata(eng_t *e, date_t adhesion);
/* Share of the reference year from `from` (inclusive) to 31 December, in days or in months
 * (reading prorata_granularity): the prorata on adhesion (Art. 13) and on acquisition (Art. 8.4)
 * are counted the same way. */
q_t rsf_year_share_from(eng_t *e, date_t from);
/* Art. 13: a yearly count asked by an engagement (meetings, stages, interventions) for the
 * current line, prorated like the remuneration for a centre that adhered during the year
 * (reading prorata_thresholds); e->res->prorata must be set. */
q_t rsf_yearly_count(eng_t *e, q_t annual);
/* Art. 8.3.2: the stages a formation line `id` needs, `base_id` being the line of the stages the
 * engagement asks a year: the base count prorated (rsf_yearly_count), and for a supplementary
 * stage the stages beyond it on top, so that each stage is valued once. */
q_t rsf_formation_threshold(eng_t *e, const char *prefix, const char *base_id, const char *id);
/* Art. 15.5: how the minorations of the opening hours combine (reading
 * access_minoration_combination).  Zeroes the ones that do not apply; false when the
 * combination is outside the tolerated list (accessibility not met). */
bool rsf_combine_access_minorations(eng_t *e, q_t *amplitude, q_t *saturday, q_t *holidays);

typedef struct {
    const char *const *prereqs; /* indicator ids; those not in the year's grid are skipped */
    size_t n;
    size_t n_art12;             /* the first n_art12 are the prerequisites of Art. 12 */
    bool new_centre_derogation; /* Art. 14: two prerequisites suffice */
    bool si_withdrawal;         /* Art. 14: SI label withdrawn, the SI prerequisite is waived */
    const char *si_id;          /* id of the SI prerequisite */
} rsf_gate_spec;

/* Art. 12 and 14: decides whether the RSF is triggered; when it is not, every achieved line is
 * kept for the explanation but earns nothing.  Then removes the payment of the indicators of the
 * non-cumul list (Art. 11), which keep their validation: the gate, the levels above them and the
 * items that require them see them achieved. */
void rsf_gate(eng_t *e, const rsf_gate_spec *spec);

/* A minoration line (Art. 15.5) of `points` against the achieved indicator `of`. */
void rsf_minoration_line(eng_t *e, const char *id, const char *article, const char *label,
                         q_t points, const char *of);

typedef struct {
    const char *file_active, *n_css, *n_ame; /* declaration paths of the rates' population */
    const char *cap_param; /* parameter capping the majoration (CSI and dental: 25 %), or NULL */
} rsf_precarity_spec;

/* The parameters of the national CSS and AME rates a centre's rates are compared with
 * (Art. 15.6.4, "actualisés tous les ans"), one pair per population (Art. 15.6.1 to 15.6.3). */
typedef struct {
    const char *css, *ame;
} rsf_national_rates;

/* Art. 8.6, 15.6: the precarity majoration line, against national.taux_css / taux_ame. */
void rsf_precarity(eng_t *e, const rsf_precarity_spec *spec);
/* The same against the national rates of another population. */
void rsf_precarity_against(eng_t *e, const rsf_precarity_spec *spec,
                           const rsf_national_rates *national);

/* Art. 18: prices every line, then the advance (60 % of the previous year, or the new-centre
 * advance from the parameter new_centre_amount_param by quarter), the balance or the refund,
 * and their due dates. */
void rsf_payments(eng_t *e, date_t adhesion, const char *new_centre_amount_param);

/* Art. 16.4: the share of CSS and AME patients of the precarity population over the national
 * rates, which scales the vulnerable-publics levels (recorded as derived.vulnerable_ratio). */
q_t rsf_vulnerable_ratio(eng_t *e, const rsf_precarity_spec *spec,
                         const rsf_national_rates *national);

/* Art. 13.3: the nursing reference patientèle, majorated by the excess of its ALD/invalidité
 * rate over the national rate, the majoration capped (recorded as derived values). */
q_t rsf_nursing_patientele(eng_t *e);

/* Art. 14: whether the new-centre derogation on the number of prerequisites applies this year
 * (projet de santé deposited less than a year before the adhesion; year of entry and the next). */
bool rsf_new_centre_derogation(eng_t *e, date_t adhesion);

/* Points tiered per professional: `low` each up to `threshold`, `high` each beyond. */
q_t rsf_tiers(q_t n, q_t threshold, q_t low, q_t high);

/* Art. 16: points "calculés sur une moyenne de N ETP" (reading etp_scaled_items). */
q_t rsf_etp_scaled(eng_t *e, q_t points, q_t etp, q_t reference_etp);

/* Art. 8.4: an item paid prorata temporis from its acquisition date (declaration path), never
 * below the adhesion prorata already due (the later date counts, never both).  An item acquired
 * after the reference year is not achieved in it: false, the line saying so. */
bool rsf_acquisition_prorata(eng_t *e, line_t *l, const char *acquisition_path, q_t prorata);

/* A fixed indicator achieved when indicators.<id>.achieved is true. */
void rsf_simple_fixed(eng_t *e, const char *prefix, const char *id, const char *article,
                      const char *label, const char *bloc);

/* Bloc commun complémentaire items that every centre type has with its own ids and bases
 * (`ids` "" for the centres médicaux and polyvalents: qualite_n1, ...):
 * <ids>_qualite_n1..n4 (Art. 9.1.1; levels 2 and 3 scaled on `etp` ETP over
 * <prefix>.qualite.reference_etp), <ids>_vulnerables_n1..n3 (Art. 9.1.2, 16.4), the per-ETP
 * sage-femme line when `sage_femme_article` is not NULL, the mediator line `mediateur_id`,
 * <ids>_usagers_n1..n2 (Art. 9.1.3; level 2 scaled by `patientele_ratio`).  Declaration
 * sections indicators.<ids>_qualite, _vulnerables, <mediateur_id> and _usagers. */
void rsf_quality_levels(eng_t *e, const char *prefix, const char *ids, q_t etp);
void rsf_vulnerable_levels(eng_t *e, const char *prefix, const char *ids,
                           const rsf_precarity_spec *rates, const rsf_national_rates *national,
                           const char *sage_femme_article, const char *mediateur_id,
                           const char *mediateur_article);
void rsf_user_levels(eng_t *e, const char *prefix, const char *ids, q_t patientele_ratio);

/* The end of every forfait: the adhesion prorata on the lines that have no other, the check of
 * the non-cumul list (Art. 11), the bloc sums and the payments (Art. 18). */
int rsf_finish(eng_t *e, date_t adhesion, q_t prorata, const char *new_centre_amount_param);

/* Art. 3: the type of centre the declaration's data show (FINESS category, fees by activity,
 * professions), and why; writes the explanation in the result notes. */
void rsf_classification_note(eng_t *e);

/* Art. 8.1.5, the two crisis indicators every type has: the preparedness plan (fixed points,
 * a prerequisite) and the actions taken during a declared crise sanitaire grave (variable points
 * scaled by the patientèle ratio r).  Sections indicators.<plan_id>.written and
 * indicators.<actions_id>.{crisis_declared,actions_done}.  Returns whether the plan is achieved. */
bool rsf_crisis(eng_t *e, const char *prefix, const char *plan_id, const char *actions_id, q_t r);

/* Art. 9.1.4 criterion 2 and Art. 16: the télétransmission indicator of every type — achieved
 * when the secured SESAM-Vitale rate reaches <prefix>.<id>.min_rate with the software version
 * of the year; its variable points are "calculés sur une moyenne de N ETP" of the staff fields
 * etp_a (+ etp_b when not NULL).  Section indicators.<id>.{rate,sesam_version_ok}. */
void rsf_teletransmission(eng_t *e, const char *prefix, const char *id, const char *article,
                          const char *etp_a, const char *etp_b);

int rsf_medical_compute(eng_t *e);
int rsf_nursing_compute(eng_t *e);
int rsf_dental_compute(eng_t *e);

#endif
