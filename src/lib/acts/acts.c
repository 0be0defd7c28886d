/* Supplements billed act by act by the salaried professionals of a centre:
 * - the majoration MIE of Art. 25.2 (l. 9669-9686) for a nurse's séance with a child under 7;
 * - the forfait d'évaluation de l'environnement of Art. 28.7 (l. 10175-10226), orthoptists;
 * - the forfait TND/PCO of Art. 28.10 (l. 10506-10532), speech therapists.
 * Each act gets a line (payable or not, and why); each rule one total in the calendar. */
#include "acts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST "acts.list"

/* ---- the acts of one kind, in date order (the yearly limits count the earliest first) ---- */

typedef struct {
    size_t k;
    date_t date;
} act_ref;

static int by_date(const void *a, const void *b) {
    const act_ref *x = a, *y = b;
    int c = date_cmp(x->date, y->date);
    return c ? c : (x->k > y->k) - (x->k < y->k);
}

static size_t acts_of_kind(eng_t *e, const char *kind, act_ref **out) {
    size_t n, m = 0;
    ancre_decl **items = acts_items(e, LIST, &n);
    act_ref *refs = calloc(n ? n : 1, sizeof *refs);
    if (!refs) abort();
    for (size_t k = 0; k < n; k++) {
        const decl_value *kv = decl_get(items[k], "kind");
        if (!kv || strcmp(kv->s, kind) != 0) continue;
        refs[m].k = k;
        refs[m].date = decl_get(items[k], "date")->date;
        m++;
    }
    qsort(refs, m, sizeof *refs, by_date);
    *out = refs;
    return m;
}

static bool has_kind(eng_t *e, const char *kind) {
    size_t n;
    ancre_decl **items = acts_items(e, LIST, &n);
    for (size_t k = 0; k < n; k++)
        if (strcmp(decl_get(items[k], "kind")->s, kind) == 0) return true;
    return false;
}

bool mie_applies(eng_t *e) {
    return in_has(e, "acts.mie_seances") || has_kind(e, "seance_infirmier");
}
bool orthoptie_applies(eng_t *e) {
    return in_has(e, "acts.orthoptie_forfaits") || has_kind(e, "forfait_orthoptie");
}
bool tnd_pco_applies(eng_t *e) {
    return in_has(e, "acts.tnd_pco_forfaits") || has_kind(e, "forfait_tnd_pco");
}

/* An act of the reference year is paid; one of the year before only counts towards the yearly
 * limit of its patient; any other date is an error. */
static bool in_reference_year(act_t *a, const char *article) {
    if (a->date.y == a->e->year) return true;
    if (a->date.y == a->e->year - 1) {
        a->e->cur->status = ST_EXCLUDED;
        eng_note(a->e,
                 "acte de l'année %d : compte pour la limite annuelle du patient, payé avec "
                 "la déclaration de son année",
                 a->date.y);
        return false;
    }
    char path[160], expected[64], day[16];
    snprintf(path, sizeof path, "%s.date", a->base);
    snprintf(expected, sizeof expected, "une date de %d ou %d", a->e->year - 1, a->e->year);
    acts_date_fr(a->date, day, sizeof day);
    eng_fail(a->e, path, article, expected,
             "%s : l'acte du %s n'est ni de l'année %d ni de l'année précédente", a->base, day,
             a->e->year);
    return false;
}

/* Prices the current line at `euros` for one act. */
static void pay_one(eng_t *e, q_t euros) {
    e->cur->fixed = euros;
    e->cur->points = euros;
    e->cur->status = ST_ACHIEVED;
}

/* A volume line: count × price in force on 31 December (acts not listed one by one). */
static void volume_line(eng_t *e, const char *id, const char *article, const char *label,
                        const char *count_path, const char *price_id) {
    q_t n;
    if (!in_num_opt(e, count_path, &n)) return;
    line_t *l = eng_line(e, id, article, label, e->payment, "volume");
    if (q_is_zero(n)) {
        l->status = ST_NOT_ACHIEVED;
        eng_note(e, "aucun acte déclaré en volume");
        return;
    }
    if (!par_exists(e, price_id)) {
        l->status = ST_NOT_IN_GRID;
        eng_note(e, "non applicable au 31/12/%d : le supplément n'existe pas à cette date",
                 e->year);
        return;
    }
    q_t each = par(e, price_id);
    l->fixed = each;
    l->points = q_mul(n, each);
    l->status = ST_ACHIEVED;
}

/* ---- MIE, Art. 25.2 ---- */

