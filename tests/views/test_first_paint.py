"""A session's first page (views/first_paint.py), run with AppTest: down to the chart and the
signal that it is drawn, then, signalled, the whole page. The signal itself is sent by the
browser: tests/views/test_browser.py sees it in Chromium."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from views import first_paint

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"


@pytest.fixture
def first_page(monkeypatch):
    """A new session's first run of the dashboard over the small fixture, with ``params``."""
    monkeypatch.setenv("TIMELINE_DATA", str(SMALL))
    st.cache_data.clear()

    def run(params=None):
        at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(params or {})
        at.run()
        assert not at.exception
        return at

    return run


def signals(at) -> int:
    return len(at.get("bidi_component"))


def test_the_first_page_on_the_timeline_holds_the_chart_then_signalled_everything(first_page):
    at = first_page({"q": "troops"})
    (chart,) = at.get("plotly_chart")
    assert chart.proto.id.endswith("timeline_chart")
    assert [h.value for h in at.sidebar.header] == ["Filters"]  # the sidebar keeps its width
    assert len(at.sidebar.text_input) == 0 and len(at.selectbox) == 0 and len(at.expander) == 0
    assert signals(at) == 1
    assert first_paint.WHOLE_KEY not in at.session_state
    at.session_state[first_paint.WHOLE_KEY] = True  # what the signal's callback does
    at.run()
    assert not at.exception
    assert signals(at) == 0
    assert at.sidebar.text_input(key="f_q").value == "troops"  # the link's filter, kept
    assert [s.label for s in at.selectbox] == ["Event"]
    assert any(e.label.startswith("Export this view") for e in at.expander)
    assert len(at.get("plotly_chart")) == 1


@pytest.mark.parametrize("params", [{"view": "story"}, {"q": "no event says this"}])
def test_a_first_page_without_a_chart_is_whole_at_once(first_page, params):
    at = first_page(params)
    assert signals(at) == 0
    assert len(at.sidebar.text_input) == 1
    assert at.session_state[first_paint.WHOLE_KEY] is True
