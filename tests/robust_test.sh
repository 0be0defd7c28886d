#!/usr/bin/env bash
# Hostile and extreme inputs on the command line: nothing a user sends may crash the process,
# wrap an amount or truncate a number; every such input ends as an error naming what is wrong,
# with a non-zero exit.  Each case here crashed or gave a wrong figure with exit 0 before.
#   tests/robust_test.sh BUILD_DIR
set -u
build=${1:-build}
ancre="$build/ancre"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL robust: $*" >&2; }
expect_rc() { # expected-rc description command...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then ok; else ko "$what: exit $rc, expected $want"; head -c 600 "$tmp/err" >&2; fi
}
national="$root/examples/national-2023.json"
example="$root/examples/centre-polyvalent-2023.json"

# 1. a conventionnement contract signed before 2015-10-01: the schedule needed a parameter with
#    no value in force and divided by the invalid value (SIGFPE).  Now: an error naming it.
pre2015='{"centre":{"type":"infirmier"},"contracts":[{"id":"r","type":"conventionnement_csi","signature_date":"2012-03-01","zone":"sur_dotee"}]}'
printf '%s\n' "$pre2015" >"$tmp/pre2015.json"
expect_rc 1 "pre-2015 conventionnement: contract" "$ancre" contract "$tmp/pre2015.json"
grep -q 'contracts\[0\]\|contracts.regul_csi' "$tmp/err" && ok || ko "the error names the contract or the parameter without a value"
dent='{"centre":{"type":"dentaire"},"contracts":[{"id":"d","type":"conventionnement_dentaire","signature_date":"2014-06-01","zone":"sur_dotee"}]}'
printf '%s\n' "$dent" >"$tmp/pre2015d.json"
"$ancre" contract "$tmp/pre2015d.json" >/dev/null 2>&1
rc=$?
[ "$rc" -lt 128 ] && ok || ko "pre-2015 dental conventionnement: killed by signal $((rc - 128))"
jq -c --argjson c "$(jq -c .contracts "$tmp/pre2015.json")" '.contracts = $c' \
    "$root/examples/centre-infirmier-2023.json" >"$tmp/decl-pre2015.json"
"$ancre" compute "$tmp/decl-pre2015.json" --params "$national" >/dev/null 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || ko "pre-2015 contract inside a declaration: exit $rc, expected 1"

# 4. a batch with that line among good ones: every other line gets its record, and the count
{
    jq -c . "$example"
    cat "$tmp/decl-pre2015.json"
    jq -c . "$root/examples/centre-infirmier-2023.json"
} >"$tmp/batch.jsonl"
expect_rc 1 "batch with a fatal line" "$ancre" batch "$tmp/batch.jsonl" --params "$national"
[ "$(wc -l <"$tmp/out")" -eq 3 ] && ok || ko "three records for three lines"
sed -n 1p "$tmp/out" | grep -q '"ancre_result":1' && ok || ko "line 1 computed"
sed -n 2p "$tmp/out" | grep -q '"line":2,"ok":false' && ok || ko "line 2 reported"
sed -n 3p "$tmp/out" | grep -q '"ancre_result":1' && ok || ko "line 3 computed after the bad line"
grep -q '3 enregistrements, 2 calculés, 1 en erreur' "$tmp/err" && ok || ko "the batch ends with the count"
# (records flushed one by one, and a line that kills its worker: tests/batch_test.c)

# 2. amounts past 64 bits: refused at load by the unit's bounds, and overflow at compute reported
cat >"$tmp/pv.json" <<'J'
{"ancre_params":1,"parameters":[{"id":"rsf.point_value","unit":"eur","values":[{"from":"2015-01-01","value":"100000000000000000","cite":{"doc":"test","article":"Art. 8"}}]}]}
J
expect_rc 2 "a point value of 10^17 EUR is refused" "$ancre" compute "$example" --params "$national" --params "$tmp/pv.json"
grep -q 'rsf.point_value.*hors des bornes' "$tmp/err" && ok || ko "the error names the parameter and its bounds"
cat >"$tmp/big.json" <<'J'
{"ancre_params":1,"parameters":[
{"id":"rsf.point_value","unit":"eur","values":[{"from":"2015-01-01","value":"1000000000","cite":{"doc":"test","article":"Art. 8"}}]},
{"id":"rsf_med.fonction_coordination.fixed","unit":"points","values":[{"from":"2022-01-01","value":"1000000","cite":{"doc":"test","article":"Art. 8"}}]}]}
J
expect_rc 1 "an amount beyond 10^13 EUR is an error, not a wrapped total" "$ancre" compute --json "$example" --params "$national" --params "$tmp/big.json"
grep -q 'fonction_coordination.*dépasse' "$tmp/out" "$tmp/err" && ok || ko "the overflow names the line"
grep -q '"total_cents"' "$tmp/out" && ko "no total printed on overflow" || ok

