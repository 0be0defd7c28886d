#!/usr/bin/env bash
# Benchmark of `ancre roster` (docs/roster.md): a synthetic roster of N patients (default 10
# million) aggregated per centre by ancre, by sqlite3 (import + GROUP BY, the same categories and
# snapshot) and read by `wc -l` (the cost of reading the file at all).  Prints the times, the
# ratio and the peak memory (GNU time), and checks that ancre and sqlite3 agree on every count.
#   bench/roster_bench.sh [PATIENTS] [CENTRES]        (run `make` first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000000}
centres=${2:-3000}
year=2019
if [ -n "${BENCH_DIR:-}" ]; then
    work=$BENCH_DIR # kept: the files can be inspected afterwards
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
rm -f "$work/db.sqlite"
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "roster_bench: $tool is needed (scripts/setup.sh)"; exit 2; }
done
cc -O2 -o "$work/roster_gen" "$root/tools/roster_gen.c"
"$work/roster_gen" "$n" "$centres" "$year" 42 >"$work/roster.csv"
size=$(du -m "$work/roster.csv" | cut -f1)
echo "roster: $n patients, $centres centres, ${size} MB; $(nproc) cores, $(uname -m); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work/roster.csv" >/dev/null # same page cache state for every contender

measure() { # label outfile command...: runs it, prints elapsed and CPU seconds and peak KB
    local label=$1 out=$2
    shift 2
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.$label" "$@" >"$out"
    read -r secs kb user sys <"$work/time.$label"
    printf '%-8s %8.2f s elapsed  %8.2f s CPU  %8d KB peak\n' "$label" "$secs" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$kb"
    eval "t_$label=$secs"
    eval "c_$label=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

measure wc /dev/null wc -l "$work/roster.csv"
measure ancre "$work/ancre.csv" "$root/build/ancre" roster "$work/roster.csv" --year "$year"

# the same aggregation in SQL: import the CSV, then one GROUP BY with the categories of
# Art. 23.3 at 31/12 (age = year - birth year; declaration in force on 31/12)
cat >"$work/agg.sql" <<SQL
.mode csv
.import $work/roster.csv roster
.mode csv
.headers off
.output $work/sqlite.csv
WITH p AS (
  SELECT centre_id, ald, css, $year - CAST(substr(birth_date, 1, 4) AS INTEGER) AS age
  FROM roster
  WHERE mt_start <= '$year-12-31' AND (mt_end = '' OR mt_end >= '$year-12-31'))
SELECT centre_id, count(*),
  sum(ald = '0' AND age <= 6), sum(ald = '0' AND age BETWEEN 7 AND 79),
  sum(ald = '0' AND age >= 80), sum(ald = '1' AND age < 80), sum(ald = '1' AND age >= 80),
  sum(css = '1'), sum(age < 16), sum(age >= 16)
FROM p GROUP BY centre_id ORDER BY centre_id;
SQL
measure sqlite /dev/null sqlite3 "$work/db.sqlite" ".read $work/agg.sql"
tr -d '\r' <"$work/sqlite.csv" >"$work/sqlite.lf.csv" # sqlite3 writes CSV with CRLF

cut -d, -f1-10 "$work/ancre.csv" | tail -n +2 >"$work/ancre10.csv"
if cmp -s "$work/ancre10.csv" "$work/sqlite.lf.csv"; then
    echo "counts: ancre and sqlite3 agree for every centre"
else
    echo "counts: ancre and sqlite3 DISAGREE"
    diff "$work/ancre10.csv" "$work/sqlite.lf.csv" | head
    exit 1
fi
awk -v a="$t_ancre" -v s="$t_sqlite" -v w="$t_wc" -v ca="$c_ancre" -v cs="$c_sqlite" 'BEGIN {
    printf "ratio: ancre is %.1fx faster than sqlite3 (elapsed), %.1fx in CPU time; ", s / a, cs / ca
    if (w > 0) printf "%.1fx the time of wc -l\n", a / w; else print "wc -l too fast to compare" }'
