/* What the procedures change in a centre's payments, read from the declaration's dated facts and
 * applied after every payment module (the last row of src/lib/modules.c):
 *  - Art. 17-18 (l. 3281, 3305-3309): the payment « au plus tard le 30 avril … sous réserve que
 *    les justificatifs aient été fournis … dans les délais prévus à l'article 17 », i.e. by
 *    28 February of the next year: a line says whether the condition holds;
 *  - Art. 60 (l. 12337-12347): the « suspension du versement des rémunérations forfaitaires
 *    autres qu'à l'acte » for a period: every payment of those forfaits due within it is
 *    suspended, by an adjustment line and a suspension entry in the calendar. */
#include "procedures.h"

#include <stdio.h>
#include <string.h>

bool payment_conditions_applies(eng_t *e) {
    return in_has(e, "justificatifs.sent_date") || in_has(e, "sanctions.forfaits_suspended_from");
}

static bool in_list(const char *list, const char *item) {
    size_t n = strlen(item);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, item, n) == 0) return true;
        p = end ? end + 1 : p + len;
    }
    return false;
}

static void date_text(eng_t *e, date_t d, char *buf, size_t cap) {
    calendar_t c = {e, "metropole", e->errs ? e->errs->lang : NULL};
    cal_date_text(&c, d, buf, cap);
}

/* Art. 17 and 18: the justificatifs of year N by the date of rsf.justificatifs_due (28 February
 * N+1) condition the payment by the date of rsf.balance_due (30 April N+1). */
static void justificatifs(eng_t *e) {
    date_t sent;
    if (!in_date_opt(e, "justificatifs.sent_date", &sent)) return;
    line_t *l = eng_line(
        e, "justificatifs_condition", "Art. 17, 18",
        "Justificatifs transmis dans le délai de l'Art. 17, condition du versement de l'Art. 18",
        "adjustment", "indicator");
    int m = (int)q_floor_int(par(e, "rsf.justificatifs_due.month"));
    int d = (int)q_floor_int(par(e, "rsf.justificatifs_due.day"));
    int pm = (int)q_floor_int(par(e, "rsf.balance_due.month"));
    int pd = (int)q_floor_int(par(e, "rsf.balance_due.day"));
    if (e->failed || m < 1 || m > 12 || pm < 1 || pm > 12 || d < 1 ||
        d > date_days_in_month(e->year + 1, m) || pd < 1 ||
        pd > date_days_in_month(e->year + 1, pm))
        return;
    date_t due = date_make(e->year + 1, m, d), pay = date_make(e->year + 1, pm, pd);
    char s[16], u[16], p[16];
    date_text(e, sent, s, sizeof s);
    date_text(e, due, u, sizeof u);
    date_text(e, pay, p, sizeof p);
    l->priced = true;
    l->amount_cents = 0;
    if (date_cmp(sent, due) <= 0) {
        l->status = ST_ACHIEVED;
        eng_note(e,
                 "justificatifs transmis le %s, au plus tard le %s : versement dû au plus tard "
                 "le %s",
                 s, u, p);
        return;
    }
    l->status = ST_NOT_ACHIEVED;
    eng_note(e,
             "justificatifs transmis le %s, après le %s : la condition de l'Art. 18 n'est pas "
             "remplie",
             s, u);
    eng_result_note(e,
                    "justificatifs transmis le %s, après le %s (Art. 17) : le versement au %s "
                    "n'est plus garanti (Art. 18, l. 3307-3309)",
                    s, u, p);
}

/* Art. 60: the forfaits' payments due in [from, to] are suspended. */
static void suspension(eng_t *e) {
    date_t from, to;
    if (!in_date_opt(e, "sanctions.forfaits_suspended_from", &from)) return;
    if (!in_date(e, "sanctions.forfaits_suspended_to", &to)) return;
    if (date_cmp(to, from) < 0) {
        eng_fail(e, "sanctions.forfaits_suspended_to", "Art. 60", "une date après le début",
                 "sanctions.forfaits_suspended_to : la fin de la suspension précède son début");
        return;
    }
    /* Art. 60, l. 12343-12347: at most 5 years */
    int max = (int)q_floor_int(par_at(e, "sanction.max_duration.count", from));
    const char *unit = NULL;
    date_t saved = e->at;
    e->at = from;
    unit = par_text(e, "sanction.max_duration.unit");
    const char *list = par_text(e, "sanction.suspended_payments");
    e->at = saved;
    cal_unit u;
    if (e->failed || !unit || !list || !cal_unit_parse(unit, &u)) return;
    date_t limit = date_add_days(date_add_months(from, u == CU_ANNEES ? 12 * max : max), -1);
    if (date_cmp(to, limit) > 0) {
        eng_fail(e, "sanctions.forfaits_suspended_to", "Art. 60", "au plus la durée maximale",
                 "sanctions.forfaits_suspended_to : la suspension dépasse la durée maximale de "
                 "l'Art. 60 (l. 12343-12347)");
        return;
    }
    char a[16], b[16];
    date_text(e, from, a, sizeof a);
    date_text(e, to, b, sizeof b);
    size_t n = e->res->npayments;
    int suspended = 0;
    for (size_t i = 0; i < n; i++) {
        payment_t p = e->res->payments[i];
        if (!p.payment || !in_list(list, p.payment) || !p.has_due || p.amount_cents <= 0 ||
            date_cmp(p.due, from) < 0 || date_cmp(p.due, to) > 0)
            continue;
        char id[96], due[16];
        snprintf(id, sizeof id, "suspension_%s_%zu", p.payment, i + 1);
        date_text(e, p.due, due, sizeof due);
        line_t *l =
            eng_line(e, id, "Art. 60", "Suspension du versement des rémunérations forfaitaires",
                     "adjustment", "minoration");
        l->payment = p.payment;
        l->status = ST_ADJUSTMENT;
        l->priced = true;
        l->amount_cents = -p.amount_cents;
        l->has_due = true;
        l->due = p.due;
        eng_note(e, "versement du %s (%s) suspendu : sanction du %s au %s", due, p.label, a, b);
        eng_payment(e, "Suspension du versement (Art. 60)", "Art. 60", &p.due, -p.amount_cents);
        e->res->payments[e->res->npayments - 1].payment = p.payment;
        eng_payment_kind(e, "suspension");
        suspended++;
    }
    if (suspended)
        eng_result_note(e,
                        "suspension des rémunérations forfaitaires du %s au %s (Art. 60) : %d "
                        "versement(s) suspendu(s)",
                        a, b, suspended);
    else
        eng_result_note(e,
                        "suspension des rémunérations forfaitaires du %s au %s (Art. 60) : aucun "
                        "versement de ce résultat n'est dû pendant la période",
                        a, b);
}

int payment_conditions_compute(eng_t *e) {
    e->cur = NULL;
    justificatifs(e);
    suspension(e);
    return e->failed ? -1 : 0;
}
