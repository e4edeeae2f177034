#!/usr/bin/env python3
"""Reference fixtures for PlexusStats' two-sample Kolmogorov-Smirnov test and the Kolmogorov distribution.

Generates deterministic cases (fixed numpy seed) in three lists:

* `cases`: pairs of samples (reference, current), each with the results of
  scipy.stats.ks_2samp(reference, current, alternative=..., method=...) for every alternative
  (two-sided, less, greater) and method (auto, exact, asymptotic; SciPy spells the last 'asymp').
  Samples are rounded to 6 decimals (integer-valued ones stay integers) and the reference is
  computed on the rounded values, so the Swift side reads exactly the numbers SciPy saw.
  The cases cover tiny samples (1 to 10 observations), equal and unequal sizes, ties
  (integer-valued data), sizes where 'auto' is exact (max size <= 10000: 50x80, 1000x1000,
  300x7000) and where it is asymptotic (200x12000, 1000x20000), shifted distributions
  (p-values near 0), identical samples and distributions (p-values near 1) and disjoint
  samples. Each result's `pathway` records what SciPy actually did: "exact", "asymptotic", or
  "exact, then asymptotic" when the exact computation gave up (SciPy warns; for one-sided
  tests with unequal sizes this happens once binom(n1 + n2, n1) overflows a double).
  Two single observations with method='asymp' and the two-sided alternative make SciPy return
  NaN (kstwo with n = round(0.5) = 0); those results are left out and PlexusStats throws.
* `distribution`: scipy.stats.kstwo.sf(x, n) and kstwo.cdf(x, n) on a grid of n from 1 to 5000
  (plus a few larger n) and x from 1e-3 to 0.99, with points placed on both sides of every
  boundary where scipy.stats._ksstats._kolmogn changes method; `sfRegime` and `cdfRegime` name
  the method SciPy used (the survival function and the CDF switch at different places for
  n > 140), and the build fails unless every regime occurs.
* `smirnov`: scipy.special.smirnov(n, x), the exact one-sided survival function, on a grid.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/kolmogorov_fixtures.py --out Tests/PlexusStatsTests/Fixtures/kolmogorov.json
    python scripts/reference/kolmogorov_fixtures.py --check Tests/PlexusStatsTests/Fixtures/kolmogorov.json
--check regenerates in memory and exits 1 if any number differs from the file by more than
1e-9 absolute (or any input, name or size differs at all).
"""

from __future__ import annotations

import math
import sys
import warnings
from importlib.metadata import version

import numpy as np
from scipy import special, stats

import fixture_cli  # the shared --out / --check command line

SEED = 20240717
TOLERANCE = 1e-9
DECIMALS = 6
ALTERNATIVES = ("two-sided", "less", "greater")
METHODS = {"auto": "auto", "exact": "exact", "asymptotic": "asymp"}  # PlexusStats' name: SciPy's


def ks_results(reference: np.ndarray, current: np.ndarray) -> list[dict]:
    """ks_2samp for every alternative and method, with the pathway SciPy took."""
    results = []
    for alternative in ALTERNATIVES:
        for method, scipy_method in METHODS.items():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = stats.ks_2samp(reference, current, alternative=alternative, method=scipy_method)
            if math.isnan(result.pvalue):
                continue
            fell_back = any("Switching to" in str(w.message) for w in caught)
            asymptotic = scipy_method == "asymp" or (
                scipy_method == "auto" and max(len(reference), len(current)) > 10_000)
            pathway = "exact, then asymptotic" if fell_back else ("asymptotic" if asymptotic else "exact")
            results.append({"alternative": alternative, "method": method, "pathway": pathway,
                            "statistic": float(result.statistic), "pValue": float(result.pvalue)})
    return results


