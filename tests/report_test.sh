#!/usr/bin/env bash
# ancre report: its aggregates are checked against an independent sum (awk) over the per-centre
# table of the same batch (ancre batch --format csv): totals by year, by type and by
# département, the count of centres failing each prerequisite; the HTML page is self-contained.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL report: $*" >&2; }
national="$root/examples/national-2023.json"

# a batch of 5 × 40 centres over 8 départements and two years; every seventh centre misses the
# prerequisite of the SI (Art. 12) by declaring no SI level
: >"$tmp/batch.jsonl"
for f in "$root"/examples/centre-{polyvalent,medical,infirmier,dentaire}-2023.json "$root"/examples/centre-medecin-traitant-2019.json; do
    for i in $(seq 1 40); do
        dept=$(printf '%02d' $(((i % 8) * 11 + 1)))
        jq -c --arg f "${dept}00$(printf '%05d' "$i")" --argjson miss $((i % 7 == 0)) '
            .centre.finess = $f
            | if $miss == 1 and (.indicators.si_standard != null) then del(.indicators.si_standard) else . end' "$f" >>"$tmp/batch.jsonl"
    done
done
"$ancre" batch "$tmp/batch.jsonl" --params "$national" --format csv >"$tmp/table.csv" 2>/dev/null
"$ancre" report "$tmp/batch.jsonl" --params "$national" --format csv >"$tmp/report.csv" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] && ok || { ko "report exits $rc"; cat "$tmp/err" >&2; }
col() { head -n 1 "$tmp/table.csv" | tr ';' '\n' | grep -nx "$1" | cut -d: -f1; }
ctotal=$(col total_eur)
ctype=$(col type)
cyear=$(col year)
cfin=$(col finess)
cnot=$(col prerequisites_not_met)
cerr=$(col errors)
# sums in cents from the table: key -> "count total"
sums() { # awk expression giving the key
    tail -n +2 "$tmp/table.csv" | awk -F';' -v t="$ctotal" -v e="$cerr" "\$e == \"\" { k = $1; gsub(/,/, \"\", \$t); n[k]++; s[k] += \$t } END { for (k in n) print k \";\" n[k] \";\" s[k] }" | sort
}
report_rows() { # section -> "year|key;count;total-in-cents"
    awk -F';' -v sec="$1" '$2 == sec { t = $5; gsub(/,/, "", t); print $1 "|" $3 ";" $4 ";" t }' "$tmp/report.csv" | sort
}
[ "$(sums "\$$cyear \"|\" \$$ctype")" = "$(report_rows type)" ] && ok || { ko "totals by year and type"; diff <(sums "\$$cyear \"|\" \$$ctype") <(report_rows type) | head >&2; }
[ "$(sums "\$$cyear \"|\" substr(\$$cfin, 1, 2)")" = "$(report_rows departement)" ] && ok || ko "totals by year and département"
[ "$(sums "\$$cyear \"|\"")" = "$(report_rows all)" ] && ok || ko "totals by year"
# centres failing si_standard, counted in the table
want=$(tail -n +2 "$tmp/table.csv" | awk -F';' -v c="$cnot" -v y="$cyear" '$y == 2023 && $c ~ /(^|\|)si_standard(\||$)/' | wc -l)
got=$(awk -F';' '$1 == 2023 && $2 == "prerequisite_failed" && $3 == "si_standard" { print $4 }' "$tmp/report.csv")
[ "$want" -gt 0 ] && [ "$want" = "$got" ] && ok || ko "centres failing si_standard: report $got, table $want"
grep -q '^2019;payment;fpmt;' "$tmp/report.csv" && ok || ko "totals by payment"

# text and HTML
"$ancre" report "$tmp/batch.jsonl" --params "$national" >"$tmp/report.txt" 2>/dev/null
grep -q "^Année 2023 : 160 centres" "$tmp/report.txt" && grep -q "D'une année à l'autre" "$tmp/report.txt" && ok ||
    ko "text report: years and year against year"
"$ancre" report "$tmp/batch.jsonl" --params "$national" --format html >"$tmp/report.html" 2>/dev/null
[ "$(grep -c '<svg' "$tmp/report.html")" -ge 5 ] && ok || ko "HTML report has its charts"
grep -qiE '<script|<link|<img|src=|href=|url\(' "$tmp/report.html" && ko "HTML report loads nothing from anywhere" || ok
grep -oE 'https?://[^"]*' "$tmp/report.html" | grep -vx 'http://www.w3.org/2000/svg' | grep -q . && ko "HTML report names no other address" || ok
"$ancre" --lang en report "$tmp/batch.jsonl" --params "$national" 2>/dev/null | grep -q '^Year 2023: 160 centres' && ok || ko "English report"
"$ancre" report "$tmp/batch.jsonl" --format tsv >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "a format a report does not have is wrong usage"

echo "report: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
