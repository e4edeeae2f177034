#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' rank tests (Mann-Whitney U, Cramer-von Mises, Anderson-Darling).

Draws a pool of samples from a fixed numpy seed, rounds every value to 6 decimals (integers where
the case is about ties), and records what scipy computes on the rounded values:

* scipy.stats.mannwhitneyu(x, y, use_continuity=..., alternative=..., method=...): statistic U1
  of x and the p-value, for every alternative, the exact and asymptotic methods, and 'auto' on
  both sides of its rule (exact when min(nx, ny) <= 8 and there are no ties).
* scipy.stats.cramervonmises_2samp(x, y, method=...): the statistic T and the p-value, exact
  ('auto' up to 20 observations per sample) and asymptotic.
* scipy.stats.anderson_ksamp(samples, midrank=...): the standardized statistic, the critical
  values at 25/10/5/2.5/1/0.5/0.1 % and the significance level (capped to [0.001, 0.25]), for
  two and three samples, with and without midranks.

Sizes run from 2 per sample (so the exact distributions are exercised) through 100-2000 to
20,000. The document keeps each sample once under `samples` (id -> values); every case names the
ids it reads, so the large samples serve all three tests without being stored twice.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/rank_test_fixtures.py --out Tests/PlexusStatsTests/Fixtures/rank_tests.json
    python scripts/reference/rank_test_fixtures.py --check Tests/PlexusStatsTests/Fixtures/rank_tests.json
--check regenerates in memory and exits 1 if any number differs from the file by more than
1e-9 (or any count, id or option differs at all).
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import numpy as np
from scipy.stats import anderson_ksamp, cramervonmises_2samp, mannwhitneyu

import fixture_cli  # the shared --out / --check command line

SEED = 20250314
TOLERANCE = 1e-9
DECIMALS = 6
ALTERNATIVES = ("two-sided", "less", "greater")


def draw_samples() -> dict[str, np.ndarray]:
    """Every sample the cases read, by id, in a fixed order from a fixed seed."""
    rng = np.random.default_rng(SEED)
    pool: dict[str, np.ndarray] = {}

    def normal(name: str, size: int, shift: float = 0.0, scale: float = 1.0) -> None:
        if name in pool:
            return  # the tiny pairs share some samples
        pool[name] = np.round(rng.normal(shift, scale, size), DECIMALS)

    def integers(name: str, size: int, low: int, high: int) -> None:
        pool[name] = rng.integers(low, high, size).astype(float)

    # Tiny samples without ties: the exact null distributions run.
    for nx, ny in ((2, 2), (2, 3), (3, 5), (4, 7), (5, 5), (6, 8), (8, 8), (7, 3)):
        normal(f"tiny {nx}a", nx)
        normal(f"tiny {ny}b shifted", ny, shift=0.8)
    pool["males"] = np.array([19.0, 22, 16, 29, 24])
    pool["females"] = np.array([20.0, 11, 17, 12])
    # Tiny samples with ties (integer data).
    for nx, ny in ((4, 4), (5, 6), (8, 7)):
        integers(f"ties {nx}a", nx, 0, 5)
        integers(f"ties {ny}b", ny, 1, 6)
    pool["constant 5"] = np.full(5, 3.0)
    pool["constant 4"] = np.full(4, 3.0)
    # Around the 'auto' thresholds of Mann-Whitney (8) and Cramer-von Mises (20).
    normal("small 9a", 9)
    normal("small 9b", 9, shift=0.5)
    normal("small 8", 8, shift=0.4)
    normal("small 30", 30)
    normal("small 7", 7, shift=-0.3)
    normal("medium 200", 200)
    for size in (13, 17, 19, 20, 21):
        normal(f"cvm {size}", size, shift=0.3 if size % 2 else 0.0)
    integers("cvm ties 12", 12, 0, 6)
    integers("cvm ties 15", 15, 1, 7)
    # Moderate samples.
    normal("moderate 100", 100)
    normal("moderate 120", 120)
    normal("moderate 500 shifted", 500, shift=0.2)
    normal("moderate 300", 300)
    normal("moderate 1000", 1000)
    normal("moderate 1000 wide", 1000, scale=1.3)
    integers("moderate 2000 ints", 2000, 0, 20)
    integers("moderate 1500 ints shifted", 1500, 1, 21)
    # Large samples: one reference and two currents, identical and slightly shifted.
    normal("large a", 20_000)
    normal("large b", 20_000)
    normal("large shifted", 20_000, shift=0.03)
    return pool


