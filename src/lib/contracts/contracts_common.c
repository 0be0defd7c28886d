/* What every contract of Article 19 shares: its period (signature, duration, renewals,
 * termination), the ETP of its staff by period, its parameters in force at signature, the lines
 * of its schedule, the non-cumul rules between contracts, and the entry points. */
#include "contracts.h"

#include "../core/errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- element fields ---- */

const decl_value *item_get(const ancre_decl *item, const char *path) {
    return decl_get(item, path);
}

static void trace(contract_t *ct, const char *path, const decl_value *v) {
    long i = -1;
    for (size_t k = 0; k < ct->c->n; k++)
        if (strcmp(decl_field(ct->c, k)->path, path) == 0) i = (long)k;
    if (i < 0 || !v) return;
    char buf[256], full[256];
    decl_value_text(decl_field(ct->c, (size_t)i), v, buf, sizeof buf);
    snprintf(full, sizeof full, "%s.%s", ct->base, path);
    eng_input(ct->e, full, buf);
}

const decl_value *c_get(contract_t *ct, const char *path) {
    const decl_value *v = decl_get(ct->c, path);
    trace(ct, path, v);
    return v;
}

bool c_flag(contract_t *ct, const char *path) {
    const decl_value *v = c_get(ct, path);
    return v && v->b;
}

q_t c_num(contract_t *ct, const char *path, bool *present) {
    const decl_value *v = c_get(ct, path);
    if (present) *present = v != NULL;
    return v ? v->num : q_int(0);
}

const char *c_text(contract_t *ct, const char *path) {
    const decl_value *v = c_get(ct, path);
    return v ? v->s : NULL;
}

size_t c_items(const ancre_decl *c, const char *path, ancre_decl *const **items) {
    const decl_value *v = decl_get(c, path);
    *items = v ? v->items : NULL;
    return v ? v->nitems : 0;
}

/* ---- ETP ---- */

static unsigned prof_bit(const char *p) {
    static const char *const names[] = {"gp",         "doctor", "dentist",       "nurse", "ipa",
                                        "sage_femme", "mk",     "orthophoniste", "other"};
    for (unsigned k = 0; k < sizeof names / sizeof *names; k++)
        if (strcmp(p, names[k]) == 0) return 1u << k;
    return 0;
}

static unsigned post_bit(const ancre_decl *item) {
    const decl_value *v = item_get(item, "post");
    if (!v || strcmp(v->s, "existing") == 0) return POST_EXISTING;
    return strcmp(v->s, "new_post") == 0 ? POST_NEW : POST_REPLACEMENT;
}

/* The element in force at d for the (profession, post) of element k: the latest whose date is
 * on or before d. */
static bool in_force(ancre_decl *const *items, size_t n, size_t k, date_t d) {
    const decl_value *from = item_get(items[k], "from");
    if (date_cmp(from->date, d) > 0) return false;
    const char *prof = item_get(items[k], "profession")->s;
    unsigned post = post_bit(items[k]);
    for (size_t j = 0; j < n; j++) {
        if (j == k || strcmp(item_get(items[j], "profession")->s, prof) != 0 ||
            post_bit(items[j]) != post)
            continue;
        date_t fj = item_get(items[j], "from")->date;
        if (date_cmp(fj, d) <= 0 &&
            (date_cmp(fj, from->date) > 0 || (date_cmp(fj, from->date) == 0 && j > k)))
            return false;
    }
    return true;
}

static q_t etp_sum(contract_t *ct, date_t d, unsigned profs, unsigned posts, bool need_u,
                   bool record) {
    ancre_decl *const *items;
    size_t n = c_items(ct->c, "etp", &items);
    q_t sum = q_int(0);
    for (size_t k = 0; k < n; k++) {
        const char *prof = item_get(items[k], "profession")->s;
        if (!(prof_bit(prof) & profs) || !(post_bit(items[k]) & posts)) continue;
        const decl_value *u = item_get(items[k], "underserved");
        if (need_u && !(u && u->b)) continue;
        if (!in_force(items, n, k, d)) continue;
        q_t v = item_get(items[k], "etp")->num;
        sum = q_add(sum, v);
        if (record) {
            char path[128], val[64];
            snprintf(path, sizeof path, "%s.etp[%zu]", ct->base, k);
            q_format_decimal(v, 6, val, sizeof val);
            char shown[200];
            snprintf(shown, sizeof shown, "%s %s à partir du %s", val, prof,
                     item_get(items[k], "from")->s);
            eng_input(ct->e, path, shown);
        }
    }
    return sum;
}

q_t etp_at(contract_t *ct, date_t d, unsigned profs, unsigned posts, bool need_underserved) {
    return etp_sum(ct, d, profs, posts, need_underserved, true);
}

/* The ETP is constant between the dates of the elements: sum it segment by segment. */
q_t etp_days(contract_t *ct, date_t a, date_t b, unsigned profs, unsigned posts,
             bool need_underserved) {
    ancre_decl *const *items;
    size_t n = c_items(ct->c, "etp", &items);
    q_t sum = q_int(0);
    date_t d = a;
    bool first = true;
    while (date_cmp(d, b) < 0) {
        date_t next = b;
        for (size_t k = 0; k < n; k++) {
            date_t f = item_get(items[k], "from")->date;
            if (date_cmp(f, d) > 0 && date_cmp(f, next) < 0) next = f;
        }
        q_t etp = etp_sum(ct, d, profs, posts, need_underserved, first);
        sum = q_add(sum, q_mul(etp, q_int((date_days(next) - date_days(d)))));
        d = next;
        first = false;
    }
    return sum;
}

/* ---- the contracts' calendar, on the dates of core/date.h ---- */

date_t quarter_end(int year, int quarter) {
    int m = quarter * 3;
    return date_make(year, m, date_days_in_month(year, m));
}

date_t first_june30_from(date_t d) {
    date_t j = date_make(d.y, 6, 30);
    return date_cmp(j, d) >= 0 ? j : date_make(d.y + 1, 6, 30);
}

