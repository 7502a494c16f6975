"""timeline.view.View: one view of the data, drawn by the dashboard and by every export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import streamlit as st
from dashboard_support import VOCABULARIES, dashboard_app, event_row, events_frame

import timeline
from timeline.dataset import Dataset
from timeline.export import ChartOptions, chart_figure
from timeline.model import Period, Settings
from timeline.paths import DataPaths
from timeline.view import View, filters

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
PERIOD = Period(start="2022-01-01", end="2025-01-01")


def dataset_of(frame, period=PERIOD):
    settings = Settings(title="T", page_title="T", subject="Subject", subtitle=None, period=period)
    return Dataset(frame, VOCABULARIES, [], DataPaths.of("data/events.yaml"), settings)


def _october_and_an_outlier():
    days = [event_row(f"oct-{day}", f"2024-10-{day:02d}") for day in range(1, 21)]
    return events_frame(*days, event_row("korean-war", "1950"))


def test_the_axis_frames_the_central_events_and_counts_the_rest_as_outside():
    view = View(dataset_of(_october_and_an_outlier()))
    start, end = view.x_range
    assert dt.date(2024, 9, 1) < start < dt.date(2024, 10, 1)
    assert dt.date(2024, 10, 20) < end < dt.date(2024, 12, 1)
    assert "korean-war" not in set(view.drawn["id"])
    assert len(view.drawn) == 20
    assert view.outside == 1
    assert len(view.drawn) + view.outside == len(view.events)


def test_range_all_spans_every_event():
    view = View(dataset_of(_october_and_an_outlier()), filters.FilterState(full_range=True))
    start, end = view.x_range
    assert start < dt.date(1950, 1, 1) and end > dt.date(2024, 10, 20)
    assert view.outside == 0


def test_an_empty_view_opens_on_the_datasets_period():
    state = filters.FilterState(q="nothing matches this")
    view = View(dataset_of(events_frame(event_row("a", "2024-10-08"))), state)
    assert view.events.empty
    assert view.x_range == (dt.date(2022, 1, 1), dt.date(2025, 1, 1))
    assert view.outside == 0


def test_a_lone_event_gets_an_axis_around_it():
    view = View(dataset_of(events_frame(event_row("old", "1950-06-25"))))
    start, end = view.x_range
    assert start < dt.date(1950, 6, 25) < end < dt.date(1952, 1, 1)
    no_period = View(dataset_of(events_frame(event_row("a", "2024-10-08")), period=None))
    start, end = no_period.x_range
    assert start < dt.date(2024, 10, 8) < end < dt.date(2024, 12, 1)


def test_the_filters_dates_win_over_the_period():
    state = filters.FilterState(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    view = View(dataset_of(events_frame(event_row("a", "2024-10-08"))), state)
    assert view.x_range == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_the_title_starts_with_the_datasets_subject():
    view = View(dataset_of(events_frame(event_row("a", "2024-10-08"))))
    assert view.title() == "Subject, 2024"
    assert view.title("  Mine ") == "Mine"


def _marks(spec_or_fig: dict) -> dict[str, tuple]:
    """Event id -> (x, hover text) of every event mark in a figure's JSON."""
    marks = {}
    for trace in spec_or_fig["data"]:
        for index, row in enumerate(trace.get("customdata") or []):
            x = trace["x"][index] if trace.get("type") != "bar" else trace["base"][index]
            hover = trace["hovertext"][index]
            marks[row[0]] = (str(x)[:10], hover)
    return marks


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "russia"},
        {"status": ["reported", "claimed"], "lanes": "source"},
        {"from": "2024-10-01", "q": "troops"},
    ],
)
def test_the_dashboard_and_the_export_draw_the_same_marks(monkeypatch, params):
    monkeypatch.setenv("TIMELINE_DATA", str(SMALL))
    st.cache_data.clear()
    at = dashboard_app()
    at.query_params.update(params)
    at.run()
    assert not at.exception
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith("timeline_chart")]
    on_screen = _marks(json.loads(chart.proto.spec))

    dataset = timeline.load_dataset(SMALL)
    state, notes = filters.from_query_params(params, View(dataset).choices)
    assert notes == []
    view = View(dataset, state)
    published = _marks(json.loads(chart_figure(view, ChartOptions()).to_json()))
    # The export draws the events that reach into the time axis; the dashboard draws every
    # event kept, for the reader to pan to. Within the axis they are the same marks.
    assert published
    assert published == {key: on_screen[key] for key in view.drawn["id"]}
