#!/usr/bin/env python3
"""Reference fixtures for PlexusScoring's `ml` classifier (TF-IDF, logistic regression, naive Bayes).

Generates small labelled corpora (binary and 3-class, fixed numpy seed) and records, for each:

* scikit-learn's TfidfVectorizer (lowercase, token_pattern (?u)\\b\\w\\w+\\b, smooth_idf=True,
  norm='l2', with the case's ngram_range, min_df (an int count), max_features and sublinear_tf):
  the vocabulary in column order, idf_, and the transformed rows of the test documents
  (sparse: column indices ascending with their values).
* LogisticRegression(C=c, solver='lbfgs', tol=1e-10, max_iter=10000) fitted on those features:
  predict_proba of the test documents. The tight tolerance makes scikit-learn converge to the
  optimum of the objective instead of stopping after its default 100 iterations, so the
  fixture records the objective's minimizer, which is what PlexusScoring's L-BFGS computes.
* MultinomialNB(alpha=alpha) fitted on the same features: predict_proba of the test documents.

Texts mix ASCII and non-ASCII words (accents, German sharp s, Greek, digits, underscores),
one-letter words (dropped by the token pattern) and punctuation.

max_features keeps the terms with the highest total count. scikit-learn breaks ties with
numpy's unstable argsort, whose order depends on the CPU (AVX-512 uses a different sort);
PlexusScoring keeps, among tied terms, the alphabetically first. The cases with max_features
are built so that the cut does not fall inside a tie (`max_features_cut_is_tie` records it and
the script refuses a case where it is true).

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/ml_fixtures.py --out Tests/PlexusScoringTests/Fixtures/ml_reference.json
    python scripts/reference/ml_fixtures.py --check Tests/PlexusScoringTests/Fixtures/ml_reference.json
--check regenerates in memory and exits 1 if any number differs by more than 1e-8.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB

import fixture_cli  # the shared --out / --check command line

SEED = 20261123
TOLERANCE = 1e-8
TRANSFORMED_ROWS = 4

TOPICS = {
    "billing": ["invoice", "refund", "charge", "payment", "card", "billing", "price", "paid", "café", "Überweisung"],
    "support": ["error", "crash", "reset", "password", "login", "broken", "update", "bug_42", "naïve", "STRASSE"],
    "sales": ["upgrade", "plan", "discount", "offer", "trial", "demo", "pricing", "deal", "ΑΓΟΡΑ", "señor"],
}
COMMON = ["the", "and", "please", "thanks", "hello", "customer", "agent", "today", "a", "I", "x1", "2024", "ok"]
PUNCTUATION = [",", ".", "!", "?", " -", ":", ";"]


def corpus(rng: np.random.Generator, classes: list[str], count: int, noise: float) -> tuple[list[str], list[str]]:
    """`count` texts cycling through `classes`; each word is from the class topic with probability 1 - noise."""
    texts, labels = [], []
    for i in range(count):
        label = classes[i % len(classes)]
        words = []
        for _ in range(int(rng.integers(6, 16))):
            if rng.random() < noise:
                pool = COMMON if rng.random() < 0.7 else TOPICS[classes[int(rng.integers(len(classes)))]]
            else:
                pool = TOPICS[label]
            word = pool[int(rng.integers(len(pool)))]
            if rng.random() < 0.2:
                word = word.upper() if rng.random() < 0.5 else word.capitalize()
            words.append(word + (PUNCTUATION[int(rng.integers(len(PUNCTUATION)))] if rng.random() < 0.25 else ""))
        texts.append(("Agent: " if i % 2 else "Customer: ") + " ".join(words))
        labels.append(label)
    return texts, labels


def cases() -> list[dict]:
    """Each case's corpus and settings."""
    rng = np.random.default_rng(SEED)
    specs = [
        ("binary unigrams", ["billing", "support"], 40, 0.45, dict(ngram_range=[1, 1], min_df=1, max_features=None, sublinear_tf=False, c=1.0, alpha=1.0)),
        ("binary bigrams min_df 2", ["billing", "sales"], 50, 0.5, dict(ngram_range=[1, 2], min_df=2, max_features=None, sublinear_tf=False, c=0.5, alpha=0.5)),
        ("binary sublinear C 10", ["support", "sales"], 36, 0.55, dict(ngram_range=[1, 2], min_df=1, max_features=None, sublinear_tf=True, c=10.0, alpha=1.0)),
        ("3-class unigrams", ["billing", "support", "sales"], 60, 0.4, dict(ngram_range=[1, 1], min_df=1, max_features=None, sublinear_tf=False, c=1.0, alpha=1.0)),
        ("3-class bigrams max_features", ["billing", "support", "sales"], 60, 0.5, dict(ngram_range=[1, 2], min_df=2, max_features=40, sublinear_tf=True, c=2.0, alpha=0.1)),
        ("3-class trigrams only", ["billing", "support", "sales"], 45, 0.3, dict(ngram_range=[2, 3], min_df=1, max_features=None, sublinear_tf=False, c=1.0, alpha=1.0)),
    ]
    built = []
    for name, classes, count, noise, settings in specs:
        train_texts, train_labels = corpus(rng, classes, count, noise)
        test_texts, _ = corpus(rng, classes, 9, noise)
        test_texts.append("Nothing here matches: a b c!")  # all-zero row
        built.append(dict(name=name, classes=sorted(classes), settings=settings,
                          train_texts=train_texts, train_labels=train_labels, test_texts=test_texts))
    return built


