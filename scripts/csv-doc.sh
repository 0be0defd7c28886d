#!/usr/bin/env bash
# Rewrites the table of columns of docs/declaration-csv.md from `ancre schema --csv` (after a
# field of the declaration was added or changed).  usage: scripts/csv-doc.sh [build/ancre]
set -euo pipefail
cd "$(dirname "$0")/.."
ancre=${1:-build/ancre}
doc=docs/declaration-csv.md
{
    sed '/^| column | cell |/,$d' "$doc"
    "$ancre" schema --csv
} >"$doc.new"
mv "$doc.new" "$doc"
