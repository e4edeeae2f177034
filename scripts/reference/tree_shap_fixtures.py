#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' TreeSHAP: shap.TreeExplainer's values for the zoo's tree
models, computed on the original scikit-learn, XGBoost and LightGBM models.

Each case re-trains one tree model of scripts/reference/onnx_zoo.py (same seeds, same data),
checks that the committed zoo file gives the re-trained model's predictions (so the ONNX trees
are the trees shap explains), and records shap's values for 20 held-out rows:

- tree_path_dependent, with node covers counted from the 200 training rows
  (`shap.TreeExplainer(model, data=Independent(train, max_samples=200), feature_perturbation="tree_path_dependent")`);
- interventional, against the first 50 training rows; beside shap's values, the exact values by
  their definition (all 64 coalitions enumerated, each valued by scikit-learn's own predictions
  averaged over the background), and the rows where shap departs from them;
- for binary boosted models, interventional again with model_output="probability" (each
  background row's values rescaled into probability space).

The background of a case is the first `background_rows` of its model's `training_rows`.
Values are stored as values[row][output][feature] with the base value of each output; shap's
output space is the model family's (probabilities for forests and single trees, log-odds or raw
class scores for gradient boosting, XGBoost and LightGBM, values for regressors). The Swift tests compute the same
from the ONNX files and must agree within 1e-6 × max(1, |model output|): the ONNX file stores
leaf weights and thresholds as float32, so agreement is relative to the size of the output.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/tree_shap_fixtures.py --out Tests/PlexusModelsTests/Fixtures/tree_shap.json
    python scripts/reference/tree_shap_fixtures.py --check Tests/PlexusModelsTests/Fixtures/tree_shap.json
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

import itertools
import math

import numpy as np
import onnxruntime as ort
import shap

import fixture_cli
from onnx_zoo import BOOSTED, CASES, ZOO, problem

TOLERANCE = 1e-9
EXPLAINED_ROWS = 20
INTERVENTIONAL_BACKGROUND = 50
# shap 0.48 explains GradientBoostingClassifier for two classes only, so the multi-class one is left out.
TREE_CASES = ["decision_tree", "random_forest", "gradient_boosting_binary",
              "extra_trees", "named_class_forest", "random_forest_regression"] + [name for name, _, _ in BOOSTED]
# Binary boosted models, whose log-odds shap also explains in probability space (model_output="probability").
PROBABILITY_CASES = ["gradient_boosting_binary", "xgboost_binary", "lightgbm_binary"]


def predictions(model, rows: np.ndarray, task: str) -> np.ndarray:
    return model.predict(rows).reshape(-1, 1) if task == "regression" else model.predict_proba(rows)


def onnx_predictions(name: str, rows: np.ndarray, task: str) -> np.ndarray:
    with open(os.path.join(ZOO, f"{name}.onnx"), "rb") as handle:
        session = ort.InferenceSession(handle.read(), providers=["CPUExecutionProvider"])
    result = session.run(None, {"X": rows})
    return np.asarray(result[0]).reshape(-1, 1) if task == "regression" else np.asarray(result[1])


def raw_outputs(model, rows: np.ndarray, task: str) -> np.ndarray:
    """The model's outputs in shap's space, (rows, outputs): probabilities, log-odds or values."""
    if task == "regression":
        return model.predict(rows).reshape(-1, 1)
    if type(model).__name__.startswith("GradientBoosting"):
        return np.asarray(model.decision_function(rows)).reshape(len(rows), -1)
    if type(model).__name__.startswith("XGB"):
        return np.asarray(model.predict(rows, output_margin=True)).reshape(len(rows), -1)
    if type(model).__name__.startswith("LGBM"):
        return np.asarray(model.predict(rows, raw_score=True)).reshape(len(rows), -1)
    return model.predict_proba(rows)


