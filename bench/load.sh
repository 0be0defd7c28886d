#!/usr/bin/env bash
# Load benchmark of the HTTP API: wrk drives POST /v1/compute on loopback for a bounded time and
# this prints requests per second, latency percentiles, errors (must be 0) and the server's peak
# memory (VmHWM).  Figures are published in docs/server.md.
#
# usage: bench/load.sh [-d SECONDS] [-c CONNECTIONS] [-t WRK_THREADS] [-s SERVER_THREADS]
#                      [--body DECLARATION.json] [-q QUERY] [BUILD_DIR]
#   -q format=text measures the computation without the JSON result document
# Exit status 1 when any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10 connections=32 wrk_threads=1 server_threads=2
body=examples/centre-polyvalent-2023.json build=build query=""
while [ $# -gt 0 ]; do
    case "$1" in
    -d) duration=$2; shift 2 ;;
    -c) connections=$2; shift 2 ;;
    -t) wrk_threads=$2; shift 2 ;;
    -s) server_threads=$2; shift 2 ;;
    --body) body=$2; shift 2 ;;
    -q) query="?$2"; shift 2 ;;
    *) build=$1; shift ;;
    esac
done
command -v wrk >/dev/null || { echo "bench/load.sh: wrk is not installed (scripts/setup.sh)" >&2; exit 2; }
[ -x "$build/ancre" ] || make -s -j2 "$build/ancre"
tmp=$(mktemp -d)
"$build/ancre" serve --port 0 --threads "$server_threads" --params examples/national-2023.json \
    >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
url=""
for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$tmp/out")
    [ -n "$url" ] && break
    sleep 0.05
done
[ -n "$url" ] || { cat "$tmp/err" >&2; exit 2; }
# the declaration must compute: a benchmark of error answers would measure nothing
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @"$body" "${url}v1/compute$query")
[ "$code" = 200 ] || { echo "bench/load.sh: $body does not compute (HTTP $code)" >&2; exit 2; }
rss_start=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
ANCRE_BENCH_BODY=$body wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 5s \
    -s bench/compute.lua "${url}v1/compute$query" >"$tmp/wrk"
peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
reqs=$(sed -n 's/^ancre: requests \([0-9]*\),.*/\1/p' "$tmp/wrk")
dur=$(sed -n 's/.*duration_us \([0-9]*\),.*/\1/p' "$tmp/wrk")
non200=$(sed -n 's/.*non200 \([0-9]*\),.*/\1/p' "$tmp/wrk")
sock=$(sed -n 's/.*socket_errors \([0-9]*\)$/\1/p' "$tmp/wrk")
errors=$((non200 + sock))
printf 'POST /v1/compute%s  %s  (%s bytes), %ss, %s connections, wrk threads %s, server threads %s, %s CPUs\n' \
    "$query" "$body" "$(wc -c <"$body")" "$duration" "$connections" "$wrk_threads" "$server_threads" "$(nproc)"
awk -v r="$reqs" -v d="$dur" 'BEGIN { printf "requests: %d   requests/s: %.0f\n", r, r / (d / 1e6) }'
grep -E '^ancre: (p|max)' "$tmp/wrk" | sed 's/^ancre: /latency /' | paste -sd' ' | sed 's/latency /  /g; s/^/latency:/'
echo "errors: $errors (non-200 answers $non200, socket errors $sock)"
awk -v p="$peak" -v s="$rss_start" 'BEGIN { printf "server memory: %.1f MiB at start, %.1f MiB peak (VmHWM)\n", s / 1024, p / 1024 }'
[ "$errors" -eq 0 ]
