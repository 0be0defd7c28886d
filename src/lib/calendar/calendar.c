#include "calendar.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cal_unit_parse(const char *s, cal_unit *out) {
    static const struct {
        const char *name;
        cal_unit unit;
    } units[] = {{"jours_ouvres", CU_JOURS_OUVRES},
                 {"jours_ouvrables", CU_JOURS_OUVRABLES},
                 {"jours_calendaires", CU_JOURS_CALENDAIRES},
                 {"jours", CU_JOURS},
                 {"mois", CU_MOIS},
                 {"annees", CU_ANNEES}};
    for (size_t i = 0; s && i < sizeof units / sizeof *units; i++)
        if (strcmp(units[i].name, s) == 0) {
            *out = units[i].unit;
            return true;
        }
    return false;
}

const char *cal_unit_fr(cal_unit u, int count) {
    bool one = count <= 1;
    switch (u) {
    case CU_JOURS_OUVRES:
        return one ? "jour ouvré" : "jours ouvrés";
    case CU_JOURS_OUVRABLES:
        return one ? "jour ouvrable" : "jours ouvrables";
    case CU_JOURS_CALENDAIRES:
        return one ? "jour calendaire" : "jours calendaires";
    case CU_JOURS:
        return one ? "jour" : "jours";
    case CU_MOIS:
        return "mois";
    case CU_ANNEES:
        return one ? "an" : "ans";
    }
    return "";
}

date_t cal_easter(int y) {
    /* anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8) */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return date_make(y, month, day);
}

/* One list of holidays (calendar.holidays.*): entries "MM-DD name" or "E+N name" separated by
 * ';'.  A malformed entry is an error of the parameter file, reported once per lookup. */
static bool in_list(calendar_t *c, const char *id, date_t d, char *name, size_t cap) {
    const char *list = par_text(c->e, id);
    if (!list) return false;
    long day = date_days(d);
    long easter = date_days(cal_easter(d.y));
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char entry[128];
        snprintf(entry, sizeof entry, "%.*s", (int)(len < sizeof entry ? len : sizeof entry - 1),
                 p);
        int mm, dd, off, used = 0;
        bool hit = false, ok = true;
        if (entry[0] == 'E' && sscanf(entry, "E%d%n", &off, &used) == 1)
            hit = easter + off == day;
        else if (sscanf(entry, "%2d-%2d%n", &mm, &dd, &used) == 2)
            hit = mm == d.m && dd == d.d;
        else
            ok = false;
        if (!ok) {
            eng_fail(c->e, id, "params", "MM-DD nom ou E+N nom, séparés par ';'",
                     "le paramètre %s contient une entrée illisible : « %s »", id, entry);
            return false;
        }
        if (hit) {
            if (name) snprintf(name, cap, "%s", entry[used] == ' ' ? entry + used + 1 : entry);
            return true;
        }
        p = end ? end + 1 : p + len;
    }
    return false;
}

bool cal_holiday(calendar_t *c, date_t d, char *name, size_t cap) {
    /* the holidays in force on the day looked up: the list of its year */
    date_t saved = c->e->at;
    c->e->at = d;
    bool hit = in_list(c, "calendar.holidays.metropole", d, name, cap);
    if (!hit && strcmp(c->variant, "metropole") != 0) {
        char id[96];
        snprintf(id, sizeof id, "calendar.holidays.%s", c->variant);
        hit = in_list(c, id, d, name, cap);
    }
    c->e->at = saved;
    return hit;
}

bool cal_working(calendar_t *c, date_t d, cal_unit kind) {
    date_t saved = c->e->at;
    c->e->at = d;
    const char *days = par_text(c->e, kind == CU_JOURS_OUVRABLES ? "calendar.week.jours_ouvrables"
                                                                 : "calendar.week.jours_ouvres");
    c->e->at = saved;
    if (!days) return false;
    char wd[2] = {(char)('0' + date_weekday(d)), 0};
    if (!strstr(days, wd)) return false;
    return !cal_holiday(c, d, NULL, 0);
}

