/* The sanctions procedure of Art. 58-60 and the exceptional procedure of Art. 61, as state
 * machines: from the steps dated in the document, the state reached, each deadline with its date
 * and whether it was kept, the next deadline and the decisions possible. */
#include "procedures.h"

#include "../core/errors.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <string.h>

static void refuse(timeline_t *tl, const char *path, const char *rule, const char *expected,
                   const char *message) {
    errors_add(tl->e.errs, path, rule, expected, "%s : %s", path, i18n_tr(tl->lang, message));
    tl->e.failed = true;
}

/* Art. 59, l. 12243-12257: no mise en demeure « lorsqu'il s'agit » of the acts not performed,
 * the regulation of the conventionnement in zones sur-dotées or non prioritaires, a fraud of
 * R.147-11, the repeated breach of the list of L.162-1-7 (reading ngap_ccam_formal_notice), and
 * facts sanctioned by the ARS or a court. */
static bool formal_notice_required(timeline_t *tl, const char *grievance) {
    static const char *const exempt[] = {"actes_non_realises", "zone_sur_dotee",
                                         "regulation_dentaire", "fraude", "faits_sanctionnes"};
    for (size_t i = 0; i < sizeof exempt / sizeof *exempt; i++)
        if (strcmp(grievance, exempt[i]) == 0) return false;
    if (strcmp(grievance, "ngap_ccam") == 0)
        return reading_is(&tl->e, "ngap_ccam_formal_notice", "required");
    return true;
}

/* the next deadline not yet done: the first pending or overdue one */
static void next_from(timeline_t *tl, size_t from) {
    for (size_t i = from; i < tl->n; i++)
        if (tl->items[i].status == DS_PENDING || tl->items[i].status == DS_OVERDUE ||
            tl->items[i].status == DS_OPEN) {
            tl->has_next = true;
            tl->next = i;
            return;
        }
}

static bool past(const timeline_t *tl, const deadline_t *d) {
    return tl->has_today && d->has_due && date_cmp(tl->today, d->due) > 0;
}

/* Art. 60 (l. 12328-12347): avertissement; suspension of the conventional practice, with or
 * without sursis; suspension of the forfaits « pour une durée ne pouvant excéder 5 ans ». */
