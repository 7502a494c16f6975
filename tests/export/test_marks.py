"""timeline.export.marks: event marks found by their ids, whatever the order of the traces."""

import plotly.graph_objects as go

from timeline.export.marks import EVENT_UID, event_traces, tag_event_traces


def test_event_traces_are_those_carrying_event_ids():
    fig = go.Figure(
        [
            go.Scatter(x=[None], y=[None], name="legend entry"),
            go.Scatter(x=[1], y=[0], customdata=[["a"]]),
            go.Scatter(x=[1, 2, None], y=[0, 0, None], name="whiskers"),
            go.Bar(base=[1], x=[3], y=[1], customdata=[["b"]]),
        ]
    )
    assert [index for index, _ in event_traces(fig)] == [1, 3]
    tag_event_traces(fig)
    assert [t.uid for t in fig.data if t.uid and t.uid.startswith(EVENT_UID)] == [
        f"{EVENT_UID}1",
        f"{EVENT_UID}3",
    ]
