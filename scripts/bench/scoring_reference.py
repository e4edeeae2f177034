"""scikit-learn reference for `plexus-bench scoring`.

Reads the benchmark's corpus (JSON Lines of {"id", "text", "label"}), fits
TfidfVectorizer(ngram_range=(1, 2), min_df=2) + LogisticRegression on the first --train
lines, then times transform + predict over every text, as one batch, in this process.
Prints one JSON object: items, seconds, items_per_second, vocabulary, fit_seconds.
With --predictions FILE it also writes the predicted labels, one per line, so the benchmark
can check that Plexus predicts the same classes.

Usage: scoring_reference.py --corpus corpus.jsonl --train 10000 [--predictions out.txt]
"""

import argparse
import json
import time
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="JSON Lines written by plexus-bench scoring")
    parser.add_argument("--train", type=int, required=True, help="how many leading lines to fit on")
    parser.add_argument("--predictions", help="write the predicted label of every text here")
    args = parser.parse_args()

    texts, labels = [], []
    with open(args.corpus, encoding="utf-8") as corpus:
        for line in corpus:
            row = json.loads(line)
            texts.append(row["text"])
            labels.append(row["label"])
    if not 0 < args.train <= len(texts):
        parser.error(f"--train {args.train} must be between 1 and the {len(texts)} texts in {args.corpus}")

    fit_start = time.perf_counter()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2)
    model = LogisticRegression(C=1.0, max_iter=1000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(vectorizer.fit_transform(texts[: args.train]), labels[: args.train])
    fit_seconds = time.perf_counter() - fit_start

    start = time.perf_counter()
    predicted = model.predict(vectorizer.transform(texts))
    seconds = time.perf_counter() - start

    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            out.writelines(f"{label}\n" for label in predicted)
    print(json.dumps({
        "items": len(texts),
        "seconds": seconds,
        "items_per_second": len(texts) / seconds,
        "vocabulary": len(vectorizer.vocabulary_),
        "fit_seconds": fit_seconds,
    }))


if __name__ == "__main__":
    main()
