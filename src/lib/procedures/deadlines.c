/* The deadlines of the exchanges between a centre and the caisse (Titre 3, Annexe 7) and of the
 * justificatifs of the engagements (Art. 17, 18, 29): one function per kind of event, each
 * opening with the sentence it implements. */
#include "procedures.h"

#include "../core/errors.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <string.h>

/* A later step dated before the event it follows is a mistake of the document. */
static bool in_order(timeline_t *tl, const char *base, const char *field, date_t earlier,
                     date_t later, const char *what) {
    if (date_cmp(later, earlier) >= 0) return true;
    char path[160], a[16], b[16];
    snprintf(path, sizeof path, "%s.%s", base, field);
    tl_date(tl, later, a, sizeof a);
    tl_date(tl, earlier, b, sizeof b);
    errors_add(tl->e.errs, path, "ordre des dates", "une date postérieure",
               "%s : le %s ne peut précéder %s (%s)", path, a, i18n_tr(tl->lang, what), b);
    tl->e.failed = true;
    return false;
}

/* Art. 34.2 (l. 10793-10795): « le centre de santé s'engage à adresser à la caisse
 * d'affiliation de l'assuré les feuilles de soins par voie électronique dans les délais
 * réglementairement fixés, soit huit jours ouvrés, s'agissant de la procédure de tiers-payant ».
 * Art. 34.4 (l. 10817-10823): the payment guarantee on the card's data.  Art. 38 (l. 10943-10957):
 * the degraded mode and its paper sheets. */
static void fse(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t care, sent;
    if (!need_date(tl, ev, base, "care_date", "Art. 34.2",
                   "la date des soins, d'où court le délai de transmission", &care))
        return;
    bool has_sent = doc_date(ev, "sent", &sent);
    if (has_sent && !in_order(tl, base, "sent", care, sent, "la date des soins")) return;
    deadline_t *d = tl_add(tl, id, "fse_transmission", "Art. 34.2", 10795,
                           "Transmission de la FSE à la caisse d'affiliation (tiers payant)");
    if (!tl_period(tl, d, "exchanges.fse_transmission", care, "date des soins")) return;
    tl_done(tl, d, has_sent ? &sent : NULL, "transmise");
    char due[16];
    tl_date(tl, d->due, due, sizeof due);
    if (d->status == DS_MISSED)
        tl_consequence(d, "engagement du centre non tenu (Art. 34.2) ; l'accord n'attache pas "
                          "d'autre suite à un retard isolé");
    else if (d->status != DS_MET)
        tl_consequence(d,
                       "transmettre la FSE à la caisse d'affiliation de l'assuré au plus tard "
                       "le %s",
                       due);

    const decl_value *mode = doc_get(ev, "mode");
    if (!mode) return;
    d = tl_add(tl, id, "payment_guarantee", "Art. 34.4", 10821,
               "Garantie de paiement de la part obligatoire sur les données de la carte");
    if (strcmp(mode->s, "secured") == 0) {
        d->status = DS_APPLIES;
        tl_consequence(d, "la part obligatoire est payée sur la base de la couverture inscrite "
                          "dans la carte à la date des soins");
        const decl_value *up = doc_get(ev, "card_rights_up_to_date");
        if (up && !up->b)
            tl_note(d,
                    "les droits en carte n'étaient pas à jour : la garantie joue « y compris "
                    "lorsque les droits figurant en carte ne sont pas à jour » (l. 10821-10823)");
        return;
    }
    d->status = DS_NOT_APPLIES;
    tl_consequence(d, "feuille de soins en mode dégradé (IRIS-B2 non sécurisée, Art. 38) : la "
                      "garantie de l'Art. 34.4, fondée sur les informations contenues dans la "
                      "carte, ne s'applique pas");
    date_t paper;
    bool has_paper = doc_date(ev, "paper_sheets_sent", &paper);
    d = tl_add(tl, id, "degraded_paper_sheets", "Art. 38", 10955,
               "Feuilles de soins papier adressées en parallèle à la caisse du ressort "
               "géographique");
    d->status = has_paper ? DS_APPLIES : DS_NOT_APPLIES;
    if (has_paper) {
        d->has_done = true;
        d->done = paper;
        snprintf(d->done_label, sizeof d->done_label, "adressées");
    } else {
        tl_consequence(d, "adresser à la caisse du ressort géographique du centre, avec les "
                          "pièces justificatives, les feuilles de soins papier correspondant à la "
                          "FSE dégradée (le texte ne fixe pas de délai)");
    }
}

