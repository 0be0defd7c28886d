#!/usr/bin/env bash
# ancre deadlines and ancre procedure from the command line: examples, JSON, readings, errors.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else ko "$1"; fi; }

for f in "$here"/examples/deadlines/*.json; do
    "$ancre" deadlines "$f" >"$tmp/out.txt" 2>&1
    check "deadlines $(basename "$f") exits 0" '[ $? -eq 0 ]'
    check "deadlines $(basename "$f") prints French dates" 'grep -qE "[0-9]{2}/[0-9]{2}/20[0-9]{2}" "$tmp/out.txt"'
    "$ancre" deadlines "$f" --json >"$tmp/out.json"
    check "deadlines $(basename "$f") --json is JSON" 'jq -e ".deadlines | length > 0" "$tmp/out.json" >/dev/null'
done
ex="$here/examples/deadlines/exchanges-may-2024.json"
"$ancre" deadlines "$ex" --json | jq -r '.deadlines[] | select(.id == "fse-0503.fse_transmission") | .due' >"$tmp/due"
check "FSE of 03/05/2024 due 17/05/2024" '[ "$(cat "$tmp/due")" = "2024-05-17" ]'
"$ancre" deadlines "$ex" --json --reading day_count_start=event_day |
    jq -r '.deadlines[] | select(.id == "fse-0503.fse_transmission") | .due' >"$tmp/due"
check "--reading day_count_start=event_day moves it to 16/05/2024" '[ "$(cat "$tmp/due")" = "2024-05-16" ]'
"$ancre" deadlines "$ex" --reading day_count_start=nonsense >/dev/null 2>"$tmp/err"
check "an unknown alternative is refused (exit 1)" '[ $? -eq 1 ]'
echo '{"ancre_deadlines": 1, "calendar": "metropole", "events": [{"kind": "fse"}]}' >"$tmp/bad.json"
"$ancre" deadlines "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
check "a missing date exits 1" '[ $? -eq 1 ]'
check "the error names the field" 'grep -q "events\[0\].care_date" "$tmp/err"'
check "nothing on standard output on error" '[ ! -s "$tmp/out" ]'
"$ancre" deadlines "$tmp/bad.json" --json >"$tmp/out"
check "--json errors are a JSON document" 'jq -e ".ok == false and (.errors | length == 1)" "$tmp/out" >/dev/null'
echo 'not json' | "$ancre" deadlines - >/dev/null 2>&1
check "invalid JSON exits 1" '[ $? -eq 1 ]'
"$ancre" deadlines >/dev/null 2>&1
check "no FILE exits 2" '[ $? -eq 2 ]'
"$ancre" readings | jq -e '[.[] | .id] | index("plain_days") != null' >/dev/null 2>&1 ||
    "$ancre" readings | grep -q plain_days
check "the readings of the calendar are listed" '[ $? -eq 0 ]'
echo "procedures cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
