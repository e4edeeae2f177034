#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' classification metrics.

Generates ~40 deterministic cases (fixed numpy seed) and records, for each, the inputs
(actual, predicted, labels or null) and what the reference libraries compute:

* scikit-learn: confusion_matrix, accuracy_score, precision_recall_fscore_support
  (per class with labels=, and average macro/micro/weighted, zero_division=0),
  specificity tn/(tn+fp) per class from multilabel_confusion_matrix and its
  macro/micro/weighted averages (weighted by support, as average='weighted' does),
  cohen_kappa_score(replace_undefined_by=0.0) and matthews_corrcoef.
* Gwet's AC1 from irrCAC (irrCAC.raw.CAC(ratings, categories=labels).gwet()), with
  q = the number of labels of the matrix (passed as categories). Every value irrCAC gives
  is cross-checked against the closed form computed here with numpy:
      pa = trace/n, pi_k = (rowSum_k + colSum_k)/(2n),
      pe = 1/(q-1) * sum_k pi_k (1 - pi_k), AC1 = (pa - pe)/(1 - pe).
  irrCAC cannot compute n = 1 (its variance divides by n - 1); for those cases the
  numpy closed form is the reference. For q = 1 the closed form divides by zero and
  irrCAC substitutes pe = 1 - 1e-15, which yields exactly 1.0 (pa is always 1 then);
  the fixtures record that 1.0, also for n = 1.

Cases whose explicit labels omit a label that occurs in the data: confusion_matrix(labels=)
drops those pairs, and PlexusStats computes every metric from the matrix. The other
references are therefore computed on the kept pairs (accuracy_score and matthews_corrcoef
take no labels, and precision_recall_fscore_support would count a dropped pair as a false
positive of its kept predicted label).

Where scikit-learn refuses to compute (empty input raises ValueError), the fixture holds
PlexusStats' documented convention (every count and score 0) and says so in `notes`.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/metrics_fixtures.py --out Tests/PlexusStatsTests/Fixtures/metrics.json
    python scripts/reference/metrics_fixtures.py --check Tests/PlexusStatsTests/Fixtures/metrics.json
--check regenerates in memory and exits 1 if any number differs from the file by more than
1e-12 (or any input, label or count differs at all).
"""

from __future__ import annotations

import sys
import warnings
from importlib.metadata import version

import numpy as np
import pandas as pd
from irrCAC.raw import CAC
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    cohen_kappa_score,
    confusion_matrix,
    matthews_corrcoef,
    multilabel_confusion_matrix,
    precision_recall_fscore_support,
)

import fixture_cli  # the shared --out / --check command line

SEED = 20240611
TOLERANCE = 1e-12
AVERAGES = ("macro", "micro", "weighted")


# ---------------------------------------------------------------------------- references


def resolved_labels(actual: list[str], predicted: list[str], labels: list[str] | None) -> list[str]:
    """The matrix's label order: the given labels, or the sorted union (sklearn's unique_labels)."""
    if labels is not None:
        return list(labels)
    return sorted(set(actual) | set(predicted))


def ac1_closed_form(matrix: np.ndarray) -> float:
    """Gwet's AC1 for two raters from the formula, with q = the matrix's number of labels."""
    n = matrix.sum()
    q = matrix.shape[0]
    if n == 0:
        return 0.0
    pa = np.trace(matrix) / n
    if q < 2:
        return 1.0  # irrCAC's convention for a single category (see module docstring)
    pi = (matrix.sum(axis=1) + matrix.sum(axis=0)) / (2.0 * n)
    pe = float(np.sum(pi * (1.0 - pi))) / (q - 1)
    return float((pa - pe) / (1.0 - pe))


def ac1_irrcac(actual: list[str], predicted: list[str], labels: list[str]) -> float | None:
    """AC1 from irrCAC, or None where irrCAC cannot compute it (n < 2)."""
    if len(actual) < 2:
        return None
    ratings = pd.DataFrame({"actual": actual, "predicted": predicted})
    # digits=30 keeps irrCAC's final np.round from rounding away anything that matters.
    result = CAC(ratings, categories=list(labels), digits=30).gwet()
    return float(result["est"]["coefficient_value"])


def averaged_specificity(tn: np.ndarray, fp: np.ndarray, support: np.ndarray) -> dict[str, float]:
    """Macro, micro and support-weighted averages of per-class specificity, zero_division=0."""
    per_class = np.divide(tn, tn + fp, out=np.zeros(len(tn)), where=(tn + fp) > 0)
    macro = float(np.mean(per_class)) if len(per_class) else 0.0
    micro = float(tn.sum() / (tn + fp).sum()) if (tn + fp).sum() > 0 else 0.0
    weighted = float(np.average(per_class, weights=support)) if support.sum() > 0 else 0.0
    return {"per_class": per_class, "macro": macro, "micro": micro, "weighted": weighted}


def conventional_expectation(labels: list[str]) -> dict:
    """PlexusStats' documented values where scikit-learn raises (empty input)."""
    q = len(labels)
    zeros = [0.0] * q
    average = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 0.0}
    return {
        "labels": labels,
        "confusionMatrix": [[0] * q for _ in range(q)],
        "total": 0,
        "accuracy": 0.0,
        "perClass": {"precision": zeros, "recall": zeros, "f1": zeros, "specificity": zeros, "support": [0] * q},
        "macro": dict(average),
        "micro": dict(average),
        "weighted": dict(average),
        "cohensKappa": 0.0,
        "matthewsCorrelation": 0.0,
        "gwetsAC1": 0.0,
    }


