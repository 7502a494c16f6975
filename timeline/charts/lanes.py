"""The Plotly timeline of a view: the events on lanes over time.

``timeline_figure`` returns a ``go.Figure``; ``timeline.charts.evidence`` draws the figures
over time, the map and the source x event matrix; ``timeline.charts.style`` holds what they
share. Text from the data reaches Plotly
escaped (Plotly renders some HTML tags in hover text and labels) and only through ``hovertext``
or ``text``, never a hover template, so ``%{...}`` in the data is not expanded either.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.charts import crowds
from timeline.charts.style import (
    FALLBACK_COLOUR,
    STATUS_MARKS,
    UNKNOWN_STATUS_MARK,
    StatusMark,
    centre,
    segments,
)
from timeline.text import escape_html as escape
from timeline.text import shorten
from timeline.view import View
from timeline.view.labels import Labels

# Above this many marks the timeline switches to WebGL markers and lines: no bars, no labels.
LARGE = 2000
# Marks are packed for a plot this many pixels wide (the dashboard passes the reader's) at the
# default zoom: in a row, mark centres are at least MARK_PX + MARK_GAP_PX apart, so same-day
# events are stacked, never drawn on top of each other.
PLOT_WIDTH = 1000
MARK_PX = 11
MARK_GAP_PX = 3
MAX_ROWS_PER_LANE = 40
# Vertical rhythm: pixels per row, and the gap between two lanes (in rows).
ROW_PX = 17
LANE_GAP = 0.6
# Key events get a label above the lanes: wrapped (never cut mid-word unless a title is very
# long), packed in pixels so no two labels meet; the less important ones are left unlabelled
# when there is no room (their full title is on hover, in the pick list and the Story view).
MAX_KEY_LABELS = 40
KEY_LINE_CHARS = 30
KEY_LINES = 3
KEY_ROWS = 2
KEY_ROW_UNITS = 2.8  # rows of the lanes one row of labels takes (three lines of 11 px text)
CHAR_PX = 6.2  # the width of a character of 11 px text, on average
TEXT_COLOUR = "#31333F"  # axis text: 12:1 on white (Streamlit's theme would make it grey)
LANE_COLUMNS = {"category": "category", "actor": "actors", "source": "source_files"}
LANE_KINDS = {"category": "category", "actor": "actor", "source": "source"}
GROUP_NAME = "grouped events"  # the traces of marks that stand for several events


def pack_rows(
    starts: np.ndarray, ends: np.ndarray, max_rows: int = MAX_ROWS_PER_LANE
) -> np.ndarray:
    """Row of each interval so that intervals in a row do not overlap (greedy, in start order).

    Past ``max_rows`` a mark goes to the row that frees up first, overlapping there.
    """
    rows = np.zeros(len(starts), dtype=int)
    row_ends: list[np.int64] = []
    for index in np.argsort(starts, kind="stable"):
        free = next((r for r, end in enumerate(row_ends) if end <= starts[index]), None)
        if free is None and len(row_ends) < max_rows:
            free = len(row_ends)
            row_ends.append(ends[index])
        elif free is None:
            free = int(np.argmin(row_ends))
        row_ends[free] = ends[index]
        rows[index] = free
    return rows


def mark_gap(x_range: tuple[dt.date, dt.date], plot_width: int) -> pd.Timedelta:
    """The time a mark and its gap take on an axis of ``x_range`` drawn ``plot_width`` wide."""
    span = pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])
    return span * (MARK_PX + MARK_GAP_PX) / max(plot_width, 100)


@dataclass(frozen=True)
class Lanes:
    """Marks (one per event and lane) with their y position, and the lane ticks."""

    marks: pd.DataFrame
    tick_values: list[float]
    tick_labels: list[str]
    boundaries: list[float]
    rows: float  # the height of the lanes, in rows


def _extents(marks: pd.DataFrame, gap: pd.Timedelta) -> tuple[np.ndarray, np.ndarray]:
    """The stretch of time each mark keeps to itself in its row: its whole period (a bar or
    a whisker), and at least a mark's width around its middle."""
    middle = centre(marks)
    starts = marks["start"].clip(upper=middle - gap / 2)
    ends = marks["end"].clip(lower=middle + gap / 2)
    return _ns(starts), _ns(ends)


