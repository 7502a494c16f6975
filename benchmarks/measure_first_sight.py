"""What a new reader sees at first sight: the five measurements of issue 10, in Chromium.

For the default data, on a laptop (1440x900) and a phone (390x844, a phone's user agent), on the
default view:

1. overlapping marks: pairs of drawn event marks whose centres are closer than 60% of the
   smaller mark,
2. overlapping text: pairs of text boxes in the chart that overlap,
3. marks on the first screen: drawn event marks visible without scrolling,
4. drawn + outside vs N: events drawn plus the number the page states as outside the time
   range, against N of "Showing N of M events",
5. axe-core: serious and critical violations on every view, and with an event open.

Nothing is asserted (tests/views/test_first_sight.py does that). Run from the repository root:
``python benchmarks/measure_first_sight.py`` (needs /usr/bin/chromium and ``make js``);
``--screenshots docs`` also saves the README's screenshots (dashboard.png, story.png, phone.png).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))
sys.path.insert(1, str(REPO_ROOT))  # browser_support reads the page's names from views/

import page_geometry as geometry  # tests/ is on sys.path: the helpers the browser tests use
from browser_support import CHROMIUM, CHROMIUM_ARGS, Server
from playwright.sync_api import sync_playwright

VIEWS = ("Timeline", "Story", "Sources", "Figures", "Map", "Table")
OPEN_EVENT = "duma-ratifies-treaty"


def screenshots(browser, url: str, folder: Path) -> None:
    """The README's pictures: the default view and the Story on a laptop, the first screen of
    a phone."""
    for device, query, name in (
        ("laptop", "", "dashboard.png"),
        ("laptop", "?view=story", "story.png"),
        ("phone", "", "phone.png"),
    ):
        phone = device == "phone"
        context = geometry.new_context(browser, device, device_scale_factor=1)
        page = context.new_page()
        geometry.open_page(page, f"{url}/{query}", chart=not phone and not query)
        page.screenshot(path=folder / name)
        context.close()


def measure(browser, url: str, device: str) -> None:
    context = geometry.new_context(browser, device)
    page = context.new_page()
    # The chart's measurements are taken on the Timeline, whatever the device's default view.
    geometry.open_page(page, f"{url}/?view=Timeline", chart=True)
    shown, total = geometry.showing(page)
    drawn, outside = geometry.drawn_events(page), geometry.stated_outside(page)
    size = f"{page.viewport_size['width']}x{page.viewport_size['height']}"
    print(f"== {device} {size}")
    print(f"1. overlapping mark pairs: {len(geometry.overlapping_mark_pairs(page))}")
    texts = geometry.overlapping_text_pairs(page)
    print(f"2. overlapping text boxes in the chart: {len(texts)} {texts[:6]}")
    print(f"3. marks visible on the first screen: {geometry.marks_on_first_screen(page)}")
    print(
        f"4. drawn {drawn} + stated outside {outside} = {drawn + outside} "
        f"vs N = {shown} (of {total})"
    )
    print(f"   page wider than the screen by {geometry.horizontal_overflow(page):.0f} px")
    print("5. axe-core serious/critical violations:")
    for view in VIEWS:
        geometry.open_page(page, f"{url}/?view={view}")
        found = geometry.axe_violations(page)
        print(f"   {view}: {len(found)} {[(v['id'], len(v['nodes'])) for v in found]}")
    geometry.open_page(page, f"{url}/?event={OPEN_EVENT}")
    found = geometry.axe_violations(page)
    print(f"   event open: {len(found)} {[(v['id'], len(v['nodes'])) for v in found]}")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO_ROOT / "data" / "events.yaml")
    parser.add_argument("--devices", nargs="+", default=["laptop", "phone"])
    parser.add_argument("--screenshots", type=Path, help="save the README's screenshots here")
    args = parser.parse_args()
    missing = [str(p) for p in (CHROMIUM, geometry.AXE) if not p.exists()]
    if missing:  # make bench runs every script: say what is missing rather than fail
        print(f"skipped: {', '.join(missing)} missing (apt-get install chromium; make js)")
        return
    server = Server(args.data, "measure")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for device in args.devices:
                measure(browser, server.url, device)
            if args.screenshots:
                screenshots(browser, server.url, args.screenshots)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
