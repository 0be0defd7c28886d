#!/usr/bin/env bash
# Schedules of 3 000 centres' contracts in one batch (the Assurance Maladie's volume): prints the
# wall time of `ancre contract` over a JSON Lines file of every example contract document,
# repeated.  Usage: bench/contracts.sh [build/ancre] [records]
set -eu
ancre=${1:-build/ancre}
n=${2:-3000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=()
for f in "$root"/examples/contracts/*.json; do
    case "$f" in */forbidden_* | */declaration-*) continue ;; esac
    files+=("$f")
done
for ((i = 0; i < n; i++)); do
    tr -d '\n' <"${files[$((i % ${#files[@]}))]}"
    echo
done >"$tmp/batch.jsonl"
start=$(date +%s.%N)
"$ancre" contract "$tmp/batch.jsonl" >"$tmp/out" 2>"$tmp/err"
end=$(date +%s.%N)
echo "$n contract documents: $(echo "$end - $start" | bc) s ($(tail -n 1 "$tmp/err"))"
