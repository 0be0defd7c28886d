/* Bucco-dental prevention.  Art. 22.1.3 (l. 6784-6811): the centres take part in the
 * prevention schemes "conformément aux dispositions prévues aux annexes 22 et 23".
 * Annexe 22 (l. 19180-19636): the examen bucco-dentaire (EBD) of young people, every third
 * birthday from 3 to 24 until 31/12/2024 and every year from 3 to 24 from 1 January 2025
 * (l. 19232-19240), within the 12 months after the birthday (l. 19369); of pregnant women from
 * the 4th month of pregnancy (l. 19472); its prices with or without radiographs (l.
 * 19304-19332); the 23 € handicap supplement under the grid of Annexe 30 (l. 19342-19348,
 * 25338-25351); the code-9 majoration of 30 % of the conservative care of the 3-24 year-olds
 * (l. 19399-19405).  Annexe 23 lists the 198 CCAM codes of the complementary care
 * (parameters ebd.annexe23.<code>). */
#include "dental.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ebd_applies(eng_t *e) {
    for (size_t i = 0; i < e->decl->n; i++)
        if (e->decl->values[i].present && strncmp(schema_field(i)->path, "ebd.", 4) == 0)
            return true;
    return false;
}

static bool in_year(act_t *a) {
    if (a->date.y == a->e->year) return true;
    char path[160], expected[32], day[16];
    snprintf(path, sizeof path, "%s.date", a->base);
    snprintf(expected, sizeof expected, "une date de %d", a->e->year);
    acts_date_fr(a->date, day, sizeof day);
    eng_fail(a->e, path, "Annexe 22", expected, "%s : l'acte du %s n'est pas de l'année %d",
             a->base, day, a->e->year);
    return false;
}

/* Age in completed years at the date (a birthday on 29 February falls on 28 February). */
static int age_at(date_t birth, date_t at) {
    int years = at.y - birth.y;
    if (years > 0 && date_cmp(date_add_months(birth, 12 * years), at) > 0) years--;
    return years;
}

static q_t par_on(eng_t *e, const char *id, date_t at) {
    return par_at(e, id, at);
}

static void fail_missing(act_t *a, const char *field, const char *why) {
    char path[160];
    snprintf(path, sizeof path, "%s.%s", a->base, field);
    eng_fail(a->e, path, "Annexe 22", why, "%s : %s manquant (%s)", a->base, field, why);
}

/* The young patient's eligibility: the age at the exam is one of the ages of the period
 * (Annexe 22 art. 2, l. 19232-19240); returns the age, or -1 when the exam is not eligible
 * (the note says why), -2 on error. */
static int youth_age(act_t *a, char *why, size_t cap) {
    eng_t *e = a->e;
    const decl_value *birth = act_get(a, "patient_birth_date");
    if (!birth) {
        fail_missing(a, "patient_birth_date", "la date de naissance du jeune patient");
        return -2;
    }
    q_t lo = par_on(e, "ebd.youth.age_min", a->date), hi = par_on(e, "ebd.youth.age_max", a->date);
    q_t step = par_on(e, "ebd.youth.age_step", a->date);
    if (!q_valid(lo) || !q_valid(hi) || !q_valid(step)) return -2;
    int age = age_at(birth->date, a->date);
    int64_t min = q_floor_int(lo), max = q_floor_int(hi), st = q_floor_int(step);
    if (age < min || age > max || st <= 0 || (age - min) % st != 0) {
        snprintf(why, cap,
                 "%d ans à la date de l'examen : pas un âge du dispositif à cette date (de %lld "
                 "à %lld ans, tous les %lld ans ; annexe 22 art. 2, l. 19232-19240)",
                 age, (long long)min, (long long)max, (long long)st);
        return -1;
    }
    return age;
}

/* The pregnant woman's window: from the 4th month of pregnancy to the end chosen by the reading
 * ebd_pregnancy_end (l. 19472, 19488, 19615).  Returns true when the exam is within it. */
