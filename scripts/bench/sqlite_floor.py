#!/usr/bin/env python3
"""How fast SQLite itself writes Plexus's score results, without Plexus.

Writes the rows `plexus-bench ingest` sends (1,000 results per transaction, half of them creating
their item) into Plexus's SQLite schema with Python's sqlite3 module, WAL and synchronous=NORMAL
as Plexus opens it, and times only the statements. Run beside `plexus-bench ingest` to see how much
of a batch's time is SQLite's own B-tree work, and what each index costs:

    python3 scripts/bench/sqlite_floor.py            # --batches 200
"""
import argparse, json, os, sqlite3, tempfile, time

RESULTS = """CREATE TABLE score_results (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, scorecard_id TEXT NOT NULL,
    score_id TEXT NOT NULL, item_id TEXT NOT NULL, value TEXT NOT NULL, confidence DOUBLE PRECISION, explanation TEXT,
    metadata TEXT, cost DOUBLE PRECISION, latency DOUBLE PRECISION, evaluation_id TEXT, scoring_job_id TEXT,
    idempotency_key TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, scorecard_version BIGINT)"""
IDEMPOTENCY = "CREATE UNIQUE INDEX score_results_idempotency ON score_results (account_id, idempotency_key)"
LISTINGS = [
    "CREATE INDEX score_results_account_created ON score_results (account_id, created_at, id)",
    "CREATE INDEX score_results_scorecard_created ON score_results (scorecard_id, created_at, id)",
    "CREATE INDEX score_results_score_created ON score_results (score_id, created_at, id)",
    "CREATE INDEX score_results_item ON score_results (item_id, created_at, id)",
    "CREATE INDEX score_results_evaluation ON score_results (evaluation_id, created_at, id) WHERE evaluation_id IS NOT NULL",
]
ITEMS = ["""CREATE TABLE items (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, external_id TEXT NOT NULL, text TEXT NOT NULL,
    metadata TEXT, created_at BIGINT NOT NULL, UNIQUE (account_id, external_id))""",
    "CREATE INDEX items_account_created ON items (account_id, created_at, id)"]
ACCOUNT, SCORECARD, SCORES = "0193a000-0000-7000-8000-000000000001", "0193a000-0000-7000-8000-000000000002", ["0193a000-0000-7000-8000-000000000003", "0193a000-0000-7000-8000-000000000004"]


def run(variant, schema, batches, folder):
    db = sqlite3.connect(os.path.join(folder, variant + ".sqlite"), isolation_level=None)
    for pragma in ["journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536", "temp_store=MEMORY"]:
        db.execute("PRAGMA " + pragma)
    for statement in schema:
        db.execute(statement)
    counter, spent = 0, 0.0

    def new_id(millis):  # UUID version 7 layout: time first, so inserts append
        nonlocal counter
        counter += 1
        h = "%012x7%03x8%015x" % (millis, counter % 4096, counter)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"

    for batch in range(batches):
        millis, now = 1_764_000_000_000 + batch, (1_764_000_000_000 + batch) * 1000
        items = {f"item-{n // 2}": new_id(millis) for n in range(batch * 1000, batch * 1000 + 1000)}
        item_rows = [(i, ACCOUNT, e, "", None, now) for e, i in items.items()]
        rows = [(new_id(millis), ACCOUNT, SCORECARD, SCORES[n % 2], items[f"item-{n // 2}"], "No" if n % 3 == 0 else "Yes",
                 0.7 + (n % 29) / 100, "Matched the greeting phrase.", json.dumps({"source": "bench", "n": n}), 0.0004, 0.12,
                 None, None, f"bench-{n}", now, now, None) for n in range(batch * 1000, batch * 1000 + 1000)]
        began = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", item_rows)
        db.executemany("INSERT INTO score_results VALUES (" + ", ".join("?" * 17) + ") ON CONFLICT DO NOTHING", rows)
        db.execute("COMMIT")
        spent += time.perf_counter() - began
    db.close()
    print(f"{variant}: {batches * 1000 / spent:,.0f} results/s (SQLite {sqlite3.sqlite_version}, statements only)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=200, help="transactions of 1,000 results (default 200)")
    batches = parser.parse_args().batches
    with tempfile.TemporaryDirectory() as folder:
        run("plexus schema (9 B-trees per result)", [RESULTS, IDEMPOTENCY, *LISTINGS, *ITEMS], batches, folder)
        run("without the 4 listing indexes (5)", [RESULTS, IDEMPOTENCY, *ITEMS], batches, folder)


if __name__ == "__main__":
    main()
