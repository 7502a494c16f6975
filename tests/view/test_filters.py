import datetime as dt

import pytest
from dashboard_support import event_row, events_frame

from timeline.view.filters import Choices, FilterState, apply, from_query_params, to_query_params

CHOICES = Choices(
    sources=("a.txt", "b.txt"),
    actors=("russia", "north-korea"),
    categories=("diplomacy", "troops"),
    statuses=("confirmed", "reported", "denied"),
    events=("treaty", "troops-arrive", "denial"),
)

EVENTS = events_frame(
    event_row(
        "treaty",
        "2024-06-19",
        title="Treaty signed",
        actors=["russia", "north-korea"],
        sources=[
            {"file": "a.txt", "quote": "signed a pact in Pyongyang"},
            {"file": "b.txt", "quote": "the pact was signed"},
        ],
    ),
    event_row(
        "troops-arrive",
        "2024-10",
        category="troops",
        actors=["north-korea"],
        status="reported",
        summary="Soldiers arrive in the Kursk region.",
        sources=[{"file": "b.txt", "quote": "troops seen near Kursk"}],
    ),
    event_row("denial", "2023", end="2023-06", window=True, status="denied"),
)


def ids(df):
    return list(df["id"])


def test_no_params_is_the_default_view_with_no_notes():
    assert from_query_params({}, CHOICES) == (FilterState(), [])


def test_every_parameter_is_read():
    params = {
        "source": ["a.txt", "b.txt"],
        "actor": "russia",
        "category": ["troops"],
        "status": ["reported", "confirmed"],
        "from": "2024-06",
        "to": "2024",
        "q": " kursk ",
        "min_sources": "2",
        "corroboration": "corroborated",
        "event": "treaty",
        "lanes": "actor",
        "range": "all",
    }
    state, notes = from_query_params(params, CHOICES)
    assert notes == []
    assert state == FilterState(
        sources=("a.txt", "b.txt"),
        actors=("russia",),
        categories=("troops",),
        statuses=("reported", "confirmed"),
        date_from=dt.date(2024, 6, 1),
        date_to=dt.date(2024, 12, 31),
        q="kursk",
        min_sources=2,
        corroboration="corroborated",
        event="treaty",
        lanes="actor",
        full_range=True,
    )


def test_state_round_trips_through_query_params():
    state = FilterState(
        sources=("b.txt",),
        actors=("north-korea", "russia"),
        statuses=("denied",),
        date_from=dt.date(2023, 1, 2),
        date_to=dt.date(2024, 2, 29),
        q="pact",
        min_sources=3,
        corroboration="single",
        event="denial",
        lanes="source",
        full_range=True,
    )
    assert from_query_params(to_query_params(state), CHOICES) == (state, [])


def test_default_state_has_no_params():
    assert to_query_params(FilterState()) == {}


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"actor": "martians"}, "Ignored actor='martians': not a known actor."),
        ({"source": "zzz.txt"}, "Ignored source='zzz.txt': not a known source."),
        ({"status": "rumoured"}, "Ignored status='rumoured': not a known status."),
        ({"category": "x"}, "Ignored category='x': not a known category."),
        (
            {"from": "2024-13"},
            "Ignored from='2024-13': '2024-13' has no month 13 (months are 01 to 12).",
        ),
        (
            {"to": "yesterday"},
            (
                "Ignored to='yesterday': 'yesterday' is not a date of the form YYYY, YYYY-MM "
                "or YYYY-MM-DD."
            ),
        ),
        ({"min_sources": "two"}, "Ignored min_sources='two': not a whole number."),
        ({"min_sources": "-1"}, "Ignored min_sources='-1': not a whole number."),
        ({"min_sources": "100"}, "Ignored min_sources='100': at most 99."),
        ({"from": "1899-12-31"}, "Ignored from='1899-12-31': outside 1900 to 2100."),
        ({"to": "2101"}, "Ignored to='2101': outside 1900 to 2100."),
        ({"event": "nope"}, "Ignored event='nope': no event has this id."),
        ({"lanes": "colour"}, "Ignored lanes='colour': use one of category, actor, source."),
        ({"colour": "red"}, "Ignored unknown parameter 'colour'."),
        (
            {"corroboration": "double"},
            "Ignored corroboration='double': use single or corroborated.",
        ),
        ({"range": "some"}, "Ignored range='some': use range=all for the full span."),
        (
            {"from": "2024-06", "to": "2024-01"},
            "Ignored from='2024-06' and to='2024-01': from is after to.",
        ),
        ({"q": ["a", "b"]}, "Ignored extra values of q: kept the first, 'a'."),
    ],
)
def test_bad_values_are_ignored_with_a_note(params, note):
    state, notes = from_query_params(params, CHOICES)
    assert notes == [note]
    assert to_query_params(state) == ({"q": "a"} if "q" in params else {})