# 3. integer parameters: 4 294 967 299 years was read as 3
cat >"$tmp/years.json" <<'J'
{"ancre_params":1,"parameters":[{"id":"contracts.cai_med.duration_years","unit":"years","values":[{"from":"2015-10-01","value":"4294967299","cite":{"doc":"test","article":"Art. 19.1.3"}}]}]}
J
expect_rc 2 "a duration of 4 294 967 299 years is refused" "$ancre" contract "$root/examples/contracts/cai_med.json" --params "$tmp/years.json"
grep -q 'contracts.cai_med.duration_years.*entier de 0 à 9999' "$tmp/err" && ok || ko "the error gives the bounds of a duration in years"
cat >"$tmp/frac.json" <<'J'
{"ancre_params":1,"parameters":[{"id":"contracts.cai_med.duration_years","unit":"years","values":[{"from":"2015-10-01","value":"4.5","cite":{"doc":"test","article":"Art. 19.1.3"}}]}]}
J
expect_rc 2 "a duration of 4.5 years is refused, not truncated to 4" "$ancre" contract "$root/examples/contracts/cai_med.json" --params "$tmp/frac.json"

# 8. empty parameter set and empty roster (qsort on a null array under UBSan)
printf '{"ancre_params":1,"parameters":[]}\n' >"$tmp/empty-params.json"
expect_rc 0 "an empty parameter file" "$ancre" params rsf.point_value --params "$tmp/empty-params.json"
"$build/roster_gen" 1 1 2019 0 0 | head -1 >"$tmp/empty.csv"
expect_rc 0 "a roster with only its header" "$ancre" roster "$tmp/empty.csv" --year 2019


# 6. diagnostics: a pretty-printed declaration followed by garbage is one document with one error
#    at the garbage (it was read as a batch, one error per physical line)
{ cat "$example"; echo 'garbage here'; } >"$tmp/garbage.json"
expect_rc 1 "a declaration followed by garbage" "$ancre" compute "$tmp/garbage.json" --params "$national"
n=$(grep -c '^erreur\|^error' "$tmp/err")
[ "$n" -eq 1 ] && ok || { ko "one error for the garbage, not $n"; head -5 "$tmp/err" >&2; }
glines=$(wc -l <"$example")
grep -q "ligne $((glines + 1))" "$tmp/err" && ok || { ko "the error gives the line of the garbage"; cat "$tmp/err" >&2; }
[ ! -s "$tmp/out" ] && ok || ko "no record printed for a document with garbage"
# identifiers: FINESS, names and contract ids are checked for length and characters
for bad in '"12345678"' '"1234567890"' '"2C0000001"' '"75000000A"' '"75000\u000a001"'; do
    jq -c ".centre.finess = $bad" "$example" >"$tmp/finess.json"
    expect_rc 1 "FINESS $bad refused" "$ancre" validate "$tmp/finess.json"
    grep -q 'centre.finess' "$tmp/err" && ok || ko "the error names centre.finess ($bad)"
done
jq -c '.centre.finess = "2A0000001"' "$example" >"$tmp/corse.json"
expect_rc 0 "a Corsican FINESS (2A) is accepted" "$ancre" validate "$tmp/corse.json"
jq -c --arg n "$(head -c 400 /dev/zero | tr '\0' x)" '.centre.name = $n' "$example" >"$tmp/name.json"
expect_rc 1 "a 400-byte centre name is refused" "$ancre" validate "$tmp/name.json"
grep -q 'centre.name' "$tmp/err" && ok || ko "the error names centre.name"
jq -c '.centre.name = "Centre\u0000NUL"' "$example" >"$tmp/nul.json"
expect_rc 1 "a NUL in a name is refused" "$ancre" validate "$tmp/nul.json"
for bad in '""' '"a b"' '"<script>"' "\"$(head -c 65 /dev/zero | tr '\0' c)\""; do
    jq -c ".contracts[0].id = $bad" "$root/examples/contracts/cai_med.json" >"$tmp/cid.json"
    expect_rc 1 "contract id $bad refused" "$ancre" validate "$tmp/cid.json"
    grep -q 'contracts\[0\].id' "$tmp/err" && ok || ko "the error names contracts[0].id ($bad)"
done

echo "robust: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
