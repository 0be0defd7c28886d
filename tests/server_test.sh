#!/usr/bin/env bash
# The HTTP API of `ancre serve`, with curl against a server started on a free loopback port and
# stopped at the end: every endpoint, the error answers (malformed JSON, validation errors,
# oversized body, wrong method, missing or wrong token) and the store endpoints.
# usage: tests/server_test.sh [build/ancre]          prints "server: N passed, N failed"
set -u
ancre=${1:-build/ancre}
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
ko() { fail=$((fail + 1)); echo "FAIL server: $*" >&2; }
national="$root/examples/national-2023.json"
decl="$here/server/medical-2023.json"

# start NAME ARGS...: starts a server, sets $url to its address
start() {
    local name=$1
    shift
    "$ancre" serve --port 0 "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    pids+=($!)
    local i
    for i in $(seq 1 100); do
        url=$(sed -n 's/^listening on //p' "$tmp/$name.out")
        [ -n "$url" ] && return 0
        sleep 0.05
    done
    echo "server $name did not start:" >&2
    cat "$tmp/$name.err" >&2
    return 1
}

# call METHOD PATH [curl args...]: sets $code and writes the body to $tmp/body
call() {
    local method=$1 path=$2
    shift 2
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "${url}${path#/}")
}
expect() { # CODE DESCRIPTION
    if [ "$code" = "$1" ]; then ok; else
        ko "$2: HTTP $code, expected $1"
        head -c 600 "$tmp/body" >&2
        echo >&2
    fi
}
jqtest() { # DESCRIPTION JQ-EXPRESSION (must print true)
    if [ "$(jq -r "$2" "$tmp/body" 2>/dev/null)" = "true" ]; then ok; else
        ko "$1"
        head -c 600 "$tmp/body" >&2
        echo >&2
    fi
}

start api --params "$national" || {
    echo "server: 0 passed, 1 failed"
    exit 1
}
case "$url" in http://127.0.0.1:*) ok ;; *) ko "listens on 127.0.0.1 by default ($url)" ;; esac

# ---- compute -----------------------------------------------------------------------------------
# Hand computation (consolidated accord, doc 000; point worth 7 €, Art. 13 l. 2730):
#   patientèle P = 4 000 médecin-traitant patients + 0 AME (Art. 13.1 l. 2775): P / 4 000 = 1
#   accessibilité 800 (Annexe 1 l. 12466) + plan de crise 100 (l. 12649)
#   concertation 1 000 × 1 × min(1, 50 / (5 % × 1 000)) = 1 000 (Art. 8.3.1.1)
#   protocoles 800 / 8 × 2 = 200 (l. 13012; at most 8, slides 001 l. 159; reading protocoles_points)
#   coordination 1 000 + 1 700 × 4 000 / 4 000 = 2 700 (Annexe 1 l. 13041-13077)
#   SI standard 500 + 200 × 10 PS = 2 500 (l. 13197-13248); SI avancé 100 (l. 13379)
#   bloc principal 7 400; CSS 300 / 6 000 = 5 % under the 9 % of examples/national-2023.json:
#   no majoration; téléservices 90 (l. 13775) + codage 100 (l. 13830) = 190
#   total 7 590 points × 7 € = 53 130,00 €; advance 60 % × 50 000,00 € = 30 000,00 € (Art. 18.1
#   l. 3317); balance 23 130,00 €
call POST /v1/compute -H 'Content-Type: application/json' --data-binary @"$decl"
expect 200 "compute"
jqtest "total 53 130,00 €, advance 30 000,00 €, balance 23 130,00 €" \
    '.total_cents == 5313000 and .advance_cents == 3000000 and .balance_cents == 2313000'
jqtest "coordination line 2 700 points = 18 900,00 € with its article" \
    '.lines[] | select(.id == "fonction_coordination") | .amount_cents == 1890000 and .article == "Art. 8.3.4.1"'
jqtest "the result is the versioned document" '.ancre_result == 1'
"$ancre" compute --json "$decl" --params "$national" >"$tmp/cli.json"
if cmp -s "$tmp/body" "$tmp/cli.json"; then ok; else ko "the API answers the command line's document byte for byte"; fi

