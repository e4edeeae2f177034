#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' ONNX interpreter: a small zoo of scikit-learn models
exported with skl2onnx, XGBoost and LightGBM models exported with onnxmltools, and onnxruntime's
outputs for each on held-out rows.

Each case (logistic regression, trees and forests, boosting, MLPs, SVMs, naive Bayes, k-nearest
neighbours, pipelines) trains one model on a seeded synthetic problem (binary, named-class or three-class
classification, or regression; 6 features), exports it to ONNX (float inputs named "X"; class outputs as plain
tensors unless the case keeps skl2onnx's default ZipMap), writes the model to
Tests/PlexusModelsTests/Fixtures/zoo/<name>.onnx, and records onnxruntime's outputs for 40 rows
the model was not trained on: labels, per-class probabilities (float32, as onnxruntime computes
them) and regression values. Inputs are recorded by name (`X` for most models; a column pipeline
takes three float columns and a string column), missing values as null. The Swift tests run the
same files on the same rows: labels must be identical and numbers within 1e-6.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/onnx_zoo.py --out Tests/PlexusModelsTests/Fixtures/onnx_zoo.json
    python scripts/reference/onnx_zoo.py --check Tests/PlexusModelsTests/Fixtures/onnx_zoo.json
--out also (re)writes the .onnx files beside the document, and unsupported.onnx (a model with
Conv and LSTM nodes, which the interpreter refuses); --check re-trains and re-exports in
memory and exits 1 if any output differs from the document by more than 1e-6, or if a committed
model file gives outputs other than the document's.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version

import numpy as np
import onnxruntime as ort
import pandas as pd
from lightgbm import LGBMClassifier, LGBMRegressor
from onnxmltools import convert_lightgbm, convert_xgboost
from onnxmltools.convert.common.data_types import FloatTensorType as MLToolsFloat
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType, StringTensorType
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier, RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import Binarizer, MaxAbsScaler, Normalizer, OneHotEncoder, RobustScaler, StandardScaler
from sklearn.svm import SVC, SVR
from sklearn.tree import DecisionTreeClassifier
from xgboost import XGBClassifier, XGBRegressor

import fixture_cli

SEED = 20261207
TOLERANCE = 1e-6
FEATURES = 6
TEST_ROWS = 40
ZOO = os.path.join("Tests", "PlexusModelsTests", "Fixtures", "zoo")


def problem(task: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training rows, their targets and the held-out rows of a seeded problem, in float32."""
    if task == "regression":
        x, y = make_regression(n_samples=240, n_features=FEATURES, noise=5.0, random_state=SEED)
    else:
        classes = 2 if task in ("binary", "named") else 3
        x, y = make_classification(n_samples=240, n_features=FEATURES, n_informative=4, n_redundant=1,
                                   n_classes=classes, random_state=SEED)
        if task == "named":  # class labels as names, not numbers
            y = np.where(y == 1, "churn", "stay")
    x = np.round(x, 4).astype(np.float32)
    return x[:-TEST_ROWS], y[:-TEST_ROWS], x[-TEST_ROWS:]


CASES = [
    ("logistic_binary", "binary", lambda: LogisticRegression(max_iter=500), False),
    ("logistic_multiclass", "multiclass", lambda: LogisticRegression(max_iter=500), False),
    ("scaled_logistic_zipmap", "multiclass", lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)), True),
    ("decision_tree", "multiclass", lambda: DecisionTreeClassifier(max_depth=4, random_state=SEED), False),
    ("random_forest", "binary", lambda: RandomForestClassifier(n_estimators=5, max_depth=4, random_state=SEED), False),
    ("gradient_boosting_binary", "binary", lambda: GradientBoostingClassifier(n_estimators=8, max_depth=3, random_state=SEED), False),
    ("gradient_boosting_multiclass", "multiclass", lambda: GradientBoostingClassifier(n_estimators=6, max_depth=2, random_state=SEED), False),
    ("extra_trees", "multiclass", lambda: ExtraTreesClassifier(n_estimators=4, max_depth=4, random_state=SEED), False),
    ("mlp_binary", "binary", lambda: MLPClassifier(hidden_layer_sizes=(8,), max_iter=400, random_state=SEED), False),
    ("mlp_multiclass", "multiclass", lambda: MLPClassifier(hidden_layer_sizes=(8, 5), max_iter=400, random_state=SEED), False),
    ("svc_rbf_binary", "binary", lambda: SVC(probability=True, random_state=SEED), False),
    ("svc_rbf_multiclass", "multiclass", lambda: SVC(probability=True, random_state=SEED), False),
    ("svc_linear_multiclass", "multiclass", lambda: SVC(kernel="linear", probability=True, random_state=SEED), False),
    ("svc_polynomial_binary", "binary", lambda: SVC(kernel="poly", degree=3, probability=True, random_state=SEED), False),
    ("binarized_logistic", "binary", lambda: make_pipeline(Binarizer(threshold=0.1), LogisticRegression(max_iter=500)), False),
    ("scaled_normalized_logistic", "multiclass", lambda: make_pipeline(RobustScaler(), MaxAbsScaler(), Normalizer(), LogisticRegression(max_iter=500)), False),
    ("gaussian_naive_bayes", "multiclass", lambda: GaussianNB(), False),
    ("named_class_forest", "named", lambda: RandomForestClassifier(n_estimators=4, max_depth=4, random_state=SEED), False),
    ("named_class_logistic", "named", lambda: LogisticRegression(max_iter=500), False),
    ("svr_rbf", "regression", lambda: SVR(C=50.0), False),
    ("linear_regression", "regression", lambda: LinearRegression(), False),
    ("mlp_regression", "regression", lambda: make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=(8,), max_iter=400, random_state=SEED)), False),
    ("random_forest_regression", "regression", lambda: RandomForestRegressor(n_estimators=4, max_depth=4, random_state=SEED), False),
    # skl2onnx computes the distances with a Scan over the training rows, then TopK, Equal votes (or 1/distance weights).
    ("knn_binary", "binary", lambda: KNeighborsClassifier(n_neighbors=5), False),
    ("knn_multiclass_distance", "multiclass", lambda: KNeighborsClassifier(n_neighbors=7, weights="distance"), False),
    ("knn_regression", "regression", lambda: KNeighborsRegressor(n_neighbors=5), False),
]

# Boosted trees from their own libraries, exported with onnxmltools (one thread, seeded).
BOOSTED = [
    ("xgboost_binary", "binary", lambda: XGBClassifier(n_estimators=12, max_depth=3, n_jobs=1, random_state=SEED)),
    ("xgboost_multiclass", "multiclass", lambda: XGBClassifier(n_estimators=8, max_depth=3, n_jobs=1, random_state=SEED)),
    ("xgboost_regression", "regression", lambda: XGBRegressor(n_estimators=12, max_depth=3, n_jobs=1, random_state=SEED)),
    ("lightgbm_binary", "binary", lambda: LGBMClassifier(n_estimators=12, num_leaves=8, n_jobs=1, random_state=SEED, verbose=-1)),
    ("lightgbm_multiclass", "multiclass", lambda: LGBMClassifier(n_estimators=8, num_leaves=8, n_jobs=1, random_state=SEED, verbose=-1)),
    ("lightgbm_regression", "regression", lambda: LGBMRegressor(n_estimators=12, num_leaves=8, n_jobs=1, random_state=SEED, verbose=-1)),
]


def export(name: str, model, types, zipmap: bool, task: str):
    """The ONNX model of a fitted model: skl2onnx for scikit-learn, onnxmltools for XGBoost and
    LightGBM (plain tensor outputs unless the case keeps ZipMap)."""
    if name.startswith("xgboost"):
        return convert_xgboost(model, initial_types=[("X", MLToolsFloat([None, FEATURES]))], target_opset=15)
    if name.startswith("lightgbm"):
        return convert_lightgbm(model, initial_types=[("X", MLToolsFloat([None, FEATURES]))], target_opset=15, zipmap=zipmap)
    options = None if zipmap or task == "regression" else {id(model): {"zipmap": False}}
    return convert_sklearn(model, initial_types=types, options=options, target_opset={"": 17, "ai.onnx.ml": 3})


def column_pipeline() -> tuple[Pipeline, dict, dict, list]:
    """A pipeline over named columns: the median imputed and standardized for three float
    columns, one-hot for a string column (unknown categories as zeros), then logistic
    regression; its training fit, its held-out inputs by name (with missing values and an
    unknown category), and its ONNX input types."""
    rng = np.random.default_rng(SEED)
    n = 240
    numbers = rng.normal(size=(n, 3)).round(4).astype(np.float32)
    numbers[rng.random((n, 3)) < 0.1] = np.nan
    channel = rng.choice(["web", "phone", "store"], size=n).astype(object)
    channel[-3] = "kiosk"  # held out, and unknown to the encoder
    target = ((np.nan_to_num(numbers[:, 0]) + (channel == "web") - 0.5 * np.nan_to_num(numbers[:, 1])) > 0.3).astype(int)
    frame = pd.DataFrame({"a": numbers[:, 0], "b": numbers[:, 1], "c": numbers[:, 2], "channel": channel})
    prepare = ColumnTransformer([
        ("numbers", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), ["a", "b", "c"]),
        ("channel", OneHotEncoder(handle_unknown="ignore"), ["channel"]),
    ])
    model = Pipeline([("prepare", prepare), ("classify", LogisticRegression(max_iter=500))])
    model.fit(frame[:-TEST_ROWS], target[:-TEST_ROWS])
    held_out = frame[-TEST_ROWS:]
    inputs = {name: held_out[[name]].to_numpy().astype(np.float32) for name in ["a", "b", "c"]}
    inputs["channel"] = held_out[["channel"]].to_numpy().astype(object)
    types = [(name, FloatTensorType([None, 1])) for name in ["a", "b", "c"]] + [("channel", StringTensorType([None, 1]))]
    return model, inputs, types


def recorded(inputs: dict) -> dict:
    """Inputs as JSON: numbers as floats, missing values as null, strings as they are."""
    def cell(value):
        if isinstance(value, str):
            return value
        return None if np.isnan(value) else float(value)
    return {name: [[cell(v) for v in row] for row in rows] for name, rows in inputs.items()}


def outputs(model_bytes: bytes, inputs: dict, task: str) -> dict:
    """onnxruntime's outputs for `inputs`: labels and probabilities, or values."""
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    result = session.run(None, inputs)
    if task == "regression":
        return {"values": [float(v) for v in np.asarray(result[0]).reshape(-1)]}
    labels, probabilities = result[0], result[1]
    if isinstance(probabilities, list):  # ZipMap: one {class: probability} per row
        classes = sorted(probabilities[0])
        probabilities = [[row[c] for c in classes] for row in probabilities]
    return {
        "labels": [v if isinstance(v, str) else int(v) for v in np.asarray(labels).reshape(-1).tolist()],
        "probabilities": [[float(np.float32(p)) for p in row] for row in np.asarray(probabilities, dtype=np.float32)],
    }


def unsupported_model() -> bytes:
    """A small valid ONNX model whose nodes Plexus does not run (Conv, LSTM), for the refusal tests."""
    from onnx import TensorProto, helper
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [1, 1, 4, 4])
    y = helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)
    weights = helper.make_tensor("W", TensorProto.FLOAT, [1, 1, 2, 2], [1.0, 0.0, 0.0, 1.0])
    nodes = [helper.make_node("Conv", ["X", "W"], ["C"], name="conv_1"), helper.make_node("Relu", ["C"], ["R"], name="relu_1"),
             helper.make_node("LSTM", ["R"], ["Y"], name="lstm_1", hidden_size=2)]
    graph = helper.make_graph(nodes, "unsupported", [x], [y], initializer=[weights])
    model = helper.make_model(graph, producer_name="onnx_zoo.py", opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


def build() -> dict:
    writing = "--out" in sys.argv
    cases, problems = [], []
    built = []
    for name, task, make, zipmap in CASES:
        train_x, train_y, test_x = problem(task)
        model = make().fit(train_x, train_y)
        built.append((name, task, zipmap, model, {"X": test_x}, [("X", FloatTensorType([None, FEATURES]))]))
    for name, task, make in BOOSTED:
        train_x, train_y, test_x = problem(task)
        model = make().fit(train_x, train_y)
        # Missing values in eight held-out rows, one feature each: the trees send them their learned way.
        test_x = test_x.copy()
        for row in range(8):
            test_x[row, row % FEATURES] = np.nan
        built.append((name, task, False, model, {"X": test_x}, [("X", FloatTensorType([None, FEATURES]))]))
    pipeline, pipeline_inputs, pipeline_types = column_pipeline()
    built.append(("column_pipeline", "binary", False, pipeline, pipeline_inputs, pipeline_types))
    for name, task, zipmap, model, test_inputs, types in built:
        onnx_model = export(name, model, types, zipmap, task)
        fresh = onnx_model.SerializeToString()
        path = os.path.join(ZOO, f"{name}.onnx")
        if writing:
            os.makedirs(ZOO, exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(fresh)
        expected = outputs(fresh, test_inputs, task)
        with open(path, "rb") as handle:
            committed = outputs(handle.read(), test_inputs, task)
        found = fixture_cli.differences(expected, committed, TOLERANCE, name)
        if found:
            problems.append(f"{path} no longer gives the outputs of a fresh export: " + "; ".join(found[:3]))
        cases.append({
            "name": name, "file": f"zoo/{name}.onnx", "task": task, "zipmap": zipmap,
            "operators": sorted({node.op_type for node in onnx_model.graph.node}),
            "inputs": recorded(test_inputs), **expected,
        })
    if writing:
        with open(os.path.join(ZOO, "unsupported.onnx"), "wb") as handle:
            handle.write(unsupported_model())
    if problems:
        sys.exit("\n".join(problems))
    return {
        "versions": {name: version(name) for name in ["scikit-learn", "skl2onnx", "onnxmltools", "xgboost-cpu", "lightgbm", "onnx", "onnxruntime", "numpy"]},
        "cases": cases,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