/* "est créé une majoration conventionnelle (MIE) dont le montant est fixé à 3,15 euros par
 * séance à partir du 1er janvier 2020" for "les enfants de moins de 7 ans (jusqu'au 7ème
 * anniversaire de l'enfant)" (l. 9672-9676); "cumulable avec l'ensemble des autres majorations
 * prévues à la nomenclature" (l. 9684): no non-cumul to check. */
int mie_compute(eng_t *e) {
    act_ref *refs;
    size_t m = acts_of_kind(e, "seance_infirmier", &refs);
    for (size_t i = 0; i < m; i++) {
        act_t a;
        act_open(&a, e, LIST, refs[i].k, "a");
        char id[96], label[160], day[16];
        acts_date_fr(a.date, day, sizeof day);
        snprintf(id, sizeof id, "mie.%s", a.id);
        snprintf(label, sizeof label, "MIE, séance du %s", day);
        line_t *l = eng_line(e, id, "Art. 25.2", label, "mie", "majoration");
        act_get(&a, "date");
        act_get(&a, "patient");
        if (!in_reference_year(&a, "Art. 25.2")) continue;
        date_t saved = e->at;
        e->at = a.date;
        bool exists = par_exists(e, "acts.mie.per_seance");
        e->at = saved;
        if (!exists) {
            l->status = ST_NOT_IN_GRID;
            eng_note(e,
                     "séance du %s : la MIE n'est pas encore en vigueur (Art. 25.2, "
                     "l. 9674-9676)",
                     day);
            continue;
        }
        q_t limit = par(e, "acts.mie.age_limit");
        if (!q_valid(limit)) continue;
        age_position pos = act_birthday(&a, (int)q_floor_int(limit), "Art. 25.2");
        bool under7 = pos == AGE_BEFORE;
        if (pos == AGE_ON) under7 = reading_is(e, "mie_seventh_birthday", "included");
        if (pos == AGE_ON_OR_AFTER && reading_is(e, "mie_seventh_birthday", "included")) {
            char path[160];
            snprintf(path, sizeof path, "%s.patient_birth_date", a.base);
            eng_fail(e, path, "Art. 25.2", "la date de naissance du patient",
                     "%s : l'âge atteint ne dit pas si la séance a lieu le jour du 7e "
                     "anniversaire (lecture mie_seventh_birthday=included) : donnez la date de "
                     "naissance",
                     a.base);
            continue;
        }
        if (pos == AGE_UNKNOWN) continue;
        if (!under7) {
            l->status = ST_EXCLUDED;
            eng_note(e, "séance du %s : l'enfant n'a plus moins de 7 ans (Art. 25.2, l. 9672)",
                     day);
            continue;
        }
        q_t each = acts_price(e, "acts.mie.per_seance", a.date);
        if (!q_valid(each)) continue;
        pay_one(e, each);
        eng_note(e,
                 "séance du %s pour un enfant de moins de 7 ans : MIE payable (Art. 25.2, "
                 "l. 9672-9676), cumulable avec les autres majorations (l. 9684)",
                 day);
    }
    free(refs);
    volume_line(e, "mie", "Art. 25.2", "MIE, séances déclarées en volume", "acts.mie_seances",
                "acts.mie.per_seance");
    if (e->failed) return -1;
    acts_pay(e, "MIE", "Art. 25.2");
    return 0;
}

/* ---- the two 50 € forfaits, Art. 28.7 and 28.10 ---- */

/* The date of effect of a forfait the accord creates without dating it: a parameter the user
 * supplies, or an error naming it when an act needs it. */
static bool date_of_effect(eng_t *e, const char *id, const char *article, date_t *out) {
    if (!par_exists(e, id)) {
        eng_fail(e, id, article, "la date d'effet du forfait (paramètre à fournir par --params)",
                 "l'accord crée ce forfait sans dater son entrée en vigueur (%s) : fournissez "
                 "le paramètre %s (date AAAA-MM-JJ)",
                 article, id);
        return false;
    }
    const char *s = par_text(e, id);
    if (!s || !date_parse(s, out)) {
        eng_fail(e, id, article, "une date AAAA-MM-JJ", "le paramètre %s n'est pas une date : %s",
                 id, s ? s : "(vide)");
        return false;
    }
    return true;
}

