#!/usr/bin/env python3
"""Frames for `plexus-bench drift`, and Evidently's DataDriftPreset timed on them.

Writes a reference and a current frame of ROWS rows x 20 columns (18 numeric, 2 categorical; the
first 6 numeric columns and the first categorical one shifted in the current frame) from a fixed
numpy seed into DIR as raw little-endian float64 columns (`reference.f64`, `current.f64`, column
after column; categorical columns hold their category codes), then, unless --no-evidently, runs
`Report([DataDriftPreset()])` on the same frames and prints one JSON line: the seconds Evidently
took (the report's `run` only, frames already built) and its per-column method, score and verdict.

    python3 scripts/bench/drift_reference.py --rows 100000 --out /tmp/drift
"""
import argparse
import json
import os
import time

os.environ.setdefault("DO_NOT_TRACK", "1")

import numpy as np
import pandas as pd

NUMERIC, CATEGORICAL = 18, 2
LEVELS = [["email", "chat", "phone", "sms", "social"], [f"reason-{i:02d}" for i in range(12)]]


def frame(rng: np.random.Generator, rows: int, shifted: bool) -> pd.DataFrame:
    columns = {}
    for index in range(NUMERIC):
        move = 0.15 if shifted and index < 6 else 0.0
        kind = index % 3
        if kind == 0:
            values = rng.normal(move, 1.0, rows)
        elif kind == 1:
            values = rng.lognormal(1.0 + move, 0.5, rows)
        else:
            values = rng.gamma(2.0, 3.0 * (1 + move), rows)
        columns[f"n{index:02d}"] = np.round(values, 6)
    for index, levels in enumerate(LEVELS):
        weights = np.linspace(2, 1, len(levels))
        if shifted and index == 0:
            weights = weights[::-1]
        codes = rng.choice(len(levels), rows, p=weights / weights.sum())
        columns[f"c{index}"] = codes.astype(float)
    return pd.DataFrame(columns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-evidently", action="store_true", help="write the frames only")
    args = parser.parse_args()
    rng = np.random.default_rng(20261208)
    reference, current = frame(rng, args.rows, False), frame(rng, args.rows, True)
    os.makedirs(args.out, exist_ok=True)
    for name, data in (("reference", reference), ("current", current)):
        np.concatenate([data[c].to_numpy(dtype="<f8") for c in data.columns]).tofile(os.path.join(args.out, f"{name}.f64"))
    result = {"rows": args.rows, "columns": list(reference.columns)}
    if not args.no_evidently:
        from evidently import DataDefinition, Dataset, Report
        from evidently.presets import DataDriftPreset

        categorical = [f"c{i}" for i in range(CATEGORICAL)]
        for data in (reference, current):
            for index, column in enumerate(categorical):
                data[column] = [LEVELS[index][int(code)] for code in data[column]]
        definition = DataDefinition(numerical_columns=[f"n{i:02d}" for i in range(NUMERIC)], categorical_columns=categorical)
        ref, cur = (Dataset.from_pandas(d, data_definition=definition) for d in (reference, current))
        began = time.perf_counter()
        snapshot = Report([DataDriftPreset()]).run(current_data=cur, reference_data=ref)
        result["evidentlySeconds"] = time.perf_counter() - began
        verdicts = {}
        for metric in snapshot.dict()["metrics"]:
            config = metric["config"]
            if config["type"].endswith("ValueDrift"):
                verdicts[config["column"]] = {"method": config["method"], "score": float(metric["value"]),
                                              "threshold": float(config["threshold"])}
        result["evidently"] = verdicts
        result["evidentlyVersion"] = __import__("evidently").__version__
    print(json.dumps(result))


if __name__ == "__main__":
    main()
