/* The life of a centre's adhesion (Art. 47-53) as a state machine over its dated events:
 * tacit adhesion of the centres under the accord of 2015, the request by LRAR and its effect
 * within thirty days of a complete file, the accompanying exchange, the specialty changes, the
 * substantial changes, the rupture and the re-adhesion; and the accord's own term, tacit
 * renewal and opposition deadline. */
#include "procedures.h"

#include "../core/errors.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <string.h>

/* Art. 47-48 (l. 11437-11457): five years from the entry into force, renewed tacitly for the same
 * length; an opposition at the latest six months before the échéance.  The term shown is the one
 * in force at the date of the question (or at the last event). */
static void accord_term(timeline_t *tl, date_t at) {
    date_t saved = tl->e.at;
    tl->e.at = at;
    const char *entry = par_text(&tl->e, "accord.entry_into_force");
    tl->e.at = saved;
    date_t start;
    if (!entry || !date_parse(entry, &start)) {
        if (!tl->e.failed)
            eng_fail(&tl->e, "accord.entry_into_force", "params", "une date AAAA-MM-JJ",
                     "le paramètre accord.entry_into_force n'est pas une date");
        return;
    }
    /* the term in force at `at`: whole terms of accord.term from the entry into force */
    tl->e.cur = NULL;
    int years = tl_count(tl, "accord.term.count", start);
    if (years <= 0) return;
    for (int guard = 0; guard < 40 && date_cmp(date_add_months(start, 12 * years), at) <= 0;
         guard++)
        start = date_add_months(start, 12 * years);
    deadline_t *d = tl_add(tl, "accord", "term", "Art. 47", 11437,
                           "Période de l'accord national (reconduction tacite)");
    if (!tl_period(tl, d, "accord.term", start, "entrée en vigueur ou reconduction")) return;
    /* the period runs to the day before the échéance */
    date_t echeance = d->due;
    d->due = date_add_days(echeance, -1);
    d->note[0] = '\0';
    tl_span(tl, d);
    deadline_t *o =
        tl_add(tl, "accord", "opposition", "Art. 48", 11453, "Opposition à la reconduction (LRAR)");
    tl_notice(tl, o, "accord.opposition", echeance, "échéance de l'accord");
    o->status = tl->has_today ? (date_cmp(tl->today, o->due) > 0 ? DS_ENDED : DS_PENDING) : DS_INFO;
    tl_consequence(o, "sans opposition, l'accord est reconduit pour une période de même "
                      "durée (l. 11437-11439)");
}