static int pregnancy_window(act_t *a, char *why, size_t cap) {
    eng_t *e = a->e;
    const decl_value *delivery = act_get(a, "delivery_date");
    if (delivery && date_cmp(a->date, delivery->date) > 0) {
        date_t end;
        char day[16];
        if (reading_is(e, "ebd_pregnancy_end", "twelve_days")) {
            q_t days = par_on(e, "ebd.pregnancy.days_after_delivery", a->date);
            if (!q_valid(days)) return -2;
            long last = date_days(delivery->date) + (long)q_floor_int(days);
            if (date_days(a->date) <= last) return 1;
            acts_date_fr(delivery->date, day, sizeof day);
            snprintf(why, cap,
                     "plus de %lld jours après l'accouchement du %s (article 2, "
                     "l. 19488 ; lecture ebd_pregnancy_end=twelve_days)",
                     (long long)q_floor_int(days), day);
            return 0;
        }
        q_t months = par_on(e, "ebd.pregnancy.months_after_delivery", a->date);
        if (!q_valid(months)) return -2;
        end = date_add_months(delivery->date, (int)q_floor_int(months));
        if (date_cmp(a->date, end) <= 0) return 1;
        acts_date_fr(delivery->date, day, sizeof day);
        snprintf(why, cap, "plus de %lld mois après l'accouchement du %s (l. 19472)",
                 (long long)q_floor_int(months), day);
        return 0;
    }
    const decl_value *month = act_get(a, "pregnancy_month");
    if (!month) {
        fail_missing(a, "pregnancy_month", "le mois de grossesse, ou la date d'accouchement");
        return -2;
    }
    q_t from = par_on(e, "ebd.pregnancy.from_month", a->date);
    if (!q_valid(from)) return -2;
    if (q_cmp(month->num, from) >= 0) return 1;
    snprintf(why, cap, "examen au mois %lld de grossesse, avant le mois %lld (l. 19472)",
             (long long)q_floor_int(month->num), (long long)q_floor_int(from));
    return 0;
}

/* Annexe 30: for a patient with a severe handicap, "dès lors que ... une case correspondant à
 * une prise en charge « modérée » ou « majeure » est cochée" (l. 25349-25351); the grid "doit
 * obligatoirement être complétée" (l. 19346). */
static int handicap_grid(act_t *a) {
    static const char *const domains[] = {"communication",  "procedures",  "cooperation",
                                          "general_health", "oral_health", "autonomy",
                                          "administration"};
    bool heavy = false, complete = true;
    for (size_t i = 0; i < sizeof domains / sizeof *domains; i++) {
        char f[48];
        snprintf(f, sizeof f, "grid.%s", domains[i]);
        const char *lvl = act_text(a, f);
        if (!lvl) {
            fail_missing(a, f, "la grille de l'annexe 30 doit être complétée pour chaque domaine");
            complete = false;
            continue;
        }
        if (strcmp(lvl, "moderee") == 0 || strcmp(lvl, "majeure") == 0) heavy = true;
    }
    return complete ? heavy : -1;
}

static const char *exam_price(const char *radio) {
    if (strcmp(radio, "1_2") == 0) return "ebd.exam.br2";
    if (strcmp(radio, "3_4") == 0) return "ebd.exam.br4";
    if (strcmp(radio, "panoramique") == 0) return "ebd.exam.brp";
    return "ebd.exam.bdc";
}

static const char *exam_code(const char *price_id) {
    if (strcmp(price_id, "ebd.exam.br2") == 0) return "BR2";
    if (strcmp(price_id, "ebd.exam.br4") == 0) return "BR4";
    if (strcmp(price_id, "ebd.exam.brp") == 0) return "BRP";
    return "BDC";
}

typedef struct {
    size_t k;
    date_t date;
} ref_t;

static int by_date(const void *x, const void *y) {
    const ref_t *a = x, *b = y;
    int c = date_cmp(a->date, b->date);
    return c ? c : (a->k > b->k) - (a->k < b->k);
}

typedef struct {
    const char *patient;
    int age; /* -1 for a pregnancy */
    date_t date;
} paid_t;

