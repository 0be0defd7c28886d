#!/usr/bin/env python3
"""Citations that show their value and survive the next consolidated text.

For every period of every parameter of params/*.json that cites a document:
  1. the value appears in its own quote, in one of the text's number formats ("1 234,56",
     "42 €", "0,5", a rate 0.5 as "50 %" or "50%"); booleans, texts and nulls have no number;
  2. the quote is found in the cited document at or near its cited line, line wraps allowed
     (the consolidated text breaks sentences over lines separated by blank lines).

The seed documents are read from ../shared/seeds relative to the repository root; when they are
absent the test says it is skipped and checks nothing.

A failure in a file listed in ENFORCED fails the test.  The periods listed in EXCEPTIONS are
known failures of files maintained elsewhere: they are reported, not failed, and the test says
when one of them has become clean so that it can be removed.  Files not listed in ENFORCED
(parameter files added later) are reported only.

    tests/params_citations.py [repository root]
Prints "params-citations: N passed, N failed".
"""
import glob
import json
import os
import re
import sys
from decimal import Decimal

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
# ANCRE_SEEDS names another directory (a worktree outside the repository's usual place)
SEEDS = os.environ.get("ANCRE_SEEDS") or os.path.join(os.path.dirname(ROOT), "shared", "seeds")

# Files whose every period must pass (clean when this test was written, or whose known failures
# are listed below one by one).
ENFORCED = {
    "10_rsf_medical.json",
    "20_rsf_nursing.json",
    "30_rsf_dental.json",
    "40_medecin_traitant.json",
    "50_rosp.json",
    "60_contracts.json",
}

# (file, parameter id, from date, check) of known failures in files maintained elsewhere; remove
# an entry once its citation is fixed.  check is "value" or "quote".
EXCEPTIONS = {
    ("10_rsf_medical.json", "rsf_med.acces.full_weekday_amplitude_hours", "2015-10-01", "value"),
    ("10_rsf_medical.json", "rsf_med.vulnerables_n2.variable", "2022-01-01", "value"),
    ("20_rsf_nursing.json", "rsf_csi.csi_concertation_msp.min_meetings", "2022-01-01", "value"),
    ("20_rsf_nursing.json", "rsf_csi.csi_formation_stage_supp.min_stages", "2022-01-01", "value"),
    ("20_rsf_nursing.json", "rsf_csi.csi_protocoles_msp.max_protocols", "2022-01-01", "value"),
    ("20_rsf_nursing.json", "rsf_csi.csi_vulnerables_n2.variable", "2022-01-01", "value"),
    ("30_rsf_dental.json", "rsf_cd.acces.full_weekday_amplitude_hours", "2015-10-01", "value"),
    ("30_rsf_dental.json", "rsf_cd.cd_formation_stage_supp.min_stages", "2022-01-01", "value"),
}

NEAR_BEFORE = 6  # lines before the cited line where the quote may start
NEAR_AFTER = 40  # lines after it over which a wrapped quote may run


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    text = re.sub(r"\s+", " ", text)
    return text.strip().lower()


def squash(text):
    """The text with every space removed: a quote wrapped inside a word or a table cell."""
    return re.sub(r"\s+", "", normalise(text))


def number_forms(value, unit):
    """The ways the text may print the value."""
    forms = set()
    vals = [value]
    if unit == "rate":
        vals.append(value * 100)
    for v in vals:
        v = v.normalize()
        if v == v.to_integral():
            v = v.quantize(Decimal(1))
        sign = "-" if v < 0 else ""
        s = format(abs(v), "f")
        if "." in s:
            ip, fp = s.split(".")
            fp = fp.rstrip("0")
        else:
            ip, fp = s, ""
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        for sep in ("", " ", ".", "\u00a0", "\u202f"):
            whole = sep.join(groups)
            if fp:
                for dec in (",", "."):
                    forms.add(sign + whole + dec + fp)
                    # the text also prints trailing zeros (0,50 ; 1 234,50)
                    forms.add(sign + whole + dec + fp + "0")
            else:
                forms.add(sign + whole)
                forms.add(sign + whole + ",00")
    return forms


# The text writes small numbers in words, and some quantities by name.
WORDS = {
    1: ["un", "une", "premier", "première", "1er", "1ère"],
    2: ["deux", "deuxième", "second", "seconde", "2ème"],
    3: ["trois", "troisième", "3ème"],
    4: ["quatre", "quatrième", "4ème"],
    5: ["cinq", "cinquième"],
    6: ["six", "sixième"],
    7: ["sept"],
    8: ["huit"],
    9: ["neuf"],
    10: ["dix"],
    11: ["onze"],
    12: ["douze"],
    15: ["quinze"],
    16: ["seize"],
    20: ["vingt"],
    30: ["trente"],
}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
# fractions named by the text: a share (rate) or the divisor that gives it
FRACTIONS = {
    Decimal("0.5"): ["moitié"], Decimal(2): ["moitié"],
    Decimal(3): ["tiers"],
    Decimal("0.25"): ["quart"], Decimal(4): ["quart"],
    Decimal(1): ["totalité", "intégralement"],
    Decimal(0): ["maintien"],
}


