"""The Timeline tab: the legend, the chart, a pick list of events, and the detail of the chosen
one, brought into view when it opens. A session's first page builds the chart and what stands
above it only, until the chart is drawn (``views.first_paint``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from timeline.charts import crowds, lanes
from timeline.charts.style import STATUS_MARKS
from timeline.text import escape_html as escape
from timeline.view import View
from views import context, detail_panel, device, export_panel, first_paint
from views.page_style import note
from views.sidebar import KEYS

CHART_KEY = "timeline_chart"
CHART_CONFIG = {"scrollZoom": True, "displaylogo": False}
CHART_ANCHOR = "timeline-chart"
# The pick list under the chart holds at most this many events: every option is sent to the
# browser on every run (10,000 of them were 460 KiB a rerun); search and filters reach the rest.
MAX_PICKS = 500
# The look of each claim status's mark, in text: the chart's own symbols.
STATUS_SIGNS = {
    "confirmed": "●",
    "reported": "○",
    "claimed": "◇",
    "denied": "✕",
    "expected": "◎",
}
LEGEND_STYLE = (
    "display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: center; "
    "font-size: 0.9rem; color: #262730; margin: 0; scroll-margin-top: 4.5rem;"
)
SWATCH = (
    "display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; "
    "vertical-align: -0.05rem; border-radius: 2px; background: {colour};"
)


def _on_chart_select() -> None:
    # Runs before the rerun, so the pick list below is created with the clicked event.
    points = st.session_state[CHART_KEY]["selection"]["points"]
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    zoom = crowds.zoom_range(ids[0]) if ids else None
    if zoom is not None:  # a mark standing for several events: show them apart
        _zoom_to(*zoom)
    elif ids:
        detail_panel.open_event(ids[0])


def _on_pick() -> None:
    if st.session_state.get(KEYS["event"]):
        st.session_state[detail_panel.FOCUS_FLAG] = True


def _zoom_to(first: dt.date, last: dt.date) -> None:
    st.session_state[KEYS["date_from"]] = first
    st.session_state[KEYS["date_to"]] = last


def pick_options(ids: Sequence[str], chosen: str | None) -> tuple[list[str], int]:
    """The pick list's events (the first ``MAX_PICKS`` kept, and the chosen one even when the
    filters hide it) and how many of those kept are left out."""
    options = list(ids[:MAX_PICKS])
    if chosen is not None and chosen not in options:
        options.insert(0, chosen)
    return options, max(0, len(ids) - MAX_PICKS)


def legend_html(view: View) -> str:
    """What colours and marks mean, as page text: it wraps on a phone and never covers the
    chart. Colours are named only when the lanes are not the categories themselves."""
    labels = view.labels
    items = []
    if view.state.lanes != "category":
        shown = set(view.events["category"])
        for category, label in labels.of_kind("category").items():
            if category in shown:
                colour = labels.colours.get(category, "#999999")
                swatch = f'<span aria-hidden="true" style="{SWATCH.format(colour=colour)}"></span>'
                items.append(f"<span>{swatch}{escape(label)}</span>")
    for status, label in labels.of_kind("status").items():
        if status in STATUS_MARKS:
            sign = STATUS_SIGNS.get(status, "□")
            items.append(f'<span><span aria-hidden="true">{sign}</span> {escape(label)}</span>')
    items.append('<span><span aria-hidden="true">├─┤</span> date known only roughly</span>')
    return f'<p style="{LEGEND_STYLE}" id="{CHART_ANCHOR}"><b>Marks:</b> {"".join(items)}</p>'


def render(view: View, whole: bool = True) -> None:
    """The tab; without ``whole``, only down to the chart, and the signal that it is drawn."""
    state = view.state
    st.html(legend_html(view))
    busiest = view.busiest_month
    if busiest is not None:
        first, last, count = busiest
        st.button(
            f"Zoom in on {first:%B %Y}: {count} events in one month",
            on_click=_zoom_to,
            args=(first, last),
            key="zoom_busiest",
            icon=":material/zoom_in:",
        )
    title = view.title()
    figure = context.timeline_figure(view, device.screen())
    st.plotly_chart(
        figure,
        key=CHART_KEY,
        on_select=_on_chart_select,
        selection_mode="points",
        # On a phone the toolbar would sit on the dates: pinch and drag do its work there.
        config={
            **CHART_CONFIG,
            **export_panel.toolbar_config(view),
            **({"displayModeBar": False} if device.is_phone() else {}),
        },
        alt=view.alt_text(title),
    )
    if not whole:
        first_paint.signal_when_drawn()
        return
    crowding = lanes.crowding(figure)
    if crowding is not None:
        note(crowding.sentence())
    note(
        "Drag to pan, scroll to zoom. Click an event, or pick it below, to read its sources; "
        "the Story view lists every event as text, for keyboards and screen readers."
    )
    export_panel.render(view)
    every = view.dataset.events
    chosen = state.event if state.event and view.event(state.event) is not None else None
    options, left_out = pick_options(view.events["id"].tolist(), chosen)
    picked = every[every["id"].isin(options)]
    names = dict(zip(picked["id"], picked["date_text"] + ": " + picked["title"], strict=True))
    st.selectbox(
        "Event",
        options,
        index=None,
        format_func=names.__getitem__,
        key=KEYS["event"],
        placeholder="Choose an event to read its sources…",
        persist_state="session",
        on_change=_on_pick,
    )
    if left_out:
        note(
            f"The list holds the first {MAX_PICKS:,} of {len(view.events):,} events: search or "
            "narrow the filters in the sidebar to reach the others, or click them on the chart."
        )
    event = view.event(state.event) if state.event else None
    if event is not None:
        if state.event not in set(view.events["id"]):
            note("This event is hidden by the current filters.")
        detail_panel.render(view, event, back=f"#{CHART_ANCHOR}")
