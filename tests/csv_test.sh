#!/usr/bin/env bash
# Declarations as CSV (docs/declaration-csv.md) and batch tables (--format csv|tsv|jsonl).
#
# The class: a declaration written as a CSV row, the way a French spreadsheet exports it (';',
# byte order mark, CRLF, every cell quoted, decimal commas, oui/non, dates DD/MM/YYYY), computes
# exactly as the same declaration in JSON.  Checked over every golden declaration that a flat
# row can hold (those without lists of objects), with each case's parameters and readings.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL csv: $*" >&2; }
national="$root/examples/national-2023.json"
bom=$'\xEF\xBB\xBF'

# ---- the template and the documentation follow the schema ------------------------------
"$ancre" template --csv >"$tmp/header" && ok || ko "ancre template --csv exits 0"
tr ';' '\n' <"$tmp/header" | sort >"$tmp/columns"
"$ancre" schema | grep -v '| a list of objects |' | sed -n 's/^| `\([^`]*\)` |.*/\1/p' | grep -v '\[\]' | sort >"$tmp/fields"
cmp -s "$tmp/columns" "$tmp/fields" && ok || ko "the template has one column per field of the schema (lists of objects aside)"
"$ancre" schema --csv >"$tmp/csvdoc" && ok || ko "ancre schema --csv exits 0"
if [ "$(grep -cxFf "$tmp/csvdoc" "$root/docs/declaration-csv.md")" -eq "$(wc -l <"$tmp/csvdoc")" ]; then ok; else
    ko "docs/declaration-csv.md is not up to date with 'ancre schema --csv' (run scripts/csv-doc.sh)"
fi

