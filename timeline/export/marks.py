"""The event marks of a timeline figure, found by what they carry rather than where they sit.

Every trace that draws events carries each event's id as ``customdata[0]``; nothing here
depends on the order or the number of the traces the chart builder makes.
"""

from __future__ import annotations

from collections.abc import Iterator

import plotly.graph_objects as go

# The uid of an event trace starts with this; plotly writes ``trace<uid>`` as the class of the
# trace's group in an SVG, so a reader of the file (or a test) can find the marks.
EVENT_UID = "event-marks-"


def is_event_trace(trace: object) -> bool:
    customdata = getattr(trace, "customdata", None)
    return customdata is not None and len(customdata) > 0


def event_traces(fig: go.Figure) -> Iterator[tuple[int, go.Scatter | go.Bar]]:
    """(index, trace) of each trace that draws events."""
    for index, trace in enumerate(fig.data):
        if is_event_trace(trace):
            yield index, trace


def tag_event_traces(fig: go.Figure) -> go.Figure:
    """Give each event trace a uid that says so (in place; returns the figure)."""
    for index, trace in event_traces(fig):
        trace.uid = f"{EVENT_UID}{index}"
    return fig