def _ns(times: pd.Series) -> np.ndarray:
    return times.to_numpy("datetime64[ns]").astype(np.int64)


def lay_out_lanes(
    df: pd.DataFrame,
    lanes: str,
    order: Sequence[str],
    labels: Mapping[str, str],
    gap: pd.Timedelta | None = None,
    lane_chars: int = 28,
) -> Lanes:
    """One mark per event and lane (an event with two actors shows in both actor lanes);
    marks closer than ``gap`` (by default two weeks) go to separate rows of their lane."""
    gap = pd.Timedelta(days=14) if gap is None else gap
    column = LANE_COLUMNS[lanes]
    marks = df.explode(column) if column != "category" else df.copy()
    marks = marks[marks[column].notna()].copy()
    marks["lane"] = marks[column].astype(str)
    return _stack(marks, order, labels, gap, lane_chars)


def _stack(
    marks: pd.DataFrame,
    order: Sequence[str],
    labels: Mapping[str, str],
    gap: pd.Timedelta,
    lane_chars: int,
) -> Lanes:
    """Each mark (a row with its lane, start and end) given a y: its lane, then its row."""
    present = set(marks["lane"])
    lane_order = [lane for lane in order if lane in present]
    lane_order += sorted(present - set(lane_order))
    starts, ends = _extents(marks, gap)
    lane_of = marks["lane"].to_numpy()
    y = np.zeros(len(marks))
    tick_values: list[float] = []
    tick_labels: list[str] = []
    boundaries: list[float] = []
    top = 0.0
    for lane in lane_order:
        in_lane = lane_of == lane
        rows = pack_rows(starts[in_lane], ends[in_lane])
        y[in_lane] = top + rows
        height = int(rows.max()) + 1
        tick_values.append(top + (height - 1) / 2)
        tick_labels.append(escape(shorten(labels.get(lane, lane), lane_chars)))
        top += height + LANE_GAP
        boundaries.append(top - 0.5 - LANE_GAP / 2)
    marks["y"] = y
    return Lanes(marks, tick_values, tick_labels, boundaries[:-1], max(top - LANE_GAP, 1))


def mark_count(df: pd.DataFrame, lanes: str) -> int:
    """How many marks ``df`` makes in ``lanes`` (an event shows once in each of its lanes)."""
    column = LANE_COLUMNS[lanes]
    if column == "category":
        return int(df[column].notna().sum())
    return int(df[column].map(len, na_action="ignore").sum())


def lay_out_crowded(
    df: pd.DataFrame,
    lanes: str,
    order: Sequence[str],
    labels: Mapping[str, str],
    gap: pd.Timedelta,
    origin: pd.Timestamp,
    lane_chars: int = 28,
) -> tuple[Lanes, pd.DataFrame]:
    """Too many marks for the screen: the events of a lane, category and status whose middles
    fall in the same ``gap``-wide bin (counted from ``origin``) grouped (``crowds.group``),
    then stacked as ``lay_out_lanes`` does. Returns the lanes, whose marks are the events
    alone in their bin (every column of ``df``), and the groups of two or more, with their y."""
    column = LANE_COLUMNS[lanes]
    narrow = df[list(dict.fromkeys(["category", "status", "start", "end", column]))]
    narrow = narrow.assign(row=np.arange(len(df)))
    if column != "category":
        narrow = narrow.explode(column)
    narrow = narrow[narrow[column].notna()]
    narrow = narrow.assign(lane=narrow[column].astype(str))
    groups = crowds.group(narrow, origin, gap)
    alone = (groups["count"] == 1).to_numpy()
    singles = df.iloc[groups.loc[alone, "row"].to_numpy()].assign(
        lane=groups.loc[alone, "lane"].to_numpy()
    )
    many = groups[~alone].reset_index(drop=True)
    # A group's mark grows with its count: it keeps a little more room than a lone mark.
    room = gap * 0.65
    extents = pd.concat(
        [
            singles[["lane", "start", "end"]],
            pd.DataFrame(
                {"lane": many["lane"], "start": many["middle"] - room, "end": many["middle"] + room}
            ),
        ],
        ignore_index=True,
    )
    stacked = _stack(extents, order, labels, gap, lane_chars)
    y = stacked.marks["y"].to_numpy()
    singles = singles.assign(y=y[: len(singles)])
    many = many.assign(y=y[len(singles) :])
    return Lanes(
        singles, stacked.tick_values, stacked.tick_labels, stacked.boundaries, stacked.rows
    ), many


