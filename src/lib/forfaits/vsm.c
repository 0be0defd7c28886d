/* Forfait élaboration initiale du volet de synthèse médicale (Art. 28.9.3, l. 10453-10502).
 *
 * 1 500 € per GP ETP (at most 20) when the centre has drawn up VSM feeding the DMP for at least
 * half of its ALD patientèle, 3 000 € for 90 % of it (l. 10468-10478); weighted by the size of the
 * médecin-traitant patientèle against the reference patientèle of the ROSP (l. 10482-10484,
 * Art. 24.5 l. 9470-9476); +20 % when more than a third of the VSM feeding the DMP are
 * structured (l. 10488-10494).  Paid once, during the first half of 2024, for objectives met by
 * 31 December 2023 (l. 10494-10502): the forfait belongs to the declaration of 2023. */
#include "forfaits.h"

#include "../mt/mt.h"
#include "../transition/note_format.h"

#include <stdio.h>

int vsm_compute(eng_t *e) {
    line_t *l = eng_line(e, "vsm_forfait", "Art. 28.9.3",
                         eng_tr(e, "Forfait élaboration initiale du VSM"), "forfaits", "forfait");
    q_t amount_half = par(e, "forfaits.vsm.amount_half");
    q_t amount_90 = par(e, "forfaits.vsm.amount_90");
    q_t share_half = par(e, "forfaits.vsm.share_half");
    q_t share_90 = par(e, "forfaits.vsm.share_90");
    q_t etp_cap = par(e, "forfaits.vsm.etp_cap");
    q_t ref_adults = par(e, "forfaits.vsm.reference_adults");
    q_t maj = par(e, "forfaits.vsm.structured_majoration");
    q_t third = q_div(par(e, "forfaits.vsm.structured_share_num"),
                      par(e, "forfaits.vsm.structured_share_den"));
    const char *due_s = par_text(e, "forfaits.vsm.due");
    q_t ald = in_num(e, "vsm.patients_ald");
    q_t with_vsm = in_num(e, "vsm.patients_ald_vsm_dmp");
    q_t in_dmp = in_num(e, "vsm.vsm_dmp");
    q_t structured = in_num(e, "vsm.vsm_dmp_structures");
    q_t adults = in_num(e, "vsm.patients_mt_16_plus");
    q_t etp = in_num(e, "staff.etp_mg");
    if (e->failed) return -1;
    date_t due;
    if (!date_parse(due_s, &due)) {
        eng_fail(e, "forfaits.vsm.due", "params", "une date AAAA-MM-JJ",
                 "forfaits.vsm.due n'est pas une date");
        return -1;
    }
    /* the patientèle against the reference of the ROSP: 800 patients of 16 and more, 600 under
     * 16 (Art. 24.5) */
    q_t size = q_div(adults, ref_adults);
    if (reading_is(e, "vsm_patientele", "adultes_et_enfants")) {
        q_t children = in_num(e, "vsm.patients_mt_moins_16");
        q_t ref_children = par(e, "forfaits.vsm.reference_children");
        if (e->failed) return -1;
        size = q_add(size, q_div(children, ref_children));
    }
    char a[48], b[48], c[48];
    if (q_is_zero(ald)) {
        eng_note(e, "pas de patientèle ALD : objectif non mesurable, rien à verser");
        return 0;
    }
    q_t share = q_div(with_vsm, ald);
    mt_record(e, "vsm.part_ald_avec_vsm", share);
    note_percent(e, share, a, sizeof a);
    q_t base = q_int(0);
    if (q_cmp(share, share_90) >= 0)
        base = amount_90;
    else if (q_cmp(share, share_half) >= 0)
        base = amount_half;
    if (q_is_zero(base)) {
        note_percent(e, share_half, b, sizeof b);
        eng_note(e,
                 "VSM alimentant le DMP pour %s de la patientèle ALD, moins de %s : rien à "
                 "verser (l. 10468-10472)",
                 a, b);
        return 0;
    }
    if (!q_is_zero(etp)) {
        /* the patientèle per GP ETP against the reference (reading vsm_ponderation) */
        q_t weight = q_div(size, etp);
        if (reading_is(e, "vsm_ponderation", "plafonnee")) weight = q_min(weight, q_int(1));
        q_t paid_etp = q_min(etp, etp_cap);
        mt_record(e, "vsm.ponderation", weight);
        l->fixed = base;
        l->points = q_mul(q_mul(base, paid_etp), weight);
        note_euros(e, base, b, sizeof b);
        note_number(e, paid_etp, c, sizeof c);
        char w[48];
        note_number(e, weight, w, sizeof w);
        eng_note(e, "VSM pour %s de la patientèle ALD : %s par ETP × %s ETP × pondération %s", a, b,
                 c, w);
    } else {
        eng_note(e, "aucun ETP de médecin généraliste : rien à verser (« par ETP de médecin "
                    "généraliste », l. 10468)");
    }
    if (!q_is_zero(in_dmp) && q_cmp(q_div(structured, in_dmp), third) > 0) {
        l->points = q_mul(l->points, q_add(q_int(1), maj));
        note_percent(e, maj, b, sizeof b);
        eng_note(e,
                 "plus d'un tiers des VSM alimentant le DMP sont structurés : majoration de %s "
                 "(l. 10490)",
                 b);
    }
    l->status = q_is_zero(l->points) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
    if (q_is_zero(l->points)) return 0;
    e->cur = NULL;
    eng_amounts(e);
    eng_payment(e, eng_tr(e, "Forfait VSM, versé une seule fois au premier semestre 2024"),
                "Art. 28.9.3", &due, l->amount_cents);
    return 0;
}
