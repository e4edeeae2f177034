#!/usr/bin/env python3
"""Restart PostgreSQL under a running Plexus: during ingest and during a scoring job.

Starts a private PostgreSQL cluster and a real `plexus serve` on it, then, while a client sends
batches of score results (each resent until acknowledged, as any client with idempotency keys
would) and a server-side scoring job runs, stops PostgreSQL for a few seconds and starts it again.
Checks that requests in the gap got a clear 503 `database_unavailable` with Retry-After and
nothing else, that the server recovered without a restart, that the job resumed and completed,
and that every acknowledged result is stored exactly once. Run it as root, like
scripts/start-postgres.sh: scripts/reliability/db_restart.py

In CI. It found a hang in the PostgreSQL driver: a query written in the instant PostgreSQL closes
the connection was dropped without a reply, and its request or job waited forever; Plexus now
gives up on such a query (see LostReplyWatch) and answers 503 like any other request in the gap.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("PLEXUS_BIN_DIR", ROOT / ".build" / "debug")) / "plexus"
PG_PORT = int(os.environ.get("DB_RESTART_PG_PORT", "55435"))
PORT = int(os.environ.get("DB_RESTART_PORT", "18496"))
KEY = "plx_db-restart-admin-key-0000001"
BATCHES, BATCH_SIZE, ITEMS = 150, 100, 12000
SCORECARD = """key: restart-qa
name: Restart QA
sections:
  - name: Opening
    scores:
      - key: greeting
        name: Greeting
        classes: [Yes, No]
        classifier:
          type: rules
          outcomes:
            - class: Yes
              when: {any: [{phrase: "thank you for calling"}, {regex: "\\\\bhello\\\\b"}]}
          default: No
      - key: ingested
        name: Recorded by an outside pipeline
        classes: [Yes, No]
        classifier: {type: rules, outcomes: [{class: "Yes", when: {phrase: "refund"}}], default: "No"}
