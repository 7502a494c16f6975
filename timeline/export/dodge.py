"""Event marks moved apart for an exported chart: no mark hides another at the export's size.

The dashboard packs marks in rows by days, for a chart the reader zooms; a picture has a fixed
width, so here marks are packed again by pixels. Marks are found by their event ids
(``timeline.export.marks``), lanes by the y-axis ticks and the lines between them, and each
whisker moves with the mark it belongs to.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.charts.lanes import pack_rows
from timeline.export.marks import event_traces, is_event_trace

GAP = 3.0  # pixels kept free between two marks in a row


@dataclass(frozen=True)
class Axis:
    """The time axis as drawn: its range and its width in pixels."""

    start: pd.Timestamp
    end: pd.Timestamp
    width: float

    def px(self, value: Any) -> float:
        return (pd.Timestamp(value) - self.start) / (self.end - self.start) * self.width


@dataclass
class Mark:
    """One event mark: where it is drawn (pixels across, the row it is in) and what it is."""

    trace: int
    point: int
    event: str
    left: float  # pixels, clipped to the plot: the mark with its whisker
    right: float
    centre: float
    y: float
    radius: float  # half the marker's size; 0 for a span's bar
    cut: tuple[bool, bool] = (False, False)  # a span that runs on past the left, right edge
    whisker: tuple[int, int] | None = None  # (trace, first point index) of its segment
    lane: int = 0
    # The mark with its whisker, even when the whisker gives its room up: labels go beyond.
    outer: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.outer is None:
            self.outer = (self.left, self.right)

    @property
    def reach(self) -> tuple[float, float]:
        """``outer``, set by ``__post_init__``."""
        assert self.outer is not None
        return self.outer


@dataclass
class Lane:
    label: str
    marks: list[Mark] = field(default_factory=list)


def _marker_radius(trace: go.Scatter) -> float:
    marker = trace.marker
    size = marker.size if isinstance(marker.size, int | float) else 10
    width = marker.line.width if isinstance(marker.line.width, int | float) else 0
    return size / 2 + width / 2


def _segments(
    fig: go.Figure,
) -> dict[tuple[float, pd.Timestamp], tuple[int, int, pd.Timestamp, pd.Timestamp]]:
    """Line segments of the traces that are not events (whiskers): keyed by (y, middle)."""
    found = {}
    for index, trace in enumerate(fig.data):
        if is_event_trace(trace) or trace.type not in ("scatter", "scattergl"):
            continue
        xs = [] if trace.x is None else list(trace.x)
        ys = [] if trace.y is None else list(trace.y)
        for start in range(0, len(xs) - 1, 3):
            x0, x1 = xs[start], xs[start + 1]
            if x0 is None or x1 is None:
                continue
            a, b = pd.Timestamp(x0), pd.Timestamp(x1)
            found[(float(ys[start]), a + (b - a) / 2)] = (index, start, a, b)
    return found


def find_marks(
    fig: go.Figure, axis: Axis, *, whiskers: bool = True, marker_scale: float = 1.0
) -> list[Mark]:
    """Every event mark of the figure, with its extent in pixels: with its whisker (or not,
    when rows are short of room), its marker ``marker_scale`` times its drawn size."""
    segments = _segments(fig)
    marks = []
    for index, trace in event_traces(fig):
        ids = [row[0] for row in trace.customdata]
        ys = list(trace.y)
        if trace.type == "bar":
            bases = list(trace.base)
            for point, (event, base, length, y) in enumerate(
                zip(ids, bases, trace.x, ys, strict=True)
            ):
                start = pd.Timestamp(base)
                end = start + pd.Timedelta(milliseconds=float(length))
                left, right = axis.px(start), axis.px(end)
                cut = (left < 0, right > axis.width)
                left, right = max(left, 0.0), min(right, axis.width)
                right = max(right, left + 2)
                marks.append(
                    Mark(index, point, event, left, right, (left + right) / 2, float(y), 0, cut)
                )
            continue
        radius = _marker_radius(trace) * marker_scale
        for point, (event, x, y) in enumerate(zip(ids, trace.x, ys, strict=True)):
            centre = axis.px(x)
            mark = Mark(
                index, point, event, centre - radius, centre + radius, centre, float(y), radius
            )
            whisker = segments.get((float(y), pd.Timestamp(x)))
            if whisker is not None:
                mark.whisker = whisker[:2]
                left, right = axis.px(whisker[2]), axis.px(whisker[3])
                mark.cut = (left < 0, right > axis.width)
                outer = (min(mark.left, max(left, 0.0)), max(mark.right, min(right, axis.width)))
                mark.outer = outer
                if whiskers:
                    mark.left = min(mark.left, max(left, 0.0))
                    mark.right = max(mark.right, min(right, axis.width))
            marks.append(mark)
    return marks


def compacted(lanes: Sequence[Lane], *, whiskers: bool, marker_scale: float) -> list[Lane]:
    """The lanes with copies of their marks as they take room when whiskers give theirs up
    (``whiskers=False``) or markers are drawn ``marker_scale`` times their size; spans are
    left as they are. Reads nothing from the figure: cheap to try several."""
    result = []
    for lane in lanes:
        marks = []
        for mark in lane.marks:
            if mark.radius == 0:
                marks.append(replace(mark))
                continue
            radius = mark.radius * marker_scale
            left, right = mark.centre - radius, mark.centre + radius
            if whiskers:
                left, right = min(left, mark.reach[0]), max(right, mark.reach[1])
            marks.append(replace(mark, left=left, right=right, radius=radius))
        result.append(Lane(lane.label, marks))
    return result


def scale_markers(fig: go.Figure, scale: float) -> None:
    """Event markers and the whiskers' caps ``scale`` times their size (in place)."""
    if scale == 1.0:
        return
    for trace in fig.data:
        if trace.type not in ("scatter", "scattergl"):
            continue
        drawn = trace.x is not None and any(x is not None for x in trace.x)
        if drawn and isinstance(trace.marker.size, int | float):
            trace.marker.size = trace.marker.size * scale


