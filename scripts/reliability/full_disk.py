#!/usr/bin/env python3
"""Fill the disk under a running Plexus on SQLite, then free it.

Mounts a small tmpfs, puts a real `plexus serve` database on it, leaves a few megabytes free, and
ingests score results until the disk is full. Checks that writes are then refused with a clear
507 `insufficient_storage` (reads still answer), that the database passes `PRAGMA
integrity_check`, that service is normal again once space is freed, and that every acknowledged
result is stored exactly once. Needs root (for the mount). CI runs it: scripts/reliability/full_disk.py
"""
import json
import os
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("PLEXUS_BIN_DIR", ROOT / ".build" / "debug")) / "plexus"
PORT = int(os.environ.get("FULL_DISK_PORT", "18497"))
KEY = "plx_full-disk-admin-key-00000001"
DISK_MB, FILLER_MB = 48, 30


def fail(message):
    print(f"full_disk: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def call(method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), dict(error.headers)


def batch(number):
    # Long explanations fill the disk in a few hundred batches.
    return {"scoreResults": [{"scorecardKey": "disk-qa", "scoreKey": "greeting", "itemExternalId": f"call-{number}-{i}", "value": "Yes",
                              "explanation": "x" * 2000, "idempotencyKey": f"disk-{number}-{i}"} for i in range(50)]}


def main():
    mount = pathlib.Path(tempfile.mkdtemp(prefix="plexus-full-disk-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m", "tmpfs", str(mount)], check=True)
    server = None
    try:
        filler = mount / "filler"
        filler.write_bytes(b"\0" * FILLER_MB * 1024 * 1024)
        database = mount / "plexus.sqlite"
        log = open(pathlib.Path(tempfile.gettempdir()) / "plexus-full-disk-serve.log", "w+")
        server = subprocess.Popen([str(BINARY), "serve", "--port", str(PORT), "--database", str(database)], cwd=mount,
                                  env=dict(os.environ, PLEXUS_ADMIN_KEY=KEY), stdout=log, stderr=subprocess.STDOUT)
        for _ in range(150):
            try:
                if call("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        status, body, _ = call("POST", "/api/v1/scorecards", {"key": "disk-qa", "name": "Disk QA", "sections": [
            {"name": "Opening", "scores": [{"key": "greeting", "name": "Greeting", "classes": ["Yes", "No"]}]}]})
        if status != 201:
            fail(f"creating the scorecard answered {status}: {body}")
        acknowledged, refusal, number = 0, None, 0
        while number < 5000:
            status, body, headers = call("POST", "/api/v1/score-results/batch", batch(number))
            if status == 200:
                acknowledged += 50
                number += 1
                continue
            refusal = (status, body, headers)
            break
        if refusal is None:
            fail("the disk never filled")
        status, body, headers = refusal
        if status != 507 or body["error"]["code"] != "insufficient_storage" or "free space" not in body["error"]["message"]:
            fail(f"a full disk answered {status}: {body}")
        print(f"disk full after {acknowledged} results: {status} {body['error']['code']}: {body['error']['message']}")
        if call("GET", "/api/v1/score-results?limit=10")[0] != 200 or call("GET", "/health")[0] != 200:
            fail("reads stopped working on a full disk")
        if call("POST", "/api/v1/score-results/batch", batch(number))[0] != 507:
            fail("a retry on the still-full disk was not refused the same way")
        filler.unlink()
        status, body, _ = call("POST", "/api/v1/score-results/batch", batch(number))
        if status != 200:
            fail(f"after freeing space the batch answered {status}: {body}")
        acknowledged += 50
        for extra in range(number + 1, number + 6):
            if call("POST", "/api/v1/score-results/batch", batch(extra))[0] != 200:
                fail("service did not return to normal after freeing space")
            acknowledged += 50
        server.terminate()
        server.wait(timeout=20)
        server = None
        connection = sqlite3.connect(database)
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        stored, keys = connection.execute("SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM score_results").fetchone()
        connection.close()
        if integrity != "ok":
            fail(f"integrity_check says {integrity}")
        if stored != acknowledged or keys != acknowledged:
            fail(f"{acknowledged} results acknowledged, {stored} stored ({keys} distinct keys)")
        print(f"after freeing space: normal service; integrity ok; {stored} results stored, each acknowledged one exactly once")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        subprocess.run(["umount", str(mount)], check=False)
        mount.rmdir()
    print("full_disk: passed")


if __name__ == "__main__":
    main()
