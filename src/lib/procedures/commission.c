/* The commissions (CPN, CPR, CPD, CTPPN; Art. 54-57) deliberating under the model rules of
 * Annexe 28, art. 5: the quorum of each section, the parity, the delegations, the new meeting
 * when the quorum fails, and the votes with their second round. */
#include "procedures.h"

#include "../core/errors.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <string.h>

static int num(const ancre_decl *m, const char *path) {
    const decl_value *v = doc_get(m, path);
    return v ? (int)q_floor_int(v->num) : 0;
}

/* l. 24546-24562: simple majority of the votes cast; a tie, a second vote in the same session by
 * secret ballot; a second tie on an opinion in a sanctions procedure, « l'absence d'accord est
 * actée dans le procès-verbal ». */
static void vote(timeline_t *tl, const ancre_decl *v, const char *meeting, const char *rule,
                 int voices, const char *base) {
    const char *subject = doc_get(v, "subject")->s;
    char label[160];
    snprintf(label, sizeof label, "%s : %s", i18n_tr(tl->lang, "Vote"), subject);
    deadline_t *d = tl_add(tl, meeting, rule, "Annexe 28, art. 5", 24546, label);
    int f = num(v, "for"), a = num(v, "against");
    if (f + a > voices) {
        errors_add(tl->e.errs, base, "Annexe 28, art. 5", "au plus les voix de la séance",
                   i18n_tr(tl->lang, "%s : %d voix exprimées pour %d voix présentes ou déléguées"),
                   base, f + a, voices);
        tl->e.failed = true;
        return;
    }
    tl_note(d, "premier vote : %d pour, %d contre (blancs, nuls et abstentions non comptés)", f, a);
    if (f != a) {
        d->status = f > a ? DS_APPLIES : DS_NOT_APPLIES;
        tl_consequence(d, f > a ? "adopté à la majorité simple des voix exprimées"
                                : "rejeté à la majorité simple des voix exprimées");
        return;
    }
    if (!doc_get(v, "second_for") || !doc_get(v, "second_against")) {
        d->status = DS_PENDING;
        tl_consequence(d, "partage des voix : deuxième vote au cours de la même séance, à bulletin "
                          "secret (l. 24552-24556)");
        return;
    }
    int f2 = num(v, "second_for"), a2 = num(v, "second_against");
    tl_note(d, "deuxième vote à bulletin secret : %d pour, %d contre", f2, a2);
    if (f2 != a2) {
        d->status = f2 > a2 ? DS_APPLIES : DS_NOT_APPLIES;
        tl_consequence(d, f2 > a2 ? "adopté au deuxième vote" : "rejeté au deuxième vote");
    } else if (doc_flag(v, "sanction_opinion")) {
        d->status = DS_NOT_APPLIES;
        tl_consequence(d, "nouveau partage sur un avis en matière de sanction : l'absence d'accord "
                          "est actée dans le procès-verbal (l. 24560-24562)");
    } else {
        d->status = DS_NOT_APPLIES;
        tl_consequence(d, "nouveau partage : pas de majorité, la proposition n'est pas adoptée (le "
                          "texte ne prévoit pas de voix prépondérante)");
    }
}

