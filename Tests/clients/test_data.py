"""Datasets as people send them: `curl -F file=@…` and a requests multipart form (what browsers
send), a raw text/csv body, and the `plexus data` commands; statistics checked against pandas on
the same file."""
import hashlib
import json
import os
import subprocess

import pandas
import pytest
import requests

from conftest import ADMIN_KEY, BINARY

CSV = ("age,plan,spend\n34,basic,10.5\n41,pro,99.0\n29,basic,12.25\n,pro,80\n38,basic,9.75\n41,pro,99.0\n33,basic,oops\n"
       "30,pro,70.5\n45,pro,120\n27,basic,8\n36,pro,88.25\n")


def cli(server, *arguments):
    env = dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=ADMIN_KEY)
    return subprocess.run([str(BINARY), *arguments], cwd=server.folder, env=env, capture_output=True, text=True, timeout=120)


def bearer():
    return {"Authorization": "Bearer " + ADMIN_KEY}


@pytest.fixture
def csv_file(empty_server):
    path = empty_server.folder / "customers.csv"
    path.write_text(CSV)
    return path


def test_curl_form_upload_stores_the_file_and_its_statistics_match_pandas(empty_server, csv_file):
    answer = subprocess.run(
        ["curl", "-sS", "-H", "Authorization: Bearer " + ADMIN_KEY, "-F", "file=@" + str(csv_file), "-F", "name=customers",
         empty_server.url + "/api/v1/data/upload"], capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0, answer.stderr
    dataset = json.loads(answer.stdout)
    assert dataset["name"] == "customers" and dataset["rowCount"] == 11
    assert dataset["sha256"] == hashlib.sha256(CSV.encode()).hexdigest()
    statistics = requests.get(empty_server.url + f"/api/v1/data/{dataset['id']}/statistics", headers=bearer(), timeout=10).json()
    age = next(column for column in statistics["columns"] if column["name"] == "age")
    frame = pandas.read_csv(csv_file)
    for ours, theirs in [("mean", frame.age.mean()), ("std", frame.age.std()), ("p50", frame.age.quantile(0.5)),
                         ("skewness", frame.age.skew()), ("kurtosis", frame.age.kurt())]:
        assert age[ours] == pytest.approx(theirs, rel=1e-9, abs=1e-12), ours
    assert age["missing"] == int(frame.age.isna().sum())
    spend = next(column for column in statistics["columns"] if column["name"] == "spend")
    assert spend["type"] == "float" and spend["mismatched"] == 1


def test_a_requests_multipart_form_and_a_raw_body_are_both_accepted(empty_server, csv_file):
    with open(csv_file, "rb") as handle:
        form = requests.post(empty_server.url + "/api/v1/data/upload", headers=bearer(), timeout=30,
                             files={"file": ("customers.csv", handle, "text/csv")}, data={"description": "from a form"})
    assert form.status_code == 201, form.text
    assert form.json()["name"] == "customers" and form.json()["description"] == "from a form"
    raw = requests.post(empty_server.url + "/api/v1/data/upload?name=raw", headers={**bearer(), "Content-Type": "text/csv"},
                        data=CSV.encode(), timeout=30)
    assert raw.status_code == 201, raw.text
    refused = requests.post(empty_server.url + "/api/v1/data/upload", headers=bearer(), json={"rows": []}, timeout=10)
    assert refused.status_code == 415 and refused.json()["error"]["field"] == "Content-Type"
    listed = requests.get(empty_server.url + "/api/v1/data/", headers=bearer(), timeout=10).json()
    assert [entry["name"] for entry in listed["data"]] == ["raw", "customers"]


def test_the_data_commands_upload_list_describe_and_check(empty_server, csv_file):
    uploaded = cli(empty_server, "data", "upload", str(csv_file), "--name", "customers", "--schema", "age=float", "--json")
    assert uploaded.returncode == 0, uploaded.stderr
    dataset = json.loads(uploaded.stdout)
    assert dataset["columns"][0] == {"name": "age", "type": "float", "inferredType": "integer"}
    listed = cli(empty_server, "data", "list")
    assert listed.returncode == 0 and dataset["id"] in listed.stdout and "customers" in listed.stdout
    stats = cli(empty_server, "data", "stats", dataset["id"])
    assert stats.returncode == 0 and "spend" in stats.stdout and "pro (6)" in stats.stdout
    quality = cli(empty_server, "data", "quality", dataset["id"], "--expect", "tenure=integer")
    assert quality.returncode == 0 and "missing_column" in quality.stdout and "mixed_types" in quality.stdout
    bad = cli(empty_server, "data", "upload", str(csv_file), "--schema", "age=money")
    assert bad.returncode != 0 and "the types are" in bad.stderr
    deleted = cli(empty_server, "data", "delete", dataset["id"])
    assert deleted.returncode == 0 and "Deleted" in deleted.stdout
    assert dataset["id"] not in cli(empty_server, "data", "list").stdout