def hover_text(row: Mapping, labels: Labels) -> str:
    sources = labels.joined("source", row["source_files"])
    citations = row["n_citations"]
    lines = [
        f"<b>{escape(row['title'])}</b>",
        escape(row["date_text"]),
        f"Status: {escape(labels.label('status', row['status']))}",
        f"Sources: {escape(shorten(sources, 120))}",
        f"{citations} citation{'s' if citations != 1 else ''}",
    ]
    return "<br>".join(lines)


def _status_marks(statuses: pd.Series) -> list[StatusMark]:
    return [STATUS_MARKS.get(s, UNKNOWN_STATUS_MARK) for s in statuses]


def _trace(kind: str, **properties: object) -> dict:
    # Traces as dicts: go.Figure validates them once (a trace object would be validated
    # twice, when made and again when the figure copies it).
    return {"type": kind, **properties}


def _legend(labels: Labels, categories: set[str], statuses: set[str]) -> list[dict]:
    """Two legends: colours are categories (click one to hide it), marks are claim statuses."""
    traces = []
    for category, label in labels.of_kind("category").items():
        if category in categories:
            traces.append(
                _trace(
                    "scatter",
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=escape(label),
                    marker={"symbol": "square", "size": 12, "color": labels.colours[category]},
                    legendgroup=category,
                    legend="legend",
                )
            )
    for status, label in labels.of_kind("status").items():
        if status in statuses:
            mark = STATUS_MARKS.get(status, UNKNOWN_STATUS_MARK)
            grey = {"size": 11, "color": "#444444", "line": {"width": 2, "color": "#444444"}}
            traces.append(
                _trace(
                    "scatter",
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=f"{escape(label)}: {mark.looks}",
                    marker={"symbol": mark.symbol, **grey},
                    legendgroup=f"status-{status}",
                    legend="legend2",
                )
            )
    traces.append(
        _trace(
            "scatter",
            x=[None],
            y=[None],
            mode="lines+markers",
            name="whisker: date known only to a month, a year or a window",
            line={"color": "#444444", "width": 1.5},
            marker={"symbol": "line-ns-open", "size": 9, "color": "#444444"},
            legendgroup="whisker",
            legend="legend2",
        )
    )
    return traces


def _points(marks: pd.DataFrame, colour: str | np.ndarray, gl: bool, symbol: str) -> dict:
    # One trace per status: a scalar symbol spares Plotly validating one symbol per point.
    return _trace(
        "scattergl" if gl else "scatter",
        x=centre(marks).to_numpy(),
        y=marks["y"].to_numpy(),
        mode="markers",
        marker={
            "symbol": symbol,
            "size": 11,
            "color": colour,
            "line": {"width": 2, "color": colour},
        },
        hovertext=marks["hover"].to_numpy(),
        hoverinfo="text",
        customdata=marks[["id"]].to_numpy(),
        showlegend=False,
    )


def group_hover(groups: pd.DataFrame, labels: Labels, lanes: str) -> list[str]:
    """What a group's mark says on hover: how many events, their days, and what they share."""
    statuses = {s: escape(labels.label("status", s)) for s in set(groups["status"])}
    categories = {c: escape(labels.label("category", c)) for c in set(groups["category"])}
    return [
        f"<b>{count:,} events</b>, {escape(crowds.when(first, last))}<br>"
        + (f"{categories[category]}, " if lanes != "category" else "")
        + f"Status: {statuses[status]}<br>Click to zoom in on them"
        for count, first, last, category, status in zip(
            groups["count"],
            groups["first"],
            groups["last"],
            groups["category"],
            groups["status"],
            strict=True,
        )
    ]