def mwu_cases() -> list[dict]:
    """Mann-Whitney U cases as (name, sample ids, alternative, method, continuity)."""
    out = []

    def add(x: str, y: str, alternative="two-sided", method="auto", continuity=True, note=None):
        name = f"MWU {x} vs {y}, {alternative}, {method}" + ("" if continuity else ", no continuity")
        out.append({"name": name, "test": "mannwhitneyu", "samples": [x, y], "alternative": alternative,
                    "method": method, "continuity": continuity, "notes": [note] if note else []})

    tiny = [("tiny 2a", "tiny 2b shifted"), ("tiny 2a", "tiny 3b shifted"), ("tiny 3a", "tiny 5b shifted"),
            ("tiny 4a", "tiny 7b shifted"), ("tiny 5a", "tiny 5b shifted"), ("tiny 6a", "tiny 8b shifted"),
            ("tiny 8a", "tiny 8b shifted"), ("tiny 7a", "tiny 3b shifted"), ("males", "females")]
    for x, y in tiny:
        for alternative in ALTERNATIVES:
            add(x, y, alternative)
            add(x, y, alternative, "asymptotic")
        add(x, y, "two-sided", "asymptotic", continuity=False)
        add(y, x, "less", "exact")
    for x, y in (("ties 4a", "ties 4b"), ("ties 5a", "ties 6b"), ("ties 8a", "ties 7b")):
        for alternative in ALTERNATIVES:
            add(x, y, alternative, note="ties: 'auto' is asymptotic")
        add(x, y, "two-sided", "exact", note="ties with method='exact': U is truncated, no tie correction")
        add(x, y, "greater", "asymptotic", continuity=False)
    add("constant 5", "constant 4", note="all observations equal: zero variance, p-value 1")
    add("small 9a", "small 9b", note="both sizes above 8: 'auto' is asymptotic")
    add("small 9a", "small 9b", "less", "exact")
    add("small 8", "small 30", note="8 observations and no ties: 'auto' is exact")
    add("small 30", "small 8", "greater")
    add("small 7", "medium 200", note="7 vs 200 without ties: 'auto' is exact")
    add("small 7", "medium 200", "less")
    add("small 30", "small 9b", "two-sided", "exact")
    for x, y in (("moderate 100", "moderate 120"), ("moderate 500 shifted", "moderate 300"),
                 ("moderate 1000", "moderate 1000 wide"), ("moderate 2000 ints", "moderate 1500 ints shifted")):
        for alternative in ALTERNATIVES:
            add(x, y, alternative)
    add("moderate 2000 ints", "moderate 1500 ints shifted", "two-sided", "asymptotic", continuity=False)
    for x, y in (("large a", "large b"), ("large a", "large shifted")):
        for alternative in ALTERNATIVES:
            add(x, y, alternative)
    return out


