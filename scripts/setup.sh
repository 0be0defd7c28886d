#!/usr/bin/env bash
# Installs what ancre needs to build and test on Debian (run as root, or with sudo available).
set -euo pipefail
packages="build-essential libjansson-dev clang-format"
# the store: SQLite and PostgreSQL client libraries, OpenSSL (SHA-256), the PostgreSQL server and
# the sqlite3 shell for the store tests
packages="$packages libsqlite3-dev libpq-dev libssl-dev postgresql sqlite3"
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
