"""The Figures tab: numbers the sources state, over time, by claimant, each tied to its quote."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.charts import evidence as evidence_charts
from timeline.passages import passage
from timeline.sources import find_quote_spans
from timeline.text import markdown as md
from timeline.view import View
from timeline.view import tables as views_data
from views.detail_panel import passage_html
from views.page_style import note

CHART_KEY = "figures_chart"


def _citation(view: View, row: pd.Series) -> None:
    st.markdown(
        f"**{md(evidence_charts.qualified(row))} {md(row['unit'])}**: {md(row['counts'])}, claimed by "
        f"{md(row['claimant'])} ({md(row['date_text'])}; event: {md(row['event_title'])})"
    )
    text = view.dataset.seed_text(row["source"]) or ""
    spans = find_quote_spans(text, row["quote"]) if text and row["quote"] else []
    st.markdown(f"From **{md(row['source_label'])}** ({md(row['source'])}):")
    if spans:
        st.html(passage_html(list(passage(text, spans[0]).segments)))
    else:
        st.text(row["quote"])


def render(view: View) -> None:
    figures = views_data.figures_table(view.events, view.labels)
    if figures.empty:
        st.info("None of the events shown states a number.")
        return
    units = list(figures["unit"].value_counts().index)
    chosen = st.multiselect(
        "Units", units, default=evidence_charts.default_units(figures), key="figure_units"
    )
    event = st.plotly_chart(
        evidence_charts.figures_figure(figures, chosen, view.x_range),
        key=CHART_KEY,
        on_select="rerun",
        selection_mode="points",
    )
    note(
        "Each point sits in the middle of its event's date (equal numbers at the same time "
        "side by side); the whisker spans the period. The axis is linear unless the numbers "
        "on it span more than a hundredfold."
    )
    picked = [p["customdata"] for p in event["selection"]["points"] if p.get("customdata")]
    if picked:
        row = figures.loc[int(picked[0][1])]
        assert isinstance(row, pd.Series)  # figures_table numbers its rows: one row a label
        _citation(view, row)
    else:
        note("Click a point to read the quote it comes from.")
    st.header("Every figure with its quote")  # h2: the page title is the only h1
    st.dataframe(
        figures[["date_text", "value", "unit", "qualifier", "counts", "claimant", "source_label",
                 "quote", "event_title"]],
        hide_index=True,
        column_config={"date_text": "date", "source_label": "source", "event_title": "event",
                       "quote": st.column_config.TextColumn("quote", width="large")},
    )  # fmt: skip