/* Art. 34.3 (l. 10803-10809): « La caisse … émet l'ordre de virement du montant dû dans un délai
 * maximal de cinq jours ouvrés, à compter du jour de la réception de l'accusé de réception
 * logique (ARL positif).  Si le délai de paiement excède sept jours ouvrés, une indemnité est
 * versée aux centres de santé dans les conditions définies réglementairement. » */
static void payment(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t arl, order, paid;
    if (!need_date(tl, ev, base, "arl_date", "Art. 34.3",
                   "la date de réception de l'ARL positif, d'où courent les délais de paiement",
                   &arl))
        return;
    bool has_order = doc_date(ev, "transfer_order", &order), has_paid = doc_date(ev, "paid", &paid);
    if (has_order && !in_order(tl, base, "transfer_order", arl, order, "l'ARL positif")) return;
    if (has_paid && !in_order(tl, base, "paid", arl, paid, "l'ARL positif")) return;
    deadline_t *d = tl_add(tl, id, "transfer_order", "Art. 34.3", 10805,
                           "Ordre de virement par la caisse après l'ARL positif");
    if (!tl_period(tl, d, "exchanges.transfer_order", arl, "réception de l'ARL positif")) return;
    tl_done(tl, d, has_order ? &order : NULL, "ordre émis");
    if (d->status == DS_MISSED || d->status == DS_OVERDUE)
        tl_consequence(d, "engagement de la caisse non tenu (Art. 34.3) ; l'indemnité ne dépend "
                          "que du délai de paiement");

    d = tl_add(tl, id, "late_payment", "Art. 34.3", 10807,
               "Délai de paiement au-delà duquel une indemnité de retard est due");
    if (!tl_period(tl, d, "exchanges.late_payment", arl, "réception de l'ARL positif")) return;
    tl_done(tl, d, has_paid ? &paid : NULL, "payé");
    if (d->status == DS_MISSED || d->status == DS_OVERDUE)
        tl_consequence(d,
                       "le délai de paiement excède %d %s : une indemnité est versée au centre "
                       "dans les conditions définies réglementairement",
                       d->count, i18n_tr(tl->lang, cal_unit_fr(d->unit, d->count)));
    else if (d->status == DS_MET)
        tl_consequence(d, "pas d'indemnité de retard");
}

/* Art. 38 (l. 10967-10973): paper care sheets « le règlement au centre de santé intervient dans
 * un délai de vingt jours à compter de la réception des documents nécessaires à la prise en
 * charge par l'organisme ». */
static void paper_invoice(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t received, paid;
    if (!need_date(tl, ev, base, "received", "Art. 38",
                   "la date de réception des documents par la caisse", &received))
        return;
    bool has_paid = doc_date(ev, "paid", &paid);
    if (has_paid && !in_order(tl, base, "paid", received, paid, "la réception des documents"))
        return;
    deadline_t *d =
        tl_add(tl, id, "paper_payment", "Art. 38", 10971, "Règlement des feuilles de soins papier");
    if (!tl_period(tl, d, "exchanges.paper_payment", received, "réception des documents")) return;
    tl_done(tl, d, has_paid ? &paid : NULL, "réglé");
    if (d->status == DS_MISSED || d->status == DS_OVERDUE)
        tl_consequence(d, "engagement de la caisse non tenu ; l'accord ne prévoit pas "
                          "d'indemnité pour les feuilles papier");
}

/* Art. 36 (l. 10860-10878): « En cas d'échec dans l'émission d'une FSE, le centre de santé fait
 * une nouvelle tentative dans les délais réglementairement prévus » (the eight jours ouvrés of
 * Art. 34.2, from the care); after a new failure a paper duplicate stating the reason and the FSE
 * and lot numbers, signed by the centre and, if possible, by the insured. */
