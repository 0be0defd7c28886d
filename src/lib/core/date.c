#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m) {
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : len[m - 1];
}

int date_days_in_year(int y) {
    return leap(y) ? 366 : 365;
}

date_t date_make(int y, int m, int d) {
    return (date_t){y, m, d};
}

bool date_parse(const char *s, date_t *out) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m)) return false;
    *out = (date_t){y, m, d};
    return true;
}

void date_format(date_t dt, char *buf, size_t cap) {
    snprintf(buf, cap, "%04d-%02d-%02d", dt.y, dt.m, dt.d);
}

long date_days(date_t dt) {
    /* days_from_civil (H. Hinnant) */
    int y = dt.y - (dt.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int date_cmp(date_t a, date_t b) {
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

date_t date_add_months(date_t dt, int months) {
    int total = dt.y * 12 + (dt.m - 1) + months;
    date_t r = {total / 12, total % 12 + 1, dt.d};
    int len = date_days_in_month(r.y, r.m);
    if (r.d > len) r.d = len;
    return r;
}

int date_quarter(date_t dt) {
    return (dt.m - 1) / 3 + 1;
}

date_t date_from_days(long z) {
    /* civil_from_days (H. Hinnant), the inverse of date_days */
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (date_t){(int)(yoe + era * 400 + (m <= 2)), m, d};
}

date_t date_add_days(date_t dt, long days) {
    return date_from_days(date_days(dt) + days);
}

int date_weekday(date_t dt) {
    long z = date_days(dt); /* 1970-01-01 was a Thursday */
    long w = ((z % 7) + 7 + 3) % 7;
    return (int)w + 1;
}
