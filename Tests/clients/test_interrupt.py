"""Ctrl-C in the middle of a command that records results, sent through a pseudo-terminal as a
person at a terminal sends it: the command sends what it has, ends its evaluation CANCELLED, says
how many results it recorded, and exits 130; the server then holds exactly that many."""
import os
import re
import subprocess
import time

import pexpect

from conftest import ADMIN_KEY, BINARY, ROOT

FAKE_LLM = ROOT / ".build" / "debug" / "plexus-fake-llm"


def spawn(server, *arguments, env=None):
    environment = dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=ADMIN_KEY, **(env or {}))
    return pexpect.spawn(str(BINARY), list(arguments), cwd=str(server.folder), env=environment, encoding="utf-8", timeout=60)


def results_of(server, evaluation_id):
    count, cursor = 0, None
    while True:
        page = server.api("GET", f"/api/v1/score-results?limit=1000&evaluationId={evaluation_id}" + (f"&cursor={cursor}" if cursor else ""))
        count += len(page["data"])
        cursor = page["nextCursor"]
        if not cursor:
            return count


def interrupt(child):
    """Sends Ctrl-C the way a terminal does, and returns what the command said about it."""
    child.sendintr()
    child.expect(r"Interrupted: (\d+) results recorded, none lost; evaluations? (\S+) marked CANCELLED\.")
    recorded, ids = int(child.match.group(1)), child.match.group(2).split(",")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, child.before
    return recorded, [identifier.strip(", ") for identifier in ids]


def test_ctrl_c_during_simulate(server):
    child = spawn(server, "experiment", "simulate", "--scorecard-key", "call-qa", "--score-key", "greeting",
                  "--num-items", "1000000", "--delay", "0.002")
    # The progress bar is drawn on the terminal; wait until a few hundred results are in.
    child.expect(r"\] +([3-9]\d\d|\d{4,})/1000000")
    recorded, [evaluation_id] = interrupt(child)
    evaluation = server.api("GET", f"/api/v1/evaluations/{evaluation_id}")
    assert evaluation["status"] == "CANCELLED"
    assert evaluation["processedItems"] == recorded
    assert evaluation["errorMessage"].startswith(f"Interrupted after {recorded} of 1000000 items")
    assert results_of(server, evaluation_id) == recorded


def test_ctrl_c_during_evaluate(server, tmp_path):
    yaml = (ROOT / "examples" / "call-qa" / "scorecard.yaml").read_text()
    server.api("POST", "/api/v1/scorecards/versions", {"source": yaml})
    imported = subprocess.run([str(BINARY), "items", "import", str(ROOT / "examples" / "call-qa" / "transcripts.jsonl"), "--scorecard", "call-qa"],
                              env=dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=ADMIN_KEY), capture_output=True, text=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    # A slow language model, so the evaluation is still running when Ctrl-C arrives.
    llm = subprocess.Popen([str(FAKE_LLM), "--port", "0", "--latency-ms", "150"], stdout=subprocess.PIPE, text=True)
    try:
        port = re.search(r":(\d+)", llm.stdout.readline()).group(1)
        child = spawn(server, "evaluate", "--scorecard", "call-qa", "--score", "identity_verified", "--concurrency", "2",
                      "--llm-cache-dir", str(tmp_path / "cache"),
                      env={"PLEXUS_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1", "PLEXUS_LLM_MODEL": "gpt-4o-mini"})
        child.expect(r"\] +([3-9]\d|\d{3})/240")
        recorded, [evaluation_id] = interrupt(child)
    finally:
        llm.terminate()
        llm.wait(timeout=10)
    evaluation = server.api("GET", f"/api/v1/evaluations/{evaluation_id}")
    assert evaluation["status"] == "CANCELLED" and evaluation["errorMessage"].startswith("Interrupted")
    assert 0 < recorded < 240
    assert results_of(server, evaluation_id) == recorded
