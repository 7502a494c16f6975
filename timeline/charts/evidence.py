"""Charts of the evidence behind the events: the numbers sources state, by claimant; the
places events happened; and which source backs which event.

Like ``timeline.charts.lanes``, every builder returns a ``go.Figure`` and passes text from the data to
Plotly escaped, through ``hovertext`` or ``text`` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from timeline.charts.style import OKABE_ITO, segments
from timeline.text import escape_html as escape
from timeline.text import shorten

WIDE_RANGE = 100  # largest / smallest value of a unit above which its axis is logarithmic
# Points with the same number closer than this share of the time axis are set side by side,
# this share apart, so no claimant's point hides another's (the hover keeps the exact date).
DODGE_SHARE = 0.012


def dodged(figures: pd.DataFrame, x_range: tuple[dt.date, dt.date]) -> pd.Series:
    """Where each figure's point goes on the time axis: at its ``when``, moved aside when
    another point of the same unit and value sits too close, so none is drawn on another."""
    start, end = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    step = (end - start) * DODGE_SHARE
    where = figures["when"].copy()
    for _, same in figures.groupby(["unit", "value"], sort=False):
        cluster: list = []
        last = None
        for index, when in same["when"].sort_values(kind="stable").items():
            if last is not None and pd.Timestamp(when) - last >= step:
                _spread(where, figures, cluster, step)
                cluster = []
            cluster.append(index)
            last = pd.Timestamp(when)
        _spread(where, figures, cluster, step)
    return where


def _spread(where: pd.Series, figures: pd.DataFrame, cluster: list, step: pd.Timedelta) -> None:
    if len(cluster) < 2:
        return
    middle = figures.loc[cluster, "when"].mean()
    for rank, index in enumerate(cluster):
        where.at[index] = middle + step * (rank - (len(cluster) - 1) / 2)


def default_units(figures: pd.DataFrame) -> list[str]:
    """The units more than one figure is stated in (all units when none repeats)."""
    counts = figures["unit"].value_counts(sort=True)
    repeated = list(counts[counts > 1].index)
    return repeated or list(counts.index)


def _figure_hover(row: pd.Series) -> str:
    return "<br>".join(
        [
            f"<b>{escape(qualified(row))} {escape(row['unit'])}</b>: {escape(row['counts'])}",
            f"Claimed by {escape(row['claimant'])}",
            escape(row["date_text"]),
            f"Event: {escape(shorten(row['event_title'], 80))}",
            f"Source: {escape(row['source_label'])}",
        ]
    )


# More claimants than colours: the symbol changes with each round of the palette, so no two
# claimants look alike (up to 8 x 5 of them) and colour is never the only cue.
CLAIMANT_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "star")


def claimant_style(index: int) -> tuple[str, str]:
    """The (colour, marker symbol) of the index-th claimant."""
    colour = OKABE_ITO[index % len(OKABE_ITO)]
    return colour, CLAIMANT_SYMBOLS[index // len(OKABE_ITO) % len(CLAIMANT_SYMBOLS)]


def figures_figure(
    figures: pd.DataFrame, units: Sequence[str], x_range: tuple[dt.date, dt.date]
) -> go.Figure:
    """Numbers the sources state, over time: a panel per unit, a look per claimant.

    ``figures`` is ``views_data.figures_table``. Each point sits at the middle of its event's
    date with a whisker over the event's period, and carries (event id, figure row) as
    customdata so a click leads to its citation.
    """
    units = [u for u in units if (figures["unit"] == u).any()]
    figures = figures.assign(x=dodged(figures, x_range))
    start, end = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    on_axis = (figures["when"] >= start) & (figures["when"] <= end)
    fig = make_subplots(
        rows=max(len(units), 1),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        subplot_titles=[escape(u) for u in units],
    )
    claimants = sorted(set(figures.loc[figures["unit"].isin(units), "claimant"]))
    styles = {c: claimant_style(i) for i, c in enumerate(claimants)}
    in_legend: set[str] = set()
    for row_number, unit in enumerate(units, start=1):
        for key, claims in figures[figures["unit"] == unit].groupby("claimant", sort=True):
            claimant = str(key)  # the model's claimant text; pandas types a group key loosely
            claims = claims.sort_values("when")
            colour, symbol = styles[claimant]
            x, y = segments(claims["start"], claims["end"], claims["value"])
            whiskers = go.Scatter(
                x=x,
                y=y,
                mode="lines+markers",
                line={"color": colour, "width": 1},
                marker={"symbol": "line-ns-open", "size": 7, "color": colour},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=claimant,
                name="whiskers",
            )
            points = go.Scatter(
                x=claims["x"],
                y=claims["value"],
                mode="markers",
                name=escape(shorten(claimant, 50)),
                legendgroup=claimant,
                showlegend=claimant not in in_legend,
                marker={"size": 11, "color": colour, "symbol": symbol},
                hovertext=[_figure_hover(r) for _, r in claims.iterrows()],
                hoverinfo="text",
                customdata=np.column_stack([claims["event_id"], claims.index]),
            )
            fig.add_trace(whiskers, row=row_number, col=1)
            fig.add_trace(points, row=row_number, col=1)
            in_legend.add(claimant)
        of_unit = (figures["unit"] == unit) & (figures["value"] > 0)
        # The axis is for the numbers on screen: a 1950s army off the time axis does not make
        # the 2024 troop numbers logarithmic.
        values = figures.loc[of_unit & on_axis, "value"]
        values = values if len(values) else figures.loc[of_unit, "value"]
        # Numbers that span orders of magnitude (1,500 troops and 1.3 million) need a log axis.
        wide = len(values) and values.max() / values.min() > WIDE_RANGE
        axis = {"type": "log"} if wide else {"rangemode": "tozero"}
        fig.update_yaxes(**axis, separatethousands=True, row=row_number, col=1)
    fig.update_xaxes(type="date", range=[str(d) for d in x_range])
    fig.update_layout(
        height=120 + 230 * max(len(units), 1),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest",
        clickmode="event+select",
        legend={"title": {"text": "Claimant"}, "groupclick": "togglegroup"},
    )
    return fig


def qualified(row: pd.Series) -> str:
    value = row["value"]
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    qualifier = row.get("qualifier") or "exactly"
    return number if qualifier == "exactly" else f"{qualifier} {number}"


def map_figure(places: pd.DataFrame) -> go.Figure:
    """Named places sized by how many events happened there.

    ``places`` is ``views_data.place_counts``. The base map is Plotly's ``world_110m``
    topojson, which the caller serves locally through the ``topojsonURL`` config option.
    """
    sizes = 10 + 30 * np.sqrt(places["events"] / max(places["events"].max(), 1))
    hover = [
        "<br>".join(
            [
                f"<b>{escape(row['label'])}</b> ({escape(row['country'])})",
                f"{row['events']} event{'s' if row['events'] != 1 else ''}",
                *(escape(shorten(t, 70)) for t in row["titles"][:6]),
                *(["…"] if len(row["titles"]) > 6 else []),
            ]
        )
        for _, row in places.iterrows()
    ]
    fig = go.Figure(
        go.Scattergeo(
            lat=places["lat"],
            lon=places["lon"],
            mode="markers+text",
            text=[escape(label) for label in places["label"]],
            textposition="top center",
            marker={
                "size": sizes,
                "color": "#0072B2",
                "opacity": 0.75,
                "line": {"width": 1, "color": "#FFFFFF"},
            },
            hovertext=hover,
            hoverinfo="text",
            customdata=places[["id"]].to_numpy(),
        )
    )
    fig.update_layout(
        height=560,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        geo={
            "scope": "world",
            "resolution": 110,
            "projection": {"type": "natural earth"},
            "showcountries": True,
            "countrycolor": "#BBBBBB",
            "showland": True,
            "landcolor": "#F2F2F2",
            "showocean": True,
            "oceancolor": "#E8F1F8",
            "fitbounds": "locations" if len(places) else False,
        },
    )
    return fig


def matrix_figure(
    matrix: pd.DataFrame, source_labels: Mapping[str, str], event_titles: Mapping[str, str]
) -> go.Figure:
    """Which source cites which event: one cell per (source, event), shaded by citations."""
    y = [escape(shorten(source_labels.get(f, f), 40)) for f in matrix.index]
    x = list(matrix.columns)
    hover = [
        [
            f"<b>{escape(shorten(event_titles.get(e, e), 80))}</b><br>{label}<br>"
            f"{int(n)} citation{'s' if n != 1 else ''}"
            for e, n in zip(x, counts, strict=True)
        ]
        for label, counts in zip(y, matrix.to_numpy(), strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=x,
            y=y,
            hovertext=hover,
            hoverinfo="text",
            colorscale=[[0, "#FFFFFF"], [0.01, "#BFDCEF"], [1, "#0072B2"]],
            zmin=0,
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": "Citations"}},
        )
    )
    fig.update_layout(
        height=max(220, 40 * len(y) + 180),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"showticklabels": len(x) <= 80, "tickangle": -60, "title": {"text": "Event"}},
        yaxis={"autorange": "reversed"},
    )
    return fig
