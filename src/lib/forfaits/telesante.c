/* Limit of the activity at a distance (Art. 28.8, l. 10254-10277): a centre may not carry out
 * more than 20 % of its volume of activity at a distance (téléconsultations and téléexpertises
 * together) over a calendar year, and has each of its salaried professionals keep to it.  The
 * text pays nothing here: above the limit, the procedure of Art. 59 may start and the sums unduly
 * paid may be recovered after a warning (l. 10269-10277), an amount the text does not define.
 * The lines say, for the centre and each professional, the share and whether it is kept. */
#include "forfaits.h"

#include "../mt/mt.h"
#include "../transition/note_format.h"

#include <stdio.h>
#include <string.h>

/* One check: remote acts against the whole volume; false (error recorded) on bad counts. */
static bool check(eng_t *e, line_t *l, const char *where, q_t total, q_t remote, q_t max) {
    if (q_cmp(remote, total) > 0) {
        eng_fail(e, where, "Art. 28.8", "des actes à distance compris dans le volume global",
                 "%s : plus d'actes à distance que d'actes au total", where);
        return false;
    }
    char a[48], b[48], c[48];
    note_percent(e, max, b, sizeof b);
    if (q_is_zero(total)) {
        l->status = ST_ACHIEVED;
        eng_note(e, "aucun acte dans l'année : limite de %s respectée", b);
        return true;
    }
    q_t share = q_div(remote, total);
    mt_record(e, "telesante.part_a_distance", share);
    note_percent(e, share, a, sizeof a);
    note_number(e, q_mul(max, total), c, sizeof c);
    if (q_cmp(share, max) <= 0) {
        l->status = ST_ACHIEVED;
        eng_note(e, "%s de l'activité à distance : limite de %s respectée (au plus %s actes)", a, b,
                 c);
    } else {
        l->status = ST_NOT_ACHIEVED;
        eng_note(e,
                 "%s de l'activité à distance, au-delà de %s (au plus %s actes) : procédure "
                 "de l'article 59 possible et récupération des sommes indûment versées après "
                 "avertissement (l. 10269-10277), montant non fixé par le texte",
                 a, b, c);
    }
    return true;
}

int telesante_compute(eng_t *e) {
    q_t max = par(e, "forfaits.telesante.max_share");
    bool with_telesoin = reading_is(e, "telesante_telesoin", "inclus");
    line_t *l = eng_line(e, "telesante_centre", "Art. 28.8",
                         eng_tr(e, "Activité à distance du centre (limite de l'article 28.8)"),
                         "forfaits", "limite");
    q_t total = in_num(e, "telesante.actes");
    q_t remote =
        q_add(in_num(e, "telesante.teleconsultations"), in_num(e, "telesante.teleexpertises"));
    if (with_telesoin) remote = q_add(remote, in_num(e, "telesante.telesoins"));
    if (e->failed || !check(e, l, "telesante", total, remote, max)) return -1;

    long i = schema_find("telesante.professionnels");
    if (i < 0 || !e->decl->values[i].present) {
        eng_note(e, "la limite s'applique aussi à chaque professionnel salarié (l. 10260-10262) : "
                    "telesante.professionnels non déclaré");
        return 0;
    }
    const decl_value *list = &e->decl->values[i];
    char id[160], label[200], path[96], buf[64];
    static const char *const counts[] = {"actes", "teleconsultations", "teleexpertises",
                                         "telesoins"};
    for (size_t k = 0; k < list->nitems; k++) {
        const ancre_decl *p = list->items[k];
        const decl_value *pid = decl_get(p, "id");
        for (size_t j = 0; pid && j < k; j++) {
            const decl_value *other = decl_get(list->items[j], "id");
            if (other && strcmp(other->s, pid->s) == 0) {
                snprintf(path, sizeof path, "telesante.professionnels[%zu].id", k);
                eng_fail(e, path, "Art. 28.8", "un identifiant par professionnel",
                         "%s : « %s » est déjà l'identifiant de telesante.professionnels[%zu]",
                         path, pid->s, j);
                return -1;
            }
        }
        snprintf(id, sizeof id, "telesante_%s", pid ? pid->s : "");
        snprintf(label, sizeof label, eng_tr(e, "Activité à distance du professionnel %s"),
                 pid ? pid->s : "");
        l = eng_line(e, id, "Art. 28.8", label, "forfaits", "limite");
        q_t v[4] = {q_int(0), q_int(0), q_int(0), q_int(0)};
        for (int c = 0; c < 4; c++) {
            const decl_value *dv = decl_get(p, counts[c]);
            snprintf(path, sizeof path, "telesante.professionnels[%zu].%s", k, counts[c]);
            if (dv) {
                v[c] = dv->num;
                q_format_decimal(dv->num, 0, buf, sizeof buf);
                eng_input(e, path, buf);
            } else if (c == 3 && with_telesoin) {
                eng_fail(e, path, "Art. 28.8", "un nombre d'actes",
                         "%s : manquant, nécessaire avec la lecture telesante_telesoin=inclus",
                         path);
            }
        }
        q_t r = q_add(v[1], v[2]);
        if (with_telesoin) r = q_add(r, v[3]);
        snprintf(path, sizeof path, "telesante.professionnels[%zu]", k);
        if (e->failed || !check(e, l, path, v[0], r, max)) return -1;
    }
    return 0;
}
