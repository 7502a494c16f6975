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
from views import (
    count,
    device,
    figures_view,
    first_paint,
    map_view,
    page_style,
    sidebar,
    sources_view,
    story_view,
    table_view,
    timeline_view,
)
from views.context import load, shared_view, show_problem_banner, show_problems
from views.errors import guarded

TABS = ("Timeline", "Story", "Sources", "Figures", "Map", "Table")
# An SVG file, not an emoji: Streamlit tells an emoji by a pattern of every emoji it compiles
# on the first page of each server start (0.06-0.14 s of it here).
FAVICON = Path(__file__).resolve().parent / "static" / "favicon.svg"

events_path = Path(os.environ.get("TIMELINE_DATA", DEFAULT_EVENTS))
dataset = load(events_path)
settings = dataset.settings
st.set_page_config(page_title=settings.page_title, page_icon=FAVICON, layout="wide")
page_style.apply()
st.title(md(settings.title))
if settings.subtitle:
    st.markdown(md(settings.subtitle))
if not dataset.readable:
    show_problems(dataset)
    st.stop()
if not dataset.ok:
    show_problem_banner(dataset)

# A phone opens on the Story view: one event after another, down the screen.
default_tab = "Story" if device.is_phone() else "Timeline"
everything = shared_view(dataset)
sidebar.read_url_once(everything, TABS, default_tab)
# The widgets already hold the state (the URL's, or the reader's last change): the open view is
# drawn before the sidebar, so the chart's data and code reach the browser first.
view = shared_view(dataset, sidebar.current_state())

sidebar.show_url_notes()
count.render(view)
# A session's first page opening on the timeline builds the rest once its chart is drawn.
open_tab = st.session_state[sidebar.VIEW_KEY]
whole = first_paint.whole_page(open_tab == "Timeline" and not view.events.empty)

render_tab = {
    "Timeline": lambda view: timeline_view.render(view, whole),
    "Story": story_view.render,
    "Sources": sources_view.render,
    "Figures": figures_view.render,
    "Map": map_view.render,
    "Table": table_view.render,
}
if view.events.empty:
    count.render_empty()
else:
    # Only the open tab is drawn: the others cost nothing on a rerun.
    tabs = st.tabs(TABS, key=sidebar.VIEW_KEY, on_change="rerun", default=default_tab)
    for name, tab in zip(TABS, tabs, strict=True):
        with tab:
            if tab.open:
                with guarded(f"the {name} view"):
                    render_tab[name](view)

if whole:
    sidebar.render(everything)
else:
    sidebar.heading()  # the sidebar is there from the start: the chart keeps its width
sidebar.write_url(sidebar.current_state(), st.session_state[sidebar.VIEW_KEY], default_tab)
