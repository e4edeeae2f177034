"""ONNX models as people send them: `curl -F file=@model.onnx`, the `plexus model` commands on a CSV
of rows, and predictions compared with onnxruntime run here on the same file and rows."""
import csv
import json
import math
import os
import subprocess

import numpy
import onnxruntime

from conftest import ADMIN_KEY, BINARY, ROOT

ZOO = ROOT / "Tests" / "PlexusModelsTests" / "Fixtures"


def cli(server, *arguments):
    env = dict(os.environ, PLEXUS_API_URL=server.url, PLEXUS_API_KEY=ADMIN_KEY)
    return subprocess.run([str(BINARY), *arguments], cwd=server.folder, env=env, capture_output=True, text=True, timeout=120)


def pipeline_case():
    document = json.loads((ZOO / "onnx_zoo.json").read_text())
    return next(case for case in document["cases"] if case["name"] == "column_pipeline")


def test_curl_upload_and_predict_match_onnxruntime(empty_server):
    model = ZOO / "zoo" / "random_forest.onnx"
    uploaded = subprocess.run(
        ["curl", "-sS", "-H", "Authorization: Bearer " + ADMIN_KEY, "-F", "file=@" + str(model), "-F", "name=forest",
         empty_server.url + "/api/v1/models/upload"], capture_output=True, text=True, timeout=60)
    assert uploaded.returncode == 0, uploaded.stderr
    stored = json.loads(uploaded.stdout)
    assert stored["name"] == "forest" and stored["version"] == 1, stored
    rows = numpy.random.default_rng(5).normal(size=(25, 6)).astype(numpy.float32)
    predicted = subprocess.run(
        ["curl", "-sS", "-H", "Authorization: Bearer " + ADMIN_KEY, "-H", "Content-Type: application/json",
         "-d", json.dumps({"inputs": {"X": rows.tolist()}}), empty_server.url + "/api/v1/models/forest/predict"],
        capture_output=True, text=True, timeout=60)
    answer = json.loads(predicted.stdout)
    labels, probabilities = onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"]).run(None, {"X": rows})
    assert answer["outputs"]["label"] == labels.tolist()
    for ours, theirs in zip(answer["outputs"]["probabilities"], probabilities.tolist()):
        assert all(math.isclose(a, b, abs_tol=1e-6) for a, b in zip(ours, theirs))


