#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' classifier comparison (McNemar's test, paired bootstrap).

Generates ~20 deterministic cases (fixed numpy seed). Each case draws per-item correctness of a
baseline and a candidate classifier and records the paired 2x2 table (bothCorrect,
baselineOnlyCorrect = b, candidateOnlyCorrect = c, bothWrong), which is all McNemar's test reads;
the Swift tests rebuild correctness arrays from the table. For each case:

* statsmodels' mcnemar(table, exact=True): statistic min(b, c) and the two-sided binomial
  p-value 2 * Binom(b + c, 0.5).cdf(min(b, c)), capped at 1.
* statsmodels' mcnemar(table, exact=False, correction=True): (|b - c| - 1)^2 / (b + c) and its
  chi-square(1) survival probability. With b = c this is 1 / (b + c), not 0, as in statsmodels
  and R's mcnemar.test.
  With b + c = 0 statsmodels divides by zero (statistic inf, p-value 0); the fixture holds
  PlexusStats' convention instead (statistic 0, p-value 1: no discordant pair, no evidence)
  and says so in `notes`.
* For cases with n >= 200 and "bootstrap" set: scipy.stats.bootstrap((baseline, candidate),
  mean(candidate) - mean(baseline), paired=True, method='percentile', n_resamples=10000,
  confidence_level=0.95, random_state=SEED) on the drawn arrays. Swift uses its own generator,
  so its interval is compared within 0.02, not exactly.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/comparison_fixtures.py --out Tests/PlexusStatsTests/Fixtures/comparison.json
    python scripts/reference/comparison_fixtures.py --check Tests/PlexusStatsTests/Fixtures/comparison.json
--check regenerates in memory and exits 1 if any number differs from the file by more than
1e-12 (or any count differs at all).
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import numpy as np
from scipy.stats import bootstrap
from statsmodels.stats.contingency_tables import mcnemar

import fixture_cli  # the shared --out / --check command line

SEED = 20240612
TOLERANCE = 1e-12
RESAMPLES = 10_000
CONFIDENCE = 0.95


def table_of(baseline: np.ndarray, candidate: np.ndarray) -> dict:
    """The paired 2x2 table of two correctness arrays."""
    return {
        "bothCorrect": int(np.sum(baseline & candidate)),
        "baselineOnlyCorrect": int(np.sum(baseline & ~candidate)),
        "candidateOnlyCorrect": int(np.sum(~baseline & candidate)),
        "bothWrong": int(np.sum(~baseline & ~candidate)),
    }


def reference_mcnemar(table: dict) -> tuple[dict, list[str]]:
    """statsmodels' exact and continuity-corrected McNemar results for `table`."""
    b, c = table["baselineOnlyCorrect"], table["candidateOnlyCorrect"]
    square = [[table["bothCorrect"], b], [c, table["bothWrong"]]]
    exact = mcnemar(square, exact=True)
    notes: list[str] = []
    if b + c == 0:
        statistic, pvalue = 0.0, 1.0
        notes.append("b + c = 0: statsmodels' chi-square divides by zero (inf, p 0); PlexusStats' convention is 0, p 1")
    else:
        corrected = mcnemar(square, exact=False, correction=True)
        statistic, pvalue = float(corrected.statistic), float(corrected.pvalue)
    return {
        "exactStatistic": int(exact.statistic),
        "exactPValue": float(exact.pvalue),
        "chiSquareStatistic": statistic,
        "chiSquarePValue": pvalue,
    }, notes


def reference_bootstrap(baseline: np.ndarray, candidate: np.ndarray) -> dict:
    """scipy's paired percentile bootstrap of accuracy(candidate) - accuracy(baseline)."""
    result = bootstrap(
        (baseline.astype(float), candidate.astype(float)),
        statistic=lambda a, b, axis=-1: np.mean(b, axis=axis) - np.mean(a, axis=axis),
        paired=True,
        vectorized=True,
        method="percentile",
        n_resamples=RESAMPLES,
        confidence_level=CONFIDENCE,
        random_state=np.random.default_rng(SEED),
    )
    return {
        "difference": float(np.mean(candidate) - np.mean(baseline)),
        "lower": float(result.confidence_interval.low),
        "upper": float(result.confidence_interval.high),
        "resamples": RESAMPLES,
        "confidence": CONFIDENCE,
    }