static void measures(timeline_t *tl, const decl_value *list) {
    for (size_t i = 0; list && i < list->nitems; i++) {
        const ancre_decl *m = list->items[i];
        char path[96], id[32];
        snprintf(path, sizeof path, "sanction.measures[%zu]", i);
        snprintf(id, sizeof id, "mesure%zu", i + 1);
        const char *kind = doc_get(m, "kind")->s;
        if (strcmp(kind, "avertissement") == 0) {
            deadline_t *d = tl_add(tl, id, "avertissement", "Art. 60", 12333, "Avertissement");
            d->status = DS_APPLIES;
            continue;
        }
        date_t from;
        const decl_value *months = doc_get(m, "months");
        char mpath[112];
        snprintf(mpath, sizeof mpath, "%s.months", path);
        if (!doc_date(m, "effective", &from)) {
            snprintf(mpath, sizeof mpath, "%s.effective", path);
            refuse(tl, mpath, "Art. 59", "une date AAAA-MM-JJ",
                   "la décision précise la date d'effet de la sanction (l. 12320)");
            continue;
        }
        if (!months) {
            refuse(tl, mpath, "Art. 60", "un nombre de mois",
                   "la durée de la suspension est nécessaire");
            continue;
        }
        bool forfaits = strcmp(kind, "suspension_forfaits") == 0;
        deadline_t *d =
            tl_add(tl, id, kind, "Art. 60", forfaits ? 12337 : 12335,
                   forfaits ? "Suspension du versement des rémunérations forfaitaires autres "
                              "qu'à l'acte"
                            : "Suspension de la possibilité d'exercer dans le cadre "
                              "conventionnel");
        int max = tl_count(tl, "sanction.max_duration.count", from);
        date_t saved = tl->e.at;
        tl->e.at = from;
        const char *unit = par_text(&tl->e, "sanction.max_duration.unit");
        tl->e.at = saved;
        cal_unit u;
        if (max < 0 || !unit || !cal_unit_parse(unit, &u)) return;
        int max_months = u == CU_ANNEES ? 12 * max : max;
        int n = (int)q_floor_int(months->num);
        if (n > max_months) {
            errors_add(tl->e.errs, mpath, "Art. 60", "au plus la durée maximale",
                       i18n_tr(tl->lang, "%s : %d mois dépasse la durée maximale de %d %s (l. "
                                         "12343-12347)"),
                       mpath, n, max, i18n_tr(tl->lang, cal_unit_fr(u, max)));
            tl->e.failed = true;
            continue;
        }
        /* a measure of D months from S is in force on [S, S + D): its last day is the day
         * before S + D */
        d->has_start = true;
        d->start = from;
        snprintf(d->start_label, sizeof d->start_label, "%s",
                 i18n_tr(tl->lang, "date d'effet de la décision"));
        d->count = n;
        d->unit = CU_MOIS;
        d->due = date_add_days(date_add_months(from, n), -1);
        d->has_due = true;
        tl_span(tl, d);
        if (tl->has_today && date_cmp(tl->today, from) < 0) d->status = DS_INFO;
        char a[16], b[16];
        tl_date(tl, from, a, sizeof a);
        tl_date(tl, d->due, b, sizeof b);
        if (forfaits) {
            date_t at = from;
            tl->e.at = at;
            const char *payments = par_text(&tl->e, "sanction.suspended_payments");
            tl->e.at = saved;
            tl_consequence(d,
                           "les versements des forfaits (%s) dus du %s au %s sont suspendus ; "
                           "une déclaration les porte dans sanctions.forfaits_suspended_from "
                           "et sanctions.forfaits_suspended_to",
                           payments ? payments : "", a, b);
        } else if (doc_flag(m, "sursis")) {
            tl_consequence(d,
                           "avec sursis : le centre reste dans le cadre conventionnel ; le texte "
                           "ne dit pas ce qui révoque le sursis");
        } else {
            tl_consequence(d,
                           "du %s au %s, le centre est placé dans la situation d'un centre "
                           "déconventionné : tarifs d'autorité (Art. 52, l. 11650-11652)",
                           a, b);
        }
    }
}