q_t years_elapsed(const contract_t *ct, date_t t) {
    int k = 0;
    while (date_cmp(date_add_months(ct->sign, 12 * (k + 1)), t) <= 0)
        k++;
    date_t a = date_add_months(ct->sign, 12 * k), b = date_add_months(ct->sign, 12 * (k + 1));
    return q_add(q_int(k), q_frac((date_days(t) - date_days(a)), (date_days(b) - date_days(a))));
}

/* ---- parameters in force at signature: a contract keeps the rules it was signed under ---- */

q_t cpar(contract_t *ct, const char *name) {
    char id[160];
    snprintf(id, sizeof id, "%s.%s", ct->prefix, name);
    return par_at(ct->e, id, ct->sign);
}

bool cpar_exists(contract_t *ct, const char *name) {
    char id[160];
    snprintf(id, sizeof id, "%s.%s", ct->prefix, name);
    date_t keep = ct->e->at;
    ct->e->at = ct->sign;
    bool ok = par_exists(ct->e, id);
    ct->e->at = keep;
    return ok;
}

/* An integer parameter (a duration, a delay, a quarter) read within bounds: a value that is not
 * a whole number between lo and hi fails through the engine, never truncated.  -1 on error. */
int cpar_int(contract_t *ct, const char *name, int lo, int hi) {
    char id[160];
    snprintf(id, sizeof id, "%s.%s", ct->prefix, name);
    return (int)par_int_at(ct->e, id, ct->sign, lo, hi);
}

void fr_decimal(q_t v, int digits, char *buf, size_t cap) {
    char raw[64];
    q_format_decimal(v, digits, raw, sizeof raw);
    const char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
    size_t o = 0, start = raw[0] == '-' ? 1 : 0;
    if (start && o + 1 < cap) buf[o++] = '-';
    for (size_t k = start; k < int_len && o + 2 < cap; k++) {
        if (k > start && (int_len - k) % 3 == 0) buf[o++] = ' ';
        buf[o++] = raw[k];
    }
    if (dot && o + 1 < cap) {
        buf[o++] = ',';
        for (const char *p = dot + 1; *p && o + 1 < cap; p++)
            buf[o++] = *p;
    }
    buf[o < cap ? o : cap - 1] = '\0';
}

void fr_date(date_t d, char *buf, size_t cap) {
    snprintf(buf, cap, "%02d/%02d/%04d", d.d, d.m, d.y);
}

int64_t received_or(contract_t *ct, int64_t scheduled) {
    ancre_decl *const *items;
    size_t n = c_items(ct->c, "received", &items);
    if (!n) return scheduled;
    q_t sum = q_int(0);
    for (size_t k = 0; k < n; k++) {
        date_t d = item_get(items[k], "date")->date;
        if (date_cmp(d, ct->end) >= 0) continue;
        q_t v = item_get(items[k], "amount")->num;
        sum = q_add(sum, v);
        char path[96], val[96], dd[16], eur[48];
        snprintf(path, sizeof path, "%s.received[%zu]", ct->base, k);
        fr_date(d, dd, sizeof dd);
        fr_decimal(v, 2, eur, sizeof eur);
        snprintf(val, sizeof val, "%s € reçus le %s", eur, dd);
        eng_input(ct->e, path, val);
    }
    int64_t cents = q_round_cents(sum);
    char a[48], b[48];
    fr_decimal(q_frac(cents, 100), 2, a, sizeof a);
    fr_decimal(q_frac(scheduled, 100), 2, b, sizeof b);
    sched_note(ct, "base : les versements reçus déclarés, %s € (le calendrier en prévoyait %s €)",
               a, b);
    return cents;
}

/* ---- lines ---- */

line_t *sched_open(contract_t *ct, const char *suffix, const char *label, const char *article,
                   const char *kind) {
    char id[200];
    snprintf(id, sizeof id, "%s.%s", ct->id, suffix);
    line_t *l = eng_line(ct->e, id, article, label, "contract", kind);
    char type[96];
    snprintf(type, sizeof type, "%s.type", ct->base);
    eng_input(ct->e, type, ct->type);
    return l;
}

int64_t sched_close(contract_t *ct, line_t *l, const date_t *due, q_t base, q_t factor,
                    line_status st) {
    l->points = base;
    l->factor = factor;
    l->status = st;
    q_t euros = q_mul(base, factor);
    if (!q_valid(euros)) {
        eng_fail(ct->e, l->id, l->article, "un montant représentable",
                 "dépassement de capacité ou valeur manquante dans le calcul de %s", l->id);
        euros = q_int(0);
    }
    l->amount_cents = q_round_cents(euros);
    l->priced = true;
    if (due) {
        l->has_due = true;
        l->due = *due;
    }
    if (l->amount_cents != 0 || st == ST_ACHIEVED) {
        char label[400];
        snprintf(label, sizeof label, "%s: %s", ct->id, l->label);
        eng_payment(ct->e, label, l->article, due, l->amount_cents);
    }
    return l->amount_cents;
}

void sched_label(line_t *l, const char *fmt, ...) {
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *copy = strdup(buf);
    if (!copy) return;
    free(l->label);
    l->label = copy;
}

void sched_note(contract_t *ct, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    eng_note(ct->e, "%s", msg);
}

bool paid_before_end(const contract_t *ct, date_t due) {
    return date_cmp(due, ct->end) < 0;
}

q_t uplift_factor(contract_t *ct) {
    bool present;
    q_t u = c_num(ct, "ars_uplift", &present);
    if (!present || q_is_zero(u)) return q_int(1);
    return q_add(q_int(1), u);
}

void termination_input(contract_t *ct) {
    if (!ct->terminated) return;
    char path[96], val[160], r[16], f[16];
    date_format(ct->term_date, r, sizeof r);
    date_format(ct->end, f, sizeof f);
    snprintf(path, sizeof path, "%s.events", ct->base);
    snprintf(val, sizeof val, "%s : reçue le %s, effet le %s", ct->term_kind, r, f);
    eng_input(ct->e, path, val);
}

