#!/usr/bin/env bash
# Installs what ancre needs to build and test on Debian (run as root, or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."
packages="build-essential libjansson-dev libcsv-dev clang-format"
# the fuzz harnesses (fuzz/, docs/fuzzing.md): clang with libFuzzer and the sanitizers
packages="$packages clang libclang-rt-14-dev"
# the store: SQLite and PostgreSQL client libraries, OpenSSL (SHA-256), the PostgreSQL server and
# the sqlite3 shell for the store tests
packages="$packages libsqlite3-dev libpq-dev libssl-dev postgresql sqlite3"
# the PostgreSQL extension (pg/): PGXS
packages="$packages postgresql-server-dev-15"
# the server: libmicrohttpd; its tests: curl and jq (API), chromium, nodejs and npm (browser
# test), wrk (bench/load.sh)
packages="$packages libmicrohttpd-dev curl jq chromium nodejs wrk"
# npm comes with some builds of nodejs (NodeSource) and conflicts with Debian's npm package there
command -v npm >/dev/null 2>&1 || packages="$packages npm"
packages="$packages sqlite3 time" # bench/roster_bench.sh
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
# the browser test's driver (playwright-core, no browser download: it drives /usr/bin/chromium)
if [ ! -d tests/browser/node_modules/playwright-core ] ||
    [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
