"""Synthetic support chats for the fictional online shop Brightcart.

Each chat draws its truth (category, whether the customer asks for a refund, whether the agent is polite),
renders a chat that mostly reflects it, then records human labels: the truth with about 5% label noise.
"""
import random

import support_chat_phrases as P
from label_noise import noisy

SCORES = {
    "category": ["Billing", "Shipping", "Returns", "Technical"],
    "refund_requested": ["Yes", "No"],
    "politeness": ["Yes", "No"],
}
CATEGORY_WEIGHTS = [25, 30, 25, 20]
# The topic the customer picks before the chat starts; it matches the category only loosely.
RELATED = {"Billing": ["Technical", "Returns"], "Shipping": ["Returns"], "Returns": ["Shipping", "Billing"], "Technical": ["Billing"]}
QUEUE = {"Billing": "payments", "Shipping": "orders", "Returns": "orders", "Technical": "account"}



def fields(rng: random.Random, agent: str, customer: str) -> dict:
    """The values templates refer to."""
    digits = f"{rng.randint(100000, 999999)}"
    return {
        "A": agent.split()[0], "C": customer, "c_lower": customer.lower(), "order": f"#BC-{digits}", "order_digits": digits,
        "amount": f"£{rng.choice([8.99, 12.5, 19.99, 24.0, 34.99, 49.95, 79.0, 120.0]):.2f}", "item": rng.choice(P.ITEMS),
        "days": rng.randint(2, 10), "code": rng.choice(["SPRING20", "WELCOME10", "FREESHIP", "VIP15"]),
        "weekday": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
    }


def customer_opening(rng: random.Random, category: str, scene: dict) -> tuple:
    """The first message: a hello (or not) and the problem, sometimes vague, sometimes with a second problem."""
    vague = rng.random() < 0.3
    line = rng.choice(P.VAGUE_OPENS if vague else scene["opens"])
    text = f"{rng.choice(P.CUSTOMER_HELLO)} {line}".strip()
    if not vague and rng.random() < 0.3:
        other = rng.choice(RELATED[category])
        text += ". Also, " + rng.choice(rng.choice(P.ISSUES[other])["opens"])
    return text[0].upper() + text[1:], vague


def make_chat(index: int, seed: int) -> dict:
    """One labelled chat as the JSONL object."""
    rng = random.Random(f"{seed}:chat:{index}")
    category = rng.choices(list(P.ISSUES), weights=CATEGORY_WEIGHTS)[0]
    polite = rng.random() < 0.78
    style = P.POLITE if polite else P.RUDE
    agent, customer = rng.choice(P.AGENTS), rng.choice(P.CUSTOMERS)
    f = fields(rng, agent, customer)
    scene = rng.choice(P.ISSUES[category])
    refund = rng.random() < scene["refund"]
    opening, vague = customer_opening(rng, category, scene)
    asks_email = category == "Technical" and rng.random() < 0.7
    f["ask"] = "the email address on your account" if asks_email else "the order number"
    f["Ask"] = "Email on the account" if asks_email else "Order number"
    turns = [("C", opening), ("A", rng.choice(style["greet"])), ("C", f"{f['c_lower']}@example.com" if asks_email else f["order"]),
             ("A", rng.choice(style["check"]))]
    if vague and rng.random() < 0.6:
        turns.append(("C", rng.choice(scene["opens"])))  # otherwise only the questions tell what it is about
    details = [d for d in scene["details"] if not (asks_email and "email address" in d[0])]
    units = [[("A", question), ("C", answer)] for question, answer in rng.sample(details, k=rng.randint(1, len(details)))]
    for aside in rng.sample(P.CHAT_ASIDES, k=rng.choice([0, 1, 1, 2])):
        units.insert(rng.randint(0, len(units)), list(aside))
    turns += [turn for unit in units for turn in unit]
    if refund:
        turns.append(("C", rng.choice(P.REFUND_ASKS)))
    elif rng.random() < 0.2:
        turns.append(("C", rng.choice(P.REFUND_DECOYS)))
    sorry = rng.choice(style["sorry"])
    if not polite and rng.random() < 0.25:
        sorry = rng.choice(["Sorry about that.", "Thanks."])  # curt agents are not curt in every message
    outcome = " ".join(part for part in (sorry, rng.choice(P.GENERIC_OUTCOMES if rng.random() < 0.25 else scene["outcomes"])) if part)
    turns.append(("A", outcome))
    refund_reply = rng.choice(P.AGENT_REFUND[refund]) if refund or category == "Returns" else ""
    if refund_reply:
        turns += [("C", rng.choice(["ok", "and the money?", "right", "so what happens now?"])), ("A", refund_reply)]
    turns += [("C", rng.choice(P.CUSTOMER_END)), ("A", rng.choice(style["close"]))]
    names = {"A": "Agent", "C": "Customer"}
    text = "\n".join(f"{names[s]}: {t.format(**f)}" for s, t in turns)
    return {
        "id": f"chat-{index:04d}",
        "text": text,
        "metadata": {"duration_seconds": int(len(turns) * rng.uniform(25, 90)),
                     "queue": QUEUE[category] if rng.random() < 0.7 else rng.choice(["orders", "payments", "account", "other"]),
                     "channel": "chat", "agent": agent},
        "labels": {"category": noisy(rng, scene["border"] if scene["border"] and rng.random() < 0.25 else category, SCORES["category"]),
                   "refund_requested": noisy(rng, "Yes" if refund else "No", SCORES["refund_requested"]),
                   "politeness": noisy(rng, "Yes" if polite else "No", SCORES["politeness"])},
    }


def make_chats(count: int, seed: int) -> list:
    """`count` labelled chats, numbered from 1."""
    return [make_chat(i, seed) for i in range(1, count + 1)]
