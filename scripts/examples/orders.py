"""Two months of order data for the monitoring walkthrough: a reference month and a current one in
which basket values rose and more orders came from mobile, so a drift monitor has something to find."""
import random

REGIONS = ["eu", "us", "apac"]


def make_orders(count: int, seed: int, shifted: bool) -> str:
    """A CSV of `count` orders; `shifted` moves amounts up by about a third and the channel mix to mobile."""
    rng = random.Random(seed + (1 if shifted else 0))
    lines = ["order_id,amount,items,channel,region,discount"]
    for index in range(count):
        amount = round(rng.lognormvariate(3.6 + (0.3 if shifted else 0.0), 0.5), 2)
        items = max(1, int(rng.gauss(3, 1.2)))
        channel = "mobile" if rng.random() < (0.65 if shifted else 0.4) else "web"
        region = rng.choices(REGIONS, weights=[5, 4, 2])[0]
        discount = "true" if rng.random() < 0.2 else "false"
        lines.append(f"{'C' if shifted else 'R'}{index:05d},{amount},{items},{channel},{region},{discount}")
    return "\n".join(lines) + "\n"
