#!/usr/bin/env bash
# The library that installs: make install into a temporary prefix (and with DESTDIR), the
# shared library's soname, only ancre_ symbols exported by the shared and the static library,
# the example program of examples/c/ built with pkg-config against each and run, the man pages.
# Builds in its own directory (build-install/) with the default flags, so that it runs the same
# under make sanitize.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL install: $*" >&2; }
prefix="$tmp/prefix"
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD make -s -C "$root" BUILD="$root/build-install" -j2 "$@"; }

mk install PREFIX="$prefix" >"$tmp/make.log" 2>&1 && ok || { ko "make install PREFIX=..."; tail -20 "$tmp/make.log" >&2; }
version=$(sed -n 's/^#define ANCRE_VERSION "\(.*\)"/\1/p' "$root/include/ancre/ancre.h")
for f in bin/ancre "lib/libancre.so.$version" lib/libancre.so.0 lib/libancre.so lib/libancre.a \
    include/ancre/ancre.h lib/pkgconfig/ancre.pc share/man/man1/ancre.1 share/man/man3/libancre.3; do
    [ -e "$prefix/$f" ] && ok || ko "$f installed"
done
readelf -d "$prefix/lib/libancre.so.$version" | grep -q 'SONAME.*\[libancre.so.0\]' && ok || ko "soname libancre.so.0"
"$prefix/bin/ancre" --version | grep -qF "$version" && ok || ko "the installed ancre runs"

# only ancre_ names are exported, by the shared library and by the static one
nm -D --defined-only "$prefix/lib/libancre.so.$version" | awk '{ print $3 }' | sort -u >"$tmp/so.syms"
n=$(wc -l <"$tmp/so.syms")
[ "$n" -ge 40 ] && ok || ko "the shared library exports $n symbols"
others=$(grep -v '^ancre_' "$tmp/so.syms" | grep -vE '^(_init|_fini|_edata|_end|__bss_start)$')
[ -z "$others" ] && ok || ko "the shared library exports names without the ancre_ prefix: $(echo $others | head -c 300)"
nm -g --defined-only "$prefix/lib/libancre.a" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/a.syms"
others=$(grep -v '^ancre_' "$tmp/a.syms")
[ -s "$tmp/a.syms" ] && [ -z "$others" ] && ok || ko "the static library defines global names without the ancre_ prefix: $(echo $others | head -c 300)"
# every function the header declares is exported
grep -oE '\bancre_[a-z0-9_]+\(' "$root/include/ancre/ancre.h" | tr -d '(' | sort -u >"$tmp/declared"
missing=$(comm -23 "$tmp/declared" "$tmp/so.syms")
[ -z "$missing" ] && ok || ko "declared in ancre.h but not exported: $missing"

# the example program, with pkg-config, against the shared and the static library
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pkg-config --exists ancre && ok || ko "pkg-config finds ancre"
[ "$(pkg-config --modversion ancre)" = "$version" ] && ok || ko "ancre.pc has the version"
pkg-config --static --libs ancre | grep -q -- '-lcsv' && ok || ko "ancre.pc names its private dependencies"
ex="$root/examples/centre-polyvalent-2023.json"
national="$root/examples/national-2023.json"
want=$("$ancre" compute --json "$ex" --params "$national" | jq .total_cents)
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$root/examples/c/compute.c" $(pkg-config --cflags --libs ancre) -o "$tmp/compute" 2>"$tmp/cc.err" &&
    ok || { ko "the example builds with pkg-config"; cat "$tmp/cc.err" >&2; }
LD_LIBRARY_PATH="$prefix/lib" "$tmp/compute" "$ex" "$national" >"$tmp/out" 2>&1 && ok || ko "the example runs (shared)"
grep -q "total_cents=$want\$" "$tmp/out" && ok || ko "the example computes the CLI's total ($want): $(head -1 "$tmp/out")"
grep -q '^payment rsf advance 2023-04-30 ' "$tmp/out" && ok || ko "the example lists the payments"
LD_LIBRARY_PATH="$prefix/lib" ldd "$tmp/compute" | grep -q 'libancre.so.0 =>' && ok || ko "the example links libancre.so.0"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$root/examples/c/compute.c" $(pkg-config --cflags ancre) \
    "$prefix/lib/libancre.a" $(pkg-config --static --libs ancre | sed 's/-lancre//') -o "$tmp/compute-static" 2>"$tmp/cc.err" &&
    ok || { ko "the example links the static library (its own q_add does not clash)"; cat "$tmp/cc.err" >&2; }
"$tmp/compute-static" "$ex" "$national" | grep -q "total_cents=$want\$" && ok || ko "the static example computes the CLI's total"

# DESTDIR: staged under it, configured for PREFIX
mk install PREFIX=/usr DESTDIR="$tmp/stage" >"$tmp/make.log" 2>&1 && ok || ko "make install DESTDIR=..."
[ -e "$tmp/stage/usr/lib/libancre.so.0" ] && grep -qx 'prefix=/usr' "$tmp/stage/usr/lib/pkgconfig/ancre.pc" && ok ||
    ko "DESTDIR stages the files, ancre.pc names PREFIX"

# the man pages render and name every command
if command -v man >/dev/null; then
    man -l "$prefix/share/man/man1/ancre.1" >"$tmp/man1" 2>&1 && [ -s "$tmp/man1" ] && ok || ko "ancre(1) renders"
    man -l "$prefix/share/man/man3/libancre.3" >/dev/null 2>&1 && ok || ko "libancre(3) renders"
fi
for c in $("$ancre" --help | sed -n '/^commandes :/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
    grep -qw -- "$c" "$root/man/ancre.1" && ok || ko "ancre(1) does not describe the command $c (man/ancre.1)"
done

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
