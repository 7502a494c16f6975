"""Each preset's SVG drawn in Chromium and measured as a reader sees it: no text over other
text, no event mark over another, a footer of at most two lines, no text below the preset's
minimum size. On the real data (the busiest chart there is) and on filtered views."""

import datetime as dt
from pathlib import Path

import pytest
from browser_support import needs_chromium
from readability_support import measure

import timeline
from timeline.export import PRESETS, ChartOptions, export
from timeline.export.image import ImageRenderer
from timeline.view import View
from timeline.view.filters import FilterState

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
# The smallest text a reader gets at each preset, in CSS pixels of the layout (print is drawn
# at 1600 pixels across 16 inches: 14 pixels are 10 points).
MIN_TEXT = {"social": 12, "web": 14, "print": 14}
VIEWS = {
    "every event": FilterState(),
    "troops from June 2024": FilterState(
        categories=("troop-deployment",), date_from=dt.date(2024, 6, 1)
    ),
    "lanes by actor": FilterState(lanes="actor"),
}


@pytest.fixture(scope="module")
def dataset():
    return timeline.load_dataset(REPO_ROOT / "data" / "events.yaml")


@pytest.fixture(scope="module")
def renderer():
    with ImageRenderer() as images:
        yield images


@needs_chromium
@pytest.mark.parametrize("view_name", list(VIEWS))
@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_preset_is_readable(dataset, renderer, browser, preset, view_name, theme):
    view = View(dataset, VIEWS[view_name])
    options = ChartOptions(size=PRESETS[preset], theme=theme)
    geometry = measure(browser, export(view, "svg", options, renderer=renderer))
    assert len(geometry.marks) >= len(view.drawn)  # every event is drawn, and measured
    assert geometry.overlapping_texts() == []
    assert geometry.overlapping_marks() == 0
    assert 1 <= geometry.footer_lines() <= 2
    assert geometry.smallest_text() >= MIN_TEXT[preset]


@needs_chromium
def test_the_measure_sees_overlaps_where_there_are(renderer, browser):
    import plotly.graph_objects as go

    from timeline.export.marks import tag_event_traces

    both = {"x": [1, 1], "y": [1, 1], "mode": "markers", "marker": {"size": 12}}
    fig = tag_event_traces(go.Figure(go.Scatter(**both, customdata=[["a"], ["b"]])))
    for _ in range(2):
        fig.add_annotation(x=1, y=2, text="Two labels in one place", showarrow=False)
    below = {"xref": "paper", "yref": "paper", "x": 0, "y": -0.3, "yanchor": "top"}
    fig.add_annotation(**below, text="Source: one<br>two<br>three", showarrow=False)
    fig.update_layout(width=600, height=400)
    geometry = measure(browser, renderer.render(fig, "svg", PRESETS["social"]))
    assert len(geometry.marks) == 2 and geometry.overlapping_marks() == 1
    assert geometry.overlapping_texts() == [("Two labels in one place",) * 2]
    assert geometry.footer_lines() == 3
