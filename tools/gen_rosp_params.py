#!/usr/bin/env python3
"""Writes params/50_rosp.json: the ROSP indicator tables of Art. 24.4 (adult 2018, from 2019, from
2020; child 2018, from 2019) and the general ROSP parameters (Art. 24.5, Annexe 25), every value
cited with the line of the consolidated accord that prints it.

Input: an indicator table (TSV, one row per indicator and table year: id, table_year,
rosp_variant, objectives as printed and as read, seuil, points, unit, source_table_lines, ...) and
the consolidated text, whose lines are quoted verbatim.  Run from the repository root:
    python3 tools/gen_rosp_params.py INDICATORS.tsv SEED_000.txt > params/50_rosp.json

Every value is cited on the line that prints it: the objectif cible of a table cell split over
lines is cited on its own line, not on the line of the objectif intermédiaire.  The antibiotic
indicator is kept in the unit the table prints (treatments per 100 patients).
"""
import csv
import json
import re
import sys
from fractions import Fraction

tsv, seed = sys.argv[1], sys.argv[2]
lines = open(seed, encoding="utf-8").read().split("\n")


def text(n):
    return lines[n - 1].strip()


def cite(n, quote=None, article="Art. 24.4", note=None):
    q = quote if quote is not None else text(n)
    assert q and q in lines[n - 1], (n, q)
    c = {"doc": "000", "article": article, "line": n, "quote": q[:120]}
    return c, note


def period(frm, to, value, c):
    cite_obj, note = c
    p = {"from": frm, "to": to, "value": value, "cite": cite_obj}
    if note:
        p["note"] = note
    return p


def per_100(s):
    """'20' treatments per 100 patients, kept as the table prints it."""
    f = Fraction(s)
    out = format(float(f), ".6f").rstrip("0").rstrip(".")
    assert Fraction(out) == f, s
    return out


def rate(s):
    """'60.5' (percent) -> exact fraction as a decimal string."""
    f = Fraction(s) / 100
    out = format(float(f), ".6f").rstrip("0").rstrip(".")
    assert Fraction(out) == f, s
    return out


rows = list(csv.DictReader(open(tsv, encoding="utf-8"), delimiter="\t"))

# table year -> (first day, last day or None, heading line of the table in Art. 24.4)
tables = {
    ("adult_mt_16_plus", "2018"): ("2018-01-01", "2018-12-31", 7423),
    ("adult_mt_16_plus", "2019"): ("2019-01-01", "2019-12-31", 7899),
    ("adult_mt_16_plus", "2020"): ("2020-01-01", None, 8408),
    ("child_mt_under_16", "2018"): ("2018-01-01", "2018-12-31", 8926),
    ("child_mt_under_16", "2019"): ("2019-01-01", None, 9190),
}


def heading_cite(n):
    # the first non-empty line from n: the table's title
    while not text(n):
        n += 1
    return cite(n)


def values_line(row):
    """The line of the table that prints the objectives (and usually the threshold and points)."""
    a, b = [int(x) for x in re.findall(r"\d+", row["source_table_lines"])[:2]]
    oi = row["objectif_intermediaire_printed"]
    for n in range(a, b + 1):
        if text(n).startswith(oi) or (" " + oi + " ") in (" " + text(n) + " "):
            return n
    raise SystemExit("no objectives line for %s %s" % (row["id"], row["table_year"]))


def target_line(row, n_values):
    """The line that prints the objectif cible: the values line, or a later line when the table
    cell is split over lines."""
    a, b = [int(x) for x in re.findall(r"\d+", row["source_table_lines"])[:2]]
    want = re.sub(r"^[^0-9]*", "", row["objectif_cible_printed"]).strip()
    for n in range(n_values, max(b, n_values + 8) + 1):
        if want and want in text(n):
            return n
    raise SystemExit("no target line for %s %s" % (row["id"], row["table_year"]))


def points_line(row, n_values):
    a, b = [int(x) for x in re.findall(r"\d+", row["source_table_lines"])[:2]]
    for n in range(n_values, b + 1):
        if text(n) and row["points"] in text(n).replace("(*)", "").split()[-1:]:
            return n
    raise SystemExit("no points line for %s %s" % (row["id"], row["table_year"]))


def threshold_quote(row, n_values, thr):
    # the threshold is printed on the values line ("71% ≥ 89% 5 patients 30") or just after it
    for n in range(n_values, n_values + 8):
        if str(thr) in text(n).split():
            return n
    raise SystemExit("no threshold for %s" % row["id"])


