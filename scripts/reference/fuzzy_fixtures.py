#!/usr/bin/env python3
"""Reference fixtures for PlexusScoring's fuzzy matching (Text/FuzzyMatcher and EditDistance).

Generates deterministic cases (fixed random seed) of already-normalized text (lowercase words of
letters and digits joined by single spaces, some non-ASCII, some longer than 64 characters so
both the bit-parallel and the row-by-row code paths run):

* "pair" cases: two strings with RapidFuzz's Levenshtein.distance, Levenshtein.normalized_similarity,
  Indel.distance and fuzz.token_set_ratio / 100 (processor=None, the strings are normalized already).
* "window" cases: a phrase and a text, with the best similarity over every window of consecutive
  words of the text whose length lies in [n - slack, n + slack] (n = phrase words,
  slack = max(1, n // 4), both capped at the text's word count), by brute force, for each method.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/fuzzy_fixtures.py --out Tests/PlexusScoringTests/Fixtures/fuzzy.json
    python scripts/reference/fuzzy_fixtures.py --check Tests/PlexusScoringTests/Fixtures/fuzzy.json
--check regenerates in memory and exits 1 if any similarity differs by more than 1e-9.
"""

from __future__ import annotations

import random
import sys
from importlib.metadata import version

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

import fixture_cli  # the shared --out / --check command line

SEED = 20261123
TOLERANCE = 1e-9
VOCABULARY = (
    "this call may be recorded for quality and training purposes thank you calling acme how can i help "
    "today my name is sam please verify your account number date of birth café naïve über straße 2024 42"
).split()
LETTERS = "abcdefghijklmnopqrstuvwxyzé"


def typo(word: str, rng: random.Random) -> str:
    """`word` with one random edit: substitution, insertion or deletion."""
    position = rng.randrange(len(word))
    edit = rng.choice(["sub", "ins", "del"]) if len(word) > 1 else "ins"
    if edit == "sub":
        return word[:position] + rng.choice(LETTERS) + word[position + 1:]
    if edit == "ins":
        return word[:position] + rng.choice(LETTERS) + word[position:]
    return word[:position] + word[position + 1:]


def sentence(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(VOCABULARY) for _ in range(rng.randint(low, high))]


def garble(words: list[str], rng: random.Random, rate: float) -> list[str]:
    """A said-imperfectly copy: typos, dropped, swapped and extra words."""
    out = []
    for word in words:
        roll = rng.random()
        if roll < rate / 3:
            continue
        out.append(typo(word, rng) if roll < rate else word)
        if rng.random() < rate / 4:
            out.append(rng.choice(VOCABULARY))
    if len(out) > 2 and rng.random() < rate:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out or [rng.choice(VOCABULARY)]


def pair_case(name: str, a: str, b: str) -> dict:
    return {
        "name": name, "kind": "pair", "a": a, "b": b,
        "levenshtein": Levenshtein.distance(a, b),
        "levenshteinSimilarity": Levenshtein.normalized_similarity(a, b),
        "indel": Indel.distance(a, b),
        "tokenSet": fuzz.token_set_ratio(a, b) / 100,
    }


def windows(words: list[str], n: int):
    slack = max(1, n // 4)
    low, high = min(max(1, n - slack), len(words)), min(n + slack, len(words))
    for start in range(len(words)):
        for size in range(low, high + 1):
            if start + size <= len(words):
                yield " ".join(words[start:start + size])


def window_case(name: str, phrase: list[str], text: list[str]) -> dict:
    joined = " ".join(phrase)
    candidates = list(windows(text, len(phrase)))
    return {
        "name": name, "kind": "window", "phrase": joined, "text": " ".join(text),
        "editDistance": max(Levenshtein.normalized_similarity(joined, w) for w in candidates),
        "tokenSet": max(fuzz.token_set_ratio(joined, w) for w in candidates) / 100,
    }


def build() -> dict:
    rng = random.Random(SEED)
    cases = [
        pair_case("identical", "thank you for calling", "thank you for calling"),
        pair_case("one typo", "thank you for calling", "thank you for caling"),
        pair_case("reordered", "for calling thank you", "thank you for calling"),
        pair_case("disjoint", "good morning", "date of birth"),
        pair_case("subset", "thank you", "thank you for calling acme"),
        pair_case("non-ascii", "café naïve über", "cafe naive uber"),
        pair_case("one empty", "", "thank you"),
    ]
    for index in range(40):
        words = sentence(rng, 1, 24)
        cases.append(pair_case(f"random pair {index}", " ".join(words), " ".join(garble(words, rng, rng.choice([0.1, 0.3, 0.6])))))
    for index in range(10):
        cases.append(pair_case(f"unrelated pair {index}", " ".join(sentence(rng, 2, 15)), " ".join(sentence(rng, 2, 15))))
    for index in range(30):
        phrase = sentence(rng, 1, 14)
        text = sentence(rng, 0, 30) + garble(phrase, rng, rng.choice([0.0, 0.2, 0.5])) + sentence(rng, 0, 30)
        cases.append(window_case(f"window {index}", phrase, text))
    cases.append(window_case("text shorter than phrase", "this call may be recorded for quality".split(), "call recorded".split()))
    return {
        "versions": {"python": sys.version.split()[0], "rapidfuzz": version("rapidfuzz")},
        "tolerance": TOLERANCE,
        "cases": cases,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
