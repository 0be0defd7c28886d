#!/usr/bin/env bash
# Command-line behaviour: exit codes, error reports, batch over JSON Lines, parameters listing.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL cli: $*" >&2; }
expect_rc() { # expected-rc description command...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then ok; else ko "$what: exit $rc, expected $want"; fi
}
national="$root/examples/national-2023.json"
example="$root/examples/centre-polyvalent-2023.json"

expect_rc 0 "example computes" "$ancre" compute "$example" --params "$national"
grep -q 'Art. 8.3.4.1' "$tmp/out" && ok || ko "breakdown cites the articles"
grep -q '^Total : ' "$tmp/out" && ok || ko "breakdown has a total"

expect_rc 0 "example as JSON" "$ancre" compute --json "$example" --params "$national"
grep -q '"ancre_result": 1' "$tmp/out" && ok || ko "versioned JSON document"

# the nursing and dental examples: full explained RSF, with the type of centre explained
for kind in infirmier dentaire; do
    ex="$root/examples/centre-$kind-2023.json"
    expect_rc 0 "$kind example computes" "$ancre" compute "$ex" --params "$national"
    grep -q "type de centre : $kind" "$tmp/out" && ok || ko "$kind: the type of centre is explained"
    grep -q '^Total : ' "$tmp/out" && ok || ko "$kind: breakdown has a total"
    grep -q 'majoration_precarite' "$tmp/out" && ok || ko "$kind: precarity majoration line"
    expect_rc 0 "$kind example explained" "$ancre" explain "$ex" --params "$national"
    grep -q "national.taux_css.$kind" "$tmp/out" && ok || ko "$kind: explanation cites the national rate"
    expect_rc 0 "$kind example as JSON" "$ancre" compute --json "$ex" --params "$national"
    grep -q '"ancre_result": 1' "$tmp/out" && ok || ko "$kind: versioned JSON document"
    expect_rc 0 "$kind example validates" "$ancre" validate "$ex"
    # the same declaration with the other type is refused at centre.type (Art. 3)
    other=dentaire
    [ "$kind" = dentaire ] && other=infirmier
    sed "s/\"type\": \"$kind\"/\"type\": \"$other\"/" "$ex" >"$tmp/wrong-type.json"
    expect_rc 1 "$kind declared as $other refused" "$ancre" validate "$tmp/wrong-type.json"
    grep -q 'centre.type' "$tmp/err" "$tmp/out" && ok || ko "$kind: the error names centre.type"
done
grep -q 'rsf_cd.minoration' <("$ancre" explain "$root/examples/centre-dentaire-2023.json" --params "$national") &&
    ok || ko "dental minorations cite their parameters"

expect_rc 1 "national rates missing is an error, not a zero" "$ancre" compute "$example"
grep -q 'national.taux_css' "$tmp/err" && ok || ko "the error names the missing parameter"

# ten different mistakes: ten errors, no result, exit 1
expect_rc 1 "ten mistakes refused" "$ancre" compute "$here/cli/ten-mistakes.json"
n=$(grep -c '^erreur : ' "$tmp/err")
[ "$n" -eq 10 ] && ok || { ko "ten mistakes give $n errors"; cat "$tmp/err" >&2; }
[ ! -s "$tmp/out" ] && ok || ko "no result printed on errors"
expect_rc 1 "validate lists the same errors" "$ancre" validate --json "$here/cli/ten-mistakes.json"
n=$(grep -c '"path"' "$tmp/out")
[ "$n" -eq 10 ] && ok || ko "validate --json lists $n errors"
expect_rc 0 "validate a good declaration" "$ancre" validate "$example"

expect_rc 2 "unknown command" "$ancre" frobnicate x
expect_rc 2 "unreadable file" "$ancre" compute "$tmp/nope.json"
expect_rc 1 "unknown reading" "$ancre" compute "$example" --params "$national" --reading nope=1
expect_rc 1 "bad reading value" "$ancre" compute "$example" --params "$national" --reading coordination_tiers=zigzag

# readings: the result lists the readings used; a non-default reading is reported as such
expect_rc 0 "reading chosen" "$ancre" compute --json "$example" --params "$national" --reading precarity_base=rsf
grep -q '"value": "rsf"' "$tmp/out" && ok || ko "chosen reading listed in the result"
expect_rc 0 "sensitivity" "$ancre" compute --json --sensitivity "$example" --params "$national"
grep -q '"alternatives"' "$tmp/out" && ok || ko "sensitivity lists alternatives"