void zone_change_notes(contract_t *ct, const char *article) {
    ancre_decl *const *ev;
    size_t n = c_items(ct->c, "events", &ev);
    for (size_t k = 0; k < n; k++) {
        if (strcmp(item_get(ev[k], "kind")->s, "zone_change") != 0) continue;
        const decl_value *z = item_get(ev[k], "zone");
        eng_result_note(
            ct->e,
            "%s : changement de zone le %s (vers %s) : le contrat va à son terme sauf résiliation "
            "par le centre (%s) ; les montants gardent la zone de la signature",
            ct->id, item_get(ev[k], "date")->s, z ? z->s : "?", article);
    }
}

/* ---- the contract's period ---- */

static const char *duration_param(const char *type, const ancre_decl *c) {
    if (strncmp(type, "conventionnement", 16) == 0) return NULL;
    if (strcmp(type, "assistant_medical") == 0) return "contracts.am.duration_years";
    if (strcmp(type, "incitatif_dent_2015") == 0) {
        const decl_value *o = decl_get(c, "option");
        return o && strcmp(o->s, "2") == 0 ? "contracts.incitatif_dent_2015.option2_duration_years"
                                           : "contracts.incitatif_dent_2015.option1_duration_years";
    }
    static char buf[96];
    snprintf(buf, sizeof buf, "contracts.%s.duration_years", type);
    return buf;
}

static bool renewable(const char *type, const ancre_decl *c) {
    static const char *const list[] = {"cosco_med",         "cstm_med", "camcdsd",
                                       "camcdsd_2023",      "cam_inf",  "incitatif_med_2015",
                                       "incitatif_inf_2015"};
    for (size_t k = 0; k < sizeof list / sizeof *list; k++)
        if (strcmp(type, list[k]) == 0) return true;
    const decl_value *o = decl_get(c, "option");
    return strcmp(type, "incitatif_dent_2015") == 0 && o && strcmp(o->s, "2") == 0;
}

/* The first termination event and its date of effect (Art. 19 and the annexes: at receipt of
 * the letter; assistant médical and IPA have their own delays). */
static bool termination(const ancre_decl *c, const ancre_params *params, date_t sign,
                        date_t *receipt, date_t *effect, const char **kind, bool *breach) {
    ancre_decl *const *ev;
    size_t n = c_items(c, "events", &ev);
    const ancre_decl *first = NULL;
    for (size_t k = 0; k < n; k++) {
        const char *kd = item_get(ev[k], "kind")->s;
        if (strncmp(kd, "termination", 11) != 0) continue;
        if (!first || date_cmp(item_get(ev[k], "date")->date, item_get(first, "date")->date) < 0)
            first = ev[k];
    }
    if (!first) return false;
    *receipt = item_get(first, "date")->date;
    *kind = item_get(first, "kind")->s;
    const decl_value *b = item_get(first, "breach");
    *breach = b && b->b;
    *effect = *receipt;
    const char *type = decl_get(c, "type")->s;
    const param_t *p;
    const period_t *pe;
    if (strcmp(type, "assistant_medical") == 0 && strcmp(*kind, "termination_by_centre") == 0) {
        const decl_value *reg = decl_get(c, "am.regime");
        bool y2020 = reg && strcmp(reg->s, "am_2020") == 0;
        const char *id =
            y2020 ? "contracts.am_2020.notice_months" : "contracts.am_2024.notice_months";
        if (params_lookup(params, id, sign, &p, &pe) == PARAM_OK && pe->kind == PV_NUM) {
            int months = (int)q_floor_int(pe->num);
            date_t notice = date_add_months(*receipt, months);
            if (y2020) {
                /* Annexe 29 art. 4: effect two months after receipt */
                *effect = notice;
            } else {
                /* Annexe 33 art. 5.1: effect at the first anniversary at least two months after
                 * the letter */
                int k = 1;
                while (date_cmp(date_add_months(sign, 12 * k), notice) < 0)
                    k++;
                *effect = date_add_months(sign, 12 * k);
            }
        }
    } else if (strncmp(type, "ipa_", 4) == 0) {
        /* Annexes 31 and 34 art. 4: effective one month after receipt */
        const char *id = strcmp(type, "ipa_demarrage") == 0
                             ? "contracts.ipa_demarrage.notice_months"
                             : "contracts.ipa_formation.notice_months";
        if (params_lookup(params, id, sign, &p, &pe) == PARAM_OK && pe->kind == PV_NUM)
            *effect = date_add_months(*receipt, (int)q_floor_int(pe->num));
    }
    return true;
}

/* Signature, natural end and end of a contract element; false when its duration is unknown. */
static bool period_of(const ancre_decl *c, const ancre_params *params, date_t *sign,
                      date_t *natural_end, date_t *end, bool *terminated, date_t *receipt,
                      const char **kind, bool *breach) {
    const char *type = decl_get(c, "type")->s;
    *sign = decl_get(c, "signature_date")->date;
    const char *pid = duration_param(type, c);
    *natural_end = date_add_days(*sign, 1);
    if (pid) {
        const param_t *p;
        const period_t *pe;
        if (params_lookup(params, pid, *sign, &p, &pe) != PARAM_OK || pe->kind != PV_NUM)
            return false;
        int years = (int)q_floor_int(pe->num);
        const decl_value *r = decl_get(c, "renewals");
        if (r && renewable(type, c)) years *= 1 + (int)q_floor_int(r->num);
        *natural_end = date_add_months(*sign, 12 * years);
    }
    *end = *natural_end;
    date_t effect;
    *terminated = false;
    if (termination(c, params, *sign, receipt, &effect, kind, breach) &&
        date_cmp(effect, *natural_end) < 0) {
        *terminated = true;
        *end = effect;
    }
    return true;
}

