"""Our TimelineJS export loaded by Knight Lab's TimelineJS itself (npm @knight-lab/timelinejs in
tests/js, installed by ``make js``), in Debian's Chromium, served from a loopback HTTP server."""

import datetime as dt
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import require_chromium

import timeline
from timeline.export import export
from timeline.view import View
from timeline.view.filters import FilterState

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
JS = REPO_ROOT / "tests" / "js"
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
REAL = REPO_ROOT / "data" / "events.yaml"

require_chromium()
if not (JS / "node_modules" / "@knight-lab" / "timelinejs" / "dist").is_dir():
    pytest.skip("TimelineJS is not installed: run make js", allow_module_level=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server():
    """tests/js (the harness and node_modules) on a free loopback port."""
    handler = functools.partial(QuietHandler, directory=str(JS))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def show(browser, server, data: bytes):
    """Open the harness on ``data``; returns (page, requested URLs, dialogs)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Served at a path of its own: TimelineJS fetches it like any published file.
    page.route(
        f"{server}/export.json",
        lambda route: route.fulfill(body=data, content_type="application/json"),
    )
    page.goto(f"{server}/timelinejs.html?data=export.json")
    page.wait_for_function("window.timelineState !== 'loading'", timeout=30000)
    assert page.evaluate("window.timelineState") == "loaded"
    return page, requests, dialogs


def only_local(requests: list[str]) -> bool:
    return all(urlsplit(url).hostname == "127.0.0.1" for url in requests)


@pytest.mark.parametrize(
    ("path", "filters"),
    [
        (SMALL, {}),
        (SMALL, {"categories": ("troop-deployment", "international-response")}),
        (REAL, {}),
    ],
    ids=["small", "small-filtered", "data"],
)
def test_timelinejs_shows_one_slide_per_event(browser, server, path, filters):
    dataset = timeline.load_dataset(path)
    view = View(dataset, FilterState(**filters))
    page, requests, dialogs = show(browser, server, export(view, "timelinejs"))
    assert page.locator(".tl-slide-titleslide").count() == 1
    assert page.locator(".tl-slide").count() == len(view.events) + 1  # + the title slide
    assert page.locator(".tl-timemarker").count() == len(view.events)
    assert only_local(requests), requests
    assert not dialogs
    page.close()


def test_text_from_the_data_shows_as_typed_and_runs_nothing(browser, server):
    dataset = timeline.load_dataset(SMALL)
    view = View(dataset, FilterState(statuses=("denied",)))
    page, requests, dialogs = show(
        browser, server, export(view, "timelinejs", today=dt.date(2024, 11, 5))
    )
    slide = page.locator(".tl-slide").filter(has_text="Moscow denies").first
    assert "Moscow denies <b>any</b> troops & more" in slide.locator(".tl-headline").text_content()
    text = slide.locator(".tl-text-content").text_content()
    assert 'A <b>bold</b> claim & a <script>alert("x")</script> tag' in text
    assert "Beta Weekly, “Beta's report on the troops”" in text
    assert slide.locator("script, b").count() == 0
    title = page.locator(".tl-slide-titleslide").text_content()
    assert "Source: Alpha Daily" in title and "data as of" in title
    assert only_local(requests), requests
    assert not dialogs
    page.close()
