import datetime as dt
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from dashboard_support import VOCABULARIES, event_points, event_row, events_frame, labels_of

from timeline.charts import crowds
from timeline.charts import lanes as charts
from timeline.charts.lanes import (
    pack_rows,
)

DAY_MS = 86_400_000

EVENTS = events_frame(
    event_row("treaty", "2024-06-19", key=True, actors=["russia", "north-korea"]),
    event_row("arrivals", "2024-10", category="troops", status="reported"),
    event_row("transport", "2024-10-08", end="2024-10-13", category="troops", status="denied"),
    event_row("window", "2024-10-14", end="2024-10-20", window=True, status="expected"),
    event_row(
        "two-sources",
        "2023",
        sources=[{"file": "a.txt", "quote": "q one"}, {"file": "b.txt", "quote": "q two"}],
    ),
)

RANGE = (dt.date(2022, 1, 1), dt.date(2025, 1, 1))


def timeline_figure(
    df, vocab, *, lanes="category", source_labels=None, selected=None, x_range=RANGE
):
    """The chart as a view draws it, with the labels of ``vocab`` and ``source_labels``."""
    files = tuple(dict.fromkeys(f for files in df["source_files"] for f in files))
    labels = labels_of(vocab, source_labels, files)
    return charts.timeline_figure(df, labels, x_range, lanes=lanes, selected=selected)


def data_traces(fig):
    return [t for t in fig.data if t.customdata is not None]


def mark_of(fig, event_id):
    """(trace, index) of the first mark of an event."""
    for trace in data_traces(fig):
        ids = [row[0] for row in trace.customdata]
        if event_id in ids:
            return trace, ids.index(event_id)
    raise AssertionError(f"no mark for {event_id}")


def test_one_mark_per_event_in_category_lanes():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    assert event_points(fig) == 5
    assert sorted(row[0] for t in data_traces(fig) for row in t.customdata) == sorted(EVENTS["id"])


@pytest.mark.parametrize(("lanes", "marks"), [("category", 5), ("actor", 6), ("source", 6)])
def test_an_event_shows_in_each_of_its_lanes(lanes, marks):
    assert event_points(timeline_figure(EVENTS, VOCABULARIES, lanes=lanes)) == marks


def test_lanes_are_labelled_in_vocabulary_order():
    fig = timeline_figure(EVENTS, VOCABULARIES, lanes="actor")
    assert list(fig.layout.yaxis.ticktext) == ["<i>Key events</i>", "Russia", "North Korea"]
    labels = {"a.txt": "Agency A", "b.txt": "Paper <B>"}
    fig = timeline_figure(EVENTS, VOCABULARIES, lanes="source", source_labels=labels)
    assert list(fig.layout.yaxis.ticktext)[1:] == ["Agency A", "Paper &lt;B&gt;"]


def test_spans_are_bars_from_start_to_end():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    trace, index = mark_of(fig, "transport")
    assert isinstance(trace, go.Bar)
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp("2024-10-08")
    assert trace.x[index] == 6 * DAY_MS  # 8 to 13 October inclusive
    assert trace.marker.pattern.shape[index] == "x"  # denied: crossed


@pytest.mark.parametrize(
    ("event_id", "symbol"),
    [
        ("treaty", "circle"),  # confirmed: filled
        ("arrivals", "circle-open"),  # reported: hollow
        ("window", "circle-open-dot"),  # expected: open, dotted
    ],
)
def test_points_show_claim_status(event_id, symbol):
    trace, _ = mark_of(timeline_figure(EVENTS, VOCABULARIES), event_id)
    assert trace.marker.symbol == symbol


def whiskers(fig):
    """Every whisker as (first instant, end instant, y)."""
    found = []
    for trace in fig.data:
        if trace.name == "whiskers":
            x, y = list(trace.x), list(trace.y)
            found += [
                (pd.Timestamp(x[i]), pd.Timestamp(x[i + 1]), y[i]) for i in range(0, len(x), 3)
            ]
    return found


def test_imprecise_dates_get_a_whisker_over_their_whole_period():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    ys = {
        event_id: mark_of(fig, event_id)[0].y[mark_of(fig, event_id)[1]]
        for event_id in EVENTS["id"]
    }
    assert sorted(whiskers(fig)) == [
        (pd.Timestamp("2023-01-01"), pd.Timestamp("2024-01-01"), ys["two-sources"]),
        (pd.Timestamp("2024-10-01"), pd.Timestamp("2024-11-01"), ys["arrivals"]),
        (pd.Timestamp("2024-10-14"), pd.Timestamp("2024-10-21"), ys["window"]),
    ]


def test_imprecise_points_sit_in_the_middle_of_their_period():
    trace, index = mark_of(timeline_figure(EVENTS, VOCABULARIES), "arrivals")
    assert pd.Timestamp(trace.x[index]) == pd.Timestamp("2024-10-16 12:00")


