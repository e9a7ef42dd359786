#!/usr/bin/env python3
"""Measures, offline, whether a statistical second reader beside the lexicon would read more of
the narrative corpus (issue 9). Nothing here ships: the program has no such reader yet.

For each value of the list facts (incident_types, bases, communities, settings, wants) that the
tuning corpus expects at least 8 times, a logistic regression on character 3-5-grams of the
folded text (lowercase, marks removed, đ -> d: what typing without marks leaves) is trained on
`Corpus/` only. Its values are added to what `crs-intake screen` reads (the `extracted` facts)
when its probability reaches a threshold. The tuning figure is by 5-fold cross-validation; the
held-out part is only scored, never trained on, and only totals are printed (no text, no id).

    pip install scikit-learn pyyaml
    python3 Tools/second-reader/measure.py [path/to/crs-intake]

Prints, for the reader alone and for each threshold: the share of descriptions with every
expected fact read, and the share with a wrong fact (a trap listed under `must_not`), for the
tuning part and the held-out part, as the corpus tests count them.
"""
import glob
import json
import os
import subprocess
import sys
import unicodedata

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(os.path.dirname(HERE))
NARRATIVES = os.path.join(PACKAGE, "Tests", "IntakeCoreTests", "Narrative")
LIST_FACTS = ["incident_types", "bases", "communities", "settings", "wants"]
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9]


def load(part):
    """The descriptions of one part (`Corpus` or `HeldOut`), answers left out."""
    found = []
    for path in sorted(glob.glob(os.path.join(NARRATIVES, part, "*.yaml"))):
        if os.path.basename(path).startswith("answers"):
            continue
        with open(path, encoding="utf-8") as file:
            found += yaml.safe_load(file).get("narratives") or []
    return found


def extracted(binary, descriptions):
    """What the program reads in each description, by `screen`."""
    lines = "".join(
        json.dumps({"narrative": d["text"], "language": "en" if d.get("language") == "en" else "vi"}) + "\n"
        for d in descriptions)
    run = subprocess.run([binary, "screen", "--format", "jsonl"], input=lines.encode(), capture_output=True, check=False)
    outcomes = [json.loads(line) for line in run.stdout.decode().splitlines() if line.strip()]
    if len(outcomes) != len(descriptions):
        sys.exit(f"screen returned {len(outcomes)} outcomes for {len(descriptions)} descriptions")
    return [outcome.get("extracted") or {} for outcome in outcomes]


def fold(text):
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def as_list(value):
    return value if isinstance(value, list) else [value]


def plain(value):
    return str(value).lower().replace(".", "")


def score(descriptions, readings):
    """(share with every expected fact, share with a wrong fact), as NarrativeCorpus counts."""
    complete = with_wrong = 0
    for description, read in zip(descriptions, readings):
        ok, wrong = True, 0
        for fact, want in (description.get("must") or {}).items():
            got = read.get(fact)
            if got is None:
                ok = False
            elif isinstance(got, list):
                ok = ok and set(as_list(want)) <= set(got)
            elif plain(want) != plain(got):
                ok, wrong = False, wrong + 1
        for fact, bad in (description.get("must_not") or {}).items():
            got = read.get(fact)
            if got is None:
                continue
            if isinstance(got, list):
                wrong += bool(set(as_list(bad)) & set(got))
            else:
                wrong += bad is None or plain(bad) == plain(got)
        complete += ok
        with_wrong += wrong > 0
    return complete / len(descriptions), with_wrong / len(descriptions)


def labels(descriptions):
    """Per (fact, value) expected at least 8 times: 1 where the description expects it."""
    found = {}
    for fact in LIST_FACTS:
        values = sorted({v for d in descriptions for v in as_list((d.get("must") or {}).get(fact, []))})
        for value in values:
            y = np.array([value in as_list((d.get("must") or {}).get(fact, [])) for d in descriptions], dtype=int)
            if y.sum() >= 8:
                found[(fact, value)] = y
    return found


def vectorizer():
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)


def classifier():
    return LogisticRegression(C=4, max_iter=2000, class_weight="balanced")


def with_second_reader(readings, probabilities, threshold):
    combined = []
    for i, read in enumerate(readings):
        read = dict(read)
        for (fact, value), p in probabilities.items():
            if p[i] >= threshold and fact not in read:
                read[fact] = sorted(set(read.get(fact, [])) | {value})
        combined.append(read)
    return combined


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(PACKAGE, ".build", "debug", "crs-intake")
    tuning, held_out = load("Corpus"), load("HeldOut")
    read_tuning, read_held_out = extracted(binary, tuning), extracted(binary, held_out)
    x_tuning = [fold(d["text"]) for d in tuning]
    x_held_out = [fold(d["text"]) for d in held_out]
    targets = labels(tuning)

    cross = {key: np.zeros(len(tuning)) for key in targets}
    for train, test in KFold(5, shuffle=True, random_state=1).split(x_tuning):
        vec = vectorizer().fit([x_tuning[i] for i in train])
        a, b = vec.transform([x_tuning[i] for i in train]), vec.transform([x_tuning[i] for i in test])
        for key, y in targets.items():
            if y[train].sum() >= 3:
                cross[key][test] = classifier().fit(a, y[train]).predict_proba(b)[:, 1]
    vec = vectorizer().fit(x_tuning)
    a, b = vec.transform(x_tuning), vec.transform(x_held_out)
    held = {key: classifier().fit(a, y).predict_proba(b)[:, 1] for key, y in targets.items()}

    print(f"{len(tuning)} tuning and {len(held_out)} held-out descriptions; {len(targets)} values modelled")
    print("| reader | threshold | tuning complete | tuning with a wrong fact | held-out complete | held-out with a wrong fact |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    t, h = score(tuning, read_tuning), score(held_out, read_held_out)
    print(f"| lexicon alone | | {t[0]:.1%} | {t[1]:.1%} | {h[0]:.1%} | {h[1]:.1%} |")
    for threshold in THRESHOLDS:
        t = score(tuning, with_second_reader(read_tuning, cross, threshold))
        h = score(held_out, with_second_reader(read_held_out, held, threshold))
        print(f"| with the second reader | {threshold} | {t[0]:.1%} | {t[1]:.1%} | {h[0]:.1%} | {h[1]:.1%} |")


if __name__ == "__main__":
    main()
