#!/usr/bin/env bash
# Runs every test suite against the binaries of a build directory and prints the overall
# "N passed, N failed" line last.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
total_pass=0
total_fail=0
run() {
    local out
    out=$("$@" 2>&1)
    local rc=$?
    printf '%s\n' "$out"
    local line
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ -z "$line" ]; then
        total_fail=$((total_fail + 1))
        echo "suite '$*' printed no summary (exit $rc)"
        return
    fi
    local p f
    p=$(printf '%s' "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(printf '%s' "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then total_fail=$((total_fail + 1)); fi
}
run "$build/unit_tests"
run node "$here/i18n/check.js" "$here/.."
run "$build/golden_runner" $(find "$here/golden" -name '*.json' | sort)
run "$build/rsf_properties"
run "$build/mt_properties"
run "$here/cli_test.sh" "$build/ancre"
run "$here/robust_test.sh" "$build"
run "$build/batch_test"
# the structural mutation of every golden case, where it finds something: under the sanitizers
[ -n "${ANCRE_SANITIZED:-}" ] && run "$here/mutation_test.py" "$build"
run "$here/cli_usage_test.sh" "$build/ancre"
run "$here/csv_test.sh" "$build/ancre"
run "$here/report_test.sh" "$build/ancre"
run "$here/install_test.sh" "$build/ancre"
run "$here/threads_test.sh"
run "$here/pg_test.sh" "$build/ancre"
run "$here/roster_test.sh" "$build"
run "$here/mt_cli_test.sh" "$build/ancre"
run "$here/conv2011_test.sh" "$build/ancre"
run "$here/transition_forfaits_test.sh" "$build/ancre"
run python3 "$here/transition_property.py" "$build/ancre" 5000
run python3 "$here/params_citations.py" "$here/.."
run "$here/acts_test.sh" "$build/ancre"
run "$here/procedures_cli_test.sh" "$build/ancre"
run python3 "$here/../tools/i18n_procedures.py"
run "$here/store_test.sh" "$build/ancre" sqlite
run "$here/store_test.sh" "$build/ancre" postgresql
run "$here/server_test.sh" "$build/ancre"
run "$here/browser/run.sh" "$build/ancre"
echo
echo "all: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