/* "jours" without more: calendar days, or jours ouvrés (reading plain_days) */
static cal_unit resolve(calendar_t *c, cal_unit u) {
    if (u != CU_JOURS) return u;
    return reading_is(c->e, "plain_days", "jours_ouvres") ? CU_JOURS_OUVRES : CU_JOURS_CALENDAIRES;
}

/* A deadline that falls on a day that is not a jour ouvré stays there, or moves to the next
 * jour ouvré (reading deadline_on_non_working_day). */
static date_t extend(calendar_t *c, date_t d) {
    if (!reading_is(c->e, "deadline_on_non_working_day", "next_working_day")) return d;
    for (int guard = 0; guard < 31 && !c->e->failed && !cal_working(c, d, CU_JOURS_OUVRES); guard++)
        d = date_add_days(d, 1);
    return d;
}

date_t cal_deadline(calendar_t *c, date_t start, int count, cal_unit unit, cal_unit *unit_out) {
    cal_unit u = resolve(c, unit);
    if (unit_out) *unit_out = u;
    /* in days, the day of the event is not counted ("à compter du jour de …" read as the day
     * after) or is day 1 (reading day_count_start); in months, the same day-number N months
     * later (art. 641 of the code de procédure civile), the last day of a shorter month */
    switch (u) {
    case CU_JOURS_OUVRES:
    case CU_JOURS_OUVRABLES: {
        bool event_day = reading_is(c->e, "day_count_start", "event_day");
        date_t d = event_day ? start : date_add_days(start, 1);
        int counted = 0;
        for (int guard = 0; guard < count * 3 + 31 && !c->e->failed; guard++) {
            if (cal_working(c, d, u) && ++counted == count) return d;
            d = date_add_days(d, 1);
        }
        return d;
    }
    case CU_JOURS_CALENDAIRES:
    case CU_JOURS: {
        bool event_day = reading_is(c->e, "day_count_start", "event_day");
        return extend(c, date_add_days(start, event_day ? count - 1 : count));
    }
    case CU_MOIS:
        return extend(c, date_add_months(start, count));
    case CU_ANNEES:
        return extend(c, date_add_months(start, 12 * count));
    }
    return start;
}

date_t cal_before(calendar_t *c, date_t end, int count, cal_unit unit, cal_unit *unit_out) {
    cal_unit u = resolve(c, unit);
    if (unit_out) *unit_out = u;
    switch (u) {
    case CU_JOURS_OUVRES:
    case CU_JOURS_OUVRABLES: {
        date_t d = date_add_days(end, -1);
        int counted = 0;
        for (int guard = 0; guard < count * 3 + 31 && !c->e->failed; guard++) {
            if (cal_working(c, d, u) && ++counted == count) return d;
            d = date_add_days(d, -1);
        }
        return d;
    }
    case CU_JOURS_CALENDAIRES:
    case CU_JOURS:
        return date_add_days(end, -count);
    case CU_MOIS:
        return date_add_months(end, -count);
    case CU_ANNEES:
        return date_add_months(end, -12 * count);
    }
    return end;
}

void cal_date_text(const calendar_t *c, date_t d, char *buf, size_t cap) {
    char iso[16];
    date_format(d, iso, sizeof iso);
    i18n_date(c->lang, iso, buf, cap);
}

int cal_holidays_between(calendar_t *c, date_t from, date_t to, char *buf, size_t cap) {
    int n = 0;
    if (cap) buf[0] = '\0';
    for (date_t d = date_add_days(from, 1); date_cmp(d, to) <= 0 && !c->e->failed;
         d = date_add_days(d, 1)) {
        char name[96], fr[16];
        if (!cal_holiday(c, d, name, sizeof name)) continue;
        cal_date_text(c, d, fr, sizeof fr);
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s (%s)", n ? ", " : "", fr, name);
        n++;
    }
    return n;
}
