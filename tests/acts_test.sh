#!/usr/bin/env bash
# Command-line behaviour of the payments billed act by act (docs/acts.md): each example
# computes with the totals worked out by hand beside it, a forfait the text leaves undated
# stops with an error naming its parameter, the readings are listed, the store's ledger holds
# one payment per rule.
#   tests/acts_test.sh path/to/ancre
set -u
ancre=${1:-build/ancre}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
    fail=$((fail + 1))
    echo "FAIL acts: $*"
}

# ---- supplements of Art. 25.2, 28.7, 28.10 ----
ex="$root/examples/acts/centre-supplements-2023.json"
dates="$root/examples/acts/dates-of-effect.json"
"$ancre" compute --params "$dates" "$ex" >"$tmp/out" 2>&1
[ $? -eq 0 ] && ok || ko "the supplements example computes"
# MIE: 240 séances in volume + s1 (28/02, before the 7th birthday) + s3 (4 years) = 242 × 3,15
# = 762,30 €; s2 on the 7th birthday is not paid (l. 9672).
grep -Eq '^  Total mie ?: 762,30 €' "$tmp/out" && ok || ko "MIE total"
# orthoptie: o1 50 €, o2 second of the year 0 €, o3 aggravation 50 € (l. 10220-10224)
grep -Eq '^  Total orthoptie ?: 100,00 €' "$tmp/out" && ok || ko "orthoptic forfait total"
# TND: t1 50 €; t2 has no PCO (l. 10524)
grep -Eq '^  Total tnd_pco ?: 50,00 €' "$tmp/out" && ok || ko "TND/PCO total"
grep -Eq '^Total ?: 912,30 €' "$tmp/out" && ok || ko "grand total 912,30 €"
"$ancre" compute "$ex" >"$tmp/out" 2>&1
[ $? -ne 0 ] && ok || ko "without the dates of effect the example is refused"
grep -q 'acts.orthoptie.in_force_from' "$tmp/out" && ok || ko "the error names the missing date of effect"
"$ancre" explain --params "$dates" "$ex" >"$tmp/out" 2>&1
grep -q "l'enfant n'a plus moins de 7 ans" "$tmp/out" && ok || ko "explain says why s2 is not paid"
grep -q 'acts.list\[1\].patient_birth_date = 2016-03-01' "$tmp/out" && ok || ko "explain shows the act's inputs"
"$ancre" readings >"$tmp/out" 2>&1
for r in mie_seventh_birthday forfait_annual_frame tnd_handicap_forfait; do
    grep -q "$r" "$tmp/out" && ok || ko "reading $r listed"
done
"$ancre" compute --params "$dates" --reading mie_seventh_birthday=included "$ex" >"$tmp/out" 2>&1
grep -Eq '^  Total mie ?: 765,45 €' "$tmp/out" && ok || ko "MIE with the birthday included: 243 × 3,15"

# ---- the ledger of the store: one payment per rule ----
db="$tmp/store.db"
"$ancre" import --db "$db" --params "$dates" "$ex" >/dev/null 2>&1 &&
    "$ancre" record --db "$db" --year 2023 --params "$dates" >/dev/null 2>&1 && ok || ko "recorded in the store"
"$ancre" ledger --db "$db" --finess 750000001 >"$tmp/out" 2>&1
grep -q 'mie .*762,30 €' "$tmp/out" && ok || ko "ledger holds the MIE"
grep -q 'orthoptie .*100,00 €' "$tmp/out" && ok || ko "ledger holds the orthoptic forfait"
grep -q 'tnd_pco .*50,00 €' "$tmp/out" && ok || ko "ledger holds the TND/PCO forfait"