def test_the_model_commands_upload_predict_a_csv_and_refuse_an_unsupported_model(empty_server):
    reference = pipeline_case()
    columns = ["a", "b", "c", "channel"]
    rows = empty_server.folder / "rows.csv"
    with open(rows, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for index in range(len(reference["labels"])):
            values = [reference["inputs"][column][index][0] for column in columns]
            writer.writerow(["" if value is None else value for value in values])
    uploaded = cli(empty_server, "model", "upload", str(ZOO / "zoo" / "column_pipeline.onnx"), "--name", "pipeline")
    assert uploaded.returncode == 0 and "Stored pipeline version 1" in uploaded.stdout, uploaded.stderr
    assert "OneHotEncoder" in uploaded.stdout and "channel" in uploaded.stdout
    out = empty_server.folder / "predictions.csv"
    predicted = cli(empty_server, "model", "predict", "pipeline@1", "--input", str(rows), "--output", str(out), "--batch-size", "7")
    assert predicted.returncode == 0 and "Predicted 40 rows" in predicted.stderr, predicted.stderr
    with open(out, newline="") as handle:
        written = list(csv.DictReader(handle))
    assert list(written[0].keys()) == ["row", "label", "p_0", "p_1"]
    assert [int(row["label"]) for row in written] == reference["labels"]
    jsonl = empty_server.folder / "predictions.jsonl"
    assert cli(empty_server, "model", "predict", "pipeline", "--input", str(rows), "--output", str(jsonl)).returncode == 0
    objects = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len(objects) == 40 and objects[0]["row"] == 0 and objects[0]["label"] == reference["labels"][0]
    refused = cli(empty_server, "model", "upload", str(ZOO / "zoo" / "unsupported.onnx"), "--name", "cnn")
    assert refused.returncode != 0 and "ai.onnx.Conv (node conv_1)" in refused.stderr, refused.stderr
    listed = cli(empty_server, "model", "list")
    assert "pipeline" in listed.stdout and "cnn" not in listed.stdout
    assert "Deleted pipeline version 1" in cli(empty_server, "model", "delete", "pipeline").stdout


def test_the_explain_command_gives_shaps_values_for_a_csv(empty_server):
    """`plexus model explain` on the zoo's gradient boosting model: every value equals what
    shap.TreeExplainer gives here, on the scikit-learn model the zoo file was exported from."""
    import shap
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "reference"))
    from onnx_zoo import CASES, problem

    name, task, make, _ = next(case for case in CASES if case[0] == "gradient_boosting_binary")
    train_x, train_y, test_x = problem(task)
    model = make().fit(train_x, train_y)
    features = ["tenure", "spend", "calls", "age", "visits", "score"]

    def write(path, rows):
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(features)
            writer.writerows([[repr(float(v)) for v in row] for row in rows])

    rows, background = empty_server.folder / "rows.csv", empty_server.folder / "background.csv"
    write(rows, test_x[:15])
    write(background, train_x)  # every training row, so each leaf has a cover (shap refuses otherwise)
    uploaded = cli(empty_server, "model", "upload", str(ZOO / "zoo" / "gradient_boosting_binary.onnx"), "--name", "boost",
                   "--features", ",".join(features))
    assert uploaded.returncode == 0, uploaded.stderr
    for perturbation in ["tree_path_dependent", "interventional"]:
        out = empty_server.folder / f"shap-{perturbation}.csv"
        explained = cli(empty_server, "model", "explain", "boost", "--input", str(rows), "--background", str(background),
                        "--perturbation", perturbation, "--background-rows", "200", "--batch-size", "4", "--output", str(out))
        assert explained.returncode == 0, explained.stderr
        assert "Explained 15 rows" in explained.stderr and "Mean |SHAP| for 1 (log_odds)" in explained.stderr, explained.stderr
        masker = shap.maskers.Independent(train_x, max_samples=len(train_x))
        explainer = shap.TreeExplainer(model, data=masker, feature_perturbation=perturbation)
        expected = explainer.shap_values(test_x[:15])
        with open(out, newline="") as handle:
            lines = list(csv.DictReader(handle))
        assert len(lines) == 15 and [line["row"] for line in lines] == [str(i) for i in range(15)]
        for line, want in zip(lines, expected):
            assert line["output"] == "1" and line["space"] == "log_odds"
            assert math.isclose(float(line["base_value"]), float(numpy.atleast_1d(explainer.expected_value)[0]), abs_tol=2e-6)
            for feature, value in zip(features, want):
                assert math.isclose(float(line["shap_" + feature]), value, abs_tol=2e-6), (perturbation, feature, line, value)
            assert float(line["additivity_error"]) < 1e-9
    # The same rows in probability space: shap's model_output="probability", interventional.
    out = empty_server.folder / "shap-probability.csv"
    explained = cli(empty_server, "model", "explain", "boost", "--input", str(rows), "--background", str(background),
                    "--model-output", "probability", "--background-rows", "200", "--output", str(out))
    assert explained.returncode == 0 and "Mean |SHAP| for 1 (probability)" in explained.stderr, explained.stderr
    explainer = shap.TreeExplainer(model, data=shap.maskers.Independent(train_x, max_samples=len(train_x)),
                                   feature_perturbation="interventional", model_output="probability")
    expected = explainer.shap_values(test_x[:15])
    with open(out, newline="") as handle:
        lines = list(csv.DictReader(handle))
    for line, want in zip(lines, expected):
        assert line["space"] == "probability"
        for feature, value in zip(features, want):
            assert math.isclose(float(line["shap_" + feature]), value, abs_tol=2e-6), (feature, line, value)