def cases() -> list[dict]:
    """The fixture cases as correctness arrays, in a fixed order from a fixed seed."""
    rng = np.random.default_rng(SEED)
    out: list[dict] = []

    def add(name: str, baseline, candidate, with_bootstrap: bool = False) -> None:
        out.append({"name": name, "baseline": np.asarray(baseline, dtype=bool),
                    "candidate": np.asarray(candidate, dtype=bool), "bootstrap": with_bootstrap})

    def correlated(n: int, p_baseline: float, p_candidate: float, agree: float):
        """Candidate copies the baseline's correctness with probability `agree`, else draws its own."""
        baseline = rng.random(n) < p_baseline
        own = rng.random(n) < p_candidate
        return baseline, np.where(rng.random(n) < agree, baseline, own)

    add("one item, both right", [True], [True])
    add("one item, only the candidate right", [False], [True])
    add("one item, only the baseline right", [True], [False])
    add("two items, one discordant each way", [True, False], [False, True])
    add("b + c = 0, mixed outcomes", [True, False, True, False], [True, False, True, False])
    a = rng.random(500) < 0.8
    add("identical classifiers, n=500", a, a, with_bootstrap=True)
    for n, pa, pb, agree in ((12, 0.6, 0.6, 0.3), (37, 0.5, 0.8, 0.2), (80, 0.7, 0.7, 0.5),
                             (150, 0.9, 0.6, 0.4)):
        add(f"n={n}, accuracy {pa} vs {pb}", *correlated(n, pa, pb, agree))
    add("balanced b = c = 10", [True] * 10 + [False] * 10, [False] * 10 + [True] * 10)
    add("skewed b = 0, c = 25", [False] * 25 + [True] * 5, [True] * 30)
    add("skewed b = 25, c = 1", [True] * 25 + [False] + [True] * 4, [False] * 25 + [True] * 5)
    b, c = correlated(300, 0.75, 0.8, 0.6)
    add("n=300, small improvement", b, c, with_bootstrap=True)
    add("n=400, candidate much better", *correlated(400, 0.6, 0.9, 0.3), with_bootstrap=True)
    add("n=250, candidate worse", *correlated(250, 0.85, 0.7, 0.3), with_bootstrap=True)
    add("n=1000, nearly balanced", *correlated(1000, 0.7, 0.71, 0.5))
    add("n=2000, skewed", *correlated(2000, 0.65, 0.75, 0.4))
    add("n=5000, balanced", *correlated(5000, 0.5, 0.5, 0.0))
    add("n=5000, tiny p-value", *correlated(5000, 0.55, 0.8, 0.1))
    add("n=5000, b = c exactly", [True] * 2000 + [False] * 2000 + [True] * 1000,
        [False] * 2000 + [True] * 2000 + [True] * 1000)
    return out


def build() -> dict:
    """The whole fixture document."""
    documents = []
    for case in cases():
        table = table_of(case["baseline"], case["candidate"])
        mcnemar_expected, notes = reference_mcnemar(table)
        document = {"name": case["name"], "count": int(len(case["baseline"])), "table": table,
                    "mcnemar": mcnemar_expected, "bootstrap": None, "notes": notes}
        if case["bootstrap"]:
            document["bootstrap"] = reference_bootstrap(case["baseline"], case["candidate"])
        documents.append(document)
    return {
        "generator": "scripts/reference/comparison_fixtures.py",
        "seed": SEED,
        "versions": {name: version(name) for name in ("statsmodels", "scipy", "numpy")},
        "cases": documents,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