static void exams(eng_t *e) {
    size_t n;
    ancre_decl **items = acts_items(e, "ebd.exams", &n);
    ref_t *refs = calloc(n ? n : 1, sizeof *refs);
    paid_t *paid = calloc(n ? n : 1, sizeof *paid);
    size_t npaid = 0;
    if (!refs || !paid) abort();
    for (size_t k = 0; k < n; k++) {
        refs[k].k = k;
        refs[k].date = decl_get(items[k], "date")->date;
    }
    qsort(refs, n, sizeof *refs, by_date);
    for (size_t i = 0; i < n; i++) {
        act_t a;
        act_open(&a, e, "ebd.exams", refs[i].k, "e");
        char id[96], label[160], day[16], why[300] = "";
        acts_date_fr(a.date, day, sizeof day);
        const char *population = decl_get(a.item, "population")->s;
        bool youth = strcmp(population, "jeune") == 0;
        snprintf(id, sizeof id, "ebd.%s", a.id);
        snprintf(label, sizeof label, "Examen bucco-dentaire de prévention (%s), %s",
                 youth ? "jeune" : "femme enceinte", day);
        line_t *l = eng_line(e, id, "Art. 22.1.3, Annexe 22", label, "ebd", "examen");
        act_get(&a, "date");
        act_get(&a, "population");
        const char *patient = act_text(&a, "patient");
        if (!in_year(&a)) continue;
        /* "Il ne peut y avoir au cours d'une même séance facturation d'une consultation et d'un
         * examen de prévention" (l. 19276-19278) */
        if (act_flag(&a, "consultation_same_session")) {
            l->status = ST_EXCLUDED;
            eng_note(e, "une consultation facturée dans la même séance exclut l'examen de "
                        "prévention (annexe 22 art. 2.1, l. 19276-19278)");
            continue;
        }
        int age = -1, ok;
        if (youth) {
            age = youth_age(&a, why, sizeof why);
            ok = age >= 0 ? 1 : age == -1 ? 0 : -2;
        } else {
            ok = pregnancy_window(&a, why, sizeof why);
        }
        if (ok == -2) continue;
        /* one exam per eligible age (within the 12 months after the birthday, l. 19369), per
         * calendar year under ebd_yearly_frame=calendar_year; one per pregnancy */
        bool calendar = youth && reading_is(e, "ebd_yearly_frame", "calendar_year");
        for (size_t j = 0; ok == 1 && j < npaid; j++) {
            if (strcmp(paid[j].patient, patient) != 0 || (paid[j].age < 0) != !youth) continue;
            bool same = !youth || (calendar ? paid[j].date.y == a.date.y : paid[j].age == age);
            if (same) {
                snprintf(why, sizeof why, "%s",
                         !youth     ? "un examen de prévention a déjà été payé pour cette "
                                      "grossesse"
                         : calendar ? "un examen a déjà été payé à ce patient dans l'année "
                                      "civile (lecture ebd_yearly_frame=calendar_year)"
                                    : "un examen a déjà été payé à ce patient pour cet âge");
                ok = 0;
            }
        }
        if (ok == 0) {
            l->status = ST_EXCLUDED;
            eng_note(e, "examen du %s : %s", day, why);
            continue;
        }
        const char *radio = act_text(&a, "radiographs");
        const char *price_id = exam_price(radio ? radio : "aucune");
        q_t price = par_on(e, price_id, a.date);
        if (!q_valid(price)) continue;
        l->fixed = price;
        l->points = price;
        l->status = ST_ACHIEVED;
        paid[npaid].patient = patient;
        paid[npaid].age = youth ? age : -1;
        paid[npaid].date = a.date;
        npaid++;
        /* Annexe 23 and "un seul code CCAM" in the same session (l. 19270-19274) */
        const decl_value *same = act_get(&a, "same_session_acts");
        char extra[200] = "";
        if (same && same->nlist > 1)
            snprintf(extra, sizeof extra,
                     " ; %zu actes dans la séance : un seul acte de l'annexe "
                     "23 peut accompagner l'examen (l. 19270-19272)",
                     same->nlist);
        for (size_t c = 0; same && c < same->nlist && !extra[0]; c++) {
            char pid[64];
            snprintf(pid, sizeof pid, "ebd.annexe23.%s", same->list[c]);
            if (!par_exists(e, pid))
                snprintf(extra, sizeof extra,
                         " ; l'acte %s de la séance n'est pas dans la liste de l'annexe 23",
                         same->list[c]);
        }
        char who[32] = "femme enceinte";
        if (youth) snprintf(who, sizeof who, "%d ans", age);
        eng_note(e, "examen du %s (%s) : %s (annexe 22 art. 2.3)%s", day, who, exam_code(price_id),
                 extra);
        if (!act_flag(&a, "handicap")) continue;
        /* "un supplément de 23 euros cumulable à la rémunération de l'examen" (l. 19342-19348) */
        char hid[112], hlabel[160];
        snprintf(hid, sizeof hid, "ebd.%s.handicap", a.id);
        snprintf(hlabel, sizeof hlabel, "Supplément handicap de l'examen du %s", day);
        line_t *h = eng_line(e, hid, "Annexe 22 art. 2.3, Annexe 30", hlabel, "ebd", "supplement");
        int grid = handicap_grid(&a);
        if (grid < 0) continue;
        if (grid == 0) {
            h->status = ST_EXCLUDED;
            eng_note(e, "aucun domaine de la grille de l'annexe 30 n'est « modéré » ou « majeur » "
                        "(l. 25349-25351)");
            continue;
        }
        q_t sup = par_on(e, "ebd.handicap_supplement", a.date);
        if (!q_valid(sup)) continue;
        h->fixed = sup;
        h->points = sup;
        h->status = ST_ACHIEVED;
        eng_note(e, "handicap sévère et au moins un domaine « modéré » ou « majeur » de la grille "
                    "de l'annexe 30");
    }
    free(refs);
    free(paid);
}

