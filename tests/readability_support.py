"""Measuring an exported chart's SVG in Chromium: the boxes of its text and of its event marks.

The SVG is drawn in a page of its own and every box is read with ``getBoundingClientRect``, so
what is measured is what a reader sees, in the browser's own fonts (in the SVG's units). Event marks are the points
of traces whose uid starts with ``EVENT_UID`` (plotly writes ``trace<uid>`` as the class of a
trace's group) and every bar (the timeline draws only event spans as bars).
"""

from __future__ import annotations

from dataclasses import dataclass

from page_geometry import Box

from timeline.export.marks import EVENT_UID

# Boxes that share less than this (in CSS pixels, each way) only touch: anti-aliasing, not
# overlap.
TOLERANCE = 1.0

MEASURE = """
(uid) => {
  // In the SVG's own units: a print export is drawn larger than its viewBox.
  const svg = document.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left / scale, y: r.top / scale, w: r.width / scale, h: r.height / scale}; };
  const texts = [];
  for (const el of document.querySelectorAll('svg text')) {
    const style = getComputedStyle(el);
    if (!el.textContent.trim() || style.display === 'none' || style.visibility === 'hidden'
        || parseFloat(style.opacity) === 0) continue;
    const r = box(el);
    if (r.w === 0 || r.h === 0) continue;
    texts.push({...r, text: el.textContent, size: parseFloat(style.fontSize),
                lines: Math.max(el.querySelectorAll('tspan.line').length, 1)});
  }
  const marks = [];
  const events = [...document.querySelectorAll(`g.trace[class*="trace${uid}"] path.point`),
                  ...document.querySelectorAll('.barlayer g.trace path')];
  for (const el of events) {
    const r = box(el);
    if (r.w > 0 || r.h > 0) marks.push(r);
  }
  return {texts, marks};
}
"""


@dataclass(frozen=True)
class Text:
    box: Box
    text: str
    size: float
    lines: int


@dataclass(frozen=True)
class Geometry:
    texts: list[Text]
    marks: list[Box]

    def overlapping_texts(self) -> list[tuple[str, str]]:
        return [
            (a.text, b.text)
            for i, a in enumerate(self.texts)
            for b in self.texts[i + 1 :]
            if a.box.overlaps(b.box, TOLERANCE)
        ]

    def overlapping_marks(self) -> int:
        return sum(
            a.overlaps(b, TOLERANCE) for i, a in enumerate(self.marks) for b in self.marks[i + 1 :]
        )

    def footer_lines(self) -> int:
        """Lines of text from the source line down: the footer under the chart."""
        source = [t for t in self.texts if t.text.startswith("Source:")]
        if not source:
            return 0
        top = min(t.box.y for t in source)
        return sum(t.lines for t in self.texts if t.box.y >= top - TOLERANCE)

    def smallest_text(self) -> float:
        return min(t.size for t in self.texts)


def measure(browser, svg: bytes) -> Geometry:
    """The text and event-mark boxes of ``svg`` as Chromium lays it out."""
    page = browser.new_page()
    try:
        page.set_content(
            '<!DOCTYPE html><html><body style="margin:0">' + svg.decode("utf-8") + "</body></html>"
        )
        found = page.evaluate(MEASURE, EVENT_UID)
    finally:
        page.close()
    texts = [
        Text(Box(t["x"], t["y"], t["w"], t["h"]), t["text"], t["size"], t["lines"])
        for t in found["texts"]
    ]
    marks = [Box(m["x"], m["y"], m["w"], m["h"]) for m in found["marks"]]
    return Geometry(texts, marks)
