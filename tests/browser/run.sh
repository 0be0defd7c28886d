#!/usr/bin/env bash
# Runs the browser test of the web simulator: headless Chromium (/usr/bin/chromium, Debian's
# package) driven by playwright-core (installed here by scripts/setup.sh with npm ci).
# usage: tests/browser/run.sh [build/ancre]          prints "browser: N passed, N failed"
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ancre=$(cd "$(dirname "${1:-build/ancre}")" && pwd)/$(basename "${1:-build/ancre}")
if [ ! -x /usr/bin/chromium ] || [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "FAIL browser: needs /usr/bin/chromium and tests/browser/node_modules (run scripts/setup.sh)" >&2
    echo "browser: 0 passed, 1 failed"
    exit 1
fi
cd "$here" && exec timeout 300 node simulator.test.js "$ancre" "$root"