# a reading: protocoles_points=flat pays the 800 points for any protocol: 7 590 + 600 = 8 190
# points × 7 € = 57 330,00 €
call POST '/v1/compute?reading=protocoles_points=flat' --data-binary @"$decl"
expect 200 "compute with a reading"
jqtest "reading protocoles_points=flat gives 57 330,00 €" '.total_cents == 5733000'
call POST '/v1/compute?sensitivity=1' --data-binary @"$decl"
jqtest "sensitivity lists the flat protocol reading (+4 200,00 €)" \
    '[.sensitivity[] | .. | objects | select(.value? == "flat") | .delta_cents] | index(420000) != null'
call POST '/v1/compute?reading=nope=1' --data-binary @"$decl"
expect 400 "unknown reading"
jqtest "unknown reading named" '.errors[0].message | test("nope")'
call POST '/v1/compute?format=text' --data-binary @"$decl"
expect 200 "text breakdown"
grep -q '^Total : ' "$tmp/body" && ok || ko "text breakdown has the total line"
call POST '/v1/compute?format=pdf' --data-binary @"$decl"
expect 400 "unknown format"

# errors: the same messages as the command line
call POST /v1/compute --data-binary '{"year": 2023,'
expect 400 "malformed JSON"
jqtest "malformed JSON: error document" '.ok == false and .errors[0].rule == "json"'
printf '%s' '{"year": 2023,' | "$ancre" validate --json - >"$tmp/cli.json"
if cmp -s "$tmp/body" "$tmp/cli.json"; then ok; else ko "malformed JSON: same message as ancre validate --json"; fi
call POST /v1/compute --data-binary @"$here/cli/ten-mistakes.json"
expect 422 "ten mistakes"
jqtest "ten mistakes: ten errors" '.errors | length == 10'
"$ancre" validate --json "$here/cli/ten-mistakes.json" >"$tmp/cli.json"
if cmp -s "$tmp/body" "$tmp/cli.json"; then ok; else ko "ten mistakes: same errors as ancre validate --json"; fi
# national rates missing: an error naming the parameter, not a zero (server without --params)
start bare || true
bare_url=$url
call POST /v1/compute --data-binary @"$decl"
expect 422 "national rates missing"
jqtest "the error names national.taux_css" '[.errors[].message] | any(test("national.taux_css"))'
url=$(sed -n 's/^listening on //p' "$tmp/api.out")

# body size: over the limit of 1 MiB, refused before reading it, and when sent chunked
head -c 1100000 /dev/zero | tr '\0' ' ' >"$tmp/big.json"
call POST /v1/compute --data-binary @"$tmp/big.json"
expect 413 "oversized body"
jqtest "oversized body: error document" '.errors[0].message | test("plus grand que la limite")'
call POST /v1/compute -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big.json"
expect 413 "oversized chunked body"
call POST /v1/compute -F "file=@$decl"
expect 415 "multipart form refused"
call GET /v1/compute
expect 405 "GET on compute"
call DELETE /v1/parameters
expect 405 "DELETE on parameters"
call GET /v1/nothing
expect 404 "unknown resource"

# batch: JSON Lines in, one record per line out, in order
{
    tr -d '\n' <"$decl"
    echo
    echo '{not json'
    echo
    tr -d '\n' <"$decl"
    echo
} >"$tmp/batch.jsonl"
call POST /v1/compute -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/batch.jsonl"
expect 200 "batch"
[ "$(wc -l <"$tmp/body")" -eq 3 ] && ok || ko "batch: three records for three declarations"
sed -n 2p "$tmp/body" | jq -e '.ok == false and .line == 2' >/dev/null && ok || ko "batch: the bad line is reported with its number"
sed -n 3p "$tmp/body" | jq -e '.total_cents == 5313000' >/dev/null && ok || ko "batch: line 4 computed after the bad one"

