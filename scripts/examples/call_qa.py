"""Synthetic call-centre transcripts for the fictional telecom Northwind Communications.

Each call first draws its underlying truth (reason, whether the agent greets, discloses recording, verifies
identity, resolves the issue, how the customer feels at the end), then renders a transcript that mostly
reflects it, and finally records the human labels: the truth with about 5% label noise.
"""
import random
from dataclasses import dataclass

import call_qa_phrases as P
from call_qa_reasons import REASONS
from label_noise import noisy

SCORES = {
    "greeting": ["Yes", "No"],
    "recording_disclosure": ["Yes", "No"],
    "identity_verified": ["Yes", "No"],
    "resolved": ["Yes", "No"],
    "escalation_needed": ["Yes", "No"],
    "sentiment": ["Positive", "Neutral", "Negative"],
}
# Calls routed by the phone menu land in the reason's queue most of the time, otherwise anywhere.
QUEUES = ["billing", "technical", "sales", "retention", "moves"]


@dataclass
class CallTruth:
    """What really happened on one call, before it is rendered or labelled."""
    reason: object
    greeting: bool
    recording: bool
    verify: str  # "ok", "failed" or "skipped"
    resolved: bool
    angry: bool
    sentiment: str


def draw_truth(rng: random.Random) -> CallTruth:
    """Draws the facts of one call."""
    reason = rng.choices(REASONS, weights=[r.weight for r in REASONS])[0]
    verify = rng.choices(["ok", "failed", "skipped"], weights=[72, 16, 12])[0]
    p_resolved = reason.p_resolved if verify == "ok" or reason.name in ("outage", "slow internet") else reason.p_resolved * 0.6
    resolved = rng.random() < p_resolved
    angry = rng.random() < reason.p_angry
    if resolved:
        weights = [45, 40, 15] if angry else [65, 32, 3]
    else:
        weights = [3, 37, 60] if angry else [12, 58, 30]
    sentiment = rng.choices(["Positive", "Neutral", "Negative"], weights=weights)[0]
    return CallTruth(reason, rng.random() < 0.75, rng.random() < 0.70, verify, resolved, angry, sentiment)


def fields(rng: random.Random, agent: str, customer: str, queue: str) -> dict:
    """The values templates refer to."""
    surname = rng.choice(["Smith", "Patel", "Jones", "Okoro", "Walsh", "Nguyen", "Hughes", "Kowalski"])
    return {
        "A": agent.split()[0], "C": customer, "c_lower": customer.lower(), "queue": queue,
        "surname": surname.lower(), "surname_cap": surname,
        "amount": rng.choice([12, 15, 18, 23, 30, 42, 47, 60, 85, 120]),
        "month": rng.choice(P.MONTHS), "town": rng.choice(P.TOWNS), "plan": rng.choice(P.PLANS),
        "day": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "next Tuesday", "Saturday"]),
        "date": rng.choice(["3rd", "8th", "12th", "15th", "21st", "28th"]),
        "years": rng.randint(2, 14), "speed": rng.choice([4, 9, 12, 18, 25]),
        "ref": f"CR-{rng.randint(100000, 999999)}",
        "acct": f"NW{rng.randint(1000000, 9999999)}", "last4": f"{rng.randint(0, 9999):04d}",
        "dob": f"{rng.randint(1, 28)} {rng.choice(P.MONTHS)} {rng.randint(1948, 2002)}",
        "postcode": f"{rng.choice(['LS', 'BS', 'NR', 'CF', 'YO', 'RG'])}{rng.randint(1, 28)} "
                    f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRTUW')}",
    }


def opening(rng: random.Random, truth: CallTruth) -> list:
    """The first turns: greeting (or not), recording disclosure (or not), and the customer's reason."""
    turns = []
    if truth.greeting:
        turns.append(("A", rng.choice(P.GREETING)))
    elif rng.random() < 0.2:
        turns += [("C", rng.choice(P.CUSTOMER_FIRST_LINE)), ("A", rng.choice(P.AGENT_AFTER_SILENCE))]
    else:
        turns.append(("A", rng.choice(P.NO_GREETING)))
    reason_line = rng.choice(truth.reason.opens)
    if truth.angry:
        reason_line += ", " + rng.choice(P.ANGRY_START)
    else:
        reason_line += "."
    if truth.recording and rng.random() < 0.5:
        turns[-1] = ("A", turns[-1][1] + " " + rng.choice(P.RECORDING))
        turns.append(("C", reason_line))
    elif truth.recording:
        turns.append(("C", reason_line))
        turns.append(("A", "Okay, I can help with that. " + rng.choice(P.RECORDING)))
    else:
        turns.append(("C", reason_line))
    if truth.angry:
        # The apology answers the complaint, so it comes before anything else the agent says.
        at = len(turns) - 1 if turns[-1][0] == "A" else len(turns)
        turns.insert(at, ("A", rng.choice(P.AGENT_APOLOGY)))
    return turns


def verification(rng: random.Random, truth: CallTruth) -> list:
    """Identity checks: asked and answered, asked and failed, or skipped."""
    if truth.verify == "skipped":
        return list(rng.choice(P.VERIFY_SKIP))
    question, passes, fails = rng.choice(P.VERIFY)
    return list(question) + list(rng.choice(passes if truth.verify == "ok" else fails))


