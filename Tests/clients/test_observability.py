"""Operating Plexus as a team that runs other services would: Prometheus scrapes /metrics, a log
shipper reads JSON lines, and no secret ever reaches the log."""
import json
import os
import re
import subprocess
import time

import requests
from prometheus_client.parser import text_string_to_metric_families

from conftest import ADMIN_KEY, BINARY, ROOT, Server

FAKE_LLM = ROOT / ".build" / "debug" / "plexus-fake-llm"
LLM_KEY = "sk-test-llm-secret-4a7b9c"


def families(server):
    text = requests.get(server.url + "/metrics", timeout=10).text
    # The official client's parser refuses anything that is not the text format.
    return {family.name: family for family in text_string_to_metric_families(text)}


def value(family, **labels):
    return sum(sample.value for sample in family.samples
               if sample.name == family.name + ("_total" if family.type == "counter" else "") and all(sample.labels.get(k) == v for k, v in labels.items()))


def test_metrics_logs_and_no_secrets_in_a_full_run(tmp_path):
    llm = subprocess.Popen([str(FAKE_LLM), "--port", "0"], stdout=subprocess.PIPE, text=True)
    port = re.search(r":(\d+)", llm.stdout.readline()).group(1)
    server = Server(tmp_path, env={"PLEXUS_LOG_FORMAT": "json", "PLEXUS_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
                                   "PLEXUS_LLM_MODEL": "gpt-4o-mini", "PLEXUS_LLM_API_KEY": LLM_KEY})
    try:
        headers = {"Authorization": "Bearer " + ADMIN_KEY}
        yaml = (ROOT / "examples" / "call-qa" / "scorecard.yaml").read_text()
        assert requests.post(server.url + "/api/v1/scorecards/versions", json={"source": yaml}, headers=headers, timeout=10).status_code == 201
        imported = subprocess.run([str(BINARY), "items", "import", str(ROOT / "examples" / "call-qa" / "transcripts.jsonl"), "--scorecard", "call-qa"],
                                  env=dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=ADMIN_KEY), capture_output=True, text=True, timeout=60)
        assert imported.returncode == 0, imported.stderr
        # A server-side job with an llm score, so the job and LLM metrics have something to count.
        job = requests.post(server.url + "/api/v1/jobs", json={"kind": "evaluation", "scorecard": "call-qa", "scores": ["identity_verified"], "sample": 20},
                            headers=headers, timeout=10).json()
        deadline = time.time() + 60
        while requests.get(f"{server.url}/api/v1/jobs/{job['id']}", headers=headers, timeout=10).json()["status"] not in ("completed", "failed"):
            assert time.time() < deadline, "the job did not finish"
            time.sleep(0.3)
        requests.post(server.url + "/api/performance/record", json={"processing_type": "full"}, headers=headers, timeout=10)
        traced = requests.get(server.url + "/api/v1/scorecards", headers=dict(headers, **{"X-Request-ID": "trace-0042"}), timeout=10)
        assert traced.headers["X-Request-ID"] == "trace-0042"
        assert requests.get(server.url + "/api/v1/nope", headers=headers, timeout=10).status_code == 404
        session = requests.Session()
        session.post(server.url + "/login", data={"apiKey": ADMIN_KEY}, timeout=10)
        session_key = session.cookies.get_dict().popitem()[1]
        assert session.get(server.url + "/", timeout=10).status_code == 200

        metrics = families(server)
        requests_total = metrics["plexus_http_requests"]
        assert requests_total.type == "counter"
        assert value(requests_total, route="/api/v1/scorecards/versions", method="POST", status="201") == 1
        assert value(requests_total, route="unmatched", status="404") >= 1
        assert metrics["plexus_http_request_duration_seconds"].type == "histogram"
        assert value(metrics["plexus_score_results_ingested"]) >= 20
        assert value(metrics["plexus_items_ingested"]) == 240
        assert value(metrics["plexus_performance_records_ingested"]) == 1
        assert value(metrics["plexus_llm_requests"], model="gpt-4o-mini", outcome="ok") >= 20
        assert value(metrics["plexus_llm_tokens"], direction="input") > 0
        assert "plexus_llm_cost_usd" in metrics
        assert any(sample.labels.get("outcome") == "completed" for sample in metrics["plexus_job_duration_seconds"].samples)
        assert value(metrics["plexus_jobs"], kind="evaluation", status="queued") == 0
        assert "plexus_websocket_clients" in metrics and "plexus_db_operation_duration_seconds" in metrics
        assert value(metrics["plexus_build_info"]) == 1
    finally:
        server.stop()
        llm.terminate()
        llm.wait(timeout=10)

    log = (tmp_path / "serve.log").read_text()
    for secret in (ADMIN_KEY, session_key, LLM_KEY):
        assert secret not in log, "a secret reached the log"
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    traced_lines = [line for line in lines if line.get("request_id") == "trace-0042"]
    assert traced_lines and traced_lines[0]["route"] == "/api/v1/scorecards" and traced_lines[0]["status"] == 200
    assert isinstance(traced_lines[0]["duration_ms"], float) and {"time", "level", "message"} <= set(traced_lines[0])
    # Every line the server wrote to its log is one JSON object; the start-up announcements go to standard output.
    assert all(line.startswith("{") for line in log.splitlines() if line and not line.startswith(("Created", "Saved", "Plexus is serving")))
