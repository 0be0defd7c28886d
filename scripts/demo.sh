#!/usr/bin/env bash
# Sets up, builds, and computes the forfait of the example centre shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -s -j2
build/ancre compute examples/centre-polyvalent-2023.json --params examples/national-2023.json