def test_an_explanation_beyond_the_inline_limit_runs_as_a_job_and_equals_shap(tmp_path):
    """With PLEXUS_EXPLAIN_SYNC_ROWS=10, curl's explain request for 40 rows is answered 202 with
    the job's Location; `plexus model explain --store` waits for such a job, and the stored
    explanation equals shap.TreeExplainer's values on the scikit-learn model."""
    import shap
    import sys
    import time
    from conftest import Server
    sys.path.insert(0, str(ROOT / "scripts" / "reference"))
    from onnx_zoo import CASES, problem

    server = Server(tmp_path, env={"PLEXUS_EXPLAIN_SYNC_ROWS": "10"})
    try:
        name, task, make, _ = next(case for case in CASES if case[0] == "gradient_boosting_binary")
        train_x, train_y, test_x = problem(task)
        features = ["tenure", "spend", "calls", "age", "visits", "score"]
        assert cli(server, "model", "upload", str(ZOO / "zoo" / f"{name}.onnx"), "--name", "boost", "--features", ",".join(features)).returncode == 0
        rows = [dict(zip(features, map(float, row))) for row in test_x[:40]]
        background = [dict(zip(features, map(float, row))) for row in train_x[:100]]
        answered = subprocess.run(
            ["curl", "-sS", "-i", "-H", "Authorization: Bearer " + ADMIN_KEY, "-H", "Content-Type: application/json",
             "-d", json.dumps({"rows": rows, "background": {"rows": background}}), server.url + "/api/v1/models/boost/explain"],
            capture_output=True, text=True, timeout=60)
        head, _, body = answered.stdout.replace("\r\n", "\n").partition("\n\n")
        assert head.startswith("HTTP/1.1 202"), answered.stdout[:500]
        queued = json.loads(body)
        assert queued["rows"] == 40 and f"location: /api/v1/jobs/{queued['jobId']}" in head.lower(), answered.stdout[:500]
        deadline = time.time() + 90
        while server.api("GET", f"/api/v1/jobs/{queued['jobId']}")["status"] not in ("completed", "failed") and time.time() < deadline:
            time.sleep(0.2)
        assert server.api("GET", f"/api/v1/jobs/{queued['jobId']}")["status"] == "completed"
        stored = server.api("GET", f"/api/v1/explanations/{queued['explanationId']}")

        model = make().fit(train_x, train_y)
        masker = shap.maskers.Independent(train_x[:100], max_samples=100)
        expected = shap.TreeExplainer(model, data=masker, feature_perturbation="interventional").shap_values(test_x[:40])
        assert len(stored["rows"]) == 40
        for row, want in zip(stored["rows"], expected):
            assert all(math.isclose(ours, theirs, abs_tol=2e-6) for ours, theirs in zip(row["values"][0], want)), (row["values"][0], want)

        # The command waits for the job its request became, and prints the stored explanation's page.
        for path, data in [(tmp_path / "rows.csv", test_x[:40]), (tmp_path / "background.csv", train_x[:100])]:
            with open(path, "w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(features)
                writer.writerows([[repr(float(v)) for v in row] for row in data])
        explained = cli(server, "model", "explain", "boost", "--input", str(tmp_path / "rows.csv"), "--background", str(tmp_path / "background.csv"),
                        "--background-rows", "100", "--output", str(tmp_path / "shap.csv"), "--store")
        assert explained.returncode == 0 and "Explained 40 rows" in explained.stderr and "Stored as explanation" in explained.stderr, explained.stderr
        with open(tmp_path / "shap.csv", newline="") as handle:
            lines = list(csv.DictReader(handle))
        assert len(lines) == 40
        for line, row in zip(lines, stored["rows"]):
            assert math.isclose(float(line["shap_tenure"]), row["values"][0][0], rel_tol=1e-12, abs_tol=1e-15)
    finally:
        server.stop()


def test_model_pages_at_desktop_and_phone_width(empty_server, browser, screenshot):
    """The models list and a model's page in headless Chromium: inputs, outputs, the operator
    chart and the versions, with nothing spilling sideways on a phone."""
    from selenium.webdriver.common.by import By
    from test_dashboard import sign_in

    for name in ["random_forest", "column_pipeline"]:
        uploaded = cli(empty_server, "model", "upload", str(ZOO / "zoo" / f"{name}.onnx"), "--name", "churn")
        assert uploaded.returncode == 0, uploaded.stderr
    versions = empty_server.api("GET", "/api/v1/models")["data"]
    newest = next(model for model in versions if model["version"] == 2)
    sign_in(browser, empty_server)
    for width in (1400, 420):
        browser.set_window_size(width, 2400)
        for path, page in [("/models", "models"), (f"/models/{newest['id']}", "model"), ("/models/churn@1", "model-by-name")]:
            browser.get(empty_server.url + path)
            assert "Plexus" in browser.title and not browser.find_elements(By.CSS_SELECTOR, ".error"), path
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
            assert overflow <= 1, f"{path} is {overflow}px wider than a {width}px window"
            screenshot(browser, f"{page}-{width}px")
    browser.set_window_size(1400, 1400)
    browser.get(empty_server.url + "/models")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table tbody tr")) == 2
    browser.get(empty_server.url + f"/models/{newest['id']}")
    # The pipeline's operators as bars, its four named inputs, and both versions listed.
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart rect.bar")) >= 5
    assert "channel" in browser.page_source and "OneHotEncoder" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "a[href='/models']")
    assert len(browser.find_elements(By.XPATH, "//h2[starts-with(., 'Versions')]/following-sibling::table[1]//tbody/tr")) == 2