# ---- validate ------------------------------------------------------------------------------------
call POST /v1/validate --data-binary @"$decl"
expect 200 "validate"
jqtest "valid" '.ok == true'
call POST /v1/validate --data-binary @"$here/cli/ten-mistakes.json"
expect 422 "validate ten mistakes"
jqtest "validate: ten errors with path, rule and expectation" \
    '(.errors | length == 10) and all(.errors[]; has("path") and has("rule") and has("expected"))'
call POST /v1/validate --data-binary 'nope'
expect 400 "validate malformed JSON"

# ---- what if --------------------------------------------------------------------------------------
# coordination externe achieved: 200 × P / 4 000 = 200 points = +1 400,00 € (Annexe 1 l. 12926);
# si_avance removed (merge patch null): -100 points = -700,00 €
jq -n --slurpfile d "$decl" '{declaration: $d[0], variants: [
  {id: "ce", patch: {indicators: {coordination_externe: {achieved: true}}}},
  {id: "no_si_avance", patch: {indicators: {si_avance: null}}},
  {id: "bad", patch: {staff: {etp_mg: -1}}}]}' >"$tmp/whatif.json"
call POST /v1/whatif --data-binary @"$tmp/whatif.json"
expect 200 "whatif"
jqtest "whatif: base total" '.total_cents == 5313000'
jqtest "whatif: coordination externe adds 1 400,00 €" '.variants[0].delta_cents == 140000'
jqtest "whatif: removing SI avancé takes 700,00 €" '.variants[1].delta_cents == -70000'
jqtest "whatif: an invalid variant reports its errors" '.variants[2].errors[0].path == "staff.etp_mg"'
call POST /v1/whatif --data-binary '{"declaration": 1}'
expect 400 "whatif without variants"

# ---- parameters, rules, readings, OpenAPI, page --------------------------------------------------------
call GET '/v1/parameters?date=2023-12-31&prefix=rsf.point_value'
expect 200 "parameters"
jqtest "point value 7 € in force, cited at l. 2730" \
    '.[0].values | length == 1 and .[0].value == "7" and .[0].cite.line == 2730'
call GET '/v1/parameters/rsf_med.sas_participation.variable?date=2021-06-30'
expect 200 "one parameter"
jqtest "SAS participation not in the 2021 grid (null value)" '.values[0].value == null'
call GET '/v1/parameters/rsf_med.sas_participation.variable?date=2023-12-31'
jqtest "SAS participation 200 points in 2023 (Annexe 1 l. 13119)" '.values[0].value == "200" and .values[0].cite.line == 13119'
call GET '/v1/parameters/no.such.thing'
expect 404 "unknown parameter"
call GET '/v1/parameters?date=31/12/2023'
expect 400 "malformed date"
call GET '/v1/rules?type=polyvalent&year=2023'
expect 200 "rules"
jqtest "rules: the four prerequisites of Art. 12" \
    '.prerequisites == ["acces_amplitude_snp","crise_plan_preparation","fonction_coordination","si_standard"]'
jqtest "rules: coordination with its article and its 1 000 fixed points" \
    '.rules[] | select(.id == "fonction_coordination") | .article == "Art. 8.3.4.1" and .prerequisite and
     ([.parameters[] | select(.id == "rsf_med.fonction_coordination.fixed") | .values[0].value] == ["1000"])'
jqtest "rules: e-prescription in the 2023 grid" '[.rules[].id] | index("e_prescription") != null'
jqtest "rules: the forfaits of 2017 are omitted in 2023, with the reason" \
    '[.omitted[] | select(.section == "forfaits_mt_2017") | .reason | test("mt2017")] == [true]'
call GET '/v1/rules?type=polyvalent&year=2021'
jqtest "rules: SAS participation not in the 2021 grid" '[.rules[].id] | index("sas_participation") == null'
call GET '/v1/rules?type=infirmier&year=2023'
expect 200 "rules of a centre infirmier"
jqtest "rules: the prerequisites of a centre infirmier are its own indicators" \
    '(.prerequisites | length == 4) and all(.prerequisites[]; startswith("csi_"))'
