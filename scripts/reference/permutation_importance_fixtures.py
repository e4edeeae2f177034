#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' permutation importance: scikit-learn's
`permutation_importance` on zoo models, run through onnxruntime so the model function is the one
Plexus runs.

Each case takes a zoo file of scripts/reference/onnx_zoo.py and 60 of its training rows with
their targets, wraps the file in an estimator whose `predict` is onnxruntime's (labels, or
values), and records `sklearn.inspection.permutation_importance(estimator, X, y, scoring=…,
n_repeats=4, random_state=SEED)`: the baseline score and every feature's score drop per repeat.
scikit-learn draws one seed and gives it to every column, and each repeat shuffles the running
index array again and permutes the column already permuted; beside the numbers the document
records the index array after each shuffle (`shuffles`), and the script re-computes every score
with them and exits 1 unless they equal scikit-learn's, so the Swift tests can replay the same
permutations and must agree: label scores to rounding (1e-12), value scores within 1e-6 of the
score's size (Plexus's values equal onnxruntime's within 1e-6, not always bit for bit).

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/permutation_importance_fixtures.py --out Tests/PlexusModelsTests/Fixtures/permutation_importance.json
    python scripts/reference/permutation_importance_fixtures.py --check Tests/PlexusModelsTests/Fixtures/permutation_importance.json
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

import numpy as np
import onnxruntime as ort
from sklearn.base import BaseEstimator
from sklearn.inspection import permutation_importance
from sklearn.metrics import get_scorer
from sklearn.utils import check_random_state

import fixture_cli
from onnx_zoo import CASES, ZOO, problem

SEED = 20261207
TOLERANCE = 1e-9
ROWS = 60
REPEATS = 4
# (zoo case, scoring): classifiers by accuracy (numbers and named classes), regressors by r2 and errors.
SELECTED = [("logistic_multiclass", "accuracy"), ("random_forest", "accuracy"), ("named_class_logistic", "accuracy"),
            ("gradient_boosting_binary", "balanced_accuracy"), ("linear_regression", "r2"),
            ("random_forest_regression", "neg_mean_squared_error"), ("mlp_regression", "neg_mean_absolute_error")]


class ONNXEstimator(BaseEstimator):
    """A fitted estimator whose predictions are onnxruntime's on a zoo file."""

    def __init__(self, path: str = "", task: str = "binary"):
        self.path = path
        self.task = task

    def fit(self, x, y):
        if self.task != "regression":
            self.classes_ = np.unique(y)
        return self

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.estimator_type = "regressor" if self.task == "regression" else "classifier"
        return tags

    def predict(self, x):
        with open(self.path, "rb") as handle:
            session = ort.InferenceSession(handle.read(), providers=["CPUExecutionProvider"])
        result = session.run(None, {"X": np.asarray(x, dtype=np.float32)})
        return np.asarray(result[0]).reshape(-1)


def shuffles(rows: int) -> list[list[int]]:
    """The index array after each of scikit-learn's shuffles, as it draws them for every column."""
    seed = check_random_state(SEED).randint(np.iinfo(np.int32).max + 1)
    state = check_random_state(seed)
    index = np.arange(rows)
    recorded = []
    for _ in range(REPEATS):
        state.shuffle(index)
        recorded.append([int(i) for i in index])
    return recorded


def replayed(estimator, x, y, scoring: str, order: list[list[int]]) -> np.ndarray:
    """Every feature's permuted scores, recomputed from the recorded shuffles."""
    scorer = get_scorer(scoring)
    scores = np.zeros((x.shape[1], REPEATS))
    for column in range(x.shape[1]):
        permuted = x.copy()
        for repeat, index in enumerate(order):
            permuted[:, column] = permuted[np.asarray(index), column]
            scores[column, repeat] = scorer(estimator, permuted, y)
    return scores


def build() -> dict:
    cases, problems = [], []
    order = shuffles(ROWS)
    for name, scoring in SELECTED:
        task = next(task for case, task, _, _ in CASES if case == name)
        train_x, train_y, _ = problem(task)
        x, y = train_x[:ROWS].copy(), train_y[:ROWS]
        estimator = ONNXEstimator(os.path.join(ZOO, f"{name}.onnx"), task).fit(x, y)
        result = permutation_importance(estimator, x, y, scoring=scoring, n_repeats=REPEATS, random_state=SEED)
        baseline = float(get_scorer(scoring)(estimator, x, y))
        again = baseline - replayed(estimator, x, y, scoring, order)
        if not np.allclose(again, result.importances, rtol=0, atol=1e-12):
            problems.append(f"{name}: replaying the recorded shuffles does not give scikit-learn's importances")
        cases.append({
            "name": name, "file": f"zoo/{name}.onnx", "task": task, "scoring": scoring,
            "rows": [[float(v) for v in row] for row in x],
            "targets": [v if isinstance(v, str) else (float(v) if task == "regression" else int(v)) for v in y.tolist()],
            "baseline": baseline,
            "importances": [[float(v) for v in feature] for feature in result.importances],
            "importances_mean": [float(v) for v in result.importances_mean],
            "importances_std": [float(v) for v in result.importances_std],
        })
    if problems:
        sys.exit("\n".join(problems))
    return {"versions": {name: version(name) for name in ["scikit-learn", "onnxruntime", "numpy"]},
            "seed": SEED, "repeats": REPEATS, "shuffles": order, "cases": cases}


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