# ---- every flat golden declaration: CSV computes as JSON ---------------------------------
# jq: a declaration as one CSV row under the template's columns, as a spreadsheet writes it
cat >"$tmp/row.jq" <<'JQ'
def cell($v):
  if ($v | type) == "boolean" then (if $v then "oui" else "non" end)
  elif ($v | type) == "number" then ($v | tostring | gsub("\\."; ","))
  elif ($v | type) == "array" then ($v | join("|"))
  elif ($v | type) == "string" and ($v | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
    then ($v | split("-") | reverse | join("/"))
  else $v end;
def quoted: "\"" + gsub("\""; "\"\"") + "\"";
def row($sep): . as $d | [$cols[] | split(".") as $p | ($d | getpath($p)) as $v
           | if $v == null then "" else (cell($v) | quoted) end] | join($sep);
def row: row(";");
JQ
cols=$(tr ';' '\n' <"$tmp/header" | jq -R . | jq -sc .)
# one line per flat golden declaration: group key (its parameters and readings), JSON, CSV row
{
    cat "$tmp/row.jq"
    echo 'inputs | select(has("declaration") and (.declaration | has("centre")) and ([.declaration | .. | arrays | .[] | objects] | length == 0))'
    echo '| [([.params, (.readings // {})] | tojson), (.declaration | tojson), (.declaration | row)] | @tsv'
} >"$tmp/cases.jq"
jq -r -n --argjson cols "$cols" -f "$tmp/cases.jq" "$root"/tests/golden/*/*.json >"$tmp/cases.tsv"
n_cases=$(wc -l <"$tmp/cases.tsv")
[ "$n_cases" -ge 100 ] && ok || ko "only $n_cases flat golden declarations"
mkdir -p "$tmp/groups"
# @tsv escapes backslashes and tabs: undo it for the JSON and the row
awk -F'\t' -v dir="$tmp/groups" -v header="$(cat "$tmp/header")" '
    function unescape(s) { gsub(/\\t/, "\t", s); gsub(/\\\\/, "\\", s); return s }
    {
        if (!($1 in id)) {
            id[$1] = ++n
            print unescape($1) > (dir "/" n ".key")
            printf "\xEF\xBB\xBF%s\r\n", header > (dir "/" n ".csv")
        }
        g = dir "/" id[$1]
        print unescape($2) > (g ".jsonl")
        printf "%s\r\n", unescape($3) > (g ".csv")
    }' "$tmp/cases.tsv"
for k in "$tmp"/groups/*.key; do
    g=${k%.key}
    args=()
    if [ "$(jq -c '.[0]' "$k")" != null ]; then
        jq '.[0]' "$k" >"$g.params.json"
        args+=(--params "$g.params.json")
    fi
    while IFS= read -r r; do args+=(--reading "$r"); done < <(jq -r '.[1] | to_entries[] | "\(.key)=\(.value)"' "$k")
    "$ancre" batch "$g.jsonl" "${args[@]}" --format jsonl >"$g.from-json" 2>/dev/null
    "$ancre" batch "$g.csv" "${args[@]}" --format jsonl >"$g.from-csv" 2>"$g.err"
    # the same rows, numbered by line: JSON Lines from 1, the CSV from 2 (after its header)
    jq -c 'del(.line)' "$g.from-json" >"$g.a"
    jq -c 'del(.line)' "$g.from-csv" >"$g.b"
    if cmp -s "$g.a" "$g.b" && [ -s "$g.a" ]; then ok; else
        ko "CSV and JSON differ for the golden cases of parameters/readings $(head -c 200 "$k")"
        diff "$g.a" "$g.b" | head -5 >&2
        head -3 "$g.err" >&2
    fi
    [ "$(jq -s 'map(.line) == [range(2; length + 2)]' "$g.from-csv")" = true ] && ok ||
        ko "CSV rows are numbered by their line in the file"
done

# ---- separators, encodings, line ends ------------------------------------------------------
ex="$root/examples/centre-polyvalent-2023.json"
row=$( (cat "$tmp/row.jq"; echo row) >"$tmp/one.jq"; jq -r --argjson cols "$cols" -f "$tmp/one.jq" "$ex")
"$ancre" compute "$ex" --params "$national" --format jsonl | jq -c 'del(.line)' >"$tmp/want"
printf '%s\n%s\n' "$(cat "$tmp/header")" "$row" >"$tmp/lf.csv"
(cat "$tmp/row.jq"; echo 'row(",")') >"$tmp/comma.jq"
(cat "$tmp/row.jq"; echo 'row("\t")') >"$tmp/tab.jq"
printf '%s\n%s\n' "$(tr ';' ',' <"$tmp/header")" "$(jq -r --argjson cols "$cols" -f "$tmp/comma.jq" "$ex")" >"$tmp/comma.csv"
printf '%s\n%s\n' "$(tr ';' '\t' <"$tmp/header")" "$(jq -r --argjson cols "$cols" -f "$tmp/tab.jq" "$ex")" >"$tmp/tab.tsv"
for v in lf.csv comma.csv tab.tsv; do
    "$ancre" compute "$tmp/$v" --params "$national" --format jsonl 2>"$tmp/err" | jq -c 'del(.line)' >"$tmp/got"
    cmp -s "$tmp/want" "$tmp/got" && ok || { ko "$v computes as the JSON declaration"; head -3 "$tmp/err" >&2; }
done
# standard input, recognised as CSV by its content
"$ancre" compute - --params "$national" --format jsonl <"$tmp/lf.csv" 2>/dev/null | jq -c 'del(.line)' >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" && ok || ko "a CSV on standard input"
# a CSV gives a CSV table by default: a header and one row
"$ancre" compute "$tmp/lf.csv" --params "$national" >"$tmp/table" 2>/dev/null && ok || ko "CSV computes (exit 0)"
[ "$(wc -l <"$tmp/table")" -eq 2 ] && head -n 1 "$tmp/table" | grep -q '^line;finess;type;year;gate;' && ok ||
    ko "a CSV gives a CSV table by default"

# ---- errors: per row, with the FINESS; the other rows computed ----------------------------
finess_col=$(tr ';' '\n' <"$tmp/header" | grep -nx 'centre.finess' | cut -d: -f1)
name_col=$(tr ';' '\n' <"$tmp/header" | grep -nx 'centre.name' | cut -d: -f1)
year_col=$(tr ';' '\n' <"$tmp/header" | grep -nx 'year' | cut -d: -f1)
type_col=$(tr ';' '\n' <"$tmp/header" | grep -nx 'centre.type' | cut -d: -f1)
edit() { # row column value -> row with that cell replaced (cells are all quoted, none holds ";")
    printf '%s' "$1" | awk -F';' -v OFS=';' -v c="$2" -v v="$3" '{ $c = v; print }'
}
{
    printf '%s\r\n' "$(cat "$tmp/header")"
    printf '%s\r\n' "$(edit "$row" "$finess_col" '"111111111"')"
    printf '%s\r\n' "$(edit "$(edit "$row" "$finess_col" '"222222222"')" "$name_col" '"Centre ""des Lilas""
sur deux lignes"')"
    printf '%s\r\n' "$(edit "$(edit "$row" "$finess_col" '"333333333"')" "$year_col" '"deux mille"')"
    printf '%s\r\n' "$(edit "$(edit "$row" "$finess_col" '"444444444"')" "$type_col" '"hopital"')"
    printf '%s\r\n' "$(edit "$row" "$finess_col" '"555555555"')"
} >"$tmp/mixed.csv"
"$ancre" batch "$tmp/mixed.csv" --params "$national" --format jsonl >"$tmp/mixed" 2>"$tmp/err"
[ $? -eq 1 ] && ok || ko "a batch with bad rows exits 1"
# (a line break in a centre's name is refused: a name holds no control character)
[ "$(jq -r '[.line, .finess, .ok] | @tsv' "$tmp/mixed" | tr '\t' ' ' | tr '\n' ',')" = "2 111111111 true,3 222222222 false,5 333333333 false,6 444444444 false,7 555555555 true," ] && ok ||
    { ko "rows numbered by line (a quoted cell over two lines), errors carry the FINESS"; cat "$tmp/mixed" | cut -c1-150 >&2; }
jq -r 'select(.finess == "333333333") | .errors' "$tmp/mixed" | grep -q 'year' && ok || ko "the error names the column year"
jq -r 'select(.finess == "444444444") | .errors' "$tmp/mixed" | grep -q 'centre.type' && ok || ko "the error names the column centre.type"
"$ancre" batch "$tmp/mixed.csv" --params "$national" --format full >"$tmp/mixed-full" 2>/dev/null
jq -r 'select(.finess == "222222222") | .errors' "$tmp/mixed" | grep -q 'centre.name' && ok || ko "the error names the column centre.name"
jq -c 'select(.ok == false) | .line' "$tmp/mixed-full" | tr '\n' ' ' | grep -qx '3 5 6 ' && ok || ko "--format full: error records with their line"
"$ancre" batch "$tmp/mixed.csv" --params "$national" --format csv >"$tmp/mixed.table" 2>/dev/null
[ "$(wc -l <"$tmp/mixed.table")" -eq 6 ] && grep -q '^5;333333333;' "$tmp/mixed.table" && ok || ko "CSV table: error rows carry line and FINESS"

# the whole file refused: an unknown column, a column twice, a broken quote, an empty file
printf 'year;centre.typ\n2023;medical\n' >"$tmp/badcol.csv"
"$ancre" batch "$tmp/badcol.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'centre.typ' "$tmp/err" && ok || ko "an unknown column is named"
printf 'year;year\n2023;2023\n' >"$tmp/twice.csv"
"$ancre" batch "$tmp/twice.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'déjà' "$tmp/err" && ok || ko "a column given twice is refused"
printf 'year;centre.type\n2023;"medical\n2024;medical\n' >"$tmp/quote.csv"
"$ancre" batch "$tmp/quote.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'ligne' "$tmp/err" && ok || ko "an unclosed quote is refused with its line"
printf '' >"$tmp/empty.csv"
"$ancre" batch "$tmp/empty.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && ok || ko "an empty CSV is refused"
printf 'year;centre.type;centre.name\n2023;medical;Centre \xe9t\xe9\n' >"$tmp/latin1.csv"
"$ancre" batch "$tmp/latin1.csv" --format jsonl >"$tmp/out" 2>/dev/null
jq -r .errors "$tmp/out" | grep -q 'UTF-8' && ok || ko "a cell that is not UTF-8 is an error of its row"

# ---- 3 000 centres from a spreadsheet export -------------------------------------------------
{
    printf '%s%s\r\n' "$bom" "$(cat "$tmp/header")"
    # FINESS numbers 750000001.., 690000001.., 130000001.. (9 digits)
    for f in 75:polyvalent 69:medical 13:infirmier; do
        jq -r --argjson cols "$cols" -f "$tmp/one.jq" "$root/examples/centre-${f#*:}-2023.json" |
            awk -F';' -v OFS=';' -v c="$finess_col" -v k="${f%%:*}" '{ for (i = 1; i <= 1000; i++) { $c = sprintf("\"%s%07d\"", k, i); printf "%s\r\n", $0 } }'
    done
} >"$tmp/big.csv"
start=$(date +%s.%N)
"$ancre" batch "$tmp/big.csv" --params "$national" --format csv >"$tmp/big.table" 2>"$tmp/big.err"
rc=$?
secs=$(echo "$(date +%s.%N) - $start" | bc)
[ $rc -eq 0 ] && [ "$(wc -l <"$tmp/big.table")" -eq 3001 ] && ok || { ko "3 000 centres: exit $rc, $(wc -l <"$tmp/big.table") lines"; head -3 "$tmp/big.err" >&2; }
# the sum of the total column is 1 000 times the sum of the three declarations' totals
want=$(for f in polyvalent medical infirmier; do "$ancre" compute "$root/examples/centre-$f-2023.json" --params "$national" --json | jq .total_cents; done | awk '{ s += $1 } END { print s * 1000 }')
col=$(head -n 1 "$tmp/big.table" | tr ';' '\n' | grep -nx total_eur | cut -d: -f1)
got=$(tail -n +2 "$tmp/big.table" | cut -d';' -f"$col" | tr -d , | awk '{ s += $1 } END { print s }')
[ "$want" = "$got" ] && ok || ko "3 000 centres: total $got, expected $want"
grep -q $'\r' "$tmp/big.err" && ko "no progress line when standard error is not a terminal" || ok
echo "csv: 3 000 centres in ${secs}s" >&2
# and the same 3 000 centres to an HTML report with its charts
"$ancre" report "$tmp/big.csv" --params "$national" --format html >"$tmp/big.html" 2>/dev/null &&
    grep -q '3000 centres' "$tmp/big.html" && [ "$(grep -c '<svg' "$tmp/big.html")" -ge 4 ] && ok ||
    ko "3 000 centres: an HTML report with charts"

echo "csv: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
