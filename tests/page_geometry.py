"""What a reader sees of the dashboard, measured in a real browser (Playwright pages).

The browser tests (tests/views/test_first_sight.py) assert on these numbers and
benchmarks/measure_first_sight.py prints them. Marks are the chart's event marks: the points
and bars whose trace carries event ids in ``customdata`` and answers hover (the selection ring,
the whiskers and the legend entries do not).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from browser_support import SCRIPT_IDLE, wait_for_whole_page

REPO_ROOT = Path(__file__).resolve().parent.parent
AXE = REPO_ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHART = '[data-testid="stPlotlyChart"]'
LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# A phone's user agent: the page opens on the Story view for it, as on a real phone.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36"
)
SERIOUS = ("serious", "critical")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def overlaps(self, other: Box, tolerance: float = 1.0) -> bool:
        """True when the boxes share more than ``tolerance`` pixels in both directions."""
        dx = min(self.x + self.width, other.x + other.width) - max(self.x, other.x)
        dy = min(self.y + self.height, other.y + other.height) - max(self.y, other.y)
        return dx > tolerance and dy > tolerance


@dataclass(frozen=True)
class Mark:
    event: str
    box: Box
    in_plot: bool  # its centre is inside the plot area (not cut off by the time axis)


_MARKS_JS = """
() => {
  const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const size = gd._fullLayout && gd._fullLayout._size;
    if (!size) continue;
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const area = {left: svg.left + size.l, top: svg.top + size.t,
                  right: svg.left + size.l + size.w, bottom: svg.top + size.t + size.h};
    // The main plot only: the range slider draws copies of the traces.
    const layers = gd.querySelectorAll(
      '.cartesianlayer .subplot.xy .scatterlayer .trace, .cartesianlayer .subplot.xy .barlayer .trace');
    for (const layer of layers) {
      const cd = layer.__data__;
      const trace = cd && cd[0] && cd[0].trace;
      if (!trace || !trace.customdata || trace.hoverinfo === 'skip') continue;
      if (trace.visible !== true) continue;
      for (const node of layer.querySelectorAll('.points path, .point path, path.point')) {
        const datum = node.__data__;
        if (!datum || datum.i === undefined) continue;
        const r = node.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        const inPlot = (cx >= area.left - 1 && cx <= area.right + 1 &&
                                 cy >= area.top - 1 && cy <= area.bottom + 1);
        out.push({event: String(trace.customdata[datum.i][0]), x: r.x, y: r.y,
                  width: r.width, height: r.height, inPlot});
      }
    }
  }
  return out;
}
"""

_TEXTS_JS = """
() => {
  const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    for (const node of gd.querySelectorAll('svg text')) {
      const text = node.textContent.trim();
      if (!text) continue;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')
        continue;
      const r = node.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      out.push({text, x: r.x, y: r.y, width: r.width, height: r.height});
    }
  }
  return out;
}
"""


# Resolves once the script run is over and the page has not changed for QUIET_FRAMES frames
# in a row: a rerun Streamlit starts on its own (a widget registering its value) or elements
# still arriving would reset the count.
_SETTLED_JS = """
({idle, quietFrames}) => new Promise(resolve => {
  let quiet = 0;
  const observer = new MutationObserver(() => { quiet = 0; });
  observer.observe(document.body,
    {subtree: true, childList: true, attributes: true, characterData: true});
  const tick = () => {
    quiet = document.querySelector(idle) ? quiet + 1 : 0;
    if (quiet >= quietFrames) { observer.disconnect(); resolve(true); }
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})
"""
QUIET_FRAMES = 20


def new_context(browser, device: str, **options):
    """A browser context as a laptop (1440x900) or a phone (390x844, touch, a phone's user
    agent: the dashboard tells phones apart by it)."""
    phone = device == "phone"
    return browser.new_context(
        viewport=PHONE if phone else LAPTOP,
        user_agent=PHONE_AGENT if phone else None,
        is_mobile=phone,
        has_touch=phone,
        **options,
    )


def wait_until_idle(page, timeout: float = 60_000) -> None:
    """Wait for the page to be built whole, every Plotly chart to be drawn and the page to
    settle."""
    wait_for_whole_page(page, timeout)
    page.wait_for_selector(SCRIPT_IDLE, timeout=timeout)
    # Widgets whose code Streamlit loads lazily stand as skeletons until it arrives.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".every(gd => gd._fullLayout && !gd._transitioning)",
        timeout=timeout,
    )
    # One call (the promise resolves when settled), bounded by ``timeout``: never a hang.
    page.wait_for_function(
        _SETTLED_JS,
        arg={"idle": SCRIPT_IDLE, "quietFrames": QUIET_FRAMES},
        polling=timeout,
        timeout=timeout,
    )
    # Streamlit fades elements in: wait for every CSS transition to end (axe reads the
    # colours on screen).
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running' || "
        "(a.effect && a.effect.getTiming().iterations === Infinity))",
        timeout=timeout,
    )


def open_page(page, url: str, chart: bool = False) -> None:
    """Open ``url`` and wait for the page to be drawn (and a chart on it, with ``chart``)."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    if chart:
        page.wait_for_selector(CHART, timeout=60_000)
    wait_until_idle(page)


def marks(page) -> list[Mark]:
    return [
        Mark(m["event"], Box(m["x"], m["y"], m["width"], m["height"]), m["inPlot"])
        for m in page.evaluate(_MARKS_JS)
    ]


def drawn_marks(page) -> list[Mark]:
    return [m for m in marks(page) if m.in_plot]


def overlapping_mark_pairs(page, share: float = 0.6) -> list[tuple[str, str]]:
    """Pairs of drawn marks whose centres are closer than ``share`` of the smaller mark."""
    drawn = drawn_marks(page)
    pairs = []
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            size = min(min(a.box.width, a.box.height), min(b.box.width, b.box.height))
            (ax, ay), (bx, by) = a.box.centre, b.box.centre
            if ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 < share * size:
                pairs.append((a.event, b.event))
    return pairs


def text_boxes(page) -> list[tuple[str, Box]]:
    return [
        (t["text"], Box(t["x"], t["y"], t["width"], t["height"])) for t in page.evaluate(_TEXTS_JS)
    ]


def overlapping_text_pairs(page) -> list[tuple[str, str]]:
    """Pairs of text boxes in the charts (labels, ticks, legend) that overlap."""
    texts = text_boxes(page)
    return [
        (a, b)
        for i, (a, box_a) in enumerate(texts)
        for b, box_b in texts[i + 1 :]
        if box_a.overlaps(box_b)
    ]


def marks_on_first_screen(page) -> int:
    """Drawn marks whose centre is inside the viewport with the page scrolled to the top."""
    page.evaluate("() => window.scrollTo(0, 0)")
    viewport = page.viewport_size
    return sum(
        1
        for m in drawn_marks(page)
        if 0 <= m.box.centre[0] <= viewport["width"] and 0 <= m.box.centre[1] <= viewport["height"]
    )


def showing(page) -> tuple[int, int]:
    """(N, M) of the line "Showing N of M events"."""
    text = page.get_by_text(re.compile(r"^Showing \d+ of \d+ events")).first.inner_text()
    found = re.match(r"Showing (\d+) of (\d+) events", text)
    assert found, text
    return int(found[1]), int(found[2])


def stated_outside(page) -> int:
    """K of "K outside the time range" (0 when the page says nothing)."""
    found = re.search(r"(\d+) outside the time range", page.inner_text("body"))
    return int(found[1]) if found else 0


def drawn_events(page) -> int:
    return len({m.event for m in drawn_marks(page)})


def horizontal_overflow(page) -> float:
    """How many pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def axe_violations(page, impacts: tuple[str, ...] = SERIOUS) -> list[dict]:
    """axe-core's violations of ``impacts`` on the page as it is: [{id, impact, nodes, help}]."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "async () => JSON.stringify((await axe.run(document, "
        "{resultTypes: ['violations']})).violations.map(v => ({id: v.id, impact: v.impact, "
        "help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))"
    )
    return [v for v in json.loads(results) if v["impact"] in impacts]
