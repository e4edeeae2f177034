#!/usr/bin/env python3
"""Reference fixtures for single ONNX operators that no zoo model exercises fully: comparisons
(Equal, Less, Greater on floats and integers), Where, Transpose, TopK (largest and
smallest, along any axis, with ties), ReduceSumSquare and ReduceMean, Max with broadcasting and
NaN, Reciprocal, Cast to and from bool, Scan carrying state (a running sum) beside a scan
output, LabelEncoder (keys and values as lists or tensors, defaults, a NaN key before and
from opset 4), and TreeEnsemble (ai.onnx.ml opset 5: zoo models' trees rewritten in its form,
a one-leaf tree, and BRANCH_MEMBER set tests with missing values either way).

Each case is a one-node graph (Scan's body is a small graph of its own) built with onnx.helper
at opset 17, its inputs, and onnxruntime's outputs. The model travels in the document as base64,
so the Swift tests (Tests/PlexusModelsTests/OperatorTests.swift) run the same bytes on the same
inputs: integers, strings and booleans must be identical, floats within 1e-6.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/onnx_operator_fixtures.py --out Tests/PlexusModelsTests/Fixtures/onnx_operators.json
    python scripts/reference/onnx_operator_fixtures.py --check Tests/PlexusModelsTests/Fixtures/onnx_operators.json
"""

from __future__ import annotations

import base64
import json
import os
import sys
from collections import defaultdict
from importlib.metadata import version

import numpy as np
import onnxruntime as ort
import onnx
from onnx import TensorProto, helper

import fixture_cli

TOLERANCE = 1e-6
def element_type(array: np.ndarray) -> int:
    return {"f": TensorProto.FLOAT, "i": TensorProto.INT64, "b": TensorProto.BOOL, "O": TensorProto.STRING}[array.dtype.kind]


def case(name: str, node, inputs: dict[str, np.ndarray], outputs: list[str], initializers=(), ml_opset: int | None = None) -> dict:
    """A one-node model on `inputs` (graph inputs, in order), run by onnxruntime; `ml_opset`
    imports ai.onnx.ml too."""
    graph_inputs = [helper.make_tensor_value_info(key, element_type(value), list(value.shape)) for key, value in inputs.items()]
    graph_outputs = [helper.make_empty_tensor_value_info(output) for output in outputs]
    graph = helper.make_graph([node], name, graph_inputs, graph_outputs, initializer=list(initializers))
    opsets = [helper.make_opsetid("", 17)] + ([helper.make_opsetid("ai.onnx.ml", ml_opset)] if ml_opset else [])
    model = helper.make_model(graph, producer_name="onnx_operator_fixtures.py", opset_imports=opsets)
    model.ir_version = 8
    data = model.SerializeToString()
    results = ort.InferenceSession(data, providers=["CPUExecutionProvider"]).run(None, inputs)
    return {
        "name": name, "model": base64.b64encode(data).decode(),
        "inputs": {key: recorded(value) for key, value in inputs.items()},
        "outputs": {key: recorded(np.asarray(value)) for key, value in zip(outputs, results)},
    }


def recorded(array: np.ndarray) -> dict:
    """A tensor as JSON: its element type, shape and row-major values (NaN as null)."""
    kind = {"f": "float", "i": "int64", "b": "bool", "O": "string", "U": "string"}[array.dtype.kind]
    flat = array.reshape(-1).tolist()
    if kind == "float":
        flat = [None if np.isnan(v) else float(v) for v in flat]
    return {"type": kind, "shape": list(array.shape), "values": flat}


ZOO = os.path.join("Tests", "PlexusModelsTests", "Fixtures")
MODES = {"BRANCH_LEQ": 0, "BRANCH_LT": 1, "BRANCH_GTE": 2, "BRANCH_GT": 3, "BRANCH_EQ": 4, "BRANCH_NEQ": 5}