def reference(actual: list[str], predicted: list[str], labels: list[str] | None) -> tuple[dict, list[str]]:
    """Every expected value for one case, and notes on where a convention stands in."""
    order = resolved_labels(actual, predicted, labels)
    if not actual:
        return conventional_expectation(order), [
            "empty input: scikit-learn raises ValueError; values are PlexusStats' convention (all 0)"
        ]

    notes: list[str] = []
    matrix = confusion_matrix(actual, predicted, labels=order)
    kept = set(order)
    pairs = [(a, p) for a, p in zip(actual, predicted) if a in kept and p in kept]
    if len(pairs) != len(actual):
        notes.append(f"labels drop {len(actual) - len(pairs)} pairs; references use the kept pairs")
    y_true = np.array([a for a, _ in pairs])
    y_pred = np.array([p for _, p in pairs])
    assert np.array_equal(matrix, confusion_matrix(y_true, y_pred, labels=order))

    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=order, average=None, zero_division=0
    )
    mcm = multilabel_confusion_matrix(y_true, y_pred, labels=order)
    tn, fp = mcm[:, 0, 0], mcm[:, 0, 1]
    specificity = averaged_specificity(tn, fp, support)

    averages = {}
    for average in AVERAGES:
        p, r, f, _ = precision_recall_fscore_support(
            y_true, y_pred, labels=order, average=average, zero_division=0
        )
        averages[average] = {"precision": p, "recall": r, "f1": f, "specificity": specificity[average]}

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UndefinedMetricWarning)
        kappa = cohen_kappa_score(y_true, y_pred, labels=order, replace_undefined_by=0.0)
    if any(issubclass(w.category, UndefinedMetricWarning) for w in caught):
        notes.append("cohen_kappa_score undefined; replace_undefined_by=0.0")

    mcc = matthews_corrcoef(y_true, y_pred)
    closed = ac1_closed_form(matrix)
    from_irrcac = ac1_irrcac(list(y_true), list(y_pred), order)
    if from_irrcac is None:
        notes.append("AC1 from the numpy closed form (irrCAC needs n >= 2)")
        ac1 = closed
    else:
        if abs(from_irrcac - closed) > 1e-13:
            raise SystemExit(f"irrCAC AC1 {from_irrcac!r} disagrees with the closed form {closed!r}")
        ac1 = from_irrcac
    if len(order) < 2:
        notes.append("AC1 with q = 1: irrCAC's single-category convention gives 1.0")

    expected = {
        "labels": order,
        "confusionMatrix": matrix.tolist(),
        "total": int(matrix.sum()),
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "perClass": {
            "precision": [float(x) for x in precision],
            "recall": [float(x) for x in recall],
            "f1": [float(x) for x in f1],
            "specificity": [float(x) for x in specificity["per_class"]],
            "support": [int(x) for x in support],
        },
        "macro": {k: float(v) for k, v in averages["macro"].items()},
        "micro": {k: float(v) for k, v in averages["micro"].items()},
        "weighted": {k: float(v) for k, v in averages["weighted"].items()},
        "cohensKappa": float(kappa),
        "matthewsCorrelation": float(mcc),
        "gwetsAC1": float(ac1),
    }
    return expected, notes


# ---------------------------------------------------------------------------- cases


def noisy(rng: np.random.Generator, actual: list[str], classes: list[str], accuracy: float) -> list[str]:
    """Predictions that copy `actual` with probability `accuracy`, else a uniform class."""
    keep = rng.random(len(actual)) < accuracy
    guesses = rng.choice(classes, size=len(actual))
    return [a if k else str(g) for a, k, g in zip(actual, keep, guesses)]


def draw(rng: np.random.Generator, classes: list[str], n: int, weights: list[float] | None = None) -> list[str]:
    """n labels drawn from classes, uniformly or with the given weights."""
    p = None if weights is None else np.array(weights) / np.sum(weights)
    return [str(x) for x in rng.choice(classes, size=n, p=p)]


