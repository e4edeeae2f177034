"""Datasets, monitors and alerts on the dashboard, in a real headless Chromium: every page at
desktop and phone width, the charts people look at, acknowledging and resolving from the page,
and a new alert arriving live."""
import json
import subprocess
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT
from test_dashboard import sign_in, text_of

EXAMPLES = ROOT / "examples" / "monitoring"


def run(server, *arguments):
    process = server.cli(*arguments)
    output = process.communicate(timeout=120)[0].decode()
    assert process.returncode == 0, output
    return output


def monitored(server):
    """The walkthrough's data: two order datasets, a monitor comparing them, run once."""
    run(server, "data", "upload", str(EXAMPLES / "orders-reference.csv"), "--name", "orders-reference")
    run(server, "data", "upload", str(EXAMPLES / "orders-current.csv"), "--name", "orders-current")
    run(server, "monitor", "create", str(EXAMPLES / "orders-drift.yaml"))
    monitor = server.api("GET", "/api/v1/monitors")["data"][0]["id"]
    run(server, "monitor", "run", monitor)
    run(server, "monitor", "run", monitor)
    dataset = next(entry["id"] for entry in server.api("GET", "/api/v1/data/")["data"] if entry["name"] == "orders-current")
    return monitor, dataset


def test_dataset_monitor_and_alert_pages(empty_server, browser, screenshot):
    server = empty_server
    monitor, dataset = monitored(server)
    sign_in(browser, server)
    pages = [("/datasets", "datasets"), (f"/datasets/{dataset}", "dataset"), ("/monitors", "monitors"), (f"/monitors/{monitor}", "monitor"),
             (f"/monitors/{monitor}?column=channel", "monitor-channel"), ("/alerts", "alerts")]
    for width in (1400, 420):
        browser.set_window_size(width, 2600)
        for path, name in pages:
            browser.get(server.url + path)
            assert "Plexus" in browser.title, path
            assert not browser.find_elements(By.CSS_SELECTOR, ".error"), path
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
            assert overflow <= 1, f"{path} is {overflow}px wider than a {width}px window"
            screenshot(browser, f"{name}-{width}px")
    browser.set_window_size(1400, 1400)
    browser.get(server.url + f"/datasets/{dataset}")
    # A histogram or bar chart per profiled column, and the quality findings.
    assert len(browser.find_elements(By.CSS_SELECTOR, ".chart-grid svg.bar-chart rect.bar")) > 10
    assert "Quality findings" in browser.page_source
    browser.get(server.url + f"/monitors/{monitor}")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.line-chart circle.point")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.drift-grid rect.drift-cell.drifted")) == 4  # amount and channel, two runs
    assert browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart rect.series-1")  # reference and current overlaid
    browser.get(server.url + "/monitors")
    assert text_of(browser, "table .badge") == "drift"
    WebDriverWait(browser, 10).until(lambda driver: text_of(driver, "#alert-count") == "3")


def test_alerts_are_acknowledged_resolved_and_arrive_live(empty_server, browser, screenshot):
    server = empty_server
    monitor, _ = monitored(server)
    sign_in(browser, server)
    browser.get(server.url + "/alerts")
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody tr")) == 3
    browser.find_element(By.CSS_SELECTOR, "form[action$='/acknowledge'] button").click()
    WebDriverWait(browser, 10).until(lambda driver: "acknowledged" in text_of(driver, "tbody"))
    browser.find_element(By.CSS_SELECTOR, "form[action$='/resolve'] button").click()
    WebDriverWait(browser, 10).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".badge.alert-resolved")) == 1)
    screenshot(browser, "after-acknowledge-and-resolve")
    WebDriverWait(browser, 10).until(lambda driver: text_of(driver, "#alert-count") == "2")

    # A new monitor's alert appears without a reload.
    browser.execute_script("window.__notReloaded = true;")
    definition = {"name": "always", "source": {"kind": "dataset", "dataset": "orders-current"}, "reference": {"dataset": "orders-reference"},
                  "columns": ["items"], "rules": [{"type": "metric_threshold", "column": "items", "statistic": "mean", "above": 0}]}
    created = server.api("POST", "/api/v1/monitors", definition)
    server.api("POST", f"/api/v1/monitors/{created['id']}/run")
    WebDriverWait(browser, 15).until(lambda driver: "always" in text_of(driver, "tbody"))
    WebDriverWait(browser, 10).until(lambda driver: text_of(driver, "#alert-count") == "3")
    assert browser.execute_script("return window.__notReloaded === true;"), "the page reloaded instead of updating live"
    screenshot(browser, "live-alert")