def _group_points(
    groups: pd.DataFrame, colour: str, gl: bool, symbol: str, hover: list[str]
) -> dict:
    # customdata[0] is the group's days, not an event id: a click zooms in (crowds.zoom_range).
    return _trace(
        "scattergl" if gl else "scatter",
        x=groups["middle"].to_numpy(),
        y=groups["y"].to_numpy(),
        mode="markers",
        marker={
            "symbol": symbol,
            "size": crowds.size(groups["count"].to_numpy()),
            "color": colour,
            "line": {"width": 2, "color": colour},
        },
        hovertext=hover,
        hoverinfo="text",
        customdata=[
            [crowds.zoom_key(low, high)]
            for low, high in zip(groups["low"], groups["high"], strict=True)
        ],
        showlegend=False,
        name=GROUP_NAME,
    )


def _whiskers(marks: pd.DataFrame, colour: str, gl: bool) -> dict:
    # Plotly's error bars do not work on date axes: draw each whisker as a capped segment
    # over the whole period the date may fall in.
    x, y = segments(marks["start"], marks["end"], marks["y"])
    return _trace(
        "scattergl" if gl else "scatter",
        x=x,
        y=y,
        mode="lines+markers",
        line={"color": colour, "width": 1.5},
        marker={"symbol": "line-ns-open", "size": 9, "color": colour, "line": {"width": 1.5}},
        hoverinfo="skip",
        showlegend=False,
        name="whiskers",
    )


def _span_bars(marks: pd.DataFrame, colour: str) -> dict:
    looks = _status_marks(marks["status"])
    duration_ms = (marks["end"] - marks["start"]).dt.total_seconds() * 1000
    return _trace(
        "bar",
        base=marks["start"],
        x=duration_ms,
        y=marks["y"],
        orientation="h",
        width=0.6,
        marker={
            "color": ["rgba(255,255,255,0.9)" if m.hollow else colour for m in looks],
            "line": {"color": colour, "width": 2},
            "pattern": {"shape": [m.pattern for m in looks], "fgcolor": colour, "solidity": 0.3},
        },
        hovertext=marks["hover"],
        hoverinfo="text",
        customdata=marks[["id"]].to_numpy(),
        showlegend=False,
    )


def _span_lines(marks: pd.DataFrame, colour: str) -> dict:
    # One WebGL line trace for all spans of a colour: no bar per event at this size.
    x, y = segments(marks["start"], marks["end"], marks["y"])
    return _trace(
        "scattergl",
        x=x,
        y=y,
        mode="lines",
        line={"color": colour, "width": 5},
        hoverinfo="skip",
        showlegend=False,
    )


def key_label_lines(title: str) -> list[str]:
    """A key event's title wrapped in lines of ``KEY_LINE_CHARS``, at most ``KEY_LINES``."""
    lines = textwrap.wrap(title, KEY_LINE_CHARS) or [""]
    if len(lines) > KEY_LINES:
        lines = [*lines[: KEY_LINES - 1], shorten(" ".join(lines[KEY_LINES - 1 :]), KEY_LINE_CHARS)]
    return lines


