"""The Sources tab: each seed with its events, which source backs which event, and the weak spots."""

from __future__ import annotations

import streamlit as st

from timeline.charts import evidence as evidence_charts
from timeline.text import markdown as md
from timeline.view import View
from timeline.view import tables as views_data
from views.page_style import note

# More events than this make the matrix unreadable: it shows the first ones and says so.
MATRIX_EVENTS = 150


def render(view: View) -> None:
    shown = view.events
    table = views_data.sources_table(shown, view.dataset.sources, view.labels)
    st.markdown(
        "Each seed text, who published it and when (with how that was worked out), and how "
        "many of the events shown cite it."
    )
    st.dataframe(
        table.drop(columns=["event_titles"]),
        hide_index=True,
        column_config={
            "file": "Seed file",
            "source": "Source",
            "publisher": "Publisher",
            "title": "Title",
            "published": "Published",
            "published_basis": st.column_config.TextColumn("How the date is known", width="large"),
            "events": st.column_config.NumberColumn("Events citing it"),
            "only_source_of": st.column_config.NumberColumn("Only source of"),
        },
    )
    for row in table.itertuples():
        with st.expander(f"{md(row.source)}: {md(row.title or row.file)} ({row.events} events)"):
            note(f"{md(row.file)} · published {md(row.published or 'unknown')}")
            if row.published_basis:
                st.markdown(md(row.published_basis))
            cites = shown[shown["source_files"].map(lambda files, f=row.file: f in files)]
            st.dataframe(
                views_data.events_table(cites, view.labels)[
                    ["date", "title", "status", "sources cited"]
                ],
                hide_index=True,
            )

    st.header("Which sources back which events")  # h2: under the page title
    matrix_events = shown.iloc[:MATRIX_EVENTS]
    if len(shown) > MATRIX_EVENTS:
        note(f"The first {MATRIX_EVENTS} of {len(shown)} events; filter to see others.")
    if len(matrix_events):
        matrix = views_data.source_event_matrix(matrix_events, view.labels.source_order)
        titles = dict(zip(shown["id"], shown["title"], strict=True))
        st.plotly_chart(
            evidence_charts.matrix_figure(matrix, view.labels.of_kind("source"), titles),
            key="source_matrix",
        )

    single = views_data.single_source_events(shown, view.labels)
    st.header(f"Single-source events ({len(single)})")
    st.markdown("Only one seed supports these: they are the first to corroborate.")
    st.dataframe(single, hide_index=True)
