#!/usr/bin/env bash
# The command line as people expect it: ancre --help, ancre help CMD and ancre CMD --help exit 0
# with the command's usage; --opt=value is the same as --opt value; wrong usage exits 2; every
# usage string has its English in i18n/en/cli.tsv with the same printf conversions.
set -u
ancre=${1:-build/ancre}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tsv="$root/i18n/en/cli.tsv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL cli usage: $*" >&2; }
national="$root/examples/national-2023.json"
example="$root/examples/centre-polyvalent-2023.json"

"$ancre" --help >"$tmp/top" 2>"$tmp/err" && ok || ko "ancre --help exits 0"
head -n 1 "$tmp/top" | grep -q '^usage : ancre COMMANDE' && ok || ko "ancre --help starts with the usage"
"$ancre" help >"$tmp/top2" && cmp -s "$tmp/top" "$tmp/top2" && ok || ko "ancre help is ancre --help"
"$ancre" >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "ancre without a command exits 2"

# every command of the list answers help CMD and CMD --help with the same usage
commands=$(sed -n '/^commandes :/,/^$/p' "$tmp/top" | awk 'NR > 1 && NF { print $1 }')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 15 ] && ok || ko "the list of commands is complete"
for c in $commands; do
    "$ancre" help "$c" >"$tmp/h1" 2>"$tmp/e1" && ok || ko "ancre help $c exits 0"
    "$ancre" "$c" --help >"$tmp/h2" 2>"$tmp/e2" && ok || ko "ancre $c --help exits 0"
    grep -qi '^usage' "$tmp/h1" && ok || ko "ancre help $c prints a usage"
    cmp -s "$tmp/h1" "$tmp/h2" && ok || ko "ancre help $c and ancre $c --help agree"
    [ ! -s "$tmp/e1" ] && ok || ko "ancre help $c writes nothing on stderr"
    [ "$c" = serve ] && continue # its usage is its own
    # the summary and every option line have their English
    sed -n 2p "$tmp/h1" >"$tmp/strings"
    grep -E '^(  --.{22}| {26}) [^ ]' "$tmp/h1" | cut -c28- | grep . >>"$tmp/strings"
    while IFS= read -r s; do
        cut -f1 "$tsv" | grep -qxF -- "$s" && ok || ko "no English for « $s » in i18n/en/cli.tsv"
    done <"$tmp/strings"
done
"$ancre" help frobnicate >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "help of an unknown command exits 2"

# --opt=value and --opt value
"$ancre" compute "$example" --params "$national" >"$tmp/a" 2>&1
"$ancre" compute --params="$national" "$example" >"$tmp/b" 2>&1 && ok || ko "--params=FILE accepted"
cmp -s "$tmp/a" "$tmp/b" && ok || ko "--params=FILE is --params FILE"
"$ancre" compute "$example" --params="$national" --reading=precarity_base=bcp >"$tmp/c" 2>&1 &&
    ok || ko "--reading=ID=VALUE accepted"
"$ancre" params --date=2023-06-30 --json rsf >"$tmp/d" 2>&1 && ok || ko "--date=... accepted"

# wrong usage: exit 2, the offending option named, the command's usage shown
"$ancre" compute --frobnicate "$example" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && ok || ko "an unknown option exits 2"
grep -q -- '--frobnicate' "$tmp/e" && grep -q '^usage : ancre compute' "$tmp/e" && ok ||
    ko "an unknown option is named, with the usage"
"$ancre" compute --db x.db "$example" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q 'ne s.applique pas' "$tmp/e" && ok || ko "an option of another command is refused"
"$ancre" compute --params >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q 'attend une valeur' "$tmp/e" && ok || ko "an option without its value exits 2"
"$ancre" compute "$example" "$example" >/dev/null 2>&1
[ $? -eq 2 ] && ok || ko "a second FILE exits 2"
"$ancre" record --db "$tmp/x.db" --year=20x3 >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q 'year' "$tmp/e" && ok || ko "a bad --year exits 2"

# the English of every message keeps the printf conversions of the French, in order
while IFS=$'\t' read -r fr en; do
    a=$(printf '%s' "$fr" | grep -oE '%[-0-9.]*(ll|l|z)?[a-z]' | tr '\n' ' ')
    b=$(printf '%s' "$en" | grep -oE '%[-0-9.]*(ll|l|z)?[a-z]' | tr '\n' ' ')
    [ "$a" = "$b" ] && ok || ko "conversions differ in « $fr »"
done <"$tsv"

echo "cli usage: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