params = []


def add(pid, label, unit, values):
    params.append({"id": pid, "label": label, "unit": unit, "values": values})


def general():
    add("rosp.point_value", "Valeur du point ROSP", "eur",
        [period("2017-01-01", None, "7", cite(9486, "La valeur du point est fixée à 7 €", "Art. 24.5",
                                              "the 2022 slides (doc 001, l. 269) show the same value"))])
    add("rosp.reference_patientele.adult", "Patientèle moyenne de référence, patients de seize ans et plus",
        "patients", [period("2017-01-01", None, 800, cite(9470, "patientèle moyenne de 800 patients", "Art. 24.5"))])
    add("rosp.reference_patientele.child", "Patientèle moyenne de référence, patients de moins de 16 ans",
        "patients", [period("2017-01-01", None, 600, cite(9472, "et 600 patients pour", "Art. 24.5"))])
    add("rosp.rate_at_intermediate", "Taux de réalisation à l'objectif intermédiaire", "rate",
        [period("2017-01-01", None, "0.3", cite(20308, "qui correspond à un taux de réalisation de 30%", "Annexe 25 art. 1"))])
    add("rosp.rate_above_intermediate", "Part du taux de réalisation proportionnelle au progrès au-delà de l'objectif intermédiaire",
        "rate", [period("2017-01-01", None, "0.7", cite(20445, "Taux de réalisation = 30% + 70% x", "Annexe 25 art. 1"))])
    add("rosp.rate_at_target", "Taux de réalisation à l'objectif cible", "rate",
        [period("2017-01-01", None, "1", cite(20302, "qui une fois atteint correspond à un taux de réalisation de 100%", "Annexe 25 art. 1"))])
    add("rosp.declarative_initial_rate", "Taux de départ des indicateurs déclaratifs", "rate",
        [period("2017-01-01", None, "0", cite(7293, "est fixé à 0% pour les indicateurs déclaratifs", "Art. 24.2"))])
    for k, (v, n, q) in enumerate([("0.2", 7396, "- 20% la première année"),
                                   ("0.15", 7398, "- 15% la deuxième année"),
                                   ("0.05", 7400, "- 5% la troisième année")], start=1):
        add("rosp.new_centre.majoration.year%d" % k,
            "Majoration de la valeur du point, centre nouvellement créé, année %d d'ouverture" % k,
            "rate", [period("2017-01-01", None, v, cite(n, q, "Art. 24.3"))])
    add("rosp.new_centre.majoration_years", "Nombre d'années de la majoration des nouveaux installés",
        "years", [period("2017-01-01", None, 3, cite(7394, "dégressive pendant les trois premières années d’ouverture", "Art. 24.3"))])


    add("rosp.initial_rate_year", "Année au 31 décembre de laquelle est défini le taux de départ",
        "count", [period("2017-01-01", None, 2016, cite(7289, "31/12/2016 ou au 31/12 de l’année durant laquelle le seuil minimal requis", "Art. 24.2"))])
    add("rosp.safeguard.shortfall_threshold",
        "Clause de sauvegarde de la ROSP : baisse du montant global déclenchant le versement complémentaire",
        "rate", [period("2017-01-01", "2018-12-31", "0.1", cite(
            9534, "est inférieur de plus de 10% au montant versé respectivement au titre de l’année 2016",
            "Art. 24.6",
            "« Une clause de sauvegarde est mise en œuvre les deux premières années » (l. 9528): the ROSP of "
            "2017 and 2018 only; the national global amounts are supplied as national.rosp.global_amount"))])


general()

by_id = {}
for r in rows:
    by_id.setdefault(r["id"], []).append(r)