static void fse_failure(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t care, first, retry;
    if (!need_date(tl, ev, base, "care_date", "Art. 36", "la date des soins", &care) ||
        !need_date(tl, ev, base, "first_attempt", "Art. 36", "la date de l'échec d'émission",
                   &first) ||
        !in_order(tl, base, "first_attempt", care, first, "la date des soins"))
        return;
    bool has_retry = doc_date(ev, "retry", &retry);
    if (has_retry && !in_order(tl, base, "retry", first, retry, "le premier échec")) return;
    deadline_t *d = tl_add(tl, id, "fse_retry", "Art. 36", 10860,
                           "Nouvelle tentative d'émission de la FSE dans le délai réglementaire");
    if (!tl_period(tl, d, "exchanges.fse_transmission", care, "date des soins")) return;
    tl_done(tl, d, has_retry ? &retry : NULL, "nouvelle tentative");
    if (!doc_flag(ev, "retry_failed")) return;
    d = tl_add(tl, id, "duplicate", "Art. 36", 10868,
               "Duplicata papier de la FSE après un nouvel échec");
    date_t sent;
    if (doc_date(ev, "duplicate_sent", &sent)) {
        d->has_done = true;
        d->done = sent;
        snprintf(d->done_label, sizeof d->done_label, "adressé");
    }
    static const struct {
        const char *field, *missing;
    } mentions[] = {
        {"duplicate_reason", "le motif de sa délivrance"},
        {"duplicate_references", "les numéros de FSE et de lot"},
        {"signed_by_centre", "la signature du centre"},
        {"signed_by_insured", "la signature de l'assuré ou la mention qu'il n'a pas pu signer"},
    };
    d->status = d->has_done ? DS_APPLIES : DS_NOT_APPLIES;
    for (size_t i = 0; i < sizeof mentions / sizeof *mentions; i++)
        if (!doc_flag(ev, mentions[i].field)) {
            d->status = DS_NOT_APPLIES;
            tl_consequence(d, "il manque au duplicata %s", mentions[i].missing);
        }
    if (!d->has_done)
        tl_consequence(d, "adresser le duplicata à la caisse d'affiliation de l'assuré");
}

/* Art. 45.2 (l. 11365): « Lorsque la réponse ne peut être immédiatement apportée, un engagement
 * de réponse en trois jours est pris. » */
static void cesi_question(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t asked, answered;
    if (!need_date(tl, ev, base, "asked", "Art. 45.2", "la date de la question", &asked)) return;
    bool has_answer = doc_date(ev, "answered", &answered);
    if (has_answer && !in_order(tl, base, "answered", asked, answered, "la question")) return;
    deadline_t *d =
        tl_add(tl, id, "cesi_answer", "Art. 45.2", 11365, "Réponse du CESI sur le tiers payant");
    if (!tl_period(tl, d, "exchanges.cesi_answer", asked, "question")) return;
    tl_done(tl, d, has_answer ? &answered : NULL, "réponse");
    if (d->status == DS_MISSED || d->status == DS_OVERDUE)
        tl_consequence(d, "engagement de réponse non tenu ; la caisse de rattachement du patient "
                          "peut aussi répondre (l. 11365-11367)");
}

/* Annexe 7, 2.6.1 (l. 14602-14616): the centre « met tout en œuvre pour y parvenir dans un délai
 * de 5 jours à compter de la première tentative de numérisation.  En cas de nouvel échec à
 * l'issue du délai imparti, le centre de santé transmet la pièce justificative sous format
 * papier (duplicata ou copie papier), sauf si l'ordonnance a déjà été transmise … à l'appui
 * d'une demande d'accord préalable ». */
static void scor_failure(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t first, ok, paper;
    if (!need_date(tl, ev, base, "first_attempt", "Annexe 7, 2.6.1",
                   "la date de la première tentative de numérisation", &first))
        return;
    bool has_ok = doc_date(ev, "succeeded", &ok), has_paper = doc_date(ev, "paper_sent", &paper);
    if (has_ok && !in_order(tl, base, "succeeded", first, ok, "la première tentative")) return;
    deadline_t *d = tl_add(tl, id, "scor_retry", "Annexe 7, 2.6.1", 14608,
                           "SCOR : réussir la numérisation ou la transmission de la pièce");
    if (!tl_period(tl, d, "scor.failure_retry", first, "première tentative de numérisation"))
        return;
    tl_done(tl, d, has_ok ? &ok : NULL, "transmise");
    if (d->status == DS_MET || d->status == DS_PENDING) return;
    if (doc_flag(ev, "already_sent_with_dap"))
        tl_consequence(d, "aucune copie papier n'est exigée : l'ordonnance a déjà été transmise à "
                          "l'appui d'une demande d'accord préalable (l. 14612-14616)");
    else if (has_paper) {
        char fr[16];
        tl_date(tl, paper, fr, sizeof fr);
        tl_consequence(d, "pièce transmise sous format papier le %s (l. 14610-14612)", fr);
    } else
        tl_consequence(d, "transmettre la pièce justificative sous format papier (duplicata ou "
                          "copie papier) (l. 14610-14612)");
}

/* Annexe 7, 2.6.3 (l. 14675-14683): « Une période de vérification initiale des pièces
 * numérisées est mise en place … pendant un délai de 90 jours à compter de la réception des
 * premières pièces justificatives numérisées »; 2.8 (l. 14733-14737): paper copies kept during
 * the verification periods. */
