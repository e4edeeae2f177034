"""Fixtures for the tests with real clients: a real `plexus serve` on a free port in a fresh
folder, its admin key, a headless Chromium driven through Debian's chromedriver, and a folder
where every test saves screenshots of the pages it visits."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "plexus"
SCREENSHOTS = pathlib.Path(os.environ.get("PLEXUS_SCREENSHOTS", ROOT / ".build" / "screenshots"))
ADMIN_KEY = "plx_browser-test-admin-key"


class Server:
    """A running `plexus serve` process and small helpers for its REST API."""

    def __init__(self, folder, env=None):
        self.folder = folder
        self.log = open(folder / "serve.log", "w+")
        env = dict(os.environ, PLEXUS_ADMIN_KEY=ADMIN_KEY, **(env or {}))
        env.pop("PLEXUS_DATABASE_URL", None)
        self.process = subprocess.Popen([str(BINARY), "serve", "--port", "0"], cwd=folder, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.url = self._wait_for_url()

    def _wait_for_url(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            self.log.seek(0)
            match = re.search(r"at (http://127\.0\.0\.1:\d+)", self.log.read())
            if match:
                return match.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.log.seek(0)
        raise RuntimeError("plexus serve did not start:\n" + self.log.read())

    def api(self, method, path, body=None):
        request = urllib.request.Request(self.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer " + ADMIN_KEY, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def cli(self, *arguments):
        env = dict(os.environ, PLEXUS_API_URL=self.url, PLEXUS_API_KEY=ADMIN_KEY)
        return subprocess.Popen([str(BINARY), *arguments], cwd=self.folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)
        self.log.close()


@pytest.fixture
def empty_server():
    """A server whose account has nothing in it yet."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="plexus-clients-"))
    running = Server(folder)
    yield running
    running.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(empty_server):
    """A server whose account has the call-qa scorecard of examples/call-qa.json."""
    empty_server.api("POST", "/api/v1/scorecards", json.loads((ROOT / "examples" / "call-qa.json").read_text()))
    return empty_server


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture
def screenshot(request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(driver, name):
        driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name}-{name}.png"))
    return save