def test_legend_says_what_colours_and_marks_mean():
    names = [
        t.name for t in timeline_figure(EVENTS, VOCABULARIES).data if t.showlegend is not False
    ]
    assert names == [
        "Diplomacy",
        "Troops",
        "Confirmed: filled",
        "Reported: hollow",
        "Denied: crossed",
        "Expected: open, dotted",
        "whisker: date known only to a month, a year or a window",
    ]


def key_labels(fig):
    return [a for a in fig.layout.annotations if a.name == "key event"]


def test_key_events_are_labelled_above_the_lanes():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    (label,) = key_labels(fig)
    assert label.text == "Title of treaty"
    assert label.y < 0  # the y axis is reversed: negative rows sit above the first lane
    assert fig.layout.yaxis.ticktext[0] == "<i>Key events</i>"
    trace, index = mark_of(fig, "treaty")
    (line,) = [s for s in fig.layout.shapes if s.xref == "x"]
    assert (line.x0, line.y1) == (label.x, trace.y[index])


def test_key_labels_never_meet_and_the_less_cited_go_unlabelled():
    close = events_frame(
        *(
            event_row(f"k{i}", f"2024-10-{10 + i}", key=True, title=f"Key {i} " * 4)
            for i in range(3)
        ),
        event_row(
            "cited-twice",
            "2024-10-14",
            key=True,
            sources=[{"file": "a.txt", "quote": "q one"}, {"file": "b.txt", "quote": "q two"}],
        ),
        event_row("far", "2022-03-01", key=True),
    )
    fig = timeline_figure(close, VOCABULARIES)
    labels = key_labels(fig)
    assert len({label.y for label in labels}) == charts.KEY_ROWS
    texts = {label.text for label in labels}
    assert "Title of cited-twice" in texts and "Title of far" in texts
    assert len(labels) < 5  # no room for every October label: the rest are on hover
    assert event_points(fig) == 5
    # Labels near the right edge extend leftwards, near the left edge rightwards.
    far = next(label for label in labels if label.text == "Title of far")
    assert far.xanchor == "left"
    assert {label.xanchor for label in labels if label is not far} == {"right"}


def test_long_key_titles_wrap_instead_of_being_cut():
    title = "South Korea warns of countermeasures and reviews its ban on arming Ukraine"
    lines = charts.key_label_lines(title)
    assert " ".join(lines) == title
    assert all(len(line) <= charts.KEY_LINE_CHARS for line in lines)


def test_same_day_events_in_a_lane_are_stacked():
    same_day = events_frame(*(event_row(f"e{i}", "2024-10-21") for i in range(4)))
    fig = timeline_figure(same_day, VOCABULARIES)
    ys = [y for trace in data_traces(fig) for y in trace.y]
    assert sorted(ys) == [0, 1, 2, 3]


def test_data_text_is_escaped_for_plotly():
    nasty = events_frame(
        event_row("x", "2024-01-01", title="<img src=x onerror=alert(1)> & %{x}", key=True)
    )
    fig = timeline_figure(nasty, VOCABULARIES)
    payload = fig.to_json()
    assert "<img" not in payload
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; %{x}" in data_traces(fig)[0].hovertext[0]
    assert all(t.hovertemplate is None for t in fig.data)


def test_hover_gives_date_as_precise_as_known_status_sources_and_citations():
    fig = timeline_figure(EVENTS, VOCABULARIES, source_labels={"a.txt": "Agency A"})
    trace, index = mark_of(fig, "two-sources")
    assert trace.hovertext[index].split("<br>")[1:] == [
        "2023",
        "Status: Confirmed",
        "Sources: Agency A, b.txt",
        "2 citations",
    ]
    trace, index = mark_of(fig, "window")
    assert trace.hovertext[index].split("<br>")[1] == "between 14 and 20 October 2024"


def test_selected_event_is_ringed():
    fig = timeline_figure(EVENTS, VOCABULARIES, selected="arrivals")
    ring = [t for t in fig.data if t.name == "selected"]
    assert len(ring) == 1
    assert event_points(fig) == 5


def test_the_axis_opens_on_the_range_with_no_slider():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    assert tuple(fig.layout.xaxis.range) == tuple(str(d) for d in RANGE)
    assert not fig.layout.xaxis.rangeslider.visible


