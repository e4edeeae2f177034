"""Human labels are not perfect: the label noise both example datasets share."""
import random

LABEL_NOISE = 0.05


def noisy(rng: random.Random, value: str, classes: list) -> str:
    """The human label: usually the truth, sometimes (LABEL_NOISE) another class, a neighbouring one for sentiment."""
    if rng.random() >= LABEL_NOISE:
        return value
    if value == "Neutral":
        return rng.choice(["Positive", "Negative"])
    if value in ("Positive", "Negative"):
        return "Neutral"
    return rng.choice([c for c in classes if c != value])
