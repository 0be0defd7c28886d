#!/usr/bin/env python3
"""Structural mutation of every golden case: each leaf of the declaration (or contract document)
replaced in turn by an extreme number, a long or odd string, an odd date, a wrong type, or
removed; each object given an unknown member.  The mutants of a case are computed as one batch
by the ancre of the build directory (under `make sanitize`: with ASan and UBSan) with the case's
parameters and readings, and every mutant must end as a result or as an error record: no crash
(a line that stops its worker is reported by the batch as "interrompu"), no sanitizer report, one
record per mutant.

    tests/mutation_test.py BUILD_DIR [CASE.json ...]       prints "mutation: N passed, N failed"
"""
import json
import os
import subprocess
import sys
import tempfile

NUMBERS = [0, -1, 1, 2**31, 2**32 + 3, 2**53 + 1, 2**63 - 1, -(2**63), 2**64, 10**30,
           1e308, -1e308, 1e-12, 0.5, 123456789.123456789]
STRINGS = ["", " ", "x" * 5000, "\u0000", "a\nb", "\u00e9\u00e8\u0153", "\"quoted\"", "2A0000001",
           "9" * 40, "-1", "null", "\ud7ff" * 3]
DATES = ["0000-01-01", "0001-01-01", "1900-02-29", "2000-02-29", "2023-02-29", "2024-02-29",
         "9999-12-31", "2023-13-01", "2023-00-10", "2023-12-32", "99999-01-01", "2023-1-1",
         "2015-09-30", "2015-10-01"]
OTHERS = [None, True, [], {}, [1, 2], {"x": 1}]


def looks_like_date(s):
    return isinstance(s, str) and len(s) == 10 and s[4] == "-" and s[7] == "-"


def leaves(node, path=()):
    """Every (path, value) of the tree, objects and arrays included."""
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, path + (i,))


def replaced(doc, path, value, delete=False):
    doc = json.loads(json.dumps(doc))
    if not path:
        return value
    node = doc
    for k in path[:-1]:
        node = node[k]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


def mutants(doc):
    """A bounded set of mutants: every leaf gets a few replacements chosen by its position, so
    that across the leaves every value of each list is used."""
    out = []
    for n, (path, value) in enumerate(leaves(doc)):
        if isinstance(value, dict):
            out.append(replaced(doc, path + ("unknown_member",), 1) if path else None)
            continue
        if isinstance(value, list):
            out.append(replaced(doc, path, value * 50 if value else [{}]))
            continue
        if looks_like_date(value):
            pool = DATES
        elif isinstance(value, str):
            pool = STRINGS
        else:
            pool = NUMBERS
        for k in range(3):
            out.append(replaced(doc, path, pool[(n * 3 + k) % len(pool)]))
        out.append(replaced(doc, path, OTHERS[n % len(OTHERS)]))
        if path:
            out.append(replaced(doc, path, None, delete=True))
    return [m for m in out if m is not None]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    here = os.path.dirname(os.path.abspath(__file__))
    cases = sys.argv[2:] or sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(os.path.join(here, "golden"))
        for f in fs if f.endswith(".json"))
    ancre = os.path.join(build, "ancre")
    passed = failed = total = 0
    # cases with the same parameters, readings and kind of document run as one batch
    groups = {}
    for case_path in cases:
        with open(case_path) as f:
            case = json.load(f)
        doc = case.get("contract", case.get("declaration"))
        if not isinstance(doc, dict):
            continue
        key = ("contract" in case, json.dumps(case.get("params"), sort_keys=True),
               json.dumps(case.get("readings") or {}, sort_keys=True))
        groups.setdefault(key, []).append((os.path.relpath(case_path, here), mutants(doc)))
    with tempfile.TemporaryDirectory() as tmp:
        for (is_contract, params, readings), members in groups.items():
            batch = os.path.join(tmp, "mutants.jsonl")
            owner = []
            with open(batch, "w") as f:
                for name, ms in members:
                    for m in ms:
                        f.write(json.dumps(m, ensure_ascii=False) + "\n")
                        owner.append(name)
            cmd = [ancre, "contract" if is_contract else "batch", batch]
            if json.loads(params):
                pfile = os.path.join(tmp, "params.json")
                with open(pfile, "w") as f:
                    f.write(params)
                cmd += ["--params", pfile]
            for rid, value in json.loads(readings).items():
                cmd += ["--reading", f"{rid}={value}"]
            run = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
            total += len(owner)
            records = [l for l in run.stdout.splitlines() if l.strip()]
            problems = []
            if run.returncode not in (0, 1):
                problems.append(f"exit {run.returncode}: {run.stderr[:300]}")
            if len(records) != len(owner):
                problems.append(f"{len(records)} records for {len(owner)} mutants")
            for r in records:
                if "interrompu le processus" in r:
                    line = json.loads(r).get("line", 0)
                    problems.append(f"mutant {line} of {owner[line - 1]} stopped the process")
            for marker in ("runtime error", "ERROR: AddressSanitizer", "ERROR: LeakSanitizer"):
                if marker in run.stderr:
                    at = run.stderr.index(marker)
                    problems.append(run.stderr[max(0, at - 200):at + 800])
            names = sorted({n for n, _ in members})
            if problems:
                failed += len(names)
                print(f"FAIL mutation: {', '.join(names[:3])}...: " + "; ".join(problems[:5]),
                      file=sys.stderr)
            else:
                passed += len(names)
    print(f"mutation: {total} mutants of {passed + failed} golden cases")
    print(f"mutation: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
