#!/usr/bin/env bash
# The store, against one backend: tests/store_test.sh ANCRE sqlite|postgresql
#
# The same suite runs on an SQLite file and on a real PostgreSQL server that this script starts
# from Debian's packages (initdb + pg_ctl in a temporary directory, on a loopback port) and stops
# at the end, even on failure.  It covers the schema migration from an empty database, import,
# revisions, bad records refused without partial writes, recording with the payments ledger of
# Art. 18 and 18.1, the calendar, the exact reproduction of an old result from the stored
# parameter documents and readings, and a kill -9 in the middle of a large import.
set -u
ancre=$(cd "$(dirname "${1:-build/ancre}")" && pwd)/$(basename "${1:-build/ancre}")
backend=${2:-sqlite}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
chmod 755 "$tmp"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL store/$backend: $*" >&2; }
check() { # description command...: passes when the command succeeds
    local what=$1
    shift
    if "$@"; then ok; else ko "$what"; fi
}
expect_rc() { # expected-rc description command...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then ok; else
        ko "$what: exit $rc, expected $want"
        sed 's/^/    /' "$tmp/err" | head -5 >&2
    fi
}

# ---- the database server -------------------------------------------------------------------
pg_bin=""
pg_port=""
pg_data="$tmp/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() {
    if [ -n "$pg_port" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1
    fi
}
cleanup() {
    stop_server
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "$backend" = postgresql ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
        echo "store/postgresql: the PostgreSQL server is not installed (scripts/setup.sh installs it)" >&2
        echo "store/postgresql: 0 passed, 1 failed"
        exit 1
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres "$tmp"
    as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres --no-sync >"$tmp/initdb.log" 2>&1 ||
        { cat "$tmp/initdb.log" >&2; echo "store/postgresql: 0 passed, 1 failed"; exit 1; }
    # a free loopback port
    for p in $(seq $((20000 + $$ % 20000)) $((20100 + $$ % 20000))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then pg_port=$p; break; fi
    done
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$tmp/pg.log" -w -t 60 start \
        -o "-p $pg_port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null 2>&1 ||
        { cat "$tmp/pg.log" >&2; pg_port=""; echo "store/postgresql: 0 passed, 1 failed"; exit 1; }
fi

# fresh_db NAME: sets DB (what ancre --db gets) to a new empty database
fresh_db() {
    dbname=$1
    if [ "$backend" = postgresql ]; then
        "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
            -c "CREATE DATABASE $1" >/dev/null
        DB="postgresql://postgres@127.0.0.1:$pg_port/$1"
    else
        : >"$tmp/$1.db" # an empty file: the store creates its schema in it
        DB="$tmp/$1.db"
    fi
}
# dbq SQL: runs a query on the current database, one row a line
dbq() {
    if [ "$backend" = postgresql ]; then
        "$pg_bin/psql" -X -At -h 127.0.0.1 -p "$pg_port" -U postgres -d "$dbname" -c "$1"
    else
        sqlite3 "$DB" "$1"
    fi
}
# snapshot: every row of every table, to compare a database before and after
snapshot() {
    local t
    for t in ancre_schema centres declarations paramsets paramset_documents results payments; do
        echo "== $t"
        dbq "SELECT * FROM $t ORDER BY 1, 2"
    done
}

national="$root/examples/national-2023.json"
example="$root/examples/centre-polyvalent-2023.json"
cp "$national" "$tmp/national-2023.json"
# national figures of 2024 for the second year of the cycle (illustrative, as in the example)
sed 's/2023-01-01/2024-01-01/; s/2023-12-31/2024-12-31/; s/2023-01-01/2024-01-01/; s/2023-12-31/2024-12-31/' \
    "$national" >"$tmp/national-2024.json"
one_line() { tr -d '\n' <"$1"; echo; }
# centre_decl FINESS [sed script]: the example as one line for another centre
centre_decl() {
    one_line "$example" | sed "s/750000001/$1/; ${2:-}"
}
euros() { # cents -> "51 000,00 €", as ancre prints
    local c=$1 sign=""
    [ "$c" -lt 0 ] && { sign="-"; c=$((-c)); }
    printf '%s%s,%02d €' "$sign" "$(printf '%d' $((c / 100)) | sed ':a;s/\B[0-9]\{3\}\>/ &/;ta')" $((c % 100))
}

# ---- migration from an empty database ------------------------------------------------------
fresh_db migr
expect_rc 0 "an empty database is opened" "$ancre" centres --db "$DB"
check "an empty store has no centre" grep -qx '\[\]' "$tmp/out"
check "schema created at version 1" test "$(dbq 'SELECT max(version) FROM ancre_schema')" = 1
for t in centres declarations paramsets paramset_documents results payments; do
    check "table $t created" dbq "SELECT count(*) FROM $t" >/dev/null
done
expect_rc 0 "opened again" "$ancre" calendar --db "$DB" --all
check "a second opening migrates nothing" test "$(dbq 'SELECT count(*) FROM ancre_schema')" = 1
dbq "INSERT INTO ancre_schema (version, applied_at) VALUES (99, 'later')" >/dev/null
expect_rc 3 "a newer schema is refused" "$ancre" centres --db "$DB"
check "the refusal says why" grep -q 'schema version 99, newer than this ancre' "$tmp/err"
if [ "$backend" = sqlite ]; then
    echo "not a database, but text long enough to be read as a header......................" \
        >"$tmp/text.db"
    expect_rc 3 "a file that is not a database is refused" "$ancre" centres --db "$tmp/text.db"
    expect_rc 3 "an unwritable place is refused" "$ancre" centres --db "$tmp/no/such/dir/x.db"
    # a store locked by another writer beyond the 10 s wait: a store error (3), not a usage
    # error (2)
    "$ancre" centres --db "$tmp/locked.db" >/dev/null 2>&1
    python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(14)' "$tmp/locked.db" >"$tmp/lock.out" &
    lockpid=$!
    for i in $(seq 1 50); do grep -q locked "$tmp/lock.out" && break; sleep 0.1; done
    expect_rc 3 "a locked store exits 3" "$ancre" import --db "$tmp/locked.db" "$root/examples/centre-medical-2023.json"
    check "the error says the database is locked" grep -qi 'locked' "$tmp/err"
    kill "$lockpid" 2>/dev/null
    wait "$lockpid" 2>/dev/null
else
    expect_rc 3 "an unreachable server is refused" "$ancre" centres \
        --db "postgresql://postgres@127.0.0.1:1/nope?connect_timeout=2"
    check "the error says it cannot connect" grep -q 'cannot connect' "$tmp/err"
fi

# ---- import ----------------------------------------------------------------------------------
fresh_db main
expect_rc 0 "import a declaration" "$ancre" import --db "$DB" "$example" --params "$national"
check "one imported" grep -q '1 enregistrements, 1 importés, 0 inchangés, 0 refusés ; écrit' "$tmp/out"
expect_rc 0 "the same again" "$ancre" import --db "$DB" "$example" --params "$national"
check "the same text is left alone" grep -q '0 importés, 1 inchangés' "$tmp/out"
check "one declaration stored" test "$(dbq 'SELECT count(*) FROM declarations')" = 1
expect_rc 0 "centres" "$ancre" centres --db "$DB"
check "the centre is listed with its type and adhesion date" \
    grep -q '"adhesion_date": "2016-03-01"' "$tmp/out"
sed 's/"n_stages": 4/"n_stages": 3/' "$example" >"$tmp/revised.json"
expect_rc 0 "import a revised declaration" "$ancre" import --db "$DB" "$tmp/revised.json"
check "a revision is added" test "$(dbq "SELECT max(revision) FROM declarations WHERE finess = '750000001' AND year = 2023")" = 2
expect_rc 0 "one centre" "$ancre" centres --db "$DB" --finess 750000001
check "its two revisions are listed" test "$(grep -c '"revision"' "$tmp/out")" = 2
expect_rc 0 "the latest declaration" "$ancre" declaration --db "$DB" --finess 750000001 --year 2023
check "is the revised text" grep -q '"n_stages": 3' "$tmp/out"
expect_rc 1 "no declaration of another year" "$ancre" declaration --db "$DB" --finess 750000001 --year 2020
expect_rc 1 "an unknown centre" "$ancre" centres --db "$DB" --finess 123456789

# ---- bad records: reported, nothing written -------------------------------------------------
{
    centre_decl 750000002
    echo '{"year": 2023, "centre": {"finess": "750000009", "type": "medical", "adhesion_date": "2016-01-01"}, "staff": {"etp_mg": "x"}}'
    centre_decl 750000003 's/"fonction_coordination": {"achieved": true}/"fonction_coordination": {"achieved": false}/'
    centre_decl 750000004 's/"finess": "750000004",//'
    echo '{not json'
    centre_decl 7500 ''
} >"$tmp/mixed.jsonl"
snapshot >"$tmp/before"
expect_rc 1 "a file with bad records" "$ancre" import --db "$DB" "$tmp/mixed.jsonl"
check "every bad record reported by line" grep -q '^erreur : line 2: staff.etp_mg' "$tmp/err"
check "a declaration without FINESS is refused by the store" \
    grep -q '^erreur : line 4: centre.finess : the store keeps declarations by centre' "$tmp/err"
check "a syntax error is reported on its line" grep -q '^erreur : line 5: ' "$tmp/err"
check "a malformed FINESS is refused" grep -q '^erreur : line 6: centre.finess : centre.finess : reçu "7500" (attendu : 9 caractères' "$tmp/err"
check "the summary says nothing was written" grep -q "6 enregistrements, 0 importés, 0 inchangés, 4 refusés ; rien n'est écrit" "$tmp/err"
snapshot >"$tmp/after"
check "the database is exactly as before" cmp -s "$tmp/before" "$tmp/after"
expect_rc 1 "--skip-bad writes the valid records" "$ancre" import --db "$DB" --skip-bad "$tmp/mixed.jsonl"
check "two imported, four rejected" grep -q '6 enregistrements, 2 importés, 0 inchangés, 4 refusés ; écrit' "$tmp/err"
check "three centres now" test "$(dbq 'SELECT count(*) FROM centres')" = 3

# ---- recording and the payments ledger -------------------------------------------------------
# The total of the example centre, as the engine computes it on its own (its figures are the
# golden cases' business); the store must keep it and derive the ledger from it.
total=$("$ancre" compute --json "$tmp/revised.json" --params "$national" |
    grep -m1 '"total_cents"' | grep -oE '[0-9]+')
expect_rc 1 "recording without the national figures fails and names them" \
    "$ancre" record --db "$DB" --year 2023 --finess 750000001
check "the error names the missing parameter" grep -q 'national.taux_css' "$tmp/err"
check "nothing recorded" test "$(dbq 'SELECT count(*) FROM results')" = 0
expect_rc 0 "record one centre" "$ancre" record --db "$DB" --year 2023 --finess 750000001 \
    --params "$tmp/national-2023.json"
check "one recorded" grep -q '2023 : 1 centres, 1 enregistrés, 0 en échec ; écrit' "$tmp/out"
expect_rc 0 "ledger" "$ancre" ledger --db "$DB" --finess 750000001
# Art. 18.1 (l. 3317): advance of year n = 60 % of year n-1; declared 85 000,00 € -> 51 000,00 €.
check "advance of 2023: 60 % of 85 000,00 €" \
    grep -qE '^2023-04-30  2023  rsf    advance +51 000,00 €' "$tmp/out"
# Art. 18 (l. 3305): balance = total - advance, paid by 30 April of n+1.
balance=$((total - 5100000))
check "balance of 2023 by 30 April 2024" \
    grep -qE "^2024-04-30  2023  rsf    balance +$(euros "$balance")" "$tmp/out"
check "the ledger adds up to the total" grep -q "^2 paiements, $(euros "$total")" "$tmp/out"

# Gate closed (Art. 12: a prerequisite not met, no RSF): total 0; advance 51 000,00 €;
# balance 0 - 51 000,00 € is a refund of 51 000,00 € (Art. 18.1).
expect_rc 0 "record every centre of 2023" "$ancre" record --db "$DB" --year 2023 \
    --params "$tmp/national-2023.json"
check "three centres recorded" grep -q '2023 : 3 centres, 3 enregistrés, 0 en échec' "$tmp/out"
expect_rc 0 "ledger of the centre without RSF" "$ancre" ledger --db "$DB" --finess 750000003
check "its advance" grep -qE '^2023-04-30  2023  rsf    advance +51 000,00 €' "$tmp/out"
check "its refund" grep -qE '^2024-04-30  2023  rsf    refund +-51 000,00 €' "$tmp/out"
check "its ledger sums to zero" grep -q '^2 paiements, 0,00 €' "$tmp/out"
check "a recorded result replaces the earlier one in the ledger" \
    test "$(dbq "SELECT count(*) FROM results WHERE finess = '750000001' AND year = 2023 AND is_current = 1")" = 1

# Second year: no previous-year amount declared; the store takes the recorded 2023 RSF amount.
one_line "$tmp/revised.json" | sed 's/"year": 2023/"year": 2024/; s/"payments": {"previous_year_amount_cents": 8500000}, //' \
    >"$tmp/2024.jsonl"
check "the 2024 declaration has no previous-year amount" test "$(grep -c previous_year "$tmp/2024.jsonl")" = 0
expect_rc 0 "import 2024" "$ancre" import --db "$DB" "$tmp/2024.jsonl" --params "$tmp/national-2024.json"
expect_rc 0 "record 2024" "$ancre" record --db "$DB" --year 2024 --params "$tmp/national-2024.json"
advance_2024=$(((total * 6 + 5) / 10)) # 60 %, rounded to the cent
expect_rc 0 "ledger over two years" "$ancre" ledger --db "$DB" --finess 750000001
check "2024 advance = 60 % of the recorded 2023 amount" \
    grep -qE "^2024-04-30  2024  rsf    advance +$(euros "$advance_2024")" "$tmp/out"
check "four payments over two years" grep -q '^4 paiements' "$tmp/out"
expect_rc 0 "the stored result" "$ancre" result --db "$DB" --finess 750000001 --year 2024
check "the declaration computed carries the 2023 amount" \
    grep -q "\"previous_year_amount_cents\": $total" "$tmp/out"

expect_rc 0 "calendar after 1 May 2024" "$ancre" calendar --db "$DB" --after 2024-05-01
check "only later payments: the 2024 balance" test "$(grep -c '^2025-04-30  750000001  2024  rsf    balance' "$tmp/out")" = 1
check "one payment" grep -q '^1 paiement,' "$tmp/out"
expect_rc 0 "calendar after 1 January 2024" "$ancre" calendar --db "$DB" --after 2024-01-01 --json
check "2023 balances, the 2024 advance and balance: 5 rows" test "$(grep -c '"kind"' "$tmp/out")" = 5
check "ordered by due date" test "$(grep '"due"' "$tmp/out" | sort -c && echo sorted)" = sorted
expect_rc 1 "calendar with a bad date" "$ancre" calendar --db "$DB" --after 2024-13-45
expect_rc 1 "ledger of an unknown centre" "$ancre" ledger --db "$DB" --finess 123456789
check "says the centre is unknown" grep -q 'no centre 123456789' "$tmp/err"
expect_rc 1 "record a year without declarations" "$ancre" record --db "$DB" --year 2019 --params "$tmp/national-2023.json"
expect_rc 2 "record needs --year" "$ancre" record --db "$DB"

# One centre cannot be computed: it declares no previous-year amount and the store has no 2022
# result of it, so its advance (Art. 18.1) cannot be known.  The others are recorded;
# --all-or-nothing writes nothing.
centre_decl 750000005 's/"payments": {"previous_year_amount_cents": 8500000}, //' >"$tmp/noprev.jsonl"
check "the declaration has no previous-year amount" test "$(grep -c previous_year "$tmp/noprev.jsonl")" = 0
expect_rc 0 "import it" "$ancre" import --db "$DB" "$tmp/noprev.jsonl" --params "$tmp/national-2023.json"
snapshot >"$tmp/before"
expect_rc 1 "all or nothing" "$ancre" record --db "$DB" --year 2023 --all-or-nothing --params "$tmp/national-2023.json"
snapshot >"$tmp/after"
check "the failing centre is named with the missing field" \
    grep -q '^erreur : 750000005 2023: payments.previous_year_amount_cents' "$tmp/err"
check "all or nothing wrote nothing" cmp -s "$tmp/before" "$tmp/after"
expect_rc 1 "the others are recorded by default" "$ancre" record --db "$DB" --year 2023 --params "$tmp/national-2023.json"
check "three of four recorded" grep -q '2023 : 4 centres, 3 enregistrés, 1 en échec ; écrit' "$tmp/err"

# A new centre (the golden case rsf_medical/new_centre_first_year, computed there by hand):
# FINESS 2022-05-10, adhesion 2022-07-01, so created at most 3 months before entry (Art. 18.1
# l. 3323-3333); FINESS in Q2 -> 75 % of the 2022 reference amount 28 364 € = 21 273,00 €, paid
# within two months of entry (2022-09-01).  Its 2022 amount is 3 175,89 € (282 301 + 35 288
# cents), so 21 273,00 - 3 175,89 = 18 097,11 € is refunded, within two months of the
# notification (by 30 April 2023 + 2 months = 2023-06-30).
cat >"$tmp/new-centre.json" <<'JSON'
{"ancre_declaration": 1, "year": 2022, "centre": {"finess": "750000010", "name": "Centre nouveau", "type": "medical", "adhesion_date": "2022-07-01", "finess_date": "2022-05-10", "projet_sante_date": "2022-03-01"}, "staff": {"n_ps_salaries": 3, "etp_mg": 2, "etp_medicaux": 2, "etp_paramedicaux": 1, "etp_infirmiers": 1, "etp_ps": 3, "n_ipa_salaries": 0}, "patients": {"n_mt_31_12": 800, "n_ame_2_soins_mg": 0, "n_mt_ald_or_over75": 100, "file_active_mg": 1000, "n_css_fa": 100, "n_ame_fa": 10}, "indicators": {"acces_amplitude_snp": {"weekday_amplitude_hours": 12, "saturday_morning_open": true, "holiday_closure_weeks": 0, "orientation_info": true, "snp_every_working_day": true, "charter_displayed": true, "charter_sent_cpam": true}, "crise_plan_preparation": {"written": true}, "fonction_coordination": {"achieved": false}, "si_standard": {"label_standard": false}}}
JSON
sed 's/2023-01-01/2022-01-01/g; s/2023-12-31/2022-12-31/g; s/"0.09"/"0.10"/; s/"0.008"/"0.01"/' \
    "$national" >"$tmp/national-2022.json"
expect_rc 0 "import a new centre" "$ancre" import --db "$DB" "$tmp/new-centre.json" --params "$tmp/national-2022.json"
expect_rc 0 "record its first year" "$ancre" record --db "$DB" --year 2022 --finess 750000010 \
    --params "$tmp/national-2022.json" --reading prorata_granularity=days
expect_rc 0 "its ledger" "$ancre" ledger --db "$DB" --finess 750000010
check "new-centre advance of 21 273,00 € two months after entry" \
    grep -qE '^2022-09-01  2022  rsf    new_centre_advance +21 273,00 €' "$tmp/out"
check "refund of 18 097,11 €" grep -qE '^2023-06-30  2022  rsf    refund +-18 097,11 €' "$tmp/out"
check "the ledger adds up to the amount of the year, 3 175,89 €" grep -q '^2 paiements, 3 175,89 €' "$tmp/out"

# The other payments of a result join the ledger with their payment and kind: the médecin
# traitant example.  FPMT (Art. 23.3): 180×6 + 120×42 + 400×42 + 60×70 + 1900×5 = 36 620 €;
# CSS 399/2 660 = 15 % -> +4 % = 1 464,80 €; total 38 084,80 €.  Acomptes declared 3 × 6 000 €
# at the end of June, September, November (slides 001 l. 287-288); solde in March 2020 =
# 38 084,80 - 18 000 = 20 084,80 €.  MPA: (40+35+22+41) × 5 = 690 €, on dates the sources do not
# fix.
mt="$root/examples/centre-medecin-traitant-2019.json"
expect_rc 0 "import the médecin traitant example" "$ancre" import --db "$DB" "$mt"
expect_rc 0 "record 2019" "$ancre" record --db "$DB" --year 2019 --finess 690000123
expect_rc 0 "its ledger" "$ancre" ledger --db "$DB" --finess 690000123
for d in 2019-06-30 2019-09-30 2019-11-30; do
    check "FPMT acompte due $d" grep -qE "^$d  2019  fpmt   acompte +6 000,00 €" "$tmp/out"
done
check "FPMT solde" grep -qE '^2020-03-31  2019  fpmt   solde +20 084,80 €' "$tmp/out"
check "MPA quarters without a date come last" test "$(grep -c '^(sans date)  2019  mpa ' "$tmp/out")" = 4
check "MPA total 690 €" test "$(dbq "SELECT sum(amount_cents) FROM payments WHERE finess = '690000123' AND payment = 'mpa'")" = 69000
expect_rc 0 "calendar of the FPMT" "$ancre" calendar --db "$DB" --after 2020-01-01
check "the solde is a coming payment after 1 January 2020" grep -qE '^2020-03-31  690000123  2019  fpmt   solde' "$tmp/out"

# ---- reproducing an old result exactly -------------------------------------------------------
first=$(dbq "SELECT min(id) FROM results WHERE finess = '750000001' AND year = 2023")
old_total=$(dbq "SELECT total_cents FROM results WHERE id = $first")
# later: other national figures and another reading; the parameter file of the time is gone
sed 's/"0.09"/"0.12"/' "$tmp/national-2023.json" >"$tmp/national-2023-revised.json"
rm "$tmp/national-2023.json"
expect_rc 0 "record again with other figures and another reading" "$ancre" record --db "$DB" \
    --year 2023 --finess 750000001 --params "$tmp/national-2023-revised.json" --reading precarity_base=rsf
new=$(dbq "SELECT id FROM results WHERE finess = '750000001' AND year = 2023 AND is_current = 1")
check "the new result is current" test "$new" -gt "$first"
check "with another parameter set" test "$(dbq "SELECT count(DISTINCT paramset_id) FROM results WHERE finess = '750000001'")" -ge 2
check "and another total" test "$(dbq "SELECT total_cents FROM results WHERE id = $new")" != "$old_total"
expect_rc 0 "the old result is reproduced exactly" "$ancre" reproduce --db "$DB" --id "$first"
check "byte for byte" grep -q "résultat $first : reproduit à l'identique" "$tmp/out"
expect_rc 0 "the new one too" "$ancre" reproduce --db "$DB" --finess 750000001 --year 2023
expect_rc 0 "the old result keeps its readings" "$ancre" result --db "$DB" --id "$first"
check "default reading stored" grep -q '"precarity_base": "bcp"' "$tmp/out"
check "its parameter documents are named" grep -q 'national-2023.json' "$tmp/out"
dbq "UPDATE results SET document = replace(document, '\"total_cents\": $old_total', '\"total_cents\": 1') WHERE id = $first" >/dev/null
expect_rc 1 "a tampered document is detected" "$ancre" reproduce --db "$DB" --id "$first"
check "says it differs" grep -q 'DIFFÈRE' "$tmp/out"
expect_rc 1 "unknown result" "$ancre" reproduce --db "$DB" --id 999999

# ---- kill -9 in the middle of a large import -------------------------------------------------
fresh_db killed
"$ancre" import --db "$DB" "$example" >/dev/null 2>&1
line=$(one_line "$example")
n=8000
printf '%s\n' "$line" | awk -v n=$n '{ for (i = 1; i <= n; i++) { s = $0; sub(/750000001/, sprintf("76%07d", i), s); print s } }' \
    >"$tmp/large.jsonl"
check "large file written" test "$(wc -l <"$tmp/large.jsonl")" -eq $n
snapshot >"$tmp/before"
"$ancre" import --db "$DB" "$tmp/large.jsonl" >"$tmp/kill.out" 2>&1 &
pid=$!
# wait until the import writes: the rollback journal exists (SQLite) or the transaction has
# inserted rows (PostgreSQL), then kill it
writing=no
for _ in $(seq 1 3000); do
    if [ "$backend" = sqlite ]; then
        [ -e "$DB-journal" ] && { writing=yes; break; }
    else
        [ "$(dbq "SELECT count(*) FROM pg_stat_activity WHERE datname = 'killed' AND state <> 'idle' AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO declarations%'" 2>/dev/null)" != 0 ] &&
            { writing=yes; break; }
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "the import was killed while writing" test "$writing" = yes
check "it did not finish" test ! -s "$tmp/kill.out"
[ "$backend" = postgresql ] && sleep 0.5 # the server notices the closed connection
expect_rc 0 "the database opens after the kill" "$ancre" centres --db "$DB"
snapshot >"$tmp/after"
check "the database is exactly as before the import" cmp -s "$tmp/before" "$tmp/after"
expect_rc 0 "and is usable: the import runs to the end" "$ancre" import --db "$DB" "$tmp/large.jsonl"
check "every record imported" test "$(dbq 'SELECT count(*) FROM declarations')" -eq $((n + 1))

echo "store/$backend: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