def cut_is_tie(vectorizer: TfidfVectorizer, texts: list[str], limit: int | None) -> bool:
    """Whether the max_features cut falls between terms with equal total counts."""
    if limit is None:
        return False
    counts = TfidfVectorizer(lowercase=True, ngram_range=vectorizer.ngram_range, min_df=vectorizer.min_df,
                             use_idf=False, norm=None).fit_transform(texts)
    totals = np.sort(np.asarray(counts.sum(axis=0)).ravel())[::-1]
    return bool(len(totals) > limit and totals[limit - 1] == totals[limit])


def reference(case: dict) -> dict:
    """What scikit-learn computes for one case."""
    s = case["settings"]
    vectorizer = TfidfVectorizer(ngram_range=tuple(s["ngram_range"]), min_df=s["min_df"],
                                 max_features=s["max_features"], sublinear_tf=s["sublinear_tf"])
    train = vectorizer.fit_transform(case["train_texts"])
    test = vectorizer.transform(case["test_texts"]).tocsr()
    tie = cut_is_tie(vectorizer, case["train_texts"], s["max_features"])
    if tie:
        raise SystemExit(f"case {case['name']!r}: the max_features cut falls inside a tie; change the case")
    vocabulary = [term for term, _ in sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])]
    rows = []
    for row in range(min(TRANSFORMED_ROWS, test.shape[0])):
        start, end = test.indptr[row], test.indptr[row + 1]
        order = np.argsort(test.indices[start:end])
        rows.append({"indices": test.indices[start:end][order].tolist(), "values": test.data[start:end][order].tolist()})
    lr = LogisticRegression(C=s["c"], solver="lbfgs", tol=1e-10, max_iter=10000).fit(train, case["train_labels"])
    nb = MultinomialNB(alpha=s["alpha"]).fit(train, case["train_labels"])
    assert list(lr.classes_) == case["classes"] == list(nb.classes_)
    return {**case, "vocabulary": vocabulary, "idf": vectorizer.idf_.tolist(), "transformed": rows,
            "max_features_cut_is_tie": tie,
            "lr_proba": lr.predict_proba(test).tolist(), "nb_proba": nb.predict_proba(test).tolist()}


def build() -> dict:
    """The whole fixture document."""
    return {
        "generator": "scripts/reference/ml_fixtures.py",
        "seed": SEED,
        "versions": {name: version(name) for name in ("scikit-learn", "numpy", "scipy")},
        "cases": [reference(case) for case in cases()],
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
