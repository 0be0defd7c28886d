#!/usr/bin/env bash
# Tests of `ancre roster` (docs/roster.md): the streaming counts against an independent count
# made with awk on generated rosters, bad rows reported with their line numbers, a hand-made
# roster whose counts and FPMT are computed by hand, standard input, and usage errors.
#   tests/roster_test.sh BUILD_DIR
set -u
build=${1:-build}
ancre="$build/ancre"
gen="$build/roster_gen"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
    fail=$((fail + 1))
    echo "FAIL roster: $*"
}

# independent count: the documented rules of docs/roster.md, written again in awk
count_awk() { # file year -> "centre,patients,c06,c779,c80,ald<80,ald80+,css,u16,16+,not_at_snapshot" lines; bad line numbers to $3
    awk -F, -v year="$2" -v badfile="$3" '
    function isdate(s,   y, m, d, md) {
        if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) return 0
        y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
        split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
        if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) md[2] = 29
        return y >= 1850 && m >= 1 && m <= 12 && d >= 1 && d <= md[m]
    }
    NR == 1 { next }
    {
        sub(/\r$/, "")
        if (NF != 7 || $1 == "" || $2 == "" || !isdate($3) || ($4 != "0" && $4 != "1") ||
            ($5 != "0" && $5 != "1") || !isdate($6) || ($7 != "" && !isdate($7)) ||
            ($7 != "" && $7 < $6) || $6 < $3) { print NR > badfile; next }
        c = $1; seen[c] = 1
        snap = year "-12-31"
        if ($6 > snap || ($7 != "" && $7 < snap)) { out[c]++; next }
        age = year - substr($3, 1, 4)
        n[c]++
        if ($4 == "1") { if (age >= 80) a80[c]++; else a[c]++ }
        else if (age <= 6) k[c]++
        else if (age >= 80) o80[c]++
        else o[c]++
        if ($5 == "1") css[c]++
        if (age < 16) u16[c]++; else ad[c]++
    }
    END {
        for (c in seen)
            printf "%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n", c, n[c], k[c], o[c], o80[c], a[c], a80[c], css[c], u16[c], ad[c], out[c]
    }' "$1" | sort
}

# 1. generated roster with malformed rows: same counts, same bad line numbers, exit 1
"$gen" 20000 7 2019 3 97 >"$tmp/r.csv"
"$ancre" roster "$tmp/r.csv" --year 2019 >"$tmp/out.csv" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && ok || ko "a roster with bad rows exits 1 (got $rc)"
tail -n +2 "$tmp/out.csv" | cut -d, -f1-11 | sort >"$tmp/ancre_counts"
count_awk "$tmp/r.csv" 2019 "$tmp/awk_bad" >"$tmp/awk_counts"
if cmp -s "$tmp/ancre_counts" "$tmp/awk_counts" && [ -s "$tmp/awk_counts" ]; then ok; else
    ko "streaming counts differ from the awk count"
    diff "$tmp/ancre_counts" "$tmp/awk_counts" | head -5
fi
grep -oE '^[^:]+:[0-9]+:' "$tmp/err" | cut -d: -f2 >"$tmp/ancre_bad"
if cmp -s "$tmp/ancre_bad" "$tmp/awk_bad" && [ "$(wc -l <"$tmp/awk_bad")" -gt 100 ]; then ok; else
    ko "bad rows: line numbers differ from the awk check ($(wc -l <"$tmp/ancre_bad") vs $(wc -l <"$tmp/awk_bad"))"
fi
grep -q "$(wc -l <"$tmp/awk_bad") lignes incorrectes ignorées" "$tmp/err" && ok || ko "the number of bad rows is reported"