for ind, rs in by_id.items():
    variant = rs[0]["rosp_variant"]
    years = [y for (v, y) in tables if v == variant]
    label = rs[-1]["label_fr"]
    per = {"points": [], "intermediate": [], "target": [], "threshold": [], "declarative": []}
    printed = {"intermediate": [], "target": []}
    conv = rate if rs[0]["unit"] == "percent" else per_100
    for y in years:
        frm, to, head = tables[(variant, y)]
        r = next((x for x in rs if x["table_year"] == y), None)
        if r is None:
            c = heading_cite(head)
            c = (c[0], "not in this table: the indicator does not exist in %s%s" % (y, "" if to else " onwards"))
            for k in per:
                per[k].append(period(frm, to, None, c))
            continue
        nv = values_line(r)
        cv = cite(nv)
        npts = points_line(r, nv)
        note_pts = None
        if r["points"] == "0":
            note_pts = ("neutralised for 2018, its points redistributed within the volet (L7896-7898)"
                        if y == "2018" else
                        "listed with 0 points although removed from 1 January 2019 (Annexe 25); no payment")
        per["points"].append(period(frm, to, int(r["points"]), cite(npts, note=note_pts)))
        best_i, best_t = r["objectif_intermediaire_best_reading"], r["objectif_cible_best_reading"]
        pi, pt = r["objectif_intermediaire"], r["objectif_cible"]
        direction_note = None
        if r["direction"] == "lower_is_better" and "≤" not in r["objectif_cible_printed"]:
            direction_note = ("printed '%s' / '%s': decreasing indicator (cible below the objectif "
                              "intermédiaire), read as lower is better (Annexe 25 art. 1: the "
                              "objectives of a decreasing indicator are reached by going down)"
                              % (r["objectif_intermediaire_printed"], r["objectif_cible_printed"]))
        if "(?)" in best_i:
            direction_note = "printed '75% 100%' without a comparison sign: read objectif intermédiaire 75 %, cible 100 %"
        best_i, best_t = best_i.replace("(?)", "").strip(), best_t.replace("(?)", "").strip()
        if (best_i, best_t) != (pi, pt):
            # the 2020 adult table reprints 2018 values: best reading = the 2019 table's values
            r19 = next(x for x in rs if x["table_year"] == "2019")
            n19 = values_line(r19)
            note = ("2020 table (L%d) reprints the 2018 values %s / %s of an indicator whose "
                    "definition changed in 2019; default reading rosp_2020_adult_table=best_reading "
                    "keeps the 2019 values"
                    % (nv, r["objectif_intermediaire_printed"], r["objectif_cible_printed"]))
            per["intermediate"].append(period(frm, to, conv(best_i), cite(n19, note=note)))
            per["target"].append(period(frm, to, conv(best_t), cite(target_line(r19, n19), note=note)))
            printed["intermediate"].append(period(frm, to, conv(pi), cite(nv, note="as printed in the 2020 table")))
            printed["target"].append(period(frm, to, conv(pt), cite(target_line(r, nv), note="as printed in the 2020 table")))
        else:
            per["intermediate"].append(period(frm, to, conv(pi), (cv[0], direction_note)))
            per["target"].append(period(frm, to, conv(pt), (cite(target_line(r, nv))[0], direction_note)))
        thr = int(re.match(r"\d+", r["seuil_minimal"]).group(0))
        nt = threshold_quote(r, nv, thr)
        per["threshold"].append(period(frm, to, thr, cite(nt, note="seuil minimal: %s" % r["seuil_minimal"])))
        decl = r["computed_by"] == "declared_by_centre"
        per["declarative"].append(period(frm, to, decl, cite(
            int(re.findall(r"\d+", r["source_table_lines"])[0]),
            note="declarative indicator (déclaratif): taux de départ 0 % (Art. 24.2)" if decl
            else "computed by the Assurance Maladie from reimbursement data (Art. 24.2)")))
    unit_note = " (traitements pour 100 patients)" if rs[0]["unit"] != "percent" else ""
    obj_unit = "rate" if rs[0]["unit"] == "percent" else "count"
    add("rosp.%s.points" % ind, label + " — points", "points", per["points"])
    add("rosp.%s.intermediate" % ind, label + " — objectif intermédiaire" + unit_note, obj_unit, per["intermediate"])
    add("rosp.%s.target" % ind, label + " — objectif cible" + unit_note, obj_unit, per["target"])
    add("rosp.%s.threshold" % ind, label + " — seuil minimal", "count", per["threshold"])
    add("rosp.%s.declarative" % ind, label + " — indicateur déclaratif", "bool", per["declarative"])
    if printed["intermediate"]:
        add("rosp.%s.intermediate_as_printed" % ind, label + " — objectif intermédiaire tel qu'imprimé (2020)", "rate", printed["intermediate"])
        add("rosp.%s.target_as_printed" % ind, label + " — objectif cible tel qu'imprimé (2020)", "rate", printed["target"])

json.dump({"ancre_params": 1, "parameters": params}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