def tree_ensemble(legacy: onnx.NodeProto) -> onnx.NodeProto:
    """A TreeEnsembleRegressor or TreeEnsembleClassifier node (one weight per leaf) rewritten as
    ai.onnx.ml opset 5's TreeEnsemble: interior nodes and leaves listed apart, base values folded
    into the leaves of the first tree of each target, raw scores out."""
    a = {attribute.name: helper.get_attribute_value(attribute) for attribute in legacy.attribute}
    prefix = "target" if legacy.op_type == "TreeEnsembleRegressor" else "class"
    trees, ids, modes = a["nodes_treeids"], a["nodes_nodeids"], [m.decode() for m in a["nodes_modes"]]
    weight = defaultdict(list)
    for tree, node, target, value in zip(a[f"{prefix}_treeids"], a[f"{prefix}_nodeids"], a[f"{prefix}_ids"], a[f"{prefix}_weights"]):
        weight[(tree, node)].append((target, value))
    assert all(len(entries) == 1 for entries in weight.values()), "a leaf with several weights has no opset 5 form"
    base = list(a.get("base_values", []))
    folded = set()
    for tree in sorted(set(trees)):
        targets = {weight[(t, n)][0][0] for t, n, m in zip(trees, ids, modes) if t == tree and m == "LEAF"}
        target = targets.pop()
        if target < len(base) and target not in folded:
            folded.add(target)
            for key in [(t, n) for t, n, m in zip(trees, ids, modes) if t == tree and m == "LEAF"]:
                weight[key] = [(target, weight[key][0][1] + base[target])]
    interior = [(t, n) for t, n, m in zip(trees, ids, modes) if m != "LEAF"]
    leaves = [(t, n) for t, n, m in zip(trees, ids, modes) if m == "LEAF"]
    position = {key: index for index, key in enumerate(interior)}
    leaf_position = {key: index for index, key in enumerate(leaves)}
    row = {(t, n): index for index, (t, n) in enumerate(zip(trees, ids))}
    children = {c for t, n, m in zip(trees, ids, modes) if m != "LEAF"
                for c in ((t, a["nodes_truenodeids"][row[(t, n)]]), (t, a["nodes_falsenodeids"][row[(t, n)]]))}
    roots = [key for key in interior if key not in children]
    missing = a.get("nodes_missing_value_tracks_true", [0] * len(trees))
    nodes = {"featureids": [], "splits": [], "modes": [], "truenodeids": [], "trueleafs": [], "falsenodeids": [], "falseleafs": [], "missing": []}
    for key in interior:
        index = row[key]
        nodes["featureids"].append(a["nodes_featureids"][index])
        nodes["splits"].append(a["nodes_values"][index])
        nodes["modes"].append(MODES[modes[index]])
        nodes["missing"].append(missing[index])
        for side, child_id in (("true", a["nodes_truenodeids"][index]), ("false", a["nodes_falsenodeids"][index])):
            child = (key[0], child_id)
            is_leaf = child in leaf_position
            nodes[f"{side}leafs"].append(int(is_leaf))
            nodes[f"{side}nodeids"].append(leaf_position[child] if is_leaf else position[child])
    post = {"NONE": 0, "SOFTMAX": 1, "LOGISTIC": 2, "SOFTMAX_ZERO": 3, "PROBIT": 4}[a.get("post_transform", b"NONE").decode()]
    aggregate = {"AVERAGE": 0, "SUM": 1, "MIN": 2, "MAX": 3}[a.get("aggregate_function", b"SUM").decode()]
    n_targets = a.get("n_targets", len(set(a[f"{prefix}_ids"])))
    return helper.make_node(
        "TreeEnsemble", ["X"], ["Y"], domain="ai.onnx.ml", tree_roots=[position[key] for key in roots],
        nodes_featureids=nodes["featureids"], nodes_splits=helper.make_tensor("splits", TensorProto.FLOAT, [len(interior)], nodes["splits"]),
        nodes_modes=helper.make_tensor("modes", TensorProto.UINT8, [len(interior)], nodes["modes"]),
        nodes_truenodeids=nodes["truenodeids"], nodes_trueleafs=nodes["trueleafs"], nodes_falsenodeids=nodes["falsenodeids"],
        nodes_falseleafs=nodes["falseleafs"], nodes_missing_value_tracks_true=nodes["missing"],
        leaf_targetids=[weight[key][0][0] for key in leaves],
        leaf_weights=helper.make_tensor("weights", TensorProto.FLOAT, [len(leaves)], [weight[key][0][1] for key in leaves]),
        n_targets=n_targets, aggregate_function=aggregate, post_transform=post)