def _boundaries(fig: go.Figure) -> list[float]:
    """The y of the lines drawn across the plot between lanes."""
    return sorted(
        float(shape.y0)
        for shape in fig.layout.shapes
        if shape.type == "line" and shape.xref == "paper" and shape.y0 == shape.y1
    )


def find_lanes(fig: go.Figure, marks: Sequence[Mark]) -> list[Lane]:
    """The lanes that hold marks, top to bottom, each named (in plain text) by its tick on
    the y axis."""
    boundaries = _boundaries(fig)
    ticks = list(
        zip(fig.layout.yaxis.tickvals or (), fig.layout.yaxis.ticktext or (), strict=False)
    )
    by_region: dict[int, list[Mark]] = {}
    for mark in marks:
        by_region.setdefault(bisect.bisect(boundaries, mark.y), []).append(mark)
    lanes: list[Lane] = []
    for region in sorted(by_region):
        members = by_region[region]
        middle = float(np.median([m.y for m in members]))
        inside = [(v, t) for v, t in ticks if bisect.bisect(boundaries, v) == region]
        label = min(inside, key=lambda tick: abs(tick[0] - middle))[1] if inside else ""
        for mark in members:
            mark.lane = len(lanes)
        # Tick text is plotly markup (escaped by the chart): the lane's name is the plain text.
        lanes.append(Lane(html.unescape(str(label)), members))
    return lanes


def pack(extents: Sequence[tuple[float, float]], gap: float = GAP) -> list[int]:
    """Row of each (left, right) extent so that extents in a row keep ``gap`` apart: the
    dashboard's greedy packing (``charts.lanes.pack_rows``) in pixels, with no row limit."""
    lefts = np.array([left for left, _ in extents], dtype=float)
    rights = np.array([right + gap for _, right in extents], dtype=float)
    return [int(row) for row in pack_rows(lefts, rights, max_rows=len(extents))]


@dataclass(frozen=True)
class Rows:
    """Where each lane went: its rows' y, the tick at its middle, the lines between lanes."""

    total: float
    tick_values: list[float]
    tick_labels: list[str]
    boundaries: list[float]


def _height(lane: Lane, rows: Mapping[int, int], least: float) -> float:
    return max(max((rows[id(m)] for m in lane.marks), default=0) + 1, least)


def total_rows(
    lanes: Sequence[Lane], rows: Mapping[int, int], gap: float = 1.0, least: float = 1.0
) -> float:
    """Rows the lanes take, one under another with ``gap`` rows between them, each lane
    ``least`` rows at least."""
    heights = [_height(lane, rows, least) for lane in lanes]
    return sum(heights) + gap * max(len(lanes) - 1, 0)


def stack(
    lanes: Sequence[Lane], rows: Mapping[int, int], gap: float = 1.0, least: float = 1.0
) -> tuple[dict[int, float], Rows]:
    """New y of each mark (by ``id(mark)``) from its row in its lane; lanes one under another,
    ``gap`` rows apart with a line in the middle of the gap, each ``least`` rows at least
    (room for its name) with its marks in the middle."""
    new_y: dict[int, float] = {}
    top = 0.0
    values: list[float] = []
    labels: list[str] = []
    boundaries: list[float] = []
    for number, lane in enumerate(lanes):
        height = _height(lane, rows, least)
        used = max((rows[id(m)] for m in lane.marks), default=0) + 1
        for mark in lane.marks:
            new_y[id(mark)] = top + (height - used) / 2 + rows[id(mark)]
        values.append(top + (height - 1) / 2)
        labels.append(lane.label)
        top += height
        if number < len(lanes) - 1:
            boundaries.append(top - 0.5 + gap / 2)
            top += gap
    return new_y, Rows(max(top, 1.0), values, labels, boundaries)


def move(fig: go.Figure, marks: Sequence[Mark], new_y: dict[int, float]) -> None:
    """Set each mark's (and its whisker's) y in the figure."""
    ys = {index: list(trace.y) for index, trace in enumerate(fig.data) if trace.y is not None}
    for mark in marks:
        y = new_y[id(mark)]
        ys[mark.trace][mark.point] = y
        if mark.whisker is not None:
            trace, start = mark.whisker
            ys[trace][start] = ys[trace][start + 1] = y
    for index, values in ys.items():
        fig.data[index].y = values
