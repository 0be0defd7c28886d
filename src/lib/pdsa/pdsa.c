/* Permanence des soins.
 * Art. 20.1 (l. 6564-6568): "dès lors que le médecin salarié du centre de santé intervient à la
 * demande de la régulation, cette intervention donne lieu aux majorations spécifiques prévues
 * pour les actes réalisés dans le cadre de la permanence des soins", distinct for a consultation
 * at the centre and a justified home visit (l. 6570-6572), valued in Annexe 18 (l. 18743-18806).
 * Art. 20.2 (l. 6618-6634), Annexe 19 (l. 18807-18862): the dentist called by the regulation
 * gets "une majoration forfaitaire spécifique par patient" (MCD), and a remuneration per
 * half-day of astreinte set by the dentists' convention. */
#include "pdsa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pdsa_applies(eng_t *e) {
    for (size_t i = 0; i < e->decl->n; i++)
        if (e->decl->values[i].present && strncmp(schema_field(i)->path, "pdsa.", 5) == 0)
            return true;
    return false;
}

bool pdsd_applies(eng_t *e) {
    for (size_t i = 0; i < e->decl->n; i++)
        if (e->decl->values[i].present && strncmp(schema_field(i)->path, "pdsd.", 5) == 0)
            return true;
    return false;
}

static const char *slot_label(const char *slot) {
    if (strcmp(slot, "nuit") == 0) return "nuit";
    if (strcmp(slot, "milieu_nuit") == 0) return "milieu de nuit";
    if (strcmp(slot, "dimanche_ferie") == 0) return "dimanche ou jour férié";
    return "samedi, lundi veille ou vendredi lendemain de jour férié";
}

/* 0 = Sunday ... 6 = Saturday (1 January 1970 was a Thursday) */
static int weekday(date_t d) {
    long n = date_days(d) % 7;
    return (int)((n + 11) % 7);
}

static bool in_year(act_t *a, const char *article) {
    if (a->date.y == a->e->year) return true;
    char path[160], expected[32], day[16];
    snprintf(path, sizeof path, "%s.date", a->base);
    snprintf(expected, sizeof expected, "une date de %d", a->e->year);
    acts_date_fr(a->date, day, sizeof day);
    eng_fail(a->e, path, article, expected, "%s : l'acte du %s n'est pas de l'année %d", a->base,
             day, a->e->year);
    return false;
}

/* The slot must fit the day and, when it is given, the hour (Annexe 18, l. 18755-18784).  The
 * hours are read as half-open intervals: 20 h belongs to the night, 0 h and 6 h begin the next
 * slot, 8 h ends the night. */
