#!/usr/bin/env python3
"""Trains a churn model with scikit-learn, exports it to ONNX with skl2onnx, and writes the
customers to score and a background sample of the training rows, as README's models walkthrough
does. Needs scikit-learn and skl2onnx (the reference venv has both).

    python examples/models/train_churn.py --out .
writes churn.onnx, customers.csv (400 customers to predict and explain), labelled.csv (the same
customers with whether each churned, for permutation importance) and background.csv (200
training rows, for the explanations to compare with).
"""
import argparse
import csv
import os

import numpy as np
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import GradientBoostingClassifier

FEATURES = ["tenure_months", "monthly_spend", "support_calls", "age", "logins_per_week"]


def customers(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Synthetic customers: short tenure, high spend and many support calls raise churn; logins lower it."""
    rng = np.random.default_rng(seed)
    x = np.column_stack([
        rng.integers(1, 72, count), rng.normal(60, 20, count).round(2), rng.poisson(1.5, count),
        rng.integers(18, 80, count), rng.poisson(4, count),
    ]).astype(np.float32)
    logit = 0.3 - 0.04 * x[:, 0] + 0.02 * (x[:, 1] - 60) + 0.6 * x[:, 2] - 0.2 * x[:, 4]
    churned = (rng.random(count) < 1 / (1 + np.exp(-logit))).astype(int)
    return x, churned


def write(path: str, rows: np.ndarray, labels: np.ndarray | None = None) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FEATURES + (["churned"] if labels is not None else []))
        for index, row in enumerate(rows):
            writer.writerow([f"{v:g}" for v in row] + ([int(labels[index])] if labels is not None else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=".", help="the folder to write into")
    out = parser.parse_args().out
    x, churned = customers(2_000, seed=7)
    model = GradientBoostingClassifier(n_estimators=50, max_depth=3, random_state=7).fit(x[:1_600], churned[:1_600])
    exported = convert_sklearn(model, initial_types=[("X", FloatTensorType([None, len(FEATURES)]))],
                               options={id(model): {"zipmap": False}}, target_opset={"": 17, "ai.onnx.ml": 3})
    with open(os.path.join(out, "churn.onnx"), "wb") as handle:
        handle.write(exported.SerializeToString())
    write(os.path.join(out, "customers.csv"), x[1_600:])
    write(os.path.join(out, "labelled.csv"), x[1_600:], churned[1_600:])
    write(os.path.join(out, "background.csv"), x[:200])
    print(f"churn.onnx: gradient boosting, 50 trees, accuracy {model.score(x[1_600:], churned[1_600:]):.3f} on the 400 held-out customers")


if __name__ == "__main__":
    main()