def cases() -> list[dict]:
    """The fixture cases, in a fixed order from a fixed seed."""
    rng = np.random.default_rng(SEED)
    out: list[dict] = []

    def add(name: str, actual: list[str], predicted: list[str], labels: list[str] | None = None) -> None:
        out.append({"name": name, "actual": list(actual), "predicted": list(predicted), "labels": labels})

    binary = ["neg", "pos"]
    a = draw(rng, binary, 100)
    add("binary balanced, 80% copied", a, noisy(rng, a, binary, 0.8))
    a = draw(rng, binary, 200, [95, 5])
    add("binary 95/5 skew", a, noisy(rng, a, binary, 0.7))
    a = draw(rng, binary, 500, [99, 1])
    add("binary 99/1 skew", a, noisy(rng, a, binary, 0.9))
    a = draw(rng, binary, 60, [3, 1])
    add("binary, positive never predicted", a, ["neg"] * len(a))
    a = draw(rng, binary, 60, [1, 3])
    add("binary, everything predicted positive", a, ["pos"] * len(a))
    a = draw(rng, ["no", "yes"], 80, [2, 1])
    add("binary, explicit labels yes before no", a, noisy(rng, a, ["no", "yes"], 0.6), ["yes", "no"])
    a = draw(rng, binary, 120)
    add("binary, predictions independent of truth", a, draw(rng, binary, 120))
    add("binary, kappa negative", ["neg", "pos", "neg", "pos"], ["pos", "neg", "neg", "neg"])

    for q in (3, 4, 5, 6):
        classes = [f"c{i}" for i in range(q)]
        for accuracy in (0.85, 0.35):
            n = int(rng.integers(40, 300))
            a = draw(rng, classes, n, list(rng.uniform(0.5, 3.0, size=q)))
            add(f"{q} classes, {int(accuracy * 100)}% copied", a, noisy(rng, a, classes, accuracy))

    animals = ["cat", "dog", "emu"]
    a = draw(rng, animals, 50)
    add("perfect agreement, 3 classes", a, a)
    a = draw(rng, binary, 30)
    add("perfect agreement, binary", a, a)
    a = draw(rng, binary, 40)
    add("all wrong, binary", a, ["pos" if x == "neg" else "neg" for x in a])
    a = draw(rng, animals, 45)
    add("all wrong, 3 classes cyclic", a, [animals[(animals.index(x) + 1) % 3] for x in a])
    a = draw(rng, animals, 90)
    add("class emu never predicted", a, [x if x != "emu" else str(rng.choice(["cat", "dog"])) for x in a])
    a = draw(rng, ["cat", "dog"], 70)
    add("class emu predicted but never occurs", a, noisy(rng, a, animals, 0.7))
    a = draw(rng, animals, 75)
    add("constant prediction, 3 classes", a, ["dog"] * len(a))
    a = draw(rng, animals, 300, [90, 7, 3])
    add("dominant class, kappa paradox", a, noisy(rng, a, animals, 0.9))

    add("single class", ["only"] * 12, ["only"] * 12)
    add("single class, explicit second label", ["a"] * 7, ["a"] * 7, ["a", "b"])
    add("one item, correct", ["x"], ["x"])
    add("one item, wrong", ["x"], ["y"])
    add("two items, two classes, both right", ["x", "y"], ["x", "y"])
    add("three items", ["a", "b", "a"], ["a", "a", "b"])
    add("empty input", [], [])
    add("empty input, explicit labels", [], [], ["a", "b"])

    classes = ["red", "green", "blue", "amber"]
    a = draw(rng, classes, 5000, [4, 3, 2, 1])
    add("large n=5000, 4 classes", a, noisy(rng, a, classes, 0.6))
    a = draw(rng, binary, 5000, [7, 3])
    add("large n=5000, binary", a, noisy(rng, a, binary, 0.75))

    a = draw(rng, animals, 60)
    add("explicit labels with an absent one", a, noisy(rng, a, animals, 0.7), ["cat", "dog", "emu", "fox"])
    a = draw(rng, ["cat", "dog", "emu", "fox"], 80)
    add("explicit labels drop a class", a, noisy(rng, a, ["cat", "dog", "emu", "fox"], 0.6), ["emu", "cat", "dog"])
    a = draw(rng, animals, 40)
    add("explicit labels, reversed order", a, noisy(rng, a, animals, 0.7), ["emu", "dog", "cat"])

    unicode = ["Zebra", "apple", "café", "Éclair", "日本"]
    a = draw(rng, unicode, 100)
    add("unicode and mixed-case labels sort by code point", a, noisy(rng, a, unicode, 0.7))
    numeric = ["1", "10", "2"]
    a = draw(rng, numeric, 50)
    add("numeric-looking labels sort as strings", a, noisy(rng, a, numeric, 0.5))
    a = draw(rng, [f"k{i}" for i in range(12)], 400)
    add("12 classes", a, noisy(rng, a, [f"k{i}" for i in range(12)], 0.5))
    a = draw(rng, animals, 20)
    add("uniform random predictions, 3 classes", a, draw(rng, animals, 20))
    return out


def build() -> dict:
    """The whole fixture document."""
    documents = []
    for case in cases():
        expected, notes = reference(case["actual"], case["predicted"], case["labels"])
        documents.append({**case, "expected": expected, "notes": notes})
    return {
        "generator": "scripts/reference/metrics_fixtures.py",
        "seed": SEED,
        "versions": {name: version(name) for name in ("scikit-learn", "irrCAC", "numpy", "pandas")},
        "cases": documents,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
