"""The dashboard: ``streamlit run dashboard.py``.

A thin view over ``timeline``: it loads the data (``TIMELINE_DATA``, default
``data/events.yaml``), keeps the filters in the URL and hands each tab to ``views/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from timeline.view import filters
from views import (
    figures_view,
    map_view,
    sidebar,
    sources_view,
    table_view,
    timeline_view,
)
from views.context import Context, load, show_problems

TABS = ("Timeline", "Sources", "Figures", "Map", "Table")

st.set_page_config(
    page_title="North Korea's military support to Russia: a timeline",
    page_icon="🗓️",
    layout="wide",
)
st.title("North Korea's military support to Russia, 2022–2024")
st.caption(
    "Every event cites the exact words of its sources: click one to read them in context. "
    "Filters live in the page address, so a copied link opens this same view."
)

events_path = Path(os.environ.get("TIMELINE_DATA", "data/events.yaml"))
dataset = load(events_path)
if not dataset.ok or dataset.vocabularies is None:
    show_problems(dataset)
    st.stop()

ctx = Context.of(dataset)
sidebar.read_url_once(ctx)
state = sidebar.render(ctx)
shown = filters.apply(ctx.events, state)

sidebar.show_url_notes()
st.markdown(f"Showing {len(shown)} of {len(ctx.events)} events")

render_tab = {
    "Timeline": lambda: timeline_view.render(ctx, shown, state, events_path),
    "Sources": lambda: sources_view.render(ctx, shown),
    "Figures": lambda: figures_view.render(ctx, shown),
    "Map": lambda: map_view.render(ctx, shown),
    "Table": lambda: table_view.render(ctx, shown),
}
# Only the open tab is drawn: the others cost nothing on a rerun.
for name, tab in zip(TABS, st.tabs(TABS, key="view", bind="query-params"), strict=True):
    with tab:
        if tab.open:
            render_tab[name]()

sidebar.write_url(sidebar.current_state())
