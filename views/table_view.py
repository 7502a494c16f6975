"""The Table tab: the events shown, sortable, and downloadable exactly as shown."""

from __future__ import annotations

import streamlit as st

from timeline.view import View
from timeline.view import tables as views_data


def render(view: View) -> None:
    chronological = view.events.sort_values(["start", "end"], kind="stable")
    table = views_data.events_table(chronological, view.labels)
    left, right = st.columns([3, 1])
    sort_by = left.selectbox("Sort by", list(table.columns), index=1, key="table_sort")
    descending = right.toggle("Descending", key="table_descending")
    if sort_by != "date":  # the date column is text: its order is the chronological one
        table = table.sort_values(sort_by, ascending=not descending, kind="stable")
    elif descending:
        table = table.iloc[::-1]
    st.dataframe(table, hide_index=True, key="events_table")
    csv_column, json_column = st.columns(2)
    csv_column.download_button(
        "Download CSV", table.to_csv(index=False), "events.csv", "text/csv", key="download_csv"
    )
    json_column.download_button(
        "Download JSON",
        table.to_json(orient="records", force_ascii=False, indent=2),
        "events.json",
        "application/json",
        key="download_json",
    )