/* Whether the forfait line `prefix.<act id>` of act a is paid (a line already computed). */
static bool line_paid(eng_t *e, const char *prefix, const act_t *a) {
    char id[96];
    snprintf(id, sizeof id, "%s.%s", prefix, a->id);
    for (size_t i = 0; i < e->res->nlines; i++)
        if (strcmp(e->res->lines[i].id, id) == 0) return e->res->lines[i].status == ST_ACHIEVED;
    return false;
}

typedef struct {
    const char *kind, *prefix, *article, *title, *price, *effect, *count;
} forfait_def;

/* The yearly limit: the patient's earlier forfait in the same year frame, paid or counted. */
static bool earlier_in_frame(eng_t *e, const forfait_def *f, act_ref *refs, size_t upto,
                             const act_t *a, const bool *counted) {
    const char *patient = decl_get(a->item, "patient")->s;
    size_t n;
    ancre_decl **items = acts_items(e, LIST, &n);
    for (size_t j = 0; j < upto; j++) {
        if (!counted[j]) continue;
        if (strcmp(decl_get(items[refs[j].k], "patient")->s, patient) != 0) continue;
        if (acts_same_year(e, refs[j].date, a->date)) return true;
    }
    (void)f;
    return false;
}

static int forfait_compute(eng_t *e, const forfait_def *f) {
    act_ref *refs;
    size_t m = acts_of_kind(e, f->kind, &refs);
    bool *counted = calloc(m ? m : 1, sizeof *counted);
    if (!counted) abort();
    date_t effect = {0, 0, 0};
    bool have_effect = false;
    q_t volume;
    bool needs = m > 0 || (in_num_opt(e, f->count, &volume) && !q_is_zero(volume));
    e->cur = NULL;
    if (needs && !date_of_effect(e, f->effect, f->article, &effect)) {
        free(refs);
        free(counted);
        return -1;
    }
    have_effect = needs;
    bool orthoptic = strcmp(f->kind, "forfait_tnd_pco") == 0 &&
                     reading_is(e, "tnd_handicap_forfait", "with_orthoptic");
    for (size_t i = 0; i < m; i++) {
        act_t a;
        act_open(&a, e, LIST, refs[i].k, "a");
        char id[96], label[200], day[16], eff[16];
        acts_date_fr(a.date, day, sizeof day);
        snprintf(id, sizeof id, "%s.%s", f->prefix, a.id);
        snprintf(label, sizeof label, "%s, acte du %s", f->title, day);
        line_t *l = eng_line(e, id, f->article, label, f->prefix, "forfait");
        act_get(&a, "date");
        const char *patient = act_text(&a, "patient");
        par_exists(e, f->effect);
        if (have_effect && date_cmp(a.date, effect) < 0) {
            acts_date_fr(effect, eff, sizeof eff);
            l->status = ST_NOT_IN_GRID;
            eng_note(e, "acte du %s antérieur à la date d'effet du forfait (%s)", day, eff);
            continue;
        }
        bool history = a.date.y == e->year - 1;
        if (!history && !in_reference_year(&a, f->article)) continue;
        const char *why = NULL;
        char whybuf[240];
        if (strcmp(f->kind, "forfait_tnd_pco") == 0) {
            /* "ne peut être coté qu'en association d'un acte effectué pour un enfant souffrant de
             * troubles du neuro-développement dans le cadre d'une prise en charge coordonnée par
             * une plateforme PCO" (l. 10520-10524) */
            if (!act_flag(&a, "pco"))
                why = "la prise en charge n'est pas coordonnée par une plateforme PCO (Art. "
                      "28.10, l. 10524)";
            else if (!act_flag(&a, "associated_act"))
                why = "le forfait ne peut être coté qu'en association d'un acte (Art. 28.10, "
                      "l. 10520-10522)";
            if (!why) {
                /* "jusqu'à la date anniversaire des 12 ans inclus de l'enfant" (l. 10528) */
                q_t limit = par(e, "acts.tnd_pco.age_limit");
                if (!q_valid(limit)) continue;
                age_position pos = act_birthday(&a, (int)q_floor_int(limit), f->article);
                if (pos == AGE_UNKNOWN) continue;
                if (pos == AGE_ON_OR_AFTER) {
                    char path[160];
                    snprintf(path, sizeof path, "%s.patient_birth_date", a.base);
                    eng_fail(e, path, f->article, "la date de naissance du patient",
                             "%s : l'âge atteint ne dit pas si l'acte précède la date "
                             "anniversaire (incluse, l. 10528) : donnez la date de naissance",
                             a.base);
                    continue;
                }
                if (pos == AGE_AFTER)
                    why = "l'enfant a passé la date anniversaire de ses 12 ans (Art. 28.10, "
                          "l. 10528)";
            }
            /* "n'est pas cumulable avec le forfait de prise en charge des patients en
             * situation de handicap" (l. 10532) */
            if (!why && act_flag(&a, "handicap_forfait"))
                why = "non cumulable avec le forfait de prise en charge des patients en "
                      "situation de handicap (Art. 28.10, l. 10532)";
            if (!why && orthoptic) {
                act_ref *orefs;
                size_t om = acts_of_kind(e, "forfait_orthoptie", &orefs);
                for (size_t j = 0; j < om && !why; j++) {
                    act_t o;
                    act_open(&o, e, LIST, orefs[j].k, "a");
                    if (strcmp(decl_get(o.item, "patient")->s, patient) == 0 &&
                        o.date.y == a.date.y && line_paid(e, "orthoptie", &o)) {
                        snprintf(whybuf, sizeof whybuf,
                                 "non cumulable avec le forfait d'évaluation orthoptique %s du "
                                 "même patient (Art. 28.10, l. 10532 ; lecture "
                                 "tnd_handicap_forfait=with_orthoptic)",
                                 o.id);
                        why = whybuf;
                    }
                }
                free(orefs);
            }
        }
        /* "une fois par an et par patient" (l. 10222, 10528); Art. 28.7 adds "le cas échéant en
         * cas d'aggravation importante de l'état de santé du patient" (l. 10222-10224): a
         * forfait billed for a worsening is payable beyond the yearly one, the text setting no
         * number of them */
        bool aggravation = strcmp(f->kind, "forfait_orthoptie") == 0 && act_flag(&a, "aggravation");
        if (!why && earlier_in_frame(e, f, refs, i, &a, counted)) {
            if (aggravation) {
                eng_note(e, "second forfait dans l'année justifié par une aggravation "
                            "importante de l'état de santé (Art. 28.7, l. 10222-10224)");
            } else {
                snprintf(whybuf, sizeof whybuf,
                         "un forfait a déjà été facturé pour ce patient %s (une fois par an et "
                         "par patient)",
                         reading_is(e, "forfait_annual_frame", "rolling_year")
                             ? "dans les douze mois précédents"
                             : "dans l'année civile");
                why = whybuf;
            }
        }
        if (why) {
            l->status = ST_EXCLUDED;
            eng_note(e, "acte du %s : %s", day, why);
            continue;
        }
        counted[i] = true;
        if (history) {
            l->status = ST_EXCLUDED;
            eng_note(e,
                     "forfait de l'année %d : compte pour la limite annuelle du patient, payé "
                     "avec la déclaration de son année",
                     a.date.y);
            continue;
        }
        q_t each = acts_price(e, f->price, a.date);
        if (!q_valid(each)) continue;
        pay_one(e, each);
        if (!e->cur->note[0])
            eng_note(e, "acte du %s : forfait payable, une fois par an et par patient (%s)", day,
                     f->article);
    }
    free(refs);
    free(counted);
    char label[160];
    snprintf(label, sizeof label, "%s, forfaits déclarés en volume", f->title);
    if (have_effect && in_has(e, f->count) && date_cmp(effect, date_make(e->year, 12, 31)) > 0) {
        line_t *l = eng_line(e, f->prefix, f->article, label, f->prefix, "volume");
        in_num(e, f->count);
        l->status = ST_NOT_IN_GRID;
        eng_note(e, "le forfait n'est pas en vigueur en %d", e->year);
    } else {
        volume_line(e, f->prefix, f->article, label, f->count, f->price);
    }
    if (e->failed) return -1;
    acts_pay(e, f->title, f->article);
    return 0;
}

int orthoptie_compute(eng_t *e) {
    static const forfait_def f = {"forfait_orthoptie",
                                  "orthoptie",
                                  "Art. 28.7",
                                  "Forfait d'évaluation de l'environnement (orthoptie)",
                                  "acts.orthoptie.forfait",
                                  "acts.orthoptie.in_force_from",
                                  "acts.orthoptie_forfaits"};
    return forfait_compute(e, &f);
}

int tnd_pco_compute(eng_t *e) {
    static const forfait_def f = {"forfait_tnd_pco",      "tnd_pco",
                                  "Art. 28.10",           "Forfait TND/PCO (orthophonie)",
                                  "acts.tnd_pco.forfait", "acts.tnd_pco.in_force_from",
                                  "acts.tnd_pco_forfaits"};
    return forfait_compute(e, &f);
}
