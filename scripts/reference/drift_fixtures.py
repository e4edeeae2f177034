#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' drift statistics, from SciPy and Evidently.

Two kinds of case, all drawn from fixed numpy seeds and rounded to 4 decimals before anything is
computed, so the committed samples are exactly what the references saw:

* `pairs`: one reference and one current column (numeric or categorical). For each, Evidently
  0.7's own stat tests (`evidently.legacy.calculations.stattests`, called as DataDriftPreset
  calls them, with their default thresholds) give the score and the drift verdict of every
  method that applies, and SciPy gives the raw distances: `wasserstein_distance`,
  `energy_distance`, and `scipy.spatial.distance.jensenshannon` in base 2 (NannyML's convention)
  over Evidently's bins. Evidently's `TVD` is a permutation p-value drawn with numpy's global
  RNG, so the fixture holds the distance it permutes (`_total_variation_distance`) instead.
* `frames`: a reference and a current frame of several columns run through Evidently's
  `Report([DataDriftPreset()])`: per column the method it picked, the threshold, the score and
  Evidently's verdict, then the drifted count, share and dataset verdict. References of 500 and
  1,000 rows exercise the small-reference tests (KS, chi-square, Z), 1,001 and 2,000 the large
  ones (normed Wasserstein, Jensen–Shannon). Each frame also carries statsmodels'
  Benjamini–Hochberg adjustment (`multipletests(method="fdr_bh")`) of its p-value columns.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/drift_fixtures.py --out Tests/PlexusStatsTests/Fixtures/drift.json
    python scripts/reference/drift_fixtures.py --check Tests/PlexusStatsTests/Fixtures/drift.json
--check regenerates in memory and exits 1 if any number differs by more than 1e-12.
"""

from __future__ import annotations

import os
from importlib.metadata import version

os.environ.setdefault("DO_NOT_TRACK", "1")  # Evidently's telemetry; nothing leaves this machine anyway

import numpy as np
import pandas as pd
from evidently import DataDefinition, Dataset, Report
from evidently.legacy.calculations.stattests import get_stattest
from evidently.legacy.calculations.stattests.registry import get_registered_stattest
from evidently.legacy.calculations.stattests.tvd_stattest import _total_variation_distance
from evidently.legacy.calculations.stattests.utils import get_binned_data
from evidently.legacy.core import ColumnType
from evidently.presets import DataDriftPreset
from scipy.spatial.distance import jensenshannon
from scipy.stats import energy_distance, wasserstein_distance
from statsmodels.stats.multitest import multipletests

import fixture_cli

SEED = 20261205
TOLERANCE = 1e-12
NUMERIC_METHODS = ["ks", "wasserstein", "jensenshannon", "psi", "kl_div", "hellinger", "anderson",
                   "cramer_von_mises", "mannw", "ed"]
CATEGORICAL_METHODS = ["chisquare", "jensenshannon", "psi", "kl_div", "hellinger"]
# Evidently's display names, as ValueDrift reports them, and the names Plexus shares with its registry.
DISPLAY_NAMES = {"K-S p_value": "ks", "Wasserstein distance (normed)": "wasserstein",
                 "Jensen-Shannon distance": "jensenshannon", "chi-square p_value": "chisquare",
                 "Z-test p_value": "z"}


def rounded(values) -> np.ndarray:
    return np.round(np.asarray(values, dtype=float), 4)


def evidently_verdicts(reference: pd.Series, current: pd.Series, kind: ColumnType, methods: list[str]) -> dict:
    """Each method's score and verdict at its default threshold, as Evidently computes them."""
    verdicts = {}
    for name in methods:
        test = get_registered_stattest(name, kind)
        result = test(reference.copy(), current.copy(), kind, None)
        verdicts[name] = {"score": float(result.drift_score), "drifted": bool(result.drifted),
                          "threshold": float(result.actual_threshold)}
    return verdicts


def numeric_pair(name: str, reference, current) -> dict:
    reference, current = rounded(reference), rounded(current)
    ref, cur = pd.Series(reference), pd.Series(current)
    methods = evidently_verdicts(ref, cur, ColumnType.Numerical, NUMERIC_METHODS)
    p, q = get_binned_data(ref, cur, ColumnType.Numerical, 30, False)
    default = get_stattest(ref, cur, ColumnType.Numerical, None).name
    return {
        "name": name, "kind": "numeric", "reference": reference.tolist(), "current": current.tolist(),
        "evidently": methods, "evidentlyDefault": default,
        "scipy": {"wasserstein": float(wasserstein_distance(reference, current)),
                  "energy": float(energy_distance(reference, current)),
                  "jensenShannonBase2": float(jensenshannon(p, q, 2))},
    }


def categorical_pair(name: str, reference, current) -> dict:
    ref, cur = pd.Series(list(reference)), pd.Series(list(current))
    methods = CATEGORICAL_METHODS + (["z"] if len(set(ref) | set(cur)) <= 2 else [])
    verdicts = evidently_verdicts(ref, cur, ColumnType.Categorical, methods)
    p, q = get_binned_data(ref, cur, ColumnType.Categorical, 30, False)
    default = get_stattest(ref, cur, ColumnType.Categorical, None).name
    return {
        "name": name, "kind": "categorical", "reference": list(reference), "current": list(current),
        "evidently": verdicts, "evidentlyDefault": default,
        "scipy": {"totalVariation": float(_total_variation_distance(ref, cur)),
                  "jensenShannonBase2": float(jensenshannon(p, q, 2))},
    }


def pairs(rng: np.random.Generator) -> list[dict]:
    found = [
        numeric_pair("normal, no shift, 300 vs 200", rng.normal(0, 1, 300), rng.normal(0, 1, 200)),
        numeric_pair("normal, mean shift 0.3, 500 vs 400", rng.normal(0, 1, 500), rng.normal(0.3, 1, 400)),
        numeric_pair("normal, scale 1.5, 2000 vs 1500", rng.normal(5, 2, 2000), rng.normal(5, 3, 1500)),
        numeric_pair("lognormal vs shifted, 1200 vs 3000", rng.lognormal(0, 0.7, 1200), rng.lognormal(0.1, 0.7, 3000)),
        numeric_pair("uniform vs narrower, 80 vs 60", rng.uniform(0, 10, 80), rng.uniform(2, 8, 60)),
        numeric_pair("integers with ties, 400 vs 300", rng.integers(0, 30, 400), rng.integers(2, 32, 300)),
        numeric_pair("few values (8), 600 vs 500", rng.integers(0, 8, 600), rng.integers(0, 8, 500)),
        numeric_pair("disjoint ranges, 50 vs 40", rng.normal(0, 1, 50), rng.normal(10, 1, 40)),
        numeric_pair("constant reference, 100 vs 100", np.full(100, 3.0), rng.normal(3, 0.01, 100)),
        numeric_pair("exponential, 2000 vs 2000", rng.exponential(2, 2000), rng.exponential(2.2, 2000)),
    ]
    labels = np.array(["email", "chat", "phone", "sms", "social"])
    found += [
        categorical_pair("five channels, same shares, 400 vs 300",
                         rng.choice(labels, 400, p=[.4, .3, .15, .1, .05]), rng.choice(labels, 300, p=[.4, .3, .15, .1, .05])),
        categorical_pair("five channels, moved shares, 3000 vs 2000",
                         rng.choice(labels, 3000, p=[.4, .3, .15, .1, .05]), rng.choice(labels, 2000, p=[.25, .35, .2, .1, .1])),
        categorical_pair("a category only in current, 500 vs 500",
                         rng.choice(labels[:3], 500), rng.choice(labels, 500)),
        categorical_pair("binary, 200 vs 150", rng.choice(["yes", "no"], 200, p=[.7, .3]), rng.choice(["yes", "no"], 150, p=[.6, .4])),
        categorical_pair("binary, large, 4000 vs 4000", rng.choice(["yes", "no"], 4000, p=[.5, .5]), rng.choice(["yes", "no"], 4000, p=[.52, .48])),
    ]
    return found


def frame(rng: np.random.Generator, name: str, reference_rows: int, current_rows: int, shift: float) -> dict:
    """Six columns: three numeric (one shifted), an integer code with four values, a categorical
    and a binary one, run through DataDriftPreset."""
    def make(rows: int, moved: float) -> pd.DataFrame:
        return pd.DataFrame({
            "tenure": rounded(rng.gamma(2.0, 10.0 + 4 * moved, rows)),
            "score": rounded(rng.normal(0.6 + 0.1 * moved, 0.15, rows)),
            "handle_time": rounded(rng.lognormal(5.0, 0.4, rows)),
            "priority": rng.integers(1, 5 if moved == 0 else 6, rows).astype(float),
            "channel": rng.choice(["email", "chat", "phone"], rows, p=[.5, .3, .2] if moved == 0 else [.35, .4, .25]),
            "escalated": rng.choice(["yes", "no"], rows, p=[.1, .9] if moved == 0 else [.16, .84]),
        })

    reference, current = make(reference_rows, 0), make(current_rows, shift)
    numeric, categorical = ["tenure", "score", "handle_time", "priority"], ["channel", "escalated"]
    definition = DataDefinition(numerical_columns=numeric, categorical_columns=categorical)
    snapshot = Report([DataDriftPreset()]).run(
        current_data=Dataset.from_pandas(current, data_definition=definition),
        reference_data=Dataset.from_pandas(reference, data_definition=definition),
    )
    columns, count = {}, None
    for metric in snapshot.dict()["metrics"]:
        config = metric["config"]
        if config["type"].endswith("ValueDrift"):
            column = config["column"]
            kind = ColumnType.Numerical if column in numeric else ColumnType.Categorical
            verdict = get_stattest(reference[column], current[column], kind, None)(
                reference[column].copy(), current[column].copy(), kind, None)
            columns[column] = {"method": DISPLAY_NAMES[config["method"]], "threshold": float(config["threshold"]),
                               "score": float(metric["value"]), "drifted": bool(verdict.drifted)}
        elif config["type"].endswith("DriftedColumnsCount"):
            count = metric["value"]
    order = numeric + categorical
    tested = [c for c in order if columns[c]["method"] in ("ks", "chisquare", "z")]
    adjusted = multipletests([columns[c]["score"] for c in tested], method="fdr_bh")[1] if tested else []
    return {
        "name": name, "numeric": numeric, "categorical": categorical,
        "reference": {c: reference[c].tolist() for c in order}, "current": {c: current[c].tolist() for c in order},
        "columns": [dict(name=c, **columns[c]) for c in order],
        "driftedCount": int(count["count"]), "share": float(count["share"]),
        "datasetDrifted": bool(count["share"] >= 0.5),
        "adjustedPValues": {c: float(a) for c, a in zip(tested, adjusted)},
    }


def build() -> dict:
    rng = np.random.default_rng(SEED)
    return {
        "versions": {name: version(name) for name in ("evidently", "scipy", "numpy", "pandas", "statsmodels")},
        "pairs": pairs(rng),
        "frames": [
            frame(rng, "small reference, nothing moved (500 vs 400)", 500, 400, 0),
            frame(rng, "small reference, moved (500 vs 400)", 500, 400, 1),
            frame(rng, "reference of exactly 1,000 (1000 vs 800)", 1000, 800, 1),
            frame(rng, "reference of 1,001 (1001 vs 800)", 1001, 800, 1),
            frame(rng, "large reference, nothing moved (2000 vs 1500)", 2000, 1500, 0),
            frame(rng, "large reference, moved (2000 vs 1500)", 2000, 1500, 1),
        ],
    }


if __name__ == "__main__":
    raise SystemExit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
