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
for f in "$here"/examples/procedures/*.json; do
    "$ancre" procedure "$f" >"$tmp/out.txt" 2>&1
    check "procedure $(basename "$f") exits 0" '[ $? -eq 0 ]'
    check "procedure $(basename "$f") states its state" 'grep -q "^État : " "$tmp/out.txt"'
    "$ancre" procedure "$f" --json >"$tmp/out.json"
    check "procedure $(basename "$f") --json has a state" 'jq -e ".state.id | length > 0" "$tmp/out.json" >/dev/null'
done
"$ancre" procedure "$here/examples/procedures/sanction-cure-period-weekend.json" --json \
    --reading deadline_on_non_working_day=next_working_day | jq -r .state.id >"$tmp/state"
check "the cure period moved to Monday closes the procedure" '[ "$(cat "$tmp/state")" = closed_corrected ]'
"$ancre" procedure "$here/examples/procedures/sanction-cure-period-weekend.json" --lang en >"$tmp/en"
check "--lang en writes English" 'grep -q "^State: " "$tmp/en"'

# the API: POST /v1/deadlines and /v1/procedure on a server of a free loopback port
"$ancre" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
spid=$!
url=
for i in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$tmp/serve.out")
    [ -n "$url" ] && break
    sleep 0.05
done
check "the server starts" '[ -n "$url" ]'
if [ -n "$url" ]; then
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        --data-binary @"$ex" "${url}v1/deadlines")
    check "POST /v1/deadlines answers 200" '[ "$code" = 200 ]'
    check "with the deadlines" 'jq -e "[.deadlines[] | select(.id == \"fse-0503.fse_transmission\")][0].due == \"2024-05-17\"" "$tmp/body" >/dev/null'
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        --data-binary @"$here/examples/procedures/cpr-quorum-reconvened-2024.json" "${url}v1/procedure?format=text")
    check "POST /v1/procedure?format=text answers 200" '[ "$code" = 200 ]'
    check "in French" 'grep -q "nouvelle réunion le 09/04/2024" "$tmp/body"'
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -H 'Accept-Language: en' --data-binary @"$tmp/bad.json" "${url}v1/deadlines")
    check "a bad document answers 422" '[ "$code" = 422 ]'
    check "naming the field" 'grep -q "events\[0\].care_date" "$tmp/body"'
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' "${url}v1/procedure")
    check "GET /v1/procedure answers 405" '[ "$code" = 405 ]'
fi
kill "$spid" 2>/dev/null
wait "$spid" 2>/dev/null
echo "procedures cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
