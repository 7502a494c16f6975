"""The Map tab: named places with the number of events at each, drawn with no internet."""

from __future__ import annotations

import streamlit as st

from timeline.charts import evidence as evidence_charts
from timeline.text import markdown as md
from timeline.view import View
from timeline.view import tables as views_data
from views.page_style import note

# Served by Streamlit from ./static (see .streamlit/config.toml); relative, so it also works
# under a base URL path.
MAP_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}


def render(view: View) -> None:
    shown = view.events
    places = views_data.place_counts(shown, view.vocabularies)
    if places.empty:
        st.info("None of the events shown names a place.")
        return
    event = st.plotly_chart(
        evidence_charts.map_figure(places),
        key="map_chart",
        on_select="rerun",
        selection_mode="points",
        config=MAP_CONFIG,
    )
    picked = [p["customdata"][0] for p in event["selection"]["points"] if p.get("customdata")]
    if picked:
        place = places[places["id"] == picked[0]].iloc[0]
        st.markdown(f"**{md(place['label'])}**: {place['events']} events")
        at_place = shown[shown["id"].isin(place["event_ids"])]
        st.dataframe(
            views_data.events_table(at_place, view.labels)[["date", "title", "status"]],
            hide_index=True,
        )
    else:
        note("Click a place to list its events.")
    st.dataframe(
        places[["label", "country", "events"]].rename(
            columns={"label": "place", "events": "events"}
        ),
        hide_index=True,
    )
