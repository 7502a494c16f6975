"""The dashboard in a real browser: ``streamlit run`` on a free loopback port, driven by Debian's
Chromium through Playwright. Screenshots go to artifacts/; the server log is printed when a test
fails.
"""

import re
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, Server, require_chromium, wait_for_whole_page

import timeline
from views import first_paint

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
CHART = '[data-testid="stPlotlyChart"]'
EXCEPTION = '[data-testid="stException"]'

require_chromium()


@pytest.fixture(scope="module")
def small_server():
    server = Server(SMALL, "small")
    yield server
    server.stop()


@pytest.fixture
def page(browser, request):
    """A page that records every request; on failure it prints the server log."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    failed_before = request.session.testsfailed
    yield page
    context.close()
    if request.session.testsfailed > failed_before:
        for name in ("small_server", "real_server"):
            if name in request.fixturenames:
                print(f"--- streamlit log ({name}) ---\n{request.getfixturevalue(name).log_text()}")


def open_view(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(CHART, timeout=60_000)
    wait_for_whole_page(page)
    page.wait_for_timeout(500)  # let Plotly finish drawing


def count_text(page) -> str:
    """The "Showing N of M events" of the line above the views."""
    line = page.get_by_text(re.compile(r"^Showing \d+ of \d+ events")).first.inner_text()
    return re.match(r"Showing \d+ of \d+ events", line)[0]


def screenshot(page, name: str) -> None:
    page.screenshot(path=ARTIFACTS / f"{name}.png")


def click_first_point(page) -> None:
    point = page.locator(f"{CHART} .cartesianlayer .scatterlayer .trace .points path").first
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)


def test_link_opens_its_view_and_a_click_opens_the_detail(page, small_server):
    open_view(page, f"{small_server.url}/?actor=russia&status=confirmed")
    # treaty-signed and treaty-ratified
    assert count_text(page) == "Showing 2 of 6 events"
    assert page.locator(EXCEPTION).count() == 0
    assert page.locator(f"{CHART} .cartesianlayer .scatterlayer .trace .points path").count() == 2
    screenshot(page, "browser-filtered")

    click_first_point(page)
    detail = page.locator(".st-key-event_detail")
    detail.wait_for(timeout=30_000)
    # The URL is rewritten at the end of the run that draws the detail.
    page.wait_for_url(re.compile(r"[?&]event=treaty-(signed|ratified)\b"), timeout=30_000)
    assert "actor=russia" in page.url
    detail.locator("mark").first.wait_for(timeout=30_000)
    detail.scroll_into_view_if_needed()
    screenshot(page, "browser-detail")
    assert page.locator(EXCEPTION).count() == 0


# Where the chart stands when Plotly first draws it, before the rest of the page arrives.
FIRST_BOX = f"""
const drawn = {first_paint.CHART_DRAWN_JS};
const box = setInterval(() => {{
  if (drawn()) {{
    const r = document.querySelector('.js-plotly-plot').getBoundingClientRect();
    window.firstBox = [r.x, r.y, r.width, r.height];
    clearInterval(box);
  }}
}}, 5);
"""
BOX = (
    "() => { const r = document.querySelector('.js-plotly-plot').getBoundingClientRect(); "
    "return [r.x, r.y, r.width, r.height]; }"
)


def test_the_first_page_builds_the_rest_once_its_chart_is_drawn(page, small_server):
    page.add_init_script(FIRST_BOX)
    open_view(page, small_server.url)
    # The chart has not moved nor changed size since it was first drawn.
    assert page.evaluate("window.firstBox") == pytest.approx(page.evaluate(BOX), abs=1)
    # Set by the signal (views/first_paint.py) when it saw the chart drawn, not when it gave up.
    assert page.evaluate("document.documentElement.dataset.firstPaint") == "drawn"
    assert page.get_by_label("Search titles, summaries and quotes").is_visible()
    assert page.get_by_label("Event", exact=True).count() == 1  # the pick list under the chart
    assert page.locator(f".st-key-{first_paint.SIGNAL_KEY}").count() == 0


def test_changing_a_filter_updates_the_count_and_the_url(page, small_server):
    open_view(page, small_server.url)
    assert count_text(page) == "Showing 6 of 6 events"
    search = page.get_by_label("Search titles, summaries and quotes")
    search.fill("ussuriysk")
    search.press("Enter")
    page.get_by_text("Showing 1 of 6 events").wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"[?&]q=ussuriysk"), timeout=30_000)


def test_data_text_never_runs_as_html(page, small_server):
    open_view(page, f"{small_server.url}/?event=moscow-denies")
    detail = page.locator(".st-key-event_detail")
    detail.wait_for(timeout=30_000)
    assert "Moscow denies <b>any</b> troops & more" in detail.inner_text()
    assert '<script>alert("x")</script>' in detail.inner_text()
    assert detail.locator("script, b").count() == 0
    assert page.dialogs == []


def test_map_draws_offline(page, small_server):
    open_view(page, f"{small_server.url}/?view=Map")
    page.locator(f"{CHART} .geo .countries path").first.wait_for(timeout=30_000)
    # Pyongyang, Moscow, Vladivostok, Ussuriysk and the Korean Peninsula.
    assert page.locator(f"{CHART} .scattergeo .point").count() == 5
    assert any(u.endswith("/app/static/topojson/world_110m.json") for u in page.requests)
    outside = {u for u in page.requests if not u.startswith(small_server.url)}
    assert outside == set()
    screenshot(page, "browser-map")


@pytest.fixture(scope="module")
def real_server():
    server = Server(REPO_ROOT / "data" / "events.yaml", "real")
    yield server
    server.stop()


def test_the_real_data(page, real_server):
    events = len(timeline.load_dataset(REPO_ROOT / "data" / "events.yaml").events)
    open_view(page, real_server.url)
    assert count_text(page) == f"Showing {events} of {events} events"
    assert page.locator(EXCEPTION).count() == 0
    screenshot(page, "dashboard")
