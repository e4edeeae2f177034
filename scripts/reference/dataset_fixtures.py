#!/usr/bin/env python3
"""Reference fixtures for PlexusMonitoring's dataset profiles: generated CSV files and what pandas
reads from them.

Each case is a CSV text drawn from a fixed numpy seed (numeric columns with missing cells, a
quoted text column holding delimiters, quotes and line breaks, a categorical column), written
with `,` or `;` as the delimiter, and for every column what `pandas.read_csv` (defaults, with
`sep` set) then reports: `count()`, missing cells, `nunique()`, and for numeric columns
`mean()`, `std()`, `min()`, `max()`, `quantile([.01, .05, .25, .5, .75, .95, .99])`, `skew()`
and `kurt()`; for the others the value counts, most frequent first with ties in name order.
The Swift test uploads the same text through `DatasetIngest` and profiles it, so the whole path
(parser, type inference, chunks, statistics) is checked against pandas.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/dataset_fixtures.py --out Tests/PlexusMonitoringTests/Fixtures/datasets.json
    python scripts/reference/dataset_fixtures.py --check Tests/PlexusMonitoringTests/Fixtures/datasets.json
--check regenerates in memory and exits 1 if any number differs by more than 1e-12.
"""

from __future__ import annotations

import io
import math
from importlib.metadata import version

import numpy as np
import pandas as pd

import fixture_cli

SEED = 20261207
TOLERANCE = 1e-12
LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]


def defined(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def frame(rng: np.random.Generator, rows: int) -> pd.DataFrame:
    handle = np.round(rng.lognormal(5, 0.5, rows), 3)
    handle[rng.random(rows) < 0.05] = np.nan
    waits = rng.integers(0, 600, rows).astype(float)
    waits[rng.random(rows) < 0.1] = np.nan
    phrases = ['asked for a refund', 'said "thanks, bye"', "line one\nline two", "plain; with semicolon", "ok"]
    return pd.DataFrame({
        "call_id": np.arange(1, rows + 1),
        "handle_seconds": handle,
        "wait_seconds": waits,
        "sentiment": np.round(rng.normal(0.1, 0.4, rows), 4),
        "channel": rng.choice(["phone", "chat", "email"], rows, p=[0.5, 0.3, 0.2]),
        "note": [phrases[i] for i in rng.integers(0, len(phrases), rows)],
    })


def case(name: str, data: pd.DataFrame, sep: str) -> dict:
    text = data.to_csv(index=False, sep=sep, lineterminator="\n")
    read = pd.read_csv(io.StringIO(text), sep=sep)
    columns = []
    for column in read.columns:
        series = read[column]
        expected = {"name": column, "count": int(series.count()), "missing": int(series.isna().sum()),
                    "distinct": int(series.nunique())}
        if pd.api.types.is_numeric_dtype(series):
            expected.update({
                "mean": defined(series.mean()), "std": defined(series.std()),
                "min": defined(series.min()), "max": defined(series.max()),
                "quantiles": [float(q) for q in series.quantile(LEVELS)],
                "skewness": defined(series.skew()), "kurtosis": defined(series.kurt()),
            })
        else:
            counts = sorted(series.value_counts().items(), key=lambda item: (-item[1], item[0]))
            expected["top"] = [{"value": v, "count": int(c)} for v, c in counts[:20]]
        columns.append(expected)
    return {"name": name, "csv": text, "rows": len(read), "columns": columns}


def build() -> dict:
    rng = np.random.default_rng(SEED)
    return {
        "versions": {name: version(name) for name in ("pandas", "numpy")},
        "cases": [
            case("calls, comma-separated, 500 rows", frame(rng, 500), ","),
            case("calls, semicolon-separated, 1,500 rows", frame(rng, 1500), ";"),
        ],
    }


if __name__ == "__main__":
    raise SystemExit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
