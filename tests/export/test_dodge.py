"""timeline.export.dodge: marks packed by pixels, lanes found by their ticks, whiskers moved
with their marks."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.export.dodge import Axis, compacted, find_lanes, find_marks, move, pack, stack

AXIS = Axis(pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"), 366.0)  # a pixel a day


def figure():
    """Two lanes (y 0 and 2, a line between at 1): two points a day apart in the first, one
    with a whisker over January; a span in the second."""
    points = go.Scatter(
        x=[pd.Timestamp("2024-01-16 12:00"), pd.Timestamp("2024-01-17")],
        y=[0.0, 0.0],
        mode="markers",
        marker={"size": 11, "line": {"width": 2}},
        customdata=[["a"], ["b"]],
    )
    whisker = go.Scatter(
        x=[pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"), None],
        y=[0.0, 0.0, None],
        mode="lines+markers",
    )
    span = go.Bar(
        base=[pd.Timestamp("2024-06-01")],
        x=[30 * 86400000],
        y=[2.0],
        orientation="h",
        customdata=[["c"]],
    )
    fig = go.Figure([points, whisker, span])
    fig.update_layout(
        yaxis={"tickvals": [0, 2], "ticktext": ["First", "Second &amp; last"]},
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 1, "y1": 1}],
    )
    return fig


def test_pack_keeps_a_gap_between_extents_in_a_row():
    assert pack([(0, 10), (12, 20), (14, 30), (40, 50)], gap=3) == [0, 1, 0, 0]
    assert pack([(0, 10), (13, 20)], gap=3) == [0, 0]


def test_marks_have_pixel_extents_and_their_whiskers():
    marks = find_marks(figure(), AXIS)
    by_event = {m.event: m for m in marks}
    a, b, c = by_event["a"], by_event["b"], by_event["c"]
    assert a.whisker == (1, 0) and (a.left, a.right) == pytest.approx((0, 31))
    assert b.whisker is None and b.right - b.left == pytest.approx(13)  # 11 + 2 of line
    assert (c.left, c.right) == pytest.approx((152, 182))
    without = {m.event: m for m in find_marks(figure(), AXIS, whiskers=False)}
    assert without["a"].right - without["a"].left == pytest.approx(13)
    assert without["a"].outer == pytest.approx((0, 31))  # labels still go past the whisker


def test_lanes_come_from_the_ticks_and_the_lines_between_them():
    marks = find_marks(figure(), AXIS)
    lanes = find_lanes(figure(), marks)
    assert [(lane.label, sorted(m.event for m in lane.marks)) for lane in lanes] == [
        ("First", ["a", "b"]),
        ("Second & last", ["c"]),
    ]


def test_marks_that_touch_go_to_rows_of_their_own_and_whiskers_follow():
    fig = figure()
    marks = find_marks(fig, AXIS)
    lanes = find_lanes(fig, marks)
    rows = {}
    for lane in lanes:
        packed = pack([(m.left, m.right) for m in lane.marks])
        rows |= dict(zip(map(id, lane.marks), packed, strict=True))
    new_y, layout = stack(lanes, rows)
    move(fig, marks, new_y)
    assert list(fig.data[0].y) == [0.0, 1.0]  # a and b no longer share a row
    assert list(fig.data[1].y)[:2] == [0.0, 0.0]  # a's whisker stays with a
    assert list(fig.data[2].y) == [3.0]
    assert layout.tick_labels == ["First", "Second & last"]
    assert layout.tick_values == [0.5, 3.0] and layout.boundaries == [2.0]
    assert layout.total == 4


def test_compacted_marks_give_up_their_whiskers_room_and_shrink():
    (first, second) = find_lanes(figure(), find_marks(figure(), AXIS))
    (tight, spans) = compacted([first, second], whiskers=False, marker_scale=0.5)
    a = next(m for m in tight.marks if m.event == "a")
    assert a.right - a.left == pytest.approx(6.5) and a.reach == pytest.approx((0, 31))
    assert [(m.left, m.right) for m in spans.marks] == [(m.left, m.right) for m in second.marks]
    assert first.marks[0].right - first.marks[0].left == pytest.approx(31)  # left as it was