# batch: 1 000 declarations, every 100th broken; one record per line, in order; exit 1
python_free_batch() {
    local i line
    line=$(tr -d '\n' <"$example")
    for i in $(seq 1 1000); do
        if [ $((i % 100)) -eq 0 ]; then
            echo '{"year": 2023, "centre": {"type": "medical"}, "staff": {"etp_mg": "x"}}'
        elif [ $((i % 250)) -eq 0 ]; then
            echo '{not json'
        else
            echo "$line"
        fi
    done
}
python_free_batch >"$tmp/batch.jsonl"
expect_rc 1 "batch with bad lines" "$ancre" compute "$tmp/batch.jsonl" --params "$national"
[ "$(wc -l <"$tmp/out")" -eq 1000 ] && ok || ko "one output record per input line"
n=$(grep -c '"ok":false' "$tmp/out")
# every 100th line (10) and lines 250 and 750 are broken
[ "$n" -eq 12 ] && ok || ko "twelve error records, got $n"
sed -n '250p' "$tmp/out" | grep -q '"line":250' && ok || ko "a syntax error is reported on its line"
sed -n '100p' "$tmp/out" | grep -q '"line":100' && ok || ko "error record 100 names its line"
sed -n '101p' "$tmp/out" | grep -q '"ancre_result":1' && ok || ko "line 101 is computed after a bad line"
cat "$tmp/batch.jsonl" | "$ancre" batch - --params "$national" >"$tmp/out2" 2>/dev/null
cmp -s "$tmp/out" "$tmp/out2" && ok || ko "batch from standard input gives the same records"

# parameters
expect_rc 0 "params listing" "$ancre" params --date 2023-12-31 rsf.point_value
grep -q 'L2730\|l.2730' "$tmp/out" && ok || ko "point value cites line 2730"
expect_rc 0 "params of the old grid" "$ancre" params --date 2021-12-31 rsf_med.fonction_coordination.fixed
grep -q '700' "$tmp/out" && ok || ko "coordination was 700 in the 2022 slides grid"
expect_rc 1 "unknown parameter" "$ancre" params no.such.param

# the documented declaration fields are those of the schema
"$ancre" schema >"$tmp/schema.md"
if grep -qxFf "$tmp/schema.md" "$root/docs/declaration.md" && [ "$(grep -cxFf "$tmp/schema.md" "$root/docs/declaration.md")" -eq "$(wc -l <"$tmp/schema.md")" ]; then ok; else ko "docs/declaration.md is not up to date with 'ancre schema'"; fi

# contracts: every example gives its schedule; the forbidden combination is refused with its article
for f in "$root"/examples/contracts/*.json; do
    case "$f" in
    */forbidden_* | */declaration-*) continue ;;
    esac
    expect_rc 0 "contract $(basename "$f")" "$ancre" contract "$f"
    grep -q "^Total de l'échéancier : " "$tmp/out" && ok || ko "$(basename "$f"): schedule has a total"
    grep -q 'Art\. 19\|Annexe' "$tmp/out" && ok || ko "$(basename "$f"): lines cite their article"
    expect_rc 0 "contract --json $(basename "$f")" "$ancre" contract --json "$f"
    grep -q '"due": "' "$tmp/out" && ok || ko "$(basename "$f"): JSON lines carry their due date"
done
expect_rc 0 "a declaration with contracts" "$ancre" compute "$root/examples/contracts/declaration-2025.json"
grep -q '^Total : 36 000,00 €' "$tmp/out" && ok || ko "the contract payments due in the year join the declaration's total"
grep -q '01/03/2025  cai: ' "$tmp/out" && ok || ko "and its calendar"
expect_rc 0 "the whole schedule of a declaration's contracts" "$ancre" contract "$root/examples/contracts/declaration-2025.json"
grep -q "^Total de l'échéancier : 56 000,00 €" "$tmp/out" && ok || ko "ancre contract on a declaration gives the whole schedule"
expect_rc 0 "CAI example" "$ancre" contract "$root/examples/contracts/cai_med.json"
grep -q 'cai.supplement_1 .* 16 000,00 €' "$tmp/out" && ok || ko "CAI example gives the text's 16 000 € supplement"
expect_rc 0 "printed-formula reading" "$ancre" contract --json "$root/examples/contracts/caicdsd_2023.json" --reading installation_supplement=printed_formula
grep -q '"amount_cents": 6500000' "$tmp/out" && ok || ko "the printed formula gives the text's 65 000 €"
expect_rc 1 "forbidden combination" "$ancre" contract "$root/examples/contracts/forbidden_cai_cosco.json"
grep -q 'contracts\[1\].type.*Art. 19.2.2' "$tmp/err" && ok || ko "the refusal names the field and the article"
[ ! -s "$tmp/out" ] && ok || ko "no schedule printed on errors"
expect_rc 1 "forbidden combination (validate)" "$ancre" validate --json "$root/examples/contracts/forbidden_cai_cosco.json"
expect_rc 1 "contract batch with a bad line" "$ancre" contract "$root/examples/contracts/batch.jsonl"
[ "$(wc -l <"$tmp/out")" -eq 4 ] && ok || ko "one contract record per line"
sed -n '3p' "$tmp/out" | grep -q '"line":3,"ok":false.*contracts\[0\].signature_date' && ok || ko "the bad contract line is reported with its field path"
sed -n '4p' "$tmp/out" | grep -q '"ancre_result":1' && ok || ko "the batch goes on past a bad line"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
