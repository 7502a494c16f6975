"""The Timeline tab's answer to a click on the chart, without a browser: the callback reads the
chart's selection from the session state, which these tests hand it."""

import datetime as dt
from types import SimpleNamespace

import pytest

from views import detail_panel, timeline_view
from views.sidebar import KEYS


@pytest.fixture
def session(monkeypatch):
    state: dict = {}
    fake = SimpleNamespace(session_state=state)
    monkeypatch.setattr(timeline_view, "st", fake)
    monkeypatch.setattr(detail_panel, "st", fake)
    return state


def click(session, customdata):
    session[timeline_view.CHART_KEY] = {"selection": {"points": [{"customdata": customdata}]}}
    timeline_view._on_chart_select()


def test_a_click_on_an_event_opens_it(session):
    click(session, ["treaty-signed"])
    assert session[KEYS["event"]] == "treaty-signed"
    assert KEYS["date_from"] not in session


def test_a_click_on_a_group_of_events_zooms_to_their_days(session):
    click(session, ["zoom:2024-10-08/2024-10-21"])
    assert (session[KEYS["date_from"]], session[KEYS["date_to"]]) == (
        dt.date(2024, 10, 8),
        dt.date(2024, 10, 21),
    )
    assert KEYS["event"] not in session


def test_the_pick_list_holds_the_first_events_and_the_chosen_one(monkeypatch):
    monkeypatch.setattr(timeline_view, "MAX_PICKS", 3)
    ids = ["a", "b", "c", "d", "e"]
    assert timeline_view.pick_options(ids, None) == (["a", "b", "c"], 2)
    assert timeline_view.pick_options(ids, "e") == (["e", "a", "b", "c"], 2)
    assert timeline_view.pick_options(ids, "hidden") == (["hidden", "a", "b", "c"], 2)
    assert timeline_view.pick_options(ids[:2], "b") == (["a", "b"], 0)
