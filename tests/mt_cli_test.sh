#!/usr/bin/env bash
# Command-line behaviour of the médecin traitant payments and the ROSP: the breakdown of a
# declaration with several payments shows each payment's lines, one total per payment, the
# grand total and the calendar; the JSON document gives the same totals.
#   tests/mt_cli_test.sh path/to/ancre
set -u
ancre=${1:-build/ancre}
root=$(cd "$(dirname "$0")/.." && pwd)
example="$root/examples/centre-medecin-traitant-2019.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
    fail=$((fail + 1))
    echo "FAIL mt-cli: $*"
}

"$ancre" compute "$example" >"$tmp/out"
[ $? -eq 0 ] && ok || ko "the example computes"
# FPMT: 180×6 + 120×42 + 400×42 + 60×70 + 1900×5 = 36 620 €; CSS 399/2 660 = 15 % → +4 %
# = 1 464,80 €; total 38 084,80 €.  MPA: (40+35+22+41) × 5 = 690 €.
grep -q '^  Total fpmt : 38 084,80 €' "$tmp/out" && ok || ko "FPMT total"
grep -q '^  Total mpa : 690,00 €' "$tmp/out" && ok || ko "MPA total"
grep -q '^  Total rosp : ' "$tmp/out" && ok || ko "ROSP total"
grep -q '^Total : ' "$tmp/out" && ok || ko "grand total"
# acomptes of 6 000 € in June, September, November; solde in March 2020 = 38 084,80 − 18 000
grep -q '31/03/2020  FPMT 2019 : solde .*20 084,80 €' "$tmp/out" && ok || ko "FPMT solde in the calendar"
grep -q '30/09/2019  FPMT 2019 : acompte 2' "$tmp/out" && ok || ko "FPMT acompte in the calendar"
"$ancre" compute --json "$example" >"$tmp/json"
grep -q '"fpmt": 3808480' "$tmp/json" && grep -q '"mpa": 69000' "$tmp/json" && ok ||
    ko "totals_by_payment_cents in the JSON document"
"$ancre" explain "$example" | grep -q 'paramètre fpmt.css.cap = 0,25 (Art. 23.3, 000 l.7176)' && ok ||
    ko "explain cites the CSS cap"
"$ancre" readings | grep -q '"rosp_2020_adult_table"' && ok || ko "the ROSP readings are listed"
"$ancre" compute "$example" --reading fpmt_calendar=accord | grep -q '30/06/2020  FPMT 2019 : régularisation' &&
    ok || ko "--reading fpmt_calendar=accord"

# docs/contracts.md documents every reading of the contracts and every field of a contract
for id in $("$ancre" readings | grep -oE '"(installation_[a-z_]*|cosco_[a-z_]*|am_[a-z0-9_]*|ipa_(added_etp|undue_recovery|formation_[a-z_]*|termination_[a-z_]*))"' | tr -d '"' | sort -u); do
    grep -q "\`$id\`" "$root/docs/contracts.md" && ok || ko "docs/contracts.md does not document the reading $id"
done
for f in $("$ancre" schema | sed -n 's/^| `contracts\[\]\.\([a-z_]*\)[.`[].*/\1/p' | sort -u); do
    grep -q "\`$f" "$root/docs/contracts.md" && ok || ko "docs/contracts.md does not document the contract field $f"
done
# the starting rate derived from the history, the safeguard clause: the readings are listed
"$ancre" readings | grep -q '"rosp_safeguard_share"' && ok || ko "the safeguard reading is listed"

echo "mt-cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
