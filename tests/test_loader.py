from pathlib import Path

import pandas as pd
import pytest
from checker_cases import VALID

from timeline import EVENT_COLUMNS, DataError, load_events
from timeline.loader import parse_events

REPO_ROOT = Path(__file__).resolve().parent.parent

EVENT = """\
  - id: {id}
    date: {date}
{extra}    title: A title
    summary: A summary.
    category: transport
    actors: [ferry-company]
    status: reported
    sources:
      - file: 001_harbour.txt
        quote: "The ferry between Northport and Southbay resumed service"
"""


def events_file(tmp_path, *events: dict) -> Path:
    text = "events:\n" + "".join(
        EVENT.format(id=e["id"], date=e["date"], extra=e.get("extra", "")) for e in events
    )
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_frame_has_the_contract_columns_in_file_order():
    frame = load_events(VALID / "data/events.yaml")
    assert list(frame.columns) == EVENT_COLUMNS
    assert list(frame["id"]) == [
        "ferry-service-resumes",
        "officials-say-ferry-stays-open",
        "new-pier-planned",
    ]


def test_a_day_event_row():
    row = load_events(VALID / "data/events.yaml").iloc[0]
    assert (row["date"], row["date_end"], row["precision"], row["end_precision"]) == (
        "2021-03-03",
        None,
        "day",
        None,
    )
    assert row["start"] == pd.Timestamp("2021-03-03")
    assert row["end"] == pd.Timestamp("2021-03-04")  # exclusive: the day after
    assert not row["window"] and not row["is_span"] and row["key"]
    assert row["actors"] == ["ferry-company"]
    assert (row["location"], row["other_locations"]) == ("northport", ["southbay"])
    assert row["source_files"] == ["001_harbour.txt", "002_gazette.txt"]
    assert (row["n_citations"], row["n_sources"]) == (2, 2)
    assert row["sources"][1] == {
        "file": "002_gazette.txt",
        "quote": "The Northport ferry has been running again since March 3",
    }
    assert row["figures"][1] == {
        "value": 1000.0,
        "signed": False,
        "unit": "passengers",
        "counts": "crossings in the first week",
        "claimant": "the port",
        "qualifier": "about",
        "source": "002_gazette.txt",
        "note": None,
    }


def test_a_year_event_covers_its_year():
    row = load_events(VALID / "data/events.yaml").iloc[2]
    assert (row["precision"], row["start"], row["end"]) == (
        "year",
        pd.Timestamp("2022-01-01"),
        pd.Timestamp("2023-01-01"),
    )
    assert row["location"] is None and row["date_basis"] is None and row["figures"] == []


def test_spans_windows_and_month_ends(tmp_path):
    path = events_file(
        tmp_path,
        {"id": "span", "date": '"2024-10-08"', "extra": '    end: "2024-10-13"\n'},
        {
            "id": "window",
            "date": '"2024-06"',
            "extra": '    end: "2024-08"\n    window: true\n    date_basis: "summer"\n',
        },
    )
    span, window = (row for _, row in load_events(path).iterrows())
    assert (span["is_span"], span["window"], span["end_precision"]) == (True, False, "day")
    assert span["end"] == pd.Timestamp("2024-10-14")
    assert (window["is_span"], window["window"], window["end_precision"]) == (False, True, "month")
    assert (window["start"], window["end"]) == (
        pd.Timestamp("2024-06-01"),
        pd.Timestamp("2024-09-01"),
    )


def test_dates_stay_text_whether_quoted_or_not(tmp_path):
    path = events_file(
        tmp_path,
        {"id": "unquoted-day", "date": "2024-06-19"},
        {"id": "unquoted-year", "date": "2023"},
    )
    frame = load_events(path)
    assert list(frame["date"]) == ["2024-06-19", "2023"]
    assert list(frame["precision"]) == ["day", "year"]


def test_a_bad_file_raises_one_error_with_every_problem(tmp_path):
    path = events_file(
        tmp_path,
        {"id": "one", "date": '"2024-02-30"'},
        {"id": "one", "date": '"2024"', "extra": "    tittle: typo\n"},
    )
    with pytest.raises(DataError) as raised:
        load_events(path)
    found = [(p.line, p.rule) for p in raised.value.problems]
    assert found == [(3, "impossible-date"), (12, "duplicate-id"), (14, "unknown-field")]
    assert str(raised.value).splitlines()[0].startswith(f"{path}:3:11: [error] impossible date")


def test_load_events_checks_the_file_on_its_own(tmp_path):
    # Vocabularies and seeds are the whole-dataset checks (timeline.check, load_dataset).
    path = events_file(tmp_path, {"id": "one", "date": '"2024"'})
    text = path.read_text(encoding="utf-8").replace("transport", "no-such-category")
    path.write_text(text, encoding="utf-8")
    assert list(load_events(path)["category"]) == ["no-such-category"]


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError) as raised:
        load_events(tmp_path / "nope.yaml")
    assert [p.rule for p in raised.value.problems] == ["unreadable-file"]


def test_events_valid_on_their_own_are_kept_when_another_is_broken(tmp_path):
    path = events_file(
        tmp_path,
        {"id": "good", "date": '"2024"'},
        {"id": "bad", "date": '"2024-13"'},
    )
    parsed = parse_events(path)
    assert [event.id for _, event in parsed.events] == ["good"]
    assert [p.rule for p in parsed.problems] == ["impossible-date"]


def test_an_aliased_event_is_not_a_duplicate_id_of_itself(tmp_path):
    path = events_file(tmp_path, {"id": "one", "date": '"2024"'})
    text = path.read_text(encoding="utf-8").replace("  - id: one", "  - &one\n    id: one")
    path.write_text(text + "  - *one\n", encoding="utf-8")
    assert [(p.line, p.rule) for p in parse_events(path).problems] == [(2, "anchor"), (13, "alias")]


def test_the_real_data_loads():
    frame = load_events(REPO_ROOT / "data/events.yaml")
    assert len(frame) >= 45
    assert frame["id"].is_unique
    assert (frame["start"] < frame["end"]).all()
    assert (frame["n_sources"] <= frame["n_citations"]).all()


def test_each_row_carries_its_search_text_case_folded_once():
    row = load_events(VALID / "data/events.yaml").iloc[0]
    parts = [row["title"], row["summary"], *(c["quote"] for c in row["sources"])]
    assert row["search_text"] == " ".join(parts).casefold()
    assert row["search_text"] != " ".join(parts)  # the fixture has capitals to fold