def cvm_cases() -> list[dict]:
    """Cramer-von Mises cases as (name, sample ids, method)."""
    out = []

    def add(x: str, y: str, method="auto", note=None):
        out.append({"name": f"CvM {x} vs {y}, {method}", "test": "cramervonmises", "samples": [x, y],
                    "method": method, "notes": [note] if note else []})

    for x, y in (("tiny 2a", "tiny 2b shifted"), ("tiny 2a", "tiny 3b shifted"), ("tiny 4a", "tiny 7b shifted"),
                 ("tiny 6a", "tiny 8b shifted"), ("tiny 8a", "tiny 8b shifted"), ("males", "females"),
                 ("ties 5a", "ties 6b"), ("ties 8a", "ties 7b"), ("cvm ties 12", "cvm ties 15"),
                 ("cvm 13", "cvm 17"), ("cvm 19", "cvm 20"), ("cvm 20", "small 9b"), ("small 8", "cvm 17")):
        add(x, y)
        add(x, y, "asymptotic")
    add("cvm 20", "cvm 21", note="21 observations: 'auto' is asymptotic")
    add("cvm 20", "cvm 21", "exact")
    add("constant 5", "constant 4", note="all observations equal")
    for x, y in (("moderate 100", "moderate 120"), ("moderate 500 shifted", "moderate 300"),
                 ("moderate 1000", "moderate 1000 wide"), ("moderate 2000 ints", "moderate 1500 ints shifted"),
                 ("large a", "large b"), ("large a", "large shifted")):
        add(x, y)
    return out


def ad_cases() -> list[dict]:
    """Anderson-Darling k-sample cases as (name, sample ids, midrank)."""
    out = []

    def add(ids: list[str], midrank=True, note=None):
        name = "AD " + " vs ".join(ids) + ("" if midrank else ", midrank=False")
        out.append({"name": name, "test": "anderson", "samples": ids, "midrank": midrank,
                    "notes": [note] if note else []})

    for ids in (["tiny 2a", "tiny 3b shifted"], ["tiny 4a", "tiny 7b shifted"], ["males", "females"],
                ["ties 5a", "ties 6b"], ["ties 4a", "ties 4b", "ties 8a"], ["tiny 3a", "tiny 5b shifted", "tiny 7a"],
                ["cvm 13", "cvm 17", "cvm 19"], ["moderate 100", "moderate 120"],
                ["moderate 500 shifted", "moderate 300"], ["moderate 1000", "moderate 1000 wide", "moderate 100"],
                ["moderate 2000 ints", "moderate 1500 ints shifted"], ["large a", "large b"],
                ["large a", "large b", "large shifted"], ["small 30", "small 9b"],
                ["moderate 120", "moderate 300", "medium 200"], ["moderate 100", "moderate 500 shifted"]):
        add(ids)
        add(ids, midrank=False)
    add(["constant 5", "tiny 2a"], note="one sample constant, the pool is not")
    return out


def reference(case: dict, pool: dict[str, np.ndarray]) -> dict:
    """scipy's result for one case."""
    data = [pool[name] for name in case["samples"]]
    if case["test"] == "mannwhitneyu":
        result = mannwhitneyu(*data, use_continuity=case["continuity"], alternative=case["alternative"],
                              method=case["method"])
        return {"statistic": float(result.statistic), "pValue": float(result.pvalue)}
    if case["test"] == "cramervonmises":
        result = cramervonmises_2samp(*data, method=case["method"])
        return {"statistic": float(result.statistic), "pValue": float(result.pvalue)}
    result = anderson_ksamp(data, midrank=case["midrank"])
    return {"statistic": float(result.statistic), "criticalValues": [float(v) for v in result.critical_values],
            "significanceLevel": float(result.significance_level)}


def build() -> dict:
    """The whole fixture document."""
    pool = draw_samples()
    cases = mwu_cases() + cvm_cases() + ad_cases()
    for case in cases:
        case["expected"] = reference(case, pool)
    names = [case["name"] for case in cases]
    assert len(set(names)) == len(names), "case names must be unique"
    used = {name for case in cases for name in case["samples"]}
    assert used == set(pool), f"unused samples: {sorted(set(pool) - used)}"
    return {
        "generator": "scripts/reference/rank_test_fixtures.py",
        "seed": SEED,
        "tolerance": TOLERANCE,
        "versions": {name: version(name) for name in ("scipy", "numpy")},
        "samples": {name: [float(v) for v in values] for name, values in pool.items()},
        "cases": cases,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