def zoo_rows(name: str) -> np.ndarray:
    """The held-out rows of zoo case `name`, missing values as NaN."""
    with open(os.path.join(ZOO, "onnx_zoo.json"), encoding="utf-8") as handle:
        document = json.load(handle)
    rows = next(case for case in document["cases"] if case["name"] == name)["inputs"]["X"]
    return np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=np.float32)


def build() -> dict:
    rng = np.random.default_rng(20261207)
    a = rng.integers(-3, 4, size=(3, 4)).astype(np.float32)
    b = rng.integers(-3, 4, size=(1, 4)).astype(np.float32)
    ints = np.array([[1, 5, 2], [7, 5, 0]], dtype=np.int64)
    cases = []
    for operator in ["Equal", "Less", "Greater"]:
        cases.append(case(f"{operator.lower()}_float_broadcast", helper.make_node(operator, ["A", "B"], ["Y"]), {"A": a, "B": b}, ["Y"]))
        cases.append(case(f"{operator.lower()}_int64", helper.make_node(operator, ["A", "B"], ["Y"]),
                          {"A": ints, "B": np.array([5], dtype=np.int64)}, ["Y"]))
    condition = a > 0
    cases.append(case("where_broadcast", helper.make_node("Where", ["C", "X", "Y0"], ["Y"]),
                      {"C": condition, "X": a, "Y0": np.array([[-1.0]], dtype=np.float32)}, ["Y"]))
    cube = rng.normal(size=(2, 3, 4)).astype(np.float32)
    cases.append(case("transpose_permuted", helper.make_node("Transpose", ["X"], ["Y"], perm=[2, 0, 1]), {"X": cube}, ["Y"]))
    cases.append(case("transpose_reversed", helper.make_node("Transpose", ["X"], ["Y"]), {"X": cube}, ["Y"]))
    tied = np.array([[3, 1, 3, 2, 1], [0, 4, 4, 4, 2]], dtype=np.float32)
    k2 = helper.make_tensor("K", TensorProto.INT64, [1], [2])
    k3 = helper.make_tensor("K", TensorProto.INT64, [1], [3])
    cases.append(case("topk_largest_ties", helper.make_node("TopK", ["X", "K"], ["V", "I"]), {"X": tied}, ["V", "I"], [k3]))
    cases.append(case("topk_smallest_ties", helper.make_node("TopK", ["X", "K"], ["V", "I"], largest=0), {"X": tied}, ["V", "I"], [k3]))
    cases.append(case("topk_axis0", helper.make_node("TopK", ["X", "K"], ["V", "I"], axis=0), {"X": cube[0]}, ["V", "I"], [k2]))
    cases.append(case("reduce_sum_square", helper.make_node("ReduceSumSquare", ["X"], ["Y"], axes=[1], keepdims=0), {"X": cube}, ["Y"]))
    cases.append(case("reduce_mean_keepdims", helper.make_node("ReduceMean", ["X"], ["Y"], axes=[0, 2]), {"X": cube}, ["Y"]))
    with_nan = a.copy()
    with_nan[1, 2] = np.nan
    cases.append(case("max_three_broadcast", helper.make_node("Max", ["A", "B", "C"], ["Y"]),
                      {"A": with_nan, "B": b, "C": np.array([0.5], dtype=np.float32)}, ["Y"]))
    cases.append(case("reciprocal", helper.make_node("Reciprocal", ["X"], ["Y"]), {"X": cube + 3}, ["Y"]))
    cases.append(case("cast_bool_to_float", helper.make_node("Cast", ["X"], ["Y"], to=TensorProto.FLOAT), {"X": condition}, ["Y"]))
    cases.append(case("cast_float_to_bool", helper.make_node("Cast", ["X"], ["Y"], to=TensorProto.BOOL), {"X": a}, ["Y"]))
    # Scan: the state is a running sum of the rows, and each iteration also gives the row's square.
    body = helper.make_graph(
        [helper.make_node("Add", ["sum_in", "row"], ["sum_out"]), helper.make_node("Mul", ["row", "row"], ["square"])],
        "body",
        [helper.make_tensor_value_info("sum_in", TensorProto.FLOAT, [4]), helper.make_tensor_value_info("row", TensorProto.FLOAT, [4])],
        [helper.make_tensor_value_info("sum_out", TensorProto.FLOAT, [4]), helper.make_tensor_value_info("square", TensorProto.FLOAT, [4])])
    scan = helper.make_node("Scan", ["S", "X"], ["Total", "Squares"], body=body, num_scan_inputs=1)
    cases.append(case("scan_running_sum", scan, {"S": np.zeros(4, dtype=np.float32), "X": a}, ["Total", "Squares"]))
    # LabelEncoder: strings to ids with the default for an unknown key, ids to strings, floats
    # to floats (a NaN key matching NaN), and from opset 4 tensors for keys, values and default.
    plans = np.array([["pro", "basic"], ["trial", "pro"]], dtype=object)
    cases.append(case("label_encoder_strings_to_ints", helper.make_node(
        "LabelEncoder", ["X"], ["Y"], domain="ai.onnx.ml", keys_strings=["basic", "pro"], values_int64s=[0, 1], default_int64=-7),
        {"X": plans}, ["Y"], ml_opset=2))
    cases.append(case("label_encoder_ints_to_strings", helper.make_node(
        "LabelEncoder", ["X"], ["Y"], domain="ai.onnx.ml", keys_int64s=[1, 5, 7], values_strings=["one", "five", "seven"]),
        {"X": ints}, ["Y"], ml_opset=2))
    scores = np.array([0.5, np.nan, 2.0, 3.5], dtype=np.float32)
    for opset in (3, 4):  # a NaN key matches NaN from opset 4 on
        cases.append(case(f"label_encoder_floats_nan_key_opset{opset}", helper.make_node(
            "LabelEncoder", ["X"], ["Y"], domain="ai.onnx.ml", keys_floats=[0.5, float("nan"), 2.0], values_floats=[10.0, 20.0, 30.0], default_float=-1.0),
            {"X": scores}, ["Y"], ml_opset=opset))
    cases.append(case("label_encoder_tensors", helper.make_node(
        "LabelEncoder", ["X"], ["Y"], domain="ai.onnx.ml",
        keys_tensor=helper.make_tensor("keys", TensorProto.STRING, [2], [b"basic", b"trial"]),
        values_tensor=helper.make_tensor("values", TensorProto.INT64, [2], [3, 4]),
        default_tensor=helper.make_tensor("default", TensorProto.INT64, [1], [42])),
        {"X": plans}, ["Y"], ml_opset=4))
    # TreeEnsemble (ai.onnx.ml opset 5): zoo models' trees rewritten in its form, with missing
    # values (XGBoost's trees send them their learned way), averaging, and softmax over three targets.
    # onnxruntime reads post_transform 1 as LOGISTIC and 2 as SOFTMAX (the spec says the reverse); both are recorded.
    for zoo_name, post in [("xgboost_regression", None), ("random_forest_regression", None), ("gradient_boosting_multiclass", 1),
                           ("gradient_boosting_multiclass", 2)]:
        legacy = next(node for node in onnx.load(os.path.join(ZOO, "zoo", f"{zoo_name}.onnx")).graph.node if node.op_type.startswith("TreeEnsemble"))
        node = tree_ensemble(legacy)
        if post is not None:
            node.attribute.remove(next(attribute for attribute in node.attribute if attribute.name == "post_transform"))
            node.attribute.append(helper.make_attribute("post_transform", post))
        suffix = "" if post is None else f"_post_transform_{post}"
        cases.append(case(f"tree_ensemble_{zoo_name}{suffix}", node, {"X": zoo_rows(zoo_name)}, ["Y"], ml_opset=5))
    # A one-leaf tree (its root's two branches name one leaf) beside a BRANCH_LT stump sending missing values true.
    stump = helper.make_node(
        "TreeEnsemble", ["X"], ["Y"], domain="ai.onnx.ml", tree_roots=[0, 1], nodes_featureids=[0, 1],
        nodes_splits=helper.make_tensor("splits", TensorProto.FLOAT, [2], [0.0, 0.25]),
        nodes_modes=helper.make_tensor("modes", TensorProto.UINT8, [2], [0, 1]),
        nodes_truenodeids=[0, 1], nodes_trueleafs=[1, 1], nodes_falsenodeids=[0, 2], nodes_falseleafs=[1, 1], nodes_missing_value_tracks_true=[0, 1],
        leaf_targetids=[0, 0, 0], leaf_weights=helper.make_tensor("weights", TensorProto.FLOAT, [3], [1.5, -2.0, 4.0]), n_targets=1, aggregate_function=1)
    cases.append(case("tree_ensemble_one_leaf_tree", stump, {"X": np.array([[0.0, 0.1], [1.0, 0.5], [2.0, np.nan]], dtype=np.float32)}, ["Y"], ml_opset=5))
    # BRANCH_MEMBER: a set test on feature 0 above one on feature 1 (missing values go true), and a
    # BRANCH_LEQ above a larger set; the sets are NaN-separated in node order.
    nan = float("nan")
    members = helper.make_node(
        "TreeEnsemble", ["X"], ["Y"], domain="ai.onnx.ml", tree_roots=[0, 2], nodes_featureids=[0, 1, 1, 0],
        nodes_splits=helper.make_tensor("splits", TensorProto.FLOAT, [4], [0.0, 0.0, 0.5, 0.0]),
        nodes_modes=helper.make_tensor("modes", TensorProto.UINT8, [4], [6, 6, 0, 6]),
        nodes_truenodeids=[1, 1, 3, 4], nodes_trueleafs=[0, 1, 0, 1], nodes_falsenodeids=[0, 2, 3, 5], nodes_falseleafs=[1, 1, 1, 1],
        nodes_missing_value_tracks_true=[0, 1, 0, 0],
        membership_values=helper.make_tensor("members", TensorProto.FLOAT, [11], [1, 3, 5, nan, 2.5, nan, 0, 2, 4, 6, 8]),
        leaf_targetids=[0] * 6, leaf_weights=helper.make_tensor("weights", TensorProto.FLOAT, [6], [1.0, 2.0, 4.0, 8.0, 16.0, 32.0]),
        n_targets=1, aggregate_function=1)
    member_rows = np.array([[1, 2.5], [3, 0.1], [5, nan], [2, 2.5], [nan, 2.5], [4, 0.2], [6, 0.9], [7, 0.3], [8, nan], [0, 0.5], [1, 3]], dtype=np.float32)
    cases.append(case("tree_ensemble_branch_member", members, {"X": member_rows}, ["Y"], ml_opset=5))
    return {"versions": {name: version(name) for name in ["onnx", "onnxruntime", "numpy"]}, "cases": cases}


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