def test_good_values_survive_next_to_bad_ones():
    state, notes = from_query_params({"actor": ["martians", "russia", "russia"]}, CHOICES)
    assert state.actors == ("russia",)
    assert len(notes) == 1


def test_streamlit_params_are_not_reported():
    assert from_query_params({"view": "Map", "embed": "true"}, CHOICES) == (FilterState(), [])


def test_long_query_is_shortened():
    state, notes = from_query_params({"q": "x" * 500}, CHOICES)
    assert len(state.q) == 200
    assert notes == ["Shortened q to its first 200 characters."]


def test_min_sources_zero_means_no_minimum():
    assert from_query_params({"min_sources": "0"}, CHOICES)[0].min_sources == 1


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (FilterState(), ["treaty", "troops-arrive", "denial"]),
        (FilterState(sources=("a.txt",)), ["treaty", "denial"]),
        (FilterState(sources=("b.txt",)), ["treaty", "troops-arrive"]),
        (FilterState(actors=("north-korea",)), ["treaty", "troops-arrive"]),
        (FilterState(actors=("russia",)), ["treaty", "denial"]),
        (FilterState(categories=("troops",)), ["troops-arrive"]),
        (FilterState(statuses=("denied", "reported")), ["troops-arrive", "denial"]),
        (FilterState(min_sources=2), ["treaty"]),
        (FilterState(corroboration="corroborated"), ["treaty"]),
        (FilterState(corroboration="single"), ["troops-arrive", "denial"]),
        (FilterState(q="KURSK"), ["troops-arrive"]),
        (FilterState(q="pyongyang"), ["treaty"]),
        (FilterState(q="pact signed"), ["treaty"]),
        (FilterState(q="pact kursk"), []),
        (FilterState(actors=("north-korea",), statuses=("confirmed",)), ["treaty"]),
    ],
)
def test_apply_filters(state, expected):
    assert ids(apply(EVENTS, state)) == expected


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        # The window 2023-01-01..2023-06-30 overlaps any range that touches it.
        (dt.date(2023, 6, 30), None, ["treaty", "troops-arrive", "denial"]),
        (dt.date(2023, 7, 1), None, ["treaty", "troops-arrive"]),
        # A month-precision event covers its whole month.
        (dt.date(2024, 10, 31), None, ["troops-arrive"]),
        (None, dt.date(2024, 10, 1), ["treaty", "troops-arrive", "denial"]),
        (None, dt.date(2024, 9, 30), ["treaty", "denial"]),
        (dt.date(2024, 6, 19), dt.date(2024, 6, 19), ["treaty"]),
        (dt.date(2024, 6, 20), dt.date(2024, 9, 30), []),
    ],
)
def test_apply_date_range_keeps_overlapping_events(date_from, date_to, expected):
    assert ids(apply(EVENTS, FilterState(date_from=date_from, date_to=date_to))) == expected


def test_apply_to_no_events():
    assert apply(EVENTS.iloc[:0], FilterState(q="x", actors=("russia",))).empty
