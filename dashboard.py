"""The dashboard: ``streamlit run dashboard.py``.

A thin view over ``timeline``: it loads the dataset (``TIMELINE_DATA``, default: the events
file named in ``timeline.paths``), keeps the filters in the URL and hands each tab the one
``timeline.view.View`` of the data through them. The dataset's own words (title, subtitle)
come from its settings file.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from timeline.paths import DEFAULT_EVENTS
from timeline.text import markdown as md
from timeline.view import View
from views import (
    figures_view,
    map_view,
    sidebar,
    sources_view,
    table_view,
    timeline_view,
)
from views.context import load, show_problem_banner, show_problems
from views.errors import guarded

TABS = ("Timeline", "Sources", "Figures", "Map", "Table")

events_path = Path(os.environ.get("TIMELINE_DATA", DEFAULT_EVENTS))
dataset = load(events_path)
settings = dataset.settings
st.set_page_config(page_title=settings.page_title, page_icon="🗓️", layout="wide")
st.title(md(settings.title))
if settings.subtitle:
    st.markdown(md(settings.subtitle))
st.caption(
    "Every event cites the exact words of its sources: click one to read them in context. "
    "Filters live in the page address, so a copied link opens this same view."
)
if not dataset.readable:
    show_problems(dataset)
    st.stop()
if not dataset.ok:
    show_problem_banner(dataset)

everything = View(dataset)
sidebar.read_url_once(everything)
view = View(dataset, sidebar.render(everything))

sidebar.show_url_notes()
st.markdown(f"Showing {len(view.events)} of {len(dataset.events)} events")

render_tab = {
    "Timeline": timeline_view.render,
    "Sources": sources_view.render,
    "Figures": figures_view.render,
    "Map": map_view.render,
    "Table": table_view.render,
}
# Only the open tab is drawn: the others cost nothing on a rerun.
for name, tab in zip(TABS, st.tabs(TABS, key="view", bind="query-params"), strict=True):
    with tab:
        if tab.open:
            with guarded(f"the {name} view"):
                render_tab[name](view)

sidebar.write_url(sidebar.current_state())
