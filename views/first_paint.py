"""A session's first page draws its chart before the rest of the page.

The browser builds the whole page on one thread: the sidebar's filters and the controls under
the chart (their components, and the code of each) held back the first chart by about half a
second (benchmarks/bench_first_chart.py). So the first run of a session that opens on the
Timeline builds what stands above the chart and the chart, with the sidebar's heading (the
page keeps its layout: nothing above the chart moves when the rest arrives), and a small
script that tells the server when the chart is drawn. That signal reruns the page, which then
builds everything; so do all later runs of the session. The script gives up waiting after
``GIVE_UP_MS``: a chart that is never drawn never holds back the filters.
"""

from __future__ import annotations

import streamlit as st

WHOLE_KEY = "whole_page"  # session state: True once the session has drawn the whole page
SIGNAL_KEY = "chart_drawn"
GIVE_UP_MS = 5000
# Plotly has laid out the page's first chart and drawn its SVG: what the signal waits for, and
# what the benchmarks and the browser tests call drawn.
CHART_DRAWN_JS = """() => {
  const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  return Boolean(plot && plot._fullLayout && plot._fullData && plot.querySelector(".main-svg"));
}"""
SIGNAL_JS = (
    """
export default function ({ data, setTriggerValue }) {
  const started = performance.now();
  let timer = 0;
  const drawn = """
    + CHART_DRAWN_JS
    + """;
  const check = () => {
    const reason = drawn() ? "drawn" : performance.now() - started > data.give_up_ms ? "gave up" : "";
    if (reason) {
      document.documentElement.dataset.firstPaint = reason;  // what the browser tests read
      setTriggerValue("drawn", reason);
    } else {
      timer = setTimeout(check, 50);
    }
  };
  check();
  return () => clearTimeout(timer);
}
"""
)


def whole_page(chart_opens: bool) -> bool:
    """Whether this run builds the whole page: False only until the session's first chart is
    drawn, when the page opens on one (``chart_opens``)."""
    if st.session_state.get(WHOLE_KEY) or not chart_opens:
        st.session_state[WHOLE_KEY] = True
        return True
    return False


def signal_when_drawn() -> None:
    """Mount the script that reruns the page, now whole, once the chart is drawn."""
    signal = st.components.v2.component(SIGNAL_KEY, html="", js=SIGNAL_JS)
    signal(key=SIGNAL_KEY, data={"give_up_ms": GIVE_UP_MS}, on_drawn_change=_whole)


def _whole() -> None:
    st.session_state[WHOLE_KEY] = True
