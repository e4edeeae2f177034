"""How hard the example datasets are: accuracy against the human labels of simple rules, a fuzzy match and
a TF-IDF + logistic regression classifier (5-fold cross-validated) for each score.

Not needed to generate the data. Run with the reference environment (it needs scikit-learn):
    /work/main/.venv/bin/python scripts/examples/baselines.py
"""
import difflib
import json
import re
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = "this call may be recorded for quality and training purposes"
GREETING = re.compile(r"(thank(s| you) for calling|you've reached|welcome to)\s+(north|nort)|northwind support", re.I)
COMPANY = re.compile(r"north\s?wind|nortwind", re.I)
RECORDING = re.compile(r"(recorded|recoded|monitored|recording).{0,30}(quality|training)", re.I)
VERIFIED = re.compile(r"verified|that matches|matched up|found you|got the account (up|open)", re.I)
REFUND = re.compile(r"refund|money back|reimburs|reversed", re.I)
NOT_A_REFUND = re.compile(r"don't want a refund|no need for a refund|refund policy|already got the refund", re.I)
RUDE = re.compile(r"as i said|already told|not really our problem|should've read|says that on the website|closing this chat", re.I)


def load(folder: str, file: str) -> list:
    """The items of one JSONL file under examples/."""
    with open(EXAMPLES / folder / file, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def said_by(item: dict, speaker: str) -> list:
    """The utterances of one speaker, in order."""
    prefix = speaker.lower() + ":"
    return [line.split(":", 1)[1].strip() for line in item["text"].splitlines() if line.lower().startswith(prefix)]


def fuzzy_best(text: str, phrase: str) -> float:
    """Best difflib ratio of `phrase` against any run of words in `text` about as long as the phrase."""
    words = re.findall(r"[a-z']+", text.lower())
    size = len(phrase.split())
    best = 0.0
    for width in (size - 2, size, size + 2):
        for i in range(max(1, len(words) - width + 1)):
            best = max(best, difflib.SequenceMatcher(None, " ".join(words[i:i + width]), phrase).ratio())
    return best


def yes(flag) -> str:
    return "Yes" if flag else "No"


def accuracy(items: list, key: str, predict) -> float:
    return sum(predict(item) == item["labels"][key] for item in items) / len(items)


def tfidf_accuracy(items: list, key: str) -> float:
    texts = [item["text"] for item in items]
    labels = [item["labels"][key] for item in items]
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2), LogisticRegression(max_iter=2000, C=10))
    predicted = cross_val_predict(model, texts, labels, cv=StratifiedKFold(5, shuffle=True, random_state=0))
    return sum(p == l for p, l in zip(predicted, labels)) / len(labels)


def call_rules() -> dict:
    agent = lambda c: " ".join(said_by(c, "agent"))
    return {
        "greeting: greeting regex, agent": ("greeting", lambda c: yes(GREETING.search(agent(c)))),
        "greeting: greeting regex, whole text": ("greeting", lambda c: yes(GREETING.search(c["text"]))),
        "greeting: company name, first agent turn": ("greeting", lambda c: yes(COMPANY.search((said_by(c, "agent") or [""])[0]))),
        "recording: 'recorded for', agent": ("recording_disclosure", lambda c: yes("recorded for" in agent(c).lower())),
        "recording: recorded..quality regex, agent": ("recording_disclosure", lambda c: yes(RECORDING.search(agent(c)))),
        "recording: fuzzy script >= 0.6, agent": ("recording_disclosure", lambda c: yes(fuzzy_best(agent(c), SCRIPT) >= 0.6)),
        "identity: verified regex, agent": ("identity_verified", lambda c: yes(VERIFIED.search(agent(c)))),
        "escalation: logic over labels + duration": ("escalation_needed", lambda c: yes(
            c["labels"]["resolved"] == "No" and (c["metadata"]["duration_seconds"] > 600 or c["labels"]["sentiment"] == "Negative"))),
    }


def chat_rules() -> dict:
    customer = lambda c: " ".join(said_by(c, "customer"))
    return {
        "refund: refund regex, customer": ("refund_requested", lambda c: yes(REFUND.search(customer(c)))),
        "refund: refund regex minus negations": ("refund_requested", lambda c: yes(REFUND.search(customer(c)) and not NOT_A_REFUND.search(customer(c)))),
        "politeness: no rude phrase, agent": ("politeness", lambda c: yes(not RUDE.search(" ".join(said_by(c, "agent"))))),
    }


def main() -> None:
    for folder, file, rules, keys in (
        ("call-qa", "transcripts.jsonl", call_rules(),
         ["greeting", "recording_disclosure", "identity_verified", "resolved", "escalation_needed", "sentiment"]),
        ("support-chat", "chats.jsonl", chat_rules(), ["category", "refund_requested", "politeness"]),
    ):
        items = load(folder, file)
        for name, (key, predict) in rules.items():
            print(f"{folder:13s} {name:45s} {accuracy(items, key, predict):.3f}")
        for key in keys:
            print(f"{folder:13s} {'tf-idf logistic: ' + key:45s} {tfidf_accuracy(items, key):.3f}")


if __name__ == "__main__":
    main()