def test_explicit_range_wins():
    fig = timeline_figure(
        EVENTS, VOCABULARIES, x_range=(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    )
    assert tuple(fig.layout.xaxis.range) == ("2024-01-01", "2024-12-31")


def test_no_events_still_draws():
    fig = timeline_figure(EVENTS.iloc[:0], VOCABULARIES)
    assert event_points(fig) == 0
    json.loads(fig.to_json())


def test_many_events_use_webgl_and_no_bars(monkeypatch):
    monkeypatch.setattr(charts, "LARGE", 3)
    fig = timeline_figure(EVENTS, VOCABULARIES)
    assert not any(isinstance(t, go.Bar) for t in fig.data)
    assert all(isinstance(t, go.Scattergl) for t in fig.data if t.customdata is not None)
    assert event_points(fig) == 5  # spans get a clickable marker at their middle
    assert not [t for t in fig.data if getattr(t, "mode", None) == "text"]
    json.loads(fig.to_json())


def test_pack_rows_keeps_overlapping_marks_apart():
    starts = np.array([0, 5, 10, 20])
    ends = np.array([10, 15, 20, 30])
    assert list(pack_rows(starts, ends)) == [0, 1, 0, 0]
    assert list(pack_rows(np.array([0, 0, 0]), np.array([5, 6, 7]), max_rows=2)) == [0, 1, 0]


def crowded_events():
    """40 same-day events in one lane and status, 3 the next month, one alone a year later."""
    return events_frame(
        *(event_row(f"same-day-{i}", "2024-10-21") for i in range(40)),
        *(event_row(f"next-{i}", "2024-11-20", status="reported") for i in range(3)),
        event_row("alone", "2023-03-02", title="Alone <b>"),
    )


def groups_of(fig):
    return [t for t in fig.data if t.name == charts.GROUP_NAME]


def test_crowded_marks_are_grouped_above_the_threshold(monkeypatch):
    events = crowded_events()
    assert charts.crowding(timeline_figure(events, VOCABULARIES)) is None
    assert not groups_of(timeline_figure(events, VOCABULARIES))
    monkeypatch.setattr(crowds, "CROWDED_ABOVE", 10)
    fig = timeline_figure(events, VOCABULARIES)
    counts = sorted(
        int(text.split("</b>")[0].removeprefix("<b>").split()[0])
        for trace in groups_of(fig)
        for text in trace.hovertext
    )
    assert counts == [3, 40]
    trace, _ = mark_of(fig, "alone")  # an event alone in its bin keeps its own mark
    assert trace.name != charts.GROUP_NAME
    assert event_points(fig) == 3  # 2 groups and 1 event
    assert charts.crowding(fig) == crowds.Crowding(events=44, marks=3)
    json.loads(fig.to_json())


@pytest.mark.parametrize("lanes", ["category", "actor", "source"])
def test_group_counts_add_up_to_the_marks_drawn(monkeypatch, lanes):
    monkeypatch.setattr(crowds, "CROWDED_ABOVE", 1)
    events = pd.concat([EVENTS, crowded_events()], ignore_index=True)
    fig = timeline_figure(events, VOCABULARIES, lanes=lanes)
    grouped = sum(
        int(t.split()[0].removeprefix("<b>")) for g in groups_of(fig) for t in g.hovertext
    )
    alone = event_points(fig) - sum(len(g.customdata) for g in groups_of(fig))
    assert grouped + alone == charts.mark_count(events, lanes)
    assert charts.crowding(fig).marks == event_points(fig)


def test_a_group_hover_says_how_many_events_and_when_and_its_click_zooms(monkeypatch):
    monkeypatch.setattr(crowds, "CROWDED_ABOVE", 10)
    fig = timeline_figure(crowded_events(), VOCABULARIES)
    by_count = {t.hovertext[0].split("</b>")[0]: t for t in groups_of(fig)}
    forty = by_count["<b>40 events"]
    assert forty.hovertext[0] == (
        "<b>40 events</b>, 21 October 2024<br>Status: Confirmed<br>Click to zoom in on them"
    )
    assert crowds.zoom_range(forty.customdata[0][0]) == (dt.date(2024, 10, 21),) * 2
    assert forty.marker.symbol == "circle" and forty.marker.color == "#0072B2"
    assert by_count["<b>3 events"].marker.symbol == "circle-open"  # reported: hollow
    trace, index = mark_of(fig, "alone")
    assert trace.hovertext[index].startswith("<b>Alone &lt;b&gt;</b>")


def test_small_data_is_never_grouped():
    fig = timeline_figure(EVENTS, VOCABULARIES)
    assert fig.layout.meta is None
    assert not groups_of(fig)


def test_an_event_in_a_group_is_ringed_on_the_group_mark(monkeypatch):
    monkeypatch.setattr(crowds, "CROWDED_ABOVE", 10)
    fig = timeline_figure(crowded_events(), VOCABULARIES, selected="same-day-7")
    (ring,) = [t for t in fig.data if t.name == "selected"]
    forty = next(g for g in groups_of(fig) if g.hovertext[0].startswith("<b>40 "))
    assert (pd.Timestamp(ring.x[0]), ring.y[0]) == (pd.Timestamp(forty.x[0]), forty.y[0])
