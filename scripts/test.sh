#!/usr/bin/env bash
# Sets up and runs every test: the suites, the same suites under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -s format-check
make -s -j2 all
make -s -j2 build/unit_tests build/golden_runner
echo "== tests"
make -s test
echo "== tests under ASan and UBSan"
make -s sanitize
echo "== fuzzing: the regression cases, then each harness briefly (docs/fuzzing.md)"
make -s fuzz-ci
