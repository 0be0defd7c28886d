#!/usr/bin/env bash
# Batch throughput of the forfait spécifique: N declarations of each centre type of examples/
# (médical/polyvalent, infirmier, dentaire) computed by `ancre batch` as one JSON Lines file,
# the size of a yearly national run (~3 000 centres). Usage: bench/rsf_batch.sh [N] [build-dir]
set -euo pipefail
n=${1:-1000}
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for kind in polyvalent infirmier dentaire; do
    line=$(tr -d '\n' <"$root/examples/centre-$kind-2023.json")
    for _ in $(seq 1 "$n"); do printf '%s\n' "$line"; done >>"$tmp/all.jsonl"
done
total=$((3 * n))
start=$(date +%s%N)
/usr/bin/time -f '%M' -o "$tmp/mem" "$root/$build/ancre" batch - \
    --params "$root/examples/national-2023.json" <"$tmp/all.jsonl" >"$tmp/out.jsonl" 2>/dev/null
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
bad=$(grep -c '"ok":false' "$tmp/out.jsonl" || true)
echo "$total declarations ($n per centre type) in ${ms} ms, $bad errors"
echo "per second: $((total * 1000 / (ms > 0 ? ms : 1))); peak memory: $(cat "$tmp/mem") KiB;" \
    "output: $(($(wc -c <"$tmp/out.jsonl") / total)) bytes per declaration"
