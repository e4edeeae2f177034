"""The dashboard as a person uses it, in a real headless Chromium."""
import time

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ADMIN_KEY, ROOT


def sign_in(browser, server):
    browser.get(server.url + "/")
    assert browser.current_url.endswith("/login")
    browser.find_element(By.NAME, "apiKey").send_keys(ADMIN_KEY)
    browser.find_element(By.CSS_SELECTOR, "form.login button").click()
    WebDriverWait(browser, 10).until(conditions.presence_of_element_located((By.CSS_SELECTOR, ".cards")))


def text_of(browser, selector):
    """The element's text; live updates replace elements, so a stale one is looked up again."""
    for _ in range(5):
        try:
            return browser.find_element(By.CSS_SELECTOR, selector).text
        except StaleElementReferenceException:
            time.sleep(0.05)
    return browser.find_element(By.CSS_SELECTOR, selector).text


def test_sign_in_and_every_page(server, browser, screenshot):
    browser.get(server.url + "/login")
    screenshot(browser, "login")
    sign_in(browser, server)
    screenshot(browser, "overview")
    for path, name in [("/scorecards", "scorecards"), ("/scorecards/call-qa", "scorecard"), ("/items", "items"),
                       ("/performance", "performance")]:
        browser.get(server.url + path)
        assert "Plexus" in browser.title
        assert not browser.find_elements(By.CSS_SELECTOR, ".error")
        screenshot(browser, name)
        if name == "scorecard":
            assert "Agent greeted the caller" in browser.page_source


def demo_pages(server):
    """Every kind of page, with the demo's data in it."""
    demo = server.cli("demo", "--examples", str(ROOT / "examples"))
    output = demo.communicate(timeout=120)[0].decode()
    assert demo.returncode == 0, output
    evaluations = server.api("GET", "/api/v1/evaluations?limit=10")["data"]
    first, second = evaluations[0]["id"], evaluations[1]["id"]
    item = server.api("GET", "/api/v1/items?limit=1")["data"][0]["id"]
    return [("/", "overview"), ("/scorecards", "scorecards"), ("/scorecards/call-qa", "scorecard"),
            ("/scorecards/call-qa/scores/greeting", "score"), ("/scorecards/call-qa/scores/greeting?value=No", "score-filtered"),
            (f"/evaluations/{first}", "evaluation"), (f"/evaluations/{first}/compare/{second}", "comparison"),
            ("/items", "items"), ("/items?q=refund", "items-search"), (f"/items/{item}", "item"), ("/performance", "performance"),
            ("/performance?hours=168", "performance-week"), ("/dashboard", "dashboard"), ("/no/such/page", "not-found")]


def test_every_page_at_desktop_and_phone_width(empty_server, browser, screenshot):
    server = empty_server
    pages = demo_pages(server)
    sign_in(browser, server)
    for width in (1400, 420):
        browser.set_window_size(width, 2400)  # tall, so each screenshot shows the whole page
        for path, name in pages:
            browser.get(server.url + path)
            assert "Plexus" in browser.title, path
            assert not browser.find_elements(By.CSS_SELECTOR, ".error"), path
            # Nothing spills out of the page sideways: wide tables and charts scroll inside their own box.
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
            assert overflow <= 1, f"{path} is {overflow}px wider than a {width}px window"
            # Every navigation link can be reached on a phone.
            for link in browser.find_elements(By.CSS_SELECTOR, "header nav a"):
                browser.execute_script("arguments[0].scrollIntoView({inline: 'nearest'});", link)
                assert link.is_displayed(), f"{link.text} is hidden at {width}px"
            browser.execute_script("window.scrollTo(0, 0); document.querySelector('header nav') && (document.querySelector('header nav').scrollLeft = 0);")
            screenshot(browser, f"{name}-{width}px")
        # Raw IDs and raw metric keys are not what people read.
        browser.get(server.url + pages[5][0])
        assert "Items compared with a label" in browser.page_source and "leftOut" not in browser.page_source
    browser.set_window_size(1400, 1000)
    browser.get(server.url + "/")
    assert browser.find_elements(By.CSS_SELECTOR, "time[datetime][title]")


def test_evaluation_updates_live_while_a_simulation_runs(server, browser, screenshot):
    sign_in(browser, server)
    simulation = server.cli("experiment", "simulate", "--scorecard-key", "call-qa", "--score-key", "greeting",
                            "--num-items", "120", "--delay", "0.05", "--seed", "3")
    try:
        evaluation = None
        deadline = time.time() + 15
        while evaluation is None and time.time() < deadline:
            page = server.api("GET", "/api/v1/evaluations?limit=1")["data"]
            evaluation = page[0]["id"] if page else None
            time.sleep(0.1)
        assert evaluation, "the simulation created no evaluation"
        browser.get(server.url + "/evaluations/" + evaluation)
        browser.execute_script("window.__notReloaded = true;")
        first = int(text_of(browser, "#processed"))
        WebDriverWait(browser, 20).until(lambda driver: int(text_of(driver, "#processed")) > first)
        screenshot(browser, "evaluation-running")
        assert browser.execute_script("return window.__notReloaded === true;"), "the page reloaded instead of updating live"
        # 120 items at 50 ms take 6 s; a loaded CI machine can take several times that.
        try:
            WebDriverWait(browser, 90).until(lambda driver: text_of(driver, "#status") == "COMPLETED")
        except TimeoutException:
            stored = server.api("GET", "/api/v1/evaluations/" + evaluation)["status"]
            raise AssertionError(f"after 90 s the page shows {text_of(browser, '#status')} while the API says {stored}")
        assert browser.execute_script("return window.__notReloaded === true;")
        assert browser.find_elements(By.CSS_SELECTOR, "svg.heatmap")
        screenshot(browser, "evaluation-completed")
    finally:
        simulation.wait(timeout=60)
    assert simulation.returncode == 0, simulation.stdout.read().decode()


def test_performance_page_updates_when_a_record_arrives(server, browser, screenshot):
    sign_in(browser, server)
    browser.get(server.url + "/performance")
    browser.execute_script("window.__notReloaded = true;")
    assert text_of(browser, "#total-processed") == "0"
    server.api("POST", "/api/performance/record", {"processing_type": "early_exit", "content_type": "chat", "quality_score": 0.9,
                                                   "exit_checkpoint": "relevance", "exit_reason": "off-topic"})
    WebDriverWait(browser, 15).until(lambda driver: text_of(driver, "#total-processed") == "1")
    assert browser.execute_script("return window.__notReloaded === true;")
    screenshot(browser, "performance-after-record")