static void scor_verification(timeline_t *tl, const ancre_decl *ev, const char *id,
                              const char *base) {
    date_t first;
    if (!need_date(tl, ev, base, "first_received", "Annexe 7, 2.6.3",
                   "la date de réception des premières pièces numérisées", &first))
        return;
    deadline_t *d = tl_add(tl, id, "scor_initial_verification", "Annexe 7, 2.6.3", 14677,
                           "SCOR : période de vérification initiale des pièces numérisées");
    if (!tl_period(tl, d, "scor.initial_verification", first, "réception des premières pièces"))
        return;
    tl_span(tl, d);
    tl_consequence(d, "pendant la période, la caisse signale les anomalies et aide le centre à "
                      "s'ajuster ; le centre conserve aussi les copies papier des ordonnances "
                      "(Annexe 7, 2.8, l. 14733-14737)");
}

/* Annexe 7, 2.6.3 (l. 14687-14693): the caisse « se réserve la possibilité de renouveler ce
 * contrôle sur une période maximum de 90 jours.  Dans ce cadre, il en avise le centre de santé
 * dans un délai minimum de 7 jours avant la mise en place du contrôle. » */
static void scor_control(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t start, notice, end;
    if (!need_date(tl, ev, base, "control_start", "Annexe 7, 2.6.3",
                   "le premier jour du contrôle renouvelé", &start))
        return;
    bool has_notice = doc_date(ev, "notice_received", &notice),
         has_end = doc_date(ev, "control_end", &end);
    if (has_end && !in_order(tl, base, "control_end", start, end, "le début du contrôle")) return;
    deadline_t *d = tl_add(tl, id, "scor_control_notice", "Annexe 7, 2.6.3", 14693,
                           "SCOR : préavis du contrôle renouvelé");
    if (!tl_notice(tl, d, "scor.control_notice", start, "début du contrôle")) return;
    tl_done(tl, d, has_notice ? &notice : NULL, "centre avisé");
    if (d->status == DS_MISSED)
        tl_consequence(d, "préavis minimal de %d %s non respecté par l'organisme", d->count,
                       i18n_tr(tl->lang, cal_unit_fr(d->unit, d->count)));
    d = tl_add(tl, id, "scor_control_length", "Annexe 7, 2.6.3", 14691,
               "SCOR : durée maximale du contrôle renouvelé");
    if (!tl_period(tl, d, "scor.control_max", start, "début du contrôle")) return;
    if (has_end) {
        tl_done(tl, d, &end, "fin du contrôle");
        if (d->status == DS_MISSED)
            tl_consequence(d, "contrôle plus long que la période maximum de %d %s", d->count,
                           i18n_tr(tl->lang, cal_unit_fr(d->unit, d->count)));
    } else {
        tl_span(tl, d);
    }
}

/* Annexe 7, 2.8 (l. 14725-14729): the centre keeps the scanned documents « pendant
 * quatre-vingt-dix (90) jours à compter du jour de la télétransmission ». */
static void scor_retention(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    date_t sent;
    if (!need_date(tl, ev, base, "transmitted", "Annexe 7, 2.8", "le jour de la télétransmission",
                   &sent))
        return;
    deadline_t *d = tl_add(tl, id, "scor_retention", "Annexe 7, 2.8", 14729,
                           "SCOR : conservation des pièces numériques par le centre");
    if (!tl_period(tl, d, "scor.retention", sent, "télétransmission")) return;
    tl_span(tl, d);
    char fr[16];
    tl_date(tl, d->due, fr, sizeof fr);
    tl_consequence(d,
                   "conserver les pièces numériques, copiables et imprimables, jusqu'au %s "
                   "inclus",
                   fr);
}

/* A date of year N+1 given by two parameters (month and day), looked up on 31 December N. */
static bool date_of(timeline_t *tl, const char *prefix, int year, date_t *out) {
    char id[96];
    date_t at = date_make(year, 12, 31);
    snprintf(id, sizeof id, "%s.month", prefix);
    int m = tl_count(tl, id, at);
    snprintf(id, sizeof id, "%s.day", prefix);
    int d = tl_count(tl, id, at);
    if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(year + 1, m)) {
        if (!tl->e.failed)
            eng_fail(&tl->e, id, "params", "un mois et un jour valides",
                     "les paramètres %s.* ne donnent pas une date valide", prefix);
        return false;
    }
    *out = date_make(year + 1, m, d);
    return true;
}

/* Art. 17 (l. 3277-3283): the justificatifs « doit s'effectuer au plus tard le 28 février de
 * l'année suivant l'année civile de référence »; Art. 18 (l. 3305-3309): the payment « est
 * effectué au plus tard le 30 avril de l'année qui suit … sous réserve que les justificatifs
 * aient été fournis par le centre de santé dans les délais prévus à l'article 17 »; Art. 29
 * (l. 10556-10557): the data on the shared platform by the same 28 February. */