static int sanction(timeline_t *tl) {
    const ancre_decl *doc = tl->doc;
    const decl_value *gv = doc_get(doc, "sanction.grievance");
    if (!gv) {
        refuse(tl, "sanction.grievance", "Art. 58", "un grief de l'Art. 58",
               "le manquement reproché est nécessaire");
        return -1;
    }
    const char *g = gv->s;
    date_t notice, changed, findings, obs, decision, opinion, notified;
    bool has_notice = doc_date(doc, "sanction.formal_notice_received", &notice),
         has_changed = doc_date(doc, "sanction.practice_changed", &changed),
         has_findings = doc_date(doc, "sanction.findings_received", &findings),
         has_obs = doc_date(doc, "sanction.observations", &obs),
         has_decision = doc_date(doc, "sanction.cpam_decision_date", &decision),
         has_opinion = doc_date(doc, "sanction.opinion_received", &opinion),
         has_notified = doc_date(doc, "sanction.notification_received", &notified);
    const decl_value *choice = doc_get(doc, "sanction.cpam_decision");

    /* Art. 59, l. 12223-12239: the mise en demeure and the month (three months for the
     * electronic transmission of L. 161-35) to change the practice */
    if (formal_notice_required(tl, g)) {
        if (!has_notice) {
            tl_state(tl, "detected", "manquement constaté (%s), mise en demeure à adresser", g);
            tl_choice(tl, "formal_notice",
                      "adresser au centre une mise en demeure décrivant l'ensemble des faits "
                      "reprochés, par tout moyen permettant de rapporter la preuve de sa date de "
                      "réception (Art. 59, l. 12223-12231)");
            return 0;
        }
        bool tele = strcmp(g, "teletransmission") == 0;
        deadline_t *d = tl_add(tl, "sanction", "cure_period", "Art. 59", tele ? 12237 : 12233,
                               "Délai pour modifier la pratique reprochée");
        if (!tl_period(tl, d,
                       tele ? "sanction.cure_period_teletransmission" : "sanction.cure_period",
                       notice, "réception de la mise en demeure"))
            return -1;
        tl_done(tl, d, has_changed ? &changed : NULL, "pratique modifiée");
        if (d->status == DS_MET) {
            tl_state(tl, "closed_corrected",
                     "pratique modifiée dans le délai : la procédure ne se poursuit pas");
            tl_consequence(d, "le relevé des constatations n'est communiqué que si, à l'issue du "
                              "délai, la pratique n'a pas été modifiée (l. 12261)");
            return 0;
        }
        if (has_findings && date_cmp(findings, d->due) <= 0)
            tl_note(d, "relevé des constatations reçu avant la fin du délai (l. 12261 : « à "
                       "l'issue de ce délai »)");
        if (!has_findings) {
            if (d->status == DS_PENDING || (d->status == DS_OPEN && !tl->has_today)) {
                tl_state(tl, "cure_period",
                         "mise en demeure reçue : délai pour modifier la "
                         "pratique en cours");
                tl_choice(tl, "change_practice", "le centre modifie sa pratique dans le délai");
            } else {
                tl_state(tl, "cure_elapsed", "délai écoulé sans modification de la pratique");
                tl_choice(tl, "findings",
                          "communiquer au centre un relevé des constatations motivé, avec copie "
                          "aux membres titulaires des deux sections de la CPR ou CPD et au "
                          "membre de l'ARS (l. 12261-12269)");
                if (d->status == DS_OVERDUE) d->status = DS_MISSED;
            }
            next_from(tl, 0);
            return 0;
        }
    } else if (!has_findings) {
        tl_state(tl, "detected",
                 "manquement constaté (%s) : pas de mise en demeure (Art. 59, "
                 "l. 12243-12257)",
                 g);
        tl_choice(tl, "findings",
                  "communiquer au centre un relevé des constatations motivé, avec copie aux "
                  "membres de la CPR ou CPD et de l'ARS (l. 12261-12269)");
        return 0;
    }

    /* l. 12270-12289: a month of observations, then the CPAM closes or refers */
    deadline_t *o = tl_add(tl, "sanction", "observations", "Art. 59", 12270,
                           "Observations écrites ou demande d'audition du centre");
    if (!tl_period(tl, o, "sanction.observations", findings,
                   "réception du relevé des constatations"))
        return -1;
    tl_done(tl, o, has_obs ? &obs : NULL, "observations");
    if (!choice) {
        if (o->status == DS_PENDING || o->status == DS_OPEN) {
            tl_state(tl, "observations",
                     "relevé des constatations reçu : le centre présente ses "
                     "observations");
            tl_choice(tl, "observations",
                      "le centre présente des observations écrites ou demande à être entendu, "
                      "assisté d'un avocat ou d'un représentant d'une organisation de centres "
                      "(l. 12270-12278)");
        } else {
            if (o->status == DS_OVERDUE) o->status = DS_INFO;
            tl_state(tl, "cpam_decision", "délai d'observations écoulé : la CPAM décide");
            tl_choice(tl, "close",
                      "mettre fin à la procédure et en aviser le centre et la CPR ou "
                      "CPD (l. 12283)");
            tl_choice(tl, "refer",
                      "saisir la CPR ou CPD pour avis préalable à la sanction "
                      "(l. 12285-12289)");
        }
        next_from(tl, 0);
        return 0;
    }
    if (o->status == DS_OVERDUE || o->status == DS_OPEN) o->status = DS_INFO;
    if (has_decision && date_cmp(decision, o->due) <= 0)
        tl_note(o, "la CPAM a décidé avant la fin du délai d'observations (l. 12281 : « à "
                   "l'issue du délai d'un mois »)");
    if (strcmp(choice->s, "close") == 0) {
        tl_state(tl, "closed_by_cpam",
                 "la CPAM a mis fin à la procédure ; elle en avise le centre "
                 "et la CPR ou CPD (l. 12283)");
        return 0;
    }
    if (!has_decision) {
        refuse(tl, "sanction.cpam_decision_date", "Art. 59", "une date AAAA-MM-JJ",
               "la date de saisine de la CPR ou CPD est nécessaire");
        return -1;
    }

    /* l. 12300-12304: the opinion in session, deemed given two months after the referral */
    deadline_t *a = tl_add(tl, "sanction", "opinion", "Art. 59", 12304,
                           "Avis de la CPR ou CPD (réputé rendu au terme du délai)");
    if (!tl_period(tl, a, "sanction.opinion_deemed", decision, "saisine de la CPR ou CPD"))
        return -1;
    bool opinion_late = has_opinion && date_cmp(opinion, a->due) > 0;
    tl_done(tl, a, has_opinion ? &opinion : NULL, "avis reçu par le directeur");
    date_t opinion_date = has_opinion && !opinion_late ? opinion : a->due;
    bool deemed = !has_opinion || opinion_late;
    if (deemed && !past(tl, a) && !has_notified) {
        tl_state(tl, "referred", "CPR ou CPD saisie : avis attendu");
        tl_choice(tl, "commission_observations",
                  "le centre transmet ses observations écrites à la commission ou est entendu "
                  "par elle (l. 12293-12297)");
        tl_choice(tl, "opinion", "la commission rend son avis en séance (l. 12300)");
        next_from(tl, 0);
        return 0;
    }
    if (deemed) {
        char fr[16];
        tl_date(tl, a->due, fr, sizeof fr);
        a->status = DS_INFO;
        tl_consequence(a, "l'avis est réputé rendu le %s (l. 12302-12304)", fr);
    }

    /* l. 12308-12322: a month to notify the measure, from the receipt of the opinion or the
     * date it is deemed given */
    deadline_t *n = tl_add(tl, "sanction", "notification", "Art. 59", 12312,
                           "Notification de la mesure au centre par le directeur");
    if (!tl_period(tl, n, "sanction.notification", opinion_date,
                   deemed ? "avis réputé rendu" : "réception de l'avis"))
        return -1;
    tl_done(tl, n, has_notified ? &notified : NULL, "notification reçue");
    if (n->status == DS_MISSED || n->status == DS_OVERDUE)
        tl_consequence(n,
                       "délai de notification dépassé : l'Art. 59 n'en dit pas la suite, alors que "
                       "l'Art. 61 répute abandonnée la procédure exceptionnelle (l. 12382)");
    if (!has_notified) {
        tl_state(tl, "opinion_given", "avis rendu : le directeur notifie la mesure");
        tl_choice(tl, "avertissement", "avertissement (Art. 60, l. 12333)");
        tl_choice(
            tl, "suspension_conventionnel",
            "suspension de la possibilité d'exercer dans le cadre conventionnel, avec ou "
            "sans sursis, pour la durée maximale de l'Art. 60 au plus (l. 12335, 12343-12347)");
        tl_choice(tl, "suspension_forfaits",
                  "suspension du versement des rémunérations forfaitaires autres qu'à l'acte "
                  "(RSF, ROSP, FPMT, MPA…), pour la durée maximale de l'Art. 60 au plus "
                  "(l. 12337-12347)");
        tl_doc_note(tl, "la décision liste les faits reprochés, précise la nature de la sanction, "
                        "sa date d'effet et les délai et voie de recours ; elle est motivée "
                        "(l. 12320-12322)");
        next_from(tl, 0);
        return 0;
    }
    size_t first = tl->n;
    measures(tl, doc_get(doc, "sanction.measures"));
    bool running = false;
    for (size_t i = first; i < tl->n; i++)
        running |= tl->items[i].status == DS_RUNNING;
    if (running)
        tl_state(tl, "sanction_running", "mesure notifiée, en cours d'exécution");
    else
        tl_state(tl, "decided", "mesure notifiée");
    return tl->e.failed ? -1 : 0;
}