def word_forms(value, unit, pid):
    forms = list(FRACTIONS.get(value.normalize(), []))
    if value == value.to_integral():
        n = int(value)
        forms += WORDS.get(n, [])
        if pid.endswith(".month") and 1 <= n <= 12:
            forms.append(MONTHS[n - 1])
        if unit == "months" or pid.endswith("_months") or pid.endswith(".month"):
            forms += {1: ["le mois", "un mois"], 3: ["trimestre"], 6: ["semestre"], 12: ["an", "année"]}.get(n, [])
    return forms


def value_in_quote(value, unit, quote, pid=""):
    low = normalise(quote)
    for w in word_forms(value, unit, pid):
        if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", low):
            return True
    return value_in_digits(value, unit, quote)


def value_in_digits(value, unit, quote):
    q = quote.replace("\u00a0", " ").replace("\u202f", " ")
    for form in number_forms(value, unit):
        f = form.replace("\u00a0", " ").replace("\u202f", " ")
        for m in re.finditer(re.escape(f), q):
            before = q[: m.start()]
            after = q[m.end():]
            if before and (before[-1].isdigit() or re.search(r"\d[,.]$", before)):
                continue
            # "1 234": a group of three digits after a number and a space belongs to it
            if re.search(r"\d $", before) and re.fullmatch(r"\d{3}", f):
                continue
            if after and (after[0].isdigit() or re.match(r"[,.]\d", after) or re.match(r" \d{3}(?!\d)", after)):
                continue
            return True
    return False


def load_seeds():
    docs = {}
    for path in glob.glob(os.path.join(SEEDS, "*.txt")):
        name = os.path.basename(path)
        docs[name.split("_")[0]] = open(path, encoding="utf-8").read().split("\n")
    return docs


def quote_near(lines, line, quote):
    if not quote:
        return False
    lo = max(0, line - 1 - NEAR_BEFORE)
    hi = min(len(lines), line - 1 + NEAR_AFTER)
    window = " ".join(lines[lo:hi])
    if normalise(quote) in normalise(window):
        return True
    # a quote that gathers the words of a table split over lines: every word in order
    return squash(quote) in squash(window)


def main():
    if not os.path.isdir(SEEDS) or not glob.glob(os.path.join(SEEDS, "000_*.txt")):
        print("params-citations: SKIPPED: the seed documents are not at %s (../shared/seeds from the "
              "repository root); no citation checked" % SEEDS)
        print("params-citations: 0 passed, 0 failed (skipped)")
        return 0
    docs = load_seeds()
    passed = failed = 0
    reported = 0
    seen_exceptions = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "params", "*.json"))):
        fname = os.path.basename(path)
        data = json.load(open(path, encoding="utf-8"))
        for p in data.get("parameters", []):
            for period in p.get("values", []):
                cite = period.get("cite")
                if not cite:
                    continue
                key_base = (fname, p["id"], period.get("from"))
                problems = []
                value = period.get("value")
                unit = p.get("unit")
                if value is not None and not isinstance(value, bool) and unit not in ("text", "bool"):
                    try:
                        num = Decimal(str(value))
                    except Exception:
                        num = None
                    if num is None or not value_in_quote(num, unit, cite.get("quote") or "", p["id"]):
                        problems.append(("value", "the value %s does not appear in its quote « %s »"
                                         % (value, cite.get("quote"))))
                doc = docs.get(str(cite.get("doc")))
                if doc is None:
                    problems.append(("quote", "document %s is not among the seeds" % cite.get("doc")))
                elif not isinstance(cite.get("line"), int) or not quote_near(doc, cite["line"], cite.get("quote")):
                    problems.append(("quote", "quote « %s » not found near line %s of %s"
                                     % (cite.get("quote"), cite.get("line"), cite.get("doc"))))
                for check in ("value", "quote"):
                    mine = [m for c, m in problems if c == check]
                    key = key_base + (check,)
                    if key in EXCEPTIONS:
                        seen_exceptions.add(key)
                        if mine:
                            reported += 1
                            print("known (exception): %s %s from %s: %s" % (fname, p["id"], period.get("from"), mine[0]))
                        else:
                            print("exception now clean, remove it from EXCEPTIONS: %s" % (key,))
                        continue
                    if not mine:
                        passed += 1
                    elif fname in ENFORCED:
                        failed += 1
                        print("FAIL params-citations: %s %s from %s: %s" % (fname, p["id"], period.get("from"), mine[0]))
                    else:
                        reported += 1
                        print("not enforced yet: %s %s from %s: %s" % (fname, p["id"], period.get("from"), mine[0]))
    for key in sorted(EXCEPTIONS - seen_exceptions):
        print("exception no longer exists, remove it from EXCEPTIONS: %s" % (key,))
    print("params-citations: %d reported without failing (exceptions and files not enforced)" % reported)
    print("params-citations: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