# 2. a clean roster of another year, read from standard input: exit 0, same counts as awk
"$gen" 5000 3 2021 11 >"$tmp/clean.csv"
"$ancre" roster - --year 2021 <"$tmp/clean.csv" >"$tmp/out2.csv" 2>"$tmp/err2"
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/err2" ] && ok || ko "a clean roster exits 0 silently (got $rc)"
tail -n +2 "$tmp/out2.csv" | cut -d, -f1-11 | sort >"$tmp/ancre_counts2"
count_awk "$tmp/clean.csv" 2021 "$tmp/awk_bad2" >"$tmp/awk_counts2"
cmp -s "$tmp/ancre_counts2" "$tmp/awk_counts2" && ok || ko "stdin counts differ from the awk count"

# 3. a hand-made roster: categories at their age boundaries on 31/12/2019, the snapshot, CRLF
printf '%s\r\n' \
    "centre_id,patient_key,birth_date,ald,css,mt_start,mt_end" \
    "A,1,2013-12-31,0,1,2014-01-05," \
    "A,2,2012-01-01,0,0,2015-01-01," \
    "A,3,1940-12-31,0,0,2010-01-01,2019-12-31" \
    "A,4,1940-01-01,1,1,2010-01-01," \
    "A,5,2015-06-01,1,0,2016-01-01," \
    "A,6,1941-01-01,0,0,2010-01-01," \
    "A,7,1980-01-01,0,0,2020-01-02," \
    "A,8,1980-01-01,0,0,2010-01-01,2019-12-30" \
    "B,9,1930-02-01,0,0,2000-01-01," >"$tmp/hand.csv"
# A at 31/12/2019: #1 age 6 -> 0-6 (CSS); #2 age 7 -> 7-79; #3 age 79 (still MT on 31/12) -> 7-79;
# #4 age 79 in ALD -> ALD under 80 (CSS); #5 age 4 in ALD -> ALD under 80 (slides 001 l. 298);
# #6 age 78 -> 7-79; #7 declared in 2020 and #8 ended 30/12: not counted.
# FPMT A = 1 x 6 + 3 x 5 + 2 x 42 = 105 EUR; CSS 2/6 = 33.33 %: majoration (33.33 - 7)/2 =
# 13.1667 % -> 105 x 0.131667 = 13.825 -> 13.83 EUR; FPMT = 118.83 EUR.  B: one patient of 89,
# 42 EUR, no CSS.
"$ancre" roster "$tmp/hand.csv" --year 2019 >"$tmp/hand.out" 2>"$tmp/hand.err"
expected="centre_id,patients,child_0_6_no_ald,other_7_79_no_ald,age_80_plus_no_ald,under_80_ald,age_80_plus_ald,css,under_16,age_16_plus,not_at_snapshot,fpmt_cents
A,6,1,3,0,2,0,2,3,3,2,11883
B,1,0,0,1,0,0,0,0,1,0,4200"
[ "$(cat "$tmp/hand.out")" = "$expected" ] && ok || {
    ko "hand-made roster"
    cat "$tmp/hand.out" "$tmp/hand.err"
}

# 4. the JSON output carries the same figures
"$ancre" roster "$tmp/hand.csv" --year 2019 --json >"$tmp/hand.json"
grep -q '"fpmt_cents": 11883' "$tmp/hand.json" && grep -q '"bad_rows": 0' "$tmp/hand.json" && ok ||
    ko "roster --json"

# 5. errors: no header, no year, unreadable file
printf 'A,1,2013-12-31,0,1,2014-01-05,\n' >"$tmp/nohead.csv"
"$ancre" roster "$tmp/nohead.csv" --year 2019 >/dev/null 2>"$tmp/e5"
[ $? -eq 1 ] && grep -q "nohead.csv:1: the first line must be the header" "$tmp/e5" && ok ||
    ko "a roster without its header is reported at line 1"
"$ancre" roster "$tmp/hand.csv" >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "--year is required (exit 2)"
"$ancre" roster "$tmp/missing.csv" --year 2019 >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "unreadable roster exits 2"
"$ancre" roster "$tmp/hand.csv" --year 2017 >/dev/null 2>"$tmp/e6"
[ $? -eq 1 ] && grep -q "fpmt.age.child_max has no value in force on 2017-12-31" "$tmp/e6" && ok ||
    ko "a roster of 2017 reports that the FPMT is not in force"

echo "roster: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
