import pytest
from pydantic import ValidationError

from timeline.model import Event, Figure, Source

EVENT = {
    "id": "treaty-signed",
    "date": "2024-06-19",
    "title": "A title",
    "summary": "A summary.",
    "category": "treaty-and-diplomacy",
    "actors": ["russia"],
    "status": "confirmed",
    "sources": [{"file": "004_x.txt", "quote": "signed a comprehensive strategic partnership"}],
}


def errors(data: dict) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as raised:
        Event.model_validate(data)
    return [(e["loc"], e["type"]) for e in raised.value.errors()]


def test_a_minimal_event_gets_its_defaults():
    event = Event.model_validate(EVENT)
    assert (event.end, event.window, event.key, event.location) == (None, False, False, None)
    assert (event.figures, event.other_locations) == ([], [])


def test_an_unquoted_year_is_a_year():
    assert Event.model_validate({**EVENT, "date": 2023}).date == "2023"


def test_unknown_fields_are_refused():
    assert errors({**EVENT, "tittle": "x"}) == [(("tittle",), "extra_forbidden")]


def test_end_before_date_and_window_without_end_are_refused():
    assert errors({**EVENT, "end": "2024-06-18"}) == [((), "value_error")]
    assert errors({**EVENT, "window": True}) == [((), "value_error")]


def test_an_end_in_the_same_period_is_fine():
    assert Event.model_validate({**EVENT, "date": "2024-06", "end": "2024-06-30"}).end


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Not_Kebab"),
        ("date", "2024-02-30"),
        ("title", "two\nlines"),
        ("title", "x" * 121),
        ("actors", []),
        ("sources", []),
    ],
)
def test_field_rules(field, value):
    assert errors({**EVENT, field: value})[0][0] == (field,)


def test_a_figure_defaults_to_exactly_and_refuses_unknown_qualifiers():
    figure = {"value": 3000, "unit": "troops", "counts": "c", "claimant": "US", "source": "a.txt"}
    assert Figure.model_validate(figure).qualifier == "exactly"
    with pytest.raises(ValidationError):
        Figure.model_validate({**figure, "qualifier": "roughly"})


def test_a_figure_is_0_or_more_unless_it_says_it_is_signed():
    figure = {"value": -2.1, "unit": "percent", "counts": "c", "claimant": "US", "source": "a.txt"}
    with pytest.raises(ValidationError, match=r"value -2\.1 is below 0"):
        Figure.model_validate(figure)
    assert Figure.model_validate({**figure, "signed": True}).value == -2.1
    assert Figure.model_validate({**figure, "value": 0}).value == 0


def test_a_source_is_published_on_a_day_or_within_a_range():
    source = {
        "file": "000_x.txt",
        "short_name": "s",
        "title": "t",
        "publisher": "p",
        "publisher_basis": "b",
        "published_basis": "b",
    }
    assert Source.model_validate({**source, "published": "2024-10-28"}).published == "2024-10-28"
    ranged = Source.model_validate(
        {**source, "published": {"earliest": "2024-10-28", "latest": "2024-10-30"}}
    )
    assert ranged.published.latest == "2024-10-30"
