#!/usr/bin/env bash
# Batch throughput: computes N copies of the example declaration (JSON Lines) and reports
# declarations per second and peak memory.  usage: bench/batch_bench.sh [N] (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
make -s -j2 build/ancre
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
line=$(tr -d '\n' <examples/centre-polyvalent-2023.json)
for _ in $(seq 1 "$n"); do printf '%s\n' "$line"; done >"$tmp/batch.jsonl"
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$tmp/mem" build/ancre batch "$tmp/batch.jsonl" \
    --params examples/national-2023.json >"$tmp/out" 2>/dev/null
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf 'declarations: %d\nseconds: %.2f\nper second: %.0f\npeak memory: %s KiB\noutput: %s bytes\n' \
    "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(cat "$tmp/mem")" "$(wc -c <"$tmp/out")"
