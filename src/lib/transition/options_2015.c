/* Solde 2015 des anciennes options de coordination et des aides pérennes à la télétransmission
 * (Art. 18.2.1, l. 3378-3420).
 *
 * The options end with the accord; a centre that adhered to it before 31 December 2015 receives
 * for 2015 the balance of each option it had, "équivalent à 100% du montant [...] dû au titre de
 * 2015", paid by 31 December 2016 (l. 3392-3402): on the number of adhering patients for the
 * medical and dental options (l. 3406-3408), on the ETP at 31 December 2015 for the nursing
 * options and the télétransmission aids (l. 3412-3420).  The amount per patient or per ETP is
 * that of the previous accord, which the consolidated text does not reproduce: it is a parameter
 * the caller supplies, and its absence stops the computation with its name. */
#include "transition.h"

#include "../mt/mt.h"
#include "note_format.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *option, *base, *rate_id, *label, *base_label, *lines;
    bool has_conditions;
} option_def;

static const option_def options[] = {
    {"medicale", "patients_adherents", "transition.options_2015.medicale.per_patient",
     "Solde 2015 de l'option de coordination médicale", "patients adhérents", "l. 3406-3408", true},
    {"dentaire", "patients_adherents", "transition.options_2015.dentaire.per_patient",
     "Solde 2015 de l'option de coordination dentaire", "patients adhérents", "l. 3406-3408", true},
    {"infirmiere", "etp", "transition.options_2015.infirmiere.per_etp",
     "Solde 2015 de l'option infirmière", "ETP au 31/12/2015", "l. 3412-3414", false},
    {"teletransmission", "etp", "transition.options_2015.teletransmission.per_etp",
     "Solde 2015 de l'aide pérenne à la télétransmission", "ETP au 31/12/2015", "l. 3418-3420",
     false},
};

int transition_options_2015_compute(eng_t *e) {
    const char *before_s = par_text(e, "transition.options_2015.adhesion_before");
    const char *due_s = par_text(e, "transition.options_2015.due");
    q_t share = par(e, "transition.options_2015.balance_share");
    date_t before, due, adhesion;
    if (e->failed || !before_s || !due_s) return -1;
    if (!date_parse(before_s, &before) || !date_parse(due_s, &due)) {
        eng_fail(e, "transition.options_2015", "params", "une date AAAA-MM-JJ",
                 "transition.options_2015.adhesion_before ou .due n'est pas une date");
        return -1;
    }
    if (!in_date(e, "centre.adhesion_date", &adhesion)) return -1;
    bool adhered = date_cmp(adhesion, before) < 0;
    char path[96], buf[48], bufb[48], bufc[48];
    size_t first = e->res->nlines;
    for (size_t k = 0; k < sizeof options / sizeof *options; k++) {
        const option_def *o = &options[k];
        snprintf(path, sizeof path, "options_2015.%s", o->option);
        if (!mt_section(e, path)) continue;
        snprintf(path, sizeof path, "options_2015_%s", o->option);
        line_t *l = eng_line(e, path, "Art. 18.2.1", eng_tr(e, o->label), "transition", "solde");
        snprintf(path, sizeof path, "options_2015.%s.%s", o->option, o->base);
        q_t base = in_num(e, path);
        bool ok = true;
        if (o->has_conditions) {
            snprintf(path, sizeof path, "options_2015.%s.conditions_respectees", o->option);
            ok = in_flag(e, path);
        }
        if (!mt_param_defined(e, o->rate_id)) {
            eng_fail(e, o->rate_id, "Art. 18.2.1", "un paramètre fourni avec --params",
                     "%s : le montant par %s de l'option du précédent accord national n'est pas "
                     "dans l'accord consolidé (%s) ; le fournir avec --params",
                     o->rate_id,
                     eng_tr(e, strcmp(o->base, "etp") == 0 ? "ETP" : "patient adhérent"), o->lines);
            continue;
        }
        q_t rate = par(e, o->rate_id);
        if (!q_valid(base) || !q_valid(rate)) continue;
        note_number(e, base, buf, sizeof buf);
        note_euros(e, rate, bufb, sizeof bufb);
        eng_note(e, "%s %s × %s (%s)", eng_tr(e, o->base_label), buf, bufb, o->lines);
        if (!adhered) {
            note_date(e, adhesion, buf, sizeof buf);
            note_date(e, before, bufb, sizeof bufb);
            eng_note(e,
                     "adhésion au présent accord le %s, pas avant le %s (l. 3396-3398) : rien "
                     "à verser",
                     buf, bufb);
            continue;
        }
        if (!ok) {
            eng_note(e, "conditions de l'option non respectées (l. 3408) : rien à verser");
            continue;
        }
        l->fixed = rate;
        q_t amount = q_mul(q_mul(base, rate), share);
        if (reading_is(e, "options_2015_solde", "net_des_acomptes")) {
            snprintf(path, sizeof path, "options_2015.%s.acomptes_cents", o->option);
            q_t paid = q_div(in_num(e, path), q_int(100));
            if (!q_valid(paid)) continue;
            note_euros(e, paid, bufc, sizeof bufc);
            eng_note(e, "acomptes déjà versés %s déduits", bufc);
            amount = q_max(q_sub(amount, paid), q_int(0));
        }
        l->points = amount;
        l->status = q_is_zero(amount) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    }
    if (e->failed) return -1;
    e->cur = NULL;
    eng_amounts(e);
    char label[200], d[16];
    note_date(e, due, d, sizeof d);
    for (size_t i = first; i < e->res->nlines; i++) {
        const line_t *l = &e->res->lines[i];
        if (l->amount_cents == 0) continue;
        snprintf(label, sizeof label, eng_tr(e, "%s, au plus tard le %s"), l->label, d);
        eng_payment(e, label, "Art. 18.2.1", &due, l->amount_cents);
        eng_payment_kind(e, "balance");
    }
    return 0;
}
