"""The Timeline tab: the chart, a pick list of events, and the detail of the chosen one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from timeline.charts import lanes as charts
from timeline.dates import event_date_text
from timeline.view.filters import FilterState
from views import detail_panel, export_panel
from views.context import Context
from views.sidebar import KEYS

CHART_KEY = "timeline_chart"
CHART_CONFIG = {"scrollZoom": True, "displaylogo": False}


def _on_chart_select() -> None:
    # Runs before the rerun, so the pick list below is created with the clicked event.
    points = st.session_state[CHART_KEY]["selection"]["points"]
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    if ids:
        st.session_state[KEYS["event"]] = ids[0]


def _x_range(shown: pd.DataFrame, state: FilterState):
    start, end = charts.default_range(shown)
    start, end = state.date_from or start, state.date_to or end
    return (start, end) if start < end else None


def render(
    ctx: Context, shown: pd.DataFrame, state: FilterState, events_path: Path | None = None
) -> None:
    fig = charts.timeline_figure(
        shown,
        ctx.vocab,
        lanes=state.lanes,
        source_labels=ctx.labels,
        source_order=ctx.source_order,
        selected=state.event,
        x_range=_x_range(shown, state),
    )
    export_view = export_panel.view_of(ctx, state, events_path or Path("data/events.yaml"))
    st.plotly_chart(
        fig,
        key=CHART_KEY,
        on_select=_on_chart_select,
        selection_mode="points",
        config={**CHART_CONFIG, **export_panel.toolbar_config(export_view)},
    )
    st.caption(
        "Drag to pan, scroll to zoom, use the slider below the chart for the time range. "
        "Click an event (or pick it below) to read its sources."
    )
    export_panel.render(export_view)
    titles = dict(zip(ctx.events["id"], ctx.events["title"], strict=True))
    options = list(shown["id"])
    if state.event in titles and state.event not in options:
        options.insert(0, state.event)
    dates = {
        row["id"]: event_date_text(row["date"], row["date_end"], bool(row["window"]))
        for row in ctx.events[["id", "date", "date_end", "window"]].to_dict("records")
    }
    st.selectbox(
        "Event",
        options,
        index=None,
        format_func=lambda event_id: f"{dates[event_id]}: {titles[event_id]}",
        key=KEYS["event"],
        placeholder="Choose an event to read its sources…",
        persist_state="session",
    )
    if state.event:
        event = ctx.event(state.event)
        if event is not None:
            if state.event not in set(shown["id"]):
                st.caption("This event is hidden by the current filters.")
            detail_panel.render(ctx, event)
