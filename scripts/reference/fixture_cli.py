"""The command line every reference-fixture script shares: `--out PATH` writes a fresh document,
`--check PATH` exits 1 unless the committed document matches a fresh run within a tolerance."""
import argparse
import json
import math
import sys
import warnings


def differences(expected, actual, tolerance: float, path: str = "") -> list[str]:
    """Every place where `actual` differs from `expected` (floats by more than `tolerance`)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return [] if expected == actual else [f"{path}: {actual!r} != {expected!r}"]
    if isinstance(expected, float) or isinstance(actual, float):
        if not isinstance(expected, (int, float)) or not isinstance(actual, (int, float)):
            return [f"{path}: {actual!r} != {expected!r}"]
        ok = math.isclose(expected, actual, rel_tol=0.0, abs_tol=tolerance)
        return [] if ok else [f"{path}: {actual!r} differs from {expected!r} by {abs(actual - expected):.3g}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            if key == "versions":
                continue  # tool versions are informative; the numbers are what must agree
            if key not in expected or key not in actual:
                found.append(f"{path}/{key}: present on one side only")
            else:
                found += differences(expected[key], actual[key], tolerance, f"{path}/{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: length {len(actual)} != {len(expected)}"]
        found = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            found += differences(e, a, tolerance, f"{path}[{i}]")
        return found
    return [] if expected == actual else [f"{path}: {actual!r} != {expected!r}"]


def case_count(document: dict) -> int:
    """The cases a document holds: its `cases` list, or every list at its top level."""
    if "cases" in document:
        return len(document["cases"])
    return sum(len(value) for value in document.values() if isinstance(value, list))


def run(description: str, build, tolerance: float) -> int:
    """Parses the arguments, builds the document with `build()`, and writes or checks it."""
    parser = argparse.ArgumentParser(description=description)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", metavar="PATH", help="write the fixtures to PATH")
    group.add_argument("--check", metavar="PATH", help="exit 1 unless PATH matches a fresh run")
    args = parser.parse_args()

    # The reference libraries warn on the degenerate cases on purpose; each case's `notes` says what matters.
    warnings.simplefilter("ignore")
    document = build()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=1)
            handle.write("\n")
        print(f"wrote {case_count(document)} cases to {args.out}")
        return 0

    with open(args.check, encoding="utf-8") as handle:
        committed = json.load(handle)
    found = differences(document, committed, tolerance)
    if found:
        print(f"{args.check} differs from a fresh run ({len(found)} differences):", file=sys.stderr)
        for line in found[:50]:
            print(f"  {line}", file=sys.stderr)
        print("Regenerate it with --out and review the diff.", file=sys.stderr)
        return 1
    print(f"{args.check}: all {case_count(document)} cases match within {tolerance:g}")
    return 0