# ---- permanence des soins (Art. 20, Annexes 18 and 19) ----
ex="$root/examples/pdsa/permanence-2023.json"
"$ancre" compute "$ex" >"$tmp/out" 2>&1
[ $? -eq 0 ] && ok || ko "the permanence example computes"
# p1 Sunday consultation 26,50 + p2 night visit 46,00 (the ordinary majoration is not due in
# addition) + p3 replacement, middle of the night, visit 59,50 + 40 Sunday consultations × 26,50
# = 1 060,00; p4 not regulated, p5 regulation forfait in the same slot: nothing.  1 192,00 €.
grep -Eq '^  Total pdsa ?: 1 192,00 €' "$tmp/out" && ok || ko "PDSA total"
# MCD: D001 twice the same day counts once, D002: 2 × 30 €
grep -Eq '^  Total pdsd ?: 60,00 €' "$tmp/out" && ok || ko "MCD total"
"$ancre" explain "$ex" >"$tmp/out" 2>&1
grep -q "rémunération forfaitaire de régulation" "$tmp/out" && ok || ko "explain gives the non-cumul of p5"
"$ancre" compute --reading pdsa_ordinary_majorations=specific_refused "$ex" >"$tmp/out" 2>&1
grep -Eq '^  Total pdsa ?: 1 146,00 €' "$tmp/out" && ok || ko "PDSA total when the ordinary majoration excludes the specific one"
db="$tmp/store2.db"
"$ancre" import --db "$db" "$ex" >/dev/null 2>&1 && "$ancre" record --db "$db" --year 2023 >/dev/null 2>&1 &&
    "$ancre" ledger --db "$db" --finess 750000002 >"$tmp/out" 2>&1
grep -q 'pdsa .*1 192,00 €' "$tmp/out" && ok || ko "ledger holds the PDSA majorations"
grep -q 'pdsd .*60,00 €' "$tmp/out" && ok || ko "ledger holds the MCD"

# ---- bucco-dental prevention (Annexes 22, 23, 30) ----
ex="$root/examples/dental/prevention-2025.json"
"$ancre" compute "$ex" >"$tmp/out" 2>&1
[ $? -eq 0 ] && ok || ko "the prevention example computes"
# e1 7 years BR2 52 + e2 13 years BDC 40 + e4 5 years BDC 40 + handicap 23 + e5 pregnancy BRP 64
# + 12 × BDC 40 = 480; e3 25 years and e6 (second exam at 13) nothing: 699,00 €
grep -Eq '^  Total ebd ?: 699,00 €' "$tmp/out" && ok || ko "EBD total"
# Annexe 23: the 198 CCAM codes are data, each with its citation
n=$("$ancre" params --json | jq '[.[] | select(.id | startswith("ebd.annexe23."))] | length')
[ "$n" = 198 ] && ok || ko "Annexe 23 has 198 CCAM codes, found $n"
n=$("$ancre" params --json | jq '[.[] | select(.id | startswith("ebd.annexe23.")) | .values[0].cite.line] | unique | length')
[ "$n" = 198 ] && ok || ko "each code of Annexe 23 cites its own line, found $n lines"
db="$tmp/store3.db"
"$ancre" import --db "$db" "$ex" >/dev/null 2>&1 && "$ancre" record --db "$db" --year 2025 >/dev/null 2>&1 &&
    "$ancre" ledger --db "$db" --finess 750000003 >"$tmp/out" 2>&1
grep -q 'ebd .*699,00 €' "$tmp/out" && ok || ko "ledger holds the prevention payment"

# ---- CASD (Annexe 20): contract year 2 of a contract registered on 15/11/2015 ----
ex="$root/examples/dental/casd-2017.json"
"$ancre" compute "$ex" >"$tmp/out" 2>&1
# 150 000 / 500 000 = 30 % >= 20 %; 90 000 / 60 000 = 150 % <= 160 % initial and <= 230 %;
# 5,5 % x 200 000 = 11 000 €
grep -Eq '^  Total casd ?: 11 000,00 €' "$tmp/out" && ok || ko "CASD total"
db="$tmp/store4.db"
"$ancre" import --db "$db" "$ex" >/dev/null 2>&1 && "$ancre" record --db "$db" --year 2017 >/dev/null 2>&1 &&
    "$ancre" ledger --db "$db" --finess 750000004 >"$tmp/out" 2>&1
grep -q 'casd .*11 000,00 €' "$tmp/out" && ok || ko "ledger holds the CASD"

echo "acts: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
