#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' LIME: lime's LimeTabularExplainer on the zoo's logistic
regressions, with onnxruntime running the ONNX file as the model function.

lime draws its samples from NumPy's generator in its own order, so no other implementation can
reproduce its weights bit for bit; what must agree is what the weights say. Each case explains
50 held-out rows with lime's defaults (quartile discretizer over the 200 training rows, kernel
width 0.75·√6, 5,000 samples, weighted Ridge(alpha=1)), every feature kept, for one class, and
records each row's weights, intercept and weighted R², the features' mean |weight| over the 50
rows, and the quartiles. The Swift tests run their own seeded LIME on the same rows and data
and require a Spearman correlation of at least 0.95 between the two mean-|weight| vectors, and
the same quartiles.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/lime_fixtures.py --out Tests/PlexusModelsTests/Fixtures/lime.json
    python scripts/reference/lime_fixtures.py --check Tests/PlexusModelsTests/Fixtures/lime.json
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

import numpy as np
import onnxruntime as ort
from lime.lime_tabular import LimeTabularExplainer

import fixture_cli
from onnx_zoo import CASES, SEED, ZOO, problem

TOLERANCE = 1e-6  # onnxruntime runs the model; its float32 kernels may differ in the last bits between CPUs
EXPLAINED_ROWS = 50
LIME_CASES = [("logistic_binary", 1), ("logistic_multiclass", 2)]


def build() -> dict:
    cases = []
    tasks = {name: task for name, task, _, _ in CASES}
    for name, label in LIME_CASES:
        train_x, _, test_x = problem(tasks[name])
        test_x = np.vstack([test_x, train_x[: max(0, EXPLAINED_ROWS - len(test_x))]])[:EXPLAINED_ROWS]
        with open(os.path.join(ZOO, f"{name}.onnx"), "rb") as handle:
            session = ort.InferenceSession(handle.read(), providers=["CPUExecutionProvider"])

        def predict(rows, session=session):
            return np.asarray(session.run(None, {"X": np.asarray(rows, dtype=np.float32)})[1], dtype=np.float64)

        explainer = LimeTabularExplainer(train_x.astype(np.float64), mode="classification", random_state=SEED)
        features = train_x.shape[1]
        rows = []
        for row in test_x:
            explanation = explainer.explain_instance(row.astype(np.float64), predict, labels=(label,), num_features=features, num_samples=5000)
            weights = [0.0] * features
            for feature, weight in explanation.as_map()[label]:
                weights[feature] = float(weight)
            rows.append({"weights": weights, "intercept": float(explanation.intercept[label]), "score": float(explanation.score)})
        mean_abs = [float(np.mean([abs(r["weights"][f]) for r in rows])) for f in range(features)]
        quartiles = [[float(v) for v in np.unique(np.percentile(train_x[:, f].astype(np.float64), [25, 50, 75]))] for f in range(features)]
        cases.append({
            "name": name, "file": f"zoo/{name}.onnx", "label": label,
            "rows": [[float(v) for v in row] for row in test_x],
            "training": [[float(v) for v in row] for row in train_x],
            "quartiles": quartiles, "explanations": rows, "mean_abs_weights": mean_abs,
        })
    return {"versions": {name: version(name) for name in ["lime", "scikit-learn", "onnxruntime", "numpy"]}, "cases": cases}


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