def test_a_stored_explanation_is_charted_at_desktop_and_phone_width(empty_server, browser, screenshot):
    """`plexus model explain --store` keeps the explanation and prints its page; in headless
    Chromium the page draws the mean |SHAP| bars, a beeswarm dot per row and feature, the chosen
    row's waterfall and a dependence plot, and its form switches row and feature."""
    import re
    import sys
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from test_dashboard import sign_in
    sys.path.insert(0, str(ROOT / "scripts" / "reference"))
    from onnx_zoo import CASES, problem

    name, task, _, _ = next(case for case in CASES if case[0] == "gradient_boosting_binary")
    train_x, _, test_x = problem(task)
    features = ["tenure", "spend", "calls", "age", "visits", "score"]
    rows, background = empty_server.folder / "rows.csv", empty_server.folder / "background.csv"
    for path, data in [(rows, test_x), (background, train_x[:50])]:
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(features)
            writer.writerows([[repr(float(v)) for v in row] for row in data])
    uploaded = cli(empty_server, "model", "upload", str(ZOO / "zoo" / f"{name}.onnx"), "--name", "boost", "--features", ",".join(features))
    assert uploaded.returncode == 0, uploaded.stderr
    explained = cli(empty_server, "model", "explain", "boost", "--input", str(rows), "--background", str(background),
                    "--output", str(empty_server.folder / "shap.csv"), "--store")
    assert explained.returncode == 0, explained.stderr
    found = re.search(r"Stored as explanation (\S+): (\S+)", explained.stderr)
    assert found and found.group(2) == f"{empty_server.url}/explanations/{found.group(1)}", explained.stderr
    stored = empty_server.api("GET", f"/api/v1/explanations/{found.group(1)}")
    assert len(stored["rows"]) == len(test_x) and stored["features"] == features

    sign_in(browser, empty_server)
    for width in (1400, 420):
        browser.set_window_size(width, 3200)
        browser.get(found.group(2))
        assert "Plexus" in browser.title and not browser.find_elements(By.CSS_SELECTOR, ".error")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
        assert overflow <= 1, f"the explanation page is {overflow}px wider than a {width}px window"
        screenshot(browser, f"explanation-{width}px")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.feature-bar-chart rect.bar")) == len(features)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.beeswarm-chart circle.dot")) == len(features) * len(test_x)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.waterfall-chart rect.bar")) == len(features)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.scatter-chart circle.dot")) == len(test_x)
    # The waterfall ends at the row's output: base value + Σ SHAP, as the API says.
    output = stored["rows"][0]["outputs"][0]
    assert "f(x) = " + f"{output:.3f}".rstrip("0").rstrip(".") in browser.page_source
    browser.set_window_size(1400, 3200)
    Select(browser.find_element(By.ID, "feature")).select_by_value("age")
    browser.find_element(By.ID, "row").clear()
    browser.find_element(By.ID, "row").send_keys("7")
    browser.find_element(By.CSS_SELECTOR, "form.explanation-controls button").click()
    # The form loads a new page; wait for it rather than reading the old one.
    WebDriverWait(browser, 20).until(lambda b: "Why row 7 got" in b.page_source)
    assert "How age acts" in browser.page_source
    screenshot(browser, "explanation-row-7-age")
    browser.get(empty_server.url + "/models/boost")
    assert browser.find_elements(By.CSS_SELECTOR, f"a[href='/explanations/{found.group(1)}']")