/* ---- validation: eligibility and non-cumul (Art. 19) ---- */

static bool is(const char *type, const char *a) {
    return strcmp(type, a) == 0;
}

/* « zones caractérisées par une insuffisance de l'offre de soins … 1° de l'article L. 1434-4 »
 * (Art. 19.1.2, l. 3579): the text itself names them ZIP (Art. 19.11.1, l. 6124-6126); the zones
 * d'action complémentaire are not of the 1° */
static bool medical_zone(const char *z) {
    return is(z, "zip");
}

static bool pnum(const ancre_params *params, const char *id, date_t at, q_t *out) {
    const param_t *p;
    const period_t *pe;
    if (!params || params_lookup(params, id, at, &p, &pe) != PARAM_OK || pe->kind != PV_NUM)
        return false;
    *out = pe->num;
    return true;
}

/* Eligibility conditions that depend on the staff and the patientèle at signature. */
static void check_eligibility(size_t i, const ancre_decl *c, const ancre_params *params,
                              ancre_errors *errs) {
    const char *type = decl_get(c, "type")->s;
    date_t sign = decl_get(c, "signature_date")->date;
    contract_t probe;
    memset(&probe, 0, sizeof probe);
    probe.c = c;
    char path[128];
    q_t v;
    const decl_value *x;
    if (is(type, "assistant_medical") && decl_get(c, "am.regime")) {
        /* « supérieure au 30ème percentile », unless a new centre or a CNAM derogation; « mesurée
         * en fonction de la distribution de la patientèle médecin traitant … pour les centres de
         * santé ayant uniquement des ETP médecins généralistes », of the file active otherwise
         * (Art. 19.10.3.2, l. 5564-5584) */
        x = decl_get(c, "am.new_centre");
        bool fresh = x && x->b;
        x = decl_get(c, "am.cnam_derogation");
        bool derog = x && x->b;
        bool gp_only = q_is_zero(etp_sum(&probe, sign, P_DOCTOR, POST_ANY, false, false));
        const char *which = gp_only && decl_get(c, "am.percentile_mt") ? "am.percentile_mt"
                            : decl_get(c, "am.percentile_fa")          ? "am.percentile_fa"
                                                                       : "am.percentile";
        const decl_value *pc = decl_get(c, which);
        if (!pc && !decl_get(c, "am.percentile_mt")) {
            snprintf(path, sizeof path, "contracts[%zu].am.percentile", i);
            errors_add(errs, path, "Art. 19.10.3.2, 19.10.4", "un percentile",
                       "%s : manquant : le percentile de la patientèle du centre (am.percentile, "
                       "ou am.percentile_mt et am.percentile_fa) décide de l'éligibilité et des "
                       "objectifs",
                       path);
        } else if (!pc && !gp_only) {
            snprintf(path, sizeof path, "contracts[%zu].am.percentile_fa", i);
            errors_add(errs, path, "Art. 19.10.3.2", "le percentile de la file active",
                       "%s : manquant : l'éligibilité d'un centre ayant des médecins d'autres "
                       "spécialités se mesure sur la file active (l. 5578-5584)",
                       path);
        } else if (pc && pnum(params, "contracts.am.eligibility_percentile", sign, &v) && !fresh &&
                   !derog && q_cmp(pc->num, v) <= 0) {
            char pv[32];
            fr_decimal(v, 2, pv, sizeof pv);
            snprintf(path, sizeof path, "contracts[%zu].%s", i, which);
            errors_add(errs, path, "Art. 19.10.3.2", "au-dessus du 30e percentile",
                       "%s : la patientèle moyenne par médecin doit être « supérieure au %sème "
                       "percentile » de la distribution nationale (l. 5564-5568), sauf centre "
                       "nouvellement créé ou dérogation de la CNAM",
                       path, pv);
        }
        /* Annexe 33 (l. 26373-26377): « justifier de l'embauche a minima de 0,5 ETP d'assistant
         * médical maximum pour 1 ETP de médecin … dans la limite de 4 ETP »: the financed ETP, the
         * option within the quota, is at least 0,5 */
        const decl_value *reg = decl_get(c, "am.regime");
        const decl_value *am_etp = decl_get(c, "am.etp");
        q_t per_doctor, max_etp, min_etp;
        if (reg && am_etp && is(reg->s, "am_2024") &&
            pnum(params, "contracts.am.quota_per_doctor_etp", sign, &per_doctor) &&
            pnum(params, "contracts.am.quota_max_etp", sign, &max_etp) &&
            pnum(params, "contracts.am_2024.min_financed_etp", sign, &min_etp)) {
            q_t doctors = etp_sum(&probe, sign, P_GP | P_DOCTOR, POST_ANY, false, false);
            q_t financed = q_min(am_etp->num, q_min(q_mul(per_doctor, doctors), max_etp));
            if (q_cmp(financed, min_etp) < 0) {
                char d[32], f[32], m[32], expected[96];
                fr_decimal(doctors, 2, d, sizeof d);
                fr_decimal(financed, 2, f, sizeof f);
                fr_decimal(min_etp, 2, m, sizeof m);
                snprintf(path, sizeof path, "contracts[%zu].am.etp", i);
                snprintf(expected, sizeof expected, "au moins %s ETP d'assistant médical financé",
                         m);
                errors_add(errs, path, "Annexe 33 art. 2.1", expected,
                           "%s : l'aide demande l'embauche « a minima de %s ETP d'assistant "
                           "médical » (Annexe 33, l. 26373-26375) ; avec %s ETP de médecin à la "
                           "signature, %s ETP seulement sont finançables",
                           path, m, d, f);
            }
        }
        if (q_is_zero(etp_sum(&probe, sign, P_GP | P_DOCTOR, POST_ANY, false, false))) {
            snprintf(path, sizeof path, "contracts[%zu].etp", i);
            errors_add(errs, path, "Art. 19.10.3", "des médecins salariés à la signature",
                       "%s : l'aide à l'emploi d'un assistant médical suppose des médecins "
                       "salariés (ETP gp ou doctor à la signature)",
                       path);
        }
    }
    if (is(type, "ipa_demarrage") && pnum(params, "contracts.ipa_demarrage.min_etp", sign, &v) &&
        q_cmp(etp_sum(&probe, sign, P_IPA, POST_ANY, false, false), v) < 0) {
        snprintf(path, sizeof path, "contracts[%zu].etp", i);
        errors_add(errs, path, "Art. 19.11.1", "au moins le minimum d'ETP d'IPA à la signature",
                   "%s : l'aide au démarrage IPA suppose un IPA salarié « a minima 0,5 ETP » à la "
                   "signature (Art. 19.11.1, l. 6104)",
                   path);
    }
    if (is(type, "ipa_formation") && decl_get(c, "formation.hired_date") &&
        decl_get(c, "formation.training_start_date")) {
        /* « ayant recruté un infirmier salarié depuis au moins un an qui s'engage dans une
         * formation » (Art. 19.11.2, l. 6171-6173): a year of employment at the training */
        if (date_cmp(date_add_months(decl_get(c, "formation.hired_date")->date, 12 * 1),
                     decl_get(c, "formation.training_start_date")->date) > 0) {
            snprintf(path, sizeof path, "contracts[%zu].formation.hired_date", i);
            errors_add(errs, path, "Art. 19.11.2", "un infirmier salarié depuis au moins un an",
                       "%s : l'infirmier doit être salarié du centre « depuis au moins un an » au "
                       "début de sa formation (formation.training_start_date, l. 6171-6173)",
                       path);
        }
        if (pnum(params, "contracts.ipa_formation.fee_threshold", sign, &v) &&
            q_cmp(decl_get(c, "formation.fees_previous_year")->num,
                  q_mul(v, decl_get(c, "formation.nurse_etp")->num)) <= 0) {
            snprintf(path, sizeof path, "contracts[%zu].formation.fees_previous_year", i);
            errors_add(
                errs, path, "Art. 19.11.2",
                "des honoraires supérieurs au seuil par ETP d'infirmier",
                "%s : les honoraires de l'infirmier l'année précédant la formation doivent "
                "dépasser « 15 000 euros (pour un ETP d'infirmier) » (Art. 19.11.2, l. 6173-6177)",
                path);
        }
    }
}