call GET '/v1/rules?type=polyvalent'
expect 400 "rules without a year"
call GET '/v1/rules?type=garage&year=2023'
expect 422 "rules of an unknown type"
call GET /v1/readings
expect 200 "readings"
jqtest "readings: protocoles_points listed" '[.[].id] | index("protocoles_points") != null'
call GET /v1/openapi.json
expect 200 "OpenAPI document"
jqtest "OpenAPI 3 with every path" \
    '.openapi == "3.0.3" and ([.paths | keys[]] | contains(["/v1/compute","/v1/validate","/v1/parameters","/v1/rules","/v1/centres","/v1/declarations","/v1/results","/v1/ledger"]))'
call GET /v1/health
jqtest "health: no store, no writes" '.ok and (.store | not) and (.writes | not)'
call GET /
expect 200 "the simulator page"
grep -q 'lang="fr"' "$tmp/body" && ok || ko "the page is in French"
curl -s -D "$tmp/headers" -o /dev/null "$url"
grep -qi "^Content-Security-Policy: default-src 'self'" "$tmp/headers" && ok || ko "the page may load nothing from outside"
grep -Eq 'https?://' "$root"/web/*.js "$root"/web/*.css && ko "web files reference an outside address" || ok
call GET /app.js
expect 200 "the simulator script"

# ---- the store endpoints without a store ---------------------------------------------------------------
call GET /v1/centres
expect 503 "no store"
call POST /v1/declarations --data-binary @"$decl"
expect 503 "no store for writes"

# ---- the store: SQLite file, bearer token -----------------------------------------------------------------
token=0123456789abcdef-test-token
printf '%s\n' "$token" >"$tmp/token"
start store --db "$tmp/store.db" --token-file "$tmp/token" --params "$national" || true
auth="Authorization: Bearer $token"
call GET /v1/health
jqtest "health: store open, writes enabled" '.store and .writes'
call GET /v1/centres
expect 200 "centres of an empty store"
jqtest "no centre yet" 'length == 0'
call POST /v1/declarations --data-binary @"$decl"
expect 401 "import without a token"
jqtest "missing token named" '.errors[0].rule == "auth"'
grep -q . "$tmp/body" && ok || ko "401 has a body"
call POST /v1/declarations -H "Authorization: Bearer wrong-token-wrong-token" --data-binary @"$decl"
expect 403 "import with a wrong token"
call POST /v1/results -H "Authorization: Basic $token" -d '{"year": 2023}'
expect 401 "a token that is not a bearer token"
# a batch with a bad record: nothing written (one transaction)
{
    tr -d '\n' <"$decl"
    echo
    echo '{"year": 2023, "centre": {"finess": "750000098", "type": "medical"}}'
} >"$tmp/import.jsonl"
call POST /v1/declarations -H "$auth" -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/import.jsonl"
expect 422 "import with a bad record"
jqtest "the bad record is reported and nothing written" \
    '.report.rejected == 1 and (.report.written | not) and ([.errors[].path] | any(test("line 2")))'
call GET /v1/centres
jqtest "still no centre after the refused import" 'length == 0'
call POST /v1/declarations -H "$auth" --data-binary '{"year": 2023'
expect 422 "import of malformed JSON"
call POST /v1/declarations -H "$auth" --data-binary @"$decl"
expect 200 "import"
jqtest "one declaration imported" '.ok and .report.imported == 1 and .report.written'
call POST /v1/declarations -H "$auth" --data-binary @"$decl"
jqtest "the same text again is left alone" '.report.unchanged == 1 and .report.imported == 0'
call GET /v1/centres
jqtest "the centre is listed with its year" '.[0].finess == "750000099" and .[0].years == [2023]'
call GET /v1/centres/750000099
expect 200 "one centre"
call GET /v1/centres/999999999
expect 404 "unknown centre"
call GET /v1/declarations/750000099/2023
expect 200 "stored declaration"
jqtest "the declaration as imported" '.centre.finess == "750000099" and .patients.n_mt_31_12 == 4000'
call GET /v1/declarations/750000099/20x3
expect 400 "malformed year"
call POST /v1/results -d '{"year": 2023}'
expect 401 "record without a token"
call POST /v1/results -H "$auth" -d '{"year": "2023"}'
expect 400 "record with a malformed body"
call POST /v1/results -H "$auth" -d '{"year": 2019}'
expect 404 "record a year without declarations"
call POST /v1/results -H "$auth" -d '{"year": 2023}'
expect 200 "record"
jqtest "one result recorded" '.report.recorded == 1 and .report.failed == 0'
call GET '/v1/results?finess=750000099&year=2023'
expect 200 "current result"
# the hand computation above: 53 130,00 €, advance 30 000,00 €, balance 23 130,00 €
jqtest "stored result: 53 130,00 € with its provenance" \
    '.result.total_cents == 5313000 and .current and (.paramset_digest | length == 64)'
id=$(jq -r .id "$tmp/body")
call GET "/v1/results/$id"
expect 200 "result by id"
call GET "/v1/results/$id/reproduce"
expect 200 "reproduce"
jqtest "the stored result is reproduced byte for byte" '.same == true'
call GET /v1/results/999999
expect 404 "unknown result"
call GET /v1/ledger/750000099
expect 200 "ledger"
# Art. 18.1: advance of 60 % × 50 000,00 € = 30 000,00 €; Art. 18: balance 53 130,00 − 30 000,00 =
# 23 130,00 € by 30 April 2024
jqtest "ledger: advance 30 000,00 € then balance 23 130,00 € due 2024-04-30" \
    '[.[] | [.kind, .amount_cents]] == [["advance", 3000000], ["balance", 2313000]] and .[1].due == "2024-04-30"'
call GET '/v1/ledger?after=2024-01-01'
expect 200 "calendar"
jqtest "calendar after 1 January 2024: the balance only" 'length == 1 and .[0].amount_cents == 2313000'
call GET '/v1/ledger?after=someday'
expect 400 "calendar with a malformed date"
call GET /v1/ledger/999999999
expect 404 "ledger of an unknown centre"
call DELETE /v1/centres -H "$auth"
expect 405 "DELETE on centres"

# a store without a token is read-only
start readonly --db "$tmp/store.db" --params "$national" || true
call GET /v1/centres
jqtest "read-only server reads the store" 'length == 1'
call POST /v1/results -H "$auth" -d '{"year": 2023}'
expect 403 "writes refused without a configured token"
# a token too short to be one is refused at start
printf 'short\n' >"$tmp/short"
"$ancre" serve --port 0 --token-file "$tmp/short" >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "a short token is refused at start"
"$ancre" serve --port 0 --db "$tmp" >/dev/null 2>"$tmp/err"
[ $? -eq 3 ] && ok || ko "an unusable store is refused at start (exit 3, a store error)"


# ---- hostile requests: the server stays up and answers each with an error ----------------------
start hard --params "$national" --log --header-timeout 1 --max-per-address 4 || true
port=${url##*:}
port=${port%/}
# a contract signed before 2015-10-01 needs a parameter with no value in force: it killed the
# server (SIGFPE) through one unauthenticated POST
jq -c '.contracts = [{"id":"r","type":"conventionnement_csi","signature_date":"2012-03-01","zone":"sur_dotee"}]' \
    "$root/examples/centre-infirmier-2023.json" >"$tmp/pre2015.json"
call POST /v1/compute --data-binary @"$tmp/pre2015.json"
expect 422 "a pre-2015 conventionnement contract: an error, not a crash"
jqtest "the error names the contract or the parameter without a value" '[.errors[] | .path + " " + .message] | any(test("contracts\\[0\\]|regul_csi"))'
call POST /v1/whatif --data-binary "{\"declaration\": $(cat "$tmp/pre2015.json"), \"variants\": [{}]}"
[ "$code" -lt 500 ] && [ "$code" != 000 ] && ok || ko "whatif with that contract: HTTP $code"
call GET /v1/readings
expect 200 "the server is still up"
# DNS rebinding: only the loopback names are answered on a loopback address
call GET /v1/readings -H 'Host: evil.example'
expect 421 "Host: evil.example refused"
call GET /v1/readings -H "Host: evil.example:$port"
expect 421 "Host: evil.example:PORT refused"
call GET /v1/readings -H "Host: localhost:$port"
expect 200 "Host: localhost:PORT answered"
call GET /v1/readings -H "Host: [::1]:$port"
expect 200 "Host: [::1]:PORT answered"
start allowed --params "$national" --allowed-host "ancre.test:8080" || true
call GET /v1/readings -H 'Host: ancre.test:8080'
expect 200 "--allowed-host adds a name"
call GET /v1/readings -H 'Host: evil.example'
expect 421 "and still refuses the others"
start hard2 --params "$national" --log --header-timeout 1 --max-per-address 4 || true
# control characters in the path: refused, and the log cannot be forged
call GET '/v1/readings%0a2099-01-01T00:00:00Z%206.6.6.6%20%22GET%20/forged%22%20200%200'
expect 400 "an encoded line feed in the path is refused"
call GET '/v1/read%00ings'
expect 400 "an encoded NUL in the path is refused"
call GET '/v1/readings?x=%01'
expect 400 "a control character in the query is refused"
sleep 0.2
grep -q '/forged' "$tmp/hard2.err" && ! grep -q '^2099' "$tmp/hard2.err" && ok || ko "the logged path is escaped on one line"
grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z 127\.0\.0\.1 "GET /v1/readings' "$tmp/hard2.err" && ok ||
    ko "log lines give the time and the peer address"
# more than 64 readings: 400, not the extra ones silently ignored
q=$(for i in $(seq 1 65); do printf 'reading=precarity_base=bcp&'; done)
call POST "/v1/compute?${q%&}" --data-binary @"$decl"
expect 400 "65 reading= arguments"
jqtest "the error says at most 64" '.errors[0].path == "reading"'
q=$(for i in $(seq 1 64); do printf 'reading=precarity_base=bcp&'; done)
call POST "/v1/compute?${q%&}" --data-binary @"$decl"
expect 200 "64 reading= arguments"
# idle connections from one address do not lock the others out; a client that does not send its
# headers in time is dropped
python3 - "$port" >"$tmp/idle.out" 2>&1 <<'PY'
import socket, sys, time
port = int(sys.argv[1])
idle = []
for i in range(20):   # from 127.0.0.2: beyond the limit of 4 per address
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    try:
        s.connect(("127.0.0.1", port))
        idle.append(s)
    except OSError:
        pass
slow = socket.socket()
slow.bind(("127.0.0.3", 0))
slow.connect(("127.0.0.1", port))
slow.sendall(b"GET /v1/readings HTTP/1.1\r\nHost: 127.0.0.1")
time.sleep(0.3)
print("open", len(idle))
sys.stdout.flush()
time.sleep(2.5)
slow.settimeout(2)
try:
    data = slow.recv(100)
    print("slow", "closed" if data == b"" else "answered")
except OSError as e:
    print("slow", "closed" if "reset" in str(e).lower() else "open")
PY
call GET /v1/readings
expect 200 "answered while another address holds idle connections"
grep -q 'slow closed' "$tmp/idle.out" && ok || { ko "a client slow to send its headers is dropped"; cat "$tmp/idle.out" >&2; }
call GET /v1/readings
expect 200 "still answered after the idle connections"
# tokens and addresses
printf '                    \n' >"$tmp/spaces"
"$ancre" serve --port 0 --token-file "$tmp/spaces" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && ok || ko "a token of 20 spaces is refused"
printf 'aaaaaaaaaaaaaaaaaaaaaaaa\n' >"$tmp/same"
"$ancre" serve --port 0 --token-file "$tmp/same" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'différents' "$tmp/err" && ok || ko "a token of one repeated character is refused"
"$ancre" serve --port 0 --host 0.0.0.0 >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'jeton' "$tmp/err" && ok || ko "a non-loopback address without a token is refused"

echo "server: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
