"""The Timeline tab: the chart, a pick list of events, and the detail of the chosen one."""

from __future__ import annotations

import streamlit as st

from timeline.view import View
from views import context, detail_panel, export_panel
from views.sidebar import KEYS

CHART_KEY = "timeline_chart"
CHART_CONFIG = {"scrollZoom": True, "displaylogo": False}


def _on_chart_select() -> None:
    # Runs before the rerun, so the pick list below is created with the clicked event.
    points = st.session_state[CHART_KEY]["selection"]["points"]
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    if ids:
        st.session_state[KEYS["event"]] = ids[0]


def render(view: View) -> None:
    state = view.state
    st.plotly_chart(
        context.timeline_figure(view),
        key=CHART_KEY,
        on_select=_on_chart_select,
        selection_mode="points",
        config={**CHART_CONFIG, **export_panel.toolbar_config(view)},
    )
    st.caption(
        "Drag to pan, scroll to zoom, use the slider below the chart for the time range. "
        "Click an event (or pick it below) to read its sources."
    )
    export_panel.render(view)
    every = view.dataset.events
    titles = dict(zip(every["id"], every["title"], strict=True))
    dates = dict(zip(every["id"], every["date_text"], strict=True))
    options = list(view.events["id"])
    if state.event in titles and state.event not in options:
        options.insert(0, state.event)
    st.selectbox(
        "Event",
        options,
        index=None,
        format_func=lambda event_id: f"{dates[event_id]}: {titles[event_id]}",
        key=KEYS["event"],
        placeholder="Choose an event to read its sources…",
        persist_state="session",
    )
    event = view.event(state.event) if state.event else None
    if event is not None:
        if state.event not in set(view.events["id"]):
            st.caption("This event is hidden by the current filters.")
        detail_panel.render(view, event)
