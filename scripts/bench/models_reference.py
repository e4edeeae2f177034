#!/usr/bin/env python3
"""Models and reference timings for `plexus-bench models`.

Trains the benchmark's models on a seeded problem of 20 features (a random forest of 100 trees of
depth 8, gradient boosting of 100 trees of depth 3, logistic regression, a multi-layer
perceptron), exports each with skl2onnx into DIR, writes the rows as raw little-endian float32
(`rows.f32`: ROWS × 20; `background.f32`: the 4,000 training rows), and times, with one
thread each: onnxruntime's batch prediction of every row and its single-row latency (the median
of 2,000 calls); shap.TreeExplainer (path-dependent, covers from the background) on 1,000 rows of
the forest and of the boosted trees; shap.KernelExplainer on 10 rows with 500 samples against 20
background rows (the logistic regression); lime on 10 rows with 5,000 samples (training rows:
the first 1,000). Prints one JSON
object with the seconds and the library versions.

    python3 scripts/bench/models_reference.py --rows 100000 --out /tmp/models
"""
import argparse
import json
import os
import time
import warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np
import onnxruntime as ort
from importlib.metadata import version
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

FEATURES = 20
SEED = 20261207


def seconds(work, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-reference", action="store_true", help="write the models and rows only")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    os.makedirs(args.out, exist_ok=True)
    x, y = make_classification(n_samples=4_000 + args.rows, n_features=FEATURES, n_informative=12, random_state=SEED)
    x = x.astype(np.float32)
    train_x, train_y, rows = x[:4_000], y[:4_000], x[4_000:]
    models = {
        "random_forest": RandomForestClassifier(n_estimators=100, max_depth=8, random_state=SEED, n_jobs=1),
        "gradient_boosting": GradientBoostingClassifier(n_estimators=100, max_depth=3, random_state=SEED),
        "logistic_regression": LogisticRegression(max_iter=1_000),
        "mlp": MLPClassifier(hidden_layer_sizes=(64, 32), max_iter=300, random_state=SEED),
    }
    for name, model in models.items():
        model.fit(train_x, train_y)
        exported = convert_sklearn(model, initial_types=[("X", FloatTensorType([None, FEATURES]))],
                                   options={id(model): {"zipmap": False}}, target_opset={"": 17, "ai.onnx.ml": 3})
        with open(os.path.join(args.out, f"{name}.onnx"), "wb") as handle:
            handle.write(exported.SerializeToString())
    rows.tofile(os.path.join(args.out, "rows.f32"))
    background = train_x
    background.tofile(os.path.join(args.out, "background.f32"))
    result = {"rows": int(len(rows)), "features": FEATURES}
    if args.no_reference:
        print(json.dumps(result))
        return

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    predict, latency = {}, {}
    for name in models:
        session = ort.InferenceSession(os.path.join(args.out, f"{name}.onnx"), options, providers=["CPUExecutionProvider"])
        predict[name] = seconds(lambda: session.run(None, {"X": rows}), repeat=3)
        one = rows[:1]
        session.run(None, {"X": one})
        samples = []
        for index in range(2_000):
            row = rows[index % len(rows): index % len(rows) + 1]
            start = time.perf_counter()
            session.run(None, {"X": row})
            samples.append(time.perf_counter() - start)
        latency[name] = float(np.median(samples))
    result["onnxruntime_predict_seconds"] = predict
    result["onnxruntime_latency_seconds"] = latency

    import shap
    from shap.maskers import Independent
    explained = rows[:1_000]
    tree = {}
    for name in ["random_forest", "gradient_boosting"]:
        explainer = shap.TreeExplainer(models[name], data=Independent(background, max_samples=len(background)), feature_perturbation="tree_path_dependent")
        tree[name] = seconds(lambda: explainer.shap_values(explained, check_additivity=False))
    result["shap_tree_seconds"] = tree

    logistic = models["logistic_regression"]
    kernel = shap.KernelExplainer(logistic.predict_proba, background[:20])
    result["shap_kernel_seconds"] = seconds(lambda: kernel.shap_values(rows[:10], nsamples=500, l1_reg=False, silent=True), repeat=3)

    from lime.lime_tabular import LimeTabularExplainer
    lime = LimeTabularExplainer(background[:1_000].astype(np.float64), mode="classification", random_state=SEED)
    result["lime_seconds"] = seconds(lambda: [lime.explain_instance(row.astype(np.float64), logistic.predict_proba, num_features=FEATURES, num_samples=5_000) for row in rows[:10]], repeat=3)
    result["versions"] = {name: version(name) for name in ["onnxruntime", "shap", "lime", "scikit-learn"]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