/* "un modificateur (code 9) est appliqué aux tarifs de remboursement de ces actes pour les
 * majorer de 30 %" for "les soins conservateurs réalisés auprès de patients âgés de 3 à 24 ans"
 * (l. 19399-19405); the annex gives no date of effect: a parameter to supply. */
static void code9(eng_t *e) {
    size_t n;
    acts_items(e, "ebd.conservative_care", &n);
    if (n == 0) return;
    e->cur = NULL;
    if (!par_exists(e, "ebd.code9.in_force_from")) {
        eng_fail(e, "ebd.code9.in_force_from", "Annexe 22 art. 4",
                 "la date d'effet du modificateur (paramètre à fournir par --params)",
                 "l'annexe 22 (art. 4, l. 19399-19405) ne date pas le modificateur code 9 : "
                 "fournissez le paramètre ebd.code9.in_force_from (date AAAA-MM-JJ)");
        return;
    }
    date_t from;
    const char *s = par_text(e, "ebd.code9.in_force_from");
    if (!s || !date_parse(s, &from)) {
        eng_fail(e, "ebd.code9.in_force_from", "Annexe 22 art. 4", "une date AAAA-MM-JJ",
                 "le paramètre %s n'est pas une date : %s", "ebd.code9.in_force_from",
                 s ? s : "(vide)");
        return;
    }
    for (size_t k = 0; k < n; k++) {
        act_t a;
        act_open(&a, e, "ebd.conservative_care", k, "c");
        char id[96], label[160], day[16];
        acts_date_fr(a.date, day, sizeof day);
        snprintf(id, sizeof id, "ebd.code9.%s", a.id);
        snprintf(label, sizeof label, "Modificateur code 9 (génération sans carie), soin du %s",
                 day);
        line_t *l = eng_line(e, id, "Annexe 22 art. 4", label, "ebd", "majoration");
        act_get(&a, "date");
        act_get(&a, "ccam");
        if (!in_year(&a)) continue;
        par_exists(e, "ebd.code9.in_force_from");
        if (date_cmp(a.date, from) < 0) {
            l->status = ST_NOT_IN_GRID;
            eng_note(e, "soin du %s antérieur à la date d'effet du modificateur", day);
            continue;
        }
        if (!act_flag(&a, "conservative")) {
            l->status = ST_EXCLUDED;
            eng_note(e, "le modificateur ne majore que les soins conservateurs (l. 19399-19401)");
            continue;
        }
        q_t lo = par_on(e, "ebd.youth.age_min", a.date),
            hi = par_on(e, "ebd.youth.age_max", a.date);
        if (!q_valid(lo) || !q_valid(hi)) continue;
        age_position young = act_birthday(&a, (int)q_floor_int(lo), "Annexe 22 art. 4");
        age_position old = act_birthday(&a, (int)q_floor_int(hi) + 1, "Annexe 22 art. 4");
        if (young == AGE_UNKNOWN || old == AGE_UNKNOWN) continue;
        if (young == AGE_BEFORE || old == AGE_ON || old == AGE_AFTER || old == AGE_ON_OR_AFTER) {
            l->status = ST_EXCLUDED;
            eng_note(e,
                     "patient hors de la tranche d'âge du dispositif (annexe 22 art. 4, l. 19401)");
            continue;
        }
        q_t base = act_get(&a, "base_tariff")->num, rate = par(e, "ebd.code9.rate");
        if (!q_valid(rate)) continue;
        l->fixed = base;
        l->points = q_mul(base, rate);
        l->status = ST_ACHIEVED;
        eng_note(e, "soin conservateur d'un patient de la tranche d'âge du dispositif : tarif de "
                    "remboursement majoré par le modificateur code 9 (annexe 22 art. 4)");
    }
}

int ebd_compute(eng_t *e) {
    exams(e);
    code9(e);
    q_t v;
    if (in_num_opt(e, "ebd.volume_bdc", &v)) {
        line_t *l = eng_line(e, "ebd.exam.bdc", "Annexe 22 art. 2.3",
                             "Examens de prévention sans radiographie (volume)", "ebd", "volume");
        in_num(e, "ebd.volume_bdc");
        q_t each = par(e, "ebd.exam.bdc");
        if (q_valid(each)) {
            l->fixed = each;
            l->points = q_mul(v, each);
            l->status = q_is_zero(v) ? ST_NOT_ACHIEVED : ST_ACHIEVED;
        }
    }
    if (e->failed) return -1;
    acts_pay(e, "Prévention bucco-dentaire (examens et majorations)", "Art. 22.1.3, Annexe 22");
    return 0;
}
