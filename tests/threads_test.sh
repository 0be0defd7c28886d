#!/usr/bin/env bash
# Thread safety under ThreadSanitizer: the library built with -fsanitize=thread (build-tsan/), a
# program sharing one set of parameters and readings between 4 threads that compute the example
# declarations; fails on a different result or on any race ThreadSanitizer reports.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL threads: $*" >&2; }
b="$root/build-tsan"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CC -u BUILD make -s -C "$root" BUILD="$b" -j2 \
    CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" "$b/libancre.a" >"$tmp/make.log" 2>&1 &&
    ok || { ko "the library builds with -fsanitize=thread"; tail -5 "$tmp/make.log" >&2; }
cc -std=gnu11 -O1 -g -fsanitize=thread -I"$root/include" "$here/threads/threads.c" "$b/libancre.a" \
    -ljansson -lcsv -pthread -o "$tmp/threads" 2>"$tmp/cc.err" && ok || { ko "the thread test builds"; cat "$tmp/cc.err" >&2; }
ex="$root/examples"
TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$tmp/threads" 4 20 "$ex/national-2023.json" \
    "$ex/centre-polyvalent-2023.json" "$ex/centre-medical-2023.json" "$ex/centre-infirmier-2023.json" \
    "$ex/centre-dentaire-2023.json" "$ex/centre-medecin-traitant-2019.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok || { ko "4 threads: exit $rc"; head -30 "$tmp/err" >&2; }
grep -q 'WARNING: ThreadSanitizer' "$tmp/err" && ko "ThreadSanitizer reports a race" || ok
grep -q ': 0 different results' "$tmp/out" && ok || ko "every thread computes the results computed alone"
cat "$tmp/out" >&2
echo "threads: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
