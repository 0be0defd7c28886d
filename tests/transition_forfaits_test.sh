#!/usr/bin/env bash
# The transitional measures (Art. 18.2) and the forfaits (VSM, télésanté, Teulade,
# téléexpertise) through every interface: `ancre compute` and `explain` on each example, the
# rules catalogue and the compute endpoint of the HTTP API, and the payments ledger of the store.
# usage: tests/transition_forfaits_test.sh [build/ancre]     prints "money: N passed, N failed"
set -u
ancre=$(cd "$(dirname "${1:-build/ancre}")" && pwd)/$(basename "${1:-build/ancre}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL money: $*" >&2; }
check() { # description command...
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then ok; else ko "$what"; fi
}
ex="$root/examples"

# ---- Art. 18.2.2 ----------------------------------------------------------------------------
# reference 300 000 €, new remunerations 150 000 + 20 000 + 30 000 = 200 000 €, differential
# 100 000 € > 2 % of 2 000 000 € = 40 000 € (l. 3467): 2 % of the fees, 40 000 € (l. 3469)
t2017="$ex/transition/centre-medical-2017.json"
"$ancre" compute --json "$t2017" >"$tmp/out" 2>&1
check "2017 example: 40 000 € of transitional support" \
    jq -e '.lines[] | select(.id == "transition_accompagnement") | .amount_cents == 4000000' "$tmp/out"
check "2017 example: one payment of the transition, without a date" \
    jq -e '[.payments[] | select(.payment == "transition")] | length == 1' "$tmp/out"
"$ancre" explain "$t2017" >"$tmp/out" 2>&1
check "explain cites the line of the 2 % cap" grep -qE "transition.compensation.complement_cap = 200 ?000 \(Art. 18.2.2, 000 l.3467\)" "$tmp/out"
check "explain names the reading" grep -q 'transition_regle_2pct = remplace' "$tmp/out"
check "the note is in French with French amounts" grep -q 'différentiel 100 000,00 €' "$tmp/out"
"$ancre" compute --json "$t2017" --reading transition_regle_2pct=plancher >"$tmp/out" 2>&1
check "reading plancher: two thirds, 66 666,67 €" \
    jq -e '.lines[] | select(.id == "transition_accompagnement") | .amount_cents == 6666667' "$tmp/out"
"$ancre" readings >"$tmp/out" 2>&1
check "the readings list the 2 % rule and the 2015 balance" \
    sh -c "grep -q transition_regle_2pct '$tmp/out' && grep -q options_2015_solde '$tmp/out'"

# a 2016-2020 forfait spécifique without the transition section says what is missing
"$ancre" compute --json "$root/examples/centre-polyvalent-2023.json" --params "$ex/national-2023.json" >"$tmp/out" 2>&1
check "no note of Art. 18.2.2 in 2023" sh -c "! grep -q 'Art. 18.2.2' '$tmp/out'"
g2019="$root/tests/golden/rsf_medical/equipements_connectes_doctors_only_2019.json"
jq '.declaration' "$g2019" >"$tmp/p2019.json"
jq '.params' "$g2019" >"$tmp/n2019.json"
"$ancre" compute --json "$tmp/p2019.json" --params "$tmp/n2019.json" >"$tmp/out" 2>&1
check "2019 without the section: a note names transition.options_2014_cents" \
    jq -e '[.notes[] | select(test("Art. 18.2.2.*transition.options_2014_cents"))] | length == 1' "$tmp/out"

# ---- Art. 18.2.1 ----------------------------------------------------------------------------
o2015="$ex/transition/options-2015.json"
"$ancre" compute --json "$o2015" >"$tmp/out" 2>&1
check "2015 balances without the previous accord's amounts: an error naming one" \
    jq -e '[.errors[].path] | index("transition.options_2015.medicale.per_patient") != null' "$tmp/out"
# 400 patients × 10 € + 2,5 ETP × 700 € + 5,5 ETP × 300 € = 7 400 € (illustrative amounts)
"$ancre" compute --json "$o2015" --params "$ex/transition/options-2015-rates.json" >"$tmp/out" 2>&1
check "2015 balances: 7 400 € due by 31/12/2016" \
    jq -e '.total_cents == 740000 and ([.payments[] | select(.due == "2016-12-31")] | length == 3)' "$tmp/out"