static void check_one(size_t i, const ancre_decl *c, const char *centre_type,
                      const ancre_params *params, ancre_errors *errs) {
    const char *type = decl_get(c, "type")->s;
    const char *zone = decl_get(c, "zone")->s;
    char path[96];
    const decl_value *v;
    /* the contract's centre types (Art. 19.1.2 ... 19.11) */
    bool medical = is(type, "cai_med") || is(type, "cosco_med") || is(type, "cstm_med") ||
                   is(type, "incitatif_med_2015") || is(type, "assistant_medical");
    bool dental = is(type, "caicdsd") || is(type, "camcdsd") || is(type, "caicdsd_2023") ||
                  is(type, "camcdsd_2023") || is(type, "incitatif_dent_2015");
    bool nursing = is(type, "cai_inf") || is(type, "cam_inf") || is(type, "incitatif_inf_2015");
    v = decl_get(c, "polyvalent_designation");
    bool designation = v && v->b;
    v = decl_get(c, "forte_activite");
    bool forte = v && v->b;
    if (centre_type) {
        snprintf(path, sizeof path, "contracts[%zu].type", i);
        bool med_centre = is(centre_type, "medical") || is(centre_type, "polyvalent");
        if (medical && !med_centre && !designation)
            errors_add(
                errs, path, "Art. 19.1.2, 19.10.3", "un centre médical ou polyvalent",
                "%s : %s est réservé aux centres médicaux ou polyvalents (ou à un centre demandant "
                "à être désigné polyvalent : polyvalent_designation), pas à un centre %s",
                path, type, centre_type);
        if (dental && !is(centre_type, "dentaire") && !(is(centre_type, "polyvalent") && forte))
            errors_add(errs, path, "Art. 19.5, 19.6, 19 (cumul)",
                       "un centre dentaire, ou polyvalent à forte activité dentaire",
                       "%s : %s est réservé aux centres dentaires (un centre polyvalent à forte "
                       "activité dentaire peut le cumuler : forte_activite), pas à un centre %s",
                       path, type, centre_type);
        if (nursing && !is(centre_type, "infirmier") && !(is(centre_type, "polyvalent") && forte))
            errors_add(errs, path, "Art. 19.7, 19.8, 19 (cumul)",
                       "un centre infirmier, ou polyvalent à forte activité infirmière",
                       "%s : %s est réservé aux centres infirmiers (un centre polyvalent à forte "
                       "activité infirmière peut le cumuler : forte_activite), pas à un centre %s",
                       path, type, centre_type);
        if (is(type, "ipa_demarrage") || is(type, "ipa_formation"))
            if (is(centre_type, "dentaire"))
                errors_add(errs, path, "Art. 19.11", "un centre médical, polyvalent ou infirmier",
                           "%s : les aides IPA sont réservées aux centres polyvalents, médicaux et "
                           "infirmiers",
                           path);
    }
    /* zone conditions */
    snprintf(path, sizeof path, "contracts[%zu].zone", i);
    if ((is(type, "cai_med") || is(type, "cosco_med")) && !medical_zone(zone))
        errors_add(errs, path, is(type, "cai_med") ? "Art. 19.1.2" : "Art. 19.2.2", "zip",
                   "%s : %s suppose une zone d'insuffisance de l'offre de soins pour les médecins "
                   "(1° de l'article L. 1434-4, ZIP), pas %s",
                   path, type, zone);
    if (is(type, "cstm_med") && medical_zone(zone))
        errors_add(errs, path, "Art. 19.3.2", "une zone autre que zip",
                   "%s : le CSTM est réservé aux centres situés hors des zones sous-denses (%s)",
                   path, zone);
    if ((is(type, "caicdsd") || is(type, "camcdsd") || is(type, "cai_inf") || is(type, "cam_inf") ||
         is(type, "incitatif_dent_2015") || is(type, "incitatif_inf_2015")) &&
        !is(zone, "tres_sous_dotee"))
        errors_add(errs, path, "Art. 19.5.1.2, 19.6.1.2, 19.7.2, 19.8.2", "tres_sous_dotee",
                   "%s : %s suppose une zone très sous-dotée, pas %s", path, type, zone);
    if (is(type, "caicdsd_2023") || is(type, "camcdsd_2023")) {
        v = decl_get(c, "department_all_tsd_sd");
        if (!is(zone, "tres_sous_dotee") && !(is(zone, "sous_dotee") && v && v->b))
            errors_add(errs, path, is(type, "caicdsd_2023") ? "Art. 19.5.2.2" : "Art. 19.6.2.2",
                       "tres_sous_dotee, ou sous_dotee quand tout le département est TSD ou SD",
                       "%s : %s suppose une zone très sous-dotée (ou sous-dotée quand tous les "
                       "territoires du département sont TSD ou SD), pas %s",
                       path, type, zone);
    }
    /* sections the type needs */
    if (is(type, "assistant_medical") && !decl_get(c, "am.regime")) {
        snprintf(path, sizeof path, "contracts[%zu].am", i);
        errors_add(errs, path, "Art. 19.10", "la section am",
                   "%s : manquant : un contrat d'assistant médical a sa section am", path);
    }
    if (is(type, "ipa_formation") && !decl_get(c, "formation.hired_date")) {
        snprintf(path, sizeof path, "contracts[%zu].formation", i);
        errors_add(errs, path, "Art. 19.11.2", "la section formation",
                   "%s : manquant : l'aide à la formation IPA a sa section formation", path);
    }
    if (is(type, "incitatif_dent_2015") && !decl_get(c, "option")) {
        snprintf(path, sizeof path, "contracts[%zu].option", i);
        errors_add(errs, path, "Annexe 14", "1 ou 2",
                   "%s : manquant : le contrat dentaire de 2015 a l'option 1 ou 2", path);
    }
    /* regional majoration within the contract's maximum */
    v = decl_get(c, "ars_uplift");
    if (v && !q_is_zero(v->num)) {
        snprintf(path, sizeof path, "contracts[%zu].ars_uplift", i);
        char pid[128];
        snprintf(pid, sizeof pid, "contracts.%s.ars_uplift_max", type);
        const param_t *p;
        const period_t *pe;
        date_t sign = decl_get(c, "signature_date")->date;
        param_status st = params_lookup(params, pid, sign, &p, &pe);
        if (st != PARAM_OK || pe->kind != PV_NUM)
            errors_add(errs, path, st == PARAM_OK ? pe->cite.article : "Art. 19", "0",
                       "%s : %s n'admet aucune majoration régionale de son montant%s%s", path, type,
                       st == PARAM_OK && pe->cite.quote ? ": " : "",
                       st == PARAM_OK && pe->cite.quote ? pe->cite.quote : "");
        else if (q_cmp(v->num, pe->num) > 0)
            errors_add(errs, path, pe->cite.article, "au plus la majoration maximale",
                       "%s : une majoration de %s dépasse le maximum %s (%s)", path,
                       v->s ? v->s : "", pe->text, pe->cite.quote ? pe->cite.quote : "");
    }
    /* events after the signature */
    ancre_decl *const *ev;
    size_t n = c_items(c, "events", &ev);
    for (size_t k = 0; k < n; k++) {
        if (date_cmp(item_get(ev[k], "date")->date, decl_get(c, "signature_date")->date) < 0) {
            snprintf(path, sizeof path, "contracts[%zu].events[%zu].date", i, k);
            errors_add(errs, path, "Art. 19", "une date à partir de la signature",
                       "%s : un événement antérieur à la signature du contrat", path);
        }
        if (is(item_get(ev[k], "kind")->s, "zone_change") && !item_get(ev[k], "zone")) {
            snprintf(path, sizeof path, "contracts[%zu].events[%zu].zone", i, k);
            errors_add(errs, path, "Art. 19", "la nouvelle zone",
                       "%s : manquant pour un changement de zone", path);
        }
    }
}