static bool slot_fits(act_t *a, const char *slot) {
    eng_t *e = a->e;
    char path[160], day[16];
    snprintf(path, sizeof path, "%s.slot", a->base);
    acts_date_fr(a->date, day, sizeof day);
    int wd = weekday(a->date);
    if (strcmp(slot, "dimanche_ferie") == 0 && wd != 0 && !act_flag(a, "public_holiday")) {
        eng_fail(e, path, "Annexe 18", "un dimanche ou un jour férié (public_holiday)",
                 "%s : le %s n'est ni un dimanche ni un jour férié déclaré", a->base, day);
        return false;
    }
    if (strcmp(slot, "samedi_pont") == 0 && wd != 6 &&
        !((wd == 1 || wd == 5) && act_flag(a, "bridge_day"))) {
        eng_fail(e, path, "Annexe 18",
                 "un samedi, ou un lundi veille ou un vendredi lendemain de jour férié "
                 "(bridge_day)",
                 "%s : le %s n'est ni un samedi ni un lundi ou vendredi de pont déclaré", a->base,
                 day);
        return false;
    }
    const char *t = act_text(a, "time");
    if (!t) return true;
    int h, m;
    char extra;
    if (sscanf(t, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59) {
        char tpath[160];
        snprintf(tpath, sizeof tpath, "%s.time", a->base);
        eng_fail(e, tpath, "Annexe 18", "une heure HH:MM", "%s : heure illisible « %s »", a->base,
                 t);
        return false;
    }
    q_t evening = par(e, "pdsa.nuit.evening_from"), morning = par(e, "pdsa.nuit.morning_to");
    q_t mid_from = par(e, "pdsa.milieu_nuit.from"), mid_to = par(e, "pdsa.milieu_nuit.to");
    if (!q_valid(evening) || !q_valid(morning) || !q_valid(mid_from) || !q_valid(mid_to))
        return false;
    q_t hour = q_int(h);
    bool middle = q_cmp(hour, mid_from) >= 0 && q_cmp(hour, mid_to) < 0;
    bool night =
        q_cmp(hour, evening) >= 0 || (q_cmp(hour, mid_to) >= 0 && q_cmp(hour, morning) < 0);
    if ((strcmp(slot, "nuit") == 0 && !night) || (strcmp(slot, "milieu_nuit") == 0 && !middle)) {
        eng_fail(e, path, "Annexe 18", "une heure de la plage déclarée",
                 "%s : %s n'est pas dans la plage « %s » de l'annexe 18", a->base, t,
                 slot_label(slot));
        return false;
    }
    return true;
}

/* Who may bill the specific majorations: the professional called by the regulation, on the
 * roster or replacing the one on duty (Annexe 18 l. 18788-18792, Annexe 19 l. 18811-18848).
 * Returns the reason the act gets none, or NULL. */
static const char *not_regulated(act_t *a, const char *annex_lines) {
    static char why[240];
    if (!act_flag(a, "regulated")) {
        snprintf(why, sizeof why,
                 "intervention hors du dispositif régulé : les majorations habituelles "
                 "s'appliquent, l'accord n'en fixe pas le montant (%s)",
                 annex_lines);
        return why;
    }
    const char *roster = act_text(a, "roster");
    if (roster && strcmp(roster, "aucun") == 0)
        return "le professionnel n'est ni inscrit au tableau de permanence ni appelé par le "
               "régulateur en remplacement du professionnel de permanence (Art. 20, annexes 18 "
               "et 19)";
    return NULL;
}

/* Non-cumul with the ordinary majorations (reading pdsa_ordinary_majorations): true when the
 * act keeps its specific majoration. */
static bool keeps_specific(eng_t *e, bool ordinary, bool travel, const char *lines) {
    if (!ordinary && !travel) return true;
    const char *what = ordinary && travel ? "la majoration ordinaire et la majoration de "
                                            "déplacement facturées"
                       : ordinary ? "la majoration ordinaire de nuit, dimanche ou jour férié "
                                    "facturée"
                                  : "la majoration de déplacement facturée";
    if (reading_is(e, "pdsa_ordinary_majorations", "specific_refused")) {
        e->cur->status = ST_EXCLUDED;
        eng_note(e, "non cumulable avec %s : pas de majoration spécifique (%s)", what, lines);
        return false;
    }
    eng_note(e, "%s : non due en plus de la majoration spécifique (non-cumul, %s)", what, lines);
    return true;
}

static void volume(eng_t *e, const char *slot, const char *act) {
    char path[96], id[96], label[200];
    snprintf(path, sizeof path, "pdsa.volume_%s_%s", slot, act);
    q_t n;
    if (!in_num_opt(e, path, &n)) return;
    snprintf(id, sizeof id, "pdsa.%s.%s", slot, act);
    snprintf(label, sizeof label, "Majoration spécifique de %s, %s (volume)", slot_label(slot),
             strcmp(act, "visite") == 0 ? "visites à domicile" : "consultations");
    line_t *l = eng_line(e, id, "Annexe 18", label, "pdsa", "volume");
    q_t each = par(e, id);
    if (!q_valid(each)) return;
    l->fixed = each;
    l->points = q_mul(n, each);
    l->status = q_is_zero(n) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
}

int pdsa_compute(eng_t *e) {
    size_t n;
    acts_items(e, "pdsa.acts", &n);
    for (size_t k = 0; k < n; k++) {
        act_t a;
        act_open(&a, e, "pdsa.acts", k, "p");
        const char *slot = decl_get(a.item, "slot")->s;
        const char *act = decl_get(a.item, "act")->s;
        bool visit = strcmp(act, "visite") == 0;
        char id[96], label[200], day[16], price[64];
        acts_date_fr(a.date, day, sizeof day);
        snprintf(id, sizeof id, "pdsa.%s", a.id);
        snprintf(label, sizeof label, "Majoration spécifique de %s, %s du %s", slot_label(slot),
                 visit ? "visite à domicile" : "consultation", day);
        line_t *l = eng_line(e, id, "Art. 20.1, Annexe 18", label, "pdsa", "majoration");
        act_get(&a, "date");
        act_get(&a, "slot");
        act_get(&a, "act");
        if (!in_year(&a, "Annexe 18") || !slot_fits(&a, slot)) continue;
        const char *why = not_regulated(&a, "Annexe 18, l. 18804-18806");
        /* "Elles ne sont pas cumulables avec les rémunérations forfaitaires de régulation,
         * définies réglementairement, dans la même plage horaire" (l. 18800-18802) */
        if (!why && act_flag(&a, "regulation_forfait"))
            why = "non cumulable avec la rémunération forfaitaire de régulation dans la même "
                  "plage horaire (annexe 18, l. 18800-18802)";
        if (why) {
            l->status = ST_EXCLUDED;
            eng_note(e, "%s", why);
            continue;
        }
        /* "ne sont pas cumulables avec les majorations de nuit, de dimanche et jours fériés ni
         * avec les majorations de déplacements, à l'exception des indemnités horokilométriques"
         * (l. 18794-18798) */
        if (!keeps_specific(e, act_flag(&a, "ordinary_majoration"),
                            act_flag(&a, "travel_majoration"), "annexe 18, l. 18794-18798"))
            continue;
        snprintf(price, sizeof price, "pdsa.%s.%s", slot, act);
        q_t each = acts_price(e, price, a.date);
        if (!q_valid(each)) continue;
        l->fixed = each;
        l->points = each;
        l->status = ST_ACHIEVED;
        if (!l->note[0])
            eng_note(e,
                     "intervention à la demande de la régulation : majoration spécifique de "
                     "%s (annexe 18)",
                     slot_label(slot));
    }
    static const char *const slots[] = {"nuit", "milieu_nuit", "dimanche_ferie", "samedi_pont"};
    for (size_t s = 0; s < 4; s++) {
        volume(e, slots[s], "visite");
        volume(e, slots[s], "consultation");
    }
    if (e->failed) return -1;
    acts_pay(e, "Majorations spécifiques de permanence des soins", "Art. 20.1, Annexe 18");
    return 0;
}

/* ---- dentists: MCD and astreintes ---- */

typedef struct {
    size_t k;
    date_t date;
} ref_t;

static int by_date(const void *x, const void *y) {
    const ref_t *a = x, *b = y;
    int c = date_cmp(a->date, b->date);
    return c ? c : (a->k > b->k) - (a->k < b->k);
}

int pdsd_compute(eng_t *e) {
    size_t n;
    ancre_decl **items = acts_items(e, "pdsd.acts", &n);
    ref_t *refs = calloc(n ? n : 1, sizeof *refs);
    bool *paid = calloc(n ? n : 1, sizeof *paid);
    if (!refs || !paid) abort();
    for (size_t k = 0; k < n; k++) {
        refs[k].k = k;
        refs[k].date = decl_get(items[k], "date")->date;
    }
    qsort(refs, n, sizeof *refs, by_date);
    for (size_t i = 0; i < n; i++) {
        act_t a;
        act_open(&a, e, "pdsd.acts", refs[i].k, "d");
        char id[96], label[160], day[16];
        acts_date_fr(a.date, day, sizeof day);
        snprintf(id, sizeof id, "pdsd.%s", a.id);
        snprintf(label, sizeof label, "MCD, acte du %s", day);
        line_t *l = eng_line(e, id, "Art. 20.2, Annexe 19", label, "pdsd", "majoration");
        act_get(&a, "date");
        const char *patient = act_text(&a, "patient");
        if (!in_year(&a, "Annexe 19")) continue;
        const char *why = not_regulated(&a, "annexe 19, l. 18858-18862");
        if (why) {
            l->status = ST_EXCLUDED;
            eng_note(e, "%s", why);
            continue;
        }
        /* "une majoration forfaitaire spécifique par patient" (l. 18817): reading mcd_unit */
        if (reading_is(e, "mcd_unit", "patient_day")) {
            bool already = false;
            for (size_t j = 0; j < i && !already; j++)
                already = paid[j] && date_cmp(refs[j].date, a.date) == 0 &&
                          strcmp(decl_get(items[refs[j].k], "patient")->s, patient) == 0;
            if (already) {
                l->status = ST_EXCLUDED;
                eng_note(e,
                         "MCD déjà comptée pour ce patient le %s : une majoration par patient "
                         "(annexe 19, l. 18817)",
                         day);
                continue;
            }
        }
        /* "Les majorations de nuit, de dimanche et jours fériés ... ne sont pas cumulables avec
         * la majoration MCD" (l. 18852-18854) */
        if (!keeps_specific(e, act_flag(&a, "ordinary_majoration"), false,
                            "annexe 19, l. 18852-18854"))
            continue;
        q_t each = acts_price(e, "pdsd.mcd.per_patient", a.date);
        if (!q_valid(each)) continue;
        l->fixed = each;
        l->points = each;
        l->status = ST_ACHIEVED;
        paid[i] = true;
        if (!l->note[0])
            eng_note(e, "intervention à la demande de la régulation : MCD pour ce patient "
                        "(annexe 19)");
    }
    free(refs);
    free(paid);
    q_t v;
    if (in_num_opt(e, "pdsd.mcd_patients", &v)) {
        line_t *l = eng_line(e, "pdsd.mcd", "Annexe 19", "MCD, patients déclarés en volume", "pdsd",
                             "volume");
        in_num(e, "pdsd.mcd_patients");
        q_t each = par(e, "pdsd.mcd.per_patient");
        if (q_valid(each)) {
            l->fixed = each;
            l->points = q_mul(v, each);
            l->status = q_is_zero(v) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        }
    }
    if (in_num_opt(e, "pdsd.astreinte_half_days", &v)) {
        line_t *l = eng_line(e, "pdsd.astreinte", "Art. 20.2",
                             "Astreintes de permanence des soins dentaires (demi-journées)", "pdsd",
                             "forfait");
        in_num(e, "pdsd.astreinte_half_days");
        if (q_is_zero(v)) {
            l->status = ST_NOT_ACHIEVED;
            par_exists(e, "pdsd.astreinte.per_half_day");
            eng_note(e, "aucune demi-journée d'astreinte déclarée");
        } else if (!par_exists(e, "pdsd.astreinte.per_half_day")) {
            eng_fail(e, "pdsd.astreinte.per_half_day", "Art. 20.2",
                     "le montant de la demi-journée d'astreinte (paramètre à fournir par "
                     "--params)",
                     "l'accord renvoie le montant de la demi-journée d'astreinte à la convention "
                     "des chirurgiens-dentistes libéraux sans le reproduire (Art. 20.2, "
                     "l. 6600-6606) : fournissez le paramètre pdsd.astreinte.per_half_day");
        } else {
            q_t each = par(e, "pdsd.astreinte.per_half_day");
            if (q_valid(each)) {
                l->fixed = each;
                l->points = q_mul(v, each);
                l->status = ST_ACHIEVED;
            }
        }
    }
    if (e->failed) return -1;
    acts_pay(e, "Permanence des soins dentaires (MCD et astreintes)", "Art. 20.2, Annexe 19");
    return 0;
}
