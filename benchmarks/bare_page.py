"""The floor of the stack: a bare Streamlit page that reads the same YAML and shows one scatter.

    streamlit run benchmarks/bare_page.py      (TIMELINE_DATA=path/to/events.yaml for another file)

No checks, no filters, no other view: libyaml's parse (cached as any Streamlit page would cache
it), one row per event, one ``plotly.express`` scatter of the events by date and category.
``bench_first_chart.py`` times the dashboard's first chart against this page in the same
browser run; nothing here is part of the dashboard.
"""

from __future__ import annotations

import os

import pandas as pd
import plotly.express as px
import streamlit as st
import yaml

EVENTS = os.environ.get("TIMELINE_DATA", "data/events.yaml")


@st.cache_data
def events(path: str) -> pd.DataFrame:
    with open(path, encoding="utf-8") as file:
        data = yaml.load(file, Loader=yaml.CSafeLoader)
    rows = [
        {"date": str(e["date"]), "category": e["category"], "title": e["title"]}
        for e in data["events"]
    ]
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"], format="ISO8601")  # 2024 is 2024-01-01
    return frame


st.set_page_config(page_title="Bare page", layout="wide")
frame = events(EVENTS)
st.plotly_chart(px.scatter(frame, x="date", y="category", hover_name="title"))