int procedure_adhesion(timeline_t *tl) {
    const decl_value *events = doc_get(tl->doc, "adhesion.events");
    bool adherent = false;
    bool has_request = false, has_complete = false, has_effective = false;
    date_t request = {0, 0, 0}, complete = {0, 0, 0}, effective = {0, 0, 0}, last = {0, 0, 0};
    deadline_t *pending_effect = NULL;
    int changes_year = 0, changes = 0;
    for (size_t i = 0; events && i < events->nitems; i++) {
        const ancre_decl *ev = events->items[i];
        const char *kind = doc_get(ev, "kind")->s;
        date_t day;
        doc_date(ev, "date", &day);
        char base[64], id[32];
        snprintf(base, sizeof base, "adhesion.events[%zu]", i);
        snprintf(id, sizeof id, "e%zu", i + 1);
        if (i && date_cmp(day, last) < 0) {
            errors_add(tl->e.errs, base, "ordre des dates", "les événements dans l'ordre des dates",
                       i18n_tr(tl->lang, "%s : événement antérieur au précédent"), base);
            tl->e.failed = true;
            return -1;
        }
        last = day;
        if (strcmp(kind, "under_2015_accord") == 0) {
            /* l. 11513-11515 */
            adherent = true;
            deadline_t *d = tl_add(tl, id, "tacit_adhesion", "Art. 51", 11513,
                                   "Adhésion tacite du centre placé sous l'accord de 2015");
            d->status = DS_APPLIES;
        } else if (strcmp(kind, "finess") == 0) {
            deadline_t *d = tl_add(tl, id, "creation", "Art. 51", 11517,
                                   "Création du centre : attribution du numéro FINESS");
            d->status = DS_INFO;
            d->has_due = true;
            d->due = day;
            tl_consequence(d, "le centre qui souhaite adhérer en fait la demande par LRAR à la "
                              "caisse de son ressort (l. 11521-11527)");
        } else if (strcmp(kind, "request") == 0 || strcmp(kind, "file_complete") == 0) {
            if (strcmp(kind, "request") == 0) {
                has_request = true;
                request = day;
                has_complete = has_effective = false;
            } else {
                has_complete = true;
                complete = day;
            }
            if (!has_request) continue;
            /* l. 11559-11561: « effective dans les trente jours suivant la réception par la caisse
             * de la demande de conventionnement, sous réserve de la complétude du dossier » */
            bool from_request = reading_is(&tl->e, "adhesion_clock", "request");
            if (!from_request && !has_complete) continue;
            if (pending_effect) continue;
            pending_effect = tl_add(tl, id, "adhesion_effect", "Art. 51", 11559,
                                    "Effet de l'adhésion après la demande de conventionnement");
            date_t start = from_request || date_cmp(complete, request) < 0 ? request : complete;
            if (!tl_period(tl, pending_effect, "adhesion.effective", start,
                           from_request ? "réception de la demande"
                                        : "réception du dossier complet"))
                return -1;
            tl_done(tl, pending_effect, NULL, "");
        } else if (strcmp(kind, "effective") == 0) {
            if (pending_effect) {
                tl_done(tl, pending_effect, &day, "adhésion effective");
                pending_effect = NULL;
            }
            adherent = true;
            has_effective = true;
            effective = day;
            deadline_t *d = tl_add(tl, id, "accompanying_exchange", "Art. 51", 11573,
                                   "Échange d'accompagnement avec la caisse après le "
                                   "conventionnement");
            if (!tl_period(tl, d, "adhesion.exchange", day, "conventionnement")) return -1;
            tl_done(tl, d, NULL, "");
        } else if (strcmp(kind, "exchange") == 0) {
            for (size_t k = tl->n; k-- > 0;)
                if (strcmp(tl->items[k].rule, "accompanying_exchange") == 0 &&
                    !tl->items[k].has_done) {
                    tl_done(tl, &tl->items[k], &day, "échange tenu");
                    break;
                }
        } else if (strcmp(kind, "specialty_change") == 0) {
            /* l. 11596-11598: « une fois par an », au titre de l'année civile */
            int max = tl_count(tl, "adhesion.specialty_changes_per_year", day);
            if (max < 0) return -1;
            changes = changes_year == day.y ? changes + 1 : 1;
            changes_year = day.y;
            deadline_t *d = tl_add(tl, id, "specialty_change", "Art. 51", 11596,
                                   "Modification de sa spécialité par le centre");
            d->status = changes <= max ? DS_APPLIES : DS_NOT_APPLIES;
            if (changes > max)
                tl_consequence(d,
                               "%d changements en %d : le centre ne peut modifier sa spécialité "
                               "qu'une fois par année civile",
                               changes, day.y);
        } else if (strcmp(kind, "specialty_notice") == 0) {
            /* l. 11598-11612: the caisse informs « au plus tard deux mois avant la
             * modification », by any means but e-mail */
            date_t change;
            if (!need_date(tl, ev, base, "change_date", "Art. 51",
                           "la date de la modification de la spécialité", &change))
                return -1;
            deadline_t *d = tl_add(tl, id, "specialty_notice", "Art. 51", 11602,
                                   "Préavis de la caisse avant de modifier la spécialité");
            if (!tl_notice(tl, d, "adhesion.specialty_notice", change,
                           "modification de la "
                           "spécialité"))
                return -1;
            tl_done(tl, d, &day, "centre informé");
            if (d->status == DS_MISSED)
                tl_consequence(d, "préavis trop court : la spécialité ne peut être modifiée à "
                                  "cette date");
            tl_note(d, "en cas de désaccord du gestionnaire, le dossier est soumis à l'avis de la "
                       "CPR ou CPD (l. 11610-11612)");
        } else if (strcmp(kind, "substantial_change") == 0) {
            date_t informed;
            bool has_informed = doc_date(ev, "informed", &informed);
            deadline_t *d = tl_add(tl, id, "substantial_change", "Art. 51", 11624,
                                   "Information de la caisse d'une modification substantielle");
            if (!tl_period(tl, d, "adhesion.substantial_change", day, "date de la modification"))
                return -1;
            tl_done(tl, d, has_informed ? &informed : NULL, "caisse informée");
            if (d->status == DS_MISSED || d->status == DS_OVERDUE)
                tl_consequence(d, "grief de l'Art. 58 (défaut de transmission des modifications "
                                  "substantielles, l. 12201-12203)");
        } else if (strcmp(kind, "rupture") == 0) {
            /* l. 11660-11666: the refusal by LRAR; a new request at any time */
            adherent = false;
            has_request = has_complete = has_effective = false;
            pending_effect = NULL;
            deadline_t *d = tl_add(tl, id, "rupture", "Art. 53", 11660,
                                   "Rupture d'adhésion (LRAR de refus reçue)");
            d->status = DS_INFO;
            d->has_due = true;
            d->due = day;
            tl_consequence(d,
                           "hors du régime conventionnel : tarifs d'autorité (Art. 52, l. "
                           "11650-11652) ; le texte ne fixe pas la date d'effet de la rupture, "
                           "prise à la réception de la lettre ; nouvelle demande possible à tout "
                           "moment (l. 11664-11666)");
        }
    }
    if (tl->e.failed) return -1;
    (void)effective;
    if (adherent) {
        tl_state(tl, "adherent", "centre adhérent à l'accord national");
        tl_choice(tl, "rupture",
                  "faire connaître son refus d'être régi par l'accord par LRAR à la "
                  "caisse (Art. 53)");
    } else if (has_request && !has_effective) {
        tl_state(tl, "requested",
                 has_complete || reading_is(&tl->e, "adhesion_clock", "request")
                     ? "demande d'adhésion reçue : adhésion effective dans le "
                       "délai"
                     : "demande d'adhésion reçue : dossier à compléter");
        if (!has_complete)
            tl_choice(tl, "complete_file",
                      "compléter le dossier (pièces de l'Art. 51, l. "
                      "11529-11551)");
    } else {
        tl_state(tl, "non_adherent", "centre hors du régime conventionnel : tarifs d'autorité");
        tl_choice(tl, "request",
                  "demander l'adhésion par LRAR à la caisse de son ressort (l. "
                  "11521-11527)");
    }
    for (size_t k = 0; k < tl->n; k++)
        if (tl->items[k].status == DS_PENDING || tl->items[k].status == DS_OVERDUE ||
            tl->items[k].status == DS_OPEN) {
            tl->has_next = true;
            tl->next = k;
            break;
        }
    accord_term(tl, tl->has_today ? tl->today
                                  : (events && events->nitems ? last : tl_entry_into_force(tl)));
    return tl->e.failed ? -1 : 0;
}