# ---- forfaits ------------------------------------------------------------------------------
# VSM: 750 / 820 = 91,5 % of the ALD patientèle: 3 000 € per GP ETP (l. 10474); patientèle
# 3 600 / 800 + 300 / 600 = 5 references for 4 ETP: 1,25; structured 400 / 910 > 1/3: +20 %;
# 3 000 × 4 × 1,25 × 1,2 = 18 000 €, due by 30/06/2024 (l. 10500)
vsm="$ex/forfaits/vsm-2023.json"
"$ancre" compute --json "$vsm" >"$tmp/out" 2>&1
check "VSM example: 18 000 € due 30/06/2024" \
    jq -e '.payments[] | select(.payment == "vsm") | .amount_cents == 1800000 and .due == "2024-06-30"' "$tmp/out"
"$ancre" explain "$vsm" >"$tmp/out" 2>&1
check "explain: the VSM forfait cites Art. 28.9.3 l. 10474" grep -q 'forfaits.vsm.amount_90.*000 l.10474' "$tmp/out"
# télésanté: centre (5 200 + 900) / 42 000 = 14,5 %; dr_leroy (900 + 60) / 3 900 = 24,6 % > 20 %
"$ancre" compute --json "$ex/forfaits/telesante-2023.json" >"$tmp/out" 2>&1
check "télésanté example: the centre keeps the limit, dr_leroy does not" \
    jq -e '([.lines[] | select(.id == "telesante_centre")][0].status == "achieved") and ([.lines[] | select(.id == "telesante_dr_leroy")][0].status == "not_achieved") and .total_cents == 0' "$tmp/out"
# Teulade 11,5 % × 1 850 000 € = 212 750 €; téléexpertise (48 + 30) × 5 + (12 + 9) × 10 = 600 €
"$ancre" compute --json "$ex/forfaits/teulade-teleexpertise-2023.json" >"$tmp/out" 2>&1
check "Teulade and téléexpertise example: 212 750 € and 600 €" \
    jq -e '.totals_by_payment_cents.teulade == 21275000 and .totals_by_payment_cents.teleexpertise == 60000' "$tmp/out"

# ---- HTTP API: rules catalogue and compute ---------------------------------------------------
"$ancre" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pids+=($!)
url=""
for i in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$tmp/serve.out")
    [ -n "$url" ] && break
    sleep 0.05
done
curl -s "${url}v1/rules?type=medical&year=2017" >"$tmp/rules"
check "rules 2017: the transitional support with its article" \
    jq -e '.rules[] | select(.id == "transition_accompagnement") | .article == "Art. 18.2.2" and .payment == "transition"' "$tmp/rules"
curl -s "${url}v1/rules?type=medical&year=2023" >"$tmp/rules"
check "rules 2023: the transition is omitted, with the parameter it lacks" \
    jq -e '.omitted[] | select(.section == "transition") | .reason | test("transition.compensation.share_num")' "$tmp/rules"
curl -s "${url}v1/rules?type=medical&year=2023" >"$tmp/rules"
check "rules 2023: the forfaits with their articles" \
    jq -e '[.rules[] | select(.id == "vsm_forfait" or .id == "telesante_centre" or .id == "teulade_subvention" or .id == "teleexpertise_niveau_1")] | length == 4' "$tmp/rules"
curl -s "${url}v1/rules?type=medical&year=2021" >"$tmp/rules"
check "rules 2021: the VSM forfait and the Teulade subsidy are omitted" \
    jq -e '[.omitted[].section] | (index("vsm") != null) and (index("teulade") != null)' "$tmp/rules"
curl -s -X POST --data-binary @"$vsm" "${url}v1/compute" >"$tmp/api"
check "API compute: the VSM forfait" \
    jq -e '.lines[] | select(.id == "vsm_forfait") | .amount_cents == 1800000' "$tmp/api"
curl -s -X POST --data-binary @"$t2017" "${url}v1/compute" >"$tmp/api"
check "API compute: the transitional support" \
    jq -e '.lines[] | select(.id == "transition_accompagnement") | .amount_cents == 4000000' "$tmp/api"

# ---- store: the payments ledger ----------------------------------------------------------------
DB="$tmp/store.db"
"$ancre" import --db "$DB" "$t2017" >/dev/null 2>&1
"$ancre" record --db "$DB" --year 2017 --finess 750000017 >/dev/null 2>&1
"$ancre" ledger --db "$DB" --finess 750000017 >"$tmp/out" 2>&1
check "ledger: the transitional support of 2017" grep -qE '2017  transition .*40 000,00 €' "$tmp/out"

"$ancre" import --db "$DB" "$vsm" >/dev/null 2>&1
"$ancre" record --db "$DB" --year 2023 --finess 750000023 >/dev/null 2>&1
"$ancre" ledger --db "$DB" --finess 750000023 >"$tmp/out" 2>&1
check "ledger: the VSM forfait due 2024-06-30" grep -qE '2024-06-30 +2023 +vsm .*18 000,00 €' "$tmp/out"

echo "money: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
