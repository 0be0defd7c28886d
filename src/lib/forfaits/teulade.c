/* Two payments the consolidated accord does not set, given by the Assurance Maladie slides of
 * 13/05/2022 (001) only:
 * - the Teulade subsidy (art. L. 162-32 of the code de la sécurité sociale): « remboursement de
 *   11,5 % de l'assiette des cotisations patronales », for centres adhering to the accord
 *   (001 l. 370-376);
 * - the téléexpertise forfaits, 5 € per téléexpertise of level 1 and 10 € of level 2 (001
 *   l. 354-362); the accord itself leaves télésanté billing to the libéral conventions (Art. 28.8,
 *   000 l. 10248-10252) and the slides give no cap. */
#include "forfaits.h"

#include "../mt/mt.h"
#include "../transition/note_format.h"

#include <stdio.h>

int teulade_compute(eng_t *e) {
    line_t *l = eng_line(e, "teulade_subvention", "slides 001 (Teulade)",
                         eng_tr(e, "Subvention des cotisations patronales (dite Teulade)"),
                         "forfaits", "subvention");
    q_t rate = par(e, "forfaits.teulade.rate");
    q_t base = q_div(in_num(e, "teulade.assiette_cotisations_cents"), q_int(100));
    date_t adhesion;
    if (!in_date(e, "centre.adhesion_date", &adhesion) || e->failed) return -1;
    char a[48], b[48];
    if (date_cmp(adhesion, e->at) > 0) {
        note_date(e, adhesion, a, sizeof a);
        eng_note(e,
                 "adhésion à l'accord le %s, après l'année : la subvention est réservée aux "
                 "centres adhérents (001 l. 376)",
                 a);
        return 0;
    }
    l->points = q_mul(base, rate);
    l->status = q_is_zero(l->points) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    note_percent(e, rate, a, sizeof a);
    note_euros(e, base, b, sizeof b);
    eng_note(e,
             "%s de l'assiette des cotisations patronales (%s) ; date de versement non donnée "
             "par les sources",
             a, b);
    if (q_is_zero(l->points)) return 0;
    e->cur = NULL;
    eng_amounts(e);
    char label[160];
    snprintf(label, sizeof label,
             eng_tr(e, "Subvention Teulade %d (date non fixée par les sources)"), e->year);
    eng_payment(e, label, "slides 001 (Teulade)", NULL, l->amount_cents);
    return 0;
}

int teleexpertise_compute(eng_t *e) {
    static const struct {
        const char *level, *param, *id, *label;
    } levels[] = {
        {"1", "forfaits.teleexpertise.level1", "teleexpertise_niveau_1",
         "Forfaits de téléexpertise de niveau 1"},
        {"2", "forfaits.teleexpertise.level2", "teleexpertise_niveau_2",
         "Forfaits de téléexpertise de niveau 2"},
    };
    size_t first = e->res->nlines;
    char path[96], a[48], b[48], nb[48];
    for (size_t k = 0; k < sizeof levels / sizeof *levels; k++) {
        line_t *l = eng_line(e, levels[k].id, "slides 001 (téléexpertise)",
                             eng_tr(e, levels[k].label), "forfaits", "forfait");
        q_t each = par(e, levels[k].param);
        q_t n = q_int(0);
        bool requerant = !reading_is(e, "teleexpertise_role", "requis");
        bool requis = !reading_is(e, "teleexpertise_role", "requerant");
        if (requerant) {
            snprintf(path, sizeof path, "teleexpertise.requerant_niveau_%s", levels[k].level);
            n = q_add(n, in_num(e, path));
        }
        if (requis) {
            snprintf(path, sizeof path, "teleexpertise.requis_niveau_%s", levels[k].level);
            n = q_add(n, in_num(e, path));
        }
        if (e->failed) return -1;
        l->fixed = each;
        l->points = q_mul(n, each);
        l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        note_number(e, n, nb, sizeof nb);
        note_euros(e, each, a, sizeof a);
        note_euros(e, l->points, b, sizeof b);
        eng_note(e, "%s téléexpertises × %s = %s ; aucun plafond dans les sources", nb, a, b);
    }
    e->cur = NULL;
    eng_amounts(e);
    for (size_t i = first; i < e->res->nlines; i++) {
        const line_t *l = &e->res->lines[i];
        if (l->amount_cents == 0) continue;
        snprintf(path, sizeof path, "%s", l->label);
        eng_payment(e, path, "slides 001 (téléexpertise)", NULL, l->amount_cents);
    }
    return 0;
}
