"""The dashboard at first sight, on a laptop (1440x900) and a phone (390x844), in Chromium, on
the real data: geometry measured on the page (tests/page_geometry.py), axe-core on every view.

Nothing here is timed: every wait is for a state of the page (the script run over, Plotly
drawn, an element present).
"""

from pathlib import Path

import page_geometry as geometry
import pytest
from browser_support import Server, require_chromium

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
VIEWS = ("timeline", "story", "sources", "figures", "map", "table")
DEVICES = ("laptop", "phone")
OPENED = "duma-ratifies-treaty"
HEADING = "[data-detail-heading]"

require_chromium()
if not geometry.AXE.exists():
    pytest.skip("axe-core is missing: run make js", allow_module_level=True)


@pytest.fixture(scope="module")
def real_server():
    server = Server(REPO_ROOT / "data" / "events.yaml", "first-sight")
    yield server
    server.stop()


@pytest.fixture(params=DEVICES)
def device(request):
    return request.param


@pytest.fixture
def page(browser, device, real_server, request):
    context = geometry.new_context(browser, device)
    page = context.new_page()
    failed_before = request.session.testsfailed
    yield page
    context.close()
    if request.session.testsfailed > failed_before:
        print(f"--- streamlit log ---\n{real_server.log_text()}")


def open_timeline(page, server, query: str = "") -> None:
    geometry.open_page(page, f"{server.url}/?view=timeline{query}", chart=True)


def test_no_event_mark_hides_another(page, real_server):
    open_timeline(page, real_server)
    assert geometry.drawn_marks(page)
    assert geometry.overlapping_mark_pairs(page) == []


def test_no_text_in_the_chart_overlaps_other_text(page, real_server):
    open_timeline(page, real_server)
    assert any(text == "Key events" for text, _ in geometry.text_boxes(page))
    assert geometry.overlapping_text_pairs(page) == []


def test_events_drawn_and_stated_outside_add_up_to_those_shown(page, real_server):
    open_timeline(page, real_server)
    shown, _ = geometry.showing(page)
    outside = geometry.stated_outside(page)
    assert outside > 0  # the real data has a war in 1950 and a photo in 2017
    assert geometry.drawn_events(page) + outside == shown


def test_show_all_draws_every_event(page, real_server):
    open_timeline(page, real_server, "&range=all")
    shown, _ = geometry.showing(page)
    assert geometry.stated_outside(page) == 0
    assert geometry.drawn_events(page) == shown


@pytest.mark.parametrize("device", ["laptop"])
def test_the_first_laptop_screen_shows_at_least_20_marks(page, real_server):
    open_timeline(page, real_server)
    assert geometry.marks_on_first_screen(page) >= 20


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_scrolls_sideways(page, real_server, view):
    geometry.open_page(page, f"{real_server.url}/?view={view}")
    assert geometry.horizontal_overflow(page) == 0


def serious_or_out_of_order(page) -> list[dict]:
    """axe-core's serious and critical violations, and headings out of order (moderate)."""
    found = geometry.axe_violations(page, ("moderate", *geometry.SERIOUS))
    return [v for v in found if v["impact"] in geometry.SERIOUS or v["id"] == "heading-order"]


@pytest.mark.parametrize("view", VIEWS)
def test_axe_finds_nothing_serious_and_headings_in_order(page, real_server, view):
    geometry.open_page(page, f"{real_server.url}/?view={view}", chart=view == "timeline")
    assert serious_or_out_of_order(page) == []


@pytest.mark.parametrize("view", ["timeline", "story"])
def test_axe_finds_nothing_serious_with_an_event_open(page, real_server, view):
    geometry.open_page(page, f"{real_server.url}/?view={view}&event={OPENED}")
    page.wait_for_selector(HEADING)
    assert serious_or_out_of_order(page) == []


def test_the_chart_has_a_name_and_a_text_alternative(page, real_server):
    open_timeline(page, real_server)
    named = page.locator(
        '[data-testid="stPlotlyChart"] [aria-label], [data-testid="stPlotlyChart"][aria-label]'
    )
    assert named.count() >= 1
    assert "events" in named.first.get_attribute("aria-label")


def focused_heading(page) -> str | None:
    return page.evaluate(
        "() => document.activeElement && document.activeElement.hasAttribute('data-detail-heading')"
        " ? document.activeElement.textContent : null"
    )


def heading_in_view(page) -> bool:
    box = page.locator(HEADING).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] + box["height"] > 0 and box["y"] < height


@pytest.mark.parametrize("device", ["laptop"])  # on a phone the Story view is the way in
def test_clicking_a_mark_brings_the_detail_into_view(page, real_server):
    open_timeline(page, real_server)
    mark = geometry.drawn_marks(page)[0]
    x, y = mark.box.centre
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_selector(HEADING, timeout=30_000)
    page.wait_for_function("() => document.activeElement?.hasAttribute('data-detail-heading')")
    assert focused_heading(page)
    assert heading_in_view(page)
    assert page.get_by_role("link", name="Back to where you were").count() == 1


def test_the_story_is_read_and_opened_by_keyboard(page, real_server):
    geometry.open_page(page, f"{real_server.url}/?view=story")
    first = page.get_by_role("button", name="Read the sources").first
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(HEADING, timeout=30_000)
    page.wait_for_function("() => document.activeElement?.hasAttribute('data-detail-heading')")
    assert heading_in_view(page)
    back = page.get_by_role("link", name="Back to where you were")
    card = back.get_attribute("href")
    assert card.startswith("#story-")
    back.click()
    # The way back: the event's card comes back into view.
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        arg=card[1:],
    )


def test_a_phone_opens_on_the_story_and_a_laptop_on_the_timeline(page, device, real_server):
    geometry.open_page(page, real_server.url)
    selected = page.get_by_role("tab", selected=True).inner_text()
    assert selected == ("Story" if device == "phone" else "Timeline")


@pytest.mark.parametrize("device", ["phone"])
def test_phone_tap_targets_are_at_least_24_px(page, real_server):
    geometry.open_page(page, f"{real_server.url}/?view=story")
    targets = page.locator('button:visible, [role="tab"]:visible')
    width = page.viewport_size["width"]
    boxes = [
        (targets.nth(i).inner_text(), targets.nth(i).bounding_box()) for i in range(targets.count())
    ]
    on_screen = [
        (text, box)
        for text, box in boxes
        if box and box["x"] + box["width"] > 0 and box["x"] < width
    ]
    assert on_screen
    small = [(text, box) for text, box in on_screen if min(box["width"], box["height"]) < 24]
    assert small == []


@pytest.mark.parametrize("device", ["laptop"])
def test_the_story_prints_as_a_plain_list(page, real_server):
    geometry.open_page(page, f"{real_server.url}/?view=story")
    page.emulate_media(media="print")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.get_by_role("button", name="Read the sources").first.is_visible()
    assert page.locator(".story-card").first.is_visible()
    assert geometry.horizontal_overflow(page) == 0
