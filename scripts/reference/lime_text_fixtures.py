#!/usr/bin/env python3
"""Reference fixtures for PlexusModels' text LIME: lime's LimeTextExplainer on a keyword model.

The model is a small softmax over word counts that any language can run exactly: each class has
a bias and a weight per lower-cased word (the runs of word characters), and a text's class
probabilities are the softmax of bias + the summed weights of its words. Its weights are written
into the document, so the Swift tests run the same model.

Each case explains one seeded call-centre sentence with lime's defaults (bag of words split on
`\\W+`, cosine distance × 100, kernel width 25, 5,000 samples, weighted Ridge(alpha=1)), every
word kept, for the class the model predicts, and records the words in lime's order, their
weights, the intercept and the weighted R². lime's draws cannot be reproduced elsewhere, so the
Swift tests require agreement in what the weights say: the same words, a Spearman correlation of
at least 0.9 between the two weight vectors of each text, and each weight within 0.05 of lime's.

Usage (from the repository root, inside the venv of requirements.txt):
    python scripts/reference/lime_text_fixtures.py --out Tests/PlexusModelsTests/Fixtures/lime_text.json
    python scripts/reference/lime_text_fixtures.py --check Tests/PlexusModelsTests/Fixtures/lime_text.json
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version

import numpy as np
from lime.lime_text import LimeTextExplainer

import fixture_cli

TOLERANCE = 1e-9  # lime is seeded, so a fresh run repeats its numbers
SEED = 20261207
CASES = 24
CLASSES = ["complaint", "neutral", "praise"]
BIAS = [-0.2, 0.4, -0.3]
# Per word: its weight towards complaint, neutral and praise.
WEIGHTS = {
    "refund": [1.6, -0.2, -0.9], "broken": [2.1, -0.4, -1.2], "late": [1.2, 0.0, -0.7],
    "angry": [2.4, -0.6, -1.5], "waited": [0.9, 0.2, -0.4], "cancel": [1.4, -0.1, -0.8],
    "thanks": [-0.8, 0.1, 1.3], "great": [-1.1, -0.3, 2.0], "helpful": [-0.9, 0.0, 1.7],
    "quickly": [-0.5, 0.2, 0.9], "love": [-1.3, -0.2, 2.2], "fixed": [-0.6, 0.3, 1.1],
    "account": [0.1, 0.6, 0.0], "order": [0.2, 0.5, -0.1], "billing": [0.5, 0.4, -0.2],
    "agent": [0.0, 0.3, 0.3], "not": [0.8, 0.1, -0.6], "very": [0.2, -0.1, 0.3],
}
FILLER = ["the", "my", "was", "and", "i", "it", "today", "call", "again", "about", "with", "a"]


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def probabilities(texts) -> np.ndarray:
    rows = []
    for text in texts:
        scores = np.array(BIAS, dtype=np.float64)
        for token in tokens(text):
            if token in WEIGHTS:
                scores += np.array(WEIGHTS[token])
        scores = np.exp(scores - scores.max())
        rows.append(scores / scores.sum())
    return np.array(rows)


def sentences() -> list[str]:
    rng = np.random.default_rng(SEED)
    keywords = sorted(WEIGHTS)
    texts = []
    for _ in range(CASES):
        words = list(rng.choice(keywords, size=int(rng.integers(3, 7)), replace=True)) + list(rng.choice(FILLER, size=int(rng.integers(3, 8))))
        rng.shuffle(words)
        # Some capitals and punctuation, which lime keeps as separators and the model lower-cases.
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        cut = int(rng.integers(2, len(words) - 1))
        parts = text.split(" ")
        texts.append(" ".join(parts[:cut]) + ", " + " ".join(parts[cut:]) + ("!" if rng.random() < 0.5 else "."))
    return texts


def build() -> dict:
    cases = []
    for index, text in enumerate(sentences()):
        explainer = LimeTextExplainer(class_names=CLASSES, random_state=SEED + index)
        predicted = int(np.argmax(probabilities([text])[0]))
        words = explainer.explain_instance(text, probabilities, num_features=1, num_samples=10).domain_mapper.indexed_string.inverse_vocab
        explanation = explainer.explain_instance(text, probabilities, labels=(predicted,), num_features=len(words), num_samples=5000)
        weights = [0.0] * len(words)
        for position, weight in explanation.as_map()[predicted]:
            weights[position] = float(weight)
        cases.append({
            "text": text, "label": predicted, "words": list(words), "weights": weights,
            "intercept": float(explanation.intercept[predicted]), "score": float(explanation.score),
            "probabilities": [float(p) for p in probabilities([text])[0]],
        })
    return {
        "versions": {name: version(name) for name in ["lime", "scikit-learn", "numpy"]},
        "classes": CLASSES, "bias": BIAS, "weights": WEIGHTS, "cases": cases,
    }


if __name__ == "__main__":
    sys.exit(fixture_cli.run(__doc__.splitlines()[0], build, TOLERANCE))