"""


def fail(message):
    print(f"db_restart: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def call(method, path, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method, data=data,
                                     headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null"), dict(response.headers)
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            body = json.loads(text)
        except ValueError:
            body = {"raw": text.decode(errors="replace")}
        return error.code, body, dict(error.headers)


def results_of(score_id):
    """Every stored result of one score, page by page."""
    cursor = None
    while True:
        status, page, _ = call("GET", f"/api/v1/score-results?scoreId={score_id}&limit=1000" + (f"&cursor={cursor}" if cursor else ""))
        if status != 200:
            fail(f"listing results answered {status}: {page}")
        yield from page["data"]
        cursor = page["nextCursor"]
        if not cursor:
            return


def pg_ctl(data, action):
    binary = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    options = "" if action == "stop" else f"-o '-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100' -w -l {data}/server.log"
    extra = "-m fast" if action == "stop" else ""
    subprocess.run(["su", "postgres", "-c", f"{binary}/pg_ctl -D {data} {options} {extra} {action}"], check=True, stdout=subprocess.DEVNULL)


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="plexus-db-restart-"))
    work.chmod(0o755)  # the postgres user must reach the cluster inside
    data = work / "pg"
    url = subprocess.run([str(ROOT / "scripts" / "start-postgres.sh"), str(data), str(PG_PORT)], check=True, capture_output=True, text=True).stdout.strip()
    log = open(work / "serve.log", "w+")
    env = dict(os.environ, PLEXUS_ADMIN_KEY=KEY)
    server = subprocess.Popen([str(BINARY), "serve", "--port", str(PORT), "--database", url], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        run(work, data, server)
    finally:
        server.terminate()
        server.wait(timeout=20)
        try:
            pg_ctl(data, "stop")
        except subprocess.CalledProcessError:
            pass
    shutil.rmtree(work, ignore_errors=True)
    print("db_restart: passed")


def run(work, data, server):
    for _ in range(150):
        try:
            if call("GET", "/health", timeout=2)[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    status, body, _ = call("POST", "/api/v1/scorecards/versions", {"source": SCORECARD})
    if status != 201:
        fail(f"pushing the scorecard answered {status}: {body}")
    items = work / "items.jsonl"
    with open(items, "w") as out:
        for n in range(ITEMS):
            text = "Agent: thank you for calling. Customer: hi" if n % 3 else "Agent: good morning. Customer: hi"
            out.write(json.dumps({"id": f"call-{n}", "text": text}) + "\n")
    imported = subprocess.run([str(BINARY), "items", "import", str(items), "--scorecard", "restart-qa"], cwd=work, capture_output=True, text=True,
                              env=dict(os.environ, PLEXUS_API_URL=f"http://127.0.0.1:{PORT}", PLEXUS_API_KEY=KEY), timeout=300)
    if imported.returncode != 0 or f"Imported {ITEMS} items" not in imported.stdout + imported.stderr:
        fail(f"items import: {imported.stdout} {imported.stderr}")

    acknowledged, refusals, others = [], [], []
    restarted = threading.Event()

    def ingest():
        for batch in range(BATCHES):
            results = [{"scorecardKey": "restart-qa", "scoreKey": "ingested", "itemExternalId": f"call-{batch * BATCH_SIZE + i}",
                        "value": "Yes", "idempotencyKey": f"restart-{batch}-{i}"} for i in range(BATCH_SIZE)]
            while True:
                try:
                    status, body, headers = call("POST", "/api/v1/score-results/batch", {"scoreResults": results})
                except OSError as error:
                    others.append(f"batch {batch}: {error}")
                    time.sleep(0.5)
                    continue
                if 200 <= status < 300:
                    acknowledged.extend(r["idempotencyKey"] for r in results)
                    break
                if status == 503 and body.get("error", {}).get("code") == "database_unavailable" and headers.get("Retry-After"):
                    refusals.append(batch)
                    time.sleep(int(headers["Retry-After"]))
                else:
                    others.append(f"batch {batch}: {status} {body}")
                    time.sleep(0.5)
            if batch > BATCHES // 3 and not restarted.is_set():
                time.sleep(0.02)

    status, job, _ = call("POST", "/api/v1/jobs", {"kind": "scoring", "scorecard": "restart-qa", "scores": ["greeting"]})
    if status != 202:
        fail(f"queueing the job answered {status}: {job}")
    sender = threading.Thread(target=ingest)
    sender.start()
    time.sleep(1.5)
    progress_before = call("GET", f"/api/v1/jobs/{job['id']}")[1].get("progress", {}).get("itemsScored")
    print(f"stopping PostgreSQL (job at {progress_before} items, {len(acknowledged)} results acknowledged)")
    pg_ctl(data, "stop")
    time.sleep(8)  # longer than the server's 5 s wait for a connection, so requests in the gap get 503
    pg_ctl(data, "start")
    restarted.set()
    print("PostgreSQL is back")
    sender.join(timeout=600)
    if sender.is_alive():
        fail("the ingest did not finish")
    deadline = time.time() + 240
    while time.time() < deadline:
        status, current, _ = call("GET", f"/api/v1/jobs/{job['id']}")
        if status == 200 and current["status"] in ("completed", "failed", "cancelled"):
            break
        time.sleep(1)
    if server.poll() is not None:
        fail("the server exited")
    if others:
        fail(f"{len(others)} requests failed other than with a clear 503: {others[:3]}")
    if not refusals:
        fail("no request met the outage; the restart came too late")
    if current["status"] != "completed":
        fail(f"the job ended {current['status']}: {current}")
    scored = current["progress"]["itemsScored"] + current["progress"].get("itemsSkipped", 0)
    print(f"job: {current['status']}, {current['progress']}")
    scorecard = call("GET", "/api/v1/scorecards/restart-qa")[1]
    score_ids = {score["key"]: score["id"] for section in scorecard["sections"] for score in section["scores"]}
    stored = {}
    for result in results_of(score_ids["ingested"]):
        stored[result["idempotencyKey"]] = stored.get(result["idempotencyKey"], 0) + 1
    # Every imported item (the job's, queued after the import) scored exactly once, across the outage;
    # items the ingest creates on the fly while the job runs may or may not be in it.
    greeted = {}
    for result in results_of(score_ids["greeting"]):
        greeted[result["itemId"]] = greeted.get(result["itemId"], 0) + 1
    twice = [item for item, count in greeted.items() if count > 1]
    if len(greeted) < ITEMS or twice:
        fail(f"the job scored {len(greeted)} items (the account has {ITEMS} imported), {len(twice)} of them twice")
    duplicated = [key for key, count in stored.items() if count > 1]
    missing = set(acknowledged) - set(stored)
    if duplicated or missing or len(stored) != len(acknowledged):
        fail(f"{len(acknowledged)} acknowledged, {len(stored)} stored, {len(missing)} missing, {len(duplicated)} duplicated")
    print(f"{len(refusals)} batch attempts got 503 database_unavailable during the outage; {len(acknowledged)} results acknowledged, each stored once; "
          f"the job scored {scored} items after resuming")


if __name__ == "__main__":
    main()