def _label_rows(
    lefts: np.ndarray, rights: np.ndarray, max_rows: int, margin: float
) -> list[int | None]:
    """The row of each label, in the order given (most important first), so that no two
    labels in a row meet; None for a label that finds no room."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max_rows)]
    rows: list[int | None] = []
    for left, right in zip(lefts, rights, strict=True):
        row = next(
            (
                r
                for r, spans in enumerate(taken)
                if all(right + margin <= a or left >= b + margin for a, b in spans)
            ),
            None,
        )
        if row is not None:
            taken[row].append((left, right))
        rows.append(row)
    return rows


def _key_band(
    marks: pd.DataFrame, x_range: tuple[dt.date, dt.date], plot_width: int, max_rows: int
) -> tuple[list, list, int]:
    """Labels of key events in rows above the lanes, each with a dotted line down to its mark:
    (annotations, line shapes, number of rows).

    Annotations and shapes, not traces: there are few of them (key events only). Labels are
    packed in pixels for a plot ``plot_width`` wide at the default zoom (a label's width
    estimated from its longest line); labels on the right of the range extend to the left, so
    none runs off the plot. Events cited by more sources are placed first.
    """
    start, end = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    key = marks[marks["key"].astype(bool)].drop_duplicates("id")
    key = key[(centre(key) >= start) & (centre(key) <= end)]
    if key.empty or len(key) > MAX_KEY_LABELS:
        return [], [], 0
    key = key.sort_values(["n_sources", "start"], ascending=[False, True], kind="stable")
    lines = [key_label_lines(title) for title in key["title"]]
    middle = centre(key)
    position = ((middle - start) / (end - start)).to_numpy(dtype=float)
    width = np.array([max(len(line) for line in text) * CHAR_PX + 8 for text in lines])
    anchor = np.where(position > 0.6, "right", np.where(position < 0.4, "left", "center"))
    share = np.select([anchor == "right", anchor == "center"], [1.0, 0.5], 0.0)
    left = position * plot_width - width * share
    rows = _label_rows(left, left + width, max_rows, margin=6)
    placed = [i for i, row in enumerate(rows) if row is not None]
    if not placed:
        return [], [], 0
    used = max(rows[i] or 0 for i in placed) + 1
    annotations, shapes = [], []
    for i in placed:
        row = rows[i] or 0
        # The y axis is reversed: the band's rows sit above the first lane, at negative y.
        y = -0.9 - KEY_ROW_UNITS * (used - 1 - row) - KEY_ROW_UNITS / 2
        x, mark_y = middle.iloc[i], key["y"].iloc[i]
        annotations.append(
            {
                "x": x,
                "y": y,
                "xref": "x",
                "yref": "y",
                "text": "<br>".join(escape(line) for line in lines[i]),
                "showarrow": False,
                "xanchor": anchor[i],
                "align": anchor[i] if anchor[i] != "center" else "center",
                "font": {"size": 11, "color": "#222222"},
                "name": "key event",
            }
        )
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": x,
                "x1": x,
                "y0": y + KEY_ROW_UNITS / 2 - 0.2,
                "y1": mark_y,
                "line": {"color": "#8A8A8A", "width": 1, "dash": "dot"},
                "layer": "below",
            }
        )
    return annotations, shapes, used


@dataclass(frozen=True)
class Screen:
    """Where the chart is read: the plot's width in pixels (marks and labels are packed for
    it), whether the legend is drawn inside the chart (exports) or beside it (the dashboard
    draws its own, which wraps on a phone), and the rows of key-event labels."""

    plot_width: int = PLOT_WIDTH
    legend: bool = True
    key_rows: int = KEY_ROWS
    lane_chars: int = 28  # lane names are shortened to this many characters


def timeline_figure(
    df: pd.DataFrame,
    labels: Labels,
    x_range: tuple[dt.date, dt.date],
    *,
    lanes: str = "category",
    selected: str | None = None,
    screen: Screen = Screen(),
) -> go.Figure:
    """The events on lanes over time: markers for points, bars for spans, whiskers for
    imprecise dates, colour by category, mark by claim status.

    Every event mark carries its id as ``customdata[0]``. Above ``crowds.CROWDED_ABOVE``
    marks, events the screen cannot tell apart share one mark (``lay_out_crowded``) whose
    ``customdata[0]`` is a zoom key (``crowds.zoom_range``), and ``crowding`` says so.
    """
    kind = LANE_KINDS[lanes]
    order = labels.source_order if kind == "source" else list(labels.of_kind(kind))
    gap = mark_gap(x_range, screen.plot_width)
    groups: pd.DataFrame | None = None
    if mark_count(df, lanes) > crowds.CROWDED_ABOVE:
        layout, groups = lay_out_crowded(
            df, lanes, order, labels.of_kind(kind), gap, pd.Timestamp(x_range[0]), screen.lane_chars
        )
    else:
        layout = lay_out_lanes(df, lanes, order, labels.of_kind(kind), gap, screen.lane_chars)
    marks = layout.marks
    columns = ["title", "date_text", "status", "source_files", "n_citations"]
    marks["hover"] = [hover_text(row, labels) for row in marks[columns].to_dict("records")]
    colours = labels.colours
    drawn = len(marks) + (0 if groups is None else len(groups))
    gl = drawn > LARGE
    if groups is not None:
        groups = groups.assign(hover=group_hover(groups, labels, lanes))
    shown_categories = set(marks["category"]) | set([] if groups is None else groups["category"])

    traces = []
    # With no legend to click a category away, the points of every category share one trace
    # per claim status: Plotly lays out each trace on its own, and the first chart waits.
    by_status = not screen.legend
    points_by_status: dict[str, list[pd.DataFrame]] = {}
    for category in [*colours, *sorted(shown_categories - set(colours))]:
        of_category = marks[marks["category"] == category]
        if groups is not None:
            of_group = groups[groups["category"] == category]
            for status, of_status in of_group.groupby("status", sort=False):
                symbol = STATUS_MARKS.get(status, UNKNOWN_STATUS_MARK).symbol
                hover = of_status["hover"].tolist()
                traces.append(
                    _group_points(
                        of_status, colours.get(category, FALLBACK_COLOUR), gl, symbol, hover
                    )
                    | {"legendgroup": category}
                )
        if of_category.empty:
            continue
        colour = colours.get(category, FALLBACK_COLOUR)
        is_span = of_category["is_span"].astype(bool)
        imprecise = ~is_span & ((of_category["precision"] != "day") | of_category["window"])
        of_colour = []
        if is_span.any():
            spans = of_category[is_span]
            of_colour.append(_span_lines(spans, colour) if gl else _span_bars(spans, colour))
        if imprecise.any():
            of_colour.append(_whiskers(of_category[imprecise], colour, gl))
        # In WebGL mode spans also get a marker at their middle, to hover and click.
        points = of_category if gl else of_category[~is_span]
        for status, of_status in points.groupby("status", sort=False):
            if by_status:
                points_by_status.setdefault(status, []).append(of_status.assign(colour=colour))
                continue
            symbol = STATUS_MARKS.get(status, UNKNOWN_STATUS_MARK).symbol
            of_colour.append(_points(of_status, colour, gl, symbol))
        traces += [trace | {"legendgroup": category} for trace in of_colour]
    for status, frames in points_by_status.items():
        of_status = pd.concat(frames)
        symbol = STATUS_MARKS.get(status, UNKNOWN_STATUS_MARK).symbol
        traces.append(_points(of_status, of_status["colour"].to_numpy(), gl, symbol))
    key_labels, key_lines, key_rows = (
        ([], [], 0)
        if gl or groups is not None
        else _key_band(marks, x_range, screen.plot_width, screen.key_rows)
    )
    chosen = marks[marks["id"] == selected] if selected is not None else marks.iloc[:0]
    if selected is not None and chosen.empty and groups is not None:
        chosen = _chosen_groups(df[df["id"] == selected], groups, lanes, x_range[0], gap)
    if not chosen.empty:
        ring = {"symbol": "circle-open", "size": 22, "color": "#000000", "line": {"width": 3}}
        traces.append(
            _trace(
                "scatter",
                x=centre(chosen),
                y=chosen["y"],
                mode="markers",
                marker=ring,
                hoverinfo="skip",
                showlegend=False,
                name="selected",
            )
        )
    statuses = set(marks["status"]) | set([] if groups is None else groups["status"])
    # Without a legend drawn, its entries would be a dozen empty traces for Plotly to lay out.
    legend_entries = _legend(labels, shown_categories, statuses) if screen.legend else []
    data = [*traces, *legend_entries]

    tick_values, tick_labels = list(layout.tick_values), list(layout.tick_labels)
    boundaries = list(layout.boundaries)
    band = 0.0
    if key_rows:
        band = 0.9 + KEY_ROW_UNITS * key_rows
        tick_values.insert(0, -band / 2 - 0.4)
        tick_labels.insert(0, "<i>Key events</i>")
        boundaries.insert(0, -0.6)
    line = {"color": "#CCCCCC", "width": 1, "dash": "dot"}
    # Rows from the top of the key band to the bottom of the last lane, half a row of air.
    top, bottom = -band - 0.5, layout.rows - 0.5
    top_margin, bottom_margin = (125, 30) if screen.legend else (34, 8)
    margin = {"l": 10, "r": 10, "t": top_margin, "b": bottom_margin}
    height = round((bottom - top) * ROW_PX) + margin["t"] + margin["b"]
    legend = {
        "title": {"text": "<b>Colour</b> = category", "side": "left"},
        "orientation": "h",
        "groupclick": "togglegroup",
        "yref": "container",
        "y": 1,
        "yanchor": "top",
        "x": 0,
        "xanchor": "left",
    }
    legend2 = {
        "title": {"text": "<b>Mark</b> = claim status", "side": "left"},
        "orientation": "h",
        "yref": "container",
        "y": 1 - 62 / height,
        "yanchor": "top",
        "x": 0,
        "xanchor": "left",
        "itemclick": False,
        "itemdoubleclick": False,
    }
    layout_properties = {
        "height": height,
        "margin": margin,
        "barmode": "overlay",
        "hovermode": "closest",
        "dragmode": "pan",
        "clickmode": "event+select",
        "showlegend": screen.legend,
        "legend": legend,
        "legend2": legend2,
        "plot_bgcolor": "#FFFFFF",
        "xaxis": {
            "type": "date",
            "range": [str(d) for d in x_range],
            "rangeslider": {"visible": False},
            "showgrid": True,
            "gridcolor": "#E5E5E5",
            "side": "bottom" if screen.legend else "top",
            "tickfont": {"color": TEXT_COLOUR},
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": tick_values,
            "ticktext": tick_labels,
            "range": [bottom, top],  # reversed: the first lane on top
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "tickfont": {"color": TEXT_COLOUR},
        },
        "shapes": [
            *(
                {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": b, "y1": b, "line": line}
                for b in boundaries
            ),
            *key_lines,
        ],
        "annotations": key_labels,
    }
    if groups is not None and len(groups):
        layout_properties["meta"] = {"crowding": {"events": len(df), "marks": drawn}}
    fig = go.Figure(data=data, layout=layout_properties)
    return fig


def _chosen_groups(
    event: pd.DataFrame, groups: pd.DataFrame, lanes: str, origin: dt.date, gap: pd.Timedelta
) -> pd.DataFrame:
    """The marks of the groups an event is in (one per lane it shows in): where it is ringed."""
    column = LANE_COLUMNS[lanes]
    event = event.explode(column) if column != "category" else event
    event = event.assign(lane=event[column].astype(str))
    held = crowds.holding(groups, event, pd.Timestamp(origin), gap)
    return pd.DataFrame({"start": held["middle"], "end": held["middle"], "y": held["y"]})


def crowding(fig: go.Figure) -> crowds.Crowding | None:
    """How many events a timeline figure draws as how many marks, when it groups them (the
    page says so); None when every event has its own mark."""
    meta = fig.to_dict()["layout"].get("meta")  # the dashboard's figures are only their dict
    if not isinstance(meta, dict) or "crowding" not in meta:
        return None
    return crowds.Crowding(**meta["crowding"])


def view_figure(
    view: View,
    *,
    drawn_only: bool = False,
    selected: str | None = None,
    screen: Screen = Screen(),
) -> go.Figure:
    """The timeline chart of a view: every event it keeps (the dashboard, where the reader
    pans), or only those whose mark falls on its time axis (``drawn_only``: a chart for
    export)."""
    return timeline_figure(
        view.drawn if drawn_only else view.events,
        view.labels,
        view.x_range,
        lanes=view.state.lanes,
        selected=selected,
        screen=screen,
    )