def exact_interventional(model, rows: np.ndarray, background: np.ndarray, task: str) -> list:
    """Interventional Shapley values by their definition: every coalition S enumerated, the value
    of S the mean output over the background rows with S's features taken from the explained row.
    Returned as [row][output][feature]."""
    features = rows.shape[1]
    coalitions = [np.array(mask, dtype=bool) for mask in itertools.product([False, True], repeat=features)]
    result = []
    for row in rows:
        value = {mask.tobytes(): raw_outputs(model, np.where(mask, row, background).astype(np.float32), task).mean(0) for mask in coalitions}
        phi = np.zeros((len(next(iter(value.values()))), features))
        for mask in coalitions:
            size = int(mask.sum())
            for feature in range(features):
                if mask[feature]:
                    without = mask.copy()
                    without[feature] = False
                    weight = math.factorial(size - 1) * math.factorial(features - size) / math.factorial(features)
                    phi[:, feature] += weight * (value[mask.tobytes()] - value[without.tobytes()])
        result.append([[float(v) for v in output] for output in phi])
    return result


def by_output(values) -> list:
    """shap's (rows, features[, outputs]) as [row][output][feature]."""
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 2:
        array = array[:, :, np.newaxis]
    return [[[float(v) for v in array[row, :, output]] for output in range(array.shape[2])] for row in range(array.shape[0])]


def build() -> dict:
    cases, problems, training = [], [], {}
    for name, task, make in [(name, task, make) for name, task, make, _ in CASES] + BOOSTED:
        if name not in TREE_CASES:
            continue
        train_x, train_y, test_x = problem(task)
        model = make().fit(train_x, train_y)
        rows = test_x[:EXPLAINED_ROWS]
        training[name] = [[float(v) for v in row] for row in train_x]
        ours, theirs = predictions(model, rows, task), onnx_predictions(name, rows, task)
        scale = max(1.0, float(np.abs(ours).max()))
        if not np.allclose(ours, theirs, rtol=0, atol=1e-5 * scale):
            problems.append(f"zoo/{name}.onnx no longer predicts as the re-trained {name} (largest difference {np.abs(ours - theirs).max():.3g})")
        runs = [("tree_path_dependent", train_x, "raw"), ("interventional", train_x[:INTERVENTIONAL_BACKGROUND], "raw")]
        if name in PROBABILITY_CASES:
            runs.append(("interventional", train_x[:INTERVENTIONAL_BACKGROUND], "probability"))
        for perturbation, background, model_output in runs:
            # An Independent masker with max_samples = every row: given a bare array, shap keeps a sample of 100.
            masker = shap.maskers.Independent(background, max_samples=len(background))
            explainer = shap.TreeExplainer(model, data=masker, feature_perturbation=perturbation, model_output=model_output)
            values = explainer.shap_values(rows)
            base = np.atleast_1d(np.asarray(explainer.expected_value, dtype=np.float64))
            explained = by_output(values)
            outputs = [[base[o] + sum(explained[r][o]) for o in range(len(base))] for r in range(len(explained))]
            extra = {}
            if perturbation == "interventional" and model_output == "raw":
                exact = exact_interventional(model, rows, background, task)
                extra["exact_values"] = exact
                # Rows where shap's own algorithm departs from the enumeration (shap 0.48 does on one row of random_forest).
                extra["rows_where_shap_departs"] = [
                    r for r in range(len(rows))
                    if max(abs(a - b) for o in range(len(exact[r])) for a, b in zip(exact[r][o], explained[r][o])) > 1e-6 * scale
                ]
                extra["largest_shap_departure"] = max(abs(a - b) for r in range(len(rows)) for o in range(len(exact[r]))
                                                      for a, b in zip(exact[r][o], explained[r][o]))
            cases.append({
                "name": name, "file": f"zoo/{name}.onnx", "perturbation": perturbation, "model_output": model_output,
                "rows": [[float(v) for v in row] for row in rows],
                "background_rows": len(background),
                "base_values": [float(v) for v in base],
                "values": explained,
                "tolerance": 1e-6 * max(1.0, max(abs(v) for row in outputs for v in row)),
                **extra,
            })
    if problems:
        sys.exit("\n".join(problems))
    return {"versions": {name: version(name) for name in ["shap", "scikit-learn", "xgboost-cpu", "lightgbm", "onnxruntime", "numpy"]},
            "training_rows": training, "cases": cases}


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
