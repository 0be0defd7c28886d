#!/usr/bin/env bash
# ancre inside PostgreSQL (pg/): the extension built against the static library and installed
# into the server's directories (as root), a real server started on a loopback port as
# tests/store_test.sh does, CREATE EXTENSION ancre; every golden declaration computed by SQL
# gives the same result document as the CLI; a query over 3 000 declarations runs in parallel
# workers and gives the CLI's totals; rows per second with 0 and 2 workers and the CLI batch.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL pg: $*" >&2; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_port=""
pg_data="$tmp/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    if [ -n "$pg_port" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
finish() {
    echo "pg: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}

# ---- build and install the extension ---------------------------------------------------------
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD make -s "$@"; }
if ! command -v pg_config >/dev/null || [ ! -f "$(pg_config --pgxs)" ]; then
    ko "pg_config and PGXS (postgresql-server-dev, scripts/setup.sh) are not installed"
    finish
fi
mk -C "$root" BUILD="$root/build-install" -j2 lib >"$tmp/make.log" 2>&1 &&
    mk -C "$root/pg" ANCRE_BUILD="$root/build-install" >>"$tmp/make.log" 2>&1 &&
    mk -C "$root/pg" ANCRE_BUILD="$root/build-install" install >>"$tmp/make.log" 2>&1 &&
    ok || { ko "the extension builds and installs (as root)"; tail -20 "$tmp/make.log" >&2; finish; }
nm -D --defined-only "$root/pg/ancre.so" | awk '{ print $3 }' | grep -vE '^(ancre_|Pg_magic_func|pg_finfo_|_init$|_fini$|_edata$|_end$|__bss_start$)' | grep -q . &&
    ko "the extension exports names of its own beyond ancre_ and PostgreSQL's" || ok

# ---- a server -------------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] && chown postgres "$tmp"
as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres --no-sync >"$tmp/initdb.log" 2>&1 ||
    { cat "$tmp/initdb.log" >&2; ko "initdb"; finish; }