/* A contract signed before the rules of its type exist is outside the accord: the rules of
 * Article 19 apply from the accord's entry into force (1 October 2015, the avis of 30 September
 * 2015) or from the avenant that created them, which the first period of the contract's duration
 * (or, for a conventionnement request, of its decision delay) records.  The regulation of
 * Art. 19.12 « ne concerne pas les centres déjà installés à l'entrée en vigueur du présent
 * accord » (l. 6244-6246): such a request is refused here rather than computed. */
static void check_in_force(size_t i, const ancre_decl *c, const ancre_params *params,
                           ancre_errors *errs) {
    if (!params) return;
    const char *type = decl_get(c, "type")->s;
    date_t sign = decl_get(c, "signature_date")->date;
    const char *pid = strncmp(type, "conventionnement", 16) == 0
                          ? "contracts.regul_csi.decision_days"
                          : duration_param(type, c);
    const param_t *p = NULL;
    const period_t *pe = NULL;
    param_status st = params_lookup(params, pid, sign, &p, &pe);
    if (st == PARAM_OK && pe->kind == PV_NUM) return;
    char path[64], signed_on[16], from[16] = "";
    snprintf(path, sizeof path, "contracts[%zu].signature_date", i);
    snprintf(signed_on, sizeof signed_on, "%02d/%02d/%04d", sign.d, sign.m, sign.y);
    const period_t *first = p && p->n ? &p->periods[0] : NULL;
    for (size_t k = 1; p && k < p->n; k++)
        if (date_cmp(p->periods[k].from, first->from) < 0) first = &p->periods[k];
    if (first)
        snprintf(from, sizeof from, "%02d/%02d/%04d", first->from.d, first->from.m, first->from.y);
    const char *article = first && first->cite.article ? first->cite.article : "Art. 19";
    if (first && date_cmp(sign, first->from) < 0) {
        if (strncmp(type, "conventionnement", 16) == 0)
            errors_add(errs, path, "Art. 19.12.1, 19.13",
                       "une date à partir de l'entrée en vigueur de l'accord",
                       "%s : une demande de conventionnement du %s précède l'entrée en vigueur "
                       "de l'accord (%s) ; la régulation de l'article 19.12 « ne concerne pas "
                       "les centres déjà installés à l'entrée en vigueur du présent accord » "
                       "(l. 6244-6246) et ancre ne la calcule pas",
                       path, signed_on, from);
        else
            errors_add(errs, path, article, "une date à partir de l'entrée en vigueur du contrat",
                       "%s : le contrat %s signé le %s précède l'entrée en vigueur de ses "
                       "règles (%s, %s) : l'accord ne le couvre pas",
                       path, type, signed_on, from, article);
        return;
    }
    errors_add(errs, path, article, "une date où les règles du contrat sont en vigueur",
               "%s : le paramètre %s n'a pas de valeur en vigueur le %s (contrat %s)", path, pid,
               signed_on, type);
}

