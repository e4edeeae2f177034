"""The pipeline performance API as the seed's "Performance Dashboard" callers read it, over plain HTTP
with `requests`: the seed's own example test, and its "Example Dashboard Data" shape from a real response."""
import datetime

import pytest
import requests

from conftest import ADMIN_KEY

HEADERS = {"Authorization": "Bearer " + ADMIN_KEY}


def record(server, **fields):
    return requests.post(server.url + "/api/performance/record", json=fields, headers=HEADERS, timeout=10)


def test_seed_example(server):
    # The seed's example test: record one item, then the dashboard's four parts are there.
    response = record(server, processing_type="early_exit", content_type="transcript", quality_score=0.82, processing_time=0.4,
                      exit_checkpoint="pre_check", exit_reason="short", exit_confidence=0.93, time_saved_pct=80)
    assert response.status_code == 200 and response.json() == {"status": "recorded"}
    data = requests.get(server.url + "/api/performance/?hours=24", headers=HEADERS, timeout=10).json()
    for key in ("overall_metrics", "content_type_breakdown", "checkpoint_analytics", "quality_trends"):
        assert key in data


def test_example_dashboard_data_shape(server):
    now = datetime.datetime.now(datetime.timezone.utc)
    for minutes, kind, checkpoint in [(5, "full", None), (65, "lightweight", None), (10, "early_exit", "relevance"), (12, "early_exit", "relevance")]:
        fields = {"processing_type": kind, "content_type": "chat", "quality_score": 0.7, "processing_time": 1.0, "time_saved_pct": 50,
                  "coherence": 0.8, "completeness": 0.6, "informativeness": 0.9,
                  "timestamp": (now - datetime.timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")}
        if checkpoint:
            fields.update(exit_checkpoint=checkpoint, exit_reason="off-topic", exit_confidence=0.9)
        assert record(server, **fields).status_code == 200
    data = requests.get(server.url + "/api/performance/?hours=24", headers=HEADERS, timeout=10).json()

    overall = data["overall_metrics"]
    assert overall["total_processed"] == 4 and overall["quality_bypassed"] == 1 and overall["early_exits"] == 2
    assert overall["full_processing"] == 1 and overall["bypass_rate"] == 0.25 and overall["early_exit_rate"] == 0.5
    assert overall["avg_time_savings"] == 50 and isinstance(overall["total_time_saved_hours"], float)

    [chat] = data["content_type_breakdown"]
    assert set(chat) >= {"content_type", "count", "bypass_rate", "avg_quality_score", "avg_processing_time"}
    assert chat["content_type"] == "chat" and chat["count"] == 4

    [relevance] = data["checkpoint_analytics"]
    assert relevance["checkpoint_name"] == "relevance" and relevance["exit_count"] == 2 and relevance["exit_rate"] == 1
    assert relevance["top_exit_reasons"] == [{"reason": "off-topic", "count": 2}] and relevance["avg_confidence"] == 0.9

    trends = data["quality_trends"]
    assert sum(row["items_processed"] for row in trends) == 4
    for row in trends:
        assert set(row) == {"timestamp", "avg_quality_score", "coherence_score", "completeness_score", "informativeness_score", "items_processed"}
        datetime.datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00"))
        assert row["avg_quality_score"] == pytest.approx(0.7, abs=1e-12) and row["coherence_score"] == pytest.approx(0.8, abs=1e-12)

    # Each part's own route answers the same rows under the same key.
    for path, key in [("content-types", "content_type_breakdown"), ("checkpoints", "checkpoint_analytics"), ("quality-trends", "quality_trends")]:
        assert requests.get(f"{server.url}/api/performance/{path}", headers=HEADERS, timeout=10).json()[key] == data[key]
    assert requests.get(server.url + "/api/performance/metrics/summary", headers=HEADERS, timeout=10).json() == overall


def test_seed_dashboard_path_reaches_the_performance_page(server):
    session = requests.Session()
    session.post(server.url + "/login", data={"apiKey": ADMIN_KEY}, timeout=10)
    page = session.get(server.url + "/dashboard?hours=168", timeout=10)
    assert page.status_code == 200 and page.url.endswith("/performance?hours=168")
    assert "Pipeline performance" in page.text
