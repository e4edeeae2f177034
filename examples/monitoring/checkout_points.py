"""Prints a day of checkout calls as a points batch for POST /api/v1/monitoring/series/checkout/points:
steady latencies for 23 hours, then an hour in which they roughly double.

    python3 examples/monitoring/checkout_points.py | curl -s -H "Authorization: Bearer $KEY" \
        -H "Content-Type: application/json" --data-binary @- $URL/api/v1/monitoring/series/checkout/points
"""
import json
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(7)
now = datetime.now(timezone.utc)
points = []
# One call every three minutes for most of the day, then one a minute in the slow last hour.
for minute in list(range(24 * 60, 60, -3)) + list(range(60, 0, -1)):
    slow = minute <= 60
    latency = rng.lognormvariate(5.6 + (0.7 if slow else 0.0), 0.35)
    points.append({
        "time": (now - timedelta(minutes=minute - rng.random())).isoformat().replace("+00:00", "Z"),
        "values": {"latency_ms": round(latency, 1), "status": "error" if rng.random() < (0.08 if slow else 0.02) else "ok"},
    })
print(json.dumps({"points": points}))
