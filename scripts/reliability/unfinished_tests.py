#!/usr/bin/env python3
"""Reads a `swift test` log and says why the run ended early: the lines where the test process
crashed (a signal, a fatal error, a backtrace's first frames) and the tests that started but never
finished, among them the ones running when it did. CI prints this when `swift test` fails without
a failed test, so the end of the CI log names the culprit.

Usage: scripts/reliability/unfinished_tests.py LOG
"""
import re
import sys

MARKERS = re.compile(r"(signal|Fatal error|fatal error|Crash|💣|error: Exited|Precondition failed|Assertion failed|"
                     r"Thread \d+ crashed|Illegal instruction|Segmentation fault|Killed)")


def main(path: str) -> int:
    with open(path, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    started: dict[str, int] = {}
    for number, line in enumerate(lines):
        if match := re.match(r'^\S* ?◇ Test (".*?"|\S+\(.*?\)) started\.', line):
            started.setdefault(match.group(1), number)
        elif match := re.match(r'^\S* ?[✔✘] Test (".*?"|\S+\(.*?\))( with .*?)? (passed|failed)', line):
            started.pop(match.group(1), None)
    print(f"swift test ended early: {len(started)} tests started and never finished (tests start together, so most were waiting)")
    for name in sorted(started, key=started.get)[:20]:
        print(f"  unfinished: {name}")
    # The first crash report and what follows it: the backtracer names the crashed thread's frames.
    first = next((number for number, line in enumerate(lines) if MARKERS.search(line) and "✔" not in line), None)
    if first is None:
        print("  no crash report in the log")
    for line in lines[first:first + 80] if first is not None else []:
        print(f"  | {line[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
