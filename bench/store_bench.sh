#!/usr/bin/env bash
# Times the yearly cycle of a whole network in the store: import N declarations (JSON Lines),
# compute and record them all, list the calendar.  bench/store_bench.sh [N] [DB]
# DB defaults to a fresh SQLite file; give a postgresql:// URI of an empty database to measure
# PostgreSQL.  Prints one line per step with its wall time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-3000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=${2:-$tmp/bench.db}
ancre="$root/build/ancre"
[ -x "$ancre" ] || make -C "$root" -s -j2 >/dev/null
tr -d '\n' <"$root/examples/centre-polyvalent-2023.json" | awk -v n="$n" \
    '{ print; for (i = 1; i <= n; i++) { s = $0; sub(/750000001/, sprintf("77%07d", i), s); print s } }' |
    tail -n "$n" >"$tmp/network.jsonl"
step() {
    local what=$1 t0 t1
    shift
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    awk -v w="$what" -v a="$t0" -v b="$t1" -v n="$n" \
        'BEGIN { printf "%-34s %8.2f s  %8.0f centres/s\n", w, b - a, n / (b - a) }'
}
echo "store benchmark: $n centres, $("$ancre" --version), db ${db%%\?*}"
step "import (validate + write)" "$ancre" import --db "$db" "$tmp/network.jsonl" \
    --params "$root/examples/national-2023.json"
step "import again (unchanged)" "$ancre" import --db "$db" "$tmp/network.jsonl" \
    --params "$root/examples/national-2023.json"
step "record 2023 (compute + write)" "$ancre" record --db "$db" --year 2023 \
    --params "$root/examples/national-2023.json"
step "calendar" "$ancre" calendar --db "$db" --all
[ "${db#postgres}" = "$db" ] && echo "database file: $(du -h "$db" | cut -f1)"
exit 0