def sample_cases() -> list[dict]:
    """The sample pairs, in a fixed order from a fixed seed."""
    rng = np.random.default_rng(SEED)
    out: list[dict] = []

    def add(name: str, reference, current, notes: list[str] | None = None) -> None:
        reference = np.round(np.asarray(reference, dtype=float), DECIMALS)
        current = np.round(np.asarray(current, dtype=float), DECIMALS)
        out.append({"name": name, "reference": reference, "current": current, "notes": notes or []})

    normal = rng.standard_normal
    # Tiny samples: every (alternative, method) pathway at sizes where the exact counts are small.
    for n1, n2 in ((1, 1), (1, 2), (2, 1), (2, 3), (3, 3), (4, 4), (5, 7), (6, 10), (1, 10), (8, 3),
                   (9, 9), (10, 10), (10, 7)):
        add(f"tiny {n1}x{n2}, normal", normal(n1), normal(n2))
    add("tiny 3x4, disjoint", [0.1, 0.2, 0.3], [5.0, 6.0, 7.0, 8.0])
    add("tiny 4x3, disjoint the other way", [5.0, 6.0, 7.0, 8.0], [0.1, 0.2, 0.3])
    add("tiny 7x5, ties in 0..3", rng.integers(0, 4, 7), rng.integers(0, 4, 5))
    add("tiny 10x10, ties in 0..2", rng.integers(0, 3, 10), rng.integers(0, 3, 10))
    add("single equal observations", [2.5], [2.5])
    same = normal(30)
    add("identical samples 30x30", same, same.copy(), ["statistic 0, p-value 1"])
    # Medium sizes, exact under 'auto'.
    add("50x80, same distribution", normal(50), normal(80))
    add("50x80, shifted by 0.5", normal(50), normal(80) + 0.5)
    add("80x50, wider current", normal(80), 2 * normal(50))
    add("120x95, same distribution", normal(120), normal(95))
    add("100x100, same distribution", normal(100), normal(100))
    add("100x100, shifted by 0.8", normal(100) + 0.8, normal(100))
    add("40x60, ties in 0..5", rng.integers(0, 6, 40), rng.integers(0, 6, 60))
    add("20x25, disjoint", normal(20), normal(25) + 100, ["statistic 1"])
    add("400x450, same distribution", normal(400), normal(450),
        ["one-sided exact still fits a double: binom(850, 400) < 1.8e308"])
    add("700x900, shifted by 0.1", normal(700), normal(900) + 0.1,
        ["one-sided exact overflows binom(1600, 700) and SciPy falls back to the asymptotic formula"])
    add("500x700, ties in 0..20", rng.integers(0, 21, 500), rng.integers(0, 21, 700))
    same = normal(500)
    add("identical samples 500x500", same, same.copy(), ["statistic 0, p-value 1"])
    add("1000x1000, same distribution", normal(1000), normal(1000))
    add("1000x1000, shifted by 0.1", normal(1000), normal(1000) + 0.1)
    add("1000x1000, shifted by 1", normal(1000), normal(1000) + 1.0, ["p-value near 0"])
    add("1000x1000, Poisson(3) ties", rng.poisson(3.0, 1000), rng.poisson(3.0, 1000))
    add("300x7000, same distribution", normal(300), normal(7000))
    add("300x7000, shifted by 0.2", normal(300) + 0.2, normal(7000))
    # Asymptotic under 'auto' (max size > 10000).
    add("200x12000, same distribution", normal(200), normal(12000))
    add("200x12000, Poisson(4) ties", rng.poisson(4.0, 200), rng.poisson(4.0, 12000))
    add("1000x20000, shifted by 0.05", normal(1000), normal(20000) + 0.05)
    return out


def regime(n: int, x: float, cdf: bool) -> str:
    """Which branch of scipy.stats._ksstats._kolmogn computes kstwo at (n, x)."""
    if x >= 1.0 or x <= 0.0:
        return "bounds"
    t = n * x
    if t <= 1.0:
        return "bounds" if t <= 0.5 else "ruben-gambino-low"
    if t >= n - 1:
        return "ruben-gambino-high"
    if x >= 0.5:
        return "2*smirnov"
    nxsquared = t * x
    if n <= 140:
        if nxsquared <= 0.754693:
            return "durbin-mtw"
        if nxsquared <= 4:
            return "pomeranz"
        return "2*smirnov"
    if not cdf:
        if nxsquared >= 370.0:
            return "zero"
        if nxsquared >= 2.2:
            return "2*smirnov"
    if nxsquared >= 18.0:
        return "one"
    if n <= 100000 and n * x ** 1.5 <= 1.4:
        return "durbin-mtw"
    return "pelz-good"