int procedure_commission(timeline_t *tl) {
    const char *kind = doc_get(tl->doc, "commission.kind")->s;
    const decl_value *meetings = doc_get(tl->doc, "commission.meetings");
    char id[64];
    snprintf(id, sizeof id, "commission.%s.seats", kind);
    bool reconvened = false, decided = false;
    date_t deadline = {0, 0, 0};
    for (size_t i = 0; meetings && i < meetings->nitems; i++) {
        const ancre_decl *m = meetings->items[i];
        date_t day;
        doc_date(m, "date", &day);
        char ev[32], base[64];
        snprintf(ev, sizeof ev, "reunion%zu", i + 1);
        snprintf(base, sizeof base, "commission.meetings[%zu]", i);
        if (reconvened) {
            /* the meeting after a failed one: held within the month (l. 24536-24538) */
            deadline_t *r = &tl->items[tl->n - 1];
            tl_done(tl, r, &day, "nouvelle réunion");
        }
        deadline_t *q = tl_add(tl, ev, reconvened ? "parity" : "quorum", "Annexe 28, art. 5",
                               reconvened ? 24538 : 24518,
                               reconvened ? "Nouvelle réunion : délibération valable si la "
                                            "parité est respectée"
                                          : "Quorum de chaque section et parité");
        tl->e.at = day;
        int seats = tl_count(tl, id, day);
        q_t share = par_at(&tl->e, "commission.quorum_share", day);
        int max_deleg = tl_count(tl, "commission.max_delegations", day);
        if (seats < 0 || !q_valid(share) || max_deleg < 0) return -1;
        /* « la moitié du nombre de membres par section arrondie à l'unité supérieure »
         * (l. 24520-24524) */
        q_t half = q_mul(q_int(seats), share);
        int quorum = (int)q_floor_int(half) + (q_is_integer(half) ? 0 : 1);
        int pp = num(m, "pro_present"), sp = num(m, "soc_present");
        int pd = num(m, "pro_delegations"), sd = num(m, "soc_delegations");
        int held = num(m, "most_delegations_held");
        if (pp + pd > seats || sp + sd > seats) {
            errors_add(tl->e.errs, base, "Annexe 28, art. 5", "au plus les sièges de la section",
                       i18n_tr(tl->lang, "%s : plus de membres présents ou représentés que les %d "
                                         "sièges d'une section"),
                       base, seats);
            tl->e.failed = true;
            return -1;
        }
        bool counted = reading_is(&tl->e, "quorum_delegations", "counted");
        int pq = pp + (counted ? pd : 0), sq = sp + (counted ? sd : 0);
        bool quorum_ok = pq >= quorum && sq >= quorum;
        bool parity = reading_is(&tl->e, "commission_parity", "equal_present") ? pp == sp
                                                                               : pp + pd == sp + sd;
        bool deleg_ok = held <= max_deleg;
        tl_note(q,
                "section professionnelle %d présents et %d délégations, section sociale %d "
                "présents et %d délégations ; quorum %d par section (%d sièges)",
                pp, pd, sp, sd, quorum, seats);
        if (!deleg_ok)
            tl_note(q, "un membre détient %d délégations, au plus %d (l. 24530-24532)", held,
                    max_deleg);
        bool valid = parity && deleg_ok && (reconvened || quorum_ok);
        q->status = valid ? DS_APPLIES : DS_NOT_APPLIES;
        if (valid) {
            tl_consequence(q, "la commission délibère valablement");
            int voices = pp + pd + sp + sd;
            const decl_value *votes = doc_get(m, "votes");
            for (size_t k = 0; votes && k < votes->nitems; k++) {
                char rule[32], vbase[128];
                snprintf(rule, sizeof rule, "vote%zu", k + 1);
                snprintf(vbase, sizeof vbase, "%s.votes[%zu]", base, k);
                vote(tl, votes->items[k], ev, rule, voices, vbase);
            }
            decided = true;
            reconvened = false;
            break;
        }
        if (reconvened) {
            tl_consequence(q, "parité non respectée à la nouvelle réunion : un constat de carence "
                              "est établi (l. 24540-24542)");
            tl_state(tl, "carence",
                     "constat de carence : la section en cause est invitée à y "
                     "remédier (Annexe 28, art. 6)");
            return tl->e.failed ? -1 : 0;
        }
        if (!quorum_ok) tl_consequence(q, "quorum non atteint");
        if (!parity) tl_consequence(q, "parité non respectée");
        if (!deleg_ok) tl_consequence(q, "délégations en excès");
        tl_consequence(q, "une nouvelle réunion est convoquée");
        deadline_t *r = tl_add(tl, ev, "reconvene", "Annexe 28, art. 5", 24538,
                               "Nouvelle réunion après un quorum ou une parité manqués");
        if (!tl_period(tl, r, "commission.reconvene", day, "réunion sans quorum ou sans parité"))
            return -1;
        tl_done(tl, r, NULL, "");
        deadline = r->due;
        reconvened = true;
    }
    if (tl->e.failed) return -1;
    if (decided) {
        tl_state(tl, "deliberated", "la commission a pu délibérer");
    } else if (reconvened) {
        char fr[16];
        tl_date(tl, deadline, fr, sizeof fr);
        tl_state(tl, "reconvene", "nouvelle réunion à tenir au plus tard le %s", fr);
        tl_choice(tl, "reconvene",
                  "réunir à nouveau la commission : elle délibère alors quel que "
                  "soit le nombre de membres présents, si la parité est respectée "
                  "(l. 24538-24542)");
        tl->has_next = true;
        tl->next = tl->n - 1;
    } else {
        tl_state(tl, "no_meeting", "aucune réunion");
    }
    return 0;
}