static void justificatifs(timeline_t *tl, const ancre_decl *ev, const char *id, const char *base) {
    const decl_value *yv = doc_get(ev, "year");
    if (!yv) {
        char path[160];
        snprintf(path, sizeof path, "%s.year", base);
        errors_add(tl->e.errs, path, "Art. 17", "une année (AAAA)",
                   "%s : l'année de référence des engagements est nécessaire", path);
        tl->e.failed = true;
        return;
    }
    int year = (int)q_floor_int(yv->num);
    date_t sent, paid, platform;
    bool has_sent = doc_date(ev, "sent", &sent), has_paid = doc_date(ev, "payment_date", &paid),
         has_platform = doc_date(ev, "platform_data_sent", &platform);
    deadline_t *d = tl_add(tl, id, "justificatifs", "Art. 17", 3281,
                           "Transmission des justificatifs des engagements à la CPAM");
    if (!date_of(tl, "rsf.justificatifs_due", year, &d->due)) return;
    d->has_due = true;
    tl_done(tl, d, has_sent ? &sent : NULL, "transmis");
    bool late = d->status == DS_MISSED || d->status == DS_OVERDUE;
    char due[16], pay[16];
    tl_date(tl, d->due, due, sizeof due);

    deadline_t *p = tl_add(tl, id, "remuneration_payment", "Art. 18", 3305,
                           "Versement de la rémunération de l'année par la caisse");
    if (!date_of(tl, "rsf.balance_due", year, &p->due)) return;
    p->has_due = true;
    tl_date(tl, p->due, pay, sizeof pay);
    if (late) {
        p->status = DS_NOT_APPLIES;
        tl_consequence(d,
                       "la condition de l'Art. 18 n'est pas remplie : le versement au %s "
                       "n'est plus garanti",
                       pay);
        tl_consequence(p,
                       "justificatifs non fournis au %s : l'échéance du %s ne s'impose pas "
                       "à la caisse (Art. 18, l. 3307-3309)",
                       due, pay);
        if (has_paid) {
            p->has_done = true;
            p->done = paid;
            snprintf(p->done_label, sizeof p->done_label, "versée");
        }
    } else {
        tl_done(tl, p, has_paid ? &paid : NULL, "versée");
        if (d->status == DS_MET)
            tl_consequence(p,
                           "justificatifs fournis dans le délai : versement dû au plus tard le "
                           "%s",
                           pay);
        else
            tl_consequence(p,
                           "sous réserve que les justificatifs soient fournis au plus tard le "
                           "%s",
                           due);
        if (p->status == DS_MISSED || p->status == DS_OVERDUE)
            tl_consequence(p, "engagement de versement de la caisse non tenu");
    }

    d = tl_add(tl, id, "platform_data", "Art. 29", 10556,
               "Saisie des données de l'année sur la plateforme informationnelle");
    if (!date_of(tl, "platform.data_due", year, &d->due)) return;
    d->has_due = true;
    tl_done(tl, d, has_platform ? &platform : NULL, "saisies");
    tl_note(d, "« sous réserve que le centre de santé dispose des informations demandées » "
               "(l. 10557)");
}

typedef void (*event_fn)(timeline_t *, const ancre_decl *, const char *, const char *);

int deadlines_compute(timeline_t *tl) {
    static const struct {
        const char *kind;
        event_fn fn;
    } kinds[] = {{"fse", fse},
                 {"payment", payment},
                 {"paper_invoice", paper_invoice},
                 {"fse_failure", fse_failure},
                 {"cesi_question", cesi_question},
                 {"scor_failure", scor_failure},
                 {"scor_verification", scor_verification},
                 {"scor_control", scor_control},
                 {"scor_retention", scor_retention},
                 {"justificatifs", justificatifs}};
    const decl_value *events = doc_get(tl->doc, "events");
    for (size_t i = 0; events && i < events->nitems; i++) {
        const ancre_decl *ev = events->items[i];
        char base[32], id[64];
        snprintf(base, sizeof base, "events[%zu]", i);
        const decl_value *given = doc_get(ev, "id");
        snprintf(id, sizeof id, "%s", given ? given->s : "");
        if (!given) snprintf(id, sizeof id, "e%zu", i + 1);
        const char *kind = doc_get(ev, "kind")->s;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
            if (strcmp(kinds[k].kind, kind) == 0) kinds[k].fn(tl, ev, id, base);
    }
    return tl->e.failed ? -1 : 0;
}