def test_the_seeds_model_socket_pushes_predictions_explanations_and_serves_its_test_page(empty_server, browser, screenshot):
    """The seed's protocol with the `websockets` client: `/api/v1/ws/connect?token=KEY`,
    `subscribe_model`, then a batched `prediction.logged` after predictions and
    `explanation.completed` after a stored explanation; a socket following another model hears
    nothing of them. Then the seed's test page in Chromium shows the same messages."""
    from websockets.sync.client import connect
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from conftest import ADMIN_KEY
    from test_dashboard import sign_in

    features = ["tenure", "spend", "calls", "age", "visits", "score"]
    uploaded = cli(empty_server, "model", "upload", str(ZOO / "zoo" / "gradient_boosting_binary.onnx"), "--name", "boost", "--features", ",".join(features))
    assert uploaded.returncode == 0, uploaded.stderr
    rows = [dict(zip(features, [0.1 * i, -0.2, 0.3, 0.4 * i, -0.5, 0.6])) for i in range(12)]
    socket_url = empty_server.url.replace("http://", "ws://") + "/api/v1/ws/connect?token=" + ADMIN_KEY

    def receive(socket, wanted):
        while True:
            message = json.loads(socket.recv(timeout=20))
            if message["type"] == wanted:
                return message

    with connect(socket_url) as socket, connect(socket_url) as other:
        socket.send(json.dumps({"type": "subscribe_model", "model_id": "boost"}))
        assert receive(socket, "subscribed")["model_id"] == "boost"
        other.send(json.dumps({"type": "subscribe_model", "model_id": "someone-else"}))
        receive(other, "subscribed")
        for start in (0, 6):
            empty_server.api("POST", "/api/v1/models/boost/predict", {"rows": rows[start:start + 6]})
        logged = receive(socket, "prediction.logged")
        assert logged["model"]["name"] == "boost" and logged["model"]["version"] == 1
        assert 1 <= logged["count"] <= 12 and len(logged["predictions"]) <= logged["count"]
        assert "label" in logged["predictions"][0]
        explained = empty_server.api("POST", "/api/v1/models/boost/explain", {"rows": rows[:2], "background": {"rows": rows}})
        completed = receive(socket, "explanation.completed")
        assert completed["id"] == explained["id"] and completed["explanation"]["rowCount"] == 2
        socket.send(json.dumps({"type": "subscribe_model"}))
        assert "model_id" in receive(socket, "error")["message"]
        other.send(json.dumps({"type": "ping"}))
        first = json.loads(other.recv(timeout=20))
        assert first["type"] == "error", f"the socket following another model heard {first}"

    sign_in(browser, empty_server)
    browser.get(empty_server.url + "/api/v1/ws/test-page")
    browser.find_element(By.ID, "model").send_keys("boost")
    browser.find_element(By.CSS_SELECTOR, "#connect button").click()
    WebDriverWait(browser, 20).until(lambda b: "subscribed" in b.find_element(By.ID, "messages").text)
    empty_server.api("POST", "/api/v1/models/boost/predict", {"rows": rows[:3]})
    WebDriverWait(browser, 20).until(lambda b: "prediction.logged" in b.find_element(By.ID, "messages").text)
    screenshot(browser, "ws-test-page")