/* Art. 61 (l. 12349-12388): the provisional suspension, when the breach justifies a criminal
 * referral and the loss exceeds eight monthly ceilings, with the agreement of the UNCAM. */
static int urgent(timeline_t *tl) {
    const ancre_decl *doc = tl->doc;
    const decl_value *loss = doc_get(doc, "urgent.loss_cents"),
                     *pmss = doc_get(doc, "urgent.pmss_cents");
    if (!loss || !pmss) {
        refuse(tl, loss ? "urgent.pmss_cents" : "urgent.loss_cents", "Art. 61",
               "un montant en centimes", "le préjudice et le plafond mensuel sont nécessaires");
        return -1;
    }
    date_t notice, heard, obs, notified;
    bool has_notice = doc_date(doc, "urgent.notice_received", &notice),
         has_heard = doc_date(doc, "urgent.hearing_requested", &heard),
         has_obs = doc_date(doc, "urgent.observations", &obs),
         has_notified = doc_date(doc, "urgent.suspension_notified", &notified);
    date_t at = has_notice ? notice : (tl->has_today ? tl->today : tl_entry_into_force(tl));
    deadline_t *c =
        tl_add(tl, "urgent", "loss_threshold", "Art. 61", 12359,
               "Préjudice au-delà du seuil en plafonds mensuels de la sécurité sociale");
    int k = tl_count(tl, "urgent.loss_threshold_pmss", at);
    if (k < 0) return -1;
    q_t threshold = q_mul(pmss->num, q_int(k));
    bool over = q_cmp(loss->num, threshold) > 0;
    c->status = over ? DS_APPLIES : DS_NOT_APPLIES;
    char l1[48], l2[48];
    i18n_euros(tl->lang, q_floor_int(loss->num), l1, sizeof l1);
    i18n_euros(tl->lang, q_floor_int(threshold), l2, sizeof l2);
    tl_note(c, "préjudice %s, seuil %d × plafond mensuel = %s", l1, k, l2);
    deadline_t *r = tl_add(tl, "urgent", "criminal_referral", "Art. 61", 12355,
                           "Violation justifiant une procédure pénale (art. 40 du code de "
                           "procédure pénale)");
    r->status = doc_flag(doc, "urgent.criminal_referral") ? DS_APPLIES : DS_NOT_APPLIES;
    deadline_t *u = tl_add(tl, "urgent", "uncam_agreement", "Art. 61", 12361,
                           "Accord du directeur général de l'UNCAM");
    u->status = doc_flag(doc, "urgent.uncam_agreement") ? DS_APPLIES : DS_NOT_APPLIES;
    if (c->status != DS_APPLIES || r->status != DS_APPLIES || u->status != DS_APPLIES) {
        tl_state(tl, "not_eligible", "conditions de la procédure exceptionnelle non réunies");
        tl_choice(tl, "standard_procedure", "la procédure de l'Art. 59");
        return 0;
    }
    if (!has_notice) {
        tl_state(tl, "eligible", "procédure exceptionnelle possible");
        tl_choice(tl, "notice",
                  "notifier au centre les faits reprochés et la suspension "
                  "envisagée, par tout moyen autre que la messagerie électronique "
                  "permettant de déterminer la date de réception (l. 12366-12370)");
        return 0;
    }
    deadline_t *h = tl_add(tl, "urgent", "hearing_request", "Art. 61", 12372,
                           "Demande d'audition du représentant légal");
    if (!tl_period(tl, h, "urgent.hearing_request", notice, "réception de la notification"))
        return -1;
    tl_done(tl, h, has_heard ? &heard : NULL, "audition demandée");
    if (h->status == DS_OVERDUE) h->status = DS_INFO;
    /* l. 12378-12382: fifteen days after the written observations, the hearing, or the end of
     * the fifteen days */
    date_t start;
    const char *label;
    if (has_obs) {
        start = obs;
        label = "observations ou audition";
    } else if (has_heard) {
        tl_state(tl, "hearing", "audition demandée : le texte ne fixe pas de délai pour la tenir");
        tl_choice(tl, "hearing",
                  "entendre le représentant légal, assisté de la personne de son "
                  "choix (l. 12372-12376)");
        return 0;
    } else if (h->status == DS_PENDING || h->status == DS_OPEN) {
        tl_state(tl, "notified", "suspension envisagée notifiée : délai de demande d'audition");
        tl_choice(tl, "hearing_request", "le représentant légal demande à être entendu");
        next_from(tl, 0);
        return 0;
    } else {
        start = h->due;
        label = "fin du délai de demande d'audition";
    }
    deadline_t *s = tl_add(tl, "urgent", "decision", "Art. 61", 12380,
                           "Notification motivée de la suspension provisoire");
    if (!tl_period(tl, s, "urgent.decision", start, label)) return -1;
    tl_done(tl, s, has_notified ? &notified : NULL, "suspension notifiée");
    if (s->status == DS_MISSED || s->status == DS_OVERDUE) {
        tl_consequence(s, "à défaut de notification dans le délai, la procédure est réputée "
                          "abandonnée (l. 12382)");
        tl_state(tl, "abandoned", "procédure réputée abandonnée");
        return 0;
    }
    if (!has_notified) {
        tl_state(tl, "decision", "le directeur notifie la suspension par une décision motivée");
        tl_choice(tl, "suspend",
                  "notifier la suspension provisoire, de la durée maximale au plus, et "
                  "engager simultanément la procédure de déconventionnement "
                  "(l. 12365, 12384-12386)");
        next_from(tl, 0);
        return 0;
    }
    const decl_value *months = doc_get(doc, "urgent.suspension_months");
    if (!months) {
        refuse(tl, "urgent.suspension_months", "Art. 61", "un nombre de mois",
               "la durée de la suspension notifiée est nécessaire");
        return -1;
    }
    deadline_t *p = tl_add(tl, "urgent", "provisional_suspension", "Art. 61", 12365,
                           "Suspension provisoire des effets de l'accord");
    if (!tl_period(tl, p, "urgent.max_suspension", notified, "notification de la suspension"))
        return -1;
    date_t end = date_add_days(date_add_months(notified, (int)q_floor_int(months->num)), -1);
    if (date_cmp(end, p->due) > 0) {
        refuse(tl, "urgent.suspension_months", "Art. 61", "au plus la durée maximale",
               "la suspension provisoire ne peut excéder sa durée maximale (l. 12365)");
        return -1;
    }
    p->due = end;
    p->count = (int)q_floor_int(months->num);
    p->note[0] = '\0';
    tl_span(tl, p);
    tl_consequence(p, "le centre peut exercer un recours en référé devant le tribunal "
                      "administratif (l. 12386-12388)");
    tl_state(tl, "suspended",
             "suspension provisoire notifiée ; la procédure de "
             "déconventionnement est engagée simultanément (l. 12384)");
    return 0;
}

int procedure_sanction(timeline_t *tl) {
    return sanction(tl) || tl->e.failed ? -1 : 0;
}

int procedure_urgent(timeline_t *tl) {
    return urgent(tl) || tl->e.failed ? -1 : 0;
}