typedef struct {
    const char *a, *b;
    bool ever; /* forbidden even one after the other */
    const char *article;
    const char *why;
} cumul_rule;

static const cumul_rule cumul_rules[] = {
    {"cai_med", "cai_med", true, "Art. 19.1.2",
     "un centre de santé ne peut bénéficier qu'une seule fois de ce contrat (l. 3664)"},
    {"cai_med", "cosco_med", false, "Art. 19.2.2",
     "le COSCO n'est pas cumulable avec le contrat d'aide à l'installation (l. 3836)"},
    {"cosco_med", "incitatif_med_2015", false, "Art. 19.2.2",
     "le COSCO n'est pas cumulable avec le contrat incitatif de l'Annexe 8 (l. 3836)"},
    {"cstm_med", "cstm_med", false, "Annexe 10 quater art. 1.2",
     "un centre ne peut signer simultanément deux contrats (l. 16045)"},
    {"caicdsd", "caicdsd", true, "Art. 19.5.1.2",
     "le centre ne peut bénéficier qu'une seule fois de ce contrat (l. 4207)"},
    {"caicdsd", "camcdsd", false, "Art. 19.5.1.2, 19.6.1.2",
     "le contrat de maintien n'est pas cumulable avec le contrat d'aide à l'installation (l. "
     "4747)"},
    {"caicdsd_2023", "caicdsd_2023", true, "Art. 19.5.2.2",
     "une seule fois un contrat d'aide à l'installation (l. 4392)"},
    {"caicdsd_2023", "caicdsd", true, "Art. 19.5.2.2",
     "une seule fois un contrat d'aide à l'installation, CAICDSD ou CAICDSD2023 (l. 4392)"},
    {"caicdsd_2023", "camcdsd_2023", false, "Art. 19.5.2.2",
     "le CAICDSD2023 n'est pas cumulable avec le contrat de maintien (l. 4396)"},
    {"caicdsd_2023", "camcdsd", false, "Art. 19.5.2.2",
     "le CAICDSD2023 n'est pas cumulable avec le contrat de maintien (l. 4396)"},
    {"camcdsd_2023", "caicdsd", false, "Art. 19.6.2.2",
     "le CAMCDSD2023 n'est pas cumulable avec le contrat d'aide à l'installation (l. 4903)"},
    {"camcdsd_2023", "camcdsd", false, "Annexe 17 quinquies art. 1.2",
     "non cumulable avec les contrats des annexes 17 bis et 17 ter (l. 18630)"},
    {"cai_inf", "cai_inf", true, "Art. 19.7.2",
     "un centre de santé infirmier ne peut bénéficier qu'une seule fois de ce contrat (l. 5047)"},
    {"cai_inf", "cam_inf", false, "Art. 19.7.2, 19.8.2",
     "le contrat d'aide à l'installation n'est pas cumulable avec le contrat d'aide au maintien "
     "(l. 5039)"},
    {"ipa_demarrage", "ipa_demarrage", true, "Art. 19.11.1",
     "le centre de santé ne peut bénéficier qu'une seule fois du contrat (l. 6106)"},
};

void contracts_validate(const ancre_decl *d, const ancre_params *params, ancre_errors *errs) {
    const decl_value *list = decl_get(d, "contracts");
    if (!list) return;
    const decl_value *ct = decl_get(d, "centre.type");
    for (size_t i = 0; i < list->nitems; i++) {
        check_one(i, list->items[i], ct ? ct->s : NULL, params, errs);
        check_in_force(i, list->items[i], params, errs);
        check_eligibility(i, list->items[i], params, errs);
    }
    if (!params) return;
    for (size_t j = 0; j < list->nitems; j++) {
        for (size_t i = 0; i < j; i++) {
            const ancre_decl *ci = list->items[i], *cj = list->items[j];
            const char *ti = decl_get(ci, "type")->s, *tj = decl_get(cj, "type")->s;
            for (size_t k = 0; k < sizeof cumul_rules / sizeof *cumul_rules; k++) {
                const cumul_rule *r = &cumul_rules[k];
                if (!((is(ti, r->a) && is(tj, r->b)) || (is(ti, r->b) && is(tj, r->a)))) continue;
                date_t si, ni, ei, sj, nj, ej, rec;
                bool term, br;
                const char *kd;
                bool known = period_of(ci, params, &si, &ni, &ei, &term, &rec, &kd, &br) &&
                             period_of(cj, params, &sj, &nj, &ej, &term, &rec, &kd, &br);
                bool overlap = !known || (date_cmp(si, ej) < 0 && date_cmp(sj, ei) < 0);
                if (!r->ever && !overlap) continue;
                char path[64];
                snprintf(path, sizeof path, "contracts[%zu].type", j);
                errors_add(errs, path, r->article, "un contrat cumulable",
                           "%s : %s n'est pas cumulable avec contracts[%zu] (%s)%s : %s (%s)", path,
                           tj, i, ti, r->ever ? "" : " sur la même période", r->why, r->article);
                break;
            }
        }
    }
}

