#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' KernelSHAP: shap.KernelExplainer's values for zoo models,
with the ONNX file itself (run by onnxruntime) as the model function.

Each case explains 6 held-out rows of one zoo model against the first 25 training rows as the
background, with nsamples="auto" and l1_reg=False. The zoo's rows have 6 features, so shap
enumerates every coalition (2^6 − 2 = 62 samples, fewer than auto's 2·6 + 2048) and its answer
is exact: no random draws are involved. The explained outputs are the class probabilities of
classifiers and the value of regressors, as a user would pass predict_proba or predict.
Values are stored as values[row][output][feature] with each output's base value. The Swift tests
run the same file through Plexus's interpreter and must agree within 1e-6 × max(1, |output|).

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/kernel_shap_fixtures.py --out Tests/PlexusModelsTests/Fixtures/kernel_shap.json
    python scripts/reference/kernel_shap_fixtures.py --check Tests/PlexusModelsTests/Fixtures/kernel_shap.json
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

import numpy as np
import onnxruntime as ort
import shap

import fixture_cli
from onnx_zoo import CASES, ZOO, problem

TOLERANCE = 1e-6  # onnxruntime runs the model; its float32 kernels may differ in the last bits between CPUs
EXPLAINED_ROWS = 6
BACKGROUND_ROWS = 25
KERNEL_CASES = ["logistic_binary", "logistic_multiclass", "mlp_multiclass", "random_forest", "gradient_boosting_multiclass",
                "linear_regression", "mlp_regression"]


def model_function(name: str, task: str):
    """The zoo file as shap's model function: rows in, probabilities (or values) out."""
    with open(os.path.join(ZOO, f"{name}.onnx"), "rb") as handle:
        session = ort.InferenceSession(handle.read(), providers=["CPUExecutionProvider"])

    def predict(rows: np.ndarray) -> np.ndarray:
        result = session.run(None, {"X": np.asarray(rows, dtype=np.float32)})
        if task == "regression":
            return np.asarray(result[0], dtype=np.float64).reshape(-1)
        return np.asarray(result[1], dtype=np.float64)
    return predict


def by_output(values) -> list:
    """shap's (rows, features[, outputs]) as [row][output][feature]."""
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 2:
        array = array[:, :, np.newaxis]
    return [[[float(v) for v in array[row, :, output]] for output in range(array.shape[2])] for row in range(array.shape[0])]


def build() -> dict:
    cases = []
    for name, task, _, _ in CASES:
        if name not in KERNEL_CASES:
            continue
        train_x, _, test_x = problem(task)
        background, rows = train_x[:BACKGROUND_ROWS], test_x[:EXPLAINED_ROWS]
        predict = model_function(name, task)
        explainer = shap.KernelExplainer(predict, background)
        values = explainer.shap_values(rows, nsamples="auto", l1_reg=False, silent=True)
        base = np.atleast_1d(np.asarray(explainer.expected_value, dtype=np.float64))
        outputs = np.asarray(predict(rows)).reshape(len(rows), -1)
        cases.append({
            "name": name, "file": f"zoo/{name}.onnx",
            "rows": [[float(v) for v in row] for row in rows],
            "background": [[float(v) for v in row] for row in background],
            "base_values": [float(v) for v in base],
            "values": by_output(values),
            "tolerance": 1e-6 * max(1.0, float(np.abs(outputs).max())),
        })
    return {"versions": {name: version(name) for name in ["shap", "onnxruntime", "numpy"]}, "cases": cases}


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
