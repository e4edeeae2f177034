"""Keys, tokens and limits as an operator meets them: the `plexus key` commands, a token read by
PyJWT, and the 429 answers and headers that curl or requests see (and that the CLI waits out)."""
import json
import os
import subprocess
import time

import jwt
import requests

from conftest import ADMIN_KEY, BINARY


def cli(server, *arguments, key=ADMIN_KEY):
    env = dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=key)
    return subprocess.run([str(BINARY), *arguments], cwd=server.folder, env=env, capture_output=True, text=True, timeout=60)


def bearer(key):
    return {"Authorization": "Bearer " + key}


def test_key_commands_make_list_rotate_and_revoke_scoped_keys(server):
    made = cli(server, "key", "create", "--name", "nightly pipeline", "--scope", "ingest", "--scope", "read")
    assert made.returncode == 0, made.stderr
    created = json.loads(made.stdout)
    secret, key_id = created["apiKey"], created["key"]["id"]
    assert created["key"]["scopes"] == ["read", "ingest"]

    listed = cli(server, "key", "list")
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if key_id in line)
    assert "nightly pipeline" in row and "read,ingest" in row and secret not in listed.stdout

    # The ingest key records results but cannot create scorecards.
    result = {"scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-1", "value": "Yes"}
    assert requests.post(server.url + "/api/v1/score-results", json=result, headers=bearer(secret), timeout=10).status_code == 201
    refused = requests.post(server.url + "/api/v1/scorecards", json={"key": "x", "name": "X", "sections": []}, headers=bearer(secret), timeout=10)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "insufficient_scope"

    rotated = cli(server, "key", "rotate", key_id, "--grace-period", "0")
    assert rotated.returncode == 0, rotated.stderr
    replacement = json.loads(rotated.stdout)
    assert requests.get(server.url + "/api/v1/score-results", headers=bearer(secret), timeout=10).status_code == 401
    assert requests.get(server.url + "/api/v1/score-results", headers=bearer(replacement["apiKey"]), timeout=10).status_code == 200

    revoked = cli(server, "key", "revoke", replacement["key"]["id"])
    assert revoked.returncode == 0 and "Revoked" in revoked.stdout
    assert requests.get(server.url + "/api/v1/score-results", headers=bearer(replacement["apiKey"]), timeout=10).status_code == 401

    unknown = cli(server, "key", "create", "--name", "x", "--scope", "root")
    assert unknown.returncode != 0 and "--scope" in unknown.stderr and "admin, read, write or ingest" in unknown.stderr


def test_a_token_from_the_cli_is_a_standard_jwt_with_the_key_and_scopes(server):
    issued = cli(server, "key", "token", "--scope", "read", "--expires-in", "120")
    assert issued.returncode == 0, issued.stderr
    token = json.loads(issued.stdout)
    assert token["token_type"] == "Bearer" and token["expires_in"] == 120 and token["scope"] == "read"
    header = jwt.get_unverified_header(token["access_token"])
    claims = jwt.decode(token["access_token"], options={"verify_signature": False})
    assert header["alg"] == "HS256" and claims["iss"] == "plexus" and claims["scope"] == "read"
    assert claims["exp"] - claims["iat"] == 120 and abs(claims["iat"] - time.time()) < 60
    operator = next(key for key in server.api("GET", "/api/v1/keys")["data"] if key["isOperator"])
    assert claims["sub"] == operator["id"]
    assert requests.get(server.url + "/api/v1/scorecards", headers=bearer(token["access_token"]), timeout=10).status_code == 200
    refused = requests.post(server.url + "/api/v1/items", json={"items": []}, headers=bearer(token["access_token"]), timeout=10)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "insufficient_scope"


def test_rate_limited_answers_carry_retry_after_and_the_cli_waits_them_out(server):
    updated = cli(server, "account", "update", "default", "--rate-limit", "0.25", "--burst", "2")
    assert updated.returncode == 0, updated.stderr
    assert json.loads(updated.stdout)["rateLimit"] == {"requestsPerSecond": 0.25, "burst": 2}
    answers = [requests.get(server.url + "/api/v1/scorecards", headers=bearer(ADMIN_KEY), timeout=10) for _ in range(3)]
    limited = answers[-1]
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.headers["RateLimit-Limit"] == "2" and limited.headers["RateLimit-Remaining"] == "0"
    # A token comes back every 4 s; the CLI's own backoff (0.2 s doubling) would give up first.
    listed = cli(server, "scorecard", "list")
    assert listed.returncode == 0, listed.stderr
    assert "call-qa" in listed.stdout
    restored = cli(server, "account", "update", "default", "--default-rate-limit")
    assert restored.returncode == 0, restored.stderr


def test_cli_refuses_bad_limits_by_flag(server):
    bad = cli(server, "account", "update", "default", "--rate-limit", "0")
    assert bad.returncode != 0 and "--rate-limit" in bad.stderr
    nothing = cli(server, "account", "update", "default")
    assert nothing.returncode != 0 and "Nothing to change" in nothing.stderr