def distribution_grid() -> list[tuple[int, float]]:
    """(n, x) points spanning every regime of _kolmogn."""
    grid = [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.13, 0.17, 0.2, 0.25, 0.3, 0.35,
            0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    points = []
    for n in (1, 2, 3, 4, 5, 7, 10, 20, 50, 100, 139, 140, 141, 200, 500, 1000, 2000, 5000):
        xs = set(grid)
        xs.update({0.75 / n, 1.0 / n, 1.5 / n, 1.0 - 1.5 / n, 1.0 - 0.5 / n})
        # Both sides of each n*x^2 boundary, and of the n*x^1.5 = 1.4 one.
        for c in (0.3, 0.754693, 1.0, 2.2, 4.0, 10.0, 18.0, 100.0, 370.0):
            xs.update({math.sqrt(c / n) * 0.999, math.sqrt(c / n) * 1.001})
        xs.update({(1.4 / n) ** (2 / 3) * 0.999, (1.4 / n) ** (2 / 3) * 1.001})
        points += [(n, float(x)) for x in sorted(xs) if 0.0 < x < 1.0]
    # Large n: the Durbin matrix up to n = 100000, Pelz-Good beyond.
    for n in (20_000, 100_000, 200_000):
        for x in (0.0005, 0.001, 0.002, 0.004, 0.006, 0.008, 0.012, 0.02, 0.05):
            points.append((n, x))
    return points


def distribution() -> list[dict]:
    """kstwo's survival function and CDF on the grid, with the regime of each."""
    rows = []
    for n, x in distribution_grid():
        rows.append({"n": n, "x": x,
                     "sf": float(stats.kstwo.sf(x, n)), "cdf": float(stats.kstwo.cdf(x, n)),
                     "sfRegime": regime(n, x, cdf=False), "cdfRegime": regime(n, x, cdf=True)})
    expected = {"bounds", "ruben-gambino-low", "ruben-gambino-high", "2*smirnov", "durbin-mtw",
                "pomeranz", "pelz-good", "zero", "one"}
    seen = {row["sfRegime"] for row in rows} | {row["cdfRegime"] for row in rows}
    if seen != expected:
        raise SystemExit(f"distribution grid misses regimes {sorted(expected - seen)}")
    return rows


def smirnov() -> list[dict]:
    """scipy.special.smirnov(n, x) on a grid of sizes and deviations."""
    rows = []
    for n in (1, 2, 3, 5, 10, 50, 100, 1000, 5000, 100_000):
        xs = {0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99, 0.5 / n, 1.0 / n, 1.0 - 1.0 / n,
              1.0 - 0.5 / n, math.sqrt(1.0 / n), math.sqrt(5.0 / n)}
        rows += [{"n": n, "x": float(x), "sf": float(special.smirnov(n, x))} for x in sorted(xs) if 0 < x < 1]
    return rows


def as_json_numbers(values: np.ndarray) -> list:
    """Integer-valued samples as ints (shorter JSON), the rest as floats."""
    if np.all(values == np.round(values)) and np.all(np.abs(values) < 2 ** 31):
        return [int(v) for v in values]
    return [float(v) for v in values]


def build() -> dict:
    """The whole fixture document."""
    documents = []
    for case in sample_cases():
        documents.append({"name": case["name"], "reference": as_json_numbers(case["reference"]),
                          "current": as_json_numbers(case["current"]),
                          "results": ks_results(case["reference"], case["current"]), "notes": case["notes"]})
    return {
        "generator": "scripts/reference/kolmogorov_fixtures.py",
        "seed": SEED,
        "tolerance": TOLERANCE,
        "versions": {name: version(name) for name in ("scipy", "numpy")},
        "cases": documents,
        "distribution": distribution(),
        "smirnov": smirnov(),
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
