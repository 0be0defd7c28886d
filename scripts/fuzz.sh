#!/usr/bin/env bash
# Runs the libFuzzer harnesses of fuzz/ (built by `make fuzz` into build-fuzz/), each seeded from
# the examples, the golden cases and the regression cases of fuzz/regressions/HARNESS/.
#
#   scripts/fuzz.sh --ci                 replay every regression case, then 20 s per harness
#   scripts/fuzz.sh SECONDS [HARNESS...] a campaign of SECONDS per harness (docs/fuzzing.md)
#
# The corpus a campaign grows is kept in build-fuzz/corpus/HARNESS (reused by the next run); a
# crash is written to build-fuzz/crashes/HARNESS/ and ends the run with exit 1: copy it into
# fuzz/regressions/HARNESS/ with the fix, so that every later run replays it.
# Prints "fuzz: N passed, N failed" (one test per harness run and per regression case).
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
out=${ANCRE_FUZZ_DIR:-build-fuzz} # the harnesses, corpora and crashes
all="decl contract roster params http"
ci=0
seconds=${1:-60}
if [ "${1:-}" = "--ci" ]; then
    ci=1
    seconds=${ANCRE_FUZZ_SECONDS:-20}
fi
shift || true
harnesses=${*:-$all}
pass=0
fail=0

# ---- seed corpora ------------------------------------------------------------------------------
seed_dir() { # HARNESS: writes the seeds into $out/seeds/HARNESS
    local h=$1 d="$out/seeds/$1" i=0
    rm -rf "$d"
    mkdir -p "$d"
    case $h in
    decl)
        for f in examples/*.json tests/server/*.json tests/cli/*.json; do
            [ -f "$f" ] && ! jq -e 'has("ancre_params")' "$f" >/dev/null 2>&1 &&
                cp "$f" "$d/$(basename "$f")"
        done
        for f in tests/golden/*/*.json; do
            jq -e 'has("declaration")' "$f" >/dev/null 2>&1 &&
                jq '.declaration' "$f" >"$d/golden-$(basename "$(dirname "$f")")-$(basename "$f")"
        done
        ;;
    contract)
        cp examples/contracts/*.json "$d/" 2>/dev/null
        for f in tests/golden/*/*.json; do
            jq -e 'has("contract")' "$f" >/dev/null 2>&1 &&
                jq '.contract' "$f" >"$d/golden-$(basename "$(dirname "$f")")-$(basename "$f")"
        done
        ;;
    params)
        cp params/*.json examples/national-2023.json "$d/"
        for f in tests/golden/*/*.json; do
            jq -e 'has("params")' "$f" >/dev/null 2>&1 &&
                jq '.params' "$f" >"$d/golden-$(basename "$(dirname "$f")")-$(basename "$f")"
        done
        ;;
    roster)
        # the first byte chooses the year: 2017 + byte % 8 (2 is 2019)
        for n in 1 5 40; do
            { printf '\002'; build/roster_gen "$n" 3 2019 1 97 2>/dev/null || true; } >"$d/gen-$n.csv"
        done
        printf '\002centre_id,patient_key,birth_date,ald,css,mt_start,mt_end\n' >"$d/header.csv"
        ;;
    http)
        local tok="Authorization: Bearer fuzz-token-0123456789abcdef"
        for f in examples/centre-*.json tests/server/*.json; do
            [ -f "$f" ] || continue
            i=$((i + 1))
            { printf 'POST /v1/compute?format=json\nContent-Type: application/json\n\n'; cat "$f"; } >"$d/compute-$i"
            { printf 'POST /v1/validate\n\n'; cat "$f"; } >"$d/validate-$i"
            { printf 'POST /v1/declarations\n%s\n\n' "$tok"; cat "$f"; } >"$d/import-$i"
            { printf 'POST /v1/whatif\n\n{"declaration": '; cat "$f"; printf ', "variants": [{}]}'; } >"$d/whatif-$i"
        done
        { printf 'POST /v1/compute?sensitivity=1&reading=precarity_base=bcp\nContent-Type: application/x-ndjson\n\n'
          for f in examples/centre-polyvalent-2023.json examples/centre-infirmier-2023.json; do jq -c . "$f"; done; } >"$d/batch"
        printf 'POST /v1/results\n%s\n\n{"year": 2023}' "$tok" >"$d/record"
        for p in /v1/readings /v1/health /v1/rules?type=medical\&year=2023 /v1/parameters?date=2023-12-31 \
            /v1/parameters/rsf.point_value /v1/centres /v1/results?finess=750000001\&year=2023 \
            /v1/ledger?after=2024-01-01 /v1/ledger/750000001 /v1/openapi.json /; do
            i=$((i + 1))
            printf 'GET %s\n\n' "$p" >"$d/get-$i"
        done
        ;;
    esac
}

for h in $harnesses; do
    bin="$out/fuzz_$h"
    if [ ! -x "$bin" ]; then
        echo "FAIL fuzz: $bin is not built (make fuzz)" >&2
        fail=$((fail + 1))
        continue
    fi
    seed_dir "$h"
    mkdir -p "$out/corpus/$h" "$out/crashes/$h"
    # every regression case first: each one once, each a test
    if [ -d "fuzz/regressions/$h" ]; then
        for f in fuzz/regressions/"$h"/*; do
            [ -f "$f" ] || continue
            if "$bin" -runs=1 "$f" >"$out/crashes/$h/replay.log" 2>&1; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                echo "FAIL fuzz: $h regression $f" >&2
                tail -30 "$out/crashes/$h/replay.log" >&2
            fi
        done
    fi
    log="$out/fuzz_$h.log"
    # -max_len: the largest golden case is some tens of kilobytes; -rss_limit_mb: a leak or a
    # runaway allocation is a finding
    "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$out/crashes/$h/" \
        "$out/corpus/$h" "$out/seeds/$h" >"$log" 2>&1
    rc=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1))
        echo "fuzz $h: ${runs:-?} executions in ${seconds}s, no crash"
    else
        fail=$((fail + 1))
        echo "FAIL fuzz: $h: exit $rc after ${runs:-?} executions; artifacts in $out/crashes/$h/" >&2
        grep -E 'ERROR|SUMMARY|runtime error|==ERROR' "$log" | head -10 >&2
    fi
done
[ "$ci" -eq 1 ] && echo "(fuzz time per harness: ${seconds}s; ANCRE_FUZZ_SECONDS to change it)"
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
