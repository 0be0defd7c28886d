#!/usr/bin/env python3
"""Lists the French format strings of src/lib/calendar and src/lib/procedures that are missing
from i18n/en/procedures.tsv (French<TAB>English, same printf conversions in the same order)."""
import re, sys, glob, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tsv = os.path.join(root, "i18n/en/procedures.tsv")
have = {}
if os.path.exists(tsv):
    for line in open(tsv, encoding="utf-8"):
        if "\t" in line:
            fr, en = line.rstrip("\n").split("\t", 1)
            have[fr] = en
conv = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?(?:zu|ld|lld|[sdcf])")
bad = 0
seen = set()
for f in sorted(glob.glob(os.path.join(root, "src/lib/calendar/*.c")) +
                glob.glob(os.path.join(root, "src/lib/procedures/*.c"))):
    text = open(f, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    if f.endswith("_schema.c"):  # field docs are English; the readings are for people
        text = text[text.find("reading_def readings[]"):]
    for m in re.finditer(r'((?:"(?:[^"\\]|\\.)*"\s*)+)', text):
        lit = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        if not re.search(r"[éèàùêçôîÉ]|\b(le|la|les|de|du|des|un|une|et|ou|au)\b", lit) or len(lit) < 4:
            continue
        if lit in seen: continue
        seen.add(lit)
        if lit not in have:
            print("missing:", lit); bad += 1
        elif conv.findall(lit) != conv.findall(have[lit]):
            print("conversions differ:", lit); bad += 1
print(f"i18n procedures: {len(seen) - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
