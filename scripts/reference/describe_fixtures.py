#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' column statistics, from pandas and NumPy.

Each numeric case is a column drawn from a fixed numpy seed and rounded to 6 decimals (missing
values are `null`), with what pandas reports for it: `count()`, the missing count, `nunique()`,
`mean()`, `std()` (ddof 1), `min()`, `quantile([.01, .05, .25, .5, .75, .95, .99])` (linear
interpolation), `max()`, `skew()` and `kurt()` (bias-corrected, excess), and
`np.histogram(values, bins="sturges")`. Statistics pandas leaves undefined (a std of one value,
skewness below 3 values, kurtosis below 4) are `null`. Each categorical case records its value
counts, most frequent first with ties in name order (pandas leaves the order of ties unspecified).

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/describe_fixtures.py --out Tests/PlexusStatsTests/Fixtures/describe.json
    python scripts/reference/describe_fixtures.py --check Tests/PlexusStatsTests/Fixtures/describe.json
--check regenerates in memory and exits 1 if any number differs by more than 1e-12.
"""

from __future__ import annotations

import math
from importlib.metadata import version

import numpy as np
import pandas as pd

import fixture_cli

SEED = 20261206
TOLERANCE = 1e-12
LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]


def defined(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def numeric(name: str, values, missing_every: int = 0) -> dict:
    values = np.round(np.asarray(values, dtype=float), 6)
    if missing_every:
        values[::missing_every] = np.nan
    column = pd.Series(values)
    present = column.dropna().to_numpy()
    counts, edges = np.histogram(present, bins="sturges") if len(present) else ([], [])
    return {
        "name": name,
        "values": [None if math.isnan(v) else float(v) for v in values],
        "expected": {
            "count": int(column.count()), "missing": int(column.isna().sum()), "distinct": int(column.nunique()),
            "mean": defined(column.mean()), "std": defined(column.std()),
            "min": defined(column.min()), "max": defined(column.max()),
            "quantiles": [float(q) for q in column.quantile(LEVELS)] if len(present) else [],
            "skewness": defined(column.skew()), "kurtosis": defined(column.kurt()),
            "histogram": {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]},
        },
    }


def categorical(name: str, values) -> dict:
    counts = pd.Series(list(values)).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {"name": name, "values": list(values),
            "expected": {"top": [{"value": v, "count": int(c)} for v, c in ordered[:20]], "distinct": len(ordered)}}


def build() -> dict:
    rng = np.random.default_rng(SEED)
    words = np.array([f"reason-{i:02d}" for i in range(30)])
    return {
        "versions": {name: version(name) for name in ("pandas", "numpy")},
        "numeric": [
            numeric("standard normal, 1,000", rng.normal(0, 1, 1000)),
            numeric("lognormal, right-skewed, 5,000", rng.lognormal(1, 0.8, 5000)),
            numeric("left-skewed (negated gamma), 800", -rng.gamma(1.5, 2, 800)),
            numeric("integers with many ties, 300", rng.integers(0, 12, 300)),
            numeric("every 7th value missing, 200", rng.normal(50, 10, 200), missing_every=7),
            numeric("large offset, 2,000", 1e6 + rng.normal(0, 3, 2000)),
            numeric("constant, 50", np.full(50, 4.25)),
            numeric("one value", [3.5]),
            numeric("two values", [1.0, 4.0]),
            numeric("three values", [1.0, 2.0, 10.0]),
            numeric("four values", [1.0, 2.0, 2.0, 9.0]),
            numeric("uniform, 130 (histogram edges not round)", rng.uniform(-3.3, 7.7, 130)),
        ],
        "categorical": [
            categorical("thirty reasons, Zipf-like, 3,000", rng.choice(words, 3000, p=np.arange(30, 0, -1) / 465)),
            categorical("ties in counts", ["b", "a", "c", "a", "b", "c", "d"]),
        ],
    }


if __name__ == "__main__":
    raise SystemExit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