def middle(rng: random.Random, truth: CallTruth) -> list:
    """The back-and-forth about the problem as units (lists of turns) that can be dropped whole."""
    units = [list(pair) for pair in rng.sample(truth.reason.details, k=rng.randint(1, len(truth.reason.details)))]
    if rng.random() < 0.7:
        prompt = [("A", rng.choice(["Okay, tell me a bit more.", "Right, what's been happening?", "Can you tell me a bit more about it?"]))]
        units.insert(0, prompt + [("C", rng.choice(truth.reason.stories))])
    if rng.random() < 0.5:
        units.insert(rng.randint(1, len(units)), list(rng.choice(P.HOLD)))
    if not truth.recording and rng.random() < 0.25:
        units.insert(rng.randint(1, len(units)), list(rng.choice(P.RECORDING_DECOYS)))
    if truth.angry and rng.random() < 0.5:
        units.append([("C", rng.choice(["This is ridiculous.", "I'm paying for a service I'm not getting.",
                                         "Why is this so difficult?", "Unbelievable."])),
                      ("A", rng.choice(P.AGENT_APOLOGY))])
    return units


def with_asides(rng: random.Random, units: list, count: int) -> list:
    """Inserts `count` different asides between units."""
    units = list(units)
    for aside in rng.sample(P.ASIDES, k=count):
        at = rng.randint(0, len(units))
        units.insert(at, list(aside))
    return units


def closing(rng: random.Random, truth: CallTruth) -> list:
    """The outcome, then the customer's last word, which carries their final mood."""
    turns = list(rng.choice(truth.reason.fixed if truth.resolved else truth.reason.unfixed))
    for follow_up in rng.sample(P.FOLLOW_UPS, k=rng.choice([0, 1, 1, 2])):
        turns += follow_up
    turns.append(("A", rng.choice(P.CLOSING_ASK)))
    turns.append(("C", rng.choice(P.FINAL[truth.sentiment])))
    if rng.random() < 0.8:
        turns.append(("A", rng.choice(P.FAREWELL)))
    return turns


def alternate(turns: list) -> list:
    """Joins back-to-back turns by one speaker into one, as a transcript shows them."""
    result = []
    for speaker, text in turns:
        if result and result[-1][0] == speaker:
            result[-1] = (speaker, result[-1][1] + " " + text)
        else:
            result.append((speaker, text))
    return result


def render(turns: list, f: dict) -> str:
    """Turns as `Agent: ...` / `Customer: ...` lines."""
    names = {"A": "Agent", "C": "Customer"}
    return "\n".join(f"{names[speaker]}: {text.format(**f)}" for speaker, text in turns)


def transcript(rng: random.Random, truth: CallTruth) -> list:
    """The call's turns: opening, verification, the problem (padded or trimmed to a drawn size), closing."""
    start, end = opening(rng, truth) + verification(rng, truth), closing(rng, truth)
    if rng.random() < 0.12:  # a quick call: one question about the problem, no small talk
        units, target_chars = [list(rng.choice(truth.reason.details))], 0
    else:
        units = with_asides(rng, middle(rng, truth), rng.choice([0, 0, 1, 1, 2, 3, 4]))
        target_chars = rng.choice([700, 900, 1100, 1400, 1800])
    turns = alternate(start + [t for unit in units for t in unit] + end)
    spare = [a for a in P.ASIDES if list(a) not in units]
    while sum(len(text) for _, text in turns) < target_chars and spare and len(turns) < 28:
        units.insert(rng.randint(0, len(units)), list(spare.pop(rng.randrange(len(spare)))))
        turns = alternate(start + [t for unit in units for t in unit] + end)
    while len(turns) > 30:
        units.pop(rng.randrange(len(units)))
        turns = alternate(start + [t for unit in units for t in unit] + end)
    return turns


def call_duration(rng: random.Random, turns: list, resolved: bool) -> int:
    """Seconds on the call: time per turn, holds, and the extra time unresolved calls take."""
    hold_seconds = sum(rng.randint(30, 180) for _, text in turns if "hold" in text.lower() or "moment" in text.lower())
    return int(len(turns) * rng.uniform(14, 30) + hold_seconds + (0 if resolved else rng.randint(0, 240)))


def make_call(index: int, seed: int) -> dict:
    """One labelled call as the JSONL object."""
    rng = random.Random(f"{seed}:call:{index}")
    truth = draw_truth(rng)
    agent = rng.choice(P.AGENTS)
    queue = truth.reason.queue if rng.random() < 0.85 else rng.choice(QUEUES)
    f = fields(rng, agent, rng.choice(P.CUSTOMER_FIRST), queue)
    turns = transcript(rng, truth)
    duration = call_duration(rng, turns, truth.resolved)
    escalate = not truth.resolved and (duration > 600 or truth.sentiment == "Negative")
    truths = {
        "greeting": truth.greeting, "recording_disclosure": truth.recording, "identity_verified": truth.verify == "ok",
        "resolved": truth.resolved, "escalation_needed": escalate,
    }
    labels = {key: noisy(rng, "Yes" if value else "No", SCORES[key]) for key, value in truths.items()}
    labels["sentiment"] = noisy(rng, truth.sentiment, SCORES["sentiment"])
    return {
        "id": f"call-{index:04d}",
        "text": render(turns, f),
        "metadata": {"duration_seconds": duration, "queue": queue, "channel": "phone", "agent": agent},
        "labels": labels,
    }


def make_calls(count: int, seed: int) -> list:
    """`count` labelled calls, numbered from 1."""
    return [make_call(i, seed) for i in range(1, count + 1)]
