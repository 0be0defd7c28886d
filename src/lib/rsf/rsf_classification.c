/* Art. 3: which type of centre de santé the declaration describes.
 *
 * "centre de santé dentaire, le centre ayant une activité dentaire exclusive ou quasi-exclusive,
 * c'est à dire dont les honoraires dentaires totaux représentent 80% des honoraires totaux" and
 * the same for nursing fees (000 l. 343-349); médical and polyvalent centres are the others,
 * polyvalent when a paramedical activity, or a dental or midwife activity, is added to the
 * medical one (l. 335-341).  The type is the one registered in FINESS (Art. 8.5.4, l. 1526-1530:
 * a change of specialty "au sens du FINESS").  A declared type that the FINESS category or the
 * fees contradict is refused; the computation explains the type in its notes.  The significant
 * nursing and dental activity of polyvalent centres (Art. 7) is decided and explained by the
 * médical/polyvalent module. */
/* fees: 10^12 euros, beyond the whole national health spending (a physical limit) */
#define MAX_FEES "1000000000000"

#include "../core/errors.h"
#include "rsf.h"

#include <stdio.h>
#include <string.h>

static const field_def fields[] = {
    {"centre.finess_category", F_ENUM, REQ_NO, 0, 0, "medical|polyvalent|infirmier|dentaire", 0,
     "Art. 3, 8.5.4",
     "Specialty under which the centre is registered in FINESS (centre de santé médical, "
     "polyvalent, infirmier or dentaire); when given, centre.type must be the same."},
    {"activity.fees_nursing", F_DEC, REQ_NO, "0", MAX_FEES, 0, "activity.fees_total", "Art. 3",
     "Fees from nursing care (honoraires infirmiers), in euros. Required for a centre infirmier "
     "(80 % of the fees, Art. 3)."},
};

typedef struct {
    const char *type; /* the type the data show: "dentaire", "infirmier", "medical_polyvalent",
                         or NULL when they do not decide */
    char why[400];
} classification;

static bool num(const ancre_decl *d, const char *path, q_t *out) {
    const decl_value *v = decl_get(d, path);
    if (!v || !v->present) return false;
    *out = v->num;
    return true;
}

static bool share_param(const ancre_params *params, const char *id, int year, q_t *out) {
    const param_t *p;
    const period_t *pe;
    if (!params || params_lookup(params, id, date_make(year, 12, 31), &p, &pe) != PARAM_OK ||
        pe->kind != PV_NUM)
        return false;
    *out = pe->num;
    return true;
}

static void classify(const ancre_decl *d, const ancre_params *params, classification *c) {
    c->type = NULL;
    snprintf(c->why, sizeof c->why, "honoraires par activité non déclarés");
    const decl_value *y = decl_get(d, "year");
    int year = y ? (int)q_floor_int(y->num) : 0;
    q_t total, dental, nursing, min_dental, min_nursing;
    if (!num(d, "activity.fees_total", &total) || q_is_zero(total)) return;
    if (!share_param(params, "rsf_cd.centre_type.min_dental_fee_share", year, &min_dental) ||
        !share_param(params, "rsf_csi.centre_type.min_nursing_fee_share", year, &min_nursing))
        return;
    bool has_d = num(d, "activity.fees_dental", &dental);
    bool has_n = num(d, "activity.fees_nursing", &nursing);
    char sd[32] = "?", sn[32] = "?";
    if (has_d) rsf_fmt_num(q_mul(q_div(dental, total), qi(100)), 2, sd, sizeof sd);
    if (has_n) rsf_fmt_num(q_mul(q_div(nursing, total), qi(100)), 2, sn, sizeof sn);
    bool is_d = has_d && q_cmp(dental, q_mul(min_dental, total)) >= 0;
    bool is_n = has_n && q_cmp(nursing, q_mul(min_nursing, total)) >= 0;
    if (is_d) {
        c->type = "dentaire";
        snprintf(c->why, sizeof c->why,
                 "les honoraires dentaires font %s %% des honoraires du centre, au moins 80 %% : "
                 "centre dentaire (Art. 3)",
                 sd);
    } else if (is_n) {
        c->type = "infirmier";
        snprintf(c->why, sizeof c->why,
                 "les honoraires infirmiers font %s %% des honoraires du centre, au moins 80 %% : "
                 "centre infirmier (Art. 3)",
                 sn);
    } else if (has_d && has_n) {
        c->type = "medical_polyvalent";
        snprintf(c->why, sizeof c->why,
                 "honoraires dentaires %s %% et infirmiers %s %% des honoraires du centre, tous "
                 "deux sous 80 %% : centre médical ou polyvalent (Art. 3)",
                 sd, sn);
    } else {
        snprintf(c->why, sizeof c->why,
                 "honoraires %s : %s %% des honoraires du centre, moins de 80 %% ; honoraires %s "
                 "non déclarés",
                 has_d ? "dentaires" : "infirmiers", has_d ? sd : sn,
                 has_d ? "infirmiers" : "dentaires");
    }
}

