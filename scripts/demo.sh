#!/usr/bin/env bash
# Sets up, builds, computes the example centre shipped in examples/, then serves the web
# simulator and the HTTP API on an embedded SQLite store loaded with the shipped examples.
#
# usage: scripts/demo.sh [--no-serve] [--port N]
#   --no-serve   stop after the computation (non-interactive use, CI)
#   --port N     port of the server (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1 port=${PORT:-8080}
while [ $# -gt 0 ]; do
    case "$1" in
    --no-serve) serve=0; shift ;;
    --port) port=$2; shift 2 ;;
    *) echo "usage: scripts/demo.sh [--no-serve] [--port N]" >&2; exit 2 ;;
    esac
done
scripts/setup.sh
make -s -j2
national=examples/national-2023.json
build/ancre compute examples/centre-polyvalent-2023.json --params "$national"
[ "$serve" -eq 1 ] || exit 0

# the store: a fresh SQLite file with the example centres, their 2023 results and ledgers
db=build/demo.db
rm -f "$db" "$db-journal" "$db-wal" "$db-shm"
for f in examples/centre-*.json; do
    build/ancre import --db "$db" "$f" --params "$national" >/dev/null
done
build/ancre record --db "$db" --year 2023 --params "$national" >/dev/null
# a bearer token for the endpoints that change the store, readable by this user only
token_file=build/demo-token
(umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token_file")
echo
out=$(mktemp)
build/ancre serve --port "$port" --db "$db" --params "$national" --token-file "$token_file" >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$out"' EXIT INT TERM
url=""
for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$out")
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
done
[ -n "$url" ] || { echo "the server did not start (port $port in use? try --port N)" >&2; exit 1; }
cat <<MSG
Web simulator:   open $url in a browser
HTTP API:        ${url}v1/openapi.json   (store: $db, $(build/ancre centres --db "$db" --json 2>/dev/null | grep -c '"finess"') centres loaded)
Store writes:    Authorization: Bearer \$(cat $token_file)
Ctrl-C stops the server.
MSG
wait $pid