for p in $(seq $((21000 + $$ % 20000)) $((21100 + $$ % 20000))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then pg_port=$p; break; fi
done
as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$tmp/pg.log" -w -t 60 start \
    -o "-p $pg_port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_worker_processes=8 -c max_parallel_workers=4" >/dev/null 2>&1 ||
    { cat "$tmp/pg.log" >&2; pg_port=""; ko "the server starts"; finish; }
psql() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
psql -c "CREATE EXTENSION ancre" && ok || { ko "CREATE EXTENSION ancre"; finish; }
[ "$(psql -tA -c "SELECT count(*) FROM pg_proc WHERE proname LIKE 'ancre_%' AND proparallel = 's'")" = 3 ] &&
    ok || ko "the three functions are PARALLEL SAFE"

# ---- every golden declaration: SQL computes as the CLI ---------------------------------------
# one line per golden declaration: its number, the key of its parameters and readings, the case
jq -c -n '[inputs | select(has("declaration"))] | to_entries[]
          | [.key + 1, ([.value.params, (.value.readings // {})] | tojson), .value]' \
    $(find "$root/tests/golden" -name '*.json' | sort) >"$tmp/cases.jsonl"
n=$(wc -l <"$tmp/cases.jsonl")
jq -r '"INSERT INTO golden VALUES (\(.[0]), $j$\(.[2].declaration | tojson)$j$, "
       + (if .[2].readings then "$j$\(.[2].readings | tojson)$j$" else "NULL" end) + ", "
       + (if .[2].params then "$j$\(.[2].params | tojson)$j$" else "NULL" end) + ");"' "$tmp/cases.jsonl" >"$tmp/golden.sql"
{ echo "CREATE TABLE golden (id int, d jsonb, r jsonb, p jsonb);"; cat "$tmp/golden.sql"; } | psql >/dev/null &&
    ok || ko "the golden declarations load"
# the CLI: one batch per set of parameters and readings, each line given back its case number
mkdir -p "$tmp/groups"
jq -r -s 'map(.[1]) | unique | .[]' "$tmp/cases.jsonl" >"$tmp/keys"
jq -r -s '(map(.[1]) | unique) as $keys | .[] | [(.[1] as $k | $keys | index($k)), .[0], (.[2].declaration | tojson)] | @tsv' "$tmp/cases.jsonl" |
    awk -F'\t' -v dir="$tmp/groups" '{ print $2 >> (dir "/" $1 ".ids"); print $3 >> (dir "/" $1 ".jsonl"); close(dir "/" $1 ".ids"); close(dir "/" $1 ".jsonl") }'
: >"$tmp/cli.out"
for ids in "$tmp"/groups/*.ids; do
    g=${ids%.ids}
    key=$(sed -n "$(($(basename "$g") + 1))p" "$tmp/keys")
    args=()
    if [ "$(printf '%s' "$key" | jq -c '.[0]')" != null ]; then
        printf '%s' "$key" | jq '.[0]' >"$g.params.json"
        args+=(--params "$g.params.json")
    fi
    while IFS= read -r r; do args+=(--reading "$r"); done < <(printf '%s' "$key" | jq -r '.[1] | to_entries[] | "\(.key)=\(.value)"')
    "$ancre" batch "$g.jsonl" "${args[@]}" 2>/dev/null | jq -S -c 'del(.line)' | paste "$ids" - >>"$tmp/cli.out"
done
sort -k1,1 "$tmp/cli.out" >"$tmp/cli.sorted"
psql -tA -F $'\t' -c "SELECT id, ancre_compute(d, r, p) FROM golden ORDER BY id" >"$tmp/sql.raw" && ok || ko "SELECT ancre_compute over the golden cases"
while IFS=$'\t' read -r id doc; do printf '%s\t%s\n' "$id" "$(printf '%s' "$doc" | jq -S -c .)"; done <"$tmp/sql.raw" | sort -k1,1 >"$tmp/sql.sorted"
same=$(join -t $'\t' -j1 "$tmp/cli.sorted" "$tmp/sql.sorted" | awk -F'\t' '$2 == $3' | wc -l)
[ "$same" -eq "$n" ] && [ "$n" -gt 100 ] && ok || {
    ko "$same of $n golden declarations computed by SQL as by the CLI"
    diff "$tmp/cli.sorted" "$tmp/sql.sorted" | head -4 | cut -c1-600 >&2
}
psql -tA -c "SELECT ancre_validate('{\"year\": 2023}')" | jq -e 'length >= 2 and (map(.path) | index("centre.type") != null)' >/dev/null &&
    ok || ko "ancre_validate lists the errors"
psql -tA -c "SELECT ancre_param('rsf.point_value', '2023-12-31')" | jq -e '.[0].values[0].value == "7" and .[0].values[0].cite.line > 0' >/dev/null &&
    ok || ko "ancre_param gives the value in force and its citation"

# ---- 3 000 declarations in parallel ------------------------------------------------------------
national="$root/examples/national-2023.json"
: >"$tmp/big.jsonl"
for f in polyvalent medical infirmier; do
    jq -c 'range(1; 1001) as $k | .centre.finess = "750" + ("000000" + ($k | tostring))[-6:]' "$root/examples/centre-$f-2023.json" >>"$tmp/big.jsonl"
done
jq -c . "$national" >"$tmp/national.compact"
{
    echo "CREATE TABLE declarations (d jsonb); CREATE TABLE national (p jsonb);"
    echo "COPY declarations FROM stdin WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02');"
    cat "$tmp/big.jsonl"
    echo '\.'
    echo "INSERT INTO national VALUES (\$j\$$(cat "$tmp/national.compact")\$j\$);"
    echo "ANALYZE declarations;"
} | psql >/dev/null && ok || ko "3 000 declarations load"
start=$(date +%s.%N)
"$ancre" batch "$tmp/big.jsonl" --params "$national" --format jsonl >"$tmp/cli.rows" 2>/dev/null
cli_s=$(echo "$(date +%s.%N) - $start" | bc)
want=$(jq -s 'map(.total_cents) | add' "$tmp/cli.rows")
query="SELECT sum((ancre_compute(d, NULL, (SELECT p FROM national))->>'total_cents')::bigint) FROM declarations"
force="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET parallel_leader_participation = off;"
for w in 0 2; do
    psql -tA -c "$force SET max_parallel_workers_per_gather = $w; EXPLAIN (ANALYZE, COSTS OFF) $query" >"$tmp/plan.$w"
    start=$(date +%s.%N)
    got=$(psql -tA -c "$force SET max_parallel_workers_per_gather = $w; $query")
    secs[$w]=$(echo "$(date +%s.%N) - $start" | bc)
    [ "$got" = "$want" ] && ok || ko "$w workers: total $got, the CLI's $want"
done
grep -q 'Workers Launched: 2' "$tmp/plan.2" && ok || { ko "the query runs in 2 parallel workers"; cat "$tmp/plan.2" >&2; }
rate() { echo "3000 / $1" | bc; }
echo "pg: 3 000 declarations: SQL $(rate "${secs[0]}") rows/s without workers, $(rate "${secs[2]}") rows/s with 2 workers; CLI batch $(rate "$cli_s") rows/s" >&2
finish