static bool staff_zero(const ancre_decl *d, const char *path) {
    q_t v;
    return num(d, path, &v) && q_is_zero(v);
}

void rsf_classification_check(const ancre_decl *d, const ancre_params *params, ancre_errors *errs) {
    const decl_value *t = decl_get(d, "centre.type");
    if (!t || !t->present) return;
    const char *type = t->s;
    const decl_value *fc = decl_get(d, "centre.finess_category");
    if (fc && fc->present && strcmp(fc->s, type) != 0)
        errors_add(
            errs, "centre.type", "Art. 3, 8.5.4", fc->s,
            "centre.type : « %s » contredit la catégorie FINESS « %s » (centre.finess_category)",
            type, fc->s);
    bool nursing = strcmp(type, "infirmier") == 0, dental = strcmp(type, "dentaire") == 0;
    /* the 80 % rule defines nursing and dental centres: their fees are required */
    const char *need[2] = {"activity.fees_total",
                           nursing ? "activity.fees_nursing" : "activity.fees_dental"};
    bool missing = false;
    for (int k = 0; k < 2 && (nursing || dental); k++) {
        const decl_value *v = decl_get(d, need[k]);
        if (!v || !v->present) {
            missing = true;
            errors_add(
                errs, need[k], "Art. 3", "un montant en euros",
                "%s : manquant (un centre %s se définit par sa part d'honoraires %s, Art. 3)",
                need[k], type, nursing ? "infirmiers" : "dentaires");
        }
    }
    if (missing) return;
    classification c;
    classify(d, params, &c);
    if (c.type) {
        bool same = strcmp(c.type, type) == 0 ||
                    (strcmp(c.type, "medical_polyvalent") == 0 && !nursing && !dental);
        if (!same)
            errors_add(errs, "centre.type", "Art. 3",
                       strcmp(c.type, "medical_polyvalent") == 0 ? "medical|polyvalent" : c.type,
                       "centre.type : « %s » contredit les honoraires déclarés : %s", type, c.why);
    } else if ((nursing || dental) && strcmp(c.why, "honoraires par activité non déclarés") != 0) {
        /* the share of the declared activity is below 80 %: not a centre of that type */
        errors_add(errs, "centre.type", "Art. 3", "medical|polyvalent",
                   "centre.type : « %s » contredit les honoraires déclarés : %s", type, c.why);
    } else if (nursing || dental) {
        errors_add(errs, "activity.fees_total", "Art. 3", "un montant positif",
                   "activity.fees_total : un centre %s doit déclarer ses honoraires pour la règle "
                   "des 80 %% (Art. 3)",
                   type);
    }
    if (nursing && staff_zero(d, "staff.etp_infirmiers"))
        errors_add(errs, "staff.etp_infirmiers", "Art. 3", "plus de 0",
                   "staff.etp_infirmiers : un centre infirmier sans infirmier salarié");
    if (dental && staff_zero(d, "staff.etp_dentistes"))
        errors_add(errs, "staff.etp_dentistes", "Art. 3", "plus de 0",
                   "staff.etp_dentistes : un centre dentaire sans chirurgien-dentiste salarié");
    if (strcmp(type, "polyvalent") == 0 && staff_zero(d, "staff.etp_paramedicaux") &&
        staff_zero(d, "staff.etp_dentistes") && staff_zero(d, "staff.etp_sages_femmes"))
        errors_add(errs, "centre.type", "Art. 3", "medical",
                   "centre.type : « polyvalent » demande une activité paramédicale, dentaire ou de "
                   "sage-femme en plus de l'activité médicale ; le personnel déclaré n'en a aucune "
                   "(Art. 3)");
}

void rsf_classification_note(eng_t *e) {
    classification c;
    classify(e->decl, e->params, &c);
    const char *type = e->res->type;
    const decl_value *fc = decl_get(e->decl, "centre.finess_category");
    char finess[96] = "";
    if (fc && fc->present)
        snprintf(finess, sizeof finess, ", comme enregistré au FINESS (%s)", fc->s);
    if (c.type)
        eng_result_note(e, "type de centre : %s%s ; %s", type, finess, c.why);
    else
        eng_result_note(e, "type de centre : %s comme déclaré%s (%s)", type, finess, c.why);
}

const module_tables rsf_classification_tables = {fields, sizeof fields / sizeof *fields, NULL, 0};
