#!/usr/bin/env bash
# The 2011 draft of the doctors' convention (003) from the command line: a document is
# recognised by its marker and validated with its own schema; the ALD forfait of the draft
# (003 Art. 12.4) is cross-checked against the forfait RMT of Annexe 24 of the accord, which
# takes it over (000 l. 20215-20223: 40 € per ALD patient, paid in the quarter of the ALD
# anniversary): for the same patients, each quarter pays the same, the patients of each quarter
# being counted here independently with jq; errors speak French and name the blank.
#   tests/conv2011_test.sh path/to/ancre
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
    echo "FAIL conv2011: $*"
}

# patients of 2016 (the RMT of Annexe 24 is paid until 31/12/2017, 000 l. 20201-20203)
cat >"$tmp/doc.json" <<'DOC'
{"ancre_convention_2011": 1, "year": 2016, "doctor": {"specialty": "generaliste"},
 "ald_patients": [
  {"ald_3_4": true, "ald_entry_date": "2010-01-01", "mt_declaration_date": "2015-12-31"},
  {"ald_3_4": true, "ald_entry_date": "2011-02-28", "mt_declaration_date": "2014-05-02"},
  {"ald_3_4": true, "ald_entry_date": "2012-05-20", "mt_declaration_date": "2016-03-31"},
  {"ald_3_4": true, "ald_entry_date": "2013-06-30", "mt_declaration_date": "2016-02-01"},
  {"ald_3_4": true, "ald_entry_date": "2009-08-01", "mt_declaration_date": "2016-07-01"},
  {"ald_3_4": true, "ald_entry_date": "2014-09-30", "mt_declaration_date": "2016-06-30"},
  {"ald_3_4": true, "ald_entry_date": "2015-12-31", "mt_declaration_date": "2016-09-30"},
  {"ald_3_4": true, "ald_entry_date": "2016-11-01", "mt_declaration_date": "2016-01-01"},
  {"ald_3_4": false, "ald_entry_date": "2010-10-10", "mt_declaration_date": "2011-01-01"}
 ]}
DOC
"$ancre" validate "$tmp/doc.json" >/dev/null 2>&1 && ok || ko "a convention-2011 document validates"
"$ancre" compute --json "$tmp/doc.json" >"$tmp/cm.json" && ok || ko "the document computes"
jq -e '.notes | any(test("non signé"))' "$tmp/cm.json" >/dev/null && ok || ko "the result says the source is an unsigned draft"
# by hand: Q1 the entries of 01/01 and 28/02 (declared by 31/12/2015); Q2 those of 20/05
# (declared 31/03/2016, the last day allowed) and 30/06; Q3 the 30/09 one (declared 30/06), not
# the 01/08 one (declared 01/07, in Q3 itself); Q4 the 31/12 one; the 2016 entry has no
# anniversary yet, the ALD outside the 3° and 4° none.  Independent count: anniversary quarter of an entry before 2016, declared by the end of the
# previous quarter, ALD of the 3° or 4°
jq -c '[range(1;5) as $q | [.ald_patients[] | select(.ald_3_4)
        | select((.ald_entry_date[0:4] | tonumber) < 2016)
        | select(((.ald_entry_date[5:7] | tonumber) + 2) / 3 | floor == $q)
        | select(.mt_declaration_date <= (["2015-12-31","2016-03-31","2016-06-30","2016-09-30"][$q - 1]))]
        | length]' "$tmp/doc.json" >"$tmp/counts"
[ "$(cat "$tmp/counts")" = "[2,2,1,1]" ] && ok || ko "the independent count ($(cat "$tmp/counts"))"
jq --argjson n "$(cat "$tmp/counts")" -n '{ancre_declaration: 1, year: 2016,
  centre: {name: "Centre test", type: "medical", adhesion_date: "2015-10-01"},
  forfaits_mt_2017: {n_rmt_q1: $n[0], n_rmt_q2: $n[1], n_rmt_q3: $n[2], n_rmt_q4: $n[3],
                     n_rst: 0, n_fmt: 0}}' >"$tmp/annexe24.json"
"$ancre" compute --json "$tmp/annexe24.json" >"$tmp/a24.json" && ok || ko "the Annexe 24 declaration computes"
for q in 1 2 3 4; do
    a=$(jq ".lines[] | select(.id == \"cm2011_ald_t$q\") | .amount_cents" "$tmp/cm.json")
    b=$(jq ".lines[] | select(.id == \"forfait_rmt_t$q\") | .amount_cents" "$tmp/a24.json")
    [ -n "$a" ] && [ "$a" = "$b" ] && ok || ko "quarter $q: draft $a cents, Annexe 24 $b cents"
done
# a JSON Lines batch of documents, one record per line
{ jq -c . "$tmp/doc.json"; echo '{"ancre_convention_2011": 1, "year": 2016}'; } >"$tmp/batch.jsonl"
"$ancre" batch "$tmp/batch.jsonl" >"$tmp/batch.out" 2>/dev/null
[ "$(wc -l <"$tmp/batch.out")" -eq 2 ] && ok || ko "a batch gives one record per line"
# a document with nothing to compute, an unknown indicator: French errors, exit 1
echo '{"ancre_convention_2011": 1, "year": 2016, "doctor": {"specialty": "generaliste"}}' >"$tmp/empty.json"
"$ancre" compute "$tmp/empty.json" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'rien à calculer' "$tmp/err" && ok || ko "nothing to compute: exit 1, a French error"
echo '{"ancre_convention_2011": 1, "year": 2016, "doctor": {"specialty": "generaliste"},
 "rosp": {"patientele_mt": 800, "indicators": [{"id": "inconnu"}]}}' >"$tmp/bad.json"
"$ancre" validate "$tmp/bad.json" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'rosp.indicators\[0\].id' "$tmp/err" && ok || ko "an unknown indicator is refused with its path"
# the ROSP without a point value names the blank and its line
"$ancre" compute "$root/examples/convention-2011/medecin-rosp-2013.json" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'l. 2945' "$tmp/err" && ok || ko "the blank point value is named with its line"
"$ancre" compute "$root/examples/convention-2011/medecin-rosp-2013.json" \
    --params "$root/examples/convention-2011/valeur-du-point.json" >"$tmp/out" &&
    grep -q '^Total : 2 651,25 €' "$tmp/out" && ok || ko "the ROSP example with a supplied point value"
"$ancre" compute --lang en "$tmp/doc.json" >"$tmp/en" && grep -q 'Source: draft national convention' "$tmp/en" &&
    ok || ko "--lang en gives the English of the draft's note"
echo "conv2011: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