/* ---- entry points ---- */

static int run_contract(eng_t *e, size_t i, const ancre_decl *c) {
    contract_t ct;
    memset(&ct, 0, sizeof ct);
    ct.e = e;
    ct.c = c;
    snprintf(ct.base, sizeof ct.base, "contracts[%zu]", i);
    const decl_value *id = decl_get(c, "id");
    snprintf(ct.id, sizeof ct.id, "%s", id ? id->s : "");
    if (!id) snprintf(ct.id, sizeof ct.id, "c%zu", i + 1);
    ct.type = decl_get(c, "type")->s;
    const decl_value *reg = decl_get(c, "am.regime");
    if (is(ct.type, "assistant_medical"))
        snprintf(ct.prefix, sizeof ct.prefix, "contracts.%s", reg ? reg->s : "am_2024");
    else
        snprintf(ct.prefix, sizeof ct.prefix, "contracts.%s", ct.type);
    date_t rec = {0, 0, 0};
    if (!period_of(c, e->params, &ct.sign, &ct.natural_end, &ct.end, &ct.terminated, &rec,
                   &ct.term_kind, &ct.term_breach)) {
        const char *pid = duration_param(ct.type, c);
        char d[16];
        date_format(ct.sign, d, sizeof d);
        eng_fail(e, pid ? pid : ct.type, "params", "une période d'effet couvrant la date",
                 "le paramètre %s n'a pas de valeur en vigueur le %s (signature de %s)",
                 pid ? pid : "?", d, ct.base);
        return -1;
    }
    ct.term_date = rec;
    if (is(ct.type, "cai_med") || is(ct.type, "caicdsd") || is(ct.type, "caicdsd_2023") ||
        is(ct.type, "cai_inf"))
        return contracts_installation(&ct);
    if (is(ct.type, "assistant_medical")) return contracts_am(&ct);
    if (is(ct.type, "ipa_demarrage")) return contracts_ipa_demarrage(&ct);
    if (is(ct.type, "ipa_formation")) return contracts_ipa_formation(&ct);
    if (strncmp(ct.type, "conventionnement", 16) == 0) return contracts_regulation(&ct);
    return contracts_annual(&ct);
}

int contracts_schedule(eng_t *e) {
    const decl_value *list = decl_get(e->decl, "contracts");
    if (!list) return 0;
    date_t keep = e->at;
    for (size_t i = 0; i < list->nitems && !e->failed; i++) {
        if (run_contract(e, i, list->items[i]) != 0) e->failed = true;
        e->at = keep;
        e->cur = NULL;
    }
    return e->failed ? -1 : 0;
}

bool contracts_applies(eng_t *e) {
    return decl_get(e->decl, "contracts") != NULL;
}

static bool due_in_year(const eng_t *e, bool has_due, date_t due) {
    return has_due && due.y == e->year;
}

/* A declaration's reference year receives the payments of its contracts due that year. */
int contracts_compute_year(eng_t *e) {
    size_t from = e->res->nlines, pfrom = e->res->npayments;
    /* a declaration with contracts only has no points: show zero, not an undefined total */
    ancre_result *r = e->res;
    if (!q_valid(r->total_points)) r->total_points = q_int(0);
    if (!q_valid(r->bcp_points)) r->bcp_points = q_int(0);
    if (!q_valid(r->bcc_points)) r->bcc_points = q_int(0);
    if (contracts_schedule(e) != 0) return -1;
    eng_keep_lines(e, from, pfrom, due_in_year);
    return 0;
}

int ancre_contract_parse_json(ancre_decl **out, const char *text, size_t len,
                              const ancre_params *params, ancre_errors *errs) {
    return decl_parse_with(out, text, len, item_schema_find("contract_document"), params, errs);
}

int ancre_contract_schedule(ancre_result **out, const ancre_decl *doc, const ancre_params *params,
                            const ancre_readings *readings, ancre_errors *errs) {
    *out = NULL;
    if (!decl_get(doc, "contracts")) {
        errors_add(errs, "contracts", "Art. 19", "une liste de contrats",
                   "le document n'a aucun contrat");
        return -1;
    }
    ancre_result *r = calloc(1, sizeof *r);
    r->lang = errs ? errs->lang : NULL;
    eng_t e = {.decl = doc,
               .params = params,
               .readings = readings,
               .res = r,
               .errs = errs,
               .payment = "contracts",
               .unit_value = {1, 1}};
    const decl_value *v = decl_get(doc, "centre.type");
    r->type = strdup(v ? v->s : "");
    v = decl_get(doc, "centre.finess");
    r->finess = v ? strdup(v->s) : NULL;
    v = decl_get(doc, "centre.name");
    r->name = v ? strdup(v->s) : NULL;
    r->prorata = q_int(1);
    r->point_value = q_int(1);
    r->triggered = true;
    snprintf(r->gate_reason, sizeof r->gate_reason, "%s",
             "les contrats sont payés sur leurs propres engagements (Art. 19)");
    const decl_value *list = decl_get(doc, "contracts");
    date_t first = {9999, 12, 31};
    for (size_t i = 0; i < list->nitems; i++) {
        date_t s = decl_get(list->items[i], "signature_date")->date;
        if (date_cmp(s, first) < 0) first = s;
    }
    e.year = first.y;
    e.at = first;
    r->year = first.y;
    contracts_schedule(&e);
    if (!e.failed) eng_amounts(&e); /* an amount beyond the bounds fails too */
    if (e.failed) {
        ancre_result_free(r);
        return -1;
    }
    *out = r;
    return 0;
}
